//! Browser glue, in headless Chromium: the localStorage store and mounting.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use interview_drill::core::config::Config;
use interview_drill::shell::app::{App, AppProps, StoreHandle};
use interview_drill::storage::store::{MemoryStore, Store, StoreError, KEY_PREFIX};
use interview_drill::web::local_store::LocalStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has localStorage")
}

#[wasm_bindgen_test]
fn local_store_round_trips_under_its_own_prefix() {
    let store = LocalStore::open("test-rt").expect("opens");
    store.put("progress", "{\"a\":1}").expect("put");
    assert_eq!(
        store.get("progress").expect("get").as_deref(),
        Some("{\"a\":1}")
    );
    assert_eq!(
        local_storage()
            .get_item(&format!("{KEY_PREFIX}test-rt:progress"))
            .ok()
            .flatten()
            .as_deref(),
        Some("{\"a\":1}")
    );
    store.remove("progress").expect("remove");
    assert_eq!(store.get("progress").expect("get"), None);
}

#[wasm_bindgen_test]
fn local_store_leaves_other_owners_keys_alone() {
    let raw = local_storage();
    raw.set_item("host-page-key", "keep me").expect("host key");
    raw.set_item("progress", "host's own progress")
        .expect("host key");
    let store = LocalStore::open("test-iso").expect("opens");
    store.put("progress", "ours").expect("put");
    store.remove("progress").expect("remove");
    assert_eq!(
        store.get("host-page-key").expect("get"),
        None,
        "reads only its own prefix"
    );
    assert_eq!(
        raw.get_item("host-page-key").ok().flatten().as_deref(),
        Some("keep me")
    );
    assert_eq!(
        raw.get_item("progress").ok().flatten().as_deref(),
        Some("host's own progress")
    );
    raw.remove_item("host-page-key").ok();
    raw.remove_item("progress").ok();
}

#[wasm_bindgen_test]
fn local_store_lists_only_its_own_keys() {
    let raw = local_storage();
    raw.set_item("interview-drill:other-ns:base", "someone else's")
        .expect("other namespace");
    raw.set_item("unrelated", "host").expect("host key");
    let store = LocalStore::open("test-keys").expect("opens");
    store.put("log:b", "1").expect("put");
    store.put("base", "2").expect("put");
    assert_eq!(
        store.keys().expect("keys"),
        vec!["base".to_string(), "log:b".to_string()]
    );
    interview_drill::storage::sync::remove_all(&store).expect("reset");
    assert!(store.keys().expect("keys").is_empty());
    assert_eq!(
        raw.get_item("interview-drill:other-ns:base")
            .ok()
            .flatten()
            .as_deref(),
        Some("someone else's")
    );
    assert_eq!(
        raw.get_item("unrelated").ok().flatten().as_deref(),
        Some("host")
    );
    raw.remove_item("interview-drill:other-ns:base").ok();
    raw.remove_item("unrelated").ok();
}

#[wasm_bindgen_test]
fn a_full_quota_is_a_typed_error_not_a_panic() {
    let store = LocalStore::open("test-quota").expect("opens");
    // Chromium allows about 5 MB per origin; 6 MB of text cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(store.put("huge", &huge), Err(StoreError::QuotaExceeded));
    assert_eq!(
        store.get("huge").expect("get"),
        None,
        "nothing half-written"
    );
}

fn mount_point() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("document");
    let host = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

async fn render_app(store: Rc<dyn Store>, config: Config) -> web_sys::Element {
    // As the loader does before the full build mounts.
    interview_drill::decks::give_details(DETAILS).expect("details");
    let host = mount_point();
    let props = AppProps {
        config,
        deck: None,
        store: StoreHandle(store),
        storage_problem: None,
        problems: Vec::new(),
        links_base: String::new(),
        loader: None,
        then: None,
        carried: None,
    };
    yew::Renderer::<App>::with_root_and_props(host.clone(), props).render();
    yew::scheduler::flush().await;
    host
}

#[wasm_bindgen_test]
async fn the_app_mounts_into_any_element_with_the_deck() {
    let host = render_app(Rc::new(MemoryStore::default()), Config::default()).await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("Backend engineer interview"), "{text}");
    assert!(text.contains("Show answer"), "{text}");
    assert!(host.query_selector("article h3").ok().flatten().is_some());
}

#[wasm_bindgen_test]
async fn two_apps_on_one_page_keep_their_own_state() {
    let first = render_app(Rc::new(MemoryStore::default()), Config::default()).await;
    let config = Config {
        topic: Some("async-queues".into()),
        ..Config::default()
    };
    let second = render_app(Rc::new(MemoryStore::default()), config).await;
    let checked = |host: &web_sys::Element| {
        host.query_selector("select option:checked")
            .ok()
            .flatten()
            .and_then(|o| o.text_content())
            .unwrap_or_default()
    };
    assert!(
        checked(&first).starts_with("All topics"),
        "{}",
        checked(&first)
    );
    assert!(
        checked(&second).starts_with("Queues, retries"),
        "{}",
        checked(&second)
    );
}

