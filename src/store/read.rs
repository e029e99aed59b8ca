//! Reading the log: a stream of records and bad lines, the warnings about bad
//! lines, and finding one check-in.
//!
//! Finding one check-in reads less than the whole log, and finds what a whole
//! pass would:
//! - `last` reads backwards from the end, in 64 KiB steps, to the last line that
//!   is a check-in, stepping over the marks, blank lines and bad lines after it
//!   (a torn tail among them). Its time does not grow with the log. It names the
//!   bad lines it steps over, with their numbers; the lines before the check-in it
//!   never reads, so it cannot name those (`history` and every export do).
//! - An id or an id prefix, and the record that continues a stopped check-in, are
//!   found by a pass that reads whole only the lines that may be the one looked
//!   for ([`Only`]). A line that starts the way [`CheckIn::to_line`] writes one,
//!   `{"schema":N,"id":"ID"`, names its id there (a check-in's keys cannot repeat,
//!   so that is its id if it is a check-in at all); any other line is read whole.
//!   Bad lines among those read whole are named as every pass names them; a bad
//!   line passed over unread is not named.
//!
//! Every one of them takes the log's length under the shared lock and reads up
//! to it, as [`Store::reader`] does.

use crate::i18n::{t, t_args};
use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::files::{a_link, is_link_error, no_follow, not_a_file};
use super::save::Lock;
use super::{LOG_NAME, MAX_LINE, Store, StoreError, Waiting, Warn};
use crate::record::{
    BaselineMark, CheckIn, Filled, LineError, RECORD_VERSION, Skim, read_line_written, skim_line,
};
use crate::text::io_reason;

/// How many bad lines a reading pass names one by one before it only counts them.
pub const BAD_LINES_NAMED: u64 = 10;

/// How far `last` steps back at a time.
const BACKWARD_STEP: u64 = 64 * 1024;
/// How much a pass going forward reads at a time.
const FORWARD_BLOCK: usize = 1024 * 1024;
/// How often `last` starts again when the log was cut while it read (a save set a
/// torn tail aside), before it reads the log from the start instead.
const LAST_TRIES: usize = 3;

