//! The charts, drawn with plotters as SVG text: the trend over time and the radar profile.
//!
//! Pure (no DOM): the worker puts the returned SVG into the page, and host tests read it.
//! plotters lays out and draws; [`backend::PathBackend`] writes the SVG, one `<path>` per
//! style run, escaping every text. plotters' mesh and caption helpers are not used: they
//! measure text.
//!
//! Nothing is told by colour alone: each line has its own colour, marker shape and dash
//! pattern (the backend gives a line's strokes its `stroke-dasharray`).

pub mod backend;

use std::fmt::Write;

use plotters::coord::Shift;
use plotters::prelude::*;

use backend::PathBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::domain::progression::Kept;
use crate::domain::series::{Line, RadarAxis, RadarReading, Unit, WHO5_LOW_MAX, WHO5_POOR_BELOW};
use crate::domain::week::IsoWeek;

/// The look of one line: colour (Okabe–Ito, safe for colour-blind readers), marker and
/// dash pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineStyle {
    pub color: (u8, u8, u8),
    pub marker: Marker,
    /// An SVG `stroke-dasharray`, or `None` for a solid line.
    pub dash: Option<&'static str>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    Circle,
    Square,
    Triangle,
    Diamond,
    Cross,
}

/// The styles, in the order lines are given them. Two lines never share colour *and*
/// marker *and* dash.
pub const STYLES: [LineStyle; 8] = [
    LineStyle { color: (0, 90, 160), marker: Marker::Circle, dash: None },
    LineStyle { color: (190, 90, 0), marker: Marker::Square, dash: Some("7 4") },
    LineStyle { color: (0, 120, 90), marker: Marker::Triangle, dash: Some("2 3") },
    LineStyle { color: (170, 60, 120), marker: Marker::Diamond, dash: Some("10 3 2 3") },
    LineStyle { color: (60, 60, 60), marker: Marker::Cross, dash: None },
    LineStyle { color: (0, 110, 170), marker: Marker::Square, dash: Some("2 3") },
    LineStyle { color: (150, 110, 0), marker: Marker::Circle, dash: Some("7 4") },
    LineStyle { color: (200, 50, 40), marker: Marker::Triangle, dash: Some("10 3 2 3") },
];

/// The style of the `n`-th line.
pub fn style(n: usize) -> LineStyle {
    STYLES[n % STYLES.len()]
}

/// Ink for text and axes; the grid; the two WHO-5 bands (neutral greys, not alarm colours)
/// and the ring around a marked change.
const INK: RGBColor = RGBColor(40, 40, 40);
const GRID: RGBColor = RGBColor(222, 222, 222);
const BAND_LOW: RGBColor = RGBColor(215, 215, 225);
const BAND_POOR: RGBColor = RGBColor(236, 236, 242);
const RING: RGBColor = RGBColor(20, 20, 20);
const FONT: &str = "sans-serif";

/// How wide a text is taken to be, in em per character: wider than any label measured in
/// Chromium's sans-serif in the four languages (at most 0.67 em, English), so that a text
/// laid out by this estimate fits where the browser draws it.
pub const EM_PER_CHAR: f64 = 0.7;

/// The width `text` is taken to take at `size` px (see [`EM_PER_CHAR`]): the one estimate
/// the backend gives plotters and the charts' own layout uses.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * EM_PER_CHAR
}

/// `text`, cut with "…" to fit `room` px at `size` px (whole when it fits).
pub fn fit(text: &str, size: f64, room: f64) -> String {
    if text_width(text, size) <= room {
        return text.to_owned();
    }
    let keep = ((room / (size * EM_PER_CHAR)).floor() as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect::<String>().trim_end().to_owned();
    cut.push('…');
    cut
}

/// Beyond this many weeks a line shows markers only where they carry information (a lone
/// reading, a marked change): hundreds of markers would hide the line and slow the page.
pub const MARKERS_UP_TO_WEEKS: usize = 60;

/// One line to draw: its values, its style, and whether to draw its moving average too.
pub struct Plotted<'a> {
    pub line: &'a Line,
    pub style: LineStyle,
    pub average: bool,
}

