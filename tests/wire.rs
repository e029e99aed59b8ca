//! Every export reads the one report model (issue 10, point 6): which answers an
//! urgent alert rests on (`AlertBasis`) and the baseline. The JSON report's and
//! `history`'s symptom trends call the breathing answer under
//! `alcohol_with_breathing` an emergency, as the CSV's `urgent` does; the HTML page
//! tags every such answer, shows the baseline and draws it on each chart; the CSV
//! carries the baseline's value and the change from it on every row.

use serde_json::{Value, json};

use crate::support::*;

/// Trouble breathing and alcohol: the one alert that stands,
/// `alcohol_with_breathing`, is pinned to the alcohol question.
fn breathing_with_alcohol() -> Value {
    answers_with(json!({"breathing": true, "alcohol_sedatives": true}))
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// `export ARGS` in UTC, which must succeed: its standard output.
fn export(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().env("TZ", "UTC0").arg("export").args(args).run();
    stdout(&out.code(0))
}

// ---------------------------------------------------------------- 1. the trends

#[test]
fn the_breathing_trend_is_an_emergency_when_alcohol_turned_its_alert_into_another() {
    let env = Env::new();
    let r = check_saved(&env, &breathing_with_alcohol());
    assert_eq!(r["alerts"][0]["id"], "alcohol_with_breathing");
    assert_eq!(r["alerts"][0]["question"], "alcohol_sedatives");

    let doc = json_of(&export(&env, &["--format", "json"]));
    let breathing = doc["summary"]["symptoms"]
        .as_array()
        .expect("symptoms")
        .iter()
        .find(|s| s["id"] == "breathing")
        .unwrap_or_else(|| panic!("no breathing trend in {}", doc["summary"]));
    assert_eq!(breathing["trend"]["direction"], "emergency", "{breathing}");

    // history says the same, in its words.
    let text = stdout(&env.run(["history"]).code(0));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Trouble breathing"))
        .unwrap_or_else(|| panic!("no breathing trend line in\n{text}"));
    assert!(line.ends_with("emergency at the last check-in !"), "{line}");
}

// ---------------------------------------------------------------- 3. CSV

/// The first answers: drowsiness and dizziness mild.
fn before() -> Value {
    answers_with(json!({"drowsiness": "mild", "dizziness": "mild"}))
}

/// Later answers: drowsiness moderate, dizziness none, and a seizure.
fn later() -> Value {
    answers_with(json!({"drowsiness": "moderate", "seizure": true}))
}

/// The ids of the check-ins in the log (not the baseline marks), in order.
fn check_in_ids(env: &Env) -> Vec<String> {
    env.records()
        .iter()
        .filter(|r| r.get("kind").is_none())
        .map(|r| r["id"].as_str().expect("an id").to_string())
        .collect()
}

/// A calm check-in, then the baseline (`check --baseline`), then a later one.
/// Their ids, in that order.
fn with_baseline(env: &Env) -> Vec<String> {
    check_saved(env, &calm_answers());
    env.check(&before(), &["--baseline"]).code(0);
    check_saved(env, &later());
    check_in_ids(env)
}

/// The CSV read back as maps of column to cell, one per row.
fn csv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(String::from)
        .collect();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a CSV row");
            header
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect()
}

/// The cells `cols` of the row of check-in `id` and question `q`.
fn cells<'a>(
    rows: &'a [std::collections::HashMap<String, String>],
    id: &str,
    q: &str,
    cols: &[&str],
) -> Vec<&'a str> {
    let row = rows
        .iter()
        .find(|r| r["checkin_id"] == id && r["question_id"] == q)
        .unwrap_or_else(|| panic!("no row for {id} {q}"));
    cols.iter().map(|c| row[*c].as_str()).collect()
}

const BASE_COLS: [&str; 3] = ["baseline_grade", "change_from_baseline", "is_baseline"];

#[test]
fn csv_rows_carry_the_baseline_value_the_change_from_it_and_which_rows_are_the_baseline() {
    let env = Env::new();
    let ids = with_baseline(&env);
    let (earlier, base, now) = (&ids[0], &ids[1], &ids[2]);
    let text = export(&env, &["--format", "csv"]);
    let header = text.lines().next().expect("a header");
    assert!(
        header.ends_with(
            ",answered_of_asked,baseline_grade,change_from_baseline,is_baseline,respondent"
        ),
        "the new columns come last: {header}"
    );
    let rows = csv_rows(&text);
    let at = |id: &str, q: &str| cells(&rows, id, q, &BASE_COLS);
    // The check-in compared: the model's word for each change.
    assert_eq!(at(now, "drowsiness"), ["1", "worse", "false"]);
    assert_eq!(at(now, "dizziness"), ["1", "better", "false"]);
    assert_eq!(at(now, "weakness"), ["0", "same", "false"]);
    assert_eq!(at(now, "seizure"), ["0", "emergency", "false"]);
    // Not a symptom: no baseline value, no change.
    assert_eq!(at(now, "notes"), ["", "", "false"]);
    // The baseline's own rows: marked, and compared with nothing.
    assert_eq!(at(base, "drowsiness"), ["1", "", "true"]);
    assert!(
        rows.iter()
            .all(|r| (r["is_baseline"] == "true") == (&r["checkin_id"] == base)),
        "{text}"
    );
    // Made before the baseline: the baseline's value, but no change from it.
    assert_eq!(at(earlier, "drowsiness"), ["1", "", "false"]);
}

