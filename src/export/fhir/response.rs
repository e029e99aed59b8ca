//! A check-in as a `QuestionnaireResponse`: its answers that count, in the
//! Questionnaire's layout (a follow-up under the answer of the question it depends
//! on), each section's numbers as an extension on its group, and the urgent alerts
//! shown, written straight into the Bundle.

use serde_json::json;

use super::words::Words;
use super::write::Json;
use super::{
    ALERTS_LINK, About, CHECK_IN_SYSTEM, Prepared, QUESTIONS_ASKED, RETRACTED_LINK, SECTION_GRADES,
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
    /// `"URL|VERSION"`: the Questionnaire the responses answer.
    questionnaire: String,
    /// Per question: its item up to its answer's value,
    /// `{"linkId":ID,"text":TEXT,"answer":[{`.
    items: Vec<String>,
    /// Per question: its item up to the end of its answer's value, per value it
    /// can have as a fragment: per option of a scale, and `false`, `true` of a
    /// yes/no question.
    answers: Vec<Vec<String>>,
    /// Per section: its group's start, `{"linkId":"section-ID","text":TITLE`.
    groups: Vec<String>,
    /// Per section number ([`codes::numbers`]): its extension up to the value.
    numbers: Vec<String>,
}

impl Parts {
    /// `codings`: per question, per option, its coding ([`super::Prepared`]).
    pub fn new(bank: &Bank, codings: &[Vec<String>]) -> Parts {
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
            .map(|((q, item), codings)| match q.kind {
                Kind::YesNo => [false, true]
                    .map(|b| {
                        let mut j = Json::default();
                        j.raw(item);
                        yes_no(&mut j, b);
                        String::from_utf8(j.buf).unwrap_or_default()
                    })
                    .into(),
                Kind::Scale => codings
                    .iter()
                    .map(|c| format!("{item}\"valueCoding\":{c}"))
                    .collect(),
                Kind::Number | Kind::Text => Vec::new(),
            })
            .collect();
        let number = |n: &codes::Number| {
            let mut j = Json::default();
            number_key(&mut j, n);
            String::from_utf8(j.buf).unwrap_or_default()
        };
        Parts {
            questionnaire: fragment(&json!(format!(
                "{}|{}",
                questionnaire_url(bank),
                bank.version
            ))),
            items,
            answers,
            groups: bank
                .sections
                .iter()
                .map(|s| open(&section_link(&s.id), &s.title))
                .collect(),
            numbers: codes::numbers().iter().map(number).collect(),
        }
    }
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
/// those to questions of the bank that were enabled by the answers before them.
/// Also returns how many answers name a question the bank does not have.
pub fn enabled_answers<'r>(bank: &Bank, r: &'r CheckIn) -> (Vec<Option<&'r AnswerRecord>>, usize) {
    // The same rule that asked them: the bank's conditions, on the saved answers.
    // Kept by the question's index, which is unique in a bank that loaded (its
    // question ids are).
    let by_question = Enabled::of(bank, r).by_index();
    let ids = r.answers.iter().map(|a| a.question.as_str());
    let unknown = bank.places(ids).filter(Option::is_none).count();
    (by_question, unknown)
}

/// Writes the check-in's QuestionnaireResponse entry.
pub fn write(j: &mut Json, about: &About<'_>, compare: Option<&Compare<'_>>) {
    let (p, r, grades) = (about.p, about.record, about.grades);
    j.raw(",\n{\"fullUrl\":");
    j.raw(&about.response);
    j.raw(",\"resource\":{\"resourceType\":\"QuestionnaireResponse\"");
    language(j, &r.bank.language);
    j.raw(",\"identifier\":{\"system\":");
    j.lit(CHECK_IN_SYSTEM);
    j.raw(",\"value\":");
    j.str(&r.id);
    j.raw("},\"questionnaire\":");
    j.raw(&p.response.questionnaire);
    j.raw(",\"status\":");
    j.lit(r.status.as_str());
    j.raw(",\"subject\":");
    j.raw(&p.words.subject);
    j.raw(",\"authored\":");
    j.raw(&about.ended);
    if r.respondent == Respondent::Caregiver {
        // Who answered: someone for the person, not the person.
        j.raw(&p.words.caregiver);
    }
    j.raw(",\"extension\":[{\"url\":");
    j.lit(URGENT_FINDINGS);
    j.raw(",\"valueInteger\":");
    j.int(grades.urgent_findings);
    j.raw("}");
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
    j.raw(&p.response.groups[s]);
    let items = &p.layout.top[s];
    if !j.list(",\"item\":[", "]", items, |j, &i| item(j, about, i)) {
        return false;
    }
    if let Some(g) = about.grades.section(&p.bank.sections[s].id) {
        j.raw(",\"extension\":[");
        section_extension(j, &p.response.numbers, g);
        j.raw("]");
    }
    j.raw("}");
    true
}

/// A section's numbers as one complex extension (the same numbers, in the same
/// order, as the components of the section's Observation).
fn section_extension(j: &mut Json, numbers: &[String], g: &SectionGrades) {
    j.raw("{\"url\":");
    j.lit(SECTION_GRADES);
    j.list(
        ",\"extension\":[",
        "]",
        codes::section_numbers(g),
        |j, (k, _, v)| {
            j.raw(&numbers[k]);
            j.int(v);
            j.raw("}");
            true
        },
    );
    j.raw("}");
}

/// The response item of question `i`, with the follow-ups under its answer, when
/// it has an answer.
fn item(j: &mut Json, about: &About<'_>, i: usize) -> bool {
    let p = about.p;
    let Some(a) = about.kept[i] else {
        return false;
    };
    if !answer(j, p, i, a) {
        return false;
    }
    let children = &p.layout.children[i];
    if !children.is_empty() {
        j.list(",\"item\":[", "]", children, |j, &c| item(j, about, c));
    }
    j.raw("}]}");
    true
}

/// Question `i`'s item up to the end of its answer's value, or false for an
/// empty text (or a value its question does not take).
fn answer(j: &mut Json, p: &Prepared<'_>, i: usize, a: &AnswerRecord) -> bool {
    let q = &p.bank.questions[i];
    let answers = &p.response.answers[i];
    match q.kind {
        Kind::YesNo => {
            let Some(b) = a.value.as_bool() else {
                return false;
            };
            j.raw(&answers[usize::from(b)]);
        }
        Kind::Scale => {
            let Some(o) = a.value.as_str().and_then(|id| p.option(i, id)) else {
                return false;
            };
            j.raw(&answers[o]);
        }
        Kind::Number => {
            let Some(n) = a.value.as_f64() else {
                return false;
            };
            let (kind, v) = number(q, n);
            j.raw(&p.response.items[i]);
            j.raw("\"value");
            j.raw(kind);
            j.raw("\":");
            j.value(&v);
        }
        Kind::Text => {
            // FHIR strings cannot be empty; an empty note is no answer.
            let Some(s) = a.value.as_str().filter(|s| !s.trim().is_empty()) else {
                return false;
            };
            j.raw(&p.response.items[i]);
            j.raw("\"valueString\":");
            j.str(s);
        }
    }
    true
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
