//! Field arithmetic: cairn's Montgomery operations specialised to the Stark-252 prime
//! (`Felt`) against ark-ff 0.6's generic `MontBackend` (`ArkFelt`) on the same
//! representation, and the FFT that dominates proving: Winterfell's and cairn's AVX-512
//! IFMA one (`field::ifma`). Prints nanoseconds per operation
//! (CPU time of this thread); measurements, not assertions.
//!
//!     cargo run -p cairn-prover --release --example field_ops

use std::hint::black_box;

use cairn_prover::field::{ArkFelt, Felt};
use winter_math::fft::{self, fft_inputs::FftInputs};

/// CPU seconds of the calling thread.
fn thread_cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or("").split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(f64::NAN);
    (ticks(11) + ticks(12)) / 100.0
}

/// Pseudo-random elements (xorshift; reduced into the field).
fn elements(n: usize, seed: u64) -> Vec<Felt> {
    let mut s = seed;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        s
    };
    (0..n)
        .map(|_| {
            let mut bytes = [0u8; 32];
            for chunk in bytes.chunks_exact_mut(8) {
                chunk.copy_from_slice(&next().to_le_bytes());
            }
            Felt::from_le_bytes_reduced(&bytes)
        })
        .collect()
}

/// Runs `f` (which performs `ops` operations) until a second of CPU time has passed; returns
/// nanoseconds per operation.
fn time_per_op(ops: usize, mut f: impl FnMut()) -> f64 {
    let start = thread_cpu_seconds();
    let mut rounds = 0usize;
    while thread_cpu_seconds() - start < 1.0 || rounds < 3 {
        f();
        rounds += 1;
    }
    (thread_cpu_seconds() - start) * 1e9 / (rounds * ops) as f64
}

fn main() {
    const N: usize = 1 << 14;
    let a = elements(N, 0x9e37_79b9_7f4a_7c15);
    let b = elements(N, 0xdead_beef_cafe_f00d);
    let (ark_a, ark_b): (Vec<ArkFelt>, Vec<ArkFelt>) =
        (a.iter().map(|x| x.to_ark()).collect(), b.iter().map(|x| x.to_ark()).collect());
    let mut out = vec![Felt::ZERO; N];
    let mut ark_out = vec![ArkFelt::from(0u64); N];

    println!("| operation | ark-ff 0.6 (ns) | cairn (ns) | speed-up |");
    println!("|---|---:|---:|---:|");
    let row = |name: &str, ark: f64, ours: f64| println!("| {name} | {ark:.2} | {ours:.2} | {:.2}× |", ark / ours);

    macro_rules! elementwise {
        ($name:expr, $op:tt) => {{
            let ark = time_per_op(N, || {
                for ((o, x), y) in ark_out.iter_mut().zip(&ark_a).zip(&ark_b) {
                    *o = black_box(*x) $op *y;
                }
                black_box(&ark_out);
            });
            let ours = time_per_op(N, || {
                for ((o, x), y) in out.iter_mut().zip(&a).zip(&b) {
                    *o = black_box(*x) $op *y;
                }
                black_box(&out);
            });
            row($name, ark, ours);
        }};
    }
    elementwise!("a·b (independent)", *);
    elementwise!("a + b (independent)", +);
    elementwise!("a − b (independent)", -);

    // A dependent chain measures latency, which bounds the inverse and exponentiations.
    let ark = time_per_op(N, || {
        let mut x = ark_a[0];
        for y in &ark_b {
            x *= y;
        }
        black_box(x);
    });
    let ours = time_per_op(N, || {
        let mut x = a[0];
        for y in &b {
            x *= *y;
        }
        black_box(x);
    });
    row("a·b (dependent chain)", ark, ours);

    // Results agree (the unit tests check this exhaustively; here as a sanity check).
    for i in 0..N {
        assert_eq!((a[i] * b[i]).to_ark(), ark_a[i] * ark_b[i]);
    }

    // The FFT: Winterfell's on Felt, and cairn's AVX-512 IFMA one where the CPU has it
    // (the same transform: natural order in and out).
    #[cfg(target_arch = "x86_64")]
    let vector = cairn_prover::field::ifma::available();
    #[cfg(not(target_arch = "x86_64"))]
    let vector = false;
    println!();
    println!("| FFT, single thread, natural order in and out | Winterfell (ns per butterfly) | AVX-512 IFMA (ns per butterfly) |");
    println!("|---|---:|---:|");
    for log_n in [12u32, 16, 20] {
        let n = 1usize << log_n;
        let twiddles = fft::get_twiddles::<Felt>(n);
        let mut data = elements(n, 7);
        let butterflies = n / 2 * log_n as usize;
        let winterfell = time_per_op(butterflies, || {
            FftInputs::fft_in_place(data.as_mut_slice(), &twiddles);
            FftInputs::permute(data.as_mut_slice());
        });
        let ifma = if vector {
            #[cfg(target_arch = "x86_64")]
            {
                use cairn_prover::field::ifma;
                let plan = ifma::Twiddles::new(n, false);
                format!("{:.2}", time_per_op(butterflies, || ifma::fft(&mut data, &plan)))
            }
            #[cfg(not(target_arch = "x86_64"))]
            unreachable!()
        } else {
            "(no IFMA on this CPU)".to_string()
        };
        println!("| 2^{log_n} points | {winterfell:.2} | {ifma} |");
        black_box(&data);
    }
}
