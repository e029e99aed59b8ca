//! `sidecheck history`: trend lines at the top (a sparkline per section and per
//! symptom reported, over completed check-ins), then the baseline and the change
//! since it per symptom (or one line saying there is none, and how to make one),
//! then a table of check-ins: date, status, per section the symptoms at moderate or
//! worse and the highest grade, and urgent alerts. `--json` prints the same content
//! as JSON.
//!
//! The log is read once for both: the table's rows are written to a spool while the
//! trends are folded, and copied after them (and once before, to learn which
//! records count as check-ins; see [`crate::checkins`]). No record is kept. Only a
//! log with check-ins of another bank, whose sections add columns to the table,
//! is read a second time for the rows.

use std::fmt::Write as _;
use std::io::Write;

use chrono::Local;
use serde::Serialize;

use super::Context;
use crate::bank::{Bank, Level};
use crate::cli::HistoryArgs;
use crate::error::Error;
use crate::grades::{Grades, SectionGrades};
use crate::i18n::{t, t_args, t_count};
use crate::output::{Output, compact, io, write_compact, write_fields};
use crate::record::{AlertRecord, CheckIn, Respondent, Status, bank_for};
use crate::report::{
    Measure, Period, SPARK_WIDTH, SeriesView, SummaryView, minute, retracted_words,
};
use crate::scan::{Scan, Spool};
use crate::text::{self, rfc3339};

/// One row of the table, as `--json` writes it; it borrows from the record.
#[derive(Debug, Serialize)]
struct Row<'r> {
    id: &'r str,
    /// Start of the check-in (RFC 3339).
    at: String,
    status: Status,
    /// For a stopped check-in: "stopped after N of M questions".
    #[serde(skip_serializing_if = "Option::is_none")]
    stopped: Option<String>,
    /// Whether this is the check-in marked as the baseline.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    baseline: bool,
    urgent_alerts: Vec<RowAlert<'r>>,
    /// Urgent alerts shown and then retracted (an answer changed); not counted as
    /// standing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    retracted_alerts: Vec<RowAlert<'r>>,
    /// The check-in's numbers (see `sidecheck export --schema`, `Grades`).
    grades: Grades,
    /// `caregiver` when someone answered for the person; absent when they did.
    #[serde(skip_serializing_if = "Respondent::is_self")]
    respondent: Respondent,
}

#[derive(Debug, Serialize)]
struct RowAlert<'r> {
    id: &'r str,
    level: Level,
    title: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    shown_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retracted_at: Option<String>,
}

impl<'r> RowAlert<'r> {
    fn of(a: &'r AlertRecord) -> RowAlert<'r> {
        RowAlert {
            id: &a.id,
            level: a.level,
            title: &a.title,
            shown_at: a.shown_at.as_ref().map(rfc3339),
            retracted_at: a.retracted_at.as_ref().map(rfc3339),
        }
    }
}

impl<'r> Row<'r> {
    /// The row of `r`, whose numbers are `grades`; `baseline` is the baseline
    /// check-in's id, if there is one.
    fn of(r: &'r CheckIn, grades: Grades, baseline: Option<&str>) -> Row<'r> {
        Row {
            id: &r.id,
            at: rfc3339(&r.started_at),
            status: r.status,
            stopped: grades.stopped_words(r.status),
            baseline: baseline == Some(r.id.as_str()),
            urgent_alerts: r.urgent_alerts().map(RowAlert::of).collect(),
            retracted_alerts: r.retracted_urgent_alerts().map(RowAlert::of).collect(),
            grades,
            respondent: r.respondent,
        }
    }
}

/// The table's words in the language in use, looked up once per command rather
/// than once per row.
struct Words {
    completed: String,
    stopped: String,
    /// The status column's width: its header's and both statuses' longest.
    status_width: usize,
    /// Advice, prescriber, crisis, emergency.
    levels: [String; 4],
    /// "mod+, top" in "2 mod+, top 3".
    moderate: String,
    yes: String,
    not_in_trends: String,
    baseline: String,
}

impl Words {
    fn new() -> Words {
        let [completed, stopped, status] =
            ["history-completed", "history-stopped", "history-status"].map(t);
        let status_width = [&completed, &stopped, &status]
            .iter()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        Words {
            completed,
            stopped,
            status_width,
            levels: [
                "history-level-advice",
                "history-level-prescriber",
                "history-level-crisis",
                "history-level-emergency",
            ]
            .map(t),
            moderate: t("history-cell-moderate"),
            yes: t("history-cell-yes"),
            not_in_trends: t("history-not-in-trends"),
            baseline: t("history-baseline-row"),
        }
    }

