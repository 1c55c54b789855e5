//! A question card: prompt and facts, "Show answer", then the four grades.

use yew::prelude::*;

use crate::core::bank::{difficulty_label, Question};
use crate::core::progress::Grade;
use crate::ui::answer::AnswerView;
use crate::ui::rich_text::line;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub question: Question,
    pub topic_title: AttrValue,
    /// 1-based position in this round, and the round's size.
    pub position: usize,
    pub total: usize,
    pub revealed: bool,
    /// Bumped by the app after each action the learner takes, so focus follows
    /// the flow of the drill without being stolen on first load.
    pub focus_turn: u32,
    pub on_reveal: Callback<()>,
    pub on_grade: Callback<Grade>,
}

#[component]
pub fn Card(props: &CardProps) -> Html {
    let reveal_ref = use_node_ref();
    let answer_ref = use_node_ref();
    {
        let reveal_ref = reveal_ref.clone();
        let answer_ref = answer_ref.clone();
        let revealed = props.revealed;
        use_effect_with(
            (props.focus_turn, props.question.id.clone(), revealed),
            move |(turn, _, _)| {
                if *turn > 0 {
                    let target = if revealed { &answer_ref } else { &reveal_ref };
                    if let Some(element) = target.cast::<web_sys::HtmlElement>() {
                        let _ = element.focus();
                    }
                }
            },
        );
    }
    let q = &props.question;
    let heading_id = format!("idrill-q-{}", q.id);
    let on_reveal = props.on_reveal.reform(|_: MouseEvent| ());
    html! {
        <article class="idrill-card" aria-labelledby={heading_id.clone()}>
            <p class="idrill-meta">
                <span>{ format!("Card {} of {}", props.position, props.total) }</span>
                <span>{ props.topic_title.clone() }</span>
                <span>{ format!("Difficulty: {}", difficulty_label(q.difficulty)) }</span>
                <span>{ format!("About {} min", q.minutes) }</span>
            </p>
            <h3 id={heading_id}>{ line(&q.prompt) }</h3>
            if props.revealed {
                <AnswerView question={q.clone()} heading_ref={answer_ref} />
                <div class="idrill-grades" role="group" aria-label="How well did you recall it?">
                    { for Grade::ALL.iter().map(|&grade| {
                        let on_grade = props.on_grade.clone();
                        html! {
                            <button type="button" class={format!("idrill-g{}", grade.number())}
                                aria-keyshortcuts={grade.number().to_string()}
                                onclick={Callback::from(move |_: MouseEvent| on_grade.emit(grade))}>
                                { grade.label() }
                                <kbd aria-hidden="true">{ grade.number() }</kbd>
                            </button>
                        }
                    }) }
                </div>
            } else {
                <button type="button" class="idrill-primary" ref={reveal_ref} aria-keyshortcuts="Space Enter" onclick={on_reveal}>
                    { "Show answer" }
                </button>
            }
        </article>
    }
}
