//! A check-in as a `QuestionnaireResponse`: its answers that count, in the
//! Questionnaire's layout (a follow-up under the answer of the question it depends
//! on), each section's numbers as an extension on its group, and the urgent alerts
//! shown, written straight into the Bundle.

use serde_json::json;

use super::words::Words;
use super::write::{Json, Kept, Numbered};
use super::{
    ALERTS_LINK, About, CHECK_IN_SYSTEM, Layout, QUESTIONS_ASKED, RETRACTED_LINK, SECTION_GRADES,
    STANDING_LINK, URGENT_FINDINGS, close_entry, codes, fragment, number, questionnaire_url,
    section_link,
};
use crate::bank::{Bank, Kind};
use crate::grades::SectionGrades;
use crate::record::{AlertRecord, AnswerRecord, CheckIn, Enabled, Respondent, Status};
use crate::text::rfc3339;

use super::baseline::Compare;

/// The response's parts that depend only on the bank.
pub struct Parts {
    /// The language of the bank, and the resource up to its identifier's value
    /// for a check-in answered in it ([`head`]).
    language: String,
    head: String,
    /// Per status ([`status_index`]): what follows the identifier's value, up to
    /// the value of `authored`.
    after_id: [String; 2],
    /// The response's extension of its urgent findings, around their count.
    urgent: Numbered,
    /// Per question: its item up to its answer's value,
    /// `{"linkId":ID,"text":TEXT,"answer":[{`.
    items: Vec<String>,
    /// Per question: its item up to the end of its answer's value, per value it
    /// can have as a fragment: per option of a scale, and `false`, `true` of a
    /// yes/no question. For a question with no follow-up under it, the item is
    /// closed too.
    answers: Vec<Vec<String>>,
    /// Per section: its group's start up to its first item,
    /// `{"linkId":"section-ID","text":TITLE,"item":[`.
    groups: Vec<String>,
    /// Per section number ([`codes::numbers`]): its extension.
    numbers: Vec<Numbered>,
    /// A section's numbers as its group's extension, per set of numbers.
    extensions: Kept,
}

impl Parts {
    /// `codings`: per question, per option, its coding ([`super::Prepared`]).
    pub fn new(bank: &Bank, layout: &Layout, words: &Words, codings: &[Vec<String>]) -> Parts {
        let open = |link: &str, text: &str| {
            let mut s = fragment(&json!({"linkId": link, "text": text}));
            s.pop();
            s
        };
        let items: Vec<String> = bank
            .questions
            .iter()
            .map(|q| open(&q.id, &q.text) + ",\"answer\":[{")
            .collect();
        let answers = bank
            .questions
            .iter()
            .zip(&items)
            .zip(codings)
            .zip(&layout.children)
            .map(|(((q, item), codings), children)| {
                // What [`item`] writes after the answer of a question with no
                // follow-up.
                let end = if children.is_empty() { ITEM_END } else { "" };
                match q.kind {
                    Kind::YesNo => [false, true]
                        .map(|b| {
                            let mut j = Json::default();
                            j.raw(item);
                            yes_no(&mut j, b);
                            j.raw(end);
                            String::from_utf8(j.buf).unwrap_or_default()
                        })
                        .into(),
                    Kind::Scale => codings
                        .iter()
                        .map(|c| format!("{item}\"valueCoding\":{c}{end}"))
                        .collect(),
                    Kind::Number | Kind::Text => Vec::new(),
                }
            })
            .collect();
        let number = |n: &codes::Number| {
            let mut j = Json::default();
            number_key(&mut j, n);
            Numbered::new(String::from_utf8(j.buf).unwrap_or_default(), "}")
        };
        let questionnaire = fragment(&json!(format!(
            "{}|{}",
            questionnaire_url(bank),
            bank.version
        )));
        let made = |f: &dyn Fn(&mut Json)| {
            let mut j = Json::default();
            f(&mut j);
            String::from_utf8(j.buf).unwrap_or_default()
        };
        let after = |status| made(&|j| after_id(j, &questionnaire, status, &words.subject));
        Parts {
            head: made(&|j| head(j, &bank.language)),
            language: bank.language.clone(),
            after_id: [after(Status::Completed), after(Status::Stopped)],
            urgent: Numbered::new(made(&urgent_key), "}"),
            items,
            answers,
            groups: bank
                .sections
                .iter()
                .map(|s| open(&section_link(&s.id), &s.title) + ",\"item\":[")
                .collect(),
            numbers: codes::numbers().iter().map(number).collect(),
            extensions: Kept::new(KEPT_EXTENSIONS),
        }
    }
}

/// How much a Bundle keeps of the sections' extensions it has written
/// ([`Kept`]).
const KEPT_EXTENSIONS: usize = 256 * 1024;

/// What closes an item after its answer's value.
const ITEM_END: &str = "}]}";

/// A status's place in [`Parts::after_id`].
fn status_index(s: Status) -> usize {
    match s {
        Status::Completed => 0,
        Status::Stopped => 1,
    }
}

