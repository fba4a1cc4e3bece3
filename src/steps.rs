//! Parts of the page written as HTML: the header with the menu and the language switch,
//! the start page, the thank-you after saving, the notices, and the check-in's steps for
//! the week's work and for each open goal.
//!
//! Why HTML and not Leptos views: every distinct view and event handler is compiled code
//! the first load carries (the header measured 3 KB gzipped as views, the work step's form
//! 7 KB). These parts have no state of their own, so the page puts the HTML in place and
//! acts on the `data-` attribute of the button pressed (`ui::header`, `ui::check_in`).
//! Pure and host-tested; every text is escaped by [`Html`].

use crate::domain::checkin::Question;
use crate::domain::instrument::{Recall, Scale};
use crate::domain::lang::Lang;
use crate::domain::progression::{format_hours, parse_date, Absence, Goal, Kept, Work};
use crate::domain::week::IsoWeek;
use crate::html::Html;
use crate::i18n::{date_label, decimal_separator, week_dates, week_label, Msg};

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

/// The menu's screens: the code the page acts on (`data-screen`) and the item's text.
pub const MENU: [(&str, Msg); 6] = [
    ("home", Msg::NavThisWeek),
    ("progress", Msg::NavProgress),
    ("goals", Msg::NavGoals),
    ("history", Msg::NavHistory),
    ("safety", Msg::NavSafety),
    ("about", Msg::NavAbout),
];

/// The header: the app's name, the language switch (`data-lang`), quick exit and, with a
/// passphrase set, "lock" (`data-act`), and the menu (`data-screen`), with `current` (a
/// code of [`MENU`]) marked as the page shown.
pub fn header(lang: Lang, current: &str, provider: Option<&str>, locked: bool) -> String {
    let mut html = Html::new();
    html.open("div", &[("class", "ugb-header__safety")]);
    if locked {
        html.el("button", &[("type", "button"), ("data-act", "lock")], Msg::LockNow.get(lang));
    }
    html.el("button", &[("type", "button"), ("class", "ugb-exit"), ("data-act", "exit")], Msg::QuickExit.get(lang));
    html.close("div");
    html.open("div", &[("class", "ugb-header__top")]);
    html.open("div", &[]).el("h1", &[("class", "ugb-brand")], Msg::AppName.get(lang));
    // The provider's name, from the portal that embeds the widget: text, never markup.
    if let Some(provider) = provider {
        html.el("p", &[("class", "ugb-provider")], provider);
    }
    html.close("div");
    language_switch(&mut html, lang);
    html.close("div");
    html.open("nav", &[("class", "ugb-nav"), ("aria-label", Msg::MainNav.get(lang))]).open("ul", &[]);
    for (code, text) in MENU {
        let mut attrs = vec![("type", "button"), ("class", "ugb-nav__item"), ("data-screen", code)];
        if code == current {
            attrs.push(("aria-current", "page"));
        }
        html.open("li", &[]).el("button", &attrs, text.get(lang)).close("li");
    }
    html.close("ul").close("nav");
    html.finish()
}

/// The language switch alone (`data-lang`), for the screens shown before the app opens.
fn language_switch(html: &mut Html, lang: Lang) {
    html.open("div", &[("class", "ugb-lang"), ("role", "group"), ("aria-label", Msg::LanguageGroup.get(lang))]);
    for option in Lang::ALL {
        let pressed = if option == lang { "true" } else { "false" };
        html.el(
            "button",
            &[("type", "button"), ("lang", option.code()), ("aria-pressed", pressed), ("data-lang", option.code())],
            option.endonym(),
        );
    }
    html.close("div");
}

/// The field and the button of "delete everything", which acts only when ticked.
pub const DELETE_CONFIRM: &str = "ugb-delete-confirm";
pub const PASSPHRASE_FIELD: &str = "ugb-passphrase";
pub const UNLOCK_ERROR: &str = "ugb-unlock-error";

