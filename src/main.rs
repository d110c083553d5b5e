//! The `cairn` command line, a thin front end over the `cairn` library:
//! parsing in `cli::commands`, one module per subcommand, text rendering in
//! `cli::render`.

mod cli;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    let matches = cli::commands::Cli::command().get_matches();
    let args = cli::commands::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    cli::json::set_command(command_path(&matches));
    let json = wants_json();
    match cli::execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            let report = cli::failure::ErrorReport::new(&e);
            if json && !cli::failure::already_reported(&e) {
                // A script that asked for JSON gets JSON on failure too.
                if let Ok(text) = cli::json::document(&report) {
                    println!("{text}");
                }
            }
            ExitCode::from(report.error.kind.exit_code())
        }
    }
}

/// Whether the command line asked for `--json` (every command spells it so;
/// clap has already accepted the arguments, and anything after `--` is a
/// value, not a flag).
fn wants_json() -> bool {
    std::env::args_os().skip(1).take_while(|a| a != "--").any(|a| a == "--json")
}

/// The subcommand names the user typed, space-separated (`registry deploy`):
/// what every JSON document calls its command.
fn command_path(matches: &clap::ArgMatches) -> String {
    let mut names = Vec::new();
    let mut m = matches;
    while let Some((name, sub)) = m.subcommand() {
        names.push(name);
        m = sub;
    }
    names.join(" ")
}
