//! Renders rich text as real elements. Text is always text: no HTML string
//! ever reaches the DOM, and only http, https and mailto links become links.

use yew::prelude::*;

use crate::core::rich::{safe_href, Block, Inline};

pub fn blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(inlines) => html! { <p>{ line(inlines) }</p> },
        Block::Bullets(items) => {
            html! { <ul>{ for items.iter().map(|item| html! { <li>{ blocks(item) }</li> }) }</ul> }
        }
        Block::Numbered(items) => {
            html! { <ol>{ for items.iter().map(|item| html! { <li>{ blocks(item) }</li> }) }</ol> }
        }
        Block::Code(code) => html! { <pre tabindex="0"><code>{ code.clone() }</code></pre> },
        Block::Quote(inner) => html! { <blockquote>{ blocks(inner) }</blockquote> },
    }
}

pub fn line(inlines: &[Inline]) -> Html {
    inlines.iter().map(inline).collect()
}

fn inline(inline: &Inline) -> Html {
    match inline {
        Inline::Text(text) => html! { { text.clone() } },
        Inline::Emphasis(inner) => html! { <em>{ line(inner) }</em> },
        Inline::Strong(inner) => html! { <strong>{ line(inner) }</strong> },
        Inline::Code(code) => html! { <code>{ code.clone() }</code> },
        Inline::Link { href, text } => match safe_href(href) {
            Some(href) => html! {
                <a href={href.to_string()} target="_blank" rel="noopener noreferrer nofollow">{ line(text) }</a>
            },
            None => line(text),
        },
        Inline::LineBreak => html! { <br /> },
    }
}
