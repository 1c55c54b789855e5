//! Mock rounds and the prep plan inside the drill session, as message tables:
//! a finished round's reviews in this writer's log, resuming a stored round,
//! drilling the weak questions first, plan practice, an interview date
//! bringing cards forward; and storing rounds, history and plan with backups.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_drill::core::answer_note::AnswerStyle as NoteStyle;
use interview_drill::core::fsrs::Phase;
use interview_drill::core::mock::{
    decode_history, encode_history, encode_round, update as round_update, AnswerStyle, History,
    RoundMsg, RoundSetup, HISTORY_KEY, ROUND_KEY,
};
use interview_drill::core::notice::Notice;
use interview_drill::core::persist::restore;
use interview_drill::core::plan::{PlanMsg, PLAN_KEY};
use interview_drill::core::progress::{Grade, ReviewKind};
use interview_drill::core::session::{
    update, DrillMsg, Effect, FileKind, MockMsg, Mode, Model, Msg, PrepMsg, PrepRestored, Saving,
    Section, Start,
};
use interview_drill::core::stored::{key_role, KeyRole, Write};
use interview_drill::core::time::Moment;
use interview_drill::storage::prep::{add_history, load, remove_round, save_plan, save_round};
use interview_drill::storage::store::{MemoryStore, Store, StoreError};

use common::{at, finished_record, rc_deck, DAY, MINUTE, SECOND, T0};

fn fresh() -> Model {
    Model::start(Start {
        deck: rc_deck(),
        topic: None,
        restored: restore(&[]),
        backups: Some(Vec::new()),
        writer: "w1".into(),
        storage_problem: None,
        session_limit: None,
        seed: 0,
        now: at(0),
    })
}

fn setup(questions: usize, minutes: u8, style: AnswerStyle) -> RoundSetup {
    RoundSetup {
        questions,
        minutes: Some(minutes),
        style,
        ..RoundSetup::default()
    }
}

fn round(msg: RoundMsg) -> Msg {
    Msg::Mock(MockMsg::Round(msg))
}

/// Starts a round of `questions` questions, two minutes each, from seed 42.
fn started(questions: usize, style: AnswerStyle) -> (Model, Vec<Effect>) {
    let mut model = fresh();
    update(
        &mut model,
        Msg::Mock(MockMsg::Setup(setup(questions, 2, style))),
    );
    update(&mut model, Msg::Mock(MockMsg::Seed(42)));
    let effects = update(
        &mut model,
        Msg::Mock(MockMsg::Start {
            now: at(0),
            next_seed: 7,
        }),
    );
    (model, effects)
}

fn kinds(effects: &[Effect]) -> Vec<&'static str> {
    effects
        .iter()
        .map(|e| match e {
            Effect::Store(Write::Log(_)) => "log",
            Effect::Store(Write::Round(_)) => "round",
            Effect::Store(Write::RemoveRound) => "remove round",
            Effect::Store(Write::AddToHistory(_)) => "history",
            Effect::Store(Write::Plan(_)) => "plan",
            Effect::Download {
                kind: FileKind::Markdown,
                ..
            } => "markdown",
            Effect::Download { .. } => "download",
            Effect::Store(Write::RemoveAll) => "remove all",
            Effect::Store(Write::Draft(_) | Write::SaveDeck { .. } | Write::BuilderDeck(_)) => {
                "put"
            }
            Effect::Store(Write::ClearDraft | Write::RemoveDeck(_)) => "remove",
        })
        .collect()
}

