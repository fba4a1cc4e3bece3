//! The translation layer: every text the app itself shows, in every language, and the
//! formatting of weeks and dates. Components never contain user-visible literals; they ask
//! for a [`Msg`]. A message missing in a language does not compile (see `messages!`).
//!
//! Placeholders are written `{name}` and filled by [`Msg::fill`]; a host test checks that
//! every language has the same placeholders.

use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;

macro_rules! messages {
    ($($key:ident => $da:literal, $en:literal;)*) => {
        /// A message of the app's own user interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Msg { $($key,)* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            pub fn get(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Msg::$key, Lang::Da) => $da,
                        (Msg::$key, Lang::En) => $en,
                    )*
                }
            }
        }
    };
}

messages! {
    AppName => "Ugeblik", "Ugeblik";
    Tagline => "Et blik på ugen", "A glance at the week";
    MainNav => "Hovedmenu", "Main menu";
    NavThisWeek => "Denne uge", "This week";
    NavHistory => "Tidligere uger", "Past weeks";
    NavAbout => "Om Ugeblik", "About Ugeblik";
    LanguageGroup => "Sprog", "Language";
    WeekNumber => "Uge {week}", "Week {week}";
    WeekNumberWithYear => "Uge {week}, {year}", "Week {week}, {year}";
    IntroText => "Et kort spørgeskema om, hvordan du har haft det. Det tager 2–3 minutter. Du kan springe spørgsmål over og holde pause når som helst – dine svar bliver gemt undervejs.", "A short questionnaire about how you have been. It takes 2–3 minutes. You can skip questions and take a break at any time – your answers are saved as you go.";
    StartCheckIn => "Start ugens spørgsmål", "Start this week's questions";
    ContinueCheckIn => "Fortsæt, hvor du slap", "Continue where you stopped";
    ContinueInfo => "Du er i gang. Du har svaret på {answered} af {total} spørgsmål.", "You have started. You have answered {answered} of {total} questions.";
    ChangeCheckIn => "Ret ugens svar", "Change this week's answers";
    AlreadyDone => "Du har svaret for denne uge. Tak!", "You have answered for this week. Thank you!";
    Progress => "Spørgsmål {n} af {total}", "Question {n} of {total}";
    WhatWeMean => "Hvad mener vi?", "What do we mean?";
    Back => "Tilbage", "Back";
    Skip => "Spring over", "Skip";
    Next => "Næste", "Next";
    ScaleLegend => "0 = {low}, 10 = {high}", "0 = {low}, 10 = {high}";
    HoursLegend => "Fuld tid er 37 timer om ugen.", "Full time is 37 hours a week.";
    AnswerChosen => "Dit svar: {answer}", "Your answer: {answer}";
    RecallTwoWeeks => "De sidste 2 uger", "The last two weeks";
    RecallThisWeek => "Denne uge", "This week";
    NoteTitle => "Vil du skrive noget om ugen?", "Would you like to write something about the week?";
    NoteLabel => "Note (frivillig)", "Note (optional)";
    NoteHint => "Noten bliver på din telefon, indtil du selv vælger at dele den.", "The note stays on your phone until you choose to share it.";
    Save => "Gem svarene", "Save answers";
    SavedTitle => "Tak! Dine svar er gemt.", "Thank you! Your answers are saved.";
    SavedText => "Du kan se dem under Tidligere uger og tale om dem med din konsulent.", "You can see them under Past weeks and talk about them with your consultant.";
    SeeHistory => "Se tidligere uger", "See past weeks";
    ToStart => "Til forsiden", "To the start page";
    HistoryTitle => "Tidligere uger", "Past weeks";
    HistoryEmpty => "Der er ingen gemte uger endnu.", "There are no saved weeks yet.";
    Who5Score => "Trivsel (WHO-5): {percent} af 100", "Well-being (WHO-5): {percent} of 100";
    Who5Partial => "Trivsel (WHO-5): ikke alle 5 besvaret, ingen score", "Well-being (WHO-5): not all 5 answered, no score";
    Skipped => "sprunget over", "skipped";
    Note => "Note", "Note";
    AboutTitle => "Om Ugeblik", "About Ugeblik";
    AboutText => "Ugeblik er et ugentligt spørgeskema til dig, der er i et forløb på vej mod arbejde eller uddannelse. Du og din konsulent kan bruge svarene til at tale om, hvordan det går.", "Ugeblik is a weekly questionnaire for people in a programme on the way to work or education. You and your consultant can use the answers to talk about how things are going.";
    PrivacyTitle => "Dine data", "Your data";
    PrivacyText => "Dine svar bliver kun gemt i browseren på denne telefon. Intet bliver sendt nogen steder, og der er ingen reklamer eller statistik.", "Your answers are kept only in the browser on this phone. Nothing is sent anywhere, and there are no ads or tracking.";
    SourcesTitle => "Spørgeskemaerne", "The questionnaires";
    Validated => "Valideret måleinstrument", "Validated instrument";
    NotValidated => "Ikke valideret – til dialog", "Not validated – for dialogue";
    MemoryOnly => "Din browser tillader ikke, at Ugeblik gemmer noget. Du kan godt svare, men svarene forsvinder, når du lukker siden.", "This browser does not let Ugeblik save anything. You can still answer, but your answers will be gone when you close the page.";
    Unreadable => "Nogle gemte data kunne ikke læses. De er lagt til side uændret, så intet er slettet. Vis denne besked til din konsulent.", "Some saved data could not be read. It has been put aside unchanged, so nothing is deleted. Show this message to your consultant.";
    UnreadableNotKept => "Nogle gemte data kunne ikke læses og kunne ikke lægges til side. De bliver ikke rørt, men nye svar gemmes kun, indtil du lukker siden. Vis denne besked til din konsulent.", "Some saved data could not be read and could not be put aside. It is left untouched, but new answers are only kept until you close the page. Show this message to your consultant.";
    TooNew => "Nogle data er gemt af en nyere version af Ugeblik og kan ikke læses her. De er lagt til side uændret.", "Some data was saved by a newer version of Ugeblik and cannot be read here. It has been put aside unchanged.";
    SaveFailed => "Dine svar kunne ikke gemmes på telefonen (lageret er fuldt eller blokeret). De er her, indtil du lukker siden.", "Your answers could not be saved on this phone (storage is full or blocked). They are here until you close the page.";
    ProblemDetail => "Teknisk: {key} – {reason}", "Technical: {key} – {reason}";
    NoticesLabel => "Beskeder", "Messages";
}

