//! Format 1: one `progress` key per namespace, written by the first release.
//! Read only: it migrates into a `Ledger`, and compaction folds it into `base`.

use super::{stamped_settings, Fields, LoadError};
use crate::core::ledger::Ledger;
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};
use crate::core::time::Moment;

const KNOWN: [&str; 5] = ["app", "v", "writer", "reviews", "settings"];

pub(super) fn decode(fields: &Fields) -> Result<Ledger, LoadError> {
    let mut ledger = Ledger::default();
    let reviews = fields
        .each("reviews", |r| {
            let id = r.string("id")?;
            let g: u8 = r.integer("g")?;
            let grade =
                Grade::from_number(g).ok_or_else(|| format!("review `{id}` has grade {g}"))?;
            Ok(Review {
                // Unix milliseconds.
                at: Moment::new(r.integer("t")?, r.integer("tz")?),
                card: CardKey {
                    deck: r.string("deck")?,
                    question: r.string("q")?,
                },
                grade,
                kind: if r.optional_string("k")?.as_deref() == Some("c") {
                    ReviewKind::Cram
                } else {
                    ReviewKind::Scheduled
                },
            })
        })
        .map_err(LoadError::WrongShape)?;
    ledger.reviews.extend(reviews);
    if fields.get("settings").is_some() {
        let s = fields.object("settings").map_err(LoadError::WrongShape)?;
        let read =
            || -> Result<_, String> { Ok((s.number("retention")?, s.integer("new_per_day")?)) };
        let (retention, new_per_day) =
            read().map_err(|e| LoadError::WrongShape(format!("`settings`: {e}")))?;
        // Format 1 did not record when; any later choice wins.
        ledger.settings = Some(stamped_settings(retention, new_per_day, 0));
    }
    ledger.extra = fields.unknown(&KNOWN);
    Ok(ledger)
}
