//! The translation layer: every text the app itself shows, in every language, and the
//! formatting of weeks and dates. Components never contain user-visible literals; they ask
//! for a [`Msg`]. A message missing in a language does not compile (see `messages!`).
//!
//! Placeholders are written `{name}` and filled by [`Msg::fill`]; a host test checks that
//! every language has the same placeholders.

use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;

pub mod pack;

macro_rules! messages {
    ($(#[$doc:meta])* $name:ident / $table:ident { $($key:ident => $da:literal, $en:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The message in `lang`. A language pack's message, or English where the pack
            /// lacks it (a test proves the shipped packs lack none).
            pub fn get(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Da => match self { $($name::$key => $da,)* },
                    Lang::En => match self { $($name::$key => $en,)* },
                    _ => pack::message(lang, pack::Table::$table, self as usize).unwrap_or_else(|| self.get(Lang::En)),
                }
            }

            /// The message's key in the language packs: its name.
            pub fn key(self) -> &'static str {
                match self { $($name::$key => stringify!($key),)* }
            }

            /// The message with each `{name}` replaced by its value, and each plural block
            /// (`{n, plural, one {…} other {…}}`) chosen by its number.
            pub fn fill(self, lang: Lang, values: &[(&str, &str)]) -> String {
                fill_in(lang, self.get(lang), values)
            }
        }
    };
}

