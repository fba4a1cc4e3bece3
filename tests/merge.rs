//! Ugeblik open in two tabs at once, without a browser: their check-ins in progress merge
//! part by part by when each part was given, their histories by id, and what one tab saved
//! reaches the other's check-in. The merges keep every answer either side has, give the
//! same result in either order, change nothing when done again, and settle a tie the same
//! way every time.

use std::collections::BTreeSet;

use ugeblik::domain::checkin::{Draft, Stage};
use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{Goal, GoalCheck, Kept, Milestone, MilestoneKind, Outcome, Work};
use ugeblik::domain::response::{rfc3339_utc, status_of, Response, Status};
use ugeblik::domain::{demo, instrument};
use ugeblik::formats::stored::{decode_history, encode_history};

mod common;
use common::{week, Rng};

/// 2026-11-18T11:06:40Z, in milliseconds since the Unix epoch.
const T: u64 = 1_795_000_000_000;

/// A check-in of 2026-W47 with the answers `parts`: `instrument/linkId`, value, when given
/// (0: before times were kept).
fn draft(parts: &[(&str, u8, u64)]) -> Draft {
    let mut draft = Draft::start(week("2026-W47"), &History::default());
    for &(part, value, at) in parts {
        let (instrument, link_id) = part.split_once('/').unwrap();
        draft.answers.entry(instrument.into()).or_default().insert(link_id.into(), value);
        if at > 0 {
            draft.given.push((part.into(), at));
            draft.given.sort();
        }
    }
    draft
}

fn answers(draft: &Draft) -> Vec<(String, u8)> {
    draft.answers.iter().flat_map(|(i, a)| a.iter().map(move |(l, v)| (format!("{i}/{l}"), *v))).collect()
}

#[track_caller]
fn check(mine: &[(&str, u8, u64)], theirs: &[(&str, u8, u64)], expected: &[(&str, u8)]) {
    let expected: Vec<(String, u8)> = expected.iter().map(|&(p, v)| (p.to_owned(), v)).collect();
    for (a, b) in [(mine, theirs), (theirs, mine)] {
        let mut merged = draft(a);
        merged.merge(&draft(b));
        assert_eq!(answers(&merged), expected, "{a:?} merged with {b:?}");
    }
}

#[test]
fn two_check_ins_keep_every_answer_and_of_two_answers_to_one_question_the_later() {
    // Tab A answers WHO-5 item 1, tab B item 2.
    check(&[("who5/1", 3, T)], &[("who5/2", 4, T + 5)], &[("who5/1", 3), ("who5/2", 4)]);
    // Both answer item 1: the later answer wins, whichever tab merges.
    check(&[("who5/1", 3, T)], &[("who5/1", 1, T + 1)], &[("who5/1", 1)]);
    check(&[("who5/1", 3, T + 1)], &[("who5/1", 1, T)], &[("who5/1", 3)]);
    // In the same millisecond: the greater, in either order.
    check(&[("who5/1", 3, T)], &[("who5/1", 1, T)], &[("who5/1", 3)]);
    // An answer from before times were kept (format 2) is older than any.
    check(&[("who5/1", 3, 0)], &[("who5/1", 1, T)], &[("who5/1", 1)]);
    check(&[("who5/1", 3, 0)], &[("who5/1", 1, 0)], &[("who5/1", 3)]);
    check(
        &[("who5/5", 0, T), ("chime5/chime-c", 7, T)],
        &[("jobready7/job-hours", 37, T)],
        &[("chime5/chime-c", 7), ("jobready7/job-hours", 37), ("who5/5", 0)],
    );
    check(&[], &[("who5/3", 2, T)], &[("who5/3", 2)]);
    check(&[], &[], &[]);
}

/// A history with one goal open since 2026-W45.
fn with_goal() -> History {
    let mut history = History::default();
    history.goals.push(goal("g1", "2026-11-02T10:00:00Z"));
    history
}

fn goal(id: &str, authored: &str) -> Goal {
    Goal {
        id: id.into(),
        what: format!("goal {id}"),
        measure: String::new(),
        by: None,
        set: week("2026-W45"),
        authored: authored.into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    }
}

