//! The HL7 FHIR R4 export: a Bundle (type `collection`, or `transaction` with a POST
//! request per entry) holding the bank as a `Questionnaire`, the code systems of the
//! Bundle's own codes (`fhir/codes.rs`), and for each check-in a
//! `QuestionnaireResponse`, a `Flag` per alert (`fhir/flags.rs`) and `Observation`s
//! of its numbers (`fhir/observations.rs`), each pointing back to its response.
//!
//! The Questionnaire groups questions by section. A follow-up sits under the question
//! its condition depends on, so in a response it appears under that question's
//! `answer.item` (an item never has both `item` and `answer`, rule qrs-1). Conditions
//! become `enableWhen`: a scale's `at_least` and `one_of` become one `=` test per
//! option that passes, because FHIR allows no `>=` on codings. An item is `required`
//! when the check asks it whenever it is enabled and a blank answer is not allowed
//! (every kind but text, which may be left blank).
//!
//! The baseline (`fhir/baseline.rs`): its response is marked as such, and each
//! symptom Observation of a completed check-in after it carries the baseline's
//! answer and the change since then.
//!
//! Each response carries the check-in's numbers ([`crate::grades`]) as extensions:
//! on the response its urgent findings (and, when stopped, how many questions it
//! would have asked), on each section's group the symptoms at moderate or worse,
//! the highest grade and the yes answers. There is no total score.
//!
//! Every fullUrl is a `urn:uuid:` made from what the resource is (a check-in's id,
//! an alert's place in it, an Observation's code), so the same check-in gets the
//! same fullUrls in every export, and no two entries share one (bdl-7): the check-ins
//! are those [`crate::checkins`] counts, each once.
//!
//! Each check-in's resources are built from one record while the log is read and
//! written at once; nothing else is kept. They are written straight into one
//! reused buffer (`fhir/write.rs`), byte for byte as serde_json writes the same
//! values, with every text and coding that depends only on the bank escaped once
//! per export (`Prepared`); only the Questionnaire and the code systems, written
//! once, are built as `Value`s.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::{Context, Exporter};
use crate::bank::{Bank, Choice, Condition, Kind, Question};
use crate::cli::BundleKind;
use crate::error::Error;
use crate::grades::{AlertBasis, Graded, Grades};
use crate::i18n;
use crate::output::{compact, io};
use crate::record::{AnswerRecord, BankRef, CheckIn, Enabled};
use crate::store::Warn;
use crate::text::{rfc3339, same_text, whole};
use observations::Answered;

mod baseline;
mod codes;
mod flags;
mod observations;
mod response;
mod words;
mod write;

pub use baseline::{BASELINE, BASELINE_MARKED_AT};
use baseline::{Compare, Since};
pub use codes::{CHANGE_SYSTEM, LEVEL_SYSTEM, alert_system, observation_system};
pub use flags::{ALERT_ANSWER, ALERT_QUESTION, FLAG_IDS};
pub use observations::OBSERVATION_IDS;
pub use response::enabled_answers;
use words::Words;
pub use write::stable_uuid;
use write::{Hashed, Json, query_value};

/// The extension that carries an answer option's score.
pub const ORDINAL_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
const MIN_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/minValue";
const MAX_VALUE: &str = "http://hl7.org/fhir/StructureDefinition/maxValue";
const UNIT: &str = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit";
/// The extension on a response: its urgent findings (valueInteger).
pub const URGENT_FINDINGS: &str = "urn:sidecheck:fhir:urgent-findings";
/// The extension on a stopped response: the questions it would have asked given
/// its answers (valueInteger).
pub const QUESTIONS_ASKED: &str = "urn:sidecheck:fhir:questions-asked";
/// The extension on a section's group: its numbers, as sub-extensions
/// `graded`, `moderateOrWorse`, `highestGrade` (absent when none was graded),
/// `yesNo`, `yes` and `urgentFindings`, each a valueInteger.
pub const SECTION_GRADES: &str = "urn:sidecheck:fhir:section-grades";
/// The linkId of the group of urgent alerts shown, and of its two items. Question
/// ids are snake_case, so the hyphens keep these apart from them.
pub const ALERTS_LINK: &str = "sidecheck-alerts";
pub const STANDING_LINK: &str = "sidecheck-alerts-standing";
pub const RETRACTED_LINK: &str = "sidecheck-alerts-retracted";
/// The identifier system of check-in ids.
pub const CHECK_IN_SYSTEM: &str = "urn:sidecheck:check-in";

