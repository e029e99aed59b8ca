//! The private log: `checkins.jsonl` in the data directory, one check-in per line.
//!
//! This is the only code that touches the log. Its promises:
//! - the directory is 0700 and the file 0600, whatever the umask; a folder other
//!   users can write to is tightened (if it is ours) or refused;
//! - the log is a regular file: a symbolic link is refused (opened with `O_NOFOLLOW`),
//!   never read, chmodded, repaired or written through;
//! - a save takes an exclusive lock, writes the whole line in one write, and calls
//!   `sync_data` before anyone is told "saved";
//! - nobody waits for the lock in silence: a writer or reader that finds it taken for
//!   more than the blink of another save says so at once, polls, and gives up after
//!   [`lock_wait`], saying the check-in was NOT saved yet (the caller then keeps a
//!   rescue copy);
//! - readers hold the shared lock only long enough to note the log's length, then
//!   read up to that length unlocked, so a reader stuck writing to a pipe never
//!   blocks a save;
//! - a failed write is rolled back to the old length while the lock is still held,
//!   so earlier records stay intact and no partial line is left;
//! - a torn last line left by a crash is copied aside (never deleted) before the next
//!   save; a last line that is a whole check-in that only lost its newline gets the
//!   newline back and stays;
//! - readers skip bad lines with a warning naming the line number, the first
//!   [`BAD_LINES_NAMED`] of them, then one line that counts the rest;
//! - a check-in that cannot be saved is kept in a rescue copy beside the data folder
//!   (or in the home folder), and [`Store::import`] adds it later, once;
//! - the "about you" profile (`profile.json`, 0600, next to the log) is written
//!   whole: a private temp file, synced, renamed into place, the folder synced; a
//!   symbolic link in its place is refused, as for the log.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::profile::{MAX_PROFILE_BYTES, PROFILE_NAME, ProfileFile};
use crate::record::{CheckIn, RECORD_VERSION};
use crate::text::io_reason;

/// The log's file name inside the data directory.
pub const LOG_NAME: &str = "checkins.jsonl";
/// Lines longer than this are not check-ins; readers skip them, writers refuse them.
pub const MAX_LINE: usize = 4 * 1024 * 1024;
/// How long a save (or a reader) waits for another copy of sidecheck to let go of
/// the log, unless [`LOCK_WAIT_ENV`] says otherwise.
pub const LOCK_WAIT_SECS: u64 = 15;
/// Overrides [`LOCK_WAIT_SECS`]: a whole number of seconds (0: do not wait).
pub const LOCK_WAIT_ENV: &str = "SIDECHECK_LOCK_WAIT_SECS";
/// A lock taken for less than this (another save writing one line) is waited for
/// without a message.
const LOCK_QUIET: Duration = Duration::from_millis(200);
/// How many bad lines a reading pass names one by one before it only counts them.
pub const BAD_LINES_NAMED: u64 = 10;
/// Rescue copies are named `sidecheck-rescue-<check-in id>.json`.
pub const RESCUE_PREFIX: &str = "sidecheck-rescue-";

/// Where to send warnings (a mode was tightened, a line was skipped, a wait began).
pub type Warn<'a> = &'a mut dyn FnMut(String);

/// What was waiting for the lock when it stayed taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// `check_writable`, before the first question.
    Start,
    /// A save (a check-in or an import).
    Save,
    /// A reader (`show`, `history`, `export`).
    Read,
}

