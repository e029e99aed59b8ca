//! Every check on a bank's meaning, once its JSON has parsed: one function per part
//! (the header, sections, scales, questions, the "about you" items, alerts), each
//! adding the problems it finds in the order people read them. The checks on
//! conditions are in [`super::condition`].

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::model::placeholders;
use super::{Bank, Kind, Level, Question};
use crate::i18n::{t, t_args};
use crate::text::fmt_num;

/// The longest a section's `column` may be, in characters.
const COLUMN_MAX: usize = 14;

/// The bank format this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// The most sections, scales, questions or alert rules a bank may have.
pub const MAX_ITEMS: usize = 1000;

/// One problem found in a bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path, e.g. `questions[3].when.question`, or `line 4, column 7`.
    pub place: String,
    /// What is wrong and what to do.
    pub message: String,
}

/// The problems found so far, in the order they were found.
#[derive(Debug, Default)]
pub(super) struct Found(Vec<Problem>);

impl Found {
    pub(super) fn into_problems(self) -> Vec<Problem> {
        self.0
    }

    pub(super) fn add(&mut self, place: String, message: String) {
        self.0.push(Problem { place, message });
    }

    /// An id must be snake_case: it is typed in answers files and kept in the log.
    fn check_id(&mut self, place: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.starts_with(|c: char| c.is_ascii_lowercase())
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            self.add(
                place.into(),
                t_args(
                    "bank-check-not-an-id",
                    &[("id", &id.chars().take(80).collect::<String>())],
                ),
            );
        }
    }
}

impl Bank {
    /// Every problem with the bank's meaning (the JSON already parsed).
    pub fn problems(&self) -> Vec<Problem> {
        let too_many = self.too_many();
        if !too_many.is_empty() {
            return too_many;
        }
        let mut found = Found::default();
        self.check_text(&mut found);
        self.check_header(&mut found);
        let sections = self.check_sections(&mut found);
        self.check_scales(&mut found);
        let questions = self.check_questions(&mut found, &sections);
        self.check_profile_items(&mut found);
        self.check_alerts(&mut found, &questions);
        self.check_caregiver(&mut found);
        found.into_problems()
    }

    /// A bank this large is a mistake (the built-in one has a few dozen questions);
    /// checking every follow-up of it would take long, so this is said first, alone.
    fn too_many(&self) -> Vec<Problem> {
        [
            ("sections", self.sections.len()),
            ("scales", self.scales.len()),
            ("questions", self.questions.len()),
            ("alerts", self.alerts.len()),
        ]
        .into_iter()
        .filter(|(_, n)| *n > MAX_ITEMS)
        .map(|(field, n)| Problem {
            place: field.into(),
            message: t_args(
                "bank-check-too-many",
                &[("n", &n.to_string()), ("max", &MAX_ITEMS.to_string())],
            ),
        })
        .collect()
    }

    /// Every string a bank holds may reach the screen: a terminal escape in it could
    /// hide an alert, clear the screen or retitle the window.
    fn check_text(&self, found: &mut Found) {
        if let Ok(value) = serde_json::to_value(self) {
            control_characters(&value, &mut String::new(), found);
        }
    }

    /// The bank's own fields: format, id, names, and an intro with the safety notice.
    fn check_header(&self, found: &mut Found) {
        if self.format != FORMAT_VERSION {
            found.add(
                "format".into(),
                t_args(
                    "bank-check-format",
                    &[
                        ("format", &self.format.to_string()),
                        ("known", &FORMAT_VERSION.to_string()),
                    ],
                ),
            );
        }
        found.check_id("id", &self.id);
        for (field, value) in [
            ("version", &self.version),
            ("language", &self.language),
            ("title", &self.title),
            ("medication", &self.medication),
            ("recall_period", &self.recall_period),
            ("safety_notice", &self.safety_notice),
        ] {
            if value.trim().is_empty() {
                found.add(field.into(), t("bank-check-empty-value"));
            }
        }
        if self.intro.iter().all(|s| s.trim().is_empty()) {
            found.add("intro".into(), t("bank-check-intro-empty"));
        } else if !self.intro.iter().any(|s| s.contains(&self.safety_notice)) {
            found.add("intro".into(), t("bank-check-intro-no-notice"));
        }
    }

