//! Reading the log: a stream of records and bad lines, the warnings about bad
//! lines, and finding one check-in.

use std::fs::OpenOptions;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::files::{a_link, is_link_error, no_follow, not_a_file};
use super::save::Lock;
use super::{LOG_NAME, MAX_LINE, Store, StoreError, Waiting, Warn};
use crate::record::{BaselineMark, CheckIn, Line, LineError, read_line};
use crate::text::io_reason;

/// How many bad lines a reading pass names one by one before it only counts them.
pub const BAD_LINES_NAMED: u64 = 10;

impl Store {
    /// Reads the log line by line. A missing log reads as empty.
    ///
    /// One race is left on purpose: if the snapshot ends in a torn tail and a save
    /// repairs it before this reader gets there, the reader may see the start of the
    /// new line where the torn one was and report it as an unfinished last line. It
    /// is only a warning; the new record is whole in the log.
    ///
    /// The shared lock is held only while the length is noted: every save writes
    /// whole lines under the exclusive lock, so that length ends at a line end (or
    /// in a torn tail, which reads as an unfinished last line). Reading up to it
    /// unlocked means a reader whose output is stuck in a pipe (`history | less`)
    /// never keeps a check-in from being saved.
    pub fn reader(&self) -> Result<LogReader, StoreError> {
        let path = self.log_path();
        let refuse = |reason: String| StoreError::Read {
            path: path.clone(),
            reason,
        };
        // Checked before opening: opening a pipe for reading would wait for a writer.
        match std::fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(refuse(a_link(&path))),
            Ok(m) if !m.is_file() => return Err(refuse(not_a_file(&path))),
            _ => {}
        }
        let mut opts = OpenOptions::new();
        opts.read(true);
        no_follow(&mut opts);
        match opts.open(&path) {
            Ok(file) => {
                if !file.metadata().is_ok_and(|m| m.is_file()) {
                    return Err(refuse(not_a_file(&path)));
                }
                // Never read a line another copy is still writing.
                self.lock(&file, Lock::Shared, Waiting::Read, &mut |text| {
                    crate::sayln!("sidecheck: note: {text}")
                })
                .map_err(|e| e.into_store(self, Waiting::Read))?;
                let len = file.metadata().map_err(|e| refuse(io_reason(&e)))?.len();
                file.unlock().map_err(|e| refuse(io_reason(&e)))?;
                Ok(LogReader::new(Box::new(file.take(len)), path))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Ok(LogReader::new(Box::new(io::empty()), path))
            }
            Err(e) if is_link_error(&e) => Err(refuse(a_link(&path))),
            Err(e) => Err(refuse(io_reason(&e))),
        }
    }

    /// Finds one check-in by id, unique id prefix, or `last`, telling "no match"
    /// from "the prefix matches several".
    pub fn lookup(&self, which: &str, warn: Warn<'_>) -> Result<Lookup, StoreError> {
        let mut found: Option<Box<CheckIn>> = None;
        let mut matches = 0usize;
        let mut bad = BadLines::default();
        for entry in self.reader()? {
            match entry {
                Entry::Record(r) => {
                    if which == "last" {
                        found = Some(r);
                    } else if r.id == which {
                        bad.finish(warn);
                        return Ok(Lookup::Found(r));
                    } else if r.id.starts_with(which) {
                        matches += 1;
                        found = Some(r);
                    }
                }
                Entry::Mark(_) => {}
                Entry::Bad(b) => bad.note(&b, warn),
                Entry::Failed(e) => return Err(e),
            }
        }
        bad.finish(warn);
        Ok(match found {
            _ if which != "last" && matches > 1 => Lookup::Ambiguous(matches),
            Some(r) => Lookup::Found(r),
            None => Lookup::NotFound,
        })
    }
}

/// What looking up a check-in found.
#[derive(Debug)]
pub enum Lookup {
    Found(Box<CheckIn>),
    NotFound,
    /// An id prefix that matches this many check-ins.
    Ambiguous(usize),
}

/// A line of the log that is not a check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct BadLine {
    pub path: PathBuf,
    pub line: u64,
    pub reason: String,
}

impl std::fmt::Display for BadLine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} line {}: skipped, not a valid check-in ({})",
            self.path.display(),
            self.line,
            crate::text::tidy(&self.reason)
        )
    }
}

