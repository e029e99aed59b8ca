//! The log on disk: private modes, repair of a torn last line, readers that skip bad
//! lines by number, and looking a check-in up by id.

use std::fs;
use std::path::Path;

use super::*;
use crate::record::{BaselineMark, CheckIn, MARK_VERSION, RECORD_VERSION};

/// A stopped check-in of the bundled bank (one answer) with the given id. Written
/// out whole: the store knows nothing of banks or flows.
fn record(id: &str) -> CheckIn {
    let mut r: CheckIn = serde_json::from_str(
        r#"{"schema":3,"id":"","status":"stopped","started_at":"2025-03-01T09:30:00.000+01:00","ended_at":"2025-03-01T09:30:00.000+01:00","bank":{"id":"baclofen","version":"1.1.0","language":"en"},"region":"US","answers":[{"question":"pump","section":"context","value":true,"label":"Yes"}],"alerts":[],"asked":23}"#,
    )
    .unwrap();
    r.id = id.to_string();
    r
}

/// The check-in `lookup` finds, if it finds exactly one.
fn found(lookup: Lookup) -> Option<Box<CheckIn>> {
    match lookup {
        Lookup::Found(r) => Some(r),
        Lookup::NotFound | Lookup::Ambiguous(_) => None,
    }
}

/// A store in a fresh temp folder (the folder itself not yet created).
fn store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().unwrap();
    let s = Store::new(tmp.path().join("data"));
    (tmp, s)
}

/// Appends, collecting warnings.
fn append(s: &Store, r: &CheckIn) -> Vec<String> {
    let mut warnings = Vec::new();
    s.append(r, &mut |w| warnings.push(w)).unwrap();
    warnings
}

/// Every entry of the log as (line, id) for records or (line, reason) for bad lines.
fn read_all(s: &Store) -> (Vec<String>, Vec<BadLine>) {
    let mut ids = Vec::new();
    let mut bad = Vec::new();
    for e in s.reader().unwrap() {
        match e {
            Entry::Record(r) => ids.push(r.id),
            Entry::Mark(m) => ids.push(format!("baseline mark for {}", m.check_in)),
            Entry::Bad(b) => bad.push(b),
            Entry::Failed(e) => panic!("reading failed: {e}"),
        }
    }
    (ids, bad)
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn torn_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("checkins.jsonl.torn-")
        })
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
#[test]
fn a_first_save_makes_a_private_folder_and_file() {
    let (_tmp, s) = store();
    let warnings = append(&s, &record("a1"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(mode(s.dir()), 0o700);
    assert_eq!(mode(&s.log_path()), 0o600);
}

#[cfg(unix)]
#[test]
fn a_log_others_can_read_is_made_private_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    fs::set_permissions(s.log_path(), fs::Permissions::from_mode(0o644)).unwrap();

    let warnings = append(&s, &record("a2"));
    assert_eq!(mode(&s.log_path()), 0o600);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    let shown = s.log_path().display().to_string();
    assert!(
        warnings[0].contains(&shown),
        "names the file: {}",
        warnings[0]
    );
    assert!(warnings[0].contains("644"), "{}", warnings[0]);
    assert_eq!(read_all(&s).0, ["a1", "a2"]);

    // Already private: no second warning.
    assert!(append(&s, &record("a3")).is_empty());
}

#[cfg(unix)]
#[test]
fn check_writable_also_tightens_the_log() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    fs::set_permissions(s.log_path(), fs::Permissions::from_mode(0o664)).unwrap();
    let mut warnings = Vec::new();
    s.check_writable(&mut |w| warnings.push(w)).unwrap();
    assert_eq!(mode(&s.log_path()), 0o600);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

#[test]
fn a_torn_last_line_is_set_aside_byte_for_byte_and_the_log_repaired() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let good = fs::read(s.log_path()).unwrap();
    // A save cut short by a crash: half a record, no newline, a non-ASCII byte pair.
    let full = record("a2").to_line().unwrap();
    let mut torn = full.as_bytes()[..full.len() / 2].to_vec();
    torn.extend_from_slice("é".as_bytes());
    let mut log = good.clone();
    log.extend_from_slice(&torn);
    fs::write(s.log_path(), &log).unwrap();

    // Readers see the torn line as bad, without losing the good one.
    let (ids, bad) = read_all(&s);
    assert_eq!(ids, ["a1"]);
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].line, 2);
    assert!(bad[0].reason.contains("unfinished"), "{}", bad[0].reason);

    let warnings = append(&s, &record("a3"));
    let aside = torn_files(s.dir());
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), torn, "kept byte for byte");
    #[cfg(unix)]
    assert_eq!(mode(&aside[0]), 0o600);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&aside[0].display().to_string()),
        "the warning says where: {}",
        warnings[0]
    );

    // The log is now the good record plus the new one, each a whole line.
    let text = fs::read_to_string(s.log_path()).unwrap();
    assert!(text.starts_with(std::str::from_utf8(&good).unwrap()));
    assert!(text.ends_with('\n'));
    for (i, line) in text.lines().enumerate() {
        serde_json::from_str::<CheckIn>(line)
            .unwrap_or_else(|e| panic!("line {} does not parse: {e}", i + 1));
    }
    let (ids, bad) = read_all(&s);
    assert_eq!(ids, ["a1", "a3"]);
    assert!(bad.is_empty(), "{bad:?}");

    // Nothing more to repair next time.
    assert!(append(&s, &record("a4")).is_empty());
    assert_eq!(torn_files(s.dir()).len(), 1);
}

