//! `sidecheck completions SHELL` and `sidecheck man`: what an installed command puts
//! beside itself. Both are made from the argument definitions in [`crate::cli`],
//! the same ones `--help` shows, so neither falls behind a new command or option.

use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use super::Context;
use crate::cli::{CompletionsArgs, Shell, command as cli};
use crate::error::Error;
use crate::i18n::{t, t_args};

/// The name the shell completes and the manual page is about.
const NAME: &str = "sidecheck";

/// Writes the completion script for one shell to stdout.
pub fn completions(ctx: &Context<'_>, args: &CompletionsArgs) -> Result<(), Error> {
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    };
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli(), NAME, &mut script);
    let script = as_text(script).ok_or_else(|| Error::Runtime(t("cli-completions-not-utf8")))?;
    ctx.out(&script)
}

/// Writes the manual page (roff, section 1) to stdout: one page, as `man sidecheck`
/// shows it, with every command's options and examples (clap_mangen alone would
/// point to a page per command, and fill the examples' columns into a paragraph).
pub fn man(ctx: &Context<'_>) -> Result<(), Error> {
    let cli = cli().name(NAME);
    let page = Man::new(cli.clone());
    let mut roff = Vec::new();
    let head = [
        Man::render_title,
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ];
    head.iter()
        .try_for_each(|render| render(&page, &mut roff))
        .and_then(|()| commands_section(&cli).to_writer(&mut roff))
        .and_then(|()| page.render_version_section(&mut roff))
        .map_err(|e| Error::Runtime(t_args("cli-man-failed", &[("error", &e.to_string())])))?;
    let page = as_text(roff).ok_or_else(|| Error::Runtime(t("cli-man-not-utf8")))?;
    ctx.out(&titled(&page))
}

/// The page with clap_mangen's section titles (NAME, SYNOPSIS, ...) in the
/// language in use.
fn titled(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for line in page.lines() {
        let id = match line.strip_prefix(".SH ") {
            Some("NAME") => Some("cli-man-name"),
            Some("SYNOPSIS") => Some("cli-man-synopsis"),
            Some("DESCRIPTION") => Some("cli-man-description"),
            Some("OPTIONS") => Some("cli-man-options"),
            Some("VERSION") => Some("cli-man-version"),
            _ => None,
        };
        match id {
            Some(id) => out.push_str(&format!(".SH {}", t(id))),
            None => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// COMMANDS: each command (and `bank`'s own) with what it does, its options and its
/// examples; then the examples and notes of `sidecheck --help`.
fn commands_section(cli: &clap::Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", [t("cli-man-commands").as_str()]);
    for sub in cli.get_subcommands() {
        command(&mut roff, sub, NAME);
    }
    if let Some(after) = cli.get_after_help() {
        roff.control("SH", [t("cli-man-examples").as_str()]);
        unfilled(&mut roff, &after.to_string());
    }
    roff
}

/// One command: a subsection named as it is typed, then its parts.
fn command(roff: &mut Roff, cmd: &clap::Command, parent: &str) {
    let name = format!("{parent} {}", cmd.get_name());
    roff.control("SS", [name.as_str()]);
    if let Some(about) = cmd.get_long_about().or(cmd.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        roff.control("TP", []);
        roff.text(arg_term(arg));
        if let Some(help) = arg.get_long_help().or(arg.get_help()) {
            roff.text([roman(help.to_string())]);
        }
        // A flag's own true/false is not a value anyone types.
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set() && arg.get_action().takes_values())
            .map(|v| v.get_name().to_string())
            .collect();
        if !values.is_empty() {
            roff.text([roman(t_args(
                "cli-man-one-of",
                &[("values", &values.join(", "))],
            ))]);
        }
    }
    if let Some(after) = cmd.get_after_help() {
        roff.control("PP", []);
        unfilled(roff, &after.to_string());
    }
    for sub in cmd.get_subcommands() {
        command(roff, sub, &name);
    }
}

/// How an argument is typed: `--format <FORMAT>`, `-o, --output <FILE>`, `<FILE>`.
fn arg_term(arg: &clap::Arg) -> Vec<Inline> {
    let value = arg
        .get_value_names()
        .map(|names| names.iter().map(|n| format!("<{n}>")).collect::<Vec<_>>())
        .unwrap_or_default()
        .join(" ");
    let flag = match (arg.get_short(), arg.get_long()) {
        (Some(s), Some(l)) => format!("-{s}, --{l}"),
        (None, Some(l)) => format!("--{l}"),
        (Some(s), None) => format!("-{s}"),
        (None, None) => return vec![italic(value)],
    };
    let takes_value = arg.get_action().takes_values();
    match takes_value && !value.is_empty() {
        true => vec![bold(flag), roman(" "), italic(value)],
        false => vec![bold(flag)],
    }
}

/// Text whose lines and columns stay as written (the examples).
fn unfilled(roff: &mut Roff, text: &str) {
    roff.control("nf", []);
    for line in text.lines() {
        roff.text([roman(line)]);
    }
    roff.control("fi", []);
}

/// Generated text as a string: the help texts it is made of are Rust strings, so it
/// is UTF-8 unless a generator breaks.
fn as_text(bytes: Vec<u8>) -> Option<String> {
    String::from_utf8(bytes).ok()
}
