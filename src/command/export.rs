//! `sidecheck export`: picks the format ([`crate::export`]), and writes the report
//! to stdout or, with `--output`, to a private file that appears only once it is
//! whole.

use std::path::Path;

use chrono::Local;

use super::Context;
use super::context::now;
use crate::cli::{ExportArgs, Format};
use crate::error::Error;
use crate::export::{self, json};
use crate::output::Output;
use crate::report::Period;
use crate::scan::Scan;

pub fn run(ctx: &Context<'_>, args: &ExportArgs) -> Result<(), Error> {
    if args.schema {
        return ctx.out(&json::schema());
    }
    if args.bundle.is_some() && args.format != Format::Fhir {
        return Err(Error::Input(
            "--bundle is only for --format fhir; remove it or use --format fhir".into(),
        ));
    }
    if args.csv_raw && args.format != Format::Csv {
        return Err(Error::Input(
            "--csv-raw is only for --format csv; remove it or use --format csv".into(),
        ));
    }
    let period = Period::parse(args.since.as_deref(), args.until.as_deref(), &Local)
        .map_err(Error::Input)?;
    let bank = ctx.bank()?;
    let store = ctx.store()?;
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
    let mut warn = |text: String| ctx.warn(text);
    let written = export::exporter(args.format).write(&mut export::Context {
        bank,
        period: &period,
        generated_at: now(),
        bundle: args.bundle.unwrap_or_default(),
        csv_raw: args.csv_raw,
        scan: Scan::new(store, &period),
        out: &mut output,
        warn: &mut warn,
    });
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
fn failed_export(dest: &Path, e: Error) -> Error {
    let msg = format!("{e}; {} was not written", dest.display());
    match e {
        Error::Input(_) | Error::Bank(_) => Error::Input(msg),
        _ => Error::Runtime(msg),
    }
}
