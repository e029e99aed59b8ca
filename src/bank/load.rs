//! The edge that reads a bank: from a file (`--bank FILE`, `bank validate`) or from
//! the copy built into the program, then parses and validates it. The only part of
//! [`crate::bank`] that touches a file.

use crate::i18n::{t, t_args};
use crate::json_error::place;
use std::fmt;
use std::path::Path;

use super::{Bank, Problem};
use crate::json_error::{json_message, json_place, line_col};
use crate::text::{tidy, without_bom};

/// The most a bank file may hold; anything larger is not a bank (and reading on
/// would let `--bank /dev/zero` eat all memory).
pub const MAX_BANK_BYTES: u64 = 64 * 1024 * 1024;

/// The bank shipped inside the binary: `questions/baclofen.en.json` without its
/// indentation (made by `build.rs`; a test holds it to the file's JSON).
pub const BUNDLED_BANK: &str = include_str!(concat!(env!("OUT_DIR"), "/baclofen.en.json"));
/// What error messages call the bundled bank.
pub const BUNDLED_BANK_NAME: &str = "questions/baclofen.en.json (built in)";
/// The same bank in Spanish, also shipped inside the binary (from
/// `questions/baclofen.es.json`, as the English one).
pub const BUNDLED_BANK_ES: &str = include_str!(concat!(env!("OUT_DIR"), "/baclofen.es.json"));
/// What error messages call the bundled Spanish bank.
pub const BUNDLED_BANK_ES_NAME: &str = "questions/baclofen.es.json (built in)";

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
    ///
    /// It is only parsed here, not checked: a unit test
    /// (`the_bundled_bank_passes_every_check_so_it_is_only_parsed`) proves it
    /// passes every check of [`Bank::from_json`] and reads the same without them.
    /// The checks took more time than anything else a scripted check-in does
    /// before its save. Debug builds (every test run) still check it each time.
    pub fn bundled() -> Result<Bank, BankError> {
        Bank::bundled_for("en")
    }

    /// The bank built into the program in this language ("en" or "es"); English for
    /// a language it has no bank in. Parsed only, as [`Bank::bundled`] says; a unit
    /// test proves the two banks differ only in their words (`Bank::parity`).
    pub fn bundled_for(language: &str) -> Result<Bank, BankError> {
        let (name, text) = match language {
            "es" => (BUNDLED_BANK_ES_NAME, BUNDLED_BANK_ES),
            _ => (BUNDLED_BANK_NAME, BUNDLED_BANK),
        };
        match serde_json::from_str::<Bank>(text) {
            Ok(bank) => {
                debug_assert!(bank.problems().is_empty(), "the built-in bank has problems");
                Ok(bank)
            }
            // Never, as the test shows; the full reading says where and why.
            Err(_) => Bank::from_json(name, text),
        }
    }

    /// Reads and validates a bank file.
    pub fn load(path: &Path) -> Result<Bank, BankError> {
        use std::io::Read;
        let file = path.display().to_string();
        let fail = |message: String| BankError {
            file: file.clone(),
            problems: vec![Problem {
                place: t("bank-place-file"),
                message,
            }],
        };
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_BANK_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| {
                fail(t_args(
                    "bank-unreadable",
                    &[("reason", &crate::text::io_reason(&e))],
                ))
            })?;
        if bytes.len() as u64 > MAX_BANK_BYTES {
            return Err(fail(t("bank-too-large")));
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
                    place: place(line, col),
                    message: t("bank-not-utf8"),
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
                    place: place(line, col),
                    message: t("bank-not-an-object"),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lookups_made_once_agree_with_the_bank_s_own_questions() {
        let bank = Bank::bundled().expect("the bundled bank");
        for (i, q) in bank.questions.iter().enumerate() {
            assert_eq!(bank.max_score_at(i), bank.max_score(q), "{}", q.id);
            for hint in [0, i, i + 1, bank.questions.len() + 3] {
                let mut next = hint;
                assert_eq!(
                    bank.position_next(&q.id, &mut next),
                    Some(i),
                    "{} at {hint}",
                    q.id
                );
                assert_eq!(next, i + 1, "{} at {hint}", q.id);
            }
        }
        let mut next = 2;
        assert_eq!(bank.position_next("no_such_question", &mut next), None);
        assert_eq!(next, 2);
        for (i, s) in bank.sections.iter().enumerate() {
            let of = |kind| {
                let of_kind = |q: &&crate::bank::Question| {
                    q.section == s.id && q.kind == kind && bank.max_score(q).is_some()
                };
                bank.questions.iter().filter(of_kind).count() as u32
            };
            let counts = (of(crate::bank::Kind::Scale), of(crate::bank::Kind::YesNo));
            assert_eq!(bank.symptom_questions(i), counts, "{}", s.id);
        }
        // Past the last section there is nothing to count.
        assert_eq!(bank.symptom_questions(bank.sections.len()), (0, 0));
        assert!((0..bank.sections.len()).any(|i| bank.symptom_questions(i).0 > 0));
    }

    /// A text's JSON, compact and keys in their order, to compare two texts by.
    fn json_of(text: &str) -> String {
        let value: serde_json::Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}"));
        value.to_string()
    }

    #[test]
    fn the_built_in_banks_are_their_files_without_the_indentation() {
        for (name, built_in) in [
            ("baclofen.en.json", BUNDLED_BANK),
            ("baclofen.es.json", BUNDLED_BANK_ES),
        ] {
            let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("questions")
                .join(name);
            let file = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(json_of(built_in), json_of(&file), "{name}");
            assert!(!built_in.contains("\n  "), "{name} is still indented");
        }
    }

    #[test]
    fn the_bundled_bank_passes_every_check_so_it_is_only_parsed() {
        let checked = Bank::from_json(BUNDLED_BANK_NAME, BUNDLED_BANK)
            .unwrap_or_else(|e| panic!("the built-in bank must pass every check:\n{e}"));
        let parsed = Bank::bundled().unwrap_or_else(|e| panic!("{e}"));
        let value = |b: &Bank| serde_json::to_value(b).unwrap_or_default();
        assert_eq!(value(&parsed), value(&checked));
        assert!(value(&parsed).is_object());
        // Nothing the full reading takes off first (a byte-order mark).
        assert_eq!(without_bom(BUNDLED_BANK), BUNDLED_BANK);
    }

    #[test]
    fn the_bundled_spanish_bank_passes_every_check_so_it_is_only_parsed() {
        let checked = Bank::from_json(BUNDLED_BANK_ES_NAME, BUNDLED_BANK_ES)
            .unwrap_or_else(|e| panic!("the built-in Spanish bank must pass every check:\n{e}"));
        let parsed = Bank::bundled_for("es").unwrap_or_else(|e| panic!("{e}"));
        let value = |b: &Bank| serde_json::to_value(b).unwrap_or_default();
        assert_eq!(value(&parsed), value(&checked));
        assert_eq!(parsed.language, "es");
        assert_eq!(without_bom(BUNDLED_BANK_ES), BUNDLED_BANK_ES);
        let english = |lang| Bank::bundled_for(lang).map(|b| b.language).ok();
        assert_eq!(english("en"), Some("en".to_string()));
        assert_eq!(
            english("fr"),
            Some("en".to_string()),
            "English where there is no bank"
        );
    }
}
