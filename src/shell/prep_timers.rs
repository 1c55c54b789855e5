//! A running mock round's one-second tick and the focus that follows its
//! screens: hooks of `App`, in the full build only (the guest's are empty).

use std::rc::Rc;

use yew::prelude::*;

use crate::core::session::Msg;
use crate::shell::app::Shared;
use crate::shell::focus::PrepFocus;
#[cfg(feature = "full")]
use {
    crate::core::mock::RoundMsg,
    crate::core::session::{MockMsg, Section},
    crate::shell::focus,
    crate::ui::mock_section::{mock_screen, MockScreen},
    crate::web::platform,
};

/// A mock round's timer and its focus, in the full build only.
#[cfg(feature = "full")]
#[hook]
pub fn use_prep_timers(model: &Shared, send: &Callback<Msg>, prep_focus: &Rc<PrepFocus>) {
    // A mock round counts down while it runs and is on screen: tick at once
    // (resuming after a reload or a visit elsewhere), then every second. The
    // core computes time from moments, so a late tick loses nothing; a round
    // not on screen is not ticked, so its next question never starts unseen.
    {
        let ticking = model.borrow().as_ref().is_ok_and(|m| {
            m.section == Section::Mock && m.prep.mock.running().is_some_and(|r| r.is_running())
        });
        let send = send.clone();
        use_effect_with(ticking, move |ticking| {
            let timer = ticking.then(|| {
                let tick =
                    move || send.emit(Msg::Mock(MockMsg::Round(RoundMsg::Tick(platform::now()))));
                tick();
                platform::every(1_000, tick)
            });
            move || drop(timer)
        });
    }

    // Focus follows the round: the next question (also after a time-out),
    // the report, the set-up. Never on first load.
    {
        let screen = model
            .borrow()
            .as_ref()
            .map_or(MockScreen::Setup, mock_screen);
        let seen = use_mut_ref(|| None::<MockScreen>);
        let prep_focus = prep_focus.clone();
        use_effect_with(screen, move |screen| {
            let before = seen.borrow_mut().replace(*screen);
            if before.is_some_and(|b| b != *screen) {
                focus::focus(&prep_focus.mock);
            }
        });
    }
}

/// The guest has no mock rounds.
#[cfg(not(feature = "full"))]
#[hook]
pub fn use_prep_timers(_model: &Shared, _send: &Callback<Msg>, _prep_focus: &Rc<PrepFocus>) {}
