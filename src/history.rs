//! `sidecheck history`: trend lines at the top (a sparkline per section and per
//! symptom reported), then a table of check-ins: date, status, score per section and
//! urgent alerts. `--json` prints the same content as JSON.
//!
//! The log is read twice: once to fold the trends, once to print the table rows as
//! they come (and once before both, to learn which records count as check-ins; see
//! [`crate::checkins`]). No record is kept.

use std::io::Write;

use chrono::Local;
use clap::Args;
use serde::Serialize;
use serde_json::Value;

use crate::bank::Level;
use crate::cli::Cli;
use crate::error::Error;
use crate::export::{Output, io};
use crate::record::{AlertRecord, CheckIn, Status};
use crate::report::{
    Period, SPARK_WIDTH, SeriesView, Summary, SummaryView, retracted_words, rfc3339,
};
use crate::scan::Scan;

const EXAMPLES: &str = "\
Examples:
  sidecheck history                         Every check-in
  sidecheck history --last 10               The last 10 check-ins
  sidecheck history --since 2026-11-01      From 1 November (local time) on
  sidecheck history --since 2026-11-01 --until 2026-11-30 --json

Dates are YYYY-MM-DD (a whole day, local time) or RFC 3339 times; both ends are included.
Scores count symptoms: higher is worse. ▁ is a score of 0, █ the highest in the period.";

/// The arguments of `sidecheck history`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct HistoryArgs {
    /// Only check-ins on or after this day (YYYY-MM-DD, local time) or time (RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only check-ins on or before this day (the whole day) or time.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only the last N check-ins (of the period, if one is given).
    #[arg(long, value_name = "N", value_parser = parse_last)]
    pub last: Option<u64>,

    /// Print the same content as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `--last N`: a whole number, 1 or more.
fn parse_last(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err("give a whole number of check-ins, 1 or more".into()),
    }
}

/// One row of the table.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    /// Start of the check-in (RFC 3339).
    at: String,
    status: Status,
    urgent_alerts: Vec<RowAlert>,
    /// Urgent alerts shown and then retracted (an answer changed); not counted as
    /// standing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    retracted_alerts: Vec<RowAlert>,
    /// Scores of the sections the check-in reached.
    scores: Vec<RowScore>,
}

#[derive(Debug, Serialize)]
struct RowAlert {
    id: String,
    level: Level,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    shown_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    retracted_at: Option<String>,
}

impl RowAlert {
    fn of(a: &AlertRecord) -> RowAlert {
        RowAlert {
            id: a.id.clone(),
            level: a.level,
            title: a.title.clone(),
            shown_at: a.shown_at.as_ref().map(rfc3339),
            retracted_at: a.retracted_at.as_ref().map(rfc3339),
        }
    }
}

#[derive(Debug, Serialize)]
struct RowScore {
    section: String,
    score: u32,
    max: u32,
}

impl Row {
    fn of(r: &CheckIn) -> Row {
        Row {
            id: r.id.clone(),
            at: rfc3339(&r.started_at),
            status: r.status,
            urgent_alerts: r
                .alerts
                .iter()
                .filter(|a| a.level.is_urgent())
                .map(RowAlert::of)
                .collect(),
            retracted_alerts: r
                .retracted_alerts
                .iter()
                .filter(|a| a.level.is_urgent())
                .map(RowAlert::of)
                .collect(),
            scores: r
                .scores
                .iter()
                .filter(|s| {
                    r.status == Status::Completed
                        || r.answers.iter().any(|a| a.section == s.section)
                })
                .map(|s| RowScore {
                    section: s.section.clone(),
                    score: s.score,
                    max: s.max,
                })
                .collect(),
        }
    }
}

/// Runs `sidecheck history`.
pub fn run(cli: &Cli, args: &HistoryArgs) -> Result<(), Error> {
    let period = Period::parse(args.since.as_deref(), args.until.as_deref(), &Local)
        .map_err(Error::Input)?;
    let bank = crate::load_bank(cli)?;
    let store = crate::store(cli)?;
    let mut scan = Scan::new(&store, &period);
    let mut warn = |text: String| crate::warn(text);
    if let Some(n) = args.last {
        scan.keep_last(n, &mut warn)?;
    }
    let mut summary = Summary::new(Some(&bank));
    scan.each(&mut warn, |r| {
        summary.add(&r);
        Ok(())
    })?;
    summary.counts.skipped_lines = scan.skipped_lines();
    let view = summary.view(SPARK_WIDTH);
    let mut what = period.describe();
    if let Some(n) = args.last {
        what = format!("the last {n} of {what}");
    }

    if summary.is_empty() {
        crate::sayln!(
            "sidecheck: note: no check-ins ({what}) in {}; nothing to show. Run `sidecheck` to make one.",
            store.log_path().display()
        );
    }
    let mut out = Output::stdout();
    if args.json {
        write_json(&mut out, &mut scan, &period, &view)?;
    } else if !summary.is_empty() {
        write_text(&mut out, &mut scan, &what, &view)?;
    }
    out.finish()
}

