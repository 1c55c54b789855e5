//! One spelling for each look: the normal form of parsed inlines.

use crate::core::rich::Inline;

/// One spelling for each look. Emphasis inside emphasis (and strong inside
/// strong) is unwrapped, and strong around only emphasis becomes emphasis
/// around strong. These render alike, and Markdown
/// cannot tell them apart (`**a**` is strong, not emphasis in emphasis), so
/// with one spelling, written text parses back to the same values.
pub(in super::super) fn normalize(inlines: Vec<Inline>) -> Vec<Inline> {
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

pub(super) fn push_merged(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (_, Inline::Text(text)) if text.is_empty() => {}
        (_, Inline::Emphasis(inner) | Inline::Strong(inner)) if inner.is_empty() => {}
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => out.push(inline),
    }
}
