//! The end-of-round report: per question the time used, the key points
//! covered, whether a failure mode and a trade-off were named and the
//! follow-up answered; an overall score, the weakest topic and the questions
//! to drill again. And the reviews a round adds to the history, so rounds move
//! the schedule like any other answers.
//!
//! Typed answers are checked by `core::coach`; spoken ones by the learner's
//! own checklist, graded with the coach's thresholds so both styles mean the
//! same. All figures are integers: the page formats no floats.

use super::history::RoundRecord;
use super::{AnswerStyle, Ending, Item, Round};
use crate::core::bank::{Deck, Question};
use crate::core::coach::{check, suggest};
use crate::core::progress::{CardKey, Grade, Review, ReviewKind};

/// Out of 100 per question: key points, a failure mode, a trade-off. When a
/// follow-up was asked, answering it is worth `FOLLOW_UP_POINTS` of the key
/// points' share, so asking one never lowers a full answer's score.
const POINTS_SHARE: u32 = 70;
const FAILURE_POINTS: u32 = 15;
const TRADE_OFF_POINTS: u32 = 15;
const FOLLOW_UP_POINTS: u32 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FollowUpReport {
    /// Index into the question's follow-ups.
    pub index: usize,
    pub answered: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuestionReport {
    pub question: String,
    /// Kept so a report reopens (and finds its weakest topic) even after the
    /// question left the deck.
    pub topic: String,
    /// The question was on screen (the round did not stop before it).
    pub reached: bool,
    pub used_ms: i64,
    pub limit_ms: i64,
    pub timed_out: bool,
    /// Indices of the key points covered.
    pub covered: Vec<usize>,
    /// How many key points the question has.
    pub points: usize,
    pub names_failure: bool,
    pub names_trade_off: bool,
    pub follow_up: Option<FollowUpReport>,
    /// `None` when the question was not reached.
    pub grade: Option<Grade>,
    /// 0 to 100.
    pub score: u8,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Report {
    pub questions: Vec<QuestionReport>,
    /// 0 to 100: the mean of the questions' scores, unreached ones as 0.
    pub score: u8,
    /// The topic slug with the lowest mean score among reached questions.
    pub weakest_topic: Option<String>,
    /// Question ids graded Again or Hard, weakest first: the next practice
    /// session puts them first.
    pub drill_again: Vec<String>,
    pub used_ms: i64,
}

impl Report {
    /// The overall figures from the per-question ones (also how a stored
    /// report is rebuilt, so the two can never disagree).
    pub fn from_questions(questions: Vec<QuestionReport>) -> Report {
        let count = questions.len() as u32;
        let sum: u32 = questions.iter().map(|q| u32::from(q.score)).sum();
        let score = (sum + count / 2)
            .checked_div(count)
            .map_or(0, |s| s.min(100) as u8);
        // Per topic, in order of first appearance: (slug, sum, count).
        let mut topics: Vec<(&str, u32, u32)> = Vec::new();
        for q in questions.iter().filter(|q| q.reached) {
            match topics.iter_mut().find(|(t, _, _)| *t == q.topic) {
                Some(entry) => {
                    entry.1 += u32::from(q.score);
                    entry.2 += 1;
                }
                None => topics.push((q.topic.as_str(), u32::from(q.score), 1)),
            }
        }
        let mut weakest: Option<(&str, u32, u32)> = None;
        for entry in topics {
            // Lower mean wins, compared without division; ties keep the first.
            if weakest.is_none_or(|(_, s, c)| entry.1 * c < s * entry.2) {
                weakest = Some(entry);
            }
        }
        let mut weak: Vec<&QuestionReport> = questions
            .iter()
            .filter(|q| matches!(q.grade, Some(Grade::Again | Grade::Hard)))
            .collect();
        weak.sort_by_key(|q| q.score);
        Report {
            score,
            weakest_topic: weakest.map(|(t, _, _)| t.to_string()),
            drill_again: weak.iter().map(|q| q.question.clone()).collect(),
            used_ms: questions.iter().map(|q| q.used_ms).sum(),
            questions,
        }
    }
}

/// The report of a round (finished or not: unended questions count as not
/// reached).
pub fn report(round: &Round, deck: &Deck) -> Report {
    Report::from_questions(
        round
            .items
            .iter()
            .map(|item| question_report(item, deck.question(&item.question), round.setup.style))
            .collect(),
    )
}

fn question_report(item: &Item, question: Option<&Question>, style: AnswerStyle) -> QuestionReport {
    let reached = item.ended.is_some();
    let points = question.map_or(item.checked.len(), |q| q.key_points.len());
    // A story is not asked for failure modes or trade-offs: the rule counts
    // as met, as the coach counts it (`coach::Feedback::story`).
    let story = question.is_some_and(Question::is_story);
    let (covered, names_failure, names_trade_off, suggested) = match (style, question) {
        _ if !reached => (Vec::new(), false, false, None),
        (AnswerStyle::Typed, Some(q)) => {
            let feedback = check(&item.answer, q);
            let covered = feedback
                .points
                .iter()
                .enumerate()
                .filter(|(_, p)| p.matched.is_some())
                .map(|(i, _)| i)
                .collect();
            (
                covered,
                feedback.names_failure,
                feedback.names_trade_off,
                Some(feedback.suggested),
            )
        }
        // A question gone from the deck cannot be checked: nothing covered.
        (AnswerStyle::Typed, None) => (Vec::new(), false, false, Some(Grade::Again)),
        (AnswerStyle::Aloud, _) => {
            let covered: Vec<usize> = item
                .checked
                .iter()
                .enumerate()
                .filter(|(i, on)| **on && *i < points)
                .map(|(i, _)| i)
                .collect();
            let grade = checklist_grade(
                covered.len(),
                points,
                story || (item.named_failure && item.named_trade_off),
            );
            (
                covered,
                item.named_failure,
                item.named_trade_off,
                Some(grade),
            )
        }
    };
    let (names_failure, names_trade_off) = (names_failure || story, names_trade_off || story);
    let follow_up = item.follow_up.as_ref().map(|f| FollowUpReport {
        index: f.index,
        answered: f.answered(),
    });
    let score = if reached {
        question_score(
            covered.len(),
            points,
            names_failure,
            names_trade_off,
            follow_up,
        )
    } else {
        0
    };
    QuestionReport {
        question: item.question.clone(),
        topic: question.map(|q| q.topic.clone()).unwrap_or_default(),
        reached,
        used_ms: item.used_ms,
        limit_ms: item.limit_ms,
        timed_out: item.ended.is_some_and(|e| e.how == Ending::TimedOut),
        covered,
        points,
        names_failure,
        names_trade_off,
        follow_up,
        grade: suggested,
        score,
    }
}

/// The coach's grade for a ticked checklist: the same thresholds as a typed
/// answer's (`coach::suggest`), so both ways of answering grade alike.
fn checklist_grade(covered: usize, points: usize, names_both: bool) -> Grade {
    if points == 0 {
        return Grade::Again;
    }
    suggest(covered.min(points) as f64 / points as f64, names_both)
}

pub(super) fn question_score(
    covered: usize,
    points: usize,
    failure: bool,
    trade_off: bool,
    follow_up: Option<FollowUpReport>,
) -> u8 {
    let share = if follow_up.is_some() {
        POINTS_SHARE - FOLLOW_UP_POINTS
    } else {
        POINTS_SHARE
    };
    let covered = covered.min(points) as u32;
    let points = points as u32;
    let from_points = if points == 0 {
        0
    } else {
        (2 * covered * share + points) / (2 * points)
    };
    let total = from_points
        + if failure { FAILURE_POINTS } else { 0 }
        + if trade_off { TRADE_OFF_POINTS } else { 0 }
        + if follow_up.is_some_and(|f| f.answered) {
            FOLLOW_UP_POINTS
        } else {
            0
        };
    total.min(100) as u8
}

/// The reviews a round adds to the history: one per question reached, with
/// its grade, as a scheduled review at the moment the question ended (moved
/// on by a millisecond where two would share one, since a review's moment is
/// part of its identity).
pub fn reviews(round: &Round, report: &Report) -> Vec<Review> {
    let mut out: Vec<Review> = Vec::new();
    for (item, q) in round.items.iter().zip(&report.questions) {
        let (Some(ended), Some(grade)) = (item.ended, q.grade) else {
            continue;
        };
        let mut at = ended.at;
        if let Some(previous) = out.last() {
            at.unix_ms = at.unix_ms.max(previous.at.unix_ms.saturating_add(1));
        }
        out.push(Review {
            at,
            card: CardKey::new(&round.deck, &item.question),
            grade,
            kind: ReviewKind::Scheduled,
        });
    }
    out
}

/// What a finished round leaves behind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    /// For the history of rounds.
    pub record: RoundRecord,
    /// For the review history (and so the scheduler).
    pub reviews: Vec<Review>,
}

/// The record and reviews of a finished round; `None` while it runs.
pub fn finish(round: &Round, deck: &Deck) -> Option<Finished> {
    if !round.is_finished() {
        return None;
    }
    let report = report(round, deck);
    Some(Finished {
        reviews: reviews(round, &report),
        record: RoundRecord {
            started: round.started,
            seed: round.seed,
            deck: round.deck.clone(),
            setup: round.setup.clone(),
            report,
        },
    })
}