messages! {
/// A message of the app's own user interface.
Msg / Page {
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
    ContinueInfo => "Du er i gang. Du har svaret på {answered} af {total} spørgsmål.", "You have started. You have answered {answered} of {total, plural, one {# question} other {# questions}}.";
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
    WorkTitle => "Din uge i praktik eller job", "Your week at work or in a placement";
    WorkHint => "Udfyld det, der passer. Du kan springe over, hvis du ikke er i praktik eller job.", "Fill in what fits. You can skip this if you are not in a placement or job.";
    HoursPlanned => "Timer planlagt i denne uge", "Hours planned this week";
    HoursWorked => "Timer du arbejdede", "Hours you worked";
    HoursExample => "For eksempel 7,5", "For example 7.5";
    DaysPlanned => "Dage planlagt (0–7)", "Days planned (0–7)";
    DaysAttended => "Dage du mødte op (0–7)", "Days you came (0–7)";
    AbsenceLegend => "Hvis du var væk: hvorfor? (frivilligt)", "If you were away: why? (optional)";
    AbsenceNone => "Ingen grund angivet", "No reason given";
    AbsenceIll => "Syg", "Ill";
    AbsenceOther => "Andet", "Other";
    AbsenceRatherNot => "Vil helst ikke sige", "Rather not say";
    ErrHours => "Skriv timer som et tal, for eksempel 7 eller 7,5 (højst 168).", "Write hours as a number, for example 7 or 7.5 (at most 168).";
    ErrDays => "Skriv dage som et helt tal fra 0 til 7.", "Write days as a whole number from 0 to 7.";
    ErrAttendedAbove => "Du kan ikke møde flere dage, end der var planlagt.", "You cannot come on more days than were planned.";
    Suggested => "Tallene fra sidste uge er skrevet ind som forslag.", "Last week's numbers are filled in as a suggestion.";
    GoalStep => "Mål {n} af {total}", "Goal {n} of {total}";
    GoalLabel => "Dit mål", "Your goal";
    GoalMeasure => "Sådan ved vi det: {measure}", "How we will know: {measure}";
    GoalBy => "Senest {date}", "By {date}";
    GoalQuestion => "Holdt du dig til det i denne uge?", "Did you keep to it this week?";
    KeptYes => "Ja", "Yes";
    KeptPartly => "Delvist", "Partly";
    KeptNo => "Nej", "No";
    GoalNote => "Note (frivilligt)", "Note (optional)";
    NoteTitle => "Vil du skrive noget om ugen?", "Would you like to write something about the week?";
    NoteLabel => "Note (frivillig)", "Note (optional)";
    NoteHint => "Noten bliver på din telefon, indtil du selv vælger at dele den.", "The note stays on your phone until you choose to share it.";
    Save => "Gem svarene", "Save answers";
    SavedTitle => "Tak! Dine svar er gemt.", "Thank you! Your answers are saved.";
    SavedText => "Du kan se dem under Tidligere uger og tale om dem med din konsulent.", "You can see them under Past weeks and talk about them with your consultant.";
    SeeHistory => "Se tidligere uger", "See past weeks";
    ToStart => "Til forsiden", "To the start page";
    HistoryTitle => "Tidligere uger", "Past weeks";
    Note => "Note", "Note";
    AboutTitle => "Om Ugeblik", "About Ugeblik";
    MemoryOnly => "Din browser tillader ikke, at Ugeblik gemmer noget. Du kan godt svare, men svarene forsvinder, når du lukker siden.", "This browser does not let Ugeblik save anything. You can still answer, but your answers will be gone when you close the page.";
    Unreadable => "Nogle gemte data kunne ikke læses. De er lagt til side uændret, så intet er slettet. Vis denne besked til din konsulent.", "Some saved data could not be read. It has been put aside unchanged, so nothing is deleted. Show this message to your consultant.";
    UnreadableNotKept => "Nogle gemte data kunne ikke læses og kunne ikke lægges til side. De bliver ikke rørt, men nye svar gemmes kun, indtil du lukker siden. Vis denne besked til din konsulent.", "Some saved data could not be read and could not be put aside. It is left untouched, but new answers are only kept until you close the page. Show this message to your consultant.";
    TooNew => "Nogle data er gemt af en nyere version af Ugeblik og kan ikke læses her. De bliver ikke rørt. Genindlæs siden for at få den nyeste version – indtil da gemmes nye svar kun, indtil du lukker siden.", "Some data was saved by a newer version of Ugeblik and cannot be read here. It is left untouched. Reload the page to get the newest version – until then, new answers are only kept until you close the page.";
    SaveFailed => "Dine svar kunne ikke gemmes på telefonen (lageret er fuldt eller blokeret). De er her, indtil du lukker siden.", "Your answers could not be saved on this phone (storage is full or blocked). They are here until you close the page.";
    ProblemDetail => "Teknisk: {key} – {reason}", "Technical: {key} – {reason}";
    NoticesLabel => "Beskeder", "Messages";
    NavProgress => "Udvikling", "Progress";
    NavGoals => "Mål", "Goals";
    GoalsTitle => "Mål og milepæle", "Goals and milestones";
    EditSaved => "Gemt.", "Saved.";
    Sent => "Dine svar er sendt.", "Your answers have been sent.";
    ProgressTitle => "Udvikling over tid", "Progress over time";
    BackupNever => "Du har ikke gemt en kopi af dine svar endnu. Mister du telefonen, er svarene væk.", "You have not saved a copy of your answers yet. If you lose the phone, the answers are gone.";
    BackupWeeks => "Din sidste kopi af svarene er fra for {weeks, plural, one {# uge} other {# uger}} siden.", "Your last copy of the answers is from {weeks, plural, one {# week} other {# weeks}} ago.";
    BackupNow => "Gem en kopi nu", "Save a copy now";
    ConfigIgnored => "Indstillingen „{name}“ i adressen forstås ikke („{value}“). Standarden bruges.", "The setting “{name}” in the address is not understood (“{value}”). The default is used.";
    DemoBanner => "Demo: opdigtede svar, ikke dine. Intet her bliver gemt.", "Demo: made-up answers, not yours. Nothing here is saved.";
    ExportFailed => "Filen kunne ikke laves. Dine svar er ikke berørt. Prøv igen.", "The file could not be made. Your answers are not affected. Try again.";
    ImportTooLarge => "Filen er for stor. En fil fra Ugeblik fylder under 5 MB. Intet er ændret på telefonen.", "The file is too large. A file from Ugeblik is under 5 MB. Nothing on this phone has changed.";
    Imported => "Svarene fra filen er hentet.", "The answers from the file are saved on this phone.";
    NoReading => "ingen måling", "no reading";
    ChartFailed => "Grafen kunne ikke tegnes. Prøv at genindlæse siden. Dine svar er ikke berørt.", "The chart could not be drawn. Try reloading the page. Your answers are not affected.";
    QuickExit => "Luk hurtigt", "Quick exit";
    LockNow => "Lås", "Lock";
    NavSafety => "Lås og sletning", "Lock and delete";
    LockedTitle => "Ugeblik er låst", "Ugeblik is locked";
    LockedText => "Skriv dit kodeord for at åbne dine svar.", "Type your passphrase to open your answers.";
    Passphrase => "Kodeord", "Passphrase";
    Unlock => "Lås op", "Unlock";
    Unlocking => "Åbner …", "Opening …";
    WrongPassphrase => "Kodeordet passer ikke. Intet er ændret. Prøv igen.", "That passphrase does not fit. Nothing has changed. Try again.";
    LockDamaged => "Låsen kan ikke læses, så svarene kan ikke åbnes. Intet er slettet. Vis denne besked til din konsulent.", "The lock cannot be read, so the answers cannot be opened. Nothing has been deleted. Show this message to your consultant.";
    CryptoUnavailable => "Denne browser kan ikke åbne eller lave låste data her (det kræver en sikker forbindelse). Intet er slettet.", "This browser cannot open or make locked data here (it needs a secure connection). Nothing has been deleted.";
    ForgotTitle => "Glemt kodeordet?", "Forgot the passphrase?";
    ForgotText => "Uden kodeordet kan ingen åbne svarene på denne telefon – heller ikke din konsulent. Har du gemt en kopi som fil, kan du slette alt her, starte forfra og hente svarene fra filen.", "Without the passphrase nobody can open the answers on this phone – not even your consultant. If you saved a copy as a file, you can delete everything here, start again and get the answers back from the file.";
    DeleteConfirm => "Ja, slet alle mine svar, mål og noter på denne telefon", "Yes, delete all my answers, goals and notes on this phone";
    DeleteEverything => "Slet alt", "Delete everything";
    DeleteNeedsConfirm => "Sæt flueben først, hvis du vil slette alt.", "Tick the box first if you want to delete everything.";
    Deleted => "Alt er slettet fra denne telefon.", "Everything has been deleted from this phone.";
    StartAgain => "Start forfra", "Start again";
    PassphraseSet => "Kodeordet er sat. Alt, hvad Ugeblik gemmer, er nu låst med det.", "The passphrase is set. Everything Ugeblik keeps is now locked with it.";
    PassphraseChanged => "Kodeordet er skiftet.", "The passphrase has been changed.";
    PassphraseRemoved => "Kodeordet er fjernet. Svarene gemmes nu uden lås.", "The passphrase has been removed. Answers are now kept without a lock.";
    ErrPassphraseShort => "Kodeordet skal være mindst 8 tegn.", "The passphrase must be at least 8 characters.";
    ErrPassphraseLong => "Kodeordet må højst være 256 tegn.", "The passphrase can be at most 256 characters.";
    ErrPassphraseDifferent => "De to kodeord er ikke ens. Skriv det samme i begge felter.", "The two passphrases are not the same. Type the same in both fields.";
    ErrCurrentWrong => "Dit nuværende kodeord passer ikke. Intet er ændret.", "Your current passphrase does not fit. Nothing has changed.";
    ErrLockFailed => "Kodeordet kunne ikke gemmes (lageret er fuldt eller blokeret). Intet er ændret.", "The passphrase could not be saved (storage is full or blocked). Nothing has changed.";
    ErrEndDate => "Skriv en dato, der ikke er passeret, for eksempel 2027-06-30.", "Write a date that has not passed, for example 2027-06-30.";
    Ending => "Dit forløb sluttede {date}. Gem en kopi af dine svar nu – når kopien er gemt, kan du slette alt på telefonen. Senest {wipe} sletter Ugeblik alt af sig selv.", "Your programme ended on {date}. Save a copy of your answers now – once the copy is saved, you can delete everything on this phone. On {wipe} at the latest, Ugeblik deletes everything by itself.";
    EndedWiped => "Dit forløb er slut, og Ugeblik har slettet alt på denne telefon, som aftalt.", "Your programme has ended, and Ugeblik has deleted everything on this phone, as agreed.";
    CopyThenDeleted => "Din kopi er gemt, og alt er slettet fra telefonen. Tak, fordi du brugte Ugeblik.", "Your copy is saved, and everything has been deleted from this phone. Thank you for using Ugeblik.";
    Months => "jan.|feb.|mar.|apr.|maj|jun.|jul.|aug.|sep.|okt.|nov.|dec.", "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec";
    DateFormat => "{day}. {month} {year}", "{day} {month} {year}";
    WeekSpan => "{from}.–{to}. {month} {year}", "{from}–{to} {month} {year}";
    WeekSpanMonths => "{from}. {fromMonth} – {to}. {toMonth} {year}", "{from} {fromMonth} – {to} {toMonth} {year}";
    WeekSpanYears => "{from}. {fromMonth} {fromYear} – {to}. {toMonth} {toYear}", "{from} {fromMonth} {fromYear} – {to} {toMonth} {toYear}";
    ReadQuestion => "Læs spørgsmålet op", "Read the question aloud";
    ReadAnswer => "Læs op: {answer}", "Read aloud: {answer}";
    NoVoice => "Telefonen har ingen stemme, der kan læse op på {language}. Du kan hente en stemme i telefonens indstillinger.", "This phone has no voice that can read {language} aloud. You can add one in the phone's settings.";
    NoSpeech => "Denne browser kan ikke læse op.", "This browser cannot read aloud.";
    Who5Official => "WHO-5 må kun bruges i sine godkendte oversættelser, og der er endnu ingen på {language}. Vælg det sprog, du forstår bedst. Forklaringen under »Hvad mener vi?« står på dit eget sprog.", "The WHO-5 may only be used in its approved translations, and there is none in {language} yet. Choose the language you understand best. The explanation under “What do we mean?” is in your own language.";
    Who5LangGroup => "Sprog for WHO-5", "Language of the WHO-5";
    Unreviewed => "Oversat af Ugeblik. Oversættelsen er endnu ikke gennemgået.", "Translated by Ugeblik. The translation has not been reviewed yet.";
    EasyReadLabel => "Brug lette ord i spørgsmålene", "Use easy words in the questions";
    EasyReadHint => "Spørgsmålene om dit liv og om arbejde bliver kortere og lettere. WHO-5 er den samme. Svarene gemmes som en særskilt version.", "The questions about your life and about work become shorter and easier. The WHO-5 stays the same. The answers are saved as a separate version.";
    LangLoading => "Henter sproget …", "Getting the language …";
    LangFailed => "Sproget {language} kunne ikke hentes. Prøv igen, når telefonen er på nettet.", "The language {language} could not be loaded. Try again when the phone is online.";
    NotStored => "Dine svar er IKKE gemt: telefonens lager er fuldt eller blokeret. Svarene er her stadig, så længe siden er åben. Gem dem som fil, eller frigør plads på telefonen og tryk »Gem svarene« igen.", "Your answers are NOT saved: the phone's storage is full or blocked. The answers are still here while the page is open. Save them as a file, or free space on the phone and press “Save answers” again.";
    SaveAsFile => "Gem svarene som fil", "Save the answers as a file";
    CopyCheck => "Er filen gemt? Se efter den i telefonens Overførsler. Kopien tæller først, når du har filen.", "Is the file saved? Look for it in your phone's Downloads. The copy only counts once you have the file.";
    CopyHaveIt => "Ja, jeg har filen", "Yes, I have the file";
    ShareCancelled => "Kopien blev ikke gemt, fordi delingen blev afbrudt. Intet er slettet. Prøv igen, når du er klar.", "The copy was not saved because sharing was cancelled. Nothing has been deleted. Try again when you are ready.";
    CopyKept => "Din kopi er gemt.", "Your copy is saved.";
    EndDeleteOffer => "Dit forløb er slut, og din kopi er gemt. Vil du slette alt fra telefonen nu?", "Your programme has ended, and your copy is saved. Do you want to delete everything from this phone now?";
    EndDeleteNow => "Ja, slet alt fra telefonen nu", "Yes, delete everything from this phone now";
    ChartOffline => "Denne side er ikke på telefonen endnu, og der er ingen forbindelse. Den gemmes af sig selv, næste gang Ugeblik er åben med internet. Dine svar er ikke berørt.", "This screen is not on the phone yet, and there is no connection. It is kept by itself the next time Ugeblik is open with internet. Your answers are not affected.";
    ErrLockStranded => "Nogle gemte data kan ikke åbnes med dit nuværende kodeord og ville gå tabt. Intet er ændret.", "Some stored data cannot be opened with your current passphrase and would be lost. Nothing has changed.";
    PortalAsk => "{portal} vil have besked, når du har svaret: ugen, skemaerne og din trivsel (WHO-5) i procent, ikke dine svar eller noter. Siden er ikke på listen over sider, Ugeblik taler med. Må den få besked?", "{portal} wants to know when you have answered: the week, the questionnaires and your well-being (WHO-5) in per cent, not your answers or notes. The page is not on the list of pages Ugeblik talks to. May it be told?";
    PortalYes => "Ja, {host} må få besked", "Yes, {host} may be told";
    PortalNo => "Nej, ingen besked", "No, do not tell it";
    PortalAt => "{provider} på siden {host}", "{provider} on the page {host}";
    Keys => "Piletasterne flytter dit svar. Enter går videre.", "The arrow keys move your answer. Enter goes on.";
    KeysNumbers => "Piletasterne flytter dit svar, eller skriv tallet. Enter går videre.", "The arrow keys move your answer, or type the number. Enter goes on.";
}
}