    /// Sections: unique ids and titles. Returns each id's index.
    fn check_sections(&self, found: &mut Found) -> HashMap<&str, usize> {
        let mut ids = HashMap::new();
        for (i, s) in self.sections.iter().enumerate() {
            let place = format!("sections[{i}].id");
            found.check_id(&place, &s.id);
            if let Some(first) = ids.insert(s.id.as_str(), i) {
                found.add(
                    place,
                    t_args(
                        "bank-check-duplicate-section",
                        &[("id", &s.id), ("first", &first.to_string())],
                    ),
                );
            }
            if s.title.trim().is_empty() {
                found.add(format!("sections[{i}].title"), t("bank-check-empty-title"));
            }
            // A table column: short enough that history's rows stay readable.
            if let Some(column) = &s.column {
                let n = column.trim().chars().count();
                if n == 0 || n > COLUMN_MAX {
                    found.add(
                        format!("sections[{i}].column"),
                        t_args(
                            "bank-check-column-length",
                            &[("n", &n.to_string()), ("max", &COLUMN_MAX.to_string())],
                        ),
                    );
                }
            }
        }
        if self.sections.is_empty() {
            found.add("sections".into(), t("bank-check-no-sections"));
        }
        ids
    }

    /// Scales: ordered, scored 0 up to at most 4, one step at a time.
    fn check_scales(&self, found: &mut Found) {
        for (name, choices) in &self.scales {
            let place = format!("scales.{name}");
            found.check_id(&place, name);
            if choices.len() < 2 {
                found.add(place.clone(), t("bank-check-scale-too-short"));
            }
            let mut seen = HashSet::new();
            for (i, c) in choices.iter().enumerate() {
                let cplace = format!("{place}[{i}]");
                found.check_id(&format!("{cplace}.id"), &c.id);
                if !seen.insert(c.id.as_str()) {
                    found.add(
                        format!("{cplace}.id"),
                        t_args("bank-check-duplicate-option", &[("id", &c.id)]),
                    );
                }
                if c.label.trim().is_empty() {
                    found.add(format!("{cplace}.label"), t("bank-check-empty-label"));
                }
                if usize::from(c.score) != i {
                    found.add(
                        format!("{cplace}.score"),
                        t_args(
                            "bank-check-score-order",
                            &[("score", &c.score.to_string()), ("want", &i.to_string())],
                        ),
                    );
                }
                if c.score > 4 {
                    found.add(format!("{cplace}.score"), score_range(c.score));
                }
            }
        }
    }

    /// Questions, in bank order: each one's fields, its kind's fields, its
    /// condition (on earlier questions only), its wording and its block. Returns
    /// each id's first index.
    fn check_questions(
        &self,
        found: &mut Found,
        sections: &HashMap<&str, usize>,
    ) -> HashMap<&str, usize> {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut block_start: HashMap<&str, usize> = HashMap::new();
        for (i, q) in self.questions.iter().enumerate() {
            let place = format!("questions[{i}]");
            self.check_question_fields(found, &place, q, &ids, sections);
            check_kind_fields(found, &place, q);
            self.check_kind(found, &place, q);
            if let Some(cond) = &q.when {
                self.check_condition(found, &format!("{place}.when"), cond, &ids, Some(&q.id));
            }
            check_wording(found, &place, q);
            self.check_block(found, i, &mut block_start);
            ids.entry(q.id.as_str()).or_insert(i);
        }
        if self.questions.is_empty() {
            found.add("questions".into(), t("bank-check-no-questions"));
        }
        ids
    }

    /// A question's id (unique among `earlier` ones), section, text and short name.
    fn check_question_fields(
        &self,
        found: &mut Found,
        place: &str,
        q: &Question,
        earlier: &HashMap<&str, usize>,
        sections: &HashMap<&str, usize>,
    ) {
        found.check_id(&format!("{place}.id"), &q.id);
        if let Some(first) = earlier.get(q.id.as_str()) {
            found.add(
                format!("{place}.id"),
                t_args(
                    "bank-check-duplicate-question",
                    &[("id", &q.id), ("first", &first.to_string())],
                ),
            );
        }
        // Answers files keep the "about you" answers under this key.
        if q.id == "profile" {
            found.add(format!("{place}.id"), t("bank-check-profile-id"));
        }
        if !sections.contains_key(q.section.as_str()) {
            found.add(
                format!("{place}.section"),
                t_args(
                    "bank-check-unknown-section",
                    &[
                        ("section", &q.section),
                        (
                            "sections",
                            &self
                                .sections
                                .iter()
                                .map(|s| s.id.as_str())
                                .collect::<Vec<_>>()
                                .join(", "),
                        ),
                    ],
                ),
            );
        }
        if q.text.trim().is_empty() {
            found.add(format!("{place}.text"), t("bank-check-empty-question"));
        }
        if q.short.trim().is_empty() {
            found.add(format!("{place}.short"), t("bank-check-empty-short"));
        }
    }

