//! A problem the learner should know about, such as progress that cannot be saved.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub message: AttrValue,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="idrill-notice" role="alert">
            <p>{ props.message.clone() }</p>
            <button type="button" class="idrill-quiet" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
