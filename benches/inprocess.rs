//! Criterion benchmarks of the in-process parts of reading the log, so that a
//! speed-up can be compared with what was there before (`cargo bench --bench
//! inprocess`; criterion keeps the last run in target/criterion and reports the
//! change). The lines come from the generator (`benches/generate/`), so they are
//! exactly what the program writes.
//!
//! - `parse/line`: one typical line (about 2.8 KB) into a `CheckIn`, as the store's
//!   reader parses it;
//! - `scan/1k`: one pass of the store's reader over 1,000 check-ins in memory
//!   (reading lines, UTF-8, parsing, boxing);
//! - `grades/of`: `Grades::of` for one record with its bank;
//! - `write/to_line`: one record back into its line (the save path).

mod generate;

use std::hint::black_box;
use std::io::Cursor;
use std::path::PathBuf;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sidecheck::bank::Bank;
use sidecheck::grades::Grades;
use sidecheck::record::{self, CheckIn, Line};
use sidecheck::store::{Entry, LogReader};

/// The check-in line whose length is closest to the average: a typical one.
fn typical(lines: &[String]) -> &str {
    let average = lines.iter().map(String::len).sum::<usize>() / lines.len().max(1);
    lines
        .iter()
        .filter(|l| l.contains("\"answers\""))
        .min_by_key(|l| l.len().abs_diff(average))
        .map(|l| l.trim_end_matches('\n'))
        .expect("lines to choose from")
}

fn bank() -> Bank {
    Bank::bundled().expect("the bundled bank")
}

fn parse(c: &mut Criterion) {
    let lines = generate::lines(&bank(), 1_000, generate::SEED);
    let line = typical(&lines);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("line", |b| {
        b.iter(|| serde_json::from_str::<CheckIn>(black_box(line)).expect("a check-in"))
    });
    group.finish();
}

fn scan(c: &mut Criterion) {
    let lines = generate::lines(&bank(), 1_000, generate::SEED);
    let checkins = lines
        .iter()
        .filter(|l| matches!(record::read_line(l.trim_end()), Ok(Line::CheckIn(_))))
        .count();
    let log: Arc<[u8]> = lines.concat().into_bytes().into();
    let mut group = c.benchmark_group("scan");
    group.throughput(Throughput::Bytes(log.len() as u64));
    group.bench_function("1k", |b| {
        b.iter(|| {
            let reader = LogReader::new(
                Box::new(Cursor::new(Arc::clone(&log))),
                PathBuf::from("checkins.jsonl"),
            );
            let records = reader.filter(|e| matches!(e, Entry::Record(_))).count();
            assert_eq!(records, checkins);
            records
        })
    });
    group.finish();
}

fn grades(c: &mut Criterion) {
    let bank = bank();
    let lines = generate::lines(&bank, 1_000, generate::SEED);
    let record: CheckIn = serde_json::from_str(typical(&lines)).expect("a check-in");
    c.bench_function("grades/of", |b| {
        b.iter(|| Grades::of(black_box(&record), Some(&bank)))
    });
}

fn write(c: &mut Criterion) {
    let lines = generate::lines(&bank(), 1_000, generate::SEED);
    let record: CheckIn = serde_json::from_str(typical(&lines)).expect("a check-in");
    c.bench_function("write/to_line", |b| {
        b.iter(|| black_box(&record).to_line().expect("a line"))
    });
}

criterion_group!(benches, parse, scan, grades, write);
criterion_main!(benches);