    fn status(&self, status: Status) -> &str {
        match status {
            Status::Completed => &self.completed,
            Status::Stopped => &self.stopped,
        }
    }

    fn level(&self, level: Level) -> &str {
        &self.levels[match level {
            Level::Advice => 0,
            Level::Prescriber => 1,
            Level::Crisis => 2,
            Level::Emergency => 3,
        }]
    }
}

/// A section's cell in the table, appended to `line`: "2 mod+, top 3", "1 yes",
/// or "-" when the check-in did not reach it.
fn cell(line: &mut String, g: Option<&SectionGrades>, words: &Words) {
    let Some(g) = g else { return line.push('-') };
    let yes = g.yes_no > 0 && (g.yes > 0 || g.highest_grade.is_none());
    if let Some(h) = g.highest_grade {
        let _ = write!(line, "{} {} {h}", g.moderate_or_worse, words.moderate);
        if yes {
            line.push_str(", ");
        }
    }
    if yes {
        let _ = write!(line, "{} {}", g.yes, words.yes);
    }
    if g.highest_grade.is_none() && !yes {
        line.push('-');
    }
}

/// Runs `sidecheck history`.
pub fn run(ctx: &Context<'_>, args: &HistoryArgs) -> Result<(), Error> {
    let period = Period::parse(args.since.as_deref(), args.until.as_deref(), &Local)
        .map_err(Error::Input)?;
    let bank = ctx.bank()?;
    let store = ctx.store()?;
    let mut scan = Scan::new(store, &period);
    let mut warn = |text: String| ctx.warn(text);
    if let Some(n) = args.last {
        scan.keep_last(n, &mut warn)?;
    }
    let found = scan.baseline(Some(bank), &mut warn)?;
    let baseline = found.baseline().map(|b| b.id());
    // The rows are written while the trends are folded, and follow them.
    let mut rows = scan.spool();
    let mut table = Table::new(bank, &[]);
    let mut buf = Vec::new();
    let mut sep = "\n    ";
    let summary = scan.summarize(Some(bank), &mut warn, |r, graded| {
        if args.json {
            write_compact(
                &mut rows,
                &mut buf,
                sep,
                &Row::of(r, graded.grades, baseline),
                WHAT,
            )?;
            sep = ",\n    ";
            Ok(())
        } else {
            table.write_line(&mut rows, r, &graded.grades, baseline)
        }
    })?;
    let view = summary.view(SPARK_WIDTH);
    let mut what = period.describe();
    if let Some(n) = args.last {
        what = t_args("history-last-of", &[("n", &n.to_string()), ("what", &what)]);
    }

    if summary.is_empty() {
        let log = store.log_path().display().to_string();
        let note = t_args("history-empty", &[("what", &what), ("log", &log)]);
        crate::sayln!("{note}");
    }
    let mut out = Output::stdout();
    if args.json {
        write_json(&mut out, &mut rows, &period, &view)?;
    } else if !summary.is_empty() {
        let head = head_text(&what, &view, bank);
        io(out.write_all(text::visible(&head).as_bytes()))?;
        let columns = Table::new(bank, &view.sections);
        if columns.sections == table.sections {
            rows.copy_to(&mut out)?;
        } else {
            // Check-ins made with another bank have sections of their own: the
            // table has more columns than the rows spooled, so they are read again.
            table = columns;
            scan.each(&mut |_| {}, |r| {
                let grades = Grades::of(r, bank_for(Some(bank), r));
                table.write_line(&mut out, r, &grades, baseline)
            })?;
        }
    }
    out.finish()
}

/// What the error calls the JSON if it cannot be formatted.
const WHAT: &str = "the output";

/// The JSON document, with the `check_ins` rows from the spool.
fn write_json(
    out: &mut dyn Write,
    rows: &mut Spool,
    period: &Period,
    view: &SummaryView,
) -> Result<(), Error> {
    io(write!(
        out,
        "{{\n  \"period\": {},\n",
        compact(&period.view(), WHAT)?
    ))?;
    write_fields(out, "  ", view, WHAT)?;
    io(out.write_all(b"  \"check_ins\": ["))?;
    let any = !rows.is_empty();
    rows.copy_to(out)?;
    io(out.write_all(if any { b"\n  ]\n}\n" } else { b"]\n}\n" }))
}

/// Pads to `width` characters (not bytes: sparklines are multi-byte).
fn pad(s: &str, width: usize) -> String {
    let mut out = String::with_capacity(s.len().max(width));
    push_padded(&mut out, s, width);
    out
}

/// Appends `s` to `line`, padded as [`pad`] does.
fn push_padded(line: &mut String, s: &str, width: usize) {
    let start = line.len();
    line.push_str(s);
    pad_from(line, start, width);
}

/// Pads what was appended to `line` since byte `start` to `width` characters.
fn pad_from(line: &mut String, start: usize, width: usize) {
    let n = line[start..].chars().count();
    for _ in n..width {
        line.push(' ');
    }
}

/// The trend lines of a group of series, aligned.
fn trend_lines(title: &str, list: &[SeriesView]) -> String {
    if list.is_empty() {
        return String::new();
    }
    let name_w = list
        .iter()
        .map(|s| s.title.chars().count())
        .max()
        .unwrap_or(0);
    let spark_w = list
        .iter()
        .map(|s| s.sparkline.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!("{title}\n");
    for s in list {
        let [first, last, max, possible] =
            [s.first, s.last, s.max, s.possible].map(|n| n.to_string());
        let numbers = [
            ("first", first.as_str()),
            ("last", &last),
            ("max", &max),
            ("possible", &possible),
        ];
        let numbers = match s.measure {
            Measure::ModerateOrWorse => t_args("history-trend-moderate", &numbers),
            Measure::Grade => t_args("history-trend-grade", &numbers),
            Measure::YesNo => {
                let yes = ((s.average * s.points as f64).round() as u64).to_string();
                let last = t(if s.last > 0 {
                    "history-cell-yes"
                } else {
                    "history-no"
                });
                t_count(
                    "history-trend-yes",
                    ("points", s.points),
                    &[("yes", &yes), ("last", &last)],
                )
            }
        };
        out.push_str(&format!(
            "  {}  {}  {}  {}\n",
            pad(&s.title, name_w),
            pad(&s.sparkline, spark_w),
            pad(&numbers, 36),
            s.trend.direction.words()
        ));
    }
    out.push('\n');
    out
}

/// The table's columns: its sections, each with its width; and the texts each
/// row is written into, kept from row to row.
struct Table<'a> {
    bank: &'a Bank,
    sections: Vec<&'a str>,
    /// Each section column's head.
    heads: Vec<&'a str>,
    widths: Vec<usize>,
    line: String,
    shown: String,
    words: Words,
}

impl<'a> Table<'a> {
    /// The columns of `bank` and of the sections with a trend (`trends`).
    fn new(bank: &'a Bank, trends: &'a [SeriesView]) -> Table<'a> {
        let sections = sections(bank, trends);
        // A column is headed by the bank's short name for its section, else the id.
        let heads: Vec<&str> = sections
            .iter()
            .map(|id| {
                bank.section(id)
                    .and_then(|s| s.column.as_deref())
                    .unwrap_or(id)
            })
            .collect();
        let widths = heads.iter().map(|s| s.chars().count().max(13)).collect();
        Table {
            bank,
            sections,
            heads,
            widths,
            line: String::new(),
            shown: String::new(),
            words: Words::new(),
        }
    }

