//! Read helpers whose errors name the path: "no such file" alone helps no one.
//! Writing lives in `write.rs` only.

use std::path::Path;

use crate::error::{Error, Result};

/// Reads a whole file as bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| Error::io("cannot read", path, e))
}

/// True when `path` is a hidden file or folder name (starts with a dot), UTF-8 or not.
pub fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}