#[test]
fn a_follow_up_the_baseline_did_not_ask_is_not_asked_before() {
    let env = Env::new();
    env.check(&before(), &["--baseline"]).code(0);
    // "Yes" to the pump opens its follow-ups; the baseline asked none of them.
    check_saved(
        &env,
        &answers_with(json!({
            "pump": true, "pump_confusion": false, "pump_stiffness": true,
            "pump_itching": false, "pump_alarm": false
        })),
    );
    let ids = check_in_ids(&env);
    let rows = csv_rows(&export(&env, &["--format", "csv"]));
    assert_eq!(
        cells(&rows, &ids[1], "pump_stiffness", &BASE_COLS),
        ["", "not_asked_before", "false"]
    );
}

#[test]
fn without_a_baseline_the_columns_are_empty_and_no_row_is_the_baseline() {
    let env = Env::new();
    check_saved(&env, &before());
    check_saved(&env, &later());
    let rows = csv_rows(&export(&env, &["--format", "csv"]));
    assert!(!rows.is_empty());
    for r in &rows {
        assert_eq!(
            (
                &r["baseline_grade"][..],
                &r["change_from_baseline"][..],
                &r["is_baseline"][..]
            ),
            ("", "", "false"),
            "{r:?}"
        );
    }
}

// ---------------------------------------------------------------- 2. HTML

/// The page, in UTC.
fn html_of(env: &Env) -> String {
    export(env, &["--format", "html"])
}

/// The items of the symptom lists of the symptoms table, each `<li>…</li>`.
fn symptom_items(html: &str) -> Vec<&str> {
    let table = between(html, "<table class=\"symptoms\">", "</table>");
    table
        .split("<li")
        .skip(1)
        .map(|i| &i[..i.find("</li>").unwrap_or(i.len())])
        .collect()
}

/// The symptom item that starts with `name` ("Trouble breathing:").
fn item<'a>(items: &[&'a str], name: &str) -> Option<&'a str> {
    items
        .iter()
        .find(|i| {
            i.trim_start_matches(|c| c != '>')
                .starts_with(&format!(">{name}"))
        })
        .copied()
}

#[test]
fn every_answer_an_urgent_alert_rests_on_is_tagged_in_words_with_the_alert() {
    let env = Env::new();
    check_saved(
        &env,
        &answers_with(json!({
            "breathing": true, "alcohol_sedatives": true,
            "drowsiness": "very_severe", "confusion": "very_severe", "dizziness": "mild"
        })),
    );
    let html = html_of(&env);
    let items = symptom_items(&html);
    let tag = |title: &str| format!("<span aria-hidden=\"true\">⚠</span> urgent: {title}</span>");
    let breathing = tag("Trouble breathing with alcohol or sleepy drugs");
    // The alert is pinned to the alcohol answer; the breathing answer carries it too.
    for name in ["Trouble breathing:", "Alcohol or other sleepy drugs:"] {
        let it = item(&items, name).unwrap_or_else(|| panic!("no {name} in {items:#?}"));
        assert!(it.contains(&breathing), "{it}");
    }
    // Both very severe answers carry the overdose alert; a mild one carries none.
    for name in ["Drowsiness:", "Confusion:"] {
        let it = item(&items, name).unwrap_or_else(|| panic!("no {name} in {items:#?}"));
        assert!(it.contains("urgent: "), "{it}");
        assert!(!it.contains(&breathing), "{it}");
    }
    let dizzy = item(&items, "Dizziness:").expect("dizziness");
    assert!(!dizzy.contains("urgent"), "{dizzy}");
    assert!(item(&items, "Seizure:").is_none(), "a no is still left out");
}

