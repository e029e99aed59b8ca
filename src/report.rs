//! The pure core of `history` and `export`: check-ins go in one at a time and are
//! folded into aggregates (counts, a series per section and per symptom, alert
//! counts). The numbers come from [`crate::grades`]; only completed check-ins feed
//! a series (a stopped one has no answers for what it never asked, and those are
//! not zeros). Nothing here keeps a record after `add` returns, so memory stays
//! flat however long the log grows; the writers stream the records themselves.
//!
//! No file, terminal or clock in here: the period and the bank come from the caller.

pub mod baseline;
pub mod period;
pub mod series;

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use schemars::JsonSchema;
use serde::Serialize;

use crate::bank::{Bank, Kind, Level};
use crate::grades::{AlertBasis, Graded, Grades, TOP_GRADE, grade, yes_sign};
use crate::record::{AlertRecord, BankRef, CheckIn, Status};

use crate::text::rfc3339;
pub use baseline::{
    Baseline, BaselineView, Change, Found, Shift, Snapshot, Symptom, changes, comparable, compared,
    how_to_mark, in_another_language, shift,
};
pub use period::{Bound, Period, PeriodView, minute};
pub use series::{Bucket, Direction, Series, Trend, sparkline};

/// How wide sparklines are, at most, in characters.
pub const SPARK_WIDTH: usize = 40;

// Moved down to the record, so that grades need not import report. Kept here for
// the callers outside the core until they import it from there.
use crate::record::bank_for;

/// A section's title, or its id when the bank is not known.
pub fn section_title(bank: Option<&Bank>, id: &str) -> String {
    bank.and_then(|b| b.section(id))
        .map(|s| s.title.clone())
        .unwrap_or_else(|| id.to_string())
}

/// A question's short name, or its id when the bank is not known.
pub fn question_short(bank: Option<&Bank>, id: &str) -> String {
    bank.and_then(|b| b.question(id))
        .map(|q| q.short.clone())
        .unwrap_or_else(|| id.to_string())
}

/// Check-ins counted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Counts {
    /// Check-ins in the period.
    pub check_ins: u64,
    /// Check-ins answered to the end.
    pub completed: u64,
    /// Check-ins stopped before the end.
    pub stopped: u64,
    /// Check-ins with at least one urgent alert.
    pub with_urgent_alerts: u64,
    /// Urgent alerts, all check-ins together.
    pub urgent_alerts: u64,
    /// Urgent alerts that were shown and then retracted because an answer they
    /// rested on was changed; not counted in `urgent_alerts`.
    pub retracted_alerts: u64,
    /// Lines of the log skipped because they were not valid check-ins.
    pub skipped_lines: u64,
}

/// How often one alert was raised.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AlertCount {
    /// The alert rule's id.
    pub id: String,
    pub level: Level,
    pub title: String,
    /// Check-ins that raised it.
    pub count: u64,
    /// Start of the last check-in that raised it (RFC 3339).
    #[schemars(extend("format" = "date-time"))]
    pub last_at: String,
}

/// One urgent alert with the check-in that raised it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct UrgentAlert {
    /// Start of the check-in (RFC 3339, with the person's offset).
    #[schemars(extend("format" = "date-time"))]
    pub at: String,
    /// The check-in's id.
    pub check_in: String,
    /// The alert rule's id.
    pub id: String,
    pub level: Level,
    pub title: String,
    /// The question whose answer raised it.
    pub question: String,
    /// When the person was shown it (RFC 3339), where the record says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub shown_at: Option<String>,
    /// For a retracted alert: when the answer it rested on was changed (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("format" = "date-time"))]
    pub retracted_at: Option<String>,
}

impl UrgentAlert {
    fn of(r: &CheckIn, a: &AlertRecord) -> UrgentAlert {
        UrgentAlert {
            at: rfc3339(&r.started_at),
            check_in: r.id.clone(),
            id: a.id.to_string(),
            level: a.level,
            title: a.title.to_string(),
            question: a.question.to_string(),
            shown_at: a.shown_at.as_ref().map(rfc3339),
            retracted_at: a.retracted_at.as_ref().map(rfc3339),
        }
    }
}

