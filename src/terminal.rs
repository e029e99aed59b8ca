//! The guided front end: one question at a time on the terminal (prompts on stderr),
//! with our own prompt layer ([`crate::prompt`]).
//!
//! The flow keeps the position: Esc goes back, and we re-ask the previous question with
//! its earlier answer as the starting choice. Ctrl-C, SIGINT, SIGTERM, SIGHUP or the
//! terminal going away end the check; the caller saves what was answered (and any text
//! typed but not yet sent) as a stopped check-in.

use crate::alert;
#[cfg(unix)]
use crate::answer::Answer;
#[cfg(unix)]
use crate::bank::{AlertRule, Bank, Kind, Question};
use crate::error::Error;
use crate::flow::Flow;
#[cfg(unix)]
use crate::i18n::{t, t_args};
use crate::profile::Profile;
#[cfg(unix)]
use crate::prompt::{self, Choice, Prompter, Reply, Stop};
#[cfg(unix)]
use crate::record::Respondent;
use crate::region::Chosen;
#[cfg(unix)]
use crate::text;
use crate::text::fmt_num;

/// How a guided check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question answered.
    Completed,
    /// Ctrl-C, or SIGINT from outside.
    Interrupted,
    /// SIGTERM.
    Terminated,
    /// SIGHUP, or the terminal went away (end of input).
    HungUp,
    /// The person chose to stop at an alert.
    StoppedAtAlert,
    /// The person chose not to start; nothing to save.
    NotStarted,
}

#[cfg(unix)]
impl Ending {
    fn from_stop(stop: Stop) -> Ending {
        match stop {
            Stop::Interrupt => Ending::Interrupted,
            Stop::Terminate => Ending::Terminated,
            Stop::HangUp => Ending::HungUp,
        }
    }
}

/// Where the guided check keeps "about you" answers it asked: called once with
/// the whole profile; returns a line to show (saved, or why not).
pub type SaveProfile<'a> = &'a mut dyn FnMut(&Profile) -> String;

/// The prompt layer needs a Unix terminal (termios, signals).
#[cfg(not(unix))]
pub fn run<'b>(
    _flow: &mut Flow<'b>,
    _chosen: &Chosen,
    _color: bool,
    _before: &dyn Fn(bool) -> String,
    _about: Option<SaveProfile<'_>>,
    _ask_who: Option<&'b crate::bank::Bank>,
) -> Result<Ending, Error> {
    Err(Error::Input(crate::i18n::t("terminal-needs-unix")))
}

/// The prompt layer needs a Unix terminal (termios, signals).
#[cfg(not(unix))]
pub fn edit_profile(
    _bank: &crate::bank::Bank,
    _current: &Profile,
) -> Result<Option<Profile>, Error> {
    Err(Error::Input(crate::i18n::t("terminal-profile-needs-unix")))
}

/// Asks the "about you" items, one by one, starting from `start`'s answers (Enter
/// keeps one). Esc goes back one item.
#[cfg(unix)]
fn about_you(
    p: &mut Prompter,
    items: &[&crate::bank::ProfileItem],
    start: &Profile,
    who: Respondent,
) -> Reply<Profile> {
    let mut profile = start.clone();
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let info = format!(
            "{} · {} · {}",
            t_args(
                &who.message("about-you-progress"),
                &[
                    ("n", &(i + 1).to_string()),
                    ("total", &items.len().to_string())
                ]
            ),
            t("hint-yes-no"),
            t("hint-back")
        );
        match p.confirm(&item.text, &info, profile.get(&item.id), true) {
            Reply::Value(b) => {
                profile.set(&item.id, b);
                i += 1;
            }
            Reply::Back => {
                if i == 0 {
                    crate::sayln!("{}", t(&who.message("about-you-first")));
                }
                i = i.saturating_sub(1);
            }
            Reply::Stop(why) => return Reply::Stop(why),
        }
    }
    Reply::Value(profile)
}

