//! Linear pre-passes over a line: backtick runs, matched brackets, and the
//! `[text](href)` links they allow.

/// A longer URL is not read as a link, which bounds the work a field full of
/// `[x](` openings can cause.
const MAX_HREF_BYTES: usize = 2048;

pub(super) struct Source<'a> {
    text: &'a str,
    /// Every maximal run of backticks as (length, start), sorted.
    runs: Vec<(usize, usize)>,
    /// Each `[` outside code and escapes with its matching `]`, sorted.
    /// (Sorted vectors rather than hash maps: less code in the page.)
    brackets: Vec<(usize, usize)>,
}

impl<'a> Source<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let mut source = Source {
            text,
            runs: backtick_runs(text),
            brackets: Vec::new(),
        };
        source.brackets = source.match_brackets();
        source
    }

    pub(super) fn run_len(&self, at: usize) -> usize {
        let byte = self.text.as_bytes()[at];
        self.text.as_bytes()[at..]
            .iter()
            .take_while(|&&b| b == byte)
            .count()
    }

    /// The start of the first backtick run of exactly `len` at or after `from`.
    pub(super) fn closer(&self, from: usize, len: usize) -> Option<usize> {
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
    pub(super) fn link_at(&self, open: usize) -> Option<(usize, String, usize)> {
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
