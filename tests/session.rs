//! The drill session as message tables: feed messages, look at the model.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use interview_drill::core::bank::Deck;
use interview_drill::core::fsrs::{preview, Phase};
use interview_drill::core::notice::Notice;
use interview_drill::core::persist::{decode, encode, restore, Stored};
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::schedule::format_interval;
use interview_drill::core::session::{update, Effect, Mode, Model, Msg, Saving, Start};
use interview_drill::core::time::Moment;

fn deck() -> Rc<Deck> {
    let decks = interview_drill::decks::builtin().expect("built-in decks");
    Rc::new(
        decks
            .into_iter()
            .find(|d| d.id == "backend")
            .expect("backend deck"),
    )
}

/// 2026-03-02 09:00 in UTC+1.
const T0: i64 = 1_772_438_400_000;
const MINUTE: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn at(ms_after_t0: i64) -> Moment {
    Moment::new(T0 + ms_after_t0, 60)
}

fn start_with(raw: Option<&str>, topic: Option<&str>, now: Moment) -> Model {
    let restored = restore(raw);
    let backup_key = restored.backup.as_ref().map(|_| "backup".to_string());
    Model::start(Start {
        deck: deck(),
        topic: topic.map(String::from),
        restored,
        backup_key,
        writer: "w1".into(),
        storage_problem: None,
        now,
    })
}

fn fresh(topic: Option<&str>) -> Model {
    start_with(None, topic, at(0))
}

fn current_id(model: &Model) -> String {
    model.current().map(|q| q.id.clone()).unwrap_or_default()
}

fn topic_of(model: &Model, index: usize) -> &str {
    &model.deck.questions[index].topic
}

/// Reveals and grades the current card; returns the effects of the grade.
fn grade(model: &mut Model, grade: Grade, now: Moment) -> Vec<Effect> {
    update(model, Msg::Reveal);
    update(model, Msg::Grade(grade, now))
}

