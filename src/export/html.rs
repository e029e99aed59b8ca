//! The printable page for a clinician: one self-contained HTML file with no scripts
//! and nothing loaded from elsewhere. In order: who and what it is about with the
//! safety notice, the urgent alerts, a trend chart per section (inline SVG), the
//! symptoms by date with their grades, and how to read the numbers. The numbers
//! come from [`crate::grades`]; there is no total score.
//!
//! The summary comes first on the page but needs every record, so the log is read
//! once to fold the summary, again for the alerts, and again for the table; no
//! record is kept between reads. Every text from the bank or the log is escaped.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::{Bank, Kind, Level};
use crate::error::Error;
use crate::grades::{Grades, TOP_GRADE, grade, yes_sign};
use crate::output::io;
use crate::record::{AnswerRecord, CheckIn, Status, bank_for};
use crate::report::{
    Summary, minute, question_short, retracted_words, section_title, urgent_alerts,
};
use crate::scan::Scan;
use crate::text::fmt_num;

mod chart;
use chart::charts;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The page's one style sheet, inlined: nothing is loaded from elsewhere.
const STYLE: &str = include_str!("html/style.css");

/// The printable page (`--format html`).
pub struct Html;

impl Exporter for Html {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let bank = ctx.bank;
        let summary = ctx.scan.summarize(Some(bank), ctx.warn, |_| Ok(()))?;
        let count = summary.counts.check_ins;
        let top = head(ctx, &summary);
        let Context { scan, out, .. } = ctx;
        io(out.write_all(top.as_bytes()))?;
        alerts(out, scan, &summary)?;
        retracted(out, scan, &summary)?;
        // 3. A chart per section.
        io(out.write_all(charts(&summary).as_bytes()))?;
        symptoms(out, scan, bank, count)?;
        // 5. How to read it.
        io(out.write_all(explanation(bank).as_bytes()))?;
        io(out.write_all(
            format!(
                "<footer>Made by sidecheck {} from the person's own answers. It is not a diagnosis.</footer>\n</body>\n</html>\n",
                esc(env!("CARGO_PKG_VERSION"))
            )
            .as_bytes(),
        ))?;
        Ok(count)
    }
}

/// 2. Urgent alerts, read again from the log.
fn alerts(out: &mut dyn Write, scan: &mut Scan<'_>, summary: &Summary<'_>) -> Result<(), Error> {
    let mut s = String::from("<section id=\"alerts\">\n<h2>Urgent alerts</h2>\n");
    if summary.counts.urgent_alerts == 0 {
        s.push_str(if summary.counts.retracted_alerts == 0 {
            "<p class=\"none\">No urgent alerts in this period.</p>\n</section>\n"
        } else {
            "<p class=\"none\">No urgent alert stands in this period; alerts shown and then taken back by a changed answer are listed below.</p>\n</section>\n"
        });
        io(out.write_all(s.as_bytes()))?;
    } else {
        let _ = write!(
            s,
            "<p class=\"intro\">{} urgent alert{} in {} check-in{}. Each one told the person what to do and whom to call at the time.</p>\n\
             <table class=\"alerts\">\n<thead><tr><th>Date</th><th>Level</th><th>Alert</th><th>Check-in</th></tr></thead>\n<tbody>\n",
            summary.counts.urgent_alerts,
            plural(summary.counts.urgent_alerts),
            summary.counts.with_urgent_alerts,
            plural(summary.counts.with_urgent_alerts),
        );
        io(out.write_all(s.as_bytes()))?;
        scan.each(&mut |_| {}, |r| {
            let mut rows = String::new();
            for a in urgent_alerts(&r) {
                let _ = writeln!(
                    rows,
                    "<tr class=\"alert\"><td class=\"when\">{}</td><td class=\"level level-{}\">{}</td><td>{}</td><td class=\"id\">{}</td></tr>",
                    esc(&minute(&r.started_at)),
                    a.level.as_str(),
                    esc(level_name(a.level)),
                    esc(&a.title),
                    esc(&a.check_in),
                );
            }
            io(out.write_all(rows.as_bytes()))
        })?;
        io(out.write_all(b"</tbody>\n</table>\n</section>\n"))?;
    }
    Ok(())
}

