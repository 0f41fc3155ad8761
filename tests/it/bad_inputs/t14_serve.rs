//! The catalogue: Trust I: serve and other websites.

use crate::harness::Fixture;

/// A request for a name that is not the address `serve` listens on (DNS rebinding): 421,
/// and nothing of the site. The example is a foreign domain; then a trailing dot,
/// another port, and two `Host` headers.
#[test]
fn t14_serve_host_names_not_the_listened_address_are_refused() {
    let f = Fixture::new(&[(
        "sessions/2026-01-08-secret.md",
        "---\ndate: 2026-01-08\nprivate: true\n---\nCanary: t14 host\n",
    )]);
    let served = crate::serve::serve(f.path(), &[]);
    let port = served.port;
    let page = "/sessions/2026-01-08-secret.html";
    assert_eq!(
        crate::serve::get_as(port, page, &format!("localhost:{port}"), &[]).status,
        200
    );
    for head in [
        format!("GET {page} HTTP/1.1\r\nHost: rebind.example:{port}\r\nConnection: close"),
        format!("GET {page} HTTP/1.1\r\nHost: localhost.:{port}\r\nConnection: close"),
        format!(
            "GET {page} HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close",
            port.wrapping_add(1)
        ),
        format!("GET {page} HTTP/1.1\r\nHost: localhost:{port}\r\nHost: rebind.example\r\nConnection: close"),
        format!("GET {page} HTTP/1.0"),
    ] {
        let reply = crate::serve::raw(port, &head);
        assert_eq!(reply.status, 421, "{head:?}");
        assert!(!reply.body.contains("t14 host"), "{head:?}: {}", reply.body);
    }
}

/// A request another website's page makes: refused (403). The example is
/// `<script src>` of the search index from another port of 127.0.0.1 (`same-site`); then a
/// cross-site cors fetch, a frame, and the reload stream with a foreign `Origin`.
#[test]
fn t14_serve_requests_of_other_websites_are_refused() {
    let f = Fixture::new(&[(
        "sessions/2026-01-08-secret.md",
        "---\ndate: 2026-01-08\nprivate: true\n---\nCanary: t14 site\n",
    )]);
    let served = crate::serve::serve(f.path(), &[]);
    let port = served.port;
    let host = format!("127.0.0.1:{port}");
    for (target, headers) in [
        (
            "/search-index.js",
            [
                "Sec-Fetch-Site: same-site",
                "Sec-Fetch-Mode: no-cors",
                "Sec-Fetch-Dest: script",
            ],
        ),
        (
            "/journal.json",
            [
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
            ],
        ),
        (
            "/sessions/2026-01-08-secret.html",
            [
                "Sec-Fetch-Site: cross-site",
                "Sec-Fetch-Mode: navigate",
                "Sec-Fetch-Dest: iframe",
            ],
        ),
        (
            "/__mentorlog/events",
            [
                "Origin: http://127.0.0.1:1",
                "Sec-Fetch-Mode: cors",
                "Sec-Fetch-Dest: empty",
            ],
        ),
    ] {
        let reply = crate::serve::get_as(port, target, &host, &headers);
        assert_eq!(reply.status, 403, "{target} {headers:?}");
        assert!(!reply.body.contains("t14 site"), "{target}: {}", reply.body);
        let head = reply.head.to_ascii_lowercase();
        assert!(head.contains("cross-origin-resource-policy: same-origin"), "{head}");
        assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    }
}
