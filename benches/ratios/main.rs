//! The benchmark that prints ratios (issue 12): in one run, on logs made by the
//! generator (`benches/generate/`), the release binary's `history` and every export
//! format (wall time, MB/s, and the ratio to `wc -l` and to jq on the same file),
//! `show last` and `show ID` at a small and a large log, a scripted check-in with
//! save against `/bin/true`, and peak memory at two sizes. Each target of the
//! issue gets PASS or MISS.
//!
//!   cargo bench --bench ratios                     # 100,000 check-ins
//!   QUICK=1 cargo bench --bench ratios             # 10,000, fewer runs
//!   cargo bench --bench ratios -- --markdown       # also as Markdown (or MARKDOWN=1)
//!   ENFORCE=1 cargo bench --bench ratios           # exit 1 if a target is missed
//!
//! Sizes: LARGE (default 100,000 check-ins: speed, `show` and memory), SMALL
//! (10,000: memory) and TINY (1,000: `show`); RUNS (3): each time is the best of at
//! least that many runs, more for short commands (up to 5 s or 50 runs); SEED
//! (12) for the generator; SIDECHECK_BIN to time another build; PEAK=rusage to
//! measure memory with getrusage even where GNU time is installed.
//!
//! Never part of `cargo test`: run without `--bench` (as `cargo test --benches`
//! does) it says how to run it and stops.

#[path = "../generate/mod.rs"]
mod generate;
mod measure;
mod table;

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sidecheck::bank::Bank;
use sidecheck::record::Status;
use sidecheck::store::{Entry, Store};

use generate::{Generator, Item, Stats};
use measure::{Cmd, Peak, Runs, best_of};
use table::{Row, Verdict, mib, ratio, short, thousands, times};

/// Issue 12's targets.
const MIN_MBPS: f64 = 300.0;
/// `show last` on the large log: at most this many times its time on the tiny one,
/// plus [`SHOW_SLACK`] for noise.
const SHOW_GROWTH: f64 = 1.5;
const SHOW_SLACK: Duration = Duration::from_millis(2);
/// `show ID` on the large log: at most this share of a full scan.
const SHOW_ID_SHARE: f64 = 0.25;
/// A scripted check-in with save: at most this many times `/bin/true`.
const CHECK_RATIO: f64 = 3.0;
/// Peak memory from the small to the large log: at most this much more (as
/// `benches/memory.sh` allows).
const GROWTH_KIB: u64 = 2048;

/// The answers of the scripted check-in (as `benches/memory.sh` uses): alerts,
/// follow-ups and every kind of answer.
const ANSWERS: &str = r#"{"breathing": true, "seizure": false, "suicidal_thoughts": false,
 "upset_stomach": "mild", "drowsiness": 2, "dizziness": "none", "insomnia": 1,
 "weakness": 0, "confusion": 0, "depression": 1, "pump": false, "dose_change": true,
 "stopped": false, "missed_days": 2, "tremors": "moderate", "withdrawal_insomnia": 0, "irritability": 1,
 "cravings": 0, "angry_outbursts": "never", "hallucinations": false,
 "fever_stiffness": false, "euphoria": "never", "more_than_prescribed": false,
 "tolerance": false, "alcohol_sedatives": true, "notes": "a bit tired"}
"#;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(measure::PEAK_CHILD) {
        return match measure::peak_child(&args[1..]) {
            Ok(kib) => {
                let _ = writeln!(io::stdout(), "{kib}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                let _ = writeln!(io::stderr(), "ratios: {e}");
                ExitCode::FAILURE
            }
        };
    }
    if !args.iter().any(|a| a == "--bench") {
        let _ = writeln!(
            io::stderr(),
            "ratios: a benchmark, not a test; run it with `cargo bench --bench ratios` (QUICK=1 for a short run)"
        );
        return ExitCode::SUCCESS;
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            let _ = writeln!(io::stderr(), "ratios: {e}");
            ExitCode::from(2)
        }
    }
}

