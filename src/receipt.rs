//! One check-in's receipt: the plain-text summary shown when it is saved and by
//! `sidecheck show`. Urgent alerts first, then the symptoms reported by section with
//! their severity, then advice and where the log is. (A period's fold of many
//! check-ins is [`crate::report::Summary`].)

use std::fmt::Write;

use crate::alert::{call_lines, fill_numbers};
use crate::bank::{Bank, Kind};
use crate::grades::{Grades, SectionGrades, TOP_GRADE, moderate_not_urgent};
use crate::record::bank_for;
use crate::record::{CheckIn, Status};
use crate::region::Region;
use crate::report::{minute, question_short, retracted_words};
use crate::text;
use crate::text::fmt_num;

/// The width the summary (and other text for the person) is written to.
pub const WIDTH: usize = 76;

/// The summary of one check-in. `bank` gives titles and advice when the record was
/// made with it; without it the ids are shown.
pub fn render(record: &CheckIn, bank: Option<&Bank>, region: &Region) -> String {
    let bank = bank_for(bank, record);
    let grades = Grades::of(record, bank);
    let mut s = String::new();
    head(&mut s, record, bank, &grades);
    alerts(&mut s, record, bank, region);
    reported(&mut s, record, bank, &grades);
    advice(&mut s, record, bank, region);
    if let Some(b) = bank {
        let _ = writeln!(s);
        hang(&mut s, "", "", &b.safety_notice);
    }
    // Notes, ids and titles come from the log, which anyone may have edited.
    crate::text::visible(&s)
}

/// Which check-in, when, how far it got, and the "about you" answers it was made
/// with.
fn head(s: &mut String, record: &CheckIn, bank: Option<&Bank>, grades: &Grades) {
    let when = minute(&record.started_at);
    let status = match record.status {
        Status::Completed => "completed".to_string(),
        Status::Stopped => grades
            .stopped_words(record.status)
            .unwrap_or_else(|| "stopped before the end".into()),
    };
    let _ = writeln!(s, "Check-in {} ({when}, {status})", record.id);
    if let Some(b) = bank {
        let _ = writeln!(s, "About {}.", b.recall_period);
    }
    // The context the alerts were raised in (kidney problems lower a threshold).
    if let Some(p) = &record.profile {
        let yes = p.yes_names(bank);
        let said = if yes.is_empty() {
            "no to every question".to_string()
        } else {
            yes.join(", ")
        };
        hang(s, "", "", &format!("About you, as answered then: {said}."));
    }
}

/// The urgent alerts that stand, with what to do and whom to call, then those
/// shown and taken back by a changed answer.
fn alerts(s: &mut String, record: &CheckIn, bank: Option<&Bank>, region: &Region) {
    let urgent: Vec<_> = record.urgent_alerts().collect();
    let _ = writeln!(s);
    if urgent.is_empty() {
        let _ = writeln!(s, "Urgent alerts: none.");
    } else {
        let _ = writeln!(s, "URGENT ALERTS:");
        for a in &urgent {
            hang(
                s,
                "  !! ",
                "     ",
                &format!("{}: {}", a.level.heading(), a.title),
            );
            if let Some(rule) = bank.and_then(|b| b.alert(&a.id)) {
                hang(s, "     ", "     ", &fill_numbers(&rule.advice, region));
                for c in call_lines(rule, region) {
                    hang(s, "     - ", "       ", &c);
                }
            }
        }
    }
    // Alerts shown and then taken back by a changed answer: the person saw them, so
    // the summary (and `show`, for a clinician) says so, with the help they gave.
    let retracted: Vec<_> = record.retracted_urgent_alerts().collect();
    if !retracted.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Alerts shown, then the answer was changed:");
        for a in &retracted {
            hang(
                s,
                "  - ",
                "    ",
                &format!("{} ({})", a.title, a.level.as_str()),
            );
            hang(s, "    ", "    ", &retracted_words(a));
            if let Some(rule) = bank.and_then(|b| b.alert(&a.id)) {
                let calls = call_lines(rule, region);
                if !calls.is_empty() {
                    let _ = writeln!(s, "    If it still applies to you:");
                }
                for c in calls {
                    hang(s, "    - ", "      ", &c);
                }
            }
        }
    }
}

