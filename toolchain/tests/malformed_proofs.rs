//! `verify` on hostile bytes (issue 11): every length field of the STARK
//! encoding pushed to values that used to crash the verifier, the values
//! Winterfell asserts on, and seeded random mutations of an honest proof.
//! None may panic (a panic hook counts them, even those `verify`'s last-resort
//! `catch_unwind` would swallow), abort, or allocate beyond the bytes given;
//! none may be accepted with a changed statement.

mod support;

use std::cell::Cell;
use std::sync::Once;

use cairn_prover::layout::MAIN_WIDTH;
use cairn_prover::proof::{self, Verified, VerifyError, DEFAULT_SECURITY_BITS, MAX_PROOF_BYTES};
use cairn_prover::public_input::{PublicInput, Segment};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestRunner};
use support::tamper::{edit_pi, fib, fib_proof, join, split};

/// An edit of the STARK bytes, or of the public input.
type StarkEdit<'a> = Box<dyn Fn(&mut Vec<u8>) + 'a>;
type PiEdit = Box<dyn Fn(&mut PublicInput)>;

thread_local! {
    static PANICS: Cell<usize> = const { Cell::new(0) };
}

/// Counts panics per thread; the default hook still prints them.
fn count_panics() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.with(|p| p.set(p.get() + 1));
            default(info);
        }));
    });
}

/// `verify` at the default level; fails the test if anything panicked.
fn verify_without_panic(bytes: &[u8], what: &str) -> Result<Verified, VerifyError> {
    count_panics();
    let before = PANICS.with(Cell::get);
    let r = proof::verify(bytes, None, DEFAULT_SECURITY_BITS);
    assert_eq!(PANICS.with(Cell::get), before, "{what}: verify panicked (caught or not)");
    r
}

fn assert_rejected(bytes: &[u8], what: &str) -> VerifyError {
    match verify_without_panic(bytes, what) {
        Ok(_) => panic!("{what}: accepted"),
        Err(e) => {
            eprintln!("{what}: {e}");
            e
        }
    }
}

/// Offsets of the STARK encoding's fields in an honest proof of this AIR
/// (winter-air 0.13.1's `Proof::write_into`).
struct Fields {
    log_trace_length: usize,
    modulus: usize,
    num_queries: usize,
    num_unique_queries: usize,
    /// The main trace queries' value length (a variable-length usize).
    main_values_len: usize,
    main_values_len_bytes: usize,
}

fn fields(stark: &[u8]) -> Fields {
    let vint_len = |b: u8| b.trailing_zeros() as usize + 1;
    let num_constraints = 49;
    let num_unique_queries = num_constraints + vint_len(stark[num_constraints]);
    let commitments_len = u16::from_le_bytes([stark[num_unique_queries + 1], stark[num_unique_queries + 2]]) as usize;
    let main_values_len = num_unique_queries + 3 + commitments_len;
    Fields {
        log_trace_length: 3,
        modulus: 7,
        num_queries: 39,
        num_unique_queries,
        main_values_len,
        main_values_len_bytes: vint_len(stark[main_values_len]),
    }
}

/// winter-utils' variable-length encoding of a usize.
fn vint(v: u64) -> Vec<u8> {
    let bits = 64 - v.leading_zeros().min(63) as usize;
    let len = bits.div_ceil(7).max(1);
    if len >= 9 {
        let mut out = vec![0u8];
        out.extend_from_slice(&v.to_le_bytes());
        return out;
    }
    (((v << 1) | 1) << (len - 1)).to_le_bytes()[..len].to_vec()
}

fn with_stark(bytes: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
    let (header, mut stark) = split(bytes);
    edit(&mut stark);
    join(&header, &stark)
}

#[test]
fn the_encoding_helpers_read_the_honest_proof() {
    let (_, stark) = split(fib_proof());
    let f = fields(&stark);
    assert_eq!(stark[f.log_trace_length] as usize, fib().len().ilog2() as usize);
    assert_eq!(stark[f.modulus - 1], 32);
    assert_eq!(stark[f.num_queries], proof::Params::for_security(DEFAULT_SECURITY_BITS).num_queries as u8);
    let unique = stark[f.num_unique_queries] as u64;
    let encoded = &stark[f.main_values_len..f.main_values_len + f.main_values_len_bytes];
    assert_eq!(
        encoded,
        vint(unique * MAIN_WIDTH as u64 * 32).as_slice(),
        "the main query values hold unique × MAIN_WIDTH elements"
    );
    for v in [0, 1, 127, 128, 1 << 20, 1 << 46, u64::MAX] {
        assert!(vint(v).len() <= 9);
    }
    verify_without_panic(fib_proof(), "the honest proof").expect("verifies");
}

