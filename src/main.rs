//! The `cookie-charter` command line: a thin layer over the library's
//! [`cookie_charter::parse_policy_bytes`] and output types.
//!
//! This is the only place that ends the process: every module under `cli`
//! returns values, and `main` turns the outcome into an exit code
//! (0: every input parsed; 1: some input failed; 2: usage error).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(cli::run(std::env::args_os()))
}
