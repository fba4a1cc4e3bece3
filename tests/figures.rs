//! The progress screen's figures as data (src/session/figures.rs): what the charts, keys,
//! radars, table and notices say, for the history and the choices, as the page lays them
//! out.

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::series::{ChartChoices, Period};
use ugeblik::domain::week::IsoWeek;
use ugeblik::session::figures::{figures, Figures, Shown};
use ugeblik::session::protocol::Choices;

mod common;
use common::{choices, response, week};

/// WHO-5 at 40 % in week 44, none in 45, 56 % in 46 and 60 % in 47; CHIME in 44 and 47.
fn history() -> History {
    let who5 = |w, v: u8, note| response(w, "who5", &[("1", v), ("2", v), ("3", v), ("4", v), ("5", 2)], note);
    History {
        responses: vec![
            who5("2026-W44", 2, Some("<img src=x onerror=alert(1)> & more")),
            who5("2026-W46", 3, None),
            who5("2026-W47", 3, None),
            response("2026-W44", "chime5", &[("chime-c", 3), ("chime-h", 4)], None),
            response("2026-W47", "chime5", &[("chime-c", 6), ("chime-h", 7), ("chime-i", 5)], None),
        ],
        ..Default::default()
    }
}

/// The figures of a history with answers.
fn shown(history: &History, choices: &Choices) -> Shown {
    match figures(history, choices) {
        Figures::Shown(shown) => *shown,
        Figures::Empty(text) => panic!("nothing shown: {text}"),
    }
}

fn with_chart(chart: impl FnOnce(&mut ChartChoices)) -> Choices {
    let mut choices = choices();
    chart(&mut choices.chart);
    choices
}

#[test]
fn the_numbers_table_equals_the_data_and_leaves_missed_weeks_out() {
    let table = shown(&history(), &choices()).table.expect("the table, asked for");
    let rows: Vec<String> = table
        .rows
        .iter()
        .map(|row| [vec![row.week.clone(), row.dates.clone()], row.values.clone()].concat().join("|"))
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    // Week, dates, WHO-5, then the five CHIME items.
    assert!(rows[0].starts_with("Week 44, 2026|26 Oct – 1 Nov 2026|40|3|4|–|–|–"), "{}", rows[0]);
    assert!(rows[1].starts_with("Week 46, 2026|9–15 Nov 2026|56|–|–|–|–|–"), "{}", rows[1]);
    assert!(rows[2].starts_with("Week 47, 2026|16–22 Nov 2026|56|6|7|5|–|–"), "{}", rows[2]);
    assert_eq!(table.columns[0], "WHO-5 Well-Being Index");
    assert_eq!(table.notes_header, None, "no notes column unless the notes are shown");
}

#[test]
fn the_table_is_drawn_only_when_asked_for() {
    assert_eq!(shown(&history(), &with_chart(|c| c.table = false)).table, None);
}

#[test]
fn notes_stay_hidden_until_shown_and_then_appear_as_the_citizens_words() {
    let hidden = shown(&history(), &choices()).table.unwrap();
    assert!(hidden.rows.iter().all(|row| row.note.is_none()), "no note without the citizen's choice");
    let with_notes = shown(
        &history(),
        &with_chart(|c| {
            c.notes = true;
            c.table = false;
        }),
    );
    let table = with_notes.table.expect("showing the notes shows the table");
    assert_eq!(table.notes_header.as_deref(), Some("Notes"));
    // As the citizen wrote them: the page writes them as text, never as markup.
    assert_eq!(table.rows[0].note.as_deref(), Some("<img src=x onerror=alert(1)> & more"));
    assert_eq!(table.rows[1].note.as_deref(), Some(""), "a week without a note");
}

