//! The report core on known data: sparklines, trends, bucketing, periods, and the
//! summary folded from records.

use chrono::{DateTime, Duration, FixedOffset, TimeZone};
use serde_json::json;

use super::period::Period;
use super::series::{MAX_BUCKETS, Series, sparkline};
use super::*;
use crate::record::{AlertRecord, AnswerRecord, BaselineMark, SectionScore};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test time")
}

fn series(values: &[u32]) -> Series {
    let start = t("2026-11-01T08:00:00+01:00");
    let mut s = Series::new();
    for (i, v) in values.iter().enumerate() {
        s.push(start + Duration::days(i as i64), *v, 4);
    }
    s
}

#[test]
fn sparkline_scales_from_zero_to_the_top() {
    assert_eq!(sparkline(&[0.0, 1.0, 2.0, 3.0, 4.0], 4.0), "▁▃▅▆█");
    assert_eq!(sparkline(&[0.0, 7.0, 3.5], 7.0), "▁█▅");
    // Nothing reported: all at the bottom, not a division by zero.
    assert_eq!(sparkline(&[0.0, 0.0, 0.0], 0.0), "▁▁▁");
}

#[test]
fn series_sparkline_uses_the_highest_score_seen_as_top() {
    let s = series(&[0, 1, 3]);
    assert_eq!(s.sparkline(40), "▁▃█");
    assert_eq!((s.first(), s.last(), s.min(), s.max()), (0, 3, 0, 3));
    assert_eq!(s.possible(), 4);
    assert!((s.mean().unwrap_or_default() - 4.0 / 3.0).abs() < 1e-9);
}

#[test]
fn trend_on_known_data() {
    let up = series(&[1, 2, 3, 4]).trend();
    assert_eq!(up.direction, Direction::Worse);
    assert_eq!(up.slope, Some(1.0));
    assert_eq!(up.change, Some(3.0));

    let down = series(&[4, 3, 2, 1]).trend();
    assert_eq!(down.direction, Direction::Better);
    assert_eq!(down.slope, Some(-1.0));
    assert_eq!(down.change, Some(-3.0));

    let flat = series(&[2, 2, 2]).trend();
    assert_eq!(flat.direction, Direction::Steady);
    assert_eq!(flat.slope, Some(0.0));

    // Least squares over 0,0,0,1: slope 1.5 / 5 = 0.3, change 0.9 over three steps.
    let late = series(&[0, 0, 0, 1]).trend();
    assert_eq!(late.slope, Some(0.3));
    assert_eq!(late.change, Some(0.9));
    assert_eq!(late.direction, Direction::Worse);

    // Less than half a point over the period is steady.
    let small = series(&[1, 1, 1, 1, 1, 1, 1, 1, 1, 2]).trend();
    assert!(small.change.unwrap_or_default() < 0.5);
    assert_eq!(small.direction, Direction::Steady);

    let one = series(&[3]).trend();
    assert_eq!(one.direction, Direction::Unknown);
    assert_eq!(one.slope, None);
}

#[test]
fn long_series_keep_bounded_buckets_and_exact_totals() {
    let values: Vec<u32> = (0..100_000u32).map(|i| i % 5).collect();
    let s = series(&values);
    assert_eq!(s.len(), 100_000);
    assert!(s.buckets().len() <= MAX_BUCKETS);
    assert!(s.buckets().len() > MAX_BUCKETS / 4);
    let n: u64 = s.buckets().iter().map(|b| b.n).sum();
    let sum: f64 = s.buckets().iter().map(|b| b.sum).sum();
    assert_eq!(n, 100_000);
    assert_eq!(sum, values.iter().map(|v| f64::from(*v)).sum::<f64>());
    assert_eq!(s.sparkline(40).chars().count(), 40);
    // Buckets stay in time order and cover the whole span.
    assert!(s.buckets().windows(2).all(|w| w[0].to <= w[1].from));
    assert_eq!(s.trend().direction, Direction::Steady);
}

