//! The printable page for a clinician: one self-contained HTML file with no scripts
//! and nothing loaded from elsewhere. In order: who and what it is about with the
//! safety notice, the urgent alerts, the baseline and the change since it, a trend
//! chart per section (inline SVG, with the baseline as a dashed line), the symptoms
//! by date with their grades, and how to read the numbers. The numbers come from
//! [`crate::grades`]; there is no total score. Which answers are urgent is
//! [`AlertBasis`]'s rule and the baseline is the report model's
//! ([`crate::report::baseline`]), as in every export.
//!
//! The summary comes first on the page but needs every record, so while the log is
//! read once to fold it, the rows of the alerts table and of the symptoms table are
//! written to spools ([`Spool`]), and copied after it; no record is kept.
//! Every text from the bank or the log is escaped.
//!
//! The page is a `header`, a `main` landmark and a `footer`. Each data table has a
//! caption and sits in a scroll box of its own, so on a phone (360 px) a wide table
//! scrolls sideways inside the box and the page never does.

use std::fmt::Write as _;
use std::io::Write;

use serde_json::Value;

use super::{Context, Exporter};
use crate::bank::{Bank, Kind, Level};
use crate::error::Error;
use crate::grades::{AlertBasis, Graded, Grades, TOP_GRADE, grade, yes_sign};
use crate::output::io;
use crate::record::{AnswerRecord, CheckIn, bank_for};
use crate::report::{
    Counts, SPARK_WIDTH, Shift, Summary, minute, question_short, retracted_words, section_title,
    urgent_alerts,
};
use crate::scan::{Scan, Spool};
use crate::text::write_num;

mod chart;
use chart::charts;

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_esc(&mut out, text);
    out
}

