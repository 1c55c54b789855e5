//! Whether a link is long enough that it may not survive being sent.
//!
//! Thresholds: above 2,000 characters some chat apps, SMS gateways and older
//! tools cut or refuse links (2,000 is the long-standing safe URL length, from
//! Internet Explorer's 2,083); above 8,000 many servers, proxies and link
//! previewers refuse them (8 KiB is a common request-line limit). The fragment
//! never reaches a server, but copies of the link pass through such tools.

pub const LONG_LINK_CHARS: usize = 2_000;
pub const VERY_LONG_LINK_CHARS: usize = 8_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkLength {
    Fine,
    /// Over `LONG_LINK_CHARS`: some chat apps may cut it.
    Long,
    /// Over `VERY_LONG_LINK_CHARS`: many tools will cut it; share fewer questions.
    VeryLong,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LengthCheck {
    pub chars: usize,
    pub verdict: LinkLength,
}

impl LengthCheck {
    /// A sentence for the learner, or none when the link is fine.
    pub fn advice(&self) -> Option<String> {
        match self.verdict {
            LinkLength::Fine => None,
            LinkLength::Long => Some(format!(
                "This link is {} characters long; some chat apps cut links over {LONG_LINK_CHARS}. Check that it opens after sending it.",
                self.chars
            )),
            LinkLength::VeryLong => Some(format!(
                "This link is {} characters long; many apps cut links over {VERY_LONG_LINK_CHARS}. Share fewer questions, or send the deck as a file.",
                self.chars
            )),
        }
    }
}

/// Checks a whole link (page address and fragment), counted in characters.
pub fn link_length(link: &str) -> LengthCheck {
    let chars = link.chars().count();
    let verdict = if chars > VERY_LONG_LINK_CHARS {
        LinkLength::VeryLong
    } else if chars > LONG_LINK_CHARS {
        LinkLength::Long
    } else {
        LinkLength::Fine
    };
    LengthCheck { chars, verdict }
}
