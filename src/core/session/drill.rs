//! The drill: today's queue or a round of extra practice, the card on
//! screen, revealing and grading it, undo, and the figures the practice
//! section shows. Its own state (`Drill`) and messages (`DrillMsg`).

use super::grading::{cram_round, grade_current, undo, UndoStep};
#[cfg(feature = "full")]
use super::prep_drills;
use super::{Attempt, Effect, Model, Section};
use crate::core::bank::Deck;
use crate::core::config::DrillMode;
use crate::core::deadline::{bring_forward, extend_queue, PrepWindow};
use crate::core::draft::Draft;
use crate::core::fsrs::preview;
#[cfg(feature = "full")]
use crate::core::mock::AnswerStyle as RoundStyle;
use crate::core::progress::{Grade, ProgressLine};
use crate::core::schedule::{
    build_queue, format_interval, learning_due, new_introduced_today, next_due, pick_next, Queue,
};
use crate::core::time::Moment;

/// What the learner is drilling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Today's queue: due cards, then new cards up to the daily limit.
    Today,
    /// Extra practice on a topic and difficulty; the schedule is untouched.
    Cram { difficulty: Option<u8> },
}

/// The drill's own state.
#[derive(Clone, Debug, PartialEq)]
pub struct Drill {
    /// The topic slug the learner chose, or every topic.
    pub topic: Option<String>,
    pub mode: Mode,
    pub queue: Queue,
    /// Cards left in this round of extra practice.
    pub cram: Vec<usize>,
    /// The card on screen, as an index into `deck.questions`.
    pub current: Option<usize>,
    pub revealed: bool,
    /// Whether cards lead with recall or with the answer box.
    pub drill_mode: DrillMode,
    /// At most this many cards a session (an embed's `data-questions`).
    pub session_limit: Option<usize>,
    /// Cards graded since the widget opened.
    pub graded: usize,
    /// Extra practice on several topics at once (a plan item's), instead of
    /// the one chosen `topic`. Empty otherwise.
    pub focus_topics: Vec<String>,
    pub(super) undo: Vec<UndoStep>,
}