/// The canonical URL of a bank's Questionnaire.
pub fn questionnaire_url(bank: &Bank) -> String {
    format!("urn:sidecheck:questionnaire:{}", bank.id)
}

/// The code system of one of a bank's scales.
fn scale_system(bank: &Bank, scale: &str) -> String {
    format!("urn:sidecheck:{}:scale:{scale}", bank.id)
}

/// The linkId of a section's group. Question ids are snake_case, so the hyphen keeps
/// the two apart.
pub fn section_link(section: &str) -> String {
    format!("section-{section}")
}

/// Where each question sits in the Questionnaire.
pub struct Layout {
    /// Per section (bank order): the questions directly in its group.
    top: Vec<Vec<usize>>,
    /// Per question: the follow-ups nested under it.
    children: Vec<Vec<usize>>,
}

impl Layout {
    /// A follow-up goes under the latest question that is surely answered whenever
    /// its condition holds (for `any`, only questions every branch needs). With no
    /// such question it stays in its section's group.
    pub fn of(bank: &Bank) -> Layout {
        let mut top = vec![Vec::new(); bank.sections.len()];
        let mut children = vec![Vec::new(); bank.questions.len()];
        for (i, q) in bank.questions.iter().enumerate() {
            let parent = q
                .when
                .as_ref()
                .and_then(|c| sure(bank, c).into_iter().filter(|p| *p < i).max());
            match parent {
                Some(p) => children[p].push(i),
                None => {
                    if let Some(s) = bank.sections.iter().position(|s| s.id == q.section) {
                        top[s].push(i);
                    }
                }
            }
        }
        Layout { top, children }
    }
}

/// The questions that must be answered for `c` to hold.
fn sure(bank: &Bank, c: &Condition) -> Vec<usize> {
    if let Some(all) = &c.all {
        let mut out: Vec<usize> = all.iter().flat_map(|c| sure(bank, c)).collect();
        out.sort_unstable();
        out.dedup();
        return out;
    }
    if let Some(any) = &c.any {
        let mut parts = any.iter().map(|c| sure(bank, c));
        let first = parts.next().unwrap_or_default();
        return parts.fold(first, |acc, p| {
            acc.into_iter().filter(|x| p.contains(x)).collect()
        });
    }
    c.question
        .as_deref()
        .and_then(|q| bank.index_of(q))
        .into_iter()
        .collect()
}

fn coding(bank: &Bank, q: &Question, c: &Choice, ordinal: bool) -> Value {
    let mut coding = Map::new();
    if ordinal {
        coding.insert(
            "extension".into(),
            json!([{"url": ORDINAL_VALUE, "valueDecimal": c.score}]),
        );
    }
    coding.insert(
        "system".into(),
        json!(scale_system(bank, q.scale.as_deref().unwrap_or_default())),
    );
    coding.insert("code".into(), json!(c.id));
    coding.insert("display".into(), json!(c.label));
    Value::Object(coding)
}

/// A number as FHIR wants it for this question: integer or decimal. FHIR's integer
/// has 32 bits.
fn number(q: &Question, n: f64) -> (&'static str, Value) {
    match whole(n).filter(|i| q.integer && i.abs() < 1 << 31) {
        Some(i) => ("Integer", json!(i)),
        None => ("Decimal", json!(n)),
    }
}

/// How several `enableWhen` tests combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    One,
    All,
    Any,
}

