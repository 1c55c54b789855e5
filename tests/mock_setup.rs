//! The rules under the mock and plan screens, as tables of inputs and the
//! exact data or text the views show: the set-up form's values and topic
//! ticks, the round a set-up and seed give, set-up and past-round lines, the
//! local time of a round, the last-minute warning, the report's lines, and
//! the plan's summary, ticks and buttons.
#![cfg(not(target_arch = "wasm32"))]

use interview_drill::core::bank::Deck;
use interview_drill::core::calendar::{days_from_civil, short_date_time};
use interview_drill::core::mock::AnswerStyle::{Aloud, Typed};
use interview_drill::core::mock::{
    history_line, parse_seed, preview, report_line, setup_summary, update, when_started, yes_no,
    AnswerStyle, FollowUpReport, QuestionReport, Report, Round, RoundMsg, RoundPreview,
    RoundRecord, RoundSetup,
};
use interview_drill::core::plan::{
    action_label, chosen_interview_day, generate, item_tick, plan_summary, DrillTarget, Focus,
    PlanItem, PlanState, Status, TemplateKind,
};
use interview_drill::core::time::Moment;

fn deck() -> Deck {
    interview_drill::decks::find("backend").expect("backend deck")
}

/// 2026-03-02 (a Monday) 09:00 in UTC+1.
const T0: i64 = 1_772_438_400_000;
const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn setup(questions: usize, topics: &[&str], minutes: Option<u8>, style: AnswerStyle) -> RoundSetup {
    RoundSetup {
        questions,
        topics: strings(topics),
        minutes,
        style,
    }
}

fn with_topics(topics: &[&str]) -> RoundSetup {
    setup(5, topics, None, Typed)
}

fn record(started: Moment, setup: RoundSetup, report: Report) -> RoundRecord {
    let deck = "backend".into();
    RoundRecord {
        started,
        seed: 42,
        deck,
        setup,
        report,
    }
}

#[test]
fn ticking_a_topic_and_every_or_no_topic_meaning_all() {
    let all = ["a", "b", "c"];
    // Each row: topics chosen, topic clicked, topics chosen after.
    let rows: [(&[&str], &str, &[&str]); 9] = [
        (&[], "a", &["b", "c"]),
        (&["b", "c"], "a", &[]),
        (&["a"], "a", &[]),
        (&["a"], "b", &["a", "b"]),
        (&["a", "b"], "a", &["b"]),
        (&["b", "a"], "c", &[]),
        (&["c"], "b", &["c", "b"]),
        // A topic the deck no longer has counts until unticked.
        (&["a", "gone"], "gone", &["a"]),
        // As many chosen as the deck has topics counts as every topic, as
        // the form has always read it.
        (&["a", "gone"], "b", &[]),
    ];
    for (before, slug, after) in rows {
        let next = setup(7, before, Some(3), Aloud).toggle_topic(slug, &all);
        let want = setup(7, after, Some(3), Aloud);
        assert_eq!(next, want, "{before:?} click {slug}");
    }
    // Each row: topics chosen, topic, shows ticked.
    let rows: [(&[&str], &str, bool); 4] = [
        (&[], "a", true),
        (&[], "anything", true),
        (&["a", "b"], "b", true),
        (&["a", "b"], "c", false),
    ];
    for (topics, slug, ticked) in rows {
        let shown = with_topics(topics).has_topic(slug);
        assert_eq!(shown, ticked, "{topics:?} {slug}");
    }
    // A one-topic deck: unticking its only topic still means all.
    let only = with_topics(&[]).toggle_topic("a", &["a"]);
    assert!(only.topics.is_empty());
    // The deck's own slugs, as owned strings.
    let deck = deck();
    let slugs: Vec<String> = deck.topics.iter().map(|t| t.slug.clone()).collect();
    let first = with_topics(&[]).toggle_topic(&slugs[0], &slugs);
    assert_eq!(first.topics, slugs[1..].to_vec());
    assert!(first.toggle_topic(&slugs[0], &slugs).topics.is_empty());
}

