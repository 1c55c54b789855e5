//! Behavioural prompts ("tell me about an incident you handled"): a kind of
//! question of their own, written with a model structure and what a strong
//! story shows, checked by the compiler, and never asked by the coach or the
//! mock report to name a failure mode or a trade-off.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use interview_drill::core::bank::{ConcernKind, Deck, QuestionKind};
use interview_drill::core::coach::check;
use interview_drill::core::content::{compile_deck, ContentError, SourceFile};
use interview_drill::core::mock::{report, update, AnswerStyle, Round, RoundMsg, RoundSetup};
use interview_drill::core::progress::Grade;
use interview_drill::core::session::describe;

use common::{at, MINUTE};

const DECK_TOML: &str =
    "id = \"test\"\ntitle = \"Test deck\"\ndescription = \"A deck for tests.\"\n";

/// A valid behavioural prompt. Line numbers below refer to it.
const STORY: &str = r#"+++
id = "an-incident-you-handled"
topic = "latency-incidents"
kind = "behavioural"
difficulty = 2
minutes = 4
+++

# Tell me about a production incident you handled.

## Model structure

Tell it in four parts. The situation: what broke, for whom, and how much,
in numbers (checkout errors at 12% for 40 minutes). Your actions: what you
decided and why, mitigation before diagnosis, who you told and when. The
outcome: how it ended and what it cost. What changed: the follow-up actions
that stuck, and what you would do differently. Keep it to two minutes and
say "I" for what you did.

## Key points

- Impact in numbers: error rate | customers affected | minutes of downtime | revenue lost
- Mitigate first: rolled back | mitigated first | stopped the bleeding | turned off the flag
- Your own decisions: I decided | I paged | my call | I chose
- What changed after: action items | we added an alert | postmortem | changed the runbook

## Follow-ups

- What would you do differently?
  Hint: a concrete change, not "communicate better".
- How did you know it was over?
  Hint: the metric that recovered, and how long you watched it.

## What a strong story shows

- Ownership: what you decided, not what "we" did.
- Calm under pressure: mitigation before root cause.
"#;

fn compile(text: &str) -> Result<Deck, Vec<ContentError>> {
    let source = |path: &str, text: &str| SourceFile {
        path: path.into(),
        text: text.into(),
    };
    compile_deck(&source("deck.toml", DECK_TOML), &[source("q.md", text)])
}

fn errors(text: &str) -> Vec<String> {
    match compile(text) {
        Ok(_) => vec!["compiled".into()],
        Err(errors) => errors.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn a_behavioural_prompt_compiles_with_its_structure_and_strengths() {
    let deck = compile(STORY).expect("a good story prompt");
    let q = &deck.questions[0];
    assert_eq!(q.kind, QuestionKind::Behavioural);
    assert!(!q.answer.is_empty());
    assert_eq!(q.concerns.len(), 2);
    assert!(q.concerns.iter().all(|c| c.kind == ConcernKind::Shows));
    assert_eq!(q.kind.answer_heading(), "Model structure");
    assert_eq!(q.kind.concerns_heading(), "What a strong story shows");
}

#[test]
fn a_behavioural_prompt_with_the_wrong_sections_is_refused() {
    let table: [(&str, String, &[&str]); 4] = [
        (
            "a technical section name",
            STORY.replace("## Model structure", "## Answer"),
            &[
                "q.md:11: unknown section `## Answer`; expected `## Model structure`",
                "q.md:38: missing section `## Model structure`",
            ],
        ),
        (
            "an unknown kind",
            STORY.replace("behavioural\"", "anecdote\""),
            &["q.md:4: kind `anecdote` must be `technical` or `behavioural`"],
        ),
        (
            "one strength",
            STORY.replace("- Calm under pressure: mitigation before root cause.\n", ""),
            &["q.md:34: section `## What a strong story shows` has 1 items; it needs 2 to 4"],
        ),
        (
            "a technical question with story sections",
            STORY.replace("kind = \"behavioural\"\n", ""),
            &[
                "q.md:10: unknown section `## Model structure`; expected `## Answer`, `## Key points`, `## Follow-ups`, `## Failure modes and trade-offs`, `## Misconceptions` (a behavioural prompt says `kind = \"behavioural\"` in its front matter)",
                "q.md:33: unknown section `## What a strong story shows`",
                "q.md:37: missing section `## Answer`",
                "q.md:37: missing section `## Failure modes and trade-offs`",
            ],
        ),
    ];
    for (name, text, expected) in table {
        let got = errors(&text);
        let fits = got.len() == expected.len()
            && expected.iter().zip(&got).all(|(want, got)| {
                let (place, reason) = want.split_once(": ").expect("path:line: reason");
                got.starts_with(place) && got.contains(reason)
            });
        assert!(fits, "{name}: expected {expected:#?}\ngot {got:#?}");
    }
}

const GOOD_STORY: &str = "Checkout errors hit 12% for 40 minutes, about 3,000 customers affected. \
I paged the on-call database engineer and I decided to roll back first, so we rolled back the deploy \
within ten minutes. Afterwards I ran the postmortem and we added an alert on the error rate.";

#[test]
fn the_coach_grades_a_story_by_its_points_not_by_failure_modes() {
    let deck = compile(STORY).expect("story");
    let q = &deck.questions[0];
    let feedback = check(GOOD_STORY, q);
    assert!(feedback.story);
    assert_eq!(feedback.coverage, 1.0, "{feedback:?}");
    assert_eq!(
        feedback.suggested,
        Grade::Easy,
        "no failure mode asked of a story"
    );
    let said = describe(&feedback);
    assert!(!said.contains("failure mode"), "{said}");

    // The same story asked as a technical question must name both.
    let mut technical = q.clone();
    technical.kind = QuestionKind::Technical;
    let feedback = check(GOOD_STORY, &technical);
    assert!(!feedback.story);
    assert!(feedback.suggested < Grade::Easy, "{feedback:?}");
}

#[test]
fn a_mock_round_scores_a_story_without_failure_modes() {
    let deck = compile(STORY).expect("story");
    for style in [AnswerStyle::Typed, AnswerStyle::Aloud] {
        let setup = RoundSetup {
            questions: 1,
            style,
            ..RoundSetup::default()
        };
        let mut round = Round::start(&deck, setup, 1, at(0)).expect("round");
        update(
            &mut round,
            RoundMsg::Type {
                index: 0,
                text: GOOD_STORY.into(),
            },
        );
        for point in 0..4 {
            update(
                &mut round,
                RoundMsg::Check {
                    index: 0,
                    point,
                    on: true,
                },
            );
        }
        update(
            &mut round,
            RoundMsg::Next {
                index: 0,
                now: at(MINUTE),
            },
        );
        let r = report(&round, &deck);
        let q = &r.questions[0];
        assert!(
            q.names_failure && q.names_trade_off,
            "{style:?}: the rule counts as met"
        );
        assert_eq!(q.grade, Some(Grade::Easy), "{style:?}");
        assert_eq!(q.score, 100, "{style:?}");
    }
}
