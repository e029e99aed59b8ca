//! Our own small prompt layer for the guided check: a choose-one list, yes/no, a
//! number and a line of text, all driven by one event loop ([`tty::Tty::wait`]).
//!
//! Why not a prompt crate: inquire 0.9's list wraps from the first option to the last
//! (Up at "None" chose "Very severe"), its input loop spins on end of input, it cannot
//! suspend on Ctrl-Z or redraw after `fg`, and a newline in a paste submits.
//!
//! Two ways to draw. The rich mode redraws the prompt in place (raw mode, cursor
//! movement) and fits it to the window: lines are wrapped to the width, and on a short
//! window the list shows a few options around the highlight so the question stays on
//! the screen. The plain mode (`TERM=dumb` or no `TERM`) prints line by line with no
//! escape codes at all and reads whole lines. Both end the same way on Ctrl-C, a
//! signal or a hang-up: [`Reply::Stop`].

pub mod keys;
pub mod tty;

use crate::i18n::{t, t_args};
use crate::text;

use keys::{Input, Key};
pub use tty::Stop;
use tty::{Event, Line, Tty};

/// What one prompt gave back.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply<T> {
    Value(T),
    /// Esc: go back one question.
    Back,
    /// Ctrl-C, a signal, or the terminal went away.
    Stop(Stop),
}

impl<T> Reply<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Reply<U> {
        match self {
            Reply::Value(v) => Reply::Value(f(v)),
            Reply::Back => Reply::Back,
            Reply::Stop(s) => Reply::Stop(s),
        }
    }
}

/// Whether the terminal can take cursor movement: `TERM` set and not `dumb`.
pub fn rich_terminal(term: Option<&str>) -> bool {
    !matches!(term.map(str::trim), None | Some("") | Some("dumb"))
}

/// Said when Esc is pressed where it cannot go back (an alert must be read first).
fn no_back() -> String {
    t("prompt-no-back")
}

/// The widest a prompt is drawn, even on a wide window (long lines are hard to read).
const MAX_WIDTH: usize = 80;

/// One option of a list, as shown.
pub struct Choice {
    /// The key that picks it ("0" to "9").
    pub key: char,
    pub label: String,
}

/// The prompts, on the terminal.
pub struct Prompter {
    tty: Tty,
    rich: bool,
    color: bool,
    /// Rows of the current drawing above the cursor's row.
    above: usize,
}

/// What an input line accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    /// One line: a newline in a paste becomes a space.
    Line,
    /// Free text: a paste keeps its newlines.
    Text,
}

/// What an input line under a question shows and takes: what yes/no, number and
/// text share, in the rich and the plain mode alike.
#[derive(Clone, Copy)]
struct FieldSpec<'s> {
    /// The question.
    text: &'s str,
    /// The line under it (section, progress, keys).
    info: &'s str,
    /// What the input mark says ("y/n"), or nothing.
    hint: &'s str,
    /// The earlier answer, to start from.
    start: &'s str,
    kind: Field,
    /// The longest text, in characters.
    max: Option<usize>,
    /// Whether Esc goes back.
    back: bool,
}

impl Prompter {
    /// Opens the terminal. `rich` is false in the plain mode.
    pub fn open(rich: bool, color: bool) -> Result<Prompter, String> {
        let tty = Tty::open(rich)?;
        let rich = tty.is_rich();
        Ok(Prompter {
            tty,
            rich,
            color: color && rich,
            above: 0,
        })
    }

    pub fn is_rich(&self) -> bool {
        self.rich
    }

    /// The width to wrap text to.
    pub fn width(&self) -> usize {
        text_width(self.tty.size().0)
    }

