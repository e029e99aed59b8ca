//! The printable HTML page (issue 10, point 3): a stopped check-in says how far it
//! got and what was answered, retracted alerts are rows of the one alerts table,
//! the page has its landmarks and captions, fits a phone (ids break, wide tables
//! scroll in their own box), and still runs no script and loads nothing.

use serde_json::json;

use crate::support::*;

fn html_of(env: &Env) -> String {
    let out = env
        .cmd()
        .env("TZ", "UTC0")
        .args(["export", "--format", "html"])
        .run()
        .code(0);
    stdout(&out)
}

/// The symptoms table's row of the check-in that started at `minute` (as the page
/// writes it, "2020-11-20 08:00"), found by its text, whatever the markup.
fn symptoms_row<'a>(html: &'a str, minute: &str) -> &'a str {
    let table = between(html, "<table class=\"symptoms\">", "</table>");
    table
        .split("<tr>")
        .find(|row| text_of(row).starts_with(minute))
        .unwrap_or_else(|| panic!("no row at {minute} in\n{table}"))
}

/// The text of some HTML, its tags left out.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// The alerts section of the page.
fn alerts_section(html: &str) -> &str {
    between(html, "<section id=\"alerts\">", "<section id=\"trends\">")
}

/// A log with a standing emergency, a retracted one, a stopped check-in and a long
/// note: every kind of row the page draws.
fn everything(env: &Env) {
    check_saved(
        env,
        &answers_with(json!({
            "breathing": true, "alcohol_sedatives": true, "drowsiness": "severe",
            "notes": "Felt off after the 8 pm dose"
        })),
    );
    with_retracted_at(env, "+00:00");
    let calm = template_record(&calm_answers());
    let stopped = stopped_after(
        &record_at(
            &calm,
            "20201120-080000-0000000stop",
            "2020-11-20T08:00:00.000+00:00",
        ),
        2,
        "20201120-080000-0000000stop",
    );
    append_log(env, &[stopped.to_string()]);
}

// ---------------------------------------------------------------- stopped check-ins

#[test]
fn a_stopped_check_in_says_how_far_it_got_and_lists_what_was_answered() {
    let env = Env::new();
    let calm = template_record(&calm_answers());
    let asked = calm["asked"].as_u64().expect("asked");
    let two = stopped_after(
        &record_at(&calm, "a", "2020-11-20T08:00:00.000+00:00"),
        2,
        "20201120-080000-00000000two",
    );
    let none = stopped_after(
        &record_at(&calm, "b", "2020-11-21T08:00:00.000+00:00"),
        0,
        "20201121-080000-0000000none",
    );
    append_log(&env, &[two.to_string(), none.to_string()]);
    let html = html_of(&env);

    let row = symptoms_row(&html, "2020-11-20 08:00");
    // What was answered, "no" included: never read as "all clear".
    assert!(!row.contains("No symptoms reported"), "{row}");
    assert!(
        row.contains(&format!(
            "<b>Stopped after 2 of {asked} questions.</b> Answers given:"
        )),
        "{row}"
    );
    assert!(row.contains("<li>Baclofen pump: No</li>"), "{row}");
    assert!(
        row.contains("<li>Missed, lowered, or stopped doses: No</li>"),
        "{row}"
    );
    assert!(
        row.contains("<span class=\"stopped\">Stopped</span>"),
        "{row}"
    );

    let row = symptoms_row(&html, "2020-11-21 08:00");
    assert!(
        row.contains(&format!(
            "<b>Stopped after 0 of {asked} questions.</b> Nothing was answered."
        )),
        "{row}"
    );
    assert!(!row.contains("No symptoms reported"), "{row}");
}

#[test]
fn a_completed_check_in_lists_only_what_was_reported() {
    let env = Env::new();
    check_saved(&env, &calm_answers());
    let html = html_of(&env);
    let table = between(&html, "<table class=\"symptoms\">", "</table>");
    assert!(table.contains("<td>Completed</td>"), "{table}");
    assert!(
        !table.contains("Stopped") && !table.contains("Answers given"),
        "{table}"
    );
    // Answers of "no" are left out of a completed check-in.
    assert!(!table.contains("Baclofen pump: No"), "{table}");
}

// ---------------------------------------------------------------- retracted alerts

