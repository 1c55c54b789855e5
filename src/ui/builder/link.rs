//! The deck's link: read-only, its length, a warning when chat apps may cut
//! it, and a copy button; or why there is no link yet.

use yew::prelude::*;

use crate::core::share::LengthCheck;

const NOTE: &str = "idrill-b-link-note";

pub fn link_view(
    link: &Result<(String, LengthCheck), String>,
    copy_status: &str,
    on_copy: Callback<MouseEvent>,
) -> Html {
    let note = match link {
        Ok((_, length)) => length.advice().unwrap_or_default(),
        Err(why) => format!("No link yet: {why}"),
    };
    html! {
        <section class="idrill-b-part" aria-labelledby="idrill-b-link-title">
            <h3 id="idrill-b-link-title">{ "Share the deck" }</h3>
            if let Ok((text, length)) = link {
                <span class="idrill-b-field">
                    <label for="idrill-b-link">{ "Link to this deck" }</label>
                    <textarea id="idrill-b-link" class="idrill-b-link" readonly=true rows="3" value={text.clone()}
                        aria-describedby={format!("idrill-b-link-length {NOTE}")} />
                    <span id="idrill-b-link-length">{ format!("{} characters", length.chars) }</span>
                </span>
            }
            // Always in the page, so a change of its text is announced.
            <p id={NOTE} class={classes!(link.as_ref().ok().and_then(|(_, l)| l.advice()).map(|_| "idrill-b-warning"))}
                role="status">{ note }</p>
            <p class="idrill-actions">
                <button type="button" class="idrill-primary" disabled={link.is_err()} onclick={on_copy}
                    aria-describedby={link.is_err().then_some(NOTE)}>{ "Copy link" }</button>
                <span role="status">{ copy_status.to_string() }</span>
            </p>
        </section>
    }
}
