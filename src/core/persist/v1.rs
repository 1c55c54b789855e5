//! Format 1: one `progress` key per namespace, written by the first release.
//! Read only: it migrates into a `Ledger`, and compaction folds it into `base`.

use serde::Deserialize;

use super::{field, stamped_settings, unknown_fields, Fields, LoadError};
use crate::core::ledger::Ledger;
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};
use crate::core::time::Moment;

const KNOWN: [&str; 5] = ["app", "v", "writer", "reviews", "settings"];

#[derive(Deserialize)]
struct ReviewV1 {
    #[allow(dead_code)]
    id: String,
    deck: String,
    q: String,
    g: u8,
    /// Unix milliseconds.
    t: i64,
    tz: i32,
    #[serde(default)]
    k: Option<String>,
}

#[derive(Deserialize)]
struct SettingsV1 {
    retention: f64,
    new_per_day: u32,
}

pub(super) fn decode(fields: Fields) -> Result<Ledger, LoadError> {
    let reviews: Vec<ReviewV1> = field(&fields, "reviews").map_err(LoadError::WrongShape)?;
    let mut ledger = Ledger::default();
    for r in reviews {
        let grade = Grade::from_number(r.g)
            .ok_or_else(|| LoadError::WrongShape(format!("review `{}` has grade {}", r.id, r.g)))?;
        ledger.reviews.insert(Review {
            at: Moment::new(r.t, r.tz),
            card: CardKey {
                deck: r.deck,
                question: r.q,
            },
            grade,
            kind: if r.k.as_deref() == Some("c") {
                ReviewKind::Cram
            } else {
                ReviewKind::Scheduled
            },
        });
    }
    if fields.contains_key("settings") {
        let s: SettingsV1 = field(&fields, "settings").map_err(LoadError::WrongShape)?;
        // Format 1 did not record when; any later choice wins.
        ledger.settings = Some(stamped_settings(s.retention, s.new_per_day, 0));
    }
    ledger.extra = unknown_fields(fields, &KNOWN);
    Ok(ledger)
}
