//! Shortcut keys. The handler sits on the widget's root element, never on
//! window or document, so keys act only while focus is inside the widget.

use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use crate::core::progress::Grade;

/// What a key press asks the drill to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    Reveal,
    Grade(Grade),
    Undo,
}

/// Maps a key press to a shortcut, or `None` to leave the key alone.
pub fn shortcut(event: &KeyboardEvent) -> Option<Shortcut> {
    if event.ctrl_key() || event.meta_key() || event.alt_key() || event.default_prevented() {
        return None;
    }
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let (typing, native_activation) = target.as_ref().map_or((false, false), classify_target);
    if typing {
        return None;
    }
    match event.key().as_str() {
        // Space and Enter already activate buttons, links, radios and summaries;
        // taking them there as well would act twice.
        " " | "Enter" if !native_activation => Some(Shortcut::Reveal),
        "u" | "U" => Some(Shortcut::Undo),
        key => key
            .parse::<u8>()
            .ok()
            .and_then(Grade::from_number)
            .map(Shortcut::Grade),
    }
}

/// (is a text-entry field, has its own Space/Enter behaviour)
fn classify_target(element: &Element) -> (bool, bool) {
    let tag = element.tag_name().to_ascii_lowercase();
    let editable = element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|e| e.is_content_editable());
    match tag.as_str() {
        "textarea" | "select" => (true, true),
        "input" => {
            let kind = element
                .get_attribute("type")
                .unwrap_or_default()
                .to_ascii_lowercase();
            let clickable = matches!(
                kind.as_str(),
                "radio" | "checkbox" | "button" | "submit" | "reset"
            );
            (!clickable, true)
        }
        "button" | "a" | "summary" => (false, true),
        _ => (editable, editable),
    }
}
