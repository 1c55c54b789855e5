//! What a view asks for, and how. Views never import the clock, a random
//! source, the address or a store: the moment the learner acted and a fresh
//! seed come from the functions the shell hands them in `Sender`, called
//! only when the learner acts, never in a render; opening a link, sharing
//! one and reading a chosen file are the shell's to do (`Intent`).

use yew::Callback;

use crate::core::session::{Msg, Part};
use crate::core::time::Moment;

pub enum Intent {
    /// A message for the session.
    Msg(Msg),
    /// Open what this link fragment names on this page; `None` opens the
    /// built-in deck.
    GoTo(Option<String>),
    /// Share a link (the share sheet on phones, else the clipboard); how it
    /// went comes back as `Msg::Link(LinkMsg::LinkShared)`.
    #[cfg(feature = "full")]
    Share { url: String, title: String },
    /// Read the file the learner chose and import it.
    #[cfg(feature = "full")]
    Import(web_sys::File),
    /// Open something only the full build has: the shell fetches it, and the
    /// full build takes the widget over where the guest left it.
    Upgrade(Part),
    /// Fetch the drill part again after its download failed.
    LoadDrill,
}

impl From<Msg> for Intent {
    fn from(msg: Msg) -> Self {
        Intent::Msg(msg)
    }
}

/// Where a view's messages and intents go, with the shell's clock and seed
/// source, which a view calls only inside an event handler, when the
/// learner acts; a render takes the moment it draws as an argument.
/// Messages take their own channel, as plain `Callback<Msg>`s, and the clock
/// is a function pointer: wrapping every message in an `Intent` and boxing a
/// closure per call site for the shell to stamp cost the page 1 KB brotli.
#[derive(Clone)]
pub struct Sender {
    msgs: Callback<Msg>,
    intents: Callback<Intent>,
    clock: fn() -> Moment,
    seed: fn() -> u64,
}

impl Sender {
    pub fn new(
        msgs: Callback<Msg>,
        intents: Callback<Intent>,
        clock: fn() -> Moment,
        seed: fn() -> u64,
    ) -> Self {
        Sender {
            msgs,
            intents,
            clock,
            seed,
        }
    }

    /// A callback sending the message `make` builds from the event:
    /// `send.to(|_| Msg::Show(section))`.
    pub fn to<E: 'static>(&self, make: impl Fn(E) -> Msg + 'static) -> Callback<E> {
        self.msgs.reform(make)
    }

    /// A callback sending the message `make` builds from the event and the
    /// moment the learner acted: `send.at(|_, now| Msg::Export(now))`.
    pub fn at<E: 'static>(&self, make: impl Fn(E, Moment) -> Msg + 'static) -> Callback<E> {
        let clock = self.clock;
        self.msgs.reform(move |event| make(event, clock()))
    }

    /// As `at`, with a fresh random seed too.
    pub fn seeded<E: 'static>(
        &self,
        make: impl Fn(E, Moment, u64) -> Msg + 'static,
    ) -> Callback<E> {
        let (clock, seed) = (self.clock, self.seed);
        self.msgs.reform(move |event| make(event, clock(), seed()))
    }

    /// A callback sending the intent `make` builds from the event.
    pub fn reform<E: 'static>(&self, make: impl Fn(E) -> Intent + 'static) -> Callback<E> {
        self.intents.reform(make)
    }

    /// Sends a message now.
    pub fn msg(&self, msg: Msg) {
        self.msgs.emit(msg);
    }

    /// Sends an intent now.
    pub fn emit(&self, intent: Intent) {
        self.intents.emit(intent);
    }
}
