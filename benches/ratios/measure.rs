//! Timing a command (best of several runs) and its peak memory (the child's maximum
//! resident set size: GNU `/usr/bin/time -v` when it is there, else `getrusage` of
//! the children in a fresh copy of this program, which has no other child).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A command to run: the program and its arguments. Its stdout goes to /dev/null.
#[derive(Debug, Clone)]
pub struct Cmd {
    pub program: String,
    pub args: Vec<String>,
}

impl Cmd {
    pub fn new(program: impl Into<String>, args: &[&str]) -> Cmd {
        Cmd {
            program: program.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
        }
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .env("NO_COLOR", "1");
        c
    }

    /// The command as one would type it (for messages).
    pub fn shown(&self) -> String {
        let mut s = self.program.clone();
        for a in &self.args {
            s.push(' ');
            s.push_str(a);
        }
        s
    }

    /// Runs it once; the wall time from start to exit. Fails if it fails.
    pub fn time_once(&self) -> Result<Duration, String> {
        let start = Instant::now();
        let out = self
            .command()
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.shown()))?;
        let took = start.elapsed();
        if !out.status.success() {
            return Err(format!(
                "{} failed ({}): {}",
                self.shown(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
        Ok(took)
    }

    /// Runs it once and returns what it wrote on stdout and stderr.
    pub fn output(&self) -> Result<(String, String), String> {
        let out = self
            .command()
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .map_err(|e| format!("cannot run {}: {e}", self.shown()))?;
        if !out.status.success() {
            return Err(format!(
                "{} failed ({}): {}",
                self.shown(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
        Ok((
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        ))
    }
}

/// How many times to run: at least `min` times, and more while the runs so far took
/// less than `budget` in all (at most `max`), so that a command of a millisecond is
/// run often enough for its best time to mean something.
#[derive(Debug, Clone, Copy)]
pub struct Runs {
    pub min: u32,
    pub max: u32,
    pub budget: Duration,
}

/// The best (shortest) time of `f` over `runs`.
pub fn best_of(
    runs: Runs,
    mut f: impl FnMut() -> Result<Duration, String>,
) -> Result<Duration, String> {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut n = 0;
    while n < runs.min.max(1) || (total < runs.budget && n < runs.max) {
        let t = f()?;
        best = best.min(t);
        total += t;
        n += 1;
    }
    Ok(best)
}

/// How peak memory is measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Peak {
    /// GNU time's "Maximum resident set size".
    GnuTime,
    /// `getrusage(RUSAGE_CHILDREN)` in a fresh copy of this program.
    Rusage,
}

impl Peak {
    /// GNU time if it works here, unless `PEAK=rusage` asks for the other way.
    pub fn choose(asked: Option<&str>) -> Peak {
        if asked == Some("rusage") || !gnu_time_works() {
            Peak::Rusage
        } else {
            Peak::GnuTime
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Peak::GnuTime => "max RSS from /usr/bin/time -v",
            Peak::Rusage => "max RSS from getrusage(RUSAGE_CHILDREN)",
        }
    }

    /// The command's peak resident memory, in KiB.
    pub fn kib(self, cmd: &Cmd) -> Result<u64, String> {
        let (prog, mut args) = match self {
            Peak::GnuTime => ("/usr/bin/time".to_string(), vec!["-v".to_string()]),
            Peak::Rusage => (
                std::env::current_exe()
                    .map_err(|e| format!("cannot find this program to measure memory: {e}"))?
                    .to_string_lossy()
                    .into_owned(),
                vec![PEAK_CHILD.to_string()],
            ),
        };
        args.push(cmd.program.clone());
        args.extend(cmd.args.iter().cloned());
        let out = Command::new(&prog)
            .args(&args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("NO_COLOR", "1")
            .output()
            .map_err(|e| format!("cannot run {prog}: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "{} failed while measuring memory ({}): {}",
                cmd.shown(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
                    .lines()
                    .next()
                    .unwrap_or("")
            ));
        }
        let found = match self {
            Peak::GnuTime => String::from_utf8_lossy(&out.stderr)
                .lines()
                .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
                .and_then(|v| v.trim().parse().ok()),
            Peak::Rusage => String::from_utf8_lossy(&out.stdout).trim().parse().ok(),
        };
        found.ok_or_else(|| format!("no peak memory figure for {}", cmd.shown()))
    }
}

fn gnu_time_works() -> bool {
    Path::new("/usr/bin/time").exists()
        && Command::new("/usr/bin/time")
            .args(["-v", "true"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .is_ok_and(|o| {
                o.status.success()
                    && String::from_utf8_lossy(&o.stderr).contains("Maximum resident set size")
            })
}

/// The first argument that makes this program measure one command's memory: it
/// runs the rest as a command, waits for it, and prints the children's peak
/// resident memory in KiB. This process has no other child, so that is the
/// command's.
pub const PEAK_CHILD: &str = "--peak-child";

/// `ratios --peak-child PROGRAM ARGS...`; see [`PEAK_CHILD`].
pub fn peak_child(args: &[String]) -> Result<u64, String> {
    let [program, rest @ ..] = args else {
        return Err(format!("{PEAK_CHILD} needs a command"));
    };
    let status = Command::new(program)
        .args(rest)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if !status.success() {
        return Err(format!("{program} failed ({status})"));
    }
    children_peak_kib()
}

#[cfg(unix)]
fn children_peak_kib() -> Result<u64, String> {
    use nix::sys::resource::{UsageWho, getrusage};
    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).map_err(|e| format!("getrusage: {e}"))?;
    let max = u64::try_from(usage.max_rss()).unwrap_or(0);
    // Linux and the BSDs count in KiB; macOS in bytes.
    Ok(if cfg!(target_os = "macos") {
        max / 1024
    } else {
        max
    })
}

#[cfg(not(unix))]
fn children_peak_kib() -> Result<u64, String> {
    Err("peak memory is measured on Unix only".into())
}
