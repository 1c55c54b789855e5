//! The learner's answer to the card on screen, before it is graded: a typed
//! answer and the coach's feedback, an answer said aloud against the timer and
//! its checklist, and the interviewer's follow-ups after the reveal.
//!
//! A suggestion never grades: it only marks one of the four grade buttons, and
//! the grade the learner picks is recorded beside it, so overrides can be
//! counted.

use crate::core::answer_note::{AnswerNote, AnswerStyle};
use crate::core::bank::{ConcernKind, Question};
use crate::core::coach::{check, suggest, Feedback};
use crate::core::progress::{Grade, Review};

/// Everything about the current card's answer. Replaced by an empty one
/// whenever another card comes up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Attempt {
    /// The typed answer as it stands.
    pub draft: String,
    /// The coach's verdict on the draft as it was when checked.
    pub feedback: Option<Feedback>,
    pub aloud: Option<Aloud>,
    pub chain: Option<Chain>,
}

/// Saying the answer aloud: the timer, then the checklist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Aloud {
    pub started_ms: i64,
    /// Set when the learner stops talking; the checklist shows from then on.
    pub stopped_ms: Option<i64>,
    /// One tick per checklist item: the key points, then the concerns.
    pub ticks: Vec<bool>,
}

impl Aloud {
    /// Milliseconds spoken so far (`now_ms` while the timer runs).
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        (self.stopped_ms.unwrap_or(now_ms) - self.started_ms).max(0)
    }

    pub fn running(&self) -> bool {
        self.stopped_ms.is_none()
    }
}

/// The interviewer's follow-ups, one at a time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Chain {
    /// The follow-up on screen.
    pub index: usize,
    /// Whether each follow-up reached so far was answered.
    pub answered: Vec<bool>,
    /// The typed answer to the follow-up on screen.
    pub draft: String,
    /// The learner says they answered the follow-up on screen aloud.
    pub said_aloud: bool,
    pub hint_shown: bool,
    /// The learner stopped, or answered the last follow-up.
    pub finished: bool,
}

impl Chain {
    pub fn reached(&self) -> usize {
        self.answered.len()
    }

    pub fn answered_count(&self) -> usize {
        self.answered.iter().filter(|a| **a).count()
    }

    /// Records whether the follow-up on screen was answered, once.
    fn settle_current(&mut self) {
        let answered = !self.draft.trim().is_empty() || self.said_aloud;
        if let Some(slot) = self.answered.get_mut(self.index) {
            *slot = answered;
        }
    }
}

/// What the learner does with their answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerMsg {
    /// The typed answer changed.
    Draft(String),
    /// Check the typed answer against the key points.
    Check,
    /// Start the speaking timer at this Unix millisecond.
    StartAloud(i64),
    /// Stop the timer and show the checklist.
    StopAloud(i64),
    /// Tick or untick a checklist item.
    Tick(usize),
    /// "The interviewer follows up": show the first follow-up.
    StartFollowUps,
    FollowUpDraft(String),
    FollowUpSaidAloud(bool),
    /// Show or hide the hint of the follow-up on screen.
    ToggleHint,
    NextFollowUp,
    StopFollowUps,
}

/// The items of the speaking checklist: the key points, then every failure
/// mode and trade-off.
pub fn checklist(question: &Question) -> Vec<String> {
    question
        .key_points
        .iter()
        .map(|k| k.label.clone())
        .chain(question.concerns.iter().map(|c| {
            format!(
                "{}: {}",
                c.kind.label(),
                crate::core::rich::plain_text(&c.text)
            )
        }))
        .collect()
}

