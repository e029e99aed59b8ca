//! The bank's data model: the types a bank file holds, as serde reads them and
//! schemars describes them, and the lookups everything else uses on them.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Condition;
use crate::answer::MAX_TEXT;
use crate::text::{fmt_num, same_text};

/// A whole question bank.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// Where editors find the schema for this file.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Bank format version; this build reads format 1.
    pub format: u32,
    /// Stable id of the bank, in snake_case (e.g. "baclofen").
    pub id: String,
    /// Version of the bank's content (e.g. "1.0.0").
    pub version: String,
    /// Language tag of the text (e.g. "en").
    pub language: String,
    /// Title shown at the start of a check.
    pub title: String,
    /// The medicine the bank is about.
    pub medication: String,
    /// The time the questions ask about, as people say it ("the last 7 days").
    pub recall_period: String,
    /// Paragraphs shown before the first question. Must include the safety notice.
    /// `{emergency}`, `{crisis}`, `{crisis_contact}` ("call or text 988") and `{poison}`
    /// are replaced by the region's numbers.
    pub intro: Vec<String>,
    /// The safety notice on its own, repeated in reports.
    pub safety_notice: String,
    /// Sections, in the order they are asked.
    pub sections: Vec<Section>,
    /// Named answer scales that scale questions refer to.
    pub scales: BTreeMap<String, Vec<Choice>>,
    /// Questions, in the order they are asked.
    pub questions: Vec<Question>,
    /// The "about you" part: yes/no items asked once and kept in the profile (kidney
    /// problems, age, pregnancy...). Conditions read them with `{"profile": ID,
    /// "equals": true}`; they are context, never scored.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub profile: Vec<ProfileItem>,
    /// Rules that raise an alert from the answers.
    pub alerts: Vec<AlertRule>,
    /// Each question's index by id, made on first use ([`Bank::position`]). Not
    /// part of the file.
    #[serde(skip)]
    pub(crate) positions: OnceLock<Positions>,
    /// What reports read of every question and section for every check-in, worked
    /// out on first use ([`Bank::max_score_at`], [`Bank::symptom_questions`]). Not
    /// part of the file. Made from the questions' ids, kinds, scales and sections,
    /// which nothing changes once a bank is loaded (a caregiver's copy changes
    /// only its words).
    #[serde(skip)]
    pub(crate) scoring: OnceLock<Scoring>,
}

/// A word-at-a-time hash in the manner of FxHash: a question id is a few bytes
/// chosen by the bank's author, not by an attacker, and it is hashed for every
/// condition of every saved check-in a report reads; SipHash, or FNV's byte at a
/// time, cost several times more there. A weak hash costs only probes: every hit
/// is checked against the key.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl IdHasher {
    /// One step: `(rotl(h, 5) ^ word) * K`, with `K` odd.
    pub(crate) fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last few bytes as a little-endian word, as `from_le_bytes` of them
            // padded with zeros would give, without a copy of variable length.
            let word = rest.iter().rev().fold(0, |w, &b| (w << 8) | u64::from(b));
            self.mix(word);
        }
    }

    /// What `write(&[i])` does, in one step: a `str` key ends with `write_u8(0xff)`.
    fn write_u8(&mut self, i: u8) {
        self.mix(u64::from(i));
    }
}

/// Each question's index by id ([`Bank::position`]): an open-addressed table of
/// indices by the id's [`IdHasher`] hash, probed in turn, each compared with
/// the question's id. Cheaper than a map of owned ids, whose every probe
/// compares through `memcmp`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Positions {
    /// A question's index, or [`Positions::EMPTY`]; a power of two long.
    slots: Vec<u32>,
}

impl Positions {
    const EMPTY: u32 = u32::MAX;

    fn hash(id: &str) -> usize {
        let mut h = IdHasher::default();
        h.write(id.as_bytes());
        h.finish() as usize
    }

