//! Connections: accepts them, reads each request head and writes each response, for every
//! client at once on one thread that never waits on a socket; a few workers answer the
//! parsed requests (`respond`) and never touch a socket either. Whatever clients do, the
//! threads are these and the connections are bounded:
//!
//! - at most `MAX_CONNECTIONS` are open; one more closes the one that has waited longest
//!   without progress (a half-open or stuck client, never the newest one), so a flood of
//!   connections that send nothing cannot keep the pair's tab out;
//! - a request head must arrive whole within `REQUEST_TIMEOUT` of the connection (or of
//!   the last response on a kept-alive one): a client that never finishes it is dropped;
//! - a response the client takes nothing of for `WRITE_TIMEOUT` is dropped; meanwhile it
//!   holds no thread, because the body is written only as fast as the client reads it;
//! - live-reload streams leave this loop for `reload`, which caps them separately.
//!
//! Why not tiny_http's own server: it starts a thread per connection, with no limit and
//! no timeout, and writes each response on the thread that answers it, so 2,000 half-open
//! connections made 2,000 threads and eight clients that never read a large file held all
//! the workers. Request heads are parsed by httparse; responses are still tiny_http's
//! `Response`, and their heads are written by it.

use std::collections::HashMap;
use std::io::{self, Cursor, Read, Write};
use std::net::{Shutdown, TcpListener as StdListener, TcpStream as StdStream};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token, Waker};
use tiny_http::{HTTPVersion, Header, Method, Response};

/// Most connections open at once (live-reload streams not counted: see `reload`). A
/// browser opens up to six per site; the rest of the room is for more tabs and browsers.
pub(crate) const MAX_CONNECTIONS: usize = 128;

/// How long a whole request head may take to arrive, counted from the connection (or from
/// the end of the previous response, for the next request on the same connection).
pub(crate) const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a response may wait for the client to take any more of it.
pub(crate) const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// After the last response on a connection: how long its leftover input (the body of a
/// refused POST) is read and thrown away, so closing does not reset the response away.
const LINGER: Duration = Duration::from_secs(2);

/// The largest request head read; a longer one gets 400 (pages need a few hundred bytes).
const MAX_HEAD: usize = 16 * 1024;

/// Most header lines in one request head.
const MAX_HEADERS: usize = 64;

/// How much of a body is read ahead of the client.
const CHUNK: usize = 64 * 1024;

const LISTENER: Token = Token(0);
const WAKER: Token = Token(1);
/// Connection ids (tokens) start here and are never reused, so a late answer for a
/// connection that was closed meanwhile cannot reach another one.
const FIRST_ID: usize = 2;

/// One parsed request, answered once with `respond` or turned into an events stream with
/// `into_writer`.
pub(crate) struct Request {
    id: usize,
    head: Head,
    back: Back,
}

impl Request {
    /// `GET`, `HEAD`, …
    pub(crate) fn method(&self) -> &Method {
        &self.head.method
    }

    /// The request target as sent.
    pub(crate) fn url(&self) -> &str {
        &self.head.url
    }

    /// Every header line, repeated ones included.
    pub(crate) fn headers(&self) -> &[Header] {
        &self.head.headers
    }

    /// Sends `response` (its body is read as the client takes it, on the connections'
    /// thread). Fails only when serving stops.
    pub(crate) fn respond<R: Read + Send + 'static>(self, response: Response<R>) -> io::Result<()> {
        let out = outgoing(
            response,
            &self.head.version,
            self.head.method == Method::Head,
            self.head.close,
        )?;
        if self.back.send(Message::Respond { id: self.id, out }) {
            Ok(())
        } else {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    /// Takes the connection out of the loop, for a stream written from elsewhere. The
    /// socket stays non-blocking: a write the client is not reading fails at once instead
    /// of waiting, and the stream is dropped. Writes fail when the client went away.
    pub(crate) fn into_writer(self) -> Box<dyn Write + Send> {
        let (reply, stream) = mpsc::channel();
        let handed = self.back.send(Message::HandOver { id: self.id, reply });
        match stream.recv() {
            Ok(Some(stream)) if handed => Box::new(stream),
            _ => Box::new(Closed),
        }
    }
}

/// A writer for a connection that is gone.
struct Closed;

impl Write for Closed {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::ErrorKind::NotConnected.into())
    }

    fn flush(&mut self) -> io::Result<()> {
        Err(io::ErrorKind::NotConnected.into())
    }
}

