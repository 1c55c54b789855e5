//! The Markdown subset of shared decks, read and written in the page.
//!
//! Built-in content is parsed by pulldown-cmark at build time, but a deck that
//! arrives in a link is parsed in the page, and pulldown-cmark there would cost
//! about 57 KB brotli. This subset parser is a few hundred lines and produces
//! the same `rich::Block`/`Inline` values the renderer already draws.
//!
//! The subset (part of link format 1, so its rules are frozen with it):
//! - paragraphs separated by blank lines; lines of a paragraph join with a space,
//!   and a line ending in `\` breaks the line;
//! - `- `, `* `, `+ ` bullet lists and `1. ` / `1) ` numbered lists, nested by
//!   indenting to the item's text; a change of bullet character or of number
//!   delimiter starts a new list;
//! - fenced code blocks (three or more backticks or tildes);
//! - `> ` quotes (every line of a quote starts with `>`);
//! - inline `code`, *em*, _em_, **strong**, [text](url), and `\` escaping any
//!   ASCII punctuation. Emphasis follows CommonMark's delimiter rules.
//!
//! Everything else is text: raw HTML such as `<script>` is shown as written,
//! headings are text starting with `#`. A link whose URL is not http, https or
//! mailto (`rich::safe_href`) keeps its text and loses its URL, so a decoded
//! deck never carries a `javascript:` or `data:` href. Lists and quotes nest at
//! most `MAX_BLOCK_DEPTH` deep and emphasis and links `MAX_INLINE_DEPTH` deep;
//! deeper markers stay text, so hostile input cannot overflow the stack of the
//! parser or the renderer.
//!
//! `write_blocks` and `write_line` turn rich text back into this subset, so a
//! question from the built-in bank can be put in a link, and a decoded deck can
//! be shared again: for any text, parsing what was written from a parse gives
//! the same parse.

mod blocks;
mod inline;
mod write;

pub use blocks::parse_blocks;
pub use inline::parse_line;
pub use write::{spells_emphasis, write_blocks, write_line};

/// How deep lists and quotes may nest.
pub const MAX_BLOCK_DEPTH: usize = 8;
/// How deep emphasis, strong text and links may nest.
pub const MAX_INLINE_DEPTH: usize = 8;
