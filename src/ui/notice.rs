//! A problem the learner should know about, such as progress that cannot be
//! saved, with a way to keep their work.

use yew::prelude::*;

use crate::ui::intent::Sender;

use crate::core::notice::Notice;
use crate::core::session::Msg;

pub fn notice(notice: &Notice, send: &Sender) -> Html {
    html! {
        <div class="idrill-notice" role="alert">
            <p>{ notice.message() }</p>
            <p class="idrill-actions">
                if notice.offers_export() {
                    <button type="button" class="idrill-primary" onclick={send.at(|_, now| Msg::Export(now))}>
                        { "Export progress" }
                    </button>
                }
                <button type="button" class="idrill-quiet" onclick={send.to(|_| Msg::DismissNotice)}>{ "Dismiss" }</button>
            </p>
        </div>
    }
}
