//! FSRS-6, the Free Spaced Repetition Scheduler, as pure functions of time.
//!
//! The memory model (stability S, difficulty D, retrievability R) follows the
//! FSRS-6 formulas; the scheduling around it (learning steps, review intervals
//! kept in Again < Hard < Good < Easy order) follows ts-fsrs 5's basic
//! scheduler, against which `tests/fsrs_reference.rs` checks 250 recorded review
//! sequences. Like ts-fsrs, intermediate values are rounded to 8 decimals and
//! elapsed time is counted in UTC calendar days, so results match it exactly.

use super::progress::Grade;

/// The 21 published FSRS-6 default weights.
pub const DEFAULT_WEIGHTS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const S_MIN: f64 = 0.001;
const S_MAX: f64 = 36_500.0;
const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;
/// The range a learner may choose for desired retention.
pub const RETENTION_RANGE: (f64, f64) = (0.70, 0.97);

/// Scheduler settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    pub weights: [f64; 21],
    /// The probability of recall the schedule aims for when a card falls due.
    pub desired_retention: f64,
    /// Minutes between the first reviews of a new card.
    pub learning_steps: Vec<u32>,
    /// Minutes between reviews after a card is forgotten.
    pub relearning_steps: Vec<u32>,
    /// No review is scheduled further ahead than this.
    pub maximum_interval_days: u32,
}

impl Default for Params {
    fn default() -> Self {
        Self {
            weights: DEFAULT_WEIGHTS,
            desired_retention: 0.9,
            learning_steps: vec![1, 10],
            relearning_steps: vec![10],
            maximum_interval_days: 365,
        }
    }
}

impl Params {
    /// Default settings with a learner-chosen retention, clamped to the allowed range.
    pub fn with_retention(desired_retention: f64) -> Self {
        let retention = if desired_retention.is_finite() {
            desired_retention.clamp(RETENTION_RANGE.0, RETENTION_RANGE.1)
        } else {
            0.9
        };
        Self {
            desired_retention: retention,
            ..Self::default()
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    New,
    Learning,
    Review,
    Relearning,
}

/// What the scheduler knows about one card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CardState {
    pub phase: Phase,
    /// Index into the learning or relearning steps.
    pub step: usize,
    /// Days until R falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub due_ms: i64,
    pub last_review_ms: Option<i64>,
    pub scheduled_days: u32,
    pub reps: u32,
    pub lapses: u32,
}

impl CardState {
    pub const NEW: CardState = CardState {
        phase: Phase::New,
        step: 0,
        stability: 0.0,
        difficulty: 0.0,
        due_ms: 0,
        last_review_ms: None,
        scheduled_days: 0,
        reps: 0,
        lapses: 0,
    };
}

/// JavaScript's `Math.round`: halves go up, towards positive infinity.
fn js_round(x: f64) -> f64 {
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

/// Whole UTC calendar days from `from` to `to`.
pub fn elapsed_days(from_ms: i64, to_ms: i64) -> i64 {
    to_ms.div_euclid(MS_PER_DAY) - from_ms.div_euclid(MS_PER_DAY)
}

/// The FSRS memory model with one set of weights.
struct Model<'a> {
    w: &'a [f64; 21],
    decay: f64,
    factor: f64,
}

impl<'a> Model<'a> {
    fn new(w: &'a [f64; 21]) -> Self {
        let decay = -w[20];
        // R(t = S) = 0.9 fixes FACTOR for a given DECAY.
        let factor = round8((0.9f64.ln() / decay).exp() - 1.0);
        Self { w, decay, factor }
    }

    /// R(t, S): the probability of recall after `t` days.
    fn retrievability(&self, t: f64, s: f64) -> f64 {
        round8((1.0 + self.factor * t / s).powf(self.decay))
    }