#[test]
fn merged_buckets_average_their_points() {
    // One more point than fits forces one merge: pairs (0,4) (0,4) ... average 2.
    let values: Vec<u32> = (0..=MAX_BUCKETS as u32).map(|i| (i % 2) * 4).collect();
    let s = series(&values);
    assert_eq!(s.buckets().len(), MAX_BUCKETS / 2 + 1);
    assert!(
        s.buckets()[..MAX_BUCKETS / 2]
            .iter()
            .all(|b| b.n == 2 && b.mean() == 2.0)
    );
}

#[test]
fn date_bounds_are_whole_local_days_inclusive() {
    let tz = FixedOffset::east_opt(5 * 3600 + 1800).expect("offset");
    let p = Period::parse(Some("2026-11-20"), Some("2026-11-20"), &tz).expect("period");
    let since = p.since.as_ref().map(|b| b.at);
    assert_eq!(since, Some(t("2026-11-20T00:00:00+05:30")));
    // The last instant of the day is in; the first of the next is out.
    assert!(!p.contains(&t("2026-11-19T23:59:59.999+05:30")));
    assert!(p.contains(&t("2026-11-20T00:00:00+05:30")));
    assert!(p.contains(&t("2026-11-20T23:59:59.999999+05:30")));
    assert!(!p.contains(&t("2026-11-21T00:00:00+05:30")));
    // Each check-in counts on the date it shows: its own, in the offset it was saved
    // with, whatever the timezone of the machine reading it.
    assert!(!p.contains(&t("2026-11-19T18:30:00Z")));
    assert!(p.contains(&t("2026-11-20T18:30:00Z")));
    assert!(p.contains(&t("2026-11-20T23:30:00-08:00")));
    assert!(!p.contains(&t("2026-11-21T00:10:00+01:00")));
    assert_eq!(
        p.until_rfc3339().as_deref(),
        Some("2026-11-20T23:59:59.999+05:30")
    );
}

#[test]
fn rfc3339_bounds_are_exact_and_inclusive() {
    let p = Period::parse(
        Some("2026-11-20T08:00:00+01:00"),
        Some("2026-11-20T09:00:00Z"),
        &chrono::Utc,
    )
    .expect("period");
    assert!(p.contains(&t("2026-11-20T07:00:00Z")));
    assert!(p.contains(&t("2026-11-20T10:00:00+01:00")));
    assert!(!p.contains(&t("2026-11-20T06:59:59.999Z")));
    assert!(!p.contains(&t("2026-11-20T09:00:00.001Z")));
}

#[test]
fn bad_dates_say_which_forms_work() {
    for bad in [
        "2026-13-01",
        "2026-02-30",
        "20261120",
        "2026-1-5",
        "yesterday",
        "2026-11-20T08:00",
        "",
    ] {
        let e = Period::parse(Some(bad), None, &chrono::Utc).expect_err(bad);
        assert!(e.contains("--since"), "{e}");
        assert!(
            e.contains("YYYY-MM-DD") && e.contains("RFC 3339"),
            "{bad}: {e}"
        );
        assert!(!e.contains('\n'), "{e}");
    }
    let e =
        Period::parse(Some("2026-11-21"), Some("2026-11-20"), &chrono::Utc).expect_err("reversed");
    assert!(e.contains("after --until"), "{e}");
}

#[test]
fn a_day_whose_midnight_is_skipped_starts_at_the_first_real_minute() {
    /// A zone that skips 00:00-01:00 local time on 2026-11-01 (as some zones
    /// have done at a clock change).
    #[derive(Clone, Copy, Debug)]
    struct Skips;
    impl chrono::Offset for Skips {
        fn fix(&self) -> FixedOffset {
            FixedOffset::east_opt(0).expect("offset")
        }
    }
    impl TimeZone for Skips {
        type Offset = Skips;
        fn from_offset(_: &Skips) -> Skips {
            Skips
        }
        fn offset_from_local_date(&self, _: &chrono::NaiveDate) -> chrono::LocalResult<Skips> {
            chrono::LocalResult::Single(Skips)
        }
        fn offset_from_local_datetime(
            &self,
            local: &chrono::NaiveDateTime,
        ) -> chrono::LocalResult<Skips> {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date");
            if local.date() == day && local.time() < chrono::NaiveTime::MIN + Duration::hours(1) {
                chrono::LocalResult::None
            } else {
                chrono::LocalResult::Single(Skips)
            }
        }
        fn offset_from_utc_date(&self, _: &chrono::NaiveDate) -> Skips {
            Skips
        }
        fn offset_from_utc_datetime(&self, _: &chrono::NaiveDateTime) -> Skips {
            Skips
        }
    }
    let p = Period::parse(Some("2026-11-01"), None, &Skips).expect("period");
    assert_eq!(p.since.map(|b| b.at), Some(t("2026-11-01T01:00:00Z")));
}

