//! Parity between translations of one bank: everything but the words must be the
//! same. Answers are kept by id and read by the rules, so a Spanish check-in and an
//! English one mean the same only if both banks have the same questions, options,
//! scores, conditions and alerts; and a placeholder lost in translation would lose
//! a number to call.

use crate::i18n::{t, t_args};
use std::collections::HashSet;

use serde::Serialize;
use serde_json::Value;

use super::model::placeholders;
use super::validate::Found;
use super::{AlertRule, Bank, ProfileItem, Question};

impl Bank {
    /// Every difference between this bank and `reference` (the same bank in another
    /// language) that is not text: a missing or extra id, a changed kind, score,
    /// range, condition, follow-up, urgent rule or level, section or "about you"
    /// item, a text one has and the other lacks, and a placeholder one text holds
    /// and the other does not. Places are this bank's.
    pub fn parity(&self, reference: &Bank) -> Vec<super::Problem> {
        let mut p = Parity {
            found: Found::default(),
            other: &reference.language,
        };
        p.header(self, reference);
        p.sections(self, reference);
        p.scales(self, reference);
        p.questions(self, reference);
        p.profile(self, reference);
        p.alerts(self, reference);
        p.found.into_problems()
    }
}

/// The differences found so far, and the reference bank's language to name it by.
struct Parity<'a> {
    found: Found,
    other: &'a str,
}

/// How a value reads in a message: as JSON, one line.
fn shown<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::Null) => t("parity-not-set"),
        Ok(v) => v.to_string(),
        Err(_) => "?".into(),
    }
}

/// `question "breathing": `, the start of a message about one item; `what` is
/// the message id of the item's kind.
fn who(what: &str, id: &str) -> String {
    format!("{} \"{id}\": ", t(what))
}

