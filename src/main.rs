//! The `sidecheck` binary: parse arguments, run, print one line on error, exit.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    // A bug must still end in one plain line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        sidecheck::sayln!("sidecheck: internal error ({what}); this is a bug, please report it");
    }));

    let cli = match sidecheck::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            return ExitCode::from(2);
        }
        Err(e) => {
            let text = e.render().to_string();
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
            sidecheck::sayln!("sidecheck: error: {first}{allowed}; see `sidecheck --help`");
            return ExitCode::from(2);
        }
    };
    match std::panic::catch_unwind(|| sidecheck::run(cli)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(e)) if e.is_stop() => ExitCode::from(e.exit_code()),
        Ok(Err(e)) => {
            for line in e.to_string().lines() {
                sidecheck::sayln!("sidecheck: error: {line}");
            }
            ExitCode::from(e.exit_code())
        }
        Err(_) => ExitCode::from(1),
    }
}
