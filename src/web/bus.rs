//! An in-page channel between widgets that share a storage namespace.
//!
//! `storage` events only reach other tabs, never the window that wrote, so
//! widgets on the same page tell each other here after each write.

use std::cell::RefCell;
use std::rc::Rc;

/// (writer, namespace, listener)
type Listener = (String, String, Rc<dyn Fn()>);

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

/// Listening stops when this is dropped.
pub struct Subscription {
    writer: String,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        LISTENERS.with(|l| {
            l.borrow_mut()
                .retain(|(writer, _, _)| *writer != self.writer)
        });
    }
}

/// Calls `on_change` whenever another widget of `namespace` writes. `writer`
/// is this widget's unique writer id.
pub fn subscribe(namespace: &str, writer: &str, on_change: impl Fn() + 'static) -> Subscription {
    LISTENERS.with(|l| {
        l.borrow_mut().push((
            writer.to_string(),
            namespace.to_string(),
            Rc::new(on_change),
        ))
    });
    Subscription {
        writer: writer.to_string(),
    }
}

/// Tells every other widget of `namespace` that storage changed.
pub fn publish(namespace: &str, from: &str) {
    // Collect first: a listener may subscribe or unsubscribe while running.
    let targets: Vec<Rc<dyn Fn()>> = LISTENERS.with(|l| {
        l.borrow()
            .iter()
            .filter(|(writer, ns, _)| writer != from && ns == namespace)
            .map(|(_, _, f)| f.clone())
            .collect()
    });
    for notify in targets {
        notify();
    }
}
