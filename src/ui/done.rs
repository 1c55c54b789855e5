//! The end of a round: every card of the chosen topics has been graded.

use yew::prelude::*;

use crate::core::session::Msg;

pub fn done(scope: &str, cards: usize, send: &Callback<Msg>) -> Html {
    let send = send.clone();
    html! {
        <section class="idrill-done" aria-labelledby="idrill-done-title">
            <h3 id="idrill-done-title">{ "Done for now" }</h3>
            if cards == 0 {
                <p>{ format!("There are no cards in {scope}.") }</p>
            } else {
                <p>{ format!("You have graded all {cards} cards of {scope}. Another round starts with the ones you found hardest.") }</p>
                <button type="button" class="idrill-primary" onclick={move |_| send.emit(Msg::NewRound)}>{ "Practise again" }</button>
            }
        </section>
    }
}
