//! The translation layer: every text the app itself shows, and the formatting of weeks and
//! dates. Components never contain user-visible literals; they ask for a [`Msg`].
//!
//! Danish, the default, is compiled in: the `messages!` tables below hold it, and a message
//! without its Danish text does not compile. Every other language, English included, is a
//! language pack (`static/lang/<code>.json`, [`pack`]) fetched when it is chosen, so the
//! first load carries one language. A text a pack lacks, or whose placeholders are not the
//! Danish one's, is shown in Danish; `tests/languages.rs` proves the shipped packs lack
//! none.
//!
//! Placeholders are written `{name}` and filled by [`Msg::fill`]; a host test checks that
//! every language has the same placeholders.

use crate::domain::lang::Lang;
use crate::domain::week::IsoWeek;

pub mod pack;

macro_rules! messages {
    ($(#[$doc:meta])* $name:ident / $table:ident { $($key:ident => $da:literal $(, $en:literal)?;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name { $($key,)* }

        // A text in a second language here (the old `Key => "da", "en";`) is refused: the
        // English lives in static/lang/en.json, like every language but Danish.
        $($(const _: &str = $en; compile_error!(concat!(
            "English texts live in static/lang/en.json: move the English of ", stringify!($key), " there"
        ));)?)*

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key,)*];

            /// The message in `lang`: Danish from the table, any other language from its
            /// pack; Danish where the pack is not loaded or lacks the message (a test
            /// proves the shipped packs lack none).
            pub fn get(self, lang: Lang) -> &'static str {
                match lang {
                    Lang::Da => self.danish(),
                    _ => pack::message(lang, pack::Table::$table, self as usize).unwrap_or_else(|| self.danish()),
                }
            }

            /// The message in Danish, the language compiled in.
            pub fn danish(self) -> &'static str {
                match self { $($name::$key => $da,)* }
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
    AppName => "Ugeblik";
    Tagline => "Et blik på ugen";
    MainNav => "Hovedmenu";
    NavThisWeek => "Denne uge";
    NavHistory => "Tidligere uger";
    NavAbout => "Om Ugeblik";
    NavMore => "Mere";
    LanguageGroup => "Sprog";
    WeekNumber => "Uge {week}";
    WeekNumberWithYear => "Uge {week}, {year}";
    IntroText => "Et kort spørgeskema om, hvordan du har haft det. Det tager 2–3 minutter. Du kan springe spørgsmål over og holde pause når som helst – dine svar bliver gemt undervejs.";
    StartCheckIn => "Start ugens spørgsmål";
    ContinueCheckIn => "Fortsæt, hvor du slap";
    ContinueInfo => "Du er i gang. Du har svaret på {answered} af {total} spørgsmål.";
    ChangeCheckIn => "Ret ugens svar";
    AlreadyDone => "Du har svaret for denne uge. Tak!";
    Progress => "Spørgsmål {n} af {total}";
    WhatWeMean => "Hvad mener vi?";
    Back => "Tilbage";
    Skip => "Spring over";
    Next => "Næste";
    ScaleLegend => "0 = {low}, 10 = {high}";
    HoursLegend => "Fuld tid er 37 timer om ugen.";
    AnswerChosen => "Dit svar: {answer}";
    RecallTwoWeeks => "De sidste 2 uger";
    RecallThisWeek => "Denne uge";
    WorkTitle => "Din uge i praktik eller job";
    WorkHint => "Udfyld det, der passer. Du kan springe over, hvis du ikke er i praktik eller job.";
    HoursPlanned => "Timer planlagt i denne uge";
    HoursWorked => "Timer du arbejdede";
    HoursExample => "For eksempel 7,5";
    DaysPlanned => "Dage planlagt (0–7)";
    DaysAttended => "Dage du mødte op (0–7)";
    AbsenceLegend => "Hvis du var væk: hvorfor? (frivilligt)";
    AbsenceNone => "Ingen grund angivet";
    AbsenceIll => "Syg";
    AbsenceOther => "Andet";
    AbsenceRatherNot => "Vil helst ikke sige";
    ErrHours => "Skriv timer som et tal, for eksempel 7 eller 7,5 (højst 168).";
    ErrDays => "Skriv dage som et helt tal fra 0 til 7.";
    ErrAttendedAbove => "Du kan ikke møde flere dage, end der var planlagt.";
    Suggested => "Tallene fra sidste uge er skrevet ind som forslag.";
    GoalStep => "Mål {n} af {total}";
    GoalLabel => "Dit mål";
    GoalMeasure => "Sådan ved vi det: {measure}";
    GoalBy => "Senest {date}";
    GoalQuestion => "Holdt du dig til det i denne uge?";
    KeptYes => "Ja";
    KeptPartly => "Delvist";
    KeptNo => "Nej";
    GoalNote => "Note (frivilligt)";
    NoteTitle => "Vil du skrive noget om ugen?";
    NoteLabel => "Note (frivillig)";
    NoteHint => "Noten bliver på din telefon, indtil du selv vælger at dele den.";
    Save => "Gem svarene";
    SavedTitle => "Tak! Dine svar er gemt.";
    SavedText => "Du kan se dem under Tidligere uger og tale om dem med din konsulent.";
    SeeHistory => "Se tidligere uger";
    ToStart => "Til forsiden";
    HistoryTitle => "Tidligere uger";
    Note => "Note";
    AboutTitle => "Om Ugeblik";
    MemoryOnly => "Din browser tillader ikke, at Ugeblik gemmer noget. Du kan godt svare, men svarene forsvinder, når du lukker siden.";
    Unreadable => "Nogle gemte data kunne ikke læses. De er lagt til side uændret, så intet er slettet. Vis denne besked til din konsulent.";
    UnreadableNotKept => "Nogle gemte data kunne ikke læses og kunne ikke lægges til side. De bliver ikke rørt, men nye svar gemmes kun, indtil du lukker siden. Vis denne besked til din konsulent.";
    TooNew => "Nogle data er gemt af en nyere version af Ugeblik og kan ikke læses her. De bliver ikke rørt. Genindlæs siden for at få den nyeste version – indtil da gemmes nye svar kun, indtil du lukker siden.";
    SaveFailed => "Dine svar kunne ikke gemmes på telefonen (lageret er fuldt eller blokeret). De er her, indtil du lukker siden.";
    ProblemDetail => "Teknisk: {key} – {reason}";
    NoticesLabel => "Beskeder";
    NavProgress => "Udvikling";
    NavGoals => "Mål";
    GoalsTitle => "Mål og milepæle";
    EditSaved => "Gemt.";
    Sent => "Dine svar er sendt.";
    ProgressTitle => "Udvikling over tid";
    BackupNever => "Du har ikke gemt en kopi af dine svar endnu. Mister du telefonen, er svarene væk.";
    BackupWeeks => "Din sidste kopi af svarene er fra for {weeks, plural, one {# uge} other {# uger}} siden.";
    BackupNow => "Gem en kopi nu";
    ConfigIgnored => "Indstillingen „{name}“ i adressen forstås ikke („{value}“). Standarden bruges.";
    DemoBanner => "Demo: opdigtede svar, ikke dine. Intet her bliver gemt.";
    ExportFailed => "Filen kunne ikke laves. Dine svar er ikke berørt. Prøv igen.";
    ImportTooLarge => "Filen er for stor. En fil fra Ugeblik fylder under 5 MB. Intet er ændret på telefonen.";
    Imported => "Svarene fra filen er hentet.";
    NoReading => "ingen måling";
    ChartFailed => "Grafen kunne ikke tegnes. Prøv at genindlæse siden. Dine svar er ikke berørt.";
    QuickExit => "Luk hurtigt";
    LockNow => "Lås";
    NavSafety => "Lås og sletning";
    LockedTitle => "Ugeblik er låst";
    LockedText => "Skriv dit kodeord for at åbne dine svar.";
    Passphrase => "Kodeord";
    Unlock => "Lås op";
    Unlocking => "Åbner …";
    WrongPassphrase => "Kodeordet passer ikke. Intet er ændret. Prøv igen.";
    LockDamaged => "Låsen kan ikke læses, så svarene kan ikke åbnes. Intet er slettet. Vis denne besked til din konsulent.";
    CryptoUnavailable => "Denne browser kan ikke åbne eller lave låste data her (det kræver en sikker forbindelse). Intet er slettet.";
    ForgotTitle => "Glemt kodeordet?";
    ForgotText => "Uden kodeordet kan ingen åbne svarene på denne telefon – heller ikke din konsulent. Har du gemt en kopi som fil, kan du slette alt her, starte forfra og hente svarene fra filen.";
    DeleteConfirm => "Ja, slet alle mine svar, mål og noter på denne telefon";
    DeleteEverything => "Slet alt";
    DeleteNeedsConfirm => "Sæt flueben først, hvis du vil slette alt.";
    Deleted => "Alt er slettet fra denne telefon.";
    StartAgain => "Start forfra";
    PassphraseSet => "Kodeordet er sat. Alt, hvad Ugeblik gemmer, er nu låst med det.";
    PassphraseChanged => "Kodeordet er skiftet.";
    PassphraseRemoved => "Kodeordet er fjernet. Svarene gemmes nu uden lås.";
    ErrPassphraseShort => "Kodeordet skal være mindst 8 tegn.";
    ErrPassphraseLong => "Kodeordet må højst være 256 tegn.";
    ErrPassphraseDifferent => "De to kodeord er ikke ens. Skriv det samme i begge felter.";
    ErrCurrentWrong => "Dit nuværende kodeord passer ikke. Intet er ændret.";
    ErrLockFailed => "Kodeordet kunne ikke gemmes (lageret er fuldt eller blokeret). Intet er ændret.";
    ErrEndDate => "Skriv en dato, der ikke er passeret, for eksempel 2027-06-30.";
    Ending => "Dit forløb sluttede {date}. Gem en kopi af dine svar nu – når kopien er gemt, kan du slette alt på telefonen. Senest {wipe} sletter Ugeblik alt af sig selv.";
    EndedWiped => "Dit forløb er slut, og Ugeblik har slettet alt på denne telefon, som aftalt.";
    CopyThenDeleted => "Din kopi er gemt, og alt er slettet fra telefonen. Tak, fordi du brugte Ugeblik.";
    Months => "jan.|feb.|mar.|apr.|maj|jun.|jul.|aug.|sep.|okt.|nov.|dec.";
    DateFormat => "{day}. {month} {year}";
    WeekSpan => "{from}.–{to}. {month} {year}";
    WeekSpanMonths => "{from}. {fromMonth} – {to}. {toMonth} {year}";
    WeekSpanYears => "{from}. {fromMonth} {fromYear} – {to}. {toMonth} {toYear}";
    ReadQuestion => "Læs spørgsmålet op";
    ReadAnswer => "Læs op: {answer}";
    NoVoice => "Telefonen har ingen stemme, der kan læse op på {language}. Du kan hente en stemme i telefonens indstillinger.";
    NoSpeech => "Denne browser kan ikke læse op.";
    Who5Official => "WHO-5 må kun bruges i sine godkendte oversættelser, og der er endnu ingen på {language}. Vælg det sprog, du forstår bedst. Forklaringen under »Hvad mener vi?« står på dit eget sprog.";
    Who5LangGroup => "Sprog for WHO-5";
    Unreviewed => "Oversat af Ugeblik. Oversættelsen er endnu ikke gennemgået.";
    EasyReadLabel => "Brug lette ord i spørgsmålene";
    EasyReadHint => "Spørgsmålene om dit liv og om arbejde bliver kortere og lettere. WHO-5 er den samme. Svarene gemmes som en særskilt version.";
    LangLoading => "Henter sproget …";
    LangFailed => "Sproget {language} kunne ikke hentes. Prøv igen, når telefonen er på nettet.";
    NotStored => "Dine svar er IKKE gemt: telefonens lager er fuldt eller blokeret. Svarene er her stadig, så længe siden er åben. Gem dem som fil, eller frigør plads på telefonen og tryk »Gem svarene« igen.";
    SaveAsFile => "Gem svarene som fil";
    CopyCheck => "Er filen gemt? Se efter den i telefonens Overførsler. Kopien tæller først, når du har filen.";
    CopyHaveIt => "Ja, jeg har filen";
    ShareCancelled => "Kopien blev ikke gemt, fordi delingen blev afbrudt. Intet er slettet. Prøv igen, når du er klar.";
    CopyKept => "Din kopi er gemt.";
    EndDeleteOffer => "Dit forløb er slut, og din kopi er gemt. Vil du slette alt fra telefonen nu?";
    EndDeleteNow => "Ja, slet alt fra telefonen nu";
    ChartOffline => "Denne side er ikke på telefonen endnu, og der er ingen forbindelse. Den gemmes af sig selv, næste gang Ugeblik er åben med internet. Dine svar er ikke berørt.";
    // Shown by the first screen before the wasm (src/first-screen.js, which
    // scripts/prerender.mjs gives them) when the app itself cannot be fetched.
    LoadFailed => "Ugeblik kunne ikke hentes helt. Prøv igen, når telefonen er på nettet.";
    TryAgain => "Prøv igen";
    ErrLockStranded => "Nogle gemte data kan ikke åbnes med dit nuværende kodeord og ville gå tabt. Intet er ændret.";
    PortalAsk => "{portal} vil have besked, når du har svaret: ugen, skemaerne og din trivsel (WHO-5) i procent, ikke dine svar eller noter. Siden er ikke på listen over sider, Ugeblik taler med. Må den få besked?";
    PortalYes => "Ja, {host} må få besked";
    PortalNo => "Nej, ingen besked";
    PortalAt => "{provider} på siden {host}";
    Keys => "Piletasterne flytter dit svar. Enter går videre.";
    KeysNumbers => "Piletasterne flytter dit svar, eller skriv tallet. Enter går videre.";
    PortalUnavailable => "Ugeblik kan ikke tale med siden, det er vist på, før telefonen er på nettet. Alt andet virker, og siden får ingen besked om dine svar.";
}
}

