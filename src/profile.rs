//! The "about you" profile: yes/no answers to the bank's `profile` items (kidney
//! problems, age 65 or older, ...), asked once and kept in `profile.json` next to
//! the log. Conditions read them, so they can lower the threshold at which an
//! answer raises an alert; each check-in record keeps a copy as it was then.
//!
//! Pure: parsing, merging and showing. The file itself is read and written only by
//! the [`crate::store`].

use crate::i18n::t_args;
use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use crate::bank::Bank;

/// The profile file format this build writes and reads.
pub const PROFILE_VERSION: u32 = 1;
/// The profile's file name inside the data folder.
pub const PROFILE_NAME: &str = "profile.json";
/// The most a profile file may hold: a few items, never megabytes.
pub const MAX_PROFILE_BYTES: u64 = 64 * 1024;

/// Answers by item id. An item not in the map has not been answered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Profile(pub BTreeMap<String, bool>);

impl Profile {
    pub fn get(&self, id: &str) -> Option<bool> {
        self.0.get(id).copied()
    }

    pub fn set(&mut self, id: &str, value: bool) {
        self.0.insert(id.to_string(), value);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bank's items this profile has no answer for, in bank order.
    pub fn missing<'b>(&self, bank: &'b Bank) -> Vec<&'b crate::bank::ProfileItem> {
        bank.profile
            .iter()
            .filter(|item| !self.0.contains_key(&item.id))
            .collect()
    }

    /// Only the answers to the bank's items, so a record never keeps an answer
    /// the bank does not ask (a profile written with another bank).
    pub fn for_bank(&self, bank: &Bank) -> Profile {
        Profile(
            self.0
                .iter()
                .filter(|(id, _)| bank.profile.iter().any(|p| &p.id == *id))
                .map(|(id, v)| (id.clone(), *v))
                .collect(),
        )
    }

    /// These answers, with `over`'s answers replacing them item by item.
    pub fn merged(&self, over: &Profile) -> Profile {
        let mut out = self.clone();
        for (id, v) in &over.0 {
            out.0.insert(id.clone(), *v);
        }
        out
    }

    /// Reads `ID=yes,ID=no` (or `true`/`false`, `y`/`n`) into answers for `bank`'s
    /// items. Every id must be an item of the bank.
    pub fn parse_settings(bank: &Bank, settings: &[String]) -> Result<Profile, String> {
        let mut out = Profile::default();
        for part in settings
            .iter()
            .flat_map(|s| s.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            let Some((id, value)) = part.split_once('=') else {
                return Err(t_args("profile-not-a-setting", &[("text", &short(part))]));
            };
            let id = id.trim();
            if !bank.profile.iter().any(|p| p.id == id) {
                return Err(t_args(
                    "profile-unknown-item",
                    &[("id", &short(id)), ("items", &ids(bank))],
                ));
            }
            let value = yes_no(value.trim()).ok_or_else(|| {
                t_args(
                    "profile-not-yes-no",
                    &[("value", &short(value)), ("id", id)],
                )
            })?;
            out.set(id, value);
        }
        Ok(out)
    }

    /// Reads answers from JSON (an answers file's `"profile"` object): item ids
    /// mapped to true or false.
    pub fn from_json(bank: &Bank, value: &serde_json::Value) -> Result<Profile, String> {
        let Some(map) = value.as_object() else {
            return Err(t_args("profile-not-an-object", &[("items", &ids(bank))]));
        };
        let mut out = Profile::default();
        for (id, v) in map {
            if !bank.profile.iter().any(|p| &p.id == id) {
                return Err(t_args(
                    "profile-json-unknown-item",
                    &[("id", &short(id)), ("items", &ids(bank))],
                ));
            }
            let Some(b) = v.as_bool() else {
                return Err(t_args(
                    "profile-json-not-bool",
                    &[("id", id), ("value", &short(&v.to_string()))],
                ));
            };
            out.set(id, b);
        }
        Ok(out)
    }

    /// One line per item of the bank: its short name and the answer (or "not
    /// answered").
    pub fn lines(&self, bank: &Bank) -> Vec<String> {
        bank.profile
            .iter()
            .map(|item| {
                let answer = crate::i18n::t(match self.get(&item.id) {
                    Some(true) => "profile-line-yes",
                    Some(false) => "profile-line-no",
                    None => "profile-line-not-answered",
                });
                format!("{} ({}): {answer}", item.short, item.id)
            })
            .collect()
    }

    /// The items answered yes, by their short names, for one line in a summary.
    pub fn yes_names(&self, bank: Option<&Bank>) -> Vec<String> {
        self.0
            .iter()
            .filter(|(_, v)| **v)
            .map(|(id, _)| {
                bank.and_then(|b| b.profile.iter().find(|p| &p.id == id))
                    .map(|p| p.short.clone())
                    .unwrap_or_else(|| crate::text::visible_id(id))
            })
            .collect()
    }
}