#[test]
fn retracted_alerts_are_rows_of_the_alerts_table_after_the_standing_ones() {
    let env = Env::new();
    everything(&env);
    let html = html_of(&env);
    let section = alerts_section(&html);
    assert_eq!(section.matches("<table").count(), 1, "one table: {section}");
    assert!(!html.contains("id=\"retracted-alerts\""), "no second table");
    let standing: Vec<usize> = section
        .match_indices("<tr class=\"alert\">")
        .map(|(i, _)| i)
        .collect();
    let retracted: Vec<usize> = section
        .match_indices("<tr class=\"alert retracted\">")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(retracted.len(), 2, "{section}");
    assert!(!standing.is_empty(), "{section}");
    assert!(standing.iter().max() < retracted.iter().min(), "{section}");
    // Marked, with when each was shown and taken back, in the status column.
    assert!(
        section.contains("<th scope=\"col\">Status</th>"),
        "{section}"
    );
    assert!(
        section.contains("<td class=\"status\">Standing</td>"),
        "{section}"
    );
    assert!(section.contains("<td class=\"status\">Retracted: shown at 2026-11-30 09:01:00, then the answer was changed at 2026-11-30 09:01:30</td>"), "{section}");
    assert!(section.contains("<td class=\"status\">Retracted: shown at 2026-11-30 09:00:40, then the answer was changed at 2026-11-30 09:01:40</td>"), "{section}");
    assert!(section.contains("<tbody class=\"retracted\">"), "{section}");
    // The level says so too: on a phone the status column can be out of view.
    assert!(
        section.contains("<td class=\"level level-crisis\">Crisis (retracted)</td>"),
        "{section}"
    );
    assert!(section.contains("2 standing, 2 retracted"), "{section}");
}

#[test]
fn retracted_alerts_alone_still_get_the_table() {
    let env = Env::new();
    with_retracted_at(&env, "+00:00");
    let html = html_of(&env);
    let section = alerts_section(&html);
    assert!(
        section.contains("No urgent alert stands in this period."),
        "{section}"
    );
    assert_eq!(
        section.matches("<tr class=\"alert retracted\">").count(),
        2,
        "{section}"
    );
    assert!(!section.contains("<tr class=\"alert\">"), "{section}");
    assert!(section.contains("level-emergency") && section.contains("level-crisis"));
}

// ---------------------------------------------------------------- landmarks

#[test]
fn the_page_has_a_main_landmark_and_a_caption_on_every_table() {
    let env = Env::new();
    everything(&env);
    let html = html_of(&env);
    assert_eq!(html.matches("<main>").count(), 1);
    assert_eq!(html.matches("</main>").count(), 1);
    let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("no {s}"));
    assert!(at("</header>") < at("<main>"));
    assert!(at("</main>") < at("<footer>"));
    // Every section of the report is in it.
    for section in ["alerts", "trends", "symptoms", "scales"] {
        let s = at(&format!("<section id=\"{section}\">"));
        assert!(at("<main>") < s && s < at("</main>"), "{section}");
    }
    let tables = html.matches("<table").count();
    assert_eq!(tables, 3, "alerts, symptoms, scales");
    assert_eq!(html.matches("<caption").count(), tables);
    for (i, _) in html.match_indices("<table") {
        let open = &html[i..];
        let after = &open[open.find('>').expect("tag end") + 1..];
        assert!(after.trim_start().starts_with("<caption"), "{open:.200}");
    }
}

#[test]
fn an_empty_period_has_its_main_landmark_too() {
    let env = Env::new();
    let html = html_of(&env);
    let main = between(&html, "<main>", "</main>");
    assert!(
        main.contains("There are no check-ins in this period."),
        "{main}"
    );
    assert_eq!(
        html.matches("<table").count(),
        html.matches("<caption").count()
    );
}

// ---------------------------------------------------------------- phones

/// The style sheet's rules (selectors and declarations) whose selector list names
/// `selector`, at any level (in a media block too).
fn rules<'a>(html: &'a str, selector: &str) -> Vec<&'a str> {
    let css = between(html, "<style>", "</style>");
    css.split('}')
        .filter_map(|rule| {
            let (sel, _) = rule.rsplit_once('{')?;
            let sel = sel.rsplit(['{', '/']).next().unwrap_or(sel);
            sel.split(',').any(|s| s.trim() == selector).then_some(rule)
        })
        .collect()
}

