//! The check-in's steps written as HTML: one question per screen, the week's work, and
//! each open goal, with the closing note.
//!
//! Why HTML and not Leptos views: every distinct view and event handler is compiled code
//! the first load carries (the work step's form measured 7 KB gzipped as views). These
//! parts have no state of their own, so the page puts the HTML in place and acts on the
//! `data-` attribute of the button pressed (`page::check_in`).
//! Pure and host-tested; every text is escaped by [`Html`].

use crate::domain::checkin::Question;
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::{format_hours, parse_date, Absence, Goal, Kept, Work};
use crate::domain::week::IsoWeek;
use crate::formats::html::Html;
use crate::i18n::{date_label, decimal_separator, week_label, Msg};

/// The ids of the work step's fields, in the order they are read.
pub const HOURS_PLANNED: &str = "ugb-hours-planned";
pub const HOURS_WORKED: &str = "ugb-hours-worked";
pub const DAYS_PLANNED: &str = "ugb-days-planned";
pub const DAYS_ATTENDED: &str = "ugb-days-attended";
/// The radio buttons' name, and the error line's id.
pub const ABSENCE: &str = "ugb-absence";
pub const WORK_ERROR: &str = "ugb-work-error";
pub const GOAL_NOTE: &str = "ugb-goal-note";
/// The closing note's field, and the question's heading (which names its answers' group).
pub const NOTE_FIELD: &str = "ugb-note-field";
const QUESTION_HEADING: &str = "ugb-question-text";
/// The names of the radio buttons of a question's answers (their values are the answers'
/// values) and of a goal step's (their values are [`Kept`] codes).
pub const ANSWER: &str = "ugb-answer";
pub const KEPT: &str = "ugb-kept";
/// The question's button that skips it, or goes on once it has an answer.
pub const ONWARD: &str = "ugb-onward";

/// Above every step: its position ("Spørgsmål 3 af 19" or "Mål 1 af 2"), the week, and a
/// bar (decorative: the text says it).
pub fn step_progress(html: &mut Html, lang: Lang, label: &str, number: usize, total: usize, week: IsoWeek) {
    let done = (number.saturating_sub(1) * 100 / total.max(1)).to_string();
    html.open("div", &[("class", "ugb-progress")]).open("p", &[]);
    html.el("span", &[], label).text(" · ").el("span", &[], &week_label(lang, week)).close("p");
    html.open("progress", &[("class", "ugb-progress__bar"), ("max", "100"), ("value", &done), ("aria-hidden", "true")]);
    html.close("progress").close("div");
}

/// The speaker drawn on every read-aloud button (decorative: the button is named).
const SPEAKER: &str = r#"<svg class="ugb-speak__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M3 9v6h4l5 4V5L7 9z"/><path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>"#;

/// A button that reads `say` aloud in `say_lang` (`data-say`; the page speaks it), named
/// `label` in the app's language. An answer's own button is left out of the Tab order
/// (`tabindex="-1"`): it would stand between the answers, and the keyboard reaches the
/// question's.
pub fn speak_button(html: &mut Html, label: &str, say: &str, say_lang: Lang, answer: bool) {
    let mut attrs = vec![
        ("type", "button"),
        ("class", "ugb-speak"),
        ("aria-label", label),
        ("data-say", say),
        ("data-say-lang", say_lang.code()),
    ];
    if answer {
        attrs.push(("tabindex", "-1"));
    }
    html.open("button", &attrs).trusted_svg(SPEAKER).close("button");
}

