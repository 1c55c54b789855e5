//! Emphasis by CommonMark's delimiter-run rules: classifying runs of `*` and
//! `_`, and pairing them on a stack into emphasis and strong text.

use super::normalize::push_merged;
use crate::core::rich::Inline;

/// A run of `*` or `_`, as CommonMark classifies it.
pub(super) struct Delim {
    ch: char,
    count: usize,
    /// The run's length before any of it was used, for the rule of three.
    orig: usize,
    open: bool,
    close: bool,
}

impl Delim {
    pub(super) fn new(text: &str, at: usize, len: usize) -> Self {
        let ch = char::from(text.as_bytes()[at]);
        let before = text[..at].chars().next_back();
        let after = text[at + len..].chars().next();
        let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
        let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
        let left = !space(after) && (!punct(after) || space(before) || punct(before));
        let right = !space(before) && (!punct(before) || space(after) || punct(after));
        let (open, close) = if ch == '*' {
            (left, right)
        } else {
            // `_` never opens or closes inside a word: snake_case stays text.
            (
                left && (!right || punct(before)),
                right && (!left || punct(after)),
            )
        };
        Delim {
            ch,
            count: len,
            orig: len,
            open,
            close,
        }
    }

    fn literal(&self) -> Item {
        Item::Inline(Inline::Text(self.ch.to_string().repeat(self.count)))
    }

    /// CommonMark's rule of three: `*a**b*` is not `<em>a</em><em>b</em>`.
    fn can_pair(&self, closer: &Delim) -> bool {
        self.ch == closer.ch
            && !((self.close || closer.open)
                && (self.orig + closer.orig).is_multiple_of(3)
                && !(self.orig.is_multiple_of(3) && closer.orig.is_multiple_of(3)))
    }
}

pub(super) enum Item {
    Inline(Inline),
    Delim(Delim),
}

/// Pairs delimiter runs into emphasis, left to right. Everything after the
/// current closer is still unread, so wrapping only moves what sits above the
/// opener on the output stack.
pub(super) fn resolve_emphasis(items: Vec<Item>, budget: usize) -> Vec<Inline> {
    let mut out: Vec<Item> = Vec::with_capacity(items.len());
    // Positions in `out` of runs that may still open, bottom to top.
    let mut openers: Vec<usize> = Vec::new();
    // Per kind of closer, how many openers from the bottom were already refused.
    // Indexed by `bottom_slot`.
    let mut bottoms = [0usize; 12];
    for item in items {
        let mut closer = match item {
            Item::Delim(delim) if delim.close => delim,
            Item::Delim(delim) if delim.open => {
                openers.push(out.len());
                out.push(Item::Delim(delim));
                continue;
            }
            Item::Delim(delim) => {
                out.push(delim.literal());
                continue;
            }
            inline => {
                out.push(inline);
                continue;
            }
        };
        let slot = bottom_slot(&closer);
        while closer.count > 0 {
            let bottom = bottoms[slot].min(openers.len());
            let found = (bottom..openers.len()).rev().find(
                |&k| matches!(&out[openers[k]], Item::Delim(opener) if opener.can_pair(&closer)),
            );
            let Some(k) = found else {
                bottoms[slot] = openers.len();
                break;
            };
            let at = openers[k];
            let children = finish(out.drain(at + 1..).collect());
            openers.truncate(k + 1);
            let Some(Item::Delim(opener)) = out.last_mut() else {
                break;
            };
            let used = if opener.count >= 2 && closer.count >= 2 {
                2
            } else {
                1
            };
            opener.count -= used;
            closer.count -= used;
            if opener.count == 0 {
                out.pop();
                openers.pop();
            }
            for bottom in &mut bottoms {
                *bottom = (*bottom).min(openers.len());
            }
            if max_depth(&children) < budget {
                out.push(Item::Inline(if used == 2 {
                    Inline::Strong(children)
                } else {
                    Inline::Emphasis(children)
                }));
            } else {
                // Too deep to nest: the delimiters stay text.
                let marks = closer.ch.to_string().repeat(used);
                out.push(Item::Inline(Inline::Text(marks.clone())));
                out.extend(children.into_iter().map(Item::Inline));
                out.push(Item::Inline(Inline::Text(marks)));
            }
        }
        if closer.count > 0 {
            if closer.open {
                openers.push(out.len());
                out.push(Item::Delim(closer));
            } else {
                out.push(closer.literal());
            }
        }
    }
    finish(out)
}

/// Closers that share a slot share what CommonMark calls the openers bottom:
/// same character, same "can open", same length modulo 3.
fn bottom_slot(closer: &Delim) -> usize {
    usize::from(closer.ch == '_') * 6 + usize::from(closer.open) * 3 + closer.orig % 3
}

/// Unpaired delimiters become text; neighbouring texts join.
fn finish(items: Vec<Item>) -> Vec<Inline> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let inline = match item {
            Item::Inline(inline) => inline,
            Item::Delim(delim) => Inline::Text(delim.ch.to_string().repeat(delim.count)),
        };
        push_merged(&mut out, inline);
    }
    out
}

fn max_depth(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Emphasis(inner) | Inline::Strong(inner) => 1 + max_depth(inner),
            Inline::Link { text, .. } => 1 + max_depth(text),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}
