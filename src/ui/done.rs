//! The end of a round: every card of the chosen topics has been graded.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub scope: AttrValue,
    pub cards: usize,
    pub on_again: Callback<()>,
}

#[component]
pub fn Done(props: &DoneProps) -> Html {
    let on_again = props.on_again.reform(|_: MouseEvent| ());
    html! {
        <section class="idrill-done" aria-labelledby="idrill-done-title">
            <h3 id="idrill-done-title">{ "Done for now" }</h3>
            if props.cards == 0 {
                <p>{ format!("There are no cards in {}.", props.scope) }</p>
            } else {
                <p>{ format!("You have graded all {} cards of {}. Another round starts with the ones you found hardest.", props.cards, props.scope) }</p>
                <button type="button" class="idrill-primary" onclick={on_again}>{ "Practise again" }</button>
            }
        </section>
    }
}