#[test]
fn check_in_ids_can_break_and_every_table_scrolls_in_its_own_box() {
    let env = Env::new();
    everything(&env);
    let html = html_of(&env);
    // An id may break anywhere and is never held on one line.
    let id_rules = rules(&html, "td.id");
    assert!(
        id_rules
            .iter()
            .any(|r| r.contains("overflow-wrap: anywhere")),
        "{id_rules:?}"
    );
    assert!(
        !id_rules.iter().any(|r| r.contains("nowrap")),
        "{id_rules:?}"
    );
    assert!(html.contains("<td class=\"id\">20261130-090000-00000000cafe</td>"));
    // The box scrolls sideways on screen, and prints whole.
    let boxes = rules(&html, ".table-scroll");
    assert!(
        boxes.iter().any(|r| r.contains("overflow-x: auto")),
        "{boxes:?}"
    );
    assert!(
        boxes.iter().any(|r| r.contains("overflow: visible")),
        "print: {boxes:?}"
    );
    // Every table is the only child of its box; the box can be focused (to scroll
    // it with the keyboard) and is a region named by the table's caption.
    for (i, _) in html.match_indices("<table class=\"") {
        let class = &html[i + 14..];
        let class = &class[..class.find('"').expect("class end")];
        let before = format!(
            "<section class=\"table-scroll\" tabindex=\"0\" aria-labelledby=\"{class}-caption\">\n"
        );
        assert!(
            html[..i].ends_with(&before),
            "{class}: {:.300}",
            &html[i.saturating_sub(150)..]
        );
        let table = &html[i..];
        assert!(
            table.starts_with(&format!(
                "<table class=\"{class}\">\n<caption id=\"{class}-caption\">"
            )),
            "{class}"
        );
        let end = table.find("</table>").expect("table end");
        assert!(
            table[end..].starts_with("</table>\n</section>\n"),
            "{class}"
        );
    }
}

// ---------------------------------------------------------------- kept