#[test]
fn a_log_that_is_only_a_torn_line_is_set_aside_whole() {
    let (_tmp, s) = store();
    fs::create_dir_all(s.dir()).unwrap();
    fs::write(s.log_path(), b"{\"schema\":1,\"id\":\"x").unwrap();
    let warnings = append(&s, &record("a1"));
    let repaired: Vec<_> = warnings
        .iter()
        .filter(|w| w.contains("unfinished"))
        .collect();
    assert_eq!(repaired.len(), 1, "{warnings:?}");
    let aside = torn_files(s.dir());
    assert_eq!(fs::read(&aside[0]).unwrap(), b"{\"schema\":1,\"id\":\"x");
    assert_eq!(read_all(&s), (vec!["a1".to_string()], vec![]));
}

#[test]
fn readers_skip_bad_lines_naming_each_and_keep_reading() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let good = |id: &str| record(id).to_line().unwrap().into_bytes();
    let mut unknown: serde_json::Value =
        serde_json::from_str(&record("x").to_line().unwrap()).unwrap();
    unknown["mood"] = serde_json::json!("fine");

    let mut log = fs::read(s.log_path()).unwrap(); // line 1: a1
    log.extend_from_slice(b"this is not json\n"); // line 2
    log.extend_from_slice(b"{\"schema\":1,\"id\":\"\xff\xfe\"}\n"); // line 3
    log.extend_from_slice(&good("a4")); // line 4
    log.extend(std::iter::repeat_n(b'x', MAX_LINE + 10)); // line 5
    log.push(b'\n');
    log.extend_from_slice(b"\n"); // line 6: blank, skipped quietly but counted
    log.extend_from_slice(format!("{unknown}\n").as_bytes()); // line 7
    log.extend_from_slice(&good("a8")); // line 8
    fs::write(s.log_path(), &log).unwrap();

    let (ids, bad) = read_all(&s);
    assert_eq!(
        ids,
        ["a1", "a4", "a8"],
        "valid records after bad lines still read"
    );
    let lines: Vec<u64> = bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, [2, 3, 5, 7], "{bad:?}");
    assert!(bad.iter().all(|b| b.path == s.log_path()));
    assert!(bad[1].reason.contains("UTF-8"), "{}", bad[1].reason);
    assert!(bad[2].reason.contains("MiB"), "{}", bad[2].reason);
    assert!(bad[3].reason.contains("mood"), "{}", bad[3].reason);
    let shown = bad[0].to_string();
    assert!(
        shown.contains(&s.log_path().display().to_string()),
        "{shown}"
    );
    assert!(shown.contains("line 2"), "{shown}");
}

