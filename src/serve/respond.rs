//! Answers one HTTP request from the current in-memory site: the file the URL names (pages
//! with the live-reload script added), the site's `404.html` for anything else, the error
//! page for pages while the journal has errors, and the events stream for live reload.
//! `conn` parses the requests and writes the responses. Must not read files: the site in memory is all there is.

use tiny_http::{Header, Method, Response};

use crate::serve::conn::Request;
use crate::serve::guard::Guard;
use crate::serve::paths::{EVENTS_PATH, content_type, is_html, path_part, site_path};
use crate::serve::reload::{inject, script};
use crate::serve::state::{Shared, Snapshot};
use crate::site::SitePath;

const HTML: &str = "text/html; charset=utf-8";

/// Headers on every response, refused ones and the events stream included.
pub(crate) const SAFETY_HEADERS: &[(&str, &str)] = &[
    // Every reload shows the newest build, stylesheet included.
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    // Other websites' pages cannot embed or read what serve answers (see `guard`).
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),
];

/// A response before it goes on the wire.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Answer {
    /// HTTP status code.
    pub(crate) status: u16,
    /// The `Content-Type` header.
    pub(crate) content_type: &'static str,
    /// The body.
    pub(crate) body: Vec<u8>,
}

/// Answers `request` from the current site (or subscribes it to live reload), when
/// `guard` lets it through.
pub(crate) fn handle(request: Request, shared: &Shared, guard: &Guard) {
    let verdict = guard.check(
        request
            .headers()
            .iter()
            .map(|h| (h.field.as_str().as_str(), h.value.as_str())),
    );
    if let Err(refusal) = verdict {
        let answer = Answer {
            status: refusal.status(),
            content_type: "text/plain; charset=utf-8",
            body: refusal.body().to_vec(),
        };
        send(request, answer, &[]);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let answer = Answer {
            status: 405,
            content_type: "text/plain; charset=utf-8",
            body: b"mentorlog serve answers GET and HEAD only\n".to_vec(),
        };
        send(request, answer, &[("Allow", "GET, HEAD")]);
        return;
    }
    if path_part(request.url()) == EVENTS_PATH {
        shared.reload.subscribe(request);
        return;
    }
    let answer = answer(&shared.current(), request.url());
    send(request, answer, &[]);
}

/// What the site has for the request target `target`.
pub(crate) fn answer(snapshot: &Snapshot, target: &str) -> Answer {
    let Some(path) = site_path(target) else {
        return not_found(snapshot);
    };
    match (snapshot.files.get(&path), &snapshot.failure) {
        (Some(bytes), _) if !is_html(&path) => Answer {
            status: 200,
            content_type: content_type(&path),
            body: bytes.clone(),
        },
        (Some(bytes), None) => page(200, bytes, snapshot),
        (_, Some(error_page)) => page(500, error_page.as_bytes(), snapshot),
        (None, None) => not_found(snapshot),
    }
}

/// The site's 404 page, or a plain one when no site has built yet.
fn not_found(snapshot: &Snapshot) -> Answer {
    let page_404 = SitePath::new("404.html").and_then(|p| snapshot.files.get(&p));
    match page_404 {
        Some(bytes) => page(404, bytes, snapshot),
        None => page(
            404,
            b"<!doctype html>\n<title>Not found</title>\n<h1>Not found</h1>\n",
            snapshot,
        ),
    }
}

/// An HTML page with the live-reload script of the current build.
fn page(status: u16, html: &[u8], snapshot: &Snapshot) -> Answer {
    Answer {
        status,
        content_type: HTML,
        body: inject(html, &script(&snapshot.token)),
    }
}

fn send(request: Request, answer: Answer, extra: &[(&str, &str)]) {
    let mut response = Response::from_data(answer.body).with_status_code(answer.status);
    let headers = [("Content-Type", answer.content_type)];
    for (name, value) in headers.iter().chain(SAFETY_HEADERS).chain(extra) {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // The tab may have gone away meanwhile; there is no one left to tell.
    let _ = request.respond(response);
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::serve::state::Files;

    fn snapshot(failure: Option<&str>) -> Snapshot {
        let mut files = Files::new();
        for (path, body) in [
            ("index.html", "<body>home</body>"),
            ("404.html", "<body>lost</body>"),
            ("assets/style.css", "body{}"),
            ("sessions/a.html", "<body>a</body>"),
        ] {
            if let Some(p) = SitePath::new(path) {
                files.insert(p, body.as_bytes().to_vec());
            }
        }
        Snapshot {
            token: "1-7".into(),
            files: Arc::new(files),
            failure: failure.map(str::to_string),
        }
    }

    fn text(answer: &Answer) -> String {
        String::from_utf8_lossy(&answer.body).into_owned()
    }

    #[test]
    fn pages_get_the_reload_script_and_assets_do_not() {
        let site = snapshot(None);
        let home = answer(&site, "/");
        assert_eq!((home.status, home.content_type), (200, HTML));
        assert!(text(&home).starts_with("<body>home<script>"), "{}", text(&home));
        assert!(text(&home).contains("\"1-7\""));
        let css = answer(&site, "/assets/style.css");
        assert_eq!((css.status, text(&css).as_str()), (200, "body{}"));
    }

    #[test]
    fn unknown_and_outside_paths_get_the_sites_404() {
        let site = snapshot(None);
        for target in ["/nope.html", "/../journal.yaml", "/%2e%2e/journal.yaml", "//etc/passwd"] {
            let a = answer(&site, target);
            assert_eq!(a.status, 404, "{target}");
            assert!(text(&a).starts_with("<body>lost"), "{target}: {}", text(&a));
        }
    }

    #[test]
    fn while_broken_pages_show_the_error_and_assets_still_load() {
        let site = snapshot(Some("<body>ERR</body>"));
        for target in ["/", "/sessions/a.html", "/sessions/new.html"] {
            let a = answer(&site, target);
            assert_eq!(a.status, 500, "{target}");
            assert!(text(&a).starts_with("<body>ERR<script>"), "{target}: {}", text(&a));
        }
        assert_eq!(answer(&site, "/assets/style.css").status, 200);
        assert_eq!(answer(&site, "/../journal.yaml").status, 404);
    }
}