fn compact(value: &impl Serialize) -> Result<String, Error> {
    serde_json::to_string(value)
        .map_err(|e| Error::Runtime(format!("cannot format the output: {e}")))
}

fn write_json(
    out: &mut dyn Write,
    scan: &mut Scan<'_>,
    period: &Period,
    view: &SummaryView,
) -> Result<(), Error> {
    io(write!(
        out,
        "{{\n  \"period\": {},\n",
        compact(&period.view())?
    ))?;
    if let Value::Object(fields) = serde_json::to_value(view)
        .map_err(|e| Error::Runtime(format!("cannot format the output: {e}")))?
    {
        for (key, value) in fields {
            io(writeln!(out, "  {}: {},", compact(&key)?, compact(&value)?))?;
        }
    }
    io(out.write_all(b"  \"check_ins\": ["))?;
    let mut sep = "\n    ";
    let n = if view.counts.check_ins > 0 {
        scan.each(&mut |_| {}, |r| {
            io(write!(out, "{sep}{}", compact(&Row::of(&r))?))?;
            sep = ",\n    ";
            Ok(())
        })?
    } else {
        0
    };
    io(out.write_all(if n > 0 { b"\n  ]\n}\n" } else { b"]\n}\n" }))
}

/// Pads to `width` characters (not bytes: sparklines are multi-byte).
fn pad(s: &str, width: usize) -> String {
    let n = s.chars().count();
    format!("{s}{}", " ".repeat(width.saturating_sub(n)))
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
        let numbers = format!(
            "first {}, last {}, min {}, max {} of {}",
            s.first, s.last, s.min, s.max, s.possible
        );
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

fn write_text(
    out: &mut dyn Write,
    scan: &mut Scan<'_>,
    what: &str,
    view: &SummaryView,
) -> Result<(), Error> {
    let c = &view.counts;
    let mut head = format!(
        "History: {what}: {} check-in{} ({} completed, {} stopped)",
        c.check_ins,
        if c.check_ins == 1 { "" } else { "s" },
        c.completed,
        c.stopped
    );
    if let (Some(a), Some(b)) = (&view.first_at, &view.last_at) {
        head.push_str(&format!(
            ", {} to {}",
            &a[..10.min(a.len())],
            &b[..10.min(b.len())]
        ));
    }
    head.push_str("\n\n");
    head.push_str(&trend_lines(
        "Sections (score over time; higher is worse)",
        &view.sections,
    ));
    head.push_str(&trend_lines("Symptoms reported", &view.symptoms));
    if view.symptoms.is_empty() {
        head.push_str("Symptoms reported: none\n\n");
    }

    let sections: Vec<&str> = view.sections.iter().map(|s| s.id.as_str()).collect();
    let widths: Vec<usize> = sections.iter().map(|s| s.chars().count().max(7)).collect();
    // The id is what `sidecheck show ID` takes.
    let mut header = format!(
        "{}  {}  {}",
        pad("Date", 16),
        pad("Status", 9),
        pad("Check-in id", 28)
    );
    for (s, w) in sections.iter().zip(&widths) {
        header.push_str(&format!("  {}", pad(s, *w)));
    }
    header.push_str("  Urgent alerts");
    head.push_str(&header);
    head.push('\n');
    io(out.write_all(crate::console::visible(&head).as_bytes()))?;

    scan.each(&mut |_| {}, |r| {
        let row = Row::of(&r);
        let mut line = format!(
            "{}  {}  {}",
            pad(&r.started_at.format("%Y-%m-%d %H:%M").to_string(), 16),
            pad(r.status.as_str(), 9),
            pad(&r.id, 28)
        );
        for (s, w) in sections.iter().zip(&widths) {
            let cell = row
                .scores
                .iter()
                .find(|x| x.section == *s)
                .map(|x| format!("{}/{}", x.score, x.max))
                .unwrap_or_else(|| "-".into());
            line.push_str(&format!("  {}", pad(&cell, *w)));
        }
        let alerts: Vec<String> = row
            .urgent_alerts
            .iter()
            .map(|a| format!("{} ({})", a.title, a.level.as_str()))
            .chain(
                r.retracted_alerts
                    .iter()
                    .filter(|a| a.level.is_urgent())
                    .map(|a| format!("{} ({}; {})", a.title, a.level.as_str(), retracted_words(a))),
            )
            .collect();
        line.push_str("  ");
        line.push_str(&if alerts.is_empty() {
            "-".to_string()
        } else {
            alerts.join("; ")
        });
        line.push('\n');
        io(out.write_all(crate::console::visible(&line).as_bytes()))
    })?;
    Ok(())
}
