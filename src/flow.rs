//! The questionnaire flow: which question comes next, follow-ups, going back and
//! urgent rules. What the answers mean in numbers is [`crate::grades`].
//!
//! This is the pure core. It reads no terminal, no file and no clock: front ends feed
//! it answers and show what it returns. Both the guided prompt and the scripted mode
//! drive the same `Flow`, so they cannot disagree about what is asked or raised.
//!
//! This file is what is asked: the questions a check-in's answers call for, going
//! back, and the answers that count. `alerts.rs` is which alerts stand, are held
//! until a block ends, and are shown or taken back; `saved.rs` is what the log
//! keeps of the check-in.

use chrono::{DateTime, FixedOffset};

use crate::answer::{Answer, AnswerError};
use crate::bank::condition::{self, Given};
use crate::bank::{AlertRule, Bank, Condition, Question};
use crate::profile::Profile;
use crate::record::{AlertRecord, AnswerRecord, Respondent};

mod alerts;
mod caregiver;
mod saved;

pub use caregiver::caregiver_bank;

use alerts::Shown;

/// The state of one check-in in progress.
#[derive(Debug, Clone)]
pub struct Flow<'b> {
    bank: &'b Bank,
    /// Answers by question index. Answers to questions that are no longer asked
    /// (after going back and changing an earlier answer) are kept, so that going
    /// forward again offers them, but they never count.
    answers: Vec<Option<Answer>>,
    /// Index of the question being asked; `questions.len()` when finished.
    cursor: usize,
    /// Alerts already shown and still holding, by their place in the bank: when and
    /// for which answer.
    shown: Vec<Option<Shown>>,
    /// Alerts that were shown and then stopped holding because an answer they rested
    /// on changed, in the order that happened. Kept for the record: a clinician must
    /// see that, say, a suicide screen was positive at some point.
    retracted: Vec<AlertRecord>,
    /// Whether each question is asked, given the answers so far. Kept up to date
    /// after every answer (whatever changes `answers` calls `refresh_asked`), so
    /// asking is a lookup, not a walk back along a chain of follow-ups (which made a
    /// long chain take cubic time).
    asked: Vec<bool>,
    /// The "about you" answers that `{"profile": ...}` conditions read. Empty when
    /// nobody answered them: then every profile test is false.
    profile: Profile,
    /// Who is answering; the record keeps it.
    respondent: Respondent,
}

