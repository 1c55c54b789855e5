//! Timed mock rounds as message tables with time passed in: the countdown,
//! pause, reload, the one-minute warning, follow-ups, seeds, the report, the
//! history of rounds and the reviews a round adds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use interview_drill::core::bank::{ConcernKind, Deck};
use interview_drill::core::mock::{
    decode_history, decode_round, encode_history, encode_round, finish, format_clock, minutes,
    pick, report, update, AnswerStyle, Ending, History, Round, RoundEffect, RoundMsg, RoundRecord,
    RoundSetup, HISTORY_CAP,
};
use interview_drill::core::persist::LoadError;
use interview_drill::core::progress::{Grade, ReviewKind};
use interview_drill::core::time::Moment;
use proptest::prelude::*;

use common::{at, deck, MINUTE, SECOND, T0};

/// Three questions of three minutes each, typed.
fn three_minute_round(style: AnswerStyle) -> Round {
    Round::start(
        &deck(),
        RoundSetup {
            questions: 3,
            minutes: Some(3),
            style,
            ..RoundSetup::default()
        },
        42,
        at(0),
    )
    .expect("a round")
}

fn saves(effects: &[RoundEffect]) -> bool {
    effects.iter().any(|e| matches!(e, RoundEffect::Save(_)))
}

#[test]
fn time_out_keeps_the_answer_and_moves_on() {
    let mut round = three_minute_round(AnswerStyle::Typed);
    // Each row: message, then (question on screen, its time left, saved).
    let rows: Vec<(RoundMsg, usize, i64, bool)> = vec![
        (RoundMsg::Tick(at(MINUTE)), 0, 2 * MINUTE, false),
        (
            RoundMsg::Type {
                index: 0,
                text: "an idempotency key".into(),
            },
            0,
            2 * MINUTE,
            true,
        ),
        // 10 s past the deadline: the first question ended at its deadline
        // and the second started now.
        (
            RoundMsg::Tick(at(3 * MINUTE + 10 * SECOND)),
            1,
            3 * MINUTE,
            true,
        ),
        // A keystroke from the first question's box lands late: ignored.
        (
            RoundMsg::Type {
                index: 0,
                text: "an idempotency key and".into(),
            },
            1,
            3 * MINUTE,
            false,
        ),
        (
            RoundMsg::Tick(at(4 * MINUTE + 10 * SECOND)),
            1,
            2 * MINUTE,
            false,
        ),
    ];
    for (i, (msg, current, left, saved)) in rows.into_iter().enumerate() {
        let now = match &msg {
            RoundMsg::Tick(now) => *now,
            _ => Moment::new(round.running_since.expect("running").unix_ms, 60),
        };
        let effects = update(&mut round, msg);
        assert_eq!(round.current, current, "row {i}");
        assert_eq!(round.remaining_ms(now), left, "row {i}");
        assert_eq!(saves(&effects), saved, "row {i}: {effects:?}");
    }
    let first = &round.items[0];
    assert_eq!(
        first.answer, "an idempotency key",
        "the answer so far is kept"
    );
    assert_eq!(first.used_ms, 3 * MINUTE);
    let ended = first.ended.expect("ended");
    assert_eq!(ended.how, Ending::TimedOut);
    assert_eq!(ended.at, at(3 * MINUTE), "ended at its deadline");
    assert_eq!(
        round.announcement,
        "Time is up. Your answer was kept. Question 2 of 3: 3 minutes."
    );
}

#[test]
fn the_last_time_out_finishes_the_round() {
    let mut round = three_minute_round(AnswerStyle::Typed);
    update(&mut round, RoundMsg::Tick(at(3 * MINUTE)));
    update(&mut round, RoundMsg::Tick(at(6 * MINUTE)));
    let effects = update(&mut round, RoundMsg::Tick(at(9 * MINUTE)));
    assert!(round.is_finished());
    // Saved as finished, then finished: a reload before the shell records it
    // finds it over.
    assert_eq!(
        effects,
        [
            RoundEffect::Save(encode_round(&round)),
            RoundEffect::Finished
        ]
    );
    assert_eq!(
        round.announcement,
        "Time is up. Your answer was kept. The round is over."
    );
    assert_eq!(round.running_since, None);
    assert!(update(&mut round, RoundMsg::Tick(at(10 * MINUTE))).is_empty());
}