    /// A yes/no question answered by typing y or n and Enter. With a default, Enter
    /// alone takes it. `back` says whether Esc goes back; where it does not (an alert
    /// acknowledgement) Esc does nothing.
    pub fn confirm(
        &mut self,
        text: &str,
        info: &str,
        default: Option<bool>,
        back: bool,
    ) -> Reply<bool> {
        let hint = t(match default {
            Some(true) => "prompt-yes-no-default-yes",
            Some(false) => "prompt-yes-no-default-no",
            None => "prompt-yes-no",
        });
        // The words each language takes for yes and for no are in its catalogue
        // (Spanish takes s and sí, and y as well).
        let (yes, no) = (t("prompt-yes-words"), t("prompt-no-words"));
        let parse = |s: &str| -> Result<bool, String> {
            let typed = s.trim().to_lowercase();
            if typed.is_empty() {
                default.ok_or_else(|| t("prompt-yes-no-again"))
            } else if yes.split_whitespace().any(|w| w == typed) {
                Ok(true)
            } else if no.split_whitespace().any(|w| w == typed) {
                Ok(false)
            } else {
                Err(t("prompt-yes-no-again"))
            }
        };
        let shown = |b: &bool| {
            t(if *b {
                "prompt-shown-yes"
            } else {
                "prompt-shown-no"
            })
        };
        let spec = FieldSpec {
            text,
            info,
            hint: &hint,
            start: "",
            kind: Field::Line,
            max: None,
            back,
        };
        let (reply, _) = self.field(&spec, &parse, &shown);
        reply
    }

    /// A number typed in, checked by `parse` (which says what is allowed when not).
    pub fn number(
        &mut self,
        text: &str,
        info: &str,
        start: &str,
        parse: &dyn Fn(&str) -> Result<f64, String>,
    ) -> Reply<f64> {
        let shown = |n: &f64| crate::text::fmt_num(*n);
        let spec = FieldSpec {
            text,
            info,
            hint: "",
            start,
            kind: Field::Line,
            max: None,
            back: true,
        };
        let (reply, _) = self.field(&spec, parse, &shown);
        reply
    }

    /// Free text, up to `max` characters. A paste is taken whole and keeps its lines.
    /// Returns the reply and, when it is a stop, the text typed but not yet sent.
    pub fn text(
        &mut self,
        text: &str,
        info: &str,
        start: &str,
        max: usize,
    ) -> (Reply<String>, String) {
        let parse = |s: &str| Ok(s.to_string());
        let shown = |s: &String| {
            if s.trim().is_empty() {
                t("prompt-shown-nothing")
            } else {
                one_row(s)
            }
        };
        let spec = FieldSpec {
            text,
            info,
            hint: "",
            start,
            kind: Field::Text,
            max: Some(max),
            back: true,
        };
        self.field(&spec, &parse, &shown)
    }

    /// Choose one option. Up and Down move and stop at the ends (no wrapping); a
    /// digit moves the highlight to its option; Enter chooses; Esc goes back.
    pub fn choose(
        &mut self,
        text: &str,
        info: &str,
        options: &[Choice],
        start: usize,
    ) -> Reply<usize> {
        let last = options.len().saturating_sub(1);
        let mut at = start.min(last);
        if !self.rich {
            return self.choose_plain(text, info, options, at);
        }
        let keys = key_range(options);
        let help = t_args("prompt-list-help", &[("keys", &keys)]);
        self.tty.begin();
        self.above = 0;
        crate::console::write_err("\x1b[?25l");
        loop {
            let frame = list_frame(self.tty.size(), self.color, text, info, &help, options, at);
            self.draw(&frame);
            match self.tty.wait() {
                Event::Input(Input::Key(k)) => match k {
                    Key::Up => at = at.saturating_sub(1),
                    Key::Down => at = (at + 1).min(last),
                    Key::Home | Key::PageUp => at = 0,
                    Key::End | Key::PageDown => at = last,
                    Key::Char(c) => {
                        if let Some(i) = options.iter().position(|o| o.key == c) {
                            at = i;
                        }
                    }
                    Key::Enter => {
                        let label = options.get(at).map(|o| o.label.as_str()).unwrap_or("");
                        self.finish(text, &t_args("prompt-answer", &[("answer", label)]));
                        return Reply::Value(at);
                    }
                    Key::Esc => {
                        self.finish(text, &t("prompt-went-back"));
                        return Reply::Back;
                    }
                    _ => {}
                },
                Event::Input(Input::Paste(_)) => {}
                Event::Redraw => self.fresh(),
                Event::Stop(why) => {
                    self.finish(text, &t("prompt-stopped"));
                    return Reply::Stop(why);
                }
            }
        }
    }

