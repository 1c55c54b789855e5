//! The prep plan: from today to the interview date, one focus a day from the
//! source article's 7-day plan (an API design prompt aloud; caching, indexing
//! and queueing trade-offs; an incident story; a project refresh; a timed mock
//! round), packed tighter when the date is close and spread and repeated when
//! it is further off.
//!
//! The plan is derived from two days, the interview and the day the date was
//! set, so it stays the same as the days pass (items keep their ids, and
//! ticks stored against them stay meaningful); only "today" moves. Items tick
//! themselves from what the learner did (`ticks`) or by hand.

mod generate;
mod labels;
mod notes;
mod ticks;

pub use generate::{generate, MAX_PLAN_DAYS};
pub use labels::{action_label, chosen_interview_day, item_tick, plan_summary, ItemTick};
pub use notes::{
    decode_plan, encode_plan, export_file_name, export_markdown, FieldSpec, TemplateNotes,
    INCIDENT_FIELDS, PROJECT_FIELDS,
};
pub use ticks::{auto_done, statuses, Status};

use std::collections::BTreeSet;

use super::deadline::PrepWindow;
use super::mock::{AnswerStyle, RoundSetup};
use super::time::Moment;

/// Key (under the widget's namespace) the shell stores the plan under.
pub const PLAN_KEY: &str = "plan";
/// The interview date a new plan suggests, in days from today.
pub use super::plan_date::DEFAULT_DAYS_AHEAD;
/// Manual ticks kept, at most: a plan has about 20 items.
const MAX_MANUAL: usize = 200;

/// The five foci of the source article's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Focus {
    ApiDesign,
    TradeOffs,
    IncidentStory,
    ProjectRefresh,
    MockRound,
}

impl Focus {
    pub const ALL: [Focus; 5] = [
        Focus::ApiDesign,
        Focus::TradeOffs,
        Focus::IncidentStory,
        Focus::ProjectRefresh,
        Focus::MockRound,
    ];

    /// Part of item ids: never change one.
    pub fn slug(self) -> &'static str {
        match self {
            Focus::ApiDesign => "api",
            Focus::TradeOffs => "trade-offs",
            Focus::IncidentStory => "incident",
            Focus::ProjectRefresh => "project",
            Focus::MockRound => "mock",
        }
    }
}

/// Which time round an item is for its focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Pass {
    First,
    Again,
    /// The eve of the interview (or its day): short, to rest rather than cram.
    Light,
}

/// The two templates the plan has the learner write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TemplateKind {
    IncidentStory,
    ProjectRefresh,
}

impl TemplateKind {
    pub fn title(self) -> &'static str {
        match self {
            TemplateKind::IncidentStory => "Incident story",
            TemplateKind::ProjectRefresh => "Project refresh",
        }
    }

    pub fn fields(self) -> &'static [FieldSpec] {
        match self {
            TemplateKind::IncidentStory => &INCIDENT_FIELDS,
            TemplateKind::ProjectRefresh => &PROJECT_FIELDS,
        }
    }
}

/// What the UI opens for an item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrillTarget {
    /// Practice on these topics, this many questions.
    Topics {
        topics: Vec<String>,
        style: AnswerStyle,
        questions: usize,
    },
    /// A mock round with this set-up (the shell adds the seed).
    MockRound(RoundSetup),
    Template(TemplateKind),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanItem {
    /// `2026-03-02-api`: the day and the focus, stable for the plan.
    pub id: String,
    pub day: i64,
    pub focus: Focus,
    pub pass: Pass,
    pub title: &'static str,
    pub why: &'static str,
    pub target: DrillTarget,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanDay {
    /// The learner's local day (see `time::local_day`).
    pub day: i64,
    /// 1 for the plan's first day.
    pub number: usize,
    pub items: Vec<PlanItem>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub interview_day: i64,
    /// The plan's first day (empty plan: the interview day).
    pub first_day: i64,
    pub days: Vec<PlanDay>,
}

impl Plan {
    pub fn items(&self) -> impl Iterator<Item = &PlanItem> {
        self.days.iter().flat_map(|d| d.items.iter())
    }

    pub fn day(&self, day: i64) -> Option<&PlanDay> {
        self.days.iter().find(|d| d.day == day)
    }

    /// Today's part of the plan, if today is a plan day.
    pub fn today(&self, now: Moment) -> Option<&PlanDay> {
        self.day(now.local_day())
    }

    /// The days the review queue brings cards forward over
    /// (`deadline::bring_forward`).
    pub fn window(&self) -> PrepWindow {
        PrepWindow {
            first_day: self.first_day,
            interview_day: self.interview_day,
        }
    }

    /// Days until the interview: 0 on the day, negative once it has passed.
    pub fn days_left(&self, now: Moment) -> i64 {
        self.interview_day - now.local_day()
    }
}

/// What the learner keeps about their preparation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanState {
    pub interview_day: Option<i64>,
    /// The day the date was set: the plan is laid out from it.
    pub set_on_day: i64,
    /// Item ids ticked by hand.
    pub manual: BTreeSet<String>,
    pub incident: TemplateNotes,
    pub project: TemplateNotes,
    /// Top-level fields of a newer minor format, by name, as raw JSON,
    /// written back untouched.
    pub extra: std::collections::BTreeMap<String, String>,
}

impl PlanState {
    /// The plan, once an interview date is set.
    pub fn plan(&self) -> Option<Plan> {
        self.interview_day.map(|d| generate(d, self.set_on_day))
    }

    pub fn notes(&self, kind: TemplateKind) -> &TemplateNotes {
        match kind {
            TemplateKind::IncidentStory => &self.incident,
            TemplateKind::ProjectRefresh => &self.project,
        }
    }
}

/// The date the date picker suggests.
pub fn default_interview_day(now: Moment) -> i64 {
    now.local_day() + DEFAULT_DAYS_AHEAD
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanMsg {
    /// Plan for an interview on this local day, starting today.
    SetInterview {
        day: i64,
        now: Moment,
    },
    ClearInterview,
    /// Tick or untick an item by hand.
    Mark {
        id: String,
        done: bool,
    },
    /// A template field's new text.
    Edit {
        template: TemplateKind,
        field: String,
        text: String,
        now: Moment,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanEffect {
    /// Store this under `PLAN_KEY`.
    Save(String),
}

pub fn update(state: &mut PlanState, msg: PlanMsg) -> Vec<PlanEffect> {
    let changed = match msg {
        PlanMsg::SetInterview { day, now } => {
            if state.interview_day == Some(day) {
                false
            } else {
                state.interview_day = Some(day);
                state.set_on_day = now.local_day();
                // Ticks name days of the old layout.
                state.manual.clear();
                true
            }
        }
        PlanMsg::ClearInterview => {
            let had = state.interview_day.take().is_some();
            state.manual.clear();
            had
        }
        PlanMsg::Mark { id, done } => {
            if done && state.manual.len() < MAX_MANUAL {
                state.manual.insert(id)
            } else if !done {
                state.manual.remove(&id)
            } else {
                false
            }
        }
        PlanMsg::Edit {
            template,
            field,
            text,
            now,
        } => {
            let notes = match template {
                TemplateKind::IncidentStory => &mut state.incident,
                TemplateKind::ProjectRefresh => &mut state.project,
            };
            notes.edit(template, &field, text, now.local_day())
        }
    };
    if changed {
        vec![PlanEffect::Save(encode_plan(state))]
    } else {
        Vec::new()
    }
}