#[test]
fn a_round_runs_through_the_session_and_its_reviews_join_this_writers_log() {
    let (mut model, effects) = started(3, AnswerStyle::Typed);
    assert_eq!(kinds(&effects), ["round"]);
    assert_eq!(model.section, Section::Mock);
    assert_eq!(model.prep.mock.seed, 7, "the next round gets a fresh seed");
    assert!(model
        .announcement
        .starts_with("Mock round started: 3 questions, 6 minutes in all."));
    let ids: Vec<String> = model
        .prep
        .mock
        .running()
        .expect("a round")
        .items
        .iter()
        .map(|i| i.question.clone())
        .collect();
    // Each row: message, then (effects, question on screen, reviews recorded).
    let rows: Vec<(Msg, Vec<&str>, usize, usize)> = vec![
        (
            round(RoundMsg::Type {
                index: 0,
                text: "An idempotency key; retries can fail; a trade-off.".into(),
            }),
            vec!["round"],
            0,
            0,
        ),
        (round(RoundMsg::Tick(at(30 * SECOND))), vec![], 0, 0),
        (
            round(RoundMsg::Next {
                index: 0,
                now: at(40 * SECOND),
            }),
            vec!["round"],
            1,
            0,
        ),
        // A keystroke for the question already gone changes nothing.
        (
            round(RoundMsg::Type {
                index: 0,
                text: "late".into(),
            }),
            vec![],
            1,
            0,
        ),
        // The one-minute warning is saved and announced.
        (
            round(RoundMsg::Tick(at(40 * SECOND + 61 * SECOND))),
            vec!["round"],
            1,
            0,
        ),
        // Time runs out: question 3 starts.
        (
            round(RoundMsg::Tick(at(40 * SECOND + 2 * MINUTE))),
            vec!["round"],
            2,
            0,
        ),
        (
            round(RoundMsg::Next {
                index: 2,
                now: at(3 * MINUTE),
            }),
            vec!["round", "log", "history", "remove round"],
            3,
            3,
        ),
    ];
    for (i, (msg, expected, current, reviews)) in rows.into_iter().enumerate() {
        let effects = update(&mut model, msg);
        assert_eq!(kinds(&effects), expected, "row {i}");
        let on_screen = model.prep.mock.running().map_or(3, |r| r.current);
        assert_eq!(on_screen, current, "row {i}");
        assert_eq!(model.data.own.reviews.len(), reviews, "row {i}");
        if i == 4 {
            assert_eq!(model.announcement, "One minute left on this question.");
        }
    }
    assert!(
        model.prep.mock.round.is_none(),
        "a finished round is recorded"
    );
    assert_eq!(model.prep.mock.history.len(), 1);
    let record = model.prep.mock.open_report().expect("the report is open");
    assert_eq!(record.report.questions.len(), 3);
    assert!(record.report.questions[1].timed_out);
    assert!(model.announcement.starts_with("Round complete. Score: "));
    assert!(model
        .announcement
        .ends_with("3 answers added to your review history."));
    // Scheduled reviews, so the cards left the New phase; each with a note.
    for review in &model.data.own.reviews {
        assert_eq!(review.kind, ReviewKind::Scheduled);
        assert!(ids.contains(&review.card.question));
        let index = model
            .deck
            .questions
            .iter()
            .position(|q| q.id == review.card.question)
            .expect("in the deck");
        assert_ne!(model.states.get(index).phase, Phase::New);
    }
    assert_eq!(model.data.own.notes.len(), 3);
    assert!(model
        .data
        .own
        .notes
        .iter()
        .all(|n| n.style == NoteStyle::Typed && n.suggested == Some(n.chosen)));
    // Those cards are no longer new in today's queue.
    for id in &ids {
        let index = model.deck.questions.iter().position(|q| q.id == *id);
        assert!(!model.drill.queue.new.contains(&index.expect("in the deck")));
    }
}

#[test]
fn a_stored_round_resumes_with_the_time_used_and_a_finished_one_is_recorded_once() {
    let (model, _) = started(2, AnswerStyle::Aloud);
    let mut stored = model.prep.mock.round.clone().expect("a round");
    round_update(
        &mut stored,
        RoundMsg::Check {
            index: 0,
            point: 0,
            on: true,
        },
    );
    let text = encode_round(&stored);

    // Reloaded 50 s in: the first question (2 minutes) has 70 s left.
    let mut reloaded = fresh();
    let effects = update(&mut reloaded, restored(Some(&text), at(50 * SECOND)));
    assert!(kinds(&effects).is_empty(), "nothing new to save yet");
    assert_eq!(reloaded.section, Section::Mock);
    let round = reloaded.prep.mock.running().expect("resumed");
    assert_eq!(round.current, 0);
    assert_eq!(round.remaining_ms(at(50 * SECOND)), 70 * SECOND);
    assert!(round.items[0].checked[0]);
    assert_eq!(
        reloaded.announcement,
        "Mock round restored: question 1 of 2."
    );

    // Reloaded 10 minutes in: the first question timed out while away, the
    // second starts now, never timed out unseen.
    let mut late = fresh();
    let effects = update(&mut late, restored(Some(&text), at(10 * MINUTE)));
    assert_eq!(kinds(&effects), ["round"]);
    let round = late.prep.mock.running().expect("still running");
    assert_eq!(round.current, 1);
    assert_eq!(round.remaining_ms(at(10 * MINUTE)), 2 * MINUTE);

    // A round saved as finished (the page closed before it was recorded) is
    // recorded on load; loading it twice adds nothing twice.
    let mut done = stored.clone();
    round_update(&mut done, RoundMsg::Stop(at(MINUTE)));
    let text = encode_round(&done);
    let mut model = fresh();
    let first = update(&mut model, restored(Some(&text), at(2 * MINUTE)));
    assert_eq!(kinds(&first), ["log", "history", "remove round"]);
    let reviews = model.data.ledger.reviews.len();
    assert_eq!(reviews, 1, "only the question reached");
    let again = update(&mut model, restored(Some(&text), at(3 * MINUTE)));
    assert_eq!(model.data.ledger.reviews.len(), reviews);
    assert_eq!(model.prep.mock.history.len(), 1);
    assert_eq!(kinds(&again), ["log", "history", "remove round"]);
}