    fn choose_plain(
        &mut self,
        text: &str,
        info: &str,
        options: &[Choice],
        start: usize,
    ) -> Reply<usize> {
        let keys = key_range(options);
        let width = self.width();
        let mut lines = text::wrap(text, width);
        for o in options {
            lines.push(format!("  {}  {}", o.key, o.label));
        }
        lines.extend(text::wrap(info, width));
        let keep = options
            .get(start)
            .map(|o| format!("{} {}", o.key, o.label))
            .unwrap_or_default();
        lines.extend(text::wrap(
            &t_args(
                "prompt-list-plain-help",
                &[("keys", &keys), ("keep", &keep)],
            ),
            width,
        ));
        let mut show = true;
        loop {
            if show {
                crate::console::write_err(&format!("{}\n", lines.join("\n")));
            }
            crate::console::write_err("> ");
            show = false;
            match self.tty.read_line() {
                Line::Text(s) if s.starts_with('\x1b') => return Reply::Back,
                Line::Text(s) => {
                    let s = s.trim();
                    if s.is_empty() {
                        return Reply::Value(start);
                    }
                    let mut chars = s.chars();
                    let picked = match (chars.next(), chars.next()) {
                        (Some(c), None) => options.iter().position(|o| o.key == c),
                        _ => None,
                    };
                    match picked
                        .or_else(|| options.iter().position(|o| o.label.eq_ignore_ascii_case(s)))
                    {
                        Some(i) => return Reply::Value(i),
                        None => {
                            crate::sayln!("{}", t_args("prompt-list-again", &[("keys", &keys)]))
                        }
                    }
                }
                Line::Redraw => show = true,
                Line::Stop(why) => {
                    crate::sayln!();
                    return Reply::Stop(why);
                }
            }
        }
    }

    /// An input line under the question, checked by `parse`; `shown` writes the
    /// answer taken.
    fn field<T>(
        &mut self,
        spec: &FieldSpec<'_>,
        parse: &dyn Fn(&str) -> Result<T, String>,
        shown: &dyn Fn(&T) -> String,
    ) -> (Reply<T>, String) {
        if !self.rich {
            return self.field_plain(spec, parse);
        }
        let FieldSpec {
            text,
            info,
            hint,
            start,
            kind,
            max,
            back: _,
        } = *spec;
        let mut buf = String::new();
        let mut note: Option<String> = None;
        insert(&mut buf, start, kind, max, &mut note);
        note = None;
        self.tty.begin();
        self.above = 0;
        crate::console::write_err("\x1b[?25h");
        loop {
            let info_now = match max {
                Some(m) if !buf.is_empty() => {
                    format!("{info} · {} of {m} characters", buf.chars().count())
                }
                _ => info.to_string(),
            };
            let frame = field_frame(
                self.tty.size(),
                text,
                &info_now,
                note.as_deref(),
                hint,
                &buf,
            );
            self.draw(&frame);
            match self.tty.wait() {
                Event::Input(Input::Key(k)) => {
                    if let Some(done) = self.field_key(k, spec, &mut buf, &mut note, parse, shown) {
                        return done;
                    }
                }
                Event::Input(Input::Paste(p)) => {
                    note = None;
                    insert(&mut buf, &p, kind, max, &mut note);
                }
                Event::Redraw => self.fresh(),
                Event::Stop(why) => {
                    self.finish(text, &t("prompt-stopped"));
                    return (Reply::Stop(why), buf);
                }
            }
        }
    }

    /// One key in the input line: edits `buf`, or ends the field with an answer
    /// (Enter on a valid one) or a step back (Esc, where going back is allowed).
    fn field_key<T>(
        &mut self,
        k: Key,
        spec: &FieldSpec<'_>,
        buf: &mut String,
        note: &mut Option<String>,
        parse: &dyn Fn(&str) -> Result<T, String>,
        shown: &dyn Fn(&T) -> String,
    ) -> Option<(Reply<T>, String)> {
        // Any key but typing clears the last note; typing replaces it.
        *note = None;
        match k {
            Key::Char(c) => insert(buf, &c.to_string(), spec.kind, spec.max, note),
            Key::Backspace => {
                buf.pop();
            }
            Key::ClearLine => buf.clear(),
            Key::DeleteWord => delete_word(buf),
            Key::Enter => match parse(buf) {
                Ok(v) => {
                    self.finish(
                        spec.text,
                        &t_args("prompt-answer", &[("answer", &shown(&v))]),
                    );
                    return Some((Reply::Value(v), String::new()));
                }
                Err(why) => *note = Some(why),
            },
            Key::Esc if spec.back => {
                self.finish(spec.text, &t("prompt-went-back"));
                return Some((Reply::Back, String::new()));
            }
            Key::Esc => *note = Some(no_back()),
            _ => {}
        }
        None
    }

