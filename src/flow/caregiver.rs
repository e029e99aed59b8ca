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
    for p in &mut cared.profile {
        swap(&mut p.text, &p.text_caregiver);
    }
    for a in &mut cared.alerts {
        swap(&mut a.title, &a.title_caregiver);
        swap(&mut a.advice, &a.advice_caregiver);
    }
    Some(cared)
}