/// The lock screen: the passphrase (a form the page reads when it is sent), what went
/// wrong, and what a forgotten passphrase means, with "delete everything" behind a tick.
pub fn unlock_screen(lang: Lang, error: Option<Msg>, busy: bool) -> String {
    let mut html = Html::new();
    html.open("header", &[("class", "ugb-header")]).open("div", &[("class", "ugb-header__top")]);
    html.el("h1", &[("class", "ugb-brand")], Msg::AppName.get(lang));
    language_switch(&mut html, lang);
    html.close("div").close("header");
    html.open("main", &[("class", "ugb-main"), ("id", "ugb-main")]);
    html.open("section", &[("class", "ugb-screen ugb-unlock"), ("aria-labelledby", "ugb-unlock-title")]);
    html.el("h2", &[("id", "ugb-unlock-title"), ("tabindex", "-1")], Msg::LockedTitle.get(lang));
    html.el("p", &[], Msg::LockedText.get(lang));
    html.open("form", &[("class", "ugb-form")]);
    html.el("label", &[("for", PASSPHRASE_FIELD)], Msg::Passphrase.get(lang));
    let mut field = vec![
        ("id", PASSPHRASE_FIELD),
        ("type", "password"),
        ("autocomplete", "current-password"),
        ("maxlength", "256"),
        ("aria-describedby", UNLOCK_ERROR),
    ];
    if error.is_some() {
        field.push(("aria-invalid", "true"));
    }
    html.open("input", &field);
    html.el(
        "p",
        &[("id", UNLOCK_ERROR), ("class", "ugb-field-error"), ("role", "alert")],
        error.map_or("", |e| e.get(lang)),
    );
    let mut button = vec![("type", "submit"), ("class", "ugb-primary")];
    if busy {
        button.push(("aria-disabled", "true"));
    }
    html.el("button", &button, if busy { Msg::Unlocking.get(lang) } else { Msg::Unlock.get(lang) });
    html.close("form");
    html.open("section", &[("class", "ugb-forgot"), ("aria-labelledby", "ugb-forgot-title")]);
    html.el("h3", &[("id", "ugb-forgot-title")], Msg::ForgotTitle.get(lang));
    html.el("p", &[], Msg::ForgotText.get(lang));
    delete_form(&mut html, lang);
    html.close("section").close("section").close("main");
    html.finish()
}

/// "Yes, delete …" to tick, and the button that then deletes (`data-act="delete"`).
pub fn delete_form(html: &mut Html, lang: Lang) {
    html.open("p", &[("class", "ugb-check")]);
    html.open("input", &[("type", "checkbox"), ("id", DELETE_CONFIRM)]);
    html.el("label", &[("for", DELETE_CONFIRM)], Msg::DeleteConfirm.get(lang)).close("p");
    html.el(
        "button",
        &[("type", "button"), ("class", "ugb-danger"), ("data-act", "delete")],
        Msg::DeleteEverything.get(lang),
    );
}

/// After everything was deleted: what happened, and a fresh start (`data-act="again"`).
pub fn deleted_screen(lang: Lang, why: Msg) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen"), ("aria-labelledby", "ugb-deleted-title")]);
    html.el("h2", &[("id", "ugb-deleted-title"), ("tabindex", "-1")], why.get(lang));
    html.el(
        "button",
        &[("type", "button"), ("class", "ugb-primary"), ("data-act", "again")],
        Msg::StartAgain.get(lang),
    );
    html.close("section");
    html.finish()
}

/// The start page: this week, what the citizen can do (`data-act="start"`), and a reminder
/// to save a copy of everything when the last one is old (`data-act="backup"`).
pub fn home(lang: Lang, week: IsoWeek, info: Option<&str>, action: Msg, backup: Option<&str>) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen ugb-home"), ("aria-labelledby", "ugb-home-title")]);
    html.el("h2", &[("id", "ugb-home-title"), ("tabindex", "-1")], &week_label(lang, week));
    html.el("p", &[("class", "ugb-dates")], &week_dates(lang, week));
    html.el("p", &[], Msg::IntroText.get(lang));
    if let Some(info) = info {
        html.el("p", &[], info);
    }
    html.el("button", &[("type", "button"), ("class", "ugb-primary"), ("data-act", "start")], action.get(lang));
    if let Some(backup) = backup {
        html.open("div", &[("class", "ugb-backup"), ("role", "note")]).el("p", &[], backup);
        html.el(
            "button",
            &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "backup")],
            Msg::BackupNow.get(lang),
        );
        html.close("div");
    }
    html.close("section");
    html.finish()
}

