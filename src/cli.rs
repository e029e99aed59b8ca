//! Command-line arguments: every command's, with their value checks, their
//! `--help` words and how a mistake in them is told in one line. The commands
//! themselves are in [`crate::command`]; nothing here runs one.
//!
//! The words of `--help` (and so of the manual page and the completion scripts)
//! are in the catalogue's "Command-line help" section, named by where they stand:
//! `cli-about`, `cli-after` (the examples) and `cli-OPTION` for `sidecheck` itself,
//! `cli-COMMAND-about`, `cli-COMMAND-after`, `cli-COMMAND-OPTION` and
//! `cli-COMMAND-OPTION-VALUE` for each command ([`command`]). clap's own words
//! ("Usage:", "Options:", "Print help", "[default: ...]") stay clap's in English
//! and are put in from the catalogue for Spanish.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::{self, Lang, t, t_args};

/// Parses the command line. Help and the version are printed here (exit 0, or 2 for
/// help shown because a subcommand is missing); any other mistake is said in one
/// line on stderr (exit 2). `Err` holds the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    let args: Vec<OsString> = std::env::args_os().collect();
    // The language before the parse, so that help and a mistake are told in it.
    // `--lang` is one of the arguments being parsed, so it is looked for first;
    // the rule that picks the language is `i18n::choose`, as for everything else.
    i18n::set(i18n::choose(lang_asked(&args), |k| std::env::var(k).ok()));
    try_parse_from(args).map_err(|e| match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(2)
        }
        _ => {
            crate::sayln!("{}", error_line(&e));
            ExitCode::from(2)
        }
    })
}

/// The value of the last `--lang X` or `--lang=X` before any `--`, as written.
fn lang_asked(args: &[OsString]) -> Option<&str> {
    let mut asked = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => asked = args.next().flatten(),
            Some(arg) => asked = arg.strip_prefix("--lang=").or(asked),
            None => {}
        }
    }
    asked
}

/// Parses a command line. It is parsed first without the words of `--help`: a run
/// that parses shows none of them, so none is looked up in the catalogue. Only a
/// run that ends in help or a mistake parses again with them ([`command`]).
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let parse = |cmd: clap::Command| {
        cmd.try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    };
    parse(Cli::command()).or_else(|_| parse(command()))
}

/// Every command and option with its words in the language in use: what `--help`,
/// the manual page and the completion scripts show.
pub fn command() -> clap::Command {
    let cmd = worded(Cli::command(), "cli");
    match i18n::current() {
        Lang::En => cmd,
        Lang::Es => {
            let mut cmd = cmd;
            // clap adds its own flags, the `help` command and the usage as it
            // builds; built first, they are there to be put in Spanish.
            cmd.build();
            clap_words(cmd)
        }
    }
}

/// A command with the catalogue's words, under `id` and the names below it.
fn worded(cmd: clap::Command, id: &str) -> clap::Command {
    cmd.about(t(&format!("{id}-about")))
        .after_help(t(&format!("{id}-after")))
        .mut_args(|arg| {
            let arg_id = format!("{id}-{}", arg.get_id().as_str().replace('_', "-"));
            let arg = arg.help(t(&arg_id));
            // The values that have words of their own.
            match arg_id.as_str() {
                "cli-export-format" => arg.value_parser(Described::<Format>::new(arg_id)),
                "cli-export-bundle" => arg.value_parser(Described::<BundleKind>::new(arg_id)),
                _ => arg,
            }
        })
        .mut_subcommands(|sub| {
            let sub_id = format!("{id}-{}", sub.get_name());
            worded(sub, &sub_id)
        })
}

/// A value enum's parser whose values have their words from the catalogue
/// (`ID-VALUE`), looked up only when they are shown.
#[derive(Clone)]
struct Described<E: ValueEnum + Clone + Send + Sync + 'static> {
    id: String,
    values: EnumValueParser<E>,
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> Described<E> {
    fn new(id: String) -> Self {
        Described {
            id,
            values: EnumValueParser::new(),
        }
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Described<E> {
    type Value = E;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<E, clap::Error> {
        self.values.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        let values = E::value_variants()
            .iter()
            .filter_map(ValueEnum::to_possible_value);
        Some(Box::new(values.map(|v| {
            let words = t(&format!("{}-{}", self.id, v.get_name()));
            v.help(words)
        })))
    }
}

/// A built command with clap's own words put in from the catalogue: the headings,
/// the help and version flags, the `help` command, the value names and the usage.
fn clap_words(cmd: clap::Command) -> clap::Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t("cli-heading-usage")
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t("cli-heading-commands"))
        .subcommand_value_name(t("cli-value-command"))
        .mut_args(arg_words)
        .mut_subcommands(|sub| match sub.get_name() {
            "help" => clap_words(sub.about(t("cli-help-command"))),
            _ => clap_words(sub),
        });
    // The usage last, once the value names are in Spanish: clap's, without its
    // heading (the template has it) and with the options named in Spanish.
    let usage = cmd.render_usage().to_string();
    let usage = usage.split_once(' ').map_or(usage.as_str(), |(_, u)| u);
    let usage = usage.replace("[OPTIONS]", &t("cli-usage-options"));
    cmd.override_usage(usage)
}

