//! The deck builder's rules: questions picked from the bank and written by
//! hand, the form a written question is edited in, its checks (each problem
//! tied to the field it is about), ids derived from prompts, the order of the
//! deck, and the link.
//!
//! The page keeps a `Builder` in its component state and sends it `Action`s;
//! everything that decides anything happens here, so it is tested natively.
//! Written text goes through the share links' Markdown subset
//! (`share::markdown`) into rich text: never HTML.

use super::bank::{
    Concern, ConcernKind, Deck, FollowUp, KeyPoint, Question, Topic, BUILTIN_TOPICS,
};
use super::rich::plain_text;
use super::share::limits::MAX_FIELD_CHARS;
use super::share::markdown::{parse_blocks, parse_line, write_blocks, write_line};
use super::share::rules::{CONCERNS, DIFFICULTY, FOLLOW_UPS, KEY_POINTS, MINUTES, PHRASES};
use super::share::wire::WireDeck;
use super::share::{
    deck_id, deck_link, from_wire, link_length, to_wire, validate, LengthCheck, LinkError,
    LinkErrorKind,
};

/// Longest id derived from a prompt, before a `-2`-style suffix.
pub const MAX_SLUG_CHARS: usize = 48;

/// One key point as written: a label and phrases separated by `|`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyPointRow {
    pub label: String,
    pub phrases: String,
}

/// One follow-up as written: the interviewer's question and a hint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpRow {
    pub question: String,
    pub hint: String,
}

/// A question being written, as the text of its form fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub topic: String,
    pub difficulty: String,
    pub minutes: String,
    pub prompt: String,
    /// Markdown subset: paragraphs, lists, `code`, *em*, **strong**, links.
    pub answer: String,
    pub key_points: Vec<KeyPointRow>,
    pub follow_ups: Vec<FollowUpRow>,
    pub failures: Vec<String>,
    pub trade_offs: Vec<String>,
}

impl Default for Draft {
    fn default() -> Self {
        Self {
            topic: BUILTIN_TOPICS[0].0.to_string(),
            difficulty: "2".into(),
            minutes: "3".into(),
            prompt: String::new(),
            answer: String::new(),
            key_points: vec![KeyPointRow::default()],
            follow_ups: vec![FollowUpRow::default()],
            failures: vec![String::new()],
            trade_offs: vec![String::new()],
        }
    }
}

/// A field of the form, for tying a problem to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Topic,
    Difficulty,
    Minutes,
    Prompt,
    Answer,
    KeyPointLabel(usize),
    KeyPointPhrases(usize),
    FollowUpQuestion(usize),
    FollowUpHint(usize),
    Failure(usize),
    TradeOff(usize),
}

impl Field {
    /// A short name, unique per field, for element ids.
    pub fn key(self) -> String {
        match self {
            Field::Topic => "topic".into(),
            Field::Difficulty => "difficulty".into(),
            Field::Minutes => "minutes".into(),
            Field::Prompt => "prompt".into(),
            Field::Answer => "answer".into(),
            Field::KeyPointLabel(i) => format!("kp-{i}-label"),
            Field::KeyPointPhrases(i) => format!("kp-{i}-phrases"),
            Field::FollowUpQuestion(i) => format!("fu-{i}-question"),
            Field::FollowUpHint(i) => format!("fu-{i}-hint"),
            Field::Failure(i) => format!("failure-{i}"),
            Field::TradeOff(i) => format!("tradeoff-{i}"),
        }
    }
}

/// Something wrong with a draft, next to the field it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: Field,
    pub message: String,
}

fn problem(field: Field, message: impl Into<String>) -> Problem {
    Problem {
        field,
        message: message.into(),
    }
}

fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// An id from a prompt: lowercase ASCII letters and digits, other runs of
/// characters turned into one `-`, cut at a word boundary to at most
/// `MAX_SLUG_CHARS`. A prompt with too few such characters gives `question`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > MAX_SLUG_CHARS {
        let cut = &out[..=MAX_SLUG_CHARS];
        // Cut at the last word boundary, unless that leaves too little.
        let end = match cut.rfind('-') {
            Some(i) if i >= MAX_SLUG_CHARS / 2 => i,
            _ => MAX_SLUG_CHARS,
        };
        out.truncate(end);
    }
    let out = out.trim_matches('-');
    if out.len() < 3 {
        "question".into()
    } else {
        out.to_string()
    }
}