    /// What each kind of question needs: a known scale, a score of 0-4, a range with
    /// a whole number in it and a unit, a positive length.
    fn check_kind(&self, found: &mut Found, place: &str, q: &Question) {
        match q.kind {
            Kind::Scale => match &q.scale {
                None => found.add(format!("{place}.scale"), t("bank-check-scale-missing")),
                Some(s) if !self.scales.contains_key(s) => found.add(
                    format!("{place}.scale"),
                    t_args(
                        "bank-check-unknown-scale",
                        &[
                            ("scale", s),
                            (
                                "scales",
                                &self.scales.keys().cloned().collect::<Vec<_>>().join(", "),
                            ),
                        ],
                    ),
                ),
                Some(_) => {}
            },
            Kind::YesNo => {
                if let Some(s) = q.score_yes
                    && s > 4
                {
                    found.add(format!("{place}.score_yes"), score_range(s));
                }
            }
            Kind::Number => check_number(found, place, q),
            Kind::Text => {
                if q.max_length == Some(0) {
                    found.add(
                        format!("{place}.max_length"),
                        t("bank-check-max-length-zero"),
                    );
                }
            }
        }
    }

    /// A block is asked as one: another question inside it would be asked while its
    /// alerts are held. `starts` keeps where each block began.
    fn check_block<'b>(
        &'b self,
        found: &mut Found,
        i: usize,
        starts: &mut HashMap<&'b str, usize>,
    ) {
        let Some(b) = &self.questions[i].block else {
            return;
        };
        let place = format!("questions[{i}].block");
        found.check_id(&place, b);
        let continues = i > 0 && self.questions[i - 1].block.as_ref() == Some(b);
        if !continues && let Some(first) = starts.get(b.as_str()) {
            found.add(
                place,
                t_args(
                    "bank-check-broken-block",
                    &[("block", b), ("first", &first.to_string())],
                ),
            );
        }
        starts.entry(b.as_str()).or_insert(i);
    }

    /// The "about you" items: unique ids, a question and a short name each.
    fn check_profile_items(&self, found: &mut Found) {
        let mut ids = HashMap::new();
        for (i, item) in self.profile.iter().enumerate() {
            let place = format!("profile[{i}]");
            found.check_id(&format!("{place}.id"), &item.id);
            if let Some(first) = ids.insert(item.id.as_str(), i) {
                found.add(
                    format!("{place}.id"),
                    t_args(
                        "bank-check-duplicate-profile",
                        &[("id", &item.id), ("first", &first.to_string())],
                    ),
                );
            }
            if item.text.trim().is_empty() {
                found.add(format!("{place}.text"), t("bank-check-empty-question"));
            }
            if item.short.trim().is_empty() {
                found.add(
                    format!("{place}.short"),
                    t("bank-check-empty-profile-short"),
                );
            }
        }
        if self.profile.len() > MAX_ITEMS {
            found.add(
                "profile".into(),
                t_args(
                    "bank-check-too-many-profile",
                    &[("max", &MAX_ITEMS.to_string())],
                ),
            );
        }
    }

    /// Alert rules: unique ids, a condition on at least one answer, words, a number
    /// to call when urgent enough, and escalations that name other alerts.
    fn check_alerts(&self, found: &mut Found, questions: &HashMap<&str, usize>) {
        let mut ids = HashMap::new();
        for (i, a) in self.alerts.iter().enumerate() {
            let place = format!("alerts[{i}]");
            found.check_id(&format!("{place}.id"), &a.id);
            if let Some(first) = ids.insert(a.id.as_str(), i) {
                found.add(
                    format!("{place}.id"),
                    t_args(
                        "bank-check-duplicate-alert",
                        &[("id", &a.id), ("first", &first.to_string())],
                    ),
                );
            }
            // Alerts may read any question: they run after each answer.
            self.check_condition(found, &format!("{place}.when"), &a.when, questions, None);
            // An alert is raised by an answer; one on the profile alone would have
            // no answer to name, and would stand before anything was asked.
            if a.when.questions().is_empty() {
                found.add(format!("{place}.when"), t("bank-check-alert-no-question"));
            }
            if a.title.trim().is_empty() {
                found.add(format!("{place}.title"), t("bank-check-empty-alert-title"));
            }
            if a.advice.trim().is_empty() {
                found.add(format!("{place}.advice"), t("bank-check-empty-advice"));
            }
            if a.level >= Level::Crisis && a.call.is_empty() {
                found.add(format!("{place}.call"), t("bank-check-no-call"));
            }
        }
        for (i, a) in self.alerts.iter().enumerate() {
            for (j, r) in a.replaces.iter().enumerate() {
                if !ids.contains_key(r.as_str()) || r == &a.id {
                    found.add(
                        format!("alerts[{i}].replaces[{j}]"),
                        t_args("bank-check-not-an-alert", &[("id", r)]),
                    );
                }
            }
        }
    }
}

