//! The integration test binary: each module protects one behaviour a user would notice,
//! building the example journal or a tiny fixture journal and reading the pages as HTML.
//! `harness` holds the shared helpers (build to memory, fixture journals, the CLI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::disallowed_methods)]
// Expected output is written inline as `str![[r#"…"#]]` by snapbox (and rewritten by it
// with `SNAPSHOTS=overwrite`): the hashes are its format, needed or not.
#![allow(clippy::needless_raw_string_hashes)]

mod harness;

mod authoring;
mod autolinks;
mod bad_inputs;
mod cli;
mod commitments;
mod compat;
mod conformance;
mod corpora;
mod diagnostics;
mod goals;
mod links;
mod no_data_loss;
mod output;
mod privacy;
mod program;
mod publishing;
mod raw_html;
mod safety;
mod serve;
mod session;
mod static_files;
mod timeline;
mod topics;
