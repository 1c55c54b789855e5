//! How big a link may be, checked in this order so a hostile link costs little:
//! its length before anything is decoded, the output while it is inflated,
//! then the question count, then every field's length before any Markdown is
//! parsed.

use super::error::LinkError;
use super::wire::WireDeck;

/// Characters of encoded deck data (after `#deck=1.`). About 48 KiB of
/// compressed JSON: several hundred questions of typical size.
pub const MAX_PAYLOAD_CHARS: usize = 64 * 1024;
/// Bytes of JSON a link may inflate to; inflating stops there.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;
pub const MAX_QUESTIONS: usize = 200;
/// Characters (Unicode scalar values) in any one text field.
pub const MAX_FIELD_CHARS: usize = 10_000;

/// The question count and every field's length.
pub fn check(wire: &WireDeck) -> Result<(), LinkError> {
    if wire.questions.len() > MAX_QUESTIONS {
        return Err(LinkError::LimitExceeded {
            detail: format!(
                "the deck has {} questions; a link may carry at most {MAX_QUESTIONS}",
                wire.questions.len()
            ),
        });
    }
    let mut fields: Vec<(Option<&str>, &str, &str)> = vec![
        (None, "title", &wire.title),
        (None, "description", &wire.description),
    ];
    for topic in &wire.topics {
        fields.push((None, "topic slug", &topic.slug));
        fields.push((None, "topic title", &topic.title));
    }
    for q in &wire.questions {
        let id = Some(q.id.as_str());
        fields.extend([
            (None, "question id", q.id.as_str()),
            (id, "topic", &q.topic),
            (id, "prompt", &q.prompt),
            (id, "answer", &q.answer),
        ]);
        fields.extend(q.tags.iter().map(|t| (id, "tag", t.as_str())));
        for point in &q.key_points {
            fields.push((id, "key point label", &point.label));
            fields.extend(
                point
                    .phrases
                    .iter()
                    .map(|p| (id, "key point phrase", p.as_str())),
            );
        }
        for follow_up in &q.follow_ups {
            fields.push((id, "follow-up", &follow_up.prompt));
            fields.push((id, "follow-up hint", &follow_up.hint));
        }
        fields.extend(
            q.concerns
                .iter()
                .map(|c| (id, "failure mode or trade-off", c.text.as_str())),
        );
    }
    for (question, field, text) in fields {
        // Byte length bounds the character count, so most fields skip counting.
        if text.len() > MAX_FIELD_CHARS && text.chars().count() > MAX_FIELD_CHARS {
            let chars = text.chars().count();
            let place = question.map_or(String::new(), |id| {
                format!("question `{}`, ", super::error::quote(id))
            });
            return Err(LinkError::LimitExceeded {
                detail: format!(
                    "{place}{field}: {chars} characters; a field may have at most {MAX_FIELD_CHARS}"
                ),
            });
        }
    }
    Ok(())
}