#[test]
fn the_form_values_read_clamped() {
    // Two columns: what the learner typed, the questions after (from 5).
    let typed = ["3", " 7 ", "0", "20", "99", "", "abc", "-1", "2.5"];
    let questions = [3, 7, 1, 20, 20, 5, 5, 5, 5];
    for (typed, questions) in typed.into_iter().zip(questions) {
        let next = RoundSetup::default().with_questions_text(typed);
        assert_eq!(next.questions, questions, "{typed:?}");
    }
    // Two columns: typed, the minutes after (from 4).
    let typed = ["4", " 12 ", "0", "30", "31", "255", "300", "", "x"];
    let minutes = [4, 12, 1, 30, 30, 30, 0, 0, 0].map(|m| (m > 0).then_some(m));
    for (typed, after) in typed.into_iter().zip(minutes) {
        let next = setup(5, &[], Some(4), Typed).with_minutes_text(typed);
        assert_eq!(next.minutes, after, "{typed:?}");
    }
    // Each row: typed, seed.
    #[rustfmt::skip]
    let seeds = [
        ("42", 42), (" 7 ", 7), ("", 0), ("-3", 0), ("abc", 0),
        ("18446744073709551615", u64::MAX), ("18446744073709551616", 0),
    ];
    for (typed, seed) in seeds {
        assert_eq!(parse_seed(typed), seed, "{typed:?}");
    }
}

#[test]
fn a_moment_reads_in_its_own_local_time() {
    // Each row: unix ms, UTC offset in minutes, what the learner reads.
    #[rustfmt::skip]
    let rows = [
        (T0, 60, "Mon 2 Mar, 09:00"), (T0, 0, "Mon 2 Mar, 08:00"),
        (T0, -540, "Sun 1 Mar, 23:00"), (T0, 900, "Mon 2 Mar, 23:00"),
        (T0 + 16 * HOUR, 0, "Tue 3 Mar, 00:00"), (T0 + 59_999, 60, "Mon 2 Mar, 09:00"),
        (T0 + MINUTE, 330, "Mon 2 Mar, 13:31"), (0, 0, "Thu 1 Jan, 00:00"),
        (-MINUTE, 0, "Wed 31 Dec, 23:59"), (-1, 0, "Wed 31 Dec, 23:59"),
    ];
    for (unix_ms, offset, text) in rows {
        let moment = Moment::new(unix_ms, offset);
        assert_eq!(short_date_time(moment), text, "{unix_ms} {offset}");
        let past = record(moment, RoundSetup::default(), Report::default());
        assert_eq!(when_started(&past), text);
    }
}

#[test]
fn a_set_up_in_one_line() {
    let deck = deck();
    // Each row: the set-up, its line.
    #[rustfmt::skip]
    let rows = [
        (with_topics(&[]), "5 questions · all topics · expected times · typed"),
        (setup(1, &["api-design"], Some(3), Aloud),
            "1 question · API design and data contracts · 3 min each · aloud"),
        (setup(2, &["data-caching", "gone"], None, Typed),
            "2 questions · Databases and caching trade-offs, gone · expected times · typed"),
    ];
    for (setup, line) in rows {
        assert_eq!(setup_summary(&deck, &setup), line);
    }
    // A past round, in the list and above its report.
    let used_ms = 7 * MINUTE + 30_000;
    let report = Report {
        score: 72,
        used_ms,
        ..Default::default()
    };
    let past = record(Moment::new(T0, 60), setup(3, &[], None, Typed), report);
    let line = "Mon 2 Mar, 09:00 · 3 questions · all topics · expected times · typed";
    let listed = history_line(&deck, &past);
    assert_eq!(listed, format!("{line} · score 72 · 7:30"));
    assert_eq!(report_line(&deck, &past), format!("{line} · seed 42"));
}

#[test]
fn the_round_a_set_up_will_give() {
    let own = "Empty: each question's expected time (";
    let chosen = "Empty the box to use each question's expected time.";
    // Each row: each question's minutes, minutes chosen for all, own times,
    // then "This round: … in all."
    let rows = [
        (vec![], None, "0 min", "0 questions, 0 minutes"),
        (vec![4], None, "4 min", "1 question, 4 minutes"),
        (vec![3, 6, 4], None, "3 to 6 min", "3 questions, 13 minutes"),
        (vec![4, 4], Some(4), "4 min", "2 questions, 8 minutes"),
    ];
    for (minutes, fixed, times, line) in rows {
        let preview = RoundPreview { minutes, fixed };
        assert_eq!(preview.own_times(), times);
        assert_eq!(preview.line(), format!("This round: {line} in all."));
        let hint = match fixed {
            None => format!("{own}{times} for this round)."),
            Some(_) => chosen.to_string(),
        };
        assert_eq!(preview.minutes_hint(), hint);
    }
}