fn answer(
    question: &str,
    section: &str,
    value: serde_json::Value,
    score: Option<u8>,
) -> AnswerRecord {
    AnswerRecord {
        question: question.into(),
        section: section.into(),
        value,
        label: None,
        score,
    }
}

fn record(at: &str, status: Status, answers: Vec<AnswerRecord>, urgent: bool) -> CheckIn {
    let bank = Bank::bundled().expect("bundled bank");
    let scores = bank
        .sections
        .iter()
        .filter(|s| s.scored)
        .map(|s| SectionScore {
            section: s.id.as_str().into(),
            score: answers
                .iter()
                .filter(|a| a.section == s.id)
                .map(|a| u32::from(a.score.unwrap_or(0)))
                .sum(),
            // Record format 1 stored sums; nothing may read them (a wrong
            // maximum here must change nothing).
            max: 12,
            answered: answers.iter().filter(|a| a.section == s.id).count() as u32,
        })
        .collect();
    CheckIn {
        schema: 1,
        id: format!("id-{at}"),
        status,
        started_at: t(at),
        ended_at: t(at),
        bank: BankRef::of(&bank),
        region: "US".into(),
        answers,
        alerts: if urgent {
            vec![AlertRecord {
                id: "breathing".into(),
                question: "breathing".into(),
                level: Level::Emergency,
                title: "You had trouble breathing".into(),
                shown_at: None,
                retracted_at: None,
            }]
        } else {
            Vec::new()
        },
        retracted_alerts: Vec::new(),
        scores,
        asked: None,
        completes: None,
        profile: None,
        respondent: Default::default(),
    }
}

fn with_alert(mut r: CheckIn, id: &str, question: &str, level: Level) -> CheckIn {
    r.alerts.push(AlertRecord {
        id: id.into(),
        question: question.into(),
        level,
        title: id.into(),
        shown_at: None,
        retracted_at: None,
    });
    r
}

fn severity(question: &str, grade: u8) -> AnswerRecord {
    let id = ["none", "mild", "moderate", "severe", "very_severe"][usize::from(grade)];
    answer(question, "common", json!(id), Some(grade))
}

#[test]
fn summary_folds_counts_series_and_alerts() {
    let bank = Bank::bundled().expect("bundled bank");
    let mut s = Summary::new(Some(&bank));
    s.add(&record(
        "2026-11-01T08:00:00+01:00",
        Status::Completed,
        vec![
            answer("breathing", "serious", json!(false), Some(0)),
            answer("drowsiness", "common", json!("mild"), Some(1)),
        ],
        false,
    ));
    s.add(&record(
        "2026-11-02T08:00:00+01:00",
        Status::Completed,
        vec![
            answer("breathing", "serious", json!(true), Some(4)),
            answer("drowsiness", "common", json!("severe"), Some(3)),
        ],
        true,
    ));
    // Stopped in the first section: only that section gets a point.
    s.add(&record(
        "2026-11-03T08:00:00+01:00",
        Status::Stopped,
        vec![answer("breathing", "serious", json!(false), Some(0))],
        false,
    ));
    let v = s.view(40);
    assert_eq!(v.counts.check_ins, 3);
    assert_eq!(v.counts.completed, 2);
    assert_eq!(v.counts.stopped, 1);
    assert_eq!(v.counts.with_urgent_alerts, 1);
    assert_eq!(v.counts.urgent_alerts, 1);
    assert_eq!(v.first_at.as_deref(), Some("2026-11-01T08:00:00.000+01:00"));
    assert_eq!(v.last_at.as_deref(), Some("2026-11-03T08:00:00.000+01:00"));

    // The serious section has yes/no questions only: no grade, so no section line;
    // its yes answers are symptoms of their own.
    assert!(
        v.sections.iter().all(|x| x.id != "serious"),
        "{:?}",
        v.sections
    );
    let common = v
        .sections
        .iter()
        .find(|x| x.id == "common")
        .expect("common");
    assert_eq!(common.title, "Common side effects");
    assert_eq!(common.measure, Measure::ModerateOrWorse);
    // Mild (not moderate), then severe: 0 then 1 symptom at moderate or worse, of
    // the section's 7 graded questions. The stopped check-in adds no point.
    assert_eq!(common.points, 2);
    assert_eq!((common.first, common.last, common.possible), (0, 1, 7));
    assert_eq!(common.sparkline, "▁█");
    assert_eq!(common.trend.direction, Direction::Worse);
    assert_eq!(common.average, 0.5);

    // Only symptoms reported at least once, in bank order, by short name.
    let names: Vec<&str> = v.symptoms.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(names, ["Trouble breathing", "Drowsiness"]);
    assert_eq!(v.symptoms[0].measure, Measure::YesNo);
    assert_eq!((v.symptoms[0].last, v.symptoms[0].possible), (1, 1));
    assert_eq!(v.symptoms[1].measure, Measure::Grade);
    assert_eq!((v.symptoms[1].last, v.symptoms[1].possible), (3, 4));

    assert_eq!(v.alerts.len(), 1);
    assert_eq!(v.alerts[0].count, 1);
    assert_eq!(s.banks().len(), 1);
}

