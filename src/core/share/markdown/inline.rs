//! Inline Markdown of the subset: escapes, code spans, links and emphasis.
//!
//! Emphasis uses CommonMark's delimiter-run rules (flanking, the rule of three)
//! on a stack, so nested and adjacent emphasis parse as people expect. Two
//! linear pre-passes (backtick runs, bracket pairs) keep hostile input from
//! making the scan quadratic.

use super::MAX_INLINE_DEPTH;
use crate::core::rich::{safe_href, Inline, Line};

/// A longer URL is not read as a link, which bounds the work a field full of
/// `[x](` openings can cause.
const MAX_HREF_BYTES: usize = 2048;

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

struct Source<'a> {
    text: &'a str,
    /// Every maximal run of backticks as (length, start), sorted.
    runs: Vec<(usize, usize)>,
    /// Each `[` outside code and escapes with its matching `]`, sorted.
    /// (Sorted vectors rather than hash maps: less code in the page.)
    brackets: Vec<(usize, usize)>,
}

impl<'a> Source<'a> {
    fn new(text: &'a str) -> Self {
        let mut source = Source {
            text,
            runs: backtick_runs(text),
            brackets: Vec::new(),
        };
        source.brackets = source.match_brackets();
        source
    }

    fn run_len(&self, at: usize) -> usize {
        let byte = self.text.as_bytes()[at];
        self.text.as_bytes()[at..]
            .iter()
            .take_while(|&&b| b == byte)
            .count()
    }

    /// The start of the first backtick run of exactly `len` at or after `from`.
    fn closer(&self, from: usize, len: usize) -> Option<usize> {
        let k = self.runs.partition_point(|&run| run < (len, from));
        self.runs
            .get(k)
            .filter(|(l, _)| *l == len)
            .map(|(_, start)| *start)
    }

    fn match_brackets(&self) -> Vec<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let mut open = Vec::new();
        let mut pairs = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
                b'`' => {
                    let n = self.run_len(i);
                    i = self.closer(i + n, n).map_or(i + n, |close| close + n);
                }
                b'[' => {
                    open.push(i);
                    i += 1;
                }
                b']' => {
                    if let Some(start) = open.pop() {
                        pairs.push((start, i));
                    }
                    i += 1;
                }
                _ => i += 1,
            }
        }
        pairs.sort_unstable();
        pairs
    }

    /// A link `[text](href)` opening at `open`: the `]`, the unescaped href and
    /// the end of the link. Hrefs hold no whitespace or control characters.
    fn link_at(&self, open: usize) -> Option<(usize, String, usize)> {
        let k = self
            .brackets
            .binary_search_by_key(&open, |&(o, _)| o)
            .ok()?;
        let close = self.brackets[k].1;
        let start = close + 2;
        if self.text.as_bytes().get(close + 1) != Some(&b'(') {
            return None;
        }
        let mut href = String::new();
        let mut depth = 0usize;
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if k > MAX_HREF_BYTES {
                return None;
            }
            match c {
                '\\' => match chars.peek() {
                    Some(&(_, next)) if next.is_ascii_punctuation() => {
                        href.push(next);
                        chars.next();
                    }
                    _ => href.push('\\'),
                },
                ')' if depth == 0 => return Some((close, href, start + k + 1)),
                ')' => {
                    depth -= 1;
                    href.push(c);
                }
                '(' => {
                    depth += 1;
                    href.push(c);
                }
                c if c.is_whitespace() || c.is_control() => return None,
                c => href.push(c),
            }
        }
        None
    }
}

fn backtick_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let start = i;
            while bytes.get(i) == Some(&b'`') {
                i += 1;
            }
            runs.push((i - start, start));
        } else {
            i += 1;
        }
    }
    runs.sort_unstable();
    runs
}

/// A run of `*` or `_`, as CommonMark classifies it.
struct Delim {
    ch: char,
    count: usize,
    /// The run's length before any of it was used, for the rule of three.
    orig: usize,
    open: bool,
    close: bool,
}

impl Delim {
    fn new(text: &str, at: usize, len: usize) -> Self {
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

enum Item {
    Inline(Inline),
    Delim(Delim),
}

fn parse_inlines(text: &str, budget: usize, links: bool) -> Vec<Inline> {
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

/// Pairs delimiter runs into emphasis, left to right. Everything after the
/// current closer is still unread, so wrapping only moves what sits above the
/// opener on the output stack.
fn resolve_emphasis(items: Vec<Item>, budget: usize) -> Vec<Inline> {
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

/// One spelling for each look. Emphasis inside emphasis (and strong inside
/// strong) is unwrapped, and strong around only emphasis becomes emphasis
/// around strong. These render alike, and Markdown
/// cannot tell them apart (`**a**` is strong, not emphasis in emphasis), so
/// with one spelling, written text parses back to the same values.
pub(super) fn normalize(inlines: Vec<Inline>) -> Vec<Inline> {
    normalize_in(inlines, false, false)
}

fn normalize_in(inlines: Vec<Inline>, in_em: bool, in_strong: bool) -> Vec<Inline> {
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Emphasis(inner) if in_em => {
                for i in normalize_in(inner, in_em, in_strong) {
                    push_merged(&mut out, i);
                }
            }
            Inline::Strong(inner) if in_strong => {
                for i in normalize_in(inner, in_em, in_strong) {
                    push_merged(&mut out, i);
                }
            }
            Inline::Emphasis(inner) => push_merged(
                &mut out,
                Inline::Emphasis(normalize_in(inner, true, in_strong)),
            ),
            Inline::Strong(inner) => {
                push_merged(&mut out, strong(normalize_in(inner, in_em, true)))
            }
            Inline::Link { href, text } => push_merged(
                &mut out,
                Inline::Link {
                    href,
                    text: normalize_in(text, in_em, in_strong),
                },
            ),
            other => push_merged(&mut out, other),
        }
    }
    out
}

fn strong(children: Vec<Inline>) -> Inline {
    match <[Inline; 1]>::try_from(children) {
        Ok([Inline::Emphasis(inner)]) => Inline::Emphasis(vec![Inline::Strong(inner)]),
        Ok([other]) => Inline::Strong(vec![other]),
        Err(children) => Inline::Strong(children),
    }
}

fn push_merged(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (_, Inline::Text(text)) if text.is_empty() => {}
        (_, Inline::Emphasis(inner) | Inline::Strong(inner)) if inner.is_empty() => {}
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => out.push(inline),
    }
}
