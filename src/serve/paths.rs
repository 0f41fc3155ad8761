//! From a request's URL to a file of the in-memory site, and a file's `Content-Type`.
//!
//! Only this file decides which site file a URL names. Anything that could point outside
//! the site (`..`, backslashes, NUL, absolute paths, in plain or percent-encoded form) names
//! no file at all, so it gets a 404; and lookups only ever go to the in-memory `Site`, never
//! to the disk. Must not read files.

use percent_encoding::percent_decode_str;

use crate::site::SitePath;

/// Where the live-reload script listens for rebuilds (server-sent events).
pub(crate) const EVENTS_PATH: &str = "/__mentorlog/events";

/// The site file a request target (`/sessions/a.html?x`) names: percent-decoded,
/// `/` → `index.html`, `/foo/` → `foo/index.html`. `None` for anything that could climb
/// out of the site or is not a path at all.
pub(crate) fn site_path(target: &str) -> Option<SitePath> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let rest = path.strip_prefix('/')?;
    if rest.contains("..") {
        return None;
    }
    let decoded = percent_decode_str(rest).decode_utf8().ok()?;
    if decoded.contains("..") || decoded.contains('\\') || decoded.contains('\0') || decoded.starts_with('/') {
        return None;
    }
    let file = if decoded.is_empty() || decoded.ends_with('/') {
        format!("{decoded}index.html")
    } else {
        decoded.into_owned()
    };
    SitePath::new(file)
}

/// The part of a request target before its query.
pub(crate) fn path_part(target: &str) -> &str {
    target.split(['?', '#']).next().unwrap_or_default()
}

/// The `Content-Type` of a site file, by its extension.
pub(crate) fn content_type(path: &SitePath) -> &'static str {
    let extension = path
        .as_str()
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// True for files that get the live-reload script.
pub(crate) fn is_html(path: &SitePath) -> bool {
    content_type(path).starts_with("text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(target: &str) -> Option<String> {
        site_path(target).map(|p| p.as_str().to_string())
    }

    #[test]
    fn folders_map_to_their_index() {
        assert_eq!(resolved("/").as_deref(), Some("index.html"));
        assert_eq!(resolved("/?utm=x").as_deref(), Some("index.html"));
        assert_eq!(resolved("/goals/").as_deref(), Some("goals/index.html"));
        assert_eq!(
            resolved("/goals/group-lead.html").as_deref(),
            Some("goals/group-lead.html")
        );
    }

    #[test]
    fn percent_encoded_names_are_decoded() {
        assert_eq!(
            resolved("/topics/%C3%A9quipe.html").as_deref(),
            Some("topics/équipe.html")
        );
        assert_eq!(resolved("/static/a%20b.pdf").as_deref(), Some("static/a b.pdf"));
    }

    #[test]
    fn nothing_outside_the_site_is_named() {
        for target in [
            "/../journal.yaml",
            "/%2e%2e/journal.yaml",
            "/%2E%2E/journal.yaml",
            "/..%2fjournal.yaml",
            "/..%5cjournal.yaml",
            "/sessions/../../journal.yaml",
            "/sessions/%2e%2e/%2e%2e/journal.yaml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a\\b",
            "/a%5cb",
            "/a%00b",
            "/./index.html",
            "/a//b",
            "/%ff",
            "http://example.org/index.html",
            "*",
            "",
        ] {
            assert_eq!(resolved(target), None, "{target}");
        }
    }

    #[test]
    fn types_follow_the_extension() {
        let ty = |p: &str| SitePath::new(p).map(|p| content_type(&p));
        assert_eq!(ty("index.html"), Some("text/html; charset=utf-8"));
        assert_eq!(ty("assets/style.CSS"), Some("text/css; charset=utf-8"));
        assert_eq!(ty("search-index.js"), Some("text/javascript; charset=utf-8"));
        assert_eq!(ty("feed.xml"), Some("application/xml"));
        assert_eq!(ty("static/chart.png"), Some("image/png"));
        assert_eq!(ty("static/notes"), Some("application/octet-stream"));
    }
}
