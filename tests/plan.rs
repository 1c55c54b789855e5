//! The prep plan: its layout for any number of days, items that tick
//! themselves or by hand, the notes' stored form and export, and dates.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use interview_drill::core::bank::Deck;
use interview_drill::core::calendar::{iso_date, parse_iso_date, short_date};
use interview_drill::core::mock::{
    finish, update as update_round, History, Round, RoundMsg, RoundSetup,
};
use interview_drill::core::persist::LoadError;
use interview_drill::core::plan::{
    decode_plan, encode_plan, export_markdown, generate, statuses, update, DrillTarget, Focus,
    Pass, Plan, PlanEffect, PlanMsg, PlanState, Status, TemplateKind, INCIDENT_FIELDS,
    MAX_PLAN_DAYS, PROJECT_FIELDS,
};
use interview_drill::core::progress::{CardKey, Grade, Progress, Review, ReviewKind};
use interview_drill::core::time::Moment;

use common::{deck, noon, MONDAY, OFFSET};

/// The plan as focus codes: A API design, B trade-offs, C incident story,
/// D project, E mock round, c the light rehearsal; days split by `|`.
fn codes(plan: &Plan) -> String {
    plan.days
        .iter()
        .map(|d| {
            d.items
                .iter()
                .map(|i| match (i.focus, i.pass) {
                    (Focus::IncidentStory, Pass::Light) => 'c',
                    (Focus::ApiDesign, _) => 'A',
                    (Focus::TradeOffs, _) => 'B',
                    (Focus::IncidentStory, _) => 'C',
                    (Focus::ProjectRefresh, _) => 'D',
                    (Focus::MockRound, _) => 'E',
                })
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("|")
}

#[test]
fn the_plan_fits_the_days_left() {
    // Each row: days from today to the interview, then the plan.
    let rows = [
        (-3, ""),
        (0, "c"),
        (1, "EC"),
        (2, "ACD|BE"),
        (3, "AC|BD|E"),
        (4, "AC|BD|E|c"),
        (5, "A|BC|D|E|c"),
        (6, "A|B|C|D|E|c"),
        (7, "A|B|C|D|E|A|c"),
        (8, "A|B|C|D|E|A|E|c"),
        (10, "A|B|C|D|E|A|B|C|E|c"),
        (14, "A|B|C|D|E|A|B|C|D|E|A|B|E|c"),
        // Further off: the plan is the last fourteen days.
        (30, "A|B|C|D|E|A|B|C|D|E|A|B|E|c"),
    ];
    for (ahead, expected) in rows {
        let plan = generate(MONDAY + ahead, MONDAY);
        assert_eq!(codes(&plan), expected, "{ahead} days ahead");
    }
    let far = generate(MONDAY + 30, MONDAY);
    assert_eq!(far.first_day, MONDAY + 30 - MAX_PLAN_DAYS);
    assert_eq!(far.today(noon(MONDAY)), None, "nothing planned yet today");
    let today = generate(MONDAY, MONDAY);
    assert_eq!(today.days[0].day, MONDAY, "interview today: the day itself");
}

#[test]
fn every_plan_keeps_its_rules() {
    for ahead in 0..=20 {
        let plan = generate(MONDAY + ahead, MONDAY);
        let n = plan.days.len();
        let ids: BTreeSet<&str> = plan.items().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), plan.items().count(), "{ahead}: ids are unique");
        for (i, day) in plan.days.iter().enumerate() {
            assert_eq!(day.number, i + 1);
            assert!(!day.items.is_empty(), "{ahead}: no empty day");
            assert!(day.items.iter().all(|item| item.day == day.day));
            if ahead > 0 {
                assert!(day.day >= MONDAY && day.day < MONDAY + ahead, "{ahead}");
            }
        }
        let mocks = plan.items().filter(|i| i.focus == Focus::MockRound).count();
        if ahead >= 1 {
            assert!((1..=3).contains(&mocks), "{ahead}: {mocks} mock rounds");
        }
        if ahead >= 2 {
            for focus in Focus::ALL {
                assert!(plan.items().any(|i| i.focus == focus), "{ahead}: {focus:?}");
            }
        }
        if ahead >= 4 {
            let last = &plan.days[n - 1].items;
            assert!(
                last.len() == 1 && last[0].pass == Pass::Light,
                "{ahead}: a light last day"
            );
        }
        if ahead >= 10 {
            assert!(mocks >= 2, "{ahead}: more than one mock round");
        }
        // Ids are the day and the focus, so they survive a reload.
        for item in plan.items() {
            assert!(item.id.starts_with(&iso_date(item.day)), "{}", item.id);
        }
    }
}

