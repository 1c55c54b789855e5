//! The prep plan in the session: the interview date (which brings cards
//! forward in today's queue), ticks by hand, the notes and their export.

use super::{rederive, stored};
use crate::core::calendar::short_date;
use crate::core::plan::{self, export_file_name, export_markdown, statuses, PlanEffect, PlanMsg};
use crate::core::session::{Effect, FileKind, Model};
use crate::core::stored::Write;
use crate::core::time::Moment;

/// The interview window from the plan.
pub(super) fn refresh_interview(model: &mut Model, now: Moment) {
    model.interview = model
        .prep
        .plan
        .plan()
        .map(|p| p.window())
        .filter(|w| w.interview_day > now.local_day());
}

pub(in crate::core::session) fn plan(model: &mut Model, msg: PlanMsg, now: Moment) -> Vec<Effect> {
    let dated = matches!(msg, PlanMsg::SetInterview { .. });
    let cleared = matches!(msg, PlanMsg::ClearInterview);
    let had_date = model.interview.is_some();
    let effects = plan::update(&mut model.prep.plan, msg);
    if dated {
        refresh_interview(model, now);
        rederive(model, now);
        model.announcement = match model.prep.plan.plan() {
            Some(p) if p.days_left(now) > 0 => format!(
                "Plan made: {} day{} to your interview on {}.",
                p.days.len(),
                if p.days.len() == 1 { "" } else { "s" },
                short_date(p.interview_day)
            ),
            Some(p) if p.days_left(now) == 0 => {
                "Your interview is today: the plan is a light rehearsal.".into()
            }
            _ => "That date has passed: choose a day from today on.".into(),
        };
    }
    if cleared && !effects.is_empty() {
        model.interview = None;
        if had_date {
            // Back to the plain schedule.
            rederive(model, now);
        }
        model.announcement = "Interview date cleared.".into();
    }
    let effects = effects
        .into_iter()
        .map(|PlanEffect::Save(text)| Write::Plan(text))
        .collect();
    stored(model, effects)
}

pub(super) fn export_notes(model: &Model, now: Moment) -> Vec<Effect> {
    let plan = model.prep.plan.plan();
    let statuses = plan.as_ref().map_or_else(Default::default, |p| {
        statuses(
            p,
            &model.prep.plan,
            &model.deck,
            &model.data.progress,
            &model.prep.mock.history,
            now,
        )
    });
    vec![Effect::Download {
        file_name: export_file_name(now),
        contents: export_markdown(&model.prep.plan, plan.as_ref(), &statuses),
        kind: FileKind::Markdown,
    }]
}
