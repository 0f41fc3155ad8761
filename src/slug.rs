//! URL-safe names for path parts, topics, ids and journals, as PRODUCT.md defines them:
//! Unicode letters and digits kept and lower-cased, every other run of characters
//! becomes `-`, trimmed at both ends.

/// The URL-safe form of `text`; empty when `text` has no letters or digits.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// Heading anchors as git hosts make them: lower-case, spaces to `-`, punctuation dropped
/// (letters, digits, `-` and `_` kept). Repeats are numbered by the caller.
pub fn heading_id(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            out.extend(c.to_lowercase());
        } else if c == ' ' {
            out.push('-');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_unicode_letters_and_collapse_the_rest() {
        assert_eq!(slugify("  Roadmap & Sales!! "), "roadmap-sales");
        assert_eq!(slugify("Café Größe"), "café-größe");
        assert_eq!(slugify("2026-01-08 intro"), "2026-01-08-intro");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn heading_ids_follow_git_hosts() {
        assert_eq!(heading_id("What we talked about?"), "what-we-talked-about");
        assert_eq!(heading_id("Q2 — planning"), "q2--planning");
    }
}