#[test]
fn pause_stops_the_clock_and_freezes_the_answer() {
    let mut round = three_minute_round(AnswerStyle::Typed);
    // Each row: message, then (paused, time used on question 1 at that moment).
    let rows: Vec<(RoundMsg, bool, i64)> = vec![
        (RoundMsg::Tick(at(30 * SECOND)), false, 30 * SECOND),
        (RoundMsg::Pause(at(50 * SECOND)), true, 50 * SECOND),
        // An hour paused: nothing counts, nothing times out.
        (RoundMsg::Tick(at(60 * MINUTE)), true, 50 * SECOND),
        (RoundMsg::Pause(at(61 * MINUTE)), true, 50 * SECOND),
        (RoundMsg::Resume(at(61 * MINUTE)), false, 50 * SECOND),
        (
            RoundMsg::Tick(at(61 * MINUTE + 10 * SECOND)),
            false,
            60 * SECOND,
        ),
    ];
    for (i, (msg, paused, used)) in rows.into_iter().enumerate() {
        let now = match &msg {
            RoundMsg::Tick(n) | RoundMsg::Pause(n) | RoundMsg::Resume(n) => *n,
            _ => unreachable!(),
        };
        update(&mut round, msg);
        assert_eq!(round.is_paused(), paused, "row {i}");
        assert_eq!(round.used_ms(0, now), used, "row {i}");
        assert_eq!(round.current, 0, "row {i}");
    }
    // While paused, answers do not change and the round does not move on.
    update(&mut round, RoundMsg::Pause(at(62 * MINUTE)));
    let frozen = [
        RoundMsg::Type {
            index: 0,
            text: "thinking time".into(),
        },
        RoundMsg::Next {
            index: 0,
            now: at(62 * MINUTE),
        },
        RoundMsg::AskFollowUp {
            index: 0,
            choice: None,
            now: at(62 * MINUTE),
        },
    ];
    for msg in frozen {
        assert!(update(&mut round, msg).is_empty());
    }
    assert_eq!(round.items[0].answer, "");
    assert_eq!(round.current, 0);
}

#[test]
fn a_reload_resumes_with_the_time_already_used() {
    // Each row: the round was running or paused at 1 min, how long the page
    // was closed, then (question on screen, its time left).
    let rows: Vec<(bool, i64, usize, i64)> = vec![
        (true, 30 * SECOND, 0, 90 * SECOND),
        (false, 30 * SECOND, 0, 2 * MINUTE),
        // Closed past the deadline: only the question on screen times out,
        // the next starts when the learner is back.
        (true, 60 * MINUTE, 1, 3 * MINUTE),
        (false, 60 * MINUTE, 0, 2 * MINUTE),
    ];
    for (i, (running, closed, current, left)) in rows.into_iter().enumerate() {
        let mut round = three_minute_round(AnswerStyle::Typed);
        // The page keeps only what the round last asked to save: that text,
        // and the round as it was when it asked, to compare the reload with.
        let mut last_save: Option<(String, Round)> = None;
        let typed = RoundMsg::Type {
            index: 0,
            text: "so far".into(),
        };
        // A tick that changes nothing saves nothing; a pause saves.
        let then = if running {
            RoundMsg::Tick(at(MINUTE))
        } else {
            RoundMsg::Pause(at(MINUTE))
        };
        for (msg, should_save) in [(typed, true), (then.clone(), !running)] {
            let effects = update(&mut round, msg);
            assert_eq!(saves(&effects), should_save, "row {i}: {effects:?}");
            for effect in effects {
                if let RoundEffect::Save(text) = effect {
                    last_save = Some((text, round.clone()));
                }
            }
        }
        let (stored, mut as_saved) = last_save.expect("the typed answer was saved");
        let mut restored = decode_round(&stored).expect("restores");
        let restored_as = if running {
            "Mock round restored: question 1 of 3."
        } else {
            "Mock round restored: question 1 of 3, paused."
        };
        assert_eq!(restored.announcement, restored_as, "row {i}");
        as_saved.announcement = restored_as.into();
        assert_eq!(restored, as_saved, "row {i}: the save alone restores it");
        if running {
            // The tick the save missed loses nothing: replayed on the
            // restored round, it gives the live round exactly.
            let mut replayed = restored.clone();
            assert_eq!(update(&mut replayed, then), [], "row {i}");
            replayed.announcement = round.announcement.clone();
            assert_eq!(replayed, round, "row {i}");
        }

        let back = at(MINUTE + closed);
        update(&mut restored, RoundMsg::Tick(back));
        assert_eq!(restored.current, current, "row {i}");
        assert_eq!(restored.remaining_ms(back), left, "row {i}");
        assert_eq!(restored.items[0].answer, "so far", "row {i}");
        assert_eq!(restored.is_paused(), !running, "row {i}");
    }
}