/// A parsed request head.
struct Head {
    method: Method,
    url: String,
    version: HTTPVersion,
    headers: Vec<Header>,
    /// The connection ends after this request: asked for, HTTP/1.0, or a body follows
    /// (bodies are never read, so the next request could not be found).
    close: bool,
}

/// What the workers tell the loop.
enum Message {
    /// The response to connection `id`'s request.
    Respond { id: usize, out: Outgoing },
    /// Connection `id` leaves the loop; its socket is sent on `reply`.
    HandOver {
        id: usize,
        reply: Sender<Option<StdStream>>,
    },
}

/// The way back from a worker to the loop.
#[derive(Clone)]
struct Back {
    tx: Sender<Message>,
    waker: Arc<Waker>,
}

impl Back {
    fn send(&self, message: Message) -> bool {
        self.tx.send(message).is_ok() && self.waker.wake().is_ok()
    }
}

/// A response on its way out: the head and the part of the body read ahead (`pending`
/// from `at`), and the rest of the body.
struct Outgoing {
    pending: Vec<u8>,
    at: usize,
    body: Box<dyn Read + Send>,
    left: u64,
    close: bool,
}

/// `response` as bytes to write: the head as tiny_http writes it, always with a
/// `Content-Length` (a body of unknown length is read whole first, as tiny_http does).
fn outgoing<R: Read + Send + 'static>(
    response: Response<R>,
    version: &HTTPVersion,
    head_only: bool,
    close: bool,
) -> io::Result<Outgoing> {
    let status = response.status_code();
    let headers = response.headers().to_vec();
    let length = response.data_length();
    let mut body: Box<dyn Read + Send> = Box::new(response.into_reader());
    let length = if let Some(length) = length {
        length
    } else {
        let mut whole = Vec::new();
        body.read_to_end(&mut whole)?;
        let length = whole.len();
        body = Box::new(Cursor::new(whole));
        length
    };
    let mut head = Vec::new();
    // No request headers: they only choose chunked encoding (`TE`), and the length is known.
    Response::new(status, headers, io::empty(), Some(length), None)
        .with_chunked_threshold(usize::MAX)
        .raw_print(&mut head, version.clone(), &[], true, None)?;
    // tiny_http leaves out a `Connection` header given to it; the client is told here.
    if close && head.ends_with(b"\r\n\r\n") {
        head.truncate(head.len() - 2);
        head.extend_from_slice(b"Connection: close\r\n\r\n");
    }
    let bodiless = head_only || matches!(status.0, 100..=199 | 204 | 304);
    Ok(Outgoing {
        pending: head,
        at: 0,
        body,
        left: if bodiless { 0 } else { length as u64 },
        close,
    })
}