#[test]
fn a_record_from_a_newer_sidecheck_is_skipped_with_a_reason() {
    let (_tmp, s) = store();
    let mut newer: serde_json::Value =
        serde_json::from_str(&record("n1").to_line().unwrap()).unwrap();
    newer["schema"] = serde_json::json!(RECORD_VERSION + 1);
    fs::create_dir_all(s.dir()).unwrap();
    fs::write(s.log_path(), format!("{newer}\n")).unwrap();
    let (ids, bad) = read_all(&s);
    assert!(ids.is_empty());
    assert_eq!(bad.len(), 1);
    assert!(bad[0].reason.contains("newer"), "{}", bad[0].reason);
}

/// A baseline mark naming `id`, made at a fixed time.
fn mark(id: &str) -> BaselineMark {
    let t = chrono::DateTime::parse_from_rfc3339("2025-03-02T09:00:00.000+01:00").unwrap();
    BaselineMark::new(id, t)
}

#[test]
fn a_baseline_mark_is_a_line_of_its_own_that_no_reader_calls_bad() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    s.append_mark(&mark("a1"), &mut |w| panic!("{w}")).unwrap();
    append(&s, &record("a2"));
    let (ids, bad) = read_all(&s);
    assert_eq!(ids, ["a1", "baseline mark for a1", "a2"]);
    assert!(bad.is_empty(), "{bad:?}");
    // `last` is the last check-in, not the mark after it.
    let mut warned = Vec::new();
    let last = found(s.lookup("last", &mut |w| warned.push(w)).unwrap()).unwrap();
    assert_eq!((last.id.as_str(), warned.len()), ("a2", 0));
    // An import looks through the mark for the id, and says nothing about it.
    assert_eq!(
        s.import(&record("r3"), &mut |w| warned.push(w)).unwrap(),
        Imported::Added
    );
    assert!(warned.is_empty(), "{warned:?}");
    // The line as saved: a check-in's fields are not there, `kind` says what it is.
    let log = fs::read_to_string(s.log_path()).unwrap();
    let line = log.lines().nth(1).unwrap();
    assert_eq!(
        line,
        format!(
            r#"{{"schema":{MARK_VERSION},"kind":"baseline","check_in":"a1","marked_at":"2025-03-02T09:00:00.000+01:00"}}"#
        )
    );
}

#[test]
fn a_newer_mark_and_a_newer_record_with_new_fields_are_skipped_as_newer() {
    let (_tmp, s) = store();
    let mut newer_mark = serde_json::to_value(mark("a1")).unwrap();
    newer_mark["schema"] = serde_json::json!(MARK_VERSION + 1);
    newer_mark["why"] = serde_json::json!("dose change");
    let mut newer: serde_json::Value =
        serde_json::from_str(&record("n1").to_line().unwrap()).unwrap();
    newer["schema"] = serde_json::json!(MARK_VERSION + 1);
    newer["mood"] = serde_json::json!("fine");
    // A mark with a field of its own is damaged, and says which.
    let mut odd = serde_json::to_value(mark("a1")).unwrap();
    odd["mood"] = serde_json::json!("fine");
    fs::create_dir_all(s.dir()).unwrap();
    fs::write(
        s.log_path(),
        format!(
            "{newer_mark}
{newer}
{odd}
"
        ),
    )
    .unwrap();
    let (ids, bad) = read_all(&s);
    assert!(ids.is_empty(), "{ids:?}");
    let reasons: Vec<&str> = bad.iter().map(|b| b.reason.as_str()).collect();
    assert!(
        reasons[0].contains("newer sidecheck (record version 5)"),
        "{reasons:?}"
    );
    assert!(
        reasons[1].contains("newer sidecheck (record version 5)"),
        "{reasons:?}"
    );
    assert!(reasons[2].contains("unknown field `mood`"), "{reasons:?}");
}

