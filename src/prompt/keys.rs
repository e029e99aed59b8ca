//! Bytes from a terminal in raw mode, turned into keys and pastes.
//!
//! Pure: it owns no file descriptor and knows no clock. The event loop feeds it what
//! `read` returned and asks for what is complete. A lone ESC byte is ambiguous (the
//! Esc key, or the start of an arrow key whose other bytes are still on the way); the
//! parser holds it back and the loop calls [`Parser::flush`] once the terminal has been
//! quiet for a moment, which makes it the Esc key.

/// One key press (or control character) the prompts understand.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Enter,
    Backspace,
    Esc,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    /// Ctrl-C.
    Interrupt,
    /// Ctrl-Z.
    Suspend,
    /// Ctrl-U: clear the line.
    ClearLine,
    /// Ctrl-W: delete the word before the cursor.
    DeleteWord,
}

/// What the parser found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// A bracketed paste, taken whole (newlines included).
    Paste(String),
}

#[cfg(test)]
const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// The most a single paste keeps; the rest is dropped (a text answer is far shorter,
/// and memory must stay bounded whatever arrives).
pub const MAX_PASTE_BYTES: usize = 1 << 20;

/// Turns bytes into keys and pastes.
#[derive(Debug, Default)]
pub struct Parser {
    buf: Vec<u8>,
    /// Inside a bracketed paste: what it held so far.
    paste: Option<Vec<u8>>,
    /// A paste grew past [`MAX_PASTE_BYTES`]; the tail is being dropped.
    paste_overflow: bool,
}

enum Step {
    /// Consumed `n` bytes; maybe produced something.
    Took(usize, Option<Input>),
    /// Needs more bytes to decide.
    More,
}

impl Parser {
    pub fn new() -> Parser {
        Parser::default()
    }

    pub fn feed(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
    }

    /// Whether bytes are held back waiting for more (a lone ESC, half a sequence, or
    /// an unfinished paste). The loop waits briefly and then calls [`Parser::flush`].
    pub fn is_waiting(&self) -> bool {
        self.paste.is_none() && !self.buf.is_empty()
    }

    /// The next complete key or paste, if any.
    pub fn take(&mut self) -> Option<Input> {
        loop {
            if self.paste.is_some() {
                return self.paste_step();
            }
            if self.buf.is_empty() {
                return None;
            }
            match self.step() {
                Step::Took(n, out) => {
                    self.buf.drain(..n);
                    if out.is_some() {
                        return out;
                    }
                }
                Step::More => return None,
            }
        }
    }

    /// The terminal went quiet with bytes held back: a lone ESC is the Esc key; a
    /// broken sequence is dropped.
    pub fn flush(&mut self) -> Option<Input> {
        if self.paste.is_some() || self.buf.is_empty() {
            return None;
        }
        let lone_esc = self.buf[0] == 0x1b;
        // Whatever followed the ESC and did not complete a sequence goes too.
        self.buf.clear();
        lone_esc.then_some(Input::Key(Key::Esc))
    }

    fn paste_step(&mut self) -> Option<Input> {
        let paste = self.paste.as_mut()?;
        // Look for the end marker in what arrived, keeping a possibly split marker.
        if let Some(at) = find(&self.buf, PASTE_END) {
            let room = MAX_PASTE_BYTES.saturating_sub(paste.len());
            paste.extend_from_slice(&self.buf[..at.min(room)]);
            if at > room {
                self.paste_overflow = true;
            }
            self.buf.drain(..at + PASTE_END.len());
            let bytes = self.paste.take().unwrap_or_default();
            self.paste_overflow = false;
            return Some(Input::Paste(String::from_utf8_lossy(&bytes).into_owned()));
        }
        let keep = PASTE_END.len() - 1;
        if self.buf.len() > keep {
            let take = self.buf.len() - keep;
            let room = MAX_PASTE_BYTES.saturating_sub(paste.len());
            paste.extend_from_slice(&self.buf[..take.min(room)]);
            if take > room {
                self.paste_overflow = true;
            }
            self.buf.drain(..take);
        }
        None
    }

    fn step(&mut self) -> Step {
        let b = self.buf[0];
        let key = |n, k| Step::Took(n, Some(Input::Key(k)));
        match b {
            0x1b => self.escape(),
            b'\r' | b'\n' => {
                // A terminal sends CR for Enter; CR LF counts once.
                if b == b'\r' && self.buf.get(1) == Some(&b'\n') {
                    key(2, Key::Enter)
                } else {
                    key(1, Key::Enter)
                }
            }
            0x7f | 0x08 => key(1, Key::Backspace),
            0x03 => key(1, Key::Interrupt),
            0x1a => key(1, Key::Suspend),
            0x15 => key(1, Key::ClearLine),
            0x17 => key(1, Key::DeleteWord),
            b'\t' => key(1, Key::Char(' ')),
            0x00..=0x1f => Step::Took(1, None),
            _ => self.utf8(),
        }
    }

    fn utf8(&self) -> Step {
        let len = match self.buf[0] {
            0x00..=0x7f => 1,
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => return Step::Took(1, None),
        };
        if self.buf.len() < len {
            return Step::More;
        }
        match std::str::from_utf8(&self.buf[..len])
            .ok()
            .and_then(|s| s.chars().next())
        {
            Some(c) => Step::Took(len, Some(Input::Key(Key::Char(c)))),
            None => Step::Took(1, None),
        }
    }

