//! The share-link reader on any input: it never panics, and a deck it opens
//! is valid, carries only safe links, and can be shared again stably.
//!
//! The first byte picks how the rest is used, so the fuzzer reaches every
//! stage: as a whole fragment, as the compressed bytes of a deck link, or as
//! the JSON inside one.
#![no_main]

use interview_drill::core::bank::Deck;
use interview_drill::core::rich::{safe_href, Block, Inline};
use interview_drill::core::share::{deck_link, parse_fragment, validate, Link};
use libfuzzer_sys::fuzz_target;

const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let (mut bits, mut count, mut out) = (0u32, 0, String::new());
    for &byte in bytes {
        bits = (bits << 8) | u32::from(byte);
        count += 8;
        while count >= 6 {
            count -= 6;
            out.push(char::from(B64[((bits >> count) & 63) as usize]));
        }
    }
    if count > 0 {
        out.push(char::from(B64[((bits << (6 - count)) & 63) as usize]));
    }
    out
}

fn open(fragment: &str) -> Option<Deck> {
    match parse_fragment(fragment) {
        Ok(Link::Deck(deck)) => Some(deck),
        _ => None,
    }
}

fn assert_safe_inlines(inlines: &[Inline]) {
    for inline in inlines {
        match inline {
            Inline::Link { href, text } => {
                assert!(safe_href(href).is_some(), "unsafe href {href:?}");
                assert_safe_inlines(text);
            }
            Inline::Emphasis(inner) | Inline::Strong(inner) => assert_safe_inlines(inner),
            _ => {}
        }
    }
}

fn assert_safe_blocks(blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(line) => assert_safe_inlines(line),
            Block::Bullets(items) | Block::Numbered(items) => {
                items.iter().for_each(|i| assert_safe_blocks(i))
            }
            Block::Quote(inner) => assert_safe_blocks(inner),
            Block::Code(_) => {}
        }
    }
}

fn check(deck: &Deck) {
    assert!(validate(deck).is_ok(), "an opened deck fails validation");
    for q in &deck.questions {
        assert_safe_inlines(&q.prompt);
        assert_safe_blocks(&q.answer);
        for f in &q.follow_ups {
            assert_safe_inlines(&f.prompt);
            assert_safe_inlines(&f.hint);
        }
        for c in &q.concerns {
            assert_safe_inlines(&c.text);
        }
    }
    let link = deck_link(deck).expect("an opened deck can be shared again");
    let again = open(&link).expect("a re-shared deck opens");
    // The first re-share may drop emphasis Markdown cannot spell; after that
    // a deck is stable, id and all.
    let relink = deck_link(&again).expect("a re-shared deck can be shared again");
    assert_eq!(
        open(&relink).as_ref(),
        Some(&again),
        "re-sharing is not stable"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let fragment = match mode % 3 {
        0 => String::from_utf8_lossy(rest).into_owned(),
        1 => format!("#deck=1.{}", base64url(rest)),
        _ => format!(
            "#deck=1.{}",
            base64url(&miniz_oxide::deflate::compress_to_vec_zlib(rest, 1))
        ),
    };
    if let Some(deck) = open(&fragment) {
        check(&deck);
    }
});