#[test]
fn a_mark_that_lost_its_newline_is_kept_by_the_repair_of_a_torn_tail() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    s.append_mark(&mark("a1"), &mut |_| {}).unwrap();
    let mut bytes = fs::read(s.log_path()).unwrap();
    bytes.pop();
    fs::write(s.log_path(), &bytes).unwrap();
    let warnings = append(&s, &record("a2"));
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(torn_files(s.dir()).is_empty());
    assert_eq!(read_all(&s).0, ["a1", "baseline mark for a1", "a2"]);
}

#[test]
fn a_missing_log_reads_as_empty() {
    let (_tmp, s) = store();
    assert_eq!(read_all(&s), (vec![], vec![]));
    assert!(matches!(
        s.lookup("last", &mut |_| {}).unwrap(),
        Lookup::NotFound
    ));
    assert!(!s.dir().exists(), "reading creates nothing");
}

#[test]
fn records_read_back_as_saved() {
    let (_tmp, s) = store();
    let r = record("20250301-083000-abcdef012345");
    append(&s, &r);
    let back = found(s.lookup("last", &mut |_| {}).unwrap()).unwrap();
    assert_eq!(*back, r);
}

#[test]
fn lookup_by_last_full_id_and_unique_prefix() {
    let (_tmp, s) = store();
    for id in [
        "20250301-083000-aaaa00000001",
        "20250302-083000-bbbb00000002",
        "20250302-090000-cccc00000003",
    ] {
        append(&s, &record(id));
    }
    let find = |which: &str| {
        let mut warnings = Vec::new();
        let lookup = s.lookup(which, &mut |w| warnings.push(w)).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        found(lookup).map(|r| r.id)
    };
    assert_eq!(
        find("last").as_deref(),
        Some("20250302-090000-cccc00000003")
    );
    assert_eq!(
        find("20250302-083000-bbbb00000002").as_deref(),
        Some("20250302-083000-bbbb00000002")
    );
    assert_eq!(
        find("20250301").as_deref(),
        Some("20250301-083000-aaaa00000001")
    );
    assert_eq!(
        find("20250302-08").as_deref(),
        Some("20250302-083000-bbbb00000002")
    );
    assert_eq!(find("20250302"), None, "two match: not a single check-in");
    assert!(matches!(
        s.lookup("20250302", &mut |_| {}).unwrap(),
        Lookup::Ambiguous(2)
    ));
    assert_eq!(find("20990101"), None);
}

#[test]
fn lookup_warns_about_bad_lines_and_still_finds() {
    let (_tmp, s) = store();
    append(&s, &record("r1"));
    let mut log = fs::read(s.log_path()).unwrap();
    log.extend_from_slice(b"garbage\n");
    log.extend_from_slice(record("r3").to_line().unwrap().as_bytes());
    fs::write(s.log_path(), &log).unwrap();

    // An id is looked for from the start: the bad line on the way is named.
    let mut warnings = Vec::new();
    let lookup = s.lookup("r3", &mut |w| warnings.push(w)).unwrap();
    assert_eq!(found(lookup).map(|r| r.id).as_deref(), Some("r3"));
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("line 2"), "{}", warnings[0]);

    // `last` reads back from the end to the last check-in: the bad line before it
    // is never read, so it is not named.
    let mut warnings = Vec::new();
    let lookup = s.lookup("last", &mut |w| warnings.push(w)).unwrap();
    assert_eq!(found(lookup).map(|r| r.id).as_deref(), Some("r3"));
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn last_names_the_bad_lines_after_the_last_check_in_by_number() {
    let (_tmp, s) = store();
    append(&s, &record("r1"));
    append(&s, &record("r2"));
    let mut log = fs::read(s.log_path()).unwrap();
    log.extend_from_slice(b"garbage\n\n");
    log.extend_from_slice(mark("r1").to_line().unwrap().as_bytes());
    log.extend_from_slice(b"{\"schema\":3,\"id\":\"r9\",\"status\":\"comp");
    fs::write(s.log_path(), &log).unwrap();
    let mut warnings = Vec::new();
    let lookup = s.lookup("last", &mut |w| warnings.push(w)).unwrap();
    assert_eq!(found(lookup).map(|r| r.id).as_deref(), Some("r2"));
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    assert!(warnings[0].contains("line 3: skipped"), "{}", warnings[0]);
    assert!(
        warnings[1].contains("line 6: skipped") && warnings[1].contains("unfinished last line"),
        "{}",
        warnings[1]
    );
}

