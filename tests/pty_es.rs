//! The guided check in Spanish, in a real pseudo-terminal: chosen by `--lang es` or
//! by the locale, Spanish from the first line to the last, the crisis line's
//! Spanish option, `s` for sí; `--lang en` switches back; answers files give the
//! same saved ids in both languages.

#![cfg(unix)]

use std::process::Command;
use std::time::Duration;

use serde_json::{Value, json};

use crate::pty::{Guided, guided_command};
use crate::support::*;

const ENTER: &str = "\r";

/// A Spanish calm walk up to the suicide screen: (distinctive text, keys).
const TO_SUICIDE_SCREEN: &[(&str, &str)] = &[
    ("¿recibió baclofeno de una bomba bajo la piel?", "n"),
    ("¿se saltó dosis, tomó menos baclofeno", "n"),
    ("¿ha tenido problemas para respirar?", "n"),
    ("¿ha tenido una convulsión", "n"),
];

/// After the suicide screen, every other question answered calmly ("n", or Enter
/// on "Nada" / "Nunca", Enter on the empty note).
const AFTER_SUICIDE_SCREEN: &[(&str, &str)] = &[
    ("¿ha visto u oído cosas", "n"),
    ("¿ha tenido fiebre alta", "n"),
    ("malestar de estómago", ""),
    ("somnolencia", ""),
    ("su mareo", ""),
    ("problemas para dormir de noche", ""),
    ("debilidad en los músculos", ""),
    ("su confusión", ""),
    ("su tristeza", ""),
    ("le hizo sentir euforia", ""),
    ("¿tomó más baclofeno del que le indicó", "n"),
    ("¿sintió que le hacía falta más baclofeno", "n"),
    ("¿bebió alcohol?", "n"),
    ("¿Hay algo más sobre los últimos 7 días", ""),
];

/// The last choice of the question asked after the start; Enter alone answers
/// "Por mí".
const WHO_ES: &str = "Por una persona que cuido";

/// The guided check with `args`, in the locale `lang` (LANG).
fn spanish(lang: &str, args: &[&str]) -> Guided {
    let env = Env::new();
    let mut cmd: Command = guided_command(&env, args, true);
    cmd.env("LANG", lang);
    Guided::spawn(env, cmd)
}

impl Guided {
    /// Answers each (text, keys) in turn; `n` counts the questions asked so far, so
    /// the keys go only to a prompt drawn whole ("Pregunta n de" under it).
    fn walk_es(&mut self, steps: &[(&str, &str)], n: &mut usize) {
        for (text, keys) in steps {
            *n += 1;
            self.expect(text);
            self.expect(&format!("Pregunta {n} de"));
            self.send(keys);
            self.send(ENTER);
        }
    }
}

