//! Links in the widget: the damaged-link message, the banner of a deck opened
//! from a link, "my decks", and the share buttons.

use yew::prelude::*;

use crate::core::config::Theme;
use crate::core::session::{Model, Msg};
use crate::web::address::{self, share_link, Shared};

/// Shown instead of the drill when the page's link cannot be opened. Nothing
/// has been read or written; the way out is the built-in deck.
pub fn damaged_link(reason: &str, theme: Theme) -> Html {
    html! {
        <section class={classes!("idrill", theme.class())} aria-label="Interview Drill">
            <div class="idrill-notice idrill-damaged" role="alert">
                <h2>{ "This link is damaged" }</h2>
                <p>{ format!("It cannot be opened: {reason}.") }</p>
                <p>{ "Your saved progress is untouched. Ask for the link again, or practise the built-in deck." }</p>
            </div>
            <p><button type="button" class="idrill-primary" onclick={|_| address::go_to(None)}>
                { "Open the built-in deck" }
            </button></p>
        </section>
    }
}

/// Says plainly that the deck came from a link, and offers to keep it.
pub fn shared_banner(m: &Model, send: &Callback<Msg>) -> Html {
    let Some(shared) = &m.shared else {
        return Html::default();
    };
    let count = m.deck.questions.len();
    html! {
        <section class="idrill-shared" aria-label="Shared deck">
            <p>
                <strong>{ "Shared deck, opened from a link: " }</strong>{ m.deck.title.clone() }
                { format!(" ({count} question{}).", if count == 1 { "" } else { "s" }) }
                { " Its progress is kept apart from the built-in deck's." }
            </p>
            <p class="idrill-actions">
                if shared.saved {
                    <span>{ "Saved in My decks." }</span>
                } else {
                    <button type="button" class="idrill-primary" onclick={send.reform(|_| Msg::SaveSharedDeck)}>
                        { "Save to My decks" }
                    </button>
                }
                <button type="button" onclick={|_| address::go_to(None)}>{ "Back to the built-in deck" }</button>
            </p>
        </section>
    }
}

/// The built-in deck and the shared decks kept in this browser.
pub fn my_decks_view(m: &Model, send: &Callback<Msg>, links_base: &str) -> Html {
    html! {
        <section class="idrill-decks" aria-labelledby="idrill-decks-title">
            <h3 id="idrill-decks-title">{ "My decks" }</h3>
            <p class="idrill-how">{ "Decks opened from links and saved in this browser. Each keeps its own progress." }</p>
            <ul class="idrill-deck-list">
                <li>
                    <span>{ "Backend engineer interview (built in)" }</span>
                    <button type="button" onclick={|_| address::go_to(None)}>{ "Open built-in deck" }</button>
                </li>
                { for m.my_decks.iter().map(|d| {
                    let open = {
                        let fragment = d.fragment.clone();
                        Callback::from(move |_: MouseEvent| address::go_to(Some(&fragment)))
                    };
                    let id = d.id.clone();
                    let url = format!("{links_base}{}", d.fragment);
                    html! {
                        <li>
                            <span>{ format!("{} ({} question{})", d.title, d.questions, if d.questions == 1 { "" } else { "s" }) }</span>
                            <span class="idrill-actions">
                                <button type="button" onclick={open} aria-label={format!("Open {}", d.title)}>{ "Open" }</button>
                                { share_button("Share", &format!("Share {}", d.title), url, &d.title, send) }
                                <button type="button" class="idrill-quiet" aria-label={format!("Remove {}", d.title)}
                                    onclick={send.reform(move |_| Msg::RemoveSavedDeck(id.clone()))}>{ "Remove" }</button>
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if m.my_decks.is_empty() {
                <p>{ "No saved decks yet. Open a deck link and choose “Save to My decks”." }</p>
            }
            if let Some(note) = &m.share_note { <p class="idrill-how">{ note.clone() }</p> }
        </section>
    }
}

/// A button that shares `url` (the share sheet on phones, else the
/// clipboard) and reports how through `Msg::LinkShared`.
pub fn share_button(
    label: &str,
    name: &str,
    url: String,
    title: &str,
    send: &Callback<Msg>,
) -> Html {
    let send = send.clone();
    let title = title.to_string();
    let onclick = Callback::from(move |_: MouseEvent| {
        let send = send.clone();
        let url = url.clone();
        let title = title.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let note = match share_link(&url, &title).await {
                Shared::Sheet => "Link shared.".to_string(),
                Shared::Copied => "Link copied to the clipboard.".to_string(),
                Shared::Cancelled => return,
                Shared::Blocked => {
                    format!("Copying is blocked here; copy this link by hand: {url}")
                }
            };
            send.emit(Msg::LinkShared(note));
        });
    });
    html! {
        <button type="button" aria-label={name.to_string()} {onclick}>{ label.to_string() }</button>
    }
}
