//! Answers against this bank's questions: reading one from JSON (an answers file, a
//! saved record, a typed number or text) and writing it back as the log keeps it.
//! The [`Answer`] type and its limits are [`crate::answer`]'s; this is the part that
//! needs the question's kind, options and range.

use crate::i18n::{t, t_args};
use serde_json::Value;

use super::{Bank, Choice, Kind, Question};
use crate::answer::{Answer, AnswerError, number_fits, text_fits};
use crate::text::{fmt_num, same_text, whole};

impl Answer {
    /// Converts a JSON value (as in an answers file) into an answer for `q`.
    pub fn from_json(bank: &Bank, q: &Question, v: &Value) -> Result<Answer, AnswerError> {
        let err = |what: String| AnswerError {
            question: q.id.clone(),
            message: what,
        };
        let wrong = || {
            err(t_args(
                "answer-wrong-type",
                &[
                    ("value", &describe(v)),
                    ("kind", q.kind.as_str()),
                    ("expected", &bank.expected(q)),
                ],
            ))
        };
        match q.kind {
            Kind::YesNo => v.as_bool().map(Answer::Yes).ok_or_else(wrong),
            Kind::Scale => {
                let opts = bank.options(q);
                if let Some(s) = v.as_str() {
                    opts.iter()
                        .position(|c| c.id == s)
                        .map(Answer::Choice)
                        .ok_or_else(|| {
                            err(t_args(
                                "answer-not-an-option",
                                &[("value", s), ("expected", &bank.expected(q))],
                            ))
                        })
                } else if let Some(n) = v.as_f64() {
                    opts.iter()
                        .position(|c| f64::from(c.score) == n)
                        .map(Answer::Choice)
                        .ok_or_else(|| {
                            err(t_args(
                                "answer-score-out-of-range",
                                &[("score", &short_json(v)), ("expected", &bank.expected(q))],
                            ))
                        })
                } else {
                    Err(wrong())
                }
            }
            Kind::Number => {
                let n = v.as_f64().ok_or_else(wrong)?;
                Answer::number(bank, q, n)
            }
            Kind::Text => {
                let s = v.as_str().ok_or_else(wrong)?;
                Answer::text(bank, q, s)
            }
        }
    }

    /// A checked number answer.
    pub fn number(bank: &Bank, q: &Question, n: f64) -> Result<Answer, AnswerError> {
        if number_fits(n, q.min, q.max, q.integer) {
            Ok(Answer::Number(n))
        } else {
            Err(AnswerError {
                question: q.id.clone(),
                message: {
                    let args = [("number", fmt_num(n)), ("expected", bank.expected(q))];
                    let args = args.each_ref().map(|(k, v)| (*k, v.as_str()));
                    let mut message = t_args("answer-out-of-range", &args);
                    if let Some(why) = q.range_reason.as_deref() {
                        message.push_str(". ");
                        message.push_str(why);
                    }
                    message
                },
            })
        }
    }

    /// A checked text answer.
    pub fn text(bank: &Bank, q: &Question, s: &str) -> Result<Answer, AnswerError> {
        if text_fits(s, q.max_text()) {
            Ok(Answer::Text(s.to_string()))
        } else {
            Err(AnswerError {
                question: q.id.clone(),
                message: t_args("answer-text-too-long", &[("expected", &bank.expected(q))]),
            })
        }
    }

    /// A value from a saved record as the answer it was, if it still fits `q` (a
    /// record made with an older version of the bank may not). Only what the log
    /// writes is read: a scale answer by its option id, never by its score. A saved
    /// text is kept whatever its length: the person wrote it under the limit of the
    /// bank they answered.
    pub fn from_saved(bank: &Bank, q: &Question, v: &Value) -> Option<Answer> {
        match q.kind {
            Kind::YesNo => v.as_bool().map(Answer::Yes),
            Kind::Scale => {
                let id = v.as_str()?;
                bank.options(q)
                    .iter()
                    .position(|o| same_text(&o.id, id))
                    .map(Answer::Choice)
            }
            Kind::Number => v
                .as_f64()
                .filter(|&n| number_fits(n, q.min, q.max, q.integer))
                .map(Answer::Number),
            Kind::Text => v.as_str().map(|s| Answer::Text(s.to_string())),
        }
    }

    /// The answer as it goes in the log: true or false, the option's id, a number
    /// (whole numbers without ".0") or the text.
    pub fn to_json(&self, options: &[Choice]) -> Value {
        match self {
            Answer::Yes(b) => Value::Bool(*b),
            Answer::Choice(i) => options
                .get(*i)
                .map(|c| Value::String(c.id.clone()))
                .unwrap_or(Value::Null),
            Answer::Number(n) => match whole(*n) {
                Some(i) => Value::from(i),
                None => serde_json::Number::from_f64(*n)
                    .map(Value::Number)
                    .unwrap_or(Value::Null),
            },
            Answer::Text(s) => Value::String(s.clone()),
        }
    }
}

fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(_) => v.to_string(),
        Value::Number(_) => t_args("answer-the-number", &[("value", &short_json(v))]),
        Value::String(_) => t_args("answer-the-text", &[("value", &short_json(v))]),
        Value::Array(_) => t("answer-a-list"),
        Value::Object(_) => t("answer-an-object"),
    }
}

fn short_json(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 40 {
        format!("{}...", s.chars().take(37).collect::<String>())
    } else {
        s
    }
}
