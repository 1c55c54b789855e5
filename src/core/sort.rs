//! One small sort for the page: a heapsort.
//!
//! The standard library's sorts (ipnsort, driftsort) are fast but large:
//! each element type they sort adds about 4 to 5 KB of wasm (partitions,
//! sorting networks, merges), and the guest sorted seven types. A heapsort
//! is about 300 bytes per type and O(n log n) in every case, which is all
//! the page's sorts need: the reviews of one history, one queue, one
//! answer's matches. Input already in order, the common case for a
//! history, takes one pass. It is not stable, so every caller sorts by a total
//! order (equal elements are indistinguishable, or ties are broken).

use std::cmp::Ordering;

/// Sorts `items` by `order`, ascending.
pub fn sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    // Most inputs arrive in order already (a history read from an ordered
    // set): one pass instead of n log n comparisons.
    if items
        .windows(2)
        .all(|pair| order(&pair[0], &pair[1]) != Ordering::Greater)
    {
        return;
    }
    let mut less = |a: &T, b: &T| order(a, b) == Ordering::Less;
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len, &mut less);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, &mut less);
    }
}

/// Sorts `items` by their own order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

fn sift_down<T>(
    items: &mut [T],
    mut node: usize,
    end: usize,
    less: &mut impl FnMut(&T, &T) -> bool,
) {
    loop {
        let mut child = 2 * node + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&items[child], &items[child + 1]) {
            child += 1;
        }
        if !less(&items[node], &items[child]) {
            return;
        }
        items.swap(node, child);
        node = child;
    }
}