/// A condition as `enableWhen` tests, or `None` when flat FHIR tests cannot say it
/// (an `all` of several-option tests, for one).
fn enable_when(bank: &Bank, c: &Condition) -> Option<(Vec<Value>, Join)> {
    let join_of = |n: usize, many: Join| if n == 1 { Join::One } else { many };
    if let Some(all) = &c.all {
        let mut tests = Vec::new();
        for part in all {
            let (t, j) = enable_when(bank, part)?;
            if j == Join::Any {
                return None;
            }
            tests.extend(t);
        }
        let n = tests.len();
        return (n > 0).then(|| (tests, join_of(n, Join::All)));
    }
    if let Some(any) = &c.any {
        let mut tests = Vec::new();
        for part in any {
            let (t, j) = enable_when(bank, part)?;
            if j == Join::All {
                return None;
            }
            tests.extend(t);
        }
        let n = tests.len();
        return (n > 0).then(|| (tests, join_of(n, Join::Any)));
    }
    let id = c.question.as_deref()?;
    let q = bank.question(id)?;
    let test = |operator: &str, key: String, value: Value| {
        let mut t = Map::new();
        t.insert("question".into(), json!(id));
        t.insert("operator".into(), json!(operator));
        t.insert(key, value);
        Value::Object(t)
    };
    let options = bank.options(q);
    let choose = |keep: &dyn Fn(&Choice) -> bool| -> Vec<Value> {
        options
            .iter()
            .filter(|o| keep(o))
            .map(|o| test("=", "answerCoding".into(), coding(bank, q, o, false)))
            .collect()
    };
    let tests: Vec<Value> = if let Some(v) = &c.equals {
        match q.kind {
            Kind::YesNo => vec![test("=", "answerBoolean".into(), json!(v.as_bool()?))],
            Kind::Scale => {
                let want = v.as_str()?;
                choose(&|o| o.id == want)
            }
            Kind::Number => {
                let (kind, value) = number(q, v.as_f64()?);
                vec![test("=", format!("answer{kind}"), value)]
            }
            Kind::Text => vec![test("=", "answerString".into(), json!(v.as_str()?))],
        }
    } else if let Some(min) = c.at_least {
        match q.kind {
            Kind::Scale => choose(&|o| f64::from(o.score) >= min),
            Kind::Number => {
                let (kind, value) = if q.integer {
                    number(q, min.ceil())
                } else {
                    ("Decimal", json!(min))
                };
                vec![test(">=", format!("answer{kind}"), value)]
            }
            Kind::YesNo | Kind::Text => return None,
        }
    } else if let Some(list) = &c.one_of {
        choose(&|o| list.contains(&o.id))
    } else {
        return None;
    };
    let n = tests.len();
    (n > 0).then(|| (tests, join_of(n, Join::Any)))
}

/// A number question's range and unit as extensions.
fn number_extensions(q: &Question) -> Vec<Value> {
    let mut extensions = Vec::new();
    if q.kind != Kind::Number {
        return extensions;
    }
    let value_key = if q.integer {
        "valueInteger"
    } else {
        "valueDecimal"
    };
    for (url, bound) in [(MIN_VALUE, q.min), (MAX_VALUE, q.max)] {
        if let Some(b) = bound {
            let (_, v) = number(q, b);
            extensions.push(json!({"url": url, value_key: v}));
        }
    }
    if let Some(unit) = &q.unit {
        extensions.push(json!({"url": UNIT, "valueCoding": {"display": unit}}));
    }
    extensions
}

/// Writes a follow-up's condition as `enableWhen`. Returns false when FHIR's flat
/// tests cannot say it (the item then shows without it, and a warning says so).
fn add_enable_when(
    bank: &Bank,
    q: &Question,
    item: &mut Map<String, Value>,
    warn: Warn<'_>,
) -> bool {
    let Some(c) = &q.when else {
        return true;
    };
    let Some((tests, join)) = enable_when(bank, c) else {
        warn(i18n::t_args(
            "fhir-condition-not-written",
            &[("question", &q.id), ("condition", &c.to_string())],
        ));
        return false;
    };
    item.insert("enableWhen".into(), Value::Array(tests));
    match join {
        Join::All => {
            item.insert("enableBehavior".into(), json!("all"));
        }
        Join::Any => {
            item.insert("enableBehavior".into(), json!("any"));
        }
        Join::One => {}
    }
    true
}

/// The Questionnaire item of question `i`, with its follow-ups.
fn question_item(bank: &Bank, layout: &Layout, i: usize, warn: Warn<'_>) -> Value {
    let q = &bank.questions[i];
    let mut item = Map::new();
    item.insert("linkId".into(), json!(q.id));
    item.insert("text".into(), json!(q.text));
    let kind = match q.kind {
        Kind::YesNo => "boolean",
        Kind::Scale => "choice",
        Kind::Number if q.integer => "integer",
        Kind::Number => "decimal",
        // Multi-line: a pasted note keeps its line breaks.
        Kind::Text => "text",
    };
    item.insert("type".into(), json!(kind));
    let extensions = number_extensions(q);
    if !extensions.is_empty() {
        item.insert("extension".into(), Value::Array(extensions));
    }
    let condition_written = add_enable_when(bank, q, &mut item, warn);
    // The check asks every enabled question and takes no blank answer but a text
    // one. A condition FHIR cannot say leaves the item always enabled, so it would
    // then be required where the check never asks it.
    if q.kind != Kind::Text && condition_written {
        item.insert("required".into(), json!(true));
    }
    if q.kind == Kind::Text {
        item.insert("maxLength".into(), json!(q.max_text()));
    }
    if q.kind == Kind::Scale {
        let options: Vec<Value> = bank
            .options(q)
            .iter()
            .map(|o| json!({"valueCoding": coding(bank, q, o, true)}))
            .collect();
        item.insert("answerOption".into(), Value::Array(options));
    }
    let children: Vec<Value> = layout.children[i]
        .iter()
        .map(|&c| question_item(bank, layout, c, warn))
        .collect();
    if !children.is_empty() {
        item.insert("item".into(), Value::Array(children));
    }
    Value::Object(item)
}

