//! The page's words in the export's language ([`crate::i18n::current`]), looked up
//! in the catalogue once per export, not once per row: a row is made of these
//! pieces and the record's values, with no lookup and no allocation.
//!
//! The catalogue's `html-*` messages are pieces of the page's HTML as they stand
//! (some hold `<b>`); every argument that comes from the bank or the log is
//! escaped ([`Esc`]) before it goes in.

use serde_json::Value;

use crate::bank::{Bank, Level};
use crate::i18n::{t, t_args, t_count};
use crate::record::{AlertRecord, AnswerRecord, CheckIn};
use crate::text::push_uint_text;

/// A text escaped for HTML as [`super::push_esc`] does, put in its place in a
/// message ([`Arg`]), so a text from the bank or the log goes into a message or a
/// row without being copied first.
pub(super) struct Esc<'a>(pub &'a str);

/// What a [`Template`] puts in an argument's place, written straight into the
/// row: a text as it is, a text escaped ([`Esc`]), or a count, with no formatting
/// machinery (a row fills in several templates).
pub(super) trait Arg {
    fn put(&self, s: &mut String);
}

impl Arg for Esc<'_> {
    fn put(&self, s: &mut String) {
        super::push_esc(s, self.0);
    }
}

impl Arg for &str {
    fn put(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl Arg for String {
    fn put(&self, s: &mut String) {
        s.push_str(self);
    }
}

impl Arg for u8 {
    fn put(&self, s: &mut String) {
        push_uint_text(s, *self);
    }
}

impl Arg for u32 {
    fn put(&self, s: &mut String) {
        push_uint_text(s, *self);
    }
}

/// Marks an argument's place in a message formatted once ([`Template::new`]): a
/// private-use character no message or argument holds, then the argument's number.
const MARK: char = '\u{E000}';

/// A message with arguments, formatted once with a mark in each argument's place
/// and cut there, so a row fills it in by writing its values between the pieces.
pub(super) struct Template {
    /// The text before each argument, then the text after the last.
    pieces: Vec<String>,
    /// Which argument goes after each piece but the last.
    order: Vec<usize>,
}

impl Template {
    /// Message `id`, whose arguments are `names` (text, not counts).
    pub(super) fn new(id: &str, names: &[&str]) -> Template {
        let marks: Vec<String> = (0..names.len()).map(|i| format!("{MARK}{i}")).collect();
        let args: Vec<(&str, &str)> = names
            .iter()
            .zip(&marks)
            .map(|(n, m)| (*n, m.as_str()))
            .collect();
        let text = t_args(id, &args);
        let mut pieces = Vec::new();
        let mut order = Vec::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(MARK) {
            pieces.push(rest[..at].to_string());
            let after = &rest[at + MARK.len_utf8()..];
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            order.push(after[..digits].parse().unwrap_or(0));
            rest = &after[digits..];
        }
        pieces.push(rest.to_string());
        Template { pieces, order }
    }

    /// Appends the message to `s` with `args` in their places.
    pub(super) fn write(&self, s: &mut String, args: &[&dyn Arg]) {
        for (piece, &i) in self.pieces.iter().zip(&self.order) {
            s.push_str(piece);
            if let Some(arg) = args.get(i) {
                arg.put(s);
            }
        }
        if let Some(last) = self.pieces.last() {
            s.push_str(last);
        }
    }

    /// The message with `args` in their places.
    pub(super) fn text(&self, args: &[&dyn Arg]) -> String {
        let mut s = String::new();
        self.write(&mut s, args);
        s
    }
}

/// The words of the rows of the page's tables, in the export's language.
pub(super) struct Words {
    /// The export's language code: a record saved in another one has its saved
    /// words (labels, alert titles) replaced by the bank's ([`Words::label`]).
    pub lang: &'static str,
    levels: [String; 4],
    pub retracted_mark: String,
    pub retracted_status: Template,
    pub standing: String,
    pub stopped: String,
    pub completed: String,
    pub baseline: String,
    pub nothing_answered: String,
    pub answers_given: String,
    pub no_symptoms: String,
    pub urgent_tag: String,
    pub urgent_item: Template,
    pub retracted_item: Template,
    pub section_graded: Template,
    pub section_yes: Template,
    pub grade_of: Template,
    pub yes: String,
    pub no: String,
}

impl Words {
    pub(super) fn new() -> Words {
        Words {
            lang: crate::i18n::current().code(),
            levels: [
                t("html-level-emergency"),
                t("html-level-crisis"),
                t("html-level-prescriber"),
                t("html-level-advice"),
            ],
            retracted_mark: t("html-retracted-mark"),
            retracted_status: Template::new("html-retracted-status", &["how"]),
            standing: t("html-standing"),
            stopped: t("html-stopped"),
            completed: t("html-completed"),
            baseline: t("html-baseline-mark"),
            nothing_answered: t("html-nothing-answered"),
            answers_given: t("html-answers-given"),
            no_symptoms: t("html-no-symptoms"),
            urgent_tag: t("html-urgent-tag"),
            urgent_item: Template::new("html-urgent-item", &["level", "title"]),
            retracted_item: Template::new("html-retracted-item", &["level", "title", "how"]),
            section_graded: Template::new(
                "html-section-graded",
                &["moderate", "graded", "highest"],
            ),
            section_yes: Template::new("html-section-yes", &["yes"]),
            grade_of: Template::new("html-grade-of", &["grade", "top"]),
            yes: t("html-yes"),
            no: t("html-no"),
        }
    }

    /// What a clinician calls an alert level.
    pub(super) fn level(&self, level: Level) -> &str {
        &self.levels[match level {
            Level::Emergency => 0,
            Level::Crisis => 1,
            Level::Prescriber => 2,
            Level::Advice => 3,
        }]
    }

    /// Whether `r` was saved in another language than the export's: its saved
    /// words are then the bank's, so a log of both languages reads in one.
    fn foreign(&self, r: &CheckIn) -> bool {
        r.bank.language != self.lang
    }

    /// The words of an answer's choice: as saved, or for a record in another
    /// language the export bank's label of the same option (found by its id), if
    /// the bank has it; for a yes or no in another language none, so the page's
    /// own words are used.
    pub(super) fn label<'a>(
        &self,
        r: &'a CheckIn,
        a: &'a AnswerRecord,
        bank: Option<&'a Bank>,
    ) -> Option<&'a str> {
        let saved = a.label.as_deref();
        if !self.foreign(r) {
            return saved;
        }
        let option = match &a.value {
            // The page's own yes and no.
            Value::Bool(_) => return None,
            Value::String(option) => option,
            _ => return saved,
        };
        let q = bank.and_then(|b| b.position(&a.question).map(|i| (b, &b.questions[i])));
        let ours = q.and_then(|(b, q)| {
            b.scales
                .get(q.scale.as_deref()?)?
                .iter()
                .find(|c| c.id == *option)
                .map(|c| c.label.as_str())
        });
        ours.or(saved)
    }

    /// An alert's title: as saved, or for a record in another language the export
    /// bank's title of the same alert rule, if the bank has it.
    pub(super) fn title<'a>(&self, r: &CheckIn, a: &'a AlertRecord, bank: &'a Bank) -> &'a str {
        if self.foreign(r)
            && let Some(rule) = bank.alerts.iter().find(|x| x.id == a.id)
        {
            return &rule.title;
        }
        &a.title
    }
}

/// Message `id` with a count that picks its plural, and text arguments.
pub(super) fn counted(id: &str, count: u64, args: &[(&str, &str)]) -> String {
    t_count(id, ("count", count), args)
}
