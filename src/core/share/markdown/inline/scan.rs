//! The left-to-right scan of a line into inlines: escapes, code spans, links
//! and delimiter runs, before emphasis is resolved.

use super::emphasis::{resolve_emphasis, Delim, Item};
use super::source::Source;
use crate::core::rich::{safe_href, Inline};

pub(super) fn parse_inlines(text: &str, budget: usize, links: bool) -> Vec<Inline> {
    let source = Source::new(text);
    let bytes = text.as_bytes();
    let mut items = Vec::new();
    let mut pending = String::new();
    let flush = |pending: &mut String, items: &mut Vec<Item>| {
        if !pending.is_empty() {
            items.push(Item::Inline(Inline::Text(std::mem::take(pending))));
        }
    };
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => match text[i + 1..].chars().next() {
                Some('\n') => {
                    flush(&mut pending, &mut items);
                    items.push(Item::Inline(Inline::LineBreak));
                    i += 2;
                }
                Some(c) if c.is_ascii_punctuation() => {
                    pending.push(c);
                    i += 2;
                }
                _ => {
                    pending.push('\\');
                    i += 1;
                }
            },
            b'`' => {
                let n = source.run_len(i);
                if let Some(close) = source.closer(i + n, n) {
                    flush(&mut pending, &mut items);
                    let code = code_content(&text[i + n..close]);
                    items.push(Item::Inline(Inline::Code(code)));
                    i = close + n;
                } else {
                    pending.push_str(&text[i..i + n]);
                    i += n;
                }
            }
            b'*' | b'_' => {
                let n = source.run_len(i);
                flush(&mut pending, &mut items);
                items.push(Item::Delim(Delim::new(text, i, n)));
                i += n;
            }
            b'[' if links && budget > 0 => match source.link_at(i) {
                Some((close, href, end)) => {
                    if safe_href(&href).is_some() {
                        flush(&mut pending, &mut items);
                        let inner = parse_inlines(&text[i + 1..close], budget - 1, false);
                        items.push(Item::Inline(Inline::Link { href, text: inner }));
                    } else {
                        // Shown as written: the text and the refused URL, never a link.
                        pending.push_str(&text[i..end].replace('\n', " "));
                    }
                    i = end;
                }
                None => {
                    pending.push('[');
                    i += 1;
                }
            },
            b'\n' => {
                pending.push(' ');
                i += 1;
            }
            _ => {
                let next = bytes[i + 1..]
                    .iter()
                    .position(|b| matches!(b, b'\\' | b'`' | b'*' | b'_' | b'[' | b'\n'))
                    .map_or(bytes.len(), |p| i + 1 + p);
                pending.push_str(&text[i..next]);
                i = next;
            }
        }
    }
    flush(&mut pending, &mut items);
    resolve_emphasis(items, budget)
}

/// CommonMark strips one space from each side of `` ` a ` `` so code can
/// start or end with a backtick; line ends inside code are spaces.
fn code_content(raw: &str) -> String {
    let code = raw.replace('\n', " ");
    let strip = code.len() >= 2
        && code.starts_with(' ')
        && code.ends_with(' ')
        && code.bytes().any(|b| b != b' ');
    if strip {
        code[1..code.len() - 1].to_string()
    } else {
        code
    }
}
