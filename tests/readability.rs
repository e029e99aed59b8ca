//! Plain language in the bundled bank: questions at US grade 8 or below (grade 6 on
//! average), every question kept to the recall period, the intro saying this is not a
//! diagnosis, and no advice telling anyone to change a dose on their own.

use sidecheck::bank::Bank;

/// Highest Flesch-Kincaid grade allowed for one question.
const MAX_GRADE: f64 = 8.0;
/// Highest average grade allowed over all questions.
const MAX_AVERAGE: f64 = 6.0;

fn bank() -> Bank {
    Bank::bundled().expect("the bundled bank loads")
}

/// Each item's grade, worst first, with the ones over `max` listed for the message.
fn grades(items: &[(String, String)], max: f64) -> (Vec<(String, f64)>, f64) {
    let mut all: Vec<(String, f64)> = items
        .iter()
        .map(|(id, text)| (id.clone(), textstat::flesch_kincaid_grade(text)))
        .collect();
    all.sort_by(|a, b| b.1.total_cmp(&a.1));
    let average = all.iter().map(|(_, g)| g).sum::<f64>() / all.len() as f64;
    let over = all.into_iter().filter(|(_, g)| *g > max).collect();
    (over, average)
}

fn describe(list: &[(String, f64)]) -> String {
    list.iter()
        .map(|(id, g)| format!("  {id}: grade {g:.1}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_question_reads_at_grade_8_or_below_and_6_on_average() {
    let items: Vec<(String, String)> = bank()
        .questions
        .iter()
        .map(|q| (q.id.clone(), q.text.clone()))
        .collect();
    assert_grade_8_and_6_on_average("question", &items);
}

/// Each of `items` at grade 8 or below, and 6 on average; `what` they are.
fn assert_grade_8_and_6_on_average(what: &str, items: &[(String, String)]) {
    let (over, average) = grades(items, MAX_GRADE);
    assert!(
        over.is_empty(),
        "{what}s above grade {MAX_GRADE}; rewrite them with shorter sentences and common words:\n{}",
        describe(&over)
    );
    let (worst, _) = grades(items, 0.0);
    assert!(
        average <= MAX_AVERAGE,
        "average {what} grade {average:.1} is above {MAX_AVERAGE}; hardest first:\n{}",
        describe(&worst[..worst.len().min(5)])
    );
}

#[test]
fn every_alert_reads_at_grade_8_or_below() {
    let items: Vec<(String, String)> = bank()
        .alerts
        .iter()
        .map(|a| {
            // Placeholders are read out as the numbers people see.
            let advice = a
                .advice
                .replace("{emergency}", "911")
                .replace("{crisis}", "988")
                .replace("{poison}", "911");
            (a.id.clone(), advice)
        })
        .collect();
    let (over, _) = grades(&items, MAX_GRADE);
    assert!(
        over.is_empty(),
        "alert advice above grade {MAX_GRADE}:\n{}",
        describe(&over)
    );
}

#[test]
fn the_grade_check_can_fail() {
    // A guard on the guard: jargon in long sentences must score above the limit.
    let hard = "Have you experienced intermittent respiratory depression, characterized by \
                diminished ventilatory effort, subsequent to administration of intrathecal \
                baclofen formulations?";
    let (over, _) = grades(&[("hard".into(), hard.into())], MAX_GRADE);
    assert_eq!(over.len(), 1);
}

#[test]
fn every_question_keeps_to_the_recall_period() {
    let bank = bank();
    assert_eq!(bank.recall_period, "the last 7 days");
    // A question with its own recall period says that one instead (the C-SSRS asks
    // about suicidal behaviour in the last 3 months).
    let missing: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| {
            let recall = q.recall_period.as_deref().unwrap_or("the last 7 days");
            !q.text.to_lowercase().contains(recall)
        })
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "questions without their recall period: {missing:?}"
    );
    let own: Vec<(&str, &str)> = bank
        .questions
        .iter()
        .filter_map(|q| Some((q.id.as_str(), q.recall_period.as_deref()?)))
        .collect();
    assert_eq!(own, [("suicidal_behavior", "the last 3 months")]);
}

