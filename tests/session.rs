//! The drill session as message tables: feed messages, look at the model.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use interview_drill::core::fsrs::{preview, Phase};
use interview_drill::core::ledger::Ledger;
use interview_drill::core::notice::Notice;
use interview_drill::core::persist::{encode_base, restore};
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::schedule::format_interval;
use interview_drill::core::session::{
    update, DrillMsg, Effect, FileKind, Mode, Model, Msg, Saving, Start,
};
use interview_drill::core::stored::Write;
use interview_drill::core::time::Moment;

use common::{at, rc_deck, DAY, MINUTE, T0};

/// Starts as a reload would, from what is stored under `base`.
fn start_with(raw: Option<&str>, topic: Option<&str>, now: Moment) -> Model {
    let values: Vec<(String, String)> = raw
        .map(|r| ("base".to_string(), r.to_string()))
        .into_iter()
        .collect();
    let restored = restore(&values);
    let backups = Some(
        restored
            .unreadable
            .iter()
            .map(|_| "backup".to_string())
            .collect(),
    );
    Model::start(Start {
        deck: rc_deck(),
        topic: topic.map(String::from),
        restored,
        backups,
        writer: "w1".into(),
        storage_problem: None,
        session_limit: None,
        seed: 0,
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
    update(model, Msg::Drill(DrillMsg::Reveal));
    update(model, Msg::Drill(DrillMsg::Grade(grade, now)))
}

fn saved(effects: &[Effect]) -> Ledger {
    match effects {
        [Effect::Store(Write::Log(own))] => own.clone(),
        other => panic!("expected one save, got {other:?}"),
    }
}

/// What a reload would find: everything this model knows, compacted.
fn stored(model: &Model) -> String {
    encode_base(&model.data.ledger)
}

#[test]
fn a_first_visit_queues_ten_new_cards_with_topics_interleaved() {
    let model = fresh(None);
    assert_eq!(model.drill.queue.due.len(), 0);
    assert_eq!(model.drill.queue.new.len(), 10, "the default daily limit");
    let topics: Vec<&str> = model
        .drill
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
    assert_eq!(model.drill.current, model.drill.queue.new.first().copied());
}

#[test]
fn reveal_then_grade_records_a_review_and_schedules_the_card() {
    let mut model = fresh(None);
    let first = model.drill.current.expect("a card");
    // Each row: message, then (revealed, reviews recorded) after it.
    let rows: Vec<(Msg, bool, usize)> = vec![
        (Msg::Drill(DrillMsg::Grade(Grade::Good, at(0))), false, 0), // grading before reveal does nothing
        (Msg::Drill(DrillMsg::Reveal), true, 0),
        (Msg::Drill(DrillMsg::Reveal), true, 0),
        (Msg::Drill(DrillMsg::Grade(Grade::Good, at(0))), false, 1),
    ];
    for (i, (msg, revealed, reviews)) in rows.into_iter().enumerate() {
        update(&mut model, msg);
        assert_eq!(model.drill.revealed, revealed, "row {i}");
        assert_eq!(model.data.progress.reviews().len(), reviews, "row {i}");
    }
    let state = model.states.get(first);
    assert_eq!(state.phase, Phase::Learning);
    assert_eq!(
        state.due_ms,
        T0 + 10 * MINUTE,
        "Good on a new card waits for the 10-minute step"
    );
    assert_eq!(
        model.data.own.reviews.len(),
        1,
        "the review goes to this writer's own log"
    );
    assert_ne!(model.drill.current, Some(first));
}

#[test]
fn grade_buttons_show_the_scheduler_intervals() {
    let mut model = fresh(None);
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    assert_eq!(
        model
            .grade_intervals(at(0))
            .expect("today's queue shows intervals"),
        ["1m", "6m", "10m", "8d"].map(String::from)
    );
    // A card in review: the labels are exactly what the scheduler computes.
    let index = model.drill.current.expect("card");
    update(&mut model, Msg::Drill(DrillMsg::Grade(Grade::Easy, at(0))));
    let later = at(9 * DAY);
    let mut model = start_with(Some(&stored(&model)), None, later);
    assert_eq!(
        model.drill.current,
        Some(index),
        "the due review comes before new cards"
    );
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    let expected = preview(&model.params(), &model.states.get(index), later.unix_ms)
        .map(|c| format_interval(c.due_ms - later.unix_ms));
    assert_eq!(model.grade_intervals(later), Some(expected));
}

#[test]
fn a_forgotten_card_comes_back_after_its_learning_step() {
    let mut model = fresh(None);
    let first = model.drill.current.expect("card");
    grade(&mut model, Grade::Again, at(0));
    assert_ne!(
        model.drill.current,
        Some(first),
        "not due yet: new cards come first"
    );
    // One minute later the Again card is due and comes before the next new card.
    grade(&mut model, Grade::Good, at(MINUTE));
    assert_eq!(model.drill.current, Some(first));
}

#[test]
fn due_cards_come_first_most_at_risk_first_then_new_cards() {
    // Three cards taken to review with different first grades.
    let mut model = fresh(None);
    let mut graded = Vec::new();
    for g in [Grade::Easy, Grade::Hard, Grade::Good] {
        graded.push(model.drill.current.expect("card"));
        grade(&mut model, g, at(0));
    }
    // Later steps: the learning cards come back and graduate with Good.
    let mut minutes = 20;
    while model.drill.current.is_some_and(|i| graded.contains(&i)) || minutes == 20 {
        if model.drill.current.is_some_and(|i| graded.contains(&i)) {
            grade(&mut model, Grade::Good, at(minutes * MINUTE));
        }
        minutes += 20;
        update(&mut model, Msg::Drill(DrillMsg::Tick(at(minutes * MINUTE))));
        update(
            &mut model,
            Msg::Drill(DrillMsg::ChooseTopic(None, at(minutes * MINUTE))),
        );
    }
    assert!(graded
        .iter()
        .all(|&i| model.states.get(i).phase == Phase::Review));
    let text = stored(&model);
    let later = at(60 * DAY);
    let model = start_with(Some(&text), None, later);
    assert_eq!(model.drill.queue.due.len(), 3);
    let recall: Vec<f64> = model
        .drill
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
    assert_eq!(model.drill.current, model.drill.queue.due.first().copied());
}

#[test]
fn the_daily_new_limit_holds_until_tomorrow() {
    let mut model = fresh(None);
    update(&mut model, Msg::SetNewPerDay(3, at(0)));
    assert_eq!(model.drill.queue.new.len(), 3);
    for _ in 0..3 {
        grade(&mut model, Grade::Easy, at(0));
    }
    assert_eq!(model.drill.current, None, "done for today");
    // A reload the same day does not grant more new cards.
    let text = stored(&model);
    assert_eq!(
        start_with(Some(&text), None, at(2 * 60 * MINUTE))
            .drill
            .current,
        None
    );
    // Tomorrow three more arrive.
    let tomorrow = start_with(Some(&text), None, at(DAY));
    assert_eq!(tomorrow.drill.queue.new.len(), 3);
}

#[test]
fn extra_practice_leaves_the_schedule_untouched() {
    let mut model = fresh(Some("data-caching"));
    grade(&mut model, Grade::Good, at(0));
    let states_before = model.states.clone();
    update(
        &mut model,
        Msg::Drill(DrillMsg::StartCram {
            difficulty: Some(2),
            now: at(MINUTE),
        }),
    );
    assert!(matches!(
        model.drill.mode,
        Mode::Cram {
            difficulty: Some(2)
        }
    ));
    assert!(
        model.grade_intervals(at(MINUTE)).is_none(),
        "no intervals: grades do not schedule"
    );
    let round = model.drill.cram.len();
    assert!(
        round > 0
            && model
                .drill
                .cram
                .iter()
                .all(|&i| model.deck.questions[i].difficulty == 2)
    );
    assert!(model
        .drill
        .cram
        .iter()
        .all(|&i| topic_of(&model, i) == "data-caching"));
    for n in 0..round {
        let effects = grade(&mut model, Grade::Again, at(MINUTE * (2 + n as i64)));
        assert_eq!(effects.len(), 1, "extra practice is still saved");
    }
    assert_eq!(model.drill.current, None);
    assert_eq!(model.states, states_before);
    let crams = model
        .data
        .progress
        .reviews()
        .iter()
        .filter(|r| r.kind == ReviewKind::Cram)
        .count();
    assert_eq!(crams, round);
    // Reloading derives the same schedule: cram reviews are ignored.
    let reloaded = start_with(Some(&stored(&model)), Some("data-caching"), at(DAY));
    assert_eq!(reloaded.states, states_before);
    update(&mut model, Msg::Drill(DrillMsg::BackToToday(at(DAY))));
    assert_eq!(model.drill.mode, Mode::Today);
}

#[test]
fn undo_restores_the_exact_previous_state() {
    let mut model = fresh(None);
    grade(&mut model, Grade::Good, at(0));
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    let before = model.clone();
    let effects = update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Hard, at(MINUTE))),
    );
    assert_ne!(model.data.progress, before.data.progress);
    let undone = update(&mut model, Msg::Drill(DrillMsg::Undo));
    assert_eq!(model.data.progress, before.data.progress);
    assert_eq!(model.states, before.states);
    assert_eq!(model.drill.queue, before.drill.queue);
    assert_eq!(
        (model.drill.current, model.drill.revealed),
        (before.drill.current, true)
    );
    // The saved log, read back, gives the history as it was before the grade;
    // the undone review is marked, in case another tab already holds a copy.
    let log = saved(&undone);
    assert_eq!(log.progress(), before.data.progress);
    assert_eq!(log.undone.len(), 1);
    assert_ne!(saved(&effects), log);
    // Grading the same card the same way in the same second after an undo
    // still counts: it moves to the next second.
    update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Hard, at(MINUTE))),
    );
    assert_eq!(model.data.progress.reviews().len(), 2);
    update(&mut model, Msg::Drill(DrillMsg::Undo));
    // Undo again takes back the first grade too; one more does nothing.
    update(&mut model, Msg::Drill(DrillMsg::Undo));
    assert!(model.data.progress.reviews().is_empty());
    assert!(update(&mut model, Msg::Drill(DrillMsg::Undo)).is_empty());
}