/// A FHIR `name`: letters and digits, starting with a capital.
fn machine_name(id: &str) -> String {
    let mut name = String::from("Sidecheck");
    for part in id.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    name
}

/// The bank as a Questionnaire, in the bank's language.
fn questionnaire(bank: &Bank, layout: &Layout, words: &Words, warn: Warn<'_>) -> Value {
    let groups: Vec<Value> = bank
        .sections
        .iter()
        .zip(&layout.top)
        .filter(|(_, items)| !items.is_empty())
        .map(|(s, items)| {
            let items: Vec<Value> = items
                .iter()
                .map(|&i| question_item(bank, layout, i, warn))
                .collect();
            json!({
                "linkId": section_link(&s.id),
                "text": s.title,
                "type": "group",
                "item": items,
            })
        })
        .chain(std::iter::once(alerts_group(words)))
        .collect();
    json!({
        "resourceType": "Questionnaire",
        "language": bank.language,
        "url": questionnaire_url(bank),
        "version": bank.version,
        "name": machine_name(&bank.id),
        "title": bank.title,
        "status": "active",
        "subjectType": ["Patient"],
        "description": words.say(
            "fhir-description",
            &[
                ("medication", &bank.medication),
                ("recall", &bank.recall_period),
                ("notice", &bank.safety_notice),
            ],
        ),
        "item": groups,
    })
}

/// The group that carries the urgent alerts the person was shown: those that stand,
/// and those shown and then retracted because an answer was changed (the answer in
/// the response then says "no", so without this a positive suicide screen that was
/// taken back would leave no trace). Filled by sidecheck, never asked.
fn alerts_group(words: &Words) -> Value {
    let item = |link: &str, text: &str| json!({"linkId": link, "text": text, "type": "string", "repeats": true, "readOnly": true});
    json!({
        "linkId": ALERTS_LINK,
        "text": words.alerts,
        "type": "group",
        "item": [
            item(STANDING_LINK, &words.standing),
            item(RETRACTED_LINK, &words.retracted),
        ],
    })
}

/// What every check-in's resources share that depends only on the bank and the
/// Bundle type: made once per export, so the texts and codings of the bank are
/// escaped once rather than for every answer.
struct Prepared<'b> {
    bank: &'b Bank,
    layout: Layout,
    bundle: BundleKind,
    /// The words for people; its `subject` is that of every resource about a
    /// check-in. sidecheck knows nobody's name or record number, so it is a
    /// description only; a clinic that imports the Bundle links it to its own
    /// patient.
    words: Words,
    /// Per question: its scale's options, found by name once.
    options: Vec<&'b [Choice]>,
    response: response::Parts,
    observations: observations::Parts,
    flags: flags::Parts,
}

impl<'b> Prepared<'b> {
    fn new(bank: &'b Bank, bundle: BundleKind) -> Prepared<'b> {
        // Per question, per option of its scale: its coding, with the ordinal
        // value.
        let codings: Vec<Vec<String>> = bank
            .questions
            .iter()
            .map(|q| {
                bank.options(q)
                    .iter()
                    .map(|o| fragment(&coding(bank, q, o, true)))
                    .collect()
            })
            .collect();
        let words = Words::new(bank);
        let layout = Layout::of(bank);
        Prepared {
            options: bank.questions.iter().map(|q| bank.options(q)).collect(),
            bank,
            bundle,
            response: response::Parts::new(bank, &layout, &words, &codings),
            layout,
            observations: observations::Parts::new(bank, &codings, &words, bundle),
            flags: flags::Parts::new(bank, &words),
            words,
        }
    }

    /// The index of the option `id` of question `i`'s scale.
    fn option(&self, i: usize, id: &str) -> Option<usize> {
        self.options[i].iter().position(|o| same_text(&o.id, id))
    }
}

/// A value as compact JSON, for the parts rendered once per export.
fn fragment(v: &Value) -> String {
    v.to_string()
}

/// What the resources about one check-in share.
struct About<'a> {
    p: &'a Prepared<'a>,
    record: &'a CheckIn,
    grades: &'a Grades,
    /// What each of its alerts rests on.
    basis: &'a AlertBasis<'a>,
    /// Per question of the bank: the saved answer that goes in the response
    /// ([`enabled_answers`]).
    kept: &'a [Option<&'a AnswerRecord>],
    /// Per question of the bank: the option of its scale that its kept answer
    /// chose, found once for the response and the Observations.
    options: &'a [Option<usize>],
    /// The fullUrl of the check-in's QuestionnaireResponse, which every other
    /// resource about it points to, as a JSON string.
    response: &'a [u8],
    /// When the check-in ended, as its resources say it, as a JSON string.
    ended: &'a [u8],
    /// When the check-in is compared with the baseline: the change per symptom.
    since: Option<Since<'a>>,
    /// What its Observations' entries begin with.
    observations: &'a Started,
    /// What each of its Observations has after `effectiveDateTime`'s key
    /// ([`observations::observed`]).
    observed: &'a [u8],
    /// When it was stopped: the note its numbers' Observations carry
    /// ([`observations::stopped_note`]), made once.
    stopped_note: Option<String>,
}

