//! The message catalogues (`i18n/*.ftl`): every message in one language is in the
//! other with the same variables, every id the code names is there, and no words
//! for people are written in `src/` outside them (but for the files listed below).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::layers::{code, rust_files};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

const LANGS: [&str; 2] = ["en", "es"];

fn catalogue(lang: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("i18n/{lang}.ftl"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn variables_of_inline(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => variables_of(expression, out),
        _ => {}
    }
}

fn variables_of(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(inline) => variables_of_inline(inline, out),
        Expression::Select { selector, variants } => {
            variables_of_inline(selector, out);
            for v in variants {
                variables_in(&v.value, out);
            }
        }
    }
}

fn variables_in(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            variables_of(expression, out);
        }
    }
}

/// Each message's id and the variables it uses; a catalogue that does not parse
/// whole fails here.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let text = catalogue(lang);
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables_in(p, &mut vars);
                }
                let fresh = out.insert(m.id.name.to_string(), vars).is_none();
                assert!(fresh, "{lang}.ftl: {} is there twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{lang}.ftl: cannot read {content:?}"),
            _ => {}
        }
    }
    out
}

#[test]
fn every_message_is_in_both_languages_with_the_same_variables() {
    let en = messages("en");
    for lang in LANGS {
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|id| !other.contains_key(*id)).collect();
        let extra: Vec<_> = other.keys().filter(|id| !en.contains_key(*id)).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang}.ftl has {extra:?}, which en.ftl lacks"
        );
        for (id, vars) in &en {
            assert_eq!(&other[id], vars, "{lang}.ftl: {id} uses other variables");
        }
    }
}

fn src_files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(src.parent().expect("the crate"))
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).expect("read a source file");
            (name, text)
        })
        .collect()
}

/// The code of a file that runs in the program: the code `tests/layers.rs` reads
/// (no comments, no test module), without attributes (`#[arg(...)]`,
/// `#[serde(...)]`). `tests.rs` files are left out whole.
fn program_code(name: &str, text: &str) -> String {
    if name.ends_with("/tests.rs") {
        return String::new();
    }
    code(text)
        .lines()
        .filter(|l| !l.trim_start().starts_with("#["))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The string literals of some code, as written between the quotes (raw strings
/// included; char literals such as '"' skipped).
fn literals(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // A char literal: 'x' or '\x...'; a lifetime has no closing quote.
            if chars.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 2;
            }
            i += 1;
        } else if c == 'r' && matches!(chars.get(i + 1), Some('#') | Some('"')) {
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let close: String = std::iter::once('"')
                .chain(std::iter::repeat_n('#', hashes))
                .collect();
            let rest: String = chars[j + 1..].iter().collect();
            let end = rest.find(&close).unwrap_or(rest.len());
            out.push(rest[..end].to_string());
            i = j + 1 + rest[..end].chars().count() + close.chars().count();
        } else if c == '"' {
            let mut s = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    s.push(chars[i]);
                    i += 1;
                }
                if let Some(c) = chars.get(i) {
                    s.push(*c);
                }
                i += 1;
            }
            out.push(s);
            i += 1;
        } else if c.is_alphanumeric() || c == '_' {
            // Skip the rest of an identifier, so `for"` never starts a string; but
            // `br"..."` and `br#"..."#` are raw strings, read from their `r`.
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            if chars[start..i] == ['b', 'r'] && matches!(chars.get(i), Some('#') | Some('"')) {
                i = start + 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a literal reads as words for a person: two words of letters in a row
/// ("no terminal"), or a capitalised word ("Saving"). Format strings with no words
/// ("{}: {}"), ids ("yes_no") and paths do not.
fn looks_user_facing(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphabetic() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let pair = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| {
            let word = |t: &str| {
                t.chars()
                    .all(|c| c.is_alphabetic() || ",.;:'?!".contains(c))
                    && letters(t) >= 2
            };
            word(w[0]) && word(w[1])
        });
    let capital = words.first().is_some_and(|w| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.clone().count() >= 2
            && cs.all(char::is_lowercase)
            && s.trim_start().starts_with(*w)
    });
    pair || capital
}

/// Files whose words are not in the catalogue yet, each with why. The gap is kept
/// visible here: a file leaves this list when its words move.
const NOT_YET: &[(&str, &str)] = &[
    (
        "src/export/fhir/codes.rs",
        "the displays and definitions of the Bundle's own code systems: English, the codes' own, like Level::heading (a Spanish CodeSystem needs its own language and designations)",
    ),
    // Not words for people in a language: the schema.
    ("src/schema.rs", "JSON Schema titles for tools"),
    (
        "src/main.rs",
        "the internal-error line before the language is known",
    ),
];