    /// The table of `questions`, each id at its first place (as
    /// [`Bank::index_of`] finds it).
    fn of(questions: &[Question]) -> Positions {
        let len = (questions.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![Positions::EMPTY; len];
        for (i, q) in questions.iter().enumerate() {
            let Ok(index) = u32::try_from(i) else {
                break;
            };
            let mut at = Positions::hash(&q.id);
            loop {
                let slot = &mut slots[at & (len - 1)];
                if *slot == Positions::EMPTY {
                    *slot = index;
                    break;
                }
                if questions[*slot as usize].id == q.id {
                    break;
                }
                at = at.wrapping_add(1);
            }
        }
        Positions { slots }
    }

    /// The place in `questions` (those it was made of) of `id`, if it is there.
    fn find(&self, questions: &[Question], id: &str) -> Option<usize> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut at = Positions::hash(id);
        loop {
            let slot = *self.slots.get(at & mask)?;
            if slot == Positions::EMPTY {
                return None;
            }
            let i = slot as usize;
            if questions.get(i).is_some_and(|q| same_text(&q.id, id)) {
                return Some(i);
            }
            at = at.wrapping_add(1);
        }
    }
}

/// What a [`Bank`] works out once for reports (its field `scoring`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Scoring {
    /// By question index: [`Bank::max_score`].
    max_scores: Vec<Option<u8>>,
    /// By section index: its scale questions and its yes/no questions that have a
    /// score ([`Bank::symptom_questions`]).
    symptoms: Vec<(u32, u32)>,
}

/// A group of questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable snake_case id.
    pub id: String,
    /// Title shown to the person.
    pub title: String,
    /// The title for someone answering for the person they care for, where the
    /// title speaks to "you" ("How they take baclofen"); the title when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_caregiver: Option<String>,
    /// A short name for the section as a table column (`sidecheck history`), at
    /// most 14 characters; the id when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// Whether reports give the section's numbers: symptoms at moderate or worse
    /// and the highest grade (scale questions), and yes answers (yes/no questions
    /// with `score_yes`). Nothing is added up.
    #[serde(default = "yes")]
    pub scored: bool,
}

fn yes() -> bool {
    true
}

/// One option of an ordered scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable snake_case id, used in answers files.
    pub id: String,
    /// What the person sees.
    pub label: String,
    /// Score from 0 (none) to 4 (worst), rising by one from option to option.
    pub score: u8,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Yes or no.
    YesNo,
    /// One option of an ordered 0-4 scale.
    Scale,
    /// A number with a unit and a range.
    Number,
    /// Free text.
    Text,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::Scale => "scale",
            Kind::Number => "number",
            Kind::Text => "text",
        }
    }
}

/// One question.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable snake_case id, used in answers files and in the log.
    pub id: String,
    /// Id of the section it belongs to.
    pub section: String,
    /// The kind of answer.
    pub kind: Kind,
    /// The question as shown, with its recall period.
    pub text: String,
    /// The question for someone answering for the person they care for, in the
    /// third person ("has the person you care for had..."), with the same recall
    /// period and placeholders. A bank with any caregiver text has one for every
    /// question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_caregiver: Option<String>,
    /// A short word or two for the symptom, used in summaries and reports.
    pub short: String,
    /// For scale questions: the name of a scale in `scales`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// For yes/no questions: marks a symptom question (0-4, saved with a "yes"
    /// answer). Reports count its yes answers apart and never add it to grades.
    /// Without it the question gives context and is not scored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_yes: Option<u8>,
    /// For number questions: the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// For number questions: the smallest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// For number questions: the largest allowed value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// For number questions: whether only whole numbers are allowed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub integer: bool,
    /// For text questions: the most characters allowed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Ask this question only when this condition on earlier answers holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// For number questions: why the range is what it is, in plain words, said when
    /// an answer falls outside it (e.g. why 0 days is not an answer after "yes, I
    /// missed doses").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_reason: Option<String>,
    /// `range_reason` for someone answering for another person; a bank with
    /// caregiver texts has one wherever it has a `range_reason`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range_reason_caregiver: Option<String>,
    /// The time this question asks about when it is not the bank's `recall_period`
    /// (the C-SSRS asks about suicidal behaviour in "the last 3 months"). The text
    /// must say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recall_period: Option<String>,
    /// The snake_case id of a block this question belongs to (e.g. "suicide_screen").
    /// A block's questions are asked as one: the urgent alerts their answers raise
    /// are held until the last question of the block that is asked has been
    /// answered, and then shown at the level the whole block calls for (an
    /// escalation replaces what it replaces, so one alert, not two). A block's
    /// questions must come one after another in `questions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
}