    /// I(r): the interval, in multiples of S, at which R falls to `r`.
    fn interval_modifier(&self, r: f64) -> f64 {
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
    fn next_memory(&self, card: &CardState, t: i64, g: Grade, r: Option<f64>) -> (f64, f64) {
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

/// The probability of recalling the card at `now`, or `None` for a new card.
pub fn retrievability(params: &Params, card: &CardState, now_ms: i64) -> Option<f64> {
    let last = card.last_review_ms?;
    if card.phase == Phase::New || card.stability <= 0.0 {
        return None;
    }
    let t = elapsed_days(last, now_ms).max(0) as f64;
    Some(Model::new(&params.weights).retrievability(t, card.stability))
}

/// The four possible next states, indexed by grade number minus one.
pub fn preview(params: &Params, card: &CardState, now_ms: i64) -> [CardState; 4] {
    let card = &sanitized(card);
    let model = Model::new(&params.weights);
    let t = match card.last_review_ms {
        Some(last) if card.phase != Phase::New => elapsed_days(last, now_ms).max(0),
        _ => 0,
    };
    let mut base = *card;
    base.last_review_ms = Some(now_ms);
    base.reps = card.reps.saturating_add(1);
    let next = |g: Grade, r: Option<f64>| {
        let (d, s) = model.next_memory(card, t, g, r);
        CardState {
            difficulty: d,
            stability: s,
            ..base
        }
    };
    match card.phase {
        Phase::New | Phase::Learning | Phase::Relearning => {
            let to_phase = if card.phase == Phase::Relearning {
                Phase::Relearning
            } else {
                Phase::Learning
            };
            let [again, hard, good, mut easy] = Grade::ALL
                .map(|g| apply_steps(params, &model, card, next(g, None), g, to_phase, now_ms));
            // When Good and Easy both graduate to the same day (tiny stability, or
            // the interval cap), Easy must still wait longer: a grade has to mean
            // something. ts-fsrs orders review-phase intervals the same way.
            if easy.phase == Phase::Review && easy.due_ms <= good.due_ms {
                let days = good.scheduled_days.max(1) + 1;
                easy.scheduled_days = days;
                easy.due_ms = now_ms + i64::from(days) * MS_PER_DAY;
            }
            [again, hard, good, easy]
        }
        Phase::Review => {
            let r = model.retrievability(t as f64, card.stability.clamp(S_MIN, S_MAX));
            let [again, hard, good, easy] = Grade::ALL.map(|g| next(g, Some(r)));
            let interval = |s: f64| next_interval(params, &model, s);
            let hard_days = interval(hard.stability).min(interval(good.stability));
            let good_days = interval(good.stability).max(hard_days + 1);
            let easy_days = interval(easy.stability).max(good_days + 1);
            let review = |state: CardState, days: u32| CardState {
                phase: Phase::Review,
                step: 0,
                scheduled_days: days,
                due_ms: now_ms + i64::from(days) * MS_PER_DAY,
                ..state
            };
            let mut again = apply_steps(
                params,
                &model,
                card,
                again,
                Grade::Again,
                Phase::Relearning,
                now_ms,
            );
            again.lapses = card.lapses.saturating_add(1);
            [
                again,
                review(hard, hard_days),
                review(good, good_days),
                review(easy, easy_days),
            ]
        }
    }
}

/// A state safe to compute with: stored data may be corrupt, and NaN must
/// never reach a schedule.
fn sanitized(card: &CardState) -> CardState {
    let mut card = *card;
    if card.phase == Phase::New || !(card.stability.is_finite() && card.difficulty.is_finite()) {
        if card.phase != Phase::New {
            // Without a usable memory state the card starts over.
            card = CardState::NEW;
        }
        card.stability = 0.0;
        card.difficulty = 0.0;
    } else if card.stability > 0.0 || card.difficulty > 0.0 {
        card.stability = card.stability.clamp(S_MIN, S_MAX);
        card.difficulty = card.difficulty.clamp(1.0, 10.0);
    }
    card
}

/// Reviews a card: its state after grade `grade` at `now`.
pub fn review(params: &Params, card: &CardState, grade: Grade, now_ms: i64) -> CardState {
    preview(params, card, now_ms)[usize::from(grade.number() - 1)]
}

/// Days until the next review for stability `s`, at least 1, at most the cap.
fn next_interval(params: &Params, model: &Model<'_>, s: f64) -> u32 {
    let retention = params.desired_retention.clamp(0.01, 0.999);
    let days = js_round(s * model.interval_modifier(retention));
    days.clamp(1.0, f64::from(params.maximum_interval_days.max(1))) as u32
}

/// Minutes to wait for `grade` from the card's current step, if a step applies.
fn step_minutes(params: &Params, card: &CardState, grade: Grade) -> Option<(u32, usize)> {
    let steps = match card.phase {
        Phase::Review | Phase::Relearning => &params.relearning_steps,
        Phase::New | Phase::Learning => &params.learning_steps,
    };
    let step = card.step;
    let first = *steps.first()?;
    if step >= steps.len() {
        return None;
    }
    if card.phase == Phase::Review {
        return (grade == Grade::Again).then_some((steps[step], 0));
    }
    match grade {
        Grade::Again => Some((first, 0)),
        Grade::Hard => {
            let minutes = match steps.get(1) {
                Some(second) => js_round(f64::from(first + second) / 2.0),
                None => js_round(f64::from(first) * 1.5),
            };
            Some((minutes as u32, step))
        }
        Grade::Good => steps
            .get(step + 1)
            .filter(|m| **m > 0)
            .map(|m| (*m, step + 1)),
        Grade::Easy => None,
    }
}

/// Puts a card on its next learning step, or graduates it to review.
fn apply_steps(
    params: &Params,
    model: &Model<'_>,
    current: &CardState,
    mut next: CardState,
    grade: Grade,
    to_phase: Phase,
    now_ms: i64,
) -> CardState {
    match step_minutes(params, current, grade) {
        Some((minutes, step)) if minutes > 0 && minutes < 1440 => {
            next.step = step;
            next.scheduled_days = 0;
            next.phase = to_phase;
            next.due_ms = now_ms + i64::from(minutes) * MS_PER_MINUTE;
        }
        Some((minutes, step)) if minutes >= 1440 => {
            next.phase = Phase::Review;
            next.step = step;
            next.due_ms = now_ms + i64::from(minutes) * MS_PER_MINUTE;
            next.scheduled_days = minutes / 1440;
        }
        _ => {
            next.phase = Phase::Review;
            next.step = 0;
            let days = next_interval(params, model, next.stability);
            next.scheduled_days = days;
            next.due_ms = now_ms + i64::from(days) * MS_PER_DAY;
        }
    }
    next
}
