//! The drill session as a state machine: `update(&mut Model, Msg) -> Vec<Effect>`.
//!
//! The shell turns clicks, keys and timer ticks into `Msg`s (with the current
//! `Moment` where time matters), renders the `Model`, and performs the returned
//! `Effect`s. No rule of the drill lives anywhere else.

use std::rc::Rc;

use super::bank::{Deck, Question};
use super::fsrs::{preview, retrievability, review, CardState, Params};
use super::ledger::{Ledger, Stamped};
use super::notice::Notice;
use super::persist::{decode, encode_export, Restored};
use super::progress::{CardKey, Grade, Progress, ProgressLine, Review, ReviewKind};
use super::schedule::{
    build_queue, format_interval, learning_due, new_introduced_today, next_due, percent, pick_next,
    CardStates, Queue,
};
use super::settings::Settings;
use super::time::Moment;

/// What the learner is drilling.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Today's queue: due cards, then new cards up to the daily limit.
    Today,
    /// Extra practice on a topic and difficulty; the schedule is untouched.
    Cram { difficulty: Option<u8> },
}

/// The section of the widget on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Practice,
    Stats,
    Settings,
}

/// Everything the drill shows, and what it needs to carry on.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub deck: Rc<Deck>,
    /// The topic slug the learner chose, or every topic.
    pub topic: Option<String>,
    pub mode: Mode,
    pub section: Section,
    pub data: Saved,
    /// Every card's schedule, derived from `data`.
    pub states: CardStates,
    pub queue: Queue,
    /// Cards left in this round of extra practice.
    pub cram: Vec<usize>,
    /// The card on screen, as an index into `deck.questions`.
    pub current: Option<usize>,
    pub revealed: bool,
    pub saving: Saving,
    /// A problem the learner should know about, shown until dismissed.
    pub notice: Option<Notice>,
    /// The latest polite announcement for screen readers.
    pub announcement: String,
    /// The learner asked to reset and has not confirmed yet.
    pub confirming_reset: bool,
    /// At most this many cards a session (an embed's `data-questions`).
    pub session_limit: Option<usize>,
    /// Cards graded since the widget opened.
    pub graded: usize,
    undo: Vec<UndoStep>,
    /// Names this writer's log key; comes from the shell's random source.
    writer: String,
}

/// What grading a card changed, so undo can put it back exactly.
#[derive(Clone, Debug, PartialEq)]
struct UndoStep {
    review: Review,
    index: usize,
    state_before: CardState,
    queue: Queue,
    cram: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saving {
    On,
    /// Stored data must not be overwritten (newer format, backup failed, or no storage).
    Off,
}

/// What the learner has saved: everything known, and this writer's share.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// Everything read from storage, plus this writer's additions.
    pub ledger: Ledger,
    /// What this writer added since it opened: the content of its own log.
    pub own: Ledger,
    /// The reviews that count (`ledger` less undone ones), kept in step.
    pub progress: Progress,
}

impl Saved {
    pub fn new(ledger: Ledger) -> Self {
        let progress = ledger.progress();
        Self {
            ledger,
            own: Ledger::default(),
            progress,
        }
    }

    /// Adds what this writer did, to its own log and to the whole.
    fn add(&mut self, change: &Ledger) {
        self.own.merge(change);
        self.ledger.merge(change);
        self.progress = self.ledger.progress();
    }

