//! The deck's title and what it is for.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IntroProps {
    pub title: AttrValue,
    pub description: AttrValue,
    pub questions: usize,
}

#[component]
pub fn Intro(props: &IntroProps) -> Html {
    html! {
        <header class="idrill-intro">
            <h2>{ props.title.clone() }</h2>
            <p>{ props.description.clone() }</p>
            <p class="idrill-how">
                { format!("{} questions. Answer each one aloud or in your head, reveal the model answer, then grade how well you recalled it. ", props.questions) }
                { "Keys: Space or Enter shows the answer, 1 to 4 grade it." }
            </p>
        </header>
    }
}
