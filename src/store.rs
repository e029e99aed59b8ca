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
//!   [`BAD_LINES_NAMED`] of them, then one line that counts the rest; finding one
//!   check-in (`show`) reads only part of the log and names the bad lines it
//!   reads: `last` those after the last check-in, an id those it reads whole;
//! - finding the last check-in reads back from the end of the log, so its time
//!   does not grow with the log; finding one by id reads whole only the lines that
//!   may hold it (the log is append-only, one check-in a line);
//! - a check-in that cannot be saved is kept in a rescue copy beside the data folder
//!   (or in the home folder), and [`Store::import`] adds it later, once;
//! - the "about you" profile (`profile.json`, 0600, next to the log) is written
//!   whole: a private temp file, synced, renamed into place, the folder synced; a
//!   symbolic link in its place is refused, as for the log.
//!
//! Its parts: `save` is how a line is saved (the lock, the write, the repair of a
//! torn tail); `read` streams the log and finds a check-in (backwards for the last
//! one, by each line's start for an id); `rescue` keeps a check-in that could not
//! be saved and imports it later; `profile` keeps the "about you" file; `files`
//! makes folders and files private and refuses links.

mod files;
mod profile;
mod read;
mod rescue;
mod save;

use std::path::{Path, PathBuf};

pub use files::{create_private_dir, sync_dir, write_private_file};
pub use read::{
    BAD_LINES_NAMED, BadLine, BadLines, Entry, Filtered, LogReader, Lookup, Only, Skimmed, Skims,
};
pub use rescue::{Imported, RESCUE_PREFIX};
pub use save::{LOCK_WAIT_ENV, LOCK_WAIT_SECS, lock_wait};

/// The log's file name inside the data directory.
pub const LOG_NAME: &str = "checkins.jsonl";
/// Lines longer than this are not check-ins; readers skip them, writers refuse them.
pub const MAX_LINE: usize = 4 * 1024 * 1024;

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

use crate::i18n::t_args;

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            StoreError::Dir { path, reason } => t_args(
                "store-dir",
                &[("dir", &path.display().to_string()), ("reason", reason)],
            ),
            StoreError::NotSaved { path, reason } => t_args(
                "store-not-saved",
                &[("log", &path.display().to_string()), ("reason", reason)],
            ),
            StoreError::Read { path, reason } => t_args(
                "store-read",
                &[("log", &path.display().to_string()), ("reason", reason)],
            ),
            StoreError::Busy {
                path,
                secs,
                waiting,
            } => t_args(
                match waiting {
                    Waiting::Start => "store-busy-start",
                    Waiting::Save => "store-busy-save",
                    Waiting::Read => "store-busy-read",
                },
                &[
                    ("log", &path.display().to_string()),
                    ("secs", &secs.to_string()),
                ],
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for StoreError {}

/// The data directory: `--data-dir`, else `SIDECHECK_DATA_DIR` (clap reads both),
/// else the platform's data folder.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sidecheck").map(|p| p.data_dir().to_path_buf())
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
}

#[cfg(test)]
mod tests;