#[test]
fn an_empty_summary_has_no_series() {
    let bank = Bank::bundled().expect("bundled bank");
    let s = Summary::new(Some(&bank));
    assert!(s.is_empty());
    let v = s.view(40);
    assert!(v.sections.is_empty() && v.symptoms.is_empty() && v.alerts.is_empty());
    assert_eq!(v.first_at, None);
}

#[test]
fn a_stopped_check_in_never_feeds_a_trend() {
    let bank = Bank::bundled().expect("bundled bank");
    let mut s = Summary::new(Some(&bank));
    let all = |g: u8| {
        [
            "upset_stomach",
            "drowsiness",
            "dizziness",
            "insomnia",
            "weakness",
        ]
        .iter()
        .map(|q| severity(q, g))
        .collect::<Vec<_>>()
    };
    s.add(&record(
        "2026-11-01T08:00:00+01:00",
        Status::Completed,
        all(2),
        false,
    ));
    // Stopped after the first common question: the rest were never answered, and
    // are not zeros.
    s.add(&record(
        "2026-11-02T08:00:00+01:00",
        Status::Stopped,
        vec![severity("upset_stomach", 0)],
        false,
    ));
    let v = s.view(40);
    let common = v
        .sections
        .iter()
        .find(|x| x.id == "common")
        .expect("common");
    assert_eq!(common.points, 1);
    assert_eq!(common.last, 5);
    assert_ne!(common.trend.direction, Direction::Better);
    assert_eq!(common.trend.direction, Direction::Unknown);
    let upset = v
        .symptoms
        .iter()
        .find(|x| x.id == "upset_stomach")
        .expect("upset");
    assert_eq!((upset.points, upset.last), (1, 2));
}

