//! Rich text back to the Markdown subset, written so it parses to the same
//! values: every character the parser would read as markup is escaped.

use super::inline::parse_line;
use crate::core::rich::{Block, Inline};

/// Writes blocks (a model answer) as Markdown.
pub fn write_blocks(blocks: &[Block]) -> String {
    block_lines(blocks).join("\n")
}

/// Writes a single line (a prompt, a hint) as inline Markdown.
pub fn write_line(line: &[Inline]) -> String {
    write_checked(line, false)
}

/// Whether the writer can spell this text's emphasis so that it reads back
/// exactly. CommonMark's emphasis rules cannot spell every nesting (emphasis
/// ending in punctuation right before a letter, or two emphases side by side
/// before a letter, for some), and for those the writer drops the
/// paragraph's emphasis (`without_emphasis`) rather than write stray `*`s.
/// Ordinary text never needs this; about 1 in 10,000 strings made mostly of
/// `*`, `_` and punctuation does (see `tests/share.rs`). `in_blocks` says
/// whether the text is a paragraph of `write_blocks` (where a line may not
/// start with a list or quote marker) or a line of `write_line`.
pub fn spells_emphasis(inlines: &[Inline], in_blocks: bool) -> bool {
    spelled(inlines, in_blocks).is_some()
}

/// The inline text written with whichever choice of delimiters reads back
/// the same, if either does.
fn spelled(inlines: &[Inline], block: bool) -> Option<String> {
    [true, false].into_iter().find_map(|alternate| {
        let mut writer = InlineWriter::new(block, alternate);
        writer.inlines(inlines);
        (parse_line(&writer.out) == inlines).then_some(writer.out)
    })
}

/// Writes inline text so it reads back the same or, where CommonMark cannot
/// spell its emphasis, with the emphasis dropped: the words stay, and what is
/// written is stable from then on.
fn write_checked(inlines: &[Inline], block: bool) -> String {
    spelled(inlines, block).unwrap_or_else(|| {
        let mut writer = InlineWriter::new(block, false);
        writer.inlines(&without_emphasis(inlines));
        writer.out
    })
}

/// The same text with every emphasis and strong run unwrapped, neighbouring
/// texts joined: what the writer falls back to.
fn without_emphasis(inlines: &[Inline]) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for inline in inlines {
        let pieces = match inline {
            Inline::Emphasis(inner) | Inline::Strong(inner) => without_emphasis(inner),
            Inline::Link { href, text } => vec![Inline::Link {
                href: href.clone(),
                text: without_emphasis(text),
            }],
            other => vec![other.clone()],
        };
        for piece in pieces {
            match (out.last_mut(), piece) {
                (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
                (_, piece) => out.push(piece),
            }
        }
    }
    out
}

fn block_lines(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    let mut previous_list: Option<(bool, u8)> = None;
    for (n, block) in blocks.iter().enumerate() {
        if n > 0 {
            out.push(String::new());
        }
        let mut this_list = None;
        match block {
            Block::Paragraph(inlines) => {
                let text = write_checked(inlines, true);
                out.extend(text.split('\n').map(String::from));
            }
            Block::Code(code) => code_lines(code, &mut out),
            Block::Bullets(items) | Block::Numbered(items) => {
                let ordered = matches!(block, Block::Numbered(_));
                let (usual, other) = if ordered { (b'.', b')') } else { (b'-', b'*') };
                // A list right after a list of the same kind switches marker, or
                // the two would read back as one list.
                let byte = if previous_list == Some((ordered, usual)) {
                    other
                } else {
                    usual
                };
                list_lines(items, ordered, byte, &mut out);
                this_list = Some((ordered, byte));
            }
            Block::Quote(inner) => {
                let lines = block_lines(inner);
                if lines.is_empty() {
                    out.push(">".into());
                }
                out.extend(lines.into_iter().map(|line| {
                    if line.is_empty() {
                        ">".to_string()
                    } else {
                        format!("> {line}")
                    }
                }));
            }
        }
        previous_list = this_list;
    }
    out
}

fn list_lines(items: &[Vec<Block>], ordered: bool, byte: u8, out: &mut Vec<String>) {
    for (k, item) in items.iter().enumerate() {
        let marker = if ordered {
            format!("{}{}", k + 1, char::from(byte))
        } else {
            char::from(byte).to_string()
        };
        let indent = " ".repeat(marker.len() + 1);
        let lines = block_lines(item);
        let Some((first, rest)) = lines.split_first() else {
            out.push(marker);
            continue;
        };
        out.push(format!("{marker} {first}"));
        out.extend(rest.iter().map(|line| {
            if line.is_empty() {
                String::new()
            } else {
                format!("{indent}{line}")
            }
        }));
    }
}

fn code_lines(code: &str, out: &mut Vec<String>) {
    let fence = "`".repeat(longest_run(code, '`').max(2) + 1);
    out.push(fence.clone());
    if !code.is_empty() {
        let body = code.strip_suffix('\n').unwrap_or(code);
        out.extend(body.split('\n').map(String::from));
    }
    out.push(fence);
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c).map(str::len).max().unwrap_or(0)
}

