//! The drill part: the drill's code beyond its first card (the session's
//! `update`, the card below its question, the coach behind it). The full
//! build links it; the guest fetches it just after its first paint, as one
//! part cut from its own wasm (`wasm_split_helpers`, ARCHITECTURE.md, "The
//! drill part"), and until it is here sends messages through
//! `session::before_drill`.

use crate::core::session::{update, BeforeDrill, Effect, Model, Msg};
use crate::ui::card::{card_rest, CardRest, DrillCode};

/// The drill part's entry points, called through these pointers so the
/// first-paint module does not link what they reach.
#[derive(Clone, Copy)]
pub struct DrillPart {
    pub update: fn(&mut Model, Msg) -> Vec<Effect>,
    pub card_rest: CardRest,
}

const LINKED: DrillPart = DrillPart { update, card_rest };

/// The part, when this build links it. Two functions, not one with
/// `cfg!`: that left `card_rest` in the first-paint module's table, and so
/// everything it reaches.
#[cfg(feature = "full")]
pub fn linked() -> Option<DrillPart> {
    Some(LINKED)
}

/// The guest fetches it (`fetch`).
#[cfg(not(feature = "full"))]
pub fn linked() -> Option<DrillPart> {
    None
}

/// The part's download failed; a later call tries again.
#[cfg(not(feature = "full"))]
pub struct NotLoaded;

#[cfg(not(feature = "full"))]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// Fetches the part once for every widget of the page.
#[cfg(not(feature = "full"))]
pub async fn load() -> Result<DrillPart, NotLoaded> {
    drill().await
}

#[cfg(not(feature = "full"))]
#[wasm_split_helpers::wasm_split(drill, fallible)]
fn drill() -> Result<DrillPart, NotLoaded> {
    Ok(LINKED)
}

/// A widget's hold on the drill part: the part once here, whether its last
/// download failed, and the messages waiting for it.
pub struct DrillSlot {
    pub part: Option<DrillPart>,
    pub failed: bool,
    waiting: Vec<Msg>,
}

impl DrillSlot {
    pub fn new() -> Self {
        DrillSlot {
            part: linked(),
            failed: false,
            waiting: Vec::new(),
        }
    }

    /// Runs `msg` through the part, or through `before_drill` until it is
    /// here; `None` when the message waits for it.
    pub fn update(&mut self, model: &mut Model, msg: Msg) -> Option<Vec<Effect>> {
        match self.part {
            Some(part) => Some((part.update)(model, msg)),
            None => match crate::core::session::before_drill(model, msg) {
                BeforeDrill::Ran(effects) => Some(effects),
                BeforeDrill::Waits(msg) => {
                    self.waiting.push(msg);
                    None
                }
            },
        }
    }

    /// What the card draws below its question.
    pub fn code(&self) -> DrillCode {
        match (self.part, self.failed) {
            (Some(part), _) => DrillCode::Here(part.card_rest),
            (None, true) => DrillCode::Failed,
            (None, false) => DrillCode::Loading,
        }
    }
}

/// Fetches the part for the widget holding `slot`, then sends it the
/// messages that waited, in order; `redraw` draws the widget again.
#[cfg(not(feature = "full"))]
pub fn fetch(
    slot: &std::rc::Rc<std::cell::RefCell<DrillSlot>>,
    send: &yew::Callback<Msg>,
    redraw: impl Fn() + 'static,
) {
    if slot.borrow().part.is_some() {
        return;
    }
    // A retry takes the alert down while it fetches.
    if std::mem::replace(&mut slot.borrow_mut().failed, false) {
        redraw();
    }
    let (slot, send) = (slot.clone(), send.clone());
    wasm_bindgen_futures::spawn_local(async move {
        match load().await {
            Ok(part) => {
                let waiting = {
                    let mut slot = slot.borrow_mut();
                    slot.part = Some(part);
                    std::mem::take(&mut slot.waiting)
                };
                for msg in waiting {
                    send.emit(msg);
                }
            }
            Err(NotLoaded) => slot.borrow_mut().failed = true,
        }
        redraw();
    });
}