impl Msg {
    /// The message with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
        let mut text = self.get(lang).to_owned();
        for (name, value) in values {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }
}

/// The placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else { break };
        found.push(&rest[start + 1..start + len]);
        rest = &rest[start + len + 1..];
    }
    found
}

fn month_abbrev(lang: Lang, month: time::Month) -> &'static str {
    let index = u8::from(month) as usize - 1;
    match lang {
        Lang::Da => {
            ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."][index]
        }
        Lang::En => ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][index],
    }
}

/// "Uge 47" / "Week 47".
pub fn week_label(lang: Lang, week: IsoWeek) -> String {
    Msg::WeekNumber.fill(lang, &[("week", &week.week().to_string())])
}

/// "Uge 47, 2026" / "Week 47, 2026", for lists that span years.
pub fn week_label_with_year(lang: Lang, week: IsoWeek) -> String {
    Msg::WeekNumberWithYear.fill(lang, &[("week", &week.week().to_string()), ("year", &week.year().to_string())])
}

/// The dates of a week, Monday to Sunday: "16.–22. nov. 2026" / "16–22 Nov 2026".
pub fn week_dates(lang: Lang, week: IsoWeek) -> String {
    let (from, to) = (week.monday(), week.sunday());
    let m = |d: time::Date| month_abbrev(lang, d.month());
    match lang {
        Lang::Da if from.year() != to.year() => {
            format!("{}. {} {} – {}. {} {}", from.day(), m(from), from.year(), to.day(), m(to), to.year())
        }
        Lang::Da if from.month() != to.month() => {
            format!("{}. {} – {}. {} {}", from.day(), m(from), to.day(), m(to), to.year())
        }
        Lang::Da => format!("{}.–{}. {} {}", from.day(), to.day(), m(to), to.year()),
        Lang::En if from.year() != to.year() => {
            format!("{} {} {} – {} {} {}", from.day(), m(from), from.year(), to.day(), m(to), to.year())
        }
        Lang::En if from.month() != to.month() => {
            format!("{} {} – {} {} {}", from.day(), m(from), to.day(), m(to), to.year())
        }
        Lang::En => format!("{}–{} {} {}", from.day(), to.day(), m(to), to.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_the_same_placeholders_in_every_language() {
        for msg in Msg::ALL {
            let reference = placeholders(msg.get(Lang::Da));
            for lang in Lang::ALL {
                let text = msg.get(lang);
                assert!(!text.trim().is_empty(), "{msg:?} is empty in {lang:?}");
                assert_eq!(placeholders(text), reference, "{msg:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn filling_replaces_every_placeholder() {
        assert_eq!(Msg::Progress.fill(Lang::Da, &[("n", "3"), ("total", "18")]), "Spørgsmål 3 af 18");
        assert_eq!(Msg::Progress.fill(Lang::En, &[("n", "3"), ("total", "18")]), "Question 3 of 18");
    }

    #[track_caller]
    fn check_dates(week: &str, da: &str, en: &str) {
        let week: IsoWeek = week.parse().unwrap();
        assert_eq!(week_dates(Lang::Da, week), da);
        assert_eq!(week_dates(Lang::En, week), en);
    }

    #[test]
    fn week_dates_in_each_language() {
        check_dates("2026-W47", "16.–22. nov. 2026", "16–22 Nov 2026");
        check_dates("2026-W49", "30. nov. – 6. dec. 2026", "30 Nov – 6 Dec 2026");
        check_dates("2026-W53", "28. dec. 2026 – 3. jan. 2027", "28 Dec 2026 – 3 Jan 2027");
        assert_eq!(week_label(Lang::Da, "2026-W47".parse().unwrap()), "Uge 47");
        assert_eq!(week_label_with_year(Lang::En, "2026-W07".parse().unwrap()), "Week 7, 2026");
    }
}
