//! Who may read the served site: the pair's own browser, asking for the address `serve`
//! listens on, and nobody else.
//!
//! On 127.0.0.1 the site holds private notes and drafts. Two kinds of web page the pair
//! visits in the same browser could read them without these checks:
//!
//! - any page, by including `search-index.js` with `<script src>` (a script that sets a
//!   global), or by loading pages in frames, images, fetches: browsers send
//!   `Sec-Fetch-Site` saying where the request comes from, and everything that is not a
//!   top-level navigation and does not come from the site itself (`same-origin`) or the
//!   user (`none`) is refused. A page on another port of 127.0.0.1 is `same-site`, and is
//!   refused too. Every response also carries `Cross-Origin-Resource-Policy: same-origin`,
//!   so a browser that sends no `Sec-Fetch-*` still withholds it from other origins;
//! - a page of a domain the attacker points at 127.0.0.1 (DNS rebinding): its requests
//!   carry that domain in `Host`, and only the names of the address listened on are
//!   answered.
//!
//! A request without exactly one `Host` (HTTP/1.0 without one included) is refused: when
//! unsure, refuse. `localhost.` (with a trailing dot) is a name DNS resolves, not the
//! loopback name, and is refused too. Must not read files.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Headers on every response, refused ones and the events stream included.
pub(crate) const SAFETY_HEADERS: &[(&str, &str)] = &[
    // Every reload shows the newest build, stylesheet included.
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    // Other websites' pages cannot embed or read what serve answers (see `Guard`).
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),
];

/// Why a request is not answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// `Host` is missing, repeated, or not a name of the address listened on: 421.
    WrongHost,
    /// Another website's page asked (a script, frame, fetch, events stream): 403.
    OtherSite,
}

impl Refusal {
    /// The status code.
    pub(crate) fn status(self) -> u16 {
        match self {
            Refusal::WrongHost => 421,
            Refusal::OtherSite => 403,
        }
    }

    /// The whole body: a short plain text, nothing of the site.
    pub(crate) fn body(self) -> &'static [u8] {
        match self {
            Refusal::WrongHost => {
                b"mentorlog serve answers only requests for the address it listens on (see its terminal for the URL)\n"
            }
            Refusal::OtherSite => b"mentorlog serve does not answer requests made by other websites\n",
        }
    }
}

/// The `Host` values (and so the origins) a server answers.
#[derive(Debug, Clone)]
pub(crate) struct Guard {
    /// Lower-case `host:port` values.
    hosts: BTreeSet<String>,
}

impl Guard {
    /// The names of `addr`: the address itself (`0.0.0.0:PORT` too: the served pages link
    /// to it); for a loopback address, the loopback names; for a wildcard one (`0.0.0.0`,
    /// `::`), those plus every address of the machine's interfaces and its host name; for
    /// any other address, that address and the host name. Always with the port.
    pub(crate) fn for_address(addr: SocketAddr) -> Guard {
        let ip = addr.ip().to_canonical();
        let mut ips = vec![addr.ip(), ip];
        let mut names = Vec::new();
        if ip.is_loopback() || ip.is_unspecified() {
            ips.extend([IpAddr::V4(Ipv4Addr::LOCALHOST), IpAddr::V6(Ipv6Addr::LOCALHOST)]);
            names.push("localhost".to_string());
        }
        if ip.is_unspecified() {
            // An interface list that cannot be read leaves the loopback names: refusing a
            // request is safe, answering a foreign name is not.
            if let Ok(interfaces) = if_addrs::get_if_addrs() {
                ips.extend(interfaces.iter().map(if_addrs::Interface::ip));
            }
        }
        if !ip.is_loopback() {
            names.extend(host_name());
        }
        Guard::new(&ips, &names, addr.port())
    }

