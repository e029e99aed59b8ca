//! The question bank: its data model, loading from JSON, and validation.
//!
//! A bank is plain data (`questions/*.json`). Nothing about a symptom is written in
//! Rust: the questions, their options and scores, the follow-up conditions and the
//! urgent rules all come from the bank, and are checked here before anyone is asked
//! a single question.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::path::Path;

use schemars::JsonSchema;

use crate::json_error::{json_message, json_place, line_col};
use crate::text::tidy;
use crate::text::{fmt_num, without_bom};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The bank format this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// The most a bank file may hold; anything larger is not a bank (and reading on
/// would let `--bank /dev/zero` eat all memory).
pub const MAX_BANK_BYTES: u64 = 64 * 1024 * 1024;

/// The most sections, scales, questions or alert rules a bank may have.
pub const MAX_ITEMS: usize = 1000;

/// The bank shipped inside the binary.
pub const BUNDLED_BANK: &str = include_str!("../questions/baclofen.en.json");
/// What error messages call the bundled bank.
pub const BUNDLED_BANK_NAME: &str = "questions/baclofen.en.json (built in)";

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
}

/// A group of questions.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable snake_case id.
    pub id: String,
    /// Title shown to the person.
    pub title: String,
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
        format!(
            "{} from {} to {}",
            if self.integer {
                "a whole number"
            } else {
                "a number"
            },
            fmt_num(self.min.unwrap_or(0.0)),
            fmt_num(self.max.unwrap_or(0.0))
        )
    }
}

/// A test on earlier answers. Exactly one of the forms is used:
/// `{"question": ID, "equals": VALUE}`, `{"question": ID, "at_least": N}`,
/// `{"question": ID, "one_of": [OPTION, ...]}`, `{"profile": ID, "equals": true}`,
/// `{"all": [...]}`, `{"any": [...]}` or `{"not": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The question whose answer is tested.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The "about you" item whose answer is tested, with `equals` true or false. An
    /// item the person has not answered matches neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// True when the answer equals this: true/false for yes/no, an option id for a
    /// scale, a number, or a text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equals: Option<serde_json::Value>,
    /// True when the answer's score (scale) or value (number) is at least this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_least: Option<f64>,
    /// True when the answer is one of these option ids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_of: Option<Vec<String>>,
    /// True when every condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// True when any condition holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// True when the condition does not hold. It may test only "about you" items:
    /// a question not yet answered would make it hold before it was asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

impl Condition {
    /// Every question id this condition reads.
    pub fn questions(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_questions(&mut out);
        out
    }

    fn collect_questions<'a>(&'a self, out: &mut Vec<&'a str>) {
        if let Some(q) = &self.question {
            out.push(q);
        }
        for c in self.all.iter().chain(self.any.iter()).flatten() {
            c.collect_questions(out);
        }
        if let Some(c) = &self.not {
            c.collect_questions(out);
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, list: &[Condition], word: &str| {
            write!(f, "(")?;
            for (i, c) in list.iter().enumerate() {
                if i > 0 {
                    write!(f, " {word} ")?;
                }
                write!(f, "{c}")?;
            }
            write!(f, ")")
        };
        if let Some(all) = &self.all {
            return join(f, all, "and");
        }
        if let Some(any) = &self.any {
            return join(f, any, "or");
        }
        if let Some(not) = &self.not {
            return write!(f, "not {not}");
        }
        let profile = self.profile.as_ref().map(|p| format!("profile.{p}"));
        let q = self
            .question
            .as_deref()
            .or(profile.as_deref())
            .unwrap_or("?");
        if let Some(v) = &self.equals {
            match v {
                serde_json::Value::Bool(true) => write!(f, "{q} = yes"),
                serde_json::Value::Bool(false) => write!(f, "{q} = no"),
                serde_json::Value::String(s) => write!(f, "{q} = {s}"),
                other => write!(f, "{q} = {other}"),
            }
        } else if let Some(n) = self.at_least {
            write!(f, "{q} >= {n}")
        } else if let Some(list) = &self.one_of {
            write!(f, "{q} in [{}]", list.join(", "))
        } else {
            write!(f, "{q} ?")
        }
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

    /// The heading people see.
    pub fn heading(self) -> &'static str {
        match self {
            Level::Advice => "ADVICE",
            Level::Prescriber => "CALL YOUR PRESCRIBER TODAY",
            Level::Crisis => "GET SUPPORT NOW",
            Level::Emergency => "EMERGENCY: GET HELP NOW",
        }
    }
}

