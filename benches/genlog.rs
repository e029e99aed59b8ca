//! Writes a generated log (see `benches/generate/mod.rs`) for profiling or for
//! another benchmark: realistic check-ins from the bundled bank, one an hour, the
//! same for the same size and seed.
//!
//!   cargo bench --bench genlog -- 100000 /tmp/big/checkins.jsonl
//!   SEED=7 cargo bench --bench genlog -- 1000 -          (to stdout)
//!
//! Then, for example: `target/release/sidecheck --data-dir /tmp/big history`.
//! Not a user command, and not part of `cargo test`.

mod generate;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "genlog: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    // `cargo bench` adds `--bench`; anything else that starts with `--` is cargo's too.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let [count, path] = args.as_slice() else {
        let mut err = io::stderr();
        let _ = writeln!(
            err,
            "genlog: writes a generated log; usage: cargo bench --bench genlog -- COUNT FILE (FILE - for stdout; SEED=N to change the seed, default {})",
            generate::SEED
        );
        return Ok(());
    };
    let n: u64 = count
        .replace([',', '_'], "")
        .parse()
        .map_err(|_| format!("\"{count}\" is not a number of check-ins"))?;
    let seed = match std::env::var("SEED") {
        Ok(s) => s
            .parse()
            .map_err(|_| format!("SEED=\"{s}\" is not a number"))?,
        Err(_) => generate::SEED,
    };
    let started = Instant::now();
    let stats = if path == "-" {
        let mut out = BufWriter::new(io::stdout().lock());
        let stats = generate::write_log(&mut out, n, seed).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        stats
    } else {
        if let Some(dir) = std::path::Path::new(path).parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        let file = File::create(path).map_err(|e| format!("{path}: {e}"))?;
        let mut out = BufWriter::with_capacity(1 << 20, file);
        let stats = generate::write_log(&mut out, n, seed).map_err(|e| format!("{path}: {e}"))?;
        out.flush().map_err(|e| format!("{path}: {e}"))?;
        stats
    };
    let _ = writeln!(
        io::stderr(),
        "genlog: {} lines, {} bytes ({} a line) in {:.1} s: completed {} ({} finish a stopped one), stopped {}, baseline marks {}, with urgent alerts {}, with an alert taken back {}, with \"about you\" answers {}; regions {}; UTC offsets (minutes) {:?}",
        stats.lines,
        stats.bytes,
        stats.bytes_per_line(),
        started.elapsed().as_secs_f64(),
        stats.completed,
        stats.resumed,
        stats.stopped,
        stats.marks,
        stats.urgent,
        stats.retracted,
        stats.with_profile,
        stats.regions.join(" "),
        stats.offsets
    );
    Ok(())
}
