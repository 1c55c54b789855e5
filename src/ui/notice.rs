//! A problem the learner should know about, such as progress that cannot be saved.

use yew::prelude::*;

use crate::core::notice::Notice;
use crate::core::session::Msg;

pub fn notice(notice: &Notice, send: &Callback<Msg>) -> Html {
    let send = send.clone();
    html! {
        <div class="idrill-notice" role="alert">
            <p>{ notice.message() }</p>
            <button type="button" class="idrill-quiet" onclick={move |_| send.emit(Msg::DismissNotice)}>{ "Dismiss" }</button>
        </div>
    }
}