/// Questions written or reworded in the second clinical pass: each at grade 6 or
/// below, the level the AMA recommends for patient materials.
const PLAIN: [&str; 12] = [
    "withdrawal_insomnia",
    "alcohol_sedatives",
    "stopped",
    "suicidal_thoughts",
    "suicidal_plan",
    "suicidal_behavior",
    "hallucinations",
    "fever_stiffness",
    "pump_stiffness",
    "pump_itching",
    "pump_alarm",
    "missed_days",
];

#[test]
fn reworded_and_new_questions_read_at_grade_6_or_below() {
    let bank = bank();
    let items: Vec<(String, String)> = PLAIN
        .iter()
        .map(|id| {
            let q = bank
                .question(id)
                .unwrap_or_else(|| panic!("no question {id}"));
            (q.id.clone(), q.text.clone())
        })
        .collect();
    let (over, _) = grades(&items, 6.0);
    assert!(
        over.is_empty(),
        "questions above grade 6:\n{}",
        describe(&over)
    );
}

#[test]
fn the_intro_says_no_one_is_told_so_in_danger_call() {
    let intro = bank().intro.join(" ");
    assert!(intro.contains("No one is told about them"), "{intro}");
    assert!(
        intro.contains("no one sees them unless you show them"),
        "{intro}"
    );
    assert!(
        intro.contains("you must call {emergency} yourself"),
        "{intro}"
    );
}

#[test]
fn dependence_advice_makes_no_promise_the_data_cannot_keep() {
    // The evidence on baclofen dependence is thin: no "common", no "can be treated".
    let bank = bank();
    let advice = &bank.alert("dependence_signs").unwrap().advice;
    assert!(!advice.contains("common"), "{advice}");
    assert!(!advice.contains("can be treated"), "{advice}");
    assert!(advice.contains("Help is available"), "{advice}");
    assert!(advice.contains("your prescriber can help"), "{advice}");
}

#[test]
fn the_intro_says_it_is_not_a_diagnosis() {
    let bank = bank();
    assert!(
        bank.intro.iter().any(|p| p.contains("not a diagnosis")),
        "{:#?}",
        bank.intro
    );
    assert!(bank.safety_notice.contains("not a diagnosis"));
}

/// Words that change a dose (by their stems: stop, stopping, changes, cut, ...).
const CHANGE: [&str; 6] = ["stop", "chang", "lower", "reduc", "skip", "cut"];
/// Words that say the change is about the medicine.
const DOSE: [&str; 6] = [
    "dose",
    "doses",
    "dosing",
    "baclofen",
    "medicine",
    "medication",
];
/// Words that put a professional in charge of the change.
const PROFESSIONAL: [&str; 6] = [
    "prescriber",
    "doctor",
    "pharmacist",
    "nurse",
    "talk with",
    "talked with",
];

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_change_word(s: &str) -> bool {
    words(s)
        .iter()
        .any(|w| CHANGE.iter().any(|c| w.starts_with(c)))
}

fn has_dose_word(s: &str) -> bool {
    words(s).iter().any(|w| DOSE.contains(&w.as_str()))
}

fn names_professional(s: &str) -> bool {
    let lower = s.to_lowercase();
    PROFESSIONAL.iter().any(|p| lower.contains(p))
}