/// The parts of [`About`] made for each check-in, in memory kept from one
/// check-in to the next: a Bundle has some 25 resources per check-in, and
/// allocating their parts anew cost as much as writing some of them.
struct Scratch {
    options: Vec<Option<usize>>,
    response: Vec<u8>,
    ended: Vec<u8>,
    observed: Vec<u8>,
    observations: Started,
    symptoms: Vec<Option<Answered>>,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            options: Vec::new(),
            response: Vec::new(),
            ended: Vec::new(),
            observed: Vec::new(),
            observations: Started::new(),
            symptoms: Vec::new(),
        }
    }

    /// Makes the parts of check-in `r`, whose kept answers are `kept`.
    fn make(&mut self, p: &Prepared<'_>, r: &CheckIn, kept: &[Option<&AnswerRecord>]) {
        self.options.clear();
        self.options.extend(kept.iter().enumerate().map(|(i, a)| {
            let a = (*a)?;
            if p.bank.questions[i].kind != Kind::Scale {
                return None;
            }
            a.value.as_str().and_then(|id| p.option(i, id))
        }));
        let mut j = Json::reusing(std::mem::take(&mut self.response));
        response_uuid(&mut j, &r.id);
        self.response = j.buf;
        let mut j = Json::reusing(std::mem::take(&mut self.ended));
        j.time(&r.ended_at);
        self.ended = j.buf;
        observations::observed(&mut self.observed, &self.ended, &self.response);
        observations::started(&r.id, p.bundle, &mut self.observations);
    }
}

/// A resource known by one identifier (`system`, and `value`'s parts joined),
/// which it has first after its type. Its fullUrl is made from `kind` and the
/// identifier's value, so no two resources of a kind share one while their
/// identifiers differ.
struct Identified<'s> {
    rtype: &'static str,
    kind: &'static str,
    system: &'static str,
    value: &'s [&'s str],
}

/// The start shared by the resources of one kind about one check-in whose
/// identifiers' values differ only in their last part (`CHECK-IN-ID/` for its
/// Observations), made once per check-in: what their entries write before and
/// after that part ([`Started::open`], [`Started::close`]).
struct Started {
    /// `KIND VALUE…`, hashed for their fullUrls.
    hashed: Hashed,
    /// The entry's start ([`write::ENTRY`], its UUID's digits to fill in), then
    /// the resource up to its identifier's value, which is left open (a quote and
    /// the shared part escaped).
    opening: Vec<u8>,
    /// After the resource's fields, in a transaction: its end and the request up
    /// to the search's last part. Empty in a collection, where nothing of the end
    /// is the check-in's own ([`Ending`] holds it).
    closing: Vec<u8>,
}

/// The last part of an identifier's value as the entries that end with it write
/// it after [`Started`]'s parts, made once per export: `opened` ends the
/// identifier, `closed` the search and the entry (in a collection, the resource
/// and the entry).
struct Ending {
    last: String,
    opened: String,
    closed: String,
}

impl Ending {
    fn new(last: &str, bundle: BundleKind) -> Ending {
        let mut j = Json::default();
        value_end(&mut j, last);
        let opened = String::from_utf8(std::mem::take(&mut j.buf)).unwrap_or_default();
        match bundle {
            BundleKind::Collection => resource_end(&mut j),
            BundleKind::Transaction => search_end(&mut j, last),
        }
        entry_end(&mut j, bundle);
        Ending {
            last: last.to_string(),
            opened,
            closed: String::from_utf8(j.buf).unwrap_or_default(),
        }
    }
}

