//! A share button. In the full build it shares its link (the share sheet on
//! phones, else the clipboard; the shell reports how through
//! `Msg::Link(LinkMsg::LinkShared)`); the guest has no link writer, so its
//! button asks for the full build, which shares once it has taken over.

use yew::prelude::*;

use crate::core::session::Part;
use crate::ui::intent::{Intent, Sender};

/// What a share button shares.
#[derive(Clone)]
pub enum Share {
    #[cfg(feature = "full")]
    Link { url: String, title: String },
    /// Shared by the full build, once loaded.
    Later(Part),
}

pub fn share_button(label: &str, name: &str, share: Share, send: &Sender) -> Html {
    let onclick = send.reform(move |_: MouseEvent| match &share {
        #[cfg(feature = "full")]
        Share::Link { url, title } => Intent::Share {
            url: url.clone(),
            title: title.clone(),
        },
        Share::Later(part) => Intent::Upgrade(*part),
    });
    html! {
        <button type="button" aria-label={name.to_string()} {onclick}>{ label.to_string() }</button>
    }
}