fn restored(round: Option<&str>, now: Moment) -> Msg {
    Msg::Prep(PrepMsg::Restored(Box::new(PrepRestored {
        round: round.map(|t| interview_drill::core::mock::decode_round(t).expect("decodes")),
        history: History::default(),
        plan: Default::default(),
        seed: 3,
        unreadable: Vec::new(),
        now,
    })))
}

#[test]
fn unreadable_stored_values_are_named_and_nothing_is_saved_when_saving_is_off() {
    let mut model = fresh();
    update(
        &mut model,
        Msg::Prep(PrepMsg::Restored(Box::new(PrepRestored {
            round: None,
            history: History::default(),
            plan: Default::default(),
            seed: 3,
            unreadable: vec![(
                "mock round".into(),
                "it is not valid JSON".into(),
                Some("interview-drill:default:backup-1:mock-round".into()),
            )],
            now: at(0),
        }))),
    );
    let notice = model.notice.clone().expect("a notice");
    assert!(matches!(notice, Notice::PrepUnreadable { .. }));
    assert!(notice
        .message()
        .contains("\"interview-drill:default:backup-1:mock-round\""));

    // A newer format of progress: the round still runs, nothing is written.
    let mut read_only = Model::start(Start {
        deck: rc_deck(),
        topic: None,
        restored: restore(&[(
            "base".into(),
            "{\"app\":\"interview-drill\",\"v\":99}".into(),
        )]),
        backups: Some(Vec::new()),
        writer: "w1".into(),
        storage_problem: None,
        session_limit: None,
        seed: 0,
        now: at(0),
    });
    assert_eq!(read_only.saving, Saving::Off);
    update(
        &mut read_only,
        Msg::Mock(MockMsg::Setup(setup(1, 1, AnswerStyle::Typed))),
    );
    let start = update(
        &mut read_only,
        Msg::Mock(MockMsg::Start {
            now: at(0),
            next_seed: 1,
        }),
    );
    assert!(start.is_empty());
    let end = update(
        &mut read_only,
        round(RoundMsg::Next {
            index: 0,
            now: at(SECOND),
        }),
    );
    assert!(end.is_empty());
    assert_eq!(
        read_only.prep.mock.history.len(),
        1,
        "the report still shows"
    );
}

#[test]
fn drill_these_again_puts_the_weak_questions_first() {
    let mut model = fresh();
    let weak = vec![
        model.deck.questions[7].id.clone(),
        "gone-from-the-deck".to_string(),
        model.deck.questions[3].id.clone(),
    ];
    let effects = update(&mut model, Msg::Drill(DrillMsg::DrillFirst(weak, at(0))));
    assert!(effects.is_empty());
    assert_eq!(model.drill.mode, Mode::Cram { difficulty: None });
    assert_eq!(model.section, Section::Practice);
    assert_eq!(&model.drill.cram[..2], &[7, 3]);
    assert_eq!(
        model.drill.cram.len(),
        model.deck.questions.len(),
        "then the rest"
    );
    assert_eq!(model.drill.current, Some(7));
    assert!(model.announcement.contains("the 2 questions"));
    // Grading them is extra practice: the schedule does not move.
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(SECOND))),
    );
    assert_eq!(model.drill.current, Some(3));
    assert!(model
        .data
        .own
        .reviews
        .iter()
        .all(|r| r.kind == ReviewKind::Cram));
    // Nothing known: nothing changes.
    let mut other = fresh();
    let before = other.clone();
    update(
        &mut other,
        Msg::Drill(DrillMsg::DrillFirst(vec!["nope".into()], at(0))),
    );
    assert_eq!(other, before);
}

