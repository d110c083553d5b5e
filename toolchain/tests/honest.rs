//! Honest executions satisfy every constraint and assertion, prove and verify
//! (cairo-air.md §6.1, the programs reachable with output + range_check).

mod support;

use cairn_prover::checker;
use cairn_prover::field::Felt;
use cairn_prover::proof::{self, Params, DEFAULT_SECURITY_BITS};
use cairn_prover::public_input::{Builtin, Segment};

fn fib(n: u64) -> Felt {
    let (mut a, mut b) = (Felt::ZERO, Felt::ONE);
    for _ in 0..n {
        (a, b) = (b, a + b);
    }
    a
}

fn rand() -> [Felt; 3] {
    [Felt::from_u64(0x1234_5678_9abc), Felt::from_u64(0xdead_beef_f00d), Felt::from_u64(0x0bad_cafe_1234)]
}

/// The public memory cairo-vm reports must be part of ours (ours adds the
/// builtin pointer cells it leaves out), and the segments must agree.
fn agrees_with_cairo_vm(t: &cairn_prover::trace::CairoTrace, run: &cairn_cairo::CairoRun) {
    let ours: std::collections::BTreeMap<u64, Felt> = t.public_input.public_memory().into_iter().collect();
    let theirs = run.public_input["public_memory"].as_array().expect("public memory");
    assert!(!theirs.is_empty());
    for cell in theirs {
        let a = cell["address"].as_u64().expect("address");
        let v = Felt::from_hex(cell["value"].as_str().expect("value")).expect("hex");
        assert_eq!(ours.get(&a), Some(&v), "cairo-vm's public cell {a} is not in ours");
    }
    let seg = |name: &str| {
        let s = &run.public_input["memory_segments"][name];
        Segment { begin: s["begin_addr"].as_u64().unwrap(), stop: s["stop_ptr"].as_u64().unwrap() }
    };
    assert_eq!(t.public_input.output_segment, seg("output"));
    assert_eq!(t.public_input.ap_init, seg("execution").begin);
    assert_eq!(t.public_input.ap_final, seg("execution").stop);
    assert_eq!(t.public_input.pc_final, seg("program").stop);
}

#[test]
fn fibonacci_without_range_check_proves_and_verifies() {
    let p = support::compile("fib", support::FIB);
    // deep recursion: 90 nested calls and returns
    let (t, run) = support::trace(&p, &[90]);
    assert_eq!(t.public_input.builtins, vec![Builtin::Output]);
    assert_eq!(t.public_input.window, Segment { begin: 1, stop: 2 }, "no range_check: the window is program word 1");
    assert_eq!(t.public_input.output, vec![Felt::from_u64(2), fib(90), Felt::from_u64(90)]);
    agrees_with_cairo_vm(&t, &run);
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");

    let (bytes, header) =
        proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    assert!(header.security_bits >= DEFAULT_SECURITY_BITS, "{} bits", header.security_bits);
    let params = Params::for_security(DEFAULT_SECURITY_BITS);
    assert_eq!(
        header.security_bits,
        proof::conjectured_bits(params.num_queries, params.blowup_factor, params.grinding_factor),
        "our estimate, used to choose options, is Winterfell's"
    );
    let v = proof::verify(&bytes, Some(&Felt::from_starknet(&p.program_hash)), DEFAULT_SECURITY_BITS).expect("verify");
    assert_eq!(v.output, vec![Felt::from_u64(2), fib(90), Felt::from_u64(90)]);
    assert_eq!(v.program_hash, Felt::from_starknet(&p.program_hash), "the proof's hash is the compiler's");
    assert_eq!(v.security_bits, header.security_bits);
}