fn saved(effects: &[Effect]) -> String {
    match effects {
        [Effect::SaveProgress(text)] => text.clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

#[test]
fn a_first_visit_queues_ten_new_cards_with_topics_interleaved() {
    let model = fresh(None);
    assert_eq!(model.queue.due.len(), 0);
    assert_eq!(model.queue.new.len(), 10, "the default daily limit");
    let topics: Vec<&str> = model
        .queue
        .new
        .iter()
        .take(5)
        .map(|&i| topic_of(&model, i))
        .collect();
    assert_eq!(
        topics,
        [
            "api-design",
            "data-caching",
            "async-queues",
            "latency-incidents",
            "production-constraints"
        ]
    );
    assert_eq!(model.current, model.queue.new.first().copied());
}

#[test]
fn reveal_then_grade_records_a_review_and_schedules_the_card() {
    let mut model = fresh(None);
    let first = model.current.expect("a card");
    // Each row: message, then (revealed, reviews recorded) after it.
    let rows: Vec<(Msg, bool, usize)> = vec![
        (Msg::Grade(Grade::Good, at(0)), false, 0), // grading before reveal does nothing
        (Msg::Reveal, true, 0),
        (Msg::Reveal, true, 0),
        (Msg::Grade(Grade::Good, at(0)), false, 1),
    ];
    for (i, (msg, revealed, reviews)) in rows.into_iter().enumerate() {
        update(&mut model, msg);
        assert_eq!(model.revealed, revealed, "row {i}");
        assert_eq!(model.stored.progress.reviews().len(), reviews, "row {i}");
    }
    let state = model.states.get(first);
    assert_eq!(state.phase, Phase::Learning);
    assert_eq!(
        state.due_ms,
        T0 + 10 * MINUTE,
        "Good on a new card waits for the 10-minute step"
    );
    assert_eq!(model.stored.progress.reviews()[0].id, "w1-0");
    assert_ne!(model.current, Some(first));
}

#[test]
fn grade_buttons_show_the_scheduler_intervals() {
    let mut model = fresh(None);
    update(&mut model, Msg::Reveal);
    assert_eq!(
        model
            .grade_intervals(at(0))
            .expect("today's queue shows intervals"),
        ["1m", "6m", "10m", "8d"].map(String::from)
    );
    // A card in review: the labels are exactly what the scheduler computes.
    let index = model.current.expect("card");
    update(&mut model, Msg::Grade(Grade::Easy, at(0)));
    let later = at(9 * DAY);
    let mut model = start_with(Some(&encode(&model.stored, "w1")), None, later);
    assert_eq!(
        model.current,
        Some(index),
        "the due review comes before new cards"
    );
    update(&mut model, Msg::Reveal);
    let expected = preview(&model.params(), &model.states.get(index), later.unix_ms)
        .map(|c| format_interval(c.due_ms - later.unix_ms));
    assert_eq!(model.grade_intervals(later), Some(expected));
}

#[test]
fn a_forgotten_card_comes_back_after_its_learning_step() {
    let mut model = fresh(None);
    let first = model.current.expect("card");
    grade(&mut model, Grade::Again, at(0));
    assert_ne!(
        model.current,
        Some(first),
        "not due yet: new cards come first"
    );
    // One minute later the Again card is due and comes before the next new card.
    grade(&mut model, Grade::Good, at(MINUTE));
    assert_eq!(model.current, Some(first));
}

#[test]
fn due_cards_come_first_most_at_risk_first_then_new_cards() {
    // Three cards taken to review with different first grades.
    let mut model = fresh(None);
    let mut graded = Vec::new();
    for g in [Grade::Easy, Grade::Hard, Grade::Good] {
        graded.push(model.current.expect("card"));
        grade(&mut model, g, at(0));
    }
    // Later steps: the learning cards come back and graduate with Good.
    let mut minutes = 20;
    while model.current.is_some_and(|i| graded.contains(&i)) || minutes == 20 {
        if model.current.is_some_and(|i| graded.contains(&i)) {
            grade(&mut model, Grade::Good, at(minutes * MINUTE));
        }
        minutes += 20;
        update(&mut model, Msg::Tick(at(minutes * MINUTE)));
        update(&mut model, Msg::ChooseTopic(None, at(minutes * MINUTE)));
    }
    assert!(graded
        .iter()
        .all(|&i| model.states.get(i).phase == Phase::Review));
    let text = encode(&model.stored, "w1");
    let later = at(60 * DAY);
    let model = start_with(Some(&text), None, later);
    assert_eq!(model.queue.due.len(), 3);
    let recall: Vec<f64> = model
        .queue
        .due
        .iter()
        .map(|&i| {
            interview_drill::core::fsrs::retrievability(
                &model.params(),
                &model.states.get(i),
                later.unix_ms,
            )
            .expect("reviewed")
        })
        .collect();
    assert!(
        recall.windows(2).all(|w| w[0] <= w[1]),
        "least likely to be recalled first: {recall:?}"
    );
    assert_eq!(model.current, model.queue.due.first().copied());
}

#[test]
fn the_daily_new_limit_holds_until_tomorrow() {
    let mut model = fresh(None);
    update(&mut model, Msg::SetNewPerDay(3, at(0)));
    assert_eq!(model.queue.new.len(), 3);
    for _ in 0..3 {
        grade(&mut model, Grade::Easy, at(0));
    }
    assert_eq!(model.current, None, "done for today");
    // A reload the same day does not grant more new cards.
    let text = encode(&model.stored, "w1");
    assert_eq!(
        start_with(Some(&text), None, at(2 * 60 * MINUTE)).current,
        None
    );
    // Tomorrow three more arrive.
    let tomorrow = start_with(Some(&text), None, at(DAY));
    assert_eq!(tomorrow.queue.new.len(), 3);
}

#[test]
fn extra_practice_leaves_the_schedule_untouched() {
    let mut model = fresh(Some("data-caching"));
    grade(&mut model, Grade::Good, at(0));
    let states_before = model.states.clone();
    update(
        &mut model,
        Msg::StartCram {
            difficulty: Some(2),
            now: at(MINUTE),
        },
    );
    assert!(matches!(
        model.mode,
        Mode::Cram {
            difficulty: Some(2)
        }
    ));
    assert!(
        model.grade_intervals(at(MINUTE)).is_none(),
        "no intervals: grades do not schedule"
    );
    let round = model.cram.len();
    assert!(
        round > 0
            && model
                .cram
                .iter()
                .all(|&i| model.deck.questions[i].difficulty == 2)
    );
    assert!(model
        .cram
        .iter()
        .all(|&i| topic_of(&model, i) == "data-caching"));
    for n in 0..round {
        let effects = grade(&mut model, Grade::Again, at(MINUTE * (2 + n as i64)));
        assert_eq!(effects.len(), 1, "extra practice is still saved");
    }
    assert_eq!(model.current, None);
    assert_eq!(model.states, states_before);
    let crams = model
        .stored
        .progress
        .reviews()
        .iter()
        .filter(|r| r.kind == ReviewKind::Cram)
        .count();
    assert_eq!(crams, round);
    // Reloading derives the same schedule: cram reviews are ignored.
    let reloaded = start_with(
        Some(&encode(&model.stored, "w1")),
        Some("data-caching"),
        at(DAY),
    );
    assert_eq!(reloaded.states, states_before);
    update(&mut model, Msg::BackToToday(at(DAY)));
    assert_eq!(model.mode, Mode::Today);
}

#[test]
fn undo_restores_the_exact_previous_state() {
    let mut model = fresh(None);
    grade(&mut model, Grade::Good, at(0));
    update(&mut model, Msg::Reveal);
    let before = model.clone();
    let effects = update(&mut model, Msg::Grade(Grade::Hard, at(MINUTE)));
    assert_ne!(model.stored, before.stored);
    let undone = update(&mut model, Msg::Undo);
    assert_eq!(model.stored, before.stored);
    assert_eq!(model.states, before.states);
    assert_eq!(model.queue, before.queue);
    assert_eq!((model.current, model.revealed), (before.current, true));
    // The save after undo writes the history as it was before the grade.
    assert_eq!(
        decode(&saved(&undone)).expect("decodes").progress,
        before.stored.progress
    );
    assert_ne!(saved(&effects), saved(&undone));
    // Undo twice takes back the first grade too; a third does nothing.
    update(&mut model, Msg::Undo);
    assert!(model.stored.progress.reviews().is_empty());
    assert!(update(&mut model, Msg::Undo).is_empty());
}

#[test]
fn a_topic_filter_shows_only_that_topic() {
    let mut model = fresh(None);
    update(
        &mut model,
        Msg::ChooseTopic(Some("async-queues".into()), at(0)),
    );
    assert!(model
        .queue
        .new
        .iter()
        .all(|&i| topic_of(&model, i) == "async-queues"));
    assert!(model
        .announcement
        .contains("Queues, retries and async workflows"));
    while model.current.is_some() {
        assert_eq!(topic_of(&model, model.current.unwrap_or(0)), "async-queues");
        grade(&mut model, Grade::Easy, at(0));
    }
    assert!(model.announcement.contains("Done for today"));
}

#[test]
fn an_unknown_topic_means_every_topic() {
    let mut model = fresh(Some("no-such-topic"));
    assert_eq!(model.topic, None);
    update(
        &mut model,
        Msg::ChooseTopic(Some("also-missing".into()), at(0)),
    );
    assert_eq!(model.topic, None);
}

#[test]
fn settings_reschedule_and_are_saved() {
    let mut model = fresh(None);
    let index = model.current.expect("card");
    grade(&mut model, Grade::Easy, at(0));
    let due_at_90 = model.states.get(index).due_ms;
    let effects = update(&mut model, Msg::SetRetention(0.97, at(MINUTE)));
    assert!(
        model.states.get(index).due_ms < due_at_90,
        "higher retention, sooner reviews"
    );
    let stored = decode(&saved(&effects)).expect("decodes");
    assert_eq!(stored.settings.desired_retention, 0.97);
    // Out-of-range values are clamped; a repeat changes nothing.
    update(&mut model, Msg::SetRetention(0.5, at(MINUTE)));
    assert_eq!(model.settings().desired_retention, 0.70);
    assert!(update(&mut model, Msg::SetRetention(0.7, at(MINUTE))).is_empty());
}

#[test]
fn removed_questions_are_kept_aside_and_changed_ones_keep_their_schedule() {
    let deck = deck();
    let kept = &deck.questions[0].id;
    let mut progress = Progress::default();
    for (n, (q, g, t)) in [
        (kept.as_str(), Grade::Good, 0),
        ("question-removed-from-content", Grade::Easy, MINUTE),
    ]
    .into_iter()
    .enumerate()
    {
        progress.record(Review {
            id: format!("old-{n}"),
            card: CardKey::new("backend", q),
            grade: g,
            at: at(t),
            kind: ReviewKind::Scheduled,
        });
    }
    let text = encode(
        &Stored {
            progress,
            ..Stored::default()
        },
        "old",
    );
    let mut model = start_with(Some(&text), None, at(DAY));
    assert_eq!(
        model.states.get(0).reps,
        1,
        "the kept question keeps its schedule"
    );
    assert!(model.notice.is_none());
    grade(&mut model, Grade::Good, at(DAY));
    let ids: Vec<&str> = model
        .stored
        .progress
        .reviews()
        .iter()
        .map(|r| r.card.question.as_str())
        .collect();
    assert!(
        ids.contains(&"question-removed-from-content"),
        "history of a removed question is kept"
    );
    let line = model.progress_line(at(DAY));
    assert!(line.seen_total >= 2);
}

#[test]
fn a_tick_brings_back_a_learning_card_that_fell_due() {
    let mut model = fresh(Some("api-design"));
    update(&mut model, Msg::SetNewPerDay(1, at(0)));
    let first = model.current.expect("card");
    grade(&mut model, Grade::Good, at(0));
    assert_eq!(
        model.current,
        Some(first),
        "due within the 20-minute learn-ahead window"
    );
    grade(&mut model, Grade::Good, at(0));
    assert_eq!(model.current, None, "graduated: done for today");
    update(&mut model, Msg::Tick(at(3 * DAY)));
    assert_eq!(model.current, Some(first));
    assert_eq!(model.announcement, "A card is due again.");
}

#[test]
fn unreadable_progress_is_reported_and_kept_aside() {
    let rows: Vec<(&str, &str)> = vec![
        ("not json {", "not valid JSON"),
        ("[1,2,3]", "unexpected shape"),
        (r#"{"app":"other","v":1}"#, "not written by Interview Drill"),
        (
            r#"{"app":"interview-drill","v":1,"writer":"w","reviews":[{"id":"x"}]}"#,
            "unexpected shape",
        ),
        (
            r#"{"app":"interview-drill","v":1,"writer":"w","reviews":[{"id":"x","deck":"backend","q":"a","g":9,"t":0,"tz":0}]}"#,
            "grade 9",
        ),
    ];
    for (raw, reason) in rows {
        let model = start_with(Some(raw), None, at(0));
        match &model.notice {
            Some(Notice::ProgressUnreadable {
                reason: r,
                backup_key,
            }) => {
                assert!(r.contains(reason), "{raw}: {r}");
                assert_eq!(backup_key, "backup");
            }
            other => panic!("{raw}: unexpected notice {other:?}"),
        }
        assert_eq!(model.saving, Saving::On);
        assert!(model.stored.progress.reviews().is_empty());
        assert_eq!(restore(Some(raw)).backup.as_deref(), Some(raw));
    }
}

fn start_without_backup(raw: &str, storage_problem: Option<&str>) -> Model {
    Model::start(Start {
        deck: deck(),
        topic: None,
        restored: restore(Some(raw)),
        backup_key: None,
        writer: "w".into(),
        storage_problem: storage_problem.map(String::from),
        now: at(0),
    })
}

#[test]
fn without_a_backup_nothing_is_saved() {
    let mut model = start_without_backup("garbage", None);
    assert_eq!(model.saving, Saving::Off);
    assert!(
        grade(&mut model, Grade::Good, at(0)).is_empty(),
        "must not overwrite data it could not back up"
    );
    assert!(matches!(
        model.notice,
        Some(Notice::ProgressUnreadableNotSaving { .. })
    ));
}

#[test]
fn progress_from_a_newer_version_is_never_overwritten() {
    let mut model = start_with(
        Some(r#"{"app":"interview-drill","v":99,"future":true}"#),
        None,
        at(0),
    );
    assert_eq!(model.saving, Saving::Off);
    assert_eq!(model.notice, Some(Notice::NewerVersion { version: 99 }));
    assert!(grade(&mut model, Grade::Good, at(0)).is_empty());
}

#[test]
fn storage_problems_keep_the_drill_working_from_memory() {
    let mut model = start_without_backup(
        r#"{"app":"interview-drill","v":1,"writer":"w","reviews":[]}"#,
        Some("SecurityError"),
    );
    assert!(matches!(
        model.notice,
        Some(Notice::StorageUnavailable { .. })
    ));
    assert!(grade(&mut model, Grade::Good, at(0)).is_empty());
    assert_eq!(model.stored.progress.reviews().len(), 1);
    update(&mut model, Msg::DismissNotice);
    assert_eq!(model.notice, None);
}

#[test]
fn a_failed_save_is_reported() {
    let mut model = fresh(None);
    update(
        &mut model,
        Msg::SaveFailed("browser storage is full".into()),
    );
    assert!(model
        .notice
        .as_ref()
        .is_some_and(|n| n.message().contains("storage is full")));
    assert!(!current_id(&model).is_empty());
}
