//! The instruments, as data. Every text of every instrument, in every language, lives here
//! and nowhere else; the UI renders whatever this catalogue holds. A changed wording is a
//! new version: a stored response names the instrument id and version it was given in.
//!
//! The texts are those of `shared/domain/INSTRUMENTS.md`. The WHO-5 wording must not be
//! changed; the notice that goes with it is kept beside it.

use serde::Serialize;

use super::lang::Text;

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
}

impl Instrument {
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
        short: Text::new("Glad", "Cheerful"),
        help: Text::new(
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
        short: Text::new("Rolig", "Calm"),
        help: Text::new(
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
        short: Text::new("Aktiv", "Active"),
        help: Text::new(
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
        short: Text::new("Udhvilet", "Rested"),
        help: Text::new(
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
        short: Text::new("Interesse", "Interest"),
        help: Text::new(
            "Hvor tit dine dage har haft ting i sig, som du gik op i eller glædede dig til – derhjemme, i praktik, med andre eller alene.",
            "How often your days have had things in them that you cared about or looked forward to – at home, at a placement, with others or alone.",
        ),
        scale: Scale::Who5,
        optional: false,
    },
];

const CHIME_SCALE: Scale =
    Scale::Rating { low: Text::new("Slet ikke", "Not at all"), high: Text::new("I meget høj grad", "Very much") };

const CHIME_ITEMS: [Item; 5] = [
    Item {
        link_id: "chime-c",
        text: Text::new(
            "Hvor meget har du i denne uge følt dig forbundet med andre mennesker?",
            "This week, how connected have you felt to other people?",
        ),
        short: Text::new("Forbundethed", "Connectedness"),
        help: Text::new(
            "Familie, venner, naboer, kolleger, grupper, fællesskaber på nettet.",
            "Family, friends, neighbours, colleagues, groups, online communities.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-h",
        text: Text::new(
            "Hvor meget håb har du i denne uge haft for din fremtid?",
            "This week, how hopeful have you felt about your future?",
        ),
        short: Text::new("Håb", "Hope"),
        help: Text::new(
            "Planer, drømme, at tro på, at tingene kan blive bedre.",
            "Plans, dreams, believing things can get better.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-i",
        text: Text::new(
            "Hvor meget har du i denne uge følt dig okay med den, du er?",
            "This week, how OK have you felt with who you are?",
        ),
        short: Text::new("Identitet", "Identity"),
        help: Text::new(
            "At se dig selv som mere end problemer eller diagnoser.",
            "Seeing yourself as more than problems or diagnoses.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-m",
        text: Text::new(
            "Hvor meget har du i denne uge lavet ting, der betyder noget for dig?",
            "This week, how much have you done things that matter to you?",
        ),
        short: Text::new("Mening", "Meaning"),
        help: Text::new("Roller, mål og aktiviteter, som du sætter pris på.", "Roles, goals, activities you value."),
        scale: CHIME_SCALE,
        optional: false,
    },
    Item {
        link_id: "chime-e",
        text: Text::new(
            "Hvor meget har du i denne uge følt, at du selv kan bestemme over dit liv?",
            "This week, how much have you felt you can decide over your own life?",
        ),
        short: Text::new("Selvbestemmelse", "Empowerment"),
        help: Text::new(
            "At træffe valg, bruge dine styrker, selv tage skridt.",
            "Making choices, using your strengths, taking steps yourself.",
        ),
        scale: CHIME_SCALE,
        optional: false,
    },
];

const JOB_SCALE: Scale =
    Scale::Rating { low: Text::new("Slet ikke", "Not at all"), high: Text::new("Fuldt ud", "Fully") };

const JOB_ITEMS: [Item; 8] = [
    Item {
        link_id: "job-ability",
        text: Text::new(
            "Hvor godt føler du dig i stand til at arbejde lige nu?",
            "How able do you feel to work right now?",
        ),
        short: Text::new("Arbejdsevne", "Work ability"),
        help: Text::new(
            "Din egen fornemmelse af, hvor meget arbejde din krop og dit hoved kan klare nu – ikke hvad andre forventer.",
            "Your own sense of how much work your body and mind can manage now – not what others expect.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-belief",
        text: Text::new(
            "Hvor meget tror du på, at du kan få eller beholde et job, der passer til dig?",
            "How much do you believe you can get or keep a job that suits you?",
        ),
        short: Text::new("Tro på job", "Belief"),
        help: Text::new(
            "Om du tror, at et job, der passer til dig, er inden for rækkevidde – nu eller senere.",
            "Whether you think a job that suits you is within reach – now or later.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-health",
        text: Text::new(
            "Hvor godt klarer du dit helbred (krop og psyke) i hverdagen?",
            "How well are you managing your health (body and mind) in everyday life?",
        ),
        short: Text::new("Helbred", "Health"),
        help: Text::new(
            "Fx søvn, smerter, medicin, energi og bekymringer – og hvordan du håndterer dem fra dag til dag.",
            "For example sleep, pain, medicine, energy and worries – and how you handle them from day to day.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-everyday",
        text: Text::new(
            "Hvor godt hænger din hverdag sammen (søvn, mad, aftaler, økonomi, bolig)?",
            "How well does your everyday life work (sleep, meals, appointments, money, housing)?",
        ),
        short: Text::new("Hverdag", "Everyday"),
        help: Text::new(
            "Om de praktiske ting i dit liv er på plads, så der er plads til arbejde.",
            "Whether the practical things in your life are in place, so that there is room for work.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-cooperation",
        text: Text::new(
            "Hvor tryg er du ved at arbejde sammen med andre på en arbejdsplads?",
            "How confident do you feel about working together with others at a workplace?",
        ),
        short: Text::new("Samarbejde", "Cooperation"),
        help: Text::new(
            "Fx at bede om hjælp, tage imod en besked, tale med kolleger, være en del af en gruppe.",
            "For example asking for help, taking instructions, talking with colleagues, being part of a group.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-search",
        text: Text::new(
            "Hvor meget har du i denne uge gjort for at komme tættere på arbejde (fx kigget på job, kontaktet en arbejdsplads, praktik)?",
            "This week, how much have you done to get closer to work (e.g. looked at jobs, contacted a workplace, internship)?",
        ),
        short: Text::new("Skridt", "Steps"),
        help: Text::new(
            "Tæl alle skridt med, små og store, som du har taget i denne uge.",
            "Count every step, small or big, that you took this week.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-skills",
        text: Text::new(
            "Hvor godt passer dine kompetencer og erfaringer til det arbejde, du gerne vil have?",
            "How well do your skills and experience fit the work you want?",
        ),
        short: Text::new("Kompetencer", "Skills"),
        help: Text::new(
            "Det, du kan og har lavet før, sammenlignet med det arbejde, du gerne vil have.",
            "What you can do and have done before, compared with the work you would like.",
        ),
        scale: JOB_SCALE,
        optional: false,
    },
    Item {
        link_id: "job-hours",
        text: Text::new(
            "Cirka hvor mange timer om ugen kunne du arbejde lige nu?",
            "About how many hours a week could you work right now?",
        ),
        short: Text::new("Timer", "Hours"),
        help: Text::new(
            "Fuld tid er 37 timer om ugen. Vælg det antal timer, der føles realistisk nu – også hvis det er 0.",
            "Full time is 37 hours a week. Choose the number of hours that feels realistic now – even if it is 0.",
        ),
        scale: Scale::Hours { max: 37 },
        optional: true,
    },
];

pub const WHO5_ID: &str = "who5";
pub const CHIME_ID: &str = "chime5";
pub const JOB_ID: &str = "jobready7";

/// Every instrument version the app knows, in the order a check-in asks them.
pub static CATALOGUE: [Instrument; 3] = [
    Instrument {
        id: WHO5_ID,
        version: "1",
        name: Text::new("WHO-5 Trivselsindeks", "WHO-5 Well-Being Index"),
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
    },
    Instrument {
        id: CHIME_ID,
        version: "1",
        name: Text::new("Personlig recovery (CHIME)", "Personal recovery (CHIME)"),
        validated: false,
        source: "Own wording inspired by the CHIME framework of personal recovery (Leamy et al. 2011, Br J Psychiatry 199:445–452). Not validated.",
        notice: Text::new(
            "Egen selvvurdering inspireret af CHIME-rammen. Ikke et valideret måleinstrument – bruges til dialog, ikke til vurdering.",
            "Own self-rating inspired by the CHIME framework. Not a validated instrument – for dialogue, not assessment.",
        ),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &CHIME_ITEMS,
    },
    Instrument {
        id: JOB_ID,
        version: "1",
        name: Text::new("Parathed til job", "Job readiness"),
        validated: false,
        source: "Own wording; dimensions follow public frameworks as concepts only (Væksthuset's BIP indicators, VIVE's review of progression indicators, the single-item Work Ability Score). Not validated.",
        notice: Text::new(
            "Egen selvvurdering, ikke et valideret måleinstrument.",
            "Own self-rating, not a validated instrument.",
        ),
        recall: Recall::ThisWeek,
        lead_in: Text::new("", ""),
        snomed: None,
        items: &JOB_ITEMS,
    },
];

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

/// The version a new check-in uses: the last one listed for the id.
pub fn current(id: &str) -> Option<&'static Instrument> {
    CATALOGUE.iter().rev().find(|i| i.id == id)
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