/// Warns about a reading pass's bad lines: the first [`BAD_LINES_NAMED`] one by
/// one, then (in `finish`) one line that counts them all. Every reading path of the
/// store and of [`crate::scan`] goes through it, so `show`, `history` and every
/// export print the same at most `BAD_LINES_NAMED + 1` lines.
#[derive(Debug, Default)]
pub struct BadLines {
    count: u64,
    first: u64,
    last: u64,
    path: Option<PathBuf>,
}

impl BadLines {
    /// Counts one bad line, naming it while few have been named.
    pub fn note(&mut self, bad: &BadLine, warn: Warn<'_>) {
        self.count += 1;
        if self.count == 1 {
            self.first = bad.line;
            self.path = Some(bad.path.clone());
        }
        self.last = bad.line;
        if self.count <= BAD_LINES_NAMED {
            warn(bad.to_string());
        }
    }

    /// How many bad lines were noted.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// After the pass: the summary, if more lines were bad than were named.
    pub fn finish(&self, warn: Warn<'_>) {
        if self.count > BAD_LINES_NAMED {
            let path = self.path.as_deref().unwrap_or(Path::new(LOG_NAME));
            warn(format!(
                "{}: {} lines in all were skipped as not valid check-ins, from line {} to line {}; only the first {BAD_LINES_NAMED} are named above",
                path.display(),
                self.count,
                self.first,
                self.last
            ));
        }
    }
}

/// One item read from the log.
#[derive(Debug)]
pub enum Entry {
    Record(Box<CheckIn>),
    /// A line that marks a check-in as the baseline: not a check-in, and not a bad
    /// line either. Readers that want check-ins pass over it in silence.
    Mark(BaselineMark),
    Bad(BadLine),
    /// Reading stopped: the file could not be read further.
    Failed(StoreError),
}

/// Streams the log one line at a time; memory stays bounded by the longest line.
pub struct LogReader {
    input: BufReader<Box<dyn Read>>,
    path: PathBuf,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl LogReader {
    pub fn new(input: Box<dyn Read>, path: PathBuf) -> LogReader {
        LogReader {
            input: BufReader::with_capacity(64 * 1024, input),
            path,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// Reads one line into `buf`, at most MAX_LINE bytes kept. Returns (any bytes
    /// read, too long).
    fn read_line(&mut self) -> io::Result<(bool, bool)> {
        self.buf.clear();
        let mut any = false;
        let mut too_long = false;
        loop {
            let chunk = self.input.fill_buf()?;
            if chunk.is_empty() {
                return Ok((any, too_long));
            }
            any = true;
            let (take, found) = match chunk.iter().position(|b| *b == b'\n') {
                Some(i) => (i + 1, true),
                None => (chunk.len(), false),
            };
            let room = MAX_LINE.saturating_sub(self.buf.len());
            if take > room {
                too_long = true;
            }
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            self.input.consume(take);
            if found {
                return Ok((any, too_long));
            }
        }
    }
}

impl Iterator for LogReader {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if self.done {
                return None;
            }
            let (any, too_long) = match self.read_line() {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    return Some(Entry::Failed(StoreError::Read {
                        path: self.path.clone(),
                        reason: io_reason(&e),
                    }));
                }
            };
            if !any {
                self.done = true;
                return None;
            }
            self.line += 1;
            let bad = |reason: String| {
                Some(Entry::Bad(BadLine {
                    path: self.path.clone(),
                    line: self.line,
                    reason,
                }))
            };
            if too_long {
                return bad(format!("longer than {} MiB", MAX_LINE / 1024 / 1024));
            }
            let ended = self.buf.last() == Some(&b'\n');
            let text = match std::str::from_utf8(&self.buf) {
                Ok(t) => t.trim_end_matches(['\n', '\r']),
                Err(_) => return bad("not UTF-8 text".into()),
            };
            if text.trim().is_empty() {
                continue;
            }
            return match read_line(text) {
                Ok(Line::CheckIn(r)) => Some(Entry::Record(r)),
                Ok(Line::Mark(m)) => Some(Entry::Mark(m)),
                Err(LineError::Newer(v)) => bad(format!(
                    "written by a newer sidecheck (record version {v}); update sidecheck to read it"
                )),
                Err(LineError::Json(_)) if !ended => {
                    bad("unfinished last line, likely left by a crash".into())
                }
                Err(LineError::Json(e)) => bad(crate::json_error::json_reason(&e)),
            };
        }
    }
}