    /// Answers `ips` and host `names` on `port`.
    pub(crate) fn new(ips: &[IpAddr], names: &[String], port: u16) -> Guard {
        let mut bare: Vec<String> = ips
            .iter()
            .map(|ip| match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            })
            .collect();
        bare.extend(names.iter().map(|n| n.to_ascii_lowercase()));
        let mut hosts = BTreeSet::new();
        for host in bare {
            if port == 80 {
                // A browser leaves the default port out of `Host`.
                hosts.insert(host.clone());
            }
            hosts.insert(format!("{host}:{port}"));
        }
        Guard { hosts }
    }

    /// The `host:port` values answered, sorted.
    pub(crate) fn hosts(&self) -> impl Iterator<Item = &str> {
        self.hosts.iter().map(String::as_str)
    }

    /// Decides whether a request with these `headers` (name, value) is answered.
    pub(crate) fn check<'a>(&self, headers: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<(), Refusal> {
        let mut host = Vec::new();
        let mut origin = Vec::new();
        let (mut site, mut mode, mut dest) = (Vec::new(), Vec::new(), Vec::new());
        for (name, value) in headers {
            let value = value.trim().to_ascii_lowercase();
            match name.to_ascii_lowercase().as_str() {
                "host" => host.push(value),
                "origin" => origin.push(value),
                "sec-fetch-site" => site.push(value),
                "sec-fetch-mode" => mode.push(value),
                "sec-fetch-dest" => dest.push(value),
                _ => {}
            }
        }
        // A browser sends each `Sec-Fetch-*` header once; with two, which one counts is
        // a guess (the last would let `cross-site` then `same-origin` through): refused.
        let once = |values: Vec<String>| match <[String; 1]>::try_from(values) {
            Ok([value]) => Ok(Some(value)),
            Err(values) if values.is_empty() => Ok(None),
            Err(_) => Err(Refusal::OtherSite),
        };
        let (site, mode, dest) = (once(site), once(mode), once(dest));
        match host.as_slice() {
            [name] if self.hosts.contains(name) => {}
            _ => return Err(Refusal::WrongHost),
        }
        // A page's own fetches and events stream send no `Origin` for a GET, or their own.
        let own_origin = |o: &String| o.strip_prefix("http://").is_some_and(|h| self.hosts.contains(h));
        if !origin.iter().all(own_origin) {
            return Err(Refusal::OtherSite);
        }
        let (site, mode, dest) = (site?, mode?, dest?);
        let navigation = mode.as_deref() == Some("navigate") && dest.as_deref() == Some("document");
        match site.as_deref() {
            None | Some("same-origin" | "none") => Ok(()),
            Some(_) if navigation => Ok(()),
            Some(_) => Err(Refusal::OtherSite),
        }
    }
}

