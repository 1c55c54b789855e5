//! The learner's own notes (the incident story and the project refresh
//! templates) and the plan state's stored form and Markdown export.
//!
//! The stored form is read field by field: a damaged field is dropped (and
//! named) rather than costing the learner every note they wrote; fields this
//! version does not know are written back untouched.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::value::{to_raw_value, RawValue};

use super::{Plan, PlanState, Status, TemplateKind};
use crate::core::calendar::{iso_date, parse_iso_date, short_date};
use crate::core::persist::{LoadError, APP};
use crate::core::plan_date::dates;
use crate::core::time::Moment;

use crate::core::plan_date::{KIND, VERSION};
const KNOWN: [&str; 8] = [
    "app",
    "v",
    "kind",
    "interview",
    "from",
    "done",
    "incident",
    "project",
];
/// Edit days kept per template: the plan reads at most the last 14.
const MAX_EDIT_DAYS: usize = 60;

/// One field of a template: its stored key, its label and what to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub prompt: &'static str,
}

pub const INCIDENT_FIELDS: [FieldSpec; 6] = [
    FieldSpec {
        key: "situation",
        label: "Situation",
        prompt: "What was the system, what broke, and how did you find out?",
    },
    FieldSpec {
        key: "impact",
        label: "Impact",
        prompt: "Who was affected, how badly and for how long? Numbers if you have them.",
    },
    FieldSpec {
        key: "blast_radius",
        label: "Narrowing the blast radius",
        prompt: "How did you tell global from isolated, and what did you check first?",
    },
    FieldSpec {
        key: "fix",
        label: "The fix",
        prompt: "What stopped the bleeding, and what fixed the cause?",
    },
    FieldSpec {
        key: "follow_ups",
        label: "Follow-ups",
        prompt: "What changed afterwards: alerts, tests, runbooks, the design?",
    },
    FieldSpec {
        key: "differently",
        label: "What you would do differently",
        prompt: "Looking back, what would you change, and why?",
    },
];

pub const PROJECT_FIELDS: [FieldSpec; 4] = [
    FieldSpec {
        key: "service",
        label: "The service",
        prompt: "What did it do, for whom, at what scale, and which parts were yours end to end?",
    },
    FieldSpec {
        key: "decisions",
        label: "Key decisions",
        prompt: "Two or three choices you made: storage, API shape, sync or async, how it shipped.",
    },
    FieldSpec {
        key: "trade_offs",
        label: "Trade-offs",
        prompt: "What each decision cost, and why it was worth it then.",
    },
    FieldSpec {
        key: "differently",
        label: "What you would change",
        prompt: "With what you know now, what would you do differently?",
    },
];

/// A template's fields as written, and the days it was edited on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TemplateNotes {
    /// By field key. Keys of a later version are kept.
    pub fields: BTreeMap<String, String>,
    pub edited_days: BTreeSet<i64>,
}

impl TemplateNotes {
    pub fn get(&self, key: &str) -> &str {
        self.fields.get(key).map_or("", String::as_str)
    }

    /// Every field of the template has some text.
    pub fn is_complete(&self, kind: TemplateKind) -> bool {
        kind.fields()
            .iter()
            .all(|f| !self.get(f.key).trim().is_empty())
    }

    /// Sets a field of the template; unknown keys are refused.
    pub(super) fn edit(&mut self, kind: TemplateKind, key: &str, text: String, day: i64) -> bool {
        if !kind.fields().iter().any(|f| f.key == key) || self.get(key) == text {
            return false;
        }
        if text.is_empty() {
            self.fields.remove(key);
        } else {
            self.fields.insert(key.to_string(), text);
        }
        self.edited_days.insert(day);
        while self.edited_days.len() > MAX_EDIT_DAYS {
            self.edited_days.pop_first();
        }
        true
    }
}

#[derive(Serialize, Deserialize, Default)]
struct TemplateV1 {
    #[serde(default)]
    fields: BTreeMap<String, String>,
    /// ISO dates the template was edited on.
    #[serde(default)]
    days: Vec<String>,
}

fn raw<T: Serialize + ?Sized>(value: &T) -> Option<Box<RawValue>> {
    to_raw_value(value).ok()
}

/// The plan state as stored under `PLAN_KEY`.
pub fn encode_plan(state: &PlanState) -> String {
    let template = |n: &TemplateNotes| TemplateV1 {
        fields: n.fields.clone(),
        days: n.edited_days.iter().map(|&d| iso_date(d)).collect(),
    };
    let mut fields: BTreeMap<&str, Box<RawValue>> = BTreeMap::new();
    for (name, value) in [
        ("app", raw(APP)),
        ("v", raw(&VERSION)),
        ("kind", raw(KIND)),
        (
            "interview",
            state.interview_day.and_then(|d| raw(&iso_date(d))),
        ),
        (
            "from",
            state
                .interview_day
                .and_then(|_| raw(&iso_date(state.set_on_day))),
        ),
        ("done", raw(&state.manual)),
        ("incident", raw(&template(&state.incident))),
        ("project", raw(&template(&state.project))),
    ] {
        if let Some(value) = value {
            fields.insert(name, value);
        }
    }
    for (name, text) in &state.extra {
        if let Ok(value) = RawValue::from_string(text.clone()) {
            fields.entry(name.as_str()).or_insert(value);
        }
    }
    serde_json::to_string(&fields).unwrap_or_default()
}