/// A trend chart to draw.
pub struct Trend<'a> {
    pub weeks: &'a [IsoWeek],
    pub unit: Unit,
    pub lines: Vec<Plotted<'a>>,
    /// Width in pixels of the place it is shown in; the height follows.
    pub width: u32,
    /// Milestones: the index of the week each falls in, drawn as a numbered marker.
    pub milestones: &'a [usize],
}

/// The ink of milestone markers, dashed (the backend dashes strokes by colour).
const MILESTONE: RGBColor = RGBColor(70, 70, 70);
const MILESTONE_DASH: &str = "5 4";

/// A line's points as steps: each value holds across its whole week.
fn steps(run: &[(usize, f32)], n: usize) -> Vec<(f32, f32)> {
    let end = n as f32 - 0.5;
    run.iter().flat_map(|&(i, v)| [((i as f32 - 0.5).max(-0.5), v), ((i as f32 + 0.5).min(end), v)]).collect()
}

/// A numbered milestone marker at week `index`: a dashed line over the plot and the
/// number in a circle at its top.
fn milestone_marker<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, top: (i32, i32), bottom_y: i32, number: usize) {
    let _ = root.draw(&PathElement::new(vec![(top.0, top.1 + 9), (top.0, bottom_y)], MILESTONE.stroke_width(1)));
    let _ = root.draw(&Circle::new((top.0, top.1), 8, WHITE.filled()));
    let _ = root.draw(&Circle::new((top.0, top.1), 8, MILESTONE.stroke_width(2)));
    let _ = root.draw(&Text::new(number.to_string(), top, text_style(11.0, Pos::new(HPos::Center, VPos::Center))));
}

/// A drawn chart and where its plotting area lies, for the hover and focus cursor.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    pub svg: String,
    pub width: u32,
    pub height: u32,
    /// Pixel x of the first and of the last week.
    pub first_x: f32,
    pub last_x: f32,
}

/// The week (of `weeks`, drawn from pixel `first_x` to `last_x`) nearest to pixel `x`, for
/// the hover cursor. Whole numbers only: the page calls it, and float formatting would cost
/// its first load.
pub fn week_at(first_x: i32, last_x: i32, weeks: usize, x: i32) -> usize {
    let (count, span) = (weeks as i64, i64::from(last_x) - i64::from(first_x));
    if count <= 1 || span <= 0 {
        return 0;
    }
    let index = ((i64::from(x) - i64::from(first_x)) * (count - 1) * 2 + span) / (span * 2);
    index.clamp(0, count - 1) as usize
}

fn text_style(size: f64, pos: Pos) -> TextStyle<'static> {
    TextStyle::from((FONT, size).into_font()).color(&INK).pos(pos)
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The y values that get a grid line and a label.
fn y_ticks(unit: Unit) -> &'static [f32] {
    match unit {
        Unit::Percent => &[0.0, 20.0, 28.0, 40.0, 50.0, 60.0, 80.0, 100.0],
        Unit::Rating => &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0],
        Unit::Hours => &[0.0, 10.0, 20.0, 30.0, 37.0],
        Unit::Attendance => &[0.0, 25.0, 50.0, 75.0, 100.0],
    }
}

/// Every how many weeks a week gets a label, so that labels do not collide.
fn x_stride(weeks: usize, width: u32) -> usize {
    let room = (width / 48).max(2) as usize;
    [1, 2, 4, 8, 13, 26, 52, 104, 260].into_iter().find(|s| weeks.div_ceil(*s) <= room).unwrap_or(520)
}