#[test]
fn the_page_shows_the_baseline_and_the_change_since_it_in_history_s_words() {
    let env = Env::new();
    let ids = with_baseline(&env);
    let html = html_of(&env);
    let section = between(&html, "<section id=\"baseline\">", "</section>");
    assert!(
        section.contains("Baseline: the check-in of ") && section.contains(&ids[1]),
        "{section}"
    );
    // The same words as `history`.
    let history = stdout(&env.run(["history"]).code(0));
    for words in [
        "Drowsiness: mild before, moderate now (worse)",
        "Dizziness: mild before, none now (better)",
        "Seizure: no before, yes now (an emergency at this check-in)",
    ] {
        assert!(history.contains(words), "history: {history}");
        assert!(section.contains(words), "{words}: {section}");
    }
    assert!(section.contains("Every other symptom: none (or no) at both."));
    assert!(!html.contains("No baseline"), "{section}");
    // Its row in the symptoms table says it is the baseline.
    let table = between(&html, "<table class=\"symptoms\">", "</table>");
    assert_eq!(table.matches(">Baseline</span>").count(), 1, "{table}");
    let at = html.find("<section id=\"baseline\">").expect("the section");
    assert!(
        html.find("<section id=\"alerts\">") < Some(at)
            && Some(at) < html.find("<section id=\"trends\">"),
        "after the alerts, before the charts"
    );
}

#[test]
fn without_a_baseline_the_page_says_so_once_and_how_to_make_one() {
    let env = Env::new();
    check_saved(&env, &before());
    check_saved(&env, &later());
    let html = html_of(&env);
    assert_eq!(html.matches("No baseline: ").count(), 1, "{html}");
    let section = between(&html, "<section id=\"baseline\">", "</section>");
    assert!(
        section.contains("No baseline: ") && section.contains("sidecheck check --baseline"),
        "{section}"
    );
    assert!(!html.contains("class=\"baseline\""), "no line drawn");
    assert!(!html.contains("dashed line"), "no chart speaks of one");
}

#[test]
fn each_chart_draws_the_baseline_as_a_dashed_labelled_line_its_caption_explains() {
    let env = Env::new();
    // The baseline had drowsiness at moderate; the later check-ins none.
    env.check(
        &answers_with(json!({"drowsiness": "moderate"})),
        &["--baseline"],
    )
    .code(0);
    check_saved(&env, &calm_answers());
    check_saved(&env, &calm_answers());
    let html = html_of(&env);
    let figure = between(
        &html,
        "<figure class=\"chart\" data-section=\"common\">",
        "</figure>",
    );
    assert!(
        figure.contains("; dashed line: the baseline, 1 of 7</span></figcaption>"),
        "{figure}"
    );
    let line = between(figure, "<line class=\"baseline\"", "/>");
    assert!(line.contains("stroke-dasharray=\"6 4\""), "{line}");
    assert!(figure.contains(">baseline</text>"), "labelled: {figure}");
    // At the height of 1 of 7: the baseline's own point, above the latest (0).
    let y = |tag: &str, attr: &str| -> f64 {
        let at = tag.find(&format!("{attr}=\"")).expect(attr) + attr.len() + 2;
        tag[at..at + tag[at..].find('"').expect("end")]
            .parse()
            .expect("a number")
    };
    let last = &figure[figure.rfind("<circle class=\"point\"").expect("a point")..];
    let first = between(figure, "<circle class=\"point\"", ">");
    assert_eq!(y(line, "y1"), y(first, "cy"), "{line} {first}");
    assert!(y(line, "y1") < y(last, "cy"), "{line} {last}");
    let trends = between(&html, "<section id=\"trends\">", "</p>");
    assert!(trends.contains("The dashed line marked"), "{trends}");
    // Every charted section draws it.
    assert_eq!(
        html.matches("<figure class=\"chart\"").count(),
        html.matches("<line class=\"baseline\"").count()
    );
}

#[test]
fn a_printed_table_s_caption_and_head_never_end_a_page_alone() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    let html = html_of(&env);
    let print = between(&html, "@media print {", "\n}");
    assert!(
        print.contains("caption, thead, thead tr { break-after: avoid; page-break-after: avoid; }"),
        "{print}"
    );
}

#[test]
fn the_breathing_answer_under_alcohol_with_breathing_is_an_emergency_change_from_the_baseline() {
    let env = Env::new();
    env.check(&calm_answers(), &["--baseline"]).code(0);
    check_saved(&env, &breathing_with_alcohol());
    let ids = check_in_ids(&env);
    let rows = csv_rows(&export(&env, &["--format", "csv"]));
    assert_eq!(
        cells(
            &rows,
            &ids[1],
            "breathing",
            &["urgent", "change_from_baseline"]
        ),
        ["true", "emergency"]
    );
    let html = html_of(&env);
    assert!(
        html.contains("Trouble breathing: no before, yes now (an emergency at this check-in)"),
        "{html}"
    );
}
