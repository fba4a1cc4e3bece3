//! The instruments, as data. Every text of every instrument, in every language, lives here
//! and nowhere else; the UI renders whatever this catalogue holds. A changed wording is a
//! new version: a stored response names the instrument id and version it was given in.
//!
//! The texts are those of `shared/domain/INSTRUMENTS.md`. The WHO-5 wording must not be
//! changed; the notice that goes with it is kept beside it.

use serde::Serialize;

use crate::domain::lang::{Lang, Text};

/// How far back a question asks the citizen to look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Recall {
    LastTwoWeeks,
    ThisWeek,
}

impl Recall {
    /// The code used in exports.
    pub fn code(self) -> &'static str {
        match self {
            Recall::LastTwoWeeks => "P2W",
            Recall::ThisWeek => "P1W",
        }
    }
}

/// The answers a question offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Scale {
    /// The six WHO-5 options, 5 ("All of the time") down to 0 ("At no time").
    Who5,
    /// Eleven buttons 0–10 with labelled endpoints (not a slider).
    Rating { low: Text, high: Text },
    /// A whole number of hours a week, 0 to `max`.
    Hours { max: u8 },
}

/// The WHO-5 answer options in the order they are shown, with their item weights.
pub const WHO5_OPTIONS: [(u8, Text); 6] = [
    (5, Text::new("Hele tiden", "All of the time")),
    (4, Text::new("Det meste af tiden", "Most of the time")),
    (3, Text::new("Lidt mere end halvdelen af tiden", "More than half of the time")),
    (2, Text::new("Lidt mindre end halvdelen af tiden", "Less than half of the time")),
    (1, Text::new("Lidt af tiden", "Some of the time")),
    (0, Text::new("På intet tidspunkt", "At no time")),
];

impl Scale {
    /// The smallest and largest value an answer may have.
    pub fn bounds(&self) -> (u8, u8) {
        match self {
            Scale::Who5 => (0, 5),
            Scale::Rating { .. } => (0, 10),
            Scale::Hours { max } => (0, *max),
        }
    }

    /// Every value the scale offers, in the order they are shown.
    pub fn values(&self) -> Vec<u8> {
        match self {
            Scale::Who5 => WHO5_OPTIONS.iter().map(|(value, _)| *value).collect(),
            _ => {
                let (low, high) = self.bounds();
                (low..=high).collect()
            }
        }
    }

    /// The label of a WHO-5 option, or `None` for other scales and values.
    pub fn who5_label(&self, value: u8) -> Option<Text> {
        match self {
            Scale::Who5 => WHO5_OPTIONS.iter().find(|(v, _)| *v == value).map(|(_, label)| *label),
            _ => None,
        }
    }
}

/// One question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// Stable identifier of the question within its instrument (FHIR `linkId`).
    pub link_id: &'static str,
    /// The question, exactly as asked.
    pub text: Text,
    /// A one- or two-word name for compact views (history, charts).
    pub short: Text,
    /// "What we mean": a concrete explanation with examples.
    pub help: Text,
    pub scale: Scale,
    /// An optional item does not make a response partial when left out.
    pub optional: bool,
}

/// One version of one instrument.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Instrument {
    pub id: &'static str,
    pub version: &'static str,
    pub name: Text,
    /// Whether the instrument is a validated measure (only the WHO-5 is).
    pub validated: bool,
    /// Where it comes from, for the citizen, the consultant and exports.
    pub source: &'static str,
    /// Shown with the questions: the attribution, or that it is not validated.
    pub notice: Text,
    pub recall: Recall,
    /// Words said before each item ("Over the last two weeks…"); empty where the items
    /// already contain them.
    pub lead_in: Text,
    /// SNOMED CT code of the questionnaire, where one exists. Never invented.
    pub snomed: Option<&'static str>,
    pub items: &'static [Item],
    /// The languages its texts are translated into beyond the Danish and English originals
    /// (the language packs hold the texts). The WHO-5 has none: only its official versions.
    pub translations: &'static [Translation],
}