/// Draws a trend chart: WHO-5 bands (for percentages), grid, week axis, each line's
/// unbroken stretches, markers, marked changes and moving averages.
pub fn trend(chart: &Trend<'_>, week_label: &dyn Fn(IsoWeek) -> String) -> Drawn {
    let width = chart.width.clamp(280, 1600);
    let height = (width * 9 / 20).clamp(220, 420);
    let n = chart.weeks.len().max(1);
    let mut svg = String::with_capacity(4096 + 48 * n * (chart.lines.len() + 1));
    let (first_x, last_x);
    {
        let root = with_dashes(PathBackend::new(&mut svg, (width, height)), chart.lines.iter().map(|p| p.style))
            .dash((MILESTONE.0, MILESTONE.1, MILESTONE.2), 1, MILESTONE_DASH)
            .into_drawing_area();
        // Hours above a full-time week stretch the axis rather than leave the plot.
        let highest = chart.lines.iter().flat_map(|p| p.line.values.iter().flatten()).fold(0f32, |a, &b| a.max(b));
        let top = if highest > chart.unit.max() { (highest / 5.0).ceil() * 5.0 } else { chart.unit.max() };
        let built = ChartBuilder::on(&root)
            .margin_top(if chart.milestones.is_empty() { 10 } else { 24 })
            .margin_right(14)
            .x_label_area_size(44)
            .y_label_area_size(38)
            .build_cartesian_2d(-0.5f32..(n as f32 - 0.5), 0f32..top);
        let Ok(mut plot) = built else { return empty(width, height) };
        let x_end = n as f32 - 0.5;
        if chart.unit == Unit::Percent {
            let bands = [(0.0, WHO5_LOW_MAX, BAND_LOW), (WHO5_LOW_MAX, WHO5_POOR_BELOW, BAND_POOR)];
            let _ = plot.draw_series(
                bands.iter().map(|(low, high, color)| Rectangle::new([(-0.5, *low), (x_end, *high)], color.filled())),
            );
        }
        for &y in y_ticks(chart.unit) {
            let _ = plot.draw_series(std::iter::once(PathElement::new(vec![(-0.5, y), (x_end, y)], GRID)));
            let (px, py) = plot.backend_coord(&(-0.5, y));
            let _ =
                root.draw(&Text::new(number(y), (px - 6, py), text_style(12.0, Pos::new(HPos::Right, VPos::Center))));
        }
        let stride = x_stride(n, width);
        let mut last_year = None;
        for (i, week) in chart.weeks.iter().enumerate() {
            if !(n - 1 - i).is_multiple_of(stride) {
                continue;
            }
            let (px, py) = plot.backend_coord(&(i as f32, 0.0));
            let _ = root.draw(&Text::new(
                week_label(*week),
                (px, py + 6),
                text_style(12.0, Pos::new(HPos::Center, VPos::Top)),
            ));
            if last_year != Some(week.year()) {
                last_year = Some(week.year());
                let _ = root.draw(&Text::new(
                    week.year().to_string(),
                    (px, py + 22),
                    text_style(11.0, Pos::new(HPos::Center, VPos::Top)),
                ));
            }
        }
        let _ = plot.draw_series(std::iter::once(PathElement::new(vec![(-0.5, 0.0), (x_end, 0.0)], INK)));
        let markers_everywhere = n <= MARKERS_UP_TO_WEEKS;
        for plotted in &chart.lines {
            let color = rgb(plotted.style.color);
            if plotted.average {
                let average = Line { def: plotted.line.def, values: plotted.line.moving_average() };
                for run in average.runs().into_iter().filter(|r| r.len() > 1) {
                    let points = run.into_iter().map(|(i, v)| (i as f32, v));
                    let _ = plot.draw_series(LineSeries::new(points, color.mix(0.55).stroke_width(5)));
                }
            }
            // All stretches first, then the markers: each becomes one path.
            let runs = if plotted.line.def.key.is_sparse() {
                vec![plotted.line.values.iter().enumerate().filter_map(|(i, v)| Some((i, (*v)?))).collect()]
            } else {
                plotted.line.runs()
            };
            if plotted.line.def.key.is_step() {
                for run in &runs {
                    let _ = plot.draw_series(LineSeries::new(steps(run, n), color.stroke_width(2)));
                }
            } else {
                for run in runs.iter().filter(|r| r.len() > 1) {
                    let points = run.iter().map(|(i, v)| (*i as f32, *v));
                    let _ = plot.draw_series(LineSeries::new(points, color.stroke_width(2)));
                }
            }
            for run in runs.iter().filter(|r| markers_everywhere || r.len() == 1) {
                for (i, v) in run {
                    let (px, py) = plot.backend_coord(&(*i as f32, *v));
                    draw_marker(&root, (px, py), plotted.style.marker, color);
                }
            }
            // A ring that would overlap the one before is left out: over years of weekly
            // answers, rings on every other week hid the line (the table has every change).
            let mut ringed = i32::MIN / 2;
            for i in plotted.line.marked_changes() {
                if let Some(v) = plotted.line.values[i] {
                    let (px, py) = plot.backend_coord(&(i as f32, v));
                    if (px - ringed).abs() >= 18 {
                        ringed = px;
                        let _ = root.draw(&Circle::new((px, py), 9, RING.stroke_width(2)));
                    }
                }
            }
        }
        for (number, &index) in chart.milestones.iter().enumerate() {
            let (x, top_y) = plot.backend_coord(&(index as f32, top));
            let bottom_y = plot.backend_coord(&(0.0, 0.0)).1;
            milestone_marker(&root, (x, top_y - 10), bottom_y, number + 1);
        }
        first_x = plot.backend_coord(&(0.0, 0.0)).0 as f32;
        last_x = plot.backend_coord(&((n - 1) as f32, 0.0)).0 as f32;
        let _ = root.present();
    }
    Drawn { svg, width, height, first_x, last_x }
}

