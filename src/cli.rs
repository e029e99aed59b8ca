//! Command-line arguments. The doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  sidecheck                              Start the guided check (same as `sidecheck check`)
  sidecheck check --answers answers.json Run the check from a file, no terminal needed
  sidecheck check --resume               Finish the check-in you stopped last
  sidecheck show last                    Show the last saved check-in
  sidecheck history --last 10            Trends and a table of your last 10 check-ins
  sidecheck export --format html --output report.html
                                         A printable page for your clinician
  sidecheck bank questions               List the question ids for an answers file
  sidecheck regions                      List regions and their emergency numbers
  sidecheck profile                      Show (and change) your answers about you
  sidecheck profile --set kidney=yes,older=no
                                         Change them without questions
  sidecheck import sidecheck-rescue-ID.json
                                         Add a check-in that could not be saved to the log

If a check-in cannot be saved (disk full, log locked, log not a plain file), its answers
are kept in a private sidecheck-rescue-ID.json beside the data folder (or in your home
folder); `sidecheck import FILE` adds it to the log later, once.

Environment: SIDECHECK_DATA_DIR (same as --data-dir); SIDECHECK_LOCK_WAIT_SECS, how long
a save waits for another sidecheck using the log (default 15), saying so while it waits.

Exit codes: 0 ok, 1 runtime or I/O failure, 2 bad usage or input, 130 stopped with Ctrl-C,
129 the terminal hung up, 143 stopped by SIGTERM (the answers so far are saved).

This is a self-check, not a diagnosis. It does not replace your doctor or nurse.";

/// A private, plain-language self-check for side effects, withdrawal and dependence
/// on baclofen (or another medicine, with --bank).
#[derive(Debug, Parser)]
#[command(name = "sidecheck", version, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Use this question bank file instead of the built-in baclofen bank.
    #[arg(long, global = true, value_name = "FILE")]
    pub bank: Option<PathBuf>,

    /// Country or region for emergency and crisis numbers (e.g. US, GB, AU).
    /// Default: the country in LC_ALL, LC_MESSAGES or LANG, else US.
    #[arg(long, global = true, value_name = "CODE")]
    pub region: Option<String>,

    /// Folder for the private log. Default: the platform's data folder.
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        env = "SIDECHECK_DATA_DIR",
        hide_env_values = true
    )]
    pub data_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the self-check (guided in a terminal, or from an answers file).
    Check(CheckArgs),
    /// Show one saved check-in.
    Show(ShowArgs),
    /// Work with question banks.
    #[command(subcommand)]
    Bank(BankCommand),
    /// List the regions and their emergency, crisis and poison numbers.
    Regions(RegionsArgs),
    /// Show trends (a sparkline per section and symptom) and a table of past check-ins.
    History(crate::history::HistoryArgs),
    /// Export check-ins: a JSON report, an HL7 FHIR R4 Bundle, CSV, or a printable HTML page.
    Export(crate::export::ExportArgs),
    /// Add a check-in kept in a rescue file (written when a save failed) to the log.
    /// A check-in already in the log is not added again.
    Import(ImportArgs),
    /// Show or change your "about you" answers (kidney problems, age 65 or older,
    /// pregnant or breastfeeding, epilepsy, driving). They are asked once, at the
    /// first guided check, kept in profile.json in the data folder, and can lower
    /// the point at which an answer raises an alert.
    Profile(ProfileArgs),
}

#[derive(Debug, Default, Args)]
pub struct ProfileArgs {
    /// Change answers without asking: ID=yes or ID=no, separated by commas or with
    /// --set again (e.g. --set kidney=yes,older=no). Other answers stay as they are.
    #[arg(long, value_name = "ID=yes|no")]
    pub set: Vec<String>,

    /// Take answers from a JSON file (`-` for standard input) that maps item ids to
    /// true or false, like {"kidney": true, "drives": false}. Other answers stay as
    /// they are.
    #[arg(long, value_name = "FILE", conflicts_with = "set")]
    pub answers: Option<String>,

    /// Print the answers as JSON (after any change); never asks.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The rescue file (`sidecheck-rescue-<id>.json`), or any file holding one
    /// check-in record as JSON.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Default, Args)]
pub struct CheckArgs {
    /// Take the answers from a JSON file (`-` for standard input) instead of asking.
    /// The file maps question ids to answers: true/false, an option id or score 0-4,
    /// a number, or a text. See `sidecheck bank questions` for the ids. A
    /// "profile" object ({"kidney": true}) gives "about you" answers for this
    /// check-in only, over the saved ones (`sidecheck profile`).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<String>,

    /// Finish the check-in you stopped last (Ctrl-C, a closed window, or stopping at
    /// an alert), if it started in the last 7 days with the same questions: your
    /// earlier answers are kept and the questions go on from the first one not
    /// answered. It is saved as a new check-in that replaces the stopped one in
    /// history and exports. With --answers, the file answers the rest. If there is
    /// nothing to finish, it says why and starts a new check-in.
    #[arg(long)]
    pub resume: bool,

    /// Print the saved record as JSON on standard output.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A check-in id (or the start of one), or `last`.
    #[arg(default_value = "last", value_name = "ID|last")]
    pub which: String,

    /// Print the record as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RegionsArgs {
    /// Print the table as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Check bank files and report every problem found.
    Validate {
        /// Bank files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema for bank files.
    Schema,
    /// List every question: id, section, kind, text, allowed answers, condition, alerts.
    Questions {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
}
