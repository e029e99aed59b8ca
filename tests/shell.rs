//! `sidecheck completions SHELL` and `sidecheck man`: every command is in each
//! shell's script and in the manual page, and `man` itself renders the page.

use std::process::Command;

use clap::CommandFactory;

use crate::support::*;

/// Every command as typed after `sidecheck` (`check`, `bank validate`), from the
/// definitions the binary is built from.
fn commands() -> Vec<String> {
    fn each(cmd: &clap::Command, parent: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            let path = format!("{parent}{}", sub.get_name());
            out.push(path.clone());
            each(sub, &format!("{path} "), out);
        }
    }
    let mut all = Vec::new();
    each(&sidecheck::cli::Cli::command(), "", &mut all);
    for known in [
        "check",
        "history",
        "export",
        "bank validate",
        "completions",
        "man",
    ] {
        assert!(
            all.iter().any(|c| c == known),
            "{known} is not a command: {all:?}"
        );
    }
    all
}

/// The words of a text: runs of letters, digits and `-` (so `man` is not found in
/// `command`, and `sidecheck__bank__validate` holds `validate`).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn each_shells_completions_name_every_command() {
    let env = Env::new();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef sidecheck"),
        ("fish", "complete -c sidecheck"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = env
            .run(["completions", shell])
            .code(0)
            .stderr_empty()
            .stdout_has(marker);
        let script = stdout(&out);
        let found = words(&script);
        for command in commands() {
            for word in command.split(' ') {
                assert!(found.contains(&word), "{shell}: no \"{word}\" ({command})");
            }
        }
        // Options too, global and a command's own (fish writes `-l data-dir`).
        for option in ["data-dir", "region", "answers", "format"] {
            assert!(
                found.contains(&option) || found.contains(&format!("--{option}").as_str()),
                "{shell}: no --{option}"
            );
        }
    }
    env.run(["completions", "tcsh"])
        .code(2)
        .stderr_has("use one of: bash, zsh, fish, powershell");
}

/// The page as `man -l` shows it, with no warning; None where `man` is missing.
fn shown_by_man(env: &Env, name: &str, page: &str) -> Option<String> {
    if Command::new("man").arg("--version").output().is_err() {
        eprintln!("note: `man` is not installed here, so the page was not rendered by it");
        return None;
    }
    let file = env.file(name, page);
    let shown = Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANWIDTH", "100")
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env_remove("MAN_KEEP_FORMATTING")
        .run()
        .code(0)
        .stderr_lacks("warning")
        .stderr_lacks("error");
    Some(stdout(&shown))
}

#[test]
fn the_manual_page_has_every_command_and_man_renders_it() {
    let env = Env::new();
    let out = env.run(["man"]).code(0).stderr_empty();
    let page = stdout(&out);
    assert!(
        page.contains("\n.TH sidecheck 1 "),
        "no title line:\n{page}"
    );
    for section in ["NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "EXAMPLES"] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "no {section}");
    }
    for command in commands() {
        let heading = format!("\n.SS \"sidecheck {command}\"\n");
        assert!(page.contains(&heading), "no {heading:?}");
    }
    // The examples keep their columns: set unfilled.
    assert!(page.contains("\n.nf\n") && page.contains("\n.fi\n"));

    let Some(text) = shown_by_man(&env, "sidecheck.1", &page) else {
        return;
    };
    for part in [
        "NAME",
        "COMMANDS",
        "EXAMPLES",
        "sidecheck check --answers answers.json",
    ] {
        assert!(text.contains(part), "man shows no {part:?}:\n{text}");
    }
    for command in commands() {
        let heading = format!("   sidecheck {command}\n");
        assert!(text.contains(&heading), "man shows no {heading:?}:\n{text}");
    }
}

/// What clap or the English help would say, which Spanish help must not: clap's
/// headings, flags and notes, the English value names, and common English words.
const ENGLISH: &[&str] = &[
    "Usage:",
    "Commands:",
    "Options:",
    "Arguments:",
    "Examples:",
    "Possible values:",
    "[default:",
    "[possible values:",
    "[env:",
    "Print help",
    "Print version",
    "Print this message",
    "[OPTIONS]",
    "COMMAND",
    "<FILE>",
    "<DATE>",
    "<DIR>",
    " the ",
    " your ",
    " and ",
    " with ",
    " for ",
];

