//! cairn: the fixed-point tensor library that cairn-generated programs call.
//!
//! Every number is a felt252 holding an integer q in [-2^63, 2^63) (negative
//! values as p - |q|); a real tensor stores q = round(x * 2^s). The semantics
//! are those of cairn-runtime (docs/fixed-point.md), reproduced bit for bit:
//! exact products, one rounding half up per output, an overflow is a panic.
//! Only the output and range_check builtins are used (no bitwise), so every
//! program built on this library can be proved by cairn's AIR.

pub mod arith;
pub mod divide;
pub mod fixed;
pub mod io;
pub mod ops;
pub mod packed;
pub mod tensor;
