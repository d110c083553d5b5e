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
fn agrees_with_cairo_vm(t: &cairn_prover::trace::CairoTrace, run: &cairn_runtime::cairo::CairoRun) {
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

    let (bytes, header) = proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
    assert!(header.security_bits >= DEFAULT_SECURITY_BITS, "{} bits", header.security_bits);
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
    assert_eq!(t.public_input.window, rc);
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

    let (bytes, _) = proof::prove(t, Params::for_security(DEFAULT_SECURITY_BITS), DEFAULT_SECURITY_BITS).expect("prove");
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
