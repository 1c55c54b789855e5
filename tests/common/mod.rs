//! Fixtures shared by the native integration tests: the built-in deck, the
//! moment the session and mock tests start from, and calendar constants.
//! A test file takes them with `mod common;` and `use common::{...}`.
//!
//! Only what several files define identically lives here. Helpers that differ
//! from file to file stay in their file, with a note saying why: the moment
//! `tests/fsrs_properties.rs` starts from, `NOW` (UTC, noon) in
//! `tests/stats.rs`, and each file's way of starting a `Model`.

// Every file under tests/ is its own crate and compiles this module on its
// own, using only part of it; without this, each would warn about the rest.
#![allow(dead_code)]

use std::rc::Rc;

use interview_drill::core::bank::Deck;
use interview_drill::core::time::Moment;

pub const SECOND: i64 = 1_000;
pub const MINUTE: i64 = 60_000;
pub const DAY: i64 = 86_400_000;

/// The learner's offset from UTC, in minutes: UTC+1.
pub const OFFSET: i32 = 60;

/// 2026-03-02 09:00 in UTC+1.
pub const T0: i64 = 1_772_438_400_000;

/// 2026-03-02, a Monday, as a day number (days since 1970-01-01).
pub const MONDAY: i64 = 20_514;

/// `ms_after_t0` milliseconds after [`T0`], in UTC+1.
pub fn at(ms_after_t0: i64) -> Moment {
    Moment::new(T0 + ms_after_t0, OFFSET)
}

/// Noon of a local day in UTC+1.
pub fn noon(day: i64) -> Moment {
    Moment::new(day * DAY + DAY / 2 - i64::from(OFFSET) * 60_000, OFFSET)
}

/// The built-in backend deck.
pub fn deck() -> Deck {
    interview_drill::decks::find("backend").expect("backend deck")
}

/// The built-in backend deck, shared the way the session's `Start` takes it.
pub fn rc_deck() -> Rc<Deck> {
    Rc::new(deck())
}

/// A session on `deck` with nothing stored, at `at(0)`: writer `w1`, the
/// given session limit and link seed.
pub fn fresh_model(
    deck: Deck,
    session_limit: Option<usize>,
    seed: u64,
) -> interview_drill::core::session::Model {
    use interview_drill::core::persist::restore;
    use interview_drill::core::session::{Model, Start};
    Model::start(Start {
        deck: Rc::new(deck),
        topic: None,
        restored: restore(&[]),
        backups: Some(Vec::new()),
        writer: "w1".into(),
        storage_problem: None,
        session_limit,
        seed,
        now: at(0),
    })
}

/// A finished one-question mock round started at `started_ms` (UTC), as
/// the history keeps it.
pub fn finished_record(started_ms: i64) -> interview_drill::core::mock::RoundRecord {
    use interview_drill::core::mock::{finish, update, AnswerStyle, Round, RoundMsg, RoundSetup};
    let deck = rc_deck();
    let setup = RoundSetup {
        questions: 1,
        minutes: Some(1),
        style: AnswerStyle::Typed,
        ..RoundSetup::default()
    };
    let mut round = Round::start(&deck, setup, 9, Moment::new(started_ms, 0)).expect("a round");
    update(
        &mut round,
        RoundMsg::Stop(Moment::new(started_ms + SECOND, 0)),
    );
    finish(&round, &deck).expect("finished").record
}
