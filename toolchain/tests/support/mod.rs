//! Small Cairo programs for the prover's tests, compiled with cairn's
//! toolchain and run in proof mode on cairo-vm.

#![allow(dead_code)]

pub mod tamper;

use std::path::PathBuf;

use cairn_cairo::adapter::execution_input;
use cairn_cairo::{vm, CompiledProgram, Felt, Toolchain};
use cairn_prover::trace::{build_trace, CairoTrace};

/// Felt arithmetic and recursion only: no range_check builtin. Returns
/// [fib(n), n] for input [n] (deep recursion: call/ret on every level).
pub const FIB: &str = r#"
#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    let mut input = input;
    let n = input.pop_front().unwrap();
    array![fib(0, 1, n), n]
}

fn fib(a: felt252, b: felt252, n: felt252) -> felt252 {
    if n == 0 {
        a
    } else {
        fib(b, a + b, n - 1)
    }
}
"#;

/// Checked u64/u128 arithmetic and division: uses the range_check builtin.
/// Returns [Σ x², Σ x div 7, Σ x mod 7, max] over the inputs.
pub const INTEGERS: &str = r#"
#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    let mut sum_sq: u128 = 0;
    let mut q: u64 = 0;
    let mut r: u64 = 0;
    let mut max: u64 = 0;
    for x in input.span() {
        let v: u64 = (*x).try_into().unwrap();
        let w: u128 = v.into();
        sum_sq += w * w;
        let (qq, rr) = DivRem::div_rem(v, 7);
        q += qq;
        r += rr;
        if v > max {
            max = v;
        }
    }
    array![sum_sq.into(), q.into(), r.into(), max.into()]
}
"#;

/// Compiles `source` as a one-file executable package.
pub fn compile(name: &str, source: &str) -> CompiledProgram {
    let dir = std::env::temp_dir().join(format!("cairn-prover-tests-{}", std::process::id())).join(name);
    std::fs::create_dir_all(dir.join("src")).expect("temp dir");
    std::fs::write(
        dir.join("cairo_project.toml"),
        format!("[crate_roots]\n{name} = \"src\"\n\n[config.global]\nedition = \"2024_07\"\n"),
    )
    .expect("write");
    std::fs::write(dir.join("src/lib.cairo"), source).expect("write");
    let tc = Toolchain::locate().unwrap_or_else(|e| panic!("{e}"));
    tc.compile_executable(&dir).unwrap_or_else(|e| panic!("{e}"))
}

/// Runs `program` in proof mode and builds the AIR trace.
pub fn trace(program: &CompiledProgram, args: &[u64]) -> (CairoTrace, vm::CairoRun) {
    let felts: Vec<Felt> = args.iter().map(|&a| Felt::from(a)).collect();
    let run = vm::run(&program.executable, &felts, vm::RunMode::Proof).unwrap_or_else(|e| panic!("{e}"));
    let input = execution_input(program, &run).unwrap_or_else(|e| panic!("{e}"));
    (build_trace(&input).unwrap_or_else(|e| panic!("{e}")), run)
}

/// Like [`trace`], with the room above the range_check segment that the
/// prover asks for (`adapter::run_for_proof`, as `cairn prove` runs).
pub fn trace_with_room(program: &CompiledProgram, args: &[u64]) -> (CairoTrace, vm::CairoRun) {
    let felts: Vec<Felt> = args.iter().map(|&a| Felt::from(a)).collect();
    let run = cairn_cairo::adapter::run_for_proof(program, &felts).unwrap_or_else(|e| panic!("{e}"));
    let input = execution_input(program, &run).unwrap_or_else(|e| panic!("{e}"));
    (build_trace(&input).unwrap_or_else(|e| panic!("{e}")), run)
}

pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cairn-prover-scratch-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d.join(name)
}