#[test]
fn a_topic_filter_shows_only_that_topic() {
    let mut model = fresh(None);
    update(
        &mut model,
        Msg::Drill(DrillMsg::ChooseTopic(Some("async-queues".into()), at(0))),
    );
    assert!(model
        .drill
        .queue
        .new
        .iter()
        .all(|&i| topic_of(&model, i) == "async-queues"));
    assert!(model
        .announcement
        .contains("Queues, retries and async workflows"));
    while model.drill.current.is_some() {
        assert_eq!(
            topic_of(&model, model.drill.current.unwrap_or(0)),
            "async-queues"
        );
        grade(&mut model, Grade::Easy, at(0));
    }
    assert!(model.announcement.contains("Done for today"));
}

#[test]
fn an_unknown_topic_means_every_topic() {
    let mut model = fresh(Some("no-such-topic"));
    assert_eq!(model.drill.topic, None);
    update(
        &mut model,
        Msg::Drill(DrillMsg::ChooseTopic(Some("also-missing".into()), at(0))),
    );
    assert_eq!(model.drill.topic, None);
}

#[test]
fn settings_reschedule_and_are_saved() {
    let mut model = fresh(None);
    let index = model.drill.current.expect("card");
    grade(&mut model, Grade::Easy, at(0));
    let due_at_90 = model.states.get(index).due_ms;
    let effects = update(&mut model, Msg::SetRetention(0.97, at(MINUTE)));
    assert!(
        model.states.get(index).due_ms < due_at_90,
        "higher retention, sooner reviews"
    );
    assert_eq!(saved(&effects).settings().desired_retention, 0.97);
    // Out-of-range values are clamped; a repeat changes nothing.
    update(&mut model, Msg::SetRetention(0.5, at(MINUTE)));
    assert_eq!(model.settings().desired_retention, 0.70);
    assert!(update(&mut model, Msg::SetRetention(0.7, at(MINUTE))).is_empty());
}