/// A translation of an instrument's texts, and whether anyone has reviewed it yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Translation {
    pub lang: Lang,
    pub reviewed: bool,
}

/// The app's own instruments in Arabic and Ukrainian: translated, not yet reviewed.
pub const UNREVIEWED: [Translation; 2] =
    [Translation { lang: Lang::Ar, reviewed: false }, Translation { lang: Lang::Uk, reviewed: false }];

impl Instrument {
    /// Whether its texts in `lang` are a translation nobody has reviewed yet.
    pub fn unreviewed_in(&self, lang: Lang) -> bool {
        self.translations.iter().any(|t| t.lang == lang && !t.reviewed)
    }

    /// The language its questions are shown in when the app speaks `lang`: `lang` itself,
    /// or, for an instrument with no version in `lang` (the WHO-5 in Arabic), `official`
    /// (the citizen's choice among its official versions, English if none).
    pub fn shown_in(&self, lang: Lang, official: Option<Lang>) -> Lang {
        if lang.in_catalogue() || self.translations.iter().any(|t| t.lang == lang) {
            lang
        } else {
            official.filter(|l| l.in_catalogue()).unwrap_or(Lang::En)
        }
    }

    /// Whether this is an easy-read version.
    pub fn is_easy(&self) -> bool {
        self.version == EASY_VERSION
    }

    pub fn item(&self, link_id: &str) -> Option<&'static Item> {
        self.items.iter().find(|item| item.link_id == link_id)
    }

    /// The items that must be answered for a response to be complete.
    pub fn required_items(&self) -> impl Iterator<Item = &'static Item> {
        self.items.iter().filter(|item| !item.optional)
    }
}

