//! GFM's extended autolinks: bare `https://…`, `http://…`, `www.…` and email addresses in
//! a note's text become links, as GitHub makes them. The caller asks only for text outside
//! code, links and raw HTML.

use std::ops::Range;

use linkify::{LinkFinder, LinkKind};

/// The autolinks of `text`, in order: where each is and the link it makes (`www.` gets
/// `http://`, an email address `mailto:`). Trailing punctuation and unbalanced closing
/// parentheses are not part of a link (the finder's rules, GFM's too), nor is an `&name`
/// that reads as an entity before a `;`.
pub(super) fn find(text: &str) -> Vec<(Range<usize>, String)> {
    // Every autolink holds a `:` (a scheme), a `.` (`www.`) or an `@`: most texts have none.
    if !text.bytes().any(|b| matches!(b, b':' | b'@' | b'.')) {
        return Vec::new();
    }
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    let mut found: Vec<(Range<usize>, String)> = Vec::new();
    for link in finder.links(text) {
        if found.last().is_some_and(|(last, _)| link.start() < last.end) {
            continue;
        }
        let href = match link.kind() {
            LinkKind::Email => (link.start()..link.end(), format!("mailto:{}", link.as_str())),
            LinkKind::Url => {
                let url = link.as_str();
                let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
                let www = url.starts_with("www.");
                if !(lower.starts_with("http://") || lower.starts_with("https://") || www) {
                    continue;
                }
                let range = gfm_end(text, link.start(), link.end());
                let url = &text[range.clone()];
                (
                    range.clone(),
                    if www { format!("http://{url}") } else { url.to_string() },
                )
            }
            _ => continue,
        };
        found.push(href);
    }
    found
}

/// Where a URL autolink ends by GFM's rule, given where the finder ended it (its domain is
/// valid): at the next whitespace or `<`, less trailing `?!.,:*_~`, less closing
/// parentheses beyond the opening ones, less an `&name` that reads as an entity before a
/// `;` (and the `;`), repeated while any of them ends it. The finder alone would stop at
/// the first unbalanced `)`, where GFM counts only the ones at the end.
fn gfm_end(text: &str, start: usize, found_end: usize) -> Range<usize> {
    let rest = &text[found_end..];
    let mut end = found_end + rest.find(|c: char| c.is_whitespace() || c == '<').unwrap_or(rest.len());
    loop {
        let url = &text[start..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let unbalanced = last == ')' && url.matches(')').count() > url.matches('(').count();
        if unbalanced || matches!(last, '?' | '!' | '.' | ',' | ':' | '*' | '_' | '~') {
            end -= 1;
        } else if last == ';' {
            let name = url[..url.len() - 1].trim_end_matches(|c: char| c.is_ascii_alphanumeric());
            if name.len() + 1 < url.len() && name.ends_with('&') {
                end = start + name.len() - 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::find;

    fn links(text: &str) -> Vec<(&str, String)> {
        find(text).into_iter().map(|(r, href)| (&text[r], href)).collect()
    }

    #[test]
    fn finds_gfm_autolinks() {
        assert_eq!(
            links("see https://example.org/a, www.example.com. and sam@example.org!"),
            [
                ("https://example.org/a", "https://example.org/a".to_string()),
                ("www.example.com", "http://www.example.com".to_string()),
                ("sam@example.org", "mailto:sam@example.org".to_string()),
            ]
        );
        assert_eq!(
            links("(www.google.com/search?q=Markup+(business)))"),
            [(
                "www.google.com/search?q=Markup+(business)",
                "http://www.google.com/search?q=Markup+(business)".to_string()
            )]
        );
        assert_eq!(
            links("www.google.com/search?q=(business))+ok"),
            [(
                "www.google.com/search?q=(business))+ok",
                "http://www.google.com/search?q=(business))+ok".to_string()
            )]
        );
        assert_eq!(
            links("www.google.com/search?q=commonmark&hl;"),
            [(
                "www.google.com/search?q=commonmark",
                "http://www.google.com/search?q=commonmark".to_string()
            )]
        );
    }

    #[test]
    fn leaves_other_text() {
        assert!(links("example.com, ftp://example.org, a plain sentence.").is_empty());
    }
}