#[test]
fn huge_length_fields_are_rejected_without_allocating() {
    let bytes = fib_proof();
    let (_, stark) = split(bytes);
    let f = fields(&stark);
    // The audit's crash: the first query's value length set to 2^46 (and
    // every other size a length field can encode).
    for len in [1u64 << 46, u32::MAX as u64, u64::MAX, 0] {
        let forged = with_stark(bytes, |s| {
            s.splice(f.main_values_len..f.main_values_len + f.main_values_len_bytes, vint(len));
        });
        assert!(matches!(assert_rejected(&forged, &format!("query length {len}")), VerifyError::Malformed(_)));
    }
    // Runs of 0xFF and 0x00 over every length field of the context and the
    // first queries.
    for at in [f.log_trace_length, f.modulus - 1, f.num_queries, f.num_unique_queries, f.main_values_len] {
        for byte in [0x00, 0xFF] {
            let forged = with_stark(bytes, |s| s[at..at + 9].fill(byte));
            assert_rejected(&forged, &format!("{byte:#04x} × 9 at {at}"));
        }
    }
}

#[test]
fn values_winterfell_asserts_on_are_rejected() {
    let bytes = fib_proof();
    let (_, stark) = split(bytes);
    let f = fields(&stark);
    let cases: Vec<(&str, StarkEdit)> = vec![
        ("0 queries in the options", Box::new(|s| s[f.num_queries] = 0)),
        ("blowup 0", Box::new(|s| s[f.num_queries + 1] = 0)),
        ("blowup 3", Box::new(|s| s[f.num_queries + 1] = 3)),
        ("folding factor 0", Box::new(|s| s[f.num_queries + 4] = 0)),
        ("remainder degree 30", Box::new(|s| s[f.num_queries + 5] = 30)),
        ("0 partitions", Box::new(|s| s[f.num_queries + 8] = 0)),
        ("trace length 2^255", Box::new(|s| s[f.log_trace_length] = 255)),
        ("trace length 2^63", Box::new(|s| s[f.log_trace_length] = 63)),
        ("an all-zero modulus", Box::new(|s| s[f.modulus..f.modulus + 32].fill(0))),
        ("an empty modulus", Box::new(|s| s[f.modulus - 1] = 0)),
        ("0 unique queries", Box::new(|s| s[f.num_unique_queries] = 0)),
        ("more unique queries than queries", Box::new(|s| s[f.num_unique_queries] = 255)),
        ("no auxiliary random elements", Box::new(|s| s[2] = 0)),
        ("a wider main trace", Box::new(|s| s[0] = 77)),
        (
            "2^255 FRI partitions (stored as log2)",
            Box::new(|s| {
                let at = s.len() - 9;
                s[at] = 255;
            }),
        ),
        (
            "the last byte dropped",
            Box::new(|s| {
                s.pop();
            }),
        ),
        ("a byte appended", Box::new(|s| s.push(0))),
        ("nothing after the options", Box::new(|s| s.truncate(f.num_queries + 10))),
    ];
    for (what, edit) in cases {
        assert_rejected(&with_stark(bytes, edit), what);
    }
    // The header's copy of the parameters, with 0 queries (Winterfell's
    // `ProofOptions::new` asserts on it).
    let (mut h, stark) = split(bytes);
    h["params"]["num_queries"] = serde_json::json!(0);
    assert_rejected(&join(&h, &stark), "0 queries in the header");
    h["params"]["num_queries"] = serde_json::json!(u64::MAX);
    assert_rejected(&join(&h, &stark), "2^64 - 1 queries in the header");
}

#[test]
fn addresses_near_the_integer_limits_are_rejected() {
    let bytes = fib_proof();
    let cases: Vec<(&str, PiEdit)> = vec![
        (
            "a range_check segment at u64::MAX (window_for overflowed)",
            Box::new(|pi| {
                pi.builtins.push(cairn_prover::public_input::Builtin::RangeCheck);
                pi.range_check_segment = Some(Segment { begin: u64::MAX, stop: u64::MAX });
                pi.window = Segment { begin: u64::MAX, stop: u64::MAX };
            }),
        ),
        ("ap_final = u64::MAX", Box::new(|pi| pi.ap_final = u64::MAX)),
        ("ap_init = u64::MAX", Box::new(|pi| pi.ap_init = u64::MAX)),
        ("ap_final = 0", Box::new(|pi| pi.ap_final = 0)),
        (
            "an output segment ending at u64::MAX",
            Box::new(|pi| {
                pi.output_segment.stop = u64::MAX;
            }),
        ),
        ("an empty program", Box::new(|pi| pi.program.clear())),
    ];
    for (what, edit) in cases {
        let e = assert_rejected(&edit_pi(bytes, edit), what);
        assert!(matches!(e, VerifyError::PublicInput(_)), "{what}: {e}");
    }
}

