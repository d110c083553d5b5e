//! The documented bound of the non-linear functions against an f32
//! implementation (docs/fixed-point.md §4). Both sides get the same f32 input
//! `x`; the fixed-point side stores it quantized, so the bound is
//!
//!   |fixed(q(x)) − f32(x)| ≤ 2^-(s+1) · (1 + max|f'|) + 2.4e-7 · |y|
//!
//! (output rounding, input quantization through the derivative, f32's own error).

use cairn_runtime::{Arith, FixedArith, FloatArith, Scale};

fn grid(range: f32, steps: usize) -> impl Iterator<Item = f32> {
    (0..steps).map(move |i| -range + 2.0 * range * i as f32 / (steps - 1) as f32)
}

fn check(
    name: &str,
    s: u32,
    f: impl Fn(&FixedArith, i64) -> i64,
    g: impl Fn(f32) -> f32,
    slope: impl Fn(f64) -> f64,
    range: f32,
) {
    let fx = FixedArith::new(Scale::new(s).unwrap());
    let ulp = 1.0 / (1u64 << s) as f64;
    let mut worst: f64 = 0.0;
    for x in grid(range, 4001) {
        let q = fx.from_f64(x as f64).unwrap();
        let got = f(&fx, q) as f64 * ulp;
        let want = g(x) as f64;
        let bound = 0.5 * ulp * (1.0 + slope(want)) + 2.4e-7 * want.abs() + 1e-15;
        let err = (got - want).abs();
        assert!(err <= bound, "{name} at s={s}, x={x}: fixed {got} vs f32 {want} (error {err:e} > {bound:e})");
        worst = worst.max(err);
    }
    println!("{name:8} s={s:2}: worst |fixed - f32| = {worst:.3e}");
}

#[test]
fn exp_sigmoid_tanh_within_documented_bound_of_f32() {
    let fl = FloatArith;
    for s in [8, 16, 24, 32] {
        // exp' = exp; sigmoid' ≤ 1/4; tanh' ≤ 1
        check("exp", s, |fx, q| fx.exp(q).unwrap(), |x| fl.exp(x).unwrap(), |y| y.abs(), 20.0);
        check("sigmoid", s, |fx, q| fx.sigmoid(q).unwrap(), |x| fl.sigmoid(x).unwrap(), |_| 0.25, 30.0);
        check("tanh", s, |fx, q| fx.tanh(q).unwrap(), |x| fl.tanh(x).unwrap(), |_| 1.0, 30.0);
    }
}

#[test]
fn softmax_within_documented_bound_of_f32() {
    for s in [8, 16, 32] {
        let fx = FixedArith::new(Scale::new(s).unwrap());
        let ulp = 1.0 / (1u64 << s) as f64;
        let mut worst: f64 = 0.0;
        for seed in 0..200u64 {
            // a deterministic spread of logits in [-12, 12]
            let xs: Vec<f32> = (0..10).map(|i| (((seed * 7919 + i * 104729) % 2401) as f32 / 100.0) - 12.0).collect();
            let q: Vec<i64> = xs.iter().map(|&x| fx.from_f64(x as f64).unwrap()).collect();
            let mut out = Vec::new();
            fx.softmax(&q, &mut out).unwrap();
            let mut want = Vec::new();
            FloatArith.softmax(&xs, &mut want).unwrap();
            for (o, w) in out.iter().zip(&want) {
                let (got, w) = (*o as f64 * ulp, *w as f64);
                // Σ_j |∂y_i/∂x_j| = 2·y_i·(1 − y_i) ≤ 1/2
                let bound = 0.5 * ulp * 1.5 + 2.4e-7 * w.abs() + 3.4e-10;
                assert!((got - w).abs() <= bound, "softmax s={s} seed={seed}: {got} vs {w}");
                worst = worst.max((got - w).abs());
            }
        }
        println!("softmax  s={s:2}: worst |fixed - f32| = {worst:.3e}");
    }
}