#[test]
fn a_record_too_large_for_a_line_is_refused_and_the_log_untouched() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let before = fs::read(s.log_path()).unwrap();
    let mut big = record("big");
    big.answers[0].value = serde_json::Value::String("x".repeat(MAX_LINE));
    let err = s.append(&big, &mut |_| {}).unwrap_err();
    assert!(matches!(err, StoreError::NotSaved { .. }), "{err}");
    assert!(err.to_string().contains("NOT saved"), "{err}");
    assert_eq!(fs::read(s.log_path()).unwrap(), before);
}

#[test]
fn a_whole_last_record_without_its_newline_is_kept_and_the_newline_given_back() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let mut log = fs::read(s.log_path()).unwrap();
    log.pop();
    // A newer sidecheck's record is not ours to move either.
    let mut newer: serde_json::Value =
        serde_json::from_str(&record("n2").to_line().unwrap()).unwrap();
    newer["schema"] = serde_json::json!(RECORD_VERSION + 1);
    newer["mood"] = serde_json::json!("fine");
    for (i, tail) in [String::new(), format!("\n{newer}")]
        .into_iter()
        .enumerate()
    {
        let mut bytes = log.clone();
        bytes.extend_from_slice(tail.as_bytes());
        fs::write(s.log_path(), &bytes).unwrap();
        let warnings = append(&s, &record("a3"));
        assert!(warnings.is_empty(), "case {i}: {warnings:?}");
        assert!(torn_files(s.dir()).is_empty(), "case {i}");
        let mut want = bytes.clone();
        want.push(b'\n');
        want.extend_from_slice(record("a3").to_line().unwrap().as_bytes());
        assert_eq!(fs::read(s.log_path()).unwrap(), want, "case {i}");
    }
}

#[test]
fn import_adds_a_check_in_once() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let mut warnings = Vec::new();
    let r = record("r2");
    assert_eq!(
        s.import(&r, &mut |w| warnings.push(w)).unwrap(),
        Imported::Added
    );
    let once = fs::read(s.log_path()).unwrap();
    assert_eq!(
        s.import(&r, &mut |w| warnings.push(w)).unwrap(),
        Imported::AlreadyThere
    );
    assert_eq!(fs::read(s.log_path()).unwrap(), once);
    assert_eq!(read_all(&s).0, ["a1", "r2"]);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_pass_names_ten_bad_lines_then_counts_them_all() {
    let (_tmp, s) = store();
    fs::create_dir_all(s.dir()).unwrap();
    let mut log = b"bad\n".repeat(25);
    log.extend_from_slice(record("a26").to_line().unwrap().as_bytes());
    fs::write(s.log_path(), &log).unwrap();
    let mut warnings = Vec::new();
    let lookup = s.lookup("a26", &mut |w| warnings.push(w)).unwrap();
    assert!(found(lookup).is_some());
    assert_eq!(warnings.len(), 11, "{warnings:#?}");
    assert!(warnings[9].contains("line 10:"), "{}", warnings[9]);
    assert!(warnings[10].contains("25 lines"), "{}", warnings[10]);
    assert!(
        warnings[10].contains("from line 1 to line 25"),
        "{}",
        warnings[10]
    );
}

