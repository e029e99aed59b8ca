//! The results table: one row per figure, printed aligned for the terminal or as
//! Markdown for the README, and the way numbers are written in it.

use std::time::Duration;

/// A target from issue 12 and whether this run met it.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The target, as the table says it ("≥ 300 MB/s").
    pub target: String,
    pub met: bool,
    /// The measured figure the target is about, when no other column shows it.
    pub figure: Option<String>,
}

/// One row of the table. Empty cells print as "-".
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// Words before the command ("peak memory: ").
    pub label: String,
    /// What was run, as one would type it (without the binary and data folder).
    pub what: String,
    /// Whether `what` is words, not a command (Markdown then writes it as text).
    pub words: bool,
    pub checkins: String,
    pub time: Option<Duration>,
    pub mbps: Option<f64>,
    pub vs_floor: String,
    pub vs_jq: String,
    pub peak: String,
    pub verdict: Option<Verdict>,
}

const HEADERS: [&str; 9] = [
    "what",
    "check-ins",
    "time",
    "MB/s",
    "vs wc -l",
    "vs jq",
    "peak memory",
    "target",
    "result",
];

impl Row {
    fn cells(&self, markdown: bool) -> [String; 9] {
        let dash = |s: &str| {
            if s.is_empty() {
                "-".to_string()
            } else {
                s.to_string()
            }
        };
        let what = if markdown && !self.words {
            format!("{}`{}`", self.label, self.what.replace('|', "\\|"))
        } else {
            format!("{}{}", self.label, self.what)
        };
        let (target, result) = match &self.verdict {
            Some(v) => (
                v.target.clone(),
                match &v.figure {
                    Some(f) => format!("{} ({f})", pass(v.met)),
                    None => pass(v.met).to_string(),
                },
            ),
            None => (String::new(), String::new()),
        };
        [
            what,
            dash(&self.checkins),
            dash(&self.time.map(seconds).unwrap_or_default()),
            dash(
                &self
                    .mbps
                    .map(|m| thousands(m.round() as u64))
                    .unwrap_or_default(),
            ),
            dash(&self.vs_floor),
            dash(&self.vs_jq),
            dash(&self.peak),
            dash(&target),
            dash(&result),
        ]
    }
}

pub fn pass(met: bool) -> &'static str {
    if met { "PASS" } else { "MISS" }
}

/// The rows as an aligned table: text left, numbers right.
pub fn aligned(rows: &[Row]) -> String {
    let cells: Vec<[String; 9]> = rows.iter().map(|r| r.cells(false)).collect();
    let mut widths = HEADERS.map(|h| h.chars().count());
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let right = [false, true, true, true, true, true, true, false, false];
    let line = |row: &[String]| -> String {
        let mut s = String::new();
        for (i, c) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - c.chars().count());
            if i > 0 {
                s.push_str("  ");
            }
            if right[i] {
                s.push_str(&pad);
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < row.len() {
                    s.push_str(&pad);
                }
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(&HEADERS.map(String::from));
    out.push('\n');
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&line(&rule));
    out.push('\n');
    for row in &cells {
        out.push_str(&line(row));
        out.push('\n');
    }
    out
}

/// The rows as a Markdown table.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = format!("| {} |\n", HEADERS.join(" | "));
    out.push_str("|---|");
    out.push_str(&"---:|".repeat(6));
    out.push_str("---|---|\n");
    for r in rows {
        out.push_str(&format!("| {} |\n", r.cells(true).join(" | ")));
    }
    out
}

/// A time as people read it: "0.85 ms", "12.3 ms", "123 ms", "2.64 s", "18.5 s".
pub fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s < 0.01 {
        format!("{:.2} ms", s * 1e3)
    } else if s < 0.1 {
        format!("{:.1} ms", s * 1e3)
    } else if s < 1.0 {
        format!("{:.0} ms", s * 1e3)
    } else if s < 10.0 {
        format!("{s:.2} s")
    } else {
        format!("{s:.1} s")
    }
}

/// A whole number with thousands separators: 100,000.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count in short: 1k, 10k, 100k, 1M; others in full.
pub fn short(n: u64) -> String {
    match n {
        n if n >= 1_000_000 && n.is_multiple_of(1_000_000) => format!("{}M", n / 1_000_000),
        n if n >= 1_000 && n.is_multiple_of(1_000) => format!("{}k", n / 1_000),
        n => thousands(n),
    }
}

/// How `t` compares with `reference`: "53× slower" or "7.0× faster".
pub fn ratio(t: Duration, reference: Duration) -> String {
    let (t, r) = (t.as_secs_f64(), reference.as_secs_f64());
    if t <= 0.0 || r <= 0.0 {
        return String::new();
    }
    if t >= r {
        format!("{} slower", times(t / r))
    } else {
        format!("{} faster", times(r / t))
    }
}

/// A factor: "1.3×", "7.0×", "53×".
pub fn times(x: f64) -> String {
    if x < 10.0 {
        format!("{x:.1}×")
    } else {
        format!("{x:.0}×")
    }
}

/// KiB as MiB: "4.1 MiB".
pub fn mib(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}