/// What went wrong with the log.
#[derive(Debug)]
pub enum StoreError {
    /// The data directory could not be made or used.
    Dir { path: PathBuf, reason: String },
    /// The check-in was not saved.
    NotSaved { path: PathBuf, reason: String },
    /// The log could not be read.
    Read { path: PathBuf, reason: String },
    /// Another copy of sidecheck kept the log locked for the whole wait.
    Busy {
        path: PathBuf,
        secs: u64,
        waiting: Waiting,
    },
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
                "the check-in was NOT saved to {} ({reason}); free some disk space, fix the data folder or use --data-dir DIR",
                path.display()
            ),
            StoreError::Read { path, reason } => write!(
                f,
                "cannot read the log {} ({reason}); check that the file exists and is yours",
                path.display()
            ),
            StoreError::Busy {
                path,
                secs,
                waiting,
            } => {
                let (what, then) = match waiting {
                    Waiting::Start => ("nothing was asked or saved yet", " and start again"),
                    Waiting::Save => ("so the check-in was NOT saved yet", ""),
                    Waiting::Read => ("so it was not read", " and try again"),
                };
                write!(
                    f,
                    "another sidecheck kept the log {} busy for {secs} s, {what}; close the other sidecheck (a check left open, or an old copy stopped with Ctrl-Z){then}",
                    path.display()
                )
            }
        }
    }
}

impl std::error::Error for StoreError {}

/// The data directory: `--data-dir`, else `SIDECHECK_DATA_DIR` (clap reads both),
/// else the platform's data folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sidecheck").map(|p| p.data_dir().to_path_buf())
}

/// How long to wait for the lock: [`LOCK_WAIT_ENV`] if it is a whole number of
/// seconds, else [`LOCK_WAIT_SECS`].
pub fn lock_wait() -> Duration {
    let secs = std::env::var(LOCK_WAIT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(LOCK_WAIT_SECS);
    Duration::from_secs(secs)
}

/// Random bits for a new check-in's id ([`crate::record::new_id`]), from the process
/// id, the clock and the keys std seeds from the system's randomness: taken here, at
/// the edge, so that the record stays pure.
pub fn id_noise() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.finish()
}