#[test]
fn removed_questions_are_kept_aside_and_changed_ones_keep_their_schedule() {
    let deck = rc_deck();
    let kept = &deck.questions[0].id;
    let mut ledger = Ledger::default();
    for (q, g, t) in [
        (kept.as_str(), Grade::Good, 0),
        ("question-removed-from-content", Grade::Easy, MINUTE),
    ] {
        ledger.reviews.insert(Review {
            card: CardKey::new("backend", q),
            grade: g,
            at: at(t),
            kind: ReviewKind::Scheduled,
        });
    }
    let text = encode_base(&ledger);
    let mut model = start_with(Some(&text), None, at(DAY));
    assert_eq!(
        model.states.get(0).reps,
        1,
        "the kept question keeps its schedule"
    );
    assert!(model.notice.is_none());
    grade(&mut model, Grade::Good, at(DAY));
    let ids: Vec<&str> = model
        .data
        .progress
        .reviews()
        .iter()
        .map(|r| r.card.question.as_str())
        .collect();
    assert!(
        ids.contains(&"question-removed-from-content"),
        "history of a removed question is kept"
    );
    // Figures count only the deck's questions: the removed one is kept, not shown.
    let line = model.progress_line(at(DAY));
    assert_eq!(line.seen_total, 1, "the kept question, reviewed twice");
    assert_eq!(line.grade_counts.iter().sum::<usize>(), 2);
}