#[test]
fn items_open_what_they_practise() {
    let plan = generate(MONDAY + 7, MONDAY);
    let targets: Vec<(Focus, &DrillTarget)> = plan.items().map(|i| (i.focus, &i.target)).collect();
    for (focus, target) in targets {
        let fits = match (focus, target) {
            (Focus::ApiDesign, DrillTarget::Topics { topics, .. }) => topics == &["api-design"],
            (Focus::TradeOffs, DrillTarget::Topics { topics, .. }) => {
                topics == &["data-caching", "async-queues"]
            }
            (Focus::IncidentStory, DrillTarget::Template(TemplateKind::IncidentStory)) => true,
            (Focus::ProjectRefresh, DrillTarget::Template(TemplateKind::ProjectRefresh)) => true,
            (Focus::MockRound, DrillTarget::MockRound(setup)) => setup.questions == 5,
            _ => false,
        };
        assert!(fits, "{focus:?}: {target:?}");
    }
    let deck = deck();
    assert!(plan.items().all(|i| match &i.target {
        DrillTarget::Topics { topics, .. } => topics
            .iter()
            .all(|t| deck.questions.iter().any(|q| q.topic == *t)),
        _ => true,
    }));
}

fn reviews_of(deck: &Deck, topic: &str, count: usize, day: i64) -> Vec<Review> {
    deck.questions
        .iter()
        .filter(|q| q.topic == topic)
        .take(count)
        .enumerate()
        .map(|(n, q)| Review {
            at: Moment::new(noon(day).unix_ms + n as i64 * 60_000, OFFSET),
            card: CardKey::new(&deck.id, &q.id),
            grade: Grade::Good,
            kind: ReviewKind::Cram,
        })
        .collect()
}

fn mock_round_on(deck: &Deck, day: i64) -> History {
    let mut round =
        Round::start(deck, RoundSetup::default(), day as u64, noon(day)).expect("round");
    update_round(&mut round, RoundMsg::Stop(noon(day)));
    History::from_records(finish(&round, deck).map(|f| f.record))
}

fn complete_story(state: &mut PlanState, day: i64) {
    for field in INCIDENT_FIELDS {
        update(
            state,
            PlanMsg::Edit {
                template: TemplateKind::IncidentStory,
                field: field.key.into(),
                text: format!("{} written", field.label),
                now: noon(day),
            },
        );
    }
}

#[test]
fn items_tick_themselves_from_the_work_done() {
    let deck = deck();
    let mut state = PlanState::default();
    update(
        &mut state,
        PlanMsg::SetInterview {
            day: MONDAY + 7,
            now: noon(MONDAY),
        },
    );
    let plan = state.plan().expect("plan");
    assert_eq!(codes(&plan), "A|B|C|D|E|A|c");
    // Day 1: one API question aloud. Day 2: only 3 of the 4 trade-off
    // questions. Day 3: the story, complete. Day 5: a mock round.
    let mut reviews = reviews_of(&deck, "api-design", 1, MONDAY);
    reviews.extend(reviews_of(&deck, "data-caching", 3, MONDAY + 1));
    let progress = Progress::from_reviews(reviews);
    complete_story(&mut state, MONDAY + 2);
    let history = mock_round_on(&deck, MONDAY + 4);
    // The project template written but not complete.
    update(
        &mut state,
        PlanMsg::Edit {
            template: TemplateKind::ProjectRefresh,
            field: PROJECT_FIELDS[0].key.into(),
            text: "Payments ledger".into(),
            now: noon(MONDAY + 3),
        },
    );
    let now = noon(MONDAY + 5);
    let got = statuses(&plan, &state, &deck, &progress, &history, now);
    let by_code: Vec<Status> = plan.items().map(|i| got[&i.id]).collect();
    let auto = Status::Done { by_hand: false };
    assert_eq!(
        by_code,
        [
            auto,           // A: one question on its day
            Status::Missed, // B: 3 of 4
            auto,           // C: the story, complete
            Status::Missed, // D: not complete
            auto,           // E: the round
            Status::Today,  // A again
            Status::Upcoming,
        ]
    );

    // By hand: the project item; the light rehearsal cannot tick itself.
    let project = plan.days[3].items[0].id.clone();
    let effects = update(
        &mut state,
        PlanMsg::Mark {
            id: project.clone(),
            done: true,
        },
    );
    assert!(matches!(effects.as_slice(), [PlanEffect::Save(_)]));
    let got = statuses(&plan, &state, &deck, &progress, &history, now);
    assert_eq!(got[&project], Status::Done { by_hand: true });
    update(
        &mut state,
        PlanMsg::Mark {
            id: project.clone(),
            done: false,
        },
    );
    let got = statuses(&plan, &state, &deck, &progress, &history, now);
    assert_eq!(got[&project], Status::Missed);
}

