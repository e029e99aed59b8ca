//! The report's per-record JSON, written straight into a reused buffer: each
//! check-in as the log stores it, its urgent alerts and its numbers. The bytes are
//! exactly serde_json's for the types that describe them ([`CheckIn`],
//! [`UrgentAlert`], [`super::CheckInNumbers`]): keys in declaration order, the
//! same optional keys left out, strings escaped by the same rule; a test holds
//! every line of the test logs to that. Written by hand because serde's
//! serializer, the `Value` of each answer and a `String` per time were most of the
//! export's cost beyond reading the log.

use chrono::{DateTime, Datelike, FixedOffset, Timelike};

use crate::grades::Grades;
use crate::record::{AlertRecord, CheckIn, Status};
use crate::text::rfc3339;

/// Appends `s` as a JSON string, escaped as serde_json escapes
/// ([`crate::text::json_escaped`]). The runs between the bytes to escape are copied
/// whole, found as the log's reader finds the end of a string
/// ([`crate::record::first_stop`]).
pub(crate) fn string(buf: &mut Vec<u8>, s: &str) {
    buf.push(b'"');
    contents(buf, s);
    buf.push(b'"');
}

/// [`string`] without the quotes: a string's contents, for one written in parts
/// (escaping goes byte by byte, so the parts escaped are the whole escaped).
pub(crate) fn contents(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    while let Some(run) = crate::record::first_stop(&bytes[start..]) {
        let at = start + run;
        buf.extend_from_slice(&bytes[start..at]);
        if let Some((with, len)) = crate::text::json_escaped(bytes[at]) {
            buf.extend_from_slice(&with[..len]);
        }
        start = at + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
}

/// Appends `"key":`, the key written as it is (every key here is plain).
fn key(buf: &mut Vec<u8>, comma: bool, k: &str) {
    if comma {
        buf.push(b',');
    }
    buf.push(b'"');
    buf.extend_from_slice(k.as_bytes());
    buf.extend_from_slice(b"\":");
}

/// Appends `{"key":`, the start of an object, after a comma when `comma`.
fn open(buf: &mut Vec<u8>, comma: bool, k: &str) {
    if comma {
        buf.push(b',');
    }
    buf.push(b'{');
    key(buf, false, k);
}

/// Appends a whole number as serde_json writes it: its digits.
fn num(buf: &mut Vec<u8>, n: impl Into<u64>) {
    crate::text::push_uint(buf, n);
}

/// Appends a time as [`rfc3339`] writes it, digit by digit for the years sidecheck
/// sees (chrono's own writer for any other, and for an offset with seconds or a
/// leap second).
pub(crate) fn time(buf: &mut Vec<u8>, t: &DateTime<FixedOffset>) {
    let local = t.naive_local();
    let offset = t.offset().local_minus_utc();
    let nanos = local.nanosecond();
    if !(0..=9999).contains(&local.year()) || offset % 60 != 0 || nanos >= 1_000_000_000 {
        return string(buf, &rfc3339(t));
    }
    buf.push(b'"');
    let mut digits = |n: u32, width: u32, after: u8| {
        buf.extend(crate::text::padded_digits(n, width));
        if after != 0 {
            buf.push(after);
        }
    };
    let (sign, off) = if offset < 0 {
        (b'-', offset.unsigned_abs() / 60)
    } else {
        (b'+', offset.unsigned_abs() / 60)
    };
    digits(local.year() as u32, 4, b'-');
    digits(local.month(), 2, b'-');
    digits(local.day(), 2, b'T');
    digits(local.hour(), 2, b':');
    digits(local.minute(), 2, b':');
    digits(local.second(), 2, b'.');
    digits(nanos / 1_000_000, 3, sign);
    digits(off / 60, 2, b':');
    digits(off % 60, 2, b'"');
}

fn status(buf: &mut Vec<u8>, s: Status) {
    string(buf, s.as_str());
}

/// A check-in as the log stores it: what serde_json writes for [`CheckIn`].
pub(super) fn record(buf: &mut Vec<u8>, r: &CheckIn) {
    open(buf, false, "schema");
    num(buf, r.schema);
    key(buf, true, "id");
    string(buf, &r.id);
    key(buf, true, "status");
    status(buf, r.status);
    key(buf, true, "started_at");
    time(buf, &r.started_at);
    key(buf, true, "ended_at");
    time(buf, &r.ended_at);
    key(buf, true, "bank");
    open(buf, false, "id");
    string(buf, &r.bank.id);
    key(buf, true, "version");
    string(buf, &r.bank.version);
    key(buf, true, "language");
    string(buf, &r.bank.language);
    buf.push(b'}');
    key(buf, true, "region");
    string(buf, &r.region);
    key(buf, true, "answers");
    buf.push(b'[');
    for (i, a) in r.answers.iter().enumerate() {
        open(buf, i > 0, "question");
        string(buf, &a.question);
        key(buf, true, "section");
        string(buf, &a.section);
        key(buf, true, "value");
        // A bool, an option id, a number or a text; any other value as serde has it.
        match &a.value {
            serde_json::Value::String(s) => string(buf, s),
            value => {
                let _ = serde_json::to_writer(&mut *buf, value);
            }
        }
        if let Some(label) = &a.label {
            key(buf, true, "label");
            string(buf, label);
        }
        if let Some(score) = a.score {
            key(buf, true, "score");
            num(buf, score);
        }
        buf.push(b'}');
    }
    buf.push(b']');
    key(buf, true, "alerts");
    alerts(buf, &r.alerts);
    if !r.retracted_alerts.is_empty() {
        key(buf, true, "retracted_alerts");
        alerts(buf, &r.retracted_alerts);
    }
    rest(buf, r);
    buf.push(b'}');
}

/// The record's fields after its alerts, each written only when it is there.
fn rest(buf: &mut Vec<u8>, r: &CheckIn) {
    if !r.scores.is_empty() {
        key(buf, true, "scores");
        buf.push(b'[');
        for (i, s) in r.scores.iter().enumerate() {
            open(buf, i > 0, "section");
            string(buf, &s.section);
            key(buf, true, "score");
            num(buf, s.score);
            key(buf, true, "max");
            num(buf, s.max);
            key(buf, true, "answered");
            num(buf, s.answered);
            buf.push(b'}');
        }
        buf.push(b']');
    }
    if let Some(asked) = r.asked {
        key(buf, true, "asked");
        num(buf, asked);
    }
    if let Some(completes) = &r.completes {
        key(buf, true, "completes");
        string(buf, completes);
    }
    if let Some(profile) = &r.profile {
        key(buf, true, "profile");
        buf.push(b'{');
        for (i, (item, yes)) in profile.0.iter().enumerate() {
            if i > 0 {
                buf.push(b',');
            }
            string(buf, item);
            buf.extend_from_slice(if *yes { b":true" } else { b":false" });
        }
        buf.push(b'}');
    }
    // Written only when someone answered for the person, as the record has it.
    if !r.respondent.is_self() {
        key(buf, true, "respondent");
        string(buf, r.respondent.as_str());
    }
}

fn alerts(buf: &mut Vec<u8>, list: &[AlertRecord]) {
    buf.push(b'[');
    for (i, a) in list.iter().enumerate() {
        open(buf, i > 0, "id");
        string(buf, &a.id);
        key(buf, true, "question");
        string(buf, &a.question);
        key(buf, true, "level");
        string(buf, a.level.as_str());
        key(buf, true, "title");
        string(buf, &a.title);
        times(buf, a);
        buf.push(b'}');
    }
    buf.push(b']');
}

/// An alert's `shown_at` and `retracted_at`, where it has them.
fn times(buf: &mut Vec<u8>, a: &AlertRecord) {
    if let Some(t) = &a.shown_at {
        key(buf, true, "shown_at");
        time(buf, t);
    }
    if let Some(t) = &a.retracted_at {
        key(buf, true, "retracted_at");
        time(buf, t);
    }
}

/// An urgent alert of the summary: what serde_json writes for the
/// [`crate::report::UrgentAlert`] of `a` in `r`.
pub(super) fn urgent_alert(buf: &mut Vec<u8>, r: &CheckIn, a: &AlertRecord) {
    open(buf, false, "at");
    time(buf, &r.started_at);
    key(buf, true, "check_in");
    string(buf, &r.id);
    key(buf, true, "id");
    string(buf, &a.id);
    key(buf, true, "level");
    string(buf, a.level.as_str());
    key(buf, true, "title");
    string(buf, &a.title);
    key(buf, true, "question");
    string(buf, &a.question);
    times(buf, a);
    buf.push(b'}');
}

/// A check-in's numbers: what serde_json writes for its
/// [`super::CheckInNumbers`].
pub(super) fn numbers(buf: &mut Vec<u8>, r: &CheckIn, grades: &Grades) {
    open(buf, false, "check_in");
    string(buf, &r.id);
    key(buf, true, "at");
    time(buf, &r.started_at);
    key(buf, true, "status");
    status(buf, r.status);
    if let Some(words) = grades.stopped_words(r.status) {
        key(buf, true, "stopped");
        string(buf, &words);
    }
    key(buf, true, "answered");
    num(buf, grades.answered);
    if let Some(asked) = grades.asked {
        key(buf, true, "asked");
        num(buf, asked);
    }
    key(buf, true, "urgent_findings");
    num(buf, grades.urgent_findings);
    key(buf, true, "sections");
    buf.push(b'[');
    for (i, g) in grades.sections.iter().enumerate() {
        open(buf, i > 0, "section");
        string(buf, &g.section);
        for (k, n) in [
            ("graded", g.graded),
            ("answered", g.answered),
            ("moderate_or_worse", g.moderate_or_worse),
        ] {
            key(buf, true, k);
            num(buf, n);
        }
        key(buf, true, "highest_grade");
        match g.highest_grade {
            Some(h) => num(buf, h),
            None => buf.extend_from_slice(b"null"),
        }
        for (k, n) in [
            ("yes_no", g.yes_no),
            ("yes", g.yes),
            ("urgent_findings", g.urgent_findings),
        ] {
            key(buf, true, k);
            num(buf, n);
        }
        key(buf, true, "emergency");
        buf.extend_from_slice(if g.emergency { b"true" } else { b"false" });
        buf.push(b'}');
    }
    buf.extend_from_slice(b"]}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Line, read_line};
    use crate::report::{retracted_alerts, urgent_alerts};

    /// Every check-in of the test logs (the corpus and the scenarios' logs) and
    /// some made to be hard: written by hand as serde_json writes them.
    fn records() -> Vec<CheckIn> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus/log");
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("the corpus") {
            let bytes = std::fs::read(entry.expect("an entry").path()).expect("a log");
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                if let Ok(Line::CheckIn(r)) = read_line(line.trim_start_matches('\u{feff}')) {
                    out.push(*r);
                }
            }
        }
        assert!(out.len() > 20, "{} records", out.len());
        let mut hard = out[0].clone();
        hard.id = "tab\there \"quoted\" back\\slash \u{1} \u{7f} é ☃ \u{1f600}".into();
        hard.region = "\u{8}\u{c}\n\r\u{1f}".into();
        hard.started_at = DateTime::parse_from_rfc3339("0001-01-01T00:00:00.5-09:30").unwrap();
        hard.ended_at = DateTime::parse_from_rfc3339("2020-02-29T23:59:59.999999+14:00").unwrap();
        hard.answers[0].value = serde_json::json!(-1.5e300);
        hard.answers[0].label = Some("12345678\"12345678".into());
        hard.completes = Some(String::new());
        hard.respondent = crate::record::Respondent::Caregiver;
        hard.asked = Some(u32::MAX);
        let mut odd_offset = hard.clone();
        odd_offset.started_at = odd_offset
            .started_at
            .with_timezone(&FixedOffset::east_opt(3_601).unwrap());
        out.extend([hard, odd_offset]);
        out
    }

    #[test]
    fn a_record_is_written_as_serde_json_writes_it() {
        for r in records() {
            let mut buf = Vec::new();
            record(&mut buf, &r);
            let want = serde_json::to_string(&r).unwrap();
            assert_eq!(String::from_utf8(buf).unwrap(), want);
        }
    }

    #[test]
    fn alerts_and_numbers_are_written_as_serde_json_writes_them() {
        let bank: crate::bank::Bank =
            serde_json::from_str(crate::bank::BUNDLED_BANK).expect("the bank");
        for r in records() {
            let alerts = r.urgent_alerts().chain(r.retracted_urgent_alerts());
            let models = urgent_alerts(&r).chain(retracted_alerts(&r));
            for (a, model) in alerts.zip(models) {
                let mut buf = Vec::new();
                urgent_alert(&mut buf, &r, a);
                let want = serde_json::to_string(&model).unwrap();
                assert_eq!(String::from_utf8(buf).unwrap(), want);
            }
            for bank in [None, Some(&bank)] {
                let grades = Grades::of(&r, bank);
                let mut buf = Vec::new();
                numbers(&mut buf, &r, &grades);
                let numbers = super::super::CheckInNumbers::of(&r, grades);
                let want = serde_json::to_string(&numbers).unwrap();
                assert_eq!(String::from_utf8(buf).unwrap(), want);
            }
        }
    }
}