messages! {
/// A message of the progress screen, drawn by the chart worker: kept apart so that the
/// check-in's first load does not carry these texts.
ChartMsg / Chart {
    PeriodGroup => "Periode", "Period";
    PeriodEightWeeks => "8 uger", "8 weeks";
    PeriodSixMonths => "6 måneder", "6 months";
    PeriodAll => "Alt", "All";
    PeriodCustom => "Vælg selv", "Custom";
    PeriodFrom => "Fra", "From";
    PeriodTo => "Til", "To";
    PeriodShown => "Periode: {from} – {to}", "Period: {from} – {to}";
    ChooseLines => "Vælg, hvad grafen viser", "Choose what the chart shows";
    ShowAverage => "Vis gennemsnit over 4 uger", "Show 4-week average";
    ShowTable => "Vis tallene som tabel", "Show the numbers as a table";
    ShowNotes => "Vis noterne", "Show the notes";
    SessionView => "Mødevisning", "Session view";
    Print => "Udskriv", "Print";
    ChartPercent => "Trivsel (WHO-5), 0–100", "Well-being (WHO-5), 0–100";
    ChartRating => "Selvvurderinger, 0–10", "Self-ratings, 0–10";
    ChartHours => "Timer om ugen", "Hours a week";
    ChartKeys => "Piletasterne flytter fra uge til uge.", "The arrow keys move from week to week.";
    SummaryRose => "{name} steg fra {from} til {to} over {weeks, plural, one {# uge} other {# uger}}.", "{name} rose from {from} to {to} over {weeks, plural, one {# week} other {# weeks}}.";
    SummaryFell => "{name} faldt fra {from} til {to} over {weeks, plural, one {# uge} other {# uger}}.", "{name} fell from {from} to {to} over {weeks, plural, one {# week} other {# weeks}}.";
    SummarySame => "{name} lå på {value} over {weeks, plural, one {# uge} other {# uger}}.", "{name} stayed at {value} over {weeks, plural, one {# week} other {# weeks}}.";
    SummaryOne => "{name}: én måling, {value} i {week}.", "{name}: one reading, {value} in {week}.";
    SummaryNone => "{name}: ingen målinger i perioden.", "{name}: no readings in this period.";
    ChangeFigures => "Senest {latest} · {first} siden første · {previous} siden forrige", "Latest {latest} · {first} since the first · {previous} since the previous";
    BandLow => "Mørkt felt: 28 eller derunder", "Dark band: 28 or below";
    BandPoor => "Lyst felt: under 50", "Light band: below 50";
    BandNote => "Felterne er en anledning til at tale sammen – aldrig en diagnose. Gennemsnittet i befolkningen er omkring 68–70.", "The bands are a reason to talk – never a diagnosis. The population average is about 68–70.";
    ChangeRing => "Ring: en ændring på 10 point eller mere siden forrige måling", "Ring: a change of 10 points or more since the previous reading";
    AverageLegend => "Bred, lys linje: gennemsnit over 4 uger", "Wide, pale line: 4-week average";
    RadarTitle => "Profil: {name}", "Profile: {name}";
    RadarCompare => "Sammenlign også med", "Also compare with";
    RadarNoCompare => "kun første og seneste", "first and latest only";
    RadarSummary => "{name}: profil for {weeks}. Tallene står i tabellen under.", "{name}: profile for {weeks}. The numbers are in the table below.";
    TableTitle => "Tallene bag graferne", "The numbers behind the charts";
    TableWeek => "Uge", "Week";
    TableItem => "Spørgsmål", "Question";
    NotesTitle => "Noter", "Notes";
    And => "og", "and";
    ImportTitle => "Hent svar fra en fil", "Get answers from a file";
    ImportText => "Fra en fil, du har gemt før – fx på din gamle telefon. Du ser først, hvad filen indeholder.", "From a file you saved before – on your old phone, for example. You see what the file holds first.";
    ImportChoose => "Vælg en fil fra Ugeblik", "Choose a file from Ugeblik";
    PreviewTitle => "Før du henter", "Before you get them";
    PreviewSummary => "Filen har {responses} svar fra {weeks, plural, one {# uge} other {# uger}} ({from} – {to}): {new} er nye, {same} har du allerede.", "The file has {responses, plural, one {# answer} other {# answers}} from {weeks, plural, one {# week} other {# weeks}} ({from} – {to}): {new} are new, {same} you already have.";
    PreviewNickname => "Filen er mærket: {nickname}", "The file is marked: {nickname}";
    ConflictsLegend => "{count} svar er forskellige her og i filen. Sæt hak, hvor filens svar skal bruges:", "{count, plural, one {# answer differs} other {# answers differ}} between this phone and the file. Tick where the file's answers should be used:";
    ConflictChoice => "{name}, {week}: brug filens svar (fra {theirs}) i stedet for telefonens (fra {mine})", "{name}, {week}: use the file's answers (from {theirs}) instead of the phone's (from {mine})";
    BackupHint => "Gem gerne en sikkerhedskopi af telefonens svar først.", "You may want to save a backup of this phone's answers first.";
    BackupButton => "Gem sikkerhedskopi", "Save a backup";
    ImportConfirm => "Hent svarene", "Get the answers";
    ImportCancel => "Fortryd", "Cancel";
    ErrTooLarge => "Filen er for stor ({size} MB). En fil fra Ugeblik fylder under 5 MB.", "The file is too large ({size} MB). A file from Ugeblik is under 5 MB.";
    ErrNotJson => "Filen er ikke en fil fra Ugeblik (den kan ikke læses fra linje {line}, tegn {column}).", "The file is not a file from Ugeblik (it cannot be read from line {line}, character {column}).";
    ErrTruncated => "Filen er ufuldstændig – den er måske ikke kopieret helt. Gem eller kopiér den igen.", "The file is incomplete – it may not have been copied in full. Save or copy it again.";
    ErrTooDeep => "Filen er bygget på en måde, som ingen fil fra Ugeblik er.", "The file is built in a way no file from Ugeblik is.";
    ErrNotAnExport => "Filen er ikke en fil fra Ugeblik.", "The file is not a file from Ugeblik.";
    ErrOtherFormat => "Filen er fra et andet program ({format}) og kan ikke hentes her.", "The file is from another program ({format}) and cannot be read here.";
    ErrTooNew => "Filen er lavet af en nyere version af Ugeblik (format {version}). Genindlæs siden, og prøv igen.", "The file was made by a newer version of Ugeblik (format {version}). Reload the page and try again.";
    ErrShape => "Filen er ikke skrevet, som Ugeblik skriver sine filer (linje {line}, tegn {column}).", "The file is not written the way Ugeblik writes its files (line {line}, character {column}).";
    ErrInvalid => "{place}: {problem}.", "{place}: {problem}.";
    ErrDuplicate => "{place} står to gange i filen.", "{place} appears twice in the file.";
    ErrProgression => "{place}: {problem}.", "{place}: {problem}.";
    PreviewProgression => "Filen har også mål: {goals}, uger med arbejde: {work}, milepæle: {milestones}.", "The file also has goals: {goals}, weeks of work: {work}, milestones: {milestones}.";
    ErrNothingChanged => "Intet er ændret på telefonen.", "Nothing on this phone has changed.";
    ProbUnknownInstrument => "ukendt spørgeskema »{id}«", "unknown questionnaire “{id}”";
    ProbUnknownVersion => "ukendt version »{version}« af {id}", "unknown version “{version}” of {id}";
    ProbUnknownItem => "ukendt spørgsmål »{item}«", "unknown question “{item}”";
    ProbAbove => "spørgsmål {item}: {value} er over {max}", "question {item}: {value} is above {max}";
    ProbBelow => "spørgsmål {item}: {value} er under {min}", "question {item}: {value} is below {min}";
    ProbMissing => "markeret som færdigt, men spørgsmål {item} mangler", "marked complete, but question {item} has no answer";
    ProbWronglyPartial => "markeret som ufærdigt, men alle spørgsmål er besvaret", "marked partial, but every question is answered";
    GoalsOpen => "Mål, du arbejder med", "Goals you are working on";
    GoalsNone => "Der er ingen mål endnu. Skriv det første sammen med din konsulent.", "There are no goals yet. Write the first one with your consultant.";
    GoalsClosed => "Afsluttede mål", "Closed goals";
    GoalClosedAs => "{outcome} i {week}", "{outcome} in {week}";
    GoalMeasure => "Sådan ved vi det: {measure}", "How we will know: {measure}";
    GoalSet => "Sat i {week}", "Set in {week}";
    GoalBy => "senest {date}", "by {date}";
    GoalTally => "Ja {yes} · delvist {partly} · nej {no}", "Yes {yes} · partly {partly} · no {no}";
    GoalLast => "Senest: {week}: {kept}", "Latest: {week}: {kept}";
    GoalCloseLabel => "Hvordan sluttede målet?", "How did the goal end?";
    GoalClose => "Afslut målet", "Close the goal";
    GoalNewTitle => "Nyt mål", "New goal";
    GoalNewHint => "Skriv med almindelige ord: hvad, hvordan I ved det, og hvornår.", "Write it in plain words: what, how you will know, and by when.";
    GoalWhat => "Hvad vil du gøre?", "What will you do?";
    GoalHowKnow => "Hvordan ved I, at det er nået?", "How will you know it is reached?";
    GoalByLabel => "Senest (frivilligt)", "By when (optional)";
    GoalReplaces => "Erstatter et mål (frivilligt)", "Replaces a goal (optional)";
    GoalReplacesNone => "Nej, det er et nyt mål", "No, it is a new goal";
    GoalAdd => "Tilføj målet", "Add the goal";
    KeptYes => "ja", "yes";
    KeptPartly => "delvist", "partly";
    KeptNo => "nej", "no";
    OutcomeReached => "Nået", "Reached";
    OutcomeChanged => "Ændret", "Changed";
    OutcomeDropped => "Droppet", "Dropped";
    MilestonesTitle => "Milepæle", "Milestones";
    MilestonesNone => "Der er ingen milepæle endnu.", "There are no milestones yet.";
    MilestoneNewTitle => "Ny milepæl", "New milestone";
    MilestoneDate => "Dato", "Date";
    MilestoneKindLabel => "Hvad skete der?", "What happened?";
    MilestoneText => "Med egne ord (frivilligt, men skal udfyldes ved Andet)", "In your own words (optional, but needed for Other)";
    MilestoneAdd => "Tilføj milepælen", "Add the milestone";
    MilestoneRemove => "Fjern", "Remove";
    MilestoneRemoveLabel => "Fjern milepælen {what}", "Remove the milestone {what}";
    KindPlacementStarted => "Praktik startet", "Placement started";
    KindHoursChanged => "Timer ændret", "Hours changed";
    KindPlacementEnded => "Praktik sluttet", "Placement ended";
    KindNewMentor => "Ny mentor", "New mentor";
    KindOther => "Andet", "Other";
    ErrGoalWhat => "Skriv, hvad målet er.", "Write what the goal is.";
    ErrDate => "Vælg en dato, for eksempel 31-01-2027.", "Choose a date, for example 31-01-2027.";
    ErrMilestoneText => "Skriv med egne ord, hvad der skete.", "Write in your own words what happened.";
    ErrOutcome => "Det kunne ikke gemmes. Prøv igen.", "That could not be saved. Try again.";
    ChartAttendance => "Fremmøde, dage mødt af dage planlagt (%)", "Attendance, days came of days planned (%)";
    GoalsChartTitle => "Mål uge for uge", "Goals week by week";
    GoalsChartKey => "● ja · ◐ delvist · × nej · tom: ikke besvaret", "● yes · ◐ partly · × no · empty: not answered";
    MilestoneSeeList => "Stiplede linjer med tal er milepæle; de står under graferne.", "Dashed lines with numbers are milestones; they are listed below the charts.";
    WorkLines => "Arbejde og fremmøde", "Work and attendance";
    MilestoneKey => "Tallene i cirkler er milepæle:", "The numbers in circles are milestones:";
    ProbEmptyId => "svaret har intet id", "the answer has no id";
    ProbProgression => "et mål, en uges arbejde eller en milepæl er forkert ({what})", "a goal, a week's work or a milestone is wrong ({what})";
    AboutText => "Ugeblik er et ugentligt spørgeskema til dig, der er i et forløb på vej mod arbejde eller uddannelse. Du og din konsulent kan bruge svarene til at tale om, hvordan det går.", "Ugeblik is a weekly questionnaire for people in a programme on the way to work or education. You and your consultant can use the answers to talk about how things are going.";
    PrivacyTitle => "Dine data", "Your data";
    PrivacyText => "Dine svar bliver kun gemt i browseren på denne telefon. Intet bliver sendt nogen steder, og der er ingen reklamer eller statistik.", "Your answers are kept only in the browser on this phone. Nothing is sent anywhere, and there are no ads or tracking.";
    SourcesTitle => "Spørgeskemaerne", "The questionnaires";
    Validated => "Valideret måleinstrument", "Validated instrument";
    NotValidated => "Ikke valideret – til dialog", "Not validated – for dialogue";
    ExportTitle => "Del dine svar", "Share your answers";
    ExportText => "Gem en fil med alle dine svar. Den bliver på telefonen, indtil du selv giver den videre.", "Save a file with all your answers. It stays on the phone until you pass it on yourself.";
    NicknameLabel => "Kaldenavn eller sagsnummer i filen (frivilligt – aldrig dit CPR-nummer)", "Nickname or case number in the file (optional – never your CPR number)";
    EmailWarning => "Send ikke filen med almindelig e-mail: den rummer oplysninger om dit helbred, og Datatilsynet kræver, at de sendes krypteret. Giv den til din konsulent i mødet, eller brug den sikre vej, dit forløb tilbyder (fx sikker e-mail eller Digital Post).", "Do not send the file by ordinary e-mail: it holds information about your health, and the Danish Data Protection Agency requires it to be sent encrypted. Give it to your consultant in the session, or use the secure route your programme offers (such as secure e-mail or Digital Post).";
    ConsultantsTitle => "Til konsulenter", "For consultants";
    ConsultantsText => "Har en borger givet dig en fil fra Ugeblik, kan du se den her uden at gemme den:", "If a citizen gave you a file from Ugeblik, you can see it here without keeping it:";
    ViewerTitle => "Konsulentvisning – kun til at se", "Consultant's view – for viewing only";
    ViewerText => "Åbn en fil, som en borger har givet dig, og se graferne. Filen bliver ikke gemt i denne browser, og intet andet her bliver rørt.", "Open a file a citizen gave you and see the charts. The file is not kept in this browser, and nothing else here is touched.";
    ViewerChoose => "Åbn en borgers fil", "Open a citizen's file";
    ViewerFile => "Fil: {nickname} · {responses} svar", "File: {nickname} · {responses, plural, one {# answer} other {# answers}}";
    ExportFhirButton => "Gem til fagsystem (FHIR)", "Save for a case system (FHIR)";
    ExportCsvButton => "Gem som regneark (CSV)", "Save as a spreadsheet (CSV)";
    ExportButton => "Gem fil til din konsulent", "Save a file for your consultant";
    ReminderTitle => "Påmindelse i din kalender", "A reminder in your calendar";
    ReminderText => "Få en påmindelse hver uge i telefonens egen kalender. Ugeblik sender ingenting: du får en fil, der lægger en fast aftale i din kalender.", "Get a reminder every week in the phone's own calendar. Ugeblik sends nothing: you get a file that puts a repeating appointment in your calendar.";
    ReminderDay => "Dag", "Day";
    ReminderTime => "Klokken", "Time";
    ReminderButton => "Føj til min kalender", "Add to my calendar";
    Monday => "Mandag", "Monday";
    Tuesday => "Tirsdag", "Tuesday";
    Wednesday => "Onsdag", "Wednesday";
    Thursday => "Torsdag", "Thursday";
    Friday => "Fredag", "Friday";
    Saturday => "Lørdag", "Saturday";
    Sunday => "Søndag", "Sunday";
    SendTitle => "Send til {portal}", "Send to {portal}";
    SendButton => "Send mine svar til {portal}", "Send my answers to {portal}";
    SendConfirm => "Du er ved at sende alle dine svar ({weeks, plural, one {# uge} other {# uger}}, med noter, mål og arbejde) til {portal}. De forlader telefonen. Vil du sende dem?", "You are about to send all your answers ({weeks, plural, one {# week} other {# weeks}}, with notes, goals and work) to {portal}. They leave the phone. Do you want to send them?";
    SendYes => "Ja, send mine svar", "Yes, send my answers";
    HistoryEmpty => "Der er ingen gemte uger endnu.", "There are no saved weeks yet.";
    Who5Score => "Trivsel (WHO-5): {percent} af 100", "Well-being (WHO-5): {percent} of 100";
    Who5Partial => "Trivsel (WHO-5): ikke alle 5 besvaret, ingen score", "Well-being (WHO-5): not all 5 answered, no score";
    Skipped => "sprunget over", "skipped";
    ProgressEmpty => "Der er ingen svar endnu. Grafen kommer, når du har svaret for en uge.", "There are no answers yet. The chart appears once you have answered for a week.";
    LockTitle => "Kodeord", "Passphrase";
    LockOffText => "Med et kodeord bliver alt, hvad Ugeblik gemmer på telefonen, låst (krypteret). Uden kodeordet kan ingen læse svarene – heller ikke hvis de låner eller finder telefonen.", "With a passphrase, everything Ugeblik keeps on this phone is locked (encrypted). Without the passphrase nobody can read the answers – not even someone who borrows or finds the phone.";
    LockOnText => "Alt, hvad Ugeblik gemmer på telefonen, er låst med dit kodeord.", "Everything Ugeblik keeps on this phone is locked with your passphrase.";
    LockWarning => "Vigtigt: Glemmer du kodeordet, er dine svar væk – medmindre du har gemt en kopi som fil. Ingen kan finde kodeordet frem igen, heller ikke din konsulent.", "Important: if you forget the passphrase, your answers are gone – unless you have saved a copy as a file. Nobody can recover the passphrase, not even your consultant.";
    LockUnavailable => "Denne browser kan ikke låse data her (det kræver en sikker forbindelse, https).", "This browser cannot lock data here (it needs a secure connection, https).";
    LockCurrent => "Dit nuværende kodeord", "Your current passphrase";
    LockNew => "Nyt kodeord (mindst 8 tegn)", "New passphrase (at least 8 characters)";
    LockRepeat => "Skriv det nye kodeord igen", "Type the new passphrase again";
    LockSet => "Sæt kodeord", "Set passphrase";
    LockChange => "Skift kodeord", "Change passphrase";
    LockRemove => "Fjern kodeordet", "Remove the passphrase";
    LockRemoveText => "Vil du ikke længere have en lås, så skriv dit kodeord og fjern det. Svarene bliver på telefonen.", "If you no longer want a lock, type your passphrase and remove it. The answers stay on the phone.";
    AutoLockTitle => "Lås af sig selv", "Lock by itself";
    AutoLockLabel => "Lås, når Ugeblik ikke er brugt i", "Lock when Ugeblik has not been used for";
    AutoLockMinutes => "{n} min.", "{n} min";
    AutoLockOff => "Virker, når der er sat et kodeord.", "Works once a passphrase is set.";
    QuickExitTitle => "Luk hurtigt", "Quick exit";
    QuickExitText => "Knappen »Luk hurtigt« øverst lukker Ugeblik med det samme og viser en tom side. Tilbage-knappen viser ikke dine svar. Er der et kodeord, skal det skrives igen.", "The “Quick exit” button at the top closes Ugeblik at once and shows an empty page. The back button does not show your answers. With a passphrase set, it must be typed again.";
    SaveChoice => "Gem", "Save";
    EndTitle => "Når forløbet slutter", "When the programme ends";
    EndText => "Skriv den sidste dag i dit forløb, hvis du vil. Dagen efter beder Ugeblik dig gemme en kopi af svarene og sletter så alt på telefonen. Senest 30 dage efter sletter Ugeblik alt af sig selv.", "Write the last day of your programme if you like. The day after, Ugeblik asks you to save a copy of the answers and then deletes everything on the phone. At the latest 30 days after, Ugeblik deletes everything by itself.";
    EndLabel => "Sidste dag i forløbet", "Last day of the programme";
    DeleteTitle => "Slet alt", "Delete everything";
    DeleteText => "Sletter alle svar, mål, milepæle, noter og indstillinger på denne telefon. Det kan ikke fortrydes. Gem en kopi først, hvis du vil beholde svarene.", "Deletes all answers, goals, milestones, notes and settings on this phone. It cannot be undone. Save a copy first if you want to keep the answers.";
    DeleteConfirmText => "Ja, slet alle mine svar, mål og noter på denne telefon", "Yes, delete all my answers, goals and notes on this phone";
    DeleteButton => "Slet alt", "Delete everything";
    ExportSeal => "Lås filen med mit kodeord", "Lock the file with my passphrase";
    ExportSealHint => "En låst fil kan kun åbnes i Ugeblik med kodeordet.", "A locked file can only be opened in Ugeblik with the passphrase.";
    ImportLocked => "Filen er låst med et kodeord. Skriv det kodeord, filen blev låst med.", "The file is locked with a passphrase. Type the passphrase the file was locked with.";
    ImportPassphrase => "Filens kodeord", "The file's passphrase";
    ImportOpen => "Åbn filen", "Open the file";
    ImportWrongPassphrase => "Kodeordet passer ikke til filen. Intet er ændret. Prøv igen.", "That passphrase does not fit the file. Nothing has changed. Try again.";
    ImportLockedBroken => "Filen er låst, men den er ødelagt eller fra en nyere version af Ugeblik ({what}).", "The file is locked, but it is damaged or from a newer version of Ugeblik ({what}).";
    IcsSummary => "Ugeblik: ugens spørgsmål", "Ugeblik: this week's questions";
    IcsDescription => "Tid til ugens spørgsmål i Ugeblik. Det tager et par minutter. Svarene bliver på din telefon.", "Time for this week's questions in Ugeblik. It takes a few minutes. The answers stay on your phone.";
    ErrWrong => "{place}: {field} skal være {expected}, men filen har {found}.", "{place}: {field} should be {expected}, but the file has {found}.";
    ErrMissing => "{place}: {field} mangler.", "{place}: {field} is missing.";
    ErrUnknownField => "{place}: filen har {field}, som ingen fil fra Ugeblik har.", "{place}: the file has {field}, which no file from Ugeblik has.";
    ErrOutOfRange => "{place}: {field} er {found}, men Ugeblik viser kun årene {first}–{last}.", "{place}: {field} is {found}, but Ugeblik only shows the years {first}–{last}.";
    PlaceFile => "Filen", "The file";
    PlaceInstrument => "Spørgeskema nr. {index} i filens liste", "Questionnaire {index} in the file's list";
    PlaceResponse => "Svarene for {week} ({name})", "The answers for {week} ({name})";
    PlaceResponseIndex => "Svar nr. {index} i filen", "Answer {index} in the file";
    PlaceGoal => "Målet »{what}«", "The goal “{what}”";
    PlaceGoalIndex => "Mål nr. {index} i filen", "Goal {index} in the file";
    PlaceCheck => "{goal}, svaret for {week}", "{goal}, the answer for {week}";
    PlaceCheckAny => "{goal}, et af ugernes svar", "{goal}, one of its weekly answers";
    PlaceWork => "Arbejdet i {week}", "The work in {week}";
    PlaceWorkIndex => "Uge med arbejde nr. {index} i filen", "Week of work {index} in the file";
    PlaceMilestone => "Milepælen {date}", "The milestone of {date}";
    PlaceMilestoneIndex => "Milepæl nr. {index} i filen", "Milestone {index} in the file";
    FieldKey => "feltet »{name}«", "the field “{name}”";
    FieldAnswer => "svaret på spørgsmål {item}", "the answer to question {item}";
    ExpText => "tekst", "text";
    ExpWhole => "et helt tal fra 0 til {max}", "a whole number from 0 to {max}";
    ExpYesNo => "true eller false", "true or false";
    ExpWeek => "en uge skrevet som 2026-W47", "a week written like 2026-W47";
    ExpTime => "et tidspunkt skrevet som 2026-11-20T10:00:00Z", "a time written like 2026-11-20T10:00:00Z";
    ExpLang => "en sprogkode: da, en, ar eller uk", "a language code: da, en, ar or uk";
    ExpOneOf => "et af ordene {words}", "one of the words {words}";
    ExpList => "en liste", "a list";
    ExpFields => "en gruppe af felter", "a group of fields";
    ProgNoId => "har intet id", "has no id";
    ProgEmptyGoal => "siger ikke, hvad målet er", "does not say what the goal is";
    ProgBadDate => "»{text}« er ikke en dato som 2026-12-31", "“{text}” is not a date like 2026-12-31";
    ProgCheckedTwice => "har to svar for {week}", "has two answers for {week}";
    ProgTooMany => "feltet »{field}« er {value}, men kan højst være {max}", "the field “{field}” is {value}, but can be at most {max}";
    ProgAttended => "har flere dage mødt end planlagt", "has more days attended than planned";
    ProgTwice => "står to gange", "appears twice";
    ProgEmptyMilestone => "siger ikke med ord, hvad der skete", "does not say in words what happened";
    PreviewAddedTitle => "Det kommer med fra filen til mål, arbejde og milepæle:", "What the file adds to goals, work and milestones:";
    PreviewNewGoal => "Nyt mål: {what}", "New goal: {what}";
    PreviewNewMilestone => "Ny milepæl: {date} – {what}", "New milestone: {date} – {what}";
    PreviewNewWork => "Arbejde i {count, plural, one {# uge} other {# uger}} ({from} – {to})", "Work in {count, plural, one {# week} other {# weeks}} ({from} – {to})";
    PreviewNewChecks => "{count, plural, one {# nyt ugesvar} other {# nye ugesvar}} til mål, du allerede har", "{count, plural, one {# new weekly answer} other {# new weekly answers}} to goals you already have";
    ChangesLegend => "Mål, arbejde og milepæle, der er forskellige her og i filen ({count}). Sæt hak, hvor filens skal bruges – ellers beholdes telefonens:", "Goals, work and milestones that differ between this phone and the file ({count}). Tick where the file's should be used – otherwise the phone's is kept:";
    ChangeGoal => "Målet »{what}«: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})", "The goal “{what}”: use the file's (from {theirs}) instead of the phone's (from {mine})";
    ChangeWork => "Arbejdet i {week}: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})", "The work in {week}: use the file's (from {theirs}) instead of the phone's (from {mine})";
    ChangeMilestone => "Milepælen {date} – {what}: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})", "The milestone {date} – {what}: use the file's (from {theirs}) instead of the phone's (from {mine})";
}
}

