//! What the guest build relies on, checked against the full build's own
//! rules: the keys it must not touch, the plan's date read without the plan
//! module, links told apart without the link reader, the decks' details
//! split off and put back, and what a learner sees while they load.

mod common;

use std::rc::Rc;

use common::{fresh_model, noon, rc_deck, MONDAY};
use interview_drill::core::bank::split_decks;
use interview_drill::core::link_hint::may_be_link;
use interview_drill::core::plan::{encode_plan, PlanState, PLAN_KEY};
use interview_drill::core::plan_date::stored_window;
use interview_drill::core::session::{
    update, AnswerMsg, Answers, DrillMsg, Msg, Part, PartMsg, Section,
};
use interview_drill::core::share::{parse_fragment, LinkError};
use interview_drill::core::stored::others;
use interview_drill::core::{builder, mock, my_decks};
use interview_drill::decks;

#[test]
fn the_guest_knows_every_key_of_the_full_build() {
    assert_eq!(others::MOCK_ROUND, mock::ROUND_KEY);
    assert_eq!(others::MOCK_HISTORY, mock::HISTORY_KEY);
    assert_eq!(others::PLAN, PLAN_KEY);
    assert_eq!(others::BUILDER_DECK, builder::KEPT_KEY);
    assert_eq!(others::SAVED_DECK_PREFIX, my_decks::KEY_PREFIX);
}

#[test]
fn the_guest_reads_the_same_interview_window_as_the_plan() {
    let today = MONDAY;
    for (interview, set_on) in [
        (today + 3, today),
        (today + 30, today),
        (today + 9, today - 2),
        (today + 1, today + 1),
    ] {
        let state = PlanState {
            interview_day: Some(interview),
            set_on_day: set_on,
            ..PlanState::default()
        };
        let text = encode_plan(&state);
        let full = state.plan().map(|p| p.window());
        assert_eq!(stored_window(&text, today), full, "{text}");
    }
    // A date that has passed, someone else's value, a newer version: no window.
    let past = encode_plan(&PlanState {
        interview_day: Some(today - 1),
        set_on_day: today - 5,
        ..PlanState::default()
    });
    for text in [
        past.as_str(),
        "{}",
        "not json",
        r#"{"app":"interview-drill","v":2,"kind":"plan","interview":"2026-12-12"}"#,
    ] {
        assert_eq!(stored_window(text, today), None, "{text}");
    }
}

#[test]
fn a_fragment_the_link_reader_reads_is_always_a_link_to_the_guest() {
    let fixtures = std::fs::read_dir("tests/fixtures/share").expect("fixtures");
    let mut fragments: Vec<String> = fixtures
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "link"))
        .map(|e| {
            std::fs::read_to_string(e.path())
                .expect("fixture")
                .trim()
                .to_string()
        })
        .collect();
    fragments.extend(
        [
            "#q=backend/idempotent-payment-api",
            "#drill=topics:api-design,n:3",
            "q%3Dbackend/x",
            "#deck=1.AAAA",
            "#=",
            "#x=1",
            "https://example.com/page#deck=1.x",
            "#section-2",
            "#",
            "",
            "#top",
            "plain",
            "#%",
            "#a%20b",
        ]
        .map(String::from),
    );
    fragments.push(format!("#{}", "a".repeat(70_000)));
    for fragment in &fragments {
        let reader = parse_fragment(fragment);
        if !may_be_link(fragment) {
            assert_eq!(reader, Err(LinkError::NotALink), "{fragment:.60}");
        }
    }
    // Plain anchors stay with the guest.
    for anchor in ["#section-2", "#top", "", "#"] {
        assert!(!may_be_link(anchor), "{anchor}");
    }
}

#[test]
fn split_details_put_back_give_the_decks_as_compiled() {
    let whole = decks::builtin().expect("decks");
    let (mut index, details) = split_decks(whole.clone());
    assert!(index
        .iter()
        .flat_map(|d| &d.questions)
        .all(|q| q.answer.is_empty() && q.key_points.is_empty()));
    for deck in &mut index {
        assert!(deck.complete(&details));
    }
    assert_eq!(index, whole);
    // Details of another deck, or missing a question, complete nothing.
    let (mut other, _) = split_decks(whole.clone());
    let mut short = details.clone();
    short[0].1.pop();
    assert!(!other[0].complete(&short));
    assert!(other[0].questions.iter().all(|q| q.answer.is_empty()));
}

/// A session on the built-in deck's index, its details still on their way,
/// and the whole deck they complete.
fn waiting_for_details() -> (
    interview_drill::core::session::Model,
    Rc<interview_drill::core::bank::Deck>,
) {
    let whole = rc_deck();
    let (index, _) = split_decks(vec![(*whole).clone()]);
    let mut model = fresh_model(index[0].clone(), None, 1);
    model.answers = Answers::Pending;
    (model, whole)
}