    fn field_plain<T>(
        &mut self,
        spec: &FieldSpec<'_>,
        parse: &dyn Fn(&str) -> Result<T, String>,
    ) -> (Reply<T>, String) {
        let FieldSpec {
            text,
            info,
            hint,
            start,
            kind,
            max,
            back,
        } = *spec;
        let width = self.width();
        let mut lines = text::wrap(text, width);
        lines.extend(text::wrap(info, width));
        if !start.is_empty() {
            lines.push(t_args("prompt-enter-keeps", &[("start", &one_row(start))]));
        }
        let prompt = field_prompt(hint);
        let mut show = true;
        loop {
            if show {
                crate::console::write_err(&format!("{}\n", lines.join("\n")));
            }
            show = false;
            crate::console::write_err(&prompt);
            match self.tty.read_line() {
                Line::Text(s) if s.starts_with('\x1b') => {
                    if back {
                        return (Reply::Back, String::new());
                    }
                    crate::sayln!("{}", no_back());
                }
                Line::Text(s) => {
                    let s = if s.is_empty() { start.to_string() } else { s };
                    let mut buf = String::new();
                    let mut note = None;
                    insert(&mut buf, &s, kind, max, &mut note);
                    if let Some(n) = note {
                        crate::sayln!("{n}");
                        continue;
                    }
                    match parse(&buf) {
                        Ok(v) => return (Reply::Value(v), String::new()),
                        Err(why) => crate::sayln!("{why}"),
                    }
                }
                Line::Redraw => show = true,
                Line::Stop(why) => {
                    crate::sayln!();
                    return (Reply::Stop(why), String::new());
                }
            }
        }
    }

    /// Draws over the previous drawing of this prompt.
    fn draw(&mut self, lines: &[String]) {
        let mut out = String::from("\r");
        if self.above > 0 {
            out.push_str(&format!("\x1b[{}A", self.above));
        }
        out.push_str("\x1b[J");
        out.push_str(&lines.join("\n"));
        self.above = lines.len().saturating_sub(1);
        crate::console::write_err(&out);
    }

    /// The window changed or the program was continued: the old drawing cannot be
    /// found again (the shell wrote below it, or the terminal re-flowed it). Draw anew
    /// on the next line. Nothing is cleared: an alert just above must stay readable.
    fn fresh(&mut self) {
        crate::console::write_err("\r\n");
        self.above = 0;
    }

    /// Leaves the question and the answer on the screen, and the terminal as it was.
    fn finish(&mut self, text: &str, answer: &str) {
        let width = self.width();
        let mut lines = text::wrap(text, width);
        lines.push(cut(&format!("  {answer}"), width));
        self.draw(&lines);
        crate::console::write_err("\x1b[?25h\n");
        self.above = 0;
        self.tty.leave_raw();
    }
}

/// The list as drawn: the question first (all of it if the window allows), then as
/// many options as fit around the highlight, then the progress and help lines if
/// there is still room. Every row is narrower than the window.
fn list_frame(
    size: (usize, usize),
    color: bool,
    text: &str,
    info: &str,
    help: &str,
    options: &[Choice],
    at: usize,
) -> Vec<String> {
    let (cols, rows) = size;
    let width = text_width(cols);
    let mut question = text::wrap(text, width);
    // The question and at least one option must fit; the question comes first.
    let room = rows.max(2);
    question.truncate(room - 1);
    let mut left = room - question.len();
    let shown = options.len().min(left).max(1);
    left -= shown;
    let first = at
        .saturating_sub(shown / 2)
        .min(options.len().saturating_sub(shown));
    let mut lines = question;
    for (i, o) in options.iter().enumerate().skip(first).take(shown) {
        let mark = if i == at { '>' } else { ' ' };
        let mut line = format!("{mark} {}  {}", o.key, o.label);
        if i == first && first > 0 {
            line.push_str(&format!("  ↑ {}", t("prompt-more")));
        } else if i == first + shown - 1 && i < options.len() - 1 {
            line.push_str(&format!("  ↓ {}", t("prompt-more")));
        }
        let line = cut(&line, width);
        lines.push(if i == at && color {
            format!("\x1b[1;36m{line}\x1b[0m")
        } else {
            line
        });
    }
    for extra in [info, help] {
        let wrapped = text::wrap(extra, width);
        if wrapped.len() <= left {
            left -= wrapped.len();
            lines.extend(wrapped);
        }
    }
    lines
}