#[test]
fn a_round_stopped_early_round_trips() {
    // Saved as finished (before the shell records it), then reloaded: the
    // questions after the one it stopped on were never reached.
    let mut round = three_minute_round(AnswerStyle::Typed);
    update(&mut round, RoundMsg::Stop(at(MINUTE)));
    let mut restored = decode_round(&encode_round(&round)).expect("restores");
    restored.announcement = round.announcement.clone();
    assert_eq!(restored, round);
    assert!(restored.is_finished());
    // A stopped question in a round that goes on is damage.
    let text = encode_round(&round).replace("\"cur\":3", "\"cur\":1");
    assert_eq!(
        decode_round(&text),
        Err(LoadError::WrongShape(
            "a round stopped early goes on".into()
        ))
    );
}

#[test]
fn the_one_minute_warning_is_announced_once() {
    let mut round = three_minute_round(AnswerStyle::Typed);
    let mut announced = Vec::new();
    let mut saved = Vec::new();
    // A tick a second, as the shell sends them, for the first question.
    for s in 1..180 {
        let before = round.announcement.clone();
        let effects = update(&mut round, RoundMsg::Tick(at(s * SECOND)));
        if round.announcement != before {
            announced.push((s, round.announcement.clone()));
        }
        if saves(&effects) {
            saved.push(s);
        }
    }
    assert_eq!(
        announced,
        [(120, "One minute left on this question.".to_string())],
        "once, at one minute left"
    );
    assert_eq!(
        saved,
        [120],
        "the warning is saved, so a reload does not repeat it"
    );
    let stored = encode_round(&round);
    let mut restored = decode_round(&stored).expect("restores");
    let before = restored.announcement.clone();
    update(&mut restored, RoundMsg::Tick(at(179 * SECOND)));
    assert_eq!(restored.announcement, before, "not again after a reload");
}

#[test]
fn one_follow_up_per_question_is_recorded_with_more_time() {
    let mut round = three_minute_round(AnswerStyle::Typed);
    let ask = |choice| RoundMsg::AskFollowUp {
        index: 0,
        choice,
        now: at(2 * MINUTE + 30 * SECOND),
    };
    // Past the warning, then the follow-up brings more time.
    update(&mut round, RoundMsg::Tick(at(2 * MINUTE + 30 * SECOND)));
    assert!(round.items[0].warned);
    assert!(
        update(&mut round, ask(Some(99))).is_empty(),
        "no such follow-up"
    );
    let effects = update(&mut round, ask(None));
    assert_eq!(effects, [RoundEffect::Save(encode_round(&round))]);
    assert!(
        update(&mut round, ask(Some(1))).is_empty(),
        "only one follow-up per question"
    );
    let item = &round.items[0];
    assert_eq!(
        item.follow_up.as_ref().map(|f| f.index),
        Some(0),
        "the first"
    );
    assert_eq!(item.limit_ms, 5 * MINUTE);
    assert!(!item.warned, "the last minute is still to come");
    update(
        &mut round,
        RoundMsg::TypeFollowUp {
            index: 0,
            text: "I would return 409".into(),
        },
    );
    update(
        &mut round,
        RoundMsg::Next {
            index: 0,
            now: at(3 * MINUTE),
        },
    );
    let deck = deck();
    let r = report(&round, &deck);
    let follow_up = r.questions[0].follow_up.expect("asked");
    assert!(follow_up.answered);
    assert_eq!(r.questions[0].used_ms, 3 * MINUTE);
    assert!(!r.questions[0].timed_out);
}