/// Draws each goal's weekly answers as a row of marks under a time axis that lines up with
/// the trend charts': yes a filled circle, partly a half-filled circle, no a cross (never
/// colour alone), with the milestones' markers.
pub fn goal_rows(
    weeks: &[IsoWeek],
    rows: &[(String, Vec<Option<Kept>>)],
    milestones: &[usize],
    width: u32,
    week_label: &dyn Fn(IsoWeek) -> String,
) -> Drawn {
    let width = width.clamp(280, 1600);
    let n = weeks.len().max(1);
    let row_height = 40u32;
    let top_margin = if milestones.is_empty() { 4 } else { 24 };
    let height = top_margin + row_height * rows.len().max(1) as u32 + 44;
    let mut svg = String::with_capacity(2048 + 64 * n * rows.len());
    let (first_x, last_x);
    {
        let root = PathBackend::new(&mut svg, (width, height))
            .dash((MILESTONE.0, MILESTONE.1, MILESTONE.2), 1, MILESTONE_DASH)
            .into_drawing_area();
        let built = ChartBuilder::on(&root)
            .margin_top(top_margin)
            .margin_right(14)
            .x_label_area_size(44)
            .y_label_area_size(38)
            .build_cartesian_2d(-0.5f32..(n as f32 - 0.5), 0f32..rows.len().max(1) as f32);
        let Ok(plot) = built else { return empty(width, height) };
        let x_end = n as f32 - 0.5;
        for (r, (name, marks)) in rows.iter().enumerate() {
            // Row r from the top: its band is [rows - r - 1, rows - r].
            let y = (rows.len() - r) as f32 - 0.62;
            let _ = root
                .draw(&PathElement::new(vec![plot.backend_coord(&(-0.5, y)), plot.backend_coord(&(x_end, y))], GRID));
            let (lx, ly) = plot.backend_coord(&(-0.5, (rows.len() - r) as f32));
            // Cut to the room there is: the list under the chart says it whole.
            let label = fit(name, 12.0, f64::from(width) - f64::from(lx) - 6.0);
            let _ = root.draw(&Text::new(label, (lx + 2, ly + 2), text_style(12.0, Pos::new(HPos::Left, VPos::Top))));
            for (i, mark) in marks.iter().enumerate() {
                let Some(kept) = mark else { continue };
                let at = plot.backend_coord(&(i as f32, y));
                let _ = match kept {
                    Kept::Yes => root.draw(&Circle::new(at, 6, INK.filled())),
                    Kept::Partly => {
                        let _ = root.draw(&Circle::new(at, 6, INK.stroke_width(2)));
                        root.draw(&Polygon::new(
                            vec![(at.0, at.1 - 6), (at.0 + 6, at.1), (at.0, at.1 + 6)],
                            INK.filled(),
                        ))
                    }
                    Kept::No => root.draw(&Cross::new(at, 5, INK.stroke_width(2))),
                };
            }
        }
        let stride = x_stride(n, width);
        let bottom = plot.backend_coord(&(0.0, 0.0)).1;
        let _ = root
            .draw(&PathElement::new(vec![plot.backend_coord(&(-0.5, 0.0)), plot.backend_coord(&(x_end, 0.0))], INK));
        for (i, week) in weeks.iter().enumerate() {
            if (n - 1 - i).is_multiple_of(stride) {
                let (px, _) = plot.backend_coord(&(i as f32, 0.0));
                let style = text_style(12.0, Pos::new(HPos::Center, VPos::Top));
                let _ = root.draw(&Text::new(week_label(*week), (px, bottom + 6), style));
            }
        }
        for (number, &index) in milestones.iter().enumerate() {
            let (x, top_y) = plot.backend_coord(&(index as f32, rows.len().max(1) as f32));
            milestone_marker(&root, (x, top_y - 10), bottom, number + 1);
        }
        first_x = plot.backend_coord(&(0.0, 0.0)).0 as f32;
        last_x = plot.backend_coord(&((n - 1) as f32, 0.0)).0 as f32;
        let _ = root.present();
    }
    Drawn { svg, width, height, first_x, last_x }
}