impl Attempt {
    /// Applies a message; returns the announcement for screen readers, if any.
    /// `revealed` is whether the model answer is on screen.
    pub fn update(
        &mut self,
        msg: AnswerMsg,
        question: &Question,
        revealed: bool,
    ) -> Option<String> {
        match msg {
            AnswerMsg::Draft(text) => {
                // Feedback on words no longer in the box would mislead.
                if text != self.draft {
                    self.feedback = None;
                }
                self.draft = text;
                None
            }
            AnswerMsg::Check => {
                if self.draft.trim().is_empty() {
                    return Some("Type an answer first, then check it.".into());
                }
                let feedback = check(&self.draft, question);
                let announcement = describe(&feedback);
                self.feedback = Some(feedback);
                Some(announcement)
            }
            AnswerMsg::StartAloud(now_ms) => {
                self.aloud = Some(Aloud {
                    started_ms: now_ms,
                    stopped_ms: None,
                    ticks: vec![false; checklist(question).len()],
                });
                Some(format!(
                    "Timer started: about {} minutes. Answer aloud, then stop the timer.",
                    question.minutes
                ))
            }
            AnswerMsg::StopAloud(now_ms) => {
                let aloud = self.aloud.as_mut().filter(|a| a.running())?;
                aloud.stopped_ms = Some(now_ms.max(aloud.started_ms));
                Some(format!(
                    "You spoke for {}. Tick what your answer covered.",
                    clock(aloud.elapsed_ms(now_ms))
                ))
            }
            AnswerMsg::Tick(item) => {
                let aloud = self.aloud.as_mut().filter(|a| !a.running())?;
                if let Some(tick) = aloud.ticks.get_mut(item) {
                    *tick = !*tick;
                }
                None
            }
            AnswerMsg::StartFollowUps => {
                if !revealed || question.follow_ups.is_empty() || self.chain.is_some() {
                    return None;
                }
                self.chain = Some(Chain {
                    answered: vec![false],
                    ..Chain::default()
                });
                Some(follow_up_announcement(question, 0))
            }
            AnswerMsg::FollowUpDraft(text) => {
                if let Some(chain) = self.chain.as_mut() {
                    chain.draft = text;
                }
                None
            }
            AnswerMsg::FollowUpSaidAloud(said) => {
                if let Some(chain) = self.chain.as_mut() {
                    chain.said_aloud = said;
                }
                None
            }
            AnswerMsg::ToggleHint => {
                let chain = self.chain.as_mut().filter(|c| !c.finished)?;
                chain.hint_shown = !chain.hint_shown;
                chain.hint_shown.then(|| "Hint shown.".into())
            }
            AnswerMsg::NextFollowUp => {
                let chain = self.chain.as_mut().filter(|c| !c.finished)?;
                chain.settle_current();
                if chain.index + 1 < question.follow_ups.len() {
                    chain.index += 1;
                    chain.answered.push(false);
                    chain.draft.clear();
                    chain.said_aloud = false;
                    chain.hint_shown = false;
                    Some(follow_up_announcement(question, chain.index))
                } else {
                    chain.finished = true;
                    Some(finished_announcement(chain))
                }
            }
            AnswerMsg::StopFollowUps => {
                let chain = self.chain.as_mut().filter(|c| !c.finished)?;
                chain.settle_current();
                chain.finished = true;
                Some(finished_announcement(chain))
            }
        }
    }

    /// The grade the coach suggests and how the answer was given: the
    /// checklist once the learner has stopped talking, else the typed answer's
    /// feedback. `None` when the learner only recalled.
    pub fn suggestion(&self, question: &Question) -> Option<(Grade, AnswerStyle)> {
        if let Some(aloud) = self.aloud.as_ref().filter(|a| !a.running()) {
            return Some((checklist_grade(question, &aloud.ticks), AnswerStyle::Aloud));
        }
        self.feedback
            .as_ref()
            .map(|f| (f.suggested, AnswerStyle::Typed))
    }

    /// The note to keep beside `review`, when there is anything to note.
    pub fn note(&self, question: &Question, review: &Review) -> Option<AnswerNote> {
        let suggestion = self.suggestion(question);
        let (reached, answered) = self.chain.as_ref().map_or((0, 0), |c| {
            let mut settled = c.clone();
            if !settled.finished {
                settled.settle_current();
            }
            (settled.reached(), settled.answered_count())
        });
        if suggestion.is_none() && reached == 0 {
            return None;
        }
        Some(AnswerNote {
            at: review.at,
            card: review.card.clone(),
            style: suggestion.map_or(AnswerStyle::Recalled, |(_, style)| style),
            suggested: suggestion.map(|(grade, _)| grade),
            chosen: review.grade,
            follow_ups_reached: u8::try_from(reached).unwrap_or(u8::MAX),
            follow_ups_answered: u8::try_from(answered).unwrap_or(u8::MAX),
        })
    }
}