messages! {
/// A message of the session screens (and of the files the worker makes): kept apart so that the
/// check-in's first load does not carry these texts.
ChartMsg / Chart {
    PeriodGroup => "Periode";
    PeriodEightWeeks => "8 uger";
    PeriodSixMonths => "6 måneder";
    PeriodAll => "Alt";
    PeriodCustom => "Vælg selv";
    PeriodFrom => "Fra";
    PeriodTo => "Til";
    PeriodShown => "Periode: {from} – {to}";
    ChooseLines => "Vælg, hvad grafen viser";
    MoreChoices => "Flere valg";
    ShowAverage => "Vis gennemsnit over 4 uger";
    ShowTable => "Vis tallene som tabel";
    ShowCombined => "Selvvurderingerne i én graf";
    MultiplesKey => "Hver vurdering i sin egen lille graf, på samme akser. Tallene er første og seneste svar.";
    ShowNotes => "Vis noterne";
    SessionView => "Mødevisning";
    ViewWho5 => "Trivsel (WHO-5)";
    ViewChime => "Personlig recovery (CHIME)";
    ViewJobReady => "Parathed til job";
    ViewWork => "Timer og fremmøde";
    ViewMilestones => "Milepæle";
    ViewOf => "Visning {n} af {total}";
    ViewPrevious => "Forrige";
    ViewNext => "Næste";
    ViewChoose => "Vælg visninger";
    ViewChooseText => "Vælg, hvad I vil se sammen. En skjult visning forbliver skjult, indtil I viser den igen.";
    ViewLeave => "Afslut mødevisning";
    ViewKeys => "Piletaster, Page Up og Page Down eller et swipe skifter visning. Esc afslutter.";
    ViewNone => "Der er ingen visninger valgt. Vælg mindst én.";
    ViewNoData => "Der er ikke noget at vise endnu. Mødevisningen viser graferne, når der er svar.";
    Print => "Udskriv";
    PrintViews => "Udskriv én side pr. visning";
    ChartPercent => "Trivsel (WHO-5), 0–100";
    ChartRating => "Selvvurderinger, 0–10";
    ChartHours => "Timer om ugen";
    ChartKeys => "Piletasterne flytter fra uge til uge.";
    SummaryRose => "{name} steg fra {from} til {to} over {weeks, plural, one {# uge} other {# uger}}.";
    SummaryFell => "{name} faldt fra {from} til {to} over {weeks, plural, one {# uge} other {# uger}}.";
    SummarySame => "{name} lå på {value} over {weeks, plural, one {# uge} other {# uger}}.";
    SummaryOne => "{name}: én måling, {value} i {week}.";
    SummaryNone => "{name}: ingen målinger i perioden.";
    ChangeFigures => "Senest {latest} · {first} siden første · {previous} siden forrige";
    BandLow => "Mørkt felt: 28 eller derunder";
    BandPoor => "Lyst felt: under 50";
    BandNote => "Felterne er en anledning til at tale sammen – aldrig en diagnose. Gennemsnittet i befolkningen er omkring 68–70.";
    ChangeRing => "Ring: en ændring på 10 point eller mere siden forrige måling";
    AverageLegend => "Bred, lys linje: gennemsnit over 4 uger";
    RadarTitle => "Profil: {name}";
    RadarCompare => "Sammenlign også med";
    RadarNoCompare => "kun første og seneste";
    RadarSummary => "{name}: profil for {weeks}. Tallene står i tabellen under.";
    TableTitle => "Tallene bag graferne";
    TableWeek => "Uge";
    TableItem => "Spørgsmål";
    NotesTitle => "Noter";
    And => "og";
    ImportTitle => "Hent svar fra en fil";
    ImportText => "Fra en fil, du har gemt før – fx på din gamle telefon. Du ser først, hvad filen indeholder.";
    ImportChoose => "Vælg en fil fra Ugeblik";
    PreviewTitle => "Før du henter";
    PreviewSummary => "Filen har {responses} svar fra {weeks, plural, one {# uge} other {# uger}} ({from} – {to}): {new} er nye, {same} har du allerede.";
    PreviewNickname => "Filen er mærket: {nickname}";
    ConflictsLegend => "{count} svar er forskellige her og i filen. Sæt hak, hvor filens svar skal bruges:";
    ConflictChoice => "{name}, {week}: brug filens svar (fra {theirs}) i stedet for telefonens (fra {mine})";
    BackupHint => "Gem gerne en sikkerhedskopi af telefonens svar først.";
    BackupButton => "Gem sikkerhedskopi";
    ImportConfirm => "Hent svarene";
    ImportCancel => "Fortryd";
    ErrTooLarge => "Filen er for stor ({size} MB). En fil fra Ugeblik fylder under 5 MB.";
    ErrNotJson => "Filen er ikke en fil fra Ugeblik (den kan ikke læses fra linje {line}, tegn {column}).";
    ErrTruncated => "Filen er ufuldstændig – den er måske ikke kopieret helt. Gem eller kopiér den igen.";
    ErrTooDeep => "Filen er bygget på en måde, som ingen fil fra Ugeblik er.";
    ErrNotAnExport => "Filen er ikke en fil fra Ugeblik.";
    ErrOtherFormat => "Filen er fra et andet program ({format}) og kan ikke hentes her.";
    ErrTooNew => "Filen er lavet af en nyere version af Ugeblik (format {version}). Genindlæs siden, og prøv igen.";
    ErrShape => "Filen er ikke skrevet, som Ugeblik skriver sine filer (linje {line}, tegn {column}).";
    ErrInvalid => "{place}: {problem}.";
    ErrDuplicate => "{place} står to gange i filen.";
    ErrProgression => "{place}: {problem}.";
    PreviewProgression => "Filen har også mål: {goals}, uger med arbejde: {work}, milepæle: {milestones}.";
    ErrNothingChanged => "Intet er ændret på telefonen.";
    ProbUnknownInstrument => "ukendt spørgeskema »{id}«";
    ProbUnknownVersion => "ukendt version »{version}« af {id}";
    ProbUnknownItem => "ukendt spørgsmål »{item}«";
    ProbAbove => "spørgsmål {item}: {value} er over {max}";
    ProbBelow => "spørgsmål {item}: {value} er under {min}";
    ProbMissing => "markeret som færdigt, men spørgsmål {item} mangler";
    ProbWronglyPartial => "markeret som ufærdigt, men alle spørgsmål er besvaret";
    GoalsOpen => "Mål, du arbejder med";
    GoalsNone => "Der er ingen mål endnu. Skriv det første sammen med din konsulent.";
    GoalsClosed => "Afsluttede mål";
    GoalClosedAs => "{outcome} i {week}";
    GoalMeasure => "Sådan ved vi det: {measure}";
    GoalSet => "Sat i {week}";
    GoalBy => "senest {date}";
    GoalTally => "Ja {yes} · delvist {partly} · nej {no}";
    GoalLast => "Senest: {week}: {kept}";
    GoalCloseLabel => "Hvordan sluttede målet?";
    GoalClose => "Afslut målet";
    GoalCloseChoose => "Vælg …";
    GoalCloseMissing => "Vælg først, hvordan målet sluttede.";
    GoalReopen => "Fortryd afslutningen";
    GoalNewTitle => "Nyt mål";
    GoalNewHint => "Skriv med almindelige ord: hvad, hvordan I ved det, og hvornår.";
    GoalWhat => "Hvad vil du gøre?";
    GoalHowKnow => "Hvordan ved I, at det er nået?";
    GoalByLabel => "Senest (frivilligt)";
    GoalReplaces => "Erstatter et mål (frivilligt)";
    GoalReplacesNone => "Nej, det er et nyt mål";
    GoalAdd => "Tilføj målet";
    KeptYes => "ja";
    KeptPartly => "delvist";
    KeptNo => "nej";
    OutcomeReached => "Nået";
    OutcomeChanged => "Ændret";
    OutcomeDropped => "Droppet";
    MilestonesTitle => "Milepæle";
    MilestonesNone => "Der er ingen milepæle endnu.";
    MilestoneNewTitle => "Ny milepæl";
    MilestoneDate => "Dato";
    MilestoneKindLabel => "Hvad skete der?";
    MilestoneText => "Med egne ord (frivilligt, men skal udfyldes ved Andet)";
    MilestoneAdd => "Tilføj milepælen";
    MilestoneRemove => "Fjern";
    MilestoneRemoveLabel => "Fjern milepælen {what}";
    KindPlacementStarted => "Praktik startet";
    KindHoursChanged => "Timer ændret";
    KindPlacementEnded => "Praktik sluttet";
    KindNewMentor => "Ny mentor";
    KindOther => "Andet";
    ErrGoalWhat => "Skriv, hvad målet er.";
    ErrDate => "Vælg en dato, for eksempel 31-01-2027.";
    ErrMilestoneText => "Skriv med egne ord, hvad der skete.";
    ErrOutcome => "Det kunne ikke gemmes. Prøv igen.";
    ChartAttendance => "Fremmøde, dage mødt af dage planlagt (%)";
    GoalsChartTitle => "Mål uge for uge";
    GoalsChartKey => "● ja · ◐ delvist · × nej · tom: ikke besvaret";
    MilestoneSeeList => "Stiplede linjer med tal er milepæle; de står under graferne.";
    WorkLines => "Arbejde og fremmøde";
    MilestoneKey => "Tallene i cirkler er milepæle:";
    ProbEmptyId => "svaret har intet id";
    ProbProgression => "et mål, en uges arbejde eller en milepæl er forkert ({what})";
    AboutText => "Ugeblik er et ugentligt spørgeskema til dig, der er i et forløb på vej mod arbejde eller uddannelse. Du og din konsulent kan bruge svarene til at tale om, hvordan det går.";
    PrivacyTitle => "Dine data";
    PrivacyText => "Dine svar bliver kun gemt i browseren på denne telefon. Intet bliver sendt nogen steder, og der er ingen reklamer eller statistik.";
    SourcesTitle => "Spørgeskemaerne";
    Validated => "Valideret måleinstrument";
    NotValidated => "Ikke valideret – til dialog";
    ExportTitle => "Del dine svar";
    ExportText => "Gem en fil med alle dine svar. Den bliver på telefonen, indtil du selv giver den videre.";
    NicknameLabel => "Kaldenavn eller sagsnummer i filen (frivilligt – aldrig dit CPR-nummer)";
    EmailWarning => "Send ikke filen med almindelig e-mail: den rummer oplysninger om dit helbred, og Datatilsynet kræver, at de sendes krypteret. Giv den til din konsulent i mødet, eller brug den sikre vej, dit forløb tilbyder (fx sikker e-mail eller Digital Post).";
    ConsultantsTitle => "Til konsulenter";
    ConsultantsText => "Har en borger givet dig en fil fra Ugeblik, kan du se den her uden at gemme den:";
    ViewerTitle => "Konsulentvisning – kun til at se";
    ViewerText => "Åbn en fil, som en borger har givet dig, og se graferne. Filen bliver ikke gemt i denne browser, og intet andet her bliver rørt.";
    ViewerChoose => "Åbn en borgers fil";
    ViewerFile => "Fil: {nickname} · {responses} svar";
    ExportFhirButton => "Gem til fagsystem (FHIR)";
    ExportCsvButton => "Gem som regneark (CSV)";
    ExportButton => "Gem fil til din konsulent";
    ReminderTitle => "Påmindelse i din kalender";
    ReminderText => "Få en påmindelse hver uge i telefonens egen kalender. Ugeblik sender ingenting: du får en fil, der lægger en fast aftale i din kalender.";
    ReminderDay => "Dag";
    ReminderTime => "Klokken";
    ReminderButton => "Føj til min kalender";
    Monday => "Mandag";
    Tuesday => "Tirsdag";
    Wednesday => "Onsdag";
    Thursday => "Torsdag";
    Friday => "Fredag";
    Saturday => "Lørdag";
    Sunday => "Søndag";
    SendTitle => "Send til {portal}";
    SendButton => "Send mine svar til {portal}";
    SendConfirm => "Du er ved at sende alle dine svar ({weeks, plural, one {# uge} other {# uger}}, med noter, mål og arbejde) til {portal}. De forlader telefonen. Vil du sende dem?";
    SendYes => "Ja, send mine svar";
    HistoryEmpty => "Der er ingen gemte uger endnu.";
    Who5Score => "Trivsel (WHO-5): {percent} af 100";
    Who5Partial => "Trivsel (WHO-5): ikke alle 5 besvaret, ingen score";
    Skipped => "sprunget over";
    ProgressEmpty => "Der er ingen svar endnu. Grafen kommer, når du har svaret for en uge.";
    LockTitle => "Kodeord";
    LockOffText => "Med et kodeord bliver alt, hvad Ugeblik gemmer på telefonen, låst (krypteret). Uden kodeordet kan ingen læse svarene – heller ikke hvis de låner eller finder telefonen.";
    LockOnText => "Alt, hvad Ugeblik gemmer på telefonen, er låst med dit kodeord.";
    LockWarning => "Vigtigt: Glemmer du kodeordet, er dine svar væk – medmindre du har gemt en kopi som fil. Ingen kan finde kodeordet frem igen, heller ikke din konsulent.";
    LockUnavailable => "Denne browser kan ikke låse data her (det kræver en sikker forbindelse, https).";
    LockCurrent => "Dit nuværende kodeord";
    LockNew => "Nyt kodeord (mindst 8 tegn)";
    LockRepeat => "Skriv det nye kodeord igen";
    LockSet => "Sæt kodeord";
    LockChange => "Skift kodeord";
    LockRemove => "Fjern kodeordet";
    LockRemoveText => "Vil du ikke længere have en lås, så skriv dit kodeord og fjern det. Svarene bliver på telefonen.";
    AutoLockTitle => "Lås af sig selv";
    AutoLockLabel => "Lås, når Ugeblik ikke er brugt i";
    AutoLockMinutes => "{n} min.";
    AutoLockOff => "Virker, når der er sat et kodeord.";
    QuickExitTitle => "Luk hurtigt";
    QuickExitText => "Knappen »Luk hurtigt« øverst lukker Ugeblik med det samme og viser en tom side. Tilbage-knappen viser ikke dine svar. Er der et kodeord, skal det skrives igen.";
    SaveChoice => "Gem";
    EndTitle => "Når forløbet slutter";
    EndText => "Skriv den sidste dag i dit forløb, hvis du vil. Dagen efter beder Ugeblik dig gemme en kopi af svarene og sletter så alt på telefonen. Senest 30 dage efter sletter Ugeblik alt af sig selv.";
    EndLabel => "Sidste dag i forløbet";
    DeleteTitle => "Slet alt";
    DeleteText => "Sletter alle svar, mål, milepæle, noter og indstillinger på denne telefon. Det kan ikke fortrydes. Gem en kopi først, hvis du vil beholde svarene.";
    DeleteConfirmText => "Ja, slet alle mine svar, mål og noter på denne telefon";
    DeleteButton => "Slet alt";
    ExportSeal => "Lås filen med mit kodeord";
    ExportSealHint => "En låst fil kan kun åbnes i Ugeblik med kodeordet.";
    ImportLocked => "Filen er låst med et kodeord. Skriv det kodeord, filen blev låst med.";
    ImportPassphrase => "Filens kodeord";
    ImportOpen => "Åbn filen";
    ImportWrongPassphrase => "Kodeordet passer ikke til filen. Intet er ændret. Prøv igen.";
    ImportLockedBroken => "Filen er låst, men den er ødelagt eller fra en nyere version af Ugeblik ({what}).";
    IcsSummary => "Ugeblik: ugens spørgsmål";
    IcsDescription => "Tid til ugens spørgsmål i Ugeblik. Det tager et par minutter. Svarene bliver på din telefon.";
    ErrWrong => "{place}: {field} skal være {expected}, men filen har {found}.";
    ErrMissing => "{place}: {field} mangler.";
    ErrUnknownField => "{place}: filen har {field}, som ingen fil fra Ugeblik har.";
    ErrOutOfRange => "{place}: {field} er {found}, men Ugeblik viser kun årene {first}–{last}.";
    PlaceFile => "Filen";
    PlaceInstrument => "Spørgeskema nr. {index} i filens liste";
    PlaceResponse => "Svarene for {week} ({name})";
    PlaceResponseIndex => "Svar nr. {index} i filen";
    PlaceGoal => "Målet »{what}«";
    PlaceGoalIndex => "Mål nr. {index} i filen";
    PlaceCheck => "{goal}, svaret for {week}";
    PlaceCheckAny => "{goal}, et af ugernes svar";
    PlaceWork => "Arbejdet i {week}";
    PlaceWorkIndex => "Uge med arbejde nr. {index} i filen";
    PlaceMilestone => "Milepælen {date}";
    PlaceMilestoneIndex => "Milepæl nr. {index} i filen";
    FieldKey => "feltet »{name}«";
    FieldAnswer => "svaret på spørgsmål {item}";
    ExpText => "tekst";
    ExpWhole => "et helt tal fra 0 til {max}";
    ExpYesNo => "true eller false";
    ExpWeek => "en uge skrevet som 2026-W47";
    ExpTime => "et tidspunkt skrevet som 2026-11-20T10:00:00Z";
    ExpLang => "en sprogkode: da, en, ar eller uk";
    ExpOneOf => "et af ordene {words}";
    ExpList => "en liste";
    ExpFields => "en gruppe af felter";
    ProgNoId => "har intet id";
    ProgEmptyGoal => "siger ikke, hvad målet er";
    ProgBadDate => "»{text}« er ikke en dato som 2026-12-31";
    ProgCheckedTwice => "har to svar for {week}";
    ProgTooMany => "feltet »{field}« er {value}, men kan højst være {max}";
    ProgAttended => "har flere dage mødt end planlagt";
    ProgTwice => "står to gange";
    ProgEmptyMilestone => "siger ikke med ord, hvad der skete";
    PreviewAddedTitle => "Det kommer med fra filen til mål, arbejde og milepæle:";
    PreviewNewGoal => "Nyt mål: {what}";
    PreviewNewMilestone => "Ny milepæl: {date} – {what}";
    PreviewNewWork => "Arbejde i {count, plural, one {# uge} other {# uger}} ({from} – {to})";
    PreviewNewChecks => "{count, plural, one {# nyt ugesvar} other {# nye ugesvar}} til mål, du allerede har";
    ChangesLegend => "Mål, arbejde og milepæle, der er forskellige her og i filen ({count}). Sæt hak, hvor filens skal bruges – ellers beholdes telefonens:";
    ChangeGoal => "Målet »{what}«: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})";
    ChangeWork => "Arbejdet i {week}: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})";
    ChangeMilestone => "Milepælen {date} – {what}: brug filens (fra {theirs}) i stedet for telefonens (fra {mine})";
    ReadingLine => "{who}: {what}, {week}, givet {given}";
    RaterNamed => "{role} ({name})";
    RoleCitizen => "Egen vurdering";
    RoleConsultant => "Konsulent";
    RoleMentor => "Mentor";
    RoleEmployer => "Arbejdsplads";
    ProbSelfReportOnly => "{name} besvares kun af borgeren selv, men her har en anden svaret ({role})";
    ProbNotSelfReport => "{name} er en andens vurdering af borgeren, men står som borgerens eget svar";
    ProbWrongRole => "{name} besvares ikke af en i rollen {role}";
    ProbRaterName => "den, der har svaret, må kun stå med initialer eller fornavn – ingen tal og ingen e-mail";
    PairsTitle => "Parathed til job – egen vurdering og andres";
    BothViewsTitle => "Parathed til job – to vurderinger side om side";
    RaterWeek => "{who}, {week}";
    DifferencesTitle => "Her ser I forskelligt på det";
    DifferencesIntro => "{who} ({theirs}) og egen vurdering ({mine}) ligger 3 point eller mere fra hinanden her. Det er noget at tale om – ingen af jer har ret eller forkert.";
    DifferencesNone => "{who} ({theirs}) og egen vurdering ({mine}) ligger under 3 point fra hinanden på alle punkter.";
    DifferenceItem => "{name}: egen vurdering {mine}, {who} {theirs}";
    OthersTitle => "Andres vurderinger";
    OthersText => "En konsulent, en mentor eller en arbejdsplads kan give sin vurdering ved siden af din egen. Dine egne svar ændres aldrig af det. Du ser alle vurderinger her, og du bestemmer, om de vises i mødevisningen.";
    OthersNone => "Ingen har givet en vurdering endnu.";
    ReadingHide => "Skjul i mødevisningen";
    ReadingHidden => "Vurderingen vises ikke i mødevisningen.";
    ReadingShownAgain => "Vurderingen vises igen i mødevisningen.";
    ReadingDelete => "Slet";
    ReadingDeleteNamed => "Slet vurderingen: {what}";
    ReadingDeleteAsk => "Slet denne vurdering for altid? {what}";
    ReadingDeleteYes => "Ja, slet den";
    ReadingDeleted => "Vurderingen er slettet.";
    RaterStart => "Min vurdering";
    RaterIntro => "Her giver du din egen vurdering af borgeren. Borgerens egne svar ændres ikke. Borgeren ser din vurdering og kan skjule eller slette den.";
    RaterWho => "Hvem giver vurderingen?";
    RaterName => "Initialer eller fornavn (frivilligt)";
    RaterNameHint => "Ikke CPR-nummer og ikke e-mail.";
    RaterNameRefused => "Skriv kun initialer eller et fornavn – uden tal og uden @.";
    RaterBegin => "Start vurderingen";
    RaterWhose => "{who} vurderer – det er ikke borgerens egne svar";
    RaterReview => "{count} af {total} spørgsmål besvaret.";
    RaterSave => "Gem vurderingen";
    RaterSaved => "Vurderingen er gemt ved siden af borgerens egne svar.";
    RaterBack => "Tilbage til udviklingen";
    ViewOthers => "Parathed til job – to vurderinger";
    ViewWorkplace => "Arbejdspladsens vurdering";
    PreviewReadingsOnly => "Filen har {count, plural, one {# vurdering} other {# vurderinger}} af dig fra andre – ingen af dine egne svar.";
    PreviewReadingsTitle => "Vurderinger af dig fra andre. De gemmes ved siden af dine egne svar, som ikke ændres:";
    RaterStandaloneTitle => "Vurdering af en borger";
    RaterIntroFile => "Her giver du din vurdering af en borger. Intet gemmes på denne enhed: vurderingen gemmes som en fil, som du giver borgeren. Borgeren ser den og vælger selv, om den skal gemmes ved siden af borgerens egne svar.";
    RaterCitizen => "Borgerens kaldenavn eller sagsnummer";
    RaterCitizenHint => "Det, borgeren kender filen ved. Aldrig et CPR-nummer.";
    RaterCitizenRefused => "Skriv borgerens kaldenavn eller sagsnummer (højst 40 tegn) – aldrig et CPR-nummer.";
    RaterSaveFile => "Gem vurderingen som fil";
    RaterFileSaved => "Vurderingen er gemt som filen {name}.";
    RaterFileText => "Giv filen til borgeren. Borgeren henter den i Ugeblik under »Tidligere uger« og vælger selv, om den skal gemmes. Intet er gemt på denne enhed.";
    RaterAgain => "Giv en ny vurdering";
    DifferencesShort => "Her ser I forskelligt på det (3 point eller mere): {names}.";
    DifferencesNoneShort => "I ser det ens: under 3 point fra hinanden på alle punkter.";
}
}