#[test]
fn an_emergency_in_the_latest_check_in_is_never_better() {
    let bank = Bank::bundled().expect("bundled bank");
    let mut s = Summary::new(Some(&bank));
    let many = ["upset_stomach", "drowsiness", "dizziness", "insomnia"]
        .iter()
        .map(|q| severity(q, 3))
        .collect::<Vec<_>>();
    s.add(&record(
        "2026-11-01T08:00:00+01:00",
        Status::Completed,
        many.clone(),
        false,
    ));
    s.add(&record(
        "2026-11-02T08:00:00+01:00",
        Status::Completed,
        many,
        false,
    ));
    // Fewer symptoms at moderate or worse, but drowsiness very severe raised the
    // overdose emergency.
    s.add(&with_alert(
        record(
            "2026-11-03T08:00:00+01:00",
            Status::Completed,
            vec![severity("drowsiness", 4)],
            false,
        ),
        "overdose_signs",
        "drowsiness",
        Level::Emergency,
    ));
    let v = s.view(40);
    let common = v
        .sections
        .iter()
        .find(|x| x.id == "common")
        .expect("common");
    assert_eq!((common.first, common.last), (4, 1));
    assert_eq!(common.trend.direction, Direction::Emergency);
    assert_eq!(
        common.trend.direction.words(),
        "emergency at the last check-in !"
    );
    // Without the emergency, the same numbers read "better".
    let mut calm = Summary::new(Some(&bank));
    for r in ["2026-11-01T08:00:00+01:00", "2026-11-02T08:00:00+01:00"] {
        calm.add(&record(
            r,
            Status::Completed,
            ["upset_stomach", "drowsiness", "dizziness", "insomnia"]
                .iter()
                .map(|q| severity(q, 3))
                .collect(),
            false,
        ));
    }
    calm.add(&record(
        "2026-11-03T08:00:00+01:00",
        Status::Completed,
        vec![severity("drowsiness", 4)],
        false,
    ));
    let calm = calm.view(40);
    let c = calm
        .sections
        .iter()
        .find(|x| x.id == "common")
        .expect("common");
    assert_eq!(c.trend.direction, Direction::Better);

    // An emergency in another section leaves this one's word alone.
    let mut other = Summary::new(Some(&bank));
    for (at, g) in [
        ("2026-11-01T08:00:00+01:00", 3),
        ("2026-11-02T08:00:00+01:00", 0),
    ] {
        other.add(&with_alert(
            record(
                at,
                Status::Completed,
                vec![severity("drowsiness", g), severity("dizziness", g)],
                false,
            ),
            "seizure",
            "seizure",
            Level::Emergency,
        ));
    }
    let other = other.view(40);
    let c = other
        .sections
        .iter()
        .find(|x| x.id == "common")
        .expect("common");
    assert_eq!(c.trend.direction, Direction::Better);
}

// ---------------------------------------------------------------- the baseline

/// A check-in of the bundled bank starting at `at` with these answers, scored as
/// the flow scores them but saved without labels (the words then come from the
/// option ids, as for records made without them).
fn answered(at: &str, status: Status, given: serde_json::Value) -> CheckIn {
    let bank = Bank::bundled().expect("bundled bank");
    let answers = given
        .as_object()
        .expect("an object")
        .iter()
        .map(|(q, v)| {
            let question = bank.question(q).expect("a question of the bank");
            let score = match v {
                serde_json::Value::Bool(b) => {
                    bank.max_score(question).map(|m| if *b { m } else { 0 })
                }
                serde_json::Value::String(o) => bank
                    .options(question)
                    .iter()
                    .find(|c| c.id == *o)
                    .map(|c| c.score),
                _ => None,
            };
            answer(q, &question.section, v.clone(), score)
        })
        .collect();
    record(at, status, answers, false)
}

fn mark(r: &CheckIn) -> BaselineMark {
    BaselineMark::new(&r.id, t("2026-11-02T10:00:00+01:00"))
}

fn marked(r: &CheckIn, period: &Period) -> Baseline {
    let bank = Bank::bundled().expect("bundled bank");
    match Found::of(Some(&mark(r)), Some(r), Some(&bank), period) {
        Found::Marked(b) => *b,
        other => panic!("not a baseline: {other:?}"),
    }
}

fn change_words(before: &CheckIn, now: &CheckIn) -> Vec<String> {
    let bank = Bank::bundled().expect("bundled bank");
    changes(
        &Snapshot::of(before, None),
        &Snapshot::of(now, None),
        Some(&bank),
    )
    .into_iter()
    .map(|c| c.words)
    .collect()
}