/// The machine's host name, lower case, when it has a usable one.
fn host_name() -> Option<String> {
    let name = gethostname::gethostname().into_string().ok()?.to_ascii_lowercase();
    let usable = !name.is_empty()
        && name != "localhost"
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !name.ends_with('.');
    usable.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback(port: u16) -> Guard {
        Guard::for_address(SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port))
    }

    fn host(value: &str) -> Vec<(&str, &str)> {
        vec![("Host", value)]
    }

    #[test]
    fn loopback_answers_its_names_with_its_port_in_any_case() {
        let guard = loopback(1111);
        assert_eq!(
            guard.hosts().collect::<Vec<_>>(),
            ["127.0.0.1:1111", "[::1]:1111", "localhost:1111"]
        );
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost:1111",
            "[::1]:1111",
            " localhost:1111 ",
        ] {
            assert_eq!(guard.check(host(ok)), Ok(()), "{ok}");
        }
    }

    #[test]
    fn other_names_ports_and_missing_hosts_are_refused() {
        let guard = loopback(1111);
        for bad in [
            "evil.example:1111",
            "evil.example",
            "localhost",
            "127.0.0.1",
            "localhost:1112",
            "127.0.0.1:11110",
            "localhost.:1111",
            "127.0.0.1.:1111",
            "localhost:1111.",
            "0.0.0.0:1111",
            "127.1:1111",
            "[::ffff:127.0.0.1]:1111",
            "user@localhost:1111",
            "",
        ] {
            assert_eq!(guard.check(host(bad)), Err(Refusal::WrongHost), "{bad}");
        }
        assert_eq!(guard.check([]), Err(Refusal::WrongHost), "no Host at all");
        assert_eq!(
            guard.check([("Host", "localhost:1111"), ("host", "localhost:1111")]),
            Err(Refusal::WrongHost),
            "two Host headers"
        );
    }

    #[test]
    fn requests_from_other_sites_are_refused_unless_they_are_top_level_navigations() {
        let guard = loopback(1111);
        let with = |extra: &[(&'static str, &'static str)]| {
            let mut headers = vec![("Host", "127.0.0.1:1111")];
            headers.extend_from_slice(extra);
            guard.check(headers)
        };
        for site in ["same-origin", "none", "Same-Origin"] {
            assert_eq!(with(&[("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "no-cors")]), Ok(()));
        }
        for site in ["same-site", "cross-site", "bogus", ""] {
            for (mode, dest) in [
                ("no-cors", "script"),
                ("cors", "empty"),
                ("no-cors", "image"),
                ("navigate", "iframe"),
                ("navigate", "frame"),
                ("no-cors", "document"),
            ] {
                assert_eq!(
                    with(&[
                        ("Sec-Fetch-Site", site),
                        ("Sec-Fetch-Mode", mode),
                        ("Sec-Fetch-Dest", dest)
                    ]),
                    Err(Refusal::OtherSite),
                    "{site} {mode} {dest}"
                );
            }
            assert_eq!(with(&[("Sec-Fetch-Site", site)]), Err(Refusal::OtherSite), "{site}");
            // A link from another site opens the page: the other site cannot read it.
            assert_eq!(
                with(&[
                    ("Sec-Fetch-Site", site),
                    ("Sec-Fetch-Mode", "navigate"),
                    ("Sec-Fetch-Dest", "document")
                ]),
                Ok(()),
                "{site}"
            );
        }
        // Each `Sec-Fetch-*` header twice, in either order: refused.
        for (name, first, second) in [
            ("Sec-Fetch-Site", "cross-site", "same-origin"),
            ("Sec-Fetch-Site", "same-origin", "same-origin"),
            ("Sec-Fetch-Mode", "no-cors", "navigate"),
            ("Sec-Fetch-Dest", "iframe", "document"),
        ] {
            let mut headers = vec![
                ("Sec-Fetch-Site", "cross-site"),
                ("Sec-Fetch-Mode", "navigate"),
                ("Sec-Fetch-Dest", "document"),
            ];
            headers.retain(|(n, _)| *n != name);
            headers.extend([(name, first), (name, second)]);
            assert_eq!(with(&headers), Err(Refusal::OtherSite), "{name}: {first}, {second}");
        }
        assert_eq!(with(&[("Origin", "http://127.0.0.1:1111")]), Ok(()));
        assert_eq!(with(&[("Origin", "http://LOCALHOST:1111")]), Ok(()));
        for origin in [
            "http://127.0.0.1:2222",
            "http://evil.example",
            "null",
            "https://127.0.0.1:1111",
            "",
        ] {
            assert_eq!(with(&[("Origin", origin)]), Err(Refusal::OtherSite), "{origin}");
        }
    }

    #[test]
    fn a_wildcard_address_answers_loopback_and_the_machines_addresses() {
        let guard = Guard::for_address(SocketAddr::new(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 8080));
        let hosts: Vec<&str> = guard.hosts().collect();
        for ok in ["127.0.0.1:8080", "localhost:8080", "[::1]:8080"] {
            assert!(hosts.contains(&ok), "{ok} in {hosts:?}");
        }
        assert!(hosts.contains(&"0.0.0.0:8080"), "the site's own links: {hosts:?}");
        if let Some(name) = host_name() {
            assert!(hosts.contains(&format!("{name}:8080").as_str()), "{hosts:?}");
        }
        assert_eq!(guard.check(host("evil.example:8080")), Err(Refusal::WrongHost));
    }

    #[test]
    fn another_address_answers_itself_and_no_loopback_name() {
        let ip: IpAddr = "192.0.2.7".parse().unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        let guard = Guard::for_address(SocketAddr::new(ip, 80));
        assert_eq!(guard.check(host("192.0.2.7")), Ok(()), "port 80 may be left out");
        assert_eq!(guard.check(host("192.0.2.7:80")), Ok(()));
        assert_eq!(guard.check(host("localhost:80")), Err(Refusal::WrongHost));
        let v6: IpAddr = "2001:db8::7".parse().unwrap_or(IpAddr::V6(Ipv6Addr::UNSPECIFIED));
        let guard = Guard::for_address(SocketAddr::new(v6, 1111));
        assert_eq!(guard.check(host("[2001:db8::7]:1111")), Ok(()));
        assert_eq!(guard.check(host("2001:db8::7:1111")), Err(Refusal::WrongHost));
    }
}