impl Bank {
    /// The wording for someone answering for another person: none at all, or a
    /// caregiver form of every question, "about you" item, range reason and urgent
    /// alert (the check switches every one of them), each with its text's
    /// placeholders and recall period.
    fn check_caregiver(&self, found: &mut Found) {
        if !self.has_caregiver_text() {
            return;
        }
        for (i, q) in self.questions.iter().enumerate() {
            let place = format!("questions[{i}]");
            let form = Form::default();
            let text = Some(q.text.as_str());
            form.check(found, &place, "text", text, q.text_caregiver.as_deref());
            let reason = q.range_reason.as_deref();
            let reason_caregiver = q.range_reason_caregiver.as_deref();
            form.check(found, &place, "range_reason", reason, reason_caregiver);
            if let (Some(recall), Some(text)) = (&q.recall_period, &q.text_caregiver)
                && !text.contains(recall.as_str())
            {
                found.add(format!("{place}.text_caregiver"), recall_not_said(recall));
            }
        }
        for (i, p) in self.profile.iter().enumerate() {
            let place = format!("profile[{i}]");
            let caregiver = p.text_caregiver.as_deref();
            Form::default().check(found, &place, "text", Some(&p.text), caregiver);
        }
        for (i, a) in self.alerts.iter().enumerate() {
            let place = format!("alerts[{i}]");
            // Advice waits for the summary, where the plain form still reads well;
            // an urgent alert speaks at once, to whoever is there.
            let form = Form {
                needed: a.level.is_urgent(),
            };
            let title = a.title_caregiver.as_deref();
            form.check(found, &place, "title", Some(&a.title), title);
            let advice = a.advice_caregiver.as_deref();
            form.check(found, &place, "advice", Some(&a.advice), advice);
        }
    }
}

/// What a caregiver form must be.
struct Form {
    /// Whether it must be there when its text is.
    needed: bool,
}

impl Default for Form {
    fn default() -> Self {
        Form { needed: true }
    }
}

impl Form {
    /// One caregiver form: `{field}_caregiver` beside `text` (the form for the
    /// person), never without it, not empty, and with the same placeholders.
    fn check(
        &self,
        found: &mut Found,
        place: &str,
        field: &str,
        text: Option<&str>,
        caregiver: Option<&str>,
    ) {
        let place = format!("{place}.{field}_caregiver");
        let (text, caregiver) = match (text, caregiver) {
            (Some(_), None) if self.needed => {
                return found.add(
                    place,
                    t_args("bank-check-caregiver-missing", &[("field", field)]),
                );
            }
            (None, Some(_)) => {
                return found.add(
                    place,
                    t_args("bank-check-caregiver-alone", &[("field", field)]),
                );
            }
            (Some(t), Some(c)) => (t, c),
            _ => return,
        };
        if caregiver.trim().is_empty() {
            return found.add(
                place,
                t_args("bank-check-caregiver-empty", &[("field", field)]),
            );
        }
        let (want, have) = (placeholders(text), placeholders(caregiver));
        if let Some(name) = want.difference(&have).next() {
            found.add(
                place,
                t_args(
                    "bank-check-caregiver-lacks",
                    &[("placeholder", &format!("{{{name}}}")), ("field", field)],
                ),
            );
        } else if let Some(name) = have.difference(&want).next() {
            found.add(
                place,
                t_args(
                    "bank-check-caregiver-adds",
                    &[("placeholder", &format!("{{{name}}}")), ("field", field)],
                ),
            );
        }
    }
}

