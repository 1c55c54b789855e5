//! Progress through the `Store` seam: several writers, compaction, backups,
//! a full quota, and a store that fails at every possible write.
#![cfg(not(target_arch = "wasm32"))]

use std::cell::{Cell, RefCell};

use interview_drill::core::ledger::Ledger;
use interview_drill::core::persist::{encode_log, log_key, BASE_KEY};
use interview_drill::core::progress::{CardKey, Grade, Review, ReviewKind};
use interview_drill::core::time::Moment;
use interview_drill::storage::store::{MemoryStore, Store, StoreError};
use interview_drill::storage::sync::{compact, load, read_all, remove_all, save_own, Lock};

fn review(q: usize, seconds: i64) -> Review {
    Review {
        at: Moment::new(seconds * 1000, 0),
        card: CardKey::new("backend", &format!("q-{q}")),
        grade: Grade::from_number((q % 4) as u8 + 1).unwrap_or(Grade::Good),
        kind: ReviewKind::Scheduled,
    }
}

fn with(reviews: impl IntoIterator<Item = Review>) -> Ledger {
    Ledger {
        reviews: reviews.into_iter().collect(),
        ..Ledger::default()
    }
}

/// Something another writer does at a chosen moment.
type Hook = Box<dyn FnOnce(&MemoryStore)>;

/// A store with a byte budget and a switch to fail one particular write.
#[derive(Default)]
struct TestStore {
    inner: MemoryStore,
    capacity: Cell<Option<usize>>,
    puts: Cell<usize>,
    fail_put_number: Cell<Option<usize>>,
    removes: Cell<usize>,
    /// Runs once, right after `base` is written: another writer appending.
    after_base: RefCell<Option<Hook>>,
}

impl TestStore {
    fn used_without(&self, key: &str) -> usize {
        self.inner
            .keys()
            .unwrap_or_default()
            .iter()
            .filter(|k| k.as_str() != key)
            .map(|k| k.len() + self.inner.get(k).ok().flatten().map_or(0, |v| v.len()))
            .sum()
    }
}

