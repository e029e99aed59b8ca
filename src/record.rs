//! The check-in record: one line of the log, and what reports are built from.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::bank::{Bank, Level};
use crate::flow::Flow;
use crate::profile::Profile;

/// The record format this build writes. Version 2 added `completes`; version 3
/// dropped the section sums (`scores`), added `asked`, `profile`, `retracted_alerts`
/// and the alerts' `shown_at` and `retracted_at`. Records of versions 1 and 2 are read
/// as they are; their sums are never used (see [`crate::grades`]).
pub const RECORD_VERSION: u32 = 3;

/// One saved check-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    /// Record format version.
    pub schema: u32,
    /// Unique id.
    pub id: String,
    /// `completed`, or `stopped` when the check was interrupted.
    pub status: Status,
    #[serde(with = "rfc3339")]
    pub started_at: DateTime<FixedOffset>,
    #[serde(with = "rfc3339")]
    pub ended_at: DateTime<FixedOffset>,
    pub bank: BankRef,
    /// Region code whose numbers were shown.
    pub region: String,
    pub answers: Vec<AnswerRecord>,
    /// The alerts that hold at the end: urgent ones the person saw (with `shown_at`),
    /// and advice for the summary.
    pub alerts: Vec<AlertRecord>,
    /// Urgent alerts the person saw that stopped holding because an answer they
    /// rested on was changed (going back with Esc), in the order that happened, each
    /// with `shown_at` and `retracted_at`. Not in `alerts`: they do not stand, but a
    /// clinician must see that they were shown. Written only when there are any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retracted_alerts: Vec<AlertRecord>,
    /// Record formats 1 and 2 only: section sums, kept so old lines read and export
    /// as they were. Nothing reports them; [`crate::grades`] works the numbers out
    /// from the answers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<SectionScore>,
    /// Record format 3: how many questions the check-in asks given its answers (for
    /// a stopped one, "stopped after N of M questions" has this as M).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asked: Option<u32>,
    /// The id of the stopped check-in this one continues (`sidecheck check
    /// --resume`). It carries that check-in's answers too, so reports show this one
    /// in its place. Written only when set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completes: Option<String>,
    /// The "about you" answers as they were when this check-in was answered (kidney
    /// problems, age 65 or older, ...). Written only when some were known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<Profile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Completed,
    Stopped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Stopped => "stopped",
        }
    }
}

/// Which bank a check-in used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    pub id: String,
    pub version: String,
    pub language: String,
}

impl BankRef {
    pub fn of(bank: &Bank) -> BankRef {
        BankRef {
            id: bank.id.clone(),
            version: bank.version.clone(),
            language: bank.language.clone(),
        }
    }
}

/// One answer as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRecord {
    pub question: String,
    pub section: String,
    /// true/false, an option id, a number or a text.
    pub value: Value,
    /// What the person chose, in words (yes/no and scale answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The answer's score, for scored questions: for a scale answer its grade (0–4);
    /// for a yes/no symptom question the bank's `score_yes` when yes, 0 when no (a
    /// marker that it is a symptom question, never a grade).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
}

/// One alert as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlertRecord {
    pub id: String,
    pub question: String,
    pub level: Level,
    pub title: String,
    /// When the person was shown it (urgent alerts only; records before version 3
    /// and check-ins run without a clock have none).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rfc3339::option"
    )]
    pub shown_at: Option<DateTime<FixedOffset>>,
    /// When an answer it rested on was changed so that it no longer holds (alerts
    /// in `retracted_alerts` only).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rfc3339::option"
    )]
    pub retracted_at: Option<DateTime<FixedOffset>>,
}

/// One section's sum, as record formats 1 and 2 saved it. Read, never reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionScore {
    pub section: String,
    /// Sum of the scores of the answers given.
    pub score: u32,
    /// The most the questions asked could add up to.
    pub max: u32,
    /// How many scored questions were answered.
    pub answered: u32,
}

impl CheckIn {
    /// Builds the record of a flow. The id and times come from the caller, so the
    /// flow itself stays free of clocks.
    pub fn from_flow(
        flow: &Flow<'_>,
        id: String,
        status: Status,
        started_at: DateTime<FixedOffset>,
        ended_at: DateTime<FixedOffset>,
        region: &str,
    ) -> CheckIn {
        CheckIn {
            schema: RECORD_VERSION,
            id,
            status,
            started_at,
            ended_at,
            bank: BankRef::of(flow.bank()),
            region: region.to_string(),
            answers: flow.answer_records(),
            alerts: flow.alert_records(),
            retracted_alerts: flow.retracted_records(),
            scores: Vec::new(),
            asked: Some(flow.progress().1 as u32),
            completes: None,
            profile: Some(flow.profile().clone()).filter(|p| !p.is_empty()),
        }
    }

    /// The record as one JSON line, newline included.
    pub fn to_line(&self) -> String {
        let mut line = serde_json::to_string(self).unwrap_or_default();
        line.push('\n');
        line
    }

    /// The urgent alerts that stand at the end of the check-in, as saved (most
    /// urgent first). Each is one urgent finding.
    pub fn urgent_alerts(&self) -> impl Iterator<Item = &AlertRecord> {
        self.alerts.iter().filter(|a| a.level.is_urgent())
    }

    /// The urgent alerts shown and then retracted (an answer they rested on was
    /// changed), in the order that happened.
    pub fn retracted_urgent_alerts(&self) -> impl Iterator<Item = &AlertRecord> {
        self.retracted_alerts.iter().filter(|a| a.level.is_urgent())
    }

    /// The most urgent level among the alerts, if any is urgent.
    pub fn worst_level(&self) -> Option<Level> {
        self.urgent_alerts().map(|a| a.level).max()
    }
}

/// Times as RFC 3339 with milliseconds and an explicit offset ("+01:00", never "Z"),
/// so the person's own timezone is kept.
pub mod rfc3339 {
    use chrono::{DateTime, FixedOffset};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &DateTime<FixedOffset>, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::text::rfc3339(t))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
        let text = String::deserialize(d)?;
        DateTime::parse_from_rfc3339(&text).map_err(serde::de::Error::custom)
    }

    /// The same for a time that may be absent.
    pub mod option {
        use chrono::{DateTime, FixedOffset};
        use serde::{Deserialize, Deserializer, Serializer};

        pub fn serialize<S: Serializer>(
            t: &Option<DateTime<FixedOffset>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => super::serialize(t, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<FixedOffset>>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => DateTime::parse_from_rfc3339(&text)
                    .map(Some)
                    .map_err(serde::de::Error::custom),
                None => Ok(None),
            }
        }
    }
}

/// A new check-in id: the start time and 48 random bits, so ids sort by time and two
/// copies running at once never collide.
pub fn new_id(started_at: DateTime<FixedOffset>) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_i64(
        started_at
            .timestamp_nanos_opt()
            .unwrap_or(started_at.timestamp()),
    );
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    format!(
        "{}-{:012x}",
        started_at.naive_utc().format("%Y%m%d-%H%M%S"),
        h.finish() & 0xffff_ffff_ffff
    )
}
