//! The prep plan: the interview date, one focus a day with today marked,
//! each item opening its drill and ticking itself (or by hand), and the two
//! templates the plan asks the learner to write, with a Markdown export.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::calendar::{iso_date, parse_iso_date, short_date};
use crate::core::mock::AnswerStyle;
use crate::core::plan::{
    default_interview_day, statuses, DrillTarget, Focus, PlanItem, PlanMsg, Status, TemplateKind,
};
use crate::core::session::{MockMsg, Model, Msg};
use crate::web::platform;

/// The first field of each template, focused when the plan opens it.
#[derive(Clone, Default, PartialEq)]
pub struct TemplateRefs {
    pub incident: NodeRef,
    pub project: NodeRef,
}

pub fn plan_view(m: &Model, refs: &TemplateRefs, send: &Callback<Msg>) -> Html {
    let now = platform::now();
    let today = now.local_day();
    let ids = format!("idrill-plan-{}", m.writer());
    let date = NodeRef::default();
    let onsubmit = {
        let date = date.clone();
        send.reform(move |event: SubmitEvent| {
            event.prevent_default();
            let now = platform::now();
            let day = date
                .cast::<HtmlInputElement>()
                .and_then(|i| parse_iso_date(&i.value()))
                .unwrap_or_else(|| default_interview_day(now));
            Msg::Plan(PlanMsg::SetInterview { day, now }, now)
        })
    };
    let chosen = m
        .plan
        .interview_day
        .unwrap_or_else(|| default_interview_day(now));
    let plan = m.plan.plan();
    let status = plan
        .as_ref()
        .map(|p| statuses(p, &m.plan, &m.deck, &m.data.progress, &m.mock.history, now));
    let summary = plan.as_ref().map(|p| {
        let left = p.days_left(now);
        match left {
            ..=-1 => format!(
                "Your interview on {} has passed. Set a new date for a new plan.",
                short_date(p.interview_day)
            ),
            0 => "Your interview is today. Rehearse lightly and rest.".to_string(),
            _ => format!(
                "Interview on {}, in {left} day{}. The plan covers {} day{}{}.",
                short_date(p.interview_day),
                if left == 1 { "" } else { "s" },
                p.days.len(),
                if p.days.len() == 1 { "" } else { "s" },
                if m.interview.is_some() {
                    "; today's practice queue brings cards forward so every card is seen once before it"
                } else {
                    ""
                }
            ),
        }
    });
    html! {
        <section class="idrill-plan" aria-labelledby={format!("{ids}-title")}>
            <h3 id={format!("{ids}-title")}>{ "Prep plan" }</h3>
            <p class="idrill-how">{ "One focus a day up to your interview, from the five parts of a backend prep week: API design aloud, trade-offs, an incident story, a project refresh and a timed mock round." }</p>
            <form class="idrill-field" {onsubmit}>
                <label for={format!("{ids}-date")}>{ "Interview date" }</label>
                <input id={format!("{ids}-date")} type="date" ref={date} min={iso_date(today)}
                    value={iso_date(chosen)} />
                <button type="submit" class="idrill-primary">
                    { if plan.is_some() { "Change the date" } else { "Make my plan" } }
                </button>
                if plan.is_some() {
                    <button type="button" class="idrill-quiet" onclick={send.reform(|_| Msg::Plan(PlanMsg::ClearInterview, platform::now()))}>
                        { "Clear the date" }
                    </button>
                }
            </form>
            if let Some(text) = summary { <p>{ text }</p> }
            if let (Some(plan), Some(status)) = (&plan, &status) {
                <ol class="idrill-plan-days">
                    { for plan.days.iter().map(|day| {
                        let is_today = day.day == today;
                        let title_id = format!("{ids}-day-{}", day.number);
                        html! {
                            <li class={classes!("idrill-plan-day", is_today.then_some("idrill-today"))}
                                aria-current={is_today.then_some("date")} aria-labelledby={title_id.clone()}>
                                <h4 id={title_id}>
                                    { format!("Day {} · {}", day.number, short_date(day.day)) }
                                    if is_today { <span class="idrill-badge">{ " · today" }</span> }
                                </h4>
                                <ul>
                                    { for day.items.iter().map(|item| plan_item(item, status.get(&item.id).copied(), send)) }
                                </ul>
                            </li>
                        }
                    }) }
                </ol>
            }
            { templates(m, refs, &ids, send) }
        </section>
    }
}