/// Reads a stored plan state. Only a value that is not ours, not JSON or
/// from a newer version is an error; a damaged field is left out and named
/// in the returned list, so one bad value never costs the learner the rest.
pub fn decode_plan(text: &str) -> Result<(PlanState, Vec<String>), LoadError> {
    let fields: BTreeMap<String, Box<RawValue>> = serde_json::from_str(text).map_err(|e| {
        if e.is_data() {
            LoadError::WrongShape("expected a JSON object".into())
        } else {
            LoadError::NotJson(e.to_string())
        }
    })?;
    let read = |name: &str| fields.get(name).map(|raw| raw.get());
    let string = |name: &str| read(name).and_then(|r| serde_json::from_str::<String>(r).ok());
    if string("app").as_deref() != Some(APP) {
        return Err(LoadError::NotOurs);
    }
    let version = read("v").and_then(|r| serde_json::from_str::<u64>(r).ok());
    match version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(LoadError::NewerVersion(v)),
        _ => {
            return Err(LoadError::WrongShape(
                "missing or unknown version `v`".into(),
            ))
        }
    }
    if string("kind").as_deref() != Some(KIND) {
        return Err(LoadError::WrongShape("not a plan".into()));
    }
    let mut problems = Vec::new();
    let mut state = PlanState::default();
    if read("interview").is_some() {
        // Without the day it was set, the plan is laid out as a fresh default.
        match dates(string("interview").as_deref(), string("from").as_deref()) {
            Some((day, set_on)) => {
                state.interview_day = Some(day);
                state.set_on_day = set_on;
            }
            None => problems.push("the interview date".to_string()),
        }
    }
    if let Some(r) = read("done") {
        match serde_json::from_str::<BTreeSet<String>>(r) {
            Ok(done) => state.manual = done,
            Err(_) => problems.push("the items ticked by hand".to_string()),
        }
    }
    for (name, notes) in [
        ("incident", &mut state.incident),
        ("project", &mut state.project),
    ] {
        if let Some(r) = read(name) {
            match read_template(r) {
                Some(read) => *notes = read,
                None => problems.push(format!("the {name} notes")),
            }
        }
    }
    state.extra = fields
        .iter()
        .filter(|(name, _)| !KNOWN.contains(&name.as_str()))
        .map(|(name, raw)| (name.clone(), raw.get().to_string()))
        .collect();
    Ok((state, problems))
}

/// A template, keeping every field that is text and every date that reads.
fn read_template(raw: &str) -> Option<TemplateNotes> {
    let parts: BTreeMap<String, Box<RawValue>> = serde_json::from_str(raw).ok()?;
    let mut notes = TemplateNotes::default();
    if let Some(fields) = parts.get("fields") {
        let fields: BTreeMap<String, Box<RawValue>> = serde_json::from_str(fields.get()).ok()?;
        for (key, value) in fields {
            if let Ok(text) = serde_json::from_str::<String>(value.get()) {
                notes.fields.insert(key, text);
            }
        }
    }
    if let Some(days) = parts.get("days") {
        let days: Vec<Box<RawValue>> = serde_json::from_str(days.get()).ok()?;
        notes.edited_days = days
            .iter()
            .filter_map(|d| serde_json::from_str::<String>(d.get()).ok())
            .filter_map(|d| parse_iso_date(&d))
            .collect();
    }
    Some(notes)
}

/// `interview-prep-2026-03-02.md`.
pub fn export_file_name(now: Moment) -> String {
    format!("interview-prep-{}.md", iso_date(now.local_day()))
}

/// The plan (with what is done) and both templates as Markdown, to keep or
/// print.
pub fn export_markdown(
    state: &PlanState,
    plan: Option<&Plan>,
    statuses: &BTreeMap<String, Status>,
) -> String {
    let mut out = String::from("# Interview prep\n\n");
    if let Some(plan) = plan {
        out += &format!(
            "Interview: {} ({})\n\n## Plan\n",
            short_date(plan.interview_day),
            iso_date(plan.interview_day)
        );
        for day in &plan.days {
            out += &format!("\n### Day {}: {}\n\n", day.number, short_date(day.day));
            for item in &day.items {
                let done = matches!(statuses.get(&item.id), Some(Status::Done { .. }));
                out += &format!("- [{}] {}\n", if done { "x" } else { " " }, item.title);
            }
        }
        out += "\n";
    }
    for kind in [TemplateKind::IncidentStory, TemplateKind::ProjectRefresh] {
        out += &format!("## {}\n", kind.title());
        let notes = state.notes(kind);
        for field in kind.fields() {
            let text = notes.get(field.key).trim();
            out += &format!(
                "\n### {}\n\n{}\n",
                field.label,
                if text.is_empty() {
                    "(not written yet)"
                } else {
                    text
                }
            );
        }
        out += "\n";
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
