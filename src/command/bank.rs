//! `sidecheck bank validate`, `bank schema` and `bank questions`: checking bank
//! files, the JSON Schema they follow, and the questions of the bank in use.

use crate::i18n::{t, t_args, t_count};
use std::path::PathBuf;

use serde_json::{Value, json};

use super::Context;
use crate::bank::{self, Bank, BankError, Kind};
use crate::cli::BankCommand;
use crate::error::Error;

pub fn run(ctx: &Context<'_>, command: &BankCommand) -> Result<(), Error> {
    match command {
        BankCommand::Validate { files } => validate(files),
        BankCommand::Schema => ctx.out(&bank::schema_json()),
        BankCommand::Questions { json } => questions(ctx, *json),
    }
}

/// Loads each file and reports every problem; the error counts the files that have
/// problems. A file with the id of an earlier one but another language is its
/// translation: it must match the first such file in everything but the words.
fn validate(files: &[PathBuf]) -> Result<(), Error> {
    let loaded: Vec<Result<Bank, BankError>> = files.iter().map(|f| Bank::load(f)).collect();
    let mut failed = 0;
    for (i, (f, result)) in files.iter().zip(&loaded).enumerate() {
        let problems = match result {
            Ok(b) => translated_from(&loaded[..i], b)
                .map(|reference| b.parity(reference))
                .unwrap_or_default(),
            Err(e) => {
                failed += 1;
                crate::sayln!("{e}");
                continue;
            }
        };
        match result {
            Ok(b) if problems.is_empty() => {
                let ok = t_args(
                    "bank-ok",
                    &[
                        ("file", &f.display().to_string()),
                        ("questions", &b.questions.len().to_string()),
                        ("alerts", &b.alerts.len().to_string()),
                    ],
                );
                crate::sayln!("{ok}")
            }
            _ => {
                failed += 1;
                let file = f.display().to_string();
                crate::sayln!("{}", BankError { file, problems });
            }
        }
    }
    if failed > 0 {
        return Err(Error::Input(t_count(
            "bank-failed",
            ("files", files.len() as u64),
            &[("failed", &failed.to_string())],
        )));
    }
    Ok(())
}

/// The first of the `earlier` banks that `bank` translates: the same id, another
/// language.
fn translated_from<'b>(earlier: &'b [Result<Bank, BankError>], bank: &Bank) -> Option<&'b Bank> {
    earlier
        .iter()
        .flatten()
        .find(|b| b.id == bank.id && b.language != bank.language)
}

/// One row of `bank questions --json`.
fn question_json(bank: &Bank, q: &bank::Question) -> Value {
    let alerts: Vec<Value> = bank
        .alerts_for(&q.id)
        .into_iter()
        .map(|a| json!({"id": a.id, "level": a.level}))
        .collect();
    let mut v = json!({
        "id": q.id,
        "section": q.section,
        "kind": q.kind,
        "text": q.text,
        "answers": bank.expected(q),
    });
    if q.kind == Kind::Scale {
        v["options"] = json!(bank.options(q));
    }
    if q.kind == Kind::Number {
        v["unit"] = json!(q.unit);
        v["min"] = json!(q.min);
        v["max"] = json!(q.max);
    }
    v["condition"] = match &q.when {
        Some(c) => json!(c.to_string()),
        None => Value::Null,
    };
    v["can_alert"] = json!(!alerts.is_empty());
    v["alerts"] = Value::Array(alerts);
    v
}

fn questions(ctx: &Context<'_>, json: bool) -> Result<(), Error> {
    let bank = ctx.bank()?;
    if json {
        let rows: Vec<Value> = bank
            .questions
            .iter()
            .map(|q| question_json(bank, q))
            .collect();
        return ctx.out_json(&rows);
    }
    let mut s = t_args(
        "bank-questions-head",
        &[
            ("title", &bank.title),
            ("bank", &bank.id),
            ("version", &bank.version),
            ("language", &bank.language),
        ],
    );
    s.push('\n');
    for q in &bank.questions {
        s.push_str(&question_text(bank, q));
    }
    if !bank.profile.is_empty() {
        s.push('\n');
        s.push_str(&t("bank-questions-about-you"));
        s.push('\n');
        for item in &bank.profile {
            s.push_str(&format!(
                "\n{}  [profile, yes_no]\n  {}\n",
                item.id, item.text
            ));
        }
    }
    ctx.out(&s)
}

/// One question of `bank questions`, with the blank line before it.
fn question_text(bank: &Bank, q: &bank::Question) -> String {
    let mut s = format!("\n{}  [{}, {}]\n", q.id, q.section, q.kind.as_str());
    s.push_str(&format!("  {}\n", q.text));
    let answers = t_args("bank-questions-answers", &[("expected", &bank.expected(q))]);
    s.push_str(&format!("  {answers}\n"));
    if q.kind == Kind::Scale {
        let opts: Vec<String> = bank
            .options(q)
            .iter()
            .map(|c| format!("{}={}", c.id, c.score))
            .collect();
        let options = t_args("bank-questions-options", &[("options", &opts.join(", "))]);
        s.push_str(&format!("  {options}\n"));
    }
    if let Some(c) = &q.when {
        let when = t_args("bank-questions-when", &[("condition", &c.to_string())]);
        s.push_str(&format!("  {when}\n"));
    }
    let alerts = bank.alerts_for(&q.id);
    if !alerts.is_empty() {
        let list: Vec<String> = alerts
            .iter()
            .map(|a| format!("{} ({})", a.id, a.level.as_str()))
            .collect();
        let alerts = t_args("bank-questions-alerts", &[("alerts", &list.join(", "))]);
        s.push_str(&format!("  {alerts}\n"));
    }
    s
}
