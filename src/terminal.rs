//! The guided front end: one question at a time with inquire, on stderr.
//!
//! inquire has no way back between prompts, so the flow keeps the position: Esc
//! returns `None` from a skippable prompt, and we re-ask the previous question with
//! its earlier answer as the starting choice. Ctrl-C ends the check; the caller saves
//! what was answered as a stopped check-in.

use inquire::error::InquireError;
use inquire::ui::{RenderConfig, Styled};
use inquire::validator::Validation;
use inquire::{Confirm, CustomType, Select, Text};

use crate::alert;
use crate::bank::{Bank, Kind, Question, fmt_num};
use crate::error::Error;
use crate::flow::{Answer, Flow, MAX_TEXT, number_fits, text_fits};
use crate::region::Chosen;

/// How a guided check ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every question answered.
    Completed,
    /// Ctrl-C.
    Interrupted,
    /// The person chose to stop at an alert.
    StoppedAtAlert,
    /// The person chose not to start; nothing to save.
    NotStarted,
}

/// What one prompt gave back.
enum Reply<T> {
    Value(T),
    Back,
    Interrupt,
}

fn reply<T>(r: Result<Option<T>, InquireError>) -> Result<Reply<T>, Error> {
    match r {
        Ok(Some(v)) => Ok(Reply::Value(v)),
        Ok(None) => Ok(Reply::Back),
        Err(InquireError::OperationInterrupted) => Ok(Reply::Interrupt),
        Err(InquireError::OperationCanceled) => Ok(Reply::Back),
        Err(InquireError::NotTTY) => Err(Error::Input(
            "there is no terminal to ask questions in; use --answers FILE".into(),
        )),
        Err(e) => Err(Error::Runtime(format!("the terminal stopped working: {e}"))),
    }
}

/// Runs the guided check. Returns how it ended; the flow holds the answers.
pub fn run(flow: &mut Flow<'_>, chosen: &Chosen, color: bool) -> Result<Ending, Error> {
    let config = if color {
        RenderConfig::default_colored()
    } else {
        RenderConfig::empty()
    };
    // Esc means "go back" here, not "cancel".
    inquire::set_global_render_config(
        config.with_canceled_prompt_indicator(Styled::new("(went back)")),
    );
    let bank = flow.bank();
    crate::sayln!();
    crate::sayln!("{}", bank.title);
    crate::sayln!();
    for para in &bank.intro {
        for line in alert::wrap(&alert::fill_numbers(para, &chosen.region), 76) {
            crate::sayln!("{line}");
        }
        crate::sayln!();
    }
    crate::sayln!(
        "{}",
        alert::wrap(&alert::region_note(chosen), 76).join("\n")
    );
    crate::sayln!();
    loop {
        let start = Confirm::new("Press Enter to start (or type n to quit).")
            .with_default(true)
            .with_help_message("Esc goes back one question. Ctrl-C stops and keeps your answers.")
            .prompt_skippable();
        match reply(start)? {
            Reply::Value(true) => break,
            Reply::Value(false) => return Ok(Ending::NotStarted),
            Reply::Back => continue,
            Reply::Interrupt => return Ok(Ending::Interrupted),
        }
    }

    let mut last_section = String::new();
    while let Some(q) = flow.current() {
        if q.section != last_section {
            let title = bank
                .section(&q.section)
                .map(|s| s.title.as_str())
                .unwrap_or("");
            crate::sayln!();
            crate::sayln!("== {title} ==");
            last_section = q.section.clone();
        }
        let (n, total) = flow.progress();
        let section = bank
            .section(&q.section)
            .map(|s| s.title.as_str())
            .unwrap_or("");
        let help = format!("{section} · Question {n} of {total}");
        match ask(bank, q, flow.current_answer(), &help)? {
            Reply::Value(a) => {
                for rule in flow.answer(a) {
                    crate::sayln!();
                    crate::say!("{}", alert::render(rule, chosen, color));
                    match acknowledge()? {
                        Ack::GoOn => {}
                        Ack::Stop => return Ok(Ending::StoppedAtAlert),
                        Ack::Interrupt => return Ok(Ending::Interrupted),
                    }
                }
            }
            Reply::Back => {
                if !flow.back() {
                    crate::sayln!("This is the first question.");
                }
            }
            Reply::Interrupt => return Ok(Ending::Interrupted),
        }
    }
    Ok(Ending::Completed)
}