/// What `import` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    Added,
    /// A check-in with that id was already in the log; nothing was changed.
    AlreadyThere,
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
        self.lock(&file, Lock::Exclusive, Waiting::Start, warn)
            .map_err(|e| match e {
                LockError::Busy(_) => e.into_store(self, Waiting::Start),
                LockError::Failed(reason) => StoreError::Dir {
                    path: self.dir.clone(),
                    reason,
                },
            })?;
        Ok(())
    }

    /// Appends one check-in. Returns only after the data reached the disk.
    pub fn append(&self, record: &CheckIn, warn: Warn<'_>) -> Result<(), StoreError> {
        let line = self.line_of(record)?;
        let mut file = self.open_locked(warn)?;
        self.write_line(&mut file, &line, warn)
    }

    /// Adds a check-in (a rescue copy) to the log unless a check-in with its id is
    /// already there. The look and the write happen under one lock, so two imports
    /// of the same file add it once.
    pub fn import(&self, record: &CheckIn, warn: Warn<'_>) -> Result<Imported, StoreError> {
        let line = self.line_of(record)?;
        let mut file = self.open_locked(warn)?;
        let path = self.log_path();
        let read_failed = |e: io::Error| StoreError::Read {
            path: path.clone(),
            reason: io_reason(&e),
        };
        // The same open file, so the lock we hold covers what we read.
        let mut copy = file.try_clone().map_err(read_failed)?;
        let len = copy.metadata().map_err(read_failed)?.len();
        copy.seek(SeekFrom::Start(0)).map_err(read_failed)?;
        let mut bad = BadLines::default();
        for entry in LogReader::new(Box::new(copy.take(len)), path.clone()) {
            match entry {
                Entry::Record(r) if r.id == record.id => {
                    bad.finish(warn);
                    return Ok(Imported::AlreadyThere);
                }
                Entry::Record(_) => {}
                Entry::Bad(b) => bad.note(&b, warn),
                Entry::Failed(e) => return Err(e),
            }
        }
        bad.finish(warn);
        self.write_line(&mut file, &line, warn)?;
        Ok(Imported::Added)
    }

    /// The record as a log line, refused if it is too long to be read back.
    fn line_of(&self, record: &CheckIn) -> Result<String, StoreError> {
        let line = record.to_line().map_err(|e| StoreError::NotSaved {
            path: self.log_path(),
            reason: format!("the record cannot be written as JSON: {e}"),
        })?;
        if line.len() > MAX_LINE {
            return Err(StoreError::NotSaved {
                path: self.log_path(),
                reason: format!("the record is larger than {} MiB", MAX_LINE / 1024 / 1024),
            });
        }
        Ok(line)
    }

    /// Opens the log for a save and takes the exclusive lock (waiting, bounded).
    fn open_locked(&self, warn: Warn<'_>) -> Result<File, StoreError> {
        let path = self.log_path();
        let file = self
            .open_for_append(warn)
            .map_err(|reason| StoreError::NotSaved {
                path: path.clone(),
                reason,
            })?;
        // flock is released if the holder dies, so a crashed copy never blocks us.
        self.lock(&file, Lock::Exclusive, Waiting::Save, warn)
            .map_err(|e| e.into_store(self, Waiting::Save))?;
        Ok(file)
    }

    /// Writes one line to the locked log: repairs the tail, writes, syncs, and rolls
    /// back a failed write.
    fn write_line(&self, file: &mut File, line: &str, warn: Warn<'_>) -> Result<(), StoreError> {
        let path = self.log_path();
        let not_saved = |reason: String| StoreError::NotSaved {
            path: path.clone(),
            reason,
        };
        let ended = self
            .set_aside_torn_tail(file, warn)
            .map_err(|e| not_saved(format!("cannot repair the log: {e}")))?;
        let before = file.metadata().map_err(|e| not_saved(io_reason(&e)))?.len();
        // A whole last record that lost its newline gets it back in the same write.
        let bytes = if ended {
            line.to_string()
        } else {
            format!("\n{line}")
        };
        let written = file
            .write_all(bytes.as_bytes())
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

    /// Takes the lock, or says at once that it waits and polls until [`lock_wait`]
    /// has passed.
    fn lock(
        &self,
        file: &File,
        kind: Lock,
        waiting: Waiting,
        warn: Warn<'_>,
    ) -> Result<(), LockError> {
        let attempt = || match kind {
            Lock::Shared => file.try_lock_shared(),
            Lock::Exclusive => file.try_lock(),
        };
        let failed =
            |e: io::Error| LockError::Failed(format!("cannot lock the log: {}", io_reason(&e)));
        match attempt() {
            Ok(()) => return Ok(()),
            Err(fs::TryLockError::Error(e)) => return Err(failed(e)),
            Err(fs::TryLockError::WouldBlock) => {}
        }
        let wait = lock_wait();
        let started = Instant::now();
        let mut said = false;
        loop {
            // Another save holds the lock for milliseconds: only a wait longer than
            // LOCK_QUIET is worth a message, and then it comes at once.
            if !said && (started.elapsed() >= LOCK_QUIET || wait <= LOCK_QUIET) {
                said = true;
                let what = match waiting {
                    Waiting::Start => "before the first question",
                    Waiting::Save => "to save",
                    Waiting::Read => "to read the log",
                };
                warn(format!(
                    "waiting for another sidecheck to finish with {} {what} (up to {} s)…",
                    self.log_path().display(),
                    wait.as_secs()
                ));
            }
            if started.elapsed() >= wait {
                return Err(LockError::Busy(wait.as_secs()));
            }
            std::thread::sleep(Duration::from_millis(20));
            match attempt() {
                Ok(()) => return Ok(()),
                Err(fs::TryLockError::Error(e)) => return Err(failed(e)),
                Err(fs::TryLockError::WouldBlock) => {}
            }
        }
    }

    /// Opens the log for appending, creating the folder (0700) and file (0600),
    /// tightening a file that others can read and a folder others can write to.
    fn open_for_append(&self, warn: Warn<'_>) -> Result<File, String> {
        let created_dir = !self.dir.exists();
        create_private_dir(&self.dir)?;
        check_private_dir(&self.dir, warn)?;
        let path = self.log_path();
        // Only a regular file can be the log: opening a device or a pipe could block
        // or write nowhere, and making a link's target "private" (or repairing or
        // appending to it) would change a file that is not ours.
        let existed = match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => return Err(a_link(&path)),
            Ok(meta) if !meta.is_file() => return Err(not_a_file(&path)),
            Ok(_) => true,
            Err(_) => false,
        };
        let mut opts = OpenOptions::new();
        opts.read(true).append(true).create(true);
        no_follow(&mut opts);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file = opts.open(&path).map_err(|e| {
            if is_link_error(&e) {
                return a_link(&path);
            }
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

    /// If the log ends without a newline, decides what that tail is. A whole
    /// check-in (an editor or a restore dropped its newline) stays: returns false so
    /// the next write starts with the newline. Anything else (a save cut off by a
    /// crash) is copied to a `.torn-*` file beside the log and cut from the log.
    /// Returns whether the log now ends with a newline (or is empty).
    fn set_aside_torn_tail(&self, file: &mut File, warn: Warn<'_>) -> Result<bool, String> {
        let len = file.metadata().map_err(|e| io_reason(&e))?.len();
        if len == 0 {
            return Ok(true);
        }
        let start = tail_start(file, len).map_err(|e| io_reason(&e))?;
        if start == len {
            return Ok(true);
        }
        let mut tail = Vec::with_capacity((len - start).min(MAX_LINE as u64) as usize);
        file.seek(SeekFrom::Start(start))
            .and_then(|_| file.take(len - start).read_to_end(&mut tail))
            .map_err(|e| io_reason(&e))?;
        if is_whole_record(&tail) {
            return Ok(false);
        }
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
        Ok(true)
    }

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
        match fs::symlink_metadata(&path) {
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

    /// Keeps a check-in that could not be saved in a new private file (0600, never
    /// replacing one): beside the data folder, else in the home folder. Returns
    /// where it is, or why neither place worked.
    pub fn rescue(&self, record: &CheckIn) -> Result<PathBuf, String> {
        let mut json = serde_json::to_string_pretty(record)
            .map_err(|e| format!("cannot format the check-in: {e}"))?;
        json.push('\n');
        let name = format!("{RESCUE_PREFIX}{}.json", record.id);
        let mut reasons = Vec::new();
        for place in self.rescue_places() {
            match write_private_file(&place.join(&name), json.as_bytes()) {
                Ok(()) => return Ok(place.join(&name)),
                Err(e) => reasons.push(e),
            }
        }
        if reasons.is_empty() {
            reasons.push("no folder beside the data folder and no home folder".into());
        }
        Err(reasons.join("; "))
    }

    /// Where rescue copies go, in order: the data folder's parent, the home folder.
    fn rescue_places(&self) -> Vec<PathBuf> {
        let mut places = Vec::new();
        if let Some(parent) = std::path::absolute(&self.dir)
            .ok()
            .and_then(|d| d.parent().map(Path::to_path_buf))
        {
            places.push(parent);
        }
        if let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
            && !places.contains(&home)
        {
            places.push(home);
        }
        places
    }

    /// The "about you" profile's file, next to the log.
    pub fn profile_path(&self) -> PathBuf {
        self.dir.join(PROFILE_NAME)
    }

    /// Reads the saved profile; `None` when there is none yet. Like the log, it must
    /// be a regular file: a symbolic link is refused, never read through.
    pub fn load_profile(&self) -> Result<Option<ProfileFile>, String> {
        let path = self.profile_path();
        let unusable = |why: String| {
            format!(
                "cannot use your \"about you\" answers in {} ({why}); fix or remove the file, then set them again with `sidecheck profile`",
                path.display()
            )
        };
        // Checked before opening: opening a pipe for reading would wait for a writer.
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(unusable(a_link(&path))),
            Ok(m) if !m.is_file() => return Err(unusable(not_a_file(&path))),
            Ok(_) => {}
            // No data folder yet (or a file in its place, which the log reports).
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(unusable(io_reason(&e))),
        }
        let mut opts = OpenOptions::new();
        opts.read(true);
        no_follow(&mut opts);
        let file = opts.open(&path).map_err(|e| {
            if is_link_error(&e) {
                unusable(a_link(&path))
            } else {
                unusable(io_reason(&e))
            }
        })?;
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(unusable(not_a_file(&path)));
        }
        let mut bytes = Vec::new();
        file.take(MAX_PROFILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unusable(io_reason(&e)))?;
        if bytes.len() as u64 > MAX_PROFILE_BYTES {
            return Err(unusable("it is far larger than a profile".into()));
        }
        let text = String::from_utf8(bytes).map_err(|_| unusable("it is not UTF-8 text".into()))?;
        ProfileFile::parse(&text).map(Some).map_err(unusable)
    }

    /// Saves the profile as a whole: a private temp file in the data folder,
    /// synced, renamed over `profile.json`, and the folder synced, so a crash
    /// leaves the old answers or the new ones, never half a file. The folder is
    /// made (0700) or tightened as for the log; a symbolic link in its place is
    /// refused, not replaced or written through.
    pub fn save_profile(&self, profile: &ProfileFile, warn: Warn<'_>) -> Result<(), String> {
        let path = self.profile_path();
        let failed = |why: String| {
            format!(
                "your \"about you\" answers were NOT saved to {} ({why})",
                path.display()
            )
        };
        create_private_dir(&self.dir).map_err(&failed)?;
        check_private_dir(&self.dir, warn).map_err(&failed)?;
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => return Err(failed(a_link(&path))),
            Ok(m) if !m.is_file() => return Err(failed(not_a_file(&path))),
            _ => {}
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let temp = self.dir.join(format!(
            ".{PROFILE_NAME}.{}-{stamp}.tmp",
            std::process::id()
        ));
        write_private_file(&temp, profile.to_json().as_bytes()).map_err(&failed)?;
        if let Err(e) = fs::rename(&temp, &path) {
            let _ = fs::remove_file(&temp);
            return Err(failed(io_reason(&e)));
        }
        sync_dir(&self.dir);
        Ok(())
    }

    /// Says what `path` is if writing a report there could hurt sidecheck's own
    /// files: the log, a torn-tail copy, a rescue copy, or anything inside the data
    /// folder. Compared by device and inode, so other spellings of the same path
    /// (`../data/./checkins.jsonl`), symbolic links and hard links are caught.
    pub fn own_file(&self, path: &Path) -> Option<String> {
        let dir = file_id(&self.dir)?;
        if let Some(target) = file_id(path) {
            if target == dir {
                return Some("the data folder".into());
            }
            if file_id(&self.log_path()) == Some(target) {
                return Some("the log".into());
            }
            if let Ok(entries) = fs::read_dir(&self.dir) {
                for entry in entries.flatten() {
                    if file_id(&entry.path()) == Some(target) {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        return Some(if name.contains(".torn-") {
                            "a torn-line copy of the log".into()
                        } else {
                            "a file in the data folder".into()
                        });
                    }
                }
            }
            for place in self.rescue_places() {
                let Ok(entries) = fs::read_dir(&place) else {
                    continue;
                };
                for entry in entries.flatten() {
                    if entry
                        .file_name()
                        .to_string_lossy()
                        .starts_with(RESCUE_PREFIX)
                        && file_id(&entry.path()) == Some(target)
                    {
                        return Some("a rescue copy of a check-in".into());
                    }
                }
            }
        }
        // The folder the report would be written in (and its temp file beside it).
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let parent = fs::canonicalize(parent).ok()?;
        parent
            .ancestors()
            .any(|a| file_id(a) == Some(dir))
            .then(|| "inside the data folder".into())
    }
}

/// The (device, inode) of what a path names, following links.
#[cfg(unix)]
fn file_id(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// Without inodes, a canonical path is the best "same file" test there is.
#[cfg(not(unix))]
fn file_id(path: &Path) -> Option<PathBuf> {
    fs::canonicalize(path).ok()
}

/// Whether a last line without its newline is a whole record rather than a save cut
/// short: a check-in, or a record of a newer sidecheck (not ours to move).
fn is_whole_record(tail: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(tail) else {
        return false;
    };
    let text = text.trim_end_matches('\r');
    if text.trim().is_empty() {
        return false;
    }
    if serde_json::from_str::<CheckIn>(text).is_ok() {
        return true;
    }
    serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| {
        v.get("schema")
            .and_then(serde_json::Value::as_u64)
            .is_some_and(|s| s > u64::from(RECORD_VERSION))
    })
}

#[derive(Debug, Clone, Copy)]
enum Lock {
    Shared,
    Exclusive,
}

enum LockError {
    /// Still taken after this many seconds.
    Busy(u64),
    Failed(String),
}

impl LockError {
    fn into_store(self, store: &Store, waiting: Waiting) -> StoreError {
        let path = store.log_path();
        match self {
            LockError::Busy(secs) => StoreError::Busy {
                path,
                secs,
                waiting,
            },
            LockError::Failed(reason) if waiting == Waiting::Read => {
                StoreError::Read { path, reason }
            }
            LockError::Failed(reason) => StoreError::NotSaved { path, reason },
        }
    }
}

/// Makes `open` fail on a symbolic link instead of following it.
fn no_follow(opts: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(opts, libc::O_NOFOLLOW);
    #[cfg(not(unix))]
    let _ = opts;
}

/// The error `open` with `O_NOFOLLOW` gives for a link (ELOOP).
fn is_link_error(e: &io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

fn a_link(path: &Path) -> String {
    format!(
        "{} is a symbolic link; sidecheck keeps the log only in a real file and never reads or writes through a link: put the file itself there, or move the link away",
        path.display()
    )
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

/// A data folder other users can write to could have the log swapped or linked
/// away under us. If it is ours, it is tightened to 0700 with a warning; a folder
/// that belongs to someone else, or is shared on purpose (sticky, like /tmp), is
/// refused.
fn check_private_dir(dir: &Path, warn: Warn<'_>) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = fs::metadata(dir).map_err(|e| format!("cannot use it: {}", io_reason(&e)))?;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o022 == 0 {
            return Ok(());
        }
        let refuse = |why: &str| {
            format!(
                "other users can change the folder {} (mode {:o}) and {why}, so the log is not private there; use --data-dir with a folder of your own",
                dir.display(),
                mode & 0o777
            )
        };
        if mode & 0o1000 != 0 {
            return Err(refuse("it is a shared folder"));
        }
        if own_uid().is_some_and(|uid| uid != meta.uid()) {
            return Err(refuse("it belongs to someone else"));
        }
        // Without a way to ask who we are, chmod itself says: only the owner may.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
            .map_err(|e| refuse(&format!("it cannot be made private ({})", io_reason(&e))))?;
        warn(format!(
            "other users could change the data folder {} (mode {:o}); it is now private (mode 700)",
            dir.display(),
            mode & 0o777
        ));
    }
    #[cfg(not(unix))]
    let _ = (dir, warn);
    Ok(())
}

/// The user this process runs as, where the system says so without `unsafe`:
/// Linux's /proc/self belongs to the process's effective user.
#[cfg(unix)]
fn own_uid() -> Option<u32> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self").ok().map(|m| m.uid())
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
                Err(e) => bad(crate::json_error::json_reason(&e)),
            };
        }
    }
}

#[cfg(test)]
mod tests;
