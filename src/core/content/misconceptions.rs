//! The optional `## Misconceptions` section: wrong claims, the phrases that
//! reveal them, their corrections and the key point each contradicts.

use super::super::bank::Misconception;
use super::question::{Report, Section};
use super::sections::{
    check_count, inline, label_and_phrases, list_items, CORRECTION_CHARS, MISCONCEPTIONS,
};

/// `- Claim: phrase | phrase` with an indented `Correction:` line under it,
/// and optionally a `Contradicts:` line naming one of `labels`.
pub(super) fn parse_misconceptions(
    report: &mut Report<'_>,
    section: &Section<'_>,
    labels: &[&str],
) -> Option<Vec<Misconception>> {
    let items = list_items(report, section);
    let mut ok = check_count(
        report,
        section,
        "Misconceptions",
        items.len(),
        MISCONCEPTIONS,
    );
    let mut misconceptions = Vec::new();
    for item in items {
        let mut head = item.text.clone();
        let mut correction: Option<(usize, String)> = None;
        let mut contradicts: Option<(usize, String)> = None;
        for (number, more) in &item.continuation {
            if let Some(rest) = more.strip_prefix("Contradicts:") {
                contradicts = Some((*number, rest.trim().to_string()));
            } else if let Some(rest) = more.strip_prefix("Correction:") {
                correction = Some((*number, rest.trim().to_string()));
            } else if let Some((_, c)) = correction.as_mut() {
                c.push(' ');
                c.push_str(more);
            } else {
                head.push(' ');
                head.push_str(more);
            }
        }
        let Some((claim, phrases)) = label_and_phrases(&head) else {
            report.error(
                item.line,
                "a misconception is written `Wrong claim: phrase | phrase | ...`",
            );
            ok = false;
            continue;
        };
        if claim.is_empty() || phrases.is_empty() {
            report.error(
                item.line,
                "a misconception needs a claim and at least one phrase after the `:`",
            );
            ok = false;
            continue;
        }
        if let Some(short) = phrases.iter().find(|p| !p.contains(' ')) {
            report.error(
                item.line,
                format!(
                    "misconception phrase `{short}` is one word; a wrong claim is shown by words together, so a single word would flag right answers"
                ),
            );
            ok = false;
            continue;
        }
        let Some((correction_line, correction)) = correction.filter(|(_, c)| !c.is_empty()) else {
            report.error(
                item.line,
                "a misconception needs an indented `Correction:` line under it",
            );
            ok = false;
            continue;
        };
        let length = correction.chars().count();
        if length > CORRECTION_CHARS {
            report.error(
                correction_line,
                format!("the correction has {length} characters; keep it to one line of at most {CORRECTION_CHARS}"),
            );
            ok = false;
            continue;
        }
        if let Some((line, label)) = &contradicts {
            if !labels.contains(&label.as_str()) {
                report.error(
                    *line,
                    format!(
                        "`Contradicts:` names `{label}`, which is not a key point of this question"
                    ),
                );
                ok = false;
                continue;
            }
        }
        match inline(report, correction_line, &correction) {
            Some(correction) => misconceptions.push(Misconception {
                claim: claim.to_string(),
                phrases,
                correction,
                contradicts: contradicts.map(|(_, label)| label),
            }),
            None => ok = false,
        }
    }
    ok.then_some(misconceptions)
}
