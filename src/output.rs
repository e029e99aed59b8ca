//! Where output goes: standard output, or (for a report) a file written atomically;
//! and the few helpers every command and report shares to get there: [`out`] for a
//! text, [`compact`] and [`pretty`] for JSON, [`io()`] for a failed write.
//!
//! A file is written to a private (0600) temp file in the same folder, synced, and
//! only then renamed to its name, and the folder is synced. Until `finish` succeeds
//! the requested name is untouched; a failed or abandoned export removes the temp
//! file, so nobody finds half a report under the name they asked for.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Stdout, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::error::Error;
use crate::i18n::t_args;
use crate::store::sync_dir;
use crate::text::io_reason;

/// Writes a whole text to stdout. A closed pipe (`sidecheck ... | head`) is not an
/// error.
pub fn out(text: &str) -> Result<(), Error> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::Runtime(t_args(
            "output-cannot-write",
            &[("reason", &io_reason(&e))],
        ))),
        Ok(()) => Ok(()),
    }
}

/// `value` as one line of JSON. `what` names the text in the error ("the report").
pub fn compact(value: &impl Serialize, what: &str) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| cannot_format(what, &e))
}

/// Writes `prefix` and then `value` as one line of JSON, as `write!(out,
/// "{prefix}{}", compact(value, what)?)` does, but through `buf`, which a caller
/// writing many values keeps from one to the next: no text is allocated per value.
/// Nothing is written if the value cannot be formatted.
pub fn write_compact(
    out: &mut dyn Write,
    buf: &mut Vec<u8>,
    prefix: &str,
    value: &impl Serialize,
    what: &str,
) -> Result<(), Error> {
    buf.clear();
    buf.extend_from_slice(prefix.as_bytes());
    serde_json::to_writer(&mut *buf, value).map_err(|e| cannot_format(what, &e))?;
    io(out.write_all(buf))
}

/// `value` as indented JSON, for a person to read. `what` as for [`compact`].
pub fn pretty(value: &impl Serialize, what: &str) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| cannot_format(what, &e))
}

/// Writes each field of `value` (a struct) as a line `{indent}"key": value,`: how a
/// streamed JSON report puts a summary's fields into an object it is still writing.
pub fn write_fields(
    out: &mut dyn Write,
    indent: &str,
    value: &impl Serialize,
    what: &str,
) -> Result<(), Error> {
    let value = serde_json::to_value(value).map_err(|e| cannot_format(what, &e))?;
    if let Value::Object(fields) = value {
        for (key, value) in fields {
            io(writeln!(
                out,
                "{indent}{}: {},",
                compact(&key, what)?,
                compact(&value, what)?
            ))?;
        }
    }
    Ok(())
}

fn cannot_format(what: &str, e: &serde_json::Error) -> Error {
    Error::Runtime(format!("cannot format {what}: {e}"))
}

/// Maps a failed write of a report to its one-line error.
pub fn io(r: io::Result<()>) -> Result<(), Error> {
    r.map_err(|e| write_failed(&e))
}

/// A report being written.
pub struct Output {
    target: Target,
}

enum Target {
    Stdout {
        out: BufWriter<Stdout>,
        /// The reader went away (`| head`); the rest is dropped quietly.
        closed: bool,
    },
    File {
        out: BufWriter<File>,
        temp: PathBuf,
        dest: PathBuf,
        replace: bool,
        done: bool,
    },
}

impl Output {
    pub fn stdout() -> Output {
        Output {
            target: Target::Stdout {
                out: BufWriter::with_capacity(64 * 1024, io::stdout()),
                closed: false,
            },
        }
    }