/// The grade the ticks suggest, by the same rule as typed answers: the share
/// of key points ticked, and whether a failure mode and a trade-off were named.
pub fn checklist_grade(question: &Question, ticks: &[bool]) -> Grade {
    let points = question.key_points.len();
    let ticked_points = ticks.iter().take(points).filter(|t| **t).count();
    let named = |kind: ConcernKind| {
        question
            .concerns
            .iter()
            .zip(ticks.iter().skip(points))
            .any(|(c, t)| c.kind == kind && *t)
    };
    let coverage = if points == 0 {
        0.0
    } else {
        ticked_points as f64 / points as f64
    };
    suggest(
        coverage,
        named(ConcernKind::Failure) && named(ConcernKind::TradeOff),
    )
}

/// "3 of 5 key points covered. …", for screen readers and the feedback heading.
pub fn describe(feedback: &Feedback) -> String {
    let covered = feedback
        .points
        .iter()
        .filter(|p| p.matched.is_some())
        .count();
    let mut flags = String::new();
    for m in &feedback.misconceptions {
        flags.push_str(&format!("Misconception: {} ", m.claim));
    }
    if feedback.reads_as_list {
        flags.push_str(crate::core::coach::LIST_OF_TERMS);
        flags.push(' ');
    }
    let rules = if feedback.story {
        String::new()
    } else {
        format!(
            " {} {}",
            if feedback.names_failure {
                "It names a failure mode."
            } else {
                "It names no failure mode."
            },
            if feedback.names_trade_off {
                "It names a trade-off."
            } else {
                "It names no trade-off."
            }
        )
    };
    format!(
        "{flags}Your answer covers {covered} of {} key points.{rules} Suggested grade: {}.",
        feedback.points.len(),
        feedback.suggested.label()
    )
}

/// Minutes and seconds, "2:05".
pub fn clock(ms: i64) -> String {
    let seconds = ms.max(0) / 1000;
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

fn follow_up_announcement(question: &Question, index: usize) -> String {
    let prompt = question
        .follow_ups
        .get(index)
        .map(|f| crate::core::rich::plain_text(&f.prompt))
        .unwrap_or_default();
    format!(
        "Follow-up {} of {}: {prompt}",
        index + 1,
        question.follow_ups.len()
    )
}

fn finished_announcement(chain: &Chain) -> String {
    format!(
        "Follow-ups done: {} of {} answered. Grade the card.",
        chain.answered_count(),
        chain.reached()
    )
}

/// The attempt's messages in the session: for the card on screen only; a
/// draft is kept as it is typed (the latest keystroke wins), so a reload
/// loses nothing.
pub(super) fn answer(model: &mut super::Model, answer: AnswerMsg) -> Vec<super::Effect> {
    use super::{Effect, Saving};
    use crate::core::draft::Draft;
    use crate::core::stored::Write;
    // The deck is shared and immutable: holding it lets the attempt change.
    let deck = std::rc::Rc::clone(&model.deck);
    let Some(question) = model.drill.current.and_then(|i| deck.questions.get(i)) else {
        return Vec::new();
    };
    // The key points and follow-ups come with the answers, just after the
    // first card; until then the check and the follow-ups say so and wait.
    let needs_details = matches!(answer, AnswerMsg::Check | AnswerMsg::StartFollowUps);
    if needs_details && model.answers != super::Answers::Here {
        model.announcement = match &model.answers {
            super::Answers::Failed(reason) => format!(
                "The key points could not be loaded ({reason}). Reload the page to try again."
            ),
            _ => "The key points are still loading: try again in a moment.".into(),
        };
        return Vec::new();
    }
    let typing = matches!(answer, AnswerMsg::Draft(_));
    if let Some(text) = model.attempt.update(answer, question, model.drill.revealed) {
        model.announcement = text;
    }
    if !typing || model.saving == Saving::Off {
        return Vec::new();
    }
    vec![Effect::Store(if model.attempt.draft.is_empty() {
        Write::ClearDraft
    } else {
        Write::Draft(Draft {
            deck: deck.id.clone(),
            q: question.id.clone(),
            text: model.attempt.draft.clone(),
        })
    })]
}
