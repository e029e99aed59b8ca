//! The private log: `checkins.jsonl` in the data directory, one check-in per line.
//!
//! This is the only code that touches the log. Its promises:
//! - the directory is 0700 and the file 0600, whatever the umask;
//! - a save takes an exclusive lock, writes the whole line in one write, and calls
//!   `sync_data` before anyone is told "saved";
//! - a failed write is rolled back to the old length while the lock is still held,
//!   so earlier records stay intact and no partial line is left;
//! - a torn last line left by a crash is copied aside (never deleted) before the next
//!   save, and readers skip bad lines with a warning naming the line number.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::io_reason;
use crate::record::{CheckIn, RECORD_VERSION};

/// The log's file name inside the data directory.
pub const LOG_NAME: &str = "checkins.jsonl";
/// Lines longer than this are not check-ins; readers skip them, writers refuse them.
pub const MAX_LINE: usize = 4 * 1024 * 1024;

/// Where to send warnings (a mode was tightened, a line was skipped).
pub type Warn<'a> = &'a mut dyn FnMut(String);

/// What went wrong with the log.
#[derive(Debug)]
pub enum StoreError {
    /// The data directory could not be made or used.
    Dir { path: PathBuf, reason: String },
    /// The check-in was not saved.
    NotSaved { path: PathBuf, reason: String },
    /// The log could not be read.
    Read { path: PathBuf, reason: String },
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Dir { path, reason } => write!(
                f,
                "cannot save to the data folder {} ({reason}), so the check-in was NOT saved; choose another folder with --data-dir DIR",
                path.display()
            ),
            StoreError::NotSaved { path, reason } => write!(
                f,
                "the check-in was NOT saved to {} ({reason}); free some disk space or use --data-dir DIR, then run the check again",
                path.display()
            ),
            StoreError::Read { path, reason } => write!(
                f,
                "cannot read the log {} ({reason}); check that the file exists and is yours",
                path.display()
            ),
        }
    }
}

impl std::error::Error for StoreError {}

/// The data directory: `--data-dir`, else `SIDECHECK_DATA_DIR` (clap reads both),
/// else the platform's data folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sidecheck").map(|p| p.data_dir().to_path_buf())
}

