//! What is wrong with some JSON, in plain words: the place ("line 3, column 1"),
//! the reason without Rust's type names, and advice for files people write. Banks,
//! answers files, profile files and log lines all report through here.

use crate::i18n::{Lang, current, t_args, t_in};

/// Where a JSON error is, as "line 3, column 1". serde_json says column 0 when
/// nothing on the line was read yet (an empty file, or a list where an object
/// belongs); people count from 1.
pub fn json_place(e: &serde_json::Error) -> String {
    place(e.line(), e.column().max(1))
}

/// "line 3, column 7": a place in a file, as every error names it.
pub fn place(line: usize, column: usize) -> String {
    t_args(
        "json-place",
        &[("line", &line.to_string()), ("column", &column.to_string())],
    )
}

/// "NAME: line 3, column 1: what is wrong and what to do", for a JSON file a
/// person wrote.
pub fn json_error(name: &str, e: &serde_json::Error) -> String {
    format!("{name}: {}: {}", json_place(e), json_message(e))
}

/// A one-line, actionable message for a JSON syntax or shape error.
pub fn json_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    // What serde says is sorted by its English words, then said in the person's.
    let english = plain_english(e);
    let text = &in_language(&english);
    let id = if english == t_in(Lang::En, "json-nests", &[]) {
        "json-hint-nests"
    } else {
        match e.classify() {
            Category::Eof => "json-hint-eof",
            Category::Syntax => "json-hint-syntax",
            Category::Data if english.starts_with(&t_in(Lang::En, "json-missing-field", &[])) => {
                "json-hint-missing"
            }
            Category::Data if english.starts_with(&t_in(Lang::En, "json-unknown-field", &[])) => {
                "json-hint-unknown"
            }
            Category::Data => "json-hint-data",
            Category::Io => "json-hint-io",
        }
    };
    t_args(id, &[("text", text)])
}

/// What is wrong with some JSON, in plain words, without advice on fixing it (for
/// log lines, which people should not have to edit).
pub fn json_reason(e: &serde_json::Error) -> String {
    in_language(&plain_english(e))
}

/// serde's own words, each with the message that says it plainly: Rust type
/// names mean nothing to a person editing a file.
const PLAIN: [(&str, &str); 16] = [
    ("expected u8", "json-expected-u8"),
    ("expected u32", "json-expected-whole"),
    ("expected u64", "json-expected-whole"),
    ("expected usize", "json-expected-whole"),
    ("expected f64", "json-expected-number"),
    ("expected a sequence", "json-expected-list"),
    ("expected a map", "json-expected-object"),
    ("expected a boolean", "json-expected-bool"),
    ("invalid type: sequence", "json-found-list"),
    ("invalid type: map", "json-found-object"),
    ("invalid type: string", "json-found-text"),
    ("invalid type: integer", "json-found-number"),
    ("invalid type: floating point", "json-found-number"),
    ("invalid type: boolean", "json-found"),
    ("invalid type: null", "json-found-null"),
    ("EOF while parsing", "json-eof"),
];

/// The reason in plain English, as [`PLAIN`] words it.
fn plain_english(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the place is given separately.
    let text = e.to_string();
    let mut text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    let plain = |id: &str| t_in(Lang::En, id, &[]);
    for (rust, id) in &PLAIN[..8] {
        text = text.replace(rust, &plain(id));
    }
    if let Some(i) = text.find("expected struct ") {
        text = format!("{}{}", &text[..i], plain("json-expected-object"));
    }
    for (rust, id) in &PLAIN[8..] {
        text = text.replace(rust, &plain(id));
    }
    if text == "recursion limit exceeded" {
        return plain("json-nests");
    }
    text
}

/// The phrases of a plain English reason, most specific first, as the other
/// languages say each: serde words its errors in English only.
const PHRASES: &[&str] = &[
    "json-nests",
    "json-eof-value",
    "json-eof-list",
    "json-eof-object",
    "json-eof-string",
    "json-eof",
    "json-control-character",
    "json-expected-u8",
    "json-expected-whole",
    "json-expected-number",
    "json-expected-list",
    "json-expected-object",
    "json-expected-bool",
    "json-expected-string",
    "json-expected-value",
    "json-expected-comma-list",
    "json-expected-comma-object",
    "json-expected-colon",
    "json-expected-ident",
    "json-expected-one-of",
    "json-expected",
    "json-found-list",
    "json-found-object",
    "json-found-text",
    "json-found-number",
    "json-found-null",
    "json-found",
    "json-trailing-characters",
    "json-trailing-comma",
    "json-invalid-escape",
    "json-invalid-number",
    "json-number-out-of-range",
    "json-key-must-be-a-string",
    "json-missing-field",
    "json-unknown-field",
    "json-duplicate-field",
    "json-unknown-variant",
    "json-invalid-value",
    "json-invalid-length",
    "json-no-fields",
];

/// A plain English reason in the language in use, phrase by phrase ([`PHRASES`]);
/// what no phrase covers (an id, a value) stays as it is.
fn in_language(english: &str) -> String {
    let lang = current();
    if lang == Lang::En {
        return english.to_string();
    }
    let mut text = english.to_string();
    for id in PHRASES {
        let from = t_in(Lang::En, id, &[]);
        if text.contains(&from) {
            text = text.replace(&from, &t_in(lang, id, &[]));
        }
    }
    text
}

/// 1-based line and column of a byte offset.
pub fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let col = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line, col)
}