#[test]
fn plan_items_open_practice_on_their_topics() {
    let mut model = fresh();
    update(
        &mut model,
        Msg::Drill(DrillMsg::PracticeTopics {
            topics: vec!["data-caching".into(), "async-queues".into()],
            style: AnswerStyle::Typed,
            now: at(0),
        }),
    );
    assert_eq!(model.drill.topic, None);
    assert_eq!(model.drill.focus_topics, ["data-caching", "async-queues"]);
    assert_eq!(
        model.scope(),
        "Databases and caching trade-offs and Queues, retries and async workflows"
    );
    assert!(!model.drill.cram.is_empty());
    assert!(model.drill.cram.iter().all(|&i| {
        let topic = &model.deck.questions[i].topic;
        topic == "data-caching" || topic == "async-queues"
    }));
    // One topic uses the topic filter; choosing a topic ends the focus.
    update(
        &mut model,
        Msg::Drill(DrillMsg::PracticeTopics {
            topics: vec!["api-design".into()],
            style: AnswerStyle::Aloud,
            now: at(0),
        }),
    );
    assert_eq!(model.drill.topic.as_deref(), Some("api-design"));
    assert!(model.drill.focus_topics.is_empty());
    update(&mut model, Msg::Drill(DrillMsg::ChooseTopic(None, at(0))));
    assert_eq!(model.scope(), "all topics");
}

#[test]
fn an_interview_date_brings_cards_forward_and_clearing_it_restores_the_queue() {
    let mut model = fresh();
    let plain = model.drill.queue.clone();
    assert_eq!(plain.new.len(), 10);
    let cards = model.deck.questions.len();
    // Each row: message, then (interview window set, new cards today, effects).
    let rows: Vec<(PlanMsg, bool, usize, Vec<&str>)> = vec![
        (
            PlanMsg::SetInterview {
                day: at(0).local_day() + 3,
                now: at(0),
            },
            true,
            cards.div_ceil(3),
            vec!["plan"],
        ),
        (
            PlanMsg::Mark {
                id: "anything".into(),
                done: true,
            },
            true,
            cards.div_ceil(3),
            vec!["plan"],
        ),
        (PlanMsg::ClearInterview, false, 10, vec!["plan"]),
        (PlanMsg::ClearInterview, false, 10, vec![]),
        // The interview today: nothing to bring forward.
        (
            PlanMsg::SetInterview {
                day: at(0).local_day(),
                now: at(0),
            },
            false,
            10,
            vec!["plan"],
        ),
    ];
    for (i, (msg, window, new, effects)) in rows.into_iter().enumerate() {
        let out = update(&mut model, Msg::Plan(msg, at(0)));
        assert_eq!(kinds(&out), effects, "row {i}");
        assert_eq!(model.interview.is_some(), window, "row {i}");
        assert_eq!(model.drill.queue.new.len(), new, "row {i}");
    }
    assert_eq!(model.drill.queue, plain, "the plain queue again");

    // The next day the share is recomputed over the days left.
    let mut model = fresh();
    update(
        &mut model,
        Msg::Plan(
            PlanMsg::SetInterview {
                day: at(0).local_day() + 3,
                now: at(0),
            },
            at(0),
        ),
    );
    update(&mut model, Msg::Drill(DrillMsg::Tick(at(DAY))));
    assert!(model.interview.is_some());
}

#[test]
fn reset_forgets_rounds_and_the_plan() {
    let (mut model, _) = started(1, AnswerStyle::Typed);
    update(
        &mut model,
        Msg::Plan(
            PlanMsg::SetInterview {
                day: at(0).local_day() + 5,
                now: at(0),
            },
            at(0),
        ),
    );
    update(&mut model, Msg::AskReset);
    let effects = update(&mut model, Msg::ConfirmReset(at(SECOND)));
    assert_eq!(kinds(&effects), ["remove all"]);
    assert!(model.prep.mock.round.is_none());
    assert!(model.prep.mock.history.is_empty());
    assert_eq!(model.prep.plan.interview_day, None);
    assert_eq!(model.interview, None);
}

#[test]
fn export_notes_offers_markdown() {
    let mut model = fresh();
    update(
        &mut model,
        Msg::Plan(
            PlanMsg::Edit {
                template: interview_drill::core::plan::TemplateKind::IncidentStory,
                field: "situation".into(),
                text: "Checkout slowed down.".into(),
                now: at(0),
            },
            at(0),
        ),
    );
    match update(&mut model, Msg::Prep(PrepMsg::ExportNotes(at(0)))).as_slice() {
        [Effect::Download {
            file_name,
            contents,
            kind: FileKind::Markdown,
        }] => {
            assert_eq!(file_name, "interview-prep-2026-03-02.md");
            assert!(contents.contains("Checkout slowed down."));
        }
        other => panic!("expected a Markdown download, got {other:?}"),
    }
}

