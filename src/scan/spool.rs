//! A spool: where a report puts the rows it writes while the log is read, so that
//! the summary, which needs every record, can still come first in the output,
//! and the log is read only once.
//!
//! The first [`MEMORY`] bytes stay in memory (a short log never touches the disk);
//! past that the spool moves to a private file (0600, created new, never through a
//! link) in the data folder, so memory stays flat however long the log is. Health
//! data is never written anywhere else: when the data folder cannot take a file (a
//! read-only copy of a log), or the disk fills while the spool is in use, the
//! spool goes on in memory instead, so the report is still whole. On Unix the
//! file's name is removed as soon as it is open, so nothing is left behind, not
//! even when the program is killed mid-report; elsewhere it is removed when the
//! spool is dropped. Its name starts with [`PREFIX`] and ends in `.tmp`: nothing
//! reads such a file as a log, a torn-line copy or a rescue copy.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::output::io;

/// Bytes a spool keeps in memory before it moves to a file.
pub const MEMORY: usize = 256 * 1024;

/// The start of a spool file's name.
pub const PREFIX: &str = ".sidecheck-spool-";

/// Rows written now, to be copied to the output later, in the order written.
pub struct Spool {
    dir: PathBuf,
    limit: usize,
    held: Vec<u8>,
    file: Option<SpoolFile>,
}

struct SpoolFile {
    out: BufWriter<File>,
    /// The file's name while it has one (until it is removed).
    path: Option<PathBuf>,
}

impl Spool {
    /// A spool whose file, if it needs one, goes in `dir` (the data folder).
    pub fn new(dir: &Path) -> Spool {
        Spool::with_limit(dir, MEMORY)
    }

    /// A spool that keeps at most `limit` bytes in memory.
    pub fn with_limit(dir: &Path, limit: usize) -> Spool {
        Spool {
            dir: dir.to_path_buf(),
            limit,
            held: Vec::new(),
            file: None,
        }
    }

    /// Whether anything was written.
    pub fn is_empty(&self) -> bool {
        self.held.is_empty() && self.file.is_none()
    }

    /// Copies what was written to `out`, in order, and empties the spool.
    pub fn copy_to(&mut self, out: &mut dyn Write) -> Result<(), Error> {
        if let Some(file) = &mut self.file {
            if file.out.flush().is_err() {
                // The disk filled at the end: what was spooled comes back to memory.
                io(self.unspill())?;
                return self.copy_to(out);
            }
            let f = file.out.get_mut();
            io(f.seek(SeekFrom::Start(0)).map(|_| ()))?;
            io(copy(f, out))?;
        }
        io(out.write_all(&self.held))?;
        self.held.clear();
        self.file = None;
        Ok(())
    }

    /// Moves what is held to a new file in the data folder. When the folder
    /// cannot take one, the spool stays in memory (and stops trying).
    fn spill(&mut self) {
        let Ok(mut file) = open(&self.dir) else {
            self.limit = usize::MAX;
            return;
        };
        if file.out.write_all(&self.held).is_ok() {
            self.held = Vec::new();
            self.file = Some(file);
        } else {
            self.limit = usize::MAX;
        }
    }

    /// After a failed write to the file (a full disk): everything the file took,
    /// and what its buffer still holds, comes back into memory, where the spool
    /// goes on. Fails only if the file cannot be read back.
    fn unspill(&mut self) -> io::Result<()> {
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        // The buffer keeps what it could not write; the file holds, from its start
        // to where it stands, exactly what was written before.
        let pending = file.out.buffer().to_vec();
        let f = file.out.get_mut();
        let end = f.stream_position()?;
        f.seek(SeekFrom::Start(0))?;
        let mut held = Vec::with_capacity(end as usize + pending.len());
        f.take(end).read_to_end(&mut held)?;
        held.extend_from_slice(&pending);
        self.held = held;
        self.limit = usize::MAX;
        Ok(())
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.file.is_none() && self.held.len() + buf.len() > self.limit {
            self.spill();
        }
        if let Some(file) = &mut self.file {
            match file.out.write(buf) {
                Ok(n) => return Ok(n),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => return Err(e),
                Err(_) => self.unspill()?,
            }
        }
        self.held.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.out.flush(),
            None => Ok(()),
        }
    }
}