/// One argument with clap's words put in from the catalogue. The notes clap adds
/// to a help text (the default, the allowed values, the environment variable) are
/// written here instead, in the same order.
fn arg_words(arg: Arg) -> Arg {
    let heading = match arg.is_positional() {
        true => t("cli-heading-arguments"),
        false => t("cli-heading-options"),
    };
    let arg = arg.help_heading(heading);
    let arg = match arg.get_action() {
        ArgAction::Help if arg.get_long_help().is_some() => arg
            .help(t("cli-help-flag-more"))
            .long_help(t("cli-help-flag-summary")),
        ArgAction::Help => arg.help(t("cli-help-flag")),
        ArgAction::Version => arg.help(t("cli-version-flag")),
        _ if arg.get_id() == "subcommand" => arg.help(t("cli-help-command-arg")),
        _ => arg,
    };
    let arg = match arg.get_value_names() {
        Some(names) => {
            let names: Vec<String> = names.iter().map(|n| value_name(n)).collect();
            arg.value_names(names)
        }
        None => arg,
    };
    if !arg.get_action().takes_values() {
        return arg;
    }
    let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
    let values: Vec<PossibleValue> = arg
        .get_possible_values()
        .into_iter()
        .filter(|v| !v.is_hide_set())
        .collect();
    let described = values.iter().any(|v| v.get_help().is_some());
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(t_args("cli-default", &[("value", &defaults.join(" "))]));
    }
    if !values.is_empty() && !described && !arg.is_hide_possible_values_set() {
        let names: Vec<&str> = values.iter().map(PossibleValue::get_name).collect();
        notes.push(t_args("cli-values", &[("values", &names.join(", "))]));
    }
    if let Some(var) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        notes.push(t_args("cli-env", &[("var", &var.to_string_lossy())]));
    }
    let short = std::iter::once(help.clone()).chain(notes.iter().cloned());
    let short = short.collect::<Vec<_>>().join(" ");
    let arg = arg
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true);
    if !described {
        return arg.help(short);
    }
    // As clap does with values that have words: a list of them in the long help.
    let mut long = format!("{help}\n\n{}", t("cli-possible-values"));
    for v in &values {
        let words = v.get_help().map(|h| h.to_string()).unwrap_or_default();
        long.push_str(&format!("\n- {}: {words}", v.get_name()));
    }
    if !notes.is_empty() {
        long.push_str(&format!("\n\n{}", notes.join(" ")));
    }
    arg.help(short).long_help(long)
}

/// A value name (`FILE`) in the language in use: `cli-value-NAME`, where the
/// catalogue has one; names typed as they are (`ID|last`) have none.
fn value_name(name: &str) -> String {
    let id = format!("cli-value-{}", name.to_lowercase());
    match t(&id) {
        words if words == id => name.to_string(),
        words => words,
    }
}

/// A usage error as sidecheck's one line: "sidecheck: error: WHAT[; use one of:
/// VALUES]; see `sidecheck --help`". In English WHAT is clap's own first line; in
/// Spanish it is said from the kind of mistake and what clap names in it.
pub fn error_line(e: &clap::Error) -> String {
    let text = e.render().to_string();
    let what = match i18n::current() {
        Lang::En => clap_line(&text),
        Lang::Es => error_words(e),
    };
    // Keep clap's list of allowed values: it says what to type instead.
    let allowed = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("[possible values: "))
        .and_then(|l| l.strip_suffix(']'))
        .map(|v| t_args("cli-error-allowed", &[("values", v)]))
        .unwrap_or_default();
    t_args("cli-error", &[("what", &what), ("allowed", &allowed)])
}

/// clap's first line without "error: "; the arguments it lists on the lines after
/// ("the following required arguments were not provided:") on the same line.
fn clap_line(text: &str) -> String {
    let Some(first) = text.lines().next() else {
        return t("cli-error-bad");
    };
    let first = first.strip_prefix("error: ").unwrap_or(first).to_string();
    if !first.ends_with(':') {
        return first;
    }
    let named: Vec<&str> = text
        .lines()
        .skip(1)
        .map(str::trim)
        .take_while(|l| !l.is_empty())
        .collect();
    format!("{first} {}", named.join(" "))
}