#[test]
fn integer_arithmetic_with_range_checks_proves_and_verifies() {
    let p = support::compile("integers", support::INTEGERS);
    let xs = [3u64, 1_000_000, 77, 0, 65_535, 4_294_967_296];
    let (t, run) = support::trace(&p, &xs);
    assert_eq!(t.public_input.builtins, vec![Builtin::Output, Builtin::RangeCheck]);
    let rc = t.public_input.range_check_segment.expect("range_check segment");
    assert!(rc.stop > rc.begin, "the program used range checks");
    let w = t.public_input.window;
    assert!(w.begin == rc.begin && w.stop >= rc.stop, "the window {w:?} starts with the segment {rc:?}");
    let sum_sq: u128 = xs.iter().map(|&x| (x as u128) * (x as u128)).sum();
    let q: u64 = xs.iter().map(|x| x / 7).sum();
    let r: u64 = xs.iter().map(|x| x % 7).sum();
    let want = vec![
        Felt::from_u64(4),
        Felt::from_u128(sum_sq),
        Felt::from_u64(q),
        Felt::from_u64(r),
        Felt::from_u64(*xs.iter().max().unwrap()),
    ];
    assert_eq!(t.public_input.output, want);
    agrees_with_cairo_vm(&t, &run);
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");

    let (bytes, _) =
        proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    let v = proof::verify(&bytes, None, DEFAULT_SECURITY_BITS).expect("verify");
    assert_eq!(v.output, want);
}

#[test]
fn range_check_values_across_the_whole_16_bit_range() {
    // Limbs spread over [0, 2^16): the trace length is driven by the
    // range-check pool, not by the steps (cairo-air.md §2.8).
    let p = support::compile("integers", support::INTEGERS);
    let xs: Vec<u64> = (0..40u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32).collect();
    let (t, _) = support::trace(&p, &xs);
    assert!(t.steps < t.len() / 4, "{} steps in {} rows", t.steps, t.len());
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");
}

#[test]
fn range_check_gaps_are_filled_by_window_cells_above_the_segment() {
    // The same run as above. As cairo-vm lays it out, only the NUM_RCH
    // fillers per row supply the missing 16-bit values; with room reserved
    // above the range_check segment, extra window cells supply eight each and
    // the trace is shorter (cairo-air.md §2.8's floor, lowered).
    let p = support::compile("integers", support::INTEGERS);
    let xs: Vec<u64> = (0..40u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32).collect();
    let (plain, _) = support::trace(&p, &xs);
    let (t, run) = support::trace_with_room(&p, &xs);
    assert!(t.len() < plain.len(), "{} rows with room, {} without", t.len(), plain.len());
    assert_eq!(t.steps, plain.steps, "the same run");
    assert_eq!(t.public_input.output, plain.public_input.output);
    let rc = t.public_input.range_check_segment.expect("range_check segment");
    assert_eq!(rc, plain.public_input.range_check_segment.unwrap(), "the segment itself does not move");
    let w = t.public_input.window;
    assert!(w.begin == rc.begin && w.stop > rc.stop, "the window {w:?} grew above the segment {rc:?}");
    assert!(t.row_needs.range_check_window <= t.len());
    agrees_with_cairo_vm(&t, &run);
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");
    let want = t.public_input.output.clone();
    let (bytes, _) =
        proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    let v = proof::verify(&bytes, None, DEFAULT_SECURITY_BITS).expect("verify");
    assert_eq!(v.output, want);
}

#[test]
fn the_trace_is_the_run_padded_with_the_final_loop() {
    let p = support::compile("fib", support::FIB);
    let (t, run) = support::trace(&p, &[5]);
    assert_eq!(t.steps, run.trace.len());
    assert!(t.len().is_power_of_two() && t.len() >= t.steps);
    for r in 0..t.steps {
        let e = &run.trace[r];
        assert_eq!(
            (t.columns[0][r], t.columns[1][r], t.columns[2][r]),
            (Felt::from_u64(e.pc as u64), Felt::from_u64(e.ap as u64), Felt::from_u64(e.fp as u64))
        );
    }
    let last = run.trace.last().unwrap();
    for r in t.steps..t.len() {
        assert_eq!(t.columns[0][r], Felt::from_u64(last.pc as u64), "padding repeats the final `jmp rel 0`");
    }
}

