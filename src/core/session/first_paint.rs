//! The session before the drill part is here: what a blog page's first
//! paint can do on its own (ARCHITECTURE.md, "The drill part").

use super::{drill, DrillMsg, Effect, Model, Msg};

/// What a widget does with `msg` before the drill's code has arrived: a
/// blog page's first paint links this, not `update` (ARCHITECTURE.md, "The
/// drill part"). It follows the plan's window (the first card depends on
/// it), brings back the card answered before a reload (the first card drawn
/// must be that one), shows the answer's place, and drops a grade, which
/// needs the answer and its grades on screen, and they come with the drill.
/// Everything else comes back, to be sent again, in order, once `update` is
/// here.
pub fn before_drill(model: &mut Model, msg: Msg) -> BeforeDrill {
    match msg {
        Msg::Drill(DrillMsg::Reveal) => {
            let effects = drill::reveal(model);
            if model.drill.revealed {
                model.announcement = "Loading the answer…".into();
            }
            BeforeDrill::Ran(effects)
        }
        Msg::Drill(DrillMsg::Window(window, now)) => {
            BeforeDrill::Ran(drill::window(model, window, now))
        }
        Msg::Drill(DrillMsg::ResumeDraft(stored)) => {
            BeforeDrill::Ran(drill::restore_draft(model, stored, true))
        }
        Msg::Drill(DrillMsg::Grade(..)) => BeforeDrill::Ran(Vec::new()),
        other => BeforeDrill::Waits(other),
    }
}

/// What `before_drill` did with a message.
#[derive(Debug)]
pub enum BeforeDrill {
    /// It ran (or was dropped), asking for these effects.
    Ran(Vec<Effect>),
    /// It waits for the drill part, unchanged.
    Waits(Msg),
}