#[test]
fn a_card_revealed_before_its_answer_says_so_and_the_answer_follows() {
    let (mut model, whole) = waiting_for_details();
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    assert!(model.drill.revealed);
    // The coach and the follow-ups wait for the key points.
    update(
        &mut model,
        Msg::Answer(AnswerMsg::Draft("a retry storm".into())),
    );
    update(&mut model, Msg::Answer(AnswerMsg::Check));
    assert!(model.attempt.feedback.is_none());
    assert_eq!(
        model.announcement,
        "The key points are still loading: try again in a moment."
    );
    update(&mut model, Msg::Part(PartMsg::Details(Rc::clone(&whole))));
    assert_eq!(model.answers, Answers::Here);
    assert_eq!(model.announcement, "The answer is here.");
    assert!(!model.current().expect("card").answer.is_empty());
    // Another deck's details are not this deck's.
    let (mut model, _) = waiting_for_details();
    let mut other = (*whole).clone();
    other.questions.reverse();
    update(&mut model, Msg::Part(PartMsg::Details(Rc::new(other))));
    assert_eq!(model.answers, Answers::Pending);
}

#[test]
fn a_checklist_begun_before_the_key_points_gets_its_items() {
    let (mut model, whole) = waiting_for_details();
    update(
        &mut model,
        Msg::Answer(AnswerMsg::StartAloud(noon(MONDAY).unix_ms)),
    );
    assert_eq!(model.attempt.aloud.as_ref().map(|a| a.ticks.len()), Some(0));
    update(&mut model, Msg::Part(PartMsg::Details(Rc::clone(&whole))));
    let items = interview_drill::core::session::checklist(model.current().expect("card")).len();
    assert!(items > 0);
    assert_eq!(
        model.attempt.aloud.as_ref().map(|a| a.ticks.len()),
        Some(items)
    );
}

#[test]
fn a_part_loading_then_failing_is_announced_and_can_be_tried_again() {
    let mut model = fresh_model(common::deck(), None, 1);
    let part = Part::Section(Section::Mock);
    update(&mut model, Msg::Part(PartMsg::Fetching(part)));
    assert_eq!(model.announcement, "Loading mock rounds…");
    update(
        &mut model,
        Msg::Part(PartMsg::Failed(part, "HTTP 404".into())),
    );
    assert_eq!(
        model.announcement,
        "Mock rounds could not be loaded (HTTP 404). The drill still works; try again."
    );
    assert_eq!(
        model.loading.as_ref().and_then(|l| l.failed.as_deref()),
        Some("HTTP 404")
    );
    // The drill carries on.
    update(&mut model, Msg::Drill(DrillMsg::Reveal));
    assert!(model.drill.revealed);
    update(&mut model, Msg::Part(PartMsg::Fetching(part)));
    assert_eq!(
        model.loading.as_ref().map(|l| l.failed.is_none()),
        Some(true)
    );
}

#[test]
fn every_part_has_a_name_the_loader_passes_back() {
    let parts = [
        Part::Section(Section::Practice),
        Part::Section(Section::Mock),
        Part::Section(Section::Plan),
        Part::Section(Section::Stats),
        Part::Section(Section::Settings),
        Part::Section(Section::Decks),
        Part::ShareQuestion,
        Part::ShareDrill,
    ];
    for part in parts {
        assert_eq!(Part::from_name(part.name()), Some(part));
    }
    assert_eq!(Part::from_name("everything"), None);
}

#[test]
fn what_a_widget_could_not_store_is_carried_on_by_the_one_that_takes_it_over() {
    use interview_drill::core::progress::Grade;
    use interview_drill::core::session::Effect;
    use interview_drill::core::stored::Write;
    let mut guest = fresh_model(common::deck(), None, 1);
    update(&mut guest, Msg::Drill(DrillMsg::Reveal));
    update(
        &mut guest,
        Msg::Drill(DrillMsg::Grade(Grade::Good, common::at(1_000))),
    );
    // Saved: nothing to carry.
    assert!(guest.unsaved().is_none());
    update(
        &mut guest,
        Msg::SaveFailed {
            reason: "the quota is used up".into(),
            full: true,
        },
    );
    let carried = guest.unsaved().expect("unsaved").clone();
    assert!(!carried.is_empty());

    let mut full = fresh_model(common::deck(), None, 1);
    let effects = update(&mut full, Msg::Carried(carried.clone(), common::at(2_000)));
    assert_eq!(full.data.progress, guest.data.progress);
    // It is this writer's now, written with its log.
    assert_eq!(effects, vec![Effect::Store(Write::Log(carried))]);
}