/// `sidecheck profile` in a terminal: shows the answers and, if the person wants,
/// asks every item again with the saved answer as the default. Returns the new
/// answers, or `None` when nothing was changed.
#[cfg(unix)]
pub fn edit_profile(bank: &crate::bank::Bank, current: &Profile) -> Result<Option<Profile>, Error> {
    let rich = prompt::rich_terminal(std::env::var("TERM").ok().as_deref());
    let mut p = Prompter::open(rich, false).map_err(Error::Runtime)?;
    let stop = |why: Stop| {
        Err(match why {
            Stop::Interrupt => Error::Interrupted,
            Stop::Terminate => Error::Terminated,
            Stop::HangUp => Error::HungUp,
        })
    };
    loop {
        match p.confirm(
            &t("profile-change-ask"),
            &t("hint-yes-no"),
            Some(false),
            false,
        ) {
            Reply::Value(true) => break,
            Reply::Value(false) => return Ok(None),
            Reply::Back => continue,
            Reply::Stop(why) => return stop(why),
        }
    }
    let items: Vec<_> = bank.profile.iter().collect();
    match about_you(&mut p, &items, current, Respondent::Myself) {
        Reply::Value(profile) => Ok(Some(profile)),
        Reply::Back => Ok(None),
        Reply::Stop(why) => stop(why),
    }
}

/// Runs the guided check. Returns how it ended; the flow holds the answers.
/// `before` gives text to show right above the first prompt, after the intro (the
/// earlier answers and alerts of a resumed check-in), given whether colour is allowed.
///
/// With `ask_who` (the bank in caregiver wording, [`crate::flow::caregiver_bank`]),
/// the start asks who is answering, and a caregiver's flow moves to that bank.
///
/// With `about`, the "about you" items the flow's profile has no answer for are
/// asked after the start and before the first question; the flow then reads them,
/// and `about` keeps them.
#[cfg(unix)]
pub fn run<'b>(
    flow: &mut Flow<'b>,
    chosen: &Chosen,
    color: bool,
    before: &dyn Fn(bool) -> String,
    about: Option<SaveProfile<'_>>,
    ask_who: Option<&'b Bank>,
) -> Result<Ending, Error> {
    let rich = prompt::rich_terminal(std::env::var("TERM").ok().as_deref());
    let mut p = Prompter::open(rich, color).map_err(Error::Runtime)?;
    // No colour where no escape codes may go (the alerts included).
    let color = color && p.is_rich();
    let width = p.width();
    let bank = flow.bank();
    show_intro(bank, chosen, width);
    crate::say!("{}", before(color));
    crate::sayln!();
    if let Some(end) = wait_for_start(&mut p, flow) {
        return Ok(end);
    }
    if let Some(end) = who_answers(&mut p, flow, ask_who, width) {
        return Ok(end);
    }

    if let Some(save) = about
        && let Some(end) = ask_profile_first(&mut p, flow, width, save)
    {
        return Ok(end);
    }

    // A caregiver's flow asks from the bank in their words.
    let bank = flow.bank();
    let mut last_section = String::new();
    while let Some(q) = flow.current() {
        let section = bank
            .section(&q.section)
            .map(|s| s.title.as_str())
            .unwrap_or("");
        if q.section != last_section {
            crate::sayln!();
            crate::sayln!("{}", t_args("section-heading", &[("section", section)]));
            last_section = q.section.clone();
        }
        let (n, total) = flow.progress();
        let info = t_args(
            "question-of",
            &[
                ("section", section),
                ("n", &n.to_string()),
                ("total", &total.to_string()),
            ],
        );
        let (reply, unsent) = ask(&mut p, bank, q, flow.current_answer(), &info);
        match reply {
            Reply::Value(a) => {
                let rules = flow.answer_at(a, now());
                if let Some(end) = read_alerts(&mut p, &rules, chosen, color) {
                    return Ok(end);
                }
            }
            Reply::Back => {
                if !flow.back() {
                    crate::sayln!("{}", t("question-first"));
                }
            }
            Reply::Stop(why) => {
                // Text typed but not yet sent is an answer too: keep it.
                let kept = unsent.trim();
                if q.kind == Kind::Text && !kept.is_empty() {
                    flow.answer_at(Answer::Text(kept.to_string()), now());
                }
                // Stopped inside a block (the suicide screen): the alert its answers
                // so far call for, before anything else. Nothing may end the check
                // with an urgent answer unseen.
                for rule in flow.show_pending(Some(now())) {
                    crate::sayln!();
                    crate::say!("{}", alert::render(rule, chosen, color));
                }
                return Ok(Ending::from_stop(why));
            }
        }
    }
    Ok(Ending::Completed)
}

/// The bank's title and intro, with the region's numbers, and which region that is.
#[cfg(unix)]
fn show_intro(bank: &Bank, chosen: &Chosen, width: usize) {
    crate::say!("{}", intro_text(bank, chosen, width));
}

