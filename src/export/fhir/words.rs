//! The Bundle's own words for people (the subject and author displays, the alerts
//! group, a Flag's text around the bank's advice, the notes), from the catalogue's
//! section "The FHIR export", in the export's language.
//!
//! The export's language is the bank's: the Questionnaire says it as `language`,
//! and its question texts and answer displays come from the bank, so the words
//! around them are in the same language. The displays of codes (HL7's, and this
//! Bundle's own code systems, as [`crate::bank::Level::heading`] says them) stay as
//! their code systems define them.
//!
//! The words a resource about every check-in has are looked up once per export.

use std::borrow::Cow;

use super::write;
use crate::bank::{Bank, Level};
use crate::i18n::{self, Lang};

/// The language of a bank's export: the bank's own, or, for a bank in a language
/// the catalogue lacks, the language in use.
pub fn lang_of(bank: &Bank) -> Lang {
    Lang::from_code(&bank.language).unwrap_or_else(i18n::current)
}

/// Every alert level, for what is made once per level.
pub const LEVELS: [Level; 4] = [
    Level::Advice,
    Level::Prescriber,
    Level::Crisis,
    Level::Emergency,
];

/// An alert level's heading in `lang`.
fn heading_in(lang: Lang, level: Level) -> String {
    i18n::t_in(lang, &format!("level-{}", level.as_str()), &[])
}

/// The words of one export, in its language.
pub struct Words {
    lang: Lang,
    /// `{"display":…}`: who every resource about a check-in is about.
    pub subject: String,
    /// `{"display":…}`: who raised a Flag.
    pub author: String,
    /// The alerts group's text, and its two items'.
    pub alerts: String,
    pub standing: String,
    pub retracted: String,
    /// `,"source":…,"contained":[…]`: a caregiver who answered for the person, as
    /// a contained RelatedPerson (sidecheck knows no one's name).
    pub caregiver: String,
    /// Each alert level's heading, looked up once: every Flag's text begins
    /// with one.
    headings: Vec<(Level, String)>,
}

impl Words {
    pub fn new(bank: &Bank) -> Words {
        let lang = lang_of(bank);
        let say = |id: &str| i18n::t_in(lang, id, &[]);
        let display = |id: &str| format!("{{\"display\":{}}}", write::string(&say(id)));
        let subject = display("fhir-subject");
        let caregiver = format!(
            ",\"source\":{{\"reference\":\"#caregiver\"}},\"contained\":[{{\"resourceType\":\"RelatedPerson\",\"id\":\"caregiver\",\"patient\":{subject},\"relationship\":[{{\"text\":{}}}]}}]",
            write::string(&say("fhir-caregiver"))
        );
        Words {
            headings: LEVELS
                .into_iter()
                .map(|l| (l, heading_in(lang, l)))
                .collect(),
            lang,
            caregiver,
            subject,
            author: display("fhir-author"),
            alerts: say("fhir-alerts-group"),
            standing: say("fhir-alerts-standing"),
            retracted: say("fhir-alerts-retracted"),
        }
    }

    /// Message `id` of the export's language, with its arguments.
    pub fn say(&self, id: &str, args: &[(&str, &str)]) -> String {
        i18n::t_in(self.lang, id, args)
    }

    /// An alert level's heading as the person saw it.
    pub fn heading(&self, level: Level) -> Cow<'_, str> {
        match self.headings.iter().find(|(l, _)| *l == level) {
            Some((_, h)) => Cow::Borrowed(h),
            None => Cow::Owned(heading_in(self.lang, level)),
        }
    }

    /// The display of a section's Observation.
    pub fn section_display(&self, title: &str) -> String {
        self.say("fhir-section-display", &[("title", title)])
    }

    /// " at TIME", or nothing when the time is not known.
    pub fn at(&self, time: Option<&str>) -> String {
        time.map(|t| self.say("fhir-at", &[("time", t)]))
            .unwrap_or_default()
    }
}
