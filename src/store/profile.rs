//! The "about you" profile's file, `profile.json` next to the log: read with the
//! same care as the log, and written whole (a private temp file, synced, renamed
//! into place, the folder synced).

use crate::i18n::{t, t_args};
use std::fs::{self, OpenOptions};
use std::io::{self, Read};
use std::path::PathBuf;

use super::files::{
    a_link, check_private_dir, create_private_dir, is_link_error, no_follow, not_a_file, sync_dir,
    write_private_file,
};
use super::{Store, Warn};
use crate::profile::{MAX_PROFILE_BYTES, PROFILE_NAME, ProfileFile};
use crate::text::io_reason;

impl Store {
    /// The "about you" profile's file, next to the log.
    pub fn profile_path(&self) -> PathBuf {
        self.dir.join(PROFILE_NAME)
    }

    /// Reads the saved profile; `None` when there is none yet. Like the log, it must
    /// be a regular file: a symbolic link is refused, never read through.
    pub fn load_profile(&self) -> Result<Option<ProfileFile>, String> {
        let path = self.profile_path();
        let unusable = |why: String| {
            let path = path.display().to_string();
            t_args("store-profile-unusable", &[("path", &path), ("why", &why)])
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
            return Err(unusable(t("store-profile-too-large")));
        }
        let text = String::from_utf8(bytes).map_err(|_| unusable(t("store-not-utf8")))?;
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
            let path = path.display().to_string();
            t_args("store-profile-not-saved", &[("path", &path), ("why", &why)])
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
        let text = profile.to_json().map_err(|e| {
            failed(t_args(
                "store-profile-not-json",
                &[("error", &e.to_string())],
            ))
        })?;
        write_private_file(&temp, text.as_bytes()).map_err(&failed)?;
        if let Err(e) = fs::rename(&temp, &path) {
            let _ = fs::remove_file(&temp);
            return Err(failed(io_reason(&e)));
        }
        sync_dir(&self.dir);
        Ok(())
    }
}
