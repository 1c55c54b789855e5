//! How a widget starts, as tables: which deck each opening gives (scoped,
//! amended by a drill link, refused for a damaged one), what the link opens
//! inside the drill, and what the share buttons' links say.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{at, deck, fresh_model};

use std::rc::Rc;

use interview_drill::core::bank::Deck;
use interview_drill::core::boot::{deck_for, opening_messages, scoped, BootError};
use interview_drill::core::config::{Config, DrillMode};
use interview_drill::core::mock::{AnswerStyle, RoundSetup};
use interview_drill::core::opening::{opening, Opening};
use interview_drill::core::session::{
    drill_mode_of, link_mode_of, update, DrillMsg, LinkMsg, MockMsg, Model, Msg, SHARED_DRILL_MAX,
};
use interview_drill::core::share::{
    deck_link, drill_link, parse_fragment, question_link, DrillLink, DrillMode as LinkMode, Link,
};
use interview_drill::core::time::Moment;

fn now() -> Moment {
    at(0)
}

fn backend() -> Deck {
    deck()
}

fn find(id: &str) -> Result<Deck, String> {
    interview_drill::decks::find(id)
}

fn topics_of(deck: &Deck) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for q in &deck.questions {
        if !out.contains(&q.topic) {
            out.push(q.topic.clone());
        }
    }
    out
}

fn drill(topics: &[&str], mode: LinkMode, deck: Option<&str>) -> String {
    drill_link(&DrillLink {
        deck: deck.map(String::from),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        mode,
        questions: 3,
        seed: 42,
        minutes: None,
    })
}

