//! The terminal itself: raw mode, its size, and one wait for whatever happens next
//! (bytes from the keyboard, a signal, the terminal going away).
//!
//! Signals are caught for the whole rest of the process, from the first prompt on:
//! SIGHUP, SIGTERM and SIGINT only set a flag, so a signal that arrives while the
//! answers are being saved cannot cut the save short; the prompt that is waiting (or
//! the next one) ends and the check is saved as stopped. Each flag has a self-pipe
//! beside it, so `poll` wakes at once. Reading 0 bytes or EIO from the terminal means
//! it hung up (a closed window under `nohup`, where SIGHUP never comes): that ends the
//! prompt the same way, and nothing spins.

use std::io;
use std::os::fd::{AsFd, BorrowedFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::termios::{self, OptionalActions, OutputModes, Termios};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

use super::keys::{Input, Key, Parser};

/// Why a prompt was ended from outside the person's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// Ctrl-C, or SIGINT.
    Interrupt,
    /// SIGTERM.
    Terminate,
    /// SIGHUP, or the terminal went away (end of input, EIO).
    HangUp,
}

/// What the wait found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    Input(Input),
    /// Draw the prompt again from scratch: the window changed size, or the program
    /// was stopped and continued.
    Redraw,
    Stop(Stop),
}

/// How long a lone ESC may wait for the rest of an arrow key. Terminals send a key's
/// bytes together; 60 ms is long enough over ssh, short enough that Esc feels instant.
const ESC_WAIT: Duration = Duration::from_millis(60);

/// A safety net: the loop looks at the signal flags at least this often, even if a
/// wake-up byte was somehow missed.
const IDLE_WAKE: Duration = Duration::from_millis(500);

struct Caught {
    hup: Arc<AtomicBool>,
    term: Arc<AtomicBool>,
    int: Arc<AtomicBool>,
    tstp: Arc<AtomicBool>,
    cont: Arc<AtomicBool>,
    winch: Arc<AtomicBool>,
    wake: UnixStream,
}

static CAUGHT: OnceLock<Result<Caught, String>> = OnceLock::new();

fn caught() -> Result<&'static Caught, String> {
    CAUGHT
        .get_or_init(install)
        .as_ref()
        .map_err(|e| e.to_string())
}

fn install() -> Result<Caught, String> {
    let fail = |e: io::Error| crate::i18n::t_args("tty-no-signals", &[("error", &e.to_string())]);
    let (wake, write) = UnixStream::pair().map_err(fail)?;
    wake.set_nonblocking(true).map_err(fail)?;
    write.set_nonblocking(true).map_err(fail)?;
    let flag = |sig| -> Result<Arc<AtomicBool>, String> {
        let f = Arc::new(AtomicBool::new(false));
        // The flag first, then the wake-up: signal-hook runs a signal's actions in
        // the order they were registered, so the loop never wakes to an unset flag.
        signal_hook::flag::register(sig, Arc::clone(&f)).map_err(fail)?;
        signal_hook::low_level::pipe::register(sig, write.try_clone().map_err(fail)?)
            .map_err(fail)?;
        Ok(f)
    };
    Ok(Caught {
        hup: flag(SIGHUP)?,
        term: flag(SIGTERM)?,
        int: flag(SIGINT)?,
        tstp: flag(SIGTSTP)?,
        cont: flag(SIGCONT)?,
        winch: flag(SIGWINCH)?,
        wake,
    })
}

/// The terminal the guided check runs in: input on stdin, output on stderr.
pub struct Tty {
    /// The terminal's settings before we changed them.
    cooked: Option<Termios>,
    raw: bool,
    /// Whether raw mode (and bracketed paste) is wanted: false in the plain mode.
    rich: bool,
    parser: Parser,
    caught: &'static Caught,
}

