//! What a view asks for. Views never read the clock, a random source or the
//! address, and never open a store: a message that needs the moment the
//! learner acted or a fresh seed says so, and the shell fills it in; opening
//! a link, sharing one and reading a chosen file are the shell's to do.

use yew::Callback;

use crate::core::session::Msg;
use crate::core::time::Moment;

pub enum Intent {
    /// A message as it is.
    Msg(Msg),
    /// A message of the moment the learner acted.
    At(Box<dyn FnOnce(Moment) -> Msg>),
    /// A message of the moment, with a fresh random seed.
    Seeded(Box<dyn FnOnce(Moment, u64) -> Msg>),
    /// Open what this link fragment names on this page; `None` opens the
    /// built-in deck.
    GoTo(Option<String>),
    /// Share a link (the share sheet on phones, else the clipboard); how it
    /// went comes back as `Msg::Link(LinkMsg::LinkShared)`.
    Share { url: String, title: String },
    /// Read the file the learner chose and import it.
    Import(web_sys::File),
}

impl From<Msg> for Intent {
    fn from(msg: Msg) -> Self {
        Intent::Msg(msg)
    }
}

/// How views send: `send.to(|_| Msg::Drill(DrillMsg::Reveal))`, or `send.at(|_, now| ...)`
/// for a message that needs the moment of the click.
pub trait Sender {
    /// A callback sending the message `make` builds from the event.
    fn to<E: 'static>(&self, make: impl Fn(E) -> Msg + 'static) -> Callback<E>;
    /// A callback sending the message `make` builds from the event and the
    /// moment it happened.
    fn at<E: 'static>(&self, make: impl Fn(E, Moment) -> Msg + 'static) -> Callback<E>;
    /// Sends a message now.
    fn msg(&self, msg: Msg);
}

impl Sender for Callback<Intent> {
    fn to<E: 'static>(&self, make: impl Fn(E) -> Msg + 'static) -> Callback<E> {
        self.reform(move |event| Intent::Msg(make(event)))
    }

    fn at<E: 'static>(&self, make: impl Fn(E, Moment) -> Msg + 'static) -> Callback<E> {
        let make = std::rc::Rc::new(make);
        self.reform(move |event: E| {
            let make = std::rc::Rc::clone(&make);
            Intent::At(Box::new(move |now| make(event, now)))
        })
    }

    fn msg(&self, msg: Msg) {
        self.emit(Intent::Msg(msg));
    }
}
