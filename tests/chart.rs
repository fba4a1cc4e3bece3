//! The SVG that plotters draws for the charts, read as text.

use ugeblik::chart::{self, Plotted, RadarPlotted, Trend};
use ugeblik::domain::demo;
use ugeblik::domain::instrument::current;
use ugeblik::domain::series::*;
use ugeblik::domain::week::IsoWeek;

fn week(text: &str) -> IsoWeek {
    text.parse().unwrap()
}

fn count(svg: &str, needle: &str) -> usize {
    svg.matches(needle).count()
}

/// The `d` of the path whose attributes (after `d`) start with `paint`, if there is one.
fn path<'a>(svg: &'a str, paint: &str) -> Option<&'a str> {
    svg.split("<path d=\"").skip(1).find_map(|rest| {
        let (d, attrs) = rest.split_once('"')?;
        attrs.trim_start().starts_with(paint).then_some(d)
    })
}

/// How many separate shapes (subpaths) a path draws.
fn shapes(d: Option<&str>) -> usize {
    d.map_or(0, |d| d.matches('M').count())
}

const WHO5_STROKE: &str = "fill=\"none\" stroke=\"#005AA0\" stroke-width=\"2\"";
const WHO5_FILL: &str = "fill=\"#005AA0\"";
const RING: &str = "fill=\"none\" stroke=\"#141414\" stroke-width=\"2\"";

fn who5_line(values: &[Option<f32>]) -> Line {
    Line { def: line_defs()[0], values: values.to_vec() }
}

/// Draws one WHO-5 line (style 0, no average) over `weeks` at `width`.
fn draw_who5(weeks: &[IsoWeek], line: &Line, width: u32, label: &dyn Fn(IsoWeek) -> String) -> chart::Drawn {
    let lines = vec![Plotted { line, style: chart::style(0), average: false }];
    chart::trend(&Trend { weeks, unit: Unit::Percent, lines, width, milestones: &[] }, label)
}

fn label(week: IsoWeek) -> String {
    week.week().to_string()
}

#[test]
fn each_unbroken_stretch_is_its_own_line_and_every_reading_has_a_marker() {
    let weeks = Period::Weeks(6).weeks(&Default::default(), week("2026-W47"));
    let line = who5_line(&[Some(40.0), Some(48.0), None, Some(60.0), Some(64.0), Some(68.0)]);
    let drawn = draw_who5(&weeks, &line, 600, &label);
    assert_eq!(count(&drawn.svg, WHO5_STROKE), 1, "the line is one path");
    assert_eq!(shapes(path(&drawn.svg, WHO5_STROKE)), 2, "two stretches around the missed week");
    assert_eq!(shapes(path(&drawn.svg, WHO5_FILL)), 5, "one marker per reading");
    assert_eq!(shapes(path(&drawn.svg, RING)), 1, "48 → 60 is a marked change");
    assert!(
        path(&drawn.svg, "fill=\"#D7D7E1\"").is_some() && path(&drawn.svg, "fill=\"#ECECF2\"").is_some(),
        "both WHO-5 bands"
    );
    assert!(drawn.svg.contains("aria-hidden=\"true\" focusable=\"false\""));
    assert!(drawn.first_x < drawn.last_x);
    let (first, last) = (drawn.first_x as i32, drawn.last_x as i32);
    assert_eq!(chart::week_at(first, last, weeks.len(), last + 50), 5, "past the end: the last week");
    assert_eq!(chart::week_at(first, last, weeks.len(), first - 50), 0, "before the start: the first week");
    let step = (last - first) / 5;
    assert_eq!(chart::week_at(first, last, weeks.len(), first + 2 * step + step / 3), 2, "nearest week");
    assert_eq!(chart::week_at(first, last, weeks.len(), first + 2 * step + 2 * step / 3), 3);
}

#[test]
fn a_lone_reading_keeps_its_marker_even_in_a_long_period_and_changes_are_ringed() {
    let mut values = vec![None; 100];
    values[10] = Some(40.0);
    values[50] = Some(52.0);
    values[51] = Some(56.0);
    let line = who5_line(&values);
    let weeks = Period::Weeks(100).weeks(&Default::default(), week("2026-W47"));
    let drawn = draw_who5(&weeks, &line, 800, &label);
    // Markers only for the lone reading; the 40 → 52 change (12 points) gets a ring.
    assert_eq!(shapes(path(&drawn.svg, WHO5_FILL)), 1, "{}", drawn.svg);
    assert_eq!(shapes(path(&drawn.svg, RING)), 1);
    assert_eq!(shapes(path(&drawn.svg, WHO5_STROKE)), 1, "the 52 → 56 stretch");
}

