//! Laying out the plan over the days left.
//!
//! With n prep days (the days before the interview, at most 14):
//! - n = 0, the interview is today: rehearse the incident story, lightly.
//! - n = 1: the essentials, a mock round and the incident story.
//! - n = 2 to 5: all five foci packed into the days, the mock round last as a
//!   dress rehearsal; from 4 days the last day is light.
//! - n ≥ 6: one focus a day in the article's order (days 1–5), a light last
//!   day, and between them a second pass: another mock round every third day
//!   counted back from the day before the last (at most three rounds in all,
//!   and never the day right after the first), the other days going through
//!   API design, trade-offs, the story and the project again.

use super::{DrillTarget, Focus, Pass, Plan, PlanDay, PlanItem, TemplateKind};
use crate::core::calendar::iso_date;
use crate::core::mock::{AnswerStyle, RoundSetup};

/// A plan covers at most this many days before the interview; a date further
/// off starts the plan later.
pub use crate::core::plan_date::MAX_PLAN_DAYS;
const MAX_MOCK_ROUNDS: usize = 3;

/// Focus codes by day for 2 to 5 prep days: A API design, B trade-offs,
/// C incident story, D project refresh, E mock round, c light rehearsal.
const PACKED: [&str; 4] = ["ACD|BE", "AC|BD|E", "AC|BD|E|c", "A|BC|D|E|c"];

/// The focus codes of each day for `n` prep days.
fn layout(n: i64) -> Vec<String> {
    match n {
        ..=-1 => Vec::new(),
        0 => vec!["c".into()],
        1 => vec!["EC".into()],
        2..=5 => PACKED
            .get((n - 2) as usize)
            .map_or_else(Vec::new, |p| p.split('|').map(String::from).collect()),
        _ => {
            let n = n.min(MAX_PLAN_DAYS);
            let mut days: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
            // Second-pass mock rounds, counted back from day n - 1.
            let mut mocks = Vec::new();
            let mut day = n - 1;
            while day >= 7 && mocks.len() + 1 < MAX_MOCK_ROUNDS {
                mocks.push(day);
                day -= 3;
            }
            let mut cycle = ["A", "B", "C", "D"].iter().cycle();
            for day in 6..n {
                let code = if mocks.contains(&day) {
                    "E"
                } else {
                    cycle.next().copied().unwrap_or("A")
                };
                days.push(code.into());
            }
            days.push("c".into());
            days
        }
    }
}

/// The plan for an interview on `interview_day`, set on `set_on_day`.
pub fn generate(interview_day: i64, set_on_day: i64) -> Plan {
    let first_day = crate::core::plan_date::first_day(interview_day, set_on_day);
    let n = interview_day - first_day;
    let mut seen: Vec<Focus> = Vec::new();
    let days = layout(n)
        .iter()
        .enumerate()
        .map(|(i, codes)| {
            let day = if n == 0 {
                interview_day
            } else {
                first_day + i as i64
            };
            let items = codes
                .chars()
                .filter_map(|code| {
                    let (focus, light) = match code {
                        'A' => (Focus::ApiDesign, false),
                        'B' => (Focus::TradeOffs, false),
                        'C' => (Focus::IncidentStory, false),
                        'c' => (Focus::IncidentStory, true),
                        'D' => (Focus::ProjectRefresh, false),
                        'E' => (Focus::MockRound, false),
                        _ => return None,
                    };
                    let pass = if light {
                        Pass::Light
                    } else if seen.contains(&focus) {
                        Pass::Again
                    } else {
                        Pass::First
                    };
                    seen.push(focus);
                    Some(item(day, focus, pass))
                })
                .collect();
            PlanDay {
                day,
                number: i + 1,
                items,
            }
        })
        .collect();
    Plan {
        interview_day,
        first_day: if n < 0 { interview_day } else { first_day },
        days,
    }
}

fn item(day: i64, focus: Focus, pass: Pass) -> PlanItem {
    let (title, why) = words(focus, pass);
    PlanItem {
        id: format!("{}-{}", iso_date(day), focus.slug()),
        day,
        focus,
        pass,
        title,
        why,
        target: target(focus),
    }
}

fn target(focus: Focus) -> DrillTarget {
    match focus {
        Focus::ApiDesign => DrillTarget::Topics {
            topics: vec!["api-design".into()],
            style: AnswerStyle::Aloud,
            questions: 1,
        },
        Focus::TradeOffs => DrillTarget::Topics {
            topics: vec!["data-caching".into(), "async-queues".into()],
            style: AnswerStyle::Typed,
            questions: 4,
        },
        Focus::IncidentStory => DrillTarget::Template(TemplateKind::IncidentStory),
        Focus::ProjectRefresh => DrillTarget::Template(TemplateKind::ProjectRefresh),
        Focus::MockRound => DrillTarget::MockRound(RoundSetup {
            // Interviews are spoken: the plan suggests answering aloud.
            style: AnswerStyle::Aloud,
            ..RoundSetup::default()
        }),
    }
}

fn words(focus: Focus, pass: Pass) -> (&'static str, &'static str) {
    match (focus, pass) {
        (Focus::ApiDesign, Pass::First) => (
            "Answer an API design prompt aloud",
            "Narrate your assumptions before you design tables or endpoints: interviewers score how you reason, not only the design.",
        ),
        (Focus::ApiDesign, _) => (
            "Another API design prompt aloud",
            "Pick one you have not answered yet: assumptions first, then the contract, then what fails.",
        ),
        (Focus::TradeOffs, Pass::First) => (
            "Caching, indexing and queueing trade-offs",
            "For each tool, say when it is overkill: a cache that hides a slow query, an index that slows every write, a queue where a plain request would do.",
        ),
        (Focus::TradeOffs, _) => (
            "Trade-offs again: caching, indexing, queueing",
            "Answer with the cost first this time: what each tool adds to run, and when you would not use it.",
        ),
        (Focus::IncidentStory, Pass::First) => (
            "Prepare an incident story",
            "One story that shows calm debugging and clear communication: the situation, the impact, how you narrowed the blast radius, the fix, the follow-ups and what you would do differently.",
        ),
        (Focus::IncidentStory, Pass::Again) => (
            "Tighten your incident story",
            "Cut it to about two minutes aloud and make the numbers concrete: how many users, how long, how you knew.",
        ),
        (Focus::IncidentStory, Pass::Light) => (
            "Rehearse your incident story aloud",
            "A light day: tell the story once, skim your project notes, and rest.",
        ),
        (Focus::ProjectRefresh, Pass::First) => (
            "Refresh a project you owned end to end",
            "Write down its key decisions and their trade-offs, so \"tell me about a service you built\" gets concrete answers.",
        ),
        (Focus::ProjectRefresh, _) => (
            "Revisit your project notes",
            "Add one decision you would defend again and one you would now make differently.",
        ),
        (Focus::MockRound, Pass::First) => (
            "Timed mock round",
            "Answer against the clock, and name a failure mode or an operational trade-off in every answer.",
        ),
        (Focus::MockRound, _) => (
            "Another timed mock round",
            "Compare the score with your last round, and see whether your weakest topic has moved.",
        ),
    }
}
