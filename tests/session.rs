//! The drill session as message tables: feed messages, look at the model.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use interview_drill::core::bank::Deck;
use interview_drill::core::persist::{decode, restore, Stored};
use interview_drill::core::progress::Grade;
use interview_drill::core::session::{update, Effect, Model, Msg, Notice, Saving, Start};
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

fn start_with(raw: Option<&str>, topic: Option<&str>) -> Model {
    let restored = restore(raw);
    let backup_key = restored.backup.as_ref().map(|_| "backup".to_string());
    Model::start(Start {
        deck: deck(),
        topic: topic.map(String::from),
        restored,
        backup_key,
        writer: "w1".into(),
        storage_problem: None,
    })
}

const T0: i64 = 1_764_400_000_000; // 2025-11-29T07:06:40Z

fn at(minutes: i64) -> Moment {
    Moment::new(T0 + minutes * 60_000, 60)
}

fn current_id(model: &Model) -> String {
    model.current().map(|q| q.id.clone()).unwrap_or_default()
}

/// Runs messages and returns the effects of the last one.
fn run(model: &mut Model, msgs: Vec<Msg>) -> Vec<Effect> {
    let mut last = Vec::new();
    for msg in msgs {
        last = update(model, msg);
    }
    last
}

#[test]
fn reveal_then_grade_records_a_review_and_moves_on() {
    let mut model = start_with(None, None);
    let first = current_id(&model);
    let rows: Vec<(Msg, bool, usize, usize)> = vec![
        // msg, revealed after, position after, reviews after
        (Msg::Grade(Grade::Good, at(0)), false, 0, 0), // grading before reveal does nothing
        (Msg::Reveal, true, 0, 0),
        (Msg::Reveal, true, 0, 0),
        (Msg::Grade(Grade::Good, at(1)), false, 1, 1),
        (Msg::Reveal, true, 1, 1),
        (Msg::Grade(Grade::Again, at(2)), false, 2, 2),
    ];
    for (i, (msg, revealed, position, reviews)) in rows.into_iter().enumerate() {
        update(&mut model, msg);
        assert_eq!(model.revealed, revealed, "row {i}");
        assert_eq!(model.position, position, "row {i}");
        assert_eq!(model.stored.progress.reviews().len(), reviews, "row {i}");
    }
    let review = &model.stored.progress.reviews()[0];
    assert_eq!(review.card.question, first);
    assert_eq!(review.id, "w1-0");
    assert_eq!(model.stored.progress.reviews()[1].id, "w1-1");
}

#[test]
fn grading_saves_progress_that_reloads_to_the_same_history() {
    let mut model = start_with(None, None);
    let effects = run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Hard, at(0))],
    );
    let [Effect::SaveProgress(text)] = effects.as_slice() else {
        panic!("expected one save, got {effects:?}")
    };
    let reloaded = decode(text).expect("saved progress decodes");
    assert_eq!(reloaded.progress, model.stored.progress);
    let again = start_with(Some(text), None);
    assert_eq!(again.stored.progress.reviews().len(), 1);
}

#[test]
fn unseen_cards_come_first_with_topics_interleaved() {
    let model = start_with(None, None);
    let deck = deck();
    let topics: Vec<&str> = model
        .queue
        .iter()
        .take(5)
        .map(|&i| deck.questions[i].topic.as_str())
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
    assert_eq!(model.queue.len(), deck.questions.len());
}

#[test]
fn seen_cards_come_after_unseen_ones_weakest_first() {
    let mut model = start_with(None, Some("api-design"));
    let grades = [Grade::Easy, Grade::Again, Grade::Good];
    let mut graded = Vec::new();
    for (i, grade) in grades.into_iter().enumerate() {
        graded.push(current_id(&model));
        run(
            &mut model,
            vec![Msg::Reveal, Msg::Grade(grade, at(i as i64))],
        );
    }
    update(&mut model, Msg::NewRound);
    let deck = deck();
    let order: Vec<&str> = model
        .queue
        .iter()
        .map(|&i| deck.questions[i].id.as_str())
        .collect();
    let n = order.len();
    // The three graded cards are last: Again, then Good, then Easy.
    assert_eq!(
        &order[n - 3..],
        &[graded[1].as_str(), graded[2].as_str(), graded[0].as_str()]
    );
    assert!(!order[..n - 3]
        .iter()
        .any(|id| graded.iter().any(|g| g == id)));
}