#[test]
fn one_chart_per_unit_with_a_summary_and_the_data_for_its_cursor() {
    let shown = shown(&history(), &with_chart(|c| c.combined = true));
    let codes: Vec<&str> = shown.trends().map(|t| t.code).collect();
    assert_eq!(codes, ["who5", "ratings"], "WHO-5 and the 0–10 ratings, combined as chosen");
    let trends: Vec<_> = shown.trends().collect();
    let who5 = trends[0];
    assert_eq!((who5.cursor.weeks, who5.cursor.first_week), (4, week("2026-W44")));
    assert!(who5.cursor.first_x < who5.cursor.last_x && who5.cursor.last_x as u32 <= who5.cursor.width);
    assert_eq!(who5.summary, "WHO-5 Well-Being Index rose from 40 to 56 over 3 weeks.");
    assert_eq!(who5.data_lines(), "WHO-5 Well-Being Index;40,,56,56");
    // What the cursor says on each week, the missed one too.
    assert_eq!(
        who5.readout(Lang::En, 1).as_deref(),
        Some("Week 45, 2026 (2–8 Nov 2026): WHO-5 Well-Being Index no reading")
    );
    assert_eq!(who5.readout(Lang::En, 3).as_deref(), Some("Week 47, 2026 (16–22 Nov 2026): WHO-5 Well-Being Index 56"));
    // The room kept for it: the longest it says, here the missed week's words.
    assert_eq!(who5.longest_readout(Lang::En), who5.readout(Lang::En, 1));
    assert!(who5.svg.starts_with("<svg"), "plotters' drawing");
    assert_eq!(who5.key.len(), 1);
    assert!(who5.key[0].swatch.starts_with("<svg"));
    assert!(who5.bands.is_some(), "the WHO-5's bands are keyed");
    assert!(trends[1].bands.is_none());
    let danish = shown_in(Lang::Da);
    assert!(
        danish.trends().next().unwrap().summary.contains("steg fra 40 til 56 over 3 uger"),
        "the summary is translated"
    );
}

fn shown_in(lang: Lang) -> Shown {
    shown(&history(), &Choices { lang, ..choices() })
}

#[test]
fn the_radar_overlays_first_chosen_and_latest() {
    let mut history = history();
    history.responses.push(response("2026-W45", "chime5", &[("chime-c", 5)], None));
    let label = |compare| shown(&history, &with_chart(|c| c.compare = compare)).radars[0].label.clone();
    let chosen = label(Some(week("2026-W45")));
    assert!(chosen.contains("profile for Week 44, 2026, Week 45, 2026 and Week 47, 2026"), "{chosen}");
    assert!(label(None).contains("Week 45, 2026 and Week 47, 2026"), "by default the week nearest 4 weeks back");
    let not_offered = label(Some(week("2026-W46")));
    assert!(not_offered.contains("Week 45, 2026 and Week 47, 2026"), "a week with no reading is not compared with");
    let radar = &shown(&history, &with_chart(|c| c.compare = Some(week("2026-W45")))).radars[0];
    assert_eq!((radar.id, radar.weeks.len(), radar.key.len()), ("chime5", 3, 3));
    assert_eq!(radar.rows[0].1, ["3", "5", "6"], "the first dimension in each reading");
}

#[test]
fn an_empty_history_says_so_and_the_demo_draws_made_up_weeks() {
    assert_eq!(
        figures(&History::default(), &choices()),
        Figures::Empty("There are no answers yet. The chart appears once you have answered for a week.".into())
    );
    let demo = ugeblik::domain::demo::history(week("2026-W47"), ugeblik::session::figures::DEMO_WEEKS);
    let demo = shown(&demo, &with_chart(|c| c.period = Period::All));
    assert_eq!(demo.trends().next().unwrap().cursor.weeks, ugeblik::session::figures::DEMO_WEEKS);
}

#[test]
fn no_period_draws_more_than_ten_years_of_weeks_whatever_the_history_or_choices_hold() {
    use ugeblik::domain::series::MAX_WEEKS;
    // Weeks from year 1 to year 9998, as a file once brought in.
    let weeks = ["0001-W01", "2026-W47", "9998-W52"];
    let history = History {
        responses: weeks
            .iter()
            .map(|w| response(w, "who5", &[("1", 3), ("2", 3), ("3", 3), ("4", 3), ("5", 3)], None))
            .collect(),
        ..Default::default()
    };
    let now = week("2026-W47");
    let (_, last) = IsoWeek::range();
    assert_eq!(last, week("2099-W53"));
    for period in [Period::All, Period::Weeks(u16::MAX), Period::Custom(week("0001-W01"), week("9998-W52"))] {
        let drawn = period.weeks(&history, now);
        assert_eq!(drawn.len(), MAX_WEEKS, "{period:?}");
        assert_eq!(drawn[drawn.len() - 1], last, "{period:?}: the latest weeks the app shows");
    }
    let custom = Period::Custom(week("2026-W01"), week("2026-W10"));
    assert_eq!(custom.weeks(&history, now).len(), 10, "a short period is drawn whole");
    let early = Period::Custom(week("0001-W01"), week("0001-W10")).weeks(&history, now);
    assert_eq!(early, [week("2000-W01")], "a period before the years the app shows draws their first week");
    assert!("9999-W52".parse::<IsoWeek>().is_err(), "its Sunday is in no year a date reaches");
    let shown = shown(&history, &with_chart(|c| c.period = Period::Custom(week("0001-W01"), week("9998-W52"))));
    assert_eq!(shown.trends().next().unwrap().cursor.weeks, MAX_WEEKS);
    let svg: usize = shown.trends().map(|t| t.svg.len()).sum();
    assert!(svg < 2_000_000, "{svg} bytes");
}