/// The log in one data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.join(LOG_NAME)
    }

    /// Makes sure a check-in can be saved: the folder exists and is private, the log
    /// can be opened for writing and locked. Call before the first question.
    pub fn check_writable(&self, warn: Warn<'_>) -> Result<(), StoreError> {
        let file = self.open_for_append(warn).map_err(|e| StoreError::Dir {
            path: self.dir.clone(),
            reason: e,
        })?;
        file.lock().map_err(|e| StoreError::Dir {
            path: self.dir.clone(),
            reason: format!("cannot lock the log: {}", io_reason(&e)),
        })?;
        Ok(())
    }

    /// Appends one check-in. Returns only after the data reached the disk.
    pub fn append(&self, record: &CheckIn, warn: Warn<'_>) -> Result<(), StoreError> {
        let path = self.log_path();
        let not_saved = |reason: String| StoreError::NotSaved {
            path: path.clone(),
            reason,
        };
        let line = record.to_line();
        if line.len() > MAX_LINE {
            return Err(not_saved(format!(
                "the record is larger than {} MiB",
                MAX_LINE / 1024 / 1024
            )));
        }
        let mut file = self.open_for_append(warn).map_err(&not_saved)?;
        // Blocks while another copy is saving; flock is released if that copy dies.
        file.lock()
            .map_err(|e| not_saved(format!("cannot lock the log: {}", io_reason(&e))))?;
        self.set_aside_torn_tail(&mut file, warn)
            .map_err(|e| not_saved(format!("cannot repair the log: {e}")))?;
        let before = file.metadata().map_err(|e| not_saved(io_reason(&e)))?.len();
        let written = file
            .write_all(line.as_bytes())
            .and_then(|()| file.sync_data());
        if let Err(e) = written {
            // Still under the lock: put the file back as it was, so no partial line
            // is left for readers or the next save.
            let rolled_back = file.set_len(before).and_then(|()| file.sync_data());
            let mut reason = io_reason(&e);
            if rolled_back.is_err() {
                reason.push_str("; a partial line may remain and will be set aside next time");
            }
            return Err(not_saved(reason));
        }
        Ok(())
    }

    /// Opens the log for appending, creating the folder (0700) and file (0600), and
    /// tightening a file that others can read.
    fn open_for_append(&self, warn: Warn<'_>) -> Result<File, String> {
        let created_dir = !self.dir.exists();
        create_private_dir(&self.dir)?;
        let path = self.log_path();
        // Only a regular file (or a link to one) can be the log: opening a device or a
        // pipe could block or write nowhere, and making it "private" would change the
        // mode of something that is not ours.
        let existed = match fs::metadata(&path) {
            Ok(meta) if !meta.is_file() => return Err(not_a_file(&path)),
            Ok(_) => true,
            Err(_) => false,
        };
        let mut opts = OpenOptions::new();
        opts.read(true).append(true).create(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file = opts.open(&path).map_err(|e| {
            format!(
                "cannot open {} for writing: {}",
                path.display(),
                io_reason(&e)
            )
        })?;
        if !file.metadata().map_err(|e| io_reason(&e))?.is_file() {
            return Err(not_a_file(&path));
        }
        make_private(&file, &path, existed, warn)?;
        if !existed || created_dir {
            // Make the new directory entry itself durable.
            sync_dir(&self.dir);
        }
        Ok(file)
    }

    /// If the log ends without a newline (a save cut off by a crash), copies that
    /// tail to a `.torn-*` file beside the log and cuts it from the log.
    fn set_aside_torn_tail(&self, file: &mut File, warn: Warn<'_>) -> Result<(), String> {
        let len = file.metadata().map_err(|e| io_reason(&e))?.len();
        if len == 0 {
            return Ok(());
        }
        let start = tail_start(file, len).map_err(|e| io_reason(&e))?;
        if start == len {
            return Ok(());
        }
        let mut tail = Vec::with_capacity((len - start).min(MAX_LINE as u64) as usize);
        file.seek(SeekFrom::Start(start))
            .and_then(|_| file.take(len - start).read_to_end(&mut tail))
            .map_err(|e| io_reason(&e))?;
        let aside = self.dir.join(format!(
            "{LOG_NAME}.torn-{}-{}",
            chrono::Utc::now().format("%Y%m%dT%H%M%S%.6fZ"),
            std::process::id()
        ));
        write_private_file(&aside, &tail)?;
        file.set_len(start)
            .and_then(|()| file.sync_data())
            .map_err(|e| io_reason(&e))?;
        warn(format!(
            "the log ended with an unfinished line (left by a crash); it was kept in {} and the log was repaired",
            aside.display()
        ));
        Ok(())
    }

    /// Reads the log line by line. A missing log reads as empty.
    pub fn reader(&self) -> Result<LogReader, StoreError> {
        let path = self.log_path();
        // Checked before opening: opening a pipe for reading would wait for a writer.
        if fs::metadata(&path).is_ok_and(|m| !m.is_file()) {
            return Err(StoreError::Read {
                reason: not_a_file(&path),
                path,
            });
        }
        match File::open(&path) {
            Ok(file) => {
                // A shared lock: never read a line another copy is still writing.
                file.lock_shared().map_err(|e| StoreError::Read {
                    path: path.clone(),
                    reason: io_reason(&e),
                })?;
                Ok(LogReader::new(Box::new(file), path))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                Ok(LogReader::new(Box::new(io::empty()), path))
            }
            Err(e) => Err(StoreError::Read {
                path,
                reason: io_reason(&e),
            }),
        }
    }

    /// Finds one check-in by id, unique id prefix, or `last`.
    pub fn find(&self, which: &str, warn: Warn<'_>) -> Result<Option<CheckIn>, StoreError> {
        Ok(match self.lookup(which, warn)? {
            Lookup::Found(r) => Some(*r),
            Lookup::NotFound | Lookup::Ambiguous(_) => None,
        })
    }

    /// Like `find`, but tells "no match" from "the prefix matches several".
    pub fn lookup(&self, which: &str, warn: Warn<'_>) -> Result<Lookup, StoreError> {
        let mut found: Option<Box<CheckIn>> = None;
        let mut matches = 0usize;
        for entry in self.reader()? {
            match entry {
                Entry::Record(r) => {
                    if which == "last" {
                        found = Some(r);
                    } else if r.id == which {
                        return Ok(Lookup::Found(r));
                    } else if r.id.starts_with(which) {
                        matches += 1;
                        found = Some(r);
                    }
                }
                Entry::Bad(bad) => warn(bad.to_string()),
                Entry::Failed(e) => return Err(e),
            }
        }
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

fn not_a_file(path: &Path) -> String {
    format!(
        "{} is not a regular file; move it out of the way",
        path.display()
    )
}

/// Where the last line starts: the byte after the last newline (or 0).
fn tail_start(file: &mut File, len: u64) -> io::Result<u64> {
    let mut end = len;
    let mut buf = vec![0u8; 64 * 1024];
    while end > 0 {
        let start = end.saturating_sub(buf.len() as u64);
        let chunk = &mut buf[..(end - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(chunk)?;
        if let Some(i) = chunk.iter().rposition(|b| *b == b'\n') {
            return Ok(start + i as u64 + 1);
        }
        end = start;
    }
    Ok(0)
}

/// Creates a directory (and parents) private to the user.
pub fn create_private_dir(dir: &Path) -> Result<(), String> {
    if dir.is_dir() {
        return Ok(());
    }
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
        .map_err(|e| format!("cannot create it: {}", io_reason(&e)))?;
    // The umask may have taken bits away or (umask 000 with a looser mode) we set
    // them exactly here.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| format!("cannot make it private: {}", io_reason(&e)))?;
    }
    Ok(())
}

/// Sets a file to 0600; warns when an existing file was readable by others.
fn make_private(file: &File, path: &Path, existed: bool, warn: Warn<'_>) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file
            .metadata()
            .map_err(|e| io_reason(&e))?
            .permissions()
            .mode()
            & 0o777;
        if mode != 0o600 {
            file.set_permissions(fs::Permissions::from_mode(0o600))
                .map_err(|e| {
                    format!("cannot make {} private: {}", path.display(), io_reason(&e))
                })?;
            if existed && mode & 0o077 != 0 {
                warn(format!(
                    "{} could be read by other users (mode {mode:o}); it is now private (mode 600)",
                    path.display()
                ));
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (file, path, existed, warn);
    Ok(())
}

/// Writes a new file with mode 0600 and syncs it. Fails if it exists.
pub fn write_private_file(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts
        .open(path)
        .map_err(|e| format!("cannot create {}: {}", path.display(), io_reason(&e)))?;
    make_private(&f, path, false, &mut |_| {})?;
    let done = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = done {
        let _ = fs::remove_file(path);
        return Err(format!(
            "cannot write {}: {}",
            path.display(),
            io_reason(&e)
        ));
    }
    if let Some(parent) = path.parent() {
        sync_dir(parent);
    }
    Ok(())
}

/// Syncs a directory so a new or renamed entry in it survives a crash. Best effort:
/// not every platform or file system can sync a directory.
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
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
            crate::error::tidy(&self.reason)
        )
    }
}

/// One item read from the log.
#[derive(Debug)]
pub enum Entry {
    Record(Box<CheckIn>),
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
            return match serde_json::from_str::<CheckIn>(text) {
                Ok(r) if r.schema > RECORD_VERSION => bad(format!(
                    "written by a newer sidecheck (record version {}); update sidecheck to read it",
                    r.schema
                )),
                Ok(r) => Some(Entry::Record(Box::new(r))),
                Err(_) if !ended => bad("unfinished last line, likely left by a crash".into()),
                Err(e) => bad(crate::bank::json_reason(&e)),
            };
        }
    }
}

#[cfg(test)]
mod tests;