/// An input line as drawn: the question, the progress and any note if they fit, and
/// one row of input showing the end of the answer.
fn field_frame(
    size: (usize, usize),
    text: &str,
    info: &str,
    note: Option<&str>,
    hint: &str,
    buf: &str,
) -> Vec<String> {
    let (cols, rows) = size;
    let width = text_width(cols);
    let mut question = text::wrap(text, width);
    let room = rows.max(2);
    question.truncate(room - 1);
    let mut left = room - question.len() - 1;
    let mut lines = question;
    let mut extra = Vec::new();
    for part in [Some(info), note].into_iter().flatten() {
        let wrapped = text::wrap(part, width);
        if wrapped.len() <= left {
            left -= wrapped.len();
            extra.extend(wrapped);
        }
    }
    lines.extend(extra);
    let prompt = field_prompt(hint);
    // One row only: the end of a long answer, where the typing happens.
    let room = width.saturating_sub(prompt.chars().count()).max(1);
    let shown: Vec<char> = one_row(buf).chars().collect();
    let tail: String = if shown.len() > room {
        std::iter::once('…')
            .chain(shown[shown.len() - (room - 1)..].iter().copied())
            .collect()
    } else {
        shown.iter().collect()
    };
    lines.push(cut(&format!("{prompt}{tail}"), width));
    lines
}

/// The width prompts wrap and cut their text to on a screen `cols` columns wide:
/// one column short of it, at most [`MAX_WIDTH`].
fn text_width(cols: usize) -> usize {
    cols.saturating_sub(1).clamp(1, MAX_WIDTH)
}

/// What an input line starts with: "> ", after the hint if there is one ("(y/n) > ").
fn field_prompt(hint: &str) -> String {
    if hint.is_empty() {
        "> ".to_string()
    } else {
        format!("{hint} > ")
    }
}

/// "0-4", or the keys listed when they are not a run.
fn key_range(options: &[Choice]) -> String {
    let keys: String = options.iter().map(|o| o.key).collect();
    match (options.first(), options.last()) {
        (Some(a), Some(b)) if options.len() > 2 => format!("{}-{}", a.key, b.key),
        _ => keys.chars().map(String::from).collect::<Vec<_>>().join("/"),
    }
}

/// Text being typed, as shown on the input line: a newline as ⏎, other control
/// characters as spaces, one column each, so the line keeps its width and the cursor
/// its place. (Stored text shown elsewhere goes through `text::visible`, which
/// spells control characters out instead.)
fn one_row(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\n' => '⏎',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect()
}

/// At most `width` characters.
fn cut(s: &str, width: usize) -> String {
    s.chars().take(width).collect()
}

/// Adds typed or pasted text to an answer: line ends become `\n` in free text (a
/// space in a one-line field), other control characters are dropped, and the answer
/// stops at `max` characters with a note saying so.
fn insert(buf: &mut String, add: &str, kind: Field, max: Option<usize>, note: &mut Option<String>) {
    let mut have = buf.chars().count();
    let add = add.replace("\r\n", "\n").replace('\r', "\n");
    let mut dropped = 0usize;
    for c in add.chars() {
        let c = match c {
            '\n' if kind == Field::Text => '\n',
            '\n' | '\t' => ' ',
            c if c.is_control() => continue,
            c => c,
        };
        if max.is_some_and(|m| have >= m) {
            dropped += 1;
            continue;
        }
        buf.push(c);
        have += 1;
    }
    if dropped > 0 {
        let m = max.unwrap_or(have);
        *note = Some(t_args(
            "prompt-text-limit",
            &[("max", &m.to_string()), ("dropped", &dropped.to_string())],
        ));
    }
}