/// `base`, or `base-2`, `base-3`… : the first that is not taken, always a
/// valid id when `base` is one.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    let mut n: usize = 2;
    loop {
        let suffix = format!("-{n}");
        let room = 64usize.saturating_sub(suffix.len());
        let stem = base.get(..base.len().min(room)).unwrap_or(base);
        let candidate = format!("{}{suffix}", stem.trim_end_matches('-'));
        if !taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

/// The phrases of a key point, written separated by `|`; empty ones dropped.
pub fn phrases(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

fn length_problem(field: Field, text: &str, problems: &mut Vec<Problem>) {
    let chars = text.chars().count();
    if chars > MAX_FIELD_CHARS {
        problems.push(problem(
            field,
            format!("This is {chars} characters long; a field may have at most {MAX_FIELD_CHARS}."),
        ));
    }
}

/// The question a draft describes, under `id`, or every problem found, each
/// tied to its field. Rows left entirely empty are ignored.
pub fn question_from_draft(draft: &Draft, id: &str) -> Result<Question, Vec<Problem>> {
    let mut problems = Vec::new();
    if !BUILTIN_TOPICS.iter().any(|(slug, _)| *slug == draft.topic) {
        problems.push(problem(Field::Topic, "Choose one of the five topics."));
    }
    let difficulty = draft.difficulty.trim().parse::<u8>().ok();
    let difficulty = difficulty
        .filter(|d| DIFFICULTY.contains(d))
        .unwrap_or_else(|| {
            problems.push(problem(
                Field::Difficulty,
                "Choose a difficulty: 1, 2 or 3.",
            ));
            0
        });
    let minutes = draft.minutes.trim().parse::<u8>().ok();
    let minutes = minutes.filter(|m| MINUTES.contains(m)).unwrap_or_else(|| {
        problems.push(problem(
            Field::Minutes,
            format!(
                "Give the minutes a good spoken answer takes: a whole number from {} to {}.",
                MINUTES.start(),
                MINUTES.end()
            ),
        ));
        0
    });
    let prompt = parse_line(draft.prompt.trim());
    if blank(&plain_text(&prompt)) {
        problems.push(problem(Field::Prompt, "Write the question."));
    }
    length_problem(Field::Prompt, &draft.prompt, &mut problems);
    let answer = parse_blocks(&draft.answer);
    if blank(&draft.answer) {
        problems.push(problem(Field::Answer, "Write a model answer."));
    }
    length_problem(Field::Answer, &draft.answer, &mut problems);

    let mut key_points = Vec::new();
    for (i, row) in draft.key_points.iter().enumerate() {
        if blank(&row.label) && blank(&row.phrases) {
            continue;
        }
        let found = phrases(&row.phrases);
        if blank(&row.label) {
            problems.push(problem(
                Field::KeyPointLabel(i),
                "Give this key point a label: the idea the learner sees.",
            ));
        }
        length_problem(Field::KeyPointLabel(i), &row.label, &mut problems);
        if found.is_empty() {
            problems.push(problem(
                Field::KeyPointPhrases(i),
                "Give at least one phrase that shows this idea in an answer; separate phrases with |.",
            ));
        } else if found.len() > *PHRASES.end() {
            problems.push(problem(
                Field::KeyPointPhrases(i),
                format!(
                    "This key point has {} phrases; it may have at most {}.",
                    found.len(),
                    PHRASES.end()
                ),
            ));
        }
        if let Some(long) = found.iter().find(|p| p.chars().count() > MAX_FIELD_CHARS) {
            length_problem(Field::KeyPointPhrases(i), long, &mut problems);
        }
        if key_points.len() == *KEY_POINTS.end() {
            problems.push(problem(
                Field::KeyPointLabel(i),
                format!(
                    "A question may have at most {} key points.",
                    KEY_POINTS.end()
                ),
            ));
        }
        key_points.push(KeyPoint {
            label: row.label.trim().to_string(),
            phrases: found,
        });
    }
    if key_points.is_empty() {
        problems.push(problem(
            Field::KeyPointLabel(0),
            "Add at least one key point: a label and the phrases that show it.",
        ));
    }

    let mut follow_ups = Vec::new();
    for (i, row) in draft.follow_ups.iter().enumerate() {
        if blank(&row.question) && blank(&row.hint) {
            continue;
        }
        if blank(&row.question) {
            problems.push(problem(
                Field::FollowUpQuestion(i),
                "Write the follow-up question, or clear its hint.",
            ));
        }
        if blank(&row.hint) {
            problems.push(problem(
                Field::FollowUpHint(i),
                "Give a hint towards a good answer to this follow-up.",
            ));
        }
        length_problem(Field::FollowUpQuestion(i), &row.question, &mut problems);
        length_problem(Field::FollowUpHint(i), &row.hint, &mut problems);
        if follow_ups.len() == *FOLLOW_UPS.end() {
            problems.push(problem(
                Field::FollowUpQuestion(i),
                format!(
                    "A question may have at most {} follow-ups.",
                    FOLLOW_UPS.end()
                ),
            ));
        }
        follow_ups.push(FollowUp {
            prompt: parse_line(row.question.trim()),
            hint: parse_line(row.hint.trim()),
        });
    }

    let mut concerns = Vec::new();
    let rows = draft
        .failures
        .iter()
        .enumerate()
        .map(|(i, t)| (ConcernKind::Failure, Field::Failure(i), t))
        .chain(
            draft
                .trade_offs
                .iter()
                .enumerate()
                .map(|(i, t)| (ConcernKind::TradeOff, Field::TradeOff(i), t)),
        );
    for (kind, field, text) in rows {
        if blank(text) {
            continue;
        }
        length_problem(field, text, &mut problems);
        if concerns.len() == *CONCERNS.end() {
            problems.push(problem(
                field,
                format!(
                    "A question may have at most {} failure modes and trade-offs together.",
                    CONCERNS.end()
                ),
            ));
        }
        concerns.push(Concern {
            kind,
            text: parse_line(text.trim()),
        });
    }

    let question = Question {
        id: id.to_string(),
        topic: draft.topic.clone(),
        difficulty,
        minutes,
        tags: Vec::new(),
        prompt,
        answer,
        key_points,
        follow_ups,
        concerns,
    };
    if problems.is_empty() {
        // The reader's own rules, as a backstop for anything not caught above
        // (an answer that parses to nothing visible, say).
        if let Err(error) = validate(&deck_of("check", "", vec![question.clone()])) {
            problems.push(problem(field_of(&error), format!("{error}.")));
        }
    }
    if problems.is_empty() {
        Ok(question)
    } else {
        Err(problems)
    }
}

/// The form field a reader's complaint is about, as near as it can be told.
fn field_of(error: &LinkError) -> Field {
    match error {
        LinkError::Invalid { field, .. } => match field.as_str() {
            "topic" => Field::Topic,
            "difficulty" => Field::Difficulty,
            "minutes" => Field::Minutes,
            "answer" => Field::Answer,
            "key points" => Field::KeyPointLabel(0),
            "follow-ups" => Field::FollowUpQuestion(0),
            "failure modes and trade-offs" => Field::Failure(0),
            _ => Field::Prompt,
        },
        _ => Field::Prompt,
    }
}

/// A question back into its form, for editing. Empty groups keep one empty
/// row so the form always shows where to write.
pub fn draft_from_question(q: &Question) -> Draft {
    let concerns = |kind: ConcernKind| -> Vec<String> {
        let rows: Vec<String> = q
            .concerns
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| write_line(&c.text))
            .collect();
        if rows.is_empty() {
            vec![String::new()]
        } else {
            rows
        }
    };
    let mut key_points: Vec<KeyPointRow> = q
        .key_points
        .iter()
        .map(|k| KeyPointRow {
            label: k.label.clone(),
            phrases: k.phrases.join(" | "),
        })
        .collect();
    if key_points.is_empty() {
        key_points.push(KeyPointRow::default());
    }
    let mut follow_ups: Vec<FollowUpRow> = q
        .follow_ups
        .iter()
        .map(|f| FollowUpRow {
            question: write_line(&f.prompt),
            hint: write_line(&f.hint),
        })
        .collect();
    if follow_ups.is_empty() {
        follow_ups.push(FollowUpRow::default());
    }
    Draft {
        topic: q.topic.clone(),
        difficulty: q.difficulty.to_string(),
        minutes: q.minutes.to_string(),
        prompt: write_line(&q.prompt),
        answer: write_blocks(&q.answer),
        key_points,
        follow_ups,
        failures: concerns(ConcernKind::Failure),
        trade_offs: concerns(ConcernKind::TradeOff),
    }
}

/// A deck of these questions with the built-in topics, named by its content
/// as a reader of its link will name it.
pub fn deck_of(title: &str, description: &str, questions: Vec<Question>) -> Deck {
    let mut deck = Deck {
        id: String::new(),
        title: title.trim().to_string(),
        description: description.trim().to_string(),
        version: String::new(),
        topics: BUILTIN_TOPICS
            .iter()
            .map(|(slug, title)| Topic {
                slug: slug.to_string(),
                title: title.to_string(),
            })
            .collect(),
        questions,
    };
    deck.id = deck_id(&deck);
    deck
}

/// A question in the deck being built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub question: Question,
    /// Written in the builder (editable), rather than picked from the bank.
    pub written: bool,
}

