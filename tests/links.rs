//! What links open, through the drill's messages: a question, a seeded drill,
//! a shared deck kept in "my decks"; and which fragments are links at all.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{at, fresh_model};

use interview_drill::core::my_decks::{self, SharedDeck};
use interview_drill::core::opening::{opening, Opening};
use interview_drill::core::session::{update, DrillMsg, Effect, LinkMsg, Mode, Model, Msg};
use interview_drill::core::share::{deck_link, parse_fragment, Link};
use interview_drill::core::stored::{key_role, KeyRole, Write};
use interview_drill::core::time::Moment;

fn now() -> Moment {
    at(0)
}

fn model_with(deck: interview_drill::core::bank::Deck) -> Model {
    fresh_model(deck, None, 0)
}

fn backend() -> interview_drill::core::bank::Deck {
    interview_drill::decks::find("backend").expect("backend deck")
}

#[test]
fn fragments_that_are_not_links_open_the_configured_deck() {
    for fragment in [None, Some(""), Some("#"), Some("#top"), Some("#section-2")] {
        assert_eq!(opening(fragment), Opening::Configured, "{fragment:?}");
    }
    for fragment in ["#deck=9.abc", "#q=backend", "#drill=n:0", "#quiz=x"] {
        assert!(
            matches!(opening(Some(fragment)), Opening::Damaged(_)),
            "{fragment}"
        );
    }
}

#[test]
fn a_question_link_opens_that_card_as_extra_practice() {
    let mut model = model_with(backend());
    update(
        &mut model,
        Msg::Link(LinkMsg::OpenQuestion(
            "cache-stampede-hot-key".into(),
            now(),
        )),
    );
    assert_eq!(
        model.current().map(|q| q.id.as_str()),
        Some("cache-stampede-hot-key")
    );
    assert_eq!(model.drill.mode, Mode::Cram { difficulty: None });
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(
            interview_drill::core::progress::Grade::Good,
            now(),
        )),
    );
    assert_eq!(model.drill.current, None, "only the shared card");
}

#[test]
fn the_same_seed_gives_the_same_drill() {
    let order = |seed| {
        let mut model = model_with(backend());
        update(
            &mut model,
            Msg::Link(LinkMsg::StartDrill {
                seed,
                count: 5,
                now: now(),
            }),
        );
        model.drill.cram.clone()
    };
    assert_eq!(order(42), order(42));
    assert_eq!(order(42).len(), 5);
    assert_ne!(order(42), order(43));
}

#[test]
fn a_shared_deck_is_saved_once_and_removed() {
    let mut deck = backend();
    deck.questions.truncate(2);
    let fragment = deck_link(&deck).expect("link");
    let Ok(Link::Deck(opened)) = parse_fragment(&fragment) else {
        panic!("the link opens a deck");
    };
    assert!(
        opened.id.starts_with("link-"),
        "its own id, apart from the built-in deck"
    );
    let mut model = model_with(opened.clone());
    model.links.shared = Some(SharedDeck {
        fragment: fragment.clone(),
        saved: false,
    });

    let effects = update(&mut model, Msg::Link(LinkMsg::SaveSharedDeck));
    assert_eq!(
        effects,
        vec![Effect::Store(Write::SaveDeck {
            id: opened.id.clone(),
            fragment: fragment.clone()
        })]
    );
    assert!(
        update(&mut model, Msg::Link(LinkMsg::SaveSharedDeck)).is_empty(),
        "saved once"
    );
    assert_eq!(model.links.my_decks.len(), 1);
    let stored = my_decks::read(&my_decks::key(&opened.id), &fragment)
        .expect("ours")
        .expect("reads");
    assert_eq!(
        (stored.title.as_str(), stored.questions),
        (opened.title.as_str(), 2)
    );
    assert!(
        my_decks::read("deck:link-other", &fragment)
            .expect("ours")
            .is_err(),
        "a key must name its deck"
    );
    assert!(my_decks::read("base", &fragment).is_none());
    assert_eq!(
        key_role(&my_decks::key(&opened.id)),
        KeyRole::SavedDeck,
        "never read as progress, never compacted"
    );

    let effects = update(
        &mut model,
        Msg::Link(LinkMsg::RemoveSavedDeck(opened.id.clone())),
    );
    assert_eq!(
        effects,
        vec![Effect::Store(Write::RemoveDeck(opened.id.clone()))]
    );
    assert!(model.links.my_decks.is_empty());
    assert_eq!(model.links.shared.as_ref().map(|s| s.saved), Some(false));
}
