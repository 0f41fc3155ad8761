//! The output marker's text: what marks a folder as a site mentorlog built, and the list of
//! the files that build wrote, which is what lets the next build replace the folder
//! knowing nothing else is in it.

use std::fmt::Write as _;

/// The marker's first line; a finished site's marker then has `FILES_LINE` and the list of
/// every file the build wrote, one per line (`%`, line breaks and other control characters
/// percent-encoded).
pub(super) const MARKER_TEXT: &str = "This folder is a site built by mentorlog. `mentorlog build` replaces it whole, but only while it holds nothing except the files listed below.\n";

/// The line before the list of files in a finished site's marker.
const FILES_LINE: &str = "files:";

/// The largest marker read: a list of a site's files is far smaller.
pub(super) const MAX_MARKER: u64 = 64 << 20;

/// The files a finished site's marker lists (encoded as written); `None` when `marker` is
/// not such a list.
pub(super) fn listed_files(marker: &[u8]) -> Option<std::collections::HashSet<String>> {
    let text = std::str::from_utf8(marker).ok()?;
    let rest = text.strip_prefix(MARKER_TEXT)?;
    let list = rest.strip_prefix(FILES_LINE)?.strip_prefix('\n')?;
    Some(list.lines().filter(|l| !l.is_empty()).map(str::to_string).collect())
}

/// The text of a finished site's marker: it lists `files`, the site paths its build wrote.
pub fn marker_text(files: &[impl AsRef<str>]) -> String {
    let mut text = format!("{MARKER_TEXT}{FILES_LINE}\n");
    for file in files {
        text.push_str(&encode_listed(file.as_ref()));
        text.push('\n');
    }
    text
}

/// A site path as a line of the marker: `%`, line breaks and other control characters
/// percent-encoded, so that every name is one line.
pub(super) fn encode_listed(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c == '%' || c.is_control() {
            let mut buf = [0; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{byte:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}
