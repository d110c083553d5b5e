//! The `cairn` command line: parse the arguments (`commands`), call the
//! library, render. One module per command; `target` (a model or package,
//! its scale, samples and program), `reports`, `render`, `progress` and
//! `measure` are shared leaves, so no command module imports another.

mod bench;
pub mod commands;
pub mod failure;
mod inspect;
pub mod json;
mod measure;
mod output_file;
mod profile;
mod progress;
mod prove;
mod registry;
mod render;
mod reports;
mod run;
mod target;
mod transpile;
mod verify;

use anyhow::Result;

use commands::{Cli, Command};

pub fn execute(cli: Cli) -> Result<()> {
    progress::set_quiet(cli.quiet);
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Transpile(args) => transpile::transpile(args),
        Command::Inspect(args) => inspect::inspect(args),
        Command::Prove(args) => prove::prove(args),
        Command::Verify(args) => verify::verify(args),
        Command::Bench(args) => bench::bench(args),
        Command::Registry(args) => registry::registry(args),
    }
}