/// What to run, from the environment and the arguments.
struct Config {
    large: u64,
    small: u64,
    tiny: u64,
    runs: Runs,
    seed: u64,
    markdown: bool,
    enforce: bool,
    bin: PathBuf,
    /// Whether `bin` came from `SIDECHECK_BIN`, so it need not be this tree's build.
    bin_given: bool,
    peak: Peak,
}

impl Config {
    fn read(args: &[String]) -> Result<Config, String> {
        let quick = flag("QUICK");
        let (large, small, tiny, runs) = if quick {
            (10_000, 1_000, 1_000, 2)
        } else {
            (100_000, 10_000, 1_000, 3)
        };
        let given = std::env::var_os("SIDECHECK_BIN");
        let bin_given = given.is_some();
        let bin = match given {
            Some(b) => PathBuf::from(b),
            None => PathBuf::from(env!("CARGO_BIN_EXE_sidecheck")),
        };
        if !bin.is_file() {
            return Err(format!("no sidecheck binary at {}", bin.display()));
        }
        let config = Config {
            large: number("LARGE", large)?,
            small: number("SMALL", small)?,
            tiny: number("TINY", tiny)?,
            runs: Runs {
                min: u32::try_from(number("RUNS", runs)?).unwrap_or(u32::MAX),
                max: 50,
                // On this kind of virtual machine the same export's CPU time swung
                // from 0.70 to 0.94 s over 8 runs in a row, so a command of a second
                // gets some 5 runs, not 3, for its best time to be the program's.
                budget: Duration::from_millis(if quick { 500 } else { 5000 }),
            },
            seed: number("SEED", generate::SEED)?,
            markdown: flag("MARKDOWN") || args.iter().any(|a| a == "--markdown"),
            enforce: flag("ENFORCE"),
            bin,
            bin_given,
            peak: Peak::choose(std::env::var("PEAK").ok().as_deref()),
        };
        if config.tiny < 2 || config.small < 2 || config.large < 2 {
            return Err("LARGE, SMALL and TINY must be at least 2 check-ins".into());
        }
        Ok(config)
    }

    fn sidecheck(&self, log: &Log, args: &[&str]) -> Cmd {
        let mut all = vec!["--data-dir", path_str(&log.dir)];
        all.extend_from_slice(args);
        Cmd::new(self.bin.to_string_lossy(), &all)
    }
}

fn flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

fn number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name) {
        Ok(v) => v
            .replace([',', '_'], "")
            .parse()
            .map_err(|_| format!("{name}=\"{v}\" is not a whole number")),
        Err(_) => Ok(default),
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap_or("")
}

/// A generated log in its own data folder.
struct Log {
    n: u64,
    dir: PathBuf,
    file: PathBuf,
    stats: Stats,
    /// An ordinary completed check-in in the middle of the log, and the newest one.
    middle_id: String,
    newest_id: String,
}

impl Log {
    fn make(parent: &Path, n: u64, seed: u64) -> Result<Log, String> {
        let dir = parent.join(format!("log-{n}"));
        private_dir(&dir)?;
        let file = dir.join(sidecheck::store::LOG_NAME);
        let bank = Bank::bundled().map_err(|e| e.to_string())?;
        let mut generator = Generator::new(&bank, n, seed);
        let mut out = BufWriter::with_capacity(1 << 20, private_file(&file)?);
        let mut stats = Stats::default();
        let (mut middle_id, mut newest_id) = (None, None);
        while let Some((item, line)) = generator.next_line() {
            stats.note(&item, &line);
            if let Item::CheckIn(r) = &item
                && r.status == Status::Completed
                && r.completes.is_none()
            {
                if stats.checkins() > n / 2 && middle_id.is_none() {
                    middle_id = Some(r.id.clone());
                }
                newest_id = Some(r.id.clone());
            }
            out.write_all(line.as_bytes())
                .map_err(|e| format!("{}: {e}", file.display()))?;
        }
        out.flush()
            .map_err(|e| format!("{}: {e}", file.display()))?;
        let (Some(middle_id), Some(newest_id)) = (middle_id, newest_id) else {
            return Err(format!("the log of {n} has no completed check-in"));
        };
        Ok(Log {
            n,
            dir,
            file,
            stats,
            middle_id,
            newest_id,
        })
    }