/// The backend with the dash pattern of each style that has one.
fn with_dashes(backend: PathBackend<'_>, styles: impl Iterator<Item = LineStyle>) -> PathBackend<'_> {
    styles.fold(backend, |b, s| match s.dash {
        Some(dash) => b.dash(s.color, 2, dash),
        None => b,
    })
}

fn empty(width: u32, height: u32) -> Drawn {
    let mut svg = String::new();
    let _ = PathBackend::new(&mut svg, (width, height)).into_drawing_area().present();
    Drawn { svg, width, height, first_x: 0.0, last_x: 0.0 }
}

fn draw_marker(root: &DrawingArea<PathBackend<'_>, Shift>, at: (i32, i32), marker: Marker, color: RGBColor) {
    let style = color.filled();
    let _ = match marker {
        Marker::Circle => root.draw(&Circle::new(at, 4, style)),
        Marker::Square => root.draw(&Rectangle::new([(at.0 - 4, at.1 - 4), (at.0 + 4, at.1 + 4)], style)),
        Marker::Triangle => {
            root.draw(&Polygon::new(vec![(at.0, at.1 - 5), (at.0 + 5, at.1 + 4), (at.0 - 5, at.1 + 4)], style))
        }
        Marker::Diamond => root
            .draw(&Polygon::new(vec![(at.0, at.1 - 5), (at.0 + 5, at.1), (at.0, at.1 + 5), (at.0 - 5, at.1)], style)),
        Marker::Cross => root.draw(&Cross::new(at, 4, color.stroke_width(2))),
    };
}

/// A small sample of a style for legends: a stretch of line with its marker.
pub fn swatch(style: LineStyle) -> String {
    let mut svg = String::with_capacity(512);
    {
        let root = with_dashes(PathBackend::new(&mut svg, (40, 16)), std::iter::once(style)).into_drawing_area();
        let color = rgb(style.color);
        let _ = root.draw(&PathElement::new(vec![(2, 8), (38, 8)], color.stroke_width(2)));
        draw_marker(&root, (20, 8), style.marker, color);
        let _ = root.present();
    }
    svg
}

/// A number as the charts write it: whole numbers without decimals.
fn number(value: f32) -> String {
    let mut text = String::new();
    let _ = write!(text, "{}", value.round() as i32);
    text
}

/// One reading on the radar and its style.
pub struct RadarPlotted<'a> {
    pub reading: &'a RadarReading,
    pub style: LineStyle,
}