/// Appends `text` to `out` escaped as [`esc`] does: the one rule of what is
/// escaped, for a writer that reuses its text. The characters escaped are all
/// ASCII, so the text is scanned by byte and copied in runs.
pub fn push_esc(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let with = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(with);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// The page's one style sheet, inlined: nothing is loaded from elsewhere.
const STYLE: &str = include_str!("html/style.css");

/// The printable page (`--format html`).
pub struct Html;

impl Exporter for Html {
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error> {
        let bank = ctx.bank;
        let base = ctx.scan.baseline(Some(bank), ctx.warn)?;
        let base = base.baseline().map(|b| b.id());
        // The tables follow the summary: their rows are spooled as it is folded.
        let mut tables = Tables::new(&ctx.scan);
        let summary = ctx.scan.summarize(Some(bank), ctx.warn, |r, graded| {
            tables.add(r, bank, &graded, base == Some(r.id.as_str()))
        })?;
        let count = summary.counts.check_ins;
        let top = head(ctx, &summary);
        let out = &mut ctx.out;
        io(out.write_all(top.as_bytes()))?;
        alerts(out, &mut tables, &summary)?;
        io(out.write_all(baseline(&summary).as_bytes()))?;
        // 3. A chart per section.
        io(out.write_all(charts(&summary).as_bytes()))?;
        symptoms(out, &mut tables.symptoms, count)?;
        // 5. How to read it.
        io(out.write_all(explanation(bank).as_bytes()))?;
        io(out.write_all(
            format!(
                "</main>\n<footer>Made by sidecheck {} from the person's own answers. It is not a diagnosis.</footer>\n</body>\n</html>\n",
                esc(env!("CARGO_PKG_VERSION"))
            )
            .as_bytes(),
        ))?;
        Ok(count)
    }
}

/// The rows of the page's tables, gathered in the one read of the log: the
/// standing alerts and the symptoms in spools, the retracted alerts (few) in
/// memory.
struct Tables {
    standing: Spool,
    retracted: String,
    symptoms: Spool,
    /// One check-in's rows, made here before they go to a spool.
    alert_rows: String,
    row: RowText,
}

impl Tables {
    fn new(scan: &Scan<'_>) -> Tables {
        Tables {
            standing: scan.spool(),
            retracted: String::new(),
            symptoms: scan.spool(),
            alert_rows: String::new(),
            row: RowText::default(),
        }
    }

    /// Adds one check-in's rows (`graded` is what the summary worked out about it);
    /// `is_baseline` when it is the baseline check-in.
    fn add(
        &mut self,
        r: &CheckIn,
        bank: &Bank,
        graded: &Graded<'_>,
        is_baseline: bool,
    ) -> Result<(), Error> {
        self.alert_rows.clear();
        for a in urgent_alerts(r) {
            alert_row(&mut self.alert_rows, r, a.level, &a.title, None);
        }
        for a in r.retracted_urgent_alerts() {
            let words = retracted_words(a);
            alert_row(&mut self.retracted, r, a.level, &a.title, Some(words));
        }
        io(self.standing.write_all(self.alert_rows.as_bytes()))?;
        table_row(&mut self.row, r, bank, graded, is_baseline);
        io(self.symptoms.write_all(self.row.line.as_bytes()))
    }
}

/// 2. Urgent alerts, from the rows gathered.
///
/// One table: the alerts that stand first, then those shown and retracted, each
/// marked in its own column, so a retracted alert is never read as standing, nor
/// left out.
fn alerts(out: &mut dyn Write, tables: &mut Tables, summary: &Summary<'_>) -> Result<(), Error> {
    let c = &summary.counts;
    let mut s = String::from("<section id=\"alerts\">\n<h2>Urgent alerts</h2>\n");
    s.push_str(&alerts_intro(c));
    if c.urgent_alerts == 0 && c.retracted_alerts == 0 {
        s.push_str("</section>\n");
        return io(out.write_all(s.as_bytes()));
    }
    let caption = format!(
        "Urgent alerts: {} standing, {} retracted",
        c.urgent_alerts, c.retracted_alerts
    );
    s.push_str(&table_open(
        "alerts",
        &caption,
        "",
        &["Date", "Level", "Alert", "Status", "Check-in"],
    ));
    io(out.write_all(s.as_bytes()))?;
    tables.standing.copy_to(out)?;
    if c.retracted_alerts > 0 {
        // A body of its own: the line above it parts the retracted from the standing.
        io(out.write_all(b"</tbody>\n<tbody class=\"retracted\">\n"))?;
        io(out.write_all(tables.retracted.as_bytes()))?;
    }
    io(out.write_all(TABLE_CLOSE.as_bytes()))?;
    io(out.write_all(b"</section>\n"))
}

/// What the alerts table holds, in words, or that there is nothing to show.
fn alerts_intro(c: &Counts) -> String {
    let (n, k) = (c.urgent_alerts, c.retracted_alerts);
    if n == 0 && k == 0 {
        return "<p class=\"none\">No urgent alerts in this period.</p>\n".to_string();
    }
    let mut s = String::from("<p class=\"intro\">");
    if n == 0 {
        s.push_str("No urgent alert stands in this period.");
    } else {
        let _ = write!(
            s,
            "{n} urgent alert{} in {} check-in{}. Each one told the person what to do and whom to call at the time.",
            plural(n),
            c.with_urgent_alerts,
            plural(c.with_urgent_alerts),
        );
    }
    if k > 0 {
        let _ = write!(
            s,
            " {k} urgent alert{} shown to the person and then retracted: they went back and changed the answer it rested on, so it no longer holds. The person did give the first answer and saw the alert; the answer saved is the changed one. {} listed {}, marked <b>Retracted</b>.",
            if k == 1 { " was" } else { "s were" },
            if k == 1 { "It is" } else { "They are" },
            if n == 0 {
                "below"
            } else {
                "after the standing ones"
            },
        );
    }
    s.push_str("</p>\n");
    s
}

/// One row of the alerts table, appended to `s`; `retracted` is how a retracted
/// alert was taken back. Its level says "retracted" too: on a phone the status
/// column may be scrolled out of view, the level never is.
fn alert_row(s: &mut String, r: &CheckIn, level: Level, title: &str, retracted: Option<String>) {
    let (class, mark) = match retracted {
        Some(_) => (" retracted", " (retracted)"),
        None => ("", ""),
    };
    let _ = write!(s, "<tr class=\"alert{class}\"><td class=\"when\">");
    when(s, r);
    let _ = write!(s, "</td><td class=\"level level-{}\">", level.as_str());
    push_esc(s, level_name(level));
    s.push_str(mark);
    s.push_str("</td><td>");
    push_esc(s, title);
    s.push_str("</td><td class=\"status\">");
    match &retracted {
        Some(words) => {
            s.push_str("Retracted: ");
            push_esc(s, words);
        }
        None => s.push_str("Standing"),
    }
    s.push_str("</td><td class=\"id\">");
    push_esc(s, &r.id);
    s.push_str("</td></tr>\n");
}

/// A check-in's start for a table cell, appended to `s`. Each word (the date, the
/// time) is kept whole, so a narrow column breaks the cell between them, never
/// inside a date.
fn when(s: &mut String, r: &CheckIn) {
    for (i, w) in minute(&r.started_at).split(' ').enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str("<span class=\"nobr\">");
        push_esc(s, w);
        s.push_str("</span>");
    }
}