/// What was reported, by section, with each section's numbers.
fn reported(s: &mut String, record: &CheckIn, bank: Option<&Bank>, grades: &Grades) {
    let _ = writeln!(s);
    let _ = writeln!(s, "What you reported:");
    let mut any = false;
    let sections: Vec<(String, String)> = match bank {
        Some(b) => b
            .sections
            .iter()
            .map(|x| (x.id.clone(), x.title.clone()))
            .collect(),
        None => {
            let mut ids: Vec<String> = Vec::new();
            for a in &record.answers {
                if !ids.contains(&a.section) {
                    ids.push(a.section.clone());
                }
            }
            ids.into_iter().map(|id| (id.clone(), id)).collect()
        }
    };
    for (sid, title) in &sections {
        let mut items = Vec::new();
        for a in record.answers.iter().filter(|a| &a.section == sid) {
            let q = bank.and_then(|b| b.question(&a.question));
            let name = q
                .map(|q| q.short.clone())
                .unwrap_or_else(|| a.question.clone());
            let shown = match (q.map(|q| q.kind), &a.score, &a.value) {
                (_, Some(score), _) if *score > 0 => a.label.clone().unwrap_or_default(),
                (Some(Kind::Number), _, v) => match (v.as_f64(), q.and_then(|q| q.unit.clone())) {
                    (Some(n), Some(unit)) if n > 0.0 => format!("{} {unit}", fmt_num(n)),
                    _ => continue,
                },
                (Some(Kind::Text), _, serde_json::Value::String(t)) if !t.trim().is_empty() => {
                    format!("\"{}\"", t.trim())
                }
                _ => continue,
            };
            items.push(format!("{name}: {shown}"));
        }
        if items.is_empty() {
            continue;
        }
        any = true;
        let numbers = grades
            .section(sid)
            .and_then(section_words)
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        hang(s, "  ", "    ", &format!("{title}{numbers}"));
        for item in items {
            hang(s, "    - ", "      ", &item);
        }
    }
    if !any {
        let _ = writeln!(s, "  No symptoms reported.");
    }
}

/// Advice: the bank's for each alert that is not urgent, and a word on symptoms at
/// moderate or worse.
fn advice(s: &mut String, record: &CheckIn, bank: Option<&Bank>, region: &Region) {
    let advice: Vec<_> = record
        .alerts
        .iter()
        .filter(|a| !a.level.is_urgent())
        .filter_map(|a| bank.and_then(|b| b.alert(&a.id)))
        .collect();
    let mut advice: Vec<String> = advice
        .into_iter()
        .map(|rule| fill_numbers(&rule.advice, region))
        .collect();
    let moderate = moderate_not_urgent(record, bank);
    if !moderate.is_empty() {
        let names: Vec<String> = moderate
            .iter()
            .map(|m| question_short(bank, &m.answer.question))
            .collect();
        let (these, it) = if names.len() == 1 {
            ("This symptom was", "it gets")
        } else {
            ("These symptoms were", "they get")
        };
        advice.push(format!(
            "{these} moderate or worse: {}. Tell your prescriber at your next visit, or sooner if {it} worse.",
            names.join(", ")
        ));
    }
    if !advice.is_empty() {
        let _ = writeln!(s);
        let _ = writeln!(s, "Advice:");
        for text in advice {
            hang(s, "  - ", "    ", &text);
        }
    }
}

/// A section's numbers in words: "2 of 7 symptoms moderate or worse, highest grade 3
/// of 4; 1 yes". `None` when there is nothing to say.
pub fn section_words(g: &SectionGrades) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(h) = g.highest_grade {
        parts.push(format!(
            "{} of {} symptom{} moderate or worse, highest grade {h} of {TOP_GRADE}",
            g.moderate_or_worse,
            g.graded,
            if g.graded == 1 { "" } else { "s" }
        ));
    }
    if g.yes > 0 {
        parts.push(format!("{} yes", g.yes));
    }
    if g.urgent_findings > 0 {
        parts.push(format!(
            "{} urgent finding{}",
            g.urgent_findings,
            if g.urgent_findings == 1 { "" } else { "s" }
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Writes `text` wrapped to the summary's width: the first line after `first`, the
/// others after `rest` (a hanging indent).
fn hang(s: &mut String, first: &str, rest: &str, text: &str) {
    for line in text::hang(text, first, rest, WIDTH) {
        let _ = writeln!(s, "{line}");
    }
}