    /// Reads the log in this process, the way every command does (the store's
    /// reader, each line parsed into a record); fails unless every line is a
    /// check-in or a mark.
    fn scan(&self) -> Result<Duration, String> {
        let start = Instant::now();
        let (mut records, mut marks, mut bad) = (0u64, 0u64, 0u64);
        let reader = Store::new(self.dir.clone())
            .reader()
            .map_err(|e| e.to_string())?;
        for entry in reader {
            match entry {
                Entry::Record(_) => records += 1,
                Entry::Mark(_) => marks += 1,
                Entry::Bad(_) => bad += 1,
                Entry::Failed(e) => return Err(e.to_string()),
            }
        }
        let took = start.elapsed();
        if records != self.stats.checkins() || marks != self.stats.marks || bad != 0 {
            return Err(format!(
                "the generated log of {} check-ins and {} marks reads as {records} check-ins, {marks} marks and {bad} bad lines",
                self.stats.checkins(),
                self.stats.marks
            ));
        }
        Ok(took)
    }

    /// `history` must read every line as a check-in, with no warning.
    fn check(&self, config: &Config) -> Result<(), String> {
        let (out, err) = config.sidecheck(self, &["history"]).output()?;
        let counted = self.stats.counted();
        let first = out.lines().next().unwrap_or("");
        if !first.contains(&format!(": {counted} check-ins (")) || !err.is_empty() {
            return Err(format!(
                "the generated log of {} check-ins does not read as {counted}: {first} {}",
                self.stats.checkins(),
                err.lines().next().unwrap_or("")
            ));
        }
        Ok(())
    }
}

#[cfg(unix)]
fn private_dir(dir: &Path) -> Result<(), String> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .mode(0o700)
        .create(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))
}

#[cfg(not(unix))]
fn private_dir(dir: &Path) -> Result<(), String> {
    fs::create_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

#[cfg(unix)]
fn private_file(path: &Path) -> Result<File, String> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("{}: {e}", path.display()))
}

