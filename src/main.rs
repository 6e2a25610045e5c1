//! The `cookie-charter` command line (minimal until the CLI lands).

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let files: Vec<&String> = args
        .iter()
        .filter(|a| !a.starts_with('-') && *a != "parse" && *a != "json")
        .collect();
    let mut code = ExitCode::SUCCESS;
    for f in files {
        match std::fs::read(f) {
            Ok(bytes) => {
                let policy = cookie_charter::parse_policy_bytes(&bytes);
                println!("{}", serde_json::to_string(&policy).expect("serialisable"));
            }
            Err(e) => {
                eprintln!("cookie-charter: {f}: {e}");
                code = ExitCode::FAILURE;
            }
        }
    }
    code
}
