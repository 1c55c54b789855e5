//! A question card: prompt and facts, "Show answer", then the four grades.

use yew::prelude::*;

use crate::core::bank::{difficulty_label, Question};
use crate::core::progress::Grade;
use crate::core::session::Msg;
use crate::ui::answer::answer;
use crate::ui::progress_line::GRADE_CLASSES;
use crate::ui::rich_text::line;
use crate::web::platform;

/// Where the card is in the round and what it is about.
pub struct CardView<'a> {
    pub question: &'a Question,
    pub topic_title: &'a str,
    /// Cards left in the queue or round, this one included.
    pub remaining: usize,
    pub revealed: bool,
    /// The interval each grade would give, in today's queue.
    pub intervals: Option<[String; 4]>,
    pub can_undo: bool,
}

/// The elements that take focus as the drill moves on.
#[derive(Clone, Default, PartialEq)]
pub struct FocusTargets {
    pub reveal: NodeRef,
    pub answer: NodeRef,
}

pub fn card(view: &CardView<'_>, focus: &FocusTargets, send: &Callback<Msg>) -> Html {
    let q = view.question;
    let heading_id = format!("idrill-q-{}", q.id);
    html! {
        <article class="idrill-card" aria-labelledby={heading_id.clone()}>
            <p class="idrill-meta">
                <span>{ view.remaining.max(1) }{ " to go" }</span>
                <span>{ view.topic_title.to_string() }</span>
                <span>{ "Difficulty: " }{ difficulty_label(q.difficulty) }</span>
                <span>{ "About " }{ q.minutes }{ " min" }</span>
            </p>
            <h3 id={heading_id}>{ line(&q.prompt) }</h3>
            if view.revealed {
                { answer(q, &focus.answer) }
                <div class="idrill-grades" role="group" aria-label="How well did you recall it?">
                    { for Grade::ALL.into_iter().map(|grade| {
                        let interval = view.intervals.as_ref().map(|i| i[usize::from(grade.number() - 1)].clone());
                        grade_button(grade, interval, send)
                    }) }
                </div>
                <p class="idrill-how" id="idrill-hard-hint">
                    { "Hard means you recalled it with effort. If you forgot it, choose Again." }
                </p>
            } else {
                <button type="button" class="idrill-primary" ref={focus.reveal.clone()} aria-keyshortcuts="Space Enter"
                    onclick={send.reform(|_| Msg::Reveal)}>
                    { "Show answer" }
                </button>
            }
            if view.can_undo {
                <p><button type="button" class="idrill-quiet" aria-keyshortcuts="U" onclick={send.reform(|_| Msg::Undo)}>
                    { "Undo last grade" }
                </button></p>
            }
        </article>
    }
}

fn grade_button(grade: Grade, interval: Option<String>, send: &Callback<Msg>) -> Html {
    let number = grade.number();
    // "Good · 4d": the name says the grade and when the card comes back.
    let label = match &interval {
        Some(i) => format!("{} · {i}", grade.label()),
        None => grade.label().to_string(),
    };
    let described_by = (grade == Grade::Hard).then_some("idrill-hard-hint");
    html! {
        <button type="button" class={GRADE_CLASSES[usize::from(number - 1)]}
            aria-keyshortcuts={number.to_string()} aria-describedby={described_by}
            onclick={send.reform(move |_| Msg::Grade(grade, platform::now()))}>
            <span>{ label }</span>
            <kbd aria-hidden="true">{ number }</kbd>
        </button>
    }
}
