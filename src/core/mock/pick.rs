//! Which questions a round asks, from a seed: the same seed, set-up and deck
//! always give the same questions in the same order, so a round can be
//! replayed or shared. The seed comes from the shell; the core has no random
//! source of its own.

use crate::core::bank::Deck;

/// SplitMix64 (Steele, Lea and Flood): a tiny, well-mixed generator. Good
/// enough to shuffle questions; not for anything secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` without modulo bias; 0 when `n` is 0.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Reject the top sliver of values that would favour small results.
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }

    /// Shuffles in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

/// Questions of the chosen topics (every topic when `topics` is empty), by
/// index into the deck.
pub fn candidates(deck: &Deck, topics: &[String]) -> Vec<usize> {
    deck.questions
        .iter()
        .enumerate()
        .filter(|(_, q)| topics.is_empty() || topics.contains(&q.topic))
        .map(|(i, _)| i)
        .collect()
}

/// Up to `count` distinct questions of the chosen topics, as deck indices.
///
/// The topics take turns (in an order the seed shuffles), each giving its next
/// shuffled question, so a five-question round over five topics asks one of
/// each, as a real loop would, instead of whatever a plain shuffle lands on.
pub fn pick(deck: &Deck, topics: &[String], count: usize, seed: u64) -> Vec<usize> {
    let mut rng = SplitMix64::new(seed);
    let allowed = candidates(deck, topics);
    // Topics in deck order, then shuffled: deck order makes the result depend
    // only on the deck, never on how `topics` was spelled.
    let mut slugs: Vec<&str> = Vec::new();
    for &i in &allowed {
        let slug = deck.questions[i].topic.as_str();
        if !slugs.contains(&slug) {
            slugs.push(slug);
        }
    }
    let mut pools: Vec<Vec<usize>> = slugs
        .iter()
        .map(|slug| {
            let mut pool: Vec<usize> = allowed
                .iter()
                .copied()
                .filter(|&i| deck.questions[i].topic == *slug)
                .collect();
            rng.shuffle(&mut pool);
            pool
        })
        .collect();
    rng.shuffle(&mut pools);
    let mut out = Vec::new();
    let mut turn = 0;
    while out.len() < count && pools.iter().any(|p| turn < p.len()) {
        for pool in &pools {
            if let Some(&i) = pool.get(turn) {
                if out.len() < count {
                    out.push(i);
                }
            }
        }
        turn += 1;
    }
    out
}