impl Parity<'_> {
    /// A field that must be the same in both banks.
    fn same<T: PartialEq + Serialize>(
        &mut self,
        place: &str,
        who: &str,
        field: &str,
        here: &T,
        there: &T,
    ) {
        if here != there {
            // The bank's own fields are named by their place alone.
            let (here, there) = (shown(here), shown(there));
            let args = [
                ("who", who),
                ("field", field),
                ("here", &here),
                ("there", &there),
                ("other", self.other),
            ];
            let id = if who.is_empty() {
                "parity-bank-differs"
            } else {
                "parity-differs"
            };
            self.found.add(at(place, field), t_args(id, &args));
        }
    }

    /// A text both banks must have or both lack, with the same placeholders.
    fn same_text(
        &mut self,
        place: &str,
        who: &str,
        field: &str,
        here: Option<&str>,
        there: Option<&str>,
    ) {
        let place = at(place, field);
        let other = self.other;
        let args = [("who", who), ("field", field), ("other", other)];
        let (id, name) = match (here, there) {
            (None, Some(_)) => ("parity-no-text", None),
            (Some(_), None) => ("parity-extra-text", None),
            (Some(h), Some(there)) => {
                let (have, want) = (placeholders(h), placeholders(there));
                if let Some(name) = want.difference(&have).next() {
                    ("parity-no-placeholder", Some(format!("{{{name}}}")))
                } else if let Some(name) = have.difference(&want).next() {
                    ("parity-extra-placeholder", Some(format!("{{{name}}}")))
                } else {
                    return;
                }
            }
            (None, None) => return,
        };
        let name = name.unwrap_or_default();
        let mut args = args.to_vec();
        args.push(("name", &name));
        self.found.add(place, t_args(id, &args));
    }

    /// Each text of an item, by field, as [`Parity::same_text`] compares it.
    fn same_texts<const N: usize>(
        &mut self,
        place: &str,
        who: &str,
        here: [(&str, Option<&str>); N],
        there: [(&str, Option<&str>); N],
    ) {
        for ((field, h), (_, t)) in here.into_iter().zip(there) {
            self.same_text(place, who, field, h, t);
        }
    }

    /// The same ids in the same order. Says each missing and extra id, or else
    /// the first one out of place.
    fn same_ids(&mut self, list: &str, what: &str, here: &[&str], there: &[&str]) {
        let other = self.other;
        let (mine, theirs): (HashSet<&str>, HashSet<&str>) = (
            here.iter().copied().collect(),
            there.iter().copied().collect(),
        );
        let mut same = true;
        for (i, id) in there.iter().enumerate() {
            if !mine.contains(id) {
                same = false;
                let i = i.to_string();
                let args = [
                    ("what", what),
                    ("id", id),
                    ("other", other),
                    ("list", list),
                    ("i", &i),
                ];
                self.found
                    .add(list.into(), t_args("parity-missing-id", &args));
            }
        }
        for (i, id) in here.iter().enumerate() {
            if !theirs.contains(id) {
                same = false;
                let args = [("what", what), ("id", id), ("other", other)];
                self.found
                    .add(format!("{list}[{i}]"), t_args("parity-extra-id", &args));
            }
        }
        if same && let Some(i) = here.iter().zip(there).position(|(h, t)| h != t) {
            let place = format!("{list}[{i}]");
            let args = [
                ("what", what),
                ("here", here[i]),
                ("place", &place),
                ("there", there[i]),
                ("other", other),
            ];
            self.found.add(place.clone(), t_args("parity-order", &args));
        }
    }

    /// The bank's own fields, and the placeholders of its intro and notice.
    fn header(&mut self, here: &Bank, there: &Bank) {
        self.same("", "", "format", &here.format, &there.format);
        self.same("", "", "id", &here.id, &there.id);
        self.same("", "", "version", &here.version, &there.version);
        let (h, t) = (here.intro.join("\n"), there.intro.join("\n"));
        self.same_text("", "", "intro", Some(&h), Some(&t));
        let (h, t) = (&here.safety_notice, &there.safety_notice);
        self.same_text("", "", "safety_notice", Some(h), Some(t));
    }

    /// A list of items with ids: the same ids in the same order, then `each` on
    /// every item here with its counterpart there, at its place here.
    fn items<T>(
        &mut self,
        (list, what): (&str, &str),
        (here, there): (&[T], &[T]),
        id: impl Fn(&T) -> &str,
        mut each: impl FnMut(&mut Self, &str, &T, &T),
    ) {
        let (mine, theirs): (Vec<&str>, Vec<&str>) = (
            here.iter().map(&id).collect(),
            there.iter().map(&id).collect(),
        );
        self.same_ids(list, what, &mine, &theirs);
        for (i, item) in here.iter().enumerate() {
            if let Some(other) = there.iter().find(|o| id(o) == id(item)) {
                each(self, &format!("{list}[{i}]"), item, other);
            }
        }
    }

    fn sections(&mut self, here: &Bank, there: &Bank) {
        let lists = (here.sections.as_slice(), there.sections.as_slice());
        self.items(
            ("sections", &t("parity-section")),
            lists,
            |s| &s.id,
            |p, place, s, o| {
                let who = who("parity-section", &s.id);
                p.same(place, &who, "scored", &s.scored, &o.scored);
                p.same_text(
                    place,
                    &who,
                    "column",
                    s.column.as_deref(),
                    o.column.as_deref(),
                );
            },
        );
    }

    fn scales(&mut self, here: &Bank, there: &Bank) {
        // The scales are a map: only their names count, not their order.
        for name in there
            .scales
            .keys()
            .filter(|n| !here.scales.contains_key(*n))
        {
            let other = self.other;
            self.found.add(
                "scales".into(),
                t_args("parity-missing-scale", &[("name", name), ("other", other)]),
            );
        }
        for (name, options) in &here.scales {
            let place = format!("scales.{name}");
            let Some(theirs) = there.scales.get(name) else {
                let other = self.other;
                self.found.add(
                    place,
                    t_args("parity-extra-scale", &[("name", name), ("other", other)]),
                );
                continue;
            };
            self.items(
                (&place, &t("parity-option")),
                (options, theirs),
                |c| &c.id,
                |p, at, c, o| {
                    let who = who("parity-option", &c.id);
                    p.same(at, &who, "score", &c.score, &o.score);
                },
            );
        }
    }

    fn questions(&mut self, here: &Bank, there: &Bank) {
        let lists = (here.questions.as_slice(), there.questions.as_slice());
        let what = t("parity-question");
        self.items(("questions", &what), lists, |q| &q.id, Self::question);
    }

    /// One question: every field but its words, and which words it has.
    fn question(&mut self, place: &str, q: &Question, o: &Question) {
        let who = who("parity-question", &q.id);
        self.same(place, &who, "section", &q.section, &o.section);
        self.same(place, &who, "kind", &q.kind, &o.kind);
        self.same(place, &who, "scale", &q.scale, &o.scale);
        self.same(place, &who, "score_yes", &q.score_yes, &o.score_yes);
        self.same(place, &who, "min", &q.min, &o.min);
        self.same(place, &who, "max", &q.max, &o.max);
        self.same(place, &who, "integer", &q.integer, &o.integer);
        self.same(place, &who, "max_length", &q.max_length, &o.max_length);
        self.same(place, &who, "when", &q.when, &o.when);
        self.same(place, &who, "block", &q.block, &o.block);
        self.same_texts(place, &who, question_texts(q), question_texts(o));
    }

    fn profile(&mut self, here: &Bank, there: &Bank) {
        let lists = (here.profile.as_slice(), there.profile.as_slice());
        let what = t("parity-profile-item");
        let kind = ("profile", what.as_str());
        self.items(
            kind,
            lists,
            |p| &p.id,
            |me, place, p, o| {
                let who = who("parity-profile-item", &p.id);
                me.same_texts(place, &who, profile_texts(p), profile_texts(o));
            },
        );
    }

    fn alerts(&mut self, here: &Bank, there: &Bank) {
        let lists = (here.alerts.as_slice(), there.alerts.as_slice());
        let what = t("parity-alert");
        self.items(("alerts", &what), lists, |a| &a.id, Self::alert);
    }

    /// One alert: its rule, level, numbers and escalations, and which words it has.
    fn alert(&mut self, place: &str, a: &AlertRule, o: &AlertRule) {
        let who = who("parity-alert", &a.id);
        self.same(place, &who, "when", &a.when, &o.when);
        self.same(place, &who, "level", &a.level, &o.level);
        self.same(place, &who, "call", &a.call, &o.call);
        self.same(place, &who, "replaces", &a.replaces, &o.replaces);
        self.same_texts(place, &who, alert_texts(a), alert_texts(o));
    }
}