impl Question {
    /// For number questions, the allowed range in words: "a whole number from 0 to 7".
    pub fn range_text(&self) -> String {
        crate::i18n::t_args(
            if self.integer {
                "range-whole-number"
            } else {
                "range-number"
            },
            &[
                ("min", &fmt_num(self.min.unwrap_or(0.0))),
                ("max", &fmt_num(self.max.unwrap_or(0.0))),
            ],
        )
    }

    /// The most characters a text answer may have: the bank's `max_length`, or
    /// [`MAX_TEXT`] when it sets none.
    pub fn max_text(&self) -> usize {
        self.max_length.unwrap_or(MAX_TEXT)
    }
}

/// One yes/no item of the "about you" part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileItem {
    /// Stable snake_case id, used in `sidecheck profile --set ID=yes` and in records.
    pub id: String,
    /// The question as shown. It asks about the person, not about the last 7 days.
    pub text: String,
    /// The question for someone answering for the person they care for ("Does the
    /// person you care for have..."). A bank with any caregiver text has one for
    /// every item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_caregiver: Option<String>,
    /// A short word or two, used when the profile is shown.
    pub short: String,
}

/// How urgent an alert is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Not urgent: advice shown in the summary at the end.
    Advice,
    /// Call the prescriber today.
    Prescriber,
    /// Call a crisis line now.
    Crisis,
    /// Call the emergency number now.
    Emergency,
}

impl Level {
    /// Urgent alerts interrupt the check; advice waits for the summary.
    pub fn is_urgent(self) -> bool {
        self != Level::Advice
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Advice => "advice",
            Level::Prescriber => "prescriber",
            Level::Crisis => "crisis",
            Level::Emergency => "emergency",
        }
    }

    /// The heading people see, in the language in use.
    pub fn shown(self) -> String {
        crate::i18n::t(&format!("level-{}", self.as_str()))
    }

    /// The heading in English: the level's display in the FHIR code system, which
    /// must not change with the person's language. The English catalogue's
    /// `level-*` messages say the same (a test keeps them so).
    pub fn heading(self) -> &'static str {
        match self {
            Level::Advice => "ADVICE",
            Level::Prescriber => "CALL YOUR PRESCRIBER TODAY",
            Level::Crisis => "GET SUPPORT NOW",
            Level::Emergency => "EMERGENCY: GET HELP NOW",
        }
    }
}

// The schema has always called it `Line`: keeping that name keeps every editor's
// copy of the schema valid. (A doc comment here would go into the schema.)
/// A number an alert tells people to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(rename = "Line")]
pub enum Hotline {
    Emergency,
    Crisis,
    Poison,
}

impl Hotline {
    /// What the line is for, as a list heading.
    pub fn title(self) -> String {
        crate::i18n::t(match self {
            Hotline::Emergency => "hotline-emergency",
            Hotline::Crisis => "hotline-crisis",
            Hotline::Poison => "hotline-poison",
        })
    }
}

/// A rule that raises an alert.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AlertRule {
    /// Stable snake_case id.
    pub id: String,
    /// The answers that raise it.
    pub when: Condition,
    /// How urgent it is.
    pub level: Level,
    /// A short title.
    pub title: String,
    /// What to do, in plain words. Must not tell anyone to change a dose on their own.
    /// `{emergency}`, `{crisis}`, `{crisis_contact}` ("call or text 988") and `{poison}`
    /// are replaced by the region's numbers.
    pub advice: String,
    /// `title` for someone answering for another person ("They had trouble
    /// breathing"). A bank with any caregiver text has one for every urgent alert.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_caregiver: Option<String>,
    /// `advice` for someone answering for another person: what to do for them
    /// ("call {emergency} for them now"), with the same placeholders. A bank with
    /// any caregiver text has one for every urgent alert.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub advice_caregiver: Option<String>,
    /// Which numbers to show, in order.
    #[serde(default)]
    pub call: Vec<Hotline>,
    /// Ids of alerts this one replaces when both hold (an escalation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// The placeholders a text holds (`{emergency}`, `{crisis_contact}`...), by name.
