//! Read helpers whose errors name the path: "no such file" alone helps no one.
//! Writing lives in `write.rs` only.

use std::path::Path;

use crate::error::{Error, Result};

/// Reads a whole file as bytes. Only a regular file is read: a named pipe, a device
/// (`/dev/zero`), a socket, or a link to one, would never end, or block until another
/// program writes to it, and a journal holds none.
///
/// # Errors
///
/// `Error::Io` when the file cannot be read or is not a regular file.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    read_regular(path).map_err(|e| Error::io("cannot read", path, e))
}

fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let file = open_without_waiting(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is not a regular file (a named pipe, a device or a socket), and mentorlog reads only regular files",
        ));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    (&file).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Opens `path` for reading without waiting: opening a named pipe otherwise blocks until
/// another program opens it for writing. (Reading a regular file ignores the flag.)
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use rustix::fs::{Mode, OFlags};
    let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::CLOEXEC;
    let fd = rustix::fs::open(path, flags, Mode::empty())?;
    Ok(std::fs::File::from(fd))
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}
