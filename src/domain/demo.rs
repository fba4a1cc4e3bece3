//! A made-up but realistic history, for showing the charts (`?demo`), for the benchmark
//! and for tests. Deterministic: the same arguments give the same history.
//!
//! The story: a citizen starts low (WHO-5 around 30), improves unevenly over the months,
//! has a setback mid-way, misses about one week in eight, and the hours in a placement step
//! up 2 → 4 → 7 → 10 → 15.

use std::collections::BTreeMap;

use crate::domain::history::History;
use crate::domain::instrument::{current, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::{Absence, Goal, GoalCheck, Kept, Milestone, MilestoneKind, Outcome, Work};
use crate::domain::response::{status_of, Response};
use crate::domain::week::IsoWeek;

/// A small deterministic generator (xorshift32): no dependency, same numbers everywhere.
struct Noise(u32);

impl Noise {
    fn next(&mut self) -> u32 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        self.0 = x;
        x
    }

    /// A whole number in `-spread..=spread`.
    fn around(&mut self, spread: i32) -> i32 {
        (self.next() % (2 * spread as u32 + 1)) as i32 - spread
    }
}

/// `weeks` weeks of responses ending with `last`, as a citizen would have given them.
pub fn history(last: IsoWeek, weeks: usize) -> History {
    history_of(0, last, weeks)
}

/// One of many made-up citizens (for the provider's report and its benchmark): the same
/// story as [`history`], told by citizen number `citizen` with their own noise, starting
/// lower or higher, gaining more or less, over their own stretch of weeks. Citizen 0 is
/// [`history`]'s.
pub fn history_of(citizen: u32, last: IsoWeek, weeks: usize) -> History {
    let mut noise = Noise(0x9E37_79B9 ^ citizen.wrapping_mul(0x85EB_CA6B));
    // Each citizen's own start (-1.2 … +1.2 answer points) and gain (0.4 … 1.6 of the
    // story's), and a stretch of 40–100 % of the weeks, ending at `last` or up to 7 before.
    let (start, gain) =
        if citizen == 0 { (0.0, 1.0) } else { (noise.around(12) as f32 / 10.0, 1.0 + noise.around(6) as f32 / 10.0) };
    let (last, weeks) = if citizen == 0 {
        (last, weeks)
    } else {
        let end = last.plus(-(noise.around(3) + 3).max(0)).unwrap_or(last);
        (end, (weeks * (40 + noise.next() as usize % 61) / 100).max(1))
    };
    let mut responses = Vec::new();
    let first = last.ordinal() - weeks as i32 + 1;
    for n in 0..weeks {
        let Some(week) = IsoWeek::from_ordinal(first + n as i32) else { continue };
        // About one week in eight is missed, never the first or the latest.
        if n > 0 && n + 1 < weeks && noise.next().is_multiple_of(8) {
            continue;
        }
        let progress = n as f32 / weeks.max(2) as f32;
        // A setback around the middle of the period.
        let setback = if (0.45..0.55).contains(&progress) { -1.5 } else { 0.0 };
        let level = 1.4 + start + 2.0 * gain * progress + setback; // 0–5 WHO-5 answer level
        let rating = 3.0 + 2.0 * start + 4.5 * gain * progress + setback; // 0–10 self-rating level
        let hours = [2, 4, 7, 10, 15][((progress * 5.0) as usize).min(4)];
        for id in ["who5", "chime5", "jobready7"] {
            let Some(instrument) = current(id) else { continue };
            let mut answers = BTreeMap::new();
            for item in instrument.items {
                let (low, high) = item.scale.bounds();
                let value = match item.scale {
                    // Most WHO-5 answers sit at the week's level; about one in three moves.
                    Scale::Who5 if noise.next().is_multiple_of(3) => level.round() as i32 + noise.around(1),
                    Scale::Who5 => level.round() as i32,
                    Scale::Rating { .. } => rating.round() as i32 + noise.around(2),
                    Scale::Hours { .. } => hours + noise.around(1),
                };
                answers.insert(item.link_id.to_owned(), value.clamp(low.into(), high.into()) as u8);
            }
            let note = (id == "who5" && n % 5 == 2).then(|| NOTES[(n / 5) % NOTES.len()].to_owned());
            let monday = week.monday();
            responses.push(Response {
                id: format!("demo-{}-{id}", week),
                instrument: id.to_owned(),
                version: instrument.version.to_owned(),
                week,
                authored: format!("{:04}-{:02}-{:02}T09:00:00Z", monday.year(), u8::from(monday.month()), monday.day()),
                language: Lang::Da,
                status: status_of(instrument, &answers),
                answers,
                note,
            });
        }
    }
    let mut history = History { responses, ..Default::default() };
    progression(&mut history, first, weeks, &mut noise);
    history
}