#[test]
fn a_tick_brings_back_a_learning_card_that_fell_due() {
    let mut model = fresh(Some("api-design"));
    update(&mut model, Msg::SetNewPerDay(1, at(0)));
    let first = model.drill.current.expect("card");
    grade(&mut model, Grade::Good, at(0));
    assert_eq!(
        model.drill.current,
        Some(first),
        "due within the 20-minute learn-ahead window"
    );
    grade(&mut model, Grade::Good, at(0));
    assert_eq!(model.drill.current, None, "graduated: done for today");
    update(&mut model, Msg::Drill(DrillMsg::Tick(at(3 * DAY))));
    assert_eq!(model.drill.current, Some(first));
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
        assert!(model.data.progress.reviews().is_empty());
        let restored = restore(&[("base".to_string(), raw.to_string())]);
        assert_eq!(
            restored.unreadable[0].1, raw,
            "the exact text is kept for the backup"
        );
    }
}

fn start_without_backup(raw: &str, storage_problem: Option<&str>) -> Model {
    Model::start(Start {
        deck: rc_deck(),
        topic: None,
        restored: restore(&[("base".to_string(), raw.to_string())]),
        backups: None,
        writer: "w".into(),
        storage_problem: storage_problem.map(String::from),
        session_limit: None,
        seed: 0,
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
    assert_eq!(model.data.progress.reviews().len(), 1);
    update(&mut model, Msg::DismissNotice);
    assert_eq!(model.notice, None);
}

#[test]
fn failed_saves_are_reported_with_an_export_offer() {
    let rows = [
        (false, "Progress could not be saved: browser storage failed"),
        (true, "even after compacting the history"),
    ];
    for (full, text) in rows {
        let mut model = fresh(None);
        update(
            &mut model,
            Msg::SaveFailed {
                reason: "browser storage failed".into(),
                full,
            },
        );
        let notice = model.notice.clone().expect("a notice");
        assert!(notice.message().contains(text), "{}", notice.message());
        assert!(notice.offers_export());
        assert!(!current_id(&model).is_empty(), "the drill goes on");
    }
}

#[test]
fn export_import_and_reset() {
    let mut model = fresh(None);
    grade(&mut model, Grade::Good, at(0));
    grade(&mut model, Grade::Again, at(MINUTE));
    let effects = update(&mut model, Msg::Export(at(2 * MINUTE)));
    let [Effect::Download {
        file_name,
        contents,
        kind: FileKind::Json,
    }] = effects.as_slice()
    else {
        panic!("expected one download, got {effects:?}")
    };
    let (file_name, contents) = (file_name.clone(), contents.clone());
    assert_eq!(file_name, "interview-drill-progress-2026-03-02.json");
    // Into a fresh browser: same progress; a second import changes nothing.
    let mut other = fresh(None);
    let effects = update(&mut other, Msg::Import(contents.clone(), at(DAY)));
    assert_eq!(other.data.progress, model.data.progress);
    assert!(
        other.announcement.contains("2 new"),
        "{}",
        other.announcement
    );
    assert_eq!(
        saved(&effects).progress(),
        model.data.progress,
        "imported reviews are saved"
    );
    update(&mut other, Msg::Import(contents, at(DAY)));
    assert_eq!(other.data.progress, model.data.progress);
    assert!(
        other.announcement.contains("0 new"),
        "{}",
        other.announcement
    );
    // A bad file changes nothing and says why.
    update(
        &mut other,
        Msg::Import("{\"app\":\"something-else\"}".into(), at(DAY)),
    );
    assert!(matches!(other.notice, Some(Notice::ImportFailed { .. })));
    assert_eq!(other.data.progress, model.data.progress);
    // Reset asks first.
    assert!(
        update(&mut other, Msg::ConfirmReset(at(DAY))).is_empty(),
        "no reset without asking"
    );
    update(&mut other, Msg::AskReset);
    update(&mut other, Msg::CancelReset);
    assert!(update(&mut other, Msg::ConfirmReset(at(DAY))).is_empty());
    update(&mut other, Msg::AskReset);
    assert_eq!(
        update(&mut other, Msg::ConfirmReset(at(DAY))),
        vec![Effect::Store(Write::RemoveAll)]
    );
    assert!(other.data.progress.reviews().is_empty());
    assert_eq!(other.drill.queue.new.len(), 10, "a fresh start");
}

#[test]
fn progress_saved_by_another_tab_is_merged_without_losing_the_card_on_screen() {
    let mut here = fresh(None);
    let mut there = fresh(None);
    grade(&mut there, Grade::Easy, at(0));
    let graded_there = there.data.progress.reviews()[0].clone();
    update(&mut here, Msg::Drill(DrillMsg::Reveal));
    let current = here.drill.current;
    let effects = update(&mut here, Msg::StorageChanged(there.data.own.clone()));
    assert!(
        effects.is_empty(),
        "never write back in response to another writer"
    );
    assert!(here.data.progress.reviews().contains(&graded_there));
    assert_eq!((here.drill.current, here.drill.revealed), (current, true));
    // This tab's own reviews survive whatever storage says later.
    grade(&mut here, Grade::Good, at(MINUTE));
    update(&mut here, Msg::StorageChanged(Ledger::default()));
    assert_eq!(
        here.data.progress.reviews().len(),
        1,
        "a reset elsewhere keeps only this tab's own work"
    );
}

#[test]
fn a_session_limit_ends_the_drill_after_that_many_cards() {
    let mut model = Model::start(Start {
        deck: rc_deck(),
        topic: None,
        restored: restore(&[]),
        backups: Some(Vec::new()),
        writer: "w".into(),
        storage_problem: None,
        session_limit: Some(3),
        seed: 0,
        now: at(0),
    });
    assert_eq!(model.remaining(), 3);
    for n in 0..3 {
        assert!(model.drill.current.is_some(), "card {n}");
        grade(&mut model, Grade::Easy, at(n * MINUTE));
    }
    assert_eq!(model.drill.current, None);
    assert!(model.limit_reached());
    update(&mut model, Msg::Drill(DrillMsg::Undo));
    assert!(model.drill.current.is_some(), "undo reopens the last card");
    update(
        &mut model,
        Msg::Drill(DrillMsg::StartCram {
            difficulty: None,
            now: at(5 * MINUTE),
        }),
    );
    assert_eq!(
        model.remaining(),
        3,
        "extra practice is a new round of three"
    );
}

#[test]
fn a_widget_scoped_to_some_topics_names_them_in_its_label() {
    let mut model = fresh(None);
    assert_eq!(model.label(), "Backend engineer interview");
    model.scoped = true;
    assert_eq!(
        model.label(),
        "Backend engineer interview",
        "every topic is still shown"
    );
    let mut deck = (*model.deck).clone();
    deck.questions.retain(|q| q.topic == "data-caching");
    model.deck = Rc::new(deck);
    assert_eq!(
        model.label(),
        "Backend engineer interview (Databases and caching trade-offs)"
    );
    model.scoped = false;
    assert_eq!(
        model.label(),
        "Backend engineer interview",
        "a deck's own topics"
    );
}

/// Before the drill part is here (the guest's first paint), a reveal shows
/// the answer's place and says it is loading, a grade is dropped, and every
/// other message comes back unchanged, to be sent again once it arrives.
#[test]
fn before_the_drill_part_only_the_reveal_runs_and_grades_are_dropped() {
    use interview_drill::core::session::{before_drill, BeforeDrill};
    let mut model = fresh(None);
    let shown = current_id(&model);
    // A grade before the answer is on screen is not a grade, even once revealed.
    for msg in [
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(MINUTE))),
        Msg::Drill(DrillMsg::Reveal),
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(MINUTE))),
    ] {
        let ran = before_drill(&mut model, msg);
        assert!(
            matches!(ran, BeforeDrill::Ran(ref e) if e.is_empty()),
            "{ran:?}"
        );
    }
    assert!(model.drill.revealed);
    assert_eq!(model.announcement, "Loading the answer…");
    assert_eq!(current_id(&model), shown);
    assert!(model.data.ledger.reviews.is_empty());
    // The rest waits, in the form it came in.
    for msg in [
        Msg::Drill(DrillMsg::Undo),
        Msg::Drill(DrillMsg::Tick(at(MINUTE))),
        Msg::DismissNotice,
    ] {
        let before = format!("{msg:?}");
        match before_drill(&mut model, msg) {
            BeforeDrill::Waits(back) => assert_eq!(format!("{back:?}"), before),
            BeforeDrill::Ran(_) => panic!("{before} ran before the drill part"),
        }
    }
}