/// The thank-you after saving: on to the history (`data-act="history"`) or the start page
/// (`data-act="home"`).
pub fn saved(lang: Lang) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen ugb-saved"), ("aria-labelledby", "ugb-saved-title")]);
    html.el("h2", &[("id", "ugb-saved-title"), ("tabindex", "-1")], Msg::SavedTitle.get(lang));
    html.el("p", &[], Msg::SavedText.get(lang));
    html.el(
        "button",
        &[("type", "button"), ("class", "ugb-primary"), ("data-act", "history")],
        Msg::SeeHistory.get(lang),
    );
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "home")], Msg::ToStart.get(lang));
    html.close("section");
    html.finish()
}

/// Plain messages (about the stored data, the address's settings): each a text and, for
/// whoever helps the citizen, a detail; first the demo's banner, when it shows.
pub fn notices(demo: Option<&str>, items: &[(String, Option<String>)]) -> String {
    let mut html = Html::new();
    if let Some(demo) = demo {
        html.el("p", &[("class", "ugb-demo")], demo);
    }
    for (text, detail) in items {
        html.open("div", &[("class", "ugb-notice")]).el("p", &[], text);
        if let Some(detail) = detail {
            html.el("p", &[("class", "ugb-notice__detail")], detail);
        }
        html.close("div");
    }
    html.finish()
}

/// Above every step: its position ("Spørgsmål 3 af 19" or "Mål 1 af 2"), the week, and a
/// bar (decorative: the text says it).
pub fn step_progress(html: &mut Html, lang: Lang, label: &str, number: usize, total: usize, week: IsoWeek) {
    let done = (number.saturating_sub(1) * 100 / total.max(1)).to_string();
    html.open("div", &[("class", "ugb-progress")]).open("p", &[]);
    html.el("span", &[], label).text(" · ").el("span", &[], &week_label(lang, week)).close("p");
    html.open("progress", &[("class", "ugb-progress__bar"), ("max", "100"), ("value", &done), ("aria-hidden", "true")]);
    html.close("progress").close("div");
}

/// One question: the instrument and its recall period, the item (the heading the answers'
/// group is named by), help, one button per answer (`data-value`; the one given pressed),
/// the scale's legend, back and skip (`data-act`), and the instrument's notice.
pub fn question_step(lang: Lang, question: &Question, answer: Option<u8>, week: IsoWeek) -> String {
    let (instrument, item) = (question.instrument, question.item);
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
    html.open("h2", &[("id", QUESTION_HEADING), ("class", "ugb-question__text"), ("tabindex", "-1")]);
    let lead = instrument.lead_in.get(lang);
    if !lead.is_empty() {
        html.el("span", &[("class", "ugb-question__lead")], lead);
    }
    html.text(item.text.get(lang)).close("h2");
    html.open("details", &[("class", "ugb-help")]).el("summary", &[], Msg::WhatWeMean.get(lang));
    html.el("p", &[], item.help.get(lang)).close("details");
    let scale_class = match item.scale {
        Scale::Who5 => "ugb-options ugb-options--list",
        Scale::Rating { .. } => "ugb-options ugb-options--rating",
        Scale::Hours { .. } => "ugb-options ugb-options--hours",
    };
    html.open("div", &[("class", scale_class), ("role", "group"), ("aria-labelledby", QUESTION_HEADING)]);
    for value in item.scale.values() {
        let text = match item.scale.who5_label(value) {
            Some(text) => text.get(lang).to_owned(),
            None => value.to_string(),
        };
        let pressed = if answer == Some(value) { "true" } else { "false" };
        html.el("button", &[("type", "button"), ("aria-pressed", pressed), ("data-value", &value.to_string())], &text);
    }
    html.close("div");
    let legend = match item.scale {
        Scale::Who5 => None,
        Scale::Rating { low, high } => {
            Some(Msg::ScaleLegend.fill(lang, &[("low", low.get(lang)), ("high", high.get(lang))]))
        }
        Scale::Hours { .. } => Some(Msg::HoursLegend.get(lang).to_owned()),
    };
    if let Some(legend) = legend {
        html.el("p", &[("class", "ugb-legend")], &legend);
    }
    html.open("div", &[("class", "ugb-stepnav")]);
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "back")], Msg::Back.get(lang));
    let onward = if answer.is_some() { Msg::Next } else { Msg::Skip };
    html.el("button", &[("type", "button"), ("class", "ugb-secondary"), ("data-act", "skip")], onward.get(lang));
    html.close("div");
    html.el("p", &[("class", "ugb-instrument-notice")], instrument.notice.get(lang));
    html.close("section");
    html.finish()
}

