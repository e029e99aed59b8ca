//! Finishing a stopped check-in later (`sidecheck check --resume`): which one can be
//! finished, why another cannot, and what the person sees before carrying on.
//!
//! Only the check-in saved last can be finished, and only while it is `stopped`,
//! not yet finished by another record, made with the same bank id and version, and
//! started within the recall period. Otherwise the person is told why in one line
//! and a new check-in starts. Pure: the latest record and the time come from the
//! caller.

use crate::i18n::{t, t_args, t_count};
use chrono::{DateTime, Duration, FixedOffset};

use crate::bank::{AlertRule, Bank};
use crate::checkins::Latest;
use crate::flow::Flow;
use crate::record::{AnswerRecord, CheckIn, Status};
use crate::report::minute;
use crate::text::fmt_num;
use crate::text::{visible_id, visible_line};

/// The questions ask about the last 7 days, so answers older than that would mix
/// two different weeks into one check-in.
pub const RECALL_DAYS: i64 = 7;

/// A stopped check-in that can be finished now.
#[derive(Debug)]
pub struct Resumable<'b> {
    /// The stopped record; it stays in the log as it is.
    pub stopped: CheckIn,
    /// A flow holding its answers, at the first question not yet answered.
    pub flow: Flow<'b>,
    /// Urgent alerts its answers already raised, most urgent first, to show again
    /// before anything is asked.
    pub holding: Vec<&'b AlertRule>,
}

/// The check-in that `--resume` would finish, or, in one line, why there is none
/// and a new check-in starts instead.
pub fn find<'b>(
    latest: Option<Latest>,
    bank: &'b Bank,
    now: DateTime<FixedOffset>,
) -> Result<Resumable<'b>, String> {
    let new = t("resume-new-instead");
    let Some(latest) = latest else {
        return Err(t_args("resume-none", &[("new", &new)]));
    };
    let r = latest.record;
    let at = minute(&r.started_at);
    // Ids and bank names come from the log, which anyone may have edited.
    let id = visible_id(&r.id);
    if r.status == Status::Completed {
        return Err(t_args(
            "resume-completed",
            &[("at", &at), ("id", &id), ("new", &new)],
        ));
    }
    if let Some(by) = latest.continued_by {
        return Err(t_args(
            "resume-finished-by",
            &[("at", &at), ("by", &visible_id(&by)), ("new", &new)],
        ));
    }
    if r.bank.id != bank.id || r.bank.version != bank.version {
        return Err(t_args(
            "resume-other-bank",
            &[
                ("at", &at),
                ("was", &visible_id(&r.bank.id)),
                ("was_version", &visible_line(&r.bank.version, 32)),
                ("bank", &bank.id),
                ("version", &bank.version),
                ("new", &new),
            ],
        ));
    }
    if now.signed_duration_since(r.started_at) > Duration::days(RECALL_DAYS) {
        return Err(t_args(
            "resume-too-old",
            &[
                ("at", &at),
                ("days", &RECALL_DAYS.to_string()),
                ("new", &new),
            ],
        ));
    }
    // Its answers were given with its "about you" answers, so they carry on too.
    let profile = r.profile.clone().unwrap_or_default();
    let (mut flow, holding) =
        Flow::restore_with_profile(bank, &r.answers, profile).map_err(|e| {
            t_args(
                "resume-answer-misfits",
                &[
                    ("at", &at),
                    ("question", &e.question),
                    ("why", &e.message),
                    ("new", &new),
                ],
            )
        })?;
    flow.carry_alerts(&r.alerts, &r.retracted_alerts);
    Ok(Resumable {
        stopped: r,
        flow,
        holding,
    })
}

/// "N of M questions": answered, and asked given those answers.
fn how_far(flow: &Flow<'_>) -> String {
    let total = flow.progress().1;
    t_count(
        "resume-how-far",
        ("total", total as u64),
        &[("answered", &flow.answered().to_string())],
    )
}

/// The line a guided start shows when a stopped check-in can still be finished.
pub fn notice(r: &Resumable<'_>) -> String {
    wrapped(&t_args(
        "resume-notice",
        &[
            ("at", &minute(&r.stopped.started_at)),
            ("far", &how_far(&r.flow)),
        ],
    ))
}

/// Lines as wide as the summary's, as the guided check writes them.
fn wrapped(text: &str) -> String {
    crate::text::wrap(text, crate::receipt::WIDTH).join("\n")
}

/// What `--resume` shows first: where the check-in stopped and its answers, one
/// short line each. `guided` adds how to go back to them.
pub fn earlier_answers(r: &Resumable<'_>, guided: bool) -> String {
    let bank = r.flow.bank();
    let mut s = wrapped(&t_args(
        "resume-finishing",
        &[
            ("at", &minute(&r.stopped.started_at)),
            ("id", &visible_id(&r.stopped.id)),
            ("far", &how_far(&r.flow)),
        ],
    ));
    s.push_str(&format!("\n{}\n", t("resume-answers-so-far")));
    for a in &r.stopped.answers {
        let q = bank.question(&a.question);
        let name = q.map_or(a.question.as_str(), |q| q.short.as_str());
        let unit = q.and_then(|q| q.unit.as_deref());
        s.push_str(&format!(
            "  {}: {}\n",
            visible_line(name, 40),
            answer_words(a, unit)
        ));
    }
    if guided && r.flow.is_complete() {
        s.push_str(&format!("{}\n", t("resume-all-answered")));
    } else if guided {
        s.push_str(&wrapped(&t("resume-go-on")));
        s.push('\n');
    }
    s
}