struct InlineWriter {
    out: String,
    /// In a block, a line break starts a line where a list marker or a quote
    /// would be read.
    block: bool,
    line_start: bool,
    /// Whether rows of neighbouring emphases alternate `*` and `_`.
    alternate: bool,
}

impl InlineWriter {
    fn new(block: bool, alternate: bool) -> Self {
        InlineWriter {
            out: String::new(),
            block,
            line_start: true,
            alternate,
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        let marks = if self.alternate {
            emphasis_marks(inlines)
        } else {
            vec!['*'; inlines.len()]
        };
        for (inline, mark) in inlines.iter().zip(marks) {
            let at_start = self.block && std::mem::replace(&mut self.line_start, false);
            match inline {
                Inline::Text(text) => write_text(text, &mut self.out, at_start),
                Inline::Code(code) => write_code(code, &mut self.out),
                Inline::Emphasis(inner) => self.emphasis(inner, mark, 1),
                Inline::Strong(inner) => self.emphasis(inner, mark, 2),
                Inline::Link { href, text } => {
                    self.out.push('[');
                    self.inlines(text);
                    self.out.push_str("](");
                    for c in href.chars() {
                        if matches!(c, '\\' | '(' | ')' | '[' | ']' | '`') {
                            self.out.push('\\');
                        }
                        self.out.push(c);
                    }
                    self.out.push(')');
                }
                Inline::LineBreak => {
                    self.out.push_str("\\\n");
                    self.line_start = true;
                }
            }
        }
    }

    fn emphasis(&mut self, inner: &[Inline], mark: char, len: usize) {
        let run = mark.to_string().repeat(len);
        self.out.push_str(&run);
        self.inlines(inner);
        self.out.push_str(&run);
    }
}

/// The delimiter for each inline that is emphasis: `*`, except that in a row
/// of neighbouring emphases the delimiters alternate with `_`, or two `*` runs
/// would merge into one that CommonMark reads differently (`**a**_b_`, not
/// `**a***b*`). `_` touching a letter or digit is text, so the row starts with
/// `_` only if that fits both of its ends better. Nested emphasis shares runs
/// as people write it (`***a***`).
fn emphasis_marks(inlines: &[Inline]) -> Vec<char> {
    let is_emphasis = |i: &Inline| matches!(i, Inline::Emphasis(_) | Inline::Strong(_));
    let touches_word = |i: Option<&Inline>, last: bool| match i {
        Some(Inline::Text(t)) if last => t.chars().next_back().is_some_and(char::is_alphanumeric),
        Some(Inline::Text(t)) => t.chars().next().is_some_and(char::is_alphanumeric),
        _ => false,
    };
    let mut marks = vec!['*'; inlines.len()];
    let mut start = 0;
    while start < inlines.len() {
        let len = inlines[start..]
            .iter()
            .take_while(|i| is_emphasis(i))
            .count();
        if len > 1 {
            let word_before = start > 0 && touches_word(inlines.get(start - 1), true);
            let word_after = touches_word(inlines.get(start + len), false);
            // Starting with `*`, the row ends in `_` when its length is even.
            let star_first_fits = len % 2 == 1 || !word_after;
            let underscore_first_fits = !word_before && (len % 2 == 0 || !word_after);
            let offset = usize::from(!star_first_fits && underscore_first_fits);
            for (k, mark) in marks[start..start + len].iter_mut().enumerate() {
                *mark = if (k + offset) % 2 == 0 { '*' } else { '_' };
            }
        }
        start += len.max(1);
    }
    marks
}

fn write_text(text: &str, out: &mut String, at_line_start: bool) {
    let block_mark = if at_line_start {
        block_mark(text)
    } else {
        None
    };
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let before = k.checked_sub(1).and_then(|b| chars.get(b)).copied();
        let after = chars.get(k + 1).copied();
        let escape = match c {
            '`' | '*' | '[' | ']' => true,
            '\\' => after.is_none_or(|a| a.is_ascii_punctuation()),
            // Inside a word `_` is never emphasis, so snake_case stays readable.
            '_' => {
                !(before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric))
            }
            _ => Some(k) == block_mark,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// The character that would make this line a list item, quote or fence.
fn block_mark(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    match bytes.first()? {
        b'-' | b'+' | b'>' | b'~' => Some(0),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            matches!(bytes.get(digits), Some(b'.' | b')')).then_some(digits)
        }
        _ => None,
    }
}

fn write_code(code: &str, out: &mut String) {
    let ticks = "`".repeat(longest_run(code, '`') + 1);
    // The parser strips one space from each end, so a code span can start or
    // end with a backtick or a space.
    let pad = code.starts_with('`')
        || code.ends_with('`')
        || (code.starts_with(' ') && code.ends_with(' ') && code.bytes().any(|b| b != b' '));
    out.push_str(&ticks);
    if pad {
        out.push(' ');
    }
    out.push_str(code);
    if pad {
        out.push(' ');
    }
    out.push_str(&ticks);
}
