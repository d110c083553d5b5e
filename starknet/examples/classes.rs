//! Developer tool: compile the contracts, print their hashes and, given a
//! directory, write `<Name>.contract_class.json` (Sierra),
//! `<Name>.compiled_contract_class.json` (CASM) and `<Name>.abi.json` (the ABI
//! string the class hash commits to) into it.
//!
//!     cargo run -p cairn-starknet --example classes -- [out dir]

use cairn_cairo::Toolchain;
use cairn_starknet::{compile_contracts, contracts_dir};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).map(std::path::PathBuf::from);
    let contracts = compile_contracts(&Toolchain::locate()?, &contracts_dir())?;
    for c in &contracts {
        println!("{}: class hash {:#x}, compiled class hash {:#x}", c.name, c.class_hash, c.compiled_class_hash);
        if let Some(dir) = &out {
            std::fs::create_dir_all(dir)?;
            std::fs::write(dir.join(format!("{}.contract_class.json", c.name)), c.sierra_json()?)?;
            std::fs::write(dir.join(format!("{}.compiled_contract_class.json", c.name)), c.casm_json()?)?;
            std::fs::write(dir.join(format!("{}.abi.json", c.name)), &c.abi_json)?;
        }
    }
    Ok(())
}