    /// An alert's title in the table's language: as the record saved it, or, for
    /// a check-in made in another language, the bank's title for the same alert
    /// id, so one history reads in one language.
    fn title<'r>(&'r self, r: &'r CheckIn, a: &'r AlertRecord) -> &'r str {
        if r.bank.language == self.bank.language {
            return &a.title;
        }
        self.bank.alert(&a.id).map_or(&a.title, |rule| &rule.title)
    }

    /// Writes one check-in's row; `grades` are its numbers.
    fn write_line(
        &mut self,
        out: &mut dyn Write,
        r: &CheckIn,
        grades: &Grades,
        baseline: Option<&str>,
    ) -> Result<(), Error> {
        // Taken out while the row is written, for the row to read the columns.
        let mut line = std::mem::take(&mut self.line);
        line.clear();
        table_line(&mut line, r, grades, self, baseline);
        self.line = line;
        self.shown.clear();
        text::push_visible_text(&mut self.shown, &self.line);
        io(out.write_all(self.shown.as_bytes()))
    }
}

/// Everything above the table's rows: the trends, the baseline and the header.
fn head_text(what: &str, view: &SummaryView, bank: &Bank) -> String {
    let mut head = trends_text(what, view);
    head.push_str(&baseline_text(view));
    let table = Table::new(bank, &view.sections);
    // The id is what `sidecheck show ID` takes.
    let mut header = format!(
        "{}  {}  {}",
        pad(&t("history-date"), 16),
        pad(&t("history-status"), table.words.status_width),
        pad(&t("history-id"), 28)
    );
    for (s, w) in table.heads.iter().zip(&table.widths) {
        header.push_str(&format!("  {}", pad(s, *w)));
    }
    header.push_str("  ");
    header.push_str(&t("history-urgent-alerts"));
    head.push_str(&header);
    head.push('\n');
    head
}