/// An identifier's value from its last part on: the part escaped, the closing
/// quote, the end of the identifier.
fn value_end(j: &mut Json, last: &str) {
    j.contents(last);
    j.raw("\"}]");
}

/// A search's last part, percent-encoded, and the search's closing quote.
fn search_end(j: &mut Json, last: &str) {
    j.query_part(last);
    j.raw("\"");
}

impl<'s> Identified<'s> {
    /// What its fullUrl is made from, in parts.
    fn key(&self) -> impl Iterator<Item = &'s str> {
        [self.kind, " "]
            .into_iter()
            .chain(self.value.iter().copied())
    }

    /// Makes `into` the start it shares with the others of its kind whose values
    /// begin the same: all but the last part of its value.
    fn start(&self, bundle: BundleKind, into: &mut Started) {
        let shared = &self.value[..self.value.len().saturating_sub(1)];
        let key = [self.kind, " "].into_iter().chain(shared.iter().copied());
        into.hashed = Hashed::of(key);
        let mut j = Json::reusing(std::mem::take(&mut into.opening));
        j.raw(write::ENTRY);
        self.resource_start(&mut j);
        j.raw("\"");
        shared.iter().for_each(|p| j.contents(p));
        into.opening = std::mem::take(&mut j.buf);
        let mut j = Json::reusing(std::mem::take(&mut into.closing));
        if bundle == BundleKind::Transaction {
            entry_close(&mut j, bundle, self.rtype);
            j.query(
                "identifier=",
                [self.system, "|"].into_iter().chain(shared.iter().copied()),
            );
            // Left open for the last part: [`search_end`] closes it.
            j.buf.pop();
        }
        into.closing = j.buf;
    }

    /// After the fullUrl: the resource up to its identifier's value.
    fn resource_start(&self, j: &mut Json) {
        j.raw(",\"resource\":{\"resourceType\":");
        j.lit(self.rtype);
        j.raw(",\"identifier\":[{\"system\":");
        j.lit(self.system);
        j.raw(",\"value\":");
    }

    /// The entry's start, up to the resource's identifier; the resource's other
    /// fields follow, each after a comma.
    fn open(&self, j: &mut Json) {
        j.entry(Hashed::of(self.key()));
        self.resource_start(j);
        j.joined(self.value);
        j.raw("}]");
    }

    /// The end of the resource and of its entry.
    fn close(&self, j: &mut Json, bundle: BundleKind) {
        close_entry(j, bundle, self.rtype, |j| {
            j.query(
                "identifier=",
                [self.system, "|"]
                    .into_iter()
                    .chain(self.value.iter().copied()),
            );
        });
    }
}

impl Started {
    /// Nothing yet: for [`Identified::start`] to make.
    fn new() -> Started {
        Started {
            hashed: Hashed::of([]),
            opening: Vec::new(),
            closing: Vec::new(),
        }
    }

    /// [`Identified::open`] of the resource whose value ends with `end`.
    fn open(&self, j: &mut Json, end: &Ending) {
        j.entry_from(&self.opening, self.hashed.add(&end.last));
        j.raw(&end.opened);
    }

    /// [`Identified::close`] of the resource whose value ends with `end`.
    fn close(&self, j: &mut Json, end: &Ending) {
        if !self.closing.is_empty() {
            j.raw(&self.closing);
        }
        j.raw(&end.closed);
    }
}

/// Closes a resource and its entry; in a transaction, the entry is a conditional
/// create, so loading the same Bundle twice does not store anything twice:
/// `search` writes what finds it.
fn close_entry(
    j: &mut Json,
    bundle: BundleKind,
    rtype: &'static str,
    search: impl FnOnce(&mut Json),
) {
    entry_close(j, bundle, rtype);
    if bundle == BundleKind::Transaction {
        search(j);
    }
    entry_end(j, bundle);
}

/// The end of a resource and, in a transaction, its request up to the search.
fn entry_close(j: &mut Json, bundle: BundleKind, rtype: &'static str) {
    resource_end(j);
    if bundle == BundleKind::Transaction {
        j.raw(",\"request\":{\"method\":\"POST\",\"url\":");
        j.lit(rtype);
        j.raw(",\"ifNoneExist\":");
    }
}

/// The end of a resource's fields.
fn resource_end(j: &mut Json) {
    j.raw("}");
}

/// After the search: the end of the request, and of the entry.
fn entry_end(j: &mut Json, bundle: BundleKind) {
    if bundle == BundleKind::Transaction {
        j.raw("}");
    }
    j.raw("}");
}

