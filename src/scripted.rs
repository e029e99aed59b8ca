//! The scripted front end: `sidecheck check --answers FILE` runs the same flow, the
//! same urgent rules and the same save as the guided prompt, with no terminal.

use crate::i18n::t_args;
use std::collections::HashSet;
use std::fmt;

use chrono::{DateTime, FixedOffset};
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;

use crate::answer::Answer;
use crate::bank::Bank;
use crate::error::Error;
use crate::flow::Flow;
use crate::profile::Profile;
use crate::record::Respondent;

/// The most an answers file may hold.
pub const MAX_ANSWERS_BYTES: u64 = 64 * 1024 * 1024;

/// The key of an answers file that holds "about you" answers, not a question's.
pub const PROFILE_KEY: &str = "profile";

/// The key of an answers file that says who answered: `"self"` or `"caregiver"`,
/// as the record writes it.
pub const RESPONDENT_KEY: &str = "respondent";

/// An answers file: question ids mapped to answers, in file order, keys unique.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers(pub Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Answers, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a JSON object that maps question ids to answers")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Answers, A::Error> {
                let mut seen = HashSet::new();
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    if !seen.insert(k.clone()) {
                        return Err(serde::de::Error::custom(format!(
                            "question id \"{k}\" is given twice; keep one answer"
                        )));
                    }
                    out.push((k, v));
                }
                Ok(Answers(out))
            }
        }
        d.deserialize_map(V)
    }
}

impl Answers {
    /// Parses an answers file; `name` names it in errors.
    pub fn parse(name: &str, text: &str) -> Result<Answers, Error> {
        let text = crate::text::without_bom(text);
        if text.trim().is_empty() {
            return Err(Error::Input(t_args("scripted-empty", &[("name", name)])));
        }
        serde_json::from_str::<Answers>(text)
            .map_err(|e| Error::Input(crate::json_error::json_error(name, &e)))
    }

    fn get(&self, id: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, v)| v)
    }

    /// The file's "about you" answers (its `"profile"` object), if it has them.
    pub fn profile(&self, bank: &Bank, name: &str) -> Result<Option<Profile>, Error> {
        self.get(PROFILE_KEY)
            .map(|v| Profile::from_json(bank, v).map_err(|e| Error::Input(format!("{name}: {e}"))))
            .transpose()
    }

    /// Who the file says answered (its `"respondent"`), if it says.
    pub fn respondent(&self, name: &str) -> Result<Option<Respondent>, Error> {
        let Some(v) = self.get(RESPONDENT_KEY) else {
            return Ok(None);
        };
        serde_json::from_value(v.clone()).map(Some).map_err(|_| {
            Error::Input(t_args(
                "caregiver-file-respondent",
                &[("name", name), ("key", RESPONDENT_KEY)],
            ))
        })
    }
}

/// What a scripted run reports as it goes.
pub trait Events {
    /// An urgent alert was raised: show it now.
    fn alert(&mut self, rule: &crate::bank::AlertRule);
    /// A notice that is not an error (an ignored answer).
    fn notice(&mut self, text: &str);
    /// The time to stamp the alerts shown with; the flow has no clock. None keeps
    /// no time (tests).
    fn now(&self) -> Option<DateTime<FixedOffset>> {
        None
    }
}

/// Runs the flow over the answers. Alerts are reported the moment they are raised.
/// Any problem is an error naming the question id; the caller then saves nothing.
pub fn run<'b>(
    bank: &'b Bank,
    name: &str,
    answers: &Answers,
    events: &mut dyn Events,
) -> Result<Flow<'b>, Error> {
    run_from(Flow::new(bank), name, answers, events)
}

/// Like `run`, but carries on from a flow that already holds answers (a stopped
/// check-in's, for `--resume`): the file answers the questions still open. Earlier
/// answers are kept; an answer in the file to one of them is reported as not used.
pub fn run_from<'b>(
    mut flow: Flow<'b>,
    name: &str,
    answers: &Answers,
    events: &mut dyn Events,
) -> Result<Flow<'b>, Error> {
    let bank = flow.bank();
    let earlier: HashSet<String> = flow
        .answer_records()
        .into_iter()
        .map(|a| a.question.into_string())
        .collect();
    refuse_unknown_ids(bank, name, answers)?;
    while let Some(q) = flow.current() {
        let answer = match answers.get(&q.id) {
            None => {
                let why = match &q.when {
                    Some(c) => format!(
                        " ({})",
                        t_args("scripted-asked-because", &[("cond", &c.to_string())])
                    ),
                    None => String::new(),
                };
                Err(Error::Input(t_args(
                    "scripted-missing",
                    &[
                        ("name", name),
                        ("id", &q.id),
                        ("why", &why),
                        ("expected", &bank.expected(q)),
                    ],
                )))
            }
            Some(v) => Answer::from_json(bank, q, v)
                .map_err(|e| Error::Input(format!("{name}: \"{}\": {}", e.question, e.message))),
        };
        let answer = match answer {
            Ok(a) => a,
            Err(e) => {
                // The file ends the check inside a block (a suicide screen with the
                // plan question unanswered): what its answers so far call for is
                // shown all the same, as the guided check shows it on Ctrl-C.
                for rule in flow.show_pending(events.now()) {
                    events.alert(rule);
                }
                return Err(e);
            }
        };
        let shown = match events.now() {
            Some(at) => flow.answer_at(answer, at),
            None => flow.answer(answer),
        };
        for rule in shown {
            events.alert(rule);
        }
    }
    note_unused(&flow, answers, &earlier, events);
    Ok(flow)
}

/// Every key of the answers file must be a question of the bank (or "profile").
fn refuse_unknown_ids(bank: &Bank, name: &str, answers: &Answers) -> Result<(), Error> {
    let unknown: Vec<&str> = answers
        .0
        .iter()
        .map(|(k, _)| k.as_str())
        .filter(|k| ![PROFILE_KEY, RESPONDENT_KEY].contains(k) && bank.question(k).is_none())
        .collect();
    if !unknown.is_empty() {
        // A few are enough to see the mistake; a file of a million keys must not
        // give a message of a million ids.
        let mut list: Vec<String> = unknown
            .iter()
            .take(5)
            .map(|k| format!("\"{}\"", k.chars().take(64).collect::<String>()))
            .collect();
        if unknown.len() > list.len() {
            let more = (unknown.len() - list.len()).to_string();
            list.push(t_args("scripted-and-more", &[("more", &more)]));
        }
        return Err(Error::Input(t_args(
            "scripted-unknown-ids",
            &[("name", name), ("ids", &list.join(", "))],
        )));
    }
    Ok(())
}

/// Says which answers of the file were not used: a different answer to a question
/// the stopped check-in already answered (in `earlier`), or an answer to a
/// follow-up that the other answers do not call for.
fn note_unused(
    flow: &Flow<'_>,
    answers: &Answers,
    earlier: &HashSet<String>,
    events: &mut dyn Events,
) {
    let bank = flow.bank();
    for (id, v) in &answers.0 {
        if earlier.contains(id) {
            let same = bank
                .question(id)
                .and_then(|q| Answer::from_json(bank, q, v).ok())
                .is_some_and(|a| flow.answer_to(id) == Some(&a));
            if !same {
                events.notice(&t_args("scripted-kept-earlier", &[("id", id)]));
            }
        } else if flow.answer_to(id).is_none()
            && let Some(q) = bank.question(id)
        {
            let cond = q.when.as_ref().map(|c| c.to_string()).unwrap_or_default();
            events.notice(&t_args("scripted-ignored", &[("id", id), ("cond", &cond)]));
        }
    }
}