/// The intro as it is shown, every line at most `width` columns: a long title on a
/// narrow screen breaks between words, as the paragraphs do.
fn intro_text(bank: &Bank, chosen: &Chosen, width: usize) -> String {
    let paragraph = |out: &mut String, text: &str| {
        for line in text::wrap(text, width) {
            out.push_str(&line);
            out.push('\n');
        }
    };
    let mut out = String::from("\n");
    paragraph(&mut out, &bank.title);
    for para in &bank.intro {
        out.push('\n');
        paragraph(&mut out, &alert::fill_numbers(para, &chosen.region));
    }
    out.push('\n');
    paragraph(&mut out, &alert::region_note(chosen));
    out
}

/// Waits for Enter before the first question; `Some` when the person quits or the
/// check is stopped instead.
#[cfg(unix)]
fn wait_for_start(p: &mut Prompter, flow: &Flow<'_>) -> Option<Ending> {
    loop {
        match p.confirm(
            &t(if flow.answered() > 0 {
                "start-carry-on"
            } else {
                "start-press-enter"
            }),
            &t("start-keys"),
            Some(true),
            false,
        ) {
            Reply::Value(true) => return None,
            Reply::Value(false) => return Some(Ending::NotStarted),
            Reply::Back => continue,
            Reply::Stop(why) => return Some(Ending::from_stop(why)),
        }
    }
}

/// Who answers: asked when `ask_who` is the bank in caregiver words (a caregiver's
/// flow then moves to it), and said once when it is a caregiver; `Some` when the
/// check is stopped instead.
#[cfg(unix)]
fn who_answers<'b>(
    p: &mut Prompter,
    flow: &mut Flow<'b>,
    ask_who: Option<&'b Bank>,
    width: usize,
) -> Option<Ending> {
    if let Some(cared) = ask_who {
        match ask_respondent(p) {
            Ok(Respondent::Caregiver) => flow.set_respondent(Respondent::Caregiver, cared),
            Ok(Respondent::Myself) => {}
            Err(end) => return Some(end),
        }
    }
    if flow.respondent() == Respondent::Caregiver {
        crate::sayln!();
        crate::sayln!(
            "{}",
            text::wrap(&t("caregiver-answering"), width).join("\n")
        );
    }
    None
}

/// "Are you answering for yourself or for someone you care for?", starting on
/// yourself, so Enter alone goes on as before; Esc says there is nothing before
/// it and asks again. `Err` when the check is stopped instead.
#[cfg(unix)]
fn ask_respondent(p: &mut Prompter) -> Result<Respondent, Ending> {
    let options = [
        (Respondent::Myself, "caregiver-who-self"),
        (Respondent::Caregiver, "caregiver-who-caregiver"),
    ];
    let choices: Vec<Choice> = (1..)
        .zip(&options)
        .map(|(key, (_, label))| Choice {
            key: char::from(b'0' + key),
            label: t(label),
        })
        .collect();
    loop {
        match p.choose(&t("caregiver-who-asks"), "", &choices, 0) {
            Reply::Value(i) => return Ok(options.get(i).map_or(Respondent::Myself, |o| o.0)),
            // Nothing comes before it: say so, rather than ask again unexplained.
            Reply::Back => {
                let said = text::wrap(&t("caregiver-who-no-back"), p.width());
                crate::sayln!("{}", said.join("\n"));
            }
            Reply::Stop(why) => return Err(Ending::from_stop(why)),
        }
    }
}

/// Asks the "about you" items the flow's profile has no answer for, gives the
/// answers to the flow and keeps them with `save`; `Some` when the check is stopped.
#[cfg(unix)]
fn ask_profile_first(
    p: &mut Prompter,
    flow: &mut Flow<'_>,
    width: usize,
    save: SaveProfile<'_>,
) -> Option<Ending> {
    let bank = flow.bank();
    let who = flow.respondent();
    let missing = flow.profile().missing(bank);
    if !missing.is_empty() {
        crate::sayln!();
        crate::sayln!("{}", t(&who.message("about-you-heading")));
        let why = t(&who.message("about-you-why"));
        crate::sayln!("{}", text::wrap(&why, width).join("\n"));
        match about_you(p, &missing, flow.profile(), who) {
            Reply::Value(profile) => {
                flow.set_profile(profile.clone());
                crate::sayln!("{}", text::wrap(&save(&profile), width).join("\n"));
            }
            Reply::Back => {}
            Reply::Stop(why) => return Some(Ending::from_stop(why)),
        }
    }
    None
}

