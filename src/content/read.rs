//! The one way the program reads a file it did not write itself this run: data files, scenarios,
//! saves, records and the files named on the command line. A FIFO, a device or a link to
//! `/dev/zero` in a save folder or a FILE argument must neither hang the program nor fill its
//! memory, so every file is opened non-blocking, checked with `fstat` to be a regular file before
//! a byte is read, and read only up to a limit.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// The largest save or record read: a whole game is a few hundred kilobytes at most, so anything
/// bigger is not one, and refusing it keeps a class's shared folder from exhausting memory.
pub const RECORD_LIMIT: u64 = 16 * 1024 * 1024;
/// The largest rules, deck or scenario file read; the shipped ones are under 20 kB.
pub(crate) const DATA_LIMIT: u64 = 4 * 1024 * 1024;

/// Why a file was not read. The caller names the file; these say what was wrong with it.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// It exists but is not a plain file: `what` says what it is ("a FIFO", "a device", ...).
    NotRegular { what: &'static str },
    /// It is larger than the limit given.
    TooLarge { size: u64, limit: u64 },
    /// The system refused to open or read it.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotRegular { what } => {
                write!(f, "it is {what}, not a regular file, so it was not read")
            }
            ReadError::TooLarge { size, limit } => write!(
                f,
                "it is {} (at least), larger than the {} this program reads, so it was not read",
                megabytes(*size),
                megabytes(*limit)
            ),
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{bytes} bytes")
    }
}

/// Reads a whole regular file of at most `limit` bytes.
pub(crate) fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    // The size from fstat refuses most large files before any read; the bounded read below
    // still catches a file that grows while it is read.
    let size = file.metadata()?.len();
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// As [`read_limited`], for text that must be UTF-8.
pub(crate) fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_limited(path, limit)?;
    String::from_utf8(bytes).map_err(|_| {
        ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

/// Opens without blocking (a FIFO with no writer would wait forever otherwise), then refuses
/// anything that is not a regular file before it is read.
fn open_regular(path: &Path) -> Result<File, ReadError> {
    let file = open_nonblocking(path)?;
    kind_check(&file.metadata()?)?;
    Ok(file)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NOCTTY: a terminal device named as a file must not become the controlling terminal.
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

fn kind_check(meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_file() {
        return Ok(());
    }
    Err(ReadError::NotRegular {
        what: describe(meta),
    })
}

#[cfg(unix)]
fn describe(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a folder"
    } else if t.is_fifo() {
        "a FIFO (named pipe)"
    } else if t.is_char_device() || t.is_block_device() {
        "a device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "not a plain file"
    }
}

#[cfg(not(unix))]
fn describe(meta: &std::fs::Metadata) -> &'static str {
    if meta.is_dir() {
        "a folder"
    } else {
        "not a plain file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.toml");
        std::fs::write(&path, "x = 1\n").expect("write");
        assert_eq!(read_text(&path, 100).expect("reads"), "x = 1\n");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_size() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 2000]).expect("write");
        let err = read_limited(&path, 1000).expect_err("too large");
        assert!(
            matches!(err, ReadError::TooLarge { size: 2000, .. }),
            "{err}"
        );
        assert!(
            read_limited(&path, 2000).is_ok(),
            "exactly the limit is read"
        );
    }

    #[test]
    fn a_folder_and_a_device_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let err = read_limited(dir.path(), 1000).expect_err("a folder");
        assert!(err.to_string().contains("a folder"), "{err}");
        #[cfg(unix)]
        {
            let err = read_limited(Path::new("/dev/zero"), 1000).expect_err("a device");
            assert!(err.to_string().contains("a device"), "{err}");
        }
    }

    #[cfg(unix)]
    #[test]
    #[allow(unsafe_code)]
    fn a_fifo_without_a_writer_is_refused_at_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("pipe.json");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: a valid NUL-terminated path; mkfifo only creates a file system entry.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
        let err = read_limited(&path, 1000).expect_err("a FIFO");
        assert!(err.to_string().contains("FIFO"), "{err}");
    }
}
