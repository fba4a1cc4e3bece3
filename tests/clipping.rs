//! Nothing is clipped: every text of every chart (trends, small multiples, goals, radars) lies inside its
//! SVG's viewBox, at the widths a phone, a tablet, a laptop and a projector give, in all
//! four languages, measured with the width estimate the chart backend gives plotters
//! (`chart::text_width`). The browser test (tests/e2e/clipping.test.mjs) checks the same
//! with Chromium's own text boxes.

use ugeblik::domain::history::History;
use ugeblik::domain::lang::Lang;
use ugeblik::domain::progression::{Goal, Milestone, MilestoneKind};
use ugeblik::domain::series::{ChartChoices, Period};
use ugeblik::session::figures::{figures, Figures};
use ugeblik::session::protocol::Choices;

mod common;
use common::week;

const WIDTHS: [u32; 5] = [320, 390, 768, 1366, 1920];

/// Loads every language pack, as the page loads the one chosen.
fn packs() {
    for name in ["en", "ar", "uk"] {
        let path = format!("{}/static/lang/{name}.json", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        ugeblik::i18n::pack::install_with_chart(&text).unwrap();
    }
}

/// An attribute's value in a tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&tag[start..start + tag[start..].find('"')?])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Each text's box (left, top, right, bottom) as the backend lays it out, and the text.
fn text_boxes(svg: &str) -> Vec<([f64; 4], String)> {
    let mut boxes = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        let tag_end = start + rest[start..].find('>').unwrap();
        let tag = &rest[start..tag_end];
        let close = tag_end + rest[tag_end..].find("</text>").unwrap();
        let text = unescape(&rest[tag_end + 1..close]);
        let number = |name| attr(tag, name).and_then(|v| v.parse::<f64>().ok()).unwrap();
        let (x, y, size) = (number("x"), number("y"), number("font-size"));
        let w = ugeblik::chart::text_width(&text, size);
        let (left, right) = match attr(tag, "text-anchor") {
            Some("end") => (x - w, x),
            Some("middle") => (x - w / 2.0, x + w / 2.0),
            _ => (x, x + w),
        };
        let (top, bottom) = match attr(tag, "dy") {
            Some("0.76em") => (y, y + size),
            Some("0.35em") => (y - size / 2.0, y + size / 2.0),
            _ => (y - size, y),
        };
        boxes.push(([left, top, right, bottom], text));
        rest = &rest[close..];
    }
    boxes
}

/// The viewBox's width and height.
fn view_box(svg: &str) -> (f64, f64) {
    let values: Vec<f64> = attr(svg, "viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    assert_eq!((values[0], values[1]), (0.0, 0.0));
    (values[2], values[3])
}

/// Every text outside its SVG in the figures of `history`, with where.
fn clipped(history: &History, lang: Lang, width: u32) -> Vec<String> {
    let choices = Choices {
        lang,
        demo: false,
        chart: ChartChoices { compare: Some(week("2026-W30")), ..ChartChoices::new(Period::All) },
        width,
        now: week("2026-W47"),
    };
    let Figures::Shown(shown) = figures(history, &choices) else { panic!("answers shown") };
    let mut svgs: Vec<(String, &str)> = shown.trends().map(|t| (t.code.to_owned(), t.svg.as_str())).collect();
    svgs.extend(shown.multiples().iter().flat_map(|m| m.charts.iter().map(|c| (c.code.clone(), c.svg.as_str()))));
    svgs.extend(shown.goals.iter().map(|g| ("goals".to_owned(), g.svg.as_str())));
    svgs.extend(shown.radars.iter().map(|r| (r.id.to_owned(), r.svg.as_str())));
    assert!(svgs.len() >= 6, "every kind of chart is drawn: {}", svgs.len());
    let mut out = Vec::new();
    for (chart, svg) in svgs {
        let (w, h) = view_box(svg);
        let boxes = text_boxes(svg);
        assert!(!boxes.is_empty(), "{chart} has texts");
        for ([left, top, right, bottom], text) in boxes {
            if left < -0.5 || top < -0.5 || right > w + 0.5 || bottom > h + 0.5 {
                out.push(format!("{lang:?} {width} px, {chart}: {text:?} at {left:.0}–{right:.0} of {w}"));
            }
        }
    }
    out
}

/// The demo's made-up history, with a goal and a milestone whose words are far longer than
/// any chart is wide.
fn history() -> History {
    let mut history = ugeblik::domain::demo::history(week("2026-W47"), 40);
    let long = "Møde op til tiden alle de dage, der er planlagt i praktikken hos Café Solsiden, også om mandagen";
    history.goals.push(Goal {
        id: "long".into(),
        what: long.into(),
        measure: String::new(),
        by: None,
        set: week("2026-W40"),
        authored: "2026-10-01T10:00:00Z".into(),
        closed: None,
        replaces: None,
        checks: Vec::new(),
    });
    history.milestones.push(Milestone {
        id: "long".into(),
        date: "2026-10-05".into(),
        kind: MilestoneKind::Other,
        text: Some(long.into()),
        authored: "2026-10-05T10:00:00Z".into(),
    });
    history
}

#[test]
fn every_chart_text_fits_its_svg_at_every_width_in_every_language() {
    packs();
    let history = history();
    let mut clipped_texts = Vec::new();
    for lang in Lang::ALL {
        for width in WIDTHS {
            clipped_texts.extend(clipped(&history, lang, width));
        }
    }
    assert!(clipped_texts.is_empty(), "{}", clipped_texts.join("\n"));
}

#[test]
fn a_long_goal_is_cut_to_the_room_there_is_and_said_whole_below() {
    packs();
    let choices = Choices {
        lang: Lang::Da,
        demo: false,
        chart: ChartChoices::new(Period::All),
        width: 320,
        now: week("2026-W47"),
    };
    let Figures::Shown(shown) = figures(&history(), &choices) else { panic!("answers shown") };
    let goals = shown.goals.unwrap();
    let texts: Vec<String> = text_boxes(&goals.svg).into_iter().map(|(_, text)| text).collect();
    assert!(texts.iter().any(|t| t.starts_with("Møde op til tiden") && t.ends_with('…')), "{texts:?}");
    assert!(goals.rows.iter().any(|row| row.contains("også om mandagen")), "the list says it whole");
    assert_eq!(ugeblik::chart::fit("kort", 12.0, 100.0), "kort");
    assert_eq!(ugeblik::chart::fit("Selvbestemmelse", 10.0, 50.0), "Selvbe…");
}