#[test]
fn spanish_help_of_every_command_has_no_english_left() {
    let env = Env::new();
    let mut paths = vec![String::new()];
    paths.extend(commands());
    for path in &paths {
        for flag in ["--help", "-h"] {
            let mut args = vec!["--lang", "es"];
            args.extend(path.split_whitespace());
            args.push(flag);
            let help = stdout(&env.run(&args).code(0).stderr_empty());
            for english in ENGLISH {
                assert!(
                    !help.contains(english),
                    "`sidecheck {path} {flag}` in Spanish says {english:?}:\n{help}"
                );
            }
            for spanish in ["Uso: sidecheck", "Opciones:", "Ejemplos:"] {
                assert!(help.contains(spanish), "no {spanish:?} in:\n{help}");
            }
        }
    }
    // The locale picks Spanish too, and `--lang en` goes back to English.
    let by_locale = env
        .cmd()
        .env("LANG", "es_US.UTF-8")
        .arg("--help")
        .run()
        .code(0);
    assert!(stdout(&by_locale).contains("\nUso: sidecheck [OPCIONES] [COMANDO]\n"));
    let back = env
        .cmd()
        .env("LANG", "es_US.UTF-8")
        .args(["--lang", "en", "--help"])
        .run()
        .code(0);
    assert!(stdout(&back).contains("\nUsage: sidecheck [OPTIONS] [COMMAND]\n"));
}

#[test]
fn a_spanish_usage_error_is_one_spanish_line_and_the_english_one_is_unchanged() {
    let env = Env::new();
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["export", "--format", "xml"],
            "sidecheck: error: invalid value 'xml' for '--format <FORMAT>'; use one of: json, fhir, csv, html; see `sidecheck --help`",
            "sidecheck: error: valor no válido 'xml' para '--format <FORMATO>'; use uno de estos: json, fhir, csv, html; vea `sidecheck --help`",
        ),
        (
            &["history", "--last", "0"],
            "sidecheck: error: invalid value '0' for '--last <N>': give a whole number of check-ins, 1 or more; see `sidecheck --help`",
            "sidecheck: error: valor no válido '0' para '--last <N>': indique un número entero de controles, 1 o más; vea `sidecheck --help`",
        ),
        (
            &["bank", "validate"],
            "sidecheck: error: the following required arguments were not provided: <FILE>...; see `sidecheck --help`",
            "sidecheck: error: faltan estos argumentos obligatorios: <ARCHIVO>...; vea `sidecheck --help`",
        ),
    ];
    for (args, english, spanish) in cases {
        let out = env.run(args).code(2);
        assert_eq!(stderr(&out), format!("{english}\n"));
        let out = env
            .cmd()
            .env("SIDECHECK_LANG", "es")
            .args(args)
            .run()
            .code(2);
        assert_eq!(stderr(&out), format!("{spanish}\n"));
    }
    for args in [
        &["--nosuch"][..],
        &["nosuch"],
        &["--region"],
        &["show", "a", "b"],
    ] {
        let out = env
            .cmd()
            .env("LANG", "es_MX.UTF-8")
            .args(args)
            .run()
            .code(2);
        let line = stderr(&out);
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(
            line.starts_with("sidecheck: error: ") && line.ends_with("; vea `sidecheck --help`\n"),
            "{line}"
        );
        for english in [" the ", "found", "unexpected", "unrecognized", "required"] {
            assert!(!line.contains(english), "{args:?}: {line}");
        }
    }
}

#[test]
fn the_spanish_manual_page_and_completions_are_in_spanish() {
    let env = Env::new();
    let page = stdout(&env.run(["--lang", "es", "man"]).code(0).stderr_empty());
    for section in ["NOMBRE", "SINOPSIS", "OPCIONES", "COMANDOS", "EJEMPLOS"] {
        assert!(page.contains(&format!("\n.SH {section}\n")), "no {section}");
    }
    for english in ["NAME", "SYNOPSIS", "OPTIONS", "COMMANDS", "EXAMPLES"] {
        assert!(!page.contains(&format!("\n.SH {english}\n")), "{english}");
    }
    assert!(page.contains("Muestra un control guardado"));
    let zsh = stdout(&env.run(["--lang", "es", "completions", "zsh"]).code(0));
    assert!(zsh.contains("Muestra un control guardado"), "{zsh}");
    let Some(text) = shown_by_man(&env, "sidecheck.es.1", &page) else {
        return;
    };
    for part in [
        "NOMBRE",
        "COMANDOS",
        "EJEMPLOS",
        "sidecheck check --answers answers.json",
    ] {
        assert!(text.contains(part), "man shows no {part:?}:\n{text}");
    }
}

/// A help text the catalogue is missing shows as its id (`cli-check-for-someone`),
/// which no test of the words would notice: every command's help, in both languages,
/// names no catalogue id.
#[test]
fn every_help_text_is_in_the_catalogue_in_both_languages() {
    let env = Env::new();
    let mut paths = vec![String::new()];
    paths.extend(commands());
    for lang in ["en", "es"] {
        for path in &paths {
            let mut args = vec!["--lang", lang];
            args.extend(path.split_whitespace());
            args.push("--help");
            let help = stdout(&env.run(&args).code(0).stderr_empty());
            assert!(
                !words(&help).iter().any(|w| w.starts_with("cli-")),
                "`sidecheck --lang {lang} {path} --help` shows a catalogue id:\n{help}"
            );
        }
    }
}