impl<'b> Flow<'b> {
    pub fn new(bank: &'b Bank) -> Flow<'b> {
        Flow::with_profile(bank, Profile::default())
    }

    /// A new flow whose conditions read these "about you" answers (only those to
    /// the bank's items count).
    pub fn with_profile(bank: &'b Bank, profile: Profile) -> Flow<'b> {
        let mut flow = Flow {
            bank,
            answers: vec![None; bank.questions.len()],
            cursor: 0,
            shown: vec![None; bank.alerts.len()],
            retracted: Vec::new(),
            asked: vec![true; bank.questions.len()],
            profile: profile.for_bank(bank),
            respondent: Respondent::Myself,
        };
        flow.refresh_asked();
        flow.cursor = flow.next_asked_from(0);
        flow
    }

    /// The flow as `who` answers it, asked and alerted in the words of `worded`:
    /// for a caregiver, [`caregiver_bank`] of this flow's bank. The answers, the
    /// place and the alerts shown stay as they are, since the two banks differ only
    /// in their words.
    pub fn set_respondent(&mut self, who: Respondent, worded: &'b Bank) {
        let same = |a: &Bank, b: &Bank| {
            a.id == b.id
                && a.version == b.version
                && a.questions.len() == b.questions.len()
                && a.questions
                    .iter()
                    .zip(&b.questions)
                    .all(|(x, y)| x.id == y.id)
                && a.alerts
                    .iter()
                    .map(|x| &x.id)
                    .eq(b.alerts.iter().map(|y| &y.id))
        };
        debug_assert!(same(self.bank, worded), "a bank of other questions");
        self.bank = worded;
        self.respondent = who;
    }

    /// Who is answering.
    pub fn respondent(&self) -> Respondent {
        self.respondent
    }

    /// A flow that carries on from saved answers (a stopped check-in's): each is
    /// matched to its question by id and checked as an answers file would be. The
    /// flow stands at the first question that is asked and not yet answered, and
    /// going back reaches the restored answers.
    ///
    /// Returns the urgent alerts that already hold, most urgent first, marked as
    /// shown: like the alerts `answer` returns, the front end must show them before
    /// asking anything else (a person carrying on days later must see them again),
    /// and they are not raised a second time.
    pub fn restore(
        bank: &'b Bank,
        saved: &[AnswerRecord],
    ) -> Result<(Flow<'b>, Vec<&'b AlertRule>), AnswerError> {
        Flow::restore_with_profile(bank, saved, Profile::default())
    }

    /// [`Flow::restore`], with the "about you" answers the saved answers were
    /// given with.
    pub fn restore_with_profile(
        bank: &'b Bank,
        saved: &[AnswerRecord],
        profile: Profile,
    ) -> Result<(Flow<'b>, Vec<&'b AlertRule>), AnswerError> {
        let mut flow = Flow::with_profile(bank, profile);
        for a in saved {
            let Some(i) = bank.position(&a.question) else {
                return Err(AnswerError {
                    question: a.question.to_string(),
                    message: crate::i18n::t_args(
                        "answer-no-such-question",
                        &[("bank", &bank.id), ("version", &bank.version)],
                    ),
                });
            };
            flow.answers[i] = Some(Answer::from_json(bank, &bank.questions[i], &a.value)?);
        }
        flow.refresh_asked();
        flow.cursor = (0..bank.questions.len())
            .find(|&i| flow.is_asked(i) && flow.answers[i].is_none())
            .unwrap_or(bank.questions.len());
        let holding = flow.new_alerts(None);
        Ok((flow, holding))
    }

    /// Works out which questions are asked, in bank order. A follow-up depends only
    /// on earlier questions (the bank is checked for that), so one pass sees each
    /// condition's questions already settled.
    fn refresh_asked(&mut self) {
        for i in 0..self.bank.questions.len() {
            let asked = match &self.bank.questions[i].when {
                None => true,
                Some(c) => self.holds(c),
            };
            self.asked[i] = asked;
        }
    }

    pub fn bank(&self) -> &'b Bank {
        self.bank
    }

    /// The "about you" answers the conditions read.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    /// Gives the flow the "about you" answers (the guided check asks them after
    /// the start, before the first question). Which questions are asked and which
    /// alerts hold follow the new answers at once.
    pub fn set_profile(&mut self, profile: Profile) {
        self.profile = profile.for_bank(self.bank);
        self.refresh_asked();
        if self.answered() == 0 {
            self.cursor = self.next_asked_from(0);
        }
    }

    /// The question to ask now, or `None` when the check is complete.
    pub fn current(&self) -> Option<&'b Question> {
        self.bank.questions.get(self.cursor)
    }

    /// The earlier answer to the current question, if any (after going back).
    pub fn current_answer(&self) -> Option<&Answer> {
        self.answers.get(self.cursor).and_then(Option::as_ref)
    }

    pub fn is_complete(&self) -> bool {
        self.cursor >= self.bank.questions.len()
    }

    /// Whether question `i` is asked, given the answers so far.
    pub fn is_asked(&self, i: usize) -> bool {
        self.asked.get(i).copied().unwrap_or(false)
    }

    /// The answer to question `id`, if it is asked and answered.
    pub fn answer_to(&self, id: &str) -> Option<&Answer> {
        self.bank.position(id).and_then(|i| self.counted(i))
    }

    /// The answer to question `i` that counts, as [`Flow::answer_to`] says.
    fn counted(&self, i: usize) -> Option<&Answer> {
        if self.is_asked(i) {
            self.answers[i].as_ref()
        } else {
            None
        }
    }

