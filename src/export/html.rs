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

use chrono::{DateTime, FixedOffset};
use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::{Bank, Kind, Level};
use crate::error::Error;
use crate::grades::{Grades, TOP_GRADE, grade, yes_sign};
use crate::output::io;
use crate::record::{AnswerRecord, CheckIn, Status, bank_for};
use crate::report::{
    Series, Summary, Track, minute, question_short, retracted_words, section_title, urgent_alerts,
};
use crate::scan::Scan;
use crate::text::fmt_num;

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

const STYLE: &str = r#"
:root { --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; --accent: #1f5fa8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--ink); max-width: 820px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 1.5em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1em; margin: 0 0 .3em; }
p { margin: .4em 0; }
.lede { color: var(--muted); margin-bottom: .8em; }
dl.who { display: grid; grid-template-columns: max-content 1fr; gap: .25em 1em; margin: .6em 0; }
dl.who dt { font-weight: 600; }
dl.who dd { margin: 0; }
dd.blank { border-bottom: 1px solid var(--ink); min-height: 1.3em; max-width: 22em; }
.notice { border: 2px solid var(--ink); padding: .5em .8em; margin: .8em 0; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border: 1px solid var(--line); padding: .3em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.when, td.id { white-space: nowrap; }
td.id { font-size: .85em; font-family: ui-monospace, Menlo, Consolas, monospace; }
table.symptoms col.when { width: 9.5em; } table.symptoms col.status { width: 6.5em; }
table.symptoms col.notes { width: 30%; }
td.notes { white-space: pre-wrap; overflow-wrap: anywhere; }
.level { font-weight: 700; white-space: nowrap; }
.level-emergency { color: #a00000; }
.level-crisis { color: #8a2be2; }
.level-prescriber { color: #a05a00; }
.none { color: var(--muted); font-style: italic; }
ul.symptoms { margin: 0; padding: 0; list-style: none; }
ul.symptoms li { margin: .1em 0; }
.sev { display: inline-block; min-width: 1.6em; padding: 0 .35em; border-radius: 3px; font-weight: 600;
  text-align: center; border: 1px solid #999; }
.sev-1 { background: #fff6cc; } .sev-2 { background: #ffd9a8; }
.sev-3 { background: #ffb0a0; } .sev-4 { background: #ff8080; }
.urgent-mark { color: #a00000; font-weight: 700; }
figure.chart { margin: .8em 0 1.2em; }
figure.chart figcaption { font-weight: 600; margin-bottom: .2em; }
figure.chart figcaption .trend { font-weight: 400; color: var(--muted); }
svg.trend { width: 100%; height: auto; display: block; }
svg.trend text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; fill: #333; }
svg.trend .axis { stroke: #333; stroke-width: 1; }
svg.trend .grid { stroke: #ddd; stroke-width: 1; }
svg.trend .series { fill: none; stroke: var(--accent); stroke-width: 2; }
svg.trend .point { fill: var(--accent); }
footer { margin-top: 2em; color: var(--muted); font-size: .9em; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  p.intro { break-after: avoid; page-break-after: avoid; }
  header, figure.chart, tr, .notice, .keep, section#scales > div { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

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

/// 3. One chart per section with a score.
fn charts(summary: &Summary<'_>) -> String {
    // The heading, its note and the first chart stay on one page.
    let mut s =
        String::from("<section id=\"trends\">\n<div class=\"keep\">\n<h2>Trends by section</h2>\n");
    let (Some(t0), Some(t1)) = (summary.first_at, summary.last_at) else {
        s.push_str("<p class=\"none\">Nothing to chart.</p>\n</div>\n</section>\n");
        return s;
    };
    s.push_str(
        "<p class=\"intro\">Each chart shows, for one section, how many of its symptoms were at moderate or worse (grade 2 or more) at each completed check-in, oldest on the left. The top of each chart is the number of graded questions in the section. Check-ins stopped before the end are not charted.</p>\n",
    );
    let mut first = true;
    for t in summary.sections() {
        s.push_str(&chart(t, t0, t1));
        if first {
            s.push_str("</div>\n");
            first = false;
        }
    }
    if first {
        s.push_str("</div>\n");
    }
    s.push_str("</section>\n");
    s
}

const W: f64 = 640.0;
const H: f64 = 160.0;
const LEFT: f64 = 46.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 42.0;

/// A section's trend as an SVG line chart: symptoms at moderate or worse up, date
/// across.
pub fn chart(t: &Track, t0: DateTime<FixedOffset>, t1: DateTime<FixedOffset>) -> String {
    let s = &t.series;
    let top = s.possible().max(s.max()).max(1);
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let span = (t1 - t0).num_milliseconds().max(0) as f64;
    let x_of = |at: DateTime<FixedOffset>| {
        if span == 0.0 {
            LEFT + plot_w / 2.0
        } else {
            LEFT + (at - t0).num_milliseconds() as f64 / span * plot_w
        }
    };
    let y_of = |v: f64| TOP + plot_h - v / f64::from(top) * plot_h;
    let trend = t.trend();
    let id = esc(&t.id);
    let mut out = String::new();
    let _ = write!(
        out,
        "<figure class=\"chart\" data-section=\"{id}\">\n<figcaption>{} <span class=\"trend\">— {}; symptoms at moderate or worse: first {}, last {}, most {} of {}; {} completed check-in{}</span></figcaption>\n\
         <svg class=\"trend\" data-section=\"{id}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}: symptoms at moderate or worse by date\">\n",
        esc(&t.title),
        esc(trend.direction.words()),
        s.first(),
        s.last(),
        s.max(),
        s.possible(),
        s.len(),
        plural(s.len()),
        esc(&t.title),
    );
    y_axis(&mut out, top, &y_of);
    x_axis(&mut out, t0, t1, span, &x_of);
    series(&mut out, s, &id, &x_of, &y_of);
    out.push_str("</svg>\n</figure>\n");
    out
}

/// The axes: on the Y axis 0, the middle and the top, with grid lines; both axis
/// lines, and their titles.
fn y_axis(out: &mut String, top: u32, y_of: &dyn Fn(f64) -> f64) {
    let plot_h = H - TOP - BOTTOM;
    let plot_w = W - LEFT - RIGHT;
    let mut ticks = vec![0, top];
    if top >= 2 {
        ticks.insert(1, top / 2);
    }
    for v in ticks {
        let y = y_of(f64::from(v));
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    let base = TOP + plot_h;
    let _ = writeln!(
        out,
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{base:.1}\"/><line class=\"axis\" x1=\"{LEFT}\" y1=\"{base:.1}\" x2=\"{:.1}\" y2=\"{base:.1}\"/>",
        W - RIGHT
    );
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" transform=\"translate(12 {:.1}) rotate(-90)\" text-anchor=\"middle\">Moderate+</text>",
        TOP + plot_h / 2.0
    );
    let _ = writeln!(
        out,
        "<text class=\"axis-title\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">Date</text>",
        LEFT + plot_w / 2.0,
        H - 6.0
    );
}

/// X axis: up to five dates, or three with the time when the period is short (a
/// date and time is too long for five to fit side by side). A label the same as
/// the one before it (check-ins minutes apart) is left out.
fn x_axis(
    out: &mut String,
    t0: DateTime<FixedOffset>,
    t1: DateTime<FixedOffset>,
    span: f64,
    x_of: &dyn Fn(DateTime<FixedOffset>) -> f64,
) {
    let plot_h = H - TOP - BOTTOM;
    let base = TOP + plot_h;
    let with_time = span < 3.0 * 86_400_000.0;
    let n_ticks = if span == 0.0 {
        1
    } else if with_time {
        3
    } else {
        5
    };
    let mut last_label = String::new();
    for k in 0..n_ticks {
        let at = if n_ticks == 1 {
            t0
        } else {
            t0 + chrono::Duration::milliseconds((span * k as f64 / (n_ticks - 1) as f64) as i64)
        };
        let at = at.with_timezone(t1.offset());
        let x = x_of(at);
        let anchor = match (n_ticks, k) {
            (1, _) => "middle",
            (_, 0) => "start",
            (n, k) if k == n - 1 => "end",
            _ => "middle",
        };
        let label = if with_time {
            minute(&at)
        } else {
            at.format("%Y-%m-%d").to_string()
        };
        if label == last_label {
            continue;
        }
        last_label.clone_from(&label);
        let _ = writeln!(
            out,
            "<line class=\"axis\" x1=\"{x:.1}\" y1=\"{base:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{label}</text>",
            base + 4.0,
            base + 17.0
        );
    }
}

/// The series, in time order.
fn series(
    out: &mut String,
    s: &Series,
    id: &str,
    x_of: &dyn Fn(DateTime<FixedOffset>) -> f64,
    y_of: &dyn Fn(f64) -> f64,
) {
    let mut points: Vec<(f64, f64, String, f64)> = s
        .buckets()
        .iter()
        .map(|b| {
            let at = b.at();
            (
                x_of(at),
                y_of(b.mean()),
                minute(&at),
                (b.mean() * 10.0).round() / 10.0,
            )
        })
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let coords: Vec<String> = points
        .iter()
        .map(|(x, y, _, _)| format!("{x:.1},{y:.1}"))
        .collect();
    let _ = writeln!(
        out,
        "<polyline class=\"series\" data-section=\"{id}\" points=\"{}\"/>",
        coords.join(" ")
    );
    for (x, y, at, v) in &points {
        let _ = writeln!(
            out,
            "<circle class=\"point\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"3\"><title>{}: {}</title></circle>",
            esc(at),
            fmt_num(*v)
        );
    }
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