impl Store {
    /// The log, opened for reading, and its length noted under the shared lock;
    /// `None` when there is no log yet.
    ///
    /// The shared lock is held only while the length is noted: every save writes
    /// whole lines under the exclusive lock, so that length ends at a line end (or
    /// in a torn tail, which reads as an unfinished last line). Reading up to it
    /// unlocked means a reader whose output is stuck in a pipe (`history | less`)
    /// never keeps a check-in from being saved.
    fn snapshot(&self) -> Result<Option<(File, u64)>, StoreError> {
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
                    crate::sayln!("{}", crate::i18n::t_args("note", &[("text", &text)]))
                })
                .map_err(|e| e.into_store(self, Waiting::Read))?;
                let len = file.metadata().map_err(|e| refuse(io_reason(&e)))?.len();
                file.unlock().map_err(|e| refuse(io_reason(&e)))?;
                Ok(Some((file, len)))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) if is_link_error(&e) => Err(refuse(a_link(&path))),
            Err(e) => Err(refuse(io_reason(&e))),
        }
    }

    /// Reads the log line by line. A missing log reads as empty.
    ///
    /// One race is left on purpose: if the snapshot ends in a torn tail and a save
    /// repairs it before this reader gets there, the reader may see the start of the
    /// new line where the torn one was and report it as an unfinished last line. It
    /// is only a warning; the new record is whole in the log.
    pub fn reader(&self) -> Result<LogReader, StoreError> {
        Ok(LogReader {
            lines: Forward::of(self.snapshot()?),
            path: self.log_path(),
            keep: None,
            done: false,
            written: None,
        })
    }

    /// A pass over the log that reads whole only the lines that may be what `only`
    /// asks for, and passes over the others unread. It yields every check-in `only`
    /// asks for, in log order, as [`Store::reader`] would; among the rest, what it
    /// happened to read whole. A missing log reads as empty.
    pub fn only(&self, only: Only<'_>) -> Result<Filtered, StoreError> {
        Ok(Filtered {
            lines: Forward::of(self.snapshot()?),
            path: self.log_path(),
            keep: Some(Keep::of(only)),
            done: false,
            written: None,
        })
    }

    /// A pass over the log that keeps of each line only what [`Skimmed`] holds, in
    /// log order: the id of a line that starts as a check-in and names no
    /// `completes`, read no further; of every other line what [`Skim`] holds,
    /// read whole. Bad lines read whole are passed over without a word (the other
    /// passes name them), exactly the lines every pass finds bad. A missing log
    /// reads as empty.
    pub fn skim(&self) -> Result<Skims, StoreError> {
        Ok(Skims {
            lines: Forward::of(self.snapshot()?),
            path: self.log_path(),
            done: false,
            id: String::new(),
        })
    }

    /// The check-in whose line starts at `start` (a place a pass over the log
    /// gave), read as every pass reads it; `None` when that line is not one, or
    /// the log no longer reaches it. Bad lines are not named: the passes name them.
    pub fn check_in_at(&self, start: u64) -> Result<Option<Box<CheckIn>>, StoreError> {
        let Some((mut file, len)) = self.snapshot()? else {
            return Ok(None);
        };
        if start >= len {
            return Ok(None);
        }
        let fail = |e: io::Error| read_error(&self.log_path(), &e);
        file.seek(SeekFrom::Start(start)).map_err(fail)?;
        let mut lines = Forward::new(Box::new(file), len - start);
        let mut r = Box::new(CheckIn::blank());
        Ok(match lines.next().map_err(fail)? {
            Some(raw) => match read_raw(raw.bytes, raw.too_long, &mut r) {
                Some(Ok(Filled::CheckIn)) => Some(r),
                _ => None,
            },
            None => None,
        })
    }

    /// Finds one check-in by id, unique id prefix, or `last`, telling "no match"
    /// from "the prefix matches several".
    pub fn lookup(&self, which: &str, warn: Warn<'_>) -> Result<Lookup, StoreError> {
        if which == "last" {
            return self.last(warn);
        }
        let mut found: Option<Box<CheckIn>> = None;
        let mut matches = 0usize;
        let mut bad = BadLines::default();
        for entry in self.only(Only::IdsStartingWith(which))? {
            match entry {
                Entry::Record(r) => {
                    if r.id == which {
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
            _ if matches > 1 => Lookup::Ambiguous(matches),
            Some(r) => Lookup::Found(r),
            None => Lookup::NotFound,
        })
    }

    /// The last check-in in the log, read backwards from the end; see the module
    /// notes. Names the bad lines after it.
    fn last(&self, warn: Warn<'_>) -> Result<Lookup, StoreError> {
        let path = self.log_path();
        for _ in 0..LAST_TRIES {
            let Some((file, len)) = self.snapshot()? else {
                return Ok(Lookup::NotFound);
            };
            match last_in(&file, len) {
                Ok(tail) => match tail.numbered(&file) {
                    Ok(numbered) => {
                        numbered.warn(&path, warn);
                        return Ok(match tail.record {
                            Some(r) => Lookup::Found(r),
                            None => Lookup::NotFound,
                        });
                    }
                    Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {}
                    Err(e) => return Err(read_error(&path, &e)),
                },
                // The log was cut after its length was noted: a save set a torn
                // tail aside. Note the length again.
                Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {}
                Err(e) => return Err(read_error(&path, &e)),
            }
        }
        // Cut again and again while being read: read it from the start, as a pass does.
        let mut found = None;
        let mut bad = BadLines::default();
        for entry in self.reader()? {
            match entry {
                Entry::Record(r) => found = Some(r),
                Entry::Mark(_) => {}
                Entry::Bad(b) => bad.note(&b, warn),
                Entry::Failed(e) => return Err(e),
            }
        }
        bad.finish(warn);
        Ok(found.map_or(Lookup::NotFound, Lookup::Found))
    }
}

fn read_error(path: &Path, e: &io::Error) -> StoreError {
    StoreError::Read {
        path: path.to_path_buf(),
        reason: io_reason(e),
    }
}

/// What a pass over the log must read whole ([`Store::only`]).
#[derive(Debug, Clone, Copy)]
pub enum Only<'a> {
    /// The check-ins whose id starts with this (a whole id among them).
    IdsStartingWith(&'a str),
    /// The check-ins whose `completes` names this id.
    Completing(&'a str),
}

/// [`Only`] made ready to test lines.
enum Keep {
    Prefix(Vec<u8>),
    Completing(Box<memchr::memmem::Finder<'static>>),
}

impl Keep {
    fn of(only: Only<'_>) -> Keep {
        match only {
            Only::IdsStartingWith(prefix) => Keep::Prefix(prefix.as_bytes().to_vec()),
            Only::Completing(id) => {
                // The id as `to_line` writes a string: quotes and serde_json's escapes.
                let written = serde_json::to_string(id).unwrap_or_default();
                Keep::Completing(Box::new(
                    memchr::memmem::Finder::new(written.as_bytes()).into_owned(),
                ))
            }
        }
    }

    /// Whether the line may hold what is asked for, so that it must be read whole.
    /// `false` only when it surely does not.
    fn may_match(&self, line: &[u8]) -> bool {
        match self {
            Keep::Prefix(prefix) => written_id(line).is_none_or(|id| id.starts_with(prefix)),
            // A check-in whose `completes` is the id holds the id as a JSON string.
            // serde_json writes each character one way; any other way of writing
            // it (`\u0041` for `A`, `\/` for `/`) has a `\u` or a `\/` in it.
            Keep::Completing(written) => {
                written.find(line).is_some()
                    || memchr::memchr_iter(b'\\', line)
                        .any(|i| matches!(line.get(i + 1), Some(b'u' | b'/')))
            }
        }
    }
}

/// The id of a line that starts as [`CheckIn::to_line`] writes a check-in of a
/// version this build reads: `{"schema":N,"id":"ID"`, with no escape in the id.
/// If such a line is a check-in at all, that is its id: a check-in's keys cannot
/// repeat. `None` for a line that starts any other way.
pub(super) fn written_id(line: &[u8]) -> Option<&[u8]> {
    let rest = line.strip_prefix(br#"{"schema":"#)?;
    let (&digit, rest) = rest.split_first()?;
    if !digit.is_ascii_digit() || u32::from(digit - b'0') > RECORD_VERSION {
        return None;
    }
    let rest = rest.strip_prefix(br#","id":""#)?;
    let end = memchr::memchr2(b'"', b'\\', rest)?;
    (rest[end] == b'"').then(|| &rest[..end])
}

/// What one line of the log is, from its bytes (its line end included, if it has
/// one): `None` for a blank line, else a check-in (read into `r`) or a mark, or
/// why it is bad. The one reading of a line for [`LogReader`], [`Filtered`] and
/// `last`.
fn read_raw(bytes: &[u8], too_long: bool, r: &mut CheckIn) -> Option<Result<Filled, String>> {
    read_raw_written(bytes, too_long, r).map(|read| read.map(|(filled, _)| filled))
}

/// [`read_raw`], and the length of the line without its line end when it is
/// exactly what [`CheckIn::to_line`] writes for the check-in read
/// ([`read_line_written`]).
fn read_raw_written(
    bytes: &[u8],
    too_long: bool,
    r: &mut CheckIn,
) -> Option<Result<(Filled, Option<usize>), String>> {
    let text = match text_of(bytes, too_long)? {
        Ok(text) => text,
        Err(reason) => return Some(Err(reason)),
    };
    let ended = bytes.last() == Some(&b'\n');
    Some(match read_line_written(text, r) {
        Ok((filled, written)) => Ok((filled, written.then_some(text.len()))),
        Err(LineError::Newer(v)) => Err(t_args("log-newer", &[("version", &v.to_string())])),
        Err(LineError::Json(_)) if !ended => Err(t("log-torn-tail")),
        Err(LineError::Json(e)) => Err(crate::json_error::json_reason(&e)),
    })
}

/// A line's text without its line end: `None` for a blank line, or why it
/// cannot be a line of the log at all.
fn text_of(bytes: &[u8], too_long: bool) -> Option<Result<&str, String>> {
    if too_long {
        let mib = (MAX_LINE / 1024 / 1024).to_string();
        return Some(Err(t_args("log-line-too-long", &[("mib", &mib)])));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.trim_end_matches(['\n', '\r']),
        Err(_) => return Some(Err(t("log-not-utf8"))),
    };
    (!text.trim().is_empty()).then_some(Ok(text))
}

/// Reads into `buf` from the input's current position until it is full or the
/// input ends; returns how much was read.
fn read_full(mut file: impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Reads exactly `buf.len()` bytes at `offset`; a file now shorter than that was
/// cut after its length was noted (`UnexpectedEof`).
fn read_at(mut file: &File, offset: u64, buf: &mut [u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(offset))?;
    if read_full(file, buf)? < buf.len() {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    Ok(())
}

/// The lines of a snapshot of the log, going forward in blocks, each lent out
/// where it lies in the block (one that spans two blocks is moved to the front
/// first), found with `memchr`: no line is copied. Memory stays bounded by a block
/// and the longest line kept.
struct Forward {
    input: Box<dyn Read>,
    /// Where the snapshot ends (sooner, if the input turned out shorter).
    len: u64,
    /// How much of the file has been read.
    read: u64,
    buf: Vec<u8>,
    /// The next line starts here in `buf`; what was read ends at `filled`.
    at: usize,
    filled: usize,
    /// The number of the last line lent out.
    line: u64,
}

/// One line as [`Forward`] lends it: its bytes, line end included if it has one
/// (empty when it is too long to keep).
struct RawLine<'b> {
    number: u64,
    /// Where it starts in the file.
    start: u64,
    bytes: &'b [u8],
    too_long: bool,
}

impl Forward {
    /// The lines of `input` up to `len` bytes, or to its end if that comes first.
    fn new(input: Box<dyn Read>, len: u64) -> Forward {
        Forward {
            input,
            len,
            read: 0,
            buf: Vec::new(),
            at: 0,
            filled: 0,
            line: 0,
        }
    }

    /// The lines of a snapshot; none when there is no log.
    fn of(snapshot: Option<(File, u64)>) -> Forward {
        match snapshot {
            Some((file, len)) => Forward::new(Box::new(file), len),
            None => Forward::new(Box::new(io::empty()), 0),
        }
    }

    fn next(&mut self) -> io::Result<Option<RawLine<'_>>> {
        let (start, end) = loop {
            let pending = &self.buf[self.at..self.filled];
            if let Some(i) = memchr::memchr(b'\n', pending) {
                break (self.at, self.at + i + 1);
            }
            if self.read >= self.len {
                if pending.is_empty() {
                    return Ok(None);
                }
                break (self.at, self.filled);
            }
            if pending.len() > MAX_LINE {
                // Longer than any line is kept: pass over the rest of it.
                let start = self.offset(self.at);
                self.at = self.filled;
                self.skip_line()?;
                self.line += 1;
                return Ok(Some(RawLine {
                    number: self.line,
                    start,
                    bytes: &[],
                    too_long: true,
                }));
            }
            self.fill()?;
        };
        self.at = end;
        self.line += 1;
        Ok(Some(RawLine {
            number: self.line,
            start: self.offset(start),
            bytes: &self.buf[start..end],
            too_long: end - start > MAX_LINE,
        }))
    }

    /// Where the byte at `i` in the buffer is in the file.
    fn offset(&self, i: usize) -> u64 {
        self.read - (self.filled - i) as u64
    }

    /// Moves the unfinished line to the front of the buffer and reads the next
    /// block after it.
    fn fill(&mut self) -> io::Result<()> {
        self.buf.copy_within(self.at..self.filled, 0);
        self.filled -= self.at;
        self.at = 0;
        let want = (self.len - self.read).min(FORWARD_BLOCK as u64) as usize;
        if self.buf.len() < self.filled + want {
            self.buf.resize(self.filled + want, 0);
        }
        let n = read_full(
            &mut self.input,
            &mut self.buf[self.filled..self.filled + want],
        )?;
        self.filled += n;
        self.read += n as u64;
        if n < want {
            // The file was cut after its length was noted: it ends here, as it
            // does for a reader going forward.
            self.len = self.read;
        }
        Ok(())
    }

    /// Passes over the rest of a line too long to keep, up to and with its line end.
    fn skip_line(&mut self) -> io::Result<()> {
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf[self.at..self.filled]) {
                self.at += i + 1;
                return Ok(());
            }
            self.at = self.filled;
            if self.read >= self.len {
                return Ok(());
            }
            self.fill()?;
        }
    }
}

/// A pass over the log made by [`Store::only`]: entries as [`LogReader`] gives
/// them, without the lines it could pass over unread.
pub type Filtered = LogReader;

/// Streams the log one line at a time ([`Forward`]); memory stays bounded by a
/// block and the longest line.
pub struct LogReader {
    lines: Forward,
    path: PathBuf,
    /// What to read whole, for a pass made by [`Store::only`]; every line when `None`.
    keep: Option<Keep>,
    done: bool,
    /// Where the last check-in's line starts in the block and how long it is
    /// without its line end, when it is written as `to_line` writes the record.
    written: Option<(usize, usize)>,
}

impl LogReader {
    /// Reads `input` to its end as a log at `path` (the name bad lines are named by).
    pub fn new(input: Box<dyn Read>, path: PathBuf) -> LogReader {
        LogReader {
            lines: Forward::new(input, u64::MAX),
            path,
            keep: None,
            done: false,
            written: None,
        }
    }
}

impl LogReader {
    /// The next entry, with a check-in read into `r` (in the buffers it has)
    /// instead of a new record: `Entry::Record(())` says it is there. A pass that
    /// needs each check-in only while it looks at it reads them all into one.
    pub fn next_in(&mut self, r: &mut CheckIn) -> Option<Entry<()>> {
        self.written = None;
        loop {
            if self.done {
                return None;
            }
            let raw = match self.lines.next() {
                Ok(Some(raw)) => raw,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Entry::Failed(read_error(&self.path, &e)));
                }
            };
            // An unfinished last line is always read: a torn tail is named.
            let ended = raw.bytes.last() == Some(&b'\n');
            if let Some(keep) = &self.keep
                && !raw.too_long
                && ended
                && !keep.may_match(raw.bytes)
            {
                continue;
            }
            let len = raw.bytes.len();
            return match read_raw_written(raw.bytes, raw.too_long, r) {
                None => continue,
                Some(Ok((Filled::CheckIn, written))) => {
                    self.written = written.map(|text| (self.lines.at - len, text));
                    Some(Entry::Record(()))
                }
                Some(Ok((Filled::Mark(m), _))) => Some(Entry::Mark(m)),
                Some(Err(reason)) => Some(Entry::Bad(BadLine {
                    path: self.path.clone(),
                    line: raw.number,
                    reason,
                })),
            };
        }
    }
}

impl LogReader {
    /// The line of the check-in [`LogReader::next_in`] last read, without its line
    /// end, when it is byte for byte what [`CheckIn::to_line`] writes for the
    /// record (see [`crate::record::fill_line_written`]): a writer of the record
    /// may copy it instead.
    pub fn written(&self) -> Option<&[u8]> {
        let (start, len) = self.written?;
        Some(&self.lines.buf[start..start + len])
    }
}

impl Iterator for LogReader {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        let mut r = Box::new(CheckIn::blank());
        Some(match self.next_in(&mut r)? {
            Entry::Record(()) => Entry::Record(r),
            Entry::Mark(m) => Entry::Mark(m),
            Entry::Bad(b) => Entry::Bad(b),
            Entry::Failed(e) => Entry::Failed(e),
        })
    }
}