    /// Starts writing `dest`. Refuses an existing file unless `replace`.
    pub fn file(dest: &Path, replace: bool) -> Result<Output, Error> {
        let shown = dest.display().to_string();
        let path = [("path", shown.as_str())];
        if dest.is_dir() {
            return Err(Error::Input(t_args("output-is-a-folder", &path)));
        }
        if !replace && fs::symlink_metadata(dest).is_ok() {
            return Err(exists(dest));
        }
        let name = dest
            .file_name()
            .ok_or_else(|| Error::Input(t_args("output-not-a-file-name", &path)))?;
        let dir = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(Error::Input(t_args(
                "output-no-folder",
                &[("dir", &dir.display().to_string())],
            )));
        }
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        let temp = dir.join(format!(
            ".{}.{}-{stamp}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let mut opts = OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
        let file = opts.open(&temp).map_err(|e| {
            Error::Runtime(t_args(
                "output-cannot-create",
                &[
                    ("dir", &dir.display().to_string()),
                    ("reason", &io_reason(&e)),
                ],
            ))
        })?;
        let output = Output {
            target: Target::File {
                out: BufWriter::with_capacity(64 * 1024, file),
                temp: temp.clone(),
                dest: dest.to_path_buf(),
                replace,
                done: false,
            },
        };
        // The umask may have taken bits away; the report is private either way.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&temp, fs::Permissions::from_mode(0o600)).map_err(|e| {
                Error::Runtime(t_args(
                    "output-cannot-make-private",
                    &[
                        ("path", &temp.display().to_string()),
                        ("reason", &io_reason(&e)),
                    ],
                ))
            })?;
        }
        Ok(output)
    }

    /// The file being written, if not standard output.
    pub fn dest(&self) -> Option<&Path> {
        match &self.target {
            Target::Stdout { .. } => None,
            Target::File { dest, .. } => Some(dest),
        }
    }

    /// Flushes, and for a file: syncs, renames into place and syncs the folder.
    pub fn finish(mut self) -> Result<(), Error> {
        match &mut self.target {
            Target::Stdout { out, closed } => {
                if *closed {
                    return Ok(());
                }
                match out.flush() {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    Err(e) => Err(write_failed(&e)),
                    Ok(()) => Ok(()),
                }
            }
            Target::File {
                out,
                temp,
                dest,
                replace,
                done,
            } => {
                let failed = |e: &io::Error| {
                    Error::Runtime(t_args(
                        "output-cannot-write-file",
                        &[
                            ("path", &dest.display().to_string()),
                            ("reason", &io_reason(e)),
                        ],
                    ))
                };
                out.flush().map_err(|e| failed(&e))?;
                out.get_ref().sync_all().map_err(|e| failed(&e))?;
                place(temp, dest, *replace).map_err(|e| {
                    if e.kind() == io::ErrorKind::AlreadyExists {
                        exists(dest)
                    } else {
                        failed(&e)
                    }
                })?;
                *done = true;
                if let Some(dir) = dest.parent() {
                    sync_dir(if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    });
                }
                Ok(())
            }
        }
    }
}

/// Moves the finished temp file to its name. Without `replace` a file that appeared
/// meanwhile is never overwritten: a hard link fails if the name exists.
fn place(temp: &Path, dest: &Path, replace: bool) -> io::Result<()> {
    if replace {
        return fs::rename(temp, dest);
    }
    match fs::hard_link(temp, dest) {
        Ok(()) => {
            let _ = fs::remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // Some file systems have no hard links; check, then rename.
        Err(_) => {
            if fs::symlink_metadata(dest).is_ok() {
                return Err(io::Error::from(io::ErrorKind::AlreadyExists));
            }
            fs::rename(temp, dest)
        }
    }
}

/// The error for a report that could not be written.
fn write_failed(e: &io::Error) -> Error {
    Error::Runtime(t_args(
        "output-cannot-write-report",
        &[("reason", &io_reason(e))],
    ))
}

/// The error for a report file that is there already (before the export, or
/// appeared while it was written) and may not be replaced.
fn exists(dest: &Path) -> Error {
    Error::Input(t_args(
        "output-exists",
        &[("path", &dest.display().to_string())],
    ))
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.target {
            Target::Stdout { out, closed } => {
                if *closed {
                    return Ok(buf.len());
                }
                match out.write(buf) {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        *closed = true;
                        Ok(buf.len())
                    }
                    other => other,
                }
            }
            Target::File { out, .. } => out.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Stdout { out, closed } => {
                if *closed {
                    return Ok(());
                }
                match out.flush() {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                        *closed = true;
                        Ok(())
                    }
                    other => other,
                }
            }
            Target::File { out, .. } => out.flush(),
        }
    }
}

impl Drop for Output {
    fn drop(&mut self) {
        if let Target::File { temp, done, .. } = &self.target
            && !*done
        {
            let _ = fs::remove_file(temp);
        }
    }
}