#[test]
fn the_step_stays_the_tabs_own_and_a_tab_on_the_note_stays_on_it() {
    let mut mine = draft(&[("who5/1", 3, T)]);
    mine.step = 1;
    let mut theirs = draft(&[("who5/2", 4, T)]);
    theirs.step = 7;
    mine.merge(&theirs);
    assert_eq!(mine.step, 1);

    // A goal only the other tab asks about is asked here too, and the note stays the note.
    let mut mine = Draft::start(week("2026-W47"), &History::default());
    mine.step = mine.total();
    let mut theirs = Draft::start(week("2026-W47"), &with_goal());
    theirs.step = theirs.total() - 1;
    theirs.keep_goal(Kept::Partly, "tuesday", T);
    mine.merge(&theirs);
    assert_eq!(mine.goals, theirs.goals);
    assert!(mine.at_note(), "step {} of {}", mine.step, mine.total());

    // Another week's check-in changes nothing: the tab that started one keeps it.
    let before = draft(&[("who5/1", 3, T)]);
    let mut mine = before.clone();
    let mut other_week = Draft::start(week("2026-W48"), &History::default());
    other_week.answer(5, T + 9).unwrap();
    mine.merge(&other_week);
    assert_eq!(mine, before);
}

#[test]
fn the_note_the_weeks_work_and_the_goals_answers_merge_by_when_they_were_given() {
    let start = Draft::start(week("2026-W47"), &with_goal());
    let goal_step = start.flow().len() + 1;
    let (mut a, mut b) = (start.clone(), start);
    a.set_note("from A".into(), T + 10);
    b.set_note("from B".into(), T + 20);
    a.give_work(Work { planned_minutes: Some(450), ..Work::default() }, T + 2).unwrap();
    b.give_work(Work { worked_minutes: Some(60), ..Work::default() }, T + 1).unwrap();
    a.step = goal_step;
    a.keep_goal(Kept::Yes, "", T + 30);
    b.step = goal_step;
    b.keep_goal(Kept::No, "hard", T + 5);
    for (mut mine, theirs) in [(a.clone(), &b), (b.clone(), &a)] {
        mine.merge(theirs);
        assert_eq!(mine.note, "from B");
        assert_eq!(mine.work, Some(Work { planned_minutes: Some(450), ..Work::default() }));
        assert_eq!((mine.goals[0].kept, mine.goals[0].note.as_deref()), (Some(Kept::Yes), None));
    }
}

/// A check-in of `week` in a tab: from `start`, a random walk of answers, skips, steps
/// back, notes, the week's work and goal answers, at a few times so that ties happen.
fn wander(rng: &mut Rng, start: &Draft) -> Draft {
    let mut draft = start.clone();
    for _ in 0..rng.below(40) {
        let at = T + rng.below(4) as u64;
        match (rng.below(7), draft.stage()) {
            (0..=2, Stage::Question(question)) => {
                let values = question.item.scale.values();
                draft.answer(values[rng.below(values.len())], at).unwrap();
            }
            (3, _) => draft.set_note(["", "a", "b"][rng.below(3)].into(), at),
            (4, Stage::Work) => {
                let work = Work { planned_minutes: Some(60 * rng.below(3) as u32), ..Work::default() };
                draft.give_work(work, at).unwrap();
            }
            (4, Stage::Goal(_)) => draft.keep_goal(Kept::ALL[rng.below(3)], ["", "x"][rng.below(2)], at),
            (5, _) => draft.back(),
            (6, _) => draft.step = rng.below(draft.total() + 1),
            _ => draft.next(),
        }
    }
    draft
}

/// Two drafts compared without their steps, which are each tab's own.
fn same_but_step(a: &Draft, b: &Draft) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    (a.step, b.step) = (0, 0);
    a == b
}

fn merged(a: &Draft, b: &Draft) -> Draft {
    let mut merged = a.clone();
    merged.merge(b);
    merged
}

