//! Typed answers, speaking practice and follow-up chains, through the drill's
//! messages: what the learner sees before grading, and what is recorded.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_drill::core::answer_note::{coach_figures, AnswerStyle};
use interview_drill::core::draft::{decode, encode, Draft};
use interview_drill::core::persist::{encode_base, encode_log, restore};
use interview_drill::core::progress::Grade;
use interview_drill::core::session::{update, AnswerMsg, DrillMsg, Effect, Model, Msg, Start};
use interview_drill::core::stored::Write;

use common::{at, rc_deck, T0};

fn start(raw: Option<&str>) -> Model {
    let values: Vec<(String, String)> = raw
        .map(|r| ("base".to_string(), r.to_string()))
        .into_iter()
        .collect();
    Model::start(Start {
        deck: rc_deck(),
        topic: None,
        restored: restore(&values),
        backups: Some(Vec::new()),
        writer: "w1".into(),
        storage_problem: None,
        session_limit: None,
        seed: 0,
        now: at(0),
    })
}

fn answer(model: &mut Model, msg: AnswerMsg) {
    update(model, Msg::Answer(msg));
}

/// A strong answer built from the card's own key point phrases and concerns.
fn strong_answer(model: &Model) -> String {
    let q = model.current().expect("a card");
    let mut text: Vec<String> = q
        .key_points
        .iter()
        .map(|k| format!("We rely on {}.", k.phrases[0]))
        .collect();
    text.push("The failure mode is a timeout storm; the trade-off is cost.".into());
    text.join(" ")
}

#[test]
fn a_typed_answer_is_checked_before_the_model_answer_and_the_suggestion_never_grades() {
    let mut model = start(None);
    let card = model.drill.current;
    answer(&mut model, AnswerMsg::Check);
    assert!(
        model.attempt.feedback.is_none(),
        "an empty answer is not checked"
    );
    assert!(model.announcement.contains("Type an answer first"));

    let text = strong_answer(&model);
    answer(&mut model, AnswerMsg::Draft(text));
    answer(&mut model, AnswerMsg::Check);
    let feedback = model.attempt.feedback.clone().expect("feedback");
    assert!(
        !model.drill.revealed,
        "feedback comes before the model answer"
    );
    assert!(feedback.points.iter().all(|p| p.matched.is_some()));
    assert!(feedback.names_failure && feedback.names_trade_off);
    assert_eq!(feedback.suggested, Grade::Easy);
    assert!(model.announcement.starts_with("Your answer covers"));
    assert_eq!(model.drill.current, card, "nothing was graded");
    assert!(model.data.ledger.reviews.is_empty());

    // Grading needs the reveal, and the learner's own choice.
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    let effects = update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(1000))),
    );
    let [Effect::Store(Write::Log(own)), Effect::Store(Write::ClearDraft)] = effects.as_slice()
    else {
        panic!("a save and the draft removed, got {effects:?}");
    };
    let note = own.notes.iter().next().expect("a note beside the review");
    assert_eq!(note.style, AnswerStyle::Typed);
    assert_eq!(note.suggested, Some(Grade::Easy));
    assert_eq!(note.chosen, Grade::Good);
    assert!(note.overridden());
    let review = own.reviews.iter().next().expect("the review");
    assert_eq!((review.at, &review.card), (note.at, &note.card));
    assert!(
        model.attempt.feedback.is_none(),
        "the next card starts clean"
    );
}

#[test]
fn a_weak_answer_misses_key_points_and_suggests_again() {
    let mut model = start(None);
    answer(
        &mut model,
        AnswerMsg::Draft("I would just make it faster.".into()),
    );
    answer(&mut model, AnswerMsg::Check);
    let feedback = model.attempt.feedback.clone().expect("feedback");
    assert!(feedback.points.iter().all(|p| p.matched.is_none()));
    assert_eq!(feedback.suggested, Grade::Again);
}

