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
    /// 1-based position in this round, and the round's size.
    pub position: usize,
    pub total: usize,
    pub revealed: bool,
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
                <span>{ "Card " }{ view.position }{ " of " }{ view.total }</span>
                <span>{ view.topic_title.to_string() }</span>
                <span>{ "Difficulty: " }{ difficulty_label(q.difficulty) }</span>
                <span>{ "About " }{ q.minutes }{ " min" }</span>
            </p>
            <h3 id={heading_id}>{ line(&q.prompt) }</h3>
            if view.revealed {
                { answer(q, &focus.answer) }
                <div class="idrill-grades" role="group" aria-label="How well did you recall it?">
                    { for Grade::ALL.into_iter().map(|grade| grade_button(grade, send)) }
                </div>
            } else {
                <button type="button" class="idrill-primary" ref={focus.reveal.clone()} aria-keyshortcuts="Space Enter"
                    onclick={send.reform(|_| Msg::Reveal)}>
                    { "Show answer" }
                </button>
            }
        </article>
    }
}

fn grade_button(grade: Grade, send: &Callback<Msg>) -> Html {
    let number = grade.number();
    html! {
        <button type="button" class={GRADE_CLASSES[usize::from(number - 1)]}
            aria-keyshortcuts={number.to_string()}
            onclick={send.reform(move |_| Msg::Grade(grade, platform::now()))}>
            { grade.label() }
            <kbd aria-hidden="true">{ number }</kbd>
        </button>
    }
}