/// A score outside 0-4, wherever a bank gives one.
fn score_range(score: u8) -> String {
    t_args("bank-check-score-range", &[("score", &score.to_string())])
}

/// A field that only questions of kind `kind` may have.
fn only_for_kind(kind: &str) -> String {
    t_args("bank-check-only-for-kind", &[("kind", kind)])
}

/// A question's own recall period, missing from its text (or caregiver text).
fn recall_not_said(recall: &str) -> String {
    t_args("bank-check-recall-not-said", &[("recall", recall)])
}

/// The fields only some kinds of question may have.
fn check_kind_fields(found: &mut Found, place: &str, q: &Question) {
    let not_number = q.kind != Kind::Number;
    for (field, set, kinds) in [
        ("scale", q.scale.is_some() && q.kind != Kind::Scale, "scale"),
        (
            "score_yes",
            q.score_yes.is_some() && q.kind != Kind::YesNo,
            "yes_no",
        ),
        ("unit", q.unit.is_some() && not_number, "number"),
        ("min", q.min.is_some() && not_number, "number"),
        ("max", q.max.is_some() && not_number, "number"),
        ("integer", q.integer && not_number, "number"),
        (
            "max_length",
            q.max_length.is_some() && q.kind != Kind::Text,
            "text",
        ),
    ] {
        if set {
            found.add(format!("{place}.{field}"), only_for_kind(kinds));
        }
    }
}

/// A number question's range: both ends, in order, with a whole number in it when
/// only whole numbers are allowed; and its unit.
fn check_number(found: &mut Found, place: &str, q: &Question) {
    match (q.min, q.max) {
        // A whole-number question must have a whole number to give.
        (Some(lo), Some(hi))
            if lo.is_finite() && hi.is_finite() && lo <= hi && q.integer && lo.ceil() > hi =>
        {
            found.add(
                format!("{place}.min"),
                t_args(
                    "bank-check-no-whole-number",
                    &[("min", &fmt_num(lo)), ("max", &fmt_num(hi))],
                ),
            )
        }
        (Some(lo), Some(hi)) if lo.is_finite() && hi.is_finite() && lo <= hi => {}
        (Some(_), Some(_)) => found.add(format!("{place}.min"), t("bank-check-min-above-max")),
        _ => found.add(place.to_string(), t("bank-check-number-needs-range")),
    }
    if q.unit.as_deref().is_none_or(|u| u.trim().is_empty()) {
        found.add(format!("{place}.unit"), t("bank-check-unit-missing"));
    }
}

/// A range reason only where there is a range, and a question's own recall period
/// said in its text.
fn check_wording(found: &mut Found, place: &str, q: &Question) {
    if let Some(reason) = &q.range_reason {
        if q.kind != Kind::Number {
            found.add(format!("{place}.range_reason"), only_for_kind("number"));
        } else if reason.trim().is_empty() {
            found.add(
                format!("{place}.range_reason"),
                t("bank-check-empty-range-reason"),
            );
        }
    }
    if let Some(recall) = &q.recall_period {
        if recall.trim().is_empty() {
            found.add(
                format!("{place}.recall_period"),
                t("bank-check-empty-recall"),
            );
        } else if !q.text.contains(recall.as_str()) {
            found.add(format!("{place}.text"), recall_not_said(recall));
        }
    }
}

