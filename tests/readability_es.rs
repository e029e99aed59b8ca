//! Plain language in the bundled Spanish bank: every question, in both its forms
//! (for the person, and for someone who cares for them), at least "normal" on the
//! INFLESZ scale (Szigriszt-Pazos index 55 or more) and "fairly easy" (65 or more)
//! on average, each kept to its recall period; and the syllable counter the index
//! rests on, checked against words counted by hand.
//!
//! Szigriszt-Pazos index = 206.835 − 62.3 × syllables/words − words/sentences, read
//! on the INFLESZ scale (Barrio-Cantalejo et al. 2008): below 40 very hard, 40–55
//! somewhat hard, 55–65 normal, 65–80 fairly easy, above 80 very easy.

use sidecheck::bank::Bank;

/// The lowest index allowed for one question: "normal".
const MIN_EACH: f64 = 55.0;
/// The lowest average allowed over all questions: "fairly easy".
const MIN_MEAN: f64 = 65.0;

fn spanish() -> Bank {
    Bank::bundled_for("es").expect("the bundled Spanish bank loads")
}

/// Strong (open) vowels, accented or not.
fn strong(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó')
}

/// A weak (closed) vowel with a written accent: it stands alone (dí-a, pa-ís).
fn accented_weak(c: char) -> bool {
    matches!(c, 'í' | 'ú')
}

fn vowel(c: char) -> bool {
    strong(c) || accented_weak(c) || matches!(c, 'i' | 'u' | 'ü')
}

/// Whether two vowels side by side are said in two syllables (a hiatus): two
/// strong vowels (ma-re-o), an accented í or ú beside a strong one (dí-a, o-í-do),
/// or the same weak vowel twice (chi-i-ta). Anything else is one syllable: a weak
/// vowel with a strong one (ai-re, náu-se-as) or two different weak ones (cui-da-do).
fn hiatus(a: char, b: char) -> bool {
    (strong(a) && strong(b))
        || (accented_weak(a) && strong(b))
        || (strong(a) && accented_weak(b))
        || (a == b && matches!(a, 'i' | 'u'))
}

/// The letters of a word as they are said: the silent u of "que", "qui", "gue",
/// "gui" is dropped (the ü of "pingüino" is said and stays), and a y that ends a
/// word after a vowel (hoy, muy, rey), or is the word "y", is the vowel i.
fn spoken(word: &str) -> Vec<char> {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let mut out = Vec::with_capacity(w.len());
    for (i, &c) in w.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| w[p]);
        let next = w.get(i + 1).copied();
        let silent_u = c == 'u'
            && (prev == Some('q')
                || (prev == Some('g') && matches!(next, Some('e' | 'i' | 'é' | 'í'))));
        if silent_u {
            continue;
        }
        let vowel_y = c == 'y' && next.is_none() && (w.len() == 1 || prev.is_some_and(vowel));
        out.push(if vowel_y { 'i' } else { c });
    }
    out
}

/// Spanish syllables of one word, by rule: one per group of vowels said together
/// (see [`hiatus`] for where a group splits). An h between vowels does not split
/// them (ahu-ma-do); any other consonant ends the group. A word always has one.
fn syllables(word: &str) -> usize {
    let mut count = 0;
    let mut last: Option<char> = None;
    for c in spoken(word) {
        if vowel(c) {
            if last.is_none_or(|l| hiatus(l, c)) {
                count += 1;
            }
            last = Some(c);
        } else if c != 'h' {
            last = None;
        }
    }
    count.max(1)
}

/// How the numbers in the questions are read out.
fn number_words(number: &str) -> &'static str {
    match number {
        "1" => "uno",
        "3" => "tres",
        "5" => "cinco",
        "7" => "siete",
        "65" => "sesenta y cinco",
        _ => panic!("say how {number} is read in number_words"),
    }
}

/// The words of a text as they are read: numbers in words.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            if w.chars().all(|c| c.is_ascii_digit()) {
                number_words(w).split(' ').map(String::from).collect()
            } else {
                vec![w.to_string()]
            }
        })
        .collect()
}

/// Sentences end at . ? or ! (the opening ¿ and ¡ end nothing).
fn sentences(text: &str) -> usize {
    text.split(['.', '?', '!'])
        .filter(|s| !words(s).is_empty())
        .count()
        .max(1)
}