/// A placement whose hours step up (2 → 4 → 7 → 10 → 15), attendance with the odd sick
/// day, two goals evaluated weekly (the first reached halfway) and the milestones.
fn progression(history: &mut History, first: i32, weeks: usize, noise: &mut Noise) {
    if weeks < 5 {
        return;
    }
    let week_at = |fraction: f32| IsoWeek::from_ordinal(first + (fraction * weeks as f32) as i32);
    let stamp = |week: IsoWeek| {
        let monday = week.monday();
        format!("{:04}-{:02}-{:02}T09:00:00Z", monday.year(), u8::from(monday.month()), monday.day())
    };
    let start = (weeks / 5).max(1);
    let mut last_hours = 0;
    for n in start..weeks {
        let Some(week) = IsoWeek::from_ordinal(first + n as i32) else { continue };
        let progress = n as f32 / weeks.max(2) as f32;
        let hours: u32 = [2, 4, 7, 10, 15][((progress * 5.0) as usize).min(4)];
        let days: u8 = [1, 2, 2, 3, 4][((progress * 5.0) as usize).min(4)];
        let ill = noise.next().is_multiple_of(6);
        let attended = if ill { days - 1 } else { days };
        let worked = if ill { hours * 60 * u32::from(attended) / u32::from(days) } else { hours * 60 };
        let work = Work {
            planned_minutes: Some(hours * 60),
            worked_minutes: Some(worked),
            days_planned: Some(days),
            days_attended: Some(attended),
            absence: ill.then_some(Absence::Ill),
        };
        history.set_work(week, work, &stamp(week));
        if hours != last_hours {
            let (kind, text) = if last_hours == 0 {
                (MilestoneKind::PlacementStarted, "Café Solsiden".to_owned())
            } else {
                (MilestoneKind::HoursChanged, format!("{last_hours} → {hours}"))
            };
            let monday = week.monday();
            history.milestones.push(Milestone {
                id: format!("demo-milestone-{week}"),
                date: format!("{:04}-{:02}-{:02}", monday.year(), u8::from(monday.month()), monday.day()),
                kind,
                text: Some(text),
                authored: stamp(week),
            });
            last_hours = hours;
        }
    }
    let (Some(first_set), Some(halfway)) = (week_at(0.1), week_at(0.5)) else { return };
    for (id, what, measure, set, closed) in [
        (
            "demo-goal-1",
            "Tage én opgave ad gangen",
            "Min mentor og jeg er enige om, at det går",
            first_set,
            Some(halfway),
        ),
        ("demo-goal-2", "Møde til tiden alle planlagte dage", "Fremmødet viser det", halfway, None),
    ] {
        let mut goal = Goal {
            id: id.to_owned(),
            what: what.to_owned(),
            measure: measure.to_owned(),
            by: None,
            set,
            authored: stamp(set),
            closed: None,
            replaces: None,
            checks: Vec::new(),
        };
        let end = closed.map_or(first + weeks as i32, |c| c.ordinal());
        for ordinal in set.ordinal()..end {
            let Some(week) = IsoWeek::from_ordinal(ordinal) else { continue };
            let kept = [Kept::Yes, Kept::Partly, Kept::Yes, Kept::No][(noise.next() % 4) as usize];
            goal.evaluate(GoalCheck { week, kept, note: None, authored: stamp(week) });
        }
        if let Some(closed) = closed {
            goal.close(closed, Outcome::Reached, &stamp(closed));
        }
        history.goals.push(goal);
    }
}

const NOTES: [&str; 4] = [
    "Første uge i praktik. Træt, men glad.",
    "Svært at sove. Talte med min mentor.",
    "God uge – mødte op alle dage.",
    "Lægen flyttede min tid; det gav uro.",
];

/// The made-up readings by others that go with [`history`]: the consultant's rating of
/// job readiness every fourth week of the last twenty, a little more hopeful than the
/// citizen at first and less so about the steps taken, and the workplace's evaluation
/// every second week of the placement's last eight.
pub fn readings(last: IsoWeek) -> crate::domain::rater::Readings {
    use crate::domain::rater::{self, Rater, Reading, Readings, Role};
    let mut noise = Noise(0x85EB_CA6B);
    let mut readings = Readings::default();
    let mut add = |role: Role, name: &str, back: i32, level: f32| {
        let (Some(week), Some(instrument)) = (last.plus(-back), role.instrument()) else { return };
        let mut answers = BTreeMap::new();
        for (n, item) in instrument.items.iter().enumerate() {
            let value = match item.scale {
                Scale::Hours { .. } => level * 2.0,
                // The steps taken: the consultant sees fewer than the citizen.
                _ if item.link_id == "job-search" => level - 3.0,
                _ => level + (n % 3) as f32 - 1.0 + noise.around(1) as f32,
            };
            let (_, max) = item.scale.bounds();
            answers.insert(item.link_id.to_owned(), value.round().clamp(0.0, f32::from(max)) as u8);
        }
        let response = Response {
            id: format!("demo-{}-{week}", role.code()),
            status: status_of(instrument, &answers),
            instrument: instrument.id.to_owned(),
            version: instrument.version.to_owned(),
            week,
            authored: format!("{}T13:00:00Z", week.monday() + time::Duration::days(2)),
            language: Lang::Da,
            answers,
            note: None,
        };
        let rater = Rater { role, name: Some(name.to_owned()) };
        if rater::check(&rater, &response).is_ok() {
            readings.upsert(Reading { rater, response, hidden: false });
        }
    };
    for back in [20, 16, 12, 8, 4, 0] {
        add(Role::Consultant, "MK", back, 6.0 - back as f32 / 10.0);
    }
    for back in [7, 5, 3, 1] {
        add(Role::Employer, "Lise", back, 7.0 - back as f32 / 4.0);
    }
    readings
}
