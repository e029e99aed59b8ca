//! What is wrong with some JSON, in plain words: the place ("line 3, column 1"),
//! the reason without Rust's type names, and advice for files people write. Banks,
//! answers files, profile files and log lines all report through here.

/// Where a JSON error is, as "line 3, column 1". serde_json says column 0 when
/// nothing on the line was read yet (an empty file, or a list where an object
/// belongs); people count from 1.
pub fn json_place(e: &serde_json::Error) -> String {
    place(e.line(), e.column().max(1))
}

/// "line 3, column 7": a place in a file, as every error names it.
pub fn place(line: usize, column: usize) -> String {
    crate::i18n::t_args(
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
    let text = json_reason(e);
    if text.starts_with("the file nests") {
        return format!("{text}; check what made it");
    }
    match e.classify() {
        Category::Eof => format!("{text}: the file ends too early; check for a missing }} or ]"),
        Category::Syntax => format!("{text}: fix the JSON syntax here"),
        Category::Data if text.starts_with("missing field") => format!("{text}: add it"),
        Category::Data if text.starts_with("unknown field") => {
            format!("{text}: remove it or fix its spelling")
        }
        Category::Data => format!("{text}: fix this value"),
        Category::Io => format!("{text}: could not read the input"),
    }
}

/// What is wrong with some JSON, in plain words, without advice on fixing it (for
/// log lines, which people should not have to edit).
pub fn json_reason(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the place is given separately.
    let text = e.to_string();
    let mut text = match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    // Rust type names mean nothing to a person editing a file.
    for (rust, plain) in [
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list in [ ]"),
        ("expected a map", "expected an object in { }"),
        ("expected a boolean", "expected true or false"),
    ] {
        text = text.replace(rust, plain);
    }
    if let Some(i) = text.find("expected struct ") {
        text = format!("{}expected an object in {{ }}", &text[..i]);
    }
    for (rust, plain) in [
        ("invalid type: sequence", "found a list"),
        ("invalid type: map", "found an object"),
        ("invalid type: string", "found the text"),
        ("invalid type: integer", "found the number"),
        ("invalid type: floating point", "found the number"),
        ("invalid type: boolean", "found"),
        ("invalid type: null", "found null"),
        ("EOF while parsing", "the text ended while reading"),
    ] {
        text = text.replace(rust, plain);
    }
    if text == "recursion limit exceeded" {
        return "the file nests [ ] or { } more than 128 levels deep: no valid file does".into();
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