    /// Takes in everything now stored. Stored data only grows, except by a
    /// reset in another tab, so it replaces what was read before; this writer's
    /// own additions are kept whatever happened to them.
    fn absorb(&mut self, shared: &Ledger) {
        let mut ledger = shared.clone();
        ledger.merge(&self.own);
        self.ledger = ledger;
        self.progress = self.ledger.progress();
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
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
    Show(Section),
    SetRetention(f64, Moment),
    SetNewPerDay(u32, Moment),
    /// Time passed: a learning card may have fallen due, or a new day begun.
    Tick(Moment),
    DismissNotice,
    /// The shell could not write progress; `full` when the quota is used up
    /// even after compaction.
    SaveFailed {
        reason: String,
        full: bool,
    },
    /// Another tab or widget saved progress; this is everything now stored.
    StorageChanged(Ledger),
    /// Download everything saved as a JSON file.
    Export(Moment),
    /// The text of a file the learner chose to import.
    Import(String, Moment),
    /// The chosen file could not be read at all.
    ImportFailed(String),
    /// Reset asks first; only the confirmation removes anything.
    AskReset,
    CancelReset,
    ConfirmReset(Moment),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Save what this writer added (the shell writes its log, compacting
    /// into the shared base if storage is full).
    WriteLog(Ledger),
    /// Offer this file for download.
    Download { file_name: String, contents: String },
    /// Remove every key of this widget's namespace.
    RemoveAll,
}

/// How the app starts: the shell's restore result and whether its backups worked.
pub struct Start {
    pub deck: Rc<Deck>,
    pub topic: Option<String>,
    pub restored: Restored,
    /// The backup keys the unreadable values were copied to, or `None` when a
    /// copy failed (then nothing may be written).
    pub backups: Option<Vec<String>>,
    pub writer: String,
    /// Why storage could not be opened or read, if it could not.
    pub storage_problem: Option<String>,
    pub session_limit: Option<usize>,
    pub now: Moment,
}

impl Model {
    pub fn start(start: Start) -> Self {
        let Start {
            deck,
            topic,
            restored,
            backups,
            writer,
            storage_problem,
            session_limit,
            now,
        } = start;
        let (saving, notice) = Notice::on_start(&restored, backups, storage_problem);
        let topic = topic.filter(|t| deck.questions.iter().any(|q| q.topic == *t));
        let data = Saved::new(restored.ledger);
        let states = CardStates::derive(&deck, &data.progress, &data.ledger.settings().params());
        let mut model = Model {
            deck,
            topic,
            mode: Mode::Today,
            section: Section::Practice,
            data,
            states,
            confirming_reset: false,
            session_limit,
            graded: 0,
            queue: Queue::default(),
            cram: Vec::new(),
            current: None,
            revealed: false,
            saving,
            notice,
            announcement: String::new(),
            undo: Vec::new(),
            writer,
        };
        model.rebuild(now);
        model
    }

    /// This writer's id: unique per widget instance and page load.
    pub fn writer(&self) -> &str {
        &self.writer
    }

    pub fn settings(&self) -> Settings {
        self.data.ledger.settings()
    }

    pub fn params(&self) -> Params {
        self.settings().params()
    }

    pub fn current(&self) -> Option<&Question> {
        self.current.and_then(|i| self.deck.questions.get(i))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn progress_line(&self, now: Moment) -> ProgressLine {
        {
            let questions: Vec<&str> = self.deck.questions.iter().map(|q| q.id.as_str()).collect();
            self.data.progress.line(&self.deck.id, &questions, now)
        }
    }

    /// Cards left in this session: due and new for today, or extra practice,
    /// within the session limit.
    pub fn remaining(&self) -> usize {
        let left = match self.mode {
            Mode::Today => self.queue.due.len() + self.queue.new.len(),
            Mode::Cram { .. } => self.cram.len(),
        };
        match self.session_limit {
            Some(limit) => left.min(limit.saturating_sub(self.graded)),
            None => left,
        }
    }

    /// The session limit has been reached.
    pub fn limit_reached(&self) -> bool {
        self.session_limit.is_some_and(|limit| self.graded >= limit)
    }

    /// Cards due now in today's queue: reviews plus learning steps that are due.
    pub fn due_now(&self, now: Moment) -> usize {
        self.queue.due.len()
            + learning_due(&self.deck, self.topic.as_deref(), &self.states, now.unix_ms)
    }

    /// The interval each grade would give the current card, as labels.
    /// `None` in extra practice, where grades do not schedule.
    pub fn grade_intervals(&self, now: Moment) -> Option<[String; 4]> {
        let index = self.current?;
        if self.mode != Mode::Today {
            return None;
        }
        let next = preview(&self.params(), &self.states.get(index), now.unix_ms);
        Some(next.map(|card| format_interval(card.due_ms - now.unix_ms)))
    }

    /// When the next card of the chosen topic falls due.
    pub fn next_due(&self) -> Option<i64> {
        next_due(&self.deck, self.topic.as_deref(), &self.states)
    }

    /// The name of what is being drilled, for messages.
    pub fn scope(&self) -> String {
        self.topic.as_deref().map_or("all topics".to_string(), |t| {
            self.deck.topic_title(t).to_string()
        })
    }

    /// Rebuilds today's queue (or the extra-practice round) and picks a card.
    fn rebuild(&mut self, now: Moment) {
        let params = self.params();
        match self.mode {
            Mode::Today => {
                let introduced = new_introduced_today(&self.deck, &self.data.progress, now);
                let allowance = (self.settings().new_per_day as usize).saturating_sub(introduced);
                self.queue = build_queue(
                    &self.deck,
                    self.topic.as_deref(),
                    &self.states,
                    &params,
                    allowance,
                    now.unix_ms,
                );
            }
            Mode::Cram { difficulty } => {
                self.cram = cram_round(self, difficulty, &params, now);
            }
        }
        self.pick(now);
    }

    fn pick(&mut self, now: Moment) {
        self.revealed = false;
        if self.limit_reached() {
            self.current = None;
            return;
        }
        self.current = match self.mode {
            Mode::Today => pick_next(
                &self.deck,
                self.topic.as_deref(),
                &self.states,
                &self.queue,
                now.unix_ms,
            ),
            Mode::Cram { .. } => self.cram.first().copied(),
        };
        self.revealed = false;
    }

    fn save(&self) -> Vec<Effect> {
        match self.saving {
            Saving::On => vec![Effect::WriteLog(self.data.own.clone())],
            Saving::Off => Vec::new(),
        }
    }
}

/// The cards of an extra-practice round: the chosen topic and difficulty,
/// weakest first (lowest recall now), then cards never reviewed.
fn cram_round(model: &Model, difficulty: Option<u8>, params: &Params, now: Moment) -> Vec<usize> {
    let mut cards: Vec<(f64, usize)> = model
        .deck
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| model.topic.as_deref().is_none_or(|t| q.topic == t))
        .filter(|(_, q)| difficulty.is_none_or(|d| q.difficulty == d))
        .map(|(i, _)| {
            let r = retrievability(params, &model.states.get(i), now.unix_ms).unwrap_or(2.0);
            (r, i)
        })
        .collect();
    cards.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    cards.into_iter().map(|(_, i)| i).collect()
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::ChooseTopic(topic, now) => {
            model.topic = topic.filter(|t| model.deck.questions.iter().any(|q| q.topic == *t));
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Showing {}: {} cards to go.",
                model.scope(),
                model.remaining()
            );
            Vec::new()
        }
        Msg::Reveal => {
            if model.current.is_some() && !model.revealed {
                model.revealed = true;
                model.announcement =
                    "Answer shown. Grade yourself from 1, Again, to 4, Easy.".into();
            }
            Vec::new()
        }
        Msg::Grade(grade, now) => grade_current(model, grade, now),
        Msg::Undo => undo(model),
        Msg::StartCram { difficulty, now } => {
            model.mode = Mode::Cram { difficulty };
            model.graded = 0;
            model.section = Section::Practice;
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!(
                "Extra practice on {}: {} cards. These grades do not change your schedule.",
                model.scope(),
                model.cram.len()
            );
            Vec::new()
        }
        Msg::BackToToday(now) => {
            model.mode = Mode::Today;
            model.graded = 0;
            model.undo.clear();
            model.rebuild(now);
            model.announcement = format!("Today's queue: {} cards to go.", model.remaining());
            Vec::new()
        }
        Msg::Show(section) => {
            model.section = section;
            Vec::new()
        }
        Msg::SetRetention(retention, now) => change_settings(
            model,
            Settings {
                desired_retention: retention,
                ..model.settings()
            },
            now,
        ),
        Msg::SetNewPerDay(count, now) => change_settings(
            model,
            Settings {
                new_per_day: count,
                ..model.settings()
            },
            now,
        ),
        Msg::Tick(now) => {
            if model.current.is_none() && model.mode == Mode::Today {
                model.rebuild(now);
                if model.current.is_some() {
                    model.announcement = "A card is due again.".into();
                }
            }
            Vec::new()
        }
        Msg::DismissNotice => {
            model.notice = None;
            Vec::new()
        }
        Msg::SaveFailed { reason, full } => {
            model.notice = Some(if full {
                Notice::StorageFull { reason }
            } else {
                Notice::SaveFailed { reason }
            });
            Vec::new()
        }
        Msg::StorageChanged(shared) => {
            absorb(model, &shared);
            Vec::new()
        }
        Msg::Export(now) => {
            let day = now.local_day();
            vec![Effect::Download {
                file_name: format!("interview-drill-progress-{}.json", iso_date(day)),
                contents: encode_export(&model.data.ledger, now.unix_ms.div_euclid(1000)),
            }]
        }
        Msg::Import(text, now) => import(model, &text, now),
        Msg::ImportFailed(reason) => {
            model.notice = Some(Notice::ImportFailed { reason });
            Vec::new()
        }
        Msg::AskReset => {
            model.confirming_reset = true;
            Vec::new()
        }
        Msg::CancelReset => {
            model.confirming_reset = false;
            Vec::new()
        }
        Msg::ConfirmReset(now) => {
            if !model.confirming_reset || model.saving == Saving::Off {
                return Vec::new();
            }
            model.confirming_reset = false;
            model.data = Saved::default();
            model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
            model.undo.clear();
            model.mode = Mode::Today;
            model.rebuild(now);
            model.announcement = "All progress in this browser was removed.".into();
            vec![Effect::RemoveAll]
        }
    }
}

