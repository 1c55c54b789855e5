//! Block Markdown of the subset: paragraphs, lists, fenced code and quotes,
//! read line by line.

use super::inline::parse_paragraph;
use super::MAX_BLOCK_DEPTH;
use crate::core::rich::Block;

/// Parses Markdown text (a model answer) into blocks. Never fails: anything
/// outside the subset is text.
pub fn parse_blocks(text: &str) -> Vec<Block> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').collect();
    blocks(&lines, 0)
}

fn blocks(lines: &[&str], depth: usize) -> Vec<Block> {
    let nest = depth < MAX_BLOCK_DEPTH;
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_blank(line) {
            i += 1;
        } else if let Some(fence) = Fence::open(line) {
            let (code, next) = fence.read(lines, i + 1);
            out.push(Block::Code(code));
            i = next;
        } else if let Some(marker) = Marker::parse(line).filter(|_| nest) {
            let (items, next) = list(lines, i, marker, depth);
            out.push(if marker.ordered {
                Block::Numbered(items)
            } else {
                Block::Bullets(items)
            });
            i = next;
        } else if nest && quote_rest(line).is_some() {
            let mut inner = Vec::new();
            while let Some(rest) = lines.get(i).and_then(|l| quote_rest(l)) {
                inner.push(rest);
                i += 1;
            }
            out.push(Block::Quote(blocks(&inner, depth + 1)));
        } else {
            let mut paragraph = vec![line.trim()];
            i += 1;
            while let Some(next) = lines
                .get(i)
                .filter(|l| !is_blank(l) && !starts_block(l, nest))
            {
                paragraph.push(next.trim());
                i += 1;
            }
            let inlines = parse_paragraph(&paragraph);
            if !inlines.is_empty() {
                out.push(Block::Paragraph(inlines));
            }
        }
    }
    out
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn leading_spaces(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// Whether a line ends a paragraph by opening another block.
fn starts_block(line: &str, nest: bool) -> bool {
    Fence::open(line).is_some()
        || (nest && (Marker::parse(line).is_some() || quote_rest(line).is_some()))
}

fn quote_rest(line: &str) -> Option<&str> {
    let indent = leading_spaces(line);
    let rest = line.get(indent..)?.strip_prefix('>')?;
    (indent <= 3).then(|| rest.strip_prefix(' ').unwrap_or(rest))
}

/// An opening code fence: three or more backticks or tildes.
struct Fence {
    byte: u8,
    len: usize,
    indent: usize,
}

impl Fence {
    fn open(line: &str) -> Option<Fence> {
        let indent = leading_spaces(line);
        let rest = line.get(indent..)?;
        let byte = *rest.as_bytes().first()?;
        let len = rest.bytes().take_while(|&b| b == byte).count();
        let fence = (byte == b'`' || byte == b'~') && len >= 3 && indent <= 3;
        // As in CommonMark, a backtick fence's info text has no backticks, so a
        // line starting with a long code span is not a fence.
        let info_ok = byte != b'`' || !rest[len..].contains('`');
        (fence && info_ok).then_some(Fence { byte, len, indent })
    }

    fn closes(&self, line: &str) -> bool {
        let indent = leading_spaces(line);
        let rest = &line[indent..];
        let run = rest.bytes().take_while(|&b| b == self.byte).count();
        indent <= 3 && run >= self.len && rest[run..].trim().is_empty()
    }

    /// The code up to the closing fence (or the end), and the line after it.
    fn read(&self, lines: &[&str], from: usize) -> (String, usize) {
        let mut code = String::new();
        for (i, line) in lines.iter().enumerate().skip(from) {
            if self.closes(line) {
                return (code, i + 1);
            }
            code.push_str(&line[leading_spaces(line).min(self.indent)..]);
            code.push('\n');
        }
        (code, lines.len())
    }
}

/// A list item's marker: `-`, `*`, `+`, or up to nine digits and `.` or `)`.
#[derive(Clone, Copy)]
struct Marker {
    ordered: bool,
    /// The bullet character, or the delimiter after the number.
    byte: u8,
    /// The column where the item's text starts; continuation lines indent to it.
    width: usize,
}

impl Marker {
    fn parse(line: &str) -> Option<Marker> {
        let indent = leading_spaces(line);
        let bytes = line.as_bytes();
        let (ordered, byte, end) = match *bytes.get(indent)? {
            b @ (b'-' | b'*' | b'+') => (false, b, indent + 1),
            b'0'..=b'9' => {
                let digits = bytes[indent..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                let delimiter = *bytes.get(indent + digits)?;
                if digits > 9 || !matches!(delimiter, b'.' | b')') {
                    return None;
                }
                (true, delimiter, indent + digits + 1)
            }
            _ => return None,
        };
        let spaces = bytes[end..].iter().take_while(|&&b| b == b' ').count();
        let empty = end + spaces == bytes.len();
        if indent > 3 || (spaces == 0 && !empty) {
            return None;
        }
        let width = if empty || spaces > 4 {
            end + 1
        } else {
            end + spaces
        };
        Some(Marker {
            ordered,
            byte,
            width,
        })
    }

    fn same_list(&self, other: &Marker) -> bool {
        self.ordered == other.ordered && self.byte == other.byte
    }
}

/// Reads the items of one list; returns them and the first line after it.
fn list(lines: &[&str], start: usize, first: Marker, depth: usize) -> (Vec<Vec<Block>>, usize) {
    let mut items = Vec::new();
    let mut i = start;
    let mut marker = first;
    loop {
        let mut content = vec![lines[i].get(marker.width..).unwrap_or("")];
        let mut fence = Fence::open(content[0]);
        let mut after_blank = false;
        i += 1;
        while let Some(&line) = lines.get(i) {
            let text = if is_blank(line) {
                ""
            } else if leading_spaces(line) >= marker.width {
                &line[marker.width..]
            } else if !after_blank && fence.is_none() && !starts_block(line, true) {
                // A lazy continuation line of the item's paragraph.
                line.trim_start()
            } else {
                break;
            };
            after_blank = text.is_empty();
            fence = match fence {
                Some(open) if open.closes(text) => None,
                Some(open) => Some(open),
                None => Fence::open(text),
            };
            content.push(text);
            i += 1;
        }
        items.push(blocks(&content, depth + 1));
        match lines.get(i).and_then(|l| Marker::parse(l)) {
            Some(next) if next.same_list(&first) => marker = next,
            _ => return (items, i),
        }
    }
}
