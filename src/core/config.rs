//! What a widget instance is asked to show, decided before it mounts.

/// A widget's whole configuration. The app root takes it as props; nothing is
/// read from globals, so several widgets can share a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The id of the deck to drill.
    pub deck: String,
    /// Start filtered to this topic slug, or every topic.
    pub topic: Option<String>,
    /// Separates stored progress: widgets with the same namespace share it.
    pub namespace: String,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            deck: "backend".into(),
            topic: None,
            namespace: "default".into(),
        }
    }
}