#[test]
fn check_in_merges_are_commutative_associative_idempotent_and_keep_every_answer() {
    let mut rng = Rng(0x7ab5);
    for case in 0..2_000 {
        let mut saved = with_goal();
        if case % 3 == 0 {
            // The week was saved before: the check-ins change it.
            let mut first = wander(&mut rng, &Draft::start(week("2026-W47"), &saved));
            first.step = first.total();
            first.save_into(&mut saved, "2026-11-17T09:00:00Z", Lang::Da, &mut || format!("r{case}"));
        }
        let start = Draft::start(week("2026-W47"), &saved);
        let [a, b, c] = [(); 3].map(|()| wander(&mut rng, &start));
        let ab = merged(&a, &b);
        assert!(same_but_step(&ab, &merged(&b, &a)), "case {case}: commutative");
        assert!(same_but_step(&merged(&ab, &c), &merged(&a, &merged(&b, &c))), "case {case}: associative");
        assert_eq!(merged(&a, &a), a, "case {case}: idempotent");
        assert_eq!(merged(&ab, &b), ab, "case {case}: merging again changes nothing");
        assert_eq!(ab.step, a.step, "case {case}: the step is the tab's own");
        let keys = |d: &Draft| answers(d).into_iter().map(|(k, _)| k).collect::<BTreeSet<_>>();
        assert_eq!(keys(&ab), &keys(&a) | &keys(&b), "case {case}: every answer is kept");
        ab.check().unwrap_or_else(|e| panic!("case {case}: {e}"));
    }
}

#[test]
fn a_check_in_takes_in_what_another_tab_saved_of_its_week_and_saving_it_updates_that() {
    let mut history = History::default();
    let start = Draft::start(week("2026-W47"), &history);
    let (mut a, mut b) = (start.clone(), start);
    a.answer(3, T).unwrap(); // WHO-5 item 1
    b.next();
    b.answer(4, T + 1).unwrap(); // item 2
                                 // Tab A saves before it heard of B's answer; B goes on.
    a.step = a.total();
    a.save_into(&mut history, "2026-11-18T11:06:42Z", Lang::Da, &mut || "saved-by-a".into());
    b.answer(2, T + 2500).unwrap(); // item 3, after A saved
    b.merge_saved(&history);
    assert_eq!(b.editing["who5"], "saved-by-a", "B's saving updates A's response");
    assert_eq!(answers(&b), [("who5/1".into(), 3), ("who5/2".into(), 4), ("who5/3".into(), 2)]);
    assert_eq!(b.step, 3);
    // An answer B gives after A saved wins over what A saved, one given before does not.
    let mut late = b.clone();
    late.step = 0;
    late.answer(0, T + 3000).unwrap();
    late.merge_saved(&history);
    assert_eq!(late.answers["who5"]["1"], 0);
    let mut early = b.clone();
    early.step = 0;
    early.answer(1, T + 1000).unwrap();
    early.merge_saved(&history);
    assert_eq!(early.answers["who5"]["1"], 3);

    // A goal set in another tab meanwhile waits for the next check-in: no step moves.
    let total = b.total();
    history.goals.push(goal("g-new", "2026-11-18T11:06:50Z"));
    b.merge_saved(&history);
    assert_eq!((b.total(), b.goals.len()), (total, 0));

    b.step = b.total();
    b.save_into(&mut history, "2026-11-18T11:07:00Z", Lang::Da, &mut || panic!("no second response"));
    assert_eq!(history.responses.len(), 1);
    assert_eq!(history.responses[0].answers.len(), 3);
}

// Histories: merged when another tab stored one between this tab's reading and writing.

fn response(id: &str, week_text: &str, answers: &[(&str, u8)], authored: &str) -> Response {
    let who5 = instrument::current("who5").unwrap();
    let answers = answers.iter().map(|&(k, v)| (k.to_owned(), v)).collect();
    Response {
        id: id.into(),
        instrument: "who5".into(),
        version: "1".into(),
        week: week(week_text),
        authored: authored.into(),
        language: Lang::Da,
        status: status_of(who5, &answers),
        answers,
        note: None,
    }
}

/// The history in one order: a merge adds what only the other has after its own.
fn sorted(mut history: History) -> History {
    history.responses.sort_by(|a, b| a.id.cmp(&b.id));
    history.goals.sort_by(|a, b| a.id.cmp(&b.id));
    history.milestones.sort_by(|a, b| a.id.cmp(&b.id));
    history
}

fn merged_history(a: &History, b: &History) -> History {
    let mut merged = a.clone();
    merged.merge(b);
    sorted(merged)
}

