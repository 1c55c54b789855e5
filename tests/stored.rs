//! Every stored value takes one path: `core::stored::Write` carried out by
//! `storage::Storage`, whatever its key. A table of writes and the key each
//! reaches; every failure reported, never dropped; every key named once.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::rc::Rc;

use common::{finished_record, T0};
use interview_drill::core::draft::{self, Draft};
use interview_drill::core::ledger::Ledger;
use interview_drill::core::mock::{decode_history, HISTORY_KEY, ROUND_KEY};
use interview_drill::core::my_decks;
use interview_drill::core::persist::{decode, log_key};
use interview_drill::core::plan::PLAN_KEY;
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::session::{MockMsg, Msg};
use interview_drill::core::stored::{heard, key_role, Heard, KeyRole, Write};
use interview_drill::core::time::Moment;
use interview_drill::storage::store::{MemoryStore, Store, StoreError};
use interview_drill::storage::sync::Lock;
use interview_drill::storage::Storage;

fn one_review() -> Ledger {
    let mut ledger = Ledger::default();
    ledger.reviews.insert(Review {
        at: Moment::new(T0, 60),
        card: CardKey::new("backend", "cache-stampede-hot-key"),
        grade: Grade::Good,
        kind: ReviewKind::Scheduled,
    });
    ledger
}

fn a_draft() -> Draft {
    Draft {
        deck: "backend".into(),
        q: "cache-stampede-hot-key".into(),
        text: "Coalesce the misses".into(),
    }
}