// Storage.

#[test]
fn rounds_history_and_plan_have_their_own_key_roles() {
    assert_eq!(key_role(ROUND_KEY), KeyRole::MockRound);
    assert_eq!(key_role(HISTORY_KEY), KeyRole::MockHistory);
    assert_eq!(key_role(PLAN_KEY), KeyRole::Plan);
    // Never read as progress, so never unreadable progress either.
    let restored = restore(&[
        (ROUND_KEY.into(), "{}".into()),
        (PLAN_KEY.into(), "x".into()),
    ]);
    assert!(restored.unreadable.is_empty());
    assert!(restored.foldable.is_empty());
}

#[test]
fn unreadable_values_are_backed_up_and_newer_ones_never_overwritten() {
    let store = MemoryStore::default();
    store
        .put(ROUND_KEY, "{\"app\":\"interview-drill\", torn")
        .expect("seed");
    store
        .put(
            HISTORY_KEY,
            "{\"app\":\"interview-drill\",\"v\":9,\"kind\":\"mock-history\"}",
        )
        .expect("seed");
    store.put(PLAN_KEY, "[1,2]").expect("seed");
    let loaded = load(&store, 5);
    let found: Vec<(&str, Option<&str>)> = loaded
        .unreadable
        .iter()
        .map(|(what, _, backup)| (what.as_str(), backup.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("mock round", Some("backup-5:mock-round")),
            ("history of mock rounds", None),
            ("prep plan", Some("backup-5:plan")),
        ]
    );
    assert_eq!(
        store.get("backup-5:mock-round").expect("get").as_deref(),
        Some("{\"app\":\"interview-drill\", torn")
    );
    assert_eq!(
        store.get(ROUND_KEY).expect("get"),
        None,
        "removed after the copy"
    );
    assert_eq!(store.get(PLAN_KEY).expect("get").as_deref(), Some("[1,2]"));

    // The newer history is never written over.
    assert!(add_history(&store, finished_record(T0), 6).is_err());
    assert!(store
        .get(HISTORY_KEY)
        .expect("get")
        .is_some_and(|h| h.contains("\"v\":9")));
    // The damaged plan was copied, so it may be written over.
    save_plan(&store, "{}", 7).expect("saved");
    // An unreadable round that appears later is copied first.
    store.put(ROUND_KEY, "garbage").expect("seed");
    remove_round(&store).expect("leaves it");
    assert_eq!(
        store.get(ROUND_KEY).expect("get").as_deref(),
        Some("garbage")
    );
    save_round(&store, "{\"new\":1}", 8).expect("saved");
    assert_eq!(
        store.get("backup-8:mock-round").expect("get").as_deref(),
        Some("garbage")
    );
}

/// A store whose writes fail.
struct ReadOnly(MemoryStore);

impl Store for ReadOnly {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
    fn put(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::QuotaExceeded)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
}

#[test]
fn a_failed_backup_leaves_the_value_in_place_and_unwritten() {
    let store = ReadOnly(MemoryStore::default());
    store.0.put(ROUND_KEY, "garbage").expect("seed");
    let loaded = load(&store, 5);
    assert_eq!(loaded.unreadable[0].2, None);
    assert_eq!(
        store.get(ROUND_KEY).expect("get").as_deref(),
        Some("garbage")
    );
    assert!(save_round(&store, "{}", 6).is_err());
    assert_eq!(
        store.get(ROUND_KEY).expect("get").as_deref(),
        Some("garbage")
    );
}

#[test]
fn the_history_is_written_read_merge_write() {
    let store = MemoryStore::default();
    // Another tab finished a round first.
    let theirs = add_history(&store, finished_record(T0), 1).expect("stored");
    assert_eq!(theirs.len(), 1);
    let merged = add_history(&store, finished_record(T0 + MINUTE), 2).expect("stored");
    assert_eq!(merged.len(), 2);
    // Adding the same round again changes nothing.
    let again = add_history(&store, finished_record(T0 + MINUTE), 3).expect("stored");
    assert_eq!(again, merged);
    let stored =
        decode_history(&store.get(HISTORY_KEY).expect("get").expect("a value")).expect("decodes");
    assert_eq!(stored, merged);
    assert_eq!(encode_history(&stored), encode_history(&merged));
}