impl ChartMsg {
    /// The days of the week, Monday first.
    pub const WEEKDAYS: [ChartMsg; 7] = [
        ChartMsg::Monday,
        ChartMsg::Tuesday,
        ChartMsg::Wednesday,
        ChartMsg::Thursday,
        ChartMsg::Friday,
        ChartMsg::Saturday,
        ChartMsg::Sunday,
    ];
}

/// A part of a message template.
enum Block<'a> {
    /// `{name}`
    Value(&'a str),
    /// `{name, plural, one {…} other {…}}`: the branches by category.
    Plural(&'a str, Vec<(&'a str, &'a str)>),
}

/// Reads the block that starts right after a `{`: the block and the length it takes
/// (through its closing `}`); `None` when the brace starts no block.
fn block(after: &str) -> Option<(Block<'_>, usize)> {
    let end = after.find(['}', '{', ','])?;
    let name = &after[..end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return None;
    }
    if after.as_bytes()[end] == b'}' {
        return Some((Block::Value(name), end + 1));
    }
    let body = after[end..].strip_prefix(',')?.trim_start().strip_prefix("plural")?.trim_start().strip_prefix(',')?;
    let mut at = after.len() - body.len();
    let mut branches = Vec::new();
    loop {
        let rest = &after[at..];
        let trimmed = rest.trim_start();
        at += rest.len() - trimmed.len();
        if trimmed.starts_with('}') {
            return (!branches.is_empty()).then_some((Block::Plural(name, branches), at + 1));
        }
        let open = trimmed.find('{')?;
        let category = trimmed[..open].trim();
        if category.is_empty() || !category.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // The branch runs to its matching brace; it may hold `{name}` placeholders.
        let mut depth = 0usize;
        let branch_start = open + 1;
        let mut close = None;
        for (i, c) in trimmed[branch_start..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    close = Some(branch_start + i);
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let close = close?;
        branches.push((category, &trimmed[branch_start..close]));
        at += close + 1;
    }
}

/// The CLDR plural category of the whole number `n` in `lang`.
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::Da | Lang::En => {
            if n == 1 {
                "one"
            } else {
                "other"
            }
        }
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        Lang::Uk => match (n % 10, n % 100) {
            (1, r) if r != 11 => "one",
            (2..=4, r) if !(12..=14).contains(&r) => "few",
            _ => "many",
        },
    }
}