#[test]
fn the_page_runs_no_script_and_loads_nothing() {
    let env = Env::new();
    everything(&env);
    let html = html_of(&env);
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<link",
        "<iframe",
        "<object",
        "<embed",
        "<img",
        "src=",
        "href=",
        "@import",
        "url(",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    // No event handler attribute (onload=, onclick=, ...).
    for (i, _) in lower.match_indices(" on") {
        let word: String = lower[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect();
        assert!(
            !lower[i + 1 + word.len()..].starts_with('='),
            "handler {word}"
        );
    }
    // The only address is the SVG namespace, which is a name, never fetched.
    let svg_ns = "http://www.w3.org/2000/svg";
    let addresses = lower.matches("http").count();
    assert_eq!(addresses, lower.matches(svg_ns).count(), "an address");
    assert!(html.contains("@media print"));
}

/// Every element that is opened is closed, in order (void elements and `/>` aside):
/// the scroll boxes and the landmark wrap what they should.
#[test]
fn the_page_is_well_formed() {
    let env = Env::new();
    everything(&env);
    let html = html_of(&env);
    let body = &html[html.find("<html").expect("html")..];
    let body = body.replace(between(&html, "<style>", "</style>"), "");
    let void = ["meta", "col", "br", "hr", "img", "input", "link"];
    let mut open: Vec<String> = Vec::new();
    for tag in body.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("tag end")];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Some(closing) = tag.strip_prefix('/') {
            assert!(!closing.is_empty());
            assert_eq!(open.pop().as_deref(), Some(name.as_str()), "</{name}>");
        } else if !tag.ends_with('/') && !void.contains(&name.as_str()) && !name.is_empty() {
            open.push(name);
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

// ---------------------------------------------------------------- language

/// The page in `lang` (`--lang`).
fn html_in(env: &Env, lang: &str) -> String {
    let out = env
        .cmd()
        .env("TZ", "UTC0")
        .args(["--lang", lang, "export", "--format", "html"])
        .run()
        .code(0);
    stdout(&out)
}

/// The English page's headings, labels, captions, column heads and fixed words, as
/// the markup holds them: none may be left on the Spanish page.
const ENGLISH: &[&str] = &[
    " – report</title>",
    "<h2>Urgent alerts</h2>",
    "<h2>Compared with the baseline</h2>",
    "<h2>Trends by section</h2>",
    "<h2>Symptoms by date</h2>",
    "<h2>How to read the grades</h2>",
    "<h3>Answer scales</h3>",
    "<h3>Trends and alerts</h3>",
    "<dt>Report for</dt>",
    "<dt>Date of birth</dt>",
    "<dt>Medicine</dt>",
    "<dt>Period</dt>",
    "<dt>Check-ins</dt>",
    "<dt>Made</dt>",
    "A report for the care team",
    ">Urgent alerts: ",
    "Symptoms at each check-in (",
    "Each answer and its grade, by scale",
    ">Date</",
    ">Level</th>",
    ">Alert</th>",
    ">Status</th>",
    ">Check-in</th>",
    ">Symptoms and severity</th>",
    ">Notes</th>",
    ">Scale</th>",
    ">Answers and grades</th>",
    "Each one told the person",
    "shown to the person and then retracted",
    ">Emergency</td>",
    "Call prescriber today",
    ">Standing</td>",
    "Retracted: ",
    "(retracted)",
    ">Completed</td>",
    ">Stopped</span>",
    "Answers given:",
    ">Baseline</span>",
    "Urgent (",
    "urgent: ",
    "at moderate or worse, highest grade",
    "(grade ",
    ">Yes</span>",
    "Each symptom has its own grade",
    "The trend is a straight line",
    "Urgent alerts were shown during the check-in",
    "Sections with graded symptoms",
    ">severity</td>",
    ">yes or no</td>",
    "a yes is counted apart",
    "Each chart shows",
    "The dashed line marked",
    "symptoms at moderate or worse: first",
    " completed check-in",
    "dashed line: the baseline",
    ">Moderate+</text>",
    ">baseline</text>",
    "Made by sidecheck",
];

/// Every kind of row, a baseline and a Spanish check-in, so every word is drawn.
fn both_languages(env: &Env) {
    everything(env);
    let mild = answers_with(json!({"drowsiness": "moderate"}));
    env.check(&mild, &["--baseline"]).code(0);
    let mixed = answers_with(json!({"drowsiness": "severe", "seizure": true}));
    env.check(&mixed, &["--lang", "es"]).code(0);
}

#[test]
fn the_spanish_page_has_lang_es_and_no_english_heading_left() {
    let env = Env::new();
    both_languages(&env);
    let en = html_in(&env, "en");
    let es = html_in(&env, "es");
    assert!(en.contains("<html lang=\"en\">"));
    assert!(es.contains("<html lang=\"es\">"));
    // The list is of words the English page does show.
    let unseen: Vec<_> = ENGLISH.iter().filter(|w| !en.contains(**w)).collect();
    assert!(unseen.is_empty(), "not on the English page: {unseen:?}");
    let left: Vec<_> = ENGLISH.iter().filter(|w| es.contains(**w)).collect();
    assert!(left.is_empty(), "English on the Spanish page: {left:?}");
    for heading in [
        "<h2>Alertas urgentes</h2>",
        "<h2>Síntomas por fecha</h2>",
        "<h2>Tendencias por sección</h2>",
        "<h2>Cómo leer los grados</h2>",
        "<h2>Comparado con el punto de partida</h2>",
        "<th scope=\"col\">Fecha</th>",
        "<dt>Medicamento</dt><dd>baclofeno</dd>",
    ] {
        assert!(es.contains(heading), "{heading}");
    }
}

#[test]
fn a_mixed_language_log_renders_in_one_language() {
    let env = Env::new();
    both_languages(&env);
    let en = html_in(&env, "en");
    let es = html_in(&env, "es");
    // The Spanish check-in's saved words ("Muy grave", "Sí") read in English on
    // the English page, and the English ones in Spanish on the Spanish page.
    let en_rows = between(&en, "<table class=\"symptoms\">", "</table>");
    let es_rows = between(&es, "<table class=\"symptoms\">", "</table>");
    assert!(en_rows.contains(">Severe</span>"), "{en_rows}");
    assert!(!en_rows.contains(">Grave</span>"), "{en_rows}");
    assert!(es_rows.contains(">Grave</span>"), "{es_rows}");
    assert!(!es_rows.contains(">Severe</span>"), "{es_rows}");
    assert!(es_rows.contains(">Moderado</span>"), "{es_rows}");
    assert!(!es_rows.contains(">Moderate</span>"), "{es_rows}");
    // Alert titles too: the English check-in's in Spanish, and none in English.
    let alerts = alerts_section(&es);
    assert!(
        alerts.contains("Problemas para respirar con alcohol"),
        "{alerts}"
    );
    let titles: Vec<&str> = alerts_section(&en)
        .split("</td><td>")
        .skip(1)
        .filter_map(|cell| cell.split('<').next())
        .collect();
    assert!(titles.len() >= 3, "{titles:?}");
    for title in titles {
        assert!(!alerts.contains(title), "{title} in {alerts}");
    }
}
