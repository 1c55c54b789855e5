//! A shared deck's id, derived from its content, so its progress is kept apart
//! from the built-in decks': the same deck opened twice shares progress, and a
//! different deck (even one edited by a character) does not.

use super::wire::WireDeck;

/// FNV-1a, 64 bits. Five lines written out rather than a hashing crate; it is
/// not a security measure, only a stable name. Its constants are fixed by the
/// FNV specification, so ids never change between versions.
fn fnv1a_64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The canonical bytes of a wire deck: compact JSON with the fields in the
/// frozen order, whatever spacing or order the link had.
pub fn canonical_bytes(wire: &WireDeck) -> Vec<u8> {
    serde_json::to_vec(wire).unwrap_or_default()
}

/// `link-` and the FNV-1a hash of the canonical bytes in 16 hex digits: a
/// valid question-bank id, so progress storage treats it like any deck id.
pub fn deck_id_of(wire: &WireDeck) -> String {
    format!("link-{:016x}", fnv1a_64(&canonical_bytes(wire)))
}

#[cfg(test)]
mod tests {
    use super::fnv1a_64;

    /// The published FNV-1a test vectors.
    #[test]
    fn fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a_64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a_64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a_64(b"foobar"), 0x8594_4171_f739_67e8);
    }
}