#[test]
fn the_preview_is_the_round_the_core_starts() {
    let deck = deck();
    let now = Moment::new(T0, 60);
    // Each row: set-up, seed.
    let rows = [
        (with_topics(&[]), 42),
        (with_topics(&[]), 7),
        (setup(3, &[], Some(4), Typed), 1),
        (setup(99, &["async-queues"], Some(200), Aloud), 5),
        (with_topics(&["api-design", "latency-incidents"]), 123),
        (setup(0, &[], None, Typed), 9),
    ];
    for (setup, seed) in rows {
        let preview = preview(&deck, &setup, seed);
        let round = Round::start(&deck, setup.clone(), seed, now).expect("a round");
        let limits: Vec<i64> = round.items.iter().map(|i| i.limit_ms).collect();
        let minutes: Vec<i64> = preview.minutes.iter().map(|&m| i64::from(m)).collect();
        let limits: Vec<i64> = limits.iter().map(|ms| ms / MINUTE).collect();
        assert_eq!(minutes, limits, "{setup:?} {seed}");
        assert_eq!(preview.total_ms(), round.total_limit_ms());
        assert_eq!(preview.fixed, setup.minutes);
    }
    // Fixed minutes: the line does not depend on the questions picked.
    let preview = preview(&deck, &setup(3, &[], Some(4), Typed), 42);
    let line = "This round: 3 questions, 12 minutes in all.";
    assert_eq!(preview.line(), line);
}

#[test]
fn the_last_minute_and_the_last_question() {
    let at = |ms: i64| Moment::new(T0 + ms, 60);
    let mut round =
        Round::start(&deck(), setup(2, &[], Some(3), Typed), 42, at(0)).expect("a round");
    // Each row: time since the start, in the last minute.
    #[rustfmt::skip]
    let rows = [
        (0, false), (2 * MINUTE - 1, false), (2 * MINUTE, true), (3 * MINUTE, true),
        (10 * MINUTE, true),
    ];
    for (ms, last_minute) in rows {
        assert_eq!(round.in_last_minute(at(ms)), last_minute, "{ms}");
    }
    assert!(!round.on_last_question());
    // Each row: question moved on from, when, then on the last question.
    for (index, ms, last) in [(0, MINUTE, true), (1, 2 * MINUTE, false)] {
        update(&mut round, RoundMsg::Next { index, now: at(ms) });
        assert_eq!(round.on_last_question(), last);
    }
    assert!(round.is_finished());
    let over = round.in_last_minute(at(2 * MINUTE));
    assert!(over, "nothing left once over");
}

#[rustfmt::skip]
fn question(reached: bool, timed_out: bool, follow_up: Option<FollowUpReport>) -> QuestionReport {
    let (used_ms, limit_ms) = (3 * MINUTE + 10_000, 4 * MINUTE);
    QuestionReport {
        question: "q".into(), topic: "t".into(), reached, used_ms, limit_ms, timed_out,
        covered: Vec::new(), points: 3, names_failure: false, names_trade_off: false, follow_up,
        grade: None, score: 0,
    }
}

#[test]
fn the_report_lines() {
    let asked = |answered| Some(FollowUpReport { index: 0, answered });
    // Each row: reached, timed out, follow-up, time line, follow-up line.
    #[rustfmt::skip]
    let rows = [
        (false, false, None, "not reached", "not asked"),
        (true, false, None, "3:10 of 4:00", "not asked"),
        (true, true, asked(true), "3:10 of 4:00, timed out", "answered"),
        (true, false, asked(false), "3:10 of 4:00", "asked, not answered"),
    ];
    for (reached, timed_out, follow_up, time, follow) in rows {
        let q = question(reached, timed_out, follow_up);
        assert_eq!((q.time_line().as_str(), q.follow_up_line()), (time, follow));
    }
    assert_eq!((yes_no(true), yes_no(false)), ("yes", "no"));
    // Each row: questions to drill again, the button.
    let rows: [(&[&str], &str); 3] = [
        (&[], "Drill these again (0 questions first)"),
        (&["a"], "Drill these again (1 question first)"),
        (&["a", "b"], "Drill these again (2 questions first)"),
    ];
    for (again, label) in rows {
        let report = Report {
            drill_again: strings(again),
            ..Default::default()
        };
        assert_eq!(report.drill_again_label(), label);
    }
    let questions = vec![question(true, false, None), question(false, false, None)];
    let report = Report {
        questions,
        ..Default::default()
    };
    assert_eq!(report.limit_ms(), 8 * MINUTE);
}