#[test]
fn each_symptom_reads_as_before_and_now_in_plain_words() {
    let before = answered(
        "2026-11-01T09:00:00+01:00",
        Status::Completed,
        json!({"drowsiness": "none", "dizziness": "mild", "seizure": false,
               "euphoria": "often"}),
    );
    let now = answered(
        "2026-11-20T09:00:00+01:00",
        Status::Completed,
        json!({"seizure": true, "drowsiness": "moderate", "dizziness": "mild",
               "euphoria": "never", "tremors": "very_severe"}),
    );
    // In the bank's order, whatever order they were saved in.
    assert_eq!(
        change_words(&before, &now),
        [
            "Seizure: no before, yes now (worse)",
            "Drowsiness: none before, moderate now (worse)",
            "Dizziness: mild before, mild now (the same)",
            "Tremors: not asked before, very severe now",
            "Feeling high: often before, never now (better)",
        ]
    );
    let bank = Bank::bundled().expect("bundled bank");
    let all = changes(
        &Snapshot::of(&before, None),
        &Snapshot::of(&now, None),
        Some(&bank),
    );
    let drowsy = all
        .iter()
        .find(|c| c.symptom == "drowsiness")
        .expect("drowsiness");
    assert_eq!(
        (drowsy.before, drowsy.now, drowsy.change, drowsy.measure),
        (Some(0), Some(2), Shift::Worse, Measure::Grade)
    );
    let tremors = all
        .iter()
        .find(|c| c.symptom == "tremors")
        .expect("tremors");
    assert_eq!(
        (tremors.before, tremors.change),
        (None, Shift::NotAskedBefore)
    );
    // Asked at the baseline, not now.
    assert!(
        change_words(&now, &before)
            .contains(&"Tremors: very severe before, not asked now".to_string())
    );
}

#[test]
fn an_emergency_now_is_never_better_than_the_baseline() {
    let before = answered(
        "2026-11-01T09:00:00+01:00",
        Status::Completed,
        json!({"confusion": "very_severe"}),
    );
    let now = with_alert(
        answered(
            "2026-11-20T09:00:00+01:00",
            Status::Completed,
            json!({"confusion": "severe"}),
        ),
        "overdose",
        "confusion",
        Level::Emergency,
    );
    let bank = Bank::bundled().expect("bundled bank");
    let c = &changes(
        &Snapshot::of(&before, None),
        &Snapshot::of(&now, None),
        Some(&bank),
    )[0];
    assert_eq!(c.change, Shift::Emergency);
    assert_eq!(
        c.words,
        "Confusion: very severe before, severe now (an emergency at this check-in)"
    );
}

#[test]
fn only_a_completed_check_in_in_the_log_is_a_baseline() {
    let bank = Bank::bundled().expect("bundled bank");
    let all = Period::all();
    let done = answered("2026-11-01T09:00:00+01:00", Status::Completed, json!({}));
    let stopped = answered(
        "2026-11-01T10:00:00+01:00",
        Status::Stopped,
        json!({"drowsiness": "none"}),
    );
    let gone = BaselineMark::new("gone", t("2026-11-02T10:00:00+01:00"));
    assert_eq!(
        Found::of(None, Some(&done), Some(&bank), &all),
        Found::Unmarked
    );
    let missing = Found::of(Some(&gone), None, Some(&bank), &all);
    assert_eq!(missing, Found::Missing(gone.clone()));
    // A record that is not the one named is no baseline either.
    let other = Found::of(Some(&gone), Some(&done), Some(&bank), &all);
    assert_eq!(other, Found::Missing(gone.clone()));
    let cut = Found::of(Some(&mark(&stopped)), Some(&stopped), Some(&bank), &all);
    assert!(matches!(&cut, Found::Stopped(_, w) if w.starts_with("stopped after 1 of ")));
    assert!(
        Found::of(Some(&mark(&done)), Some(&done), Some(&bank), &all)
            .baseline()
            .is_some()
    );
    for (found, warned) in [
        (&missing, "which is not in the log"),
        (&cut, "never reached"),
    ] {
        let w = found.warning().expect("a warning");
        assert!(w.contains("names check-in") && w.contains(warned), "{w}");
        assert!(w.contains("sidecheck baseline ID"), "{w}");
        let absent = found.absent_words().expect("no baseline");
        assert!(absent.starts_with("No baseline: ") && absent.ends_with(&how_to_mark()));
    }
    let unmarked = Found::Unmarked.absent_words().expect("no baseline");
    assert!(unmarked.contains("no check-in is marked"), "{unmarked}");
    assert_eq!(Found::Unmarked.warning(), None);
}