/// 2b. The baseline (how the person was before the medicine or a dose change) and
/// the change since it per symptom, in the words `history` and the JSON report
/// use (the model's); or the one line that says there is none and how to make one.
fn baseline(summary: &Summary<'_>) -> String {
    let view = summary.view(SPARK_WIDTH);
    let mut s = String::from("<section id=\"baseline\">\n<h2>Compared with the baseline</h2>\n");
    let Some(b) = &view.baseline else {
        let words = view.no_baseline.unwrap_or_default();
        let _ = writeln!(s, "<p class=\"none\">{}</p>\n</section>", esc(&words));
        return s;
    };
    let _ = writeln!(s, "<p>{}</p>", esc(&b.words));
    match (&b.compared_with, &b.not_compared) {
        (Some(now), _) => {
            let at = chrono::DateTime::parse_from_rfc3339(&now.at)
                .map_or_else(|_| now.at.clone(), |t| minute(&t));
            let _ = writeln!(
                s,
                "<p>Since the baseline, at the latest completed check-in ({}):</p>",
                esc(&at)
            );
            let reported: Vec<_> = b.changes.iter().filter(|c| c.reported()).collect();
            if !reported.is_empty() {
                s.push_str("<ul class=\"changes\">\n");
                for c in &reported {
                    let _ = writeln!(
                        s,
                        "<li class=\"change change-{}\">{}</li>",
                        shift_class(c.change),
                        esc(&c.words)
                    );
                }
                s.push_str("</ul>\n");
            }
            s.push_str(if reported.is_empty() {
                "<p>No symptom was reported at either check-in.</p>\n"
            } else if reported.len() < b.changes.len() {
                "<p>Every other symptom: none (or no) at both.</p>\n"
            } else {
                ""
            });
        }
        (None, Some(why)) => {
            let _ = writeln!(s, "<p>Nothing to compare yet: {}.</p>", esc(why));
        }
        (None, None) => {}
    }
    s.push_str("</section>\n");
    s
}

/// The class of a change's list item, for its emphasis (the words say it too).
fn shift_class(shift: Shift) -> &'static str {
    match shift {
        Shift::Worse => "worse",
        Shift::Better => "better",
        Shift::Same => "same",
        Shift::Emergency => "emergency",
        Shift::NotAskedBefore | Shift::NotAskedNow => "not-asked",
    }
}

/// Opens a data table in its own scroll box, up to its first body. On a narrow
/// screen a wide table scrolls sideways inside the box, never the page. The box can
/// take the keyboard's focus (so it can be scrolled without a mouse) and is a
/// region (a `section` with a name) named by the table's caption. `cols` is the
/// table's `colgroup`, if any.
fn table_open(class: &str, caption: &str, cols: &str, heads: &[&str]) -> String {
    let heads: String = heads
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", esc(h)))
        .collect();
    format!(
        "<section class=\"table-scroll\" tabindex=\"0\" aria-labelledby=\"{class}-caption\">\n\
         <table class=\"{class}\">\n<caption id=\"{class}-caption\">{}</caption>\n{cols}\
         <thead><tr>{heads}</tr></thead>\n<tbody>\n",
        esc(caption)
    )
}