/// The plural categories a plural block must have in `lang` (CLDR).
pub fn plural_categories(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Da | Lang::En => &["one", "other"],
        Lang::Ar => &["zero", "one", "two", "few", "many", "other"],
        Lang::Uk => &["one", "few", "many", "other"],
    }
}

/// The first-strong isolate and its end: a value put into a right-to-left sentence keeps
/// its own direction (a Latin name, a number with a sign) and does not reorder the words
/// around it.
const ISOLATE: (char, char) = ('\u{2068}', '\u{2069}');

/// `template` with each `{name}` replaced by its value and each plural block by the branch
/// its number chooses (`#` in it is the number). In a right-to-left language every value is
/// isolated. One pass over the template: a value is never read again, so a nickname typed
/// as `{responses}` stays that text instead of becoming the count.
pub fn fill_in(lang: Lang, template: &str, values: &[(&str, &str)]) -> String {
    let mut text = String::with_capacity(template.len() + 16);
    let rtl = lang.dir() == "rtl";
    let push_value = |text: &mut String, value: &str| {
        if rtl {
            text.push(ISOLATE.0);
            text.push_str(value);
            text.push(ISOLATE.1);
        } else {
            text.push_str(value);
        }
    };
    let value_of = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        text.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match block(after) {
            Some((Block::Value(name), len)) if value_of(name).is_some() => {
                push_value(&mut text, value_of(name).unwrap_or_default());
                rest = &after[len..];
            }
            Some((Block::Plural(name, branches), len)) if value_of(name).is_some() => {
                let value = value_of(name).unwrap_or_default();
                let category = value.trim().parse::<u64>().map_or("other", |n| plural_category(lang, n));
                let chosen = branches
                    .iter()
                    .find(|(c, _)| *c == category)
                    .or_else(|| branches.iter().find(|(c, _)| *c == "other"))
                    .map_or("", |(_, branch)| *branch);
                for (i, piece) in chosen.split('#').enumerate() {
                    if i > 0 {
                        push_value(&mut text, value);
                    }
                    text.push_str(&fill_in(lang, piece, values));
                }
                rest = &after[len..];
            }
            _ => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    fill_in(Lang::Da, template, values)
}

/// The names a template fills, in order (plural blocks' names and the names inside their
/// branches included).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    collect(template, &mut found, &mut Vec::new());
    found
}