impl Store for TestStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.get(key)
    }

    fn put(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let n = self.puts.get() + 1;
        self.puts.set(n);
        if self.fail_put_number.get() == Some(n) {
            return Err(StoreError::QuotaExceeded);
        }
        if let Some(capacity) = self.capacity.get() {
            if self.used_without(key) + key.len() + value.len() > capacity {
                return Err(StoreError::QuotaExceeded);
            }
        }
        self.inner.put(key, value)?;
        if key == BASE_KEY {
            if let Some(hook) = self.after_base.borrow_mut().take() {
                hook(&self.inner);
            }
        }
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.removes.set(self.removes.get() + 1);
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

#[test]
fn two_writers_never_lose_each_others_reviews() {
    let store = MemoryStore::default();
    let (mut a, mut b) = (Ledger::default(), Ledger::default());
    for n in 0..100 {
        // Interleaved: each writer only ever writes its own key.
        a.reviews.insert(review(n, n as i64 * 10));
        save_own(&store, "a", &a, Lock::Held).expect("a saves");
        b.reviews.insert(review(n + 1000, n as i64 * 10 + 5));
        save_own(&store, "b", &b, Lock::Held).expect("b saves");
    }
    assert_eq!(read_all(&store).expect("reads").ledger.reviews.len(), 200);
}

#[test]
fn compaction_folds_logs_into_base_and_keeps_a_log_that_grew_meanwhile() {
    let store = TestStore::default();
    save_own(&store, "a", &with([review(1, 10)]), Lock::Held).expect("a");
    save_own(&store, "b", &with([review(2, 20)]), Lock::Held).expect("b");
    // Writer b appends while the compaction is between writing base and
    // removing the logs it folded.
    let late = encode_log(&with([review(2, 20), review(3, 30)]), "b");
    *store.after_base.borrow_mut() = Some(Box::new(move |inner| {
        let _ = inner.put(&log_key("b"), &late);
    }));
    let report = compact(&store, None).expect("compacts");
    assert_eq!(report.folded_keys, 1, "only a's log was fully in base");
    assert_eq!(
        store.keys().expect("keys"),
        vec![BASE_KEY.to_string(), log_key("b")]
    );
    assert_eq!(
        read_all(&store).expect("reads").ledger.reviews.len(),
        3,
        "nothing lost"
    );
    // The next compaction folds b too.
    compact(&store, None).expect("compacts");
    assert_eq!(store.keys().expect("keys"), vec![BASE_KEY.to_string()]);
    assert_eq!(read_all(&store).expect("reads").ledger.reviews.len(), 3);
}

#[test]
fn unreadable_values_are_backed_up_byte_for_byte_before_anything_else() {
    let store = MemoryStore::default();
    store
        .put(&log_key("x"), "{\"app\":\"interview-drill\", torn")
        .expect("seed");
    save_own(&store, "a", &with([review(1, 10)]), Lock::Held).expect("a");
    let loaded = load(&store, 1_700_000_000_000).expect("loads");
    let backups = loaded.backups.expect("backed up");
    assert_eq!(backups, vec!["backup-1700000000000:log:x".to_string()]);
    assert_eq!(
        store.get(&backups[0]).expect("get").as_deref(),
        Some("{\"app\":\"interview-drill\", torn")
    );
    assert_eq!(
        store.get(&log_key("x")).expect("get"),
        None,
        "removed only after the copy"
    );
    assert_eq!(loaded.restored.ledger.reviews.len(), 1);
    // A second load finds nothing to back up.
    assert!(load(&store, 1)
        .expect("loads")
        .restored
        .unreadable
        .is_empty());
}

#[test]
fn a_failed_backup_leaves_the_original_in_place() {
    let store = TestStore::default();
    store.inner.put(BASE_KEY, "not json").expect("seed");
    store.fail_put_number.set(Some(1));
    let loaded = load(&store, 5).expect("loads");
    assert!(loaded.backups.is_none());
    assert_eq!(
        store.get(BASE_KEY).expect("get").as_deref(),
        Some("not json")
    );
}

#[test]
fn a_full_store_compacts_and_then_says_it_is_full() {
    let store = TestStore::default();
    let mut own = Ledger::default();
    for n in 0..40 {
        own.reviews.insert(review(n, n as i64 * 86_400));
    }
    // Room for the compact base, not for the readable log.
    store.capacity.set(Some(1_200));
    assert!(encode_log(&own, "a").len() > 1_200);
    save_own(&store, "a", &own, Lock::Held).expect("compaction makes it fit");
    assert_eq!(read_all(&store).expect("reads").ledger, own);
    // Far more than fits: the save fails as full, and what was saved stays.
    let before = store.get(BASE_KEY).expect("get");
    for n in 40..400 {
        own.reviews.insert(review(n, n as i64 * 86_400));
    }
    let error = save_own(&store, "a", &own, Lock::Held).expect_err("full");
    assert!(error.full);
    assert_eq!(
        store.get(BASE_KEY).expect("get"),
        before,
        "never a half-written record"
    );
}

#[test]
fn a_store_failing_any_write_reloads_to_the_last_committed_state() {
    // A session: 12 grades, each saved, compaction every 4th.
    let run = |fail_at: Option<usize>| -> (Ledger, Ledger) {
        let store = TestStore::default();
        store.fail_put_number.set(fail_at);
        // Another writer's work, already stored.
        store
            .inner
            .put(
                &log_key("other"),
                &encode_log(&with([review(99, 1)]), "other"),
            )
            .expect("seed");
        let mut committed = with([review(99, 1)]);
        let mut own = Ledger::default();
        for n in 0..12 {
            own.reviews.insert(review(n, 100 + n as i64));
            if save_own(&store, "me", &own, Lock::Held).is_ok() {
                committed.merge(&own);
            }
            if n % 4 == 3 {
                let _ = compact(&store, None);
            }
        }
        (committed, read_all(&store).expect("reads").ledger)
    };
    let (_, all_writes) = run(None);
    assert_eq!(all_writes.reviews.len(), 13);
    let total_puts = {
        let store = TestStore::default();
        let mut own = Ledger::default();
        for n in 0..12 {
            own.reviews.insert(review(n, 100 + n as i64));
            let _ = save_own(&store, "me", &own, Lock::Held);
            if n % 4 == 3 {
                let _ = compact(&store, None);
            }
        }
        store.puts.get() + 1
    };
    for k in 1..=total_puts {
        let (committed, reloaded) = run(Some(k));
        assert_eq!(reloaded, committed, "failing write {k}");
    }
}

#[test]
fn reset_removes_every_key_of_the_namespace() {
    let store = MemoryStore::default();
    save_own(&store, "a", &with([review(1, 10)]), Lock::Held).expect("a");
    compact(&store, None).expect("compacts");
    store.put("backup-1:base", "old").expect("backup");
    remove_all(&store).expect("removes");
    assert!(store.keys().expect("keys").is_empty());
}

#[test]
fn without_the_lock_a_full_store_compacts_nothing_and_says_it_is_full() {
    let store = TestStore::default();
    let mut own = Ledger::default();
    for n in 0..40 {
        own.reviews.insert(review(n, n as i64 * 86_400));
    }
    // The same budget in which the lock-holder's compaction makes it fit.
    store.capacity.set(Some(1_200));
    let error = save_own(&store, "a", &own, Lock::Missing).expect_err("full");
    assert!(error.full, "reported as full, with the export offer");
    assert_eq!(store.get(BASE_KEY).expect("get"), None, "no base written");
    assert_eq!(store.removes.get(), 0, "nothing removed");
    // Under the lock the same save compacts and fits.
    save_own(&store, "a", &own, Lock::Held).expect("compaction makes it fit");
    assert_eq!(read_all(&store).expect("reads").ledger, own);
}

/// Two tabs in a browser without Web Locks, writing in turn into a store
/// that fills up: each keeps its own log, none compacts, and every review
/// either writer managed to save is read back; a save that did not fit says
/// so and leaves what was saved before.
#[test]
fn two_writers_without_locks_lose_nothing() {
    for capacity in [600, 900, 1_500, 2_500, 4_000] {
        let store = TestStore::default();
        store.capacity.set(Some(capacity));
        let (mut a, mut b) = (Ledger::default(), Ledger::default());
        let mut committed = Ledger::default();
        let mut refused = 0;
        for n in 0..60 {
            let (own, writer) = if n % 2 == 0 {
                (&mut a, "a")
            } else {
                (&mut b, "b")
            };
            own.reviews.insert(review(n, 100 + n as i64));
            let before = read_all(&store).expect("reads").ledger;
            match save_own(&store, writer, own, Lock::Missing) {
                Ok(()) => committed.merge(own),
                Err(error) => {
                    assert!(error.full, "{capacity}: {error:?}");
                    refused += 1;
                    assert_eq!(
                        read_all(&store).expect("reads").ledger,
                        before,
                        "{capacity}: a refused save changes nothing"
                    );
                }
            }
            let stored = read_all(&store).expect("reads").ledger;
            assert!(
                committed.is_within(&stored),
                "{capacity}: after save {n}, a committed review is missing"
            );
        }
        assert_eq!(
            store.removes.get(),
            0,
            "{capacity}: nothing is ever removed"
        );
        assert_eq!(
            store.get(BASE_KEY).expect("get"),
            None,
            "{capacity}: no base"
        );
        if capacity >= 4_000 {
            assert_eq!(refused, 0, "{capacity}: everything fits");
        } else {
            assert!(refused > 0, "{capacity}: the store filled up");
        }
    }
}
