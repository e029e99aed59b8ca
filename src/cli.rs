//! Command-line arguments: every command's, with their `--help` text (the doc
//! comments), examples and value checks, and how a mistake in them is told in one
//! line. The commands themselves are in [`crate::command`]; nothing here runs one.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Args, Parser, Subcommand, ValueEnum};

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
  sidecheck check --baseline             A check-in before you start or change the dose,
                                         to compare later ones with
  sidecheck baseline last                Mark your last check-in as that baseline
  sidecheck profile                      Show (and change) your answers about you
  sidecheck profile --set kidney=yes,older=no
                                         Change them without questions
  sidecheck import sidecheck-rescue-ID.json
                                         Add a check-in that could not be saved to the log
  sidecheck completions bash             Tab completion for your shell (also zsh, fish,
                                         powershell)
  sidecheck man                          The manual page, for `man`

Every command's --help has examples of its own (`sidecheck check --help`).

If a check-in cannot be saved (disk full, log locked, log not a plain file), its answers
are kept in a private sidecheck-rescue-ID.json beside the data folder (or in your home
folder); `sidecheck import FILE` adds it to the log later, once.

Environment: SIDECHECK_DATA_DIR (same as --data-dir); SIDECHECK_LOCK_WAIT_SECS, how long
a save waits for another sidecheck using the log (default 15), saying so while it waits.

Exit codes: 0 ok, 1 runtime or I/O failure, 2 bad usage or input, 130 stopped with Ctrl-C,
129 the terminal hung up, 143 stopped by SIGTERM (the answers so far are saved).

This is a self-check, not a diagnosis. It does not replace your doctor or nurse.";

/// Parses the command line. Help and the version are printed here (exit 0, or 2 for
/// help shown because a subcommand is missing); any other mistake is said in one
/// line on stderr (exit 2). `Err` holds the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    Cli::try_parse().map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            crate::sayln!("{}", error_line(&e.render().to_string()));
            ExitCode::from(2)
        }
    })
}

/// clap's error text as sidecheck's one line: "sidecheck: error: WHAT[; use one of:
/// VALUES]; see `sidecheck --help`".
pub fn error_line(text: &str) -> String {
    let first = text.lines().next().unwrap_or("bad arguments");
    let mut first = first.strip_prefix("error: ").unwrap_or(first).to_string();
    // "the following required arguments were not provided:" names them on the
    // next lines; keep them on this one.
    if first.ends_with(':') {
        let named: Vec<&str> = text
            .lines()
            .skip(1)
            .map(str::trim)
            .take_while(|l| !l.is_empty())
            .collect();
        first = format!("{first} {}", named.join(" "));
    }
    // Keep clap's list of allowed values: it says what to type instead.
    let allowed = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("[possible values: "))
        .and_then(|l| l.strip_suffix(']'))
        .map(|v| format!("; use one of: {v}"))
        .unwrap_or_default();
    format!("sidecheck: error: {first}{allowed}; see `sidecheck --help`")
}

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

    /// Language of the questions and messages: en or es. Default: SIDECHECK_LANG,
    /// else Spanish when LC_ALL, LC_MESSAGES or LANG is es_*, else English.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "es"])]
    pub lang: Option<String>,

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
    #[command(subcommand, after_help = BANK_EXAMPLES)]
    Bank(BankCommand),
    /// List the regions and their emergency, crisis and poison numbers.
    Regions(RegionsArgs),
    /// Show trends (a sparkline per section and symptom) and a table of past check-ins.
    History(HistoryArgs),
    /// Export check-ins: a JSON report, an HL7 FHIR R4 Bundle, CSV, or a printable HTML page.
    Export(ExportArgs),
    /// Add a check-in kept in a rescue file (written when a save failed) to the log.
    /// A check-in already in the log is not added again.
    Import(ImportArgs),
    /// Mark a check-in as your baseline: how you were before you started the
    /// medicine, or before a dose change. History and exports compare later
    /// check-ins with it. With no ID, shows which check-in is the baseline.
    Baseline(BaselineArgs),
    /// Show or change your "about you" answers (kidney problems, age 65 or older,
    /// pregnant or breastfeeding, epilepsy, driving). They are asked once, at the
    /// first guided check, kept in profile.json in the data folder, and can lower
    /// the point at which an answer raises an alert.
    Profile(ProfileArgs),
    /// Print a tab-completion script for your shell (bash, zsh, fish or powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff, as `man` reads it).
    #[command(after_help = MAN_EXAMPLES)]
    Man,
}

