//! Ids a written question gets from its prompt: slugs and free suffixes.

/// Longest id derived from a prompt, before a `-2`-style suffix.
pub const MAX_SLUG_CHARS: usize = 48;

/// An id from a prompt: lowercase ASCII letters and digits, other runs of
/// characters turned into one `-`, cut at a word boundary to at most
/// `MAX_SLUG_CHARS`. A prompt with too few such characters gives `question`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_SLUG_CHARS {
        let cut = &out[..=MAX_SLUG_CHARS];
        // Cut at the last word boundary, unless that leaves too little.
        let end = match cut.rfind('-') {
            Some(i) if i >= MAX_SLUG_CHARS / 2 => i,
            _ => MAX_SLUG_CHARS,
        };
        out.truncate(end);
    }
    let out = out.trim_matches('-');
    if out.len() < 3 {
        "question".into()
    } else {
        out.to_string()
    }
}

/// `base`, or `base-2`, `base-3`… : the first that is not taken, always a
/// valid id when `base` is one.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    let mut n: usize = 2;
    loop {
        let suffix = format!("-{n}");
        let room = 64usize.saturating_sub(suffix.len());
        let stem = base.get(..base.len().min(room)).unwrap_or(base);
        let candidate = format!("{}{suffix}", stem.trim_end_matches('-'));
        if !taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}
