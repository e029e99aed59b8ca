//! `sidecheck export`: the period's check-ins as a JSON report, an HL7 FHIR R4
//! Bundle, CSV, or a printable HTML page. Each format is one file under `export/`;
//! they all stream the log through a [`Scan`] into an [`Output`], so no format ever
//! holds the whole log.

pub mod csv;
pub mod fhir;
pub mod html;
pub mod json;
pub mod output;

use std::io;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Local};
use clap::{Args, ValueEnum};

use crate::bank::Bank;
use crate::cli::Cli;
use crate::error::Error;
use crate::report::Period;
use crate::scan::Scan;

pub use output::{Output, write_failed};

const EXAMPLES: &str = "\
Examples:
  sidecheck export --format html --output report.html   A printable page for your clinician
  sidecheck export --format csv --since 2026-11-01      One row per answer, for a spreadsheet
  sidecheck export --format json --output report.json   Every check-in with a summary
  sidecheck export --format fhir --output bundle.json   An HL7 FHIR R4 Bundle (collection)
  sidecheck export --format fhir --bundle transaction   A Bundle to POST to a FHIR server
  sidecheck export --schema                             The JSON Schema of the JSON report

Dates are YYYY-MM-DD (a whole day, local time) or RFC 3339 times; both ends are included.
Files are written privately (mode 600) and never replace a file unless you add --force.";

/// The arguments of `sidecheck export`.
#[derive(Debug, Args)]
#[command(after_help = EXAMPLES)]
pub struct ExportArgs {
    /// What to write: json (report with summary), fhir (FHIR R4 Bundle), csv (one row
    /// per answer) or html (one printable page).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
    pub format: Format,

    /// Only check-ins on or after this day (YYYY-MM-DD, local time) or time (RFC 3339).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only check-ins on or before this day (the whole day) or time.
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Write to this file (private, written in one step) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace the --output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,

    /// For --format fhir: the Bundle type. `transaction` adds a POST request to each
    /// entry, ready to send to a FHIR server. Default: collection.
    #[arg(long, value_enum, value_name = "TYPE")]
    pub bundle: Option<BundleKind>,

    /// Print the JSON Schema of the JSON report and exit.
    #[arg(long, conflicts_with_all = ["format", "since", "until", "output", "force", "bundle"])]
    pub schema: bool,
}

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A JSON report: every check-in and a summary.
    Json,
    /// An HL7 FHIR R4 Bundle: the questions as a Questionnaire, each check-in as a
    /// QuestionnaireResponse.
    Fhir,
    /// CSV, one row per answer.
    Csv,
    /// One printable HTML page for a clinician.
    Html,
}

/// FHIR Bundle types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum BundleKind {
    /// A set of resources to keep or send as a file.
    #[default]
    Collection,
    /// A transaction: each entry is a POST, for a FHIR server's base URL.
    Transaction,
}

/// What every exporter needs besides the records.
pub struct Context<'a> {
    /// The bank loaded (built in or --bank); records made with it get titles.
    pub bank: &'a Bank,
    pub period: &'a Period,
    pub generated_at: DateTime<FixedOffset>,
}

/// Runs `sidecheck export`.
pub fn run(cli: &Cli, args: &ExportArgs) -> Result<(), Error> {
    if args.schema {
        return crate::out(&json::schema());
    }
    let format = args.format;
    if args.bundle.is_some() && format != Format::Fhir {
        return Err(Error::Input(
            "--bundle is only for --format fhir; remove it or use --format fhir".into(),
        ));
    }
    let period = Period::parse(args.since.as_deref(), args.until.as_deref(), &Local)
        .map_err(Error::Input)?;
    let bank = crate::load_bank(cli)?;
    let store = crate::store(cli)?;
    // Never write a report over the log or anything else of sidecheck's own, even
    // with --force; then refuse an existing file before reading anything.
    if let Some(path) = &args.output
        && path.as_os_str() != "-"
        && let Some(what) = store.own_file(path)
    {
        return Err(Error::Input(format!(
            "{} is {what}, so no report is written there, even with --force; choose an --output FILE outside {}",
            path.display(),
            store.dir().display()
        )));
    }
    let mut output = match &args.output {
        Some(path) if path.as_os_str() != "-" => Output::file(path, args.force)?,
        _ => Output::stdout(),
    };
    let ctx = Context {
        bank: &bank,
        period: &period,
        generated_at: Local::now().fixed_offset(),
    };
    let mut scan = Scan::new(&store, &period);
    let mut warn = |text: String| crate::warn(text);
    let written = match format {
        Format::Json => json::write(&mut output, &mut scan, &ctx, &mut warn),
        Format::Fhir => fhir::write(
            &mut output,
            &mut scan,
            &ctx,
            args.bundle.unwrap_or_default(),
            &mut warn,
        ),
        Format::Csv => csv::write(&mut output, &mut scan, &ctx, &mut warn),
        Format::Html => html::write(&mut output, &mut scan, &ctx, &mut warn),
    };
    let count = match written {
        Ok(n) => n,
        Err(e) => {
            // Dropping `output` removes the temp file: no partial report is left.
            return Err(match output.dest() {
                Some(dest) => failed_export(dest, e),
                None => e,
            });
        }
    };
    let dest = output.dest().map(|d| d.display().to_string());
    output.finish()?;
    if count == 0 {
        crate::sayln!(
            "sidecheck: note: no check-ins ({}) in {}; the report is empty. Run `sidecheck` to make one.",
            period.describe(),
            store.log_path().display()
        );
    }
    if let Some(dest) = dest {
        crate::sayln!(
            "Wrote {count} check-in{} to {dest}.",
            if count == 1 { "" } else { "s" }
        );
    }
    Ok(())
}

/// The error of an export to a file, saying the file was not written.
fn failed_export(dest: &std::path::Path, e: Error) -> Error {
    let msg = format!("{e}; {} was not written", dest.display());
    match e {
        Error::Input(_) | Error::Bank(_) => Error::Input(msg),
        _ => Error::Runtime(msg),
    }
}

/// Maps a write error to the one-line report error.
pub(crate) fn io(r: io::Result<()>) -> Result<(), Error> {
    r.map_err(|e| write_failed(&e))
}