/// 2b. Alerts the person was shown and then took back by changing an answer: the
/// answer now reads "no", but the person did say yes at some point.
fn retracted(out: &mut dyn Write, scan: &mut Scan<'_>, summary: &Summary<'_>) -> Result<(), Error> {
    if summary.counts.retracted_alerts > 0 {
        let mut s = String::from(
            "<section id=\"retracted-alerts\">\n<h2>Urgent alerts shown, then the answer was changed</h2>\n",
        );
        let _ = write!(
            s,
            "<p class=\"intro\">{} urgent alert{} shown to the person and then retracted: they went back and changed the answer it rested on, so it no longer holds. The person did give the first answer and saw the alert; the answer saved is the changed one.</p>\n\
             <table class=\"alerts\">\n<thead><tr><th>Date</th><th>Level</th><th>Alert</th><th>Shown, then the answer was changed</th><th>Check-in</th></tr></thead>\n<tbody>\n",
            summary.counts.retracted_alerts,
            if summary.counts.retracted_alerts == 1 {
                " was"
            } else {
                "s were"
            },
        );
        io(out.write_all(s.as_bytes()))?;
        scan.each(&mut |_| {}, |r| {
            let mut rows = String::new();
            for a in r.retracted_urgent_alerts() {
                let _ = writeln!(
                    rows,
                    "<tr class=\"alert retracted\"><td class=\"when\">{}</td><td class=\"level level-{}\">{}</td><td>{}</td><td>{}</td><td class=\"id\">{}</td></tr>",
                    esc(&minute(&r.started_at)),
                    a.level.as_str(),
                    esc(level_name(a.level)),
                    esc(&a.title),
                    esc(&retracted_words(a)),
                    esc(&r.id),
                );
            }
            io(out.write_all(rows.as_bytes()))
        })?;
        io(out.write_all(b"</tbody>\n</table>\n</section>\n"))?;
    }
    Ok(())
}

/// 4. Symptoms by date.
///
/// Read once more, after the summary, the urgent alerts and the alerts taken back:
/// flat memory, however long the log.
fn symptoms(
    out: &mut dyn Write,
    scan: &mut Scan<'_>,
    bank: &Bank,
    count: u64,
) -> Result<(), Error> {
    let mut s = String::from("<section id=\"symptoms\">\n<h2>Symptoms by date</h2>\n");
    if count == 0 {
        s.push_str("<p class=\"none\">No check-ins in this period.</p>\n</section>\n");
        io(out.write_all(s.as_bytes()))?;
    } else {
        s.push_str(
            "<p class=\"intro\">Symptoms reported at each check-in with their grade (0 none to 4 very severe), and per section the number of symptoms at moderate or worse (grade 2 or more) and the highest grade. Answers of none or no are left out.</p>\n\
             <table class=\"symptoms\">\n<colgroup><col class=\"when\"><col class=\"status\"><col><col class=\"notes\"></colgroup>\n<thead><tr><th>Date</th><th>Status</th><th>Symptoms and severity</th><th>Notes</th></tr></thead>\n<tbody>\n",
        );
        io(out.write_all(s.as_bytes()))?;
        scan.each(&mut |_| {}, |r| {
            io(out.write_all(table_row(&r, bank).as_bytes()))
        })?;
        io(out.write_all(b"</tbody>\n</table>\n</section>\n"))?;
    }
    Ok(())
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What a clinician calls each alert level.
fn level_name(level: Level) -> &'static str {
    match level {
        Level::Emergency => "Emergency",
        Level::Crisis => "Crisis",
        Level::Prescriber => "Call prescriber today",
        Level::Advice => "Advice",
    }
}

