//! What the plan screen says and how its date form reads: the line about the
//! interview date, each item's tick and note, the name of the button that
//! opens an item's drill.

use super::{
    default_interview_day, DrillTarget, Focus, Plan, PlanItem, PlanState, Status, TemplateKind,
};
use crate::core::calendar::{parse_iso_date, short_date};
use crate::core::mock::AnswerStyle;
use crate::core::time::Moment;

impl PlanState {
    /// The day the date picker shows: the interview's, or the suggestion.
    pub fn picker_day(&self, now: Moment) -> i64 {
        self.interview_day
            .unwrap_or_else(|| default_interview_day(now))
    }
}

/// The interview day the date form asks for: the date typed, or the
/// suggestion when the box holds no valid date.
pub fn chosen_interview_day(text: &str, now: Moment) -> i64 {
    parse_iso_date(text).unwrap_or_else(|| default_interview_day(now))
}

/// The line under the date form. `brings_forward`: the practice queue brings
/// cards forward for the interview.
pub fn plan_summary(plan: &Plan, now: Moment, brings_forward: bool) -> String {
    let plural = |n: i64| if n == 1 { "" } else { "s" };
    let left = plan.days_left(now);
    match left {
        ..=-1 => format!(
            "Your interview on {} has passed. Set a new date for a new plan.",
            short_date(plan.interview_day)
        ),
        0 => "Your interview is today. Rehearse lightly and rest.".to_string(),
        _ => format!(
            "Interview on {}, in {left} day{}. The plan covers {} day{}{}.",
            short_date(plan.interview_day),
            plural(left),
            plan.days.len(),
            plural(plan.days.len() as i64),
            if brings_forward {
                "; today's practice queue brings cards forward so every card is seen once before it"
            } else {
                ""
            }
        ),
    }
}

/// How an item's checkbox shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemTick {
    pub checked: bool,
    /// Ticked by what the learner did: the box cannot be unticked.
    pub automatic: bool,
    /// "done", "to do today", …, shown after the title.
    pub note: &'static str,
}

/// The tick and note of an item of this status (`None`: not known yet).
pub fn item_tick(status: Option<Status>) -> ItemTick {
    let (checked, automatic, note) = match status {
        Some(Status::Done { by_hand: false }) => (true, true, "done"),
        Some(Status::Done { by_hand: true }) => (true, false, "ticked by hand"),
        Some(Status::Today) => (false, false, "to do today"),
        Some(Status::Missed) => (false, false, "missed: catch up when you can"),
        Some(Status::Upcoming) | None => (false, false, "coming up"),
    };
    ItemTick {
        checked,
        automatic,
        note,
    }
}

/// The name of the button that opens an item's drill.
pub fn action_label(item: &PlanItem) -> &'static str {
    match &item.target {
        DrillTarget::Topics { style, .. } => match (item.focus, style) {
            (Focus::ApiDesign, _) => "Practise API design aloud",
            (_, AnswerStyle::Typed) => "Practise caching and queue trade-offs",
            (_, AnswerStyle::Aloud) => "Practise these topics aloud",
        },
        DrillTarget::MockRound(_) => "Set up the mock round",
        DrillTarget::Template(TemplateKind::IncidentStory) => "Write the incident story",
        DrillTarget::Template(TemplateKind::ProjectRefresh) => "Write the project notes",
    }
}