#[test]
fn over_years_of_answers_the_rings_do_not_overlap() {
    // Ten years of weekly answers swinging by 20 points: a meaningful change every week.
    let values: Vec<Option<f32>> = (0..520).map(|i| Some(if i % 2 == 0 { 40.0 } else { 60.0 })).collect();
    let line = who5_line(&values);
    let weeks = Period::Weeks(520).weeks(&Default::default(), week("2026-W47"));
    let drawn = draw_who5(&weeks, &line, 800, &label);
    let rings = shapes(path(&drawn.svg, RING));
    // At most one per ring's width (18 px) across 800 px, and still spread over the years.
    assert!((20..=800 / 18).contains(&rings), "{rings} rings");
}

#[test]
fn dashed_styles_get_a_dash_pattern_and_the_average_is_drawn_beside_the_line() {
    let weeks = Period::Weeks(8).weeks(&Default::default(), week("2026-W47"));
    let line = Line { def: line_defs()[1], values: vec![Some(4.0); 8] };
    let style = chart::style(1);
    let drawn = chart::trend(
        &Trend {
            weeks: &weeks,
            unit: Unit::Rating,
            lines: vec![Plotted { line: &line, style, average: true }],
            width: 600,
            milestones: &[],
        },
        &label,
    );
    let (r, g, b) = style.color;
    let line = format!("fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-dasharray=\"{}\"", style.dash.unwrap());
    assert_eq!(shapes(path(&drawn.svg, &line)), 1, "the dashed line");
    assert!(
        path(&drawn.svg, &format!("fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"5\"")).is_some(),
        "the average beside it"
    );
    assert_eq!(shapes(path(&drawn.svg, &format!("fill=\"#{r:02X}{g:02X}{b:02X}\""))), 8, "eight square markers");
    assert!(path(&drawn.svg, "fill=\"#D7D7E1\"").is_none(), "no bands on a rating chart");
}

#[test]
fn text_in_the_svg_is_escaped() {
    let weeks = Period::Weeks(2).weeks(&Default::default(), week("2026-W47"));
    let line = who5_line(&[Some(40.0), None]);
    let drawn = draw_who5(&weeks, &line, 600, &|_| "<img src=x onerror=alert(1)>".to_owned());
    assert!(!drawn.svg.contains("<img"));
    assert!(drawn.svg.contains(">&lt;img src=x onerror=alert(1)&gt;</text>"));
}

#[test]
fn week_labels_thin_out_but_the_latest_week_is_always_labelled() {
    let history = demo::history(week("2026-W47"), 520);
    let weeks = Period::All.weeks(&history, week("2026-W47"));
    let lines = trend(&history, &weeks, &line_defs().iter().map(|d| d.key).collect::<Vec<_>>());
    let drawn = chart::trend(
        &Trend {
            weeks: &weeks,
            unit: Unit::Rating,
            lines: lines
                .iter()
                .filter(|l| l.def.unit == Unit::Rating)
                .enumerate()
                .map(|(n, line)| Plotted { line, style: chart::style(n), average: false })
                .collect(),
            width: 720,
            milestones: &[],
        },
        &|w| format!("U{}", w.week()),
    );
    let labels = count(&drawn.svg, ">U");
    assert!((5..=15).contains(&labels), "{labels} week labels on a 720 px chart");
    assert!(drawn.svg.contains(">U47</text>"), "the latest week is labelled");
    assert!(count(&drawn.svg, "<path") < 40, "a few paths, not an element per point: {}", count(&drawn.svg, "<path"));
}

#[test]
fn the_radar_draws_each_reading_and_leaves_a_skipped_item_open() {
    let chime = current("chime5").unwrap();
    let axes = radar_axes(chime);
    let readings = [
        RadarReading { week: week("2026-W40"), values: vec![Some(2.0); 5] },
        RadarReading { week: week("2026-W44"), values: vec![Some(5.0), Some(5.0), None, Some(5.0), Some(5.0)] },
        RadarReading { week: week("2026-W47"), values: vec![Some(8.0); 5] },
    ];
    let plotted: Vec<_> =
        readings.iter().enumerate().map(|(n, reading)| RadarPlotted { reading, style: chart::style(n) }).collect();
    let drawn = chart::radar(&axes, &plotted, &|axis| axis.name.en.to_owned());
    let outline = |n: usize| {
        let (r, g, b) = chart::style(n).color;
        let d = path(&drawn.svg, &format!("fill=\"none\" stroke=\"#{r:02X}{g:02X}{b:02X}\" stroke-width=\"2\""))
            .unwrap_or("");
        shapes(Some(d))
    };
    assert_eq!((outline(0), outline(1), outline(2)), (5, 3, 5), "the skipped item breaks two edges");
    for axis in &axes {
        assert!(drawn.svg.contains(&format!(">{}</text>", axis.name.en)), "{} is labelled", axis.name.en);
    }
}