/// 1. Who and what the page is about, and the safety notice.
fn head(ctx: &Context<'_>, summary: &Summary<'_>) -> String {
    let bank = ctx.bank;
    let c = &summary.counts;
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title} – report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>{title}</h1>\n\
         <p class=\"lede\">A report for the care team of a person taking {med}, made from the self-checks they answered. Each check asks about {recall}.</p>\n\
         <dl class=\"who\">\n\
         <dt>Report for</dt><dd class=\"blank\"></dd>\n\
         <dt>Date of birth</dt><dd class=\"blank\"></dd>\n\
         <dt>Medicine</dt><dd>{med}</dd>\n",
        lang = esc(&bank.language),
        title = esc(&bank.title),
        med = esc(&bank.medication),
        recall = esc(&bank.recall_period),
    );
    let range = match (&summary.first_at, &summary.last_at) {
        (Some(a), Some(b)) => format!(" (first check-in {}, last {})", minute(a), minute(b)),
        _ => String::new(),
    };
    let _ = write!(
        s,
        "<dt>Period</dt><dd>{}{}</dd>\n<dt>Check-ins</dt><dd>{} ({} completed, {} stopped before the end)",
        esc(&ctx.period.describe()),
        esc(&range),
        c.check_ins,
        c.completed,
        c.stopped,
    );
    if c.skipped_lines > 0 {
        let _ = write!(
            s,
            "; {} damaged line{} of the log could not be read",
            c.skipped_lines,
            plural(c.skipped_lines)
        );
    }
    let _ = write!(
        s,
        "</dd>\n<dt>Made</dt><dd>{}</dd>\n</dl>\n<p class=\"notice\">{}</p>\n</header>\n",
        esc(&ctx
            .generated_at
            .format("%Y-%m-%d %H:%M (UTC%:z)")
            .to_string()),
        esc(&bank.safety_notice),
    );
    if summary.is_empty() {
        s.push_str("<p class=\"none\">There are no check-ins in this period.</p>\n");
    }
    s
}

/// 4. One check-in's row of the symptoms table.
fn table_row(r: &CheckIn, bank: &Bank) -> String {
    let bank = bank_for(Some(bank), r);
    let grades = Grades::of(r, bank);
    let mut items = Vec::new();
    for a in urgent_alerts(r) {
        items.push(format!(
            "<li class=\"urgent-mark\">Urgent ({}): {}</li>",
            esc(level_name(a.level)),
            esc(&a.title)
        ));
    }
    for a in r.retracted_urgent_alerts() {
        items.push(format!(
            "<li class=\"urgent-mark retracted\">Urgent ({}), {}: {}</li>",
            esc(level_name(a.level)),
            esc(&retracted_words(a)),
            esc(&a.title)
        ));
    }
    items.extend(section_items(&grades, bank));
    let mut notes = Vec::new();
    for a in &r.answers {
        answer_item(a, bank, &mut items, &mut notes);
    }
    let symptoms = if items.is_empty() {
        "<span class=\"none\">No symptoms reported</span>".to_string()
    } else {
        format!("<ul class=\"symptoms\">{}</ul>", items.join(""))
    };
    let status = match r.status {
        Status::Completed => "Completed".to_string(),
        Status::Stopped => {
            let words = grades.stopped_words(r.status).unwrap_or_default();
            format!("S{}", words.strip_prefix('s').unwrap_or(&words))
        }
    };
    format!(
        "<tr><td class=\"when\">{}</td><td>{}</td><td>{symptoms}</td><td class=\"notes\">{}</td></tr>\n",
        esc(&minute(&r.started_at)),
        esc(&status),
        notes.join("\n\n")
    )
}

/// The sections' numbers, as items of a row's symptom list.
fn section_items(grades: &Grades, bank: Option<&Bank>) -> Vec<String> {
    let mut section_items = Vec::new();
    for g in &grades.sections {
        let mut parts = Vec::new();
        if let Some(h) = g.highest_grade {
            parts.push(format!(
                "{} of {} at moderate or worse, highest grade {h}",
                g.moderate_or_worse, g.graded
            ));
        }
        if g.yes > 0 {
            parts.push(format!("{} yes", g.yes));
        }
        if !parts.is_empty() {
            section_items.push(format!(
                "<li class=\"section-grades\" data-section=\"{}\"><b>{}</b>: {}</li>",
                esc(&g.section),
                esc(&section_title(bank, &g.section)),
                esc(&parts.join("; "))
            ));
        }
    }
    section_items
}

