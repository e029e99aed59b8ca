//! One check-in's receipt: the plain-text summary shown when it is saved and by
//! `sidecheck show`. Urgent alerts first, then the symptoms reported by section with
//! their severity, then advice and where the log is. (A period's fold of many
//! check-ins is [`crate::report::Summary`].)

use crate::alert::{call_lines, fill_numbers};
use crate::bank::{Bank, Kind};
use crate::flow::caregiver_bank;
use crate::grades::{Grades, SectionGrades, TOP_GRADE, moderate_not_urgent};
use crate::i18n::{t, t_args, t_count};
use crate::record::bank_for;
use crate::record::{CheckIn, Respondent, Status};
use crate::region::Region;
use crate::report::{minute, question_short, retracted_words};
use crate::text;
use crate::text::fmt_num;

/// The width the summary (and other text for the person) is written to.
pub const WIDTH: usize = 76;

/// The summary of one check-in. `bank` gives titles and advice when the record was
/// made with it; without it the ids are shown.
pub fn render(record: &CheckIn, bank: Option<&Bank>, region: &Region) -> String {
    render_at(record, bank, region, WIDTH)
}

/// The summary wrapped to `width` columns (a narrow terminal), at most [`WIDTH`].
pub fn render_at(record: &CheckIn, bank: Option<&Bank>, region: &Region, width: usize) -> String {
    let bank = bank_for(bank, record);
    // A caregiver's check-in tells them what to do for the person, in the words
    // they were alerted in.
    let cared = bank
        .filter(|_| record.respondent == Respondent::Caregiver)
        .and_then(caregiver_bank);
    let bank = cared.as_ref().or(bank);
    let grades = Grades::of(record, bank);
    let mut s = Page {
        text: String::new(),
        width: width.clamp(20, WIDTH),
    };
    head(&mut s, record, bank, &grades);
    alerts(&mut s, record, bank, region);
    reported(&mut s, record, bank, &grades);
    advice(&mut s, record, bank, region);
    if let Some(b) = bank {
        s.line("");
        s.hang("", "", &b.safety_notice);
    }
    // Notes, ids and titles come from the log, which anyone may have edited.
    crate::text::visible(&s.text)
}

/// Which check-in, when, how far it got, and the "about you" answers it was made
/// with.
fn head(s: &mut Page, record: &CheckIn, bank: Option<&Bank>, grades: &Grades) {
    let when = minute(&record.started_at);
    let status = match record.status {
        Status::Completed => t("receipt-completed"),
        Status::Stopped => grades
            .stopped_words(record.status)
            .unwrap_or_else(|| t("receipt-stopped")),
    };
    s.hang(
        "",
        "",
        &t_args(
            "receipt-check-in",
            &[("id", &record.id), ("when", &when), ("status", &status)],
        ),
    );
    if record.respondent == Respondent::Caregiver {
        s.line(&t("caregiver-answered-by"));
    }
    if let Some(b) = bank {
        s.line(&t_args("receipt-about", &[("period", &b.recall_period)]));
    }
    // The context the alerts were raised in (kidney problems lower a threshold).
    if let Some(p) = &record.profile {
        let yes = p.yes_names(bank);
        let said = if yes.is_empty() {
            t("receipt-profile-all-no")
        } else {
            yes.join(", ")
        };
        let words = record.respondent.message("receipt-profile");
        s.hang("", "", &t_args(&words, &[("said", &said)]));
    }
}

/// The urgent alerts that stand, with what to do and whom to call, then those
/// shown and taken back by a changed answer.
fn alerts(s: &mut Page, record: &CheckIn, bank: Option<&Bank>, region: &Region) {
    let urgent: Vec<_> = record.urgent_alerts().collect();
    s.line("");
    if urgent.is_empty() {
        s.line(&t("receipt-urgent-none"));
    } else {
        s.line(&t("receipt-urgent"));
        for a in &urgent {
            s.hang(
                "  !! ",
                "     ",
                &format!("{}: {}", a.level.shown(), a.title),
            );
            if let Some(rule) = bank.and_then(|b| b.alert(&a.id)) {
                s.hang("     ", "     ", &fill_numbers(&rule.advice, region));
                for c in call_lines(rule, region) {
                    s.hang("     - ", "       ", &c);
                }
            }
        }
    }
    // Alerts shown and then taken back by a changed answer: the person saw them, so
    // the summary (and `show`, for a clinician) says so, with the help they gave.
    let retracted: Vec<_> = record.retracted_urgent_alerts().collect();
    if !retracted.is_empty() {
        s.line("");
        s.line(&t("receipt-retracted"));
        for a in &retracted {
            s.hang(
                "  - ",
                "    ",
                &format!("{} ({})", a.title, a.level.as_str()),
            );
            s.hang("    ", "    ", &retracted_words(a));
            if let Some(rule) = bank.and_then(|b| b.alert(&a.id)) {
                let calls = call_lines(rule, region);
                if !calls.is_empty() {
                    let words = record.respondent.message("receipt-still-applies");
                    s.line(&format!("    {}", t(&words)));
                }
                for c in calls {
                    s.hang("    - ", "      ", &c);
                }
            }
        }
    }
}