messages! {
/// A text of the consultant's caseload and the provider's report (`?caseload`): in a
/// table of its own, so that only the caseload's part carries its Danish and reads its
/// pack's texts (`pack::install_caseload`).
CaseloadMsg / Caseload {
    CaseloadTitle => "Sagsstamme";
    CaseloadIntro => "Her samler du de filer, dine borgere har givet dig, og følger dem over tid. Alt bliver på denne computer, låst med dit eget kodeord, og blandes aldrig med svar, du selv har givet i Ugeblik.";
    CaseloadNewPassphrase => "Vælg et kodeord til sagsstammen (mindst 8 tegn)";
    CaseloadRepeat => "Skriv kodeordet igen";
    CaseloadPassphrase => "Sagsstammens kodeord";
    CaseloadUnlock => "Åbn sagsstammen";
    CaseloadCreate => "Opret sagsstammen";
    CaseloadWrong => "Kodeordet passer ikke. Prøv igen.";
    CaseloadForgot => "Glemmer du kodeordet, kan sagsstammen ikke åbnes igen. Borgernes filer har du stadig, og du kan fjerne sagsstammen og tilføje dem på ny.";
    CaseloadStorageFailed => "Browseren vil ikke gemme sagsstammen her ({why}). I et privat vindue kan den ikke gemmes.";
    CaseloadDamaged => "Sagsstammens lås kan ikke læses. Intet er ændret.";
    CaseloadAdd => "Tilføj borgeres filer (vælg gerne mange)";
    CaseloadAddFolder => "Eller tilføj en hel mappe";
    CaseloadReading => "Læser {n, plural, one {# fil} other {# filer}} …";
    CaseloadAdded => "{n, plural, one {# borger tilføjet} other {# borgere tilføjet}}.";
    CaseloadRefusedTitle => "{n, plural, one {# fil blev ikke tilføjet:} other {# filer blev ikke tilføjet:}}";
    CaseloadRefused => "{file}: {why}";
    CaseloadLocked => "Filen er låst med borgerens kodeord. Åbn den i konsulentvisningen, eller bed om en fil uden kodeord.";
    CaseloadTooLarge => "Filen er for stor. En fil fra Ugeblik fylder under 5 MB.";
    CaseloadUpdateTitle => "Nyere filer fra borgere, du allerede har";
    CaseloadUpdate => "{name}: {new, plural, one {# ny uge} other {# nye uger}}, {changed, plural, one {# ændret svar} other {# ændrede svar}}, {missing, plural, one {# uge er ikke i filen} other {# uger er ikke i filen}}.";
    CaseloadUpdateOlder => "Filen er ældre end den, du har.";
    CaseloadUpdateSame => "{name}: filen er den samme, som du har. Intet er ændret.";
    CaseloadUpdateYes => "Opdater {name}";
    CaseloadUpdateNo => "Behold den, jeg har";
    CaseloadUpdated => "{name} er opdateret.";
    CaseloadEmpty => "Der er ingen borgere i sagsstammen endnu. Tilføj de filer, borgerne har givet dig.";
    CaseloadFilter => "Vis kun";
    CaseloadSearch => "Kaldenavn eller sagsnummer";
    CaseloadBandLabel => "Trivsel (WHO-5)";
    CaseloadAll => "Alle";
    CaseloadTalkOnly => "Kun dem med »tal om det«";
    CaseloadRecentLabel => "Svar de seneste 8 uger";
    CaseloadRecentNone => "Ingen svar";
    CaseloadRecentFew => "Højst 4 uger";
    CaseloadGoalsOpen => "Kun dem med åbne mål";
    CaseloadShown => "Viser {shown} af {total}.";
    CaseloadCaption => "Borgerne i sagsstammen";
    CaseloadSortHint => "Vælg en kolonnes overskrift for at sortere efter den – igen for den modsatte vej.";
    ColName => "Kaldenavn";
    ColLastWeek => "Seneste uge";
    ColRecent => "Svar, seneste 8 uger";
    ColWho5 => "WHO-5";
    ColChange => "Ændring siden start";
    ColBand => "Niveau";
    ColHours => "Timer planlagt → arbejdet (første · seneste)";
    ColGoals => "Mål åbne · nået";
    ColTalk => "Tal om det";
    ColRemove => "Fjern";
    TalkMark => "Tal om det";
    TalkWhy => "WHO-5 er 28 eller under, eller faldet 10 eller mere: noget at tale om – ikke en vurdering.";
    CaseloadOpen => "Åbn {name}";
    CaseloadRemove => "Fjern {name}";
    CaseloadRemoveConfirm => "Fjern {name} fra sagsstammen? Filen, du fik, bliver ikke rørt.";
    CaseloadRemoveYes => "Ja, fjern";
    CaseloadRemoved => "{name} er fjernet.";
    CaseloadRemoveAll => "Fjern hele sagsstammen";
    CaseloadRemoveAllConfirm => "Fjern alle borgere og sagsstammens kodeord fra denne computer? Det kan ikke fortrydes.";
    CaseloadRemoveAllYes => "Ja, fjern alt";
    CaseloadRemovedAll => "Sagsstammen er fjernet fra denne computer.";
    CaseloadCancel => "Fortryd";
    CaseloadBack => "Tilbage til sagsstammen";
    CaseloadReadOnly => "{name} – kun til at se";
    CaseloadUnreadable => "{n, plural, one {# borger kan ikke læses} other {# borgere kan ikke læses}} og bliver liggende urørt.";
    CaseloadHours => "{planned} → {worked} t";
    CaseloadNoName => "(uden kaldenavn)";
    ReportTitle => "Rapport til kommunen";
    ReportIntro => "En anonym opgørelse for en periode: ingen kaldenavne og ingen fritekst, og ethvert tal, der bygger på færre end 5 borgere, vises som »< 5«.";
    ReportFrom => "Fra uge (fx 2026-W01)";
    ReportTo => "Til og med uge";
    ReportSource => "Borgerne i rapporten";
    ReportFromCaseload => "Sagsstammen ({n} borgere)";
    ReportFromFiles => "Filerne herunder ({n}) – fx en mappe fra flere konsulenter; de gemmes ikke";
    ReportFiles => "Vælg filer til rapporten";
    ReportFolder => "Eller en mappe til rapporten";
    ReportMake => "Lav rapporten";
    ReportWeekError => "Skriv ugen som år og uge, fx 2026-W01.";
    ReportOrder => "Fra-ugen skal ligge før til-ugen.";
    ReportPeriod => "Periode: {from} – {to}";
    ReportCitizens => "Borgere med svar i perioden";
    ReportWeeks => "Uger besvaret i alt";
    ReportMedians => "Median første og seneste værdi i perioden";
    ReportMeasure => "Mål";
    ReportCount => "Borgere";
    ReportFirst => "Første (median)";
    ReportLatest => "Seneste (median)";
    ReportWho5Change => "Trivsel (WHO-5): steget eller faldet 10 point eller mere";
    ReportPairs => "Borgere med WHO-5 i to forskellige uger";
    ReportRose => "Steget 10 eller mere";
    ReportFell => "Faldet 10 eller mere";
    ReportShare => "Andel";
    ReportBands => "WHO-5-niveau ved første (rækker) og seneste svar (kolonner)";
    ReportBandCorner => "Første \\ seneste";
    ReportWork => "Arbejde og fremmøde";
    ReportHoursCitizens => "Borgere med arbejdstimer";
    ReportHoursFirst => "Timer arbejdet første uge (median)";
    ReportHoursLatest => "Timer arbejdet seneste uge (median)";
    ReportAttendance => "Fremmøde, dage mødt af dage planlagt (%)";
    ReportGoals => "Delmål i perioden";
    ReportGoalsSet => "Sat";
    ReportGoalsReached => "Nået";
    ReportGoalsChanged => "Ændret";
    ReportGoalsDropped => "Droppet";
    ReportFigure => "Tal";
    ReportValue => "Værdi";
    ReportRadar => "{name}: median første og seneste svar";
    ReportCsv => "Gem rapporten som CSV";
    ReportPrint => "Udskriv rapporten (A4)";
    ReportNone => "Der er ingen borgere at lave en rapport over endnu.";
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
    fn every_danish_message_is_there_with_danish_plurals() {
        // The other languages are packs: tests/languages.rs checks each against these.
        let all = Msg::ALL.iter().map(|m| (m.key(), m.get(Lang::Da)));
        let chart = ChartMsg::ALL.iter().map(|m| (m.key(), m.get(Lang::Da)));
        for (name, da) in all.chain(chart) {
            assert!(!da.trim().is_empty(), "{name} is empty");
            for (block, categories) in plural_blocks(da) {
                assert_eq!(categories, plural_categories(Lang::Da), "{name} {block}");
            }
        }
    }

    #[test]
    fn english_is_danish_until_its_pack_is_loaded() {
        assert_eq!(Msg::Back.get(Lang::En), "Tilbage");
        pack::install_english();
        assert_eq!(Msg::Back.get(Lang::En), "Back");
        assert_eq!(Msg::Back.get(Lang::Da), "Tilbage");
    }

    #[test]
    fn filling_replaces_every_placeholder() {
        pack::install_english();
        assert_eq!(Msg::Progress.fill(Lang::Da, &[("n", "3"), ("total", "18")]), "Spørgsmål 3 af 18");
        assert_eq!(Msg::Progress.fill(Lang::En, &[("n", "3"), ("total", "18")]), "Question 3 of 18");
    }

    #[test]
    fn a_value_is_never_filled_again() {
        pack::install_english();
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
        pack::install_english();
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
        pack::install_english();
        check_dates("2026-W47", "16.–22. nov. 2026", "16–22 Nov 2026");
        check_dates("2026-W49", "30. nov. – 6. dec. 2026", "30 Nov – 6 Dec 2026");
        check_dates("2026-W53", "28. dec. 2026 – 3. jan. 2027", "28 Dec 2026 – 3 Jan 2027");
        assert_eq!(week_label(Lang::Da, "2026-W47".parse().unwrap()), "Uge 47");
        assert_eq!(week_label_with_year(Lang::En, "2026-W07".parse().unwrap()), "Week 7, 2026");
    }
}