/// The caregiver form of a text, and its translation, must hold the same ones, or
/// a number would be missing from what people see.
pub(super) fn placeholders(text: &str) -> BTreeSet<&str> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        rest = &rest[start + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c == '_'))
            .unwrap_or(rest.len());
        if len > 0 && rest[len..].starts_with('}') {
            names.insert(&rest[..len]);
        }
    }
    names
}

impl Bank {
    /// Whether the bank has any wording for someone answering for another person.
    pub fn has_caregiver_text(&self) -> bool {
        self.questions
            .iter()
            .any(|q| q.text_caregiver.is_some() || q.range_reason_caregiver.is_some())
            || self.profile.iter().any(|p| p.text_caregiver.is_some())
            || self
                .alerts
                .iter()
                .any(|a| a.title_caregiver.is_some() || a.advice_caregiver.is_some())
    }

    /// Index of a question by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    /// The index of a question by id, as [`Bank::index_of`] finds it, from a
    /// table made once per bank ([`Positions`]): reports look up every answer of
    /// every check-in. A hit is checked against the list, and a miss is looked up
    /// the slow way, so a bank changed after the table was made (only tests
    /// change one) is never answered wrongly.
    pub fn position(&self, id: &str) -> Option<usize> {
        let table = self
            .positions
            .get_or_init(|| Positions::of(&self.questions));
        table
            .find(&self.questions, id)
            .or_else(|| self.index_of(id))
    }

    /// [`Bank::position`] for ids that come in the bank's order, as a saved
    /// check-in's answers do: the question at `next` (the one after the last
    /// found) is tried first, so most answers are found without hashing. `next`
    /// moves on past the question found.
    pub fn position_next(&self, id: &str, next: &mut usize) -> Option<usize> {
        let found = match self.questions.get(*next) {
            Some(q) if same_text(&q.id, id) => Some(*next),
            _ => self.position(id),
        };
        if let Some(i) = found {
            *next = i + 1;
        }
        found
    }

