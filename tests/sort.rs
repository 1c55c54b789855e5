//! The page's heapsort (`core::sort`) sorts as the standard library does.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::sort::{sort, sort_by};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn sorts_as_the_standard_library_sorts(mut items in prop::collection::vec(any::<(u8, i16)>(), 0..300)) {
        let mut expected = items.clone();
        expected.sort();
        let mut by_order = items.clone();
        sort(&mut items);
        prop_assert_eq!(&items, &expected);
        sort_by(&mut by_order, |a, b| b.cmp(a));
        expected.reverse();
        prop_assert_eq!(by_order, expected);
    }
}

#[test]
fn a_long_history_sorts_in_order() {
    let mut items: Vec<u64> = (0..100_000u64)
        .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40)
        .collect();
    sort(&mut items);
    assert!(items.windows(2).all(|w| w[0] <= w[1]));
}