/// The resource up to its identifier's value, for a check-in answered in the
/// language `code`.
fn head(j: &mut Json, code: &str) {
    j.raw(",\"resource\":{\"resourceType\":\"QuestionnaireResponse\"");
    language(j, code);
    j.raw(",\"identifier\":{\"system\":");
    j.lit(CHECK_IN_SYSTEM);
    j.raw(",\"value\":");
}

/// What follows the identifier's value up to the value of `authored`:
/// `questionnaire` (a JSON string), the status, and `subject` (a JSON object).
fn after_id(j: &mut Json, questionnaire: &str, status: Status, subject: &str) {
    j.raw("},\"questionnaire\":");
    j.raw(questionnaire);
    j.raw(",\"status\":");
    j.lit(status.as_str());
    j.raw(",\"subject\":");
    j.raw(subject);
    j.raw(",\"authored\":");
}

/// The extensions up to the count of urgent findings, their first.
fn urgent_key(j: &mut Json) {
    j.raw(",\"extension\":[{\"url\":");
    j.lit(URGENT_FINDINGS);
    j.raw(",\"valueInteger\":");
}

/// A yes/no answer's value.
fn yes_no(j: &mut Json, b: bool) {
    j.raw("\"valueBoolean\":");
    j.bool(b);
}

/// One of a section's numbers in its extension, up to the value.
fn number_key(j: &mut Json, n: &codes::Number) {
    j.raw("{\"url\":");
    j.lit(n.extension);
    j.raw(",\"valueInteger\":");
}

/// The answers of a record that go in its response, per question of the bank:
/// those to questions of the bank that were enabled by the answers before them
/// (`enabled`, the record's answers as its bank's conditions read them: the same
/// rule that asked them). Also returns how many answers name a question the bank
/// does not have.
pub fn enabled_answers<'r>(enabled: &Enabled<'_, 'r>) -> (Vec<Option<&'r AnswerRecord>>, usize) {
    // Kept by the question's index, which is unique in a bank that loaded (its
    // question ids are).
    (enabled.by_index(), enabled.unknown())
}

/// Writes the check-in's QuestionnaireResponse entry.
pub fn write(j: &mut Json, about: &About<'_>, compare: Option<&Compare<'_>>) {
    let (p, r, grades) = (about.p, about.record, about.grades);
    let parts = &p.response;
    j.raw(",\n{\"fullUrl\":");
    j.raw(about.response);
    if r.bank.language == parts.language {
        j.raw(&parts.head);
    } else {
        head(j, &r.bank.language);
    }
    j.str(&r.id);
    j.raw(&parts.after_id[status_index(r.status)]);
    j.raw(about.ended);
    if r.respondent == Respondent::Caregiver {
        // Who answered: someone for the person, not the person.
        j.raw(&p.words.caregiver);
    }
    parts.urgent.write(j, grades.urgent_findings.into());
    if let Some(m) = grades.asked.filter(|_| r.status == Status::Stopped) {
        j.raw(",{\"url\":");
        j.lit(QUESTIONS_ASKED);
        j.raw(",\"valueInteger\":");
        j.int(m);
        j.raw("}");
    }
    if let Some(c) = compare.filter(|c| c.is_baseline(r)) {
        c.mark(j);
    }
    j.raw("]");
    // The sections with an answer, then the alerts group.
    let sections = p.bank.sections.len();
    j.list(",\"item\":[", "]", 0..=sections, |j, s| {
        if s == sections {
            alerts_answers(j, &p.words, r)
        } else {
            group(j, about, s)
        }
    });
    close_entry(j, p.bundle, "QuestionnaireResponse", |j| {
        j.query("identifier=", [CHECK_IN_SYSTEM, "|", &r.id]);
    });
}

/// The group of section `s`, when it has an answer.
fn group(j: &mut Json, about: &About<'_>, s: usize) -> bool {
    let p = about.p;
    let start = j.mark();
    j.raw(&p.response.groups[s]);
    let mut written = false;
    for &i in &p.layout.top[s] {
        if item(j, about, i, !written) {
            written = true;
        }
    }
    if !written {
        j.truncate(start);
        return false;
    }
    j.raw("]");
    if let Some(g) = about.grades.section(&p.bank.sections[s].id) {
        let parts = &p.response;
        parts.extensions.write(j, codes::numbers_key(g), |j| {
            j.raw(",\"extension\":[");
            section_extension(j, &parts.numbers, g);
            j.raw("]");
        });
    }
    j.raw("}");
    true
}

/// A section's numbers as one complex extension (the same numbers, in the same
/// order, as the components of the section's Observation).
fn section_extension(j: &mut Json, numbers: &[Numbered], g: &SectionGrades) {
    j.raw("{\"url\":");
    j.lit(SECTION_GRADES);
    j.list(
        ",\"extension\":[",
        "]",
        codes::section_numbers(g),
        |j, (k, _, v)| {
            numbers[k].write(j, v);
            true
        },
    );
    j.raw("}");
}