const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  sidecheck completions bash > ~/.local/share/bash-completion/completions/sidecheck
  sidecheck completions zsh > ~/.zfunc/_sidecheck
                      (with fpath+=~/.zfunc before compinit in ~/.zshrc)
  sidecheck completions fish > ~/.config/fish/completions/sidecheck.fish
  sidecheck completions powershell >> $PROFILE

Open a new shell afterwards; `sidecheck <Tab>` then offers the commands and options.";

/// The arguments of `sidecheck completions`.
#[derive(Debug, Args)]
#[command(after_help = COMPLETIONS_EXAMPLES)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

/// The shells `sidecheck completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

const MAN_EXAMPLES: &str = "\
Examples:
  sidecheck man | man -l -      Read the manual page without installing it
  mkdir -p ~/.local/share/man/man1
  sidecheck man > ~/.local/share/man/man1/sidecheck.1
                                Install it; then `man sidecheck`";

const PROFILE_EXAMPLES: &str = "\
Examples:
  sidecheck profile                             Show your answers (in a terminal, change them)
  sidecheck profile --set kidney=yes,older=no   Change them without questions
  sidecheck profile --answers about-me.json     Take them from a file: {\"kidney\": true}
  sidecheck profile --json                      Print them as JSON";

#[derive(Debug, Default, Args)]
#[command(after_help = PROFILE_EXAMPLES)]
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

const IMPORT_EXAMPLES: &str = "\
Examples:
  sidecheck import sidecheck-rescue-20261130-081500-1a2b3c4d5e6f.json
                                  Add a check-in kept when its save failed
  sidecheck import checkin.json   Any file holding one check-in record as JSON

A check-in already in the log is not added again, so importing twice is safe.";

#[derive(Debug, Args)]
#[command(after_help = IMPORT_EXAMPLES)]
pub struct ImportArgs {
    /// The rescue file (`sidecheck-rescue-<id>.json`), or any file holding one
    /// check-in record as JSON.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

const CHECK_EXAMPLES: &str = "\
Examples:
  sidecheck check                          The guided check, one question at a time
  sidecheck check --answers answers.json   From a file, no terminal needed
  sidecheck check --answers - --json < answers.json
                                           From standard input; print the saved record
  sidecheck check --resume                 Finish the check-in you stopped last
  sidecheck check --baseline               A check-in to compare later ones with
  sidecheck --region GB check              Show UK numbers in alerts

An answers file looks like {\"breathing\": false, \"drowsiness\": \"mild\", ...};
`sidecheck bank questions` lists every id and the answers it takes.";

#[derive(Debug, Default, Args)]
#[command(after_help = CHECK_EXAMPLES)]
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

    /// Mark this check-in as your baseline: take it before you start the medicine,
    /// or before a dose change, so that history and exports can show what changed
    /// since. A stopped check-in is not marked (the questions it never reached are
    /// not the same as "none").
    #[arg(long)]
    pub baseline: bool,

    /// Answer for someone you care for: every question and alert is about them
    /// ("has the person you care for had..."), and the check-in notes that a
    /// caregiver answered. Without it, the guided check asks who is answering.
    #[arg(long)]
    pub for_someone: bool,
}

const BASELINE_EXAMPLES: &str = "\
Examples:
  sidecheck baseline                  Which check-in is your baseline now
  sidecheck baseline last             Mark your last check-in as the baseline
  sidecheck baseline 20261130-0815    Mark the check-in whose id starts so
  sidecheck check --baseline          Take a new check-in and mark it";

#[derive(Debug, Args)]
#[command(after_help = BASELINE_EXAMPLES)]
pub struct BaselineArgs {
    /// The check-in to mark: an id, the start of one, or `last`. Leave it out to see
    /// which check-in is the baseline now.
    #[arg(value_name = "ID|last")]
    pub which: Option<String>,
}

const SHOW_EXAMPLES: &str = "\
Examples:
  sidecheck show                   The last saved check-in (the same as `show last`)
  sidecheck show 20261130-0815     The check-in whose id starts so
  sidecheck show last --json       The last check-in as JSON

`sidecheck history` lists the check-ins with their ids.";

#[derive(Debug, Args)]
#[command(after_help = SHOW_EXAMPLES)]
pub struct ShowArgs {
    /// A check-in id (or the start of one), or `last`.
    #[arg(default_value = "last", value_name = "ID|last")]
    pub which: String,

    /// Print the record as JSON.
    #[arg(long)]
    pub json: bool,
}

const REGIONS_EXAMPLES: &str = "\
Examples:
  sidecheck regions                The regions and their numbers, with sources
  sidecheck regions --json         The same table as JSON
  sidecheck --region GB check      Use one region's numbers for a check";

#[derive(Debug, Args)]
#[command(after_help = REGIONS_EXAMPLES)]
pub struct RegionsArgs {
    /// Print the table as JSON.
    #[arg(long)]
    pub json: bool,
}

const BANK_EXAMPLES: &str = "\
Examples:
  sidecheck bank questions                   Every question id, for an answers file
  sidecheck bank questions --json            The same as a JSON array
  sidecheck bank validate my-bank.json       Check a bank file, listing every problem
  sidecheck bank schema > bank.schema.json   The JSON Schema for bank files
  sidecheck --bank my-bank.json check        Run the check with your own bank";

const VALIDATE_HELP: &str = "\
Examples:
  sidecheck bank validate my-bank.json
  sidecheck bank validate questions/*.json
  sidecheck bank validate questions/baclofen.en.json questions/baclofen.es.json

A file with the same bank id as an earlier one, in another language, is its translation:
every difference that is not text (an id, a kind, a score, a condition, an alert's rule
or level, a placeholder) is reported.";

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Check bank files and report every problem found.
    #[command(after_help = VALIDATE_HELP)]
    Validate {
        /// Bank files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema for bank files.
    #[command(after_help = "Examples:\n  sidecheck bank schema > bank.schema.json")]
    Schema,
    /// List every question: id, section, kind, text, allowed answers, condition, alerts.
    #[command(
        after_help = "Examples:\n  sidecheck bank questions\n  sidecheck --bank my-bank.json bank questions --json"
    )]
    Questions {
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
}

const HISTORY_EXAMPLES: &str = "\
Examples:
  sidecheck history                         Every check-in
  sidecheck history --last 10               The last 10 check-ins
  sidecheck history --since 2026-11-01      From 1 November (local time) on
  sidecheck history --since 2026-11-01 --until 2026-11-30 --json

Dates are YYYY-MM-DD (a whole day, local time) or RFC 3339 times; both ends are included.
Grades go from 0 (none) to 4 (very severe); moderate or worse is grade 2 or more.
A section cell reads \"2 mod+, top 3\": 2 symptoms at moderate or worse, highest grade 3.
Trends use completed check-ins only. ▁ is 0, █ the highest in the period.";

/// The arguments of `sidecheck history`.
#[derive(Debug, Args)]
#[command(after_help = HISTORY_EXAMPLES)]
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

const EXPORT_EXAMPLES: &str = "\
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
#[command(after_help = EXPORT_EXAMPLES)]
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

    /// For --format csv: write every text exactly as it is, for analysis tools
    /// (pandas, R). By default a text that starts with =, +, -, @, a tab or a
    /// carriage return gets a leading apostrophe, so a spreadsheet shows it and
    /// never runs it as a formula; do not open a raw file in a spreadsheet.
    #[arg(long)]
    pub csv_raw: bool,

    /// Print the JSON Schema of the JSON report and exit.
    #[arg(long, conflicts_with_all = ["format", "since", "until", "output", "force", "bundle", "csv_raw"])]
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

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::{Cli, error_line};

    /// The one line a command line gives, as `parse` would print it.
    fn line(args: &[&str]) -> String {
        let e = Cli::try_parse_from(args).expect_err("a usage error");
        error_line(&e.render().to_string())
    }

    #[test]
    fn a_usage_error_is_one_line_with_what_to_type_instead() {
        assert_eq!(
            line(&["sidecheck", "export", "--format", "xml"]),
            "sidecheck: error: invalid value 'xml' for '--format <FORMAT>'; use one of: json, fhir, csv, html; see `sidecheck --help`"
        );
        assert_eq!(
            line(&["sidecheck", "history", "--last", "0"]),
            "sidecheck: error: invalid value '0' for '--last <N>': give a whole number of check-ins, 1 or more; see `sidecheck --help`"
        );
    }

    #[test]
    fn missing_arguments_are_named_on_the_same_line() {
        assert_eq!(
            line(&["sidecheck", "bank", "validate"]),
            "sidecheck: error: the following required arguments were not provided: <FILE>...; see `sidecheck --help`"
        );
    }

    #[test]
    fn every_command_has_examples_in_its_help() {
        fn each(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let path = format!("{path} {}", cmd.get_name());
            let help = cmd
                .get_after_help()
                .map(|h| h.to_string())
                .unwrap_or_default();
            if !help.starts_with("Examples:\n  ") || !help.contains(&path) {
                missing.push(path.clone());
            }
            for sub in cmd.get_subcommands() {
                each(sub, &path, missing);
            }
        }
        let mut missing = Vec::new();
        let cli = Cli::command();
        each(&cli, "", &mut missing);
        assert!(
            missing.is_empty(),
            "no examples (of itself) in --help: {missing:?}"
        );
        let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
        assert!(
            names.contains(&"completions") && names.contains(&"man"),
            "{names:?}"
        );
    }
}