/// Which repeatable rows of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rows {
    KeyPoints,
    FollowUps,
    Failures,
    TradeOffs,
}

/// A change to one field of the draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Topic(String),
    Difficulty(String),
    Minutes(String),
    Prompt(String),
    Answer(String),
    KeyPointLabel(usize, String),
    KeyPointPhrases(usize, String),
    FollowUpQuestion(usize, String),
    FollowUpHint(usize, String),
    Failure(usize, String),
    TradeOff(usize, String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Title(String),
    Description(String),
    /// Tick or untick a question of the bank.
    Pick {
        question: Box<Question>,
        on: bool,
    },
    Edit(Edit),
    AddRow(Rows),
    RemoveRow(Rows, usize),
    /// Add the draft to the deck (or save the question being edited).
    Submit,
    /// Load a written question into the form.
    EditQuestion(String),
    CancelEdit,
    Remove(String),
    MoveUp(String),
    MoveDown(String),
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Self {
        Action::Edit(edit)
    }
}

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
                    self.entries.push(Entry {
                        question: *question,
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

/// The deck's link on the practice page (`page`, an absolute address without
/// a fragment) with its length, or why there is none yet.
pub fn link_for(page: &str, deck: &Deck) -> Result<(String, LengthCheck), String> {
    if deck.questions.is_empty() {
        return Err("Pick or write at least one question first.".into());
    }
    if blank(&deck.title) {
        return Err("Give the deck a title first.".into());
    }
    match deck_link(deck) {
        Ok(fragment) => {
            let link = format!("{page}{fragment}");
            let length = link_length(&link);
            Ok((link, length))
        }
        Err(error) => {
            let advice = match error.kind() {
                LinkErrorKind::LimitExceeded | LinkErrorKind::TooLarge => " Share fewer questions.",
                _ => "",
            };
            Err(format!(
                "This deck cannot travel in a link: {error}.{advice}"
            ))
        }
    }
}

/// Where the deck being built is kept between visits (the `default`
/// namespace), so a reload loses nothing. The form in progress is not kept.
pub const KEPT_KEY: &str = "builder";

impl Builder {
    /// The deck being built, as stored: in the share links' own deck form
    /// (`share::wire`), whose code the page already carries.
    pub fn kept(&self) -> String {
        let deck = deck_of(
            &self.title,
            &self.description,
            self.entries.iter().map(|e| e.question.clone()).collect(),
        );
        // Strings, numbers and lists cannot fail to serialise.
        serde_json::to_string(&to_wire(&deck)).unwrap_or_default()
    }

    /// A builder with the kept deck, or `None` when it cannot be read (then
    /// the builder starts empty). Nothing kept is trusted as markup: text is
    /// parsed as the Markdown subset, as a stranger's link is. A question
    /// whose id is in the bank was picked from it; any other was written.
    pub fn restore(reserved: Vec<String>, raw: &str) -> Option<Builder> {
        let wire: WireDeck = serde_json::from_str(raw).ok()?;
        let deck = from_wire(&wire, String::new());
        let entries = deck
            .questions
            .into_iter()
            .map(|question| Entry {
                written: !reserved.contains(&question.id),
                question,
            })
            .collect();
        Some(Builder {
            title: deck.title,
            description: deck.description,
            entries,
            ..Builder::new(reserved)
        })
    }
}
