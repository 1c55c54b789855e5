//! Markdown to rich text, at build time.
//!
//! pulldown-cmark turns the text into events; a small stack machine folds them
//! into `Block`s and `Inline`s. Anything the page could not render safely (raw
//! HTML, images, headings, links that are not http, https or mailto) is an error
//! with the byte offset where it starts, so the author sees the exact line.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::super::rich::{safe_href, Block, Inline, Line};

/// A problem at a byte offset of the Markdown text.
#[derive(Debug, PartialEq, Eq)]
pub struct MarkdownError {
    pub offset: usize,
    pub message: String,
}

enum Frame {
    /// Holds blocks; inline content that arrives without a paragraph (tight list
    /// items) gathers in `loose` until the next block or the end.
    Container {
        quote: bool,
        blocks: Vec<Block>,
        loose: Vec<Inline>,
    },
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    Span {
        kind: SpanKind,
        children: Vec<Inline>,
    },
    Code(String),
}

enum SpanKind {
    Paragraph,
    Emphasis,
    Strong,
    Link(String),
}

/// Parses a Markdown section into blocks.
pub fn parse_blocks(text: &str) -> Result<Vec<Block>, Vec<MarkdownError>> {
    let mut builder = Builder {
        stack: vec![Frame::Container {
            quote: false,
            blocks: Vec::new(),
            loose: Vec::new(),
        }],
        errors: Vec::new(),
    };
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        builder.event(event, range.start);
    }
    let blocks = match builder.stack.pop() {
        Some(Frame::Container {
            mut blocks, loose, ..
        }) if builder.stack.is_empty() => {
            flush_loose(&mut blocks, loose);
            blocks
        }
        _ => {
            builder.fail(text.len(), "unbalanced Markdown structure");
            Vec::new()
        }
    };
    if builder.errors.is_empty() {
        Ok(blocks)
    } else {
        Err(builder.errors)
    }
}

/// Parses one line of Markdown (a prompt, a hint) into inline rich text.
pub fn parse_line(text: &str) -> Result<Line, Vec<MarkdownError>> {
    let blocks = parse_blocks(text)?;
    match blocks.as_slice() {
        [Block::Paragraph(inlines)] => Ok(inlines.clone()),
        [] => Err(vec![MarkdownError {
            offset: 0,
            message: "empty text".into(),
        }]),
        _ => Err(vec![MarkdownError {
            offset: 0,
            message: "expected a single line of text, found Markdown blocks".into(),
        }]),
    }
}

struct Builder {
    stack: Vec<Frame>,
    errors: Vec<MarkdownError>,
}

impl Builder {
    fn fail(&mut self, offset: usize, message: &str) {
        self.errors.push(MarkdownError {
            offset,
            message: message.to_string(),
        });
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag, offset),
            Event::Text(text) => {
                if let Some(Frame::Code(code)) = self.stack.last_mut() {
                    code.push_str(&text);
                } else {
                    self.push_inline(Inline::Text(text.into_string()));
                }
            }
            Event::Code(code) => self.push_inline(Inline::Code(code.into_string())),
            Event::SoftBreak => self.push_inline(Inline::Text(" ".into())),
            Event::HardBreak => self.push_inline(Inline::LineBreak),
            Event::Html(_) | Event::InlineHtml(_) => {
                self.fail(offset, "raw HTML is not allowed; write Markdown instead")
            }
            Event::Rule => self.fail(offset, "horizontal rules are not supported"),
            _ => self.fail(offset, "unsupported Markdown"),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let frame = match tag {
            Tag::Paragraph => span(SpanKind::Paragraph),
            Tag::Emphasis => span(SpanKind::Emphasis),
            Tag::Strong => span(SpanKind::Strong),
            Tag::Link { dest_url, .. } => {
                if safe_href(&dest_url).is_none() {
                    self.fail(
                        offset,
                        &format!("link `{dest_url}` must be an absolute http, https or mailto URL"),
                    );
                }
                span(SpanKind::Link(dest_url.into_string()))
            }
            Tag::List(first) => Frame::List {
                ordered: first.is_some(),
                items: Vec::new(),
            },
            Tag::Item => container(false),
            Tag::BlockQuote(_) => container(true),
            Tag::CodeBlock(_) => Frame::Code(String::new()),
            Tag::Image { .. } => {
                self.fail(offset, "images are not supported");
                span(SpanKind::Emphasis)
            }
            // The HTML events inside are reported; the block itself needs no second error.
            Tag::HtmlBlock => span(SpanKind::Emphasis),
            Tag::Heading { .. } => {
                self.fail(offset, "headings are not allowed inside a section");
                span(SpanKind::Paragraph)
            }
            _ => {
                self.fail(offset, "unsupported Markdown");
                span(SpanKind::Emphasis)
            }
        };
        self.stack.push(frame);
    }

    fn end(&mut self, tag: TagEnd, offset: usize) {
        let Some(frame) = self.stack.pop() else {
            self.fail(offset, "unbalanced Markdown structure");
            return;
        };
        match (tag, frame) {
            (TagEnd::Paragraph | TagEnd::Heading(_), Frame::Span { children, .. }) => {
                self.push_block(Block::Paragraph(children))
            }
            (TagEnd::Image, Frame::Span { .. }) => {}
            (_, Frame::Span { kind, children }) => match kind {
                SpanKind::Emphasis => self.push_inline(Inline::Emphasis(children)),
                SpanKind::Strong => self.push_inline(Inline::Strong(children)),
                SpanKind::Link(href) => self.push_inline(Inline::Link {
                    href,
                    text: children,
                }),
                SpanKind::Paragraph => self.push_block(Block::Paragraph(children)),
            },
            (_, Frame::List { ordered, items }) => self.push_block(if ordered {
                Block::Numbered(items)
            } else {
                Block::Bullets(items)
            }),
            (
                _,
                Frame::Container {
                    quote,
                    mut blocks,
                    loose,
                },
            ) => {
                flush_loose(&mut blocks, loose);
                if quote {
                    self.push_block(Block::Quote(blocks));
                } else if let Some(Frame::List { items, .. }) = self.stack.last_mut() {
                    items.push(blocks);
                } else {
                    self.fail(offset, "list item outside a list");
                }
            }
            (_, Frame::Code(code)) => self.push_block(Block::Code(code)),
        }
    }

    fn push_inline(&mut self, inline: Inline) {
        let target = match self.stack.last_mut() {
            Some(Frame::Span { children, .. }) => children,
            Some(Frame::Container { loose, .. }) => loose,
            _ => return,
        };
        // pulldown-cmark splits text at some punctuation; join neighbours so the
        // rendered DOM has one text node per run.
        if let (Some(Inline::Text(last)), Inline::Text(next)) = (target.last_mut(), &inline) {
            last.push_str(next);
        } else {
            target.push(inline);
        }
    }

    fn push_block(&mut self, block: Block) {
        if let Some(Frame::Container { blocks, loose, .. }) = self.stack.last_mut() {
            flush_loose(blocks, std::mem::take(loose));
            blocks.push(block);
        }
    }
}

fn span(kind: SpanKind) -> Frame {
    Frame::Span {
        kind,
        children: Vec::new(),
    }
}

fn container(quote: bool) -> Frame {
    Frame::Container {
        quote,
        blocks: Vec::new(),
        loose: Vec::new(),
    }
}

fn flush_loose(blocks: &mut Vec<Block>, loose: Vec<Inline>) {
    if !loose.is_empty() {
        blocks.push(Block::Paragraph(loose));
    }
}