/// What [`Store::skim`] keeps of a line.
#[derive(Debug, Clone, PartialEq)]
pub enum Skimmed<'l> {
    /// The id of a line that starts as [`CheckIn::to_line`] writes a check-in
    /// ([`written_id`]) and that cannot name a `completes`
    /// ([`may_name_completes`]). Only its first keys are read, so it may yet be a
    /// bad line: the id is one a check-in of the log may have, no more. It is lent,
    /// so that the pass allocates nothing for most lines.
    Id(&'l str),
    /// Any other line, read whole as every pass reads it: a check-in or a mark.
    Whole(Skim),
}

/// Whether a line may have a `completes` key anywhere in it: the key as any JSON
/// writer spells it, or a `\u` escape, which could spell any key. `false` only
/// when it surely has none.
fn may_name_completes(line: &[u8]) -> bool {
    static KEY: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(br#""completes""#));
    // `\u` looked for as two bytes: a note's other escapes (`\"`, `\n`) are
    // passed over in the same scan, not stopped at one by one.
    static ESCAPE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(br"\u"));
    KEY.find(line).is_some() || ESCAPE.find(line).is_some()
}

/// A pass made by [`Store::skim`].
pub struct Skims {
    lines: Forward,
    path: PathBuf,
    done: bool,
    /// The id [`Skimmed::Id`] lends, refilled line to line.
    id: String,
}