#[track_caller]
fn check_history(mine: &History, theirs: &History, expected: &History) {
    assert_eq!(merged_history(mine, theirs), sorted(expected.clone()), "mine with theirs");
    assert_eq!(merged_history(theirs, mine), sorted(expected.clone()), "theirs with mine");
}

fn history(responses: Vec<Response>) -> History {
    History { responses, ..History::default() }
}

#[test]
fn responses_merge_by_id_keeping_the_answers_of_both() {
    let (t1, t2) = ("2026-11-18T10:00:00Z", "2026-11-18T10:05:00Z");
    let a = response("a", "2026-W47", &[("1", 3)], t1);
    let b = response("b", "2026-W46", &[("1", 4)], t2);
    check_history(&history(vec![a.clone()]), &history(vec![b.clone()]), &history(vec![a, b]));
    // The same response saved by two tabs: the answers of both, the later's where both have one.
    let mine = response("x", "2026-W47", &[("1", 3), ("2", 2)], t1);
    let theirs = response("x", "2026-W47", &[("2", 5), ("3", 1), ("4", 1), ("5", 1)], t2);
    let both = response("x", "2026-W47", &[("1", 3), ("2", 5), ("3", 1), ("4", 1), ("5", 1)], t2);
    assert_eq!(both.status, Status::Complete, "the status follows the answers");
    check_history(&history(vec![mine.clone()]), &history(vec![theirs.clone()]), &history(vec![both]));
    // Saved in the same second: every answer, and where both have one, this tab's.
    let mut tie = theirs.clone();
    tie.authored = t1.into();
    let merged = merged_history(&history(vec![mine.clone()]), &history(vec![tie.clone()]));
    assert_eq!(merged.responses[0].answers.len(), 5);
    assert_eq!(merged.responses[0].answers["2"], 2);
    assert_eq!(merged_history(&history(vec![tie]), &history(vec![mine])).responses[0].answers["2"], 5);
}

#[test]
fn goals_work_and_milestones_merge_by_id_and_nothing_is_lost() {
    let (t1, t2, t3) = ("2026-11-16T10:00:00Z", "2026-11-17T10:00:00Z", "2026-11-18T10:00:00Z");
    let check =
        |w: &str, kept, authored: &str| GoalCheck { week: week(w), kept, note: None, authored: authored.into() };
    // One tab closes the goal; the other answers it in a check-in.
    let mut closed = goal("g1", t1);
    closed.close(week("2026-W47"), Outcome::Reached, t3);
    closed.evaluate(check("2026-W46", Kept::No, t1));
    let mut answered = goal("g1", t1);
    answered.evaluate(check("2026-W46", Kept::Yes, t2));
    answered.evaluate(check("2026-W47", Kept::Partly, t2));
    let mut both = closed.clone();
    both.evaluate(check("2026-W46", Kept::Yes, t2));
    both.evaluate(check("2026-W47", Kept::Partly, t2));
    let with = |goal: &Goal| History { goals: vec![goal.clone()], ..History::default() };
    check_history(&with(&closed), &with(&answered), &with(&both));

    // The week's work: the later given, week by week.
    let work = |minutes| Work { planned_minutes: Some(minutes), ..Work::default() };
    let mut mine = History::default();
    mine.set_work(week("2026-W46"), work(60), t1);
    mine.set_work(week("2026-W47"), work(120), t2);
    let mut theirs = History::default();
    theirs.set_work(week("2026-W46"), work(90), t2);
    theirs.set_work(week("2026-W44"), work(30), t1);
    let mut expected = History::default();
    expected.set_work(week("2026-W44"), work(30), t1);
    expected.set_work(week("2026-W46"), work(90), t2);
    expected.set_work(week("2026-W47"), work(120), t2);
    check_history(&mine, &theirs, &expected);

    // Milestones: one added in each tab; one changed later in one of them.
    let milestone = |id: &str, authored: &str| Milestone {
        id: id.into(),
        date: "2026-11-16".into(),
        kind: MilestoneKind::NewMentor,
        text: Some(format!("at {authored}")),
        authored: authored.into(),
    };
    let mine = History { milestones: vec![milestone("m1", t1), milestone("m2", t1)], ..History::default() };
    let theirs = History { milestones: vec![milestone("m1", t2), milestone("m3", t1)], ..History::default() };
    let expected = History {
        milestones: vec![milestone("m1", t2), milestone("m2", t1), milestone("m3", t1)],
        ..History::default()
    };
    check_history(&mine, &theirs, &expected);
}