    /// The place of each of `ids`, which come in the bank's order (as a check-in
    /// saves its answers and symptoms), by [`Bank::position_next`].
    pub fn places<'a>(
        &'a self,
        ids: impl Iterator<Item = &'a str> + 'a,
    ) -> impl Iterator<Item = Option<usize>> + 'a {
        let mut next = 0;
        ids.map(move |id| self.position_next(id, &mut next))
    }

    fn scoring(&self) -> &Scoring {
        self.scoring.get_or_init(|| {
            let mut symptoms = vec![(0, 0); self.sections.len()];
            for q in &self.questions {
                let Some(i) = self.sections.iter().position(|s| s.id == q.section) else {
                    continue;
                };
                match (q.kind, self.max_score(q)) {
                    (Kind::Scale, Some(_)) => symptoms[i].0 += 1,
                    (Kind::YesNo, Some(_)) => symptoms[i].1 += 1,
                    _ => {}
                }
            }
            Scoring {
                max_scores: self.questions.iter().map(|q| self.max_score(q)).collect(),
                symptoms,
            }
        })
    }

    /// [`Bank::max_score`] of the question at index `i`, without looking its scale
    /// up: reports ask it of every answer of the log.
    pub fn max_score_at(&self, i: usize) -> Option<u8> {
        self.scoring().max_scores.get(i).copied().flatten()
    }

    /// How many of the questions of the section at index `i` are graded (a scale
    /// with a [`Bank::max_score`]) and how many are yes/no symptom questions (a
    /// `score_yes`): the fixed denominators of the section's numbers.
    pub fn symptom_questions(&self, i: usize) -> (u32, u32) {
        self.scoring().symptoms.get(i).copied().unwrap_or_default()
    }

    /// A question by id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// A section by id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The options of a scale question (empty for other kinds).
    pub fn options(&self, q: &Question) -> &[Choice] {
        q.scale
            .as_ref()
            .and_then(|s| self.scales.get(s))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The highest score of a question: a scale's top grade, or a yes/no
    /// question's `score_yes`. `None` for questions that are not scored.
    pub fn max_score(&self, q: &Question) -> Option<u8> {
        match q.kind {
            Kind::YesNo => q.score_yes,
            Kind::Scale => self.options(q).iter().map(|c| c.score).max(),
            Kind::Number | Kind::Text => None,
        }
    }

    /// The alert rule with this id.
    pub fn alert(&self, id: &str) -> Option<&AlertRule> {
        self.alerts.iter().find(|a| a.id == id)
    }

    /// Ids of the alert rules that can be raised by this question's answer.
    pub fn alerts_for(&self, question: &str) -> Vec<&AlertRule> {
        self.alerts
            .iter()
            .filter(|a| a.when.questions().contains(&question))
            .collect()
    }

    /// The answers a question takes, in words, for error messages.
    pub fn expected(&self, q: &Question) -> String {
        match q.kind {
            Kind::YesNo => crate::i18n::t("expected-yes-no"),
            Kind::Scale => {
                let opts = self.options(q);
                let ids: Vec<String> = opts.iter().map(|c| format!("\"{}\"", c.id)).collect();
                let hi = opts.len().saturating_sub(1);
                crate::i18n::t_args(
                    "expected-option",
                    &[("ids", &ids.join(", ")), ("top", &hi.to_string())],
                )
            }
            Kind::Number => format!(
                "{}{}",
                q.range_text(),
                q.unit
                    .as_deref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
            Kind::Text => {
                crate::i18n::t_args("expected-text", &[("max", &q.max_text().to_string())])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{Hash, Hasher};

    /// The hash as its definition says: each 8 bytes a little-endian word, the
    /// last ones padded with zeros.
    fn by_definition(bytes: &[u8]) -> u64 {
        let mut h = IdHasher::default();
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            h.mix(u64::from_le_bytes(word));
        }
        h.finish()
    }

    #[test]
    fn the_id_hash_is_its_word_at_a_time_definition() {
        let text = "suicidal_thoughts_with_a_plan é 0123456789";
        for end in 0..=text.len() {
            let bytes = &text.as_bytes()[..end];
            let mut h = IdHasher::default();
            h.write(bytes);
            assert_eq!(h.finish(), by_definition(bytes), "{end} bytes");
        }
        // A `str` key: its bytes, then 0xff, which `write_u8` hashes as `write` would.
        let (mut h, mut written) = (IdHasher::default(), IdHasher::default());
        "breathing".hash(&mut h);
        written.write(b"breathing");
        written.write(&[0xff]);
        assert_eq!(h.finish(), written.finish());
    }

    /// Every id is found where the list has it first, whatever the order the
    /// ids come in; an id the bank does not have is not found.
    #[test]
    fn positions_are_those_of_the_list() {
        let mut bank = Bank::bundled().expect("the bundled bank");
        let ids: Vec<String> = bank.questions.iter().map(|q| q.id.clone()).collect();
        // In the bank's order with gaps, backwards, and with unknown ids between.
        let orders: Vec<Vec<&str>> = vec![
            ids.iter().map(String::as_str).step_by(3).collect(),
            ids.iter().rev().map(String::as_str).collect(),
            ids.iter()
                .map(String::as_str)
                .flat_map(|id| [id, "nope"])
                .collect(),
        ];
        for order in orders {
            let places: Vec<Option<usize>> = bank.places(order.iter().copied()).collect();
            let want: Vec<Option<usize>> = order.iter().map(|id| bank.index_of(id)).collect();
            assert_eq!(places, want);
        }
        // A second copy of a question, as only a bank changed by hand would
        // have (a bank that loads has each id once): the first one is found.
        let copy = bank.questions[3].clone();
        bank.questions.push(copy);
        bank.positions = OnceLock::new();
        for id in ids
            .iter()
            .map(String::as_str)
            .chain(["", "nope", "drowsines"])
        {
            assert_eq!(bank.position(id), bank.index_of(id), "{id:?}");
        }
    }
}