/// What a row expects of the chosen deck.
#[derive(Debug)]
enum Expect {
    /// Deck id (or its prefix, ending in `-`), number of questions, topics shown (empty: every topic),
    /// mode as amended, came from a link.
    Deck(&'static str, usize, Vec<&'static str>, DrillMode, bool),
    Damaged(&'static str),
    Broken,
}

#[test]
fn each_opening_gives_its_deck() {
    let bank = backend();
    let all = bank.questions.len();
    let first_topic = bank.topics[0].slug.clone();
    let in_first = bank
        .questions
        .iter()
        .filter(|q| q.topic == first_topic)
        .count();
    let leaked: &'static str = Box::leak(first_topic.clone().into_boxed_str());
    let shared_deck = {
        let mut d = backend();
        d.questions.truncate(2);
        d.id = "friends".into();
        d.title = "Friends".into();
        d
    };
    let shared_fragment = deck_link(&shared_deck).expect("a deck link");
    let question = &bank.questions[0].id;
    let scoped_config = Config {
        topics: vec![first_topic.clone()],
        ..Config::default()
    };
    let rows: Vec<(&str, Option<String>, Config, Expect)> = vec![
        (
            "no link: the configured deck, whole",
            None,
            Config::default(),
            Expect::Deck("backend", all, vec![], DrillMode::Flashcards, false),
        ),
        (
            "no link, one topic configured: only that topic",
            None,
            scoped_config.clone(),
            Expect::Deck(
                "backend",
                in_first,
                vec![leaked],
                DrillMode::Flashcards,
                false,
            ),
        ),
        (
            "a question link: the deck it names",
            Some(question_link("backend", question)),
            scoped_config.clone(),
            Expect::Deck("backend", all, vec![], DrillMode::Flashcards, false),
        ),
        (
            "a question the deck does not have",
            Some(question_link("backend", "no-such-question")),
            Config::default(),
            Expect::Damaged("the deck `backend` has no question `no-such-question`"),
        ),
        (
            "a question of a deck the page does not have",
            Some(question_link("elsewhere", "no-such-question")),
            Config::default(),
            Expect::Damaged("it opens the deck `elsewhere`, which this page does not have"),
        ),
        (
            "a typed drill of one topic: its topics and mode replace the configuration",
            Some(drill(&[leaked], LinkMode::Typed, None)),
            Config {
                difficulty: Some(1),
                questions: Some(2),
                ..Config::default()
            },
            Expect::Deck("backend", in_first, vec![leaked], DrillMode::Typed, false),
        ),
        (
            "a mock link's practice drill types",
            Some(drill(&[], LinkMode::Mock, None)),
            Config::default(),
            Expect::Deck("backend", all, vec![], DrillMode::Typed, false),
        ),
        (
            "a flashcard drill of a typed widget recalls",
            Some(drill(&[], LinkMode::Flashcards, None)),
            Config {
                mode: DrillMode::Typed,
                ..Config::default()
            },
            Expect::Deck("backend", all, vec![], DrillMode::Flashcards, false),
        ),
        (
            "a drill of a deck the page does not have",
            Some(drill(&[], LinkMode::Typed, Some("elsewhere"))),
            Config::default(),
            Expect::Damaged("it opens the deck `elsewhere`, which this page does not have"),
        ),
        (
            "a whole deck from a link",
            Some(shared_fragment.clone()),
            Config::default(),
            Expect::Deck("link-", 2, vec![], DrillMode::Flashcards, true),
        ),
        (
            "a damaged link",
            Some("#deck=1.AAAA".into()),
            Config::default(),
            Expect::Damaged(""),
        ),
        (
            "a configured deck the page does not have",
            None,
            Config {
                deck: "elsewhere".into(),
                ..Config::default()
            },
            Expect::Broken,
        ),
    ];
    for (name, fragment, config, expect) in rows {
        let opened = opening(fragment.as_deref());
        let chosen = deck_for(&opened, None, &config, find, |_| false);
        match (&expect, chosen) {
            (Expect::Deck(id, count, topics, mode, from_link), Ok(chosen)) => {
                // A shared deck is named by its content: `link-` and a hash.
                assert!(
                    chosen.deck.id == *id || (id.ends_with('-') && chosen.deck.id.starts_with(id)),
                    "{name}: {}",
                    chosen.deck.id
                );
                assert_eq!(chosen.deck.questions.len(), *count, "{name}");
                let shown = topics_of(&chosen.deck);
                if *from_link {
                    // A shared deck is shown as it came.
                } else if topics.is_empty() {
                    assert_eq!(shown.len(), chosen.deck.topics.len(), "{name}: every topic");
                } else {
                    assert_eq!(shown, *topics, "{name}");
                }
                assert_eq!(chosen.config.mode, *mode, "{name}");
                assert_eq!(chosen.shared.is_some(), *from_link, "{name}");
                if matches!(opened, Opening::Drill(_)) {
                    assert_eq!(chosen.config.difficulty, None, "{name}: a drill sets it");
                    assert_eq!(chosen.config.questions, None, "{name}: a drill sets it");
                }
            }
            (Expect::Damaged(reason), Err(BootError::DamagedLink(got))) => {
                assert!(got.contains(reason), "{name}: {got}");
            }
            (Expect::Broken, Err(BootError::Broken(_))) => {}
            (expect, got) => panic!("{name}: expected {expect:?}, got {got:?}"),
        }
    }
}

#[test]
fn a_shared_deck_says_whether_it_is_in_my_decks() {
    let mut deck = backend();
    deck.questions.truncate(1);
    deck.id = "mine".into();
    let fragment = deck_link(&deck).expect("a deck link");
    for saved in [false, true] {
        let chosen = deck_for(
            &opening(Some(&fragment)),
            None,
            &Config::default(),
            find,
            |id| saved && id.starts_with("link-"),
        )
        .expect("opens");
        let shared = chosen.shared.expect("from a link");
        assert_eq!(shared.saved, saved);
        assert_eq!(shared.fragment, fragment);
    }
}

#[test]
fn a_deck_given_directly_ignores_the_link() {
    let mut given = backend();
    given.questions.truncate(3);
    given.id = "preview".into();
    let given = Rc::new(given);
    for fragment in [None, Some("#deck=1.AAAA"), Some("#q=backend.x")] {
        // The shell opens `Configured` for a given deck; a damaged link
        // reaching `deck_for` is still refused.
        let chosen = deck_for(
            &Opening::Configured,
            Some(Rc::clone(&given)),
            &Config::default(),
            find,
            |_| false,
        )
        .expect("the given deck");
        assert!(Rc::ptr_eq(&chosen.deck, &given), "{fragment:?}");
    }
}

#[test]
fn a_scope_that_matches_nothing_shows_the_whole_deck() {
    let rows: Vec<(&str, Config, usize)> = vec![
        ("every topic", Config::default(), backend().questions.len()),
        (
            "an unknown topic",
            Config {
                topics: vec!["no-such-topic".into()],
                ..Config::default()
            },
            backend().questions.len(),
        ),
        (
            "a difficulty none has",
            Config {
                difficulty: Some(9),
                ..Config::default()
            },
            backend().questions.len(),
        ),
        (
            "one difficulty",
            Config {
                difficulty: Some(1),
                ..Config::default()
            },
            backend()
                .questions
                .iter()
                .filter(|q| q.difficulty == 1)
                .count(),
        ),
    ];
    for (name, config, count) in rows {
        assert_eq!(scoped(backend(), &config).questions.len(), count, "{name}");
    }
    let titled = Config {
        title: Some("Caching week".into()),
        ..Config::default()
    };
    assert_eq!(scoped(backend(), &titled).title, "Caching week");
}

#[test]
fn what_each_link_opens_inside_the_drill() {
    let question = backend().questions[0].id.clone();
    let topic = backend().topics[0].slug.clone();
    let mock_config = Config {
        mode: DrillMode::Mock,
        questions: Some(4),
        topics: vec!["t".into()],
        ..Config::default()
    };
    let rows: Vec<(&str, Option<String>, Config, Vec<Msg>)> = vec![
        ("no link", None, Config::default(), vec![]),
        (
            "a question",
            Some(question_link("backend", &question)),
            Config::default(),
            vec![Msg::Link(LinkMsg::OpenQuestion(question.clone(), now()))],
        ),
        (
            "a drill",
            Some(drill(&[], LinkMode::Typed, None)),
            Config::default(),
            vec![Msg::Link(LinkMsg::StartDrill {
                seed: 42,
                count: 3,
                now: now(),
            })],
        ),
        (
            "a mock round: the set-up and its seed",
            Some(drill(&[&topic], LinkMode::Mock, None)),
            Config::default(),
            vec![
                Msg::Mock(MockMsg::Prepare(RoundSetup {
                    questions: 3,
                    topics: vec![topic.clone()],
                    minutes: None,
                    style: AnswerStyle::Typed,
                })),
                Msg::Mock(MockMsg::Seed(42)),
            ],
        ),
        (
            "an embed that opens on the mock round",
            None,
            mock_config.clone(),
            vec![Msg::Mock(MockMsg::Prepare(RoundSetup {
                questions: 4,
                topics: vec!["t".into()],
                minutes: None,
                style: AnswerStyle::Typed,
            }))],
        ),
        (
            "a question link in a mock embed opens the question",
            Some(question_link("backend", &question)),
            mock_config,
            vec![Msg::Link(LinkMsg::OpenQuestion(question.clone(), now()))],
        ),
    ];
    for (name, fragment, config, expected) in rows {
        assert_eq!(
            opening_messages(opening(fragment.as_deref()), &config, now()),
            expected,
            "{name}"
        );
    }
}

#[test]
fn drill_modes_map_to_link_modes_and_back() {
    let rows = [
        (
            DrillMode::Flashcards,
            LinkMode::Flashcards,
            DrillMode::Flashcards,
        ),
        (DrillMode::Typed, LinkMode::Typed, DrillMode::Typed),
        // A widget that opens on mock rounds shares its practice drill.
        (DrillMode::Mock, LinkMode::Flashcards, DrillMode::Flashcards),
    ];
    for (mode, link, back) in rows {
        assert_eq!(link_mode_of(mode), link, "{mode:?}");
        assert_eq!(drill_mode_of(link), back, "{mode:?}");
    }
    assert_eq!(drill_mode_of(LinkMode::Mock), DrillMode::Typed);
}

fn model(deck: Deck, limit: Option<usize>, seed: u64) -> Model {
    fresh_model(deck, limit, seed)
}

fn parsed_drill(fragment: &str) -> DrillLink {
    match parse_fragment(fragment) {
        Ok(Link::Drill(drill)) => drill,
        other => panic!("{fragment}: {other:?}"),
    }
}

/// Name, deck, session limit, topic chosen, drill mode, then the link's
/// number of questions and topics.
type ShareRow = (
    &'static str,
    Deck,
    Option<usize>,
    Option<String>,
    DrillMode,
    u16,
    Vec<String>,
);

#[test]
fn a_shared_drill_says_what_is_set_up_with_the_seed_drawn_at_start() {
    let bank = backend();
    let first = bank.topics[0].slug.clone();
    let one_topic = scoped(
        backend(),
        &Config {
            topics: vec![first.clone()],
            ..Config::default()
        },
    );
    let rows: Vec<ShareRow> = vec![
        (
            "the whole deck: at most ten questions, every topic",
            backend(),
            None,
            None,
            DrillMode::Flashcards,
            SHARED_DRILL_MAX as u16,
            vec![],
        ),
        (
            "a session limit of three",
            backend(),
            Some(3),
            None,
            DrillMode::Typed,
            3,
            vec![],
        ),
        (
            "a topic chosen",
            backend(),
            Some(2),
            Some(first.clone()),
            DrillMode::Flashcards,
            2,
            vec![first.clone()],
        ),
        (
            "a widget scoped to one topic names it",
            one_topic,
            Some(4),
            None,
            DrillMode::Mock,
            4,
            vec![first.clone()],
        ),
    ];
    for (name, deck, limit, topic, mode, questions, topics) in rows {
        let mut m = model(deck, limit, 777);
        m.drill.drill_mode = mode;
        if topic.is_some() {
            update(&mut m, Msg::Drill(DrillMsg::ChooseTopic(topic, now())));
        }
        let link = parsed_drill(&m.drill_share());
        assert_eq!(link.questions, questions, "{name}");
        assert_eq!(link.topics, topics, "{name}");
        assert_eq!(link.mode, link_mode_of(mode), "{name}");
        assert_eq!(link.seed, 777, "{name}: the seed drawn at start");
        assert_eq!(link.deck, None, "{name}: the page's own deck is not named");
        assert_eq!(
            m.drill_share(),
            m.drill_share(),
            "{name}: the same on every render"
        );
    }
    // A finished drill still shares one question.
    let mut done = model(backend(), Some(1), 5);
    let current = done.current().map(|q| q.id.clone());
    assert!(current.is_some());
    update(&mut done, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut done,
        Msg::Drill(DrillMsg::Grade(
            interview_drill::core::progress::Grade::Good,
            now(),
        )),
    );
    assert_eq!(done.remaining(), 0);
    assert_eq!(parsed_drill(&done.drill_share()).questions, 1);
}

#[test]
fn a_deck_from_a_link_is_shared_whole() {
    let mut deck = backend();
    deck.questions.truncate(2);
    deck.id = "friends".into();
    let fragment = deck_link(&deck).expect("a deck link");
    let mut m = model(deck, None, 1);
    m.links.shared = Some(interview_drill::core::my_decks::SharedDeck {
        fragment: fragment.clone(),
        saved: false,
    });
    assert_eq!(m.drill_share(), fragment);
    let question = m.deck.questions[0].clone();
    assert_eq!(m.question_share(&question), fragment);
}

#[test]
fn a_mock_round_is_shared_with_its_set_up_and_seed() {
    let mut m = model(backend(), None, 1);
    update(
        &mut m,
        Msg::Mock(MockMsg::Prepare(RoundSetup {
            questions: 4,
            topics: vec![backend().topics[1].slug.clone()],
            minutes: Some(7),
            style: AnswerStyle::Aloud,
        })),
    );
    update(&mut m, Msg::Mock(MockMsg::Seed(99)));
    let link = parsed_drill(&m.mock_share());
    assert_eq!(link.mode, LinkMode::Mock);
    assert_eq!(link.questions, 4);
    assert_eq!(link.seed, 99);
    assert_eq!(link.minutes, Some(7));
    assert_eq!(link.topics, vec![backend().topics[1].slug.clone()]);
}