impl Drill {
    pub(super) fn new(topic: Option<String>, session_limit: Option<usize>) -> Self {
        Drill {
            topic,
            mode: Mode::Today,
            queue: Queue::default(),
            cram: Vec::new(),
            current: None,
            revealed: false,
            drill_mode: DrillMode::default(),
            session_limit,
            graded: 0,
            focus_topics: Vec::new(),
            undo: Vec::new(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum DrillMsg {
    /// Show only one topic, or all of them with `None`.
    ChooseTopic(Option<String>, Moment),
    Reveal,
    Grade(Grade, Moment),
    /// Take back the last grade of this session.
    Undo,
    /// Extra practice on the chosen topic, optionally one difficulty.
    StartCram {
        difficulty: Option<u8>,
        now: Moment,
    },
    BackToToday(Moment),
    /// Time passed: a learning card may have fallen due, or a new day begun.
    Tick(Moment),
    /// The answer typed before a reload; used if its card is on screen.
    RestoreDraft(Draft),
    /// The answer typed before a reload, when nothing else was asked for:
    /// its card comes back on screen with it, if today's queue still
    /// holds the card.
    ResumeDraft(Draft),
    /// The interview window read from the stored plan, where the plan
    /// itself is not loaded (the guest build); the queue follows it.
    Window(Option<PrepWindow>, Moment),
    /// Extra practice with these questions first (a mock round's weak ones),
    /// then the rest of the deck, weakest first.
    #[cfg(feature = "full")]
    DrillFirst(Vec<String>, Moment),
    /// Extra practice on these topics, for a plan item; `style` chooses
    /// whether cards lead with the answer box.
    #[cfg(feature = "full")]
    PracticeTopics {
        topics: Vec<String>,
        style: RoundStyle,
        now: Moment,
    },
}

/// Shows the answer's place; the first paint does this on its own.
pub(super) fn reveal(model: &mut Model) -> Vec<Effect> {
    if model.drill.current.is_some() && !model.drill.revealed {
        model.drill.revealed = true;
        model.announcement = "Answer shown. Grade yourself from 1, Again, to 4, Easy.".into();
    }
    Vec::new()
}

/// Follows the plan's interview window, which moves today's queue.
pub(super) fn window(model: &mut Model, window: Option<PrepWindow>, now: Moment) -> Vec<Effect> {
    if model.interview != window {
        model.interview = window;
        model.rebuild(now);
    }
    Vec::new()
}

/// Puts the answer typed before a reload back in the box: on the card on
/// screen, or with `resume`, on its own card brought back to the screen if
/// today's queue still holds it (a reload recomputes the queue, and time
/// alone can put another card first). The first paint does this too, so
/// the first card drawn is the one the learner was answering.
pub(super) fn restore_draft(model: &mut Model, stored: Draft, resume: bool) -> Vec<Effect> {
    if model.deck.id != stored.deck || model.drill.revealed || !model.attempt.draft.is_empty() {
        return Vec::new();
    }
    let Some(index) = model.deck.questions.iter().position(|q| q.id == stored.q) else {
        return Vec::new();
    };
    let queue = &model.drill.queue;
    let queued = queue.due.contains(&index) || queue.new.contains(&index);
    let comes_back = resume && model.drill.mode == Mode::Today && queued;
    if model.drill.current != Some(index) && !comes_back {
        return Vec::new();
    }
    model.drill.current = Some(index);
    model.attempt.draft = stored.text;
    Vec::new()
}

pub(super) fn update(model: &mut Model, msg: DrillMsg) -> Vec<Effect> {
    match msg {
        DrillMsg::ChooseTopic(topic, now) => {
            model.drill.focus_topics.clear();
            model.drill.topic =
                topic.filter(|t| model.deck.questions.iter().any(|q| q.topic == *t));
            model.drill.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Showing {}: {} cards to go.",
                model.scope(),
                model.remaining()
            );
            Vec::new()
        }
        DrillMsg::Reveal => reveal(model),
        DrillMsg::Grade(grade, now) => grade_current(model, grade, now),
        DrillMsg::Undo => undo(model),
        DrillMsg::StartCram { difficulty, now } => {
            model.drill.mode = Mode::Cram { difficulty };
            model.drill.graded = 0;
            model.section = Section::Practice;
            model.drill.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Extra practice on {}: {} cards. These grades do not change your schedule.",
                model.scope(),
                model.drill.cram.len()
            );
            Vec::new()
        }
        DrillMsg::BackToToday(now) => {
            model.drill.focus_topics.clear();
            model.drill.mode = Mode::Today;
            model.drill.graded = 0;
            model.drill.undo.clear();
            model.rebuild(now);
            model.announcement = format!("Today's queue: {} cards to go.", model.remaining());
            Vec::new()
        }
        DrillMsg::Tick(now) => {
            if model.drill.current.is_none() && model.drill.mode == Mode::Today {
                model.rebuild(now);
                if model.drill.current.is_some() {
                    model.announcement = "A card is due again.".into();
                }
            }
            Vec::new()
        }
        DrillMsg::RestoreDraft(stored) => restore_draft(model, stored, false),
        DrillMsg::ResumeDraft(stored) => restore_draft(model, stored, true),
        DrillMsg::Window(window, now) => self::window(model, window, now),
        #[cfg(feature = "full")]
        DrillMsg::DrillFirst(ids, now) => prep_drills::drill_first(model, &ids, now),
        #[cfg(feature = "full")]
        DrillMsg::PracticeTopics { topics, style, now } => {
            prep_drills::practice_topics(model, topics, style, now)
        }
    }
}

impl Model {
    pub fn current(&self) -> Option<&crate::core::bank::Question> {
        self.drill.current.and_then(|i| self.deck.questions.get(i))
    }

    pub fn can_undo(&self) -> bool {
        !self.drill.undo.is_empty()
    }

    pub fn progress_line(&self, now: Moment) -> ProgressLine {
        let questions: Vec<&str> = self.deck.questions.iter().map(|q| q.id.as_str()).collect();
        self.data.progress.line(&self.deck.id, &questions, now)
    }

    /// Cards left in this session: due and new for today, or extra practice,
    /// within the session limit.
    pub fn remaining(&self) -> usize {
        let left = match self.drill.mode {
            Mode::Today => self.drill.queue.due.len() + self.drill.queue.new.len(),
            Mode::Cram { .. } => self.drill.cram.len(),
        };
        match self.drill.session_limit {
            Some(limit) => left.min(limit.saturating_sub(self.drill.graded)),
            None => left,
        }
    }

    /// The session limit has been reached.
    pub fn limit_reached(&self) -> bool {
        self.drill
            .session_limit
            .is_some_and(|limit| self.drill.graded >= limit)
    }

    /// Cards due now in today's queue: reviews plus learning steps that are due.
    pub fn due_now(&self, now: Moment) -> usize {
        self.drill.queue.due.len()
            + learning_due(
                &self.deck,
                self.drill.topic.as_deref(),
                &self.states,
                now.unix_ms,
            )
    }

    /// The interval each grade would give the current card, as labels.
    /// `None` in extra practice, where grades do not schedule.
    pub fn grade_intervals(&self, now: Moment) -> Option<[String; 4]> {
        let index = self.drill.current?;
        if self.drill.mode != Mode::Today {
            return None;
        }
        let next = preview(&self.params(), &self.states.get(index), now.unix_ms);
        Some(next.map(|card| format_interval(card.due_ms - now.unix_ms)))
    }

    /// When the next card of the chosen topic falls due.
    pub fn next_due(&self) -> Option<i64> {
        next_due(&self.deck, self.drill.topic.as_deref(), &self.states)
    }

    /// The name of what is being drilled, for messages.
    pub fn scope(&self) -> String {
        if !self.drill.focus_topics.is_empty() {
            let titles: Vec<&str> = self
                .drill
                .focus_topics
                .iter()
                .map(|t| self.deck.topic_title(t))
                .collect();
            return titles.join(" and ");
        }
        self.drill
            .topic
            .as_deref()
            .map_or("all topics".to_string(), |t| {
                self.deck.topic_title(t).to_string()
            })
    }

    /// Rebuilds today's queue (or the extra-practice round) and picks a card.
    pub(super) fn rebuild(&mut self, now: Moment) {
        let params = self.params();
        match self.drill.mode {
            Mode::Today => {
                let introduced = new_introduced_today(&self.deck, &self.data.progress, now);
                let allowance = (self.settings().new_per_day as usize).saturating_sub(introduced);
                let topic = self.drill.topic.as_deref();
                self.drill.queue = build_queue(
                    &self.deck,
                    topic,
                    &self.states,
                    &params,
                    allowance,
                    now.unix_ms,
                );
                // Before an interview date, cards that would stay unseen
                // until after it join today's queue; without one, nothing.
                let extra = bring_forward(
                    &self.deck,
                    topic,
                    &self.data.progress,
                    &params,
                    self.interview.as_ref(),
                    now,
                );
                extend_queue(&mut self.drill.queue, &extra, &self.states);
            }
            Mode::Cram { difficulty } => {
                self.drill.cram = cram_round(self, difficulty, &params, now);
            }
        }
        self.pick(now);
    }

    pub(super) fn pick(&mut self, now: Moment) {
        self.drill.revealed = false;
        self.attempt = Attempt::default();
        #[cfg(feature = "full")]
        {
            self.links.share_note = None;
        }
        if self.limit_reached() {
            self.drill.current = None;
            return;
        }
        self.drill.current = match self.drill.mode {
            Mode::Today => pick_next(
                &self.deck,
                self.drill.topic.as_deref(),
                &self.states,
                &self.drill.queue,
                now.unix_ms,
            ),
            Mode::Cram { .. } => self.drill.cram.first().copied(),
        };
    }

    /// Starts a round of extra practice on what `drill` now names.
    #[cfg(feature = "full")]
    pub(super) fn start_cram(&mut self, now: Moment) {
        self.drill.mode = Mode::Cram { difficulty: None };
        self.drill.graded = 0;
        self.section = Section::Practice;
        self.drill.undo.clear();
        self.rebuild(now);
    }
}

/// The topics of a scoped deck, or none for a deck with every topic.
pub fn drill_topics(deck: &Deck) -> Vec<String> {
    let mut topics: Vec<String> = Vec::new();
    for q in &deck.questions {
        if !topics.contains(&q.topic) {
            topics.push(q.topic.clone());
        }
    }
    if topics.len() == deck.topics.len() {
        Vec::new()
    } else {
        topics
    }
}