/// Takes in what other writers saved, keeping the card on screen.
fn absorb(model: &mut Model, shared: &Ledger) {
    let before = model.data.ledger.clone();
    model.data.absorb(shared);
    if model.data.ledger == before {
        return;
    }
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    // Undo steps hold states from before the other writer's reviews.
    model.undo.clear();
    let (current, revealed) = (model.current, model.revealed);
    if let Mode::Today = model.mode {
        // Cards graded elsewhere drop out of today's queue.
        let states = &model.states;
        model
            .queue
            .due
            .retain(|&i| states.get(i).phase == super::fsrs::Phase::Review);
        model
            .queue
            .new
            .retain(|&i| states.get(i).phase == super::fsrs::Phase::New);
    }
    if current.is_some() {
        model.current = current;
        model.revealed = revealed;
    }
    model.announcement = "Progress from another tab was merged.".into();
}

fn import(model: &mut Model, text: &str, now: Moment) -> Vec<Effect> {
    match decode(text) {
        Ok(imported) => {
            let before = model.data.progress.reviews().len();
            model.data.add(&imported);
            let added = model.data.progress.reviews().len().saturating_sub(before);
            model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
            model.undo.clear();
            model.rebuild(now);
            model.notice = None;
            model.announcement = format!(
                "Imported {} reviews: {added} new, the rest already here.",
                imported.reviews.len()
            );
            model.save()
        }
        Err(e) => {
            model.notice = Some(Notice::ImportFailed {
                reason: e.describe(),
            });
            Vec::new()
        }
    }
}

