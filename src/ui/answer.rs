//! The revealed side of a card: model answer, key points, and the failure
//! modes and trade-offs a strong answer names. The follow-ups come one at a
//! time after it (`follow_ups`).

use yew::prelude::*;

use crate::core::bank::{ConcernKind, Question};
use crate::ui::rich_text::{blocks, line};

/// `heading_ref` receives focus when the answer appears.
pub fn answer(q: &Question, heading_ref: &NodeRef) -> Html {
    html! {
        <div class="idrill-answer">
            <h4 tabindex="-1" ref={heading_ref.clone()}>{ q.kind.answer_heading() }</h4>
            { blocks(&q.answer) }
            <h4>{ "Key points" }</h4>
            <ul>
                { for q.key_points.iter().map(|k| html! { <li>{ k.label.clone() }</li> }) }
            </ul>
            <h4>{ q.kind.concerns_heading() }</h4>
            <ul class="idrill-concerns">
                { for q.concerns.iter().map(|c| match c.kind {
                    // The heading says it: "What a strong story shows".
                    ConcernKind::Shows => html! { <li>{ line(&c.text) }</li> },
                    kind => html! { <li><strong>{ kind.label() }{ ": " }</strong>{ line(&c.text) }</li> },
                }) }
            </ul>
        </div>
    }
}