#[test]
fn the_same_seed_gives_the_same_round() {
    let deck = deck();
    let setup = RoundSetup::default();
    let ids = |seed| {
        Round::start(&deck, setup.clone(), seed, at(0))
            .expect("round")
            .items
            .iter()
            .map(|i| i.question.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(7), ids(7));
    assert_ne!(ids(7), ids(8));
    // Five questions over five topics: one of each.
    let topics: BTreeSet<String> = ids(7)
        .iter()
        .filter_map(|id| deck.question(id).map(|q| q.topic.clone()))
        .collect();
    assert_eq!(topics.len(), 5);
    // Each question's own minutes unless the learner sets them.
    let round = Round::start(&deck, setup, 7, at(0)).expect("round");
    for item in &round.items {
        let q = deck.question(&item.question).expect("question");
        assert_eq!(item.limit_ms, i64::from(q.minutes) * MINUTE);
    }
}

#[test]
fn no_question_fits_no_round() {
    let setup = RoundSetup {
        topics: vec!["no-such-topic".into()],
        ..RoundSetup::default()
    };
    assert_eq!(Round::start(&deck(), setup, 1, at(0)), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_seed_gives_distinct_questions_within_the_chosen_topics(
        seed in any::<u64>(),
        count in 1usize..=20,
        mask in 1u8..32,
    ) {
        let deck = deck();
        let topics: Vec<String> = deck
            .topics
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, t)| t.slug.clone())
            .collect();
        let picked = pick(&deck, &topics, count, seed);
        let available = deck.questions.iter().filter(|q| topics.contains(&q.topic)).count();
        prop_assert_eq!(picked.len(), count.min(available));
        let distinct: BTreeSet<usize> = picked.iter().copied().collect();
        prop_assert_eq!(distinct.len(), picked.len());
        for &i in &picked {
            prop_assert!(topics.contains(&deck.questions[i].topic));
        }
        // Topics take turns: no topic has two more questions than another
        // (every topic here has 9 questions, more than a round takes).
        let counts: Vec<usize> = topics
            .iter()
            .map(|t| picked.iter().filter(|&&i| deck.questions[i].topic == *t).count())
            .collect();
        let (min, max) = (counts.iter().min(), counts.iter().max());
        prop_assert!(max.zip(min).is_some_and(|(a, b)| a - b <= 1), "{:?}", counts);
        prop_assert_eq!(pick(&deck, &topics, count, seed), picked);
    }

    #[test]
    fn reading_a_stored_round_never_panics(text in ".{0,300}") {
        let _ = decode_round(&text);
        let _ = decode_history(&text);
    }

    #[test]
    fn a_damaged_stored_round_is_an_error_or_a_round(cut in 0usize..2000, byte in any::<u8>()) {
        let mut round = three_minute_round(AnswerStyle::Aloud);
        update(&mut round, RoundMsg::Check { index: 0, point: 1, on: true });
        update(&mut round, RoundMsg::Next { index: 0, now: at(MINUTE) });
        let mut bytes = encode_round(&round).into_bytes();
        let at = cut % bytes.len();
        bytes[at] = byte;
        if let Ok(text) = String::from_utf8(bytes) {
            if let Ok(mut restored) = decode_round(&text) {
                // Whatever was read is usable.
                update(&mut restored, RoundMsg::Tick(Moment::new(T0 + 10 * MINUTE, 60)));
                let _ = report(&restored, &deck());
            }
        }
    }
}

