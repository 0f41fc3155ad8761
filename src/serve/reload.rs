//! Live reload: every served HTML page carries a tiny script that listens on
//! `/__mentorlog/events` (server-sent events) and reloads the tab when the site it shows
//! is no longer the current one. Only served pages get the script; `build` output never
//! does, because it is added here, to the bytes on their way out, and nowhere else.
//!
//! Each build of the site has a token (`<process id>-<generation>`). A page knows the
//! token it was served with; the events stream sends the current token when a tab
//! connects and again after every rebuild. A tab reloads when the two differ, so a rebuild
//! that lands between a page load and its connection is not missed, and a restarted
//! `serve` reloads the tabs that reconnect to it. Must not build or read files.

use std::io::Write;
use std::sync::{Mutex, PoisonError};

use crate::serve::conn::Request;
use crate::serve::paths::EVENTS_PATH;

/// The script added before `</body>` of every served page.
pub(crate) fn script(token: &str) -> String {
    format!(
        "<script>/* mentorlog serve: live reload */new EventSource(\"{EVENTS_PATH}\").onmessage=function(e){{if(e.data!==\"{token}\")location.reload()}};</script>\n"
    )
}

/// `html` with `script` inserted before its last `</body>` (at the end when there is none).
pub(crate) fn inject(html: &[u8], script: &str) -> Vec<u8> {
    const CLOSE: &[u8] = b"</body>";
    let at = html
        .windows(CLOSE.len())
        .rposition(|w| w.eq_ignore_ascii_case(CLOSE))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + script.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// The head of the never-ending events response. `conn` parsed the request; this
/// stream is handed over raw because an events stream must be flushed event by event.
/// Its headers are `guard::SAFETY_HEADERS`, as on every response (a test checks).
const STREAM_HEAD: &str = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\
Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nCross-Origin-Resource-Policy: same-origin\r\n\
X-Frame-Options: SAMEORIGIN\r\n\r\n";

/// Most events streams open at once: one per tab, so a few dozen tabs is plenty. One more
/// closes the oldest (a tab that is still open reconnects within a second, see `retry`).
/// The streams leave `conn`, so they never take the room of other requests; their sockets
/// do not block, and a tab that does not take an event is dropped, never waited for.
pub(crate) const MAX_EVENT_STREAMS: usize = 32;

/// The open events streams, and the token they were last sent.
pub(crate) struct Reload {
    inner: Mutex<Streams>,
}

struct Streams {
    token: String,
    open: Vec<Box<dyn Write + Send>>,
}

impl Streams {
    /// Writes `text` to every stream, dropping those that fail.
    fn send(&mut self, text: &str) {
        self.open
            .retain_mut(|w| w.write_all(text.as_bytes()).and_then(|()| w.flush()).is_ok());
    }
}

impl Reload {
    /// No tab connected yet; `token` is the current build's.
    pub(crate) fn new(token: String) -> Reload {
        Reload {
            inner: Mutex::new(Streams {
                token,
                open: Vec::new(),
            }),
        }
    }

    /// Turns `request` into an events stream: sends the current token now, and every new
    /// one later. A tab that went away is dropped at the next announcement.
    pub(crate) fn subscribe(&self, request: Request) {
        let mut writer = request.into_writer();
        let mut streams = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        // `retry`: a tab whose `serve` was restarted reconnects within a second.
        let first = format!("{STREAM_HEAD}retry: 1000\ndata: {}\n\n", streams.token);
        if writer.write_all(first.as_bytes()).and_then(|()| writer.flush()).is_ok() {
            if streams.open.len() >= MAX_EVENT_STREAMS {
                streams.open.remove(0);
            }
            streams.open.push(writer);
        }
    }

    /// Tells every connected tab that the site is now `token`.
    pub(crate) fn announce(&self, token: &str) {
        let mut streams = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        streams.token = token.to_string();
        streams.send(&format!("data: {token}\n\n"));
    }

    /// Sends a comment to every stream, so the streams of tabs that went away (every click
    /// on a link leaves one) are closed within two pings, not kept open until a rebuild.
    pub(crate) fn ping(&self) {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner).send(":\n\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_last_closing_body() {
        let page = b"<html><body><p>a</body></p></BODY>\n</html>";
        let out = inject(page, "<script>x</script>");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "<html><body><p>a</body></p><script>x</script></BODY>\n</html>"
        );
        assert_eq!(inject(b"<p>no body", "S"), b"<p>no bodyS");
    }

    /// A tab that went away: every write fails.
    struct Gone;

    impl Write for Gone {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streams_of_tabs_that_went_away_are_dropped() {
        let mut streams = Streams {
            token: "1-1".into(),
            open: vec![Box::new(Gone), Box::new(Vec::new()), Box::new(Gone)],
        };
        streams.send(":\n\n");
        assert_eq!(streams.open.len(), 1);
    }

    #[test]
    fn the_stream_carries_every_safety_header() {
        for (name, value) in crate::serve::guard::SAFETY_HEADERS {
            assert!(STREAM_HEAD.contains(&format!("\r\n{name}: {value}\r\n")), "{name}");
        }
    }

    #[test]
    fn script_compares_tokens_and_names_the_events_path() {
        let s = script("12-3");
        assert!(s.contains("\"/__mentorlog/events\""), "{s}");
        assert!(s.contains("e.data!==\"12-3\""), "{s}");
        assert!(s.len() < 200, "the script stays tiny: {} bytes", s.len());
    }
}