#[test]
fn range_check_declared_but_unused_proves() {
    // No input: the loop never runs, so no range check is made although the
    // program declares the builtin (its segment is empty: stop = begin).
    let p = support::compile("integers", support::INTEGERS);
    let (t, _) = support::trace(&p, &[]);
    assert_eq!(t.public_input.builtins, vec![Builtin::Output, Builtin::RangeCheck]);
    let rc = t.public_input.range_check_segment.expect("declared");
    assert_eq!(rc.stop, rc.begin, "no range check was used");
    assert_eq!(t.public_input.window, Segment { begin: rc.begin, stop: rc.begin + 1 }, "the window keeps one cell");
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");
    let (bytes, _) =
        proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    let v = proof::verify(&bytes, None, DEFAULT_SECURITY_BITS).expect("verify");
    assert_eq!(v.output, vec![Felt::from_u64(4), Felt::ZERO, Felt::ZERO, Felt::ZERO, Felt::ZERO]);
}

/// Felt252Dict (cairo-air.md §6.1 item 3): the executable entry code keeps
/// the dict's segment arena in plain memory, so the run needs only output and
/// range_check (the dict squash range-checks) and proves like any other.
#[test]
fn felt252_dict_programs_prove_and_verify() {
    const DICT: &str = r#"
use core::dict::Felt252Dict;

#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    let mut d: Felt252Dict<felt252> = Default::default();
    for x in input.span() {
        d.insert(*x, d.get(*x) + 1);
    }
    array![d.get(3), d.get(1), d.get(2)]
}
"#;
    let p = support::compile("dict", DICT);
    let (t, _) = support::trace(&p, &[3, 1, 3, 3]);
    assert_eq!(t.public_input.builtins, vec![Builtin::Output, Builtin::RangeCheck]);
    let want = vec![Felt::from_u64(3), Felt::from_u64(3), Felt::ONE, Felt::ZERO];
    assert_eq!(t.public_input.output, want);
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");
    let (bytes, _) =
        proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    let v = proof::verify(&bytes, Some(&Felt::from_starknet(&p.program_hash)), DEFAULT_SECURITY_BITS).expect("verify");
    assert_eq!(v.output, want);
}

/// Pedersen hashing needs the pedersen builtin, which the AIR does not have:
/// the adapter refuses the run before any proving work, naming the builtin.
#[test]
fn programs_with_other_builtins_are_refused_before_proving() {
    const PEDERSEN: &str = r#"
#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    array![core::pedersen::pedersen(*input.at(0), *input.at(1))]
}
"#;
    let p = support::compile("pedersen", PEDERSEN);
    let args: Vec<cairn_cairo::Felt> = [12u64, 10].iter().map(|&a| a.into()).collect();
    let run = cairn_cairo::vm::run(&p.executable, &args, cairn_cairo::vm::RunMode::Proof).expect("run");
    assert_eq!(run.output.len(), 2, "the run itself is fine");
    let err = cairn_cairo::adapter::execution_input(&p, &run).expect_err("pedersen is not provable");
    assert!(err.to_string().contains("the pedersen builtin"), "{err}");

    // A builtin the VM layout lacks is refused by the runtime, by name.
    const BITWISE: &str = r#"
#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    let a: u128 = (*input.at(0)).try_into().unwrap();
    array![(a & 10).into()]
}
"#;
    let p = support::compile("bitwise", BITWISE);
    let err = cairn_cairo::vm::run(&p.executable, &args, cairn_cairo::vm::RunMode::Proof)
        .expect_err("no bitwise in layout small");
    assert!(err.to_string().contains("the bitwise builtin"), "{err}");
}

/// A panicking `main` has no successful run to prove: the VM run itself fails
/// with the panic, so nothing reaches the prover (the executable entry code
/// does not write a panic flag to the output).
#[test]
fn a_panicking_main_fails_before_proving() {
    const PANICS: &str = r#"
#[executable]
fn main(input: Array<felt252>) -> Array<felt252> {
    let x: u64 = (*input.at(0)).try_into().unwrap();
    assert(x < 10, 'too big');
    array![x.into()]
}
"#;
    let p = support::compile("panics", PANICS);
    let run = cairn_cairo::vm::run(&p.executable, &[99u64.into()], cairn_cairo::vm::RunMode::Proof);
    assert!(matches!(run, Err(cairn_cairo::CairoError::Panic(_))), "{run:?}");
    // The same program proves when it does not panic.
    let (t, _) = support::trace(&p, &[7]);
    checker::check(&t.columns, &t.public_input, rand()).expect("an honest trace satisfies the AIR");
    assert_eq!(t.public_input.output, vec![Felt::ONE, Felt::from_u64(7)]);
}