/// Whether two templates fill the same names, in any order. No sorting: a sort's code is
/// kilobytes of the first load.
pub fn same_placeholders(a: &str, b: &str) -> bool {
    let (a, b) = (placeholders(a), placeholders(b));
    a.iter().all(|name| b.contains(name)) && b.iter().all(|name| a.contains(name))
}

/// The plural blocks of a template: each one's name and its categories.
pub fn plural_blocks(template: &str) -> Vec<(&str, Vec<&str>)> {
    let mut blocks = Vec::new();
    collect(template, &mut Vec::new(), &mut blocks);
    blocks
}

fn collect<'a>(template: &'a str, names: &mut Vec<&'a str>, plurals: &mut Vec<(&'a str, Vec<&'a str>)>) {
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match block(after) {
            Some((Block::Value(name), len)) => {
                names.push(name);
                rest = &after[len..];
            }
            Some((Block::Plural(name, branches), len)) => {
                names.push(name);
                plurals.push((name, branches.iter().map(|(c, _)| *c).collect()));
                for (_, branch) in branches {
                    collect(branch, names, plurals);
                }
                rest = &after[len..];
            }
            None => rest = after,
        }
    }
}

/// The month's abbreviation: the `n`th of the `|`-separated [`Msg::Months`].
fn month_abbrev(lang: Lang, month: time::Month) -> &'static str {
    let index = u8::from(month) as usize - 1;
    Msg::Months.get(lang).split('|').nth(index).unwrap_or_default()
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
    let (from_day, to_day) = (from.day().to_string(), to.day().to_string());
    let (from_year, to_year) = (from.year().to_string(), to.year().to_string());
    let values = [
        ("from", from_day.as_str()),
        ("to", &to_day),
        ("month", m(to)),
        ("fromMonth", m(from)),
        ("toMonth", m(to)),
        ("year", &to_year),
        ("fromYear", &from_year),
        ("toYear", &to_year),
    ];
    let pattern = if from.year() != to.year() {
        Msg::WeekSpanYears
    } else if from.month() != to.month() {
        Msg::WeekSpanMonths
    } else {
        Msg::WeekSpan
    };
    // A date is one unit: it is not isolated piece by piece.
    fill_in(Lang::Da, pattern.get(lang), &values)
}