#[wasm_bindgen_test]
async fn corrupt_progress_is_backed_up_and_reported() {
    let store = Rc::new(MemoryStore::default());
    store.put("progress", "{not json").expect("seed");
    let host = render_app(store.clone(), Config::default()).await;
    let alert = host
        .query_selector("[role=alert]")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(
        alert.contains("Saved progress could not be read"),
        "{alert}"
    );
    let keys = store.keys().expect("keys");
    let backup = keys
        .iter()
        .find(|k| k.starts_with("backup-") && k.ends_with(":progress"))
        .expect("a backup key");
    assert_eq!(
        store.get(backup).expect("get").as_deref(),
        Some("{not json"),
        "kept byte for byte"
    );
    assert_eq!(
        store.get("progress").expect("get"),
        None,
        "removed only after the copy"
    );
}

#[wasm_bindgen_test]
async fn mount_widget_uses_a_shadow_root_and_mounts_once() {
    let host = mount_point();
    host.set_attribute("data-interview-drill", "")
        .expect("attr");
    host.set_attribute("data-theme", "dark").expect("attr");
    host.set_attribute("data-questions", "nope").expect("attr");
    mount(&host, None).expect("mounts");
    mount(&host, None).expect("second call is harmless");
    yew::scheduler::flush().await;
    let shadow = host.shadow_root().expect("a shadow root");
    assert_eq!(
        shadow
            .query_selector_all(".idrill")
            .expect("query")
            .length(),
        1
    );
    let section = shadow
        .query_selector(".idrill")
        .ok()
        .flatten()
        .expect("widget");
    assert!(section.class_name().contains("idrill-theme-dark"));
    let note = shadow
        .query_selector("[role=note]")
        .ok()
        .flatten()
        .and_then(|n| n.text_content())
        .unwrap_or_default();
    assert!(
        note.contains("data-questions=\"nope\" is not valid"),
        "{note}"
    );
    assert_eq!(
        host.children().length(),
        0,
        "nothing added to the host's light DOM"
    );
}

#[wasm_bindgen_test]
fn the_address_fragment_is_read_set_and_cleared_with_a_hashchange() {
    use interview_drill::web::address;
    use std::cell::RefCell;
    let heard: Rc<RefCell<Vec<Option<String>>>> = Rc::default();
    let listener = {
        let heard = heard.clone();
        address::on_fragment_change(move |fragment| heard.borrow_mut().push(fragment))
    }
    .expect("listens");
    address::go_to(Some("#q=backend/cache-stampede-hot-key"));
    assert_eq!(
        address::fragment().as_deref(),
        Some("#q=backend/cache-stampede-hot-key")
    );
    assert!(!address::without_fragment().contains('#'));
    // Clearing leaves no bare `#` and is heard at once.
    address::go_to(None);
    assert_eq!(address::fragment(), None);
    assert_eq!(heard.borrow().last(), Some(&None));
    drop(listener);
    address::go_to(None);
    let count = heard.borrow().len();
    address::go_to(None);
    assert_eq!(
        heard.borrow().len(),
        count,
        "a dropped listener hears nothing"
    );
}

/// `mountWidget` as embed.js calls it, with no loader.
fn mount(host: &web_sys::Element, details: Option<&[u8]>) -> Result<(), wasm_bindgen::JsValue> {
    interview_drill::shell::embed::mount_widget(
        host.clone(),
        None,
        wasm_bindgen::JsValue::UNDEFINED,
        details.map(js_sys::Uint8Array::from),
        None,
        None,
    )
}

/// The details file the build writes beside the index compiled in.
const DETAILS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/decks-details.bin"));

#[wasm_bindgen_test]
async fn a_widget_handed_over_unmounts_and_the_next_mount_has_the_answers() {
    let host = mount_point();
    host.set_attribute("data-interview-drill", "")
        .expect("attr");
    mount(&host, None).expect("mounts");
    yew::scheduler::flush().await;
    let shadow = host.shadow_root().expect("a shadow root");
    assert!(shadow
        .query_selector("article h3")
        .expect("query")
        .is_some());
    // The guest hands the widget over: the shadow root is emptied, kept.
    interview_drill::shell::embed::unmount_widget(host.clone());
    yew::scheduler::flush().await;
    assert_eq!(shadow.child_element_count(), 0);
    // The next build mounts in the same root, with the details given.
    mount(&host, Some(DETAILS)).expect("mounts again");
    yew::scheduler::flush().await;
    assert!(interview_drill::decks::has_details());
    let deck = interview_drill::decks::find("backend").expect("deck");
    assert!(deck.questions.iter().all(|q| !q.answer.is_empty()));
    assert_eq!(
        shadow
            .query_selector_all(".idrill")
            .expect("query")
            .length(),
        1
    );
}

#[wasm_bindgen_test]
fn damaged_details_are_refused_with_a_reason() {
    let host = mount_point();
    host.set_attribute("data-interview-drill", "")
        .expect("attr");
    let error = mount(&host, Some(&[0xff, 0xff, 0xff])).expect_err("refused");
    assert!(error
        .as_string()
        .is_some_and(|e| e.starts_with("the answers file is damaged")));
}
