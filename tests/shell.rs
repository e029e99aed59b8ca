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

    if Command::new("man").arg("--version").output().is_err() {
        eprintln!("note: `man` is not installed here, so the page was not rendered by it");
        return;
    }
    let file = env.file("sidecheck.1", &page);
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
    let text = stdout(&shown);
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