/// Reports each string under `value` that holds a control character, by JSON path.
fn control_characters(value: &Value, place: &mut String, found: &mut Found) {
    match value {
        Value::String(text) => {
            if let Some(c) = text.chars().find(|c| c.is_control()) {
                found.add(
                    place.trim_start_matches('.').to_string(),
                    t_args(
                        "bank-check-control-character",
                        &[("char", &c.escape_default().to_string())],
                    ),
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = place.len();
                place.push_str(&format!("[{i}]"));
                control_characters(item, place, found);
                place.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = place.len();
                place.push('.');
                place.push_str(key);
                control_characters(item, place, found);
                place.truncate(len);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    /// The bundled bank with `change` made to its JSON, parsed but not checked.
    fn bank_with(change: impl FnOnce(&mut Value)) -> Bank {
        let mut v: Value = serde_json::from_str(crate::bank::BUNDLED_BANK).expect("JSON");
        change(&mut v);
        serde_json::from_value(v).expect("a bank's shape")
    }

    /// What one check found, as (place, message).
    fn found_by(bank: &Bank, check: impl FnOnce(&Bank, &mut Found)) -> Vec<(String, String)> {
        let mut found = Found::default();
        check(bank, &mut found);
        found
            .into_problems()
            .into_iter()
            .map(|p| (p.place, p.message))
            .collect()
    }

    fn places(found: &[(String, String)]) -> Vec<&str> {
        found.iter().map(|(p, _)| p.as_str()).collect()
    }

    #[test]
    fn the_bundled_bank_has_no_problems() {
        assert_eq!(bank_with(|_| {}).problems(), []);
    }

    #[test]
    fn too_many_entries_are_said_alone_and_first() {
        let bank = bank_with(|v| {
            let one = v["sections"][0].clone();
            v["sections"] = Value::Array(vec![one; MAX_ITEMS + 1]);
        });
        let p = bank.problems();
        assert_eq!(p.len(), 1, "{p:?}");
        assert_eq!(p[0].place, "sections");
        assert!(
            p[0].message
                .starts_with("has 1001 entries, but a bank may have at most 1000")
        );
    }

    #[test]
    fn a_control_character_in_any_text_is_named_by_its_path() {
        let bank = bank_with(|v| v["questions"][2]["text"] = json!("Stopped?\u{1b}[2J"));
        let found = found_by(&bank, Bank::check_text);
        assert_eq!(places(&found), ["questions[2].text"]);
        assert!(
            found[0]
                .1
                .starts_with("holds the control character \\u{1b}"),
            "{found:?}"
        );
    }

    #[test]
    fn the_header_needs_a_known_format_an_id_its_names_and_the_safety_notice() {
        let bank = bank_with(|v| {
            v["format"] = json!(2);
            v["id"] = json!("Baclofen");
            v["title"] = json!(" ");
            v["intro"] = json!(["Hello."]);
        });
        let found = found_by(&bank, Bank::check_header);
        assert_eq!(places(&found), ["format", "id", "title", "intro"]);
        assert!(found[1].1.contains("is not a snake_case id"), "{found:?}");
        assert_eq!(
            found[3].1,
            "does not include the safety_notice text; add it to one of the paragraphs"
        );
    }

    #[test]
    fn sections_have_their_own_ids_and_titles() {
        let bank = bank_with(|v| {
            v["sections"][1]["id"] = v["sections"][0]["id"].clone();
            v["sections"][1]["title"] = json!("");
        });
        let found = found_by(&bank, |b, f| {
            b.check_sections(f);
        });
        assert_eq!(places(&found), ["sections[1].id", "sections[1].title"]);
        assert!(found[0].1.starts_with("duplicate section id"), "{found:?}");
    }

    #[test]
    fn a_section_s_column_is_short_and_not_empty() {
        let bank = bank_with(|v| {
            v["sections"][0]["column"] = json!("");
            v["sections"][1]["column"] = json!("a column name too long");
            v["sections"][2]["column"] = json!("fourteen chars");
        });
        let found = found_by(&bank, |b, f| {
            b.check_sections(f);
        });
        assert_eq!(places(&found), ["sections[0].column", "sections[1].column"]);
        assert!(found[1].1.starts_with("is 22 characters"), "{found:?}");
    }

    #[test]
    fn scale_options_go_up_one_step_at_a_time_from_zero() {
        let bank = bank_with(|v| {
            v["scales"]["severity"][1]["score"] = json!(2);
            v["scales"]["severity"][2]["id"] = json!("none");
            v["scales"]["frequency"] = json!([{"id": "never", "label": "Never", "score": 0}]);
        });
        let found = found_by(&bank, Bank::check_scales);
        assert_eq!(
            places(&found),
            [
                "scales.frequency",
                "scales.severity[1].score",
                "scales.severity[2].id"
            ]
        );
        assert!(found[1].1.starts_with("is 2 but must be 1"), "{found:?}");
    }

    #[test]
    fn questions_have_their_own_ids_a_known_section_and_words() {
        let bank = bank_with(|v| {
            v["questions"][5]["id"] = json!("breathing");
            v["questions"][9]["id"] = json!("profile");
            v["questions"][10]["section"] = json!("elsewhere");
            v["questions"][12]["short"] = json!("");
        });
        let sections = bank
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let found = found_by(&bank, |b, f| {
            b.check_questions(f, &sections);
        });
        assert_eq!(
            places(&found),
            [
                "questions[5].id",
                "questions[9].id",
                "questions[10].section",
                "questions[12].short"
            ]
        );
        assert!(
            found[0]
                .1
                .starts_with("duplicate question id \"breathing\" (also questions[4])")
        );
    }

    /// The bundled bank's `i`th question, changed.
    fn question(i: usize, change: impl FnOnce(&mut Value)) -> Question {
        bank_with(|v| change(&mut v["questions"][i])).questions[i].clone()
    }

    #[test]
    fn fields_of_another_kind_are_refused() {
        let q = question(0, |q| {
            q["unit"] = json!("days");
            q["max_length"] = json!(10);
        });
        let mut found = Found::default();
        check_kind_fields(&mut found, "questions[0]", &q);
        let p = found.into_problems();
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].place, "questions[0].unit");
        assert_eq!(
            p[0].message,
            "is only for number questions; remove it or change \"kind\""
        );
        assert_eq!(p[1].place, "questions[0].max_length");
    }

    #[test]
    fn each_kind_has_what_it_needs() {
        let bank = bank_with(|_| {});
        let check = |i: usize, change: &dyn Fn(&mut Value)| {
            let q = question(i, change);
            found_by(&bank, |b, f| b.check_kind(f, "q", &q))
        };
        let found = check(11, &|q| q["scale"] = json!("pain"));
        assert!(
            found[0]
                .1
                .starts_with("scale \"pain\" is not in \"scales\""),
            "{found:?}"
        );
        let found = check(4, &|q| q["score_yes"] = json!(5));
        assert_eq!(places(&found), ["q.score_yes"]);
        let found = check(31, &|q| q["max_length"] = json!(0));
        assert_eq!(found, [("q.max_length".into(), "must be above 0".into())]);
    }

    #[test]
    fn a_number_question_has_a_range_with_a_whole_number_in_it_and_a_unit() {
        let check = |change: &dyn Fn(&mut Value)| {
            let mut found = Found::default();
            check_number(&mut found, "q", &question(3, change));
            found.into_problems()
        };
        let p = check(&|q| {
            q["min"] = json!(0.2);
            q["max"] = json!(0.8);
        });
        assert!(
            p[0].message
                .starts_with("no whole number lies between \"min\" 0.2 and \"max\" 0.8")
        );
        let p = check(&|q| q["min"] = json!(9));
        assert_eq!(p[0].place, "q.min");
        let p = check(&|q| {
            q.as_object_mut().map(|o| o.remove("max"));
            q["unit"] = json!(" ");
        });
        assert_eq!(
            p.iter().map(|p| p.place.as_str()).collect::<Vec<_>>(),
            ["q", "q.unit"]
        );
        assert!(check(&|_| {}).is_empty());
    }

    #[test]
    fn a_range_reason_needs_a_range_and_a_recall_period_is_said_in_the_text() {
        let q = question(0, |q| {
            q["range_reason"] = json!("Because.");
            q["recall_period"] = json!("the last 3 months");
        });
        let mut found = Found::default();
        check_wording(&mut found, "q", &q);
        let p = found.into_problems();
        assert_eq!(p[0].place, "q.range_reason");
        assert_eq!(p[1].place, "q.text");
        assert!(p[1].message.contains("\"the last 3 months\""), "{p:?}");
    }

    #[test]
    fn a_block_is_one_run_of_questions() {
        let bank = bank_with(|v| {
            for i in [0, 2] {
                v["questions"][i]["block"] = json!("screen");
            }
        });
        let found = found_by(&bank, |b, f| {
            let mut starts = HashMap::new();
            for i in 0..3 {
                b.check_block(f, i, &mut starts);
            }
        });
        assert_eq!(places(&found), ["questions[2].block"]);
        assert!(
            found[0]
                .1
                .starts_with("block \"screen\" began at questions[0]")
        );
    }

    #[test]
    fn about_you_items_have_their_own_ids_and_words() {
        let bank = bank_with(|v| {
            v["profile"][1]["id"] = json!("kidney");
            v["profile"][2]["text"] = json!("");
        });
        let found = found_by(&bank, Bank::check_profile_items);
        assert_eq!(places(&found), ["profile[1].id", "profile[2].text"]);
        assert!(
            found[0]
                .1
                .starts_with("duplicate profile id \"kidney\" (also profile[0])")
        );
    }

    #[test]
    fn alerts_test_an_answer_give_a_number_when_urgent_and_replace_other_alerts() {
        let bank = bank_with(|v| {
            v["alerts"][0]["when"] = json!({"profile": "kidney", "equals": true});
            v["alerts"][0]["call"] = json!([]);
            v["alerts"][1]["replaces"] = json!(["nothing", v["alerts"][1]["id"].clone()]);
        });
        let questions = bank
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.as_str(), i))
            .collect();
        let found = found_by(&bank, |b, f| b.check_alerts(f, &questions));
        assert_eq!(
            places(&found),
            [
                "alerts[0].when",
                "alerts[0].call",
                "alerts[1].replaces[0]",
                "alerts[1].replaces[1]"
            ]
        );
        assert!(found[0].1.starts_with("tests no question;"), "{found:?}");
    }

    /// Every caregiver field taken out of the bundled bank's JSON.
    fn without_caregiver_text(v: &mut Value) {
        for list in ["questions", "profile", "alerts"] {
            for item in v[list].as_array_mut().into_iter().flatten() {
                if let Some(o) = item.as_object_mut() {
                    o.retain(|k, _| !k.ends_with("_caregiver"));
                }
            }
        }
    }

    #[test]
    fn a_bank_has_caregiver_wording_everywhere_or_nowhere() {
        let bank = bank_with(without_caregiver_text);
        assert!(!bank.has_caregiver_text());
        assert_eq!(bank.problems(), []);
        // One caregiver text asks for all of them.
        let bank = bank_with(|v| {
            without_caregiver_text(v);
            v["questions"][0]["text_caregiver"] = json!("Did they get it from a pump?");
        });
        let found = found_by(&bank, Bank::check_caregiver);
        assert_eq!(found.len(), 31 + 1 + 5 + 2 * 22, "{found:#?}");
        assert_eq!(found[0].0, "questions[1].text_caregiver");
        assert!(
            found[0]
                .1
                .starts_with("is missing; this bank has caregiver wording")
        );
        assert!(places(&found).contains(&"questions[3].range_reason_caregiver"));
        assert!(places(&found).contains(&"profile[0].text_caregiver"));
        assert!(places(&found).contains(&"alerts[0].title_caregiver"));
        assert!(places(&found).contains(&"alerts[0].advice_caregiver"));
        // Advice waits for the summary: its caregiver form is not required.
        let advice = bank.alerts.iter().position(|a| !a.level.is_urgent());
        let advice = format!("alerts[{}].advice_caregiver", advice.unwrap_or(0));
        assert!(!places(&found).contains(&advice.as_str()), "{advice}");
    }

    #[test]
    fn a_caregiver_text_keeps_its_placeholders_and_recall_period() {
        let bank = bank_with(|v| {
            v["alerts"][0]["advice_caregiver"] = json!("Call their prescriber today.");
            v["alerts"][1]["advice_caregiver"] = json!("Call {emergency} or {poison}.");
            v["alerts"][2]["title_caregiver"] = json!(" ");
            v["questions"][8]["text_caregiver"] = json!("Have they tried to end their life?");
            v["questions"][0]["range_reason_caregiver"] = json!("Because.");
        });
        let found = found_by(&bank, Bank::check_caregiver);
        assert_eq!(
            places(&found),
            [
                "questions[0].range_reason_caregiver",
                "questions[8].text_caregiver",
                "alerts[0].advice_caregiver",
                "alerts[1].advice_caregiver",
                "alerts[2].title_caregiver",
            ]
        );
        assert!(
            found[0]
                .1
                .starts_with("has no \"range_reason\" to stand for")
        );
        assert!(found[1].1.contains("\"the last 3 months\""), "{found:?}");
        assert!(
            found[2]
                .1
                .starts_with("has no {emergency}, but the advice has")
        );
        assert!(
            found[3]
                .1
                .starts_with("has {poison}, but the advice has not")
        );
        assert!(found[4].1.starts_with("is empty"), "{found:?}");
    }
}
