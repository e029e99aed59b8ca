//! Helpers for the tests that put sidecheck under hostile conditions (many copies at
//! once, kills, full disks, bad files): how hard to push, a small seeded random
//! source, a strict reader of the log file, and a file-size limit for a child.

// In a test, a failed unwrap is a failed test, with its message.
#![allow(clippy::unwrap_used)]
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use sidecheck::record::CheckIn;

/// Whether the heavier versions run: `SIDECHECK_STRESS=1 cargo test`.
pub fn stress() -> bool {
    std::env::var("SIDECHECK_STRESS").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// `light` normally, `heavy` under `SIDECHECK_STRESS=1`.
pub fn scale(light: usize, heavy: usize) -> usize {
    if stress() { heavy } else { light }
}

/// A small xorshift generator. The seed comes from `SIDECHECK_SEED` or the clock and
/// is printed, so a failing run can be repeated.
pub struct Rng(u64);

impl Rng {
    pub fn new(test: &str) -> Rng {
        let seed = std::env::var("SIDECHECK_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(1)
            });
        eprintln!("{test}: SIDECHECK_SEED={seed}");
        Rng(seed | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The log as found on disk, read strictly: every complete line must be a check-in.
#[derive(Debug, Default)]
pub struct LogFile {
    pub records: Vec<CheckIn>,
    /// Complete lines that are not check-ins: (line number, text).
    pub broken: Vec<(usize, String)>,
    /// Bytes after the last newline (a save cut off by a crash).
    pub torn_tail: Option<Vec<u8>>,
    pub len: u64,
}

impl LogFile {
    pub fn read(path: &Path) -> LogFile {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => panic!("cannot read {}: {e}", path.display()),
        };
        let mut log = LogFile {
            len: bytes.len() as u64,
            ..LogFile::default()
        };
        let mut rest = &bytes[..];
        let mut n = 0;
        while !rest.is_empty() {
            n += 1;
            let Some(end) = rest.iter().position(|b| *b == b'\n') else {
                log.torn_tail = Some(rest.to_vec());
                break;
            };
            let line = &rest[..end];
            rest = &rest[end + 1..];
            match std::str::from_utf8(line)
                .ok()
                .and_then(|t| serde_json::from_str::<CheckIn>(t).ok())
            {
                Some(r) => log.records.push(r),
                None => log
                    .broken
                    .push((n, String::from_utf8_lossy(line).chars().take(200).collect())),
            }
        }
        log
    }

    /// How many times each id appears.
    pub fn id_counts(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for r in &self.records {
            *counts.entry(r.id.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// Every complete line is a check-in, no id appears twice, and nothing is torn.
    pub fn assert_clean(&self) {
        assert!(self.broken.is_empty(), "broken lines: {:?}", self.broken);
        assert!(
            self.torn_tail.is_none(),
            "a torn tail is left: {:?}",
            self.torn_tail
                .as_deref()
                .map(|t| String::from_utf8_lossy(&t[..t.len().min(200)]).into_owned())
        );
        let twice: Vec<_> = self
            .id_counts()
            .into_iter()
            .filter(|(_, n)| *n > 1)
            .collect();
        assert!(twice.is_empty(), "ids saved more than once: {twice:?}");
    }
}

/// The set-aside copies of torn tails (`checkins.jsonl.torn-*`) in a data folder.
pub fn torn_files(data_dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(data_dir) {
        Ok(dir) => dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("checkins.jsonl.torn-"))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

/// The id in a "Saved to ... (check-in ID)." acknowledgement, if stderr has one.
pub fn acknowledged_id(stderr: &str) -> Option<String> {
    let line = stderr.lines().find(|l| l.starts_with("Saved to "))?;
    let start = line.rfind("(check-in ")? + "(check-in ".len();
    let end = start + line[start..].find(')')?;
    Some(line[start..end].to_string())
}

/// How many bytes one unit of `ulimit -f` is in `sh` (512 in dash and POSIX shells,
/// 1024 in bash), found by trying it once.
pub fn fsize_unit() -> u64 {
    static UNIT: OnceLock<u64> = OnceLock::new();
    *UNIT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let probe = dir.path().join("probe");
        let status = Command::new("sh")
            .arg("-c")
            .arg("trap '' XFSZ; ulimit -f 1; head -c 4096 /dev/zero > \"$0\"")
            .arg(&probe)
            .stderr(std::process::Stdio::null())
            .status()
            .expect("run sh");
        let _ = status;
        let unit = std::fs::metadata(&probe).map(|m| m.len()).unwrap_or(0);
        assert!(
            unit == 512 || unit == 1024,
            "`ulimit -f 1` let {unit} bytes through"
        );
        unit
    })
}

/// A command that runs `program` under a file-size limit of `units` units of
/// [`fsize_unit`]. With `survive`, SIGXFSZ is ignored, so a write past the limit fails
/// with EFBIG after a partial write; without it, the process is killed by SIGXFSZ in
/// the middle of its write, as by a crash (no core file).
pub fn with_file_size_limit(program: &Path, units: u64, survive: bool) -> Command {
    let trap = if survive { "trap '' XFSZ; " } else { "" };
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!(
            "{trap}ulimit -c 0; ulimit -f {units}; exec \"$0\" \"$@\""
        ))
        .arg(program);
    c
}

/// The same settings as `Env::cmd`, for a plain `std::process::Command`.
pub fn quiet_env(c: &mut Command) -> &mut Command {
    c.env_remove("SIDECHECK_DATA_DIR")
        .env("NO_COLOR", "1")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_BACKTRACE")
        // A failed save may keep a rescue copy in the home folder: never the real one.
        .env("HOME", "/nonexistent/sidecheck-test-home")
}

/// Whether this build has a command (others are adding some as this is written).
pub fn command_exists(env: &crate::support::Env, name: &str) -> bool {
    env.cmd()
        .args([name, "--help"])
        .output()
        .is_ok_and(|o| o.status.success())
}