#[test]
fn a_whole_spanish_check_with_a_crisis_answer_shows_988_press_2_before_the_next_question() {
    let mut g = spanish("es_US.UTF-8", &["check"]);
    let intro = g.expect("Pulse Enter para empezar");
    assert!(
        intro.contains("Enlosúltimos7días") || intro.contains("últimos7días"),
        "{intro}"
    );
    assert!(intro.contains("llameal911"), "{intro}");
    assert!(
        intro.contains("NúmerosparaEstadosUnidos(US),segúnLANG"),
        "{intro}"
    );
    assert!(
        !intro.contains("Press") && !intro.contains("Numbers"),
        "{intro}"
    );
    g.expect("(S/n)");
    g.send(ENTER);
    g.answer(WHO_ES, "");
    let mut n = 0;
    g.walk_es(TO_SUICIDE_SCREEN, &mut n);
    // "s" for sí, then the screen's two follow-ups with "n".
    g.walk_es(
        &[
            ("¿ha pensado en hacerse daño o en quitarse la vida?", "s"),
            ("¿ha hecho un plan para actuar", "n"),
            ("En los últimos 3 meses", "n"),
        ],
        &mut n,
    );
    // The box's sides cut its lines: read it without them.
    let alert = g.expect("Ya leí esto.").replace('║', "");
    assert!(alert.contains("BUSQUEAPOYOAHORA"), "{alert}");
    assert!(
        alert.contains("llameal988ymarque2,oenvíeAYUDApormensajedetextoal988"),
        "{alert}"
    );
    assert!(alert.contains("Línea988"), "{alert}");
    assert!(!alert.contains("Calloretext"), "{alert}");
    let meanwhile = g.unread_after(Duration::from_millis(500));
    // The alert stays until it is read: no next question meanwhile.
    assert!(!meanwhile.contains("havistouoído"), "{meanwhile}");
    // Sí acknowledges the alert as Enter does.
    g.send("s");
    g.send(ENTER);
    g.walk_es(AFTER_SUICIDE_SCREEN, &mut n);
    let end = g.expect("Seguardóen");
    assert!(end.contains("Loqueustedcontó:"), "{end}");
    assert!(end.contains("ALERTASURGENTES:"), "{end}");
    assert_eq!(g.finish(), 0, "{}", g.screen());
    let screen = g.screen();
    for english in [
        "Question",
        "Typey",
        "Esc:back",
        "Saved",
        "Answer:",
        "URGENTALERTS",
    ] {
        assert!(!screen.contains(english), "{english} in:\n{screen}");
    }

    let record = g.record();
    assert_eq!(record["status"], "completed");
    assert_eq!(record["bank"]["language"], "es");
    let ids: Vec<&str> = record["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    assert_eq!(ids, vec!["suicidal_thoughts"]);
}

#[test]
fn lang_es_gives_spanish_in_an_english_locale_and_an_emergency_with_911() {
    let mut g = spanish("en_US.UTF-8", &["--lang", "es", "check"]);
    g.expect("Pulse Enter para empezar");
    g.send(ENTER);
    g.answer(WHO_ES, "");
    let mut n = 0;
    g.walk_es(&TO_SUICIDE_SCREEN[..2], &mut n);
    g.walk_es(&[("¿ha tenido problemas para respirar?", "s")], &mut n);
    let alert = g.expect("Ya leí esto.");
    assert!(alert.contains("EMERGENCIA:PIDAAYUDAAHORA"), "{alert}");
    assert!(alert.contains("llameal911"), "{alert}");
    assert!(!alert.contains("convulsión"), "{alert}");
    g.send(ENTER);
    g.expect("¿ha tenido una convulsión");
    g.ctrl_c();
    g.expect("comouncontrolincompleto");
    assert_eq!(g.finish(), 130, "{}", g.screen());
}

#[test]
fn lang_en_switches_a_spanish_locale_back_to_english() {
    let mut g = spanish("es_MX.UTF-8", &["--lang", "en", "check"]);
    let intro = g.expect("Press Enter to start");
    // English words, Mexico's numbers: language and region are apart.
    assert!(intro.contains("NumbersforMexico(MX),fromLANG"), "{intro}");
    g.send("n");
    g.send(ENTER);
    g.expect("You did not start the check.");
    assert_eq!(g.finish(), 0, "{}", g.screen());
}

#[test]
fn spanish_locales_give_their_own_crisis_lines_in_spanish() {
    let urgent = answers_with(json!({
        "suicidal_thoughts": true, "suicidal_plan": false, "suicidal_behavior": false
    }));
    for (locale, region, line) in [
        (
            "es_US.UTF-8",
            "US",
            "llame al 988 y marque 2, o envíe AYUDA por mensaje de texto al 988",
        ),
        ("es_MX.UTF-8", "MX", "800 911 2000"),
        ("es_ES.UTF-8", "ES", "llame al 024"),
    ] {
        let env = Env::new();
        env.save_profile(all_no_profile());
        let f = env.file("answers.json", urgent.to_string());
        let ran = env
            .cmd()
            .env("LANG", locale)
            .args(["check", "--answers"])
            .arg(&f)
            .run();
        let err = stderr(&ran);
        // The box wraps lines: read it as one run of words.
        let flat = err
            .replace(['║', '│'], " ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        assert!(flat.contains(line), "{locale}: {flat}");
        assert!(flat.contains("BUSQUE APOYO AHORA"), "{locale}: {flat}");
        assert_eq!(env.records()[0]["region"], region, "{locale}");
    }
}

#[test]
fn an_answers_file_saves_the_same_ids_and_scores_in_both_languages() {
    let answers = answers_with(json!({"breathing": true, "upset_stomach": "severe"}));
    let saved = |lang: &str| -> (Value, String) {
        let env = Env::new();
        env.save_profile(all_no_profile());
        let ran = env.check(&answers, &["--lang", lang]);
        let record = env.records()[0].clone();
        let kept: Vec<Value> = record["answers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| json!([a["question"], a["section"], a["value"], a["score"]]))
            .collect();
        let alerts: Vec<Value> = record["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| json!([a["id"], a["level"]]))
            .collect();
        (json!({"answers": kept, "alerts": alerts}), stderr(&ran))
    };
    let (en, en_err) = saved("en");
    let (es, es_err) = saved("es");
    assert_eq!(en, es);
    assert!(en_err.contains("EMERGENCY"), "{en_err}");
    assert!(es_err.contains("EMERGENCIA"), "{es_err}");
    assert!(es_err.contains("Se guardó en"), "{es_err}");
}
