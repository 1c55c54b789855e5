//! The writer: strings escaped as serde_json escapes them, objects member
//! by member, and retention's hundredths without float printing.

/// Writes `text` as a JSON string, escaped as serde_json escapes it.
pub fn push_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON object written member by member, in the order given.
pub struct ObjectWriter {
    out: String,
}

impl ObjectWriter {
    pub fn new() -> Self {
        Self {
            out: String::from("{"),
        }
    }

    /// Adds a member whose value is already JSON text.
    pub fn raw(&mut self, name: &str, json: &str) -> &mut Self {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        push_string(&mut self.out, name);
        self.out.push(':');
        self.out.push_str(json);
        self
    }

    pub fn string(&mut self, name: &str, value: &str) -> &mut Self {
        let mut json = String::new();
        push_string(&mut json, value);
        self.raw(name, &json)
    }

    pub fn integer(&mut self, name: &str, value: i64) -> &mut Self {
        self.raw(name, &value.to_string())
    }

    pub fn finish(&mut self) -> String {
        let mut out = std::mem::take(&mut self.out);
        out.push('}');
        out
    }
}

impl Default for ObjectWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// A number of hundredths written as serde_json writes the nearest `f64`
/// (`0.9`, `0.85`, `1.0`), with no float printing.
pub fn hundredths(value: f64) -> String {
    let n = (value * 100.0).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    let (whole, fraction) = (n / 100, n % 100);
    match fraction {
        0 => format!("{sign}{whole}.0"),
        f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
        f => format!("{sign}{whole}.{f:02}"),
    }
}
