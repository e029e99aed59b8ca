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
use crate::bank::{Bank, Kind, Level, Question};
use crate::error::Error;
use crate::grades::{AlertBasis, Graded, Grades, TOP_GRADE, grade, yes_sign};
use crate::i18n::{t, t_args};
use crate::output::io;
use crate::record::{AnswerRecord, CheckIn, bank_for};
use crate::report::{Counts, SPARK_WIDTH, Shift, Summary, minute, retracted_words, section_title};
use crate::scan::{Scan, Spool};
use crate::text::{push_uint_text, write_num};

mod chart;
mod words;
use chart::charts;
use words::{Esc, Words, counted};

/// Escapes text for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_esc(&mut out, text);
    out
}

/// Appends `text` to `out` escaped as [`esc`] does, for a writer that reuses its
/// text: runs of text as they are and the entities between them ([`escaped`], the
/// one rule of what is escaped). The characters escaped are all ASCII, so the
/// text is scanned by byte, eight at a time where none is escaped, and copied in
/// runs.
pub fn push_esc(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8)
            && !may_escape(chunk)
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        let Some(with) = escaped(b) else {
            continue;
        };
        out.push_str(&text[start..i - 1]);
        out.push_str(with);
        start = i;
    }
    out.push_str(&text[start..]);
}

/// Whether any of eight bytes may be escaped: one is `&`, `<`, `>`, `"` or `'`
/// (the usual has-a-zero-byte test on a word, exact for whether there is one).
fn may_escape(chunk: &[u8]) -> bool {
    let x = crate::text::word_of(chunk);
    // All five tests at once, without a branch between them.
    let flags = [b'&', b'<', b'>', b'"', b'\'']
        .into_iter()
        .fold(0, |flags, c| flags | crate::text::bytes_equal(x, c));
    flags != 0
}

