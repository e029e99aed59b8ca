//! A score over time, folded one check-in at a time in bounded memory: exact counts,
//! first, last, min, max, mean and a least-squares trend, plus at most
//! [`MAX_BUCKETS`] buckets of points for drawing. When the buckets fill up,
//! neighbours are merged in pairs, so 10 check-ins keep 10 points and 100,000
//! check-ins keep 128 averaged ones.

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::Serialize;

/// The most points a series keeps for sparklines and charts.
pub const MAX_BUCKETS: usize = 128;

/// The eight heights of a sparkline, from none to the most.
pub const SPARK: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A fitted change smaller than this many points is "steady".
pub const STEADY_BELOW: f64 = 0.5;

/// Which way a number moved. Grades and counts of symptoms: up is worse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The score went down.
    Better,
    /// The score went up.
    Worse,
    /// The score changed by less than half a point over the period.
    Steady,
    /// Fewer than two check-ins.
    Unknown,
    /// The latest check-in raised an emergency alert from an answer here: whatever
    /// the line does, it is not "better" (set by the report, not by the series).
    Emergency,
}

impl Direction {
    /// The word and arrow people see, in the language in use.
    pub fn words(self) -> String {
        crate::i18n::t(match self {
            Direction::Better => "report-trend-better",
            Direction::Worse => "report-trend-worse",
            Direction::Steady => "report-trend-steady",
            Direction::Unknown => "report-trend-unknown",
            Direction::Emergency => "report-trend-emergency",
        })
    }
}

/// The least-squares line through the scores, check-in by check-in.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Trend {
    pub direction: Direction,
    /// Fitted change in score from one check-in to the next.
    pub slope: Option<f64>,
    /// Fitted change from the first check-in to the last (slope × (points − 1)).
    pub change: Option<f64>,
}

/// Points merged for drawing: their mean and the times they span.
#[derive(Debug, Clone, PartialEq)]
pub struct Bucket {
    pub n: u64,
    pub sum: f64,
    pub from: DateTime<FixedOffset>,
    pub to: DateTime<FixedOffset>,
}

impl Bucket {
    pub fn mean(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.sum / self.n as f64
        }
    }

    /// The middle of the times it spans.
    pub fn at(&self) -> DateTime<FixedOffset> {
        self.from + (self.to - self.from) / 2
    }
}

/// One score over time.
#[derive(Debug, Clone, Default)]
pub struct Series {
    n: u64,
    sum: f64,
    min: u32,
    max: u32,
    first: u32,
    last: u32,
    /// The highest score the questions could have added up to.
    possible: u32,
    // Sums for the least-squares line over (index, score).
    sx: f64,
    sy: f64,
    sxy: f64,
    sxx: f64,
    buckets: Vec<Bucket>,
    /// Points per bucket; doubles each time the buckets are merged.
    span: u64,
}

impl Series {
    pub fn new() -> Series {
        Series {
            span: 1,
            ..Series::default()
        }
    }

    /// Adds one check-in's score; `possible` is the most it could have been.
    pub fn push(&mut self, at: DateTime<FixedOffset>, value: u32, possible: u32) {
        let x = self.n as f64;
        let y = f64::from(value);
        if self.n == 0 {
            self.first = value;
            self.min = value;
            self.max = value;
        }
        self.n += 1;
        self.sum += y;
        self.min = self.min.min(value);
        self.max = self.max.max(value);
        self.last = value;
        self.possible = self.possible.max(possible).max(value);
        self.sx += x;
        self.sy += y;
        self.sxy += x * y;
        self.sxx += x * x;

        let span = self.span.max(1);
        match self.buckets.last_mut() {
            Some(b) if b.n < span => {
                b.n += 1;
                b.sum += y;
                b.from = b.from.min(at);
                b.to = b.to.max(at);
            }
            _ => {
                if self.buckets.len() == MAX_BUCKETS {
                    self.merge_pairs();
                }
                self.buckets.push(Bucket {
                    n: 1,
                    sum: y,
                    from: at,
                    to: at,
                });
            }
        }
    }

    /// Halves the number of buckets, keeping every point's weight.
    fn merge_pairs(&mut self) {
        let old = std::mem::take(&mut self.buckets);
        let mut merged = Vec::with_capacity(MAX_BUCKETS / 2 + 1);
        let mut it = old.into_iter();
        while let Some(mut a) = it.next() {
            if let Some(b) = it.next() {
                a.n += b.n;
                a.sum += b.sum;
                a.from = a.from.min(b.from);
                a.to = a.to.max(b.to);
            }
            merged.push(a);
        }
        self.buckets = merged;
        self.span = self.span.max(1) * 2;
    }

    pub fn len(&self) -> u64 {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    pub fn first(&self) -> u32 {
        self.first
    }

    pub fn last(&self) -> u32 {
        self.last
    }

    pub fn min(&self) -> u32 {
        self.min
    }

    pub fn max(&self) -> u32 {
        self.max
    }

    pub fn possible(&self) -> u32 {
        self.possible
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    /// The points kept for drawing, in the order they were added.
    pub fn buckets(&self) -> &[Bucket] {
        &self.buckets
    }

    /// The least-squares trend over every point (not just the kept buckets).
    pub fn trend(&self) -> Trend {
        let n = self.n as f64;
        let denom = n * self.sxx - self.sx * self.sx;
        if self.n < 2 || denom <= 0.0 {
            return Trend {
                direction: Direction::Unknown,
                slope: None,
                change: None,
            };
        }
        let slope = (n * self.sxy - self.sx * self.sy) / denom;
        let change = slope * (n - 1.0);
        let direction = if change.abs() < STEADY_BELOW {
            Direction::Steady
        } else if change > 0.0 {
            Direction::Worse
        } else {
            Direction::Better
        };
        Trend {
            direction,
            slope: Some(round2(slope)),
            change: Some(round2(change)),
        }
    }

    /// A sparkline at most `width` characters wide. The bottom bar is a score of 0
    /// and the top bar the highest score in the series.
    pub fn sparkline(&self, width: usize) -> String {
        let means = resample(&self.buckets, width);
        sparkline(&means, f64::from(self.max))
    }
}

/// Rounds to two decimals, for output people read.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Bars for `values` scaled from 0 (the lowest bar) to `top` (the highest).
pub fn sparkline(values: &[f64], top: f64) -> String {
    values
        .iter()
        .map(|v| {
            let level = if top > 0.0 {
                (v / top * 7.0).round().clamp(0.0, 7.0) as usize
            } else {
                0
            };
            SPARK[level]
        })
        .collect()
}

/// The means of `buckets`, merged evenly down to at most `width` values.
fn resample(buckets: &[Bucket], width: usize) -> Vec<f64> {
    let width = width.max(1);
    if buckets.len() <= width {
        return buckets.iter().map(Bucket::mean).collect();
    }
    (0..width)
        .map(|i| {
            let lo = i * buckets.len() / width;
            let hi = ((i + 1) * buckets.len() / width).max(lo + 1);
            let (n, sum) = buckets[lo..hi]
                .iter()
                .fold((0u64, 0.0), |(n, s), b| (n + b.n, s + b.sum));
            if n == 0 { 0.0 } else { sum / n as f64 }
        })
        .collect()
}