/// What was reported, by section, with each section's numbers.
fn reported(s: &mut Page, record: &CheckIn, bank: Option<&Bank>, grades: &Grades) {
    s.line("");
    s.line(&t("receipt-reported"));
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
                if !ids.iter().any(|id| a.section == id.as_str()) {
                    ids.push(a.section.to_string());
                }
            }
            ids.into_iter().map(|id| (id.clone(), id)).collect()
        }
    };
    for (sid, title) in &sections {
        let mut items = Vec::new();
        for a in record.answers.iter().filter(|a| a.section == sid) {
            let q = bank.and_then(|b| b.question(&a.question));
            let name = q
                .map(|q| q.short.clone())
                .unwrap_or_else(|| a.question.to_string());
            let shown = match (q.map(|q| q.kind), &a.score, &a.value) {
                (_, Some(score), _) if *score > 0 => {
                    a.label.as_deref().unwrap_or_default().to_string()
                }
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
        s.hang("  ", "    ", &format!("{title}{numbers}"));
        for item in items {
            s.hang("    - ", "      ", &item);
        }
    }
    if !any {
        s.line(&format!("  {}", t("receipt-no-symptoms")));
    }
}

/// Advice: the bank's for each alert that is not urgent, and a word on symptoms at
/// moderate or worse.
fn advice(s: &mut Page, record: &CheckIn, bank: Option<&Bank>, region: &Region) {
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
        advice.push(t_count(
            &record.respondent.message("receipt-moderate-advice"),
            ("count", names.len() as u64),
            &[("names", &names.join(", "))],
        ));
    }
    if !advice.is_empty() {
        s.line("");
        s.line(&t("receipt-advice"));
        for text in advice {
            s.hang("  - ", "    ", &text);
        }
    }
}

/// A section's numbers in words: "2 of 7 symptoms moderate or worse, highest grade 3
/// of 4; 1 yes". `None` when there is nothing to say.
pub fn section_words(g: &SectionGrades) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(h) = g.highest_grade {
        parts.push(t_count(
            "receipt-section-graded",
            ("graded", g.graded.into()),
            &[
                ("moderate", &g.moderate_or_worse.to_string()),
                ("highest", &h.to_string()),
                ("top", &TOP_GRADE.to_string()),
            ],
        ));
    }
    if g.yes > 0 {
        parts.push(t_args(
            "receipt-section-yes",
            &[("yes", &g.yes.to_string())],
        ));
    }
    if g.urgent_findings > 0 {
        parts.push(t_count(
            "receipt-section-urgent",
            ("count", g.urgent_findings.into()),
            &[],
        ));
    }
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// The summary as it is written: its text and the width it wraps to.
struct Page {
    text: String,
    width: usize,
}

impl Page {
    /// One line as it is (short, fixed words).
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// `text` wrapped to the page's width: the first line after `first`, the others
    /// after `rest` (a hanging indent).
    fn hang(&mut self, first: &str, rest: &str, text: &str) {
        for line in text::hang(text, first, rest, self.width) {
            self.line(&line);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::flow::tests::{bundled, run};

    #[test]
    fn the_receipt_fits_a_narrow_screen_and_loses_no_word() {
        let bank = bundled();
        let given = json!({"breathing": true, "alcohol_sedatives": true, "drowsiness": "moderate"});
        let (flow, _) = run(&bank, &given);
        let t = chrono::DateTime::parse_from_rfc3339("2026-11-30T09:00:00.000+01:00").unwrap();
        let r = flow.to_record(
            "20261130-090000-0123456789ab".into(),
            Status::Completed,
            t,
            t,
            "US",
        );
        let region = crate::region::for_code("US");
        let wide = render(&r, Some(&bank), &region);
        let narrow = render_at(&r, Some(&bank), &region, 40);
        for line in narrow.lines() {
            assert!(line.chars().count() <= 40, "too wide: {line:?}");
        }
        let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
        assert_eq!(words(&narrow), words(&wide));
        assert!(wide.lines().any(|l| l.chars().count() > 40), "{wide}");
        assert_eq!(render_at(&r, Some(&bank), &region, 200), wide);
    }
}