/// The response item of question `i`, with the follow-ups under its answer, when
/// it has an answer; after a comma unless it is the `first` of its list. Writes
/// nothing when it has none.
fn item(j: &mut Json, about: &About<'_>, i: usize, first: bool) -> bool {
    let p = about.p;
    let Some(a) = about.kept[i] else {
        return false;
    };
    let Some(closed) = answer(j, about, i, a, first) else {
        return false;
    };
    if closed {
        return true;
    }
    let children = &p.layout.children[i];
    if !children.is_empty() {
        j.raw(",\"item\":[");
        let mut written = false;
        for &c in children {
            if item(j, about, c, !written) {
                written = true;
            }
        }
        if written {
            j.raw("]");
        } else {
            j.buf.truncate(j.buf.len() - ",\"item\":[".len());
        }
    }
    j.raw(ITEM_END);
    true
}

/// Question `i`'s item up to the end of its answer's value (after a comma unless
/// `first`), or nothing for an empty text (or a value its question does not
/// take). Whether it closed the item too (a fragment of a question with no
/// follow-up), or `None` when it wrote nothing.
fn answer(
    j: &mut Json,
    about: &About<'_>,
    i: usize,
    a: &AnswerRecord,
    first: bool,
) -> Option<bool> {
    let p = about.p;
    let q = &p.bank.questions[i];
    let answers = &p.response.answers[i];
    let comma = |j: &mut Json| {
        if !first {
            j.comma();
        }
    };
    match q.kind {
        Kind::YesNo => {
            let b = a.value.as_bool()?;
            comma(j);
            j.raw(&answers[usize::from(b)]);
            Some(p.layout.children[i].is_empty())
        }
        Kind::Scale => {
            let o = about.options[i]?;
            comma(j);
            j.raw(&answers[o]);
            Some(p.layout.children[i].is_empty())
        }
        Kind::Number => {
            let n = a.value.as_f64()?;
            let (kind, v) = number(q, n);
            comma(j);
            j.raw(&p.response.items[i]);
            j.raw("\"value");
            j.raw(kind);
            j.raw("\":");
            j.value(&v);
            Some(false)
        }
        Kind::Text => {
            // FHIR strings cannot be empty; an empty note is no answer.
            let s = a.value.as_str().filter(|s| !s.trim().is_empty())?;
            comma(j);
            j.raw(&p.response.items[i]);
            j.raw("\"valueString\":");
            j.str(s);
            Some(false)
        }
    }
}

/// The language the check-in was answered in (its bank's, a BCP-47 code as banks
/// write it: "en", "es"), after a comma. A hand-edited line's empty or spaced one
/// is no FHIR code, and is left out.
fn language(j: &mut Json, code: &str) {
    if code.is_empty() || code.contains(char::is_whitespace) {
        return;
    }
    j.raw(",\"language\":");
    j.str(code);
}

/// The response's alerts group, when the check-in showed any urgent alert.
fn alerts_answers(j: &mut Json, words: &Words, r: &CheckIn) -> bool {
    let time = |t: &Option<chrono::DateTime<chrono::FixedOffset>>| t.as_ref().map(rfc3339);
    let line = |a: &AlertRecord, extra: String| {
        let args = [
            ("title", a.title.as_str()),
            ("level", a.level.as_str()),
            ("question", a.question.as_str()),
        ];
        words.say("fhir-alert-line", &args) + &extra
    };
    let standing: Vec<String> = r
        .urgent_alerts()
        .map(|a| {
            let when = time(&a.shown_at)
                .map(|t| words.say("fhir-alert-shown-at", &[("time", &t)]))
                .unwrap_or_default();
            line(a, when)
        })
        .collect();
    let retracted: Vec<String> = r
        .retracted_urgent_alerts()
        .map(|a| {
            let shown = words.at(time(&a.shown_at).as_deref());
            let changed = words.at(time(&a.retracted_at).as_deref());
            let when = words.say(
                "fhir-alert-retracted",
                &[("shown", &shown), ("changed", &changed)],
            );
            line(a, when)
        })
        .collect();
    if standing.is_empty() && retracted.is_empty() {
        return false;
    }
    j.raw("{\"linkId\":");
    j.lit(ALERTS_LINK);
    j.raw(",\"text\":");
    j.str(&words.alerts);
    let lists = [
        (STANDING_LINK, &words.standing, standing),
        (RETRACTED_LINK, &words.retracted, retracted),
    ];
    j.list(",\"item\":[", "]", lists, |j, (link, text, answers)| {
        if answers.is_empty() {
            return false;
        }
        j.raw("{\"linkId\":");
        j.lit(link);
        j.raw(",\"text\":");
        j.str(text);
        j.list(",\"answer\":[", "]", answers, |j, answer| {
            j.raw("{\"valueString\":");
            j.str(&answer);
            j.raw("}");
            true
        });
        j.raw("}");
        true
    });
    j.raw("}");
    true
}
