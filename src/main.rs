//! The `cairn` command line, a thin front end over the `cairn` library:
//! parsing in `cli::commands`, one module per subcommand, text rendering in
//! `cli::render`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::commands::Cli::parse();
    match cli::execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