/// A number an alert tells people to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    Emergency,
    Crisis,
    Poison,
}

impl Line {
    /// What the line is for, as a list heading.
    pub fn title(self) -> &'static str {
        match self {
            Line::Emergency => "Emergency",
            Line::Crisis => "Crisis",
            Line::Poison => "Poison",
        }
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
    /// Which numbers to show, in order.
    #[serde(default)]
    pub call: Vec<Line>,
    /// Ids of alerts this one replaces when both hold (an escalation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replaces: Vec<String>,
}

/// One problem found in a bank.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path, e.g. `questions[3].when.question`, or `line 4, column 7`.
    pub place: String,
    /// What is wrong and what to do.
    pub message: String,
}

/// A bank that could not be loaded.
#[derive(Debug, Clone)]
pub struct BankError {
    /// The file, as given.
    pub file: String,
    pub problems: Vec<Problem>,
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            // Places and messages repeat text from the file: keep each on one line.
            write!(
                f,
                "{}: {}: {}",
                tidy(&self.file),
                tidy(&p.place),
                tidy(&p.message)
            )?;
        }
        Ok(())
    }
}

impl std::error::Error for BankError {}

impl Bank {
    /// The bank built into the program.
    pub fn bundled() -> Result<Bank, BankError> {
        Bank::from_json(BUNDLED_BANK_NAME, BUNDLED_BANK)
    }

