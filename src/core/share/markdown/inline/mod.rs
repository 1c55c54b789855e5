//! Inline Markdown of the subset: escapes, code spans, links and emphasis.
//!
//! Emphasis uses CommonMark's delimiter-run rules (flanking, the rule of three)
//! on a stack, so nested and adjacent emphasis parse as people expect. Two
//! linear pre-passes (backtick runs, bracket pairs) keep hostile input from
//! making the scan quadratic.

mod emphasis;
mod normalize;
mod scan;
mod source;

use super::MAX_INLINE_DEPTH;
use crate::core::rich::Line;
pub(super) use normalize::normalize;
use scan::parse_inlines;

/// Parses a single line of inline Markdown (a prompt, a hint, a trade-off).
/// Line ends are spaces, blank lines are ignored, and `\` at a line end breaks.
pub fn parse_line(text: &str) -> Line {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    parse_paragraph(&lines)
}

/// Parses the trimmed lines of one paragraph.
pub(super) fn parse_paragraph(lines: &[&str]) -> Line {
    normalize(parse_inlines(&lines.join("\n"), MAX_INLINE_DEPTH, true))
}