#[test]
fn the_self_ratings_are_small_multiples_on_shared_axes_with_first_and_latest_unless_combined() {
    let shown = shown(&history(), &choices());
    let codes: Vec<&str> = shown.trends().map(|t| t.code).collect();
    assert_eq!(codes, ["who5"], "the ratings are not one chart of crossing lines");
    let multiples = shown.multiples().expect("the ratings as small multiples");
    assert_eq!(multiples.title, "Self-ratings, 0–10");
    // One small chart per CHIME line chosen, each drawn alone, all the same size and weeks.
    let names: Vec<&str> = multiples.charts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 5, "{names:?}");
    let connectedness = &multiples.charts[0];
    assert_eq!((connectedness.first.as_deref(), connectedness.latest.as_deref()), (Some("3"), Some("6")));
    assert_eq!(connectedness.summary, format!("{} rose from 3 to 6 over 3 weeks.", connectedness.name));
    let unanswered = multiples.charts.iter().find(|c| c.first.is_none()).expect("a line never answered");
    assert_eq!(unanswered.latest, None);
    let view_boxes: Vec<&str> = multiples
        .charts
        .iter()
        .map(|c| {
            let start = c.svg.find("viewBox=\"").unwrap() + 9;
            &c.svg[start..start + c.svg[start..].find('"').unwrap()]
        })
        .collect();
    assert!(view_boxes.iter().all(|v| *v == view_boxes[0]), "the same size each: {view_boxes:?}");
    for chart in &multiples.charts {
        // The same 0–10 axis and the same weeks: the tick labels are the same texts.
        let ticks = |svg: &str| svg.matches("</text>").count();
        assert_eq!(ticks(&chart.svg), ticks(&multiples.charts[0].svg), "{}", chart.name);
        assert!(chart.svg.contains(">10</text>") && chart.svg.contains(">0</text>"));
    }
    // Combined, as a choice: one chart of the ratings again.
    let combined = shown_in_combined();
    assert!(combined.multiples().is_none());
    assert_eq!(combined.trends().map(|t| t.code).collect::<Vec<_>>(), ["who5", "ratings"]);
}

fn shown_in_combined() -> Shown {
    shown(&history(), &with_chart(|c| c.combined = true))
}

/// The session's views of the demo's 40 weeks (every kind of data: WHO-5, both profiles,
/// a consultant's and a workplace's readings, work, goals, milestones, notes).
fn session(lang: Lang) -> Vec<ugeblik::session::figures::SessionView> {
    let demo = ugeblik::domain::demo::history(week("2026-W47"), ugeblik::session::figures::DEMO_WEEKS);
    let readings = ugeblik::domain::demo::readings(week("2026-W47"));
    let choices = Choices { lang, chart: ChartChoices::new(Period::All), ..choices() };
    ugeblik::session::figures::session_views(&demo, &readings, &choices, 600, 300)
}

