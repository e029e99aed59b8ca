//! Files and folders as the store keeps them: private (0700 and 0600), never a
//! symbolic link, synced; and which paths are sidecheck's own.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::rescue::RESCUE_PREFIX;
use super::{Store, Warn};
use crate::i18n::{t, t_args};
use crate::text::io_reason;

impl Store {
    /// Says what `path` is if writing a report there could hurt sidecheck's own
    /// files: the log, a torn-tail copy, a rescue copy, or anything inside the data
    /// folder. Compared by device and inode, so other spellings of the same path
    /// (`../data/./checkins.jsonl`), symbolic links and hard links are caught.
    pub fn own_file(&self, path: &Path) -> Option<String> {
        let dir = file_id(&self.dir)?;
        if let Some(target) = file_id(path) {
            if target == dir {
                return Some(t("store-own-data-folder"));
            }
            if file_id(&self.log_path()) == Some(target) {
                return Some(t("store-own-log"));
            }
            if let Ok(entries) = fs::read_dir(&self.dir) {
                for entry in entries.flatten() {
                    if file_id(&entry.path()) == Some(target) {
                        let name = entry.file_name().to_string_lossy().into_owned();
                        return Some(t(if name.contains(".torn-") {
                            "store-own-torn-copy"
                        } else {
                            "store-own-file"
                        }));
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
                        return Some(t("store-own-rescue"));
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
            .then(|| t("store-own-inside"))
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

/// Makes `open` fail on a symbolic link instead of following it.
pub(super) fn no_follow(opts: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(opts, libc::O_NOFOLLOW);
    #[cfg(not(unix))]
    let _ = opts;
}

/// The error `open` with `O_NOFOLLOW` gives for a link (ELOOP).
pub(super) fn is_link_error(e: &io::Error) -> bool {
    #[cfg(unix)]
    return e.raw_os_error() == Some(libc::ELOOP);
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}

pub(super) fn a_link(path: &Path) -> String {
    t_args("store-a-link", &[("path", &path.display().to_string())])
}

pub(super) fn not_a_file(path: &Path) -> String {
    t_args("store-not-a-file", &[("path", &path.display().to_string())])
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
        .map_err(|e| t_args("store-cannot-create-dir", &[("reason", &io_reason(&e))]))?;
    // The umask may have taken bits away or (umask 000 with a looser mode) we set
    // them exactly here.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| {
            t_args(
                "store-cannot-make-dir-private",
                &[("reason", &io_reason(&e))],
            )
        })?;
    }
    Ok(())
}

/// A data folder other users can write to could have the log swapped or linked
/// away under us. If it is ours, it is tightened to 0700 with a warning; a folder
/// that belongs to someone else, or is shared on purpose (sticky, like /tmp), is
/// refused.
pub(super) fn check_private_dir(dir: &Path, warn: Warn<'_>) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let meta = fs::metadata(dir)
            .map_err(|e| t_args("store-cannot-use-dir", &[("reason", &io_reason(&e))]))?;
        let mode = meta.permissions().mode() & 0o7777;
        if mode & 0o022 == 0 {
            return Ok(());
        }
        let (shown, octal) = (dir.display().to_string(), format!("{:o}", mode & 0o777));
        let refuse = |why: &str| {
            t_args(
                "store-dir-not-private",
                &[("dir", &shown), ("mode", &octal), ("why", why)],
            )
        };
        if mode & 0o1000 != 0 {
            return Err(refuse(&t("store-dir-shared")));
        }
        if own_uid().is_some_and(|uid| uid != meta.uid()) {
            return Err(refuse(&t("store-dir-not-yours")));
        }
        // Without a way to ask who we are, chmod itself says: only the owner may.
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| {
            refuse(&t_args(
                "store-dir-cannot-be-private",
                &[("reason", &io_reason(&e))],
            ))
        })?;
        warn(t_args(
            "store-dir-made-private",
            &[("dir", &shown), ("mode", &octal)],
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
pub(super) fn make_private(
    file: &File,
    path: &Path,
    existed: bool,
    warn: Warn<'_>,
) -> Result<(), String> {
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
                    t_args(
                        "store-cannot-make-private",
                        &[
                            ("path", &path.display().to_string()),
                            ("reason", &io_reason(&e)),
                        ],
                    )
                })?;
            if existed && mode & 0o077 != 0 {
                warn(t_args(
                    "store-file-made-private",
                    &[
                        ("path", &path.display().to_string()),
                        ("mode", &format!("{mode:o}")),
                    ],
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
    let mut f = opts.open(path).map_err(|e| {
        t_args(
            "store-cannot-create",
            &[
                ("path", &path.display().to_string()),
                ("reason", &io_reason(&e)),
            ],
        )
    })?;
    make_private(&f, path, false, &mut |_| {})?;
    let done = f.write_all(bytes).and_then(|()| f.sync_all());
    if let Err(e) = done {
        let _ = fs::remove_file(path);
        return Err(t_args(
            "store-cannot-write",
            &[
                ("path", &path.display().to_string()),
                ("reason", &io_reason(&e)),
            ],
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