impl Skims {
    /// The next line kept, with where it starts in the file
    /// ([`Store::check_in_at`]); `None` at the end of the snapshot.
    pub fn next_kept(&mut self) -> Option<Result<(u64, Skimmed<'_>), StoreError>> {
        while !self.done {
            match self.lines.next() {
                Ok(Some(raw)) => {
                    // Most lines: the id is all the first pass needs of them, and it
                    // stands at the start. Reading them whole is the passes' work.
                    if !raw.too_long
                        && let Some(id) = written_id(raw.bytes)
                        && !may_name_completes(raw.bytes)
                        && let Ok(id) = std::str::from_utf8(id)
                    {
                        let start = raw.start;
                        self.id.clear();
                        self.id.push_str(id);
                        return Some(Ok((start, Skimmed::Id(&self.id))));
                    }
                    if let Some(Ok(text)) = text_of(raw.bytes, raw.too_long)
                        && let Ok(skim) = skim_line(text)
                    {
                        return Some(Ok((raw.start, Skimmed::Whole(skim))));
                    }
                }
                Ok(None) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(read_error(&self.path, &e)));
                }
            }
        }
        None
    }
}

/// Going backwards through a snapshot of the log, one line at a time.
struct Backward<'f> {
    file: &'f File,
    /// The file's bytes from `start`, up to the end of the line to find next.
    buf: Vec<u8>,
    start: u64,
}