#[test]
fn last_names_ten_bad_lines_after_it_then_counts_them_all() {
    let (_tmp, s) = store();
    append(&s, &record("a0"));
    append(&s, &record("a1"));
    let mut log = fs::read(s.log_path()).unwrap();
    log.extend_from_slice(&b"bad\n".repeat(25));
    fs::write(s.log_path(), &log).unwrap();
    let mut warnings = Vec::new();
    let lookup = s.lookup("last", &mut |w| warnings.push(w)).unwrap();
    assert_eq!(found(lookup).map(|r| r.id).as_deref(), Some("a1"));
    assert_eq!(warnings.len(), 11, "{warnings:#?}");
    assert!(warnings[0].contains("line 3:"), "{}", warnings[0]);
    assert!(warnings[9].contains("line 12:"), "{}", warnings[9]);
    assert!(
        warnings[10].contains("25 lines") && warnings[10].contains("from line 3 to line 27"),
        "{}",
        warnings[10]
    );
    // A log of nothing but bad lines has no last check-in, and says why.
    fs::write(s.log_path(), b"bad\n".repeat(12)).unwrap();
    let mut warnings = Vec::new();
    assert!(matches!(
        s.lookup("last", &mut |w| warnings.push(w)).unwrap(),
        Lookup::NotFound
    ));
    assert_eq!(warnings.len(), 11, "{warnings:#?}");
    assert!(warnings[0].contains("line 1:"), "{}", warnings[0]);
    assert!(
        warnings[10].contains("from line 1 to line 12"),
        "{}",
        warnings[10]
    );
}

#[test]
fn written_id_reads_only_the_start_to_line_writes() {
    let line = record("20250301-083000-abcdef012345").to_line().unwrap();
    assert_eq!(
        read::written_id(line.as_bytes()),
        Some(&b"20250301-083000-abcdef012345"[..])
    );
    for other in [
        // Hand-edited: a space, another key first.
        r#"{ "schema":3,"id":"a1","status":"stopped"}"#,
        r#"{"id":"a1","schema":3}"#,
        // A version this build does not read, or written with more digits.
        r#"{"schema":4,"id":"a1"}"#,
        r#"{"schema":12,"id":"a1"}"#,
        r#"{"schema":03,"id":"a1"}"#,
        // An escape in the id, or an id that never ends.
        r#"{"schema":3,"id":"a\u0031","status":"stopped"}"#,
        r#"{"schema":3,"id":"a1"#,
        // A mark.
        r#"{"schema":4,"kind":"baseline","check_in":"a1"}"#,
        "",
    ] {
        assert_eq!(read::written_id(other.as_bytes()), None, "{other}");
    }
}