/// A date: "31. jan. 2027" / "31 Jan 2027".
pub fn date_label(lang: Lang, date: time::Date) -> String {
    let (day, year) = (date.day().to_string(), date.year().to_string());
    let values = [("day", day.as_str()), ("month", month_abbrev(lang, date.month())), ("year", &year)];
    fill_in(Lang::Da, Msg::DateFormat.get(lang), &values)
}

/// The decimal separator: a comma in Danish and Ukrainian (CLDR, with Latin digits).
pub fn decimal_separator(lang: Lang) -> char {
    match lang {
        Lang::Da | Lang::Uk => ',',
        Lang::En | Lang::Ar => '.',
    }
}

/// A whole number as the charts and tables write it.
pub fn whole(value: f32) -> String {
    format!("{}", value.round() as i32)
}

/// A change with its sign: "+16", "−8" (a true minus sign), "±0".
pub fn signed(value: f32) -> String {
    match value.round() as i32 {
        0 => "±0".to_owned(),
        v if v > 0 => format!("+{v}"),
        v => format!("\u{2212}{}", -v),
    }
}

/// What the chart cursor says about a week: "Uge 47, 2026 (16.–22. nov. 2026): Trivsel 56 ·
/// Håb ingen måling". `values` pairs each line's name with its value, if recorded.
pub fn readout(lang: Lang, week: IsoWeek, values: &[(&str, Option<&str>)]) -> String {
    let values: Vec<String> =
        values.iter().map(|(name, value)| format!("{name} {}", value.unwrap_or(Msg::NoReading.get(lang)))).collect();
    format!("{} ({}): {}", week_label_with_year(lang, week), week_dates(lang, week), values.join(" · "))
}

