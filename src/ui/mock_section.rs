//! The Mock round section, and what the app needs to resume a round: reading
//! the stored round, history and plan at start, and which screen is up, so
//! focus follows the round.

use yew::prelude::*;

use crate::core::mock::RoundId;
use crate::core::session::{update, Effect, Model, Msg, PrepRestored};
use crate::prep_store;
use crate::store::full_key;
use crate::ui::effects::Runtime;
use crate::ui::links::{mock_link, share_button};
use crate::ui::mock_report::mock_report;
use crate::ui::mock_round::mock_round;
use crate::ui::mock_setup::mock_setup;
use crate::ui::plan_view::TemplateRefs;
use crate::web::platform;

pub fn mock_section(m: &Model, heading: &NodeRef, links_base: &str, send: &Callback<Msg>) -> Html {
    let ids = format!("idrill-{}", m.writer());
    if let Some(round) = m.mock.running() {
        return mock_round(&m.deck, round, &ids, heading, send);
    }
    match m.mock.open_report() {
        Some(record) => mock_report(&m.deck, &m.mock, record, &ids, heading, send),
        None => html! {
            <>
                { mock_setup(&m.deck, &m.mock, &ids, heading, send) }
                if m.shared.is_none() {
                    <p class="idrill-share">
                        { share_button("Share this round", "Share this round", mock_link(m, links_base), &m.deck.title, send) }
                        if let Some(note) = &m.share_note { <span>{ note.clone() }</span> }
                    </p>
                }
            </>
        },
    }
}

/// Reads the stored mock round, past rounds and plan, and resumes the round.
/// Returns what resuming asks to store.
pub fn restore_prep(model: &mut Model, runtime: &Runtime, can_store: bool) -> Vec<Effect> {
    let now = platform::now();
    let loaded = if can_store {
        prep_store::load(runtime.store.as_ref(), now.unix_ms)
    } else {
        prep_store::PrepLoaded::default()
    };
    let unreadable = loaded
        .unreadable
        .into_iter()
        .map(|(what, reason, backup)| {
            (
                what,
                reason,
                backup.map(|k| full_key(&runtime.namespace, &k)),
            )
        })
        .collect();
    update(
        model,
        Msg::PrepRestored(Box::new(PrepRestored {
            round: loaded.round,
            history: loaded.history,
            plan: loaded.plan,
            seed: platform::seed(),
            unreadable,
            now,
        })),
    )
}

/// The elements focus moves to in mock rounds and the plan.
#[derive(Clone, Default, PartialEq)]
pub struct PrepFocus {
    /// The heading of the mock section's current screen.
    pub mock: NodeRef,
    pub templates: TemplateRefs,
}

/// Which screen of the mock section is up: focus moves when it changes.
#[derive(Clone, Copy, PartialEq)]
pub enum MockScreen {
    Setup,
    Question(RoundId, usize),
    Report(RoundId),
}

pub fn mock_screen(m: &Model) -> MockScreen {
    if let Some(round) = m.mock.running() {
        return MockScreen::Question(round.id(), round.current);
    }
    match m.mock.report {
        Some(id) if m.mock.open_report().is_some() => MockScreen::Report(id),
        _ => MockScreen::Setup,
    }
}