/// The head of the text: what the period holds, and the trend lines.
fn trends_text(what: &str, view: &SummaryView) -> String {
    let c = &view.counts;
    let [completed, stopped] = [c.completed, c.stopped].map(|n| n.to_string());
    let mut head = t_count(
        "history-head",
        ("count", c.check_ins),
        &[
            ("what", what),
            ("completed", &completed),
            ("stopped", &stopped),
        ],
    );
    if let (Some(a), Some(b)) = (&view.first_at, &view.last_at) {
        let (from, to) = (&a[..10.min(a.len())], &b[..10.min(b.len())]);
        head.push_str(&t_args("history-head-dates", &[("from", from), ("to", to)]));
    }
    head.push_str("\n\n");
    head.push_str(&trend_lines(&t("history-sections"), &view.sections));
    head.push_str(&trend_lines(&t("history-symptoms"), &view.symptoms));
    if view.symptoms.is_empty() {
        head.push_str(&t("history-no-symptoms"));
        head.push_str("\n\n");
    }
    head
}

/// The table's section columns: every scored section of the bank, then any other
/// that has a trend (check-ins made with another bank).
fn sections<'a>(bank: &'a Bank, trends: &'a [SeriesView]) -> Vec<&'a str> {
    let mut sections: Vec<&str> = bank
        .sections
        .iter()
        .filter(|s| s.scored)
        .map(|s| s.id.as_str())
        .collect();
    for s in trends {
        if !sections.contains(&s.id.as_str()) {
            sections.push(s.id.as_str());
        }
    }
    sections
}

/// The baseline and the change since it, per symptom reported at either
/// check-in; or the one line that says there is no baseline and how to make one.
fn baseline_text(view: &SummaryView) -> String {
    let Some(b) = &view.baseline else {
        return view
            .no_baseline
            .as_ref()
            .map(|w| format!("{w}\n\n"))
            .unwrap_or_default();
    };
    let mut text = format!("{}\n", b.words);
    match (&b.compared_with, &b.not_compared) {
        (Some(now), _) => {
            let at = date_minute(&now.at);
            text.push_str(&t_args("history-since-baseline", &[("at", &at)]));
            text.push('\n');
            let reported: Vec<_> = b.changes.iter().filter(|c| c.reported()).collect();
            for c in &reported {
                text.push_str(&format!("  {}\n", c.words));
            }
            let rest = if reported.is_empty() {
                Some("history-no-change-reported")
            } else if reported.len() < b.changes.len() {
                Some("history-every-other-symptom")
            } else {
                None
            };
            if let Some(id) = rest {
                text.push_str(&format!("  {}\n", t(id)));
            }
        }
        (None, Some(why)) => {
            text.push_str(&t_args("history-nothing-to-compare", &[("why", why)]));
            text.push('\n');
        }
        (None, None) => {}
    }
    text.push('\n');
    text
}

/// "2026-11-20 08:30" from an RFC 3339 time as the views hold it.
fn date_minute(rfc: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc).map_or_else(|_| rfc.to_string(), |t| minute(&t))
}

/// One check-in's row of the table, with its line end, appended to `line`.
fn table_line(
    line: &mut String,
    r: &CheckIn,
    grades: &Grades,
    table: &Table<'_>,
    baseline: Option<&str>,
) {
    let words = &table.words;
    push_padded(line, &minute(&r.started_at), 16);
    line.push_str("  ");
    push_padded(line, words.status(r.status), words.status_width);
    line.push_str("  ");
    push_padded(line, &r.id, 28);
    for (s, w) in table.sections.iter().zip(&table.widths) {
        line.push_str("  ");
        let start = line.len();
        cell(line, grades.section(s), words);
        pad_from(line, start, *w);
    }
    line.push_str("  ");
    let mut any = false;
    for a in r.urgent_alerts() {
        if std::mem::replace(&mut any, true) {
            line.push_str("; ");
        }
        for part in [table.title(r, a), " (", words.level(a.level), ")"] {
            line.push_str(part);
        }
    }
    for a in r.retracted_urgent_alerts() {
        if std::mem::replace(&mut any, true) {
            line.push_str("; ");
        }
        let said = retracted_words(a);
        let level = words.level(a.level);
        let _ = write!(line, "{} ({level}; {said})", table.title(r, a));
    }
    if !any {
        line.push('-');
    }
    if let Some(stopped) = grades.stopped_words(r.status) {
        let _ = write!(line, "  ({stopped}; {})", words.not_in_trends);
    }
    if baseline == Some(r.id.as_str()) {
        let _ = write!(line, "  ({})", words.baseline);
    }
    if r.respondent == Respondent::Caregiver {
        let _ = write!(line, "  {}", crate::i18n::t("caregiver-history-mark"));
    }
    line.push('\n');
}