#[test]
fn a_check_in_longer_than_a_step_reads_whole_both_ways() {
    let (_tmp, s) = store();
    let mut long = record("long1");
    // Several 64 KiB steps back, and across the 1 MiB blocks going forward.
    long.answers[0].value = serde_json::Value::String("é\"\\x".repeat(400_000));
    append(&s, &record("a0"));
    append(&s, &long);
    let back = found(s.lookup("last", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(*back, long);
    append(&s, &record("a2"));
    let by_id = found(s.lookup("long1", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(*by_id, long);
}

#[test]
fn a_line_too_long_to_be_a_check_in_is_named_by_both_ways_of_finding() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    let mut log = fs::read(s.log_path()).unwrap();
    let long_at = log.len();
    log.extend_from_slice(&vec![b'x'; MAX_LINE + 10]);
    log.push(b'\n');
    fs::write(s.log_path(), &log).unwrap();
    let mut warnings = Vec::new();
    let last = found(s.lookup("last", &mut |w| warnings.push(w)).unwrap()).unwrap();
    assert_eq!(last.id, "a1");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("line 2: skipped") && warnings[0].contains("longer than 4 MiB"));

    // A check-in after it is found either way; an id lookup names the long line.
    log.extend_from_slice(record("a3").to_line().unwrap().as_bytes());
    fs::write(s.log_path(), &log).unwrap();
    let mut warnings = Vec::new();
    let last = found(s.lookup("last", &mut |w| warnings.push(w)).unwrap()).unwrap();
    assert_eq!((last.id.as_str(), warnings.len()), ("a3", 0));
    let by_id = found(s.lookup("a3", &mut |w| warnings.push(w)).unwrap()).unwrap();
    assert_eq!(by_id.id, "a3");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("line 2: skipped") && warnings[0].contains("longer than 4 MiB"));

    // Exactly the longest line kept (its line end included) is not too long.
    log.truncate(long_at);
    let mut fits = record("fits").to_line().unwrap().into_bytes();
    fits.pop();
    let pad = MAX_LINE - fits.len() - 1;
    fits.extend(std::iter::repeat_n(b' ', pad));
    fits.push(b'\n');
    assert_eq!(fits.len(), MAX_LINE);
    log.extend_from_slice(&fits);
    fs::write(s.log_path(), &log).unwrap();
    let last = found(s.lookup("last", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(last.id, "fits");
    let by_id = found(s.lookup("fits", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(by_id.id, "fits");
    // One byte more is too long, both ways.
    log.truncate(log.len() - 1);
    log.extend_from_slice(b" \n");
    fs::write(s.log_path(), &log).unwrap();
    for which in ["last", "fits"] {
        let mut warnings = Vec::new();
        let lookup = s.lookup(which, &mut |w| warnings.push(w)).unwrap();
        assert_eq!(
            found(lookup).map(|r| r.id).as_deref(),
            (which == "last").then_some("a1")
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("line 2: skipped") && w.contains("longer than")),
            "{which}: {warnings:?}"
        );
    }
}

#[test]
fn a_whole_last_check_in_without_its_newline_is_the_last_one() {
    let (_tmp, s) = store();
    append(&s, &record("a1"));
    append(&s, &record("a2"));
    let mut log = fs::read(s.log_path()).unwrap();
    log.pop();
    fs::write(s.log_path(), &log).unwrap();
    let last = found(s.lookup("last", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(last.id, "a2");
    // Windows line ends read the same.
    let crlf = String::from_utf8(log).unwrap().replace('\n', "\r\n") + "\r\n";
    fs::write(s.log_path(), crlf).unwrap();
    let last = found(s.lookup("last", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(last.id, "a2");
    let first = found(s.lookup("a1", &mut |w| panic!("{w}")).unwrap()).unwrap();
    assert_eq!(first.id, "a1");
}

#[cfg(unix)]
#[test]
fn own_files_are_known_by_device_and_inode_not_by_name() {
    let (tmp, s) = store();
    append(&s, &record("a1"));
    let other = tmp.path().join("report.csv");
    assert_eq!(s.own_file(&other), None);
    let spelled = s.dir().join("..").join("data").join(".").join(LOG_NAME);
    assert_eq!(s.own_file(&spelled).as_deref(), Some("the log"));
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(s.dir(), &link).unwrap();
    assert_eq!(
        s.own_file(&link.join("new.csv")).as_deref(),
        Some("inside the data folder")
    );
    assert_eq!(s.own_file(&link).as_deref(), Some("the data folder"));
}

#[cfg(unix)]
#[test]
fn a_symlinked_log_is_neither_read_nor_written() {
    let (tmp, s) = store();
    fs::create_dir_all(s.dir()).unwrap();
    let target = tmp.path().join("target");
    fs::write(&target, record("t1").to_line().unwrap()).unwrap();
    std::os::unix::fs::symlink(&target, s.log_path()).unwrap();
    let err = s
        .append(&record("a1"), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("symbolic link"), "{err}");
    let err = s.reader().err().unwrap().to_string();
    assert!(err.contains("symbolic link"), "{err}");
    assert_eq!(
        fs::read(&target).unwrap(),
        record("t1").to_line().unwrap().as_bytes()
    );
}