enum Ack {
    GoOn,
    Stop,
    Interrupt,
}

/// The alert stays until the person presses Enter; they may also stop here.
fn acknowledge() -> Result<Ack, Error> {
    loop {
        let r = Confirm::new("I have read this. Press Enter to go on (or type n to stop here).")
            .with_default(true)
            .prompt_skippable();
        match reply(r)? {
            Reply::Value(true) => return Ok(Ack::GoOn),
            Reply::Value(false) => return Ok(Ack::Stop),
            Reply::Interrupt => return Ok(Ack::Interrupt),
            // Esc must not skip past an alert: ask again.
            Reply::Back => continue,
        }
    }
}

fn ask(
    bank: &Bank,
    q: &Question,
    earlier: Option<&Answer>,
    help: &str,
) -> Result<Reply<Answer>, Error> {
    // inquire wraps at the screen edge, even inside a word; break between words
    // first so the question reads cleanly on an ordinary terminal.
    let text = alert::wrap(&q.text, 76).join("\n");
    match q.kind {
        Kind::YesNo => {
            let help = format!("{help} · Type y or n, then Enter · Esc: back");
            let mut p = Confirm::new(&text)
                .with_help_message(&help)
                .with_error_message("Please type y for yes or n for no, then press Enter.");
            if let Some(Answer::Yes(b)) = earlier {
                p = p.with_default(*b);
            }
            Ok(match reply(p.prompt_skippable())? {
                Reply::Value(b) => Reply::Value(Answer::Yes(b)),
                Reply::Back => Reply::Back,
                Reply::Interrupt => Reply::Interrupt,
            })
        }
        Kind::Scale => {
            let labels: Vec<String> = bank.options(q).iter().map(|c| c.label.clone()).collect();
            let start = match earlier {
                Some(Answer::Choice(i)) => *i,
                _ => 0,
            };
            let help = format!("{help} · ↑↓ to move, Enter to choose · Esc: back");
            let p = Select::new(&text, labels)
                .without_filtering()
                .with_starting_cursor(start)
                .with_help_message(&help)
                .raw_prompt_skippable();
            Ok(match reply(p)? {
                Reply::Value(o) => Reply::Value(Answer::Choice(o.index)),
                Reply::Back => Reply::Back,
                Reply::Interrupt => Reply::Interrupt,
            })
        }
        Kind::Number => {
            let rule = format!("Type {}, then Enter", q.range_text());
            let help = format!("{help} · {rule} · Esc: back");
            let invalid = format!("{rule}.");
            let fits = q.clone();
            let mut p = CustomType::<f64>::new(&text)
                .with_help_message(&help)
                .with_error_message(&invalid)
                .with_formatter(&|n| fmt_num(n))
                .with_validator(move |n: &f64| {
                    Ok(if number_fits(&fits, *n) {
                        Validation::Valid
                    } else {
                        Validation::Invalid(format!("{rule}.").into())
                    })
                });
            let start;
            if let Some(Answer::Number(n)) = earlier {
                start = fmt_num(*n);
                p = p.with_starting_input(&start);
            }
            Ok(match reply(p.prompt_skippable())? {
                Reply::Value(n) => Reply::Value(Answer::Number(n)),
                Reply::Back => Reply::Back,
                Reply::Interrupt => Reply::Interrupt,
            })
        }
        Kind::Text => {
            let help =
                format!("{help} · Type your answer, or just press Enter to skip · Esc: back");
            let fits = q.clone();
            let max = q.max_length.unwrap_or(MAX_TEXT);
            let mut p = Text::new(&text)
                .with_help_message(&help)
                .with_validator(move |s: &str| {
                    Ok(if text_fits(&fits, s.trim()) {
                        Validation::Valid
                    } else {
                        Validation::Invalid(
                            format!("Please keep it to {max} characters or fewer.").into(),
                        )
                    })
                });
            let start;
            if let Some(Answer::Text(t)) = earlier {
                start = t.clone();
                p = p.with_initial_value(&start);
            }
            Ok(match reply(p.prompt_skippable())? {
                Reply::Value(t) => Reply::Value(Answer::Text(t.trim().to_string())),
                Reply::Back => Reply::Back,
                Reply::Interrupt => Reply::Interrupt,
            })
        }
    }
}