/// A line [`Backward`] found: where it starts, and its bytes (line end included,
/// if it has one), or `None` when it is too long to be a check-in.
type BackLine<'b> = (u64, Option<&'b [u8]>);

impl<'f> Backward<'f> {
    fn new(file: &'f File, len: u64) -> Backward<'f> {
        Backward {
            file,
            buf: Vec::new(),
            start: len,
        }
    }

    /// The line before the ones found so far, or `None` at the start of the file.
    fn prev(&mut self) -> io::Result<Option<BackLine<'_>>> {
        if self.start == 0 && self.buf.is_empty() {
            return Ok(None);
        }
        let from = loop {
            // The last byte is the line's own end.
            let before_end = &self.buf[..self.buf.len().saturating_sub(1)];
            if !self.buf.is_empty()
                && let Some(i) = memchr::memrchr(b'\n', before_end)
            {
                break i + 1;
            }
            if self.start == 0 && !self.buf.is_empty() {
                break 0;
            }
            if self.buf.len() > MAX_LINE {
                let start = self.start_of_long_line()?;
                self.buf.clear();
                self.start = start;
                return Ok(Some((start, None)));
            }
            // One step back; a longer one for a long line, so that moving what was
            // read already costs no more than reading it.
            let step = BACKWARD_STEP.max(self.buf.len() as u64).min(self.start);
            let mut block = vec![0; step as usize];
            read_at(self.file, self.start - step, &mut block)?;
            block.extend_from_slice(&self.buf);
            self.buf = block;
            self.start -= step;
        };
        let at = self.start + from as u64;
        let len = self.buf.len() - from;
        // The line is kept until the next call, which drops it.
        let line = (at, (len <= MAX_LINE).then(|| &self.buf[from..]));
        Ok(Some(line))
    }