/// One answer as an item of a row's symptom list (a grade above 0, a yes, a
/// number above 0) or as a note (a text); answers of none or no give neither.
fn answer_item(
    a: &AnswerRecord,
    bank: Option<&Bank>,
    items: &mut Vec<String>,
    notes: &mut Vec<String>,
) {
    let q = bank.and_then(|b| b.question(&a.question));
    let name = esc(&question_short(bank, &a.question));
    if let Some(g) = grade(a) {
        if g > 0 {
            let label = a.label.clone().unwrap_or_else(|| g.to_string());
            items.push(format!(
                "<li>{name}: <span class=\"sev sev-{}\">{}</span> (grade {g} of {TOP_GRADE})</li>",
                g.min(TOP_GRADE),
                esc(&label)
            ));
        }
        return;
    }
    if let Some(yes) = yes_sign(a) {
        if yes {
            items.push(format!(
                "<li>{name}: <span class=\"sev sev-4\">Yes</span></li>"
            ));
        }
        return;
    }
    match (a.score, &a.value) {
        (None, Value::Number(n)) if q.is_some_and(|q| q.kind == Kind::Number) => {
            let n = n.as_f64().unwrap_or(0.0);
            if n > 0.0 {
                let unit = q.and_then(|q| q.unit.clone()).unwrap_or_default();
                items.push(format!("<li>{name}: {} {}</li>", fmt_num(n), esc(&unit)));
            }
        }
        (None, Value::String(t))
            if q.is_none_or(|q| q.kind == Kind::Text) && !t.trim().is_empty() =>
        {
            notes.push(esc(t.trim()));
        }
        _ => {}
    }
}

/// 5. How to read the numbers.
fn explanation(bank: &Bank) -> String {
    let mut s = String::from("<section id=\"scales\">\n<h2>How to read the grades</h2>\n<div>\n");
    let _ = writeln!(
        s,
        "<p>Each symptom has its own grade from 0 (none) to 4 (the worst), as in PRO-CTCAE. There is no total score: grades of different symptoms are not added up. \
         For each section the report gives the number of symptoms at <b>moderate or worse</b> (grade 2 or more) out of every graded question of the section, and the <b>highest grade</b>. \
         Yes/no questions (such as a seizure) have no grade: a yes is listed by name and counted apart. \
         <b>Urgent findings</b> are the urgent alerts that stood at the end of a check-in, each counted once. \
         A check-in stopped before the end (<i>Stopped after N of M questions</i>) is listed but never charted or used for a trend.</p>"
    );
    s.push_str("</div>\n<div>\n<h3>Answer scales</h3>\n<table class=\"scales\">\n<thead><tr><th>Scale</th><th>Answers and grades</th></tr></thead>\n<tbody>\n");
    for (name, choices) in &bank.scales {
        let used = bank
            .questions
            .iter()
            .any(|q| q.scale.as_deref() == Some(name.as_str()));
        if !used {
            continue;
        }
        let list: Vec<String> = choices
            .iter()
            .map(|c| format!("{} = {}", esc(&c.label), c.score))
            .collect();
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&name.replace('_', " ")),
            list.join(", ")
        );
    }
    let yes: Vec<String> = bank
        .questions
        .iter()
        .filter(|q| q.kind == Kind::YesNo && q.score_yes.is_some_and(|s| s > 0))
        .map(|q| esc(&q.short))
        .collect();
    if !yes.is_empty() {
        let _ = writeln!(
            s,
            "<tr><td>yes or no</td><td>No grade; a yes is counted apart: {}</td></tr>",
            yes.join(", ")
        );
    }
    s.push_str("</tbody>\n</table>\n</div>\n<div>\n<h3>Trends and alerts</h3>\n");
    let _ = writeln!(
        s,
        "<p>The trend is a straight line fitted through a section's count of symptoms at moderate or worse (or a symptom's grade), completed check-in by completed check-in. \
         <b>Worse ↑</b> means the line rose by at least half a point over the period, <b>better ↓</b> that it fell by that much, and <b>steady →</b> that it moved less. \
         <b>Emergency at the last check-in</b> replaces the word whenever the latest check-in raised an emergency alert from that section or symptom.</p>"
    );
    let _ = writeln!(
        s,
        "<p>Urgent alerts were shown during the check-in. <b>Emergency</b>: the person was told to call the emergency number now. \
         <b>Crisis</b>: to contact a crisis line now. <b>Call prescriber today</b>: to call their prescriber the same day. \
         An alert <b>shown, then the answer was changed</b> was seen by the person, who then went back and changed the answer it rested on; it is listed apart and does not count as standing.</p>"
    );
    let graded: Vec<String> = bank
        .sections
        .iter()
        .filter(|x| {
            x.scored
                && bank
                    .questions
                    .iter()
                    .any(|q| q.section == x.id && q.kind == Kind::Scale)
        })
        .map(|x| esc(&section_title(Some(bank), &x.id)))
        .collect();
    if !graded.is_empty() {
        let _ = writeln!(
            s,
            "<p>Sections with graded symptoms (charted): {}.</p>",
            graded.join(", ")
        );
    }
    s.push_str("</div>\n</section>\n");
    s
}