#[test]
fn weak_security_requirements_and_oversized_files_are_refused() {
    let bytes = fib_proof();
    for bits in [0, 1, 79] {
        match proof::verify(bytes, None, bits) {
            Err(VerifyError::WeakRequirement { requested }) => assert_eq!(requested, bits),
            other => panic!("--security {bits}: {other:?}"),
        }
    }
    proof::verify(bytes, None, 80).expect("80 bits is the floor, and the proof has 98");
    proof::verify_allowing_weak_security(bytes, None, 1).expect("explicitly allowed");
    let mut big = bytes.clone();
    big.resize(MAX_PROOF_BYTES + 1, 0);
    assert!(matches!(assert_rejected(&big, "an oversized file"), VerifyError::TooLarge { .. }));
}

/// One mutation of a proof file.
#[derive(Clone, Debug)]
enum Mutation {
    FlipBit { at: usize, bit: u8 },
    Run { at: usize, len: usize, byte: u8 },
    Truncate { keep: usize },
    Insert { at: usize, bytes: Vec<u8> },
}

impl Mutation {
    fn apply(&self, bytes: &[u8]) -> Vec<u8> {
        let mut out = bytes.to_vec();
        let at = |i: usize| i % (out.len() + 1);
        match self {
            Mutation::FlipBit { at: i, bit } => {
                let i = i % out.len();
                out[i] ^= 1 << bit;
            }
            Mutation::Run { at: i, len, byte } => {
                let start = i % out.len();
                let end = (start + len).min(out.len());
                out[start..end].fill(*byte);
            }
            Mutation::Truncate { keep } => out.truncate(keep % out.len()),
            Mutation::Insert { at: i, bytes } => {
                let i = at(*i);
                out.splice(i..i, bytes.iter().copied());
            }
        }
        out
    }
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit { at, bit }),
        (any::<usize>(), 1usize..=16, prop_oneof![Just(0x00u8), Just(0xFFu8)])
            .prop_map(|(at, len, byte)| Mutation::Run { at, len, byte }),
        any::<usize>().prop_map(|keep| Mutation::Truncate { keep }),
        (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..=16))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
    ]
}

/// Seeded, bounded property test: mutations of an honest proof never panic
/// and are never accepted with another statement (an accepted mutation can
/// only be one that leaves the proven statement as it was, such as a hex
/// digit's case in the header).
#[test]
fn mutated_proofs_never_panic_and_never_change_the_statement() {
    let bytes = fib_proof().clone();
    let honest = verify_without_panic(&bytes, "honest").expect("verifies");
    let config =
        Config { cases: 400, rng_seed: RngSeed::Fixed(0x0c41_2a11), failure_persistence: None, ..Config::default() };
    let mut runner = TestRunner::new(config);
    let (rejected, accepted, no_ops) = (Cell::new(0u32), Cell::new(0u32), Cell::new(0u32));
    runner
        .run(&mutation(), |m| {
            let forged = m.apply(&bytes);
            if forged == bytes {
                // e.g. a run of 0x00 over bytes that were 0 already
                no_ops.set(no_ops.get() + 1);
                return Ok(());
            }
            match verify_without_panic(&forged, &format!("{m:?}")) {
                Err(_) => rejected.set(rejected.get() + 1),
                Ok(v) => {
                    accepted.set(accepted.get() + 1);
                    prop_assert_eq!(&v.output, &honest.output, "{:?} changed the output", m);
                    prop_assert_eq!(v.program_hash, honest.program_hash, "{:?} changed the program", m);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let (rejected, accepted, no_ops) = (rejected.get(), accepted.get(), no_ops.get());
    eprintln!("400 mutations: {rejected} rejected, {accepted} accepted with the statement unchanged, {no_ops} left the bytes as they were");
    assert!(rejected + no_ops >= 395, "almost every mutation must break the proof");
}