/// What went wrong, in the catalogue's words, from what clap says of it.
fn error_words(e: &clap::Error) -> String {
    let said = |kind: ContextKind| match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(" "),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        _ => String::new(),
    };
    let arg = said(ContextKind::InvalidArg);
    let value = said(ContextKind::InvalidValue);
    match e.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            t_args("cli-error-no-value", &[("arg", &arg)])
        }
        ErrorKind::InvalidValue => t_args(
            "cli-error-invalid-value",
            &[("value", &value), ("arg", &arg)],
        ),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .map(|why| why.to_string())
                .unwrap_or_default();
            t_args(
                "cli-error-invalid-value-why",
                &[("value", &value), ("arg", &arg), ("why", &why)],
            )
        }
        ErrorKind::UnknownArgument => t_args("cli-error-unknown-argument", &[("arg", &arg)]),
        ErrorKind::InvalidSubcommand => {
            let name = said(ContextKind::InvalidSubcommand);
            t_args("cli-error-unknown-command", &[("name", &name)])
        }
        ErrorKind::MissingRequiredArgument => t_args("cli-error-missing", &[("args", &arg)]),
        ErrorKind::ArgumentConflict => match said(ContextKind::PriorArg) {
            // clap's word for an option given twice.
            other if other == arg => t_args("cli-error-repeated", &[("arg", &arg)]),
            other => t_args("cli-error-conflict", &[("arg", &arg), ("other", &other)]),
        },
        ErrorKind::TooManyValues => {
            t_args("cli-error-too-many", &[("value", &value), ("arg", &arg)])
        }
        ErrorKind::InvalidUtf8 => t("cli-error-utf8"),
        _ => t("cli-error-bad"),
    }
}

#[derive(Debug, Parser)]
#[command(name = "sidecheck", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    #[arg(long, global = true, value_name = "FILE")]
    pub bank: Option<PathBuf>,

    #[arg(long, global = true, value_name = "CODE")]
    pub region: Option<String>,

    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "es"])]
    pub lang: Option<String>,

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
    Check(CheckArgs),
    Show(ShowArgs),
    #[command(subcommand)]
    Bank(BankCommand),
    Regions(RegionsArgs),
    History(HistoryArgs),
    Export(ExportArgs),
    Import(ImportArgs),
    Baseline(BaselineArgs),
    Profile(ProfileArgs),
    Completions(CompletionsArgs),
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Default, Args)]
pub struct ProfileArgs {
    #[arg(long, value_name = "ID=yes|no")]
    pub set: Vec<String>,

    #[arg(long, value_name = "FILE", conflicts_with = "set")]
    pub answers: Option<String>,

    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Default, Args)]
pub struct CheckArgs {
    #[arg(long, value_name = "FILE")]
    pub answers: Option<String>,

    #[arg(long)]
    pub resume: bool,

    #[arg(long)]
    pub json: bool,

    #[arg(long)]
    pub baseline: bool,

    #[arg(long)]
    pub for_someone: bool,
}

#[derive(Debug, Args)]
pub struct BaselineArgs {
    #[arg(value_name = "ID|last")]
    pub which: Option<String>,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    #[arg(default_value = "last", value_name = "ID|last")]
    pub which: String,

    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RegionsArgs {
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    Schema,
    Questions {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    #[arg(long, value_name = "N", value_parser = parse_last)]
    pub last: Option<u64>,

    #[arg(long)]
    pub json: bool,
}

fn parse_last(text: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(t("cli-last-invalid")),
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Json)]
    pub format: Format,

    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    #[arg(long, requires = "output")]
    pub force: bool,

    #[arg(long, value_enum, value_name = "TYPE")]
    pub bundle: Option<BundleKind>,

    #[arg(long)]
    pub csv_raw: bool,

    #[arg(long, conflicts_with_all = ["format", "since", "until", "output", "force", "bundle", "csv_raw"])]
    pub schema: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Fhir,
    Csv,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum BundleKind {
    #[default]
    Collection,
    Transaction,
}

#[cfg(test)]
mod tests {
    use super::{command, error_line, try_parse_from};

    /// The one line a command line gives, as `parse` would print it.
    fn line(args: &[&str]) -> String {
        let e = try_parse_from(args).expect_err("a usage error");
        error_line(&e)
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
        let cli = command();
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