/// What byte `b` is written as in HTML, if it is escaped: the one rule of what is.
fn escaped(b: u8) -> Option<&'static str> {
    Some(match b {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&#39;",
        _ => return None,
    })
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
        let version = esc(env!("CARGO_PKG_VERSION"));
        let footer = t_args("html-footer", &[("version", &version)]);
        io(write!(
            out,
            "</main>\n<footer>{footer}</footer>\n</body>\n</html>\n"
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
    words: Words,
}

impl Tables {
    fn new(scan: &Scan<'_>) -> Tables {
        Tables {
            standing: scan.spool(),
            retracted: String::new(),
            symptoms: scan.spool(),
            alert_rows: String::new(),
            row: RowText::default(),
            words: Words::new(),
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
        let words = &self.words;
        self.alert_rows.clear();
        for a in r.urgent_alerts() {
            let title = words.title(r, a, bank);
            alert_row(&mut self.alert_rows, words, r, a.level, title, None);
        }
        for a in r.retracted_urgent_alerts() {
            let (title, how) = (words.title(r, a, bank), retracted_words(a));
            alert_row(&mut self.retracted, words, r, a.level, title, Some(how));
        }
        io(self.standing.write_all(self.alert_rows.as_bytes()))?;
        table_row(&mut self.row, words, r, bank, graded, is_baseline);
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
    let mut s = format!(
        "<section id=\"alerts\">\n<h2>{}</h2>\n",
        t("html-alerts-heading")
    );
    s.push_str(&alerts_intro(c));
    if c.urgent_alerts == 0 && c.retracted_alerts == 0 {
        s.push_str("</section>\n");
        return io(out.write_all(s.as_bytes()));
    }
    let (standing, retracted) = (c.urgent_alerts.to_string(), c.retracted_alerts.to_string());
    let caption = t_args(
        "html-alerts-caption",
        &[("standing", &standing), ("retracted", &retracted)],
    );
    s.push_str(&table_open(
        "alerts",
        &caption,
        "",
        &[
            "html-col-date",
            "html-col-level",
            "html-col-alert",
            "html-col-status",
            "html-col-check-in",
        ],
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
        return format!("<p class=\"none\">{}</p>\n", t("html-alerts-none"));
    }
    let mut s = String::from("<p class=\"intro\">");
    if n == 0 {
        s.push_str(&t("html-alerts-none-standing"));
    } else {
        let alerts = counted("html-alert-count", n, &[]);
        let check_ins = counted("html-check-in-count", c.with_urgent_alerts, &[]);
        s.push_str(&t_args(
            "html-alerts-standing",
            &[("alerts", &alerts), ("check_ins", &check_ins)],
        ));
    }
    if k > 0 {
        let place = t(if n == 0 {
            "html-alerts-below"
        } else {
            "html-alerts-after-standing"
        });
        s.push(' ');
        s.push_str(&counted("html-alerts-retracted", k, &[("where", &place)]));
    }
    s.push_str("</p>\n");
    s
}

/// One row of the alerts table, appended to `s`; `retracted` is how a retracted
/// alert was taken back. Its level says "retracted" too: on a phone the status
/// column may be scrolled out of view, the level never is.
fn alert_row(
    s: &mut String,
    words: &Words,
    r: &CheckIn,
    level: Level,
    title: &str,
    retracted: Option<String>,
) {
    let _ = write!(
        s,
        "<tr class=\"alert{}\"><td class=\"when\">",
        if retracted.is_some() {
            " retracted"
        } else {
            ""
        }
    );
    when(s, r);
    let _ = write!(s, "</td><td class=\"level level-{}\">", level.as_str());
    s.push_str(words.level(level));
    if retracted.is_some() {
        s.push(' ');
        s.push_str(&words.retracted_mark);
    }
    s.push_str("</td><td>");
    push_esc(s, title);
    s.push_str("</td><td class=\"status\">");
    match &retracted {
        Some(how) => words.retracted_status.write(s, &[&Esc(how)]),
        None => s.push_str(&words.standing),
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
    let mut s = format!(
        "<section id=\"baseline\">\n<h2>{}</h2>\n",
        t("html-baseline-heading")
    );
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
            let at = esc(&at);
            let since = t_args("html-baseline-since", &[("at", &at)]);
            let _ = writeln!(s, "<p>{since}</p>");
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
            let closing = if reported.is_empty() {
                Some("html-baseline-none-reported")
            } else if reported.len() < b.changes.len() {
                Some("html-baseline-every-other")
            } else {
                None
            };
            if let Some(id) = closing {
                let _ = writeln!(s, "<p>{}</p>", t(id));
            }
        }
        (None, Some(why)) => {
            let why = esc(why);
            let words = t_args("html-baseline-nothing-yet", &[("why", &why)]);
            let _ = writeln!(s, "<p>{words}</p>");
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
/// table's `colgroup`, if any; `heads` the catalogue's ids of the column heads.
fn table_open(class: &str, caption: &str, cols: &str, heads: &[&str]) -> String {
    let heads: String = heads
        .iter()
        .map(|id| format!("<th scope=\"col\">{}</th>", t(id)))
        .collect();
    format!(
        "<section class=\"table-scroll\" tabindex=\"0\" aria-labelledby=\"{class}-caption\">\n\
         <table class=\"{class}\">\n<caption id=\"{class}-caption\">{caption}</caption>\n{cols}\
         <thead><tr>{heads}</tr></thead>\n<tbody>\n"
    )
}

/// Closes what [`table_open`] opened.
const TABLE_CLOSE: &str = "</tbody>\n</table>\n</section>\n";

/// 4. Symptoms by date, from the rows spooled.
fn symptoms(out: &mut dyn Write, rows: &mut Spool, count: u64) -> Result<(), Error> {
    let mut s = format!(
        "<section id=\"symptoms\">\n<h2>{}</h2>\n",
        t("html-symptoms-heading")
    );
    if count == 0 {
        let _ = write!(
            s,
            "<p class=\"none\">{}</p>\n</section>\n",
            t("html-symptoms-none")
        );
        return io(out.write_all(s.as_bytes()));
    }
    let _ = writeln!(s, "<p class=\"intro\">{}</p>", t("html-symptoms-intro"));
    s.push_str(&table_open(
        "symptoms",
        &counted("html-symptoms-caption", count, &[]),
        "<colgroup><col class=\"when\"><col class=\"status\"><col><col class=\"notes\"></colgroup>\n",
        &[
            "html-col-date",
            "html-col-status",
            "html-col-symptoms",
            "html-col-notes",
        ],
    ));
    io(out.write_all(s.as_bytes()))?;
    rows.copy_to(out)?;
    io(out.write_all(TABLE_CLOSE.as_bytes()))?;
    io(out.write_all(b"</section>\n"))
}

/// Section 1: who and what the page is about, and the safety notice. The page's
/// language is the export's, whatever the bank's file says.
fn head(ctx: &Context<'_>, summary: &Summary<'_>) -> String {
    let bank = ctx.bank;
    let c = &summary.counts;
    let mut s = String::new();
    let title = esc(&bank.title);
    let med = esc(&bank.medication);
    let _ = write!(
        s,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{page}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n\
         <h1>{title}</h1>\n\
         <p class=\"lede\">{lede}</p>\n\
         <dl class=\"who\">\n\
         <dt>{report_for}</dt><dd class=\"blank\"></dd>\n\
         <dt>{birth}</dt><dd class=\"blank\"></dd>\n\
         <dt>{medicine}</dt><dd>{med}</dd>\n",
        lang = crate::i18n::current().code(),
        page = t_args("html-page-title", &[("title", &title)]),
        lede = t_args(
            "html-lede",
            &[("med", &med), ("recall", &esc(&bank.recall_period))]
        ),
        report_for = t("html-report-for"),
        birth = t("html-date-of-birth"),
        medicine = t("html-medicine"),
    );
    let range = match (&summary.first_at, &summary.last_at) {
        (Some(a), Some(b)) => {
            let (a, b) = (esc(&minute(a)), esc(&minute(b)));
            format!(
                " {}",
                t_args("html-first-last", &[("first", &a), ("last", &b)])
            )
        }
        _ => String::new(),
    };
    let counts = [c.check_ins, c.completed, c.stopped].map(|n| n.to_string());
    let _ = write!(
        s,
        "<dt>{}</dt><dd>{}{range}</dd>\n<dt>{}</dt><dd>{}",
        t("html-period"),
        esc(&ctx.period.describe()),
        t("html-check-ins"),
        t_args(
            "html-check-ins-counts",
            &[
                ("total", &counts[0]),
                ("completed", &counts[1]),
                ("stopped", &counts[2])
            ]
        ),
    );
    if c.skipped_lines > 0 {
        let _ = write!(
            s,
            "; {}",
            counted("html-damaged-lines", c.skipped_lines, &[])
        );
    }
    let _ = write!(
        s,
        "</dd>\n<dt>{}</dt><dd>{}</dd>\n</dl>\n<p class=\"notice\">{}</p>\n</header>\n",
        t("html-made"),
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
        let _ = writeln!(s, "<p class=\"none\">{}</p>", t("html-no-check-ins"));
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
fn table_row(
    t: &mut RowText,
    words: &Words,
    r: &CheckIn,
    bank: &Bank,
    graded: &Graded<'_>,
    is_baseline: bool,
) {
    let (full, bank) = (bank, bank_for(Some(bank), r));
    let stopped = graded.grades.stopped_words(r.status);
    t.items.clear();
    t.notes.clear();
    let row = Row {
        words,
        r,
        bank,
        full,
    };
    row.alert_items(&mut t.items);
    row.section_items(&mut t.items, &graded.grades);
    row.answer_items(&graded.basis, stopped.is_some(), t);
    let (items, s) = (&t.items, &mut t.line);
    s.clear();
    s.push_str("<tr><td class=\"when\">");
    when(s, r);
    s.push_str("</td><td>");
    match &stopped {
        Some(_) => {
            s.push_str("<span class=\"stopped\">");
            s.push_str(&words.stopped);
            s.push_str("</span>");
        }
        None => s.push_str(&words.completed),
    }
    // The baseline check-in says so, as in `history`'s table.
    if is_baseline {
        s.push_str("<br><span class=\"baseline-mark\">");
        s.push_str(&words.baseline);
        s.push_str("</span>");
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
        Some(how) => {
            s.push_str("<p class=\"stopped\"><b>");
            push_esc(s, &sentence_case(how));
            s.push_str(".</b> ");
            s.push_str(if r.answers.is_empty() {
                &words.nothing_answered
            } else {
                &words.answers_given
            });
            s.push_str("</p>");
            list(s);
        }
        None if items.is_empty() => {
            s.push_str("<span class=\"none\">");
            s.push_str(&words.no_symptoms);
            s.push_str("</span>");
        }
        None => list(s),
    }
    s.push_str("</td><td class=\"notes\">");
    s.push_str(&t.notes);
    s.push_str("</td></tr>\n");
}

/// One check-in's row being made: the page's words, the record and its bank (if
/// it is the one loaded), and the export's bank, whose alert titles a record in
/// another language takes.
struct Row<'a> {
    words: &'a Words,
    r: &'a CheckIn,
    bank: Option<&'a Bank>,
    full: &'a Bank,
}

impl Row<'_> {
    /// The short name of question `id` (`q`, if the bank has it; else its id),
    /// escaped.
    fn name(items: &mut String, q: Option<&Question>, id: &str) {
        push_esc(items, q.map_or(id, |q| q.short.as_str()));
    }

    /// Each answer of the record as an item of its symptom list (appended to
    /// `t.items`), and its notes (appended to `t.notes`, a blank line between two).
    /// With `every` (a stopped check-in), answers of none and no are listed too.
    /// An answer that raised or contributed to an urgent alert that stands is
    /// always listed, whatever it was, and tagged with the alert (`basis` says
    /// which do).
    fn answer_items(&self, basis: &AlertBasis<'_>, every: bool, t: &mut RowText) {
        let items = &mut t.items;
        // Each answer's question, found in the bank's order.
        let ids = self.r.answers.iter().map(|a| a.question.as_str());
        let mut places = self.bank.map(|b| (b, b.places(ids)));
        for a in &self.r.answers {
            // Whether it has tags (see `urgent_tags`).
            let urgent = basis.urgent(&a.question);
            let start = items.len();
            items.push_str("<li>");
            // Looked up once: the item needs its name and its kind.
            let q = places
                .as_mut()
                .and_then(|(b, at)| Some(&b.questions[at.next()??]));
            if self.answer_item(items, a, q, every || urgent, &mut t.notes) {
                self.urgent_tags(items, basis, &a.question);
                items.push_str("</li>");
            } else if urgent {
                // An urgent answer with nothing to list (a text): its name and tag.
                Row::name(items, q, &a.question);
                self.urgent_tags(items, basis, &a.question);
                items.push_str("</li>");
            } else {
                items.truncate(start);
            }
        }
    }

    /// " ⚠ urgent: <alert title>" for each urgent alert that stands and that the
    /// answer to `question` raised or contributed to ([`AlertBasis`]), appended to
    /// `s`; nothing when there is none. In words, not colour alone.
    fn urgent_tags(&self, s: &mut String, basis: &AlertBasis<'_>, question: &str) {
        for a in basis.standing_on(question).filter(|a| a.level.is_urgent()) {
            s.push_str(" <span class=\"urgent-tag\"><span aria-hidden=\"true\">⚠</span> ");
            s.push_str(&self.words.urgent_tag);
            s.push(' ');
            push_esc(s, self.words.title(self.r, a, self.full));
            s.push_str("</span>");
        }
    }

    /// The urgent alerts of the check-in, as the first items of its symptom list
    /// (appended to `items`): those that stand, then those retracted, marked so.
    fn alert_items(&self, items: &mut String) {
        let (w, r, full) = (self.words, self.r, self.full);
        for a in r.urgent_alerts() {
            items.push_str("<li class=\"urgent-mark\">");
            let title = Esc(w.title(r, a, full));
            w.urgent_item.write(items, &[&w.level(a.level), &title]);
            items.push_str("</li>");
        }
        for a in r.retracted_urgent_alerts() {
            items.push_str("<li class=\"urgent-mark retracted\">");
            let (title, how) = (Esc(w.title(r, a, full)), retracted_words(a));
            w.retracted_item
                .write(items, &[&w.level(a.level), &title, &Esc(&how)]);
            items.push_str("</li>");
        }
    }

    /// The sections' numbers, as items of a row's symptom list (appended to
    /// `items`).
    fn section_items(&self, items: &mut String, grades: &Grades) {
        for g in &grades.sections {
            let yes = g.yes > 0;
            if g.highest_grade.is_none() && !yes {
                continue;
            }
            items.push_str("<li class=\"section-grades\" data-section=\"");
            push_esc(items, &g.section);
            items.push_str("\"><b>");
            let section = self.bank.and_then(|b| b.section(&g.section));
            push_esc(items, section.map_or(&g.section, |x| &x.title));
            items.push_str("</b>: ");
            if let Some(h) = g.highest_grade {
                let w = &self.words.section_graded;
                w.write(items, &[&g.moderate_or_worse, &g.graded, &h]);
                if yes {
                    items.push_str("; ");
                }
            }
            if yes {
                self.words.section_yes.write(items, &[&g.yes]);
            }
            items.push_str("</li>");
        }
    }

    /// One answer as the content of an item of a row's symptom list (a grade
    /// above 0, a yes, a number above 0), appended to `items`, or as a note (a
    /// text, appended to `notes`); answers of none or no give neither, unless
    /// `every` answer is to be listed. Whether it gave an item. `q` is its
    /// question, if the bank has it.
    fn answer_item(
        &self,
        items: &mut String,
        a: &AnswerRecord,
        q: Option<&Question>,
        every: bool,
        notes: &mut String,
    ) -> bool {
        let w = self.words;
        if let Some(g) = grade(a) {
            if g == 0 && !every {
                return false;
            }
            Row::name(items, q, &a.question);
            items.push_str(": <span class=\"sev sev-");
            push_uint_text(items, g.min(TOP_GRADE));
            items.push_str("\">");
            match w.label(self.r, a, self.bank) {
                Some(label) => push_esc(items, label),
                None => push_uint_text(items, g),
            }
            items.push_str("</span> ");
            w.grade_of.write(items, &[&g, &TOP_GRADE]);
            return true;
        }
        if let Some(yes) = yes_sign(a) {
            if yes {
                Row::name(items, q, &a.question);
                items.push_str(": <span class=\"sev sev-4\">");
                items.push_str(&w.yes);
                items.push_str("</span>");
            } else if every {
                Row::name(items, q, &a.question);
                items.push_str(": ");
                items.push_str(&w.no);
            }
            return yes || every;
        }
        match (a.score, &a.value) {
            (None, Value::Number(n)) if q.is_some_and(|q| q.kind == Kind::Number) => {
                let n = n.as_f64().unwrap_or(0.0);
                if !(n > 0.0 || every) {
                    return false;
                }
                Row::name(items, q, &a.question);
                items.push_str(": ");
                write_num(items, n);
                items.push(' ');
                push_esc(items, q.and_then(|q| q.unit.as_deref()).unwrap_or_default());
                true
            }
            (None, Value::String(text))
                if q.is_none_or(|q| q.kind == Kind::Text) && !text.trim().is_empty() =>
            {
                if !notes.is_empty() {
                    notes.push_str("\n\n");
                }
                push_esc(notes, text.trim());
                false
            }
            (None, Value::Bool(b)) if every => {
                Row::name(items, q, &a.question);
                items.push_str(": ");
                match w.label(self.r, a, self.bank) {
                    Some(label) => push_esc(items, label),
                    None => items.push_str(if *b { &w.yes } else { &w.no }),
                }
                true
            }
            _ => false,
        }
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

/// 5. How to read the numbers.
fn explanation(bank: &Bank) -> String {
    let mut s = format!(
        "<section id=\"scales\">\n<h2>{}</h2>\n<div>\n",
        t("html-scales-heading")
    );
    let _ = writeln!(s, "<p>{}</p>", t("html-scales-grades"));
    let _ = write!(
        s,
        "</div>\n<div>\n<h3>{}</h3>\n",
        t("html-scales-answer-scales")
    );
    s.push_str(&scales_table(bank));
    let _ = write!(
        s,
        "</div>\n<div>\n<h3>{}</h3>\n",
        t("html-scales-trends-alerts")
    );
    let _ = writeln!(s, "<p>{}</p>", t("html-scales-trends"));
    let _ = writeln!(s, "<p>{}</p>", t("html-scales-alerts"));
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
        let sections = graded.join(", ");
        let _ = writeln!(
            s,
            "<p>{}</p>",
            t_args("html-scales-charted", &[("sections", &sections)])
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
        &t("html-scales-caption"),
        "",
        &["html-col-scale", "html-col-answers"],
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
            scale_name(name),
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
        let questions = yes.join(", ");
        let _ = writeln!(
            s,
            "<tr><td>{}</td><td>{}</td></tr>",
            t("html-scales-yes-no"),
            t_args("html-scales-yes-no-grade", &[("questions", &questions)])
        );
    }
    s.push_str(TABLE_CLOSE);
    s
}

/// A scale's name: the catalogue's for the scales of the built-in banks
/// (`html-scale-<id>`), else its id in words ("very_often" as "very often").
fn scale_name(id: &str) -> String {
    let key = format!("html-scale-{id}");
    match t(&key) {
        name if name != key => name,
        _ => esc(&id.replace('_', " ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` escaped one byte at a time: what [`esc`] must give.
    fn esc_slowly(text: &str) -> String {
        text.chars()
            .map(|c| match u8::try_from(c).ok().and_then(escaped) {
                Some(with) => with.to_string(),
                None => c.to_string(),
            })
            .collect()
    }

    #[test]
    fn text_is_escaped_eight_bytes_at_a_time_as_one_at_a_time() {
        // Every ASCII character at every place of the first two words and the
        // rest, among characters of one to three bytes and ones that borrow or
        // flag on their own.
        for fill in ["a", "é", "☃", " ", "=", "\u{7f}"] {
            for len in 0..20 {
                for at in 0..len {
                    for c in 0..=127u8 {
                        let mut text: Vec<String> = vec![fill.to_string(); len];
                        text[at] = char::from(c).to_string();
                        let text = text.concat();
                        assert_eq!(esc(&text), esc_slowly(&text), "{text:?}");
                        // A second escaped character after the first changes nothing.
                        let two = format!("{text}'");
                        assert_eq!(esc(&two), esc_slowly(&two), "{two:?}");
                    }
                }
            }
        }
    }
}
