//! What can be wrong with a link, in words the learner can act on: the UI
//! shows "This link is damaged: {error}".

use std::fmt;

/// The kinds of `LinkError`, for code that reacts to a kind rather than a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkErrorKind {
    NotALink,
    UnknownKind,
    WrongPrefix,
    UnknownVersion,
    Truncated,
    BadEncoding,
    Corrupt,
    TooLarge,
    BadStructure,
    LimitExceeded,
    Invalid,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// No `kind=` at all: an ordinary page anchor, or no fragment.
    NotALink,
    /// `#something=` that this version does not make.
    UnknownKind { kind: String },
    /// The right kind, but not followed by what that kind starts with.
    WrongPrefix {
        expected: &'static str,
        found: String,
    },
    /// A deck link of a format this version does not know.
    UnknownVersion { version: String },
    /// The link ends before its data does.
    Truncated { detail: String },
    /// A character that the link's encoding never produces.
    BadEncoding { detail: String },
    /// The compressed data does not unpack.
    Corrupt { detail: String },
    /// The data unpacks to more than a link may hold.
    TooLarge { limit: usize },
    /// The data unpacks, but not to a deck (or a drill or question link).
    BadStructure { detail: String },
    /// Bigger than a link may be: the link itself, the questions or a field.
    LimitExceeded { detail: String },
    /// The deck breaks a content rule.
    Invalid {
        question: Option<String>,
        field: String,
        reason: String,
    },
}

impl LinkError {
    pub fn kind(&self) -> LinkErrorKind {
        match self {
            LinkError::NotALink => LinkErrorKind::NotALink,
            LinkError::UnknownKind { .. } => LinkErrorKind::UnknownKind,
            LinkError::WrongPrefix { .. } => LinkErrorKind::WrongPrefix,
            LinkError::UnknownVersion { .. } => LinkErrorKind::UnknownVersion,
            LinkError::Truncated { .. } => LinkErrorKind::Truncated,
            LinkError::BadEncoding { .. } => LinkErrorKind::BadEncoding,
            LinkError::Corrupt { .. } => LinkErrorKind::Corrupt,
            LinkError::TooLarge { .. } => LinkErrorKind::TooLarge,
            LinkError::BadStructure { .. } => LinkErrorKind::BadStructure,
            LinkError::LimitExceeded { .. } => LinkErrorKind::LimitExceeded,
            LinkError::Invalid { .. } => LinkErrorKind::Invalid,
        }
    }

    pub(super) fn invalid(question: Option<&str>, field: &str, reason: impl Into<String>) -> Self {
        LinkError::Invalid {
            question: question.map(str::to_string),
            field: field.to_string(),
            reason: reason.into(),
        }
    }
}

/// At most this many characters of the link are quoted back in a message.
const QUOTE_CHARS: usize = 24;

/// A piece of the link for a message, shortened so a huge link cannot flood it.
pub(super) fn quote(text: &str) -> String {
    let mut short: String = text.chars().take(QUOTE_CHARS).collect();
    if text.chars().nth(QUOTE_CHARS).is_some() {
        short.push('…');
    }
    short
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => write!(f, "there is no shared question, drill or deck in this address"),
            LinkError::UnknownKind { kind } => write!(
                f,
                "`#{kind}=` is not a kind of link Interview Drill makes (it makes `#q=`, `#drill=` and `#deck=`)"
            ),
            LinkError::WrongPrefix { expected, found } => {
                write!(f, "this link should continue with {expected}, but it continues with `{found}`")
            }
            LinkError::UnknownVersion { version } => write!(
                f,
                "this deck link uses format {version}, which this version of Interview Drill does not know; it may come from a newer version"
            ),
            LinkError::Truncated { detail } => {
                write!(f, "the link is cut short ({detail}); copy the whole link again")
            }
            LinkError::BadEncoding { detail } => write!(f, "{detail}"),
            LinkError::Corrupt { detail } => write!(f, "the deck data is damaged ({detail})"),
            LinkError::TooLarge { limit } => write!(
                f,
                "the deck unpacks to more than {} KiB, the most a link may carry",
                limit / 1024
            ),
            LinkError::BadStructure { detail } => write!(f, "the link's content is not in the expected form: {detail}"),
            LinkError::LimitExceeded { detail } => write!(f, "{detail}"),
            LinkError::Invalid {
                question: Some(id),
                field,
                reason,
            } => write!(f, "question `{id}`, {field}: {reason}"),
            LinkError::Invalid {
                question: None,
                field,
                reason,
            } => write!(f, "the deck's {field}: {reason}"),
        }
    }
}

impl std::error::Error for LinkError {}