#[test]
fn a_baseline_before_the_period_is_still_shown_and_said_to_be_outside_it() {
    let b = answered("2026-10-01T09:00:00+01:00", Status::Completed, json!({}));
    let period = Period::parse(Some("2026-11-01"), None, &chrono::Utc).expect("period");
    let outside = marked(&b, &period);
    assert!(!outside.in_period);
    assert!(
        outside.words().contains("not in this period"),
        "{}",
        outside.words()
    );
    let inside = marked(&b, &Period::all());
    assert!(inside.in_period);
    assert_eq!(
        inside.words(),
        "Baseline: the check-in of 2026-10-01 09:00 (id-2026-10-01T09:00:00+01:00), marked as the baseline on 2026-11-02 10:00."
    );
}

#[test]
fn the_check_in_compared_is_the_latest_completed_one_after_the_baseline() {
    let base = answered("2026-11-10T09:00:00+01:00", Status::Completed, json!({}));
    let b = marked(&base, &Period::all());
    let at = |when: &str| Snapshot::of(&answered(when, Status::Completed, json!({})), None);
    assert!(compared(&b, None).is_err_and(|w| w.contains("no completed check-in")));
    let itself = Snapshot::of(&base, None);
    assert!(compared(&b, Some(&itself)).is_err_and(|w| w.contains("baseline itself")));
    let earlier = at("2026-11-01T09:00:00+01:00");
    assert!(compared(&b, Some(&earlier)).is_err_and(|w| w.contains("before the baseline")));
    let later = at("2026-11-20T09:00:00+01:00");
    assert_eq!(
        compared(&b, Some(&later)).map(|s| s.check_in.as_str()),
        Ok("id-2026-11-20T09:00:00+01:00")
    );
}

#[test]
fn the_summary_compares_its_latest_completed_check_in_with_the_baseline() {
    let bank = Bank::bundled().expect("bundled bank");
    let base = answered(
        "2026-11-01T09:00:00+01:00",
        Status::Completed,
        json!({"drowsiness": "none"}),
    );
    let mut s = Summary::new(Some(&bank));
    assert!(s.view(40).baseline.is_none());
    assert!(
        s.view(40)
            .no_baseline
            .is_some_and(|w| w.ends_with(&how_to_mark()))
    );
    s.set_baseline(Found::of(
        Some(&mark(&base)),
        Some(&base),
        Some(&bank),
        &Period::all(),
    ));
    s.add(&base);
    s.add(&answered(
        "2026-11-20T09:00:00+01:00",
        Status::Completed,
        json!({"drowsiness": "moderate"}),
    ));
    // A stopped check-in is never what the baseline is compared with.
    s.add(&answered(
        "2026-11-21T09:00:00+01:00",
        Status::Stopped,
        json!({"drowsiness": "none"}),
    ));
    let v = s.view(40);
    assert_eq!(v.no_baseline, None);
    let b = v.baseline.expect("a baseline");
    assert_eq!(b.check_in, base.id);
    assert_eq!(
        b.compared_with.map(|c| c.check_in).as_deref(),
        Some("id-2026-11-20T09:00:00+01:00")
    );
    assert_eq!(b.not_compared, None);
    assert_eq!(
        b.changes
            .iter()
            .map(|c| c.words.as_str())
            .collect::<Vec<_>>(),
        ["Drowsiness: none before, moderate now (worse)"]
    );
    let common = b
        .sections
        .iter()
        .find(|x| x.section == "common")
        .expect("common");
    assert_eq!(common.moderate_or_worse, 0);
}

#[test]
fn minute_writes_what_chrono_s_format_writes() {
    for text in [
        "2026-11-30T09:05:59.999+01:00",
        "2026-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "0999-12-31T23:59:00-13:30",
        "9999-12-31T23:59:59+14:00",
    ] {
        let t = DateTime::parse_from_rfc3339(text).expect("a time");
        assert_eq!(minute(&t), t.format("%Y-%m-%d %H:%M").to_string(), "{text}");
    }
    // Years past four digits or before year 0, through chrono.
    let utc = FixedOffset::east_opt(0).expect("an offset");
    for year in [-1, 10_000, 262_000] {
        let t = utc.with_ymd_and_hms(year, 3, 4, 5, 6, 7).unwrap();
        assert_eq!(minute(&t), t.format("%Y-%m-%d %H:%M").to_string(), "{year}");
    }
}