    /// Whether a condition holds on the answers that count and the "about you"
    /// answers: [`condition::holds`], the one rule, on this check-in.
    pub fn holds(&self, c: &Condition) -> bool {
        condition::holds(self.bank, c, self)
    }

    fn next_asked_from(&self, start: usize) -> usize {
        (start..self.bank.questions.len())
            .find(|&i| self.is_asked(i))
            .unwrap_or(self.bank.questions.len())
    }

    /// Records an answer to the current question and moves on. Returns the urgent
    /// alerts to show now, most urgent first; the front end must show them before
    /// asking anything else.
    ///
    /// Inside a block (questions marked with the same `block`) nothing is returned
    /// until the block's last asked question is answered; then the block's alerts
    /// come together, escalations having replaced what they replace (a suicide
    /// screen ends in one alert at the level all its answers call for, never a
    /// crisis alert that a "stop here" could leave standing before the plan is
    /// asked). Until then [`Flow::pending_alerts`] has them.
    ///
    /// No time is kept: the record says an alert was shown but not when. Front ends
    /// use [`Flow::answer_at`]; this is for tests and tools.
    pub fn answer(&mut self, answer: Answer) -> Vec<&'b AlertRule> {
        self.answer_when(answer, None)
    }

    /// Like [`Flow::answer`], with the time the answer was given (the front end's
    /// clock; the flow has none). The alerts returned are marked as shown at that
    /// time, and an alert shown earlier that this answer takes back is marked as
    /// retracted at that time.
    pub fn answer_at(&mut self, answer: Answer, at: DateTime<FixedOffset>) -> Vec<&'b AlertRule> {
        self.answer_when(answer, Some(at))
    }

    fn answer_when(
        &mut self,
        answer: Answer,
        when: Option<DateTime<FixedOffset>>,
    ) -> Vec<&'b AlertRule> {
        let Some(_) = self.current() else {
            return Vec::new();
        };
        let at = self.cursor;
        self.answers[at] = Some(answer);
        self.refresh_asked();
        self.cursor = self.next_asked_from(at + 1);
        if self.inside_block_after(at) {
            self.forget_taken_back(when);
            return Vec::new();
        }
        self.new_alerts(when)
    }

    /// Whether question `at` and the question now to be asked are of the same block,
    /// so the block is not finished yet.
    fn inside_block_after(&self, at: usize) -> bool {
        let Some(block) = self.bank.questions[at].block.as_deref() else {
            return false;
        };
        self.current()
            .is_some_and(|next| next.block.as_deref() == Some(block))
    }

    /// Goes back to the previous question that was asked. Returns false at the first.
    pub fn back(&mut self) -> bool {
        match (0..self.cursor).rev().find(|&i| self.is_asked(i)) {
            Some(i) => {
                self.cursor = i;
                true
            }
            None => false,
        }
    }

    /// "Question N of M": N is the current question's place among those asked so far,
    /// M the number asked given the answers so far.
    pub fn progress(&self) -> (usize, usize) {
        let asked: Vec<usize> = (0..self.bank.questions.len())
            .filter(|&i| self.is_asked(i))
            .collect();
        let n = asked.iter().filter(|&&i| i < self.cursor).count() + 1;
        (n.min(asked.len()), asked.len())
    }

    /// How many answers count so far.
    pub fn answered(&self) -> usize {
        (0..self.answers.len())
            .filter(|&i| self.answers[i].is_some() && self.is_asked(i))
            .count()
    }
}

/// What the flow's conditions read: the answers that count now (to questions that
/// are asked) and the "about you" answers it was given.
impl Given for Flow<'_> {
    fn answer_for(&self, id: &str) -> Option<(&Question, &Answer)> {
        // One lookup for both: conditions ask this for every answer they test.
        let i = self.bank.position(id)?;
        Some((&self.bank.questions[i], self.counted(i)?))
    }

    fn profile_for(&self, id: &str) -> Option<bool> {
        self.profile.get(id)
    }
}

#[cfg(test)]
pub(crate) mod tests;