/// What a row expects to find under its key afterwards.
enum After {
    Holds(&'static str, String),
    Gone(&'static str),
}

/// A write, what is stored before it, what is there after, and whether
/// progress changed.
type WriteRow = (Write, Option<(&'static str, &'static str)>, After, bool);

#[test]
fn every_write_reaches_its_own_key() {
    let deck_key: &'static str = Box::leak(my_decks::key("link-abc").into_boxed_str());
    let log: &'static str = Box::leak(log_key("w1").into_boxed_str());
    let rows: Vec<WriteRow> = vec![
        (
            Write::Log(one_review()),
            None,
            After::Holds(log, String::new()),
            true,
        ),
        (
            Write::Draft(a_draft()),
            None,
            After::Holds("draft", draft::encode(&a_draft())),
            false,
        ),
        (
            Write::ClearDraft,
            Some(("draft", "x")),
            After::Gone("draft"),
            false,
        ),
        (
            Write::SaveDeck {
                id: "link-abc".into(),
                fragment: "#deck=1.abc".into(),
            },
            None,
            After::Holds(deck_key, "#deck=1.abc".into()),
            false,
        ),
        (
            Write::RemoveDeck("link-abc".into()),
            Some((deck_key, "#deck=1.abc")),
            After::Gone(deck_key),
            false,
        ),
        (
            Write::Round("round text".into()),
            None,
            After::Holds(ROUND_KEY, "round text".into()),
            false,
        ),
        (
            Write::Plan("plan text".into()),
            None,
            After::Holds(PLAN_KEY, "plan text".into()),
            false,
        ),
        (
            Write::BuilderDeck("kept text".into()),
            None,
            After::Holds("builder", "kept text".into()),
            false,
        ),
        (
            Write::RemoveAll,
            Some(("base", "x")),
            After::Gone("base"),
            true,
        ),
    ];
    for (write, before, after, progress) in rows {
        let store = Rc::new(MemoryStore::default());
        if let Some((key, value)) = before {
            store.put(key, value).expect("seed");
        }
        let storage = Storage::new(store.clone(), "default", "w1");
        let written = storage
            .write(&write, T0, Lock::Missing)
            .unwrap_or_else(|e| panic!("{write:?}: {e:?}"));
        assert_eq!(written.progress, progress, "{write:?}");
        match after {
            After::Holds(key, value) => {
                let stored = store
                    .get(key)
                    .expect("get")
                    .unwrap_or_else(|| panic!("{key}"));
                if key == log {
                    assert_eq!(decode(&stored).expect("a log"), one_review());
                } else {
                    assert_eq!(stored, value, "{write:?}");
                }
                assert_eq!(
                    store.keys().expect("keys"),
                    vec![key.to_string()],
                    "{write:?}"
                );
            }
            After::Gone(key) => assert_eq!(store.get(key).expect("get"), None, "{write:?}"),
        }
    }
}

#[test]
fn a_finished_round_joins_the_history_and_the_merged_history_comes_back() {
    let store = Rc::new(MemoryStore::default());
    let storage = Storage::new(store.clone(), "default", "w1");
    let record = finished_record(T0);
    let written = storage
        .write(&Write::AddToHistory(record.clone()), T0, Lock::Missing)
        .expect("stored");
    let Some(Msg::Mock(MockMsg::HistoryStored(history))) = written.reply else {
        panic!("the merged history comes back, got {:?}", written.reply);
    };
    assert_eq!(history.get(record.id()), Some(&record));
    let stored = store.get(HISTORY_KEY).expect("get").expect("a history");
    assert_eq!(decode_history(&stored).expect("reads"), history);
    assert_eq!(storage.history(), Some(history));
}

/// A store that refuses every write, as a full or blocked localStorage does.
struct Refusing(StoreError);

impl Store for Refusing {
    fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
        Ok(None)
    }
    fn put(&self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(self.0.clone())
    }
    fn remove(&self, _: &str) -> Result<(), StoreError> {
        Err(self.0.clone())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(Vec::new())
    }
}

#[test]
fn every_failed_write_is_reported() {
    let writes = [
        Write::Log(one_review()),
        Write::Draft(a_draft()),
        Write::ClearDraft,
        Write::SaveDeck {
            id: "link-abc".into(),
            fragment: "#deck=1.abc".into(),
        },
        Write::RemoveDeck("link-abc".into()),
        Write::Round("r".into()),
        Write::AddToHistory(finished_record(T0)),
        Write::Plan("p".into()),
        Write::BuilderDeck("b".into()),
    ];
    for (error, full) in [
        (StoreError::QuotaExceeded, true),
        (StoreError::Other("disk".into()), false),
    ] {
        let storage = Storage::new(Rc::new(Refusing(error.clone())), "default", "w1");
        for write in &writes {
            let failed = storage
                .write(write, T0, Lock::Missing)
                .expect_err("refused");
            assert!(!failed.reason.is_empty(), "{write:?}");
            // Removing cannot fill storage; everything else says full.
            let removes = matches!(write, Write::ClearDraft | Write::RemoveDeck(_));
            if !removes
                && !matches!(
                    write,
                    Write::Round(_) | Write::Plan(_) | Write::AddToHistory(_)
                )
            {
                assert_eq!(failed.full, full, "{write:?} with {error:?}");
            }
        }
    }
}

#[test]
fn each_key_has_one_role_and_other_tabs_changes_are_heard_by_role() {
    let rows: Vec<(String, KeyRole, Heard)> = vec![
        ("base".into(), KeyRole::Base, Heard::Progress),
        (log_key("w2"), KeyRole::Log("w2".into()), Heard::Progress),
        ("progress".into(), KeyRole::Legacy, Heard::Progress),
        ("backup-1:base".into(), KeyRole::Backup, Heard::Nothing),
        (ROUND_KEY.into(), KeyRole::MockRound, Heard::Nothing),
        (HISTORY_KEY.into(), KeyRole::MockHistory, Heard::History),
        (PLAN_KEY.into(), KeyRole::Plan, Heard::Nothing),
        (
            my_decks::key("link-abc"),
            KeyRole::SavedDeck,
            Heard::Progress,
        ),
        (draft::DRAFT_KEY.into(), KeyRole::Draft, Heard::Nothing),
        ("builder".into(), KeyRole::BuilderDeck, Heard::Nothing),
        ("log:".into(), KeyRole::Other, Heard::Progress),
    ];
    for (key, role, hears) in rows {
        assert_eq!(key_role(&key), role, "{key}");
        assert_eq!(heard(Some(&key)), hears, "{key}");
        assert_eq!(
            role.is_progress(),
            matches!(role, KeyRole::Base | KeyRole::Log(_) | KeyRole::Legacy),
            "{key}"
        );
    }
    assert_eq!(heard(None), Heard::Progress, "a cleared storage area");
}