/// The urgent alerts of one check-in that stand, most urgent first (as saved).
pub fn urgent_alerts(r: &CheckIn) -> impl Iterator<Item = UrgentAlert> + '_ {
    r.urgent_alerts().map(|a| UrgentAlert::of(r, a))
}

/// The urgent alerts of one check-in that were shown and then retracted (an answer
/// they rested on was changed), in the order that happened.
pub fn retracted_alerts(r: &CheckIn) -> impl Iterator<Item = UrgentAlert> + '_ {
    r.retracted_urgent_alerts().map(|a| UrgentAlert::of(r, a))
}

/// "shown at 10:01:05, then the answer was changed at 10:01:40": how a retracted
/// alert reads everywhere, with the times the record has.
pub fn retracted_words(a: &AlertRecord) -> String {
    let time =
        |t: &Option<DateTime<FixedOffset>>| t.map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string());
    let shown = match time(&a.shown_at) {
        Some(at) => crate::i18n::t_args("report-retracted-shown-at", &[("at", &at)]),
        None => crate::i18n::t("report-retracted-shown"),
    };
    match time(&a.retracted_at) {
        Some(at) => crate::i18n::t_args(
            "report-retracted-changed-at",
            &[("shown", &shown), ("at", &at)],
        ),
        None => crate::i18n::t_args("report-retracted-changed", &[("shown", &shown)]),
    }
}

/// Whether the answer to `question` raised or contributed to an emergency alert
/// that stands at the end of the check-in ([`AlertBasis`]): a symptom's trend and
/// its change from the baseline then say "emergency", never "better".
pub fn emergency_from(basis: &AlertBasis<'_>, question: &str) -> bool {
    // Asked of every answer of the log; most check-ins raise no emergency, and
    // that is known without comparing a question id.
    let emergency = |al: &AlertRecord| al.level == Level::Emergency;
    basis.standing().iter().any(|b| emergency(b.alert))
        && basis.standing_on(question).any(emergency)
}

/// What a series counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// A section: how many of its graded symptoms were at moderate or worse (grade
    /// 2 or more); `possible` is every graded question of the section.
    ModerateOrWorse,
    /// A symptom's grade, 0 (none) to 4 (very severe or almost always).
    Grade,
    /// A yes/no symptom question: 1 for yes, 0 for no.
    YesNo,
}

/// A section's or a symptom's numbers over the completed check-ins of the period.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SeriesView {
    /// Section id, or question id for a symptom.
    pub id: String,
    /// Section title, or the symptom's short name.
    pub title: String,
    /// For a symptom: the section of its question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    pub measure: Measure,
    /// Completed check-ins with a value for it.
    pub points: u64,
    pub first: u32,
    pub last: u32,
    pub min: u32,
    pub max: u32,
    /// The highest value possible: 4 for a grade, 1 for yes/no, the number of
    /// graded questions for a section.
    pub possible: u32,
    /// Mean value, to two decimals.
    pub average: f64,
    /// The value over time, from ▁ (0) to █ (the highest in the period).
    pub sparkline: String,
    /// The fitted trend; its direction is `emergency` whenever the latest check-in
    /// (completed or stopped) that reached it raised an emergency alert from it.
    pub trend: Trend,
}

impl SeriesView {
    fn of(track: &Track, width: usize) -> SeriesView {
        let s = &track.series;
        let trend = track.trend();
        SeriesView {
            id: track.id.clone(),
            title: track.title.clone(),
            section: track.section.clone(),
            measure: track.measure,
            points: s.len(),
            first: s.first(),
            last: s.last(),
            min: s.min(),
            max: s.max(),
            possible: s.possible(),
            average: series::round2(s.mean().unwrap_or(0.0)),
            sparkline: s.sparkline(width),
            trend,
        }
    }
}

