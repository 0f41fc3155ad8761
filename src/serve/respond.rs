//! Answers one HTTP request from the current in-memory site: the file the URL names (pages
//! with the live-reload script added), the site's `404.html` for anything else, the error
//! page for pages while the journal has errors, and the events stream for live reload.
//! `conn` parses the requests and writes the responses. Reads no file the site does not
//! list: a journal's static file is read from disk when asked for, through the reference
//! the last build checked (the same place, with no link on the way, and the same file), and
//! streamed.
//!
//! So a static file edited in place shows at once, and the rebuild its save starts changes
//! nothing else; a file replaced under its name (a save by rename, or a link put there)
//! is no longer the file that was checked, and answers 404 until that rebuild, which
//! checks it again, is served (a moment later; the tab then reloads).

use std::io::Read;

use tiny_http::{Header, Method, Response};

use crate::serve::conn::Request;
use crate::serve::guard::{Guard, SAFETY_HEADERS};
use crate::serve::paths::{EVENTS_PATH, content_type, is_html, path_part, site_path};
use crate::serve::reload::{inject, script};
use crate::serve::state::{Shared, Snapshot};
use crate::site::{SiteFile, SitePath};

const HTML: &str = "text/html; charset=utf-8";

/// A response before it goes on the wire.
#[derive(Debug)]
pub(crate) struct Answer {
    /// HTTP status code.
    pub(crate) status: u16,
    /// The `Content-Type` header.
    pub(crate) content_type: &'static str,
    /// The body.
    pub(crate) body: Body,
}

/// What a response carries.
#[derive(Debug)]
pub(crate) enum Body {
    /// Bytes made in memory: a page, a refusal.
    Bytes(Vec<u8>),
    /// A journal's file, opened and checked, streamed with its size at opening.
    File(std::fs::File, u64),
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::Bytes(bytes)
    }
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
            body: refusal.body().to_vec().into(),
        };
        send(request, answer, &[]);
        return;
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let answer = Answer {
            status: 405,
            content_type: "text/plain; charset=utf-8",
            body: b"mentorlog serve answers GET and HEAD only\n".to_vec().into(),
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
        (Some(SiteFile::Journal(file)), _) => match file.open() {
            Ok((file, len)) => Answer {
                status: 200,
                content_type: content_type(&path),
                body: Body::File(file, len),
            },
            // No longer the file the build checked: the rebuild its change started will
            // check it again.
            Err(_) => not_found(snapshot),
        },
        (Some(SiteFile::Made(bytes)), _) if !is_html(&path) => Answer {
            status: 200,
            content_type: content_type(&path),
            body: bytes.clone().into(),
        },
        (Some(SiteFile::Made(bytes)), None) => page(200, bytes, snapshot),
        (_, Some(error_page)) => page(500, error_page.as_bytes(), snapshot),
        (None, None) => not_found(snapshot),
    }
}