/// Copies the rest of `from` to `to`.
fn copy(from: &mut File, to: &mut dyn Write) -> io::Result<()> {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => to.write_all(&buf[..n])?,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// A new private spool file in `dir`, its name already removed where the system
/// allows that for an open file.
fn open(dir: &Path) -> io::Result<SpoolFile> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let path = dir.join(format!("{PREFIX}{}-{stamp}.tmp", std::process::id()));
    let mut opts = OpenOptions::new();
    opts.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let file = opts.open(&path)?;
    let mut spool = SpoolFile {
        out: BufWriter::with_capacity(64 * 1024, file),
        path: Some(path),
    };
    #[cfg(unix)]
    spool.remove();
    Ok(spool)
}

impl SpoolFile {
    fn remove(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = fs::remove_file(path);
        }
    }
}

impl Drop for SpoolFile {
    fn drop(&mut self) {
        self.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn what_is_written_comes_back_in_order_from_memory_or_a_file() {
        let dir = tempfile::tempdir().expect("a temp dir");
        for limit in [0, 5, 1 << 20] {
            let mut spool = Spool::with_limit(dir.path(), limit);
            assert!(spool.is_empty());
            for i in 0..1000 {
                writeln!(spool, "row {i}").expect("written");
            }
            assert!(!spool.is_empty());
            let mut out = Vec::new();
            spool.copy_to(&mut out).expect("copied");
            let want: String = (0..1000).map(|i| format!("row {i}\n")).collect();
            assert_eq!(String::from_utf8(out).expect("text"), want, "limit {limit}");
            assert!(spool.is_empty());
            // No file is left, whether one was used or not.
            assert_eq!(names(dir.path()), Vec::<String>::new());
        }
    }

    #[test]
    fn a_folder_that_cannot_take_a_file_keeps_the_spool_in_memory_and_nowhere_else() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let gone = dir.path().join("no-such-folder");
        let mut spool = Spool::with_limit(&gone, 0);
        spool.write_all(b"kept").expect("written to memory");
        assert!(spool.file.is_none(), "no file outside the data folder");
        let mut out = Vec::new();
        spool.copy_to(&mut out).expect("copied");
        assert_eq!(out, b"kept");
    }

    /// A full disk mid-report: what the file's buffer held when a write failed
    /// comes back, in order, and the rest goes on in memory. `/dev/full` stands
    /// for the disk: every write to it fails with "no space left".
    #[cfg(target_os = "linux")]
    #[test]
    fn a_disk_that_fills_while_spooling_loses_no_row() {
        let Ok(full) = OpenOptions::new().read(true).write(true).open("/dev/full") else {
            return;
        };
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut spool = Spool::with_limit(dir.path(), 0);
        spool.file = Some(SpoolFile {
            out: BufWriter::with_capacity(100, full),
            path: None,
        });
        for i in 0..2000 {
            writeln!(spool, "row {i}").expect("written despite the full disk");
        }
        assert!(spool.file.is_none(), "the spool went on in memory");
        let mut out = Vec::new();
        spool.copy_to(&mut out).expect("copied");
        let want: String = (0..2000).map(|i| format!("row {i}\n")).collect();
        assert_eq!(String::from_utf8(out).expect("text"), want);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_is_private_and_has_no_name_while_in_use() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut spool = Spool::with_limit(dir.path(), 0);
        spool.write_all(b"x").expect("written");
        assert_eq!(names(dir.path()), Vec::<String>::new());
        let file = spool.file.as_ref().expect("a file");
        let meta = file.out.get_ref().metadata().expect("metadata");
        assert_eq!(meta.mode() & 0o777, 0o600);
    }
}