/// A question's texts, by field.
fn question_texts(q: &Question) -> [(&'static str, Option<&str>); 6] {
    [
        ("text", Some(q.text.as_str())),
        ("text_caregiver", q.text_caregiver.as_deref()),
        ("unit", q.unit.as_deref()),
        ("range_reason", q.range_reason.as_deref()),
        (
            "range_reason_caregiver",
            q.range_reason_caregiver.as_deref(),
        ),
        ("recall_period", q.recall_period.as_deref()),
    ]
}

/// An "about you" item's texts, by field.
fn profile_texts(p: &ProfileItem) -> [(&'static str, Option<&str>); 2] {
    [
        ("text", Some(p.text.as_str())),
        ("text_caregiver", p.text_caregiver.as_deref()),
    ]
}

/// An alert's texts, by field.
fn alert_texts(a: &AlertRule) -> [(&'static str, Option<&str>); 4] {
    [
        ("title", Some(a.title.as_str())),
        ("advice", Some(a.advice.as_str())),
        ("title_caregiver", a.title_caregiver.as_deref()),
        ("advice_caregiver", a.advice_caregiver.as_deref()),
    ]
}

/// The place of `field` in the item at `place` ("" for the bank itself).
fn at(place: &str, field: &str) -> String {
    if place.is_empty() {
        field.to_string()
    } else {
        format!("{place}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::bank::{BUNDLED_BANK, BUNDLED_BANK_ES};

    fn english() -> Bank {
        serde_json::from_str(BUNDLED_BANK).expect("the English bank")
    }

    /// The bundled Spanish bank with `change` made to its JSON.
    fn spanish_with(change: impl FnOnce(&mut Value)) -> Bank {
        let mut v: Value = serde_json::from_str(BUNDLED_BANK_ES).expect("JSON");
        change(&mut v);
        serde_json::from_value(v).expect("a bank's shape")
    }

    /// Each difference from the English bank, as "place: message".
    fn differences(change: impl FnOnce(&mut Value)) -> Vec<String> {
        spanish_with(change)
            .parity(&english())
            .into_iter()
            .map(|p| format!("{}: {}", p.place, p.message))
            .collect()
    }

    /// The one difference `change` makes; it names `id` at `place`.
    fn one(change: impl FnOnce(&mut Value), place: &str, id: &str) -> String {
        let found = differences(change);
        assert_eq!(found.len(), 1, "{found:#?}");
        let line = found[0].clone();
        assert!(line.starts_with(&format!("{place}: ")), "{line}");
        assert!(line.contains(&format!("\"{id}\"")), "{line}");
        line
    }

    #[test]
    fn the_bundled_banks_differ_only_in_their_words() {
        assert_eq!(differences(|_| {}), Vec::<String>::new());
        assert_eq!(english().parity(&english()), []);
        let (en, es) = (english(), spanish_with(|_| {}));
        assert_eq!((en.language.as_str(), es.language.as_str()), ("en", "es"));
        assert_ne!(en.questions[4].text, es.questions[4].text);
    }

    #[test]
    fn a_missing_or_extra_question_is_named() {
        let found = differences(|v| {
            v["questions"].as_array_mut().map(|q| q.remove(31));
        });
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(found[0].starts_with("questions: question \"notes\" is missing"));
        assert!(found[0].contains("at questions[31]"), "{found:?}");
        let found = differences(|v| v["questions"][31]["id"] = json!("more_notes"));
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].starts_with("questions: question \"notes\" is missing"));
        assert!(found[1].starts_with("questions[31]: question \"more_notes\" is not in"));
    }

    #[test]
    fn questions_out_of_order_are_named() {
        let line = one(
            |v| {
                if let Some(q) = v["questions"].as_array_mut() {
                    q.swap(4, 5);
                }
            },
            "questions[4]",
            "seizure",
        );
        assert!(line.contains("\"breathing\" in the \"en\" bank"), "{line}");
        assert!(line.contains("same order"), "{line}");
    }

    #[test]
    fn each_changed_field_of_a_question_is_named() {
        for (field, value) in [
            ("kind", json!("scale")),
            ("section", json!("common")),
            ("score_yes", json!(3)),
            ("when", json!({"question": "pump", "equals": true})),
            ("block", json!("screen")),
        ] {
            let line = one(
                |v| v["questions"][4][field] = value.clone(),
                &format!("questions[4].{field}"),
                "breathing",
            );
            assert!(line.contains("only the text"), "{line}");
        }
        for (field, value) in [
            ("min", json!(0)),
            ("max", json!(6)),
            ("integer", json!(false)),
        ] {
            one(
                |v| v["questions"][3][field] = value.clone(),
                &format!("questions[3].{field}"),
                "missed_days",
            );
        }
        one(
            |v| v["questions"][11]["scale"] = json!("frequency"),
            "questions[11].scale",
            "upset_stomach",
        );
        one(
            |v| v["questions"][31]["max_length"] = json!(500),
            "questions[31].max_length",
            "notes",
        );
    }

    #[test]
    fn a_text_one_bank_has_and_the_other_lacks_is_named() {
        let line = one(
            |v| {
                v["questions"][3]
                    .as_object_mut()
                    .map(|q| q.remove("range_reason_caregiver"));
            },
            "questions[3].range_reason_caregiver",
            "missed_days",
        );
        assert!(line.contains("has no range_reason_caregiver"), "{line}");
        let line = one(
            |v| v["questions"][0]["recall_period"] = json!("los últimos 7 días"),
            "questions[0].recall_period",
            "pump",
        );
        assert!(line.contains("has a recall_period"), "{line}");
        one(
            |v| {
                v["alerts"][0]
                    .as_object_mut()
                    .map(|a| a.remove("advice_caregiver"));
            },
            "alerts[0].advice_caregiver",
            "breathing",
        );
    }

    #[test]
    fn a_lost_or_added_placeholder_is_named() {
        let line = one(
            |v| v["alerts"][0]["advice"] = json!("Llame a su médico."),
            "alerts[0].advice",
            "breathing",
        );
        assert!(line.contains("has no {emergency}"), "{line}");
        let line = one(
            |v| v["alerts"][0]["advice_caregiver"] = json!("Llame al {emergency} o al {poison}."),
            "alerts[0].advice_caregiver",
            "breathing",
        );
        assert!(line.contains("has {poison}"), "{line}");
        let found = differences(|v| v["intro"] = json!([v["safety_notice"].clone()]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("intro: has no {emergency}"),
            "{found:?}"
        );
    }

    #[test]
    fn alert_rules_levels_numbers_and_escalations_are_compared() {
        for (field, value) in [
            ("level", json!("crisis")),
            ("when", json!({"question": "breathing", "equals": false})),
            ("call", json!(["emergency"])),
            ("replaces", json!(["seizure"])),
        ] {
            let line = one(
                |v| v["alerts"][0][field] = value.clone(),
                &format!("alerts[0].{field}"),
                "breathing",
            );
            assert!(line.contains("here but"), "{line}");
        }
        let found = differences(|v| v["alerts"][0]["id"] = json!("breath"));
        assert_eq!(found.len(), 2, "{found:#?}");
        assert!(found[0].starts_with("alerts: alert \"breathing\" is missing"));
        assert!(found[1].starts_with("alerts[0]: alert \"breath\" is not in"));
    }

    #[test]
    fn sections_scales_the_profile_and_the_header_are_compared() {
        one(
            |v| v["sections"][0]["scored"] = json!(true),
            "sections[0].scored",
            "context",
        );
        let found = differences(|v| v["sections"][1]["id"] = json!("grave"));
        assert!(found[0].starts_with("sections: section \"serious\" is missing"));
        assert!(found[1].starts_with("sections[1]: section \"grave\" is not in"));
        one(
            |v| v["scales"]["severity"][1]["score"] = json!(2),
            "scales.severity[1].score",
            "mild",
        );
        let found = differences(|v| v["scales"]["severity"][1]["id"] = json!("leve"));
        assert!(found[0].starts_with("scales.severity: option \"mild\" is missing"));
        assert!(found[1].starts_with("scales.severity[1]: option \"leve\" is not in"));
        let found = differences(|v| {
            let scale = v["scales"]["severity"].clone();
            v["scales"].as_object_mut().map(|s| s.remove("severity"));
            v["scales"]["gravedad"] = scale;
        });
        assert!(
            found[0].starts_with("scales: scale \"severity\" is missing"),
            "{found:#?}"
        );
        assert!(found[1].starts_with("scales.gravedad: scale \"gravedad\" is not in"));
        let found = differences(|v| v["profile"][4]["id"] = json!("conduce"));
        assert!(found[0].starts_with("profile: \"about you\" item \"drives\" is missing"));
        one(
            |v| {
                v["profile"][0]
                    .as_object_mut()
                    .map(|p| p.remove("text_caregiver"));
            },
            "profile[0].text_caregiver",
            "kidney",
        );
        for (field, value) in [("version", json!("1.0.0")), ("id", json!("baclofeno"))] {
            let found = differences(|v| v[field] = value.clone());
            assert_eq!(found.len(), 1, "{found:?}");
            assert!(
                found[0].starts_with(&format!("{field}: is \"")),
                "{found:?}"
            );
        }
    }
}
