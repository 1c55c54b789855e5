//! What the guest loads after its first card, through the page's loader:
//! the decks' details at once, and the full build when the learner opens
//! something only it has. Both report back as `Msg::Part`; a failure leaves
//! the drill working.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use web_sys::Element;
use yew::Callback;

use crate::core::boot::BootError;
use crate::core::config::{scoped, Config};
use crate::core::persist::encode_log;
#[cfg(feature = "full")]
use crate::core::session::Section;
use crate::core::session::{Model, Msg, Part, PartMsg};
use crate::decks;
#[cfg(feature = "full")]
use crate::ui::intent::Intent;
use crate::web::loader::Loader;

type Shared = Rc<RefCell<Result<Model, BootError>>>;
type Noted = Weak<RefCell<Result<Model, BootError>>>;

thread_local! {
    /// Each widget's model by its host, for what it hands over.
    static WIDGETS: RefCell<Vec<(Element, Noted)>> = const { RefCell::new(Vec::new()) };
}

/// Notes the model of the widget in `host`, so a hand-over can carry on
/// what it could not store.
pub fn register(host: &Element, model: &Shared) {
    WIDGETS.with(|widgets| {
        let mut widgets = widgets.borrow_mut();
        widgets.retain(|(h, m)| h != host && m.strong_count() > 0);
        widgets.push((host.clone(), Rc::downgrade(model)));
    });
}

/// What the widget in `host` added and may not have stored, as a log for
/// the build that takes it over (`Msg::Carried`).
pub fn unsaved(host: &Element) -> Option<String> {
    let model = WIDGETS.with(|widgets| {
        widgets
            .borrow()
            .iter()
            .find(|(h, _)| h == host)
            .and_then(|(_, m)| m.upgrade())
    })?;
    let model = model.borrow();
    let model = model.as_ref().ok()?;
    model.unsaved().map(|own| encode_log(own, model.writer()))
}

/// Fetches the details (the loader fetches them once for the whole page)
/// and hands this widget its deck, complete.
pub fn fetch_details(loader: &Loader, config: &Config, send: &Callback<Msg>) {
    let (loader, config, send) = (loader.clone(), config.clone(), send.clone());
    wasm_bindgen_futures::spawn_local(async move {
        let msg = match loader.details().await.and_then(|bytes| {
            decks::give_details(&bytes)?;
            decks::find(&config.deck)
        }) {
            Ok(deck) => PartMsg::Details(Rc::new(scoped(deck, &config))),
            Err(reason) => PartMsg::DetailsFailed(reason),
        };
        send.emit(Msg::Part(msg));
    });
}

/// Hands the widget to the full build, opening `part`. On success this
/// widget is gone; on failure it says so and offers to try again.
pub fn upgrade(loader: &Loader, part: Part, send: &Callback<Msg>) {
    send.emit(Msg::Part(PartMsg::Fetching(part)));
    let (loader, send) = (loader.clone(), send.clone());
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(reason) = loader.upgrade(part.name()).await {
            send.emit(Msg::Part(PartMsg::Failed(part, reason)));
        }
    });
}

/// What the guest was asked for, done now that the full build has the widget.
#[cfg(feature = "full")]
pub fn handed_over(m: &Model, part: Part, links_base: &str) -> Intent {
    match part {
        Part::Section(section) => Intent::Msg(Msg::Show(section)),
        Part::ShareQuestion => match m.current() {
            Some(question) => Intent::Share {
                url: format!("{links_base}{}", m.question_share(question)),
                title: crate::core::rich::plain_text(&question.prompt),
            },
            None => Intent::Msg(Msg::Show(Section::Practice)),
        },
        Part::ShareDrill => Intent::Share {
            url: format!("{links_base}{}", m.drill_share()),
            title: m.deck.title.clone(),
        },
    }
}