/// "a, b og c" / "a, b and c".
pub fn join(lang: Lang, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        // CLDR's list patterns: Arabic writes its comma and joins "و" to the last item.
        [rest @ .., last] if lang == Lang::Ar => format!("{}، {}{last}", rest.join("، "), ChartMsg::And.get(lang)),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), ChartMsg::And.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_the_same_placeholders_in_every_language() {
        let all = Msg::ALL.iter().map(|m| (format!("{m:?}"), m.get(Lang::Da), m.get(Lang::En)));
        let chart = ChartMsg::ALL.iter().map(|m| (format!("{m:?}"), m.get(Lang::Da), m.get(Lang::En)));
        for (name, da, en) in all.chain(chart) {
            assert!(!da.trim().is_empty() && !en.trim().is_empty(), "{name} is empty");
            assert!(same_placeholders(da, en), "{name}");
            for (lang, text) in [(Lang::Da, da), (Lang::En, en)] {
                for (block, categories) in plural_blocks(text) {
                    assert_eq!(categories, plural_categories(lang), "{name} {lang:?} {block}");
                }
            }
        }
    }

    #[test]
    fn filling_replaces_every_placeholder() {
        assert_eq!(Msg::Progress.fill(Lang::Da, &[("n", "3"), ("total", "18")]), "Spørgsmål 3 af 18");
        assert_eq!(Msg::Progress.fill(Lang::En, &[("n", "3"), ("total", "18")]), "Question 3 of 18");
    }

    #[test]
    fn a_value_is_never_filled_again() {
        // A nickname that looks like a placeholder stays the citizen's text.
        let text = ChartMsg::ViewerFile.fill(Lang::En, &[("nickname", "{responses} {"), ("responses", "3")]);
        assert!(text.contains("{responses} {"), "{text}");
        assert!(text.contains('3'), "{text}");
        // Braces that are no placeholder, and one with no value, are left as they are.
        assert_eq!(fill("a {b} {c} { d", &[("b", "B")]), "a B {c} { d");
        assert_eq!(fill("{x}{x}}", &[("x", "1")]), "11}");
    }

    #[test]
    fn numbers_changes_and_lists() {
        assert_eq!((whole(55.6), whole(0.2)), ("56".to_owned(), "0".to_owned()));
        assert_eq!((signed(16.0), signed(-8.0), signed(0.3)), ("+16".into(), "\u{2212}8".into(), "±0".into()));
        let weeks = ["uge 40".to_owned(), "uge 44".to_owned(), "uge 47".to_owned()];
        assert_eq!(join(Lang::Da, &weeks), "uge 40, uge 44 og uge 47");
        assert_eq!(join(Lang::En, &weeks[..2]), "uge 40 and uge 44");
        assert_eq!(join(Lang::En, &weeks[..1]), "uge 40");
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