/// The aggregates in a form to print or serialize.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SummaryView {
    pub counts: Counts,
    /// Start of the first check-in in the period (RFC 3339), if any.
    #[schemars(extend("format" = "date-time"))]
    pub first_at: Option<String>,
    /// Start of the last check-in in the period (RFC 3339), if any.
    #[schemars(extend("format" = "date-time"))]
    pub last_at: Option<String>,
    /// Each section with graded questions: symptoms at moderate or worse over time.
    pub sections: Vec<SeriesView>,
    /// Each symptom reported (above 0 or yes at least once) over time.
    pub symptoms: Vec<SeriesView>,
    /// Every alert raised, with how often.
    pub alerts: Vec<AlertCount>,
    /// The check-in marked as the baseline (how the person was before the medicine
    /// or a dose change) and the change since then; null when there is none.
    pub baseline: Option<BaselineView>,
    /// When there is no baseline: why, and how to make one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_baseline: Option<String>,
}

/// A tracked number.
#[derive(Debug, Clone)]
pub struct Track {
    pub id: String,
    pub title: String,
    pub section: Option<String>,
    pub measure: Measure,
    pub series: Series,
    /// The start of the latest check-in (of any status) that reached it, and
    /// whether that check-in raised an emergency alert from it.
    pub latest: Option<(DateTime<FixedOffset>, bool)>,
}

impl Track {
    /// The series' trend, except that it is `emergency` when the latest check-in
    /// that reached it raised an emergency alert from it: what the person last saw
    /// was an emergency box, so no word may say "better".
    pub fn trend(&self) -> Trend {
        let mut trend = self.series.trend();
        if self.latest.is_some_and(|(_, emergency)| emergency) {
            trend.direction = Direction::Emergency;
        }
        trend
    }

    fn saw(&mut self, at: DateTime<FixedOffset>, emergency: bool) {
        if self.latest.is_none_or(|(t, _)| at >= t) {
            self.latest = Some((at, emergency));
        }
    }
}

/// Tracks in a fixed order, found by id.
#[derive(Debug, Clone, Default)]
struct Tracks {
    list: Vec<Track>,
    index: HashMap<String, usize>,
    /// The track after the one found last: a check-in's answers come in the
    /// bank's order, as the tracks do, so it is nearly always the next one asked for.
    next: usize,
}

impl Tracks {
    fn get(&mut self, id: &str, make: impl FnOnce() -> Track) -> &mut Track {
        // A check-in that skipped a question (a follow-up not asked) has the
        // track a few places on: looked for there before the id is hashed.
        let mut ahead = self.list.iter().skip(self.next).take(4);
        let i = match ahead.position(|t| t.id == id) {
            Some(k) => self.next + k,
            None => match self.index.get(id) {
                Some(i) => *i,
                None => {
                    self.list.push(make());
                    self.index.insert(id.to_string(), self.list.len() - 1);
                    self.list.len() - 1
                }
            },
        };
        self.next = i + 1;
        &mut self.list[i]
    }
}

fn track(id: &str, title: String, section: Option<String>, measure: Measure) -> Track {
    Track {
        id: id.to_string(),
        title,
        section,
        measure,
        series: Series::new(),
        latest: None,
    }
}

/// Everything a report says about the period, folded one check-in at a time.
#[derive(Debug, Clone)]
pub struct Summary<'b> {
    bank: Option<&'b Bank>,
    pub counts: Counts,
    pub first_at: Option<DateTime<FixedOffset>>,
    pub last_at: Option<DateTime<FixedOffset>>,
    banks: Vec<BankRef>,
    sections: Tracks,
    symptoms: Tracks,
    /// By the index of a question of `bank`: its track in `symptoms`, when it has
    /// one from the start, so that an answer's track is found without its id.
    symptom_at: Vec<Option<usize>>,
    /// Each alert with the start of the last check-in that raised it, written out
    /// only for the view: most check-ins raise one.
    alerts: Vec<(AlertCount, DateTime<FixedOffset>)>,
    baseline: Found,
    /// The latest completed check-in, by start: what the baseline is compared with.
    latest_completed: Option<Snapshot>,
}