#[test]
fn topic_filter_shows_only_that_topic_and_ends_in_done() {
    let mut model = start_with(None, None);
    update(&mut model, Msg::ChooseTopic(Some("async-queues".into())));
    let deck = deck();
    let count = deck
        .questions
        .iter()
        .filter(|q| q.topic == "async-queues")
        .count();
    assert_eq!(model.queue.len(), count);
    assert!(model
        .queue
        .iter()
        .all(|&i| deck.questions[i].topic == "async-queues"));
    assert!(model
        .announcement
        .contains("Queues, retries and async workflows"));
    for i in 0..count {
        assert!(!model.is_done());
        run(
            &mut model,
            vec![Msg::Reveal, Msg::Grade(Grade::Good, at(i as i64))],
        );
    }
    assert!(model.is_done());
    assert!(model.current().is_none());
    assert!(model.announcement.contains("Done for now"));
    update(&mut model, Msg::NewRound);
    assert_eq!((model.position, model.queue.len()), (0, count));
}

#[test]
fn an_unknown_topic_means_every_topic() {
    let mut model = start_with(None, Some("no-such-topic"));
    assert_eq!(model.topic, None);
    update(&mut model, Msg::ChooseTopic(Some("also-missing".into())));
    assert_eq!(model.topic, None);
    assert_eq!(model.queue.len(), deck().questions.len());
}

#[test]
fn the_progress_line_counts_today_in_local_time() {
    let mut model = start_with(None, None);
    // Two reviews of the same card a day apart, and one of another card today.
    let first = current_id(&model);
    run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Again, at(-24 * 60))],
    );
    run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Easy, at(0))],
    );
    update(&mut model, Msg::NewRound);
    while current_id(&model) != first {
        run(
            &mut model,
            vec![Msg::Reveal, Msg::Grade(Grade::Good, at(1))],
        );
    }
    run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Hard, at(2))],
    );
    let line = model.progress_line(at(3));
    let total_reviews: usize = line.grade_counts.iter().sum();
    assert_eq!(total_reviews, model.stored.progress.reviews().len());
    assert_eq!(line.grade_counts[0], 1);
    assert_eq!(line.grade_counts[3], 1);
    assert_eq!(
        line.seen_total,
        model.stored.progress.summaries("backend").len()
    );
    assert_eq!(
        line.seen_today, line.seen_total,
        "the first card was seen again today"
    );
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
        let model = start_with(Some(raw), None);
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

#[test]
fn without_a_backup_nothing_is_saved() {
    let restored = restore(Some("garbage"));
    let mut model = Model::start(Start {
        deck: deck(),
        topic: None,
        restored,
        backup_key: None,
        writer: "w".into(),
        storage_problem: None,
    });
    assert_eq!(model.saving, Saving::Off);
    let effects = run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Good, at(0))],
    );
    assert!(
        effects.is_empty(),
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
    );
    assert_eq!(model.saving, Saving::Off);
    assert_eq!(model.notice, Some(Notice::NewerVersion { version: 99 }));
    let effects = run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Good, at(0))],
    );
    assert!(effects.is_empty());
}

#[test]
fn storage_problems_keep_the_drill_working_from_memory() {
    let mut model = Model::start(Start {
        deck: deck(),
        topic: None,
        restored: restore(None),
        backup_key: None,
        writer: "w".into(),
        storage_problem: Some("SecurityError".into()),
    });
    assert!(matches!(
        model.notice,
        Some(Notice::StorageUnavailable { .. })
    ));
    let effects = run(
        &mut model,
        vec![Msg::Reveal, Msg::Grade(Grade::Good, at(0))],
    );
    assert!(effects.is_empty());
    assert_eq!(model.stored.progress.reviews().len(), 1);
    update(&mut model, Msg::DismissNotice);
    assert_eq!(model.notice, None);
}

#[test]
fn a_failed_save_is_reported() {
    let mut model = start_with(None, None);
    update(
        &mut model,
        Msg::SaveFailed("browser storage is full".into()),
    );
    assert!(model
        .notice
        .as_ref()
        .is_some_and(|n| n.message().contains("storage is full")));
    let _ = Stored::default();
}
