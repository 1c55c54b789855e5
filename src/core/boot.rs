//! How a widget starts: which deck it opens (its configured one, scoped to
//! its topics and difficulty, or what the page's link names), how a drill
//! link amends the configuration, and what the link opens inside the drill.
//! The shell reads the address and storage and hands the results in.

//!
//! The guest build has only `BootError`: it opens its configured deck, and a
//! page whose fragment may be a link goes to the full build (`link_hint`).

#[cfg(feature = "full")]
pub use full::*;

/// Why the widget cannot start.
#[derive(Clone, Debug, PartialEq)]
pub enum BootError {
    /// The built-in deck itself cannot be read.
    Broken(String),
    /// The page's link is damaged: nothing is read or written.
    DamagedLink(String),
}

#[cfg(feature = "full")]
mod full {
    use std::rc::Rc;

    use super::BootError;
    use crate::core::bank::Deck;
    pub use crate::core::config::scoped;
    use crate::core::config::{Config, DrillMode};
    use crate::core::mock::{AnswerStyle as RoundStyle, RoundSetup};
    use crate::core::my_decks::SharedDeck;
    use crate::core::opening::Opening;
    use crate::core::session::{drill_mode_of, LinkMsg, MockMsg, Msg};
    use crate::core::time::Moment;

    /// The deck a widget opens and where it came from.
    #[derive(Clone, Debug, PartialEq)]
    pub struct Chosen {
        pub deck: Rc<Deck>,
        /// Set when the deck came whole from a link.
        pub shared: Option<SharedDeck>,
        /// The configuration as the link amends it (a drill's topics and mode).
        pub config: Config,
    }

    /// The deck for `opening`. `given` is a deck handed to the widget directly
    /// (a builder's preview), which ignores the page's link; `find` looks up a
    /// built-in deck by id; `saved` says whether a shared deck is in My decks.
    pub fn deck_for(
        opening: &Opening,
        given: Option<Rc<Deck>>,
        config: &Config,
        find: impl Fn(&str) -> Result<Deck, String>,
        saved: impl Fn(&str) -> bool,
    ) -> Result<Chosen, BootError> {
        let mut config = config.clone();
        let missing = |id: &str| {
            BootError::DamagedLink(format!(
                "it opens the deck `{id}`, which this page does not have"
            ))
        };
        let (deck, shared) = match (opening, given) {
            (Opening::Damaged(reason), _) => return Err(BootError::DamagedLink(reason.clone())),
            (_, Some(deck)) => (deck, None),
            (Opening::Deck { deck, fragment }, None) => {
                let shared = SharedDeck {
                    fragment: fragment.clone(),
                    saved: saved(&deck.id),
                };
                (Rc::new(deck.clone()), Some(shared))
            }
            (Opening::Question(link), None) => {
                let deck = find(&link.deck).map_err(|_| missing(&link.deck))?;
                if !deck.questions.iter().any(|q| q.id == link.question) {
                    return Err(BootError::DamagedLink(format!(
                        "the deck `{}` has no question `{}`",
                        link.deck, link.question
                    )));
                }
                (Rc::new(deck), None)
            }
            (Opening::Drill(drill), None) => {
                if let Some(id) = &drill.deck {
                    config.deck = id.clone();
                }
                config.topics = drill.topics.clone();
                config.difficulty = None;
                config.questions = None;
                config.mode = drill_mode_of(drill.mode);
                let deck = find(&config.deck).map_err(|_| missing(&config.deck))?;
                (Rc::new(scoped(deck, &config)), None)
            }
            (Opening::Configured, None) => {
                let deck = find(&config.deck).map_err(BootError::Broken)?;
                (Rc::new(scoped(deck, &config)), None)
            }
        };
        Ok(Chosen {
            deck,
            shared,
            config,
        })
    }

    /// What the link opens inside the drill, as messages sent once everything
    /// stored has been read, so the link has the last word.
    pub fn opening_messages(opening: Opening, config: &Config, now: Moment) -> Vec<Msg> {
        match opening {
            Opening::Question(link) => vec![Msg::Link(LinkMsg::OpenQuestion(link.question, now))],
            Opening::Drill(drill) if drill.mode == crate::core::share::DrillMode::Mock => vec![
                Msg::Mock(MockMsg::Prepare(RoundSetup {
                    questions: usize::from(drill.questions),
                    topics: drill.topics,
                    minutes: drill.minutes,
                    style: RoundStyle::Typed,
                })),
                Msg::Mock(MockMsg::Seed(drill.seed)),
            ],
            Opening::Drill(drill) => vec![Msg::Link(LinkMsg::StartDrill {
                seed: drill.seed,
                count: usize::from(drill.questions),
                now,
            })],
            // An embed that opens on the mock round, set up as configured.
            Opening::Configured if config.mode == DrillMode::Mock => {
                vec![Msg::Mock(MockMsg::Prepare(RoundSetup {
                    questions: config.questions.unwrap_or(RoundSetup::default().questions),
                    topics: config.topics.clone(),
                    minutes: None,
                    style: RoundStyle::Typed,
                }))]
            }
            _ => Vec::new(),
        }
    }
}