/// 400 for a request head that is not HTTP, too long, or not ASCII; then the connection
/// ends.
fn bad_request() -> Option<Outgoing> {
    let mut response = Response::from_data(&b"mentorlog serve could not read this request\n"[..]).with_status_code(400);
    let headers = [("Content-Type", "text/plain; charset=utf-8")];
    for (name, value) in headers.iter().chain(crate::serve::guard::SAFETY_HEADERS) {
        if let Ok(header) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    outgoing(response, &HTTPVersion(1, 1), false, true).ok()
}

/// Where one connection is.
enum State {
    /// Waiting for a whole request head.
    Reading,
    /// A worker is answering.
    Working,
    /// Writing a response.
    Writing(Outgoing),
    /// Written the last response; throwing away what the client still sends.
    Closing,
}

struct Conn {
    stream: TcpStream,
    /// Read and not yet parsed (a pipelined request may follow the one answered).
    input: Vec<u8>,
    state: State,
    /// When the current wait began: the head's deadline counts from it; for a response,
    /// the last time the client took some of it.
    since: Instant,
}

/// What happened on a connection.
enum Step {
    /// Waits for the socket.
    Wait,
    /// Ends it.
    Drop,
    /// A whole request head arrived.
    Request(Head),
    /// The request head cannot be read.
    Bad,
    /// The response is written.
    Written,
}

impl Conn {
    fn deadline(&self) -> Option<Instant> {
        match self.state {
            State::Reading => Some(self.since + REQUEST_TIMEOUT),
            State::Working => None,
            State::Writing(_) => Some(self.since + WRITE_TIMEOUT),
            State::Closing => Some(self.since + LINGER),
        }
    }

    fn read(&mut self) -> Step {
        let mut chunk = [0; 4096];
        loop {
            match parse(&self.input) {
                Ok(Some((head, used))) => {
                    self.input.drain(..used);
                    return Step::Request(head);
                }
                Ok(None) if self.input.len() <= MAX_HEAD => {}
                _ => return Step::Bad,
            }
            match self.stream.read(&mut chunk) {
                Ok(0) => return Step::Drop,
                Ok(n) => self.input.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Step::Wait,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return Step::Drop,
            }
        }
    }

    fn write(&mut self) -> Step {
        let Conn {
            stream, state, since, ..
        } = self;
        let State::Writing(out) = state else {
            return Step::Wait;
        };
        loop {
            if out.at < out.pending.len() {
                match stream.write(&out.pending[out.at..]) {
                    Ok(0) => return Step::Drop,
                    Ok(n) => {
                        out.at += n;
                        *since = Instant::now();
                    }
                    Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Step::Wait,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(_) => return Step::Drop,
                }
            } else if out.left > 0 {
                let want = usize::try_from(out.left).map_or(CHUNK, |left| left.min(CHUNK));
                out.pending.resize(want, 0);
                out.at = 0;
                match out.body.read(&mut out.pending) {
                    // The body is shorter than its length said: the client cannot be told.
                    Ok(0) => return Step::Drop,
                    Ok(n) => {
                        out.pending.truncate(n);
                        out.left -= n as u64;
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => out.pending.clear(),
                    Err(_) => return Step::Drop,
                }
            } else {
                return Step::Written;
            }
        }
    }

    fn drain(&mut self) -> Step {
        let mut chunk = [0; 4096];
        loop {
            match self.stream.read(&mut chunk) {
                Ok(0) => return Step::Drop,
                Ok(_) => {}
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Step::Wait,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return Step::Drop,
            }
        }
    }
}

/// The request head at the start of `input` and its length; `None` while incomplete.
fn parse(input: &[u8]) -> Result<Option<(Head, usize)>, ()> {
    let mut slots = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut slots);
    let used = match request.parse(input) {
        Ok(httparse::Status::Complete(used)) => used,
        Ok(httparse::Status::Partial) => return Ok(None),
        Err(_) => return Err(()),
    };
    let method: Method = request.method.ok_or(())?.parse()?;
    let url = request.path.ok_or(())?.to_string();
    let minor = request.version.ok_or(())?;
    let headers = request
        .headers
        .iter()
        .map(|h| Header::from_bytes(h.name.as_bytes(), h.value))
        .collect::<Result<Vec<_>, ()>>()?;
    let has_body = headers.iter().any(|h| {
        h.field.equiv("Transfer-Encoding") || (h.field.equiv("Content-Length") && h.value.as_str().trim() != "0")
    });
    let asks_to_close = headers.iter().any(|h| {
        h.field.equiv("Connection")
            && h.value
                .as_str()
                .split(',')
                .any(|t| t.trim().eq_ignore_ascii_case("close"))
    });
    let head = Head {
        method,
        url,
        version: HTTPVersion(1, minor),
        headers,
        close: minor == 0 || has_body || asks_to_close,
    };
    Ok(Some((head, used)))
}

/// The loop's state.
struct Connections {
    poll: Poll,
    listener: TcpListener,
    messages: Receiver<Message>,
    jobs: Sender<Request>,
    back: Back,
    open: HashMap<usize, Conn>,
    next_id: usize,
}

/// Answers connections to `listener` with `handle`, called on one of `workers` threads;
/// the connections' thread and the workers run until the process ends.
pub(crate) fn start(
    listener: StdListener,
    workers: usize,
    handle: impl Fn(Request) + Send + Sync + 'static,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let poll = Poll::new()?;
    poll.registry().register(&mut listener, LISTENER, Interest::READABLE)?;
    let waker = Arc::new(Waker::new(poll.registry(), WAKER)?);
    let (tx, messages) = mpsc::channel();
    // Unbounded, yet never longer than `MAX_CONNECTIONS`: a connection has at most one
    // request with the workers.
    let (jobs, queue) = mpsc::channel::<Request>();
    let queue = Arc::new(Mutex::new(queue));
    let handle = Arc::new(handle);
    for n in 0..workers {
        let queue = Arc::clone(&queue);
        let handle = Arc::clone(&handle);
        std::thread::Builder::new()
            .name(format!("mentorlog-http-{n}"))
            .spawn(move || {
                loop {
                    let next = queue.lock().unwrap_or_else(PoisonError::into_inner).recv();
                    match next {
                        Ok(request) => handle(request),
                        Err(_) => return,
                    }
                }
            })?;
    }
    let connections = Connections {
        poll,
        listener,
        messages,
        jobs,
        back: Back { tx, waker },
        open: HashMap::new(),
        next_id: FIRST_ID,
    };
    std::thread::Builder::new()
        .name("mentorlog-connections".into())
        .spawn(move || connections.run())?;
    Ok(())
}

impl Connections {
    fn run(mut self) {
        let mut events = Events::with_capacity(256);
        loop {
            let timeout = self
                .open
                .values()
                .filter_map(Conn::deadline)
                .min()
                .map(|at| at.saturating_duration_since(Instant::now()));
            if let Err(e) = self.poll.poll(&mut events, timeout) {
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return;
            }
            for event in &events {
                match event.token() {
                    LISTENER => self.accept(),
                    WAKER => {}
                    Token(id) => self.progress(id),
                }
            }
            while let Ok(message) = self.messages.try_recv() {
                self.message(message);
            }
            self.expire();
        }
    }

    fn accept(&mut self) {
        loop {
            match self.listener.accept() {
                Ok((stream, _)) => self.admit(stream),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return,
                Err(e) if matches!(e.kind(), io::ErrorKind::Interrupted | io::ErrorKind::ConnectionAborted) => {}
                // Out of file descriptors, most likely: make room, or give up until the
                // next connection arrives.
                Err(_) => {
                    if !self.evict() {
                        return;
                    }
                }
            }
        }
    }

    fn admit(&mut self, mut stream: TcpStream) {
        // When every open connection has a request with the workers, the newcomer waits
        // for none of them: it is closed, and the bound holds.
        if self.open.len() >= MAX_CONNECTIONS && !self.evict() {
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        let interest = Interest::READABLE | Interest::WRITABLE;
        if self.poll.registry().register(&mut stream, Token(id), interest).is_err() {
            return;
        }
        let _ = stream.set_nodelay(true);
        self.open.insert(
            id,
            Conn {
                stream,
                input: Vec::new(),
                state: State::Reading,
                since: Instant::now(),
            },
        );
        self.progress(id);
    }

    /// Closes the connection that has waited longest without progress (not one a worker
    /// is answering); false when there is none.
    fn evict(&mut self) -> bool {
        let oldest = self
            .open
            .iter()
            .filter(|(_, c)| !matches!(c.state, State::Working))
            .min_by_key(|(_, c)| c.since)
            .map(|(id, _)| *id);
        oldest.is_some_and(|id| self.close(id))
    }

    fn close(&mut self, id: usize) -> bool {
        match self.open.remove(&id) {
            Some(mut conn) => {
                let _ = self.poll.registry().deregister(&mut conn.stream);
                true
            }
            None => false,
        }
    }

    /// Moves connection `id` on as far as its socket allows.
    fn progress(&mut self, id: usize) {
        loop {
            let Some(conn) = self.open.get_mut(&id) else {
                return;
            };
            let step = match conn.state {
                State::Reading => conn.read(),
                State::Working => return,
                State::Writing(_) => conn.write(),
                State::Closing => conn.drain(),
            };
            match step {
                Step::Wait => return,
                Step::Drop => {
                    self.close(id);
                    return;
                }
                Step::Request(head) => {
                    conn.state = State::Working;
                    let request = Request {
                        id,
                        head,
                        back: self.back.clone(),
                    };
                    if self.jobs.send(request).is_err() {
                        self.close(id);
                    }
                    return;
                }
                Step::Bad => {
                    let Some(out) = bad_request() else {
                        self.close(id);
                        return;
                    };
                    conn.state = State::Writing(out);
                    conn.since = Instant::now();
                }
                Step::Written => {
                    let close = matches!(&conn.state, State::Writing(out) if out.close);
                    conn.since = Instant::now();
                    if close {
                        let _ = conn.stream.shutdown(Shutdown::Write);
                        conn.state = State::Closing;
                    } else {
                        conn.state = State::Reading;
                    }
                }
            }
        }
    }

    fn message(&mut self, message: Message) {
        match message {
            Message::Respond { id, out } => {
                if let Some(conn) = self.open.get_mut(&id) {
                    conn.state = State::Writing(out);
                    conn.since = Instant::now();
                    self.progress(id);
                }
            }
            Message::HandOver { id, reply } => {
                let stream = self.open.remove(&id).map(|mut conn| {
                    let _ = self.poll.registry().deregister(&mut conn.stream);
                    StdStream::from(conn.stream)
                });
                let _ = reply.send(stream);
            }
        }
    }

    /// Closes the connections whose wait is over.
    fn expire(&mut self) {
        let now = Instant::now();
        let over: Vec<usize> = self
            .open
            .iter()
            .filter(|(_, c)| c.deadline().is_some_and(|at| at <= now))
            .map(|(id, _)| *id)
            .collect();
        for id in over {
            self.close(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_are_parsed_whole_or_not_at_all() {
        let full = b"GET /a.html HTTP/1.1\r\nHost: x\r\nhost: y\r\n\r\nGET /b";
        let Ok(Some((head, used))) = parse(full) else {
            panic!("a whole head");
        };
        assert_eq!(
            (head.url.as_str(), used, head.close),
            ("/a.html", full.len() - 6, false)
        );
        assert_eq!(head.headers.len(), 2);
        assert!(matches!(parse(b"GET /a.html HTTP/1.1\r\nHost:"), Ok(None)));
        assert!(parse(b"\x00\x01 nonsense\r\n\r\n").is_err());
        let post = b"POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello";
        assert!(matches!(parse(post), Ok(Some((Head { close: true, .. }, _)))));
        let old = b"GET / HTTP/1.0\r\n\r\n";
        assert!(matches!(parse(old), Ok(Some((Head { close: true, .. }, _)))));
    }

    /// A connection to a loop whose one worker answers with the request target.
    fn echo() -> Option<StdStream> {
        let listener = StdListener::bind("127.0.0.1:0").ok()?;
        let addr = listener.local_addr().ok()?;
        start(listener, 1, |request: Request| {
            let target = request.url().to_string();
            let _ = request.respond(Response::from_string(target));
        })
        .ok()?;
        let stream = StdStream::connect(addr).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
        Some(stream)
    }

    fn exchange(request: &[u8]) -> String {
        let mut stream = echo().unwrap_or_else(|| panic!("a server"));
        let mut raw = Vec::new();
        let done = stream.write_all(request).and_then(|()| stream.read_to_end(&mut raw));
        assert!(done.is_ok(), "{done:?}");
        String::from_utf8_lossy(&raw).into_owned()
    }

    #[test]
    fn pipelined_requests_are_answered_in_order_on_one_connection() {
        let replies =
            exchange(b"GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        let one = replies.find("\r\n\r\n/one").unwrap_or(usize::MAX);
        let two = replies.find("\r\n\r\n/two").unwrap_or(0);
        assert!(one < two, "{replies}");
        assert_eq!(replies.matches("HTTP/1.1 200 OK\r\n").count(), 2, "{replies}");
        assert_eq!(replies.matches("Connection: close").count(), 1, "{replies}");
    }

    #[test]
    fn a_request_that_is_not_http_gets_400_with_the_safety_headers_and_the_end() {
        let reply = exchange(b"\x16\x03\x01 not http\r\n\r\n");
        assert!(reply.starts_with("HTTP/1.1 400 "), "{reply}");
        assert!(reply.contains("\r\nX-Content-Type-Options: nosniff\r\n"), "{reply}");
        let endless = [b"GET / HTTP/1.1\r\nX: ".as_slice(), &vec![b'a'; MAX_HEAD + 1]].concat();
        assert!(exchange(&endless).starts_with("HTTP/1.1 400 "));
    }

    #[test]
    fn a_response_has_its_length_and_no_chunks() {
        let response = Response::from_data(vec![7; 100_000]);
        let Ok(out) = outgoing(response, &HTTPVersion(1, 1), false, true) else {
            panic!("a response");
        };
        let head = String::from_utf8_lossy(&out.pending);
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head}");
        assert!(head.contains("\r\nContent-Length: 100000\r\n"), "{head}");
        assert!(head.contains("\r\nConnection: close\r\n"), "{head}");
        assert!(!head.contains("chunked"), "{head}");
        assert_eq!(out.left, 100_000);
        let head_only = outgoing(Response::from_data(vec![7; 10]), &HTTPVersion(1, 1), true, false);
        assert!(head_only.is_ok_and(|out| out.left == 0));
    }
}