fn delete_word(buf: &mut String) {
    let trimmed = buf.trim_end_matches([' ', '\n']).len();
    buf.truncate(trimmed);
    let cut_at = buf.rfind([' ', '\n']).map(|i| i + 1).unwrap_or(0);
    buf.truncate(cut_at);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_or_missing_term_is_plain() {
        assert!(!rich_terminal(None));
        assert!(!rich_terminal(Some("dumb")));
        assert!(!rich_terminal(Some("")));
        assert!(rich_terminal(Some("xterm-256color")));
    }

    #[test]
    fn a_paste_keeps_its_lines_in_text_and_not_in_a_line() {
        let mut b = String::new();
        let mut note = None;
        insert(
            &mut b,
            "one\r\ntwo\rthree\x1b[31m",
            Field::Text,
            None,
            &mut note,
        );
        assert_eq!(b, "one\ntwo\nthree[31m");
        let mut b = String::new();
        insert(&mut b, "4\n2", Field::Line, None, &mut note);
        assert_eq!(b, "4 2");
        assert_eq!(note, None);
    }

    #[test]
    fn text_stops_at_the_limit_and_says_so() {
        let mut b = String::from("ab");
        let mut note = None;
        insert(&mut b, "cdef", Field::Text, Some(4), &mut note);
        assert_eq!(b, "abcd");
        assert!(note.is_some_and(|n| n.contains("limit is 4") && n.contains("last 2")));
    }

    fn severity() -> Vec<Choice> {
        ["None", "Mild", "Moderate", "Severe", "Very severe"]
            .iter()
            .enumerate()
            .map(|(i, l)| Choice {
                key: char::from(b'0' + i as u8),
                label: l.to_string(),
            })
            .collect()
    }

    const Q: &str = "In the last 7 days, how bad was your upset stomach or nausea at its worst?";

    #[test]
    fn a_list_on_a_20_by_10_window_keeps_the_question_and_fits() {
        for at in 0..5 {
            let f = list_frame(
                (20, 10),
                false,
                Q,
                "Side effects · Question 4 of 17",
                "help",
                &severity(),
                at,
            );
            assert!(f.len() <= 10, "{f:#?}");
            assert!(f.iter().all(|l| l.chars().count() < 20), "{f:#?}");
            assert_eq!(f[..5].join(" "), Q, "{f:#?}");
            assert!(
                f.iter()
                    .any(|l| l.starts_with('>') && l.contains(&severity()[at].label)),
                "{f:#?}"
            );
        }
    }

    #[test]
    fn a_list_on_a_tiny_window_shows_a_window_of_options_around_the_highlight() {
        let f = list_frame((20, 7), false, Q, "info", "help", &severity(), 4);
        assert_eq!(f.len(), 7, "{f:#?}");
        assert_eq!(f[..5].join(" "), Q);
        assert_eq!(f[5], "  3  Severe  ↑ more");
        assert_eq!(f[6], "> 4  Very severe");
        let f = list_frame((20, 7), false, Q, "info", "help", &severity(), 0);
        assert_eq!(f[5], "> 0  None");
        assert_eq!(f[6], "  1  Mild  ↓ more");
    }

    #[test]
    fn a_roomy_window_shows_every_option_and_the_help() {
        let f = list_frame((80, 24), false, Q, "info", "help", &severity(), 2);
        assert_eq!(
            f,
            vec![
                Q,
                "  0  None",
                "  1  Mild",
                "> 2  Moderate",
                "  3  Severe",
                "  4  Very severe",
                "info",
                "help"
            ]
        );
    }

    #[test]
    fn a_long_answer_shows_its_end_on_one_row() {
        let f = field_frame((20, 10), "Notes?", "info", None, "", &"ab\n".repeat(50));
        let input = f.last().cloned().unwrap_or_default();
        assert!(input.starts_with("> …"), "{input}");
        assert!(input.ends_with("ab⏎"), "{input}");
        assert!(input.chars().count() < 20, "{input}");
    }

    #[test]
    fn ctrl_w_deletes_a_word() {
        let mut b = String::from("slept badly ");
        delete_word(&mut b);
        assert_eq!(b, "slept ");
        delete_word(&mut b);
        assert_eq!(b, "");
    }
}