/// One Bundle entry of the head before it is written: the resource, its fullUrl,
/// and the search that finds it already stored (a transaction's `ifNoneExist`).
struct Entry {
    resource: Value,
    full_url: String,
    if_none_exist: String,
}

impl Entry {
    /// A definition known by its canonical URL (and version, where it has one).
    fn canonical(kind: &str, resource: Value) -> Entry {
        let url = resource["url"].as_str().unwrap_or_default();
        let version = resource["version"].as_str();
        let mut search = format!("url={}", query_value(url));
        let mut key = format!("{kind} {url}");
        if let Some(v) = version {
            search.push_str(&format!("&version={}", query_value(v)));
            key.push_str(&format!("|{v}"));
        }
        Entry {
            full_url: stable_uuid(&key),
            if_none_exist: search,
            resource,
        }
    }

    /// The entry as the Bundle writes it; in a transaction, a conditional create.
    fn into_value(self, kind: BundleKind) -> Value {
        let mut e = Map::new();
        e.insert("fullUrl".into(), json!(self.full_url));
        let rtype = self
            .resource
            .get("resourceType")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        e.insert("resource".into(), self.resource);
        if kind == BundleKind::Transaction {
            e.insert(
                "request".into(),
                json!({"method": "POST", "url": rtype, "ifNoneExist": self.if_none_exist}),
            );
        }
        Value::Object(e)
    }
}

/// The fullUrl of check-in `id`'s QuestionnaireResponse.
fn response_url(id: &str) -> String {
    let mut j = Json::default();
    response_uuid(&mut j, id);
    let quoted = String::from_utf8(j.buf).unwrap_or_default();
    quoted.trim_matches('"').to_string()
}

/// [`response_url`] as a string value.
fn response_uuid(j: &mut Json, id: &str) {
    // The key check-in fullUrls have always had, so re-exports keep them.
    j.uuid(["check-in ", id]);
}

/// Whether the Bundle holds check-in `r`: those made with its bank. The others
/// are counted in a warning.
fn in_bundle(bank: &Bank, made_with: &BankRef) -> bool {
    made_with.id == bank.id
}

/// Writes every entry of one check-in: its response, then a Flag per alert, then
/// its Observations. `compare`, when there is a baseline, marks its response or
/// adds the change since it. Returns how many of its answers name questions the
/// bank does not have.
fn check_in(
    j: &mut Json,
    p: &Prepared<'_>,
    r: &CheckIn,
    compare: Option<&Compare<'_>>,
    scratch: &mut Scratch,
) -> usize {
    // The answers the bank's conditions keep once, for the response, the alert
    // basis, the grades and the change since the baseline.
    let enabled = Enabled::of(p.bank, r);
    let (kept, unknown) = enabled_answers(&enabled);
    let Graded { basis, grades } = Graded::with_enabled(r, &enabled);
    scratch.make(p, r, &kept);
    let mut symptoms = std::mem::take(&mut scratch.symptoms);
    let mut about = About {
        p,
        record: r,
        grades: &grades,
        basis: &basis,
        kept: &kept,
        options: &scratch.options,
        response: &scratch.response,
        ended: &scratch.ended,
        observed: &scratch.observed,
        since: compare.and_then(|c| c.since(r, p.bank, &basis)),
        observations: &scratch.observations,
        stopped_note: None,
    };
    about.stopped_note = observations::stopped_note(&about);
    // Known before the Flags, which point to some of them.
    observations::symptoms(&about, &mut symptoms);
    response::write(j, &about, compare);
    flags::write(j, &about, &symptoms);
    observations::write(j, &about, &symptoms);
    scratch.symptoms = symptoms;
    unknown
}

/// How much of the Bundle is kept before it is written out: a Bundle is about
/// eleven times the size of its log, and standard output passes each write on in
/// up to three system calls (it looks for the last line end), so few big writes
/// cost less than many of the output buffer's size (64 KiB).
const FLUSH_AT: usize = 256 * 1024;

/// What the error calls the JSON if it cannot be formatted.
const WHAT: &str = "the Bundle";

/// The FHIR R4 Bundle (`--format fhir`).
pub struct Fhir;