/// A step's heading (`attrs`, with `lead`, words said before it, on a line of their own),
/// focused when the step opens, with the button that reads `say` aloud in `say_lang`
/// before it (Shift+Tab from the heading; never between the answers), and the line that
/// says when the phone cannot read aloud.
fn spoken_heading(
    html: &mut Html,
    lang: Lang,
    attrs: &[(&'static str, &str)],
    lead: &str,
    text: &str,
    say: &str,
    say_lang: Lang,
) {
    html.open("div", &[("class", "ugb-heading")]);
    speak_button(html, Msg::ReadQuestion.get(lang), say, say_lang, false);
    let mut heading = vec![("tabindex", "-1")];
    heading.extend_from_slice(attrs);
    html.open("h2", &heading);
    if !lead.is_empty() {
        html.el("span", &[("class", "ugb-question__lead")], lead);
    }
    html.text(text).close("h2").close("div");
    html.el("p", &[("id", SPEECH_STATUS), ("class", "ugb-hint"), ("role", "status")], "");
}

/// The answers of a question or a goal step: a group of radio buttons named `name`, with
/// the values and words of `answers` (`checked` chosen), named by the element
/// `labelled_by`: one Tab stop, the arrow keys move the choice, and Enter, Space or a tap
/// chooses and goes on (`page::check_in`). Each answer's radio button lies over its tile
/// (its pictogram `picts`, its words); worded answers have a button that reads them
/// (`say_lang`). `numbers`: a number typed chooses it. `own_lang`: the answers' language,
/// where it is not the app's.
#[allow(clippy::too_many_arguments)]
fn answers(
    html: &mut Html,
    lang: Lang,
    (name, labelled_by, class): (&str, &str, &str),
    answers: &[(&str, &str, Option<String>)],
    checked: Option<&str>,
    worded: bool,
    own_lang: &[(&'static str, &str)],
    say_lang: Lang,
) {
    html.open("fieldset", &[("class", class), ("aria-labelledby", labelled_by)]);
    for (value, words, pict) in answers {
        html.open("div", &[("class", "ugb-option")])
            .open("label", &[("class", "ugb-answer")].iter().chain(own_lang).copied().collect::<Vec<_>>());
        let mut input = vec![("type", "radio"), ("name", name), ("value", value)];
        if checked == Some(value) {
            input.push(("checked", ""));
        }
        html.open("input", &input).open("span", &[("class", "ugb-answer__face")]);
        if let Some(pict) = pict {
            html.trusted_svg(pict);
        }
        html.el("span", &[], words).close("span").close("label");
        if worded {
            speak_button(html, &Msg::ReadAnswer.fill(lang, &[("answer", words)]), words, say_lang, true);
        }
        html.close("div");
    }
    html.close("fieldset");
    // Shown while the answers have the keyboard's focus (style/main.css).
    let keys = if worded { Msg::Keys } else { Msg::KeysNumbers };
    html.el("p", &[("class", "ugb-keys ugb-hint")], keys.get(lang));
}

/// The id of the line that says when the phone cannot read aloud.
pub const SPEECH_STATUS: &str = "ugb-speech-status";

/// A pictogram for a 0–10 answer: a bar filled `value` tenths of the way (decorative: the
/// number is the button's text).
fn rating_pictogram(value: u8) -> String {
    let height = u32::from(value.min(10)) * 2;
    format!(
        r#"<svg class="ugb-pict" viewBox="0 0 12 24" aria-hidden="true" focusable="false"><rect class="ugb-pict__frame" x="1" y="1" width="10" height="22" rx="2"/><rect class="ugb-pict__fill" x="2" y="{}" width="8" height="{height}"/></svg>"#,
        22 - height
    )
}

/// A pictogram for a WHO-5 option: a clock face filled for the share of the time the
/// option says (5 "all of the time": full; 0 "at no time": empty). The slices are written
/// out (fifths of a circle of radius 9 about 12,12): float formatting and trigonometry
/// would cost the first load kilobytes.
fn time_pictogram(value: u8) -> String {
    let fill = match value {
        0 => "",
        1 => r#"<path class="ugb-pict__fill" d="M12 12V3A9 9 0 0 1 20.56 9.22Z"/>"#,
        2 => r#"<path class="ugb-pict__fill" d="M12 12V3A9 9 0 0 1 17.29 19.28Z"/>"#,
        3 => r#"<path class="ugb-pict__fill" d="M12 12V3A9 9 0 1 1 6.71 19.28Z"/>"#,
        4 => r#"<path class="ugb-pict__fill" d="M12 12V3A9 9 0 1 1 3.44 9.22Z"/>"#,
        _ => r#"<circle class="ugb-pict__fill" cx="12" cy="12" r="9"/>"#,
    };
    format!(
        r#"<svg class="ugb-pict" viewBox="0 0 24 24" aria-hidden="true" focusable="false">{fill}<circle class="ugb-pict__frame" cx="12" cy="12" r="9"/></svg>"#
    )
}

/// One question: the instrument and its recall period, the item (the heading the answers'
/// group is named by), one radio button per answer ([`ANSWER`], the one given checked)
/// with its pictogram, the scale's legend, help, back and skip (`data-act`), and the
/// instrument's notice. Every question and every worded answer can be read aloud
/// (`data-say`).
///
/// The questions are in `lang`, except where the instrument has no version in it (the
/// WHO-5 in Arabic): then they are in the official version chosen (`who5_lang`, offered
/// here with `data-who5-lang`), marked with their own `lang`, and the explanation stays in
/// `lang`. A translation nobody has reviewed yet says so.
pub fn question_step(
    lang: Lang,
    question: &Question,
    answer: Option<u8>,
    week: IsoWeek,
    who5_lang: Option<Lang>,
) -> String {
    let (instrument, item) = (question.instrument, question.item);
    let shown = instrument.shown_in(lang, who5_lang);
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen ugb-question"), ("aria-labelledby", QUESTION_HEADING)]);
    let label =
        Msg::Progress.fill(lang, &[("n", &question.number.to_string()), ("total", &question.total.to_string())]);
    step_progress(&mut html, lang, &label, question.number, question.total, week);
    let recall = match instrument.recall {
        Recall::LastTwoWeeks => Msg::RecallTwoWeeks,
        Recall::ThisWeek => Msg::RecallThisWeek,
    };
    html.open("p", &[("class", "ugb-question__section")]);
    html.text(instrument.name.get(lang)).text(" · ").text(recall.get(lang)).close("p");
    if shown != lang {
        // Why, said once, at the first of its questions; the choice stays on each.
        let first = instrument.items.first().is_some_and(|first| first.link_id == item.link_id);
        official_choice(&mut html, lang, shown, first);
    }
    // Marked with its own language where it is not the app's, so that a screen reader
    // and the read-aloud voice pronounce it right.
    let own_lang: &[(&'static str, &str)] =
        if shown == lang { &[] } else { &[("lang", shown.code()), ("dir", shown.dir())] };
    let mut heading = vec![("id", QUESTION_HEADING), ("class", "ugb-question__text")];
    heading.extend_from_slice(own_lang);
    let lead = instrument.lead_in.get(shown);
    let legend = match item.scale {
        Scale::Who5 => None,
        Scale::Rating { low, high } => {
            Some(Msg::ScaleLegend.fill(shown, &[("low", low.get(shown)), ("high", high.get(shown))]))
        }
        Scale::Hours { .. } => Some(Msg::HoursLegend.get(shown).to_owned()),
    };
    let spoken = [lead, item.text.get(shown), legend.as_deref().unwrap_or_default()]
        .iter()
        .filter(|t| !t.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    spoken_heading(&mut html, lang, &heading, lead, item.text.get(shown), &spoken, shown);
    let class = match item.scale {
        Scale::Who5 => "ugb-options ugb-options--list",
        Scale::Rating { .. } => "ugb-options ugb-options--rating",
        Scale::Hours { .. } => "ugb-options ugb-options--hours",
    };
    let values: Vec<_> = item.scale.values().into_iter().map(|v| v.to_string()).collect();
    let options: Vec<_> = item
        .scale
        .values()
        .into_iter()
        .zip(&values)
        .map(|(value, code)| match (item.scale.who5_label(value), item.scale) {
            (Some(words), _) => (code.as_str(), words.get(shown), Some(time_pictogram(value))),
            (None, Scale::Rating { .. }) => (code.as_str(), code.as_str(), Some(rating_pictogram(value))),
            (None, _) => (code.as_str(), code.as_str(), None),
        })
        .collect();
    let checked = answer.map(|a| a.to_string());
    let worded = item.scale == Scale::Who5;
    let group = (ANSWER, QUESTION_HEADING, class);
    answers(&mut html, lang, group, &options, checked.as_deref(), worded, own_lang, shown);
    if let Some(legend) = legend {
        let mut attrs = vec![("class", "ugb-legend")];
        attrs.extend_from_slice(own_lang);
        html.el("p", &attrs, &legend);
    }
    html.open("details", &[("class", "ugb-help")]).el("summary", &[], Msg::WhatWeMean.get(lang));
    html.el("p", &[], item.help.get(lang)).close("details");
    html.open("div", &[("class", "ugb-stepnav")]);
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "back")], Msg::Back.get(lang));
    let onward = if answer.is_some() { Msg::Next } else { Msg::Skip };
    let attrs = [("type", "button"), ("id", ONWARD), ("class", "ugb-secondary"), ("data-act", "skip")];
    html.el("button", &attrs, onward.get(lang));
    html.close("div");
    if instrument.unreviewed_in(shown) {
        html.el("p", &[("class", "ugb-unreviewed")], Msg::Unreviewed.get(lang));
    }
    let mut notice = vec![("class", "ugb-instrument-notice")];
    notice.extend_from_slice(own_lang);
    html.el("p", &notice, instrument.notice.get(shown));
    html.close("section");
    html.finish()
}

/// Why the questions are in another language than the app's (the WHO-5 only in its
/// official versions), and the choice of those versions (`data-who5-lang`).
fn official_choice(html: &mut Html, lang: Lang, shown: Lang, why: bool) {
    html.open("div", &[("class", "ugb-official")]);
    if why {
        html.el("p", &[], &Msg::Who5Official.fill(lang, &[("language", lang.endonym())]));
    }
    html.open("div", &[("class", "ugb-lang"), ("role", "group"), ("aria-label", Msg::Who5LangGroup.get(lang))]);
    for option in Lang::ALL.into_iter().filter(|l| l.has_official_who5()) {
        let pressed = if option == shown { "true" } else { "false" };
        html.el(
            "button",
            &[
                ("type", "button"),
                ("lang", option.code()),
                ("aria-pressed", pressed),
                ("data-who5-lang", option.code()),
            ],
            option.endonym(),
        );
    }
    html.close("div").close("div");
}

/// The closing note (`NOTE_FIELD`, kept as it is typed) and save (`data-act="save"`).
pub fn note_step(lang: Lang, note: &str, not_stored: bool) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen ugb-note"), ("aria-labelledby", "ugb-note-title")]);
    let (title, hint) = (Msg::NoteTitle.get(lang), Msg::NoteHint.get(lang));
    spoken_heading(&mut html, lang, &[("id", "ugb-note-title")], "", title, &format!("{title} {hint}"), lang);
    // Saving failed: nothing is lost, and the citizen is told how to keep it.
    if not_stored {
        html.open("div", &[("class", "ugb-notice"), ("role", "alert")]);
        html.el("p", &[], Msg::NotStored.get(lang));
        html.el(
            "button",
            &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "backup")],
            Msg::SaveAsFile.get(lang),
        );
        html.close("div");
    }
    html.el("label", &[("for", NOTE_FIELD)], Msg::NoteLabel.get(lang));
    let attrs = [
        ("id", NOTE_FIELD),
        ("rows", "5"),
        ("maxlength", "2000"),
        ("aria-describedby", "ugb-note-hint"),
        ("dir", "auto"),
    ];
    // The parser drops one newline right after <textarea>: this one, never the note's own.
    html.open("textarea", &attrs).text("\n").text(note).close("textarea");
    html.el("p", &[("id", "ugb-note-hint"), ("class", "ugb-hint")], hint);
    html.open("div", &[("class", "ugb-stepnav")]);
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "back")], Msg::Back.get(lang));
    html.el("button", &[("type", "button"), ("class", "ugb-primary"), ("data-act", "save")], Msg::Save.get(lang));
    html.close("div").close("section");
    html.finish()
}

