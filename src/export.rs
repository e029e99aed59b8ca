//! The export formats: the period's check-ins as a JSON report, an HL7 FHIR R4
//! Bundle, CSV, or a printable HTML page. Each format is one file under `export/`
//! with a type that implements [`Exporter`]; they all stream the log through the
//! [`Scan`] of their [`Context`] into its output, so no format ever holds the whole
//! log. The command that picks one and writes the file is
//! [`crate::command`]'s `export.rs`.
//!
//! A new format is one file here, one variant of [`crate::cli::Format`] (its
//! `--format` name and help) and one line in [`exporter`].

pub mod csv;
pub mod fhir;
pub mod html;
pub mod json;

use std::io::Write;

use chrono::{DateTime, FixedOffset};

use crate::bank::Bank;
use crate::cli::{BundleKind, Format};
use crate::error::Error;
use crate::report::Period;
use crate::scan::Scan;
use crate::store::Warn;

/// One export: what it is about, its options, the passes over the log it reads
/// from, where it writes and where warnings go.
pub struct Context<'a> {
    /// The bank loaded (built in or --bank); records made with it get titles.
    pub bank: &'a Bank,
    pub period: &'a Period,
    pub generated_at: DateTime<FixedOffset>,
    /// For FHIR: the Bundle type (`--bundle`).
    pub bundle: BundleKind,
    /// For CSV: write text as it is, with no guard against formulas (`--csv-raw`).
    pub csv_raw: bool,
    /// The period's check-ins, read as often as the format needs.
    pub scan: Scan<'a>,
    pub out: &'a mut dyn Write,
    pub warn: Warn<'a>,
}

/// An export format.
pub trait Exporter {
    /// Writes the export; returns how many check-ins it holds.
    fn write(&self, ctx: &mut Context<'_>) -> Result<u64, Error>;
}

/// The exporter of a `--format`.
pub fn exporter(format: Format) -> &'static dyn Exporter {
    match format {
        Format::Json => &json::Json,
        Format::Fhir => &fhir::Fhir,
        Format::Csv => &csv::Csv,
        Format::Html => &html::Html,
    }
}