/// Literals that are not words for people, in files whose words are all in the
/// catalogue: (file, literal).
const NOT_WORDS: &[(&str, &str)] = &[
    // FHIR's own words: resource and data type names, and HL7's displays of its codes.
    ("src/export/fhir.rs", "Questionnaire"),
    ("src/export/fhir.rs", "Patient"),
    ("src/export/fhir.rs", "Integer"),
    ("src/export/fhir.rs", "Decimal"),
    ("src/export/fhir/flags.rs", "Flag"),
    ("src/export/fhir/flags.rs", "Drug"),
    ("src/export/fhir/observations.rs", "Observation"),
    ("src/export/fhir/observations.rs", "Survey"),
    ("src/export/fhir/baseline.rs", "Not Asked"),
    // A FHIR machine name's start, and a test build's assertion.
    ("src/export/fhir.rs", "Sidecheck"),
    ("src/export/fhir/write.rs", "{s:?} needs an escape"),
    // Inside output.rs's English "cannot format" bug line, like "the output".
    ("src/export/fhir.rs", "the Bundle"),
    ("src/command/answers_file.rs", "standard input"),
    ("src/command/check.rs", "the check-in"),
    ("src/command/context.rs", "the output"),
    ("src/export/json.rs", "the report"),
    // A bug's message (a report that serde cannot turn into JSON), for whoever
    // reports it, English like the names above that it says.
    ("src/output.rs", "cannot format {what}: {e}"),
    // A bug's message, for whoever reports it.
    ("src/bank/load.rs", "the built-in bank has problems"),
    ("src/flow.rs", "a bank of other questions"),
    // serde_json's own English, matched to be said plainly (i18n's json-*).
    ("src/json_error.rs", "expected usize"),
    ("src/json_error.rs", "invalid type: sequence"),
    ("src/json_error.rs", "invalid type: map"),
    ("src/json_error.rs", "invalid type: string"),
    ("src/json_error.rs", "invalid type: integer"),
    ("src/json_error.rs", "invalid type: floating point"),
    ("src/json_error.rs", "invalid type: boolean"),
    ("src/json_error.rs", "invalid type: null"),
    ("src/json_error.rs", "EOF while parsing"),
    ("src/json_error.rs", " at line "),
    ("src/json_error.rs", "expected struct "),
    ("src/json_error.rs", "recursion limit exceeded"),
    // A serde attribute written over several lines.
    ("src/record.rs", "Option::is_none"),
    // Inside output.rs's "cannot format ..." line (a bug's message).
    ("src/command/history.rs", "the output"),
    // Level::heading: the FHIR code system's displays, English whatever the person's
    // language; the terminal says the catalogue's level-* (a test keeps them equal).
    ("src/bank/model.rs", "CALL YOUR PRESCRIBER TODAY"),
    ("src/bank/model.rs", "GET SUPPORT NOW"),
    ("src/bank/model.rs", "EMERGENCY: GET HELP NOW"),
    // A bug's message: said as "internal error (...)", for whoever reports it.
    ("src/region.rs", "the region table was checked at startup"),
    // Inside serde's own English error line; moves with json_error in the next part.
    (
        "src/scripted.rs",
        "a JSON object that maps question ids to answers",
    ),
    (
        "src/scripted.rs",
        "question id \\\"{k}\\\" is given twice; keep one answer",
    ),
];

fn not_yet(name: &str) -> bool {
    NOT_YET
        .iter()
        .any(|(p, _)| name == *p || (p.ends_with('/') && name.starts_with(p)))
}

/// Words for people written in the code instead of the catalogue: (file, literal).
fn stray_words(files: &[(String, String)]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in files {
        if not_yet(name) {
            continue;
        }
        for lit in literals(&program_code(name, text)) {
            let allowed = NOT_WORDS.iter().any(|(f, l)| f == name && *l == lit);
            if looks_user_facing(&lit) && !allowed {
                out.push((name.clone(), lit));
            }
        }
    }
    out
}

#[test]
fn no_words_for_people_are_written_in_the_code() {
    let stray = stray_words(&src_files());
    assert!(
        stray.is_empty(),
        "words for people belong in i18n/en.ftl and es.ftl (see src/i18n.rs):\n{}",
        stray
            .iter()
            .map(|(f, l)| format!("  {f}: {l:?}"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_check_catches_a_new_sentence_and_lets_code_through() {
    let added = vec![(
        "src/terminal.rs".to_string(),
        "fn f() { crate::sayln!(\"Some words here\"); crate::sayln!(\"{}\", t(\"ok\")); }\n"
            .to_string(),
    )];
    assert_eq!(stray_words(&added).len(), 1, "{:?}", stray_words(&added));
    for code in [
        "\"{}: {}\"",
        "\"yes_no\"",
        "\"\\x1b[1m\"",
        "'\"'",
        "\"level-{}\"",
        "\"~/.local\"",
    ] {
        assert!(
            literals(code).iter().all(|l| !looks_user_facing(l)),
            "{code}: {:?}",
            literals(code)
        );
    }
    for words in [
        "\"Saving…\"",
        "\"no terminal to ask in\"",
        "r#\"Press \"Enter\"\"#",
    ] {
        assert!(
            literals(words).iter().any(|l| looks_user_facing(l)),
            "{words}"
        );
    }
}

/// The message ids the code names: `t("id")`, `t_args("id", ..)`, `t_count("id", ..)`.
fn ids_in_code(files: &[(String, String)]) -> BTreeSet<String> {
    let en = messages("en");
    let mut ids = BTreeSet::new();
    for (name, text) in files {
        let text = &program_code(name, text);
        for call in ["t(\"", "t_args(\"", "t_count(\""] {
            for (i, _) in text.match_indices(call) {
                // `t(` itself, not `expect(` or `format(`.
                let before = text[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &text[i + call.len()..];
                if let Some(end) = rest.find('"') {
                    ids.insert(rest[..end].to_string());
                }
            }
        }
        // `t(if .. { "a" } else { "b" })` and `t(match ..)`: ids written as plain
        // literals of the catalogue's shape.
        for lit in literals(text) {
            if lit.contains('-')
                && lit.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && en.contains_key(&lit)
            {
                ids.insert(lit);
            }
        }
    }
    ids
}

#[test]
fn every_id_the_code_names_is_in_the_catalogue() {
    let en = messages("en");
    let mut named = ids_in_code(&src_files());
    named.retain(|id| !id.is_empty() && !id.starts_with("no-such"));
    for level in ["advice", "prescriber", "crisis", "emergency"] {
        named.insert(format!("level-{level}"));
    }
    let missing: Vec<_> = named.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(
        missing.is_empty(),
        "named in src/ but not in en.ftl: {missing:?}"
    );
}
