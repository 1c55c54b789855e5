//! Whether a page's fragment may be a link, told without the link reader, so
//! that the guest build (which has none) knows to hand the page to the full
//! build. It errs towards yes: anything `share::parse_fragment` would not call
//! "not a link" is a link here (`tests/links.rs` checks the two agree).

/// Page anchors are short; anything longer goes to the link reader, which
/// refuses links over its own limit with a message.
const LONGEST_PLAIN_ANCHOR: usize = 4096;

pub fn may_be_link(fragment: &str) -> bool {
    if fragment.len() > LONGEST_PLAIN_ANCHOR {
        return true;
    }
    let fragment = fragment.trim();
    let after = fragment
        .split_once('#')
        .map_or(fragment, |(_, after)| after);
    // `=` or an encoded one; an anchor such as `#section-2` is neither.
    after.contains('=') || after.contains('%')
}