#[test]
fn speaking_practice_times_the_answer_and_the_ticks_suggest_the_grade() {
    let mut model = start(None);
    let q = model.current().expect("a card").clone();
    answer(&mut model, AnswerMsg::StartAloud(T0));
    let aloud = model.attempt.aloud.clone().expect("timer");
    assert!(aloud.running());
    assert_eq!(aloud.elapsed_ms(T0 + 65_000), 65_000);
    assert_eq!(
        model.attempt.suggestion(&q),
        None,
        "no suggestion while talking"
    );
    answer(&mut model, AnswerMsg::Tick(0));
    assert!(
        !model.attempt.aloud.as_ref().expect("timer").ticks[0],
        "ticks wait for the timer to stop"
    );

    answer(&mut model, AnswerMsg::StopAloud(T0 + 125_000));
    assert!(
        model.announcement.contains("2:05"),
        "{}",
        model.announcement
    );
    assert_eq!(
        model.attempt.suggestion(&q),
        Some((Grade::Again, AnswerStyle::Aloud))
    );
    // Every key point and every concern ticked: the best grade.
    let items = q.key_points.len() + q.concerns.len();
    for i in 0..items {
        answer(&mut model, AnswerMsg::Tick(i));
    }
    assert_eq!(
        model.attempt.suggestion(&q),
        Some((Grade::Easy, AnswerStyle::Aloud))
    );
    answer(&mut model, AnswerMsg::Tick(0));
    assert_ne!(
        model.attempt.suggestion(&q).map(|s| s.0),
        Some(Grade::Easy),
        "unticking a key point lowers it"
    );
}

#[test]
fn the_follow_up_chain_goes_one_at_a_time_and_is_recorded_with_the_review() {
    let mut model = start(None);
    answer(&mut model, AnswerMsg::StartFollowUps);
    assert!(
        model.attempt.chain.is_none(),
        "follow-ups come after the reveal"
    );
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    let total = model.current().expect("a card").follow_ups.len();
    assert!(total >= 2);
    answer(&mut model, AnswerMsg::StartFollowUps);
    assert!(model
        .announcement
        .starts_with(&format!("Follow-up 1 of {total}")));

    // Table: message, then (index on screen, reached, answered, finished).
    let rows: Vec<(AnswerMsg, (usize, usize, usize, bool))> = vec![
        (AnswerMsg::ToggleHint, (0, 1, 0, false)),
        (
            AnswerMsg::FollowUpDraft("Use a lease".into()),
            (0, 1, 0, false),
        ),
        (AnswerMsg::NextFollowUp, (1, 2, 1, false)),
        (AnswerMsg::FollowUpSaidAloud(true), (1, 2, 1, false)),
        (AnswerMsg::StopFollowUps, (1, 2, 2, true)),
        (AnswerMsg::NextFollowUp, (1, 2, 2, true)),
    ];
    for (msg, (index, reached, answered, finished)) in rows {
        answer(&mut model, msg.clone());
        let chain = model.attempt.chain.as_ref().expect("chain");
        assert_eq!(
            (
                chain.index,
                chain.reached(),
                chain.answered_count(),
                chain.finished
            ),
            (index, reached, answered, finished),
            "after {msg:?}"
        );
        if msg == AnswerMsg::NextFollowUp && !finished {
            assert!(
                !chain.hint_shown && chain.draft.is_empty(),
                "a fresh follow-up"
            );
        }
    }
    let effects = update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Hard, at(5000))),
    );
    let [Effect::Store(Write::Log(own))] = effects.as_slice() else {
        panic!("one save expected");
    };
    let note = own.notes.iter().next().expect("note");
    assert_eq!(note.style, AnswerStyle::Recalled);
    assert_eq!(note.suggested, None);
    assert_eq!((note.follow_ups_reached, note.follow_ups_answered), (2, 2));
}

#[test]
fn recalling_without_answering_adds_no_note() {
    let mut model = start(None);
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    let effects = update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(1000))),
    );
    let [Effect::Store(Write::Log(own))] = effects.as_slice() else {
        panic!("one save expected");
    };
    assert!(own.notes.is_empty());
}

#[test]
fn notes_survive_a_reload_and_overrides_are_counted_until_undone() {
    let mut model = start(None);
    // Card 1: typed, suggestion Again, graded Good (override up).
    answer(&mut model, AnswerMsg::Draft("No idea, sorry.".into()));
    answer(&mut model, AnswerMsg::Check);
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Good, at(1000))),
    );
    // Card 2: typed strong, suggestion Easy, confirmed.
    let text = strong_answer(&model);
    answer(&mut model, AnswerMsg::Draft(text));
    answer(&mut model, AnswerMsg::Check);
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut model,
        Msg::Drill(DrillMsg::Grade(Grade::Easy, at(2000))),
    );

    let figures = coach_figures(&model.data.ledger.notes, &model.data.progress, "backend");
    assert_eq!(
        (
            figures.typed,
            figures.suggested,
            figures.overridden,
            figures.overridden_up
        ),
        (2, 2, 1, 1)
    );

    // Through the stored formats and back: a reload sees the same figures.
    for raw in [
        encode_base(&model.data.ledger),
        encode_log(&model.data.ledger, "w1"),
    ] {
        let reloaded = start(Some(&raw));
        assert_eq!(reloaded.data.ledger.notes, model.data.ledger.notes, "{raw}");
    }

    update(&mut model, Msg::Drill(DrillMsg::Undo));
    let figures = coach_figures(&model.data.ledger.notes, &model.data.progress, "backend");
    assert_eq!(
        (figures.suggested, figures.overridden),
        (1, 1),
        "an undone review's note stops counting"
    );
}