const WHO5_ITEMS: [Item; 5] = [
    Item {
        link_id: "1",
        text: Text::new(
            "I de sidste 2 uger har jeg været glad og i godt humør",
            "I have felt cheerful and in good spirits",
        ),
        short: Text::keyed("who5.1.short", "Glad", "Cheerful"),
        help: Text::keyed(
            "who5.1.help",
            "Hvor tit du har været i godt humør – glad, let til sinds, har kunnet smile eller grine.",
            "How often you have been in a good mood – happy, light-hearted, able to smile or laugh.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
    Item {
        link_id: "2",
        text: Text::new(
            "I de sidste 2 uger har jeg følt mig rolig og afslappet",
            "I have felt calm and relaxed",
        ),
        short: Text::keyed("who5.2.short", "Rolig", "Calm"),
        help: Text::keyed(
            "who5.2.help",
            "Hvor tit du har følt dig i ro – uden at være anspændt, bekymret eller urolig.",
            "How often you have felt at ease – not tense, worried or restless.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
    Item {
        link_id: "3",
        text: Text::new(
            "I de sidste 2 uger har jeg følt mig aktiv og energisk",
            "I have felt active and vigorous",
        ),
        short: Text::keyed("who5.3.short", "Aktiv", "Active"),
        help: Text::keyed(
            "who5.3.help",
            "Hvor tit du har haft energi til at gøre ting, både i kroppen og i hovedet.",
            "How often you have had the energy to do things, in your body and in your head.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
    Item {
        link_id: "4",
        text: Text::new(
            "I de sidste 2 uger er jeg vågnet frisk og udhvilet",
            "I woke up feeling fresh and rested",
        ),
        short: Text::keyed("who5.4.short", "Udhvilet", "Rested"),
        help: Text::keyed(
            "who5.4.help",
            "Hvor tit du er vågnet og har følt, at du havde sovet nok og var klar til dagen.",
            "How often you have woken up feeling that you had slept enough and were ready for the day.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
    Item {
        link_id: "5",
        text: Text::new(
            "I de sidste 2 uger har min dagligdag været fyldt med ting der interesserer mig",
            "My daily life has been filled with things that interest me",
        ),
        short: Text::keyed("who5.5.short", "Interesse", "Interest"),
        help: Text::keyed(
            "who5.5.help",
            "Hvor tit dine dage har haft ting i sig, som du gik op i eller glædede dig til – derhjemme, i praktik, med andre eller alene.",
            "How often your days have had things in them that you cared about or looked forward to – at home, at a placement, with others or alone.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
];

const CHIME_SCALE: Scale = Scale::Rating {
    low: Text::keyed("chime5.low", "Slet ikke", "Not at all"),
    high: Text::keyed("chime5.high", "I meget høj grad", "Very much"),
};

const CHIME_ITEMS: [Item; 5] = [
    Item {
        link_id: "chime-c",
        text: Text::keyed(
            "chime5.chime-c.text",
            "Hvor meget har du i denne uge følt dig forbundet med andre mennesker?",
            "This week, how connected have you felt to other people?",
        ),
        short: Text::keyed("chime5.chime-c.short", "Forbundethed", "Connectedness"),
        help: Text::keyed(
            "chime5.chime-c.help",
            "Familie, venner, naboer, kolleger, grupper, fællesskaber på nettet.",
            "Family, friends, neighbours, colleagues, groups, online communities.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-h",
        text: Text::keyed(
            "chime5.chime-h.text",
            "Hvor meget håb har du i denne uge haft for din fremtid?",
            "This week, how hopeful have you felt about your future?",
        ),
        short: Text::keyed("chime5.chime-h.short", "Håb", "Hope"),
        help: Text::keyed(
            "chime5.chime-h.help",
            "Planer, drømme, at tro på, at tingene kan blive bedre.",
            "Plans, dreams, believing things can get better.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-i",
        text: Text::keyed(
            "chime5.chime-i.text",
            "Hvor meget har du i denne uge følt dig okay med den, du er?",
            "This week, how OK have you felt with who you are?",
        ),
        short: Text::keyed("chime5.chime-i.short", "Identitet", "Identity"),
        help: Text::keyed(
            "chime5.chime-i.help",
            "At se dig selv som mere end problemer eller diagnoser.",
            "Seeing yourself as more than problems or diagnoses.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-m",
        text: Text::keyed(
            "chime5.chime-m.text",
            "Hvor meget har du i denne uge lavet ting, der betyder noget for dig?",
            "This week, how much have you done things that matter to you?",
        ),
        short: Text::keyed("chime5.chime-m.short", "Mening", "Meaning"),
        help: Text::keyed(
            "chime5.chime-m.help",
            "Roller, mål og aktiviteter, som du sætter pris på.",
            "Roles, goals, activities you value.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-e",
        text: Text::keyed(
            "chime5.chime-e.text",
            "Hvor meget har du i denne uge følt, at du selv kan bestemme over dit liv?",
            "This week, how much have you felt you can decide over your own life?",
        ),
        short: Text::keyed("chime5.chime-e.short", "Selvbestemmelse", "Empowerment"),
        help: Text::keyed(
            "chime5.chime-e.help",
            "At træffe valg, bruge dine styrker, selv tage skridt.",
            "Making choices, using your strengths, taking steps yourself.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
];

const JOB_SCALE: Scale = Scale::Rating {
    low: Text::keyed("jobready7.low", "Slet ikke", "Not at all"),
    high: Text::keyed("jobready7.high", "Fuldt ud", "Fully"),
};

const JOB_ITEMS: [Item; 8] = [
    Item {
        link_id: "job-ability",
        text: Text::keyed(
            "jobready7.job-ability.text",
            "Hvor godt føler du dig i stand til at arbejde lige nu?",
            "How able do you feel to work right now?",
        ),
        short: Text::keyed("jobready7.job-ability.short", "Arbejdsevne", "Work ability"),
        help: Text::keyed(
            "jobready7.job-ability.help",
            "Din egen fornemmelse af, hvor meget arbejde din krop og dit hoved kan klare nu – ikke hvad andre forventer.",
            "Your own sense of how much work your body and mind can manage now – not what others expect.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-belief",
        text: Text::keyed(
            "jobready7.job-belief.text",
            "Hvor meget tror du på, at du kan få eller beholde et job, der passer til dig?",
            "How much do you believe you can get or keep a job that suits you?",
        ),
        short: Text::keyed("jobready7.job-belief.short", "Tro på job", "Belief"),
        help: Text::keyed(
            "jobready7.job-belief.help",
            "Om du tror, at et job, der passer til dig, er inden for rækkevidde – nu eller senere.",
            "Whether you think a job that suits you is within reach – now or later.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-health",
        text: Text::keyed(
            "jobready7.job-health.text",
            "Hvor godt klarer du dit helbred (krop og psyke) i hverdagen?",
            "How well are you managing your health (body and mind) in everyday life?",
        ),
        short: Text::keyed("jobready7.job-health.short", "Helbred", "Health"),
        help: Text::keyed(
            "jobready7.job-health.help",
            "Fx søvn, smerter, medicin, energi og bekymringer – og hvordan du håndterer dem fra dag til dag.",
            "For example sleep, pain, medicine, energy and worries – and how you handle them from day to day.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-everyday",
        text: Text::keyed(
            "jobready7.job-everyday.text",
            "Hvor godt hænger din hverdag sammen (søvn, mad, aftaler, økonomi, bolig)?",
            "How well does your everyday life work (sleep, meals, appointments, money, housing)?",
        ),
        short: Text::keyed("jobready7.job-everyday.short", "Hverdag", "Everyday"),
        help: Text::keyed(
            "jobready7.job-everyday.help",
            "Om de praktiske ting i dit liv er på plads, så der er plads til arbejde.",
            "Whether the practical things in your life are in place, so that there is room for work.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-cooperation",
        text: Text::keyed(
            "jobready7.job-cooperation.text",
            "Hvor tryg er du ved at arbejde sammen med andre på en arbejdsplads?",
            "How confident do you feel about working together with others at a workplace?",
        ),
        short: Text::keyed("jobready7.job-cooperation.short", "Samarbejde", "Cooperation"),
        help: Text::keyed(
            "jobready7.job-cooperation.help",
            "Fx at bede om hjælp, tage imod en besked, tale med kolleger, være en del af en gruppe.",
            "For example asking for help, taking instructions, talking with colleagues, being part of a group.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-search",
        text: Text::keyed(
            "jobready7.job-search.text",
            "Hvor meget har du i denne uge gjort for at komme tættere på arbejde (fx kigget på job, kontaktet en arbejdsplads, praktik)?",
            "This week, how much have you done to get closer to work (e.g. looked at jobs, contacted a workplace, internship)?",
        ),
        short: Text::keyed("jobready7.job-search.short", "Skridt", "Steps"),
        help: Text::keyed(
            "jobready7.job-search.help",
            "Tæl alle skridt med, små og store, som du har taget i denne uge.",
            "Count every step, small or big, that you took this week.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-skills",
        text: Text::keyed(
            "jobready7.job-skills.text",
            "Hvor godt passer dine kompetencer og erfaringer til det arbejde, du gerne vil have?",
            "How well do your skills and experience fit the work you want?",
        ),
        short: Text::keyed("jobready7.job-skills.short", "Kompetencer", "Skills"),
        help: Text::keyed(
            "jobready7.job-skills.help",
            "Det, du kan og har lavet før, sammenlignet med det arbejde, du gerne vil have.",
            "What you can do and have done before, compared with the work you would like.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-hours",
        text: Text::keyed(
            "jobready7.job-hours.text",
            "Cirka hvor mange timer om ugen kunne du arbejde lige nu?",
            "About how many hours a week could you work right now?",
        ),
        short: Text::keyed("jobready7.job-hours.short", "Timer", "Hours"),
        help: Text::keyed(
            "jobready7.job-hours.help",
            "Fuld tid er 37 timer om ugen. Vælg det antal timer, der føles realistisk nu – også hvis det er 0.",
            "Full time is 37 hours a week. Choose the number of hours that feels realistic now – even if it is 0.",
        ),
        scale: Scale::Hours { max: 37 },
        optional: true,
    },
];

/// The easy-read versions of the app's own instruments: the same questions in shorter,
/// plainer words, with the same `linkId`s and scales. A separate version (`1-easy`), so a
/// response says which wording it answered.
const CHIME_EASY_SCALE: Scale = Scale::Rating {
    low: Text::keyed("chime5-easy.low", "Nej, slet ikke", "No, not at all"),
    high: Text::keyed("chime5-easy.high", "Ja, meget", "Yes, very much"),
};

const CHIME_EASY_ITEMS: [Item; 5] = [
    Item {
        link_id: "chime-c",
        text: Text::keyed(
            "chime5-easy.chime-c.text",
            "Har du i denne uge følt dig tæt på andre mennesker?",
            "This week, did you feel close to other people?",
        ),
        short: Text::keyed("chime5.chime-c.short", "Forbundethed", "Connectedness"),
        help: Text::keyed(
            "chime5-easy.chime-c.help",
            "For eksempel familie, venner eller folk på arbejdet.",
            "For example family, friends or people at work.",
        ),
        scale: CHIME_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-h",
        text: Text::keyed(
            "chime5-easy.chime-h.text",
            "Har du i denne uge haft håb for fremtiden?",
            "This week, did you have hope for the future?",
        ),
        short: Text::keyed("chime5.chime-h.short", "Håb", "Hope"),
        help: Text::keyed(
            "chime5-easy.chime-h.help",
            "Tror du, at det kan blive bedre?",
            "Do you think things can get better?",
        ),
        scale: CHIME_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-i",
        text: Text::keyed(
            "chime5-easy.chime-i.text",
            "Har du i denne uge været okay med dig selv?",
            "This week, did you feel OK with yourself?",
        ),
        short: Text::keyed("chime5.chime-i.short", "Identitet", "Identity"),
        help: Text::keyed(
            "chime5-easy.chime-i.help",
            "Du er mere end dine problemer.",
            "You are more than your problems.",
        ),
        scale: CHIME_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-m",
        text: Text::keyed(
            "chime5-easy.chime-m.text",
            "Har du i denne uge lavet ting, der betyder noget for dig?",
            "This week, did you do things that matter to you?",
        ),
        short: Text::keyed("chime5.chime-m.short", "Mening", "Meaning"),
        help: Text::keyed(
            "chime5-easy.chime-m.help",
            "For eksempel en hobby, at hjælpe nogen eller en opgave, du synes er vigtig.",
            "For example a hobby, helping someone, or a task you care about.",
        ),
        scale: CHIME_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-e",
        text: Text::keyed(
            "chime5-easy.chime-e.text",
            "Har du i denne uge selv bestemt over ting i dit liv?",
            "This week, did you decide things in your own life?",
        ),
        short: Text::keyed("chime5.chime-e.short", "Selvbestemmelse", "Empowerment"),
        help: Text::keyed(
            "chime5-easy.chime-e.help",
            "For eksempel at vælge noget selv eller tage et skridt selv.",
            "For example choosing something or taking a step yourself.",
        ),
        scale: CHIME_EASY_SCALE,
        optional: false,
    },
];

const JOB_EASY_SCALE: Scale = Scale::Rating {
    low: Text::keyed("jobready7-easy.low", "Nej, slet ikke", "No, not at all"),
    high: Text::keyed("jobready7-easy.high", "Ja, helt", "Yes, fully"),
};

const JOB_EASY_ITEMS: [Item; 8] = [
    Item {
        link_id: "job-ability",
        text: Text::keyed("jobready7-easy.job-ability.text", "Kan du arbejde lige nu?", "Can you work right now?"),
        short: Text::keyed("jobready7.job-ability.short", "Arbejdsevne", "Work ability"),
        help: Text::keyed(
            "jobready7-easy.job-ability.help",
            "Tænk på, hvordan du har det nu.",
            "Think about how you feel now.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-belief",
        text: Text::keyed(
            "jobready7-easy.job-belief.text",
            "Tror du, at du kan få et job, der passer til dig?",
            "Do you believe you can get a job that suits you?",
        ),
        short: Text::keyed("jobready7.job-belief.short", "Tro på job", "Belief"),
        help: Text::keyed(
            "jobready7-easy.job-belief.help",
            "Eller beholde det job, du har.",
            "Or keep the job you have.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-health",
        text: Text::keyed(
            "jobready7-easy.job-health.text",
            "Kan du passe på dit helbred hver dag?",
            "Can you take care of your health every day?",
        ),
        short: Text::keyed("jobready7.job-health.short", "Helbred", "Health"),
        help: Text::keyed(
            "jobready7-easy.job-health.help",
            "Både din krop og dine tanker og følelser.",
            "Both your body and your thoughts and feelings.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-everyday",
        text: Text::keyed("jobready7-easy.job-everyday.text", "Fungerer din hverdag?", "Does your everyday life work?"),
        short: Text::keyed("jobready7.job-everyday.short", "Hverdag", "Everyday"),
        help: Text::keyed(
            "jobready7-easy.job-everyday.help",
            "For eksempel søvn, mad, aftaler, penge og bolig.",
            "For example sleep, food, appointments, money and home.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-cooperation",
        text: Text::keyed(
            "jobready7-easy.job-cooperation.text",
            "Er du tryg ved at arbejde sammen med andre?",
            "Do you feel safe working together with others?",
        ),
        short: Text::keyed("jobready7.job-cooperation.short", "Samarbejde", "Cooperation"),
        help: Text::keyed(
            "jobready7-easy.job-cooperation.help",
            "For eksempel med kolleger på en arbejdsplads.",
            "For example with colleagues at a workplace.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-search",
        text: Text::keyed(
            "jobready7-easy.job-search.text",
            "Har du i denne uge gjort noget for at komme tættere på et job?",
            "This week, did you do something to get closer to a job?",
        ),
        short: Text::keyed("jobready7.job-search.short", "Skridt", "Steps"),
        help: Text::keyed(
            "jobready7-easy.job-search.help",
            "For eksempel kigget på job, ringet til en arbejdsplads eller været i praktik.",
            "For example looked at jobs, called a workplace, or been at a placement.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-skills",
        text: Text::keyed(
            "jobready7-easy.job-skills.text",
            "Passer det, du kan, til det arbejde, du vil have?",
            "Does what you can do fit the work you want?",
        ),
        short: Text::keyed("jobready7.job-skills.short", "Kompetencer", "Skills"),
        help: Text::keyed(
            "jobready7-easy.job-skills.help",
            "Det, du har lært, og det, du har lavet før.",
            "What you have learned and what you have done before.",
        ),
        scale: JOB_EASY_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-hours",
        text: Text::keyed(
            "jobready7-easy.job-hours.text",
            "Hvor mange timer om ugen kan du arbejde lige nu?",
            "How many hours a week can you work right now?",
        ),
        short: Text::keyed("jobready7.job-hours.short", "Timer", "Hours"),
        help: Text::keyed("jobready7-easy.job-hours.help", "Et helt tal fra 0 til 37.", "A whole number from 0 to 37."),
        scale: Scale::Hours { max: 37 },
        optional: true,
    },
];

/// The version of an instrument's easy-read wording.
pub const EASY_VERSION: &str = "1-easy";

pub const WHO5_ID: &str = "who5";
pub const CHIME_ID: &str = "chime5";
pub const JOB_ID: &str = "jobready7";

/// Every instrument version the app knows, in the order a check-in asks them.
pub static CATALOGUE: [Instrument; 5] = [
    Instrument {
        id: WHO5_ID,
        version: "1",
        name: Text::keyed("who5.name", "WHO-5 Trivselsindeks", "WHO-5 Well-Being Index"),
        validated: true,
        source: "WHO-5 Well-Being Index © World Health Organization 1998; Psykiatrisk Center Nordsjælland. Danish text as in KL's FHIR profile (hl7dk/KL-dk-tools).",
        notice: Text::new(
            "WHO-5 Trivselsindeks / WHO-5 Well-Being Index © World Health Organization 1998; Psykiatrisk Center Nordsjælland. Gengivet uændret. Frit at bruge.",
            "WHO-5 Trivselsindeks / WHO-5 Well-Being Index © World Health Organization 1998; Psykiatrisk Center Nordsjælland. Reproduced unchanged. Free to use.",
        ),
        recall: Recall::LastTwoWeeks,
        lead_in: Text::new("", "Over the last two weeks…"),
        snomed: Some("1144665009"),
        items: &WHO5_ITEMS,
        translations: &[],
    },
    Instrument {
        id: CHIME_ID,
        version: "1",
        name: Text::keyed("chime5.name", "Personlig recovery (CHIME)", "Personal recovery (CHIME)"),
        validated: false,
        source: "Own wording inspired by the CHIME framework of personal recovery (Leamy et al. 2011, Br J Psychiatry 199:445–452). Not validated.",
        notice: Text::keyed(
            "chime5.notice",
            "Egen selvvurdering inspireret af CHIME-rammen. Ikke et valideret måleinstrument – bruges til dialog, ikke til vurdering.",
            "Own self-rating inspired by the CHIME framework. Not a validated instrument – for dialogue, not assessment.",
        ),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &CHIME_ITEMS,
        translations: &UNREVIEWED,
    },
    Instrument {
        id: JOB_ID,
        version: "1",
        name: Text::keyed("jobready7.name", "Parathed til job", "Job readiness"),
        validated: false,
        source: "Own wording; dimensions follow public frameworks as concepts only (Væksthuset's BIP indicators, VIVE's review of progression indicators, the single-item Work Ability Score). Not validated.",
        notice: Text::keyed(
            "jobready7.notice",
            "Egen selvvurdering, ikke et valideret måleinstrument.",
            "Own self-rating, not a validated instrument.",
        ),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &JOB_ITEMS,
        translations: &UNREVIEWED,
    },
    Instrument {
        id: CHIME_ID,
        version: EASY_VERSION,
        name: Text::keyed("chime5-easy.name", "Personlig recovery (CHIME) – lette ord", "Personal recovery (CHIME) – easy words"),
        validated: false,
        source: "Own wording inspired by the CHIME framework of personal recovery (Leamy et al. 2011, Br J Psychiatry 199:445–452), in easy-read words. Not validated.",
        notice: Text::keyed("chime5-easy.notice", "Egen selvvurdering inspireret af CHIME-rammen, med lette ord. Ikke et valideret måleinstrument – bruges til dialog, ikke til vurdering.", "Own self-rating inspired by the CHIME framework, in easy words. Not a validated instrument – for dialogue, not assessment."),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &CHIME_EASY_ITEMS,
        translations: &UNREVIEWED,
    },
    Instrument {
        id: JOB_ID,
        version: EASY_VERSION,
        name: Text::keyed("jobready7-easy.name", "Parathed til job – lette ord", "Job readiness – easy words"),
        validated: false,
        source: "Own wording in easy-read words; dimensions follow public frameworks as concepts only (Væksthuset's BIP indicators, VIVE's review of progression indicators, the single-item Work Ability Score). Not validated.",
        notice: Text::keyed("jobready7-easy.notice", "Egen selvvurdering med lette ord, ikke et valideret måleinstrument.", "Own self-rating in easy words, not a validated instrument."),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &JOB_EASY_ITEMS,
        translations: &UNREVIEWED,
    },
];

/// Every text of every instrument that the language packs translate (those with a key).
pub fn keyed_texts() -> Vec<Text> {
    let mut texts = Vec::new();
    for instrument in CATALOGUE.iter().chain(&crate::domain::rater::RATED) {
        texts.extend([instrument.name, instrument.notice, instrument.lead_in]);
        for item in instrument.items {
            texts.extend([item.text, item.short, item.help]);
            if let Scale::Rating { low, high } = item.scale {
                texts.extend([low, high]);
            }
        }
    }
    texts.retain(|t| !t.key.is_empty());
    texts.sort_by_key(|t| t.key);
    texts.dedup();
    texts
}

/// Why an instrument could not be found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LookupError {
    UnknownInstrument { id: String },
    UnknownVersion { id: String, version: String },
}

/// The instrument `id` in version `version`.
pub fn find(id: &str, version: &str) -> Result<&'static Instrument, LookupError> {
    let mut of_id = CATALOGUE.iter().filter(|i| i.id == id).peekable();
    if of_id.peek().is_none() {
        return Err(LookupError::UnknownInstrument { id: id.to_owned() });
    }
    of_id
        .find(|i| i.version == version)
        .ok_or_else(|| LookupError::UnknownVersion { id: id.to_owned(), version: version.to_owned() })
}

/// The version a new check-in uses: the last one listed for the id, in plain words.
pub fn current(id: &str) -> Option<&'static Instrument> {
    current_in(id, false)
}

/// The version a new check-in uses, in easy-read words if `easy` and the instrument has
/// them (the WHO-5 has not: its wording never changes).
pub fn current_in(id: &str, easy: bool) -> Option<&'static Instrument> {
    let plain = || CATALOGUE.iter().rev().find(|i| i.id == id && !i.is_easy());
    let easy = easy.then(|| CATALOGUE.iter().rev().find(|i| i.id == id && i.is_easy())).flatten();
    easy.or_else(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn link_ids_are_unique_within_each_instrument_and_texts_are_present() {
        for instrument in &CATALOGUE {
            let mut seen = HashSet::new();
            for item in instrument.items {
                assert!(seen.insert(item.link_id), "{} repeats {}", instrument.id, item.link_id);
                for text in [item.text, item.short, item.help] {
                    assert!(!text.da.trim().is_empty() && !text.en.trim().is_empty(), "{}", item.link_id);
                }
            }
        }
    }

    #[test]
    fn instrument_shapes_match_the_definitions() {
        let who5 = find("who5", "1").unwrap();
        assert!(who5.validated);
        assert_eq!(who5.items.len(), 5);
        assert_eq!(who5.snomed, Some("1144665009"));
        assert!(who5.notice.en.contains("© World Health Organization 1998"));
        let chime = find("chime5", "1").unwrap();
        assert!(!chime.validated);
        assert_eq!(chime.items.len(), 5);
        assert_eq!(chime.items[0].scale.values(), (0..=10).collect::<Vec<_>>());
        let job = find("jobready7", "1").unwrap();
        assert!(!job.validated);
        assert_eq!(job.items.len(), 8);
        assert_eq!(job.required_items().count(), 7);
        assert_eq!(job.item("job-hours").unwrap().scale.bounds(), (0, 37));
    }

    #[test]
    fn who5_options_run_from_all_of_the_time_to_at_no_time() {
        assert_eq!(Scale::Who5.values(), vec![5, 4, 3, 2, 1, 0]);
        assert_eq!(Scale::Who5.who5_label(0).unwrap().da, "På intet tidspunkt");
        assert_eq!(Scale::Who5.who5_label(5).unwrap().en, "All of the time");
        assert_eq!(Scale::Who5.who5_label(6), None);
    }

    #[test]
    fn lookups_say_what_is_unknown() {
        assert_eq!(find("phq9", "1").unwrap_err(), LookupError::UnknownInstrument { id: "phq9".into() });
        assert_eq!(
            find("who5", "2").unwrap_err(),
            LookupError::UnknownVersion { id: "who5".into(), version: "2".into() }
        );
        assert_eq!(current("chime5").unwrap().version, "1");
    }
}
