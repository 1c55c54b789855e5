//! Links in the widget: the damaged-link message, the banner of a deck opened
//! from a link, "my decks", and the share buttons.

use yew::prelude::*;

use crate::core::bank::{Deck, Question};
use crate::core::config::{Config, DrillMode, Theme};
use crate::core::rich::plain_text;
use crate::core::session::{Model, Msg};
use crate::core::share::{drill_link, question_link, DrillLink, DrillMode as LinkMode};
use crate::web::address::{self, share_link, Shared};
use crate::web::platform;

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

/// The link to the card on screen: a question of a built-in deck, or the
/// whole deck when it came from a link (a friend does not have it).
pub fn share_question(m: &Model, question: &Question, links_base: &str) -> (String, String) {
    let fragment = match &m.shared {
        Some(shared) => shared.fragment.clone(),
        None => question_link(&m.deck.id, &question.id),
    };
    (
        format!("{links_base}{fragment}"),
        plain_text(&question.prompt),
    )
}

/// Shares the drill as set up: the same topics, mode and number of
/// questions, with a fresh seed so the friend gets the same cards in order.
/// A deck from a link is shared whole.
pub fn share_drill(m: &Model, links_base: &str, send: &Callback<Msg>) -> Html {
    let fragment = match &m.shared {
        Some(shared) => shared.fragment.clone(),
        None => drill_link(&DrillLink {
            deck: (m.deck.id != Config::default().deck).then(|| m.deck.id.clone()),
            topics: match &m.topic {
                Some(topic) => vec![topic.clone()],
                None => drill_topics(&m.deck),
            },
            mode: match m.drill_mode {
                DrillMode::Typed => LinkMode::Typed,
                // The practice drill of a widget that opens on mock rounds.
                DrillMode::Flashcards | DrillMode::Mock => LinkMode::Flashcards,
            },
            questions: u16::try_from(m.remaining().clamp(1, 10)).unwrap_or(10),
            seed: platform::seed(),
            minutes: None,
        }),
    };
    let (label, name) = if m.shared.is_some() {
        ("Share this deck", "Share this deck")
    } else {
        ("Share this drill", "Share this drill")
    };
    share_button(
        label,
        name,
        format!("{links_base}{fragment}"),
        &m.deck.title,
        send,
    )
}

/// The topics of a scoped deck, or none for a deck with every topic.
fn drill_topics(deck: &Deck) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for q in &deck.questions {
        if !topics.contains(&q.topic) {
            topics.push(q.topic.clone());
        }
    }
    if topics.len() == deck.topics.len() {
        Vec::new()
    } else {
        topics
    }
}

/// The set-up on the form, with its seed: a friend gets the same round.
pub fn mock_link(m: &Model, links_base: &str) -> String {
    let setup = &m.mock.setup;
    let fragment = drill_link(&DrillLink {
        deck: (m.deck.id != Config::default().deck).then(|| m.deck.id.clone()),
        topics: setup.topics.clone(),
        mode: LinkMode::Mock,
        questions: u16::try_from(setup.questions).unwrap_or(5),
        seed: m.mock.seed,
        minutes: setup.minutes,
    });
    format!("{links_base}{fragment}")
}