#[test]
fn the_typed_answer_is_kept_as_it_is_typed_and_comes_back_after_a_reload() {
    let mut model = start(None);
    let card = model.current().expect("a card").id.clone();
    let effects = update(
        &mut model,
        Msg::Answer(AnswerMsg::Draft("Idempotency keys".into())),
    );
    let [Effect::Store(Write::Draft(draft))] = effects.as_slice() else {
        panic!("the draft is stored, got {effects:?}");
    };
    let stored = decode(&encode(draft)).expect("readable");
    assert_eq!(
        stored,
        Draft {
            deck: "backend".into(),
            q: card.clone(),
            text: "Idempotency keys".into()
        }
    );
    // Clearing the box forgets the draft.
    let effects = update(&mut model, Msg::Answer(AnswerMsg::Draft(String::new())));
    assert_eq!(effects, vec![Effect::Store(Write::ClearDraft)]);

    // After a reload the same card comes up, with its draft.
    let mut reloaded = start(None);
    update(
        &mut reloaded,
        Msg::Drill(DrillMsg::RestoreDraft(stored.clone())),
    );
    assert_eq!(reloaded.attempt.draft, "Idempotency keys");
    // A draft for another card is not used.
    let mut other = start(None);
    update(
        &mut other,
        Msg::Drill(DrillMsg::RestoreDraft(Draft {
            q: "not-this-card".into(),
            ..stored
        })),
    );
    assert_eq!(other.attempt.draft, "");
    assert_eq!(decode("{broken"), None);
    let multi_line = Draft {
        deck: "backend".into(),
        q: card,
        text: "First line\n\n- a list\n".into(),
    };
    assert_eq!(decode(&encode(&multi_line)), Some(multi_line));
}

#[test]
fn the_card_answered_before_a_reload_comes_back_with_its_draft_while_queued() {
    let model = start(None);
    let queued: Vec<String> = model
        .drill
        .queue
        .new
        .iter()
        .map(|&i| model.deck.questions[i].id.clone())
        .collect();
    let first = model.current().expect("a card").id.clone();
    let second = queued
        .iter()
        .find(|id| **id != first)
        .expect("two cards")
        .clone();
    let draft = Draft {
        deck: "backend".into(),
        q: second.clone(),
        text: "Idempotency keys".into(),
    };
    // Nothing else opened: the answered card comes back first, draft and all.
    let mut resumed = start(None);
    update(
        &mut resumed,
        Msg::Drill(DrillMsg::ResumeDraft(draft.clone())),
    );
    assert_eq!(
        resumed.current().map(|q| q.id.clone()),
        Some(second.clone())
    );
    assert_eq!(resumed.attempt.draft, "Idempotency keys");
    // The first paint does the same before the drill part is here.
    let mut first_paint = start(None);
    interview_drill::core::session::before_drill(
        &mut first_paint,
        Msg::Drill(DrillMsg::ResumeDraft(draft.clone())),
    );
    assert_eq!(first_paint.current().map(|q| q.id.clone()), Some(second));
    // A card no longer queued stays away, and so does its draft.
    let mut gone = start(None);
    update(
        &mut gone,
        Msg::Drill(DrillMsg::ResumeDraft(Draft {
            q: "not-a-card".into(),
            ..draft.clone()
        })),
    );
    assert_eq!(gone.current().map(|q| q.id.clone()), Some(first.clone()));
    assert_eq!(gone.attempt.draft, "");
    // Restoring (a link opened something) never moves the card on screen.
    let mut restored = start(None);
    update(&mut restored, Msg::Drill(DrillMsg::RestoreDraft(draft)));
    assert_eq!(restored.current().map(|q| q.id.clone()), Some(first));
    assert_eq!(restored.attempt.draft, "");
}

#[test]
fn the_coach_feedback_goes_when_the_answer_changes() {
    let mut model = start(None);
    answer(
        &mut model,
        AnswerMsg::Draft("Idempotency keys with a stored response.".into()),
    );
    answer(&mut model, AnswerMsg::Check);
    assert!(model.attempt.feedback.is_some());
    // The same text again (an input event without a change) keeps it.
    answer(
        &mut model,
        AnswerMsg::Draft("Idempotency keys with a stored response.".into()),
    );
    assert!(model.attempt.feedback.is_some());
    answer(&mut model, AnswerMsg::Draft(String::new()));
    assert_eq!(model.attempt.feedback, None, "feedback on an emptied box");
}