impl Tty {
    pub fn open(rich: bool) -> Result<Tty, String> {
        let caught = caught()?;
        let cooked = termios::tcgetattr(io::stdin()).ok();
        Ok(Tty {
            // Without the terminal's settings there is no raw mode to leave safely.
            rich: rich && cooked.is_some(),
            cooked,
            raw: false,
            parser: Parser::new(),
            caught,
        })
    }

    /// Whether prompts are drawn in place (raw mode) rather than line by line.
    pub fn is_rich(&self) -> bool {
        self.rich
    }

    /// Columns and rows, from stderr (where everything is drawn).
    pub fn size(&self) -> (usize, usize) {
        match termios::tcgetwinsize(io::stderr()) {
            Ok(w) if w.ws_col > 0 && w.ws_row > 0 => (usize::from(w.ws_col), usize::from(w.ws_row)),
            _ => (80, 24),
        }
    }

    /// Starts a prompt: raw mode, and a size change from before it is old news (the
    /// prompt is drawn at the size it finds).
    pub fn begin(&mut self) {
        self.caught.winch.store(false, Ordering::SeqCst);
        self.enter_raw();
    }

    /// Keys one at a time, no echo, Ctrl-C and Ctrl-Z as bytes; output processing
    /// stays on so `\n` still starts a new line. Bracketed paste on.
    pub fn enter_raw(&mut self) {
        if !self.rich || self.raw {
            return;
        }
        let Some(cooked) = &self.cooked else { return };
        let mut raw = cooked.clone();
        raw.make_raw();
        raw.output_modes |= OutputModes::OPOST | OutputModes::ONLCR;
        if termios::tcsetattr(io::stdin(), OptionalActions::Now, &raw).is_ok() {
            self.raw = true;
            crate::console::write_err("\x1b[?2004h");
        }
    }

    /// Back to how the terminal was. Safe to call any number of times.
    pub fn leave_raw(&mut self) {
        if !self.raw {
            return;
        }
        crate::console::write_err("\x1b[?2004l\x1b[?25h");
        if let Some(cooked) = &self.cooked {
            let _ = termios::tcsetattr(io::stdin(), OptionalActions::Now, cooked);
        }
        self.raw = false;
    }

    /// Stops the program the way Ctrl-Z normally does, with the terminal restored;
    /// returns once it is continued (`fg`), back in raw mode if it was.
    pub fn suspend(&mut self) {
        let was_raw = self.raw;
        self.leave_raw();
        crate::console::write_err("\n");
        // The default action of SIGTSTP: stop here until SIGCONT.
        let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
        self.caught.tstp.store(false, Ordering::SeqCst);
        self.caught.cont.store(false, Ordering::SeqCst);
        if was_raw {
            self.enter_raw();
        }
    }

    /// A signal that ends the prompt, if one came.
    fn stop_signal(&self) -> Option<Stop> {
        let c = self.caught;
        if c.hup.load(Ordering::SeqCst) {
            Some(Stop::HangUp)
        } else if c.term.load(Ordering::SeqCst) {
            Some(Stop::Terminate)
        } else if c.int.load(Ordering::SeqCst) {
            Some(Stop::Interrupt)
        } else {
            None
        }
    }

    /// Waits for the next thing that matters to a prompt.
    pub fn wait(&mut self) -> Event {
        loop {
            // A stop stays set: every later prompt ends at once too.
            if let Some(stop) = self.stop_signal() {
                return Event::Stop(stop);
            }
            if self.caught.tstp.swap(false, Ordering::SeqCst) {
                self.suspend();
                return Event::Redraw;
            }
            if self.caught.cont.swap(false, Ordering::SeqCst) {
                // Continued after a stop we did not arrange (SIGSTOP): the shell may
                // have reset the terminal.
                if self.raw {
                    self.raw = false;
                    self.enter_raw();
                }
                return Event::Redraw;
            }
            if self.caught.winch.swap(false, Ordering::SeqCst) {
                return Event::Redraw;
            }
            match self.parser.take() {
                Some(Input::Key(Key::Suspend)) => {
                    self.suspend();
                    return Event::Redraw;
                }
                Some(Input::Key(Key::Interrupt)) => return Event::Stop(Stop::Interrupt),
                Some(input) => return Event::Input(input),
                None => {}
            }
            let waiting = self.parser.is_waiting();
            match self.poll_once(if waiting { ESC_WAIT } else { IDLE_WAKE }) {
                Ok(Polled::Bytes(bytes)) => self.parser.feed(&bytes),
                Ok(Polled::Nothing) => {
                    if waiting && let Some(input) = self.parser.flush() {
                        return Event::Input(input);
                    }
                }
                Ok(Polled::Woken) => {}
                Ok(Polled::Closed) | Err(_) => return Event::Stop(Stop::HangUp),
            }
        }
    }