/// Noon on a day, in UTC+1.
fn noon(day: i64) -> Moment {
    Moment::new(day * 86_400_000 + 11 * HOUR, 60)
}

fn monday() -> i64 {
    days_from_civil(2026, 3, 2).expect("a date")
}

#[test]
fn the_plan_summary_line() {
    let forward =
        "; today's practice queue brings cards forward so every card is seen once before it";
    let coming = |on: &str, left: &str, covers: &str, forward: &str| {
        format!("Interview on {on}, in {left}. The plan covers {covers}{forward}.")
    };
    // Each row: interview day, today (days from the Monday the date was
    // set), the queue brings cards forward, the line.
    #[rustfmt::skip]
    let rows = [
        (7, 0, false, coming("Mon 9 Mar", "7 days", "7 days", "")),
        (7, 6, true, coming("Mon 9 Mar", "1 day", "7 days", forward)),
        (1, 0, false, coming("Tue 3 Mar", "1 day", "1 day", "")),
        (0, 0, true, "Your interview is today. Rehearse lightly and rest.".into()),
        (2, 3, false, "Your interview on Wed 4 Mar has passed. Set a new date for a new plan.".into()),
    ];
    for (interview, today, forward, line) in rows {
        let plan = generate(monday() + interview, monday());
        assert_eq!(plan_summary(&plan, noon(monday() + today), forward), line);
    }
}

#[test]
fn the_interview_date_the_form_gives() {
    let now = noon(monday());
    // Each row: typed, the day asked for (days from today).
    #[rustfmt::skip]
    let rows = [("2026-03-20", 18), (" 2026-03-03 ", 1), ("", 7), ("2026-02-30", 7), ("tomorrow", 7)];
    for (typed, day) in rows {
        let asked = chosen_interview_day(typed, now);
        assert_eq!(asked, monday() + day, "{typed:?}");
    }
    // Each row: interview day set, the day the picker shows.
    for (interview_day, shown) in [(None, monday() + 7), (Some(monday() + 3), monday() + 3)] {
        let state = PlanState {
            interview_day,
            ..Default::default()
        };
        assert_eq!(state.picker_day(now), shown);
    }
}

#[test]
fn plan_items_ticks_and_buttons() {
    // Each row: status, checked, ticked by the work done, note.
    #[rustfmt::skip]
    let rows = [
        (Some(Status::Done { by_hand: false }), true, true, "done"),
        (Some(Status::Done { by_hand: true }), true, false, "ticked by hand"),
        (Some(Status::Today), false, false, "to do today"),
        (Some(Status::Missed), false, false, "missed: catch up when you can"),
        (Some(Status::Upcoming), false, false, "coming up"),
        (None, false, false, "coming up"),
    ];
    for (status, checked, automatic, note) in rows {
        let tick = item_tick(status);
        let shown = (tick.checked, tick.automatic, tick.note);
        assert_eq!(shown, (checked, automatic, note), "{status:?}");
    }
    let topics = |style| DrillTarget::Topics {
        topics: strings(&["a"]),
        style,
        questions: 1,
    };
    let template = DrillTarget::Template;
    let base = generate(monday() + 7, monday()).days[0].items[0].clone();
    // Each row: focus, target, the button.
    #[rustfmt::skip]
    let rows = [
        (Focus::ApiDesign, topics(Aloud), "Practise API design aloud"),
        (Focus::ApiDesign, topics(Typed), "Practise API design aloud"),
        (Focus::TradeOffs, topics(Typed), "Practise caching and queue trade-offs"),
        (Focus::TradeOffs, topics(Aloud), "Practise these topics aloud"),
        (Focus::MockRound, DrillTarget::MockRound(RoundSetup::default()), "Set up the mock round"),
        (Focus::IncidentStory, template(TemplateKind::IncidentStory), "Write the incident story"),
        (Focus::ProjectRefresh, template(TemplateKind::ProjectRefresh), "Write the project notes"),
    ];
    for (focus, target, label) in rows {
        let item = PlanItem {
            focus,
            target,
            ..base.clone()
        };
        assert_eq!(action_label(&item), label, "{focus:?}");
    }
}