fn yes_no(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "yes" | "y" | "true" => Some(true),
        "no" | "n" | "false" => Some(false),
        _ => None,
    }
}

fn ids(bank: &Bank) -> String {
    bank.profile
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn short(s: &str) -> String {
    crate::text::visible_line(s, 40)
}

/// The profile file: the answers and when they were last changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// File format version.
    pub schema: u32,
    /// When the answers were last changed.
    #[serde(with = "crate::text::rfc3339_field")]
    pub updated_at: DateTime<FixedOffset>,
    pub answers: Profile,
}

impl ProfileFile {
    pub fn new(answers: Profile, updated_at: DateTime<FixedOffset>) -> ProfileFile {
        ProfileFile {
            schema: PROFILE_VERSION,
            updated_at,
            answers,
        }
    }

    /// The file as pretty JSON, newline included. Fails only if it cannot be
    /// written as JSON; the store then says the answers were NOT saved, never
    /// writing an empty file in their place.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let mut text = serde_json::to_string_pretty(self)?;
        text.push('\n');
        Ok(text)
    }

    /// Reads a profile file's text; the error says what is wrong, in plain words.
    pub fn parse(text: &str) -> Result<ProfileFile, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| crate::json_error::json_reason(&e))?;
        if let Some(v) = value.get("schema").and_then(serde_json::Value::as_u64)
            && v > u64::from(PROFILE_VERSION)
        {
            return Err(t_args("profile-newer", &[("version", &v.to_string())]));
        }
        serde_json::from_value(value).map_err(|e| crate::json_error::json_reason(&e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bank() -> Bank {
        Bank::bundled().expect("bundled bank")
    }

    #[test]
    fn settings_read_yes_and_no_in_lists_and_refuse_unknown_items() {
        let bank = bank();
        let p = Profile::parse_settings(&bank, &["kidney=yes,older=no".into(), "drives=Y".into()])
            .expect("valid");
        assert_eq!(p.get("kidney"), Some(true));
        assert_eq!(p.get("older"), Some(false));
        assert_eq!(p.get("drives"), Some(true));
        assert_eq!(p.get("pregnant"), None);
        let e = Profile::parse_settings(&bank, &["liver=yes".into()]).unwrap_err();
        assert!(e.contains("kidney"), "{e}");
        let e = Profile::parse_settings(&bank, &["kidney=maybe".into()]).unwrap_err();
        assert!(e.contains("kidney=yes"), "{e}");
        assert!(Profile::parse_settings(&bank, &["kidney".into()]).is_err());
    }

    #[test]
    fn a_newer_profile_file_is_refused_with_a_reason() {
        let e = ProfileFile::parse(
            r#"{"schema": 9, "updated_at": "2026-12-01T10:00:00.000+00:00", "answers": {}}"#,
        )
        .unwrap_err();
        assert!(e.contains("newer sidecheck"), "{e}");
    }

    #[test]
    fn merged_answers_replace_item_by_item() {
        let mut a = Profile::default();
        a.set("kidney", false);
        a.set("older", true);
        let mut b = Profile::default();
        b.set("kidney", true);
        let m = a.merged(&b);
        assert_eq!(m.get("kidney"), Some(true));
        assert_eq!(m.get("older"), Some(true));
    }
}