    /// Drops the line `prev` lent out last.
    fn drop_line(&mut self, at: u64) {
        self.buf.truncate((at - self.start) as usize);
    }

    /// Where the too-long line that ends `buf` starts, found in steps back without
    /// keeping what is read.
    fn start_of_long_line(&self) -> io::Result<u64> {
        let mut end = self.start;
        let mut block = vec![0; BACKWARD_STEP as usize];
        while end > 0 {
            let step = BACKWARD_STEP.min(end);
            let block = &mut block[..step as usize];
            read_at(self.file, end - step, block)?;
            if let Some(i) = memchr::memrchr(b'\n', block) {
                return Ok(end - step + i as u64 + 1);
            }
            end -= step;
        }
        Ok(0)
    }
}

/// What `last` found going backwards: the last check-in, and the bad lines after
/// it, counted by how far back from the end each lies (0 for the last line).
#[derive(Default)]
struct Tail {
    record: Option<Box<CheckIn>>,
    /// Lines looked at, the check-in's own included.
    looked: u64,
    /// Where the earliest line looked at starts.
    stop: u64,
    /// The bad lines nearest the check-in (the first ones a pass would name), at
    /// most [`BAD_LINES_NAMED`], nearest last.
    named: VecDeque<(u64, String)>,
    bad: u64,
    /// The bad line nearest the end.
    last_bad: u64,
}