/// A step written by [`work_step`] or [`goal_step`], in its screen with its position.
pub fn step_screen(
    lang: Lang,
    class: &str,
    heading: &str,
    progress: (&str, usize, usize, IsoWeek),
    body: &str,
) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", class), ("aria-labelledby", heading)]);
    step_progress(&mut html, lang, progress.0, progress.1, progress.2, progress.3);
    html.written(body);
    html.close("section");
    html.finish()
}

/// The buttons under a step: back, skip and, for the work step, next (which submits).
fn step_nav(html: &mut Html, lang: Lang, next: bool) {
    html.open("div", &[("class", "ugb-stepnav")]);
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "back")], Msg::Back.get(lang));
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "skip")], Msg::Skip.get(lang));
    if next {
        html.el("button", &[("type", "submit"), ("class", "ugb-primary")], Msg::Next.get(lang));
    }
    html.close("div");
}

/// The work step: hours planned and worked, days planned and attended (all optional) and
/// why the citizen was away. `start` fills the fields; `suggested` says they are last
/// week's plan.
pub fn work_step(lang: Lang, start: &Work, suggested: bool) -> String {
    let mut html = Html::new();
    let (title, hint) = (Msg::WorkTitle.get(lang), Msg::WorkHint.get(lang));
    spoken_heading(&mut html, lang, &[("id", "ugb-work-title")], "", title, &format!("{title} {hint}"), lang);
    html.open("p", &[("class", "ugb-hint")]).text(hint);
    if suggested {
        html.text(" ").text(Msg::Suggested.get(lang));
    }
    html.close("p");
    html.open("form", &[("novalidate", ""), ("aria-labelledby", "ugb-work-title")]);
    html.open("div", &[("class", "ugb-work__grid")]);
    let separator = decimal_separator(lang);
    let hours = |minutes: Option<u32>| minutes.map(|m| format_hours(m, separator)).unwrap_or_default();
    let days = |days: Option<u8>| days.map(|d| d.to_string()).unwrap_or_default();
    let fields = [
        (HOURS_PLANNED, Msg::HoursPlanned, hours(start.planned_minutes), "decimal"),
        (HOURS_WORKED, Msg::HoursWorked, hours(start.worked_minutes), "decimal"),
        (DAYS_PLANNED, Msg::DaysPlanned, days(start.days_planned), "numeric"),
        (DAYS_ATTENDED, Msg::DaysAttended, days(start.days_attended), "numeric"),
    ];
    for (id, label, value, mode) in &fields {
        html.open("div", &[("class", "ugb-field")]);
        html.el("label", &[("for", id)], label.get(lang));
        html.open(
            "input",
            &[
                ("id", id),
                ("type", "text"),
                ("inputmode", mode),
                ("autocomplete", "off"),
                ("maxlength", "8"),
                ("aria-describedby", WORK_ERROR),
                ("value", value),
            ],
        );
        html.close("div");
    }
    html.close("div");
    html.el("p", &[("class", "ugb-hint")], Msg::HoursExample.get(lang));
    html.open("fieldset", &[("class", "ugb-reasons")]).el("legend", &[], Msg::AbsenceLegend.get(lang));
    let reasons = [
        (None, Msg::AbsenceNone),
        (Some(Absence::Ill), Msg::AbsenceIll),
        (Some(Absence::Other), Msg::AbsenceOther),
        (Some(Absence::RatherNotSay), Msg::AbsenceRatherNot),
    ];
    for (reason, label) in reasons {
        let code = reason.map_or("", Absence::code);
        let id = format!("{ABSENCE}-{}", reason.map_or("none", Absence::code));
        html.open("label", &[("class", "ugb-choice"), ("for", &id)]);
        let mut attrs = vec![("type", "radio"), ("id", id.as_str()), ("name", ABSENCE), ("value", code)];
        if start.absence == reason {
            attrs.push(("checked", ""));
        }
        html.open("input", &attrs).text(label.get(lang)).close("label");
    }
    html.close("fieldset");
    html.el("p", &[("id", WORK_ERROR), ("class", "ugb-error"), ("role", "alert")], "");
    step_nav(&mut html, lang, true);
    html.close("form");
    html.finish()
}

