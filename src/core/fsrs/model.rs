//! The FSRS-6 memory model: retrievability, difficulty and stability updates,
//! with the JavaScript rounding that keeps results equal to ts-fsrs.

use super::{CardState, S_MAX, S_MIN};
use crate::core::progress::Grade;

/// JavaScript's `Math.round`: halves go up, towards positive infinity.
pub(super) fn js_round(x: f64) -> f64 {
    let floor = x.floor();
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

fn round8(x: f64) -> f64 {
    js_round(x * 1e8) / 1e8
}

/// The FSRS memory model with one set of weights.
pub(super) struct Model<'a> {
    w: &'a [f64; 21],
    decay: f64,
    factor: f64,
}

impl<'a> Model<'a> {
    pub(super) fn new(w: &'a [f64; 21]) -> Self {
        let decay = -w[20];
        // R(t = S) = 0.9 fixes FACTOR for a given DECAY.
        let factor = round8((0.9f64.ln() / decay).exp() - 1.0);
        Self { w, decay, factor }
    }

    /// R(t, S): the probability of recall after `t` days.
    pub(super) fn retrievability(&self, t: f64, s: f64) -> f64 {
        round8((1.0 + self.factor * t / s).powf(self.decay))
    }

    /// I(r): the interval, in multiples of S, at which R falls to `r`.
    pub(super) fn interval_modifier(&self, r: f64) -> f64 {
        round8((r.powf(1.0 / self.decay) - 1.0) / self.factor)
    }

    /// S0(G) = w[G-1].
    fn initial_stability(&self, g: Grade) -> f64 {
        self.w[usize::from(g.number() - 1)].max(0.1)
    }

    /// D0(G) = w4 - e^(w5 (G - 1)) + 1.
    fn initial_difficulty(&self, g: Grade) -> f64 {
        round8(self.w[4] - (f64::from(g.number() - 1) * self.w[5]).exp() + 1.0)
    }

    /// D'(D, G): linear damping towards 10, then mean reversion towards D0(Easy).
    fn next_difficulty(&self, d: f64, g: Grade) -> f64 {
        let delta = -self.w[6] * (f64::from(g.number()) - 3.0);
        let damped = d + round8(delta * (10.0 - d) / 9.0);
        let reverted =
            round8(self.w[7] * self.initial_difficulty(Grade::Easy) + (1.0 - self.w[7]) * damped);
        reverted.clamp(1.0, 10.0)
    }

    /// S'r(D, S, R, G): stability after a successful recall.
    fn recall_stability(&self, d: f64, s: f64, r: f64, g: Grade) -> f64 {
        let w = self.w;
        let hard_penalty = if g == Grade::Hard { w[15] } else { 1.0 };
        let easy_bonus = if g == Grade::Easy { w[16] } else { 1.0 };
        let growth = w[8].exp() * (11.0 - d) * s.powf(-w[9]) * (((1.0 - r) * w[10]).exp() - 1.0);
        round8((s * (1.0 + growth * hard_penalty * easy_bonus)).clamp(S_MIN, S_MAX))
    }

    /// S'f(D, S, R): stability after a lapse.
    fn forget_stability(&self, d: f64, s: f64, r: f64) -> f64 {
        let w = self.w;
        let value =
            w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        round8(value.clamp(S_MIN, S_MAX))
    }

    /// S's(S, G): stability after a same-day review.
    fn short_term_stability(&self, s: f64, g: Grade) -> f64 {
        let w = self.w;
        let increase = s.powf(-w[19]) * (w[17] * (f64::from(g.number()) - 3.0 + w[18])).exp();
        let increase = if g >= Grade::Hard {
            increase.max(1.0)
        } else {
            increase
        };
        round8((s * increase).clamp(S_MIN, S_MAX))
    }

    /// The next (difficulty, stability) after a review `t` days after the last.
    pub(super) fn next_memory(
        &self,
        card: &CardState,
        t: i64,
        g: Grade,
        r: Option<f64>,
    ) -> (f64, f64) {
        let (d, s) = (card.difficulty, card.stability);
        if d == 0.0 && s == 0.0 {
            return (
                self.initial_difficulty(g).clamp(1.0, 10.0),
                self.initial_stability(g),
            );
        }
        // Corrupt inputs must not poison the schedule with NaN.
        let d = if d.is_finite() {
            d.clamp(1.0, 10.0)
        } else {
            5.0
        };
        let s = if s.is_finite() {
            s.clamp(S_MIN, S_MAX)
        } else {
            S_MIN
        };
        let r = r.unwrap_or_else(|| self.retrievability(t as f64, s));
        let new_s = if t == 0 {
            self.short_term_stability(s, g)
        } else if g == Grade::Again {
            let floor = round8(s / (self.w[17] * self.w[18]).exp());
            floor.max(S_MIN).min(self.forget_stability(d, s, r))
        } else {
            self.recall_stability(d, s, r, g)
        };
        (self.next_difficulty(d, g), new_s)
    }
}
