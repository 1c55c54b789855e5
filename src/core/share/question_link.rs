//! `#q=<deck id>/<question id>`: a link to one question of a deck.

use super::error::{quote, LinkError};
use crate::core::bank::is_valid_id;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionLink {
    pub deck: String,
    pub question: String,
}

/// The fragment that opens one question. Ids are slugs, so nothing needs
/// encoding.
pub fn question_link(deck: &str, question: &str) -> String {
    format!("#q={deck}/{question}")
}

pub fn parse(body: &str) -> Result<QuestionLink, LinkError> {
    let Some((deck, question)) = body.split_once('/') else {
        return Err(LinkError::WrongPrefix {
            expected: "a deck id, `/` and a question id",
            found: quote(body),
        });
    };
    for (what, id) in [("deck", deck), ("question", question)] {
        if !is_valid_id(id) {
            return Err(LinkError::BadStructure {
                detail: format!(
                    "`{}` is not a {what} id (3 to 64 characters of a-z, 0-9 and `-`)",
                    quote(id)
                ),
            });
        }
    }
    Ok(QuestionLink {
        deck: deck.to_string(),
        question: question.to_string(),
    })
}