/// A goal's step: what it is, how we will know, by when, an optional note, and "Did you
/// keep to it this week?" as three radio buttons ([`KEPT`]), `given` checked.
pub fn goal_step(lang: Lang, goal: Option<&Goal>, given: Option<Kept>, note: &str) -> String {
    let mut html = Html::new();
    html.el("p", &[("class", "ugb-question__section")], Msg::GoalLabel.get(lang));
    // A goal the history no longer has (an import replaced it mid check-in) still gets a
    // heading, never an empty one.
    let what = goal.map_or(Msg::GoalLabel.get(lang), |g| g.what.as_str());
    // The citizen's own words keep their own direction (Arabic in a Danish app, or back).
    let attrs = [("id", "ugb-goal-title"), ("class", "ugb-question__text"), ("dir", "auto")];
    let question = Msg::GoalQuestion.get(lang);
    spoken_heading(&mut html, lang, &attrs, "", what, &format!("{what}. {question}"), lang);
    if let Some(goal) = goal {
        html.open("p", &[]);
        if !goal.measure.trim().is_empty() {
            html.text(&Msg::GoalMeasure.fill(lang, &[("measure", &goal.measure)]));
        }
        if let Some(by) = goal.by.as_deref().and_then(parse_date) {
            html.open("br", &[]).text(&Msg::GoalBy.fill(lang, &[("date", &date_label(lang, by))]));
        }
        html.close("p");
    }
    html.el("label", &[("for", GOAL_NOTE)], Msg::GoalNote.get(lang));
    html.el("textarea", &[("id", GOAL_NOTE), ("rows", "2"), ("maxlength", "500"), ("dir", "auto")], note);
    html.el("p", &[("id", "ugb-goal-question"), ("class", "ugb-goal__question")], question);
    let options: Vec<_> = [(Kept::Yes, Msg::KeptYes), (Kept::Partly, Msg::KeptPartly), (Kept::No, Msg::KeptNo)]
        .into_iter()
        .map(|(kept, words)| (kept.code(), words.get(lang), None))
        .collect();
    let group = (KEPT, "ugb-goal-question", "ugb-options ugb-options--list");
    answers(&mut html, lang, group, &options, given.map(Kept::code), true, &[], lang);
    step_nav(&mut html, lang, false);
    html.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_work_step_shows_its_start_and_escapes_nothing_it_should_not() {
        let work =
            Work { planned_minutes: Some(450), days_planned: Some(3), absence: Some(Absence::Ill), ..Work::default() };
        let html = work_step(Lang::Da, &work, true);
        assert!(html.contains(r#"id="ugb-hours-planned" type="text" inputmode="decimal""#));
        assert!(html.contains(r#"value="7,5""#));
        assert!(html.contains(r#"id="ugb-days-planned" type="text" inputmode="numeric" autocomplete="off" maxlength="8" aria-describedby="ugb-work-error" value="3""#));
        assert!(html.contains(r#"id="ugb-absence-ill" name="ugb-absence" value="ill" checked="""#));
        assert!(!html.contains(r#"value="" checked"#), "no reason is not ticked when one was given");
        assert!(html.contains(Msg::Suggested.get(Lang::Da)));
        assert!(work_step(Lang::En, &work, false).contains(r#"value="7.5""#));
    }

    #[test]
    fn a_goals_words_are_text_never_markup() {
        crate::i18n::pack::install_english();
        let goal = Goal {
            id: "g".into(),
            what: "<img src=x onerror=alert(1)>".into(),
            measure: "\"><script>alert(2)</script>".into(),
            by: Some("2027-01-31".into()),
            set: "2026-W47".parse::<IsoWeek>().unwrap(),
            authored: String::new(),
            closed: None,
            replaces: None,
            checks: Vec::new(),
        };
        let html = goal_step(Lang::En, Some(&goal), Some(Kept::Partly), "</textarea><b>x</b>");
        assert!(!html.contains("<img") && !html.contains("<script") && !html.contains("<b>"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assert!(html.contains("By 31 Jan 2027"));
        assert!(html.contains(r#"<input type="radio" name="ugb-kept" value="partly" checked="">"#));
        assert!(html.contains(r#"<input type="radio" name="ugb-kept" value="yes">"#));
        let lost = goal_step(Lang::Da, None, None, "");
        assert!(lost.contains(r#"class="ugb-question__text" dir="auto">Dit mål</h2>"#), "{lost}");
    }

    fn question(id: &str, link_id: &str, easy: bool) -> Question {
        let instrument = crate::domain::instrument::current_in(id, easy).unwrap();
        Question { instrument, item: instrument.item(link_id).unwrap(), number: 1, total: 19 }
    }

    #[test]
    fn every_question_and_worded_answer_can_be_read_aloud_and_has_its_pictogram() {
        let week = "2026-W47".parse().unwrap();
        let html = question_step(Lang::Da, &question("who5", "1", false), Some(4), week, None);
        assert!(html.contains(
            r#"aria-label="Læs spørgsmålet op" data-say="I de sidste 2 uger har jeg været glad og i godt humør" data-say-lang="da""#
        ));
        // Six options, each with its clock face and a button that reads its words, which
        // stands out of the Tab order: the keyboard goes from the answers to what follows.
        assert_eq!(html.matches(r#"class="ugb-pict""#).count(), 6);
        assert!(
            html.contains(r#"aria-label="Læs op: Hele tiden" data-say="Hele tiden" data-say-lang="da" tabindex="-1""#)
        );
        assert!(html.contains(r#"<input type="radio" name="ugb-answer" value="4" checked="">"#));
        assert_eq!(html.matches("checked").count(), 1);
        // The question's own button comes before its heading, never between the answers.
        let speak = html.find("Læs spørgsmålet op").unwrap();
        assert!(
            speak < html.find("<h2").unwrap() && html.find("<fieldset").unwrap() < html.find("Hvad mener vi?").unwrap()
        );
        assert!(!html.contains("ugb-official") && !html.contains("ugb-unreviewed"));
        let rating = question_step(Lang::En, &question("chime5", "chime-h", false), None, week, None);
        assert_eq!(rating.matches(r#"class="ugb-pict""#).count(), 11, "a bar beside every number 0–10");
        assert!(rating.contains(
            r#"data-say="This week, how hopeful have you felt about your future? 0 = Not at all, 10 = Very much""#
        ));
        // A full bar for 10, an empty one for 0.
        assert!(rating.contains(r#"y="2" width="8" height="20""#) && rating.contains(r#"y="22" width="8" height="0""#));
        // The clock faces' slices are the fifths of the circle.
        for value in 1..=4u8 {
            let angle = f32::from(value) / 5.0 * std::f32::consts::TAU;
            let end = format!("{:.2} {:.2}Z", 12.0 + 9.0 * angle.sin(), 12.0 - 9.0 * angle.cos());
            assert!(time_pictogram(value).contains(&end), "{value}: {}", time_pictogram(value));
        }
        assert!(time_pictogram(5).contains(r#"<circle class="ugb-pict__fill""#));
        assert!(!time_pictogram(0).contains("ugb-pict__fill"));
    }

    #[test]
    fn the_who5_in_a_language_without_an_official_version_is_shown_in_the_one_chosen() {
        let week = "2026-W47".parse().unwrap();
        // Without the Arabic pack the app's own texts fall back to Danish; what matters
        // here is the WHO-5's wording and its marks.
        let html = question_step(Lang::Ar, &question("who5", "2", false), None, week, Some(Lang::Da));
        assert!(
            html.contains(r#"lang="da" dir="ltr">I de sidste 2 uger har jeg følt mig rolig og afslappet</h2>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"data-who5-lang="da">Dansk"#)
                && html.contains(r#"aria-pressed="true" data-who5-lang="da""#)
        );
        assert!(html.contains(r#"data-say-lang="da""#));
        assert!(
            html.contains(r#"<label class="ugb-answer" lang="da" dir="ltr"><input type="radio""#),
            "the options carry their language too"
        );
        // The app's own instruments are translated, and say that nobody has reviewed it yet.
        let chime = question_step(Lang::Ar, &question("chime5", "chime-c", false), None, week, Some(Lang::Da));
        assert!(chime.contains("ugb-unreviewed") && !chime.contains("ugb-official"));
        assert!(!chime.contains(r#" lang="#), "in the app's own language: no language marks");
        // Easy-read words are a version of their own.
        let easy = question_step(Lang::Da, &question("chime5", "chime-c", true), None, week, None);
        assert!(easy.contains("Har du i denne uge følt dig tæt på andre mennesker?"));
    }
}