/// Closes what [`table_open`] opened.
const TABLE_CLOSE: &str = "</tbody>\n</table>\n</section>\n";

/// 4. Symptoms by date, from the rows spooled.
fn symptoms(out: &mut dyn Write, rows: &mut Spool, count: u64) -> Result<(), Error> {
    let mut s = String::from("<section id=\"symptoms\">\n<h2>Symptoms by date</h2>\n");
    if count == 0 {
        s.push_str("<p class=\"none\">No check-ins in this period.</p>\n</section>\n");
        return io(out.write_all(s.as_bytes()));
    }
    s.push_str(
        "<p class=\"intro\">Symptoms reported at each check-in with their grade (0 none to 4 very severe), and per section the number of symptoms at moderate or worse (grade 2 or more) and the highest grade. Answers of none or no are left out, except in a check-in stopped before the end: it lists every answer it has, so what was not asked is never read as none. <b>⚠ urgent</b> marks every answer that raised or contributed to an urgent alert that stood.</p>\n",
    );
    s.push_str(&table_open(
        "symptoms",
        &format!("Symptoms at each check-in ({count} check-in{})", plural(count)),
        "<colgroup><col class=\"when\"><col class=\"status\"><col><col class=\"notes\"></colgroup>\n",
        &["Date", "Status", "Symptoms and severity", "Notes"],
    ));
    io(out.write_all(s.as_bytes()))?;
    rows.copy_to(out)?;
    io(out.write_all(TABLE_CLOSE.as_bytes()))?;
    io(out.write_all(b"</section>\n"))
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
    // Everything between the page's header and its footer is its main content (a
    // landmark a screen reader can jump to).
    s.push_str("<main>\n");
    if summary.is_empty() {
        s.push_str("<p class=\"none\">There are no check-ins in this period.</p>\n");
    }
    s
}

/// What a row of the symptoms table is made in, kept from one row to the next so
/// that no row allocates its text: the row itself, its symptom list's items and
/// its notes.
#[derive(Default)]
struct RowText {
    line: String,
    items: String,
    notes: String,
}

/// Section 4: one check-in's row of the symptoms table, made in `t.line`;
/// `is_baseline` when it is the baseline check-in.
///
/// A stopped check-in says so where the symptoms go, with how far it got, and
/// lists every answer it has, none and no included: "No symptoms reported" would
/// read as all clear when most questions were never asked. Every answer that
/// raised or contributed to an urgent alert that stands is listed, whatever it
/// was, and tagged with the alert.
fn table_row(t: &mut RowText, r: &CheckIn, bank: &Bank, graded: &Graded<'_>, is_baseline: bool) {
    let bank = bank_for(Some(bank), r);
    let stopped = graded.grades.stopped_words(r.status);
    t.items.clear();
    t.notes.clear();
    alert_items(&mut t.items, r);
    section_items(&mut t.items, &graded.grades, bank);
    let every = stopped.is_some();
    answer_items(r, bank, &graded.basis, every, &mut t.items, &mut t.notes);
    let (items, s) = (&t.items, &mut t.line);
    s.clear();
    s.push_str("<tr><td class=\"when\">");
    when(s, r);
    s.push_str("</td><td>");
    s.push_str(match &stopped {
        Some(_) => "<span class=\"stopped\">Stopped</span>",
        None => "Completed",
    });
    // The baseline check-in says so, as in `history`'s table.
    if is_baseline {
        s.push_str("<br><span class=\"baseline-mark\">Baseline</span>");
    }
    if r.respondent == crate::record::Respondent::Caregiver {
        s.push_str("<br><span class=\"respondent\">");
        push_esc(s, &crate::i18n::t("caregiver-answered-by"));
        s.push_str("</span>");
    }
    s.push_str("</td><td>");
    let list = |s: &mut String| {
        if !items.is_empty() {
            s.push_str("<ul class=\"symptoms\">");
            s.push_str(items);
            s.push_str("</ul>");
        }
    };
    match &stopped {
        Some(words) => {
            s.push_str("<p class=\"stopped\"><b>");
            push_esc(s, &sentence_case(words));
            s.push_str(".</b> ");
            s.push_str(if r.answers.is_empty() {
                "Nothing was answered."
            } else {
                "Answers given:"
            });
            s.push_str("</p>");
            list(s);
        }
        None if items.is_empty() => {
            s.push_str("<span class=\"none\">No symptoms reported</span>");
        }
        None => list(s),
    }
    s.push_str("</td><td class=\"notes\">");
    s.push_str(&t.notes);
    s.push_str("</td></tr>\n");
}

