//! `cairn inspect`: the model's format, inputs and outputs, and every problem
//! that keeps cairn from running it (all at once, with their domains; the
//! exit status is non-zero when there is any).

use anyhow::Result;

use super::failure::AlreadyReported;
use cairn::transpiler::inspect::inspect_report;
use cairn::transpiler::load::load_model;

use super::commands::InspectArgs;
use super::render;

pub fn inspect(args: InspectArgs) -> Result<()> {
    let model = load_model(&args.model)?;
    let report = inspect_report(&args.model, model);
    if args.json {
        super::json::print(&report)?;
    } else {
        print!("{}", render::inspect_text(&report));
    }
    // The report is printed either way; the exit status says whether cairn
    // can run the model (scripts check it).
    if !report.supported {
        return Err(AlreadyReported(format!(
            "{}: cairn cannot run this model ({} problem(s))",
            args.model.display(),
            report.problems.len()
        ))
        .into());
    }
    Ok(())
}