/// Shows the alerts an answer raised, each until the person has read it; `Some`
/// when they stop there (or the check is stopped), after the rest are shown too.
#[cfg(unix)]
fn read_alerts(
    p: &mut Prompter,
    rules: &[&AlertRule],
    chosen: &Chosen,
    color: bool,
) -> Option<Ending> {
    for (i, rule) in rules.iter().enumerate() {
        crate::sayln!();
        crate::say!("{}", alert::render(rule, chosen, color));
        // The flow has marked every one of them as shown, and the record
        // says so: stopping here still shows the rest.
        let rest = || {
            for rule in &rules[i + 1..] {
                crate::sayln!();
                crate::say!("{}", alert::render(rule, chosen, color));
            }
        };
        loop {
            match p.confirm(
                &t("alert-read"),
                "",
                Some(true),
                // Esc must not skip past an alert.
                false,
            ) {
                Reply::Value(true) => break,
                Reply::Value(false) => {
                    rest();
                    return Some(Ending::StoppedAtAlert);
                }
                Reply::Back => continue,
                Reply::Stop(why) => {
                    rest();
                    return Some(Ending::from_stop(why));
                }
            }
        }
    }
    None
}

/// The time alerts are stamped with: shown, or retracted when an answer changes.
#[cfg(unix)]
fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

#[cfg(unix)]
/// The digit that picks each option: its score (0 to 9), as on a paper scale.
fn choices(bank: &Bank, q: &Question) -> Vec<Choice> {
    let opts = bank.options(q);
    let by_score = opts.iter().all(|c| c.score <= 9);
    opts.iter()
        .enumerate()
        .map(|(i, c)| Choice {
            key: if by_score {
                char::from(b'0' + c.score)
            } else {
                char::from_digit(((i + 1) % 10) as u32, 10).unwrap_or(' ')
            },
            label: c.label.clone(),
        })
        .collect()
}

#[cfg(unix)]
fn ask(
    p: &mut Prompter,
    bank: &Bank,
    q: &Question,
    earlier: Option<&Answer>,
    info: &str,
) -> (Reply<Answer>, String) {
    match q.kind {
        Kind::YesNo => {
            let default = match earlier {
                Some(Answer::Yes(b)) => Some(*b),
                _ => None,
            };
            let info = format!("{info} · {} · {}", t("hint-yes-no"), t("hint-back"));
            let r = p.confirm(&q.text, &info, default, true);
            (r.map(Answer::Yes), String::new())
        }
        Kind::Scale => {
            let start = match earlier {
                Some(Answer::Choice(i)) => *i,
                _ => 0,
            };
            let r = p.choose(&q.text, info, &choices(bank, q), start);
            (r.map(Answer::Choice), String::new())
        }
        Kind::Number => {
            let rule = t_args("hint-number", &[("range", &q.range_text())]);
            let info = format!("{info} · {rule} · {}", t("hint-back"));
            let start = match earlier {
                Some(Answer::Number(n)) => fmt_num(*n),
                _ => String::new(),
            };
            // The flow checks the range; out of it, its message says why the range is
            // what it is.
            let parse = |s: &str| -> Result<f64, String> {
                match s.trim().parse::<f64>() {
                    Ok(n) if n.is_finite() => {
                        Answer::number(bank, q, n).map(|_| n).map_err(|e| e.message)
                    }
                    _ => Err(format!("{rule}.")),
                }
            };
            let r = p.number(&q.text, &info, &start, &parse);
            (r.map(Answer::Number), String::new())
        }
        Kind::Text => {
            let max = q.max_text();
            let info = format!("{info} · {} · {}", t("hint-text"), t("hint-back"));
            let start = match earlier {
                Some(Answer::Text(t)) => t.clone(),
                _ => String::new(),
            };
            let (r, unsent) = p.text(&q.text, &info, &start, max);
            (r.map(|t| Answer::Text(t.trim().to_string())), unsent)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::intro_text;
    use crate::bank::Bank;
    use crate::region;

    #[test]
    fn the_intro_fits_a_40_column_screen_and_breaks_only_between_words() {
        let bank = Bank::bundled().unwrap();
        let chosen = region::choose(Some("US"), |_| None).unwrap();
        let shown = intro_text(&bank, &chosen, 39);
        for line in shown.lines() {
            assert!(line.chars().count() <= 39, "too wide: {line:?}");
        }
        let words = |t: &str| t.split_whitespace().map(String::from).collect::<Vec<_>>();
        let title = shown.trim_start().split("\n\n").next().unwrap().to_string();
        assert_eq!(words(&title), words(&bank.title), "{shown}");
        assert!(shown.contains("call 911"), "{shown}");
    }
}