/// 2026-03-02 for a day count since 1970-01-01 (proleptic Gregorian).
fn iso_date(days: i64) -> String {
    // Howard Hinnant's civil-from-days algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn change_settings(model: &mut Model, settings: Settings, now: Moment) -> Vec<Effect> {
    let settings = settings.clamped();
    if settings == model.settings() {
        return Vec::new();
    }
    // A change always stamps later than the one it replaces, even within a
    // second or with a clock that went back, so the latest choice wins merges.
    let now_seconds = now.unix_ms.div_euclid(1000);
    let at = model
        .data
        .ledger
        .settings
        .map_or(now_seconds, |s| now_seconds.max(s.at + 1));
    model.data.add(&Ledger {
        settings: Some(Stamped { settings, at }),
        ..Ledger::default()
    });
    // A new retention reschedules every card as if it had always applied.
    model.states = CardStates::derive(&model.deck, &model.data.progress, &model.params());
    model.undo.clear();
    if model.current.is_none() || !model.revealed {
        model.rebuild(now);
    } else {
        let current = model.current;
        model.rebuild(now);
        // Keep the card the learner is looking at.
        if current.is_some() && model.current != current {
            model.current = current;
            model.revealed = true;
        }
    }
    model.announcement = format!(
        "Settings saved: {}% desired retention, {} new cards a day.",
        percent(settings.desired_retention),
        settings.new_per_day
    );
    model.save()
}