#[test]
fn the_session_shows_one_picture_per_view_in_order_with_its_change_in_words() {
    use ugeblik::session::figures::{ViewBody, ViewKind};
    let views = session(Lang::Da);
    let kinds: Vec<ViewKind> = views.iter().map(|v| v.kind).collect();
    // Every view the demo has data for, in the order of a conversation; the notes are there
    // to show, but hidden at first (`shown_at_first`).
    assert_eq!(kinds, ViewKind::ALL.to_vec());
    assert_eq!(ViewKind::ALL.iter().filter(|k| !k.shown_at_first()).collect::<Vec<_>>(), [&ViewKind::Notes]);
    let who5 = &views[0];
    assert_eq!(who5.title, "Trivsel (WHO-5), 0–100");
    assert!(
        who5.words[0].starts_with("WHO-5 Trivselsindeks: steg fra ") || who5.words[0].contains(" fra "),
        "{:?}",
        who5.words
    );
    let ViewBody::Trends(trends) = &who5.body else { panic!("WHO-5 is a trend chart") };
    assert_eq!(trends.len(), 1);
    assert_eq!((trends[0].code, trends[0].cursor.width), ("who5", 600), "drawn as wide as asked");
    assert_eq!(trends[0].cursor.height, 270, "the trends' proportions, 9 : 20");
    // The profiles compare the first reading with the latest, whatever the screen chose.
    for view in &views[1..3] {
        let ViewBody::Radar(radar) = &view.body else { panic!("{:?} is a profile", view.kind) };
        assert_eq!(radar.weeks.len(), 2, "{:?}: first and latest", view.kind);
        assert!(radar.size.0 > 200 && radar.size.1 > 200, "{:?}", radar.size);
    }
    // The consultant's latest rating beside the citizen's own of that week, and where they
    // differ, in words; then the workplace's evaluation, a chart of its own.
    let ViewBody::Radar(both) = &views[3].body else { panic!("two ratings are a profile") };
    assert_eq!(both.key.len(), 2);
    assert!(both.key[1].name.starts_with("Konsulent (MK)"), "{:?}", both.key);
    assert!(
        views[3].words[0].starts_with("Her ser I forskelligt på det (3 point eller mere): "),
        "{:?}",
        views[3].words
    );
    assert_eq!(views[3].words.len(), 1, "one sentence: the numbers are in the picture");
    let ViewBody::Trends(workplace) = &views[4].body else { panic!("the workplace's is a trend chart") };
    assert_eq!((workplace[0].code, workplace[0].cursor.width), ("workplace", 600));
    // Hours and attendance: two charts side by side, each drawn half as wide.
    let ViewBody::Trends(work) = &views[5].body else { panic!("work is trend charts") };
    assert_eq!(
        work.iter().map(|t| (t.code, t.cursor.width)).collect::<Vec<_>>(),
        [("hours", 300), ("attendance", 300)]
    );
    assert_eq!(views[5].words.len(), 2, "each chart's change in words");
    let ViewBody::Goals(goals) = &views[6].body else { panic!("goals") };
    assert_eq!(goals.size.0, 600);
    let (ViewBody::List(milestones), ViewBody::List(notes)) = (&views[7].body, &views[8].body) else { panic!("lists") };
    assert!(!milestones.is_empty() && !notes.is_empty());
    assert!(notes.iter().all(|(week, note)| week.starts_with("Uge ") && !note.is_empty()), "{notes:?}");
}

#[test]
fn a_view_with_nothing_to_show_is_left_out_and_an_empty_history_has_none() {
    use ugeblik::session::figures::{session_views, ViewKind};
    let views = session_views(&history(), &Default::default(), &choices(), 600, 300);
    // WHO-5 and CHIME answered; no job readiness, work, goals, milestones; one note.
    let kinds: Vec<ViewKind> = views.iter().map(|v| v.kind).collect();
    assert_eq!(kinds, [ViewKind::Who5, ViewKind::Chime, ViewKind::Notes]);
    assert!(session_views(&History::default(), &Default::default(), &choices(), 600, 300).is_empty());
}

#[test]
fn the_session_draws_charts_that_shown_larger_keep_every_text_at_20_px_or_more() {
    use ugeblik::session::figures::{fitted, zoom};
    // The smallest text the charts draw is 11 px: shown at least twice as large.
    assert_eq!(zoom(768.0), 2.0);
    assert!((zoom(1080.0) - 2.8125).abs() < 1e-9, "grows with a taller screen");
    // 1366 × 768: the picture's area is about 1300 × 560 px.
    let (z, width) = fitted(1300.0, 560.0, 768.0, 1.0);
    assert_eq!(z, 2.0);
    assert!(11.0 * z >= 20.0);
    let height = (width * 9 / 20).clamp(220, 420);
    assert!(f64::from(width) * z <= 1300.0 && f64::from(height) * z <= 560.0 + 1.0, "{width} × {height} fits");
    assert!(width >= 560, "as wide as the area lets it be: {width}");
    // Two side by side: each half the room, the same zoom.
    let (z2, two) = fitted(1300.0, 560.0, 768.0, 2.0);
    assert_eq!(z2, 2.0);
    assert!(f64::from(two) * 2.0 * z2 + 32.0 <= 1300.0 + 1.0 && two >= 280, "{two}");
    // 1920 × 1080: larger still.
    let (z, width) = fitted(1850.0, 800.0, 1080.0, 1.0);
    assert!(11.0 * z >= 30.0 && f64::from(width) * z <= 1850.0, "{z} {width}");
    // A phone, 390 wide: never drawn narrower than 280, shown as large as the width lets.
    let (z, width) = fitted(358.0, 500.0, 844.0, 1.0);
    assert_eq!(width, 280);
    assert!((z - 358.0 / 280.0).abs() < 1e-9, "{z}");
}