/// An answer in a few words: the label chosen, the number, or the start of a text.
fn answer_words(a: &AnswerRecord, unit: Option<&str>) -> String {
    if let Some(label) = &a.label {
        return visible_line(label, 40);
    }
    match &a.value {
        serde_json::Value::Number(n) => {
            let n = n.as_f64().map(fmt_num).unwrap_or_else(|| n.to_string());
            match unit {
                Some(u) => format!("{n} {}", visible_line(u, 20)),
                None => n,
            }
        }
        serde_json::Value::String(s) if s.trim().is_empty() => t("resume-nothing-written"),
        serde_json::Value::String(s) => format!("\"{}\"", visible_line(s, 40)),
        other => visible_line(&other.to_string(), 40),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::Answer;

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    /// A stopped check-in of the bundled bank: no pump, no dose change, breathing
    /// yes, seizure no.
    fn stopped(bank: &Bank, at: &str) -> Latest {
        let mut flow = Flow::new(bank);
        for yes in [false, false, true, false] {
            flow.answer(Answer::Yes(yes));
        }
        Latest {
            record: flow.to_record(
                "20261201-080000-000000000001".into(),
                Status::Stopped,
                t(at),
                t(at),
                "US",
            ),
            continued_by: None,
        }
    }

    const NOW: &str = "2026-12-01T10:00:00.000+01:00";

    #[test]
    fn a_recent_stopped_check_in_of_this_bank_can_be_finished() {
        let bank = Bank::bundled().unwrap();
        let r = find(
            Some(stopped(&bank, "2026-12-01T09:00:00.000+01:00")),
            &bank,
            t(NOW),
        )
        .unwrap();
        assert_eq!(
            r.flow.current().map(|q| q.id.as_str()),
            Some("suicidal_thoughts")
        );
        assert_eq!(r.holding.len(), 1);
        assert_eq!(
            notice(&r),
            "Your check-in of 2026-12-01 09:00 was stopped after 4 of 19 questions. To\nfinish it, run `sidecheck check --resume`."
        );
        let list = earlier_answers(&r, true);
        assert!(
            list.contains("  Trouble breathing: Yes\n  Seizure: No\n"),
            "{list}"
        );
    }

    #[test]
    fn older_than_the_recall_period_starts_a_new_check_in() {
        let bank = Bank::bundled().unwrap();
        let old = stopped(&bank, "2026-11-24T09:59:00.000+01:00");
        let why = find(Some(old), &bank, t(NOW)).unwrap_err();
        assert!(why.contains("more than 7 days ago"), "{why}");
        // Just inside the 7 days is still fine.
        let recent = stopped(&bank, "2026-11-24T10:01:00.000+01:00");
        assert!(find(Some(recent), &bank, t(NOW)).is_ok());
    }

    #[test]
    fn another_bank_version_starts_a_new_check_in() {
        let bank = Bank::bundled().unwrap();
        let mut l = stopped(&bank, "2026-12-01T09:00:00.000+01:00");
        l.record.bank.version = "0.9.0".into();
        let why = find(Some(l), &bank, t(NOW)).unwrap_err();
        assert!(why.contains("baclofen 0.9.0"), "{why}");
        assert!(why.contains("a new check-in starts instead"), "{why}");
    }

    #[test]
    fn nothing_stopped_or_already_finished_starts_a_new_check_in() {
        let bank = Bank::bundled().unwrap();
        assert!(
            find(None, &bank, t(NOW))
                .unwrap_err()
                .contains("no stopped check-in")
        );
        let mut done = stopped(&bank, "2026-12-01T09:00:00.000+01:00");
        done.record.status = Status::Completed;
        assert!(
            find(Some(done), &bank, t(NOW))
                .unwrap_err()
                .contains("was completed")
        );
        let mut taken = stopped(&bank, "2026-12-01T09:00:00.000+01:00");
        taken.continued_by = Some("20261201-090000-000000000002".into());
        let why = find(Some(taken), &bank, t(NOW)).unwrap_err();
        assert!(
            why.contains("already finished by check-in 20261201-090000-000000000002"),
            "{why}"
        );
    }

    #[test]
    fn the_list_shows_stored_text_on_one_line_without_escape_codes() {
        assert_eq!(
            visible_line("a\x1b]0;x\x07b\nc", 40),
            "a\\u{1b}]0;x\\u{7}b\\nc"
        );
        assert_eq!(visible_line("abcdef", 3), "abc…");
    }
}
