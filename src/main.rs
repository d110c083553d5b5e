//! The `cairn` command line. Parsing lives in `cli::commands`, one thin
//! function per subcommand in `cli::execute`, text rendering in `cli::render`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::commands::Cli::parse();
    match cli::execute::execute(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