    fn escape(&mut self) -> Step {
        let Some(&second) = self.buf.get(1) else {
            return Step::More;
        };
        match second {
            b'[' => self.csi(),
            b'O' => {
                let Some(&third) = self.buf.get(2) else {
                    return Step::More;
                };
                let k = match third {
                    b'A' => Some(Key::Up),
                    b'B' => Some(Key::Down),
                    b'H' => Some(Key::Home),
                    b'F' => Some(Key::End),
                    _ => None,
                };
                Step::Took(3, k.map(Input::Key))
            }
            // ESC ESC: the first is the Esc key.
            0x1b => Step::Took(1, Some(Input::Key(Key::Esc))),
            // Alt+key: taken as Esc, then the key on its own.
            _ => Step::Took(1, Some(Input::Key(Key::Esc))),
        }
    }

    fn csi(&mut self) -> Step {
        // ESC [ parameters (0x30..=0x3f), intermediates (0x20..=0x2f), final (0x40..=0x7e).
        let mut i = 2;
        while let Some(&b) = self.buf.get(i) {
            if (0x40..=0x7e).contains(&b) {
                let params = &self.buf[2..i];
                let k = match (params, b) {
                    (_, b'A') => Some(Key::Up),
                    (_, b'B') => Some(Key::Down),
                    (_, b'H') => Some(Key::Home),
                    (_, b'F') => Some(Key::End),
                    (b"1" | b"7", b'~') => Some(Key::Home),
                    (b"4" | b"8", b'~') => Some(Key::End),
                    (b"5", b'~') => Some(Key::PageUp),
                    (b"6", b'~') => Some(Key::PageDown),
                    (b"200", b'~') => {
                        self.paste = Some(Vec::new());
                        return Step::Took(i + 1, None);
                    }
                    _ => None,
                };
                return Step::Took(i + 1, k.map(Input::Key));
            }
            if !(0x20..=0x3f).contains(&b) {
                // Not a sequence after all: drop the ESC [ and read on.
                return Step::Took(2, None);
            }
            i += 1;
        }
        Step::More
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(p: &mut Parser) -> Vec<Input> {
        std::iter::from_fn(|| p.take()).collect()
    }

    fn keys(bytes: &[u8]) -> Vec<Input> {
        let mut p = Parser::new();
        p.feed(bytes);
        all(&mut p)
    }

    #[test]
    fn arrows_enter_and_text() {
        assert_eq!(
            keys(b"\x1b[A\x1b[Bx\r\x1bOB"),
            vec![
                Input::Key(Key::Up),
                Input::Key(Key::Down),
                Input::Key(Key::Char('x')),
                Input::Key(Key::Enter),
                Input::Key(Key::Down),
            ]
        );
    }

    #[test]
    fn a_lone_esc_waits_and_becomes_esc_when_the_terminal_is_quiet() {
        let mut p = Parser::new();
        p.feed(b"\x1b");
        assert_eq!(p.take(), None);
        assert!(p.is_waiting());
        assert_eq!(p.flush(), Some(Input::Key(Key::Esc)));
        assert!(!p.is_waiting());
    }

    #[test]
    fn an_arrow_split_across_reads_is_one_key_not_esc() {
        let mut p = Parser::new();
        p.feed(b"\x1b");
        assert_eq!(p.take(), None);
        p.feed(b"[");
        assert_eq!(p.take(), None);
        p.feed(b"A");
        assert_eq!(p.take(), Some(Input::Key(Key::Up)));
    }

    #[test]
    fn control_keys() {
        assert_eq!(
            keys(b"\x03\x1a\x15\x7f\x17"),
            vec![
                Input::Key(Key::Interrupt),
                Input::Key(Key::Suspend),
                Input::Key(Key::ClearLine),
                Input::Key(Key::Backspace),
                Input::Key(Key::DeleteWord),
            ]
        );
    }

    #[test]
    fn utf8_split_across_reads() {
        let mut p = Parser::new();
        let e = "é".as_bytes();
        p.feed(&e[..1]);
        assert_eq!(p.take(), None);
        p.feed(&e[1..]);
        assert_eq!(p.take(), Some(Input::Key(Key::Char('é'))));
    }

    #[test]
    fn a_paste_is_one_piece_with_its_newlines_even_in_small_reads() {
        let text = "line one\rline two\nthree \x1b[A not a key";
        let all_bytes = [PASTE_START, text.as_bytes(), PASTE_END, b"z"].concat();
        let mut p = Parser::new();
        let mut got = Vec::new();
        for chunk in all_bytes.chunks(3) {
            p.feed(chunk);
            got.extend(all(&mut p));
        }
        assert_eq!(
            got,
            vec![Input::Paste(text.to_string()), Input::Key(Key::Char('z'))]
        );
    }

    #[test]
    fn a_huge_paste_is_bounded() {
        let mut p = Parser::new();
        p.feed(PASTE_START);
        let chunk = vec![b'a'; 64 * 1024];
        for _ in 0..40 {
            p.feed(&chunk);
            assert_eq!(p.take(), None);
        }
        p.feed(PASTE_END);
        match p.take() {
            Some(Input::Paste(s)) => assert_eq!(s.len(), MAX_PASTE_BYTES),
            other => panic!("{other:?}"),
        }
    }
}