#[test]
fn each_piece_of_work_ticks_one_item_latest_first() {
    let deck = deck();
    let plan = generate(MONDAY + 14, MONDAY);
    let state = PlanState {
        interview_day: Some(MONDAY + 14),
        set_on_day: MONDAY,
        ..PlanState::default()
    };
    let mocks: Vec<&str> = plan
        .items()
        .filter(|i| i.focus == Focus::MockRound)
        .map(|i| i.id.as_str())
        .collect();
    let ticked = |history: &History, day: i64| -> Vec<bool> {
        let got = statuses(
            &plan,
            &state,
            &deck,
            &Progress::default(),
            history,
            noon(day),
        );
        mocks
            .iter()
            .map(|id| got[*id] == Status::Done { by_hand: false })
            .collect()
    };
    // One round on day 13 ticks day 13's round only, not the missed ones.
    let late = mock_round_on(&deck, MONDAY + 12);
    assert_eq!(ticked(&late, MONDAY + 12), [false, false, true]);
    // A round on day 6 (no round planned) catches up day 5's.
    let catch_up = mock_round_on(&deck, MONDAY + 5);
    assert_eq!(ticked(&catch_up, MONDAY + 5), [true, false, false]);
    // A round before the plan's day counts for nothing.
    let mut early = mock_round_on(&deck, MONDAY + 3);
    early.merge(&late);
    assert_eq!(ticked(&early, MONDAY + 12), [false, false, true]);

    // Practice: two API questions on one day tick two API items.
    let progress = Progress::from_reviews(reviews_of(&deck, "api-design", 2, MONDAY + 5));
    let got = statuses(
        &plan,
        &state,
        &deck,
        &progress,
        &History::default(),
        noon(MONDAY + 5),
    );
    let api: Vec<Status> = plan
        .items()
        .filter(|i| i.focus == Focus::ApiDesign)
        .map(|i| got[&i.id])
        .collect();
    let auto = Status::Done { by_hand: false };
    assert_eq!(api, [auto, auto, Status::Upcoming]);
}

#[test]
fn setting_a_new_date_lays_the_plan_out_again() {
    let mut state = PlanState::default();
    let set = |day| PlanMsg::SetInterview {
        day,
        now: noon(MONDAY),
    };
    assert_eq!(update(&mut state, set(MONDAY + 3)).len(), 1);
    assert!(update(&mut state, set(MONDAY + 3)).is_empty(), "no change");
    update(
        &mut state,
        PlanMsg::Mark {
            id: "2026-03-02-api".into(),
            done: true,
        },
    );
    // Two days later the learner moves the interview: the plan starts today.
    update(
        &mut state,
        PlanMsg::SetInterview {
            day: MONDAY + 10,
            now: noon(MONDAY + 2),
        },
    );
    let plan = state.plan().expect("plan");
    assert_eq!(plan.first_day, MONDAY + 2);
    assert_eq!(plan.days.len(), 8);
    assert!(state.manual.is_empty(), "ticks named the old layout");
    assert_eq!(plan.days_left(noon(MONDAY + 2)), 8);
    assert_eq!(plan.today(noon(MONDAY + 2)).map(|d| d.number), Some(1));
    update(&mut state, PlanMsg::ClearInterview);
    assert_eq!(state.plan(), None);
}

fn written_state() -> PlanState {
    let mut state = PlanState::default();
    update(
        &mut state,
        PlanMsg::SetInterview {
            day: MONDAY + 7,
            now: noon(MONDAY),
        },
    );
    complete_story(&mut state, MONDAY + 2);
    update(
        &mut state,
        PlanMsg::Edit {
            template: TemplateKind::ProjectRefresh,
            field: "decisions".into(),
            text: "Postgres over \"DynamoDB\":\nrelations\u{2028}and ✓ joins".into(),
            now: noon(MONDAY + 3),
        },
    );
    update(
        &mut state,
        PlanMsg::Mark {
            id: "2026-03-08-incident".into(),
            done: true,
        },
    );
    state
}