/// The closing note (`NOTE_FIELD`, kept as it is typed) and save (`data-act="save"`).
pub fn note_step(lang: Lang, note: &str) -> String {
    let mut html = Html::new();
    html.open("section", &[("class", "ugb-screen ugb-note"), ("aria-labelledby", "ugb-note-title")]);
    html.el("h2", &[("id", "ugb-note-title"), ("tabindex", "-1")], Msg::NoteTitle.get(lang));
    html.el("label", &[("for", NOTE_FIELD)], Msg::NoteLabel.get(lang));
    let attrs = [("id", NOTE_FIELD), ("rows", "5"), ("maxlength", "2000"), ("aria-describedby", "ugb-note-hint")];
    // The parser drops one newline right after <textarea>: this one, never the note's own.
    html.open("textarea", &attrs).text("\n").text(note).close("textarea");
    html.el("p", &[("id", "ugb-note-hint"), ("class", "ugb-hint")], Msg::NoteHint.get(lang));
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
    html.el("h2", &[("id", "ugb-work-title"), ("tabindex", "-1")], Msg::WorkTitle.get(lang));
    html.open("p", &[("class", "ugb-hint")]).text(Msg::WorkHint.get(lang));
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
/// keep to it this week?" as three buttons (`data-kept`). `given` is pressed.
pub fn goal_step(lang: Lang, goal: Option<&Goal>, given: Option<Kept>, note: &str) -> String {
    let mut html = Html::new();
    html.el("p", &[("class", "ugb-question__section")], Msg::GoalLabel.get(lang));
    // A goal the history no longer has (an import replaced it mid check-in) still gets a
    // heading, never an empty one.
    let what = goal.map_or(Msg::GoalLabel.get(lang), |g| g.what.as_str());
    html.el("h2", &[("id", "ugb-goal-title"), ("class", "ugb-question__text"), ("tabindex", "-1")], what);
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
    html.el("textarea", &[("id", GOAL_NOTE), ("rows", "2"), ("maxlength", "500")], note);
    html.el("p", &[("id", "ugb-goal-question"), ("class", "ugb-goal__question")], Msg::GoalQuestion.get(lang));
    html.open(
        "div",
        &[("class", "ugb-options ugb-options--list"), ("role", "group"), ("aria-labelledby", "ugb-goal-question")],
    );
    for (kept, text) in [(Kept::Yes, Msg::KeptYes), (Kept::Partly, Msg::KeptPartly), (Kept::No, Msg::KeptNo)] {
        let pressed = if given == Some(kept) { "true" } else { "false" };
        html.el("button", &[("type", "button"), ("aria-pressed", pressed), ("data-kept", kept.code())], text.get(lang));
    }
    html.close("div");
    step_nav(&mut html, lang, false);
    html.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_marks_the_page_shown_and_the_language_chosen() {
        let html = header(Lang::En, "goals", None, false);
        assert!(!html.contains("ugb-provider"));
        assert!(html.contains(r#"<nav class="ugb-nav" aria-label="Main menu"><ul>"#));
        assert!(html.contains(r#"data-screen="goals" aria-current="page">Goals</button>"#));
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(html.contains(r#"lang="en" aria-pressed="true" data-lang="en">English</button>"#));
        assert!(html.contains(r#"lang="da" aria-pressed="false" data-lang="da">Dansk</button>"#));
        assert!(header(Lang::Da, "home", None, false).contains(">Denne uge</button>"));
    }

    #[test]
    fn the_providers_name_is_text() {
        let html = header(Lang::Da, "home", Some("Jobcenter <b>Aarhus</b> & \"Co\""), false);
        assert!(
            html.contains(r#"<p class="ugb-provider">Jobcenter &lt;b&gt;Aarhus&lt;/b&gt; &amp; &quot;Co&quot;</p>"#)
        );
    }

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
        assert!(html.contains(r#"aria-pressed="true" data-kept="partly""#));
        assert!(html.contains(r#"aria-pressed="false" data-kept="yes""#));
        let lost = goal_step(Lang::Da, None, None, "");
        assert!(lost.contains(r#"tabindex="-1">Dit mål</h2>"#), "{lost}");
    }
}
