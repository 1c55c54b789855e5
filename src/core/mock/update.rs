//! The round's state machine: messages in, the round changed, effects out.
//! Every message that carries a moment first counts the time since the last
//! one into the question on screen, so a message that comes after a deadline
//! finds that question already timed out.

use super::{
    encode_round, format_clock, minutes, AskedFollowUp, Ended, Ending, Item, Round, FOLLOW_UP_MS,
    WARNING_MS,
};
use crate::core::bank::ConcernKind;
use crate::core::time::Moment;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundMsg {
    /// Time passed (the shell ticks about once a second while running).
    Tick(Moment),
    Pause(Moment),
    Resume(Moment),
    /// The typed answer so far to question `index`. Messages name the
    /// question so a keystroke that lands after a time-out is not written
    /// into the next answer.
    Type {
        index: usize,
        text: String,
    },
    /// Aloud: tick or untick key point `point`.
    Check {
        index: usize,
        point: usize,
        on: bool,
    },
    /// Aloud: tick or untick "named a failure mode" or "named a trade-off".
    Named {
        index: usize,
        kind: ConcernKind,
        on: bool,
    },
    /// Ask the question's follow-up: the first one, or a chosen one.
    AskFollowUp {
        index: usize,
        choice: Option<usize>,
        now: Moment,
    },
    TypeFollowUp {
        index: usize,
        text: String,
    },
    /// Aloud: the follow-up was answered.
    SaidFollowUp {
        index: usize,
        on: bool,
    },
    /// Done with question `index`: keep the answer and move on.
    Next {
        index: usize,
        now: Moment,
    },
    /// End the round here; questions not reached stay unanswered.
    Stop(Moment),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoundEffect {
    /// Store this (under `ROUND_KEY`) so a reload resumes the round.
    Save(String),
    /// The round is over. The shell calls `finish`, adds the record to the
    /// history and the reviews to progress, then removes the stored round.
    /// The finished round is saved first, so a reload before that completes
    /// finds it finished and can finish it again: both steps are idempotent.
    Finished,
}

impl Round {
    /// Counts running time into the question on screen. A question whose
    /// time is up ends at its deadline and the next one starts now.
    fn settle(&mut self, now: Moment) -> Settled {
        let Some(since) = self.running_since else {
            return Settled::Nothing;
        };
        let current = self.current;
        let Some(item) = self.items.get_mut(current) else {
            self.running_since = None;
            return Settled::Nothing;
        };
        let before = item.used_ms;
        let elapsed = now.unix_ms.saturating_sub(since.unix_ms).max(0);
        item.used_ms = before.saturating_add(elapsed).min(item.limit_ms);
        self.running_since = Some(now);
        if item.used_ms >= item.limit_ms {
            let deadline = since.unix_ms.saturating_add(item.limit_ms - before);
            let at = Moment::new(deadline.min(now.unix_ms), now.utc_offset_minutes);
            item.ended = Some(Ended {
                at,
                how: Ending::TimedOut,
            });
            self.move_on(now);
            return Settled::TimedOut;
        }
        if !item.warned && item.limit_ms - item.used_ms <= WARNING_MS {
            item.warned = true;
            return Settled::Warned;
        }
        Settled::Nothing
    }

    fn move_on(&mut self, now: Moment) {
        self.current = (self.current + 1).min(self.items.len());
        self.running_since = if self.is_finished() {
            None
        } else {
            self.running_since.map(|_| now)
        };
    }

    /// The question `index` if it is on screen and the clock runs: only then
    /// may its answer change.
    fn answering(&mut self, index: usize) -> Option<&mut Item> {
        if index != self.current || !self.is_running() {
            return None;
        }
        self.items.get_mut(index)
    }
}

enum Settled {
    Nothing,
    Warned,
    TimedOut,
}

impl RoundMsg {
    /// When the message happened, for messages that carry the time.
    pub fn moment(&self) -> Option<Moment> {
        match self {
            RoundMsg::Tick(now)
            | RoundMsg::Pause(now)
            | RoundMsg::Resume(now)
            | RoundMsg::Stop(now)
            | RoundMsg::AskFollowUp { now, .. }
            | RoundMsg::Next { now, .. } => Some(*now),
            _ => None,
        }
    }
}

pub fn update(round: &mut Round, msg: RoundMsg) -> Vec<RoundEffect> {
    // Time first: a message that comes after the deadline finds the
    // question already timed out.
    let now = msg.moment();
    let mut changed = false;
    if let Some(now) = now {
        match round.settle(now) {
            Settled::Nothing => {}
            Settled::Warned => {
                round.announcement = "One minute left on this question.".into();
                changed = true;
            }
            Settled::TimedOut => {
                round.announcement = if round.is_finished() {
                    "Time is up. Your answer was kept. The round is over.".into()
                } else {
                    format!(
                        "Time is up. Your answer was kept. {}",
                        round.question_intro()
                    )
                };
                // A message naming the question that timed out no longer
                // applies; pause, resume and stop still do.
                changed = true;
            }
        }
    }
    let edited = match msg {
        RoundMsg::Tick(_) => false,
        RoundMsg::Pause(now) => {
            if round.is_running() {
                round.running_since = None;
                round.announcement = format!(
                    "Paused with {} left. The clock is stopped.",
                    format_clock(round.remaining_ms(now))
                );
                true
            } else {
                false
            }
        }
        RoundMsg::Resume(now) => {
            if round.is_paused() {
                round.running_since = Some(now);
                round.announcement =
                    format!("Resumed: {} left.", format_clock(round.remaining_ms(now)));
                true
            } else {
                false
            }
        }
        RoundMsg::Type { index, text } => round.answering(index).is_some_and(|item| {
            let changed = item.answer != text;
            item.answer = text;
            changed
        }),
        RoundMsg::Check { index, point, on } => round.answering(index).is_some_and(|item| {
            item.checked
                .get_mut(point)
                .is_some_and(|slot| std::mem::replace(slot, on) != on)
        }),
        RoundMsg::Named { index, kind, on } => round.answering(index).is_some_and(|item| {
            let slot = match kind {
                ConcernKind::Failure => &mut item.named_failure,
                ConcernKind::TradeOff => &mut item.named_trade_off,
                // A story is not asked for failure modes.
                ConcernKind::Shows => return false,
            };
            std::mem::replace(slot, on) != on
        }),
        RoundMsg::AskFollowUp { index, choice, now } => {
            let asked = round.answering(index).is_some_and(|item| {
                let choice = choice.unwrap_or(0);
                if item.follow_up.is_some() || choice >= item.follow_ups {
                    return false;
                }
                item.follow_up = Some(AskedFollowUp {
                    index: choice,
                    ..AskedFollowUp::default()
                });
                item.limit_ms = item.limit_ms.saturating_add(FOLLOW_UP_MS);
                true
            });
            if asked {
                // More time means the last minute is still to come.
                let remaining = round.remaining_ms(now);
                if let Some(item) = round.items.get_mut(index) {
                    item.warned = remaining <= WARNING_MS;
                }
                round.announcement = format!(
                    "Follow-up question, with {} more. {} left.",
                    minutes(FOLLOW_UP_MS),
                    format_clock(remaining)
                );
            }
            asked
        }
        RoundMsg::TypeFollowUp { index, text } => round.answering(index).is_some_and(|item| {
            item.follow_up.as_mut().is_some_and(|f| {
                let changed = f.answer != text;
                f.answer = text;
                changed
            })
        }),
        RoundMsg::SaidFollowUp { index, on } => round.answering(index).is_some_and(|item| {
            item.follow_up
                .as_mut()
                .is_some_and(|f| std::mem::replace(&mut f.said, on) != on)
        }),
        RoundMsg::Next { index, now } => {
            let moved = round.answering(index).is_some_and(|item| {
                item.ended = Some(Ended {
                    at: now,
                    how: Ending::Moved,
                });
                true
            });
            if moved {
                round.move_on(now);
                round.announcement = if round.is_finished() {
                    "Round complete.".into()
                } else {
                    round.question_intro()
                };
            }
            moved
        }
        RoundMsg::Stop(now) => {
            if round.is_finished() {
                false
            } else {
                if let Some(item) = round.items.get_mut(round.current) {
                    item.ended = Some(Ended {
                        at: now,
                        how: Ending::Stopped,
                    });
                }
                round.current = round.items.len();
                round.running_since = None;
                round.announcement = "Round ended early.".into();
                true
            }
        }
    };
    if edited || changed {
        saved_effects(round)
    } else {
        Vec::new()
    }
}

fn saved_effects(round: &Round) -> Vec<RoundEffect> {
    let mut effects = vec![RoundEffect::Save(encode_round(round))];
    if round.is_finished() {
        effects.push(RoundEffect::Finished);
    }
    effects
}