#[test]
fn garbage_is_an_error_never_a_panic() {
    let round = three_minute_round(AnswerStyle::Typed);
    let good = encode_round(&round);
    let first = &round.items[0];
    // The `pts` row below damages the first question's count of key points.
    assert_eq!(first.checked.len(), 6, "{good}");
    let shape = |what: &str| LoadError::WrongShape(what.into());
    // Each row: the stored text, then the exact error, so a value rejected
    // for the wrong reason fails too.
    let rows: Vec<(String, LoadError)> = vec![
        (
            "".into(),
            LoadError::NotJson("EOF while parsing a value at line 1 column 0".into()),
        ),
        ("[1,2]".into(), shape("expected a JSON object")),
        (r#"{"app":"other"}"#.into(), LoadError::NotOurs),
        (
            good.replace(r#""v":1"#, r#""v":9"#),
            LoadError::NewerVersion(9),
        ),
        (
            good.replace(r#""cur":0"#, r#""cur":7"#),
            shape("the current question is past the end"),
        ),
        (
            good.replace(r#""used":0"#, r#""used":-5"#),
            shape(&format!("`{}` has impossible times", first.question)),
        ),
        (
            good.replace(r#""pts":6"#, r#""pts":99999999999"#),
            shape(&format!("`{}` has impossible key points", first.question)),
        ),
        (
            good.replace(r#""style":"typed""#, r#""style":"sung""#),
            shape("unknown answer style `sung`"),
        ),
        (
            good.replace(r#""kind":"mock-round""#, r#""kind":"mock-history""#),
            shape("expected mock-round version 1, found mock-history version 1"),
        ),
    ];
    for (i, (text, expected)) in rows.into_iter().enumerate() {
        assert_eq!(decode_round(&text), Err(expected), "row {i}");
    }
}

/// A finished aloud round with known ticks: question 1 full marks with a
/// follow-up, question 2 half its points, question 3 never reached.
fn scored_round() -> (Round, Deck) {
    let deck = deck();
    let mut round = three_minute_round(AnswerStyle::Aloud);
    let points = |r: &Round, i: usize| r.items[i].checked.len();
    for point in 0..points(&round, 0) {
        update(
            &mut round,
            RoundMsg::Check {
                index: 0,
                point,
                on: true,
            },
        );
    }
    for kind in [ConcernKind::Failure, ConcernKind::TradeOff] {
        update(
            &mut round,
            RoundMsg::Named {
                index: 0,
                kind,
                on: true,
            },
        );
    }
    update(
        &mut round,
        RoundMsg::AskFollowUp {
            index: 0,
            choice: Some(2),
            now: at(MINUTE),
        },
    );
    update(&mut round, RoundMsg::SaidFollowUp { index: 0, on: true });
    update(
        &mut round,
        RoundMsg::Next {
            index: 0,
            now: at(2 * MINUTE),
        },
    );
    for point in 0..points(&round, 1) / 2 {
        update(
            &mut round,
            RoundMsg::Check {
                index: 1,
                point,
                on: true,
            },
        );
    }
    // Time runs out on question 2, then the learner stops on question 3.
    update(&mut round, RoundMsg::Tick(at(5 * MINUTE)));
    assert_eq!(round.current, 2);
    let effects = update(&mut round, RoundMsg::Stop(at(5 * MINUTE)));
    assert_eq!(
        effects,
        [
            RoundEffect::Save(encode_round(&round)),
            RoundEffect::Finished
        ]
    );
    (round, deck)
}

#[test]
fn the_report_scores_questions_and_names_what_to_drill() {
    let (round, deck) = scored_round();
    let r = report(&round, &deck);
    // Each row: reached, timed out, grade, score, follow-up answered.
    let rows = [
        (true, false, Some(Grade::Easy), 100, Some(true)),
        // Half the points (35 of 70) and no concern named.
        (true, true, Some(Grade::Hard), 35, None),
        // Stopped on it at once: on screen, but nothing ticked.
        (true, false, Some(Grade::Again), 0, None),
    ];
    for (i, (q, row)) in r.questions.iter().zip(rows).enumerate() {
        let (reached, timed_out, grade, score, answered) = row;
        assert_eq!(q.reached, reached, "question {i}");
        assert_eq!(q.timed_out, timed_out, "question {i}");
        assert_eq!(q.grade, grade, "question {i}");
        assert_eq!(q.score, score, "question {i}");
        assert_eq!(q.follow_up.map(|f| f.answered), answered, "question {i}");
    }
    assert_eq!(r.questions[1].used_ms, 3 * MINUTE);
    assert_eq!(r.score, 45, "(100 + 35 + 0) / 3, rounded");
    assert_eq!(
        r.weakest_topic.as_deref(),
        Some(r.questions[2].topic.as_str())
    );
    assert_eq!(
        r.drill_again,
        [
            r.questions[2].question.clone(),
            r.questions[1].question.clone()
        ],
        "weakest first"
    );
}

#[test]
fn typed_answers_are_checked_by_the_coach() {
    let deck = deck();
    let mut round = Round::start(
        &deck,
        RoundSetup {
            questions: 1,
            topics: vec!["api-design".into()],
            ..RoundSetup::default()
        },
        3,
        at(0),
    )
    .expect("round");
    let question = deck.question(&round.items[0].question).expect("question");
    // Every key point's first phrase, and both concerns named.
    let answer: Vec<String> = question
        .key_points
        .iter()
        .map(|k| k.phrases[0].clone())
        .chain(["It can fail under a retry storm; the trade-off is cost.".to_string()])
        .collect();
    update(
        &mut round,
        RoundMsg::Type {
            index: 0,
            text: answer.join(". "),
        },
    );
    update(
        &mut round,
        RoundMsg::Next {
            index: 0,
            now: at(MINUTE),
        },
    );
    let r = report(&round, &deck);
    let q = &r.questions[0];
    assert_eq!(q.covered.len(), q.points, "{q:?}");
    assert!(q.names_failure && q.names_trade_off);
    assert_eq!(q.grade, Some(Grade::Easy));
    assert_eq!(r.score, 100);
    assert!(r.drill_again.is_empty());
}

#[test]
fn a_round_becomes_scheduled_reviews_at_distinct_moments() {
    let (round, deck) = scored_round();
    let done = finish(&round, &deck).expect("finished");
    let grades: Vec<(String, Grade)> = done
        .reviews
        .iter()
        .map(|r| (r.card.question.clone(), r.grade))
        .collect();
    assert_eq!(
        grades,
        [
            (round.items[0].question.clone(), Grade::Easy),
            (round.items[1].question.clone(), Grade::Hard),
            (round.items[2].question.clone(), Grade::Again),
        ]
    );
    assert!(done.reviews.iter().all(|r| r.kind == ReviewKind::Scheduled));
    assert!(done.reviews.iter().all(|r| r.card.deck == "backend"));
    let moments: Vec<i64> = done.reviews.iter().map(|r| r.at.unix_ms).collect();
    // Question 2 timed out at 5:00 and question 3 was stopped at 5:00 too.
    assert_eq!(
        moments,
        [T0 + 2 * MINUTE, T0 + 5 * MINUTE, T0 + 5 * MINUTE + 1]
    );
    // A round still running leaves nothing behind yet.
    assert_eq!(finish(&three_minute_round(AnswerStyle::Typed), &deck), None);
}

fn record(started_ms: i64, seed: u64) -> RoundRecord {
    let (mut round, deck) = scored_round();
    round.started = Moment::new(started_ms, 60);
    round.seed = seed;
    finish(&round, &deck).expect("finished").record
}

#[test]
fn the_history_round_trips_merges_by_union_and_keeps_the_latest_fifty() {
    let a = History::from_records([record(T0, 1), record(T0 + MINUTE, 2)]);
    let b = History::from_records([record(T0 + MINUTE, 2), record(T0 + 2 * MINUTE, 3)]);
    let mut ab = a.clone();
    ab.merge(&b);
    let mut ba = b.clone();
    ba.merge(&a);
    assert_eq!(ab, ba, "commutative");
    assert_eq!(ab.len(), 3, "the shared round once");
    let mut again = ab.clone();
    again.merge(&b);
    assert_eq!(again, ab, "idempotent");
    assert_eq!(ab.latest().map(|r| r.seed), Some(3), "newest first");

    let text = encode_history(&ab);
    assert_eq!(decode_history(&text), Ok(ab.clone()), "{text}");
    assert!(
        text.len() < 2_000 * ab.len(),
        "compact: {} bytes",
        text.len()
    );

    // Sixty rounds from two tabs: the newest fifty are kept, in any order.
    let mut left = History::default();
    let mut right = History::default();
    for n in 0..60 {
        let r = record(T0 + n * MINUTE, n as u64);
        if n % 2 == 0 {
            left.add(r);
        } else {
            right.add(r);
        }
    }
    let mut merged = left.clone();
    merged.merge(&right);
    let mut other = right.clone();
    other.merge(&left);
    assert_eq!(merged, other);
    assert_eq!(merged.len(), HISTORY_CAP);
    let oldest = merged.rounds().last().map(|r| r.seed);
    assert_eq!(oldest, Some(10));
}

#[test]
fn a_stored_report_reopens_with_the_same_figures() {
    let r = record(T0, 9);
    let history = History::from_records([r.clone()]);
    let back = decode_history(&encode_history(&history)).expect("decodes");
    let reopened = back.get(r.id()).expect("same id");
    assert_eq!(reopened.report, r.report);
    assert_eq!(reopened.report.score, 45);
    assert_eq!(reopened.setup.style, AnswerStyle::Aloud);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Histories from any tabs merge to the same newest fifty, in any order
    /// and any grouping, however often merged.
    #[test]
    fn history_merges_are_a_set_union_with_a_cap(
        tabs in proptest::collection::vec(
            proptest::collection::vec((0i64..80, 0u64..3), 0..40),
            3,
        ),
    ) {
        let template = record(T0, 0);
        let history = |rounds: &Vec<(i64, u64)>| {
            History::from_records(rounds.iter().map(|&(minute, seed)| {
                let mut r = template.clone();
                r.started = Moment::new(T0 + minute * MINUTE, 60);
                r.seed = seed;
                r
            }))
        };
        let (a, b, c) = (history(&tabs[0]), history(&tabs[1]), history(&tabs[2]));
        let merge = |x: &History, y: &History| {
            let mut out = x.clone();
            out.merge(y);
            out
        };
        let left = merge(&merge(&a, &b), &c);
        let right = merge(&a, &merge(&b, &c));
        prop_assert_eq!(&left, &right);
        prop_assert_eq!(&merge(&c, &merge(&b, &a)), &left);
        prop_assert_eq!(&merge(&left, &b), &left);
        let all: BTreeSet<(i64, u64)> = tabs.iter().flatten().copied().collect();
        prop_assert_eq!(left.len(), all.len().min(HISTORY_CAP));
        prop_assert_eq!(decode_history(&encode_history(&left)), Ok(left));
    }
}

#[test]
fn countdown_labels_use_whole_numbers() {
    // Each row: milliseconds left, then the clock and the minutes as said.
    let rows = [
        (0, "0:00", "0 minutes"),
        (-5, "0:00", "0 minutes"),
        (1, "0:01", "0 minutes"),
        (59_001, "1:00", "1 minute"),
        (60_000, "1:00", "1 minute"),
        (245_000, "4:05", "4 minutes"),
        (30 * MINUTE, "30:00", "30 minutes"),
    ];
    for (ms, clock, said) in rows {
        assert_eq!(format_clock(ms), clock, "{ms}");
        assert_eq!(minutes(ms), said, "{ms}");
    }
}

#[test]
fn extreme_stored_moments_do_not_overflow() {
    let good = encode_round(&three_minute_round(AnswerStyle::Typed));
    let since = format!(r#""since":{{"t":{T0},"tz":60}}"#);
    assert!(good.contains(&since), "{good}");
    for t in [i64::MIN, i64::MAX] {
        let text = good.replace(&since, &format!(r#""since":{{"t":{t},"tz":60}}"#));
        let mut round = decode_round(&text).expect("a moment is any millisecond");
        for now in [i64::MIN, 0, i64::MAX] {
            update(&mut round, RoundMsg::Tick(Moment::new(now, 60)));
            // Whatever the clock says, time left stays within the question's.
            let left = round.remaining_ms(Moment::new(now, 60));
            assert!((0..=3 * MINUTE).contains(&left), "{t} {now}: {left}");
        }
        update(&mut round, RoundMsg::Stop(Moment::new(i64::MAX, 60)));
        // The jumps to 0 and to the latest moment each time a question out;
        // the stop ends the third. Each ended question leaves a review.
        let endings: Vec<Option<Ending>> = round
            .items
            .iter()
            .map(|item| item.ended.map(|e| e.how))
            .collect();
        assert_eq!(
            endings,
            [
                Some(Ending::TimedOut),
                Some(Ending::TimedOut),
                Some(Ending::Stopped)
            ],
            "{t}"
        );
        let done = finish(&round, &deck()).expect("finished");
        assert_eq!(done.reviews.len(), 3, "{t}");
    }
}