/// The site's 404 page, or a plain one when no site has built yet.
fn not_found(snapshot: &Snapshot) -> Answer {
    let page_404 = SitePath::new("404.html").and_then(|p| snapshot.files.get(&p));
    match page_404 {
        Some(SiteFile::Made(bytes)) => page(404, bytes, snapshot),
        _ => page(
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
        body: Body::Bytes(inject(html, &script(&snapshot.token))),
    }
}

fn send(request: Request, answer: Answer, extra: &[(&str, &str)]) {
    match answer.body {
        Body::Bytes(bytes) => {
            let response = Response::from_data(bytes);
            respond(request, response, answer.status, answer.content_type, extra);
        }
        Body::File(file, len) => {
            // At most the size it had when opened: a file growing meanwhile still matches
            // its `Content-Length`, which is sent rather than chunks (a download shows its
            // progress).
            let response = Response::empty(answer.status)
                .with_data(file.take(len), usize::try_from(len).ok())
                .with_chunked_threshold(usize::MAX);
            respond(request, response, answer.status, answer.content_type, extra);
        }
    }
}

fn respond<R: Read + Send + 'static>(
    request: Request,
    response: Response<R>,
    status: u16,
    content_type: &str,
    extra: &[(&str, &str)],
) {
    let mut response = response.with_status_code(status);
    let headers = [("Content-Type", content_type)];
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
                files.insert(p, SiteFile::Made(body.as_bytes().to_vec()));
            }
        }
        Snapshot {
            token: "1-7".into(),
            files: Arc::new(files),
            failure: failure.map(str::to_string),
        }
    }

    fn text(answer: &mut Answer) -> String {
        match &mut answer.body {
            Body::Bytes(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            Body::File(file, _) => {
                let mut text = String::new();
                assert!(file.read_to_string(&mut text).is_ok());
                text
            }
        }
    }

    #[test]
    fn pages_get_the_reload_script_and_assets_do_not() {
        let site = snapshot(None);
        let mut home = answer(&site, "/");
        assert_eq!((home.status, home.content_type), (200, HTML));
        assert!(text(&mut home).starts_with("<body>home<script>"), "{}", text(&mut home));
        assert!(text(&mut home).contains("\"1-7\""));
        let mut css = answer(&site, "/assets/style.css");
        assert_eq!((css.status, text(&mut css).as_str()), (200, "body{}"));
    }

    #[test]
    fn unknown_and_outside_paths_get_the_sites_404() {
        let site = snapshot(None);
        for target in ["/nope.html", "/../journal.yaml", "/%2e%2e/journal.yaml", "//etc/passwd"] {
            let mut a = answer(&site, target);
            assert_eq!(a.status, 404, "{target}");
            assert!(text(&mut a).starts_with("<body>lost"), "{target}: {}", text(&mut a));
        }
    }

    #[test]
    fn while_broken_pages_show_the_error_and_assets_still_load() {
        let site = snapshot(Some("<body>ERR</body>"));
        for target in ["/", "/sessions/a.html", "/sessions/new.html"] {
            let mut a = answer(&site, target);
            assert_eq!(a.status, 500, "{target}");
            assert!(
                text(&mut a).starts_with("<body>ERR<script>"),
                "{target}: {}",
                text(&mut a)
            );
        }
        assert_eq!(answer(&site, "/assets/style.css").status, 200);
        assert_eq!(answer(&site, "/../journal.yaml").status, 404);
    }

    #[test]
    #[cfg(unix)]
    #[allow(clippy::disallowed_methods)]
    fn a_static_file_is_read_from_disk_when_asked_for_and_only_while_it_is_the_file_checked() {
        let Ok(tmp) = tempfile::tempdir() else {
            panic!("a temporary folder");
        };
        let Ok(root) = tmp.path().canonicalize() else {
            panic!("a real path");
        };
        let chart = root.join("static/chart.png");
        assert!(std::fs::create_dir_all(root.join("static")).is_ok());
        assert!(std::fs::write(&chart, "first").is_ok());
        let Ok(checked) = crate::fs::InputFile::check(&root, &chart) else {
            panic!("the file checks");
        };
        let mut site = snapshot(None);
        if let Some(p) = SitePath::new("static/chart.png") {
            Arc::make_mut(&mut site.files).insert(p, SiteFile::Journal(checked));
        }
        let mut a = answer(&site, "/static/chart.png");
        assert_eq!(
            (a.status, a.content_type, text(&mut a).as_str()),
            (200, "image/png", "first")
        );
        // Edited in place (the same file): the new bytes, without a rebuild.
        assert!(std::fs::write(&chart, "second").is_ok());
        let mut a = answer(&site, "/static/chart.png");
        assert_eq!((a.status, text(&mut a).as_str()), (200, "second"));
        // Replaced by another file under its name, as an editor saves (the old one kept
        // under another name, so the new one cannot reuse its inode): 404 until the
        // rebuild checks it.
        assert!(std::fs::hard_link(&chart, root.join("kept")).is_ok());
        assert!(std::fs::write(root.join("new"), "third").is_ok());
        assert!(std::fs::rename(root.join("new"), &chart).is_ok());
        assert_eq!(answer(&site, "/static/chart.png").status, 404);
        // Replaced by a link to a file outside: not that file, the site's 404.
        let outside = tempfile::tempdir().unwrap_or_else(|_| panic!("a temporary folder"));
        let secret = outside.path().join("secret.png");
        assert!(std::fs::write(&secret, "SECRET").is_ok());
        assert!(std::fs::remove_file(&chart).is_ok());
        assert!(std::os::unix::fs::symlink(&secret, &chart).is_ok());
        let mut a = answer(&site, "/static/chart.png");
        assert_eq!(a.status, 404);
        assert!(!text(&mut a).contains("SECRET"));
    }
}