/// Reads back from the end of the snapshot to its last check-in.
fn last_in(file: &File, len: u64) -> io::Result<Tail> {
    let mut back = Backward::new(file, len);
    let mut tail = Tail::default();
    let mut r = Box::new(CheckIn::blank());
    while let Some((at, bytes)) = back.prev()? {
        let back_from_end = tail.looked;
        tail.looked += 1;
        tail.stop = at;
        let read = read_raw(bytes.unwrap_or_default(), bytes.is_none(), &mut r);
        match read {
            None | Some(Ok(Filled::Mark(_))) => {}
            Some(Ok(Filled::CheckIn)) => {
                tail.record = Some(r);
                break;
            }
            Some(Err(reason)) => {
                if tail.bad == 0 {
                    tail.last_bad = back_from_end;
                }
                tail.bad += 1;
                tail.named.push_back((back_from_end, reason));
                if tail.named.len() as u64 > BAD_LINES_NAMED {
                    tail.named.pop_front();
                }
            }
        }
        back.drop_line(at);
    }
    Ok(tail)
}

/// The bad lines after the last check-in, with their line numbers.
struct Numbered {
    /// The first ones, in log order.
    named: Vec<(u64, String)>,
    bad: u64,
    last_line: u64,
}

impl Tail {
    /// Numbers the bad lines: counts the lines before the earliest one looked at.
    /// Only a log with bad lines at its end pays for that count.
    fn numbered(&self, file: &File) -> io::Result<Numbered> {
        if self.bad == 0 {
            return Ok(Numbered {
                named: Vec::new(),
                bad: 0,
                last_line: 0,
            });
        }
        let earliest = lines_before(file, self.stop)? + 1;
        let number = |back_from_end: u64| earliest + (self.looked - 1 - back_from_end);
        Ok(Numbered {
            named: self
                .named
                .iter()
                .rev()
                .map(|(back, reason)| (number(*back), reason.clone()))
                .collect(),
            bad: self.bad,
            last_line: number(self.last_bad),
        })
    }
}

impl Numbered {
    fn warn(&self, path: &Path, warn: Warn<'_>) {
        let mut bad = BadLines::default();
        for (line, reason) in &self.named {
            bad.note(
                &BadLine {
                    path: path.to_path_buf(),
                    line: *line,
                    reason: reason.clone(),
                },
                warn,
            );
        }
        bad.unnamed(self.bad - bad.count(), self.last_line);
        bad.finish(warn);
    }
}

/// How many line ends the file has before `end`.
fn lines_before(mut file: &File, end: u64) -> io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut block = vec![0; FORWARD_BLOCK];
    let mut left = end;
    let mut count = 0u64;
    while left > 0 {
        let want = left.min(FORWARD_BLOCK as u64) as usize;
        let block = &mut block[..want];
        if read_full(file, block)? < want {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        count += memchr::memchr_iter(b'\n', block).count() as u64;
        left -= want as u64;
    }
    Ok(count)
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
        let text = t_args(
            "log-bad-line",
            &[
                ("path", &self.path.display().to_string()),
                ("line", &self.line.to_string()),
                ("reason", &crate::text::tidy(&self.reason)),
            ],
        );
        f.write_str(&text)
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

    /// Counts `more` bad lines after the named ones, up to line `last`, without
    /// naming them (only ever after [`BAD_LINES_NAMED`] were named).
    fn unnamed(&mut self, more: u64, last: u64) {
        if more > 0 {
            self.count += more;
            self.last = last;
        }
    }

    /// After the pass: the summary, if more lines were bad than were named.
    pub fn finish(&self, warn: Warn<'_>) {
        if self.count > BAD_LINES_NAMED {
            let path = self.path.as_deref().unwrap_or(Path::new(LOG_NAME));
            let [count, first, last, named] =
                [self.count, self.first, self.last, BAD_LINES_NAMED].map(|n| n.to_string());
            warn(t_args(
                "log-bad-lines-in-all",
                &[
                    ("path", &path.display().to_string()),
                    ("count", &count),
                    ("first", &first),
                    ("last", &last),
                    ("named", &named),
                ],
            ));
        }
    }
}

/// One item read from the log: a check-in as `R`, a new record unless the reader
/// was given one to read it into ([`LogReader::next_in`]).
#[derive(Debug)]
pub enum Entry<R = Box<CheckIn>> {
    Record(R),
    /// A line that marks a check-in as the baseline: not a check-in, and not a bad
    /// line either. Readers that want check-ins pass over it in silence.
    Mark(BaselineMark),
    Bad(BadLine),
    /// Reading stopped: the file could not be read further.
    Failed(StoreError),
}