fn grade_current(model: &mut Model, grade: Grade, now: Moment) -> Vec<Effect> {
    // Grading before the answer is revealed would record a guess as recall.
    if !model.revealed {
        return Vec::new();
    }
    let Some(index) = model.current else {
        return Vec::new();
    };
    let kind = match model.mode {
        Mode::Today => ReviewKind::Scheduled,
        Mode::Cram { .. } => ReviewKind::Cram,
    };
    let mut record = Review {
        at: now,
        card: CardKey::new(&model.deck.id, &model.deck.questions[index].id),
        grade,
        kind,
    };
    // A review is its content: one equal to a review taken back with undo
    // (same card, grade and millisecond) would stay hidden, so move it on.
    while model.data.ledger.undone.contains(&record) {
        record.at.unix_ms += 1;
    }
    let now = record.at;
    let state_before = model.states.get(index);
    model.undo.push(UndoStep {
        review: record.clone(),
        index,
        state_before,
        queue: model.queue.clone(),
        cram: model.cram.clone(),
    });
    model.data.add(&Ledger {
        reviews: [record].into(),
        ..Ledger::default()
    });
    model.graded += 1;
    match kind {
        ReviewKind::Scheduled => {
            let after = review(&model.params(), &state_before, grade, now.unix_ms);
            if let Some(slot) = model.states.0.get_mut(index) {
                *slot = after;
            }
            model.queue.remove(index);
        }
        ReviewKind::Cram => model.cram.retain(|&i| i != index),
    }
    model.pick(now);
    model.announcement = match model.current {
        Some(_) => format!("Graded {}. Next card.", grade.label()),
        None if kind == ReviewKind::Cram => {
            format!("Graded {}. Extra practice round complete.", grade.label())
        }
        None => format!("Graded {}. Done for today.", grade.label()),
    };
    model.save()
}

fn undo(model: &mut Model) -> Vec<Effect> {
    let Some(step) = model.undo.pop() else {
        return Vec::new();
    };
    // The review may already sit in another writer's key or in `base`, so it is
    // marked undone rather than only dropped from this writer's log.
    model.data.own.reviews.remove(&step.review);
    model.data.add(&Ledger {
        undone: [step.review].into(),
        ..Ledger::default()
    });
    if let Some(slot) = model.states.0.get_mut(step.index) {
        *slot = step.state_before;
    }
    model.queue = step.queue;
    model.cram = step.cram;
    model.current = Some(step.index);
    model.revealed = true;
    model.graded = model.graded.saturating_sub(1);
    model.announcement = "Last grade undone.".into();
    model.save()
}
