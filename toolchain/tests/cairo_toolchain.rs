//! The embedded Cairo toolchain works end to end: compile an `#[executable]`
//! with our corelib, run it in proof mode, read outputs, trace, memory and the
//! AIR public input; a panic and a compile error are reported clearly.

use std::path::PathBuf;

use cairn_cairo::{vm, CairoError, Felt, Toolchain};

fn package(name: &str, source: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cairo-toolchain").join(name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("cairo_project.toml"),
        "[crate_roots]\nsmoke = \"src\"\n\n[config.global]\nedition = \"2024_07\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.cairo"), source).unwrap();
    dir
}

fn toolchain() -> Toolchain {
    Toolchain::locate().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn compile_and_run_in_proof_mode() {
    let dir = package(
        "ok",
        "#[executable]\nfn main(input: Array<felt252>) -> Array<felt252> {\n    \
         let x: u128 = (*input[0]).try_into().unwrap();\n    \
         array![input.len().into(), (x * 3).into(), -1]\n}\n",
    );
    let program = toolchain().compile_executable(&dir).unwrap_or_else(|e| panic!("{e}"));
    assert!(!program.bytecode.is_empty());
    let run = vm::run_proof_mode(&program.executable, &[Felt::from(7u8), Felt::from(9u8)]).unwrap();
    eprintln!("output: {:?}", run.output);
    eprintln!("steps: {}, builtins: {:?}", run.steps, run.builtins);
    // The output segment holds the serialized result: [len, values...]
    assert_eq!(run.output, vec![Felt::from(3u8), Felt::from(2u8), Felt::from(21u8), -Felt::ONE]);
    assert_eq!(run.trace.len(), run.steps);
    assert!(run.steps > 10);
    // Unpadded: the last row is the single `jmp rel 0` at the program's end
    // (offset 4 of the standalone entry code, relocated to pc 5).
    assert_eq!(run.trace.last().unwrap().pc, 5, "ends at the final jmp rel 0");
    assert_eq!(run.public_input["memory_segments"]["program"]["stop_ptr"], 5);
    let segments = &run.public_input["memory_segments"];
    assert!(segments.get("output").is_some() && segments.get("range_check").is_some(), "{segments}");
    assert_eq!(run.public_input["layout"], "small");
}

#[test]
fn panics_and_compile_errors_are_reported() {
    let dir = package("panics", "#[executable]\nfn main(input: Array<felt252>) -> Array<felt252> {\n    assert(input.len() == 0, 'boom');\n    array![]\n}\n");
    let program = toolchain().compile_executable(&dir).unwrap();
    // A panic is unprovable: the entry code asserts the panic flag is clear,
    // so the VM run itself fails.
    match vm::run_proof_mode(&program.executable, &[Felt::ONE]) {
        Err(CairoError::Panic(msg)) => assert!(msg.contains("panicked"), "{msg}"),
        other => panic!("expected a failed run, got {:?}", other.map(|r| r.output)),
    }
    let dir =
        package("bad", "#[executable]\nfn main(input: Array<felt252>) -> Array<felt252> {\n    undefined_thing\n}\n");
    match toolchain().compile_executable(&dir) {
        Err(CairoError::Compile { diagnostics, .. }) => {
            assert!(diagnostics.contains("undefined_thing"), "{diagnostics}")
        }
        other => panic!("expected a compile error, got {:?}", other.map(|p| p.program_hash)),
    }
}

#[test]
fn missing_corelib_names_the_fix() {
    let err = Toolchain::with_corelib(&PathBuf::from("/nonexistent/corelib")).unwrap_err().to_string();
    assert!(err.contains("scripts/fetch-corelib.sh") && err.contains("CAIRN_CORELIB"), "{err}");
}
