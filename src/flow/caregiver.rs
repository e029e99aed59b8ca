//! The bank in the words for someone answering for the person they care for: each
//! question, "about you" item, range reason and alert in its third-person form
//! (`text_caregiver`, `title_caregiver`, ...). The flow and every front end then
//! ask and alert from this bank as from any other, so the caregiver wording has
//! this one home and nothing else decides which text a caregiver sees.

use crate::bank::Bank;

/// `bank` in caregiver wording, or `None` when it has none (a bank of one's own
/// without `text_caregiver`): a caregiver must never be asked "do you...".
///
/// Ids, kinds, scores, conditions and order are the bank's own, so a flow can move
/// to the result at any point ([`super::Flow::answered_by`]) and records made with
/// either name the same bank.
pub fn caregiver_bank(bank: &Bank) -> Option<Bank> {
    if !bank.has_caregiver_text() {
        return None;
    }
    let mut cared = bank.clone();
    // The validator asks for every form once a bank has one; a form missing all
    // the same (a bank not validated) keeps the person's words there.
    let swap = |text: &mut String, caregiver: &Option<String>| {
        if let Some(c) = caregiver {
            text.clone_from(c);
        }
    };
    for q in &mut cared.questions {
        swap(&mut q.text, &q.text_caregiver);
        if let Some(reason) = &mut q.range_reason {
            swap(reason, &q.range_reason_caregiver);
        }
    }
    for s in &mut cared.sections {
        swap(&mut s.title, &s.title_caregiver);
    }
    for p in &mut cared.profile {
        swap(&mut p.text, &p.text_caregiver);
    }
    for a in &mut cared.alerts {
        swap(&mut a.title, &a.title_caregiver);
        swap(&mut a.advice, &a.advice_caregiver);
    }
    Some(cared)
}

#[cfg(test)]
mod tests {
    use super::caregiver_bank;
    use crate::answer::Answer;
    use crate::bank::Bank;
    use crate::flow::Flow;
    use crate::record::{Respondent, Status};

    #[test]
    fn every_text_is_the_caregiver_s_and_nothing_else_changes() {
        for bank in [Bank::bundled(), Bank::bundled_for("es")] {
            let bank = bank.expect("a bundled bank");
            let cared = caregiver_bank(&bank).expect("caregiver words");
            for (q, c) in bank.questions.iter().zip(&cared.questions) {
                assert_eq!(Some(&c.text), q.text_caregiver.as_ref(), "{}", q.id);
                assert_eq!(c.range_reason, q.range_reason_caregiver, "{}", q.id);
                assert_eq!((&c.id, c.kind, &c.when), (&q.id, q.kind, &q.when));
            }
            for (s, c) in bank.sections.iter().zip(&cared.sections) {
                let title = s.title_caregiver.as_ref().unwrap_or(&s.title);
                assert_eq!((&c.id, &c.title), (&s.id, title));
            }
            for (p, c) in bank.profile.iter().zip(&cared.profile) {
                assert_eq!(Some(&c.text), p.text_caregiver.as_ref(), "{}", p.id);
            }
            for (a, c) in bank.alerts.iter().zip(&cared.alerts) {
                if a.level.is_urgent() {
                    assert_eq!(Some(&c.title), a.title_caregiver.as_ref(), "{}", a.id);
                    assert_eq!(Some(&c.advice), a.advice_caregiver.as_ref(), "{}", a.id);
                }
                assert_eq!((&c.id, c.level, &c.call), (&a.id, a.level, &a.call));
            }
        }
    }

    #[test]
    fn a_bank_without_caregiver_words_has_no_caregiver_form() {
        let mut bank = Bank::bundled().expect("the bundled bank");
        bank.questions.iter_mut().for_each(|q| {
            q.text_caregiver = None;
            q.range_reason_caregiver = None;
        });
        bank.profile
            .iter_mut()
            .for_each(|p| p.text_caregiver = None);
        bank.alerts.iter_mut().for_each(|a| {
            a.title_caregiver = None;
            a.advice_caregiver = None;
        });
        assert!(caregiver_bank(&bank).is_none());
    }

    #[test]
    fn a_flow_moved_to_the_caregiver_keeps_its_answers_and_alerts_in_their_words() {
        let bank = Bank::bundled().expect("the bundled bank");
        let cared = caregiver_bank(&bank).expect("caregiver words");
        let mut flow = Flow::new(&bank);
        flow.answer(Answer::Yes(false));
        flow.set_respondent(Respondent::Caregiver, &cared);
        assert_eq!(flow.answered(), 1);
        assert_eq!(flow.respondent(), Respondent::Caregiver);
        while flow.current().is_some_and(|q| q.id != "breathing") {
            flow.answer(Answer::Yes(false));
        }
        let shown = flow.answer(Answer::Yes(true));
        assert_eq!(shown.len(), 1);
        assert!(
            shown[0].advice.contains("for them now"),
            "{}",
            shown[0].advice
        );
        let now = chrono::Local::now().fixed_offset();
        let record = flow.to_record("t".into(), Status::Stopped, now, now, "US");
        assert_eq!(record.respondent, Respondent::Caregiver);
        assert_eq!(record.alerts[0].title, "They had trouble breathing");
        assert_eq!(record.bank.id, bank.id);
    }
}
