//! The flow's alerts: which stand after escalations replace what they replace,
//! which a block (the suicide screen) holds back until its last question, which
//! were shown and when, and which were shown and then taken back by a changed
//! answer.

use chrono::{DateTime, FixedOffset};

use super::Flow;
use crate::bank::{AlertRule, Condition};
use crate::record::AlertRecord;

/// When an alert was shown, and the question whose answer raised it then (once the
/// alert stops holding, that can no longer be worked out from the answers).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Shown {
    pub(super) at: Option<DateTime<FixedOffset>>,
    pub(super) question: String,
}

impl<'b> Flow<'b> {
    /// The question whose answer made a holding condition true: for `any`, the part
    /// that held first in the order asked (not the order listed in the rule); for
    /// `all`, the part answered last (it completed the rule).
    pub(super) fn trigger<'c>(&self, c: &'c Condition) -> Option<&'c str> {
        if let Some(all) = &c.all {
            return all
                .iter()
                .filter_map(|c| self.trigger(c))
                .max_by_key(|q| self.bank.position(q));
        }
        if let Some(any) = &c.any {
            return any
                .iter()
                .filter(|c| self.holds(c))
                .filter_map(|c| self.trigger(c))
                .min_by_key(|q| self.bank.position(q));
        }
        c.question.as_deref().filter(|_| self.holds(c))
    }

    /// The urgent alerts that hold now and have not been shown: those an unfinished
    /// block is holding back, most urgent first, at the highest level the answers
    /// so far call for. Empty outside a block.
    ///
    /// A front end that must end the check before the block is finished (Ctrl-C, a
    /// signal, the terminal going away, or answers that run out) shows these first:
    /// nothing may end a check with an urgent answer unseen.
    pub fn pending_alerts(&self) -> Vec<&'b AlertRule> {
        self.pending().into_iter().map(|(_, a)| a).collect()
    }

    /// [`Flow::pending_alerts`], each with its place in the bank.
    fn pending(&self) -> Vec<(usize, &'b AlertRule)> {
        self.holding()
            .into_iter()
            .filter(|(i, a)| a.level.is_urgent() && self.shown[*i].is_none())
            .collect()
    }

    /// The [`Flow::pending_alerts`], marked as shown at `at`: what a front end that
    /// ends the check early shows, so the record says they were seen.
    pub fn show_pending(&mut self, at: Option<DateTime<FixedOffset>>) -> Vec<&'b AlertRule> {
        let fresh = self.pending();
        for &(i, a) in &fresh {
            let question = self.trigger(&a.when).unwrap_or_default().to_string();
            self.shown[i] = Some(Shown { at, question });
        }
        fresh.into_iter().map(|(_, a)| a).collect()
    }

    /// Alerts that hold now, after escalations replace what they replace, each
    /// with its place in the bank (where `shown` keeps it). Most urgent first;
    /// bank order within a level.
    pub(super) fn holding(&self) -> Vec<(usize, &'b AlertRule)> {
        let holding: Vec<(usize, &'b AlertRule)> = self
            .bank
            .alerts
            .iter()
            .enumerate()
            .filter(|(_, a)| self.holds(&a.when))
            .collect();
        // A few alerts hold at a time, each replacing one or two: a list is
        // cheaper to search than a set is to build.
        let replaced: Vec<&str> = holding
            .iter()
            .flat_map(|(_, a)| a.replaces.iter().map(String::as_str))
            .collect();
        let mut out: Vec<(usize, &'b AlertRule)> = holding
            .into_iter()
            .filter(|(_, a)| !replaced.contains(&a.id.as_str()))
            .collect();
        out.sort_by_key(|(_, a)| std::cmp::Reverse(a.level));
        out
    }

    pub(super) fn new_alerts(&mut self, at: Option<DateTime<FixedOffset>>) -> Vec<&'b AlertRule> {
        self.forget_taken_back(at);
        self.show_pending(at)
    }

    /// An alert that was shown and no longer holds (an answer it rested on changed)
    /// goes to the retracted list, and may be raised again later. Bank order, most
    /// urgent first, so the record does not depend on the order alerts were shown.
    pub(super) fn forget_taken_back(&mut self, at: Option<DateTime<FixedOffset>>) {
        let mut gone: Vec<(usize, &'b AlertRule)> = self
            .bank
            .alerts
            .iter()
            .enumerate()
            .filter(|(i, a)| self.shown[*i].is_some() && !self.holds(&a.when))
            .collect();
        gone.sort_by_key(|(_, a)| std::cmp::Reverse(a.level));
        for (i, a) in gone {
            let Some(shown) = self.shown[i].take() else {
                continue;
            };
            self.retracted.push(AlertRecord {
                id: a.id.as_str().into(),
                question: shown.question.into(),
                level: a.level,
                title: a.title.as_str().into(),
                shown_at: shown.at,
                retracted_at: at,
            });
        }
    }

    /// Carries over what a stopped check-in's record says about its alerts, after
    /// [`Flow::restore`]: the time each alert that still holds was first shown, and
    /// the alerts it had retracted. The finished check-in stands in for the stopped
    /// one in reports, so nothing the person saw may be lost on the way.
    pub fn carry_alerts(&mut self, standing: &[AlertRecord], retracted: &[AlertRecord]) {
        for a in standing {
            let place = self.bank.alerts.iter().position(|r| r.id == a.id);
            if let (Some(Some(shown)), Some(at)) = (place.map(|i| &mut self.shown[i]), a.shown_at) {
                shown.at = Some(at);
            }
        }
        let mut all = retracted.to_vec();
        all.append(&mut self.retracted);
        self.retracted = all;
    }
}