fn plan_item(item: &PlanItem, status: Option<Status>, send: &Callback<Msg>) -> Html {
    let (done, auto, note) = match status {
        Some(Status::Done { by_hand: false }) => (true, true, "done"),
        Some(Status::Done { by_hand: true }) => (true, false, "ticked by hand"),
        Some(Status::Today) => (false, false, "to do today"),
        Some(Status::Missed) => (false, false, "missed: catch up when you can"),
        Some(Status::Upcoming) | None => (false, false, "coming up"),
    };
    let id = item.id.clone();
    let onchange = send.reform(move |event: Event| {
        let on = event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|i| i.checked());
        Msg::Plan(
            PlanMsg::Mark {
                id: id.clone(),
                done: on,
            },
            platform::now(),
        )
    });
    let (label, msg) = open(item);
    html! {
        <li class="idrill-plan-item">
            <label class="idrill-topic">
                <input type="checkbox" checked={done} disabled={auto} {onchange} />
                <span><strong>{ item.title }</strong>{ format!(" · {note}") }</span>
            </label>
            <p class="idrill-how">{ item.why }</p>
            <button type="button" onclick={send.reform(move |_| msg())}>{ label }</button>
        </li>
    }
}

/// The button's name and the message that opens the item's drill.
fn open(item: &PlanItem) -> (String, std::rc::Rc<dyn Fn() -> Msg>) {
    match &item.target {
        DrillTarget::Topics { topics, style, .. } => {
            let label = match (item.focus, style) {
                (Focus::ApiDesign, _) => "Practise API design aloud",
                (_, AnswerStyle::Typed) => "Practise caching and queue trade-offs",
                (_, AnswerStyle::Aloud) => "Practise these topics aloud",
            };
            let (topics, style) = (topics.clone(), *style);
            (
                label.into(),
                std::rc::Rc::new(move || Msg::PracticeTopics {
                    topics: topics.clone(),
                    style,
                    now: platform::now(),
                }),
            )
        }
        DrillTarget::MockRound(setup) => {
            let setup = setup.clone();
            (
                "Set up the mock round".into(),
                std::rc::Rc::new(move || Msg::Mock(MockMsg::Prepare(setup.clone()))),
            )
        }
        DrillTarget::Template(kind) => {
            let kind = *kind;
            (
                match kind {
                    TemplateKind::IncidentStory => "Write the incident story",
                    TemplateKind::ProjectRefresh => "Write the project notes",
                }
                .into(),
                std::rc::Rc::new(move || Msg::OpenTemplate(kind)),
            )
        }
    }
}

fn templates(m: &Model, refs: &TemplateRefs, ids: &str, send: &Callback<Msg>) -> Html {
    let template = |kind: TemplateKind, first: &NodeRef| {
        let notes = m.plan.notes(kind);
        let slug = match kind {
            TemplateKind::IncidentStory => "incident",
            TemplateKind::ProjectRefresh => "project",
        };
        let complete = notes.is_complete(kind);
        html! {
            <fieldset class={classes!("idrill-template", (m.template_open == Some(kind)).then_some("idrill-today"))}>
                <legend>{ kind.title() }{ if complete { " · complete" } else { "" } }</legend>
                { for kind.fields().iter().enumerate().map(|(i, field)| {
                    let id = format!("{ids}-{slug}-{}", field.key);
                    let key = field.key.to_string();
                    let oninput = send.reform(move |event: InputEvent| {
                        let text = event.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
                        {
                            let now = platform::now();
                            Msg::Plan(PlanMsg::Edit { template: kind, field: key.clone(), text, now }, now)
                        }
                    });
                    let node = if i == 0 { first.clone() } else { NodeRef::default() };
                    html! {
                        <div class="idrill-answer-box">
                            <label for={id.clone()}>{ field.label }</label>
                            <textarea id={id.clone()} rows="3" value={notes.get(field.key).to_string()} {oninput}
                                ref={node} aria-describedby={format!("{id}-how")} spellcheck="true" />
                            <p class="idrill-how" id={format!("{id}-how")}>{ field.prompt }</p>
                        </div>
                    }
                }) }
            </fieldset>
        }
    };
    html! {
        <section class="idrill-notes" aria-labelledby={format!("{ids}-notes")}>
            <h3 id={format!("{ids}-notes")}>{ "Your notes" }</h3>
            <p class="idrill-how">{ "Saved in this browser as you type. A template with every part written ticks its plan item for the day." }</p>
            { template(TemplateKind::IncidentStory, &refs.incident) }
            { template(TemplateKind::ProjectRefresh, &refs.project) }
            <p><button type="button" onclick={send.reform(|_| Msg::ExportNotes(platform::now()))}>
                { "Export plan and notes (Markdown)" }
            </button></p>
        </section>
    }
}