/// A tab's changes to `base` at its own times (`tab` seconds past each minute, so that two
/// tabs never change something at the same second): check-ins saved, goals answered and
/// closed, weeks' work given, milestones added and removed.
fn edit(rng: &mut Rng, base: &History, tab: u64) -> History {
    let mut history = base.clone();
    let weeks: Vec<_> = base.responses.iter().map(|r| r.week).collect();
    for n in 0..rng.below(8) {
        let at = rfc3339_utc((T + 60_000 * rng.below(3) as u64 + 1000 * tab) as f64);
        let week = weeks[rng.below(weeks.len())];
        match rng.below(6) {
            0 => {
                let mut walk = Rng(rng.next());
                let draft = wander(&mut walk, &Draft::start(week, &history));
                draft.save_into(&mut history, &at, Lang::En, &mut || format!("tab{tab}-{n}"));
            }
            1 => {
                if let Some(goal) = history.goals.get_mut(rng.below(base.goals.len().max(1))) {
                    let kept = Kept::ALL[rng.below(3)];
                    goal.evaluate(GoalCheck { week, kept, note: None, authored: at });
                }
            }
            2 => {
                if let Some(goal) = history.goals.iter_mut().find(|g| g.is_open()) {
                    goal.close(week, Outcome::ALL[rng.below(3)], &at);
                }
            }
            3 => history.set_work(
                week,
                Work { worked_minutes: Some(30 * (1 + rng.below(3) as u32)), ..Work::default() },
                &at,
            ),
            4 => history.milestones.push(Milestone {
                id: format!("m-tab{tab}-{n}"),
                date: "2026-11-16".into(),
                kind: MilestoneKind::Other,
                text: Some("x".into()),
                authored: at,
            }),
            _ => {
                let index = rng.below(history.milestones.len().max(1));
                if index < history.milestones.len() {
                    history.milestones.remove(index);
                }
            }
        }
    }
    history
}

#[test]
fn history_merges_lose_nothing_and_are_commutative_and_idempotent() {
    let mut rng = Rng(0x41570);
    for case in 0..500 {
        let mut base = demo::history(week("2026-W47"), 1 + rng.below(8));
        base.goals.push(goal("g1", "2026-11-02T10:00:00Z"));
        // Some weeks were saved half answered: a tab may add answers the other has not.
        for response in &mut base.responses {
            response.answers.retain(|_, _| rng.below(3) > 0);
            let instrument = instrument::find(&response.instrument, &response.version).unwrap();
            response.status = status_of(instrument, &response.answers);
        }
        let (a, b) = (edit(&mut rng, &base, 1), edit(&mut rng, &base, 2));
        let ab = merged_history(&a, &b);
        assert_eq!(ab, merged_history(&b, &a), "case {case}: commutative");
        assert_eq!(merged_history(&ab, &b), ab, "case {case}: merging again changes nothing");
        assert_eq!(merged_history(&a, &a), sorted(a.clone()), "case {case}: idempotent");
        for side in [&a, &b] {
            for response in &side.responses {
                let kept = ab.responses.iter().find(|r| r.id == response.id).expect("every response is kept");
                for link_id in response.answers.keys() {
                    assert!(kept.answers.contains_key(link_id), "case {case}: answer {link_id} of {}", response.id);
                }
            }
            for goal in &side.goals {
                let kept = ab.goals.iter().find(|g| g.id == goal.id).expect("every goal is kept");
                for check in &goal.checks {
                    assert!(kept.check_for(check.week).is_some(), "case {case}: {} in {}", goal.id, check.week);
                }
            }
            for milestone in &side.milestones {
                assert!(ab.milestones.iter().any(|m| m.id == milestone.id), "case {case}: {}", milestone.id);
            }
            for work in &side.work {
                assert!(ab.work_for(work.week).is_some(), "case {case}: work of {}", work.week);
            }
        }
        // What the page stores, it reads back.
        assert_eq!(sorted(decode_history(&encode_history(&ab)).unwrap()), ab, "case {case}");
    }
}
