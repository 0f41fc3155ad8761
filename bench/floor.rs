//! The benchmark's floor: the least any generator must do. It reads every `*.md` under a
//! folder, renders each with pulldown-cmark (same options as mentorlog) and writes one
//! HTML file each, on `-j N` threads. mentorlog is compared against it.
//!
//! ```sh
//! cargo run --release --example bench_floor -- -j 2 /tmp/p10k /dev/shm/floor-out
//! ```
#![allow(clippy::disallowed_methods, clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::path::PathBuf;

use rayon::prelude::*;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut jobs = 0;
    if args.first().map(String::as_str) == Some("-j") {
        jobs = args[1].parse().unwrap();
        args.drain(..2);
    }
    let (input, output) = (PathBuf::from(&args[0]), PathBuf::from(&args[1]));
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build_global()
        .unwrap();
    let notes: Vec<PathBuf> = walkdir::WalkDir::new(&input)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    let options = pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_TASKLISTS;
    notes.par_iter().for_each(|path| {
        let text = std::fs::read_to_string(path).unwrap();
        let mut html = String::with_capacity(text.len() * 2);
        html.push_str("<!doctype html><html><body>");
        pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(&text, options));
        html.push_str("</body></html>");
        let rel = path.strip_prefix(&input).unwrap().with_extension("html");
        let target = output.join(rel);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, html).unwrap();
    });
    eprintln!("floor: {} notes", notes.len());
}