/// Each answer of `r` as an item of its symptom list (appended to `items`), and
/// its notes (appended to `notes`, a blank line between two). With `every` (a
/// stopped check-in), answers of none and no are listed too. An answer that
/// raised or contributed to an urgent alert that stands is always listed,
/// whatever it was, and tagged with the alert (`basis` says which do).
fn answer_items(
    r: &CheckIn,
    bank: Option<&Bank>,
    basis: &AlertBasis<'_>,
    every: bool,
    items: &mut String,
    notes: &mut String,
) {
    for a in &r.answers {
        // Whether it has tags (see `urgent_tags`).
        let urgent = basis.urgent(&a.question);
        let start = items.len();
        items.push_str("<li>");
        if answer_item(items, a, bank, every || urgent, notes) {
            urgent_tags(items, basis, &a.question);
            items.push_str("</li>");
        } else if urgent {
            // An urgent answer with nothing to list (a text): its name and tag.
            push_esc(items, &question_short(bank, &a.question));
            urgent_tags(items, basis, &a.question);
            items.push_str("</li>");
        } else {
            items.truncate(start);
        }
    }
}

/// " ⚠ urgent: <alert title>" for each urgent alert that stands and that the
/// answer to `question` raised or contributed to ([`AlertBasis`]), appended to
/// `s`; nothing when there is none. In words, not colour alone.
fn urgent_tags(s: &mut String, basis: &AlertBasis<'_>, question: &str) {
    for a in basis
        .standing_for(question)
        .into_iter()
        .filter(|a| a.level.is_urgent())
    {
        s.push_str(" <span class=\"urgent-tag\"><span aria-hidden=\"true\">⚠</span> urgent: ");
        push_esc(s, &a.title);
        s.push_str("</span>");
    }
}