fn sentences(text: &str) -> Vec<&str> {
    text.split_inclusive(['.', '!', '?'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The sentences of `text` that tell someone to change a dose on their own.
fn self_directed_dose_changes(text: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for s in sentences(text) {
        let professional = names_professional(s);
        // A sentence that talks about changing a dose must forbid it ("Do not ..."),
        // leave it to a professional, or only warn ("... can be dangerous") or report
        // what happened ("Tell them you ... cut doses").
        let talks_about_it = has_change_word(s) && has_dose_word(s);
        let allowed = s.starts_with("Do not")
            || professional
            || s.contains("danger")
            || s.starts_with("Tell them");
        if talks_about_it && !allowed {
            bad.push(s.to_string());
            continue;
        }
        // Any clause that orders a change ("..., stop baclofen", "Skip your next
        // dose", "Do not take your next dose") needs a professional in the sentence.
        for clause in s.split([',', ';', ':', '.', '!', '?']) {
            let c = clause.trim().to_lowercase();
            let c = c
                .trim_start_matches("please ")
                .trim_start_matches("then ")
                .trim_start_matches("and ");
            let orders_change = ["stop", "change", "lower", "reduce", "skip", "cut", "hold"]
                .iter()
                .any(|v| c.split(' ').next() == Some(*v))
                || c.starts_with("take less")
                || c.starts_with("take fewer")
                || c.starts_with("do not take");
            let about_dose = has_dose_word(c) || c.contains("taking");
            if orders_change && about_dose && !professional {
                bad.push(s.to_string());
                break;
            }
        }
    }
    bad
}

#[test]
fn the_dose_advice_check_catches_self_directed_changes() {
    for bad in [
        "If it has passed, stop baclofen.",
        "Skip your next dose.",
        "Lower your dose of baclofen for a few days.",
        "You should reduce the medicine.",
        "Cut your baclofen in half.",
        "Do not take your next dose.",
        "Take less baclofen tomorrow.",
    ] {
        assert_eq!(
            self_directed_dose_changes(bad),
            [bad],
            "should be flagged: {bad}"
        );
    }
    for ok in [
        "Do not stop baclofen on your own.",
        "Do not stop or change baclofen on your own; stopping suddenly can cause seizures.",
        "Any change to your dose should be slow and planned with your prescriber.",
        "Stopping baclofen suddenly can be dangerous.",
        "Tell them you take baclofen and have missed or cut doses.",
        "Do not take your next dose until you have talked with your prescriber.",
        "Stop what you are doing and call 911.",
    ] {
        assert!(
            self_directed_dose_changes(ok).is_empty(),
            "should pass: {ok}"
        );
    }
}

#[test]
fn no_advice_tells_anyone_to_change_a_dose_on_their_own() {
    let bank = bank();
    let mut found = Vec::new();
    for a in &bank.alerts {
        for s in self_directed_dose_changes(&a.advice) {
            found.push(format!("alerts \"{}\": {s}", a.id));
        }
    }
    for (i, p) in bank.intro.iter().enumerate() {
        for s in self_directed_dose_changes(p) {
            found.push(format!("intro[{i}]: {s}"));
        }
    }
    assert!(
        found.is_empty(),
        "advice that reads as changing a dose without a prescriber:\n{}",
        found.join("\n")
    );
}

/// The alerts for the most common reasons to stop (side effects, withdrawal,
/// dependence): each must say not to stop or change baclofen alone, in every
/// language.
pub const REASONS_TO_STOP: [&str; 5] = [
    "breathing",
    "seizure",
    "severe_side_effect",
    "withdrawal_symptoms",
    "dependence_signs",
];

#[test]
fn advice_about_stopping_warns_against_doing_it_alone() {
    // Each carries an explicit "do not stop/change on your own".
    let bank = bank();
    for id in REASONS_TO_STOP {
        let advice = &bank.alert(id).unwrap().advice;
        assert!(
            advice.contains("Do not stop") || advice.contains("Do not change"),
            "{id}: {advice}"
        );
    }
}

/// The "about you" part and the alerts it brings, written for issue 8 §4: each at
/// grade 6 or below.
const ABOUT_YOU_ALERTS: [&str; 6] = [
    "overdose_signs_at_risk",
    "pregnant_stopped",
    "epilepsy_stopped",
    "pregnant_dose_change",
    "epilepsy_dose_change",
    "drowsy_driving",
];

#[test]
fn about_you_items_and_their_alerts_read_at_grade_6_or_below() {
    let bank = bank();
    let mut items: Vec<(String, String)> = bank
        .profile
        .iter()
        .map(|p| (format!("profile {}", p.id), p.text.clone()))
        .collect();
    assert_eq!(items.len(), 5, "kidney, older, pregnant, epilepsy, drives");
    for id in ABOUT_YOU_ALERTS {
        let a = bank.alert(id).unwrap_or_else(|| panic!("no alert {id}"));
        items.push((id.to_string(), a.advice.replace("{emergency}", "911")));
        // A grade means little on a few words; a title is kept short instead.
        let words = a.title.split_whitespace().count();
        assert!(words <= 10, "{id}: a title of {words} words: {}", a.title);
    }
    let (over, _) = grades(&items, 6.0);
    assert!(over.is_empty(), "above grade 6:\n{}", describe(&over));
}

#[test]
fn about_you_alerts_say_why_and_never_say_stop() {
    let bank = bank();
    let advice = |id: &str| bank.alert(id).unwrap().advice.clone();
    // Kidney problems or older age: why the threshold is lower.
    let kidney = advice("overdose_signs_at_risk");
    for why in ["kidneys", "build up", "normal dose", "{emergency}"] {
        assert!(kidney.contains(why), "{why:?} not in {kidney}");
    }
    // Pregnancy: the baby, and the prescriber, never a stop.
    for id in ["pregnant_stopped", "pregnant_dose_change"] {
        let a = advice(id);
        assert!(a.contains("baby"), "{id}: {a}");
        assert!(a.contains("prescriber"), "{id}: {a}");
        assert!(self_directed_dose_changes(&a).is_empty(), "{id}: {a}");
    }
    assert!(advice("pregnant_stopped").contains("Do not go back to your old dose on your own"));
    // Epilepsy: seizures.
    for id in ["epilepsy_stopped", "epilepsy_dose_change"] {
        assert!(advice(id).contains("seizures"), "{id}");
    }
    // Driving.
    assert!(advice("drowsy_driving").contains("Do not drive or use machines"));
}

/// The questions in the words of someone answering for the person they care for,
/// "about you" items included, by id.
fn caregiver_questions(bank: &Bank) -> Vec<(String, String)> {
    let questions = bank.questions.iter().map(|q| (&q.id, &q.text_caregiver));
    let profile = bank.profile.iter().map(|p| (&p.id, &p.text_caregiver));
    questions
        .chain(profile)
        .map(|(id, text)| {
            let text = text
                .clone()
                .unwrap_or_else(|| panic!("{id}: no caregiver form"));
            (id.clone(), text)
        })
        .collect()
}

#[test]
fn caregiver_questions_read_at_grade_8_or_below_and_6_on_average() {
    let items = caregiver_questions(&bank());
    assert_eq!(items.len(), 32 + 5);
    assert_grade_8_and_6_on_average("caregiver question", &items);
}

#[test]
fn caregiver_questions_keep_to_the_recall_period() {
    let bank = bank();
    let missing: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| {
            let recall = q.recall_period.as_deref().unwrap_or("the last 7 days");
            let text = q.text_caregiver.as_deref().unwrap_or_default();
            !text.to_lowercase().contains(recall)
        })
        .map(|q| q.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "without their recall period: {missing:?}"
    );
}

/// Each alert's caregiver advice, with its numbers as people see them.
fn caregiver_advice(bank: &Bank) -> Vec<(String, String)> {
    bank.alerts
        .iter()
        .map(|a| {
            let advice = a.advice_caregiver.as_deref().unwrap_or_default();
            let advice = advice
                .replace("{emergency}", "911")
                .replace("{crisis_contact}", "call or text 988")
                .replace("{poison}", "911");
            (a.id.clone(), advice)
        })
        .collect()
}

#[test]
fn caregiver_alerts_read_at_grade_8_or_below_and_say_what_to_do_for_them() {
    let bank = bank();
    let items = caregiver_advice(&bank);
    let missing: Vec<&str> = items
        .iter()
        .filter(|(_, advice)| advice.is_empty())
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "alerts with no caregiver advice: {missing:?}"
    );
    let (over, _) = grades(&items, MAX_GRADE);
    assert!(
        over.is_empty(),
        "caregiver advice above grade {MAX_GRADE}:\n{}",
        describe(&over)
    );
    // Each emergency says to call for them, not only "call".
    for a in bank
        .alerts
        .iter()
        .filter(|a| a.advice.contains("{emergency}"))
    {
        if let Some(advice) = &a.advice_caregiver {
            assert!(
                advice.contains("{emergency} for them"),
                "{}: {advice}",
                a.id
            );
        }
    }
}

#[test]
fn no_caregiver_advice_tells_anyone_to_change_a_dose_on_their_own() {
    let found: Vec<String> = caregiver_advice(&bank())
        .iter()
        .flat_map(|(id, advice)| {
            self_directed_dose_changes(advice)
                .into_iter()
                .map(move |s| format!("alerts \"{id}\": {s}"))
        })
        .collect();
    assert!(found.is_empty(), "{}", found.join("\n"));
}