/// Draws a radar (profile) chart: one spoke per item, rings at 2, 4, 6, 8 and 10, and each
/// reading's outline. A skipped item leaves the outline open there instead of drawing 0.
pub fn radar(axes: &[RadarAxis], readings: &[RadarPlotted<'_>], axis_name: &dyn Fn(&RadarAxis) -> String) -> Drawn {
    use crate::domain::series::radar_point;
    const LABEL: f64 = 13.0;
    const PAD: f64 = 6.0;
    let radius = 110.0f32;
    let count = axes.len().max(1);
    let names: Vec<String> = axes.iter().map(axis_name).collect();
    // Where each name stands against the spoke's end, and so how far it reaches left and
    // right of the centre: the drawing is made as wide as its names need.
    let anchors: Vec<(HPos, VPos)> = (0..axes.len())
        .map(|a| {
            let (x, y) = radar_point(a, count, 1.0);
            let h = if x > 0.2 {
                HPos::Left
            } else if x < -0.2 {
                HPos::Right
            } else {
                HPos::Center
            };
            let v = if y < -0.5 {
                VPos::Bottom
            } else if y > 0.5 {
                VPos::Top
            } else {
                VPos::Center
            };
            (h, v)
        })
        .collect();
    let (mut left, mut right) = (f64::from(radius), f64::from(radius));
    for (a, name) in names.iter().enumerate() {
        let x = f64::from(radar_point(a, count, 1.08).0 * radius);
        let w = text_width(name, LABEL);
        let (from, to) = match anchors[a].0 {
            HPos::Left => (x, x + w),
            HPos::Right => (x - w, x),
            HPos::Center => (x - w / 2.0, x + w / 2.0),
        };
        left = left.max(-from);
        right = right.max(to);
    }
    let width = (left + right + 2.0 * PAD).ceil() as u32;
    let height = 330u32;
    let (cx, cy) = ((left + PAD) as f32, 165.0f32);
    let at = |axis: usize, fraction: f32| {
        let (x, y) = radar_point(axis, count, fraction);
        ((cx + radius * x).round() as i32, (cy + radius * y).round() as i32)
    };
    let mut svg = String::with_capacity(8192);
    {
        let root = with_dashes(PathBackend::new(&mut svg, (width, height)), readings.iter().map(|r| r.style))
            .into_drawing_area();
        for ring in [0.2f32, 0.4, 0.6, 0.8, 1.0] {
            let mut points: Vec<_> = (0..count).map(|a| at(a, ring)).collect();
            points.push(at(0, ring));
            let _ = root.draw(&PathElement::new(points, if ring == 1.0 { INK } else { GRID }));
        }
        for (a, name) in names.iter().enumerate() {
            let _ = root.draw(&PathElement::new(vec![at(a, 0.0), at(a, 1.0)], GRID));
            let (h, v) = anchors[a];
            let _ = root.draw(&Text::new(name.as_str(), at(a, 1.08), text_style(LABEL, Pos::new(h, v))));
        }
        for value in [5.0f32, 10.0] {
            let (px, py) = at(0, value / 10.0);
            let _ = root.draw(&Text::new(
                number(value),
                (px + 4, py),
                // As large as the names: shown larger in the session view, at least 20 px.
                text_style(LABEL, Pos::new(HPos::Left, VPos::Center)),
            ));
        }
        for plotted in readings {
            let color = rgb(plotted.style.color);
            let values = &plotted.reading.values;
            let point = |a: usize| values[a].map(|v| at(a, v / axes[a].max.max(1.0)));
            let axes_drawn = count.min(values.len());
            for a in 0..axes_drawn {
                if let (Some(p), Some(q)) = (point(a), point((a + 1) % count)) {
                    let _ = root.draw(&PathElement::new(vec![p, q], color.stroke_width(2)));
                }
            }
            for p in (0..axes_drawn).filter_map(point) {
                draw_marker(&root, p, plotted.style.marker, color);
            }
        }
        let _ = root.present();
    }
    Drawn { svg, width, height, first_x: 0.0, last_x: 0.0 }
}
