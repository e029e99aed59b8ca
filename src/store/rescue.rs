//! A check-in that could not be saved is kept in a rescue copy beside the data
//! folder (or in the home folder), and `sidecheck import` adds it to the log later,
//! once.

use crate::i18n::{t, t_args};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::files::write_private_file;
use super::read::{BadLines, Entry, LogReader};
use super::{Store, StoreError, Warn};
use crate::record::CheckIn;
use crate::text::io_reason;

/// Rescue copies are named `sidecheck-rescue-<check-in id>.json`.
pub const RESCUE_PREFIX: &str = "sidecheck-rescue-";

/// What `import` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Imported {
    Added,
    /// A check-in with that id was already in the log; nothing was changed.
    AlreadyThere,
}

impl Store {
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
                Entry::Record(_) | Entry::Mark(_) => {}
                Entry::Bad(b) => bad.note(&b, warn),
                Entry::Failed(e) => return Err(e),
            }
        }
        bad.finish(warn);
        self.write_line(&mut file, &line, warn)?;
        Ok(Imported::Added)
    }

    /// Keeps a check-in that could not be saved in a new private file (0600, never
    /// replacing one): beside the data folder, else in the home folder. Returns
    /// where it is, or why neither place worked.
    pub fn rescue(&self, record: &CheckIn) -> Result<PathBuf, String> {
        let mut json = serde_json::to_string_pretty(record)
            .map_err(|e| t_args("store-rescue-not-json", &[("error", &e.to_string())]))?;
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
            reasons.push(t("store-rescue-nowhere"));
        }
        Err(reasons.join("; "))
    }

    /// Where rescue copies go, in order: the data folder's parent, the home folder.
    pub(super) fn rescue_places(&self) -> Vec<PathBuf> {
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
}
