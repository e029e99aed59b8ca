//! What the log keeps of a check-in in progress: its answers that count, the alerts
//! that stand and those taken back, and the whole record.

use chrono::{DateTime, FixedOffset};

use super::Flow;
use crate::answer::Answer;
use crate::i18n::{Lang, t_in};
use crate::record::{AlertRecord, AnswerRecord, BankRef, CheckIn, RECORD_VERSION, Status};

impl Flow<'_> {
    /// The alerts shown and then retracted, in the order that happened, as they go
    /// in the log. An alert retracted and raised again is here once per retraction,
    /// and stands again in [`Flow::alert_records`] with the time it was shown again.
    pub fn retracted_records(&self) -> Vec<AlertRecord> {
        self.retracted.clone()
    }

    /// Every answer that counts, in bank order, as it goes in the log.
    pub fn answer_records(&self) -> Vec<AnswerRecord> {
        self.bank
            .questions
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_asked(*i))
            .filter_map(|(i, q)| {
                let a = self.answers[i].as_ref()?;
                let options = self.bank.options(q);
                let (label, score) = match a {
                    // In the bank's language, as every other label here is.
                    Answer::Yes(b) => (
                        Some(
                            t_in(
                                Lang::from_code(&self.bank.language).unwrap_or(Lang::En),
                                if *b { "label-yes" } else { "label-no" },
                                &[],
                            )
                            .into(),
                        ),
                        q.score_yes.map(|s| if *b { s } else { 0 }),
                    ),
                    Answer::Choice(c) => (
                        options.get(*c).map(|o| o.label.as_str().into()),
                        options.get(*c).map(|o| o.score),
                    ),
                    Answer::Number(_) | Answer::Text(_) => (None, None),
                };
                Some(AnswerRecord {
                    question: q.id.as_str().into(),
                    section: q.section.as_str().into(),
                    value: a.to_json(options),
                    label,
                    score,
                })
            })
            .collect()
    }

    /// The alerts that hold, as they go in the log.
    pub fn alert_records(&self) -> Vec<AlertRecord> {
        self.holding()
            .into_iter()
            .map(|(i, a)| AlertRecord {
                id: a.id.as_str().into(),
                question: self.trigger(&a.when).unwrap_or_default().into(),
                level: a.level,
                title: a.title.as_str().into(),
                shown_at: self.shown[i].as_ref().and_then(|s| s.at),
                retracted_at: None,
            })
            .collect()
    }

    /// The record of this check-in, as it goes in the log. The id and times come
    /// from the caller, so the flow itself stays free of clocks.
    pub fn to_record(
        &self,
        id: String,
        status: Status,
        started_at: DateTime<FixedOffset>,
        ended_at: DateTime<FixedOffset>,
        region: &str,
    ) -> CheckIn {
        CheckIn {
            schema: RECORD_VERSION,
            id,
            status,
            started_at,
            ended_at,
            bank: BankRef::of(self.bank),
            region: region.into(),
            answers: self.answer_records(),
            alerts: self.alert_records(),
            retracted_alerts: self.retracted_records(),
            scores: Vec::new(),
            asked: Some(self.progress().1 as u32),
            completes: None,
            profile: Some(self.profile.clone()).filter(|p| !p.is_empty()),
            respondent: self.respondent,
        }
    }
}
