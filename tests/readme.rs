//! The README's examples work as written: a new user copies them first.

use crate::support::*;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README")
}

/// The first ```json block after `heading`.
fn json_block_after(text: &str, heading: &str) -> String {
    let at = text.find(heading).unwrap_or_else(|| panic!("no {heading}"));
    let start = text[at..].find("```json\n").expect("a json block") + at + 8;
    let end = text[start..].find("```").expect("the block's end") + start;
    text[start..end].to_string()
}

#[test]
fn the_answers_file_in_the_readme_is_accepted_as_it_is() {
    let env = Env::new();
    let example = json_block_after(&readme(), "### `sidecheck check --answers FILE`");
    let file = env.file("answers.json", example);
    let out = env
        .cmd()
        .args(["check", "--answers"])
        .arg(file)
        .run()
        .code(0);
    // No answer in it is ignored (a note would say so); the one note is that no
    // "about you" answers are saved yet.
    assert!(
        !stderr(&out)
            .lines()
            .any(|l| l.contains("note:") && !l.contains("\"about you\"")),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.records().len(), 1);
}

#[test]
fn the_readme_lists_every_placeholder_the_bank_uses() {
    let bank = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questions/baclofen.en.json"
    ))
    .expect("bank");
    let readme = readme();
    let mut rest = bank.as_str();
    while let Some(i) = rest.find('{') {
        rest = &rest[i + 1..];
        let Some(j) = rest.find('}') else { break };
        let name = &rest[..j];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            assert!(
                readme.contains(&format!("`{{{name}}}`")),
                "the README does not list {{{name}}}"
            );
        }
    }
}