#[cfg(not(unix))]
fn private_file(path: &Path) -> Result<File, String> {
    File::create_new(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Says on stderr what is being done (the table goes to stdout).
fn progress(text: &str) {
    let _ = writeln!(io::stderr(), "ratios: {text}");
}

/// Runs everything and prints the table. Returns false when ENFORCE=1 and a target
/// was missed.
fn run(args: &[String]) -> Result<bool, String> {
    let config = Config::read(args)?;
    let load_before = load_average();
    let work = tempfile::Builder::new()
        .prefix("sidecheck-ratios-")
        .tempdir()
        .map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let mut sizes = vec![config.tiny, config.small, config.large];
    sizes.sort_unstable();
    sizes.dedup();
    let mut logs = Vec::new();
    for &n in &sizes {
        progress(&format!("writing a log of {} check-ins", thousands(n)));
        let log = Log::make(work.path(), n, config.seed)?;
        log.check(&config)?;
        logs.push(log);
    }
    let bench = Bench::new(&config, &logs, work.path())?;
    let mut rows = bench.references();
    rows.extend(bench.reads()?);
    rows.extend(bench.shows()?);
    rows.extend(bench.check()?);
    rows.extend(bench.memory()?);
    let load_after = load_average();
    report(&config, bench.large, &rows, &load_before, &load_after)
}

/// The commands whose reading of the whole log is timed and measured.
const READS: [(&str, &[&str]); 5] = [
    ("history", &["history"]),
    ("export --format json", &["export", "--format", "json"]),
    ("export --format csv", &["export", "--format", "csv"]),
    ("export --format html", &["export", "--format", "html"]),
    ("export --format fhir", &["export", "--format", "fhir"]),
];

/// One run: the logs, and the reference times every ratio is taken against.
struct Bench<'a> {
    config: &'a Config,
    work: &'a Path,
    large: &'a Log,
    small: &'a Log,
    tiny: &'a Log,
    /// `wc -l` on the large log: the floor.
    floor: Duration,
    /// `jq -c '[.. | numbers] | add'` on the large log, if jq is installed.
    jq: Option<Duration>,
    /// The store's reader over the large log, in this process: a full scan.
    scan: Duration,
}

impl<'a> Bench<'a> {
    fn new(config: &'a Config, logs: &'a [Log], work: &'a Path) -> Result<Bench<'a>, String> {
        let find = |n: u64| logs.iter().find(|l| l.n == n).expect("a log of each size");
        let large = find(config.large);
        progress("timing wc -l, jq and a full scan in this process");
        let file = path_str(&large.file);
        let floor = best_of(config.runs, || Cmd::new("wc", &["-l", file]).time_once())?;
        let jq = if Cmd::new("jq", &["--version"]).output().is_ok() {
            let jq = Cmd::new("jq", &["-c", "[.. | numbers] | add", file]);
            Some(best_of(config.runs, || jq.time_once())?)
        } else {
            None
        };
        let scan = best_of(config.runs, || large.scan())?;
        Ok(Bench {
            config,
            work,
            large,
            small: find(config.small),
            tiny: find(config.tiny),
            floor,
            jq,
            scan,
        })
    }

    fn best(&self, cmd: &Cmd) -> Result<Duration, String> {
        best_of(self.config.runs, || cmd.time_once())
    }

    /// A row for something that read the whole large log in `t`.
    fn speed_row(&self, what: &str, t: Duration) -> Row {
        Row {
            what: what.to_string(),
            checkins: thousands(self.large.n),
            time: Some(t),
            mbps: Some(self.large.stats.bytes as f64 / 1e6 / t.as_secs_f64()),
            vs_floor: ratio(t, self.floor),
            vs_jq: match self.jq {
                Some(j) => ratio(t, j),
                None => "jq not installed".to_string(),
            },
            ..Row::default()
        }
    }

    /// The floor, the reference that reads every number of every line, and a full
    /// scan with the store's reader.
    fn references(&self) -> Vec<Row> {
        let jq = "jq -c '[.. | numbers] | add'";
        vec![
            Row {
                vs_floor: "1.0× (floor)".into(),
                ..self.speed_row("wc -l", self.floor)
            },
            match self.jq {
                Some(t) => Row {
                    vs_jq: "1.0×".into(),
                    ..self.speed_row(jq, t)
                },
                None => Row {
                    what: jq.into(),
                    checkins: thousands(self.large.n),
                    vs_jq: "jq not installed".into(),
                    ..Row::default()
                },
            },
            Row {
                words: true,
                ..self.speed_row("full scan (the store's reader, in process)", self.scan)
            },
        ]
    }

    /// `history` and every export format over the large log.
    fn reads(&self) -> Result<Vec<Row>, String> {
        let mut rows = Vec::new();
        for (what, args) in READS {
            progress(&format!("timing {what}"));
            let t = self.best(&self.config.sidecheck(self.large, args))?;
            let row = self.speed_row(what, t);
            let met = row.mbps.is_some_and(|m| m >= MIN_MBPS);
            rows.push(Row {
                verdict: Some(Verdict {
                    target: format!("≥ {MIN_MBPS:.0} MB/s"),
                    met,
                    figure: None,
                }),
                ..row
            });
        }
        Ok(rows)
    }

    /// One check-in, the last and one by id (in the middle, and the newest), on
    /// the tiny log and the large one.
    fn shows(&self) -> Result<Vec<Row>, String> {
        let (tiny, large) = (self.tiny, self.large);
        let mut rows = Vec::new();
        for what in ["show last", "show ID (middle)", "show ID (newest)"] {
            progress(&format!("timing {what}"));
            let which = |log: &Log| match what {
                "show last" => "last".to_string(),
                "show ID (middle)" => log.middle_id.clone(),
                _ => log.newest_id.clone(),
            };
            let at_tiny = self.best(&self.config.sidecheck(tiny, &["show", &which(tiny)]))?;
            let at_large = self.best(&self.config.sidecheck(large, &["show", &which(large)]))?;
            let verdict = if what == "show last" {
                Verdict {
                    target: format!(
                        "≤ {SHOW_GROWTH}× the {} time + {} ms",
                        short(tiny.n),
                        SHOW_SLACK.as_millis()
                    ),
                    met: at_large <= at_tiny.mul_f64(SHOW_GROWTH) + SHOW_SLACK,
                    figure: Some(format!(
                        "{} the {} time",
                        times(at_large.as_secs_f64() / at_tiny.as_secs_f64()),
                        short(tiny.n)
                    )),
                }
            } else {
                let share = at_large.as_secs_f64() / self.scan.as_secs_f64();
                Verdict {
                    target: format!("≤ {SHOW_ID_SHARE}× full scan"),
                    met: share <= SHOW_ID_SHARE,
                    figure: Some(format!("{share:.2}× full scan")),
                }
            };
            rows.push(Row {
                what: what.into(),
                checkins: thousands(tiny.n),
                time: Some(at_tiny),
                ..Row::default()
            });
            rows.push(Row {
                what: what.into(),
                checkins: thousands(large.n),
                time: Some(at_large),
                verdict: Some(verdict),
                ..Row::default()
            });
        }
        Ok(rows)
    }

    /// A scripted check-in with save (into a copy of the tiny log), against
    /// starting a program that does nothing.
    fn check(&self) -> Result<Vec<Row>, String> {
        progress("timing a scripted check-in with save");
        let dir = self.work.join("check");
        private_dir(&dir)?;
        fs::copy(&self.tiny.file, dir.join(sidecheck::store::LOG_NAME))
            .map_err(|e| format!("cannot copy the log: {e}"))?;
        let answers = self.work.join("answers.json");
        fs::write(&answers, ANSWERS).map_err(|e| format!("{}: {e}", answers.display()))?;
        let check = Cmd::new(
            self.config.bin.to_string_lossy(),
            &[
                "--data-dir",
                path_str(&dir),
                "--region",
                "US",
                "check",
                "--answers",
                path_str(&answers),
            ],
        );
        // Once first, so that a check that cannot save stops the run here.
        check.output()?;
        let truth = if Path::new("/bin/true").exists() {
            Cmd::new("/bin/true", &[])
        } else {
            Cmd::new("true", &[])
        };
        let true_time = self.best(&truth)?;
        let check_time = self.best(&check)?;
        let factor = check_time.as_secs_f64() / true_time.as_secs_f64();
        Ok(vec![
            Row {
                what: truth.program.clone(),
                time: Some(true_time),
                ..Row::default()
            },
            Row {
                what: "check --answers FILE".into(),
                time: Some(check_time),
                verdict: Some(Verdict {
                    target: format!("≤ {CHECK_RATIO:.0}× {}", truth.program),
                    met: factor <= CHECK_RATIO,
                    figure: Some(times(factor)),
                }),
                ..Row::default()
            },
        ])
    }

    /// The peak memory of every reading command, on the small log and the large one.
    fn memory(&self) -> Result<Vec<Row>, String> {
        let (small, large) = (self.small, self.large);
        let mut rows = Vec::new();
        for (what, args) in READS {
            progress(&format!("measuring the peak memory of {what}"));
            let at_small = self.config.peak.kib(&self.config.sidecheck(small, args))?;
            let at_large = self.config.peak.kib(&self.config.sidecheck(large, args))?;
            rows.push(Row {
                label: "peak memory: ".into(),
                what: what.into(),
                checkins: format!("{} → {}", short(small.n), short(large.n)),
                peak: format!(
                    "{} → {}",
                    mib(at_small).trim_end_matches(" MiB"),
                    mib(at_large)
                ),
                verdict: Some(Verdict {
                    target: format!("flat: ≤ +{} MiB", GROWTH_KIB / 1024),
                    met: at_large <= at_small + GROWTH_KIB,
                    figure: Some(format!("+{}", mib(at_large.saturating_sub(at_small)))),
                }),
                ..Row::default()
            });
        }
        Ok(rows)
    }
}

/// Prints the header, the table and the targets met (and the Markdown version when
/// asked). Returns false when ENFORCE=1 and a target was missed.
fn report(
    config: &Config,
    large: &Log,
    rows: &[Row],
    before: &str,
    after: &str,
) -> Result<bool, String> {
    let mut out = io::stdout().lock();
    let mut say = |text: &str| writeln!(out, "{text}").map_err(|e| e.to_string());
    let head = header(config, large, before, after);
    say(&head)?;
    say(&table::aligned(rows))?;
    let verdicts: Vec<&Verdict> = rows.iter().filter_map(|r| r.verdict.as_ref()).collect();
    let met = verdicts.iter().filter(|v| v.met).count();
    let summary = format!("targets met: {met} of {} (issue 12)", verdicts.len());
    say(&summary)?;
    if config.markdown {
        say("")?;
        // Two spaces end a Markdown line without starting a paragraph.
        let lines: Vec<String> = head.lines().map(|l| format!("{l}  ")).collect();
        say(&lines.join("\n"))?;
        say("")?;
        say(&table::markdown(rows))?;
        say(&summary)?;
    }
    if config.enforce && met < verdicts.len() {
        say(&format!(
            "ENFORCE=1: {} targets missed",
            verdicts.len() - met
        ))?;
        return Ok(false);
    }
    Ok(true)
}

/// What was measured, on what, and how busy the machine was.
fn header(config: &Config, large: &Log, before: &str, after: &str) -> String {
    let s = &large.stats;
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let busy = before
        .parse::<f64>()
        .ok()
        .filter(|l| *l > 0.5 * cores as f64)
        .map(|l| {
            format!("; the machine was busy (load {l:.1} on {cores} cores), so times are noisy")
        })
        .unwrap_or_default();
    [
        format!(
            "sidecheck ratios: {} check-ins, {:.1} MB ({} bytes a line), seed {}; times are the best of at least {} run{}; MB = 10^6 bytes of log",
            thousands(s.checkins()),
            s.bytes as f64 / 1e6,
            thousands(s.bytes_per_line()),
            config.seed,
            config.runs.min,
            if config.runs.min == 1 { "" } else { "s" }
        ),
        format!(
            "log: one check-in an hour to {}; completed {} ({} finish a stopped one), stopped {}, baseline marks {}, with urgent alerts {}, with an alert taken back {}; UTC offsets {}, regions {}",
            generate::END,
            thousands(s.completed),
            thousands(s.resumed),
            thousands(s.stopped),
            thousands(s.marks),
            thousands(s.urgent),
            thousands(s.retracted),
            s.offsets.len(),
            s.regions.join(" ")
        ),
        format!(
            "machine: {cores} cores, {}; load average {before} at the start, {after} at the end{busy}",
            cpu_model()
        ),
        format!(
            "binary: {} ({}); peak memory: {}",
            config.bin.display(),
            if config.bin_given {
                // The commands ran another build; only the in-process row is this tree's.
                format!(
                    "from SIDECHECK_BIN; the in-process row is this benchmark's own build, {}",
                    git_version()
                )
            } else {
                git_version()
            },
            config.peak.name()
        ),
    ]
    .join("\n")
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_string))
        .unwrap_or_else(|| "unknown".into())
}

fn cpu_model() -> String {
    fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_string())
        })
        .unwrap_or_else(|| "CPU model unknown".into())
}

/// The commit the benchmark was built from, marked when files were changed.
fn git_version() -> String {
    let dir = env!("CARGO_MANIFEST_DIR");
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short", "HEAD"]) {
        Some(commit) => {
            let changed = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "commit {commit}{}",
                if changed { " with changes" } else { "" }
            )
        }
        None => "commit unknown".into(),
    }
}