impl Fhir {
    /// The Bundle's opening and its definitions: the Questionnaire and the code
    /// systems.
    fn head(p: &Prepared<'_>, ctx: &mut Context<'_>) -> Result<(), Error> {
        let bank = p.bank;
        let name = machine_name(&bank.id);
        let mut definitions = vec![Entry::canonical(
            "questionnaire",
            questionnaire(bank, &p.layout, &p.words, ctx.warn),
        )];
        definitions.extend(
            codes::code_systems(bank, &name, &p.words)
                .into_iter()
                .map(|cs| Entry::canonical("codesystem", cs)),
        );
        let bundle_type = match ctx.bundle {
            BundleKind::Collection => "collection",
            BundleKind::Transaction => "transaction",
        };
        io(write!(
            ctx.out,
            "{{\"resourceType\":\"Bundle\",\"type\":\"{bundle_type}\",\"timestamp\":{},\"entry\":[",
            compact(&json!(rfc3339(&ctx.generated_at)), WHAT)?,
        ))?;
        for (i, e) in definitions.into_iter().enumerate() {
            let sep = if i == 0 { "\n" } else { ",\n" };
            io(write!(
                ctx.out,
                "{sep}{}",
                compact(&e.into_value(ctx.bundle), WHAT)?
            ))?;
        }
        Ok(())
    }
}

impl Exporter for Fhir {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let bank = ctx.bank;
        let p = Prepared::new(bank, ctx.bundle);
        Fhir::head(&p, ctx)?;
        let Context {
            scan, out, warn, ..
        } = ctx;
        let found = scan.baseline(Some(bank), *warn)?;
        let compare = match found.baseline() {
            Some(b) => {
                // The baseline is the first copy of a completed check-in, which
                // every pass counts: the Bundle holds it when it is in the period
                // and made with the Bundle's bank (`in_bundle`), known before
                // anything points to it, without a pass of its own.
                let held = b.in_period && in_bundle(bank, &b.bank);
                Some(Compare::new(b, &p, held, response_url(b.id())))
            }
            None => None,
        };
        let mut written = 0u64;
        let mut other_banks: Vec<(String, u64)> = Vec::new();
        let mut unknown_answers = 0usize;
        // One buffer, reused, written out once it holds [`FLUSH_AT`]: more than
        // the output's own buffer, which then passes it straight on rather than
        // copying it.
        let mut j = Json::default();
        let mut scratch = Scratch::new();
        let each = scan.each(*warn, |r| {
            if !in_bundle(bank, &r.bank) {
                match other_banks.iter_mut().find(|(id, _)| *id == r.bank.id) {
                    Some((_, n)) => *n += 1,
                    None => other_banks.push((r.bank.id.to_string(), 1)),
                }
                return Ok(());
            }
            unknown_answers += check_in(&mut j, &p, r, compare.as_ref(), &mut scratch);
            written += 1;
            if j.buf.len() >= FLUSH_AT {
                let wrote = io(out.write_all(&j.buf));
                j.buf.clear();
                wrote?;
            }
            Ok(())
        });
        // What was written before a failure to read the log is kept, as it was
        // when each entry was written at once.
        let wrote = io(out.write_all(&j.buf));
        each?;
        wrote?;
        io(out.write_all(b"\n]}\n"))?;
        for (id, n) in other_banks {
            warn(i18n::t_args(
                "fhir-other-bank",
                &[("count", &n.to_string()), ("bank", &id)],
            ));
        }
        if unknown_answers > 0 {
            warn(i18n::t_args(
                "fhir-unknown-answers",
                &[
                    ("count", &unknown_answers.to_string()),
                    ("bank", &bank.id),
                    ("version", &bank.version),
                ],
            ));
        }
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries written from the parts made once ([`Started`], [`Ending`]) are
    /// those [`Identified`] writes for the same identifier, in both Bundle types.
    #[test]
    fn prepared_entries_are_written_as_identified_ones() {
        let ids = [
            ("20250101-000000-abc", "drowsiness"),
            ("a\"b/c d\\é\u{1}", "x y\"z|%"),
            ("", ""),
        ];
        for bundle in [BundleKind::Collection, BundleKind::Transaction] {
            for (id, last) in ids {
                let value = [id, "/", last];
                let slow = observations::identified(&value);
                let mut want = Json::default();
                slow.open(&mut want);
                want.raw(",\"status\":\"final\"");
                slow.close(&mut want, bundle);
                let mut started = Started::new();
                observations::started(id, bundle, &mut started);
                let end = Ending::new(last, bundle);
                let mut got = Json::default();
                started.open(&mut got, &end);
                got.raw(",\"status\":\"final\"");
                started.close(&mut got, &end);
                assert_eq!(
                    String::from_utf8(got.buf).expect("utf-8"),
                    String::from_utf8(want.buf).expect("utf-8"),
                    "{id:?} {last:?} {bundle:?}"
                );
            }
        }
    }
}