#[test]
fn the_plan_state_round_trips() {
    let state = written_state();
    let text = encode_plan(&state);
    let (back, problems) = decode_plan(&text).expect("decodes");
    assert_eq!(back, state, "{text}");
    assert!(problems.is_empty());
    assert!(text.contains(r#""interview":"2026-03-09""#), "{text}");
    // Unknown template keys are refused; the same text is no change.
    let mut state = state;
    for (field, text) in [
        ("mood", "tired"),
        ("decisions", state.project.get("decisions")),
    ] {
        let msg = PlanMsg::Edit {
            template: TemplateKind::ProjectRefresh,
            field: field.into(),
            text: text.to_string(),
            now: noon(MONDAY + 4),
        };
        assert!(update(&mut state.clone(), msg).is_empty(), "{field}");
    }
    assert_eq!(
        state.project.edited_days,
        [MONDAY + 3].into(),
        "edits remember their day"
    );
    state.incident.fields.clear();
    assert!(!state.incident.is_complete(TemplateKind::IncidentStory));
}

#[test]
fn a_damaged_plan_keeps_what_still_reads() {
    let good = encode_plan(&written_state());
    // Each row: the stored text, then the problems named and what survives.
    type Survives = fn(&PlanState) -> bool;
    let rows: Vec<(String, Vec<&str>, Survives)> = vec![
        (
            good.replace(r#""interview":"2026-03-09""#, r#""interview":"2026-02-30""#),
            vec!["the interview date"],
            |s| s.interview_day.is_none() && s.incident.is_complete(TemplateKind::IncidentStory),
        ),
        (
            good.replace(r#""done":["2026-03-08-incident"]"#, r#""done":[1,2]"#),
            vec!["the items ticked by hand"],
            |s| s.manual.is_empty() && s.interview_day.is_some(),
        ),
        (
            good.replace(r#""situation":"Situation written""#, r#""situation":42"#),
            vec![],
            |s| s.incident.get("situation").is_empty() && !s.incident.get("impact").is_empty(),
        ),
        (
            good.replace(r#""project":{"#, r#""project":[{"#)
                .replace(r#"]},"v":1"#, r#"]}],"v":1"#),
            vec!["the project notes"],
            |s| s.project.fields.is_empty() && s.incident.fields.len() == 6,
        ),
        (good.replace(r#""from":"2026-03-02","#, ""), vec![], |s| {
            s.plan().is_some_and(|p| p.days.len() == 7)
        }),
        (
            good.replacen('{', r#"{"later":{"kept":[1,2]},"#, 1),
            vec![],
            |s| encode_plan(s).contains(r#""later":{"kept":[1,2]}"#),
        ),
    ];
    for (i, (text, problems, survives)) in rows.into_iter().enumerate() {
        let (state, named) = decode_plan(&text).unwrap_or_else(|e| panic!("row {i}: {e:?}"));
        assert_eq!(named, problems, "row {i}");
        assert!(survives(&state), "row {i}: {state:?}");
    }
    type Expectation = fn(&LoadError) -> bool;
    let errors: Vec<(String, Expectation)> = vec![
        ("".into(), |e| matches!(e, LoadError::NotJson(_))),
        ("[]".into(), |e| matches!(e, LoadError::WrongShape(_))),
        (r#"{"app":"other","v":1}"#.into(), |e| {
            *e == LoadError::NotOurs
        }),
        (good.replace(r#""v":1"#, r#""v":2"#), |e| {
            *e == LoadError::NewerVersion(2)
        }),
        (
            good.replace(r#""kind":"plan""#, r#""kind":"mock-round""#),
            |e| matches!(e, LoadError::WrongShape(_)),
        ),
    ];
    for (i, (text, expected)) in errors.into_iter().enumerate() {
        let error = decode_plan(&text).expect_err(&format!("row {i}"));
        assert!(expected(&error), "row {i}: {error:?}");
    }
}

#[test]
fn the_export_is_readable_markdown() {
    let state = written_state();
    let plan = state.plan().expect("plan");
    let deck = deck();
    let got = statuses(
        &plan,
        &state,
        &deck,
        &Progress::default(),
        &History::default(),
        noon(MONDAY + 6),
    );
    let text = export_markdown(&state, Some(&plan), &got);
    for expected in [
        "# Interview prep\n\nInterview: Mon 9 Mar (2026-03-09)\n",
        "### Day 1: Mon 2 Mar\n\n- [ ] Answer an API design prompt aloud\n",
        "### Day 3: Wed 4 Mar\n\n- [x] Prepare an incident story\n",
        "### Day 7: Sun 8 Mar\n\n- [x] Rehearse your incident story aloud\n",
        "## Incident story\n\n### Situation\n\nSituation written\n",
        "### Key decisions\n\nPostgres over \"DynamoDB\":\nrelations",
        "### Trade-offs\n\n(not written yet)\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(text.ends_with("(not written yet)\n"));
}

#[test]
fn dates_read_and_print_as_the_learner_writes_them() {
    // Each row: day count, ISO date, short form.
    let rows = [
        (0, "1970-01-01", "Thu 1 Jan"),
        (MONDAY, "2026-03-02", "Mon 2 Mar"),
        (20_513, "2026-03-01", "Sun 1 Mar"),
        (11_016, "2000-02-29", "Tue 29 Feb"),
        (-1, "1969-12-31", "Wed 31 Dec"),
    ];
    for (day, iso, short) in rows {
        assert_eq!(iso_date(day), iso);
        assert_eq!(parse_iso_date(iso), Some(day));
        assert_eq!(short_date(day), short);
    }
    for bad in [
        "",
        "2026-02-29",
        "2026-13-01",
        "2026-3-1",
        "26-03-01",
        "2026-03-01T00",
        "२०२६-03-01",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad}");
    }
}