/// The Szigriszt-Pazos perspicuity index of a text.
fn szigriszt_pazos(text: &str) -> f64 {
    let words = words(text);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let n = words.len() as f64;
    206.835 - 62.3 * syllables as f64 / n - n / sentences(text) as f64
}

/// Every question the Spanish bank asks, in both forms, with a name for messages.
fn questions(bank: &Bank) -> Vec<(String, String)> {
    let mut items = Vec::new();
    for q in &bank.questions {
        items.push((q.id.clone(), q.text.clone()));
        let care = q.text_caregiver.clone().expect("a caregiver form");
        items.push((format!("{} (caregiver)", q.id), care));
    }
    for p in &bank.profile {
        items.push((format!("profile {}", p.id), p.text.clone()));
        let care = p.text_caregiver.clone().expect("a caregiver form");
        items.push((format!("profile {} (caregiver)", p.id), care));
    }
    items
}

/// Each item's index, hardest first.
fn scores(items: &[(String, String)]) -> Vec<(String, f64)> {
    let mut all: Vec<(String, f64)> = items
        .iter()
        .map(|(id, text)| (id.clone(), szigriszt_pazos(text)))
        .collect();
    all.sort_by(|a, b| a.1.total_cmp(&b.1));
    all
}

fn describe(list: &[(String, f64)]) -> String {
    list.iter()
        .map(|(id, s)| format!("  {id}: {s:.1}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_syllable_counter_agrees_with_words_counted_by_hand() {
    // Each counted aloud, with its syllables; the reason it is here after it.
    let counted: [(&str, usize); 32] = [
        ("respirar", 3),     // res-pi-rar: one vowel each
        ("medicamento", 5),  // me-di-ca-men-to
        ("somnolencia", 4),  // som-no-len-cia: ia is a diphthong
        ("convulsiones", 4), // con-vul-sio-nes: io
        ("aire", 2),         // ai-re: strong + weak
        ("ciudad", 2),       // ciu-dad: two different weak vowels
        ("cuidado", 3),      // cui-da-do: ui
        ("náuseas", 3),      // náu-se-as: áu together, e-a apart
        ("frecuencia", 3),   // fre-cuen-cia: ue, ia
        ("sueño", 2),        // sue-ño
        ("día", 2),          // dí-a: an accented í splits
        ("país", 2),         // pa-ís
        ("oído", 3),         // o-í-do
        ("reúne", 3),        // re-ú-ne
        ("aún", 2),          // a-ún
        ("mareo", 3),        // ma-re-o: two strong vowels split
        ("peor", 2),         // pe-or
        ("leer", 2),         // le-er
        ("poeta", 3),        // po-e-ta
        ("último", 3),       // úl-ti-mo: a written accent on its own vowel
        ("estómago", 4),     // es-tó-ma-go
        ("farmacéutico", 5), // far-ma-céu-ti-co: éu together
        ("baclofeno", 4),    // ba-clo-fe-no
        ("que", 1),          // the u of qu is silent
        ("guía", 2),         // guí-a: silent u, then í-a apart
        ("guerra", 2),       // gue-rra
        ("antiguo", 3),      // an-ti-guo: a said u before o
        ("pingüino", 3),     // pin-güi-no: ü is said
        ("hoy", 1),          // y at the end is a vowel
        ("y", 1),            // and so is the word y
        ("ayuda", 3),        // a-yu-da: y before a vowel is a consonant
        ("ahumado", 3),      // ahu-ma-do: h does not split a diphthong
    ];
    let wrong: Vec<String> = counted
        .iter()
        .filter(|(w, n)| syllables(w) != *n)
        .map(|(w, n)| format!("{w}: counted {}, by hand {n}", syllables(w)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Capitals and more: ¿Cuántas? is 2, Uruguay 3 (U-ru-guay), buey 1.
    assert_eq!(syllables("Cuántas"), 2);
    assert_eq!(syllables("Uruguay"), 3);
    assert_eq!(syllables("buey"), 1);
}

#[test]
fn the_index_counts_words_sentences_and_numbers_as_read() {
    // "En los últimos siete días, ¿ha tenido fiebre?": 8 words, 15 syllables.
    let text = "En los últimos 7 días, ¿ha tenido fiebre?";
    assert_eq!(words(text).len(), 8);
    assert_eq!(sentences(text), 1);
    let expected = 206.835 - 62.3 * 15.0 / 8.0 - 8.0;
    assert!((szigriszt_pazos(text) - expected).abs() < 1e-9);
    assert_eq!(
        words("¿Tiene 65 años?"),
        ["Tiene", "sesenta", "y", "cinco", "años"]
    );
    assert_eq!(sentences("Uno. ¿Dos? ¡Tres!"), 3);
}

#[test]
fn the_index_can_fail() {
    // A guard on the guard: long words in one long sentence score below "normal".
    let hard = "En los últimos siete días, ¿ha experimentado depresión respiratoria \
                intermitente, caracterizada por disminución del esfuerzo ventilatorio, \
                posterior a la administración de formulaciones intratecales de baclofeno?";
    assert!(
        szigriszt_pazos(hard) < MIN_EACH,
        "{}",
        szigriszt_pazos(hard)
    );
}

#[test]
fn every_spanish_question_is_normal_or_easier_and_fairly_easy_on_average() {
    let all = scores(&questions(&spanish()));
    assert_eq!(all.len(), 2 * (32 + 5), "every question, in both forms");
    let hard: Vec<(String, f64)> = all.iter().filter(|(_, s)| *s < MIN_EACH).cloned().collect();
    assert!(
        hard.is_empty(),
        "questions below {MIN_EACH} (normal); use shorter sentences and words:\n{}",
        describe(&hard)
    );
    let mean = all.iter().map(|(_, s)| s).sum::<f64>() / all.len() as f64;
    assert!(
        mean >= MIN_MEAN,
        "mean index {mean:.1} is below {MIN_MEAN} (fairly easy); hardest first:\n{}",
        describe(&all[..5])
    );
}

#[test]
fn every_spanish_question_keeps_to_the_recall_period() {
    let bank = spanish();
    assert_eq!(bank.recall_period, "los últimos 7 días");
    let missing: Vec<String> = bank
        .questions
        .iter()
        .flat_map(|q| {
            let recall = q.recall_period.as_deref().unwrap_or("los últimos 7 días");
            let forms = [Some(&q.text), q.text_caregiver.as_ref()];
            forms
                .into_iter()
                .flatten()
                .filter(move |t| !t.to_lowercase().contains(recall))
                .map(move |_| q.id.clone())
        })
        .collect();
    assert!(
        missing.is_empty(),
        "without their recall period: {missing:?}"
    );
    // The 7-day questions open with it, as PRO-CTCAE's Spanish items do.
    for q in bank.questions.iter().filter(|q| q.recall_period.is_none()) {
        if q.id != "notes" {
            assert!(q.text.starts_with("En los últimos 7 días, "), "{}", q.id);
        }
    }
}

#[test]
fn the_spanish_bank_says_usted_and_never_vosotros() {
    // Neutral Spanish read from Miami to Madrid: no vosotros forms or pronouns.
    let bank = spanish();
    let mut texts = bank.intro.clone();
    texts.extend(questions(&bank).into_iter().map(|(_, t)| t));
    for a in &bank.alerts {
        texts.extend(
            [Some(&a.advice), a.advice_caregiver.as_ref()]
                .into_iter()
                .flatten()
                .cloned(),
        );
    }
    let all = format!(" {} ", texts.join(" ").to_lowercase());
    for word in [
        " vosotros",
        " vosotras",
        " os ",
        " vuestro",
        " vuestra",
        "áis ",
        "éis ",
    ] {
        assert!(!all.contains(word), "{word:?} in the Spanish bank");
    }
    assert!(all.contains("usted"));
}

#[test]
fn spanish_advice_about_stopping_warns_against_doing_it_alone() {
    // As in English: the alerts for the most common reasons to stop say not to stop
    // or change baclofen alone, to the person and to whoever cares for them.
    let bank = spanish();
    for id in crate::readability::REASONS_TO_STOP {
        let a = bank.alert(id).unwrap_or_else(|| panic!("no alert {id}"));
        assert!(
            a.advice.contains("No deje") || a.advice.contains("No cambie"),
            "{id}: {}",
            a.advice
        );
        let care = a.advice_caregiver.as_deref().unwrap_or_default();
        assert!(
            care.contains("No le quite") || care.contains("No le cambie"),
            "{id}: {care}"
        );
    }
}