    /// One line of input in the plain mode (the terminal's own line editing, echo and
    /// Ctrl-C, which arrives as SIGINT).
    pub fn read_line(&mut self) -> Line {
        let mut line = Vec::new();
        loop {
            if let Some(stop) = self.stop_signal() {
                return Line::Stop(stop);
            }
            if self.caught.tstp.swap(false, Ordering::SeqCst) {
                self.suspend();
                return Line::Redraw;
            }
            if self.caught.cont.swap(false, Ordering::SeqCst) {
                return Line::Redraw;
            }
            // The plain mode draws nothing that depends on the size.
            self.caught.winch.store(false, Ordering::SeqCst);
            match self.poll_once(IDLE_WAKE) {
                Ok(Polled::Bytes(bytes)) => {
                    line.extend_from_slice(&bytes);
                    if let Some(at) = line.iter().position(|&b| b == b'\n') {
                        line.truncate(at);
                        let text = String::from_utf8_lossy(&line);
                        return Line::Text(text.trim_end_matches('\r').to_string());
                    }
                }
                Ok(Polled::Nothing | Polled::Woken) => {}
                Ok(Polled::Closed) | Err(_) => return Line::Stop(Stop::HangUp),
            }
        }
    }

    fn poll_once(&mut self, timeout: Duration) -> io::Result<Polled> {
        let stdin = io::stdin();
        let input: BorrowedFd<'_> = stdin.as_fd();
        let wake = self.caught.wake.as_fd();
        let mut fds = [
            PollFd::new(&input, PollFlags::IN),
            PollFd::new(&wake, PollFlags::IN),
        ];
        let ts = Timespec {
            tv_sec: timeout.as_secs() as i64,
            tv_nsec: i64::from(timeout.subsec_nanos()),
        };
        match poll(&mut fds, Some(&ts)) {
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => return Ok(Polled::Woken),
            Err(e) => return Err(e.into()),
        }
        let tty_ready = !fds[0].revents().is_empty();
        let woken = !fds[1].revents().is_empty();
        if woken {
            let mut sink = [0u8; 64];
            while matches!(rustix::io::read(&self.caught.wake, &mut sink), Ok(n) if n > 0) {}
        }
        if tty_ready {
            let mut buf = vec![0u8; 64 * 1024];
            return match rustix::io::read(input, &mut buf) {
                Ok(0) => Ok(Polled::Closed),
                Ok(n) => {
                    buf.truncate(n);
                    Ok(Polled::Bytes(buf))
                }
                Err(rustix::io::Errno::INTR | rustix::io::Errno::AGAIN) => Ok(Polled::Woken),
                // EIO: the terminal hung up. Anything else: it cannot be read either.
                Err(_) => Ok(Polled::Closed),
            };
        }
        Ok(if woken {
            Polled::Woken
        } else {
            Polled::Nothing
        })
    }
}

/// What the plain mode read.
pub enum Line {
    Text(String),
    /// Continued after a stop: show the question again.
    Redraw,
    Stop(Stop),
}

enum Polled {
    Bytes(Vec<u8>),
    Nothing,
    Woken,
    Closed,
}

impl Drop for Tty {
    fn drop(&mut self) {
        self.leave_raw();
    }
}
