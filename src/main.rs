//! The `sidecheck` binary: parse arguments, run, print one line on error, exit.

use std::process::ExitCode;

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

    let cli = match sidecheck::cli::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
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

#[cfg(test)]
mod tests {
    /// The unwinder is linked statically on Linux (build.rs): a panic must still
    /// unwind to the catch in `main`, not abort the program.
    #[test]
    fn a_panic_unwinds_to_the_catch_in_main() {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let caught = std::panic::catch_unwind(|| panic!("a bug"));
        std::panic::set_hook(hook);
        assert!(caught.is_err());
    }
}
