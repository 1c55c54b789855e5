//! The prep plan: the interview date, one focus a day with today marked,
//! each item opening its drill and ticking itself (or by hand), and the two
//! templates the plan asks the learner to write, with a Markdown export.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::calendar::{iso_date, short_date};
use crate::core::plan::{
    action_label, chosen_interview_day, item_tick, plan_summary, statuses, DrillTarget, PlanItem,
    PlanMsg, Status, TemplateKind,
};
use crate::core::session::{DrillMsg, MockMsg, Model, Msg, PrepMsg};
use crate::core::time::Moment;
use crate::ui::intent::Sender;

/// The first field of each template, focused when the plan opens it.
#[derive(Clone, Default, PartialEq)]
pub struct TemplateRefs {
    pub incident: NodeRef,
    pub project: NodeRef,
}

pub fn plan_view(m: &Model, now: Moment, refs: &TemplateRefs, send: &Sender) -> Html {
    let today = now.local_day();
    let ids = format!("idrill-plan-{}", m.writer());
    let date = NodeRef::default();
    let onsubmit = {
        let date = date.clone();
        send.at(move |event: SubmitEvent, now| {
            event.prevent_default();
            let typed = date
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let day = chosen_interview_day(&typed, now);
            Msg::Plan(PlanMsg::SetInterview { day, now }, now)
        })
    };
    let chosen = m.prep.plan.picker_day(now);
    let plan = m.prep.plan.plan();
    let status = plan.as_ref().map(|p| {
        statuses(
            p,
            &m.prep.plan,
            &m.deck,
            &m.data.progress,
            &m.prep.mock.history,
            now,
        )
    });
    let summary = plan
        .as_ref()
        .map(|p| plan_summary(p, now, m.interview.is_some()));
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
                    <button type="button" class="idrill-quiet" onclick={send.at(|_: MouseEvent, now| Msg::Plan(PlanMsg::ClearInterview, now))}>
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

fn plan_item(item: &PlanItem, status: Option<Status>, send: &Sender) -> Html {
    let tick = item_tick(status);
    let id = item.id.clone();
    let onchange = send.at(move |event: Event, now| {
        let on = event
            .target_dyn_into::<HtmlInputElement>()
            .is_some_and(|i| i.checked());
        Msg::Plan(
            PlanMsg::Mark {
                id: id.clone(),
                done: on,
            },
            now,
        )
    });
    let onclick = open(item, send);
    html! {
        <li class="idrill-plan-item">
            <label class="idrill-topic">
                <input type="checkbox" checked={tick.checked} disabled={tick.automatic} {onchange} />
                <span><strong>{ item.title }</strong>{ format!(" · {}", tick.note) }</span>
            </label>
            <p class="idrill-how">{ item.why }</p>
            <button type="button" {onclick}>{ action_label(item) }</button>
        </li>
    }
}

/// What the item's button sends: the message that opens its drill.
fn open(item: &PlanItem, send: &Sender) -> Callback<MouseEvent> {
    match &item.target {
        DrillTarget::Topics { topics, style, .. } => {
            let (topics, style) = (topics.clone(), *style);
            send.at(move |_, now| {
                Msg::Drill(DrillMsg::PracticeTopics {
                    topics: topics.clone(),
                    style,
                    now,
                })
            })
        }
        DrillTarget::MockRound(setup) => {
            let setup = setup.clone();
            send.to(move |_| Msg::Mock(MockMsg::Prepare(setup.clone())))
        }
        DrillTarget::Template(kind) => {
            let kind = *kind;
            send.to(move |_| Msg::Prep(PrepMsg::OpenTemplate(kind)))
        }
    }
}

fn templates(m: &Model, refs: &TemplateRefs, ids: &str, send: &Sender) -> Html {
    let template = |kind: TemplateKind, first: &NodeRef| {
        let notes = m.prep.plan.notes(kind);
        let slug = match kind {
            TemplateKind::IncidentStory => "incident",
            TemplateKind::ProjectRefresh => "project",
        };
        let complete = notes.is_complete(kind);
        html! {
            <fieldset class={classes!("idrill-template", (m.prep.template_open == Some(kind)).then_some("idrill-today"))}>
                <legend>{ kind.title() }{ if complete { " · complete" } else { "" } }</legend>
                { for kind.fields().iter().enumerate().map(|(i, field)| {
                    let id = format!("{ids}-{slug}-{}", field.key);
                    let key = field.key.to_string();
                    let oninput = send.at(move |event: InputEvent, now| {
                        let text = event.target_dyn_into::<HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default();
                        Msg::Plan(PlanMsg::Edit { template: kind, field: key.clone(), text, now }, now)
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
            <p><button type="button" onclick={send.at(|_: MouseEvent, now| Msg::Prep(PrepMsg::ExportNotes(now)))}>
                { "Export plan and notes (Markdown)" }
            </button></p>
        </section>
    }
}