    /// Reads and validates a bank file.
    pub fn load(path: &Path) -> Result<Bank, BankError> {
        use std::io::Read;
        let file = path.display().to_string();
        let fail = |message: String| BankError {
            file: file.clone(),
            problems: vec![Problem {
                place: "file".into(),
                message,
            }],
        };
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_BANK_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| {
                fail(format!(
                    "cannot read it ({}); check the path",
                    crate::text::io_reason(&e)
                ))
            })?;
        if bytes.len() as u64 > MAX_BANK_BYTES {
            return Err(fail(
                "is larger than 64 MiB, so it cannot be a question bank; check the path".into(),
            ));
        }
        Bank::from_bytes(&file, &bytes)
    }

    /// Parses and validates a bank from the bytes of a file; `file` names it in errors.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Bank, BankError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, col) = line_col(bytes, e.valid_up_to());
            BankError {
                file: file.to_string(),
                problems: vec![Problem {
                    place: format!("line {line}, column {col}"),
                    message: "the file is not valid UTF-8 text; save it as UTF-8".into(),
                }],
            }
        })?;
        Bank::from_json(file, text)
    }

    /// Parses and validates a bank from JSON text; `file` names it in errors.
    pub fn from_json(file: &str, text: &str) -> Result<Bank, BankError> {
        let text = without_bom(text);
        // serde would read a list as the fields in order and complain about the
        // first item; say what a bank is instead.
        if let Some((i, c)) = text.char_indices().find(|(_, c)| !c.is_whitespace())
            && c != '{'
        {
            let (line, col) = line_col(text.as_bytes(), i);
            return Err(BankError {
                file: file.to_string(),
                problems: vec![Problem {
                    place: format!("line {line}, column {col}"),
                    message: "a bank is one JSON object, starting with {; this file is not one (see `sidecheck bank schema`)".into(),
                }],
            });
        }
        let fail = |place: String, e: &serde_json::Error| BankError {
            file: file.to_string(),
            problems: vec![Problem {
                place,
                message: json_message(e),
            }],
        };
        let mut de = serde_json::Deserializer::from_str(text);
        let bank: Bank = match serde_path_to_error::deserialize(&mut de) {
            Ok(b) => b,
            Err(e) => {
                let path = e.path().to_string();
                let inner = e.into_inner();
                let mut place = json_place(&inner);
                // serde_path_to_error marks a part it could not name with "?".
                let path = path.trim_end_matches(".?").trim_end_matches('?');
                if path != "." && !path.is_empty() {
                    place = format!("{place} ({path})");
                }
                return Err(fail(place, &inner));
            }
        };
        // Nothing but white space may follow the bank.
        de.end().map_err(|e| fail(json_place(&e), &e))?;
        let problems = bank.problems();
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError {
                file: file.to_string(),
                problems,
            })
        }
    }

    /// Index of a question by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
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

    /// Every problem with the bank's meaning (the JSON already parsed).
    pub fn problems(&self) -> Vec<Problem> {
        // A bank this large is a mistake (the built-in one has a few dozen
        // questions); checking every follow-up of it would take long, so say so first.
        let too_many: Vec<Problem> = [
            ("sections", self.sections.len()),
            ("scales", self.scales.len()),
            ("questions", self.questions.len()),
            ("alerts", self.alerts.len()),
        ]
        .into_iter()
        .filter(|(_, n)| *n > MAX_ITEMS)
        .map(|(field, n)| Problem {
            place: field.into(),
            message: format!(
                "has {n} entries, but a bank may have at most {MAX_ITEMS}; split it into smaller banks"
            ),
        })
        .collect();
        if !too_many.is_empty() {
            return too_many;
        }
        let mut p = Vec::new();
        let mut add = |place: String, message: String| p.push(Problem { place, message });

        // Every string a bank holds may reach the screen: a terminal escape in it
        // could hide an alert, clear the screen or retitle the window.
        if let Ok(value) = serde_json::to_value(self) {
            control_characters(&value, &mut String::new(), &mut add);
        }

        if self.format != FORMAT_VERSION {
            add(
                "format".into(),
                format!(
                    "format {} is not known; this program reads format {FORMAT_VERSION}, so write the bank in that format or update sidecheck",
                    self.format
                ),
            );
        }
        check_id(&mut add, "id", &self.id);
        for (field, value) in [
            ("version", &self.version),
            ("language", &self.language),
            ("title", &self.title),
            ("medication", &self.medication),
            ("recall_period", &self.recall_period),
            ("safety_notice", &self.safety_notice),
        ] {
            if value.trim().is_empty() {
                add(field.into(), "is empty; write a value".into());
            }
        }
        if self.intro.iter().all(|s| s.trim().is_empty()) {
            add(
                "intro".into(),
                "is empty; write an intro that includes the safety notice".into(),
            );
        } else if !self.intro.iter().any(|s| s.contains(&self.safety_notice)) {
            add(
                "intro".into(),
                "does not include the safety_notice text; add it to one of the paragraphs".into(),
            );
        }

        // Sections.
        let mut section_ids = HashMap::new();
        for (i, s) in self.sections.iter().enumerate() {
            let place = format!("sections[{i}].id");
            check_id(&mut add, &place, &s.id);
            if let Some(first) = section_ids.insert(s.id.as_str(), i) {
                add(
                    place,
                    format!(
                        "duplicate section id \"{}\" (also sections[{first}]); give each section its own id",
                        s.id
                    ),
                );
            }
            if s.title.trim().is_empty() {
                add(
                    format!("sections[{i}].title"),
                    "is empty; write a title".into(),
                );
            }
        }
        if self.sections.is_empty() {
            add(
                "sections".into(),
                "is empty; add at least one section".into(),
            );
        }

        // Scales: ordered, scored 0 up to at most 4, one step at a time.
        for (name, choices) in &self.scales {
            let place = format!("scales.{name}");
            check_id(&mut add, &place, name);
            if choices.len() < 2 {
                add(
                    place.clone(),
                    "needs at least two options, from none to worst; add them".into(),
                );
            }
            let mut seen = HashSet::new();
            for (i, c) in choices.iter().enumerate() {
                let cplace = format!("{place}[{i}]");
                check_id(&mut add, &format!("{cplace}.id"), &c.id);
                if !seen.insert(c.id.as_str()) {
                    add(
                        format!("{cplace}.id"),
                        format!(
                            "duplicate option id \"{}\"; give each option its own id",
                            c.id
                        ),
                    );
                }
                if c.label.trim().is_empty() {
                    add(format!("{cplace}.label"), "is empty; write a label".into());
                }
                if usize::from(c.score) != i {
                    add(
                        format!("{cplace}.score"),
                        format!(
                            "is {} but must be {i}: options go in order from the lowest (score 0) up, one step each; put them in that order",
                            c.score
                        ),
                    );
                }
                if c.score > 4 {
                    add(
                        format!("{cplace}.score"),
                        format!("is {}; scores go from 0 to 4, so use one of those", c.score),
                    );
                }
            }
        }

        // Questions.
        let mut question_ids: HashMap<&str, usize> = HashMap::new();
        let mut block_start: HashMap<&str, usize> = HashMap::new();
        for (i, q) in self.questions.iter().enumerate() {
            let place = format!("questions[{i}]");
            check_id(&mut add, &format!("{place}.id"), &q.id);
            if let Some(first) = question_ids.get(q.id.as_str()) {
                add(
                    format!("{place}.id"),
                    format!(
                        "duplicate question id \"{}\" (also questions[{first}]); give each question its own id",
                        q.id
                    ),
                );
            }
            // Answers files keep the "about you" answers under this key.
            if q.id == "profile" {
                add(
                    format!("{place}.id"),
                    "\"profile\" is kept for the \"about you\" answers in answers files; choose another id".into(),
                );
            }
            if !section_ids.contains_key(q.section.as_str()) {
                add(
                    format!("{place}.section"),
                    format!(
                        "section \"{}\" is not in \"sections\"; use one of: {}",
                        q.section,
                        self.sections
                            .iter()
                            .map(|s| s.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            if q.text.trim().is_empty() {
                add(
                    format!("{place}.text"),
                    "is empty; write the question".into(),
                );
            }
            if q.short.trim().is_empty() {
                add(
                    format!("{place}.short"),
                    "is empty; write a word or two for the symptom".into(),
                );
            }
            let only =
                |field: &str, set: bool, kinds: &str, add: &mut dyn FnMut(String, String)| {
                    if set {
                        add(
                            format!("{place}.{field}"),
                            format!("is only for {kinds} questions; remove it or change \"kind\""),
                        );
                    }
                };
            only(
                "scale",
                q.scale.is_some() && q.kind != Kind::Scale,
                "scale",
                &mut add,
            );
            only(
                "score_yes",
                q.score_yes.is_some() && q.kind != Kind::YesNo,
                "yes_no",
                &mut add,
            );
            let not_number = q.kind != Kind::Number;
            only("unit", q.unit.is_some() && not_number, "number", &mut add);
            only("min", q.min.is_some() && not_number, "number", &mut add);
            only("max", q.max.is_some() && not_number, "number", &mut add);
            only("integer", q.integer && not_number, "number", &mut add);
            only(
                "max_length",
                q.max_length.is_some() && q.kind != Kind::Text,
                "text",
                &mut add,
            );
            match q.kind {
                Kind::Scale => match &q.scale {
                    None => add(
                        format!("{place}.scale"),
                        "is missing; name one of the scales in \"scales\"".into(),
                    ),
                    Some(s) if !self.scales.contains_key(s) => add(
                        format!("{place}.scale"),
                        format!(
                            "scale \"{s}\" is not in \"scales\"; use one of: {}",
                            self.scales.keys().cloned().collect::<Vec<_>>().join(", ")
                        ),
                    ),
                    Some(_) => {}
                },
                Kind::YesNo => {
                    if let Some(s) = q.score_yes
                        && s > 4
                    {
                        add(
                            format!("{place}.score_yes"),
                            format!("is {s}; scores go from 0 to 4, so use one of those"),
                        );
                    }
                }
                Kind::Number => {
                    match (q.min, q.max) {
                        // A whole-number question must have a whole number to give.
                        (Some(lo), Some(hi))
                            if lo.is_finite()
                                && hi.is_finite()
                                && lo <= hi
                                && q.integer
                                && lo.ceil() > hi =>
                        {
                            add(
                                format!("{place}.min"),
                                format!(
                                    "no whole number lies between \"min\" {} and \"max\" {}, so nobody could answer; widen the range or remove \"integer\"",
                                    fmt_num(lo),
                                    fmt_num(hi)
                                ),
                            )
                        }
                        (Some(lo), Some(hi)) if lo.is_finite() && hi.is_finite() && lo <= hi => {}
                        (Some(_), Some(_)) => add(
                            format!("{place}.min"),
                            "must be a number no larger than \"max\"; fix \"min\" or \"max\""
                                .into(),
                        ),
                        _ => add(
                            place.to_string(),
                            "a number question needs \"min\" and \"max\"; add them".into(),
                        ),
                    }
                    if q.unit.as_deref().is_none_or(|u| u.trim().is_empty()) {
                        add(
                            format!("{place}.unit"),
                            "is missing; say what the number counts (e.g. \"days\")".into(),
                        );
                    }
                }
                Kind::Text => {
                    if q.max_length == Some(0) {
                        add(format!("{place}.max_length"), "must be above 0".into());
                    }
                }
            }
            if let Some(cond) = &q.when {
                self.check_condition(
                    &mut add,
                    &format!("{place}.when"),
                    cond,
                    &question_ids,
                    Some(&q.id),
                );
            }
            if let Some(reason) = &q.range_reason {
                if q.kind != Kind::Number {
                    add(
                        format!("{place}.range_reason"),
                        "is only for number questions; remove it or change \"kind\"".into(),
                    );
                } else if reason.trim().is_empty() {
                    add(
                        format!("{place}.range_reason"),
                        "is empty; say why the range is what it is, or remove it".into(),
                    );
                }
            }
            if let Some(recall) = &q.recall_period {
                if recall.trim().is_empty() {
                    add(
                        format!("{place}.recall_period"),
                        "is empty; write the time the question asks about, or remove it".into(),
                    );
                } else if !q.text.contains(recall.as_str()) {
                    add(
                        format!("{place}.text"),
                        format!(
                            "does not say its recall period \"{recall}\"; say it in the question, so people keep to it"
                        ),
                    );
                }
            }
            // A block is asked as one: another question inside it would be asked
            // while its alerts are held.
            if let Some(b) = &q.block {
                check_id(&mut add, &format!("{place}.block"), b);
                let continues = i > 0 && self.questions[i - 1].block.as_ref() == Some(b);
                if !continues && let Some(first) = block_start.get(b.as_str()) {
                    add(
                        format!("{place}.block"),
                        format!(
                            "block \"{b}\" began at questions[{first}] and was broken by other questions; put a block's questions one after another"
                        ),
                    );
                }
                block_start.entry(b.as_str()).or_insert(i);
            }
            question_ids.entry(q.id.as_str()).or_insert(i);
        }
        if self.questions.is_empty() {
            add(
                "questions".into(),
                "is empty; add at least one question".into(),
            );
        }

        // The "about you" items.
        let mut profile_ids = HashMap::new();
        for (i, item) in self.profile.iter().enumerate() {
            let place = format!("profile[{i}]");
            check_id(&mut add, &format!("{place}.id"), &item.id);
            if let Some(first) = profile_ids.insert(item.id.as_str(), i) {
                add(
                    format!("{place}.id"),
                    format!(
                        "duplicate profile id \"{}\" (also profile[{first}]); give each item its own id",
                        item.id
                    ),
                );
            }
            if item.text.trim().is_empty() {
                add(
                    format!("{place}.text"),
                    "is empty; write the question".into(),
                );
            }
            if item.short.trim().is_empty() {
                add(
                    format!("{place}.short"),
                    "is empty; write a word or two for it".into(),
                );
            }
        }
        if self.profile.len() > MAX_ITEMS {
            add(
                "profile".into(),
                format!("has more than {MAX_ITEMS} items; keep the \"about you\" part short"),
            );
        }

        // Alert rules.
        let mut alert_ids = HashMap::new();
        for (i, a) in self.alerts.iter().enumerate() {
            let place = format!("alerts[{i}]");
            check_id(&mut add, &format!("{place}.id"), &a.id);
            if let Some(first) = alert_ids.insert(a.id.as_str(), i) {
                add(
                    format!("{place}.id"),
                    format!(
                        "duplicate alert id \"{}\" (also alerts[{first}]); give each alert its own id",
                        a.id
                    ),
                );
            }
            // Alerts may read any question: they run after each answer.
            self.check_condition(
                &mut add,
                &format!("{place}.when"),
                &a.when,
                &question_ids,
                None,
            );
            // An alert is raised by an answer; one on the profile alone would have
            // no answer to name, and would stand before anything was asked.
            if a.when.questions().is_empty() {
                add(
                    format!("{place}.when"),
                    "tests no question; an alert must depend on at least one answer (add a \"question\" test)".into(),
                );
            }
            if a.title.trim().is_empty() {
                add(
                    format!("{place}.title"),
                    "is empty; write a short title".into(),
                );
            }
            if a.advice.trim().is_empty() {
                add(
                    format!("{place}.advice"),
                    "is empty; write advice that says what to do".into(),
                );
            }
            if a.level >= Level::Crisis && a.call.is_empty() {
                add(
                    format!("{place}.call"),
                    "is empty; an emergency or crisis alert must give a number to call, so add \"emergency\", \"crisis\" or \"poison\"".into(),
                );
            }
        }
        for (i, a) in self.alerts.iter().enumerate() {
            for (j, r) in a.replaces.iter().enumerate() {
                if !alert_ids.contains_key(r.as_str()) || r == &a.id {
                    add(
                        format!("alerts[{i}].replaces[{j}]"),
                        format!("\"{r}\" is not another alert's id; fix or remove it"),
                    );
                }
            }
        }
        p
    }

    fn check_condition(
        &self,
        add: &mut dyn FnMut(String, String),
        place: &str,
        cond: &Condition,
        earlier: &HashMap<&str, usize>,
        asking: Option<&str>,
    ) {
        let forms = [
            cond.question.is_some(),
            cond.profile.is_some(),
            cond.all.is_some(),
            cond.any.is_some(),
            cond.not.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if forms != 1 {
            add(
                place.into(),
                "use exactly one of \"question\", \"profile\", \"all\", \"any\" or \"not\"".into(),
            );
            return;
        }
        if let Some(inner) = &cond.not {
            // "Not yes" holds for a question nobody has answered yet, so an alert
            // would fire before its question was asked: only the profile, which is
            // known before the first question, may be negated.
            if !inner.questions().is_empty() {
                add(
                    format!("{place}.not"),
                    "tests a question; \"not\" may test only \"profile\" items, because an unanswered question would count as \"not\" before it is asked".into(),
                );
            }
            self.check_condition(add, &format!("{place}.not"), inner, earlier, asking);
            return;
        }
        if let Some(pid) = &cond.profile {
            if cond.at_least.is_some() || cond.one_of.is_some() {
                add(
                    place.into(),
                    "a \"profile\" item is yes or no; test it with \"equals\": true or false"
                        .into(),
                );
            }
            if !cond.equals.as_ref().is_some_and(Value::is_boolean) {
                add(
                    format!("{place}.equals"),
                    "a \"profile\" item needs \"equals\": true or false".into(),
                );
            }
            if !self.profile.iter().any(|p| &p.id == pid) {
                add(
                    format!("{place}.profile"),
                    format!(
                        "\"{pid}\" is not in \"profile\"; use one of: {}",
                        self.profile
                            .iter()
                            .map(|p| p.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            return;
        }
        for (key, list) in [("all", &cond.all), ("any", &cond.any)] {
            if let Some(list) = list {
                if list.is_empty() {
                    add(
                        format!("{place}.{key}"),
                        "is empty; list at least one condition".into(),
                    );
                }
                for (i, c) in list.iter().enumerate() {
                    self.check_condition(add, &format!("{place}.{key}[{i}]"), c, earlier, asking);
                }
                return;
            }
        }
        let Some(qid) = &cond.question else { return };
        let tests = [
            cond.equals.is_some(),
            cond.at_least.is_some(),
            cond.one_of.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count();
        if tests != 1 {
            add(
                place.into(),
                "use exactly one test: \"equals\", \"at_least\" or \"one_of\"".into(),
            );
        }
        let qplace = format!("{place}.question");
        let Some(target) = self.question(qid) else {
            add(
                qplace,
                format!("question \"{qid}\" does not exist; use the id of an earlier question"),
            );
            return;
        };
        if let Some(me) = asking {
            if me == qid {
                add(
                    qplace,
                    format!(
                        "question \"{qid}\" refers to itself; make the follow-up depend on an earlier question"
                    ),
                );
                return;
            }
            if !earlier.contains_key(qid.as_str()) {
                add(
                    qplace,
                    format!(
                        "question \"{qid}\" comes later in the bank; move this question after it, or depend on an earlier question"
                    ),
                );
                return;
            }
        }
        if let Some(v) = &cond.equals {
            let ok = match target.kind {
                Kind::YesNo => v.is_boolean(),
                Kind::Scale => v
                    .as_str()
                    .is_some_and(|s| self.options(target).iter().any(|c| c.id == s)),
                Kind::Number => v.is_number(),
                Kind::Text => v.is_string(),
            };
            if !ok {
                add(
                    format!("{place}.equals"),
                    format!(
                        "does not fit {} question \"{qid}\"; use {}",
                        target.kind.as_str(),
                        self.expected(target)
                    ),
                );
            }
        }
        if cond.at_least.is_some() && !matches!(target.kind, Kind::Scale | Kind::Number) {
            add(
                format!("{place}.at_least"),
                format!(
                    "only works on scale or number questions, and \"{qid}\" is {}; use \"equals\" instead",
                    target.kind.as_str()
                ),
            );
        }
        if let Some(list) = &cond.one_of {
            if target.kind != Kind::Scale {
                add(
                    format!("{place}.one_of"),
                    format!(
                        "only works on scale questions, and \"{qid}\" is {}; use \"equals\" instead",
                        target.kind.as_str()
                    ),
                );
            } else {
                for (i, o) in list.iter().enumerate() {
                    if !self.options(target).iter().any(|c| &c.id == o) {
                        add(
                            format!("{place}.one_of[{i}]"),
                            format!(
                                "\"{o}\" is not an option of \"{qid}\"; use {}",
                                self.expected(target)
                            ),
                        );
                    }
                }
            }
        }
    }

    /// The answers a question takes, in words, for error messages.
    pub fn expected(&self, q: &Question) -> String {
        match q.kind {
            Kind::YesNo => "true or false".into(),
            Kind::Scale => {
                let opts = self.options(q);
                let ids: Vec<String> = opts.iter().map(|c| format!("\"{}\"", c.id)).collect();
                let hi = opts.len().saturating_sub(1);
                format!("one of {} (or a score 0-{hi})", ids.join(", "))
            }
            Kind::Number => format!(
                "{}{}",
                q.range_text(),
                q.unit
                    .as_deref()
                    .map(|u| format!(" ({u})"))
                    .unwrap_or_default()
            ),
            Kind::Text => format!(
                "text of at most {} characters",
                q.max_length.unwrap_or(crate::flow::MAX_TEXT)
            ),
        }
    }
}

/// Reports each string under `value` that holds a control character, by JSON path.
fn control_characters(value: &Value, place: &mut String, add: &mut dyn FnMut(String, String)) {
    match value {
        Value::String(text) => {
            if let Some(c) = text.chars().find(|c| c.is_control()) {
                add(
                    place.trim_start_matches('.').to_string(),
                    format!(
                        "holds the control character {}; remove it (bank text is shown on the screen as it is)",
                        c.escape_default()
                    ),
                );
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let len = place.len();
                place.push_str(&format!("[{i}]"));
                control_characters(item, place, add);
                place.truncate(len);
            }
        }
        Value::Object(fields) => {
            for (key, item) in fields {
                let len = place.len();
                place.push('.');
                place.push_str(key);
                control_characters(item, place, add);
                place.truncate(len);
            }
        }
        _ => {}
    }
}

fn check_id(add: &mut dyn FnMut(String, String), place: &str, id: &str) {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !ok {
        add(
            place.into(),
            format!(
                "\"{}\" is not a snake_case id; use lowercase letters, digits and _ (starting with a letter, at most 64)",
                id.chars().take(80).collect::<String>()
            ),
        );
    }
}

/// The JSON Schema of bank files, as pretty JSON.
pub fn schema_json() -> String {
    crate::schema::text::<Bank>()
}