/// "Stopped after …" from the one wording of [`Grades::stopped_words`], at the
/// start of a sentence.
fn sentence_case(words: &str) -> String {
    let mut c = words.chars();
    c.next()
        .map(|first| first.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The urgent alerts of a check-in, as the first items of its symptom list (appended
/// to `items`): those that stand, then those retracted, marked so.
fn alert_items(items: &mut String, r: &CheckIn) {
    for a in urgent_alerts(r) {
        items.push_str("<li class=\"urgent-mark\">Urgent (");
        push_esc(items, level_name(a.level));
        items.push_str("): ");
        push_esc(items, &a.title);
        items.push_str("</li>");
    }
    for a in r.retracted_urgent_alerts() {
        items.push_str("<li class=\"urgent-mark retracted\">Retracted urgent alert (");
        push_esc(items, level_name(a.level));
        items.push_str("): ");
        push_esc(items, &a.title);
        items.push_str("; ");
        push_esc(items, &retracted_words(a));
        items.push_str("</li>");
    }
}

/// The sections' numbers, as items of a row's symptom list (appended to `items`).
fn section_items(items: &mut String, grades: &Grades, bank: Option<&Bank>) {
    for g in &grades.sections {
        let yes = g.yes > 0;
        if g.highest_grade.is_none() && !yes {
            continue;
        }
        items.push_str("<li class=\"section-grades\" data-section=\"");
        push_esc(items, &g.section);
        items.push_str("\"><b>");
        push_esc(items, &section_title(bank, &g.section));
        items.push_str("</b>: ");
        // Numbers and fixed words only: nothing here to escape.
        if let Some(h) = g.highest_grade {
            let _ = write!(
                items,
                "{} of {} at moderate or worse, highest grade {h}",
                g.moderate_or_worse, g.graded
            );
            if yes {
                items.push_str("; ");
            }
        }
        if yes {
            let _ = write!(items, "{} yes", g.yes);
        }
        items.push_str("</li>");
    }
}

/// One answer as the content of an item of a row's symptom list (a grade above
/// 0, a yes, a number above 0), appended to `items`, or as a note (a text,
/// appended to `notes`); answers of none or no give neither, unless `every`
/// answer is to be listed. Whether it gave an item.
fn answer_item(
    items: &mut String,
    a: &AnswerRecord,
    bank: Option<&Bank>,
    every: bool,
    notes: &mut String,
) -> bool {
    let q = bank.and_then(|b| b.question(&a.question));
    let name = |items: &mut String| push_esc(items, &question_short(bank, &a.question));
    if let Some(g) = grade(a) {
        if g == 0 && !every {
            return false;
        }
        name(items);
        let _ = write!(items, ": <span class=\"sev sev-{}\">", g.min(TOP_GRADE));
        match &a.label {
            Some(label) => push_esc(items, label),
            None => {
                let _ = write!(items, "{g}");
            }
        }
        let _ = write!(items, "</span> (grade {g} of {TOP_GRADE})");
        return true;
    }
    if let Some(yes) = yes_sign(a) {
        if yes {
            name(items);
            items.push_str(": <span class=\"sev sev-4\">Yes</span>");
        } else if every {
            name(items);
            items.push_str(": No");
        }
        return yes || every;
    }
    match (a.score, &a.value) {
        (None, Value::Number(n)) if q.is_some_and(|q| q.kind == Kind::Number) => {
            let n = n.as_f64().unwrap_or(0.0);
            if !(n > 0.0 || every) {
                return false;
            }
            name(items);
            items.push_str(": ");
            write_num(items, n);
            items.push(' ');
            push_esc(items, q.and_then(|q| q.unit.as_deref()).unwrap_or_default());
            true
        }
        (None, Value::String(t))
            if q.is_none_or(|q| q.kind == Kind::Text) && !t.trim().is_empty() =>
        {
            if !notes.is_empty() {
                notes.push_str("\n\n");
            }
            push_esc(notes, t.trim());
            false
        }
        (None, Value::Bool(b)) if every => {
            name(items);
            items.push_str(": ");
            push_esc(
                items,
                a.label.as_deref().unwrap_or(if *b { "Yes" } else { "No" }),
            );
            true
        }
        _ => false,
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
         A check-in stopped before the end (<i>Stopped after N of M questions</i>) is listed with every answer it has, none and no included (the questions after those were not asked), but never charted or used for a trend.</p>"
    );
    s.push_str("</div>\n<div>\n<h3>Answer scales</h3>\n");
    s.push_str(&scales_table(bank));
    s.push_str("</div>\n<div>\n<h3>Trends and alerts</h3>\n");
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
         A <b>Retracted</b> alert was seen by the person, who then went back and changed the answer it rested on; it is listed after the standing ones, with when it was shown and when the answer was changed, and does not count as standing.</p>"
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

/// The answer scales the bank uses, each answer with its grade, and the yes/no
/// symptom questions, which have none.
fn scales_table(bank: &Bank) -> String {
    let mut s = String::new();
    s.push_str(&table_open(
        "scales",
        "Each answer and its grade, by scale",
        "",
        &["Scale", "Answers and grades"],
    ));
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
    s.push_str(TABLE_CLOSE);
    s
}