impl<'b> Summary<'b> {
    /// An empty summary. The bank, when given, orders sections and symptoms the way
    /// it asks them and gives their titles.
    pub fn new(bank: Option<&'b Bank>) -> Summary<'b> {
        let mut s = Summary {
            bank,
            counts: Counts::default(),
            first_at: None,
            last_at: None,
            banks: Vec::new(),
            sections: Tracks::default(),
            symptoms: Tracks::default(),
            symptom_at: Vec::new(),
            alerts: Vec::new(),
            baseline: Found::Unmarked,
            latest_completed: None,
        };
        if let Some(b) = bank {
            for sec in b.sections.iter().filter(|x| x.scored) {
                let graded = b
                    .questions
                    .iter()
                    .any(|q| q.section == sec.id && q.kind == Kind::Scale);
                if graded {
                    s.sections.get(&sec.id, || {
                        track(&sec.id, sec.title.clone(), None, Measure::ModerateOrWorse)
                    });
                }
            }
            for q in &b.questions {
                let mut at = None;
                if b.max_score(q).is_some_and(|m| m > 0) {
                    let measure = match q.kind {
                        Kind::YesNo => Measure::YesNo,
                        _ => Measure::Grade,
                    };
                    s.symptoms.get(&q.id, || {
                        track(&q.id, q.short.clone(), Some(q.section.clone()), measure)
                    });
                    at = s.symptoms.index.get(q.id.as_str()).copied();
                }
                s.symptom_at.push(at);
            }
        }
        s
    }

    /// Folds in one check-in.
    /// Returns what it worked out about the record, for a writer of the same record.
    pub fn add<'r>(&mut self, r: &'r CheckIn) -> Graded<'r> {
        let bank = bank_for(self.bank, r);
        let at = r.started_at;
        self.counts.check_ins += 1;
        match r.status {
            Status::Completed => self.counts.completed += 1,
            Status::Stopped => self.counts.stopped += 1,
        }
        let urgent = r.urgent_alerts().count() as u64;
        if urgent > 0 {
            self.counts.with_urgent_alerts += 1;
            self.counts.urgent_alerts += urgent;
        }
        self.counts.retracted_alerts += retracted_alerts(r).count() as u64;
        self.first_at = Some(self.first_at.map_or(at, |t| t.min(at)));
        self.last_at = Some(self.last_at.map_or(at, |t| t.max(at)));
        if !self.banks.contains(&r.bank) {
            self.banks.push(r.bank.clone());
        }
        // What each alert rests on: the costly part, worked out once here.
        let graded = Graded::of(r, bank);
        self.add_sections(r, bank, &graded.grades);
        self.add_symptoms(r, bank, &graded.basis);
        self.add_alerts(r);
        if r.status == Status::Completed
            && self.latest_completed.as_ref().is_none_or(|s| at >= s.at)
        {
            match &mut self.latest_completed {
                Some(s) => s.remake(r, &graded.basis),
                None => self.latest_completed = Some(Snapshot::with_basis(r, &graded.basis)),
            }
        }
        graded
    }

    /// Sets what the log says about the baseline ([`Found::of`]).
    pub fn set_baseline(&mut self, found: Found) {
        self.baseline = found;
    }

    /// What the log says about the baseline.
    pub fn baseline(&self) -> &Found {
        &self.baseline
    }

    /// The latest completed check-in folded in, by start.
    pub fn latest_completed(&self) -> Option<&Snapshot> {
        self.latest_completed.as_ref()
    }

    /// Each graded section's moderate-or-worse count, as a point of its series.
    fn add_sections(&mut self, r: &CheckIn, bank: Option<&Bank>, grades: &Grades) {
        let at = r.started_at;
        let completed = r.status == Status::Completed;
        for g in &grades.sections {
            if g.graded == 0 {
                continue;
            }
            let t = self.sections.get(&g.section, || {
                track(
                    &g.section,
                    section_title(bank, &g.section),
                    None,
                    Measure::ModerateOrWorse,
                )
            });
            t.saw(at, g.emergency);
            if completed {
                t.series.push(at, g.moderate_or_worse, g.graded);
            }
        }
    }

    /// Each graded or yes/no symptom answer, as a point of its series. A point is
    /// an emergency when the answer raised or contributed to an emergency alert
    /// that stands ([`AlertBasis`]), not only when the alert is pinned to it: the
    /// breathing answer under `alcohol_with_breathing` is an emergency too, as the
    /// CSV's `urgent` says.
    fn add_symptoms(&mut self, r: &CheckIn, bank: Option<&Bank>, basis: &AlertBasis<'_>) {
        let at = r.started_at;
        let completed = r.status == Status::Completed;
        let mut next = 0;
        for a in &r.answers {
            let (measure, value) = match (grade(a), yes_sign(a)) {
                (Some(g), _) => (Measure::Grade, u32::from(g)),
                (None, Some(yes)) => (Measure::YesNo, u32::from(yes)),
                (None, None) => continue,
            };
            // This runs for every answer of the log: the answers come in the
            // bank's order, so the question is found without hashing its id.
            let at_bank = bank.and_then(|b| b.position_next(&a.question, &mut next));
            let possible = match measure {
                Measure::YesNo => 1,
                _ => {
                    let top = bank.zip(at_bank).and_then(|(b, i)| b.max_score_at(i));
                    u32::from(top.unwrap_or(TOP_GRADE))
                }
            };
            let emergency = emergency_from(basis, &a.question);
            let known = at_bank.and_then(|i| self.symptom_at.get(i).copied().flatten());
            let t = match known {
                Some(k) => &mut self.symptoms.list[k],
                None => self.symptoms.get(&a.question, || {
                    track(
                        &a.question,
                        question_short(bank, &a.question),
                        Some(a.section.to_string()),
                        measure,
                    )
                }),
            };
            t.saw(at, emergency);
            if completed {
                t.series.push(at, value, possible);
            }
        }
    }

    /// How often each alert stood, and when last.
    fn add_alerts(&mut self, r: &CheckIn) {
        let at = r.started_at;
        for al in &r.alerts {
            match self.alerts.iter_mut().find(|(x, _)| x.id == al.id) {
                Some((x, last_at)) => {
                    x.count += 1;
                    *last_at = at;
                }
                None => self.alerts.push((
                    AlertCount {
                        id: al.id.to_string(),
                        level: al.level,
                        title: al.title.to_string(),
                        count: 1,
                        last_at: String::new(),
                    },
                    at,
                )),
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.check_ins == 0
    }

    /// The banks the check-ins were made with, in the order first seen.
    pub fn banks(&self) -> &[BankRef] {
        &self.banks
    }

    /// Sections with a value from at least one completed check-in, in bank order.
    pub fn sections(&self) -> impl Iterator<Item = &Track> {
        self.sections.list.iter().filter(|t| !t.series.is_empty())
    }

    /// Symptoms reported (above 0 or yes at least once in a completed check-in), in
    /// bank order.
    pub fn symptoms(&self) -> impl Iterator<Item = &Track> {
        self.symptoms.list.iter().filter(|t| t.series.max() > 0)
    }

    /// The aggregates for printing, with sparklines at most `width` wide.
    pub fn view(&self, width: usize) -> SummaryView {
        let mut alerts: Vec<AlertCount> = self
            .alerts
            .iter()
            .map(|(a, at)| AlertCount {
                last_at: rfc3339(at),
                ..a.clone()
            })
            .collect();
        // Most urgent first, then most often.
        alerts.sort_by(|a, b| b.level.cmp(&a.level).then(b.count.cmp(&a.count)));
        SummaryView {
            counts: self.counts.clone(),
            first_at: self.first_at.as_ref().map(rfc3339),
            last_at: self.last_at.as_ref().map(rfc3339),
            sections: self.sections().map(|t| SeriesView::of(t, width)).collect(),
            symptoms: self.symptoms().map(|t| SeriesView::of(t, width)).collect(),
            alerts,
            baseline: self
                .baseline
                .baseline()
                .map(|b| BaselineView::of(b, self.latest_completed(), self.bank)),
            no_baseline: self.baseline.absent_words(),
        }
    }
}

#[cfg(test)]
mod tests;
