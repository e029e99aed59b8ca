//! How a line is saved: the exclusive lock (waited for in the open, and given up
//! after [`lock_wait`]), the log opened as a private regular file, a torn last line
//! set aside first, the whole line written in one write and synced, and a failed
//! write rolled back while the lock is still held. Readers take the same lock,
//! shared, for a moment.

use crate::i18n::{t, t_args};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::time::{Duration, Instant};

use super::files::{
    a_link, check_private_dir, create_private_dir, is_link_error, make_private, no_follow,
    not_a_file, sync_dir, write_private_file,
};
use super::{LOG_NAME, MAX_LINE, Store, StoreError, Waiting, Warn};
use crate::record::{BaselineMark, CheckIn, LineError, read_line};
use crate::text::io_reason;

/// How long a save (or a reader) waits for another copy of sidecheck to let go of
/// the log, unless [`LOCK_WAIT_ENV`] says otherwise.
pub const LOCK_WAIT_SECS: u64 = 15;
/// Overrides [`LOCK_WAIT_SECS`]: a whole number of seconds (0: do not wait).
pub const LOCK_WAIT_ENV: &str = "SIDECHECK_LOCK_WAIT_SECS";
/// A lock taken for less than this (another save writing one line) is waited for
/// without a message.
const LOCK_QUIET: Duration = Duration::from_millis(200);

/// How long to wait for the lock: [`LOCK_WAIT_ENV`] if it is a whole number of
/// seconds, else [`LOCK_WAIT_SECS`].
pub fn lock_wait() -> Duration {
    let secs = std::env::var(LOCK_WAIT_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(LOCK_WAIT_SECS);
    Duration::from_secs(secs)
}

impl Store {
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

    /// Appends a baseline mark, with the same lock, write and sync as a check-in.
    pub fn append_mark(&self, mark: &BaselineMark, warn: Warn<'_>) -> Result<(), StoreError> {
        let line = self.checked_line(mark.to_line())?;
        let mut file = self.open_locked(warn)?;
        self.write_line(&mut file, &line, warn)
    }

    /// The record as a log line, refused if it is too long to be read back.
    pub(super) fn line_of(&self, record: &CheckIn) -> Result<String, StoreError> {
        self.checked_line(record.to_line())
    }

    /// A line made for the log, refused if it could not be made or is too long to
    /// be read back.
    fn checked_line(&self, line: Result<String, serde_json::Error>) -> Result<String, StoreError> {
        let line = line.map_err(|e| StoreError::NotSaved {
            path: self.log_path(),
            reason: t_args("store-record-not-json", &[("error", &e.to_string())]),
        })?;
        if line.len() > MAX_LINE {
            return Err(StoreError::NotSaved {
                path: self.log_path(),
                reason: t_args(
                    "store-record-too-large",
                    &[("mib", &(MAX_LINE / 1024 / 1024).to_string())],
                ),
            });
        }
        Ok(line)
    }

    /// Opens the log for a save and takes the exclusive lock (waiting, bounded).
    pub(super) fn open_locked(&self, warn: Warn<'_>) -> Result<File, StoreError> {
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
    pub(super) fn write_line(
        &self,
        file: &mut File,
        line: &str,
        warn: Warn<'_>,
    ) -> Result<(), StoreError> {
        let path = self.log_path();
        let not_saved = |reason: String| StoreError::NotSaved {
            path: path.clone(),
            reason,
        };
        let ended = self
            .set_aside_torn_tail(file, warn)
            .map_err(|e| not_saved(t_args("store-cannot-repair", &[("error", &e)])))?;
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
                reason.push_str("; ");
                reason.push_str(&t("store-partial-line-may-remain"));
            }
            return Err(not_saved(reason));
        }
        Ok(())
    }

    /// Takes the lock, or says at once that it waits and polls until [`lock_wait`]
    /// has passed.
    pub(super) fn lock(
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
        let failed = |e: io::Error| {
            LockError::Failed(t_args("store-cannot-lock", &[("reason", &io_reason(&e))]))
        };
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
                let id = match waiting {
                    Waiting::Start => "store-waiting-start",
                    Waiting::Save => "store-waiting-save",
                    Waiting::Read => "store-waiting-read",
                };
                let (log, secs) = (self.log_path().display().to_string(), wait.as_secs());
                warn(t_args(id, &[("log", &log), ("secs", &secs.to_string())]));
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
    pub(super) fn open_for_append(&self, warn: Warn<'_>) -> Result<File, String> {
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
            t_args(
                "store-cannot-open",
                &[
                    ("path", &path.display().to_string()),
                    ("reason", &io_reason(&e)),
                ],
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
        warn(t_args(
            "store-torn-tail-kept",
            &[("path", &aside.display().to_string())],
        ));
        Ok(true)
    }
}

/// Whether a last line without its newline is a whole record rather than a save cut
/// short: a check-in, a baseline mark, or a record of a newer sidecheck (not ours
/// to move).
fn is_whole_record(tail: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(tail) else {
        return false;
    };
    let text = text.trim_end_matches('\r');
    if text.trim().is_empty() {
        return false;
    }
    matches!(read_line(text), Ok(_) | Err(LineError::Newer(_)))
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Lock {
    Shared,
    Exclusive,
}

pub(super) enum LockError {
    /// Still taken after this many seconds.
    Busy(u64),
    Failed(String),
}

impl LockError {
    pub(super) fn into_store(self, store: &Store, waiting: Waiting) -> StoreError {
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

/// Where the last line starts: the byte after the last newline (or 0).
fn tail_start(file: &mut File, len: u64) -> io::Result<u64> {
    // Every save leaves the log ending in a newline, so its last byte settles it
    // almost always: reading (and zeroing a buffer for) 64 KiB before each save
    // cost a scripted check-in about 60 µs of its 1 ms of work.
    if len == 0 {
        return Ok(0);
    }
    let mut last = [0u8; 1];
    file.seek(SeekFrom::Start(len - 1))?;
    file.read_exact(&mut last)?;
    if last[0] == b'\n' {
        return Ok(len);
    }
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
