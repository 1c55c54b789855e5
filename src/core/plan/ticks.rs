//! Which plan items are done: ticked by hand, or ticked by what the learner
//! did on or after the item's day.
//!
//! - API design, trade-offs: practice (scheduled or extra) on that day of at
//!   least the item's number of distinct questions of its topics.
//! - Mock round: a finished round started that day.
//! - Incident story, project refresh: the template is complete (every field
//!   written) and was edited that day.
//! - The light rehearsal: by hand only; nothing records a story told aloud.
//!
//! Each piece of work ticks one item: the latest open item of its focus on or
//! before its day. So today's work ticks today's item first, work on a missed
//! day's focus catches that day up, and one late mock round never ticks three.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{DrillTarget, Focus, Pass, Plan, PlanItem, PlanState, TemplateKind};
use crate::core::bank::Deck;
use crate::core::mock::History;
use crate::core::progress::Progress;
use crate::core::time::{local_day, Moment};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done {
        by_hand: bool,
    },
    /// Today's, not done yet.
    Today,
    /// A past day's, not done.
    Missed,
    Upcoming,
}

/// Every item's status, by id.
pub fn statuses(
    plan: &Plan,
    state: &PlanState,
    deck: &Deck,
    progress: &Progress,
    history: &History,
    now: Moment,
) -> BTreeMap<String, Status> {
    let auto = auto_done(plan, state, deck, progress, history, now);
    let today = now.local_day();
    plan.items()
        .map(|item| {
            let status = if auto.contains(&item.id) {
                Status::Done { by_hand: false }
            } else if state.manual.contains(&item.id) {
                Status::Done { by_hand: true }
            } else if item.day < today {
                Status::Missed
            } else if item.day == today {
                Status::Today
            } else {
                Status::Upcoming
            };
            (item.id.clone(), status)
        })
        .collect()
}

/// The ids of items the learner's work has ticked.
pub fn auto_done(
    plan: &Plan,
    state: &PlanState,
    deck: &Deck,
    progress: &Progress,
    history: &History,
    now: Moment,
) -> BTreeSet<String> {
    let offset = now.utc_offset_minutes;
    let mut done = BTreeSet::new();
    for focus in super::Focus::ALL {
        let items: Vec<&PlanItem> = plan
            .items()
            .filter(|i| i.focus == focus && i.pass != Pass::Light)
            .collect();
        let Some(first) = items.first() else {
            continue;
        };
        let work: Vec<i64> = match (&first.target, focus) {
            (
                DrillTarget::Topics {
                    topics, questions, ..
                },
                _,
            ) => practice_days(deck, progress, topics, *questions, offset),
            (_, Focus::MockRound) => history
                .rounds()
                .map(|r| local_day(r.started.unix_ms, offset))
                .collect(),
            (DrillTarget::Template(kind), _) => template_days(state, *kind),
            _ => Vec::new(),
        };
        done.extend(assign(&items, work));
    }
    done
}

/// One entry per completed practice: a day with 2 × `per` distinct questions
/// of the topics counts twice.
fn practice_days(
    deck: &Deck,
    progress: &Progress,
    topics: &[String],
    per: usize,
    offset: i32,
) -> Vec<i64> {
    let topic_of: HashMap<&str, &str> = deck
        .questions
        .iter()
        .map(|q| (q.id.as_str(), q.topic.as_str()))
        .collect();
    let mut by_day: BTreeMap<i64, BTreeSet<&str>> = BTreeMap::new();
    for r in progress.reviews() {
        if r.card.deck != deck.id {
            continue;
        }
        let question = r.card.question.as_str();
        if topic_of
            .get(question)
            .is_some_and(|t| topics.iter().any(|w| w == t))
        {
            by_day
                .entry(local_day(r.at.unix_ms, offset))
                .or_default()
                .insert(question);
        }
    }
    by_day
        .into_iter()
        .flat_map(|(day, qs)| std::iter::repeat_n(day, qs.len() / per.max(1)))
        .collect()
}

fn template_days(state: &PlanState, kind: TemplateKind) -> Vec<i64> {
    let notes = state.notes(kind);
    if notes.is_complete(kind) {
        notes.edited_days.iter().copied().collect()
    } else {
        Vec::new()
    }
}

/// Gives each piece of work (a day) to the latest open item on or before it.
fn assign(items: &[&PlanItem], mut work: Vec<i64>) -> Vec<String> {
    work.sort_unstable();
    let mut open: Vec<&PlanItem> = items.to_vec();
    open.sort_by_key(|i| i.day);
    let mut ticked = Vec::new();
    for day in work {
        if let Some(pos) = open.iter().rposition(|i| i.day <= day) {
            ticked.push(open.remove(pos).id.clone());
        }
    }
    ticked
}
