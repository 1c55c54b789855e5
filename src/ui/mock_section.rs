//! The Mock round section, and which screen of it is up, so focus follows
//! the round.

use yew::prelude::*;

use crate::core::mock::RoundId;
use crate::core::session::Model;
use crate::core::time::Moment;
use crate::ui::intent::Sender;
use crate::ui::mock_report::mock_report;
use crate::ui::mock_round::mock_round;
use crate::ui::mock_setup::mock_setup;
use crate::ui::plan_view::TemplateRefs;
use crate::ui::share_button::{share_button, Share};

pub fn mock_section(
    m: &Model,
    now: Moment,
    heading: &NodeRef,
    links_base: &str,
    send: &Sender,
) -> Html {
    let ids = format!("idrill-{}", m.writer());
    if let Some(round) = m.prep.mock.running() {
        return mock_round(&m.deck, round, now, &ids, heading, send);
    }
    match m.prep.mock.open_report() {
        Some(record) => mock_report(&m.deck, &m.prep.mock, record, &ids, heading, send),
        None => html! {
            <>
                { mock_setup(&m.deck, &m.prep.mock, &ids, heading, send) }
                if m.links.shared.is_none() {
                    <p class="idrill-share">
                        { share_button("Share this round", "Share this round", Share::Link { url: format!("{links_base}{}", m.mock_share()), title: m.deck.title.clone() }, send) }
                        if let Some(note) = &m.links.share_note { <span>{ note.clone() }</span> }
                    </p>
                }
            </>
        },
    }
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
    if let Some(round) = m.prep.mock.running() {
        return MockScreen::Question(round.id(), round.current);
    }
    match m.prep.mock.report {
        Some(id) if m.prep.mock.open_report().is_some() => MockScreen::Report(id),
        _ => MockScreen::Setup,
    }
}
