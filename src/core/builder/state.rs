//! The builder's state and how each `Action` changes it.

use super::actions::{Action, Edit, Rows};
use super::checks::{question_from_draft, Problem};
use super::deck::{deck_of, Entry};
use super::draft::{draft_from_question, Draft, Field, FollowUpRow, KeyPointRow};
use super::ids::{slug, unique_id};
use crate::core::bank::Deck;
use crate::core::rich::plain_text;
use crate::core::share::markdown::parse_line;

/// The builder's whole state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Builder {
    pub title: String,
    pub description: String,
    pub entries: Vec<Entry>,
    pub draft: Draft,
    /// The id of the written question loaded into the form, if any.
    pub editing: Option<String>,
    /// The draft's problems from the last `Submit`.
    pub problems: Vec<Problem>,
    /// Counts submits that found problems, so the page can move focus to the
    /// first one each time.
    pub failed_submits: u32,
    /// What the last action did, for a status line.
    pub announcement: String,
    /// Ids a written question may not take (the whole bank's), so picking a
    /// bank question later never clashes.
    pub reserved: Vec<String>,
}

fn set(rows: &mut [String], i: usize, text: String) {
    if let Some(row) = rows.get_mut(i) {
        *row = text;
    }
}

impl Builder {
    pub fn new(reserved: Vec<String>) -> Self {
        Self {
            reserved,
            ..Self::default()
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.question.id == id)
    }

    /// The deck as it stands, named by its content.
    pub fn deck(&self) -> Deck {
        deck_of(
            &self.title,
            &self.description,
            self.entries.iter().map(|e| e.question.clone()).collect(),
        )
    }

    /// The id the draft would get: a slug of its prompt, unique among the
    /// bank and the deck's other questions.
    pub fn draft_id(&self) -> String {
        let base = slug(&plain_text(&parse_line(&self.draft.prompt)));
        unique_id(&base, |id| {
            self.reserved.iter().any(|r| r == id)
                || self
                    .entries
                    .iter()
                    .any(|e| e.question.id == id && self.editing.as_deref() != Some(id))
        })
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Title(text) => self.title = text,
            Action::Description(text) => self.description = text,
            Action::Pick { question, on } => {
                if on && !self.contains(&question.id) {
                    // Deck links of format 1 carry no misconceptions: the
                    // builder holds what its link will carry.
                    let mut question = *question;
                    question.misconceptions.clear();
                    self.entries.push(Entry {
                        question,
                        written: false,
                    });
                } else if !on {
                    self.entries.retain(|e| e.question.id != question.id);
                }
            }
            Action::Edit(edit) => self.edit(edit),
            Action::AddRow(rows) => match rows {
                Rows::KeyPoints => self.draft.key_points.push(KeyPointRow::default()),
                Rows::FollowUps => self.draft.follow_ups.push(FollowUpRow::default()),
                Rows::Failures => self.draft.failures.push(String::new()),
                Rows::TradeOffs => self.draft.trade_offs.push(String::new()),
            },
            Action::RemoveRow(rows, i) => self.remove_row(rows, i),
            Action::Submit => self.submit(),
            Action::EditQuestion(id) => {
                if let Some(entry) = self
                    .entries
                    .iter()
                    .find(|e| e.written && e.question.id == id)
                {
                    self.draft = draft_from_question(&entry.question);
                    self.editing = Some(id);
                    self.problems.clear();
                    self.announcement = format!(
                        "Editing “{}” in the form.",
                        plain_text(&entry.question.prompt)
                    );
                }
            }
            Action::CancelEdit => {
                self.editing = None;
                self.draft = Draft::default();
                self.problems.clear();
                self.announcement = "Stopped editing; the question is unchanged.".into();
            }
            Action::Remove(id) => {
                self.entries.retain(|e| e.question.id != id);
                if self.editing.as_deref() == Some(id.as_str()) {
                    self.editing = None;
                    self.draft = Draft::default();
                    self.problems.clear();
                }
            }
            Action::MoveUp(id) => {
                if let Some(i) = self.position(&id).filter(|&i| i > 0) {
                    self.entries.swap(i, i - 1);
                }
            }
            Action::MoveDown(id) => {
                if let Some(i) = self.position(&id).filter(|&i| i + 1 < self.entries.len()) {
                    self.entries.swap(i, i + 1);
                }
            }
        }
    }

    fn position(&self, id: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.question.id == id)
    }

    fn edit(&mut self, edit: Edit) {
        let d = &mut self.draft;
        match edit {
            Edit::Topic(t) => d.topic = t,
            Edit::Difficulty(t) => d.difficulty = t,
            Edit::Minutes(t) => d.minutes = t,
            Edit::Prompt(t) => d.prompt = t,
            Edit::Answer(t) => d.answer = t,
            Edit::KeyPointLabel(i, t) => {
                if let Some(row) = d.key_points.get_mut(i) {
                    row.label = t;
                }
            }
            Edit::KeyPointPhrases(i, t) => {
                if let Some(row) = d.key_points.get_mut(i) {
                    row.phrases = t;
                }
            }
            Edit::FollowUpQuestion(i, t) => {
                if let Some(row) = d.follow_ups.get_mut(i) {
                    row.question = t;
                }
            }
            Edit::FollowUpHint(i, t) => {
                if let Some(row) = d.follow_ups.get_mut(i) {
                    row.hint = t;
                }
            }
            Edit::Failure(i, t) => set(&mut d.failures, i, t),
            Edit::TradeOff(i, t) => set(&mut d.trade_offs, i, t),
        }
    }

    /// Removes a row; the last row of a group is emptied instead, so the form
    /// keeps a place to write. Problems move with their rows' indices, so
    /// they are dropped rather than shown next to the wrong row.
    fn remove_row(&mut self, rows: Rows, i: usize) {
        fn remove<T: Default>(list: &mut Vec<T>, i: usize) {
            if i < list.len() {
                list.remove(i);
            }
            if list.is_empty() {
                list.push(T::default());
            }
        }
        let d = &mut self.draft;
        match rows {
            Rows::KeyPoints => remove(&mut d.key_points, i),
            Rows::FollowUps => remove(&mut d.follow_ups, i),
            Rows::Failures => remove(&mut d.failures, i),
            Rows::TradeOffs => remove(&mut d.trade_offs, i),
        }
        self.problems.clear();
    }

    fn submit(&mut self) {
        let id = self.draft_id();
        match question_from_draft(&self.draft, &id) {
            Ok(question) => {
                let prompt = plain_text(&question.prompt);
                let editing = self.editing.take();
                let place = editing.as_deref().and_then(|old| self.position(old));
                let entry = Entry {
                    question,
                    written: true,
                };
                self.announcement = match place {
                    Some(i) => {
                        self.entries[i] = entry;
                        format!("Saved “{prompt}”.")
                    }
                    None => {
                        self.entries.push(entry);
                        format!(
                            "Added “{prompt}” to the deck, as question {}.",
                            self.entries.len()
                        )
                    }
                };
                self.draft = Draft::default();
                self.problems.clear();
            }
            Err(problems) => {
                self.announcement = match problems.len() {
                    1 => "The question was not added: 1 problem, shown next to its field.".into(),
                    n => format!(
                        "The question was not added: {n} problems, each shown next to its field."
                    ),
                };
                self.problems = problems;
                self.failed_submits += 1;
            }
        }
    }

    /// The problem shown next to a field, if any.
    pub fn problem(&self, field: Field) -> Option<&Problem> {
        self.problems.iter().find(|p| p.field == field)
    }
}
