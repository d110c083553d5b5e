//! cairn-runtime: the ground truth of cairn's arithmetic.
//!
//! Every real number flowing through a model is stored as a 64-bit integer `q`
//! standing for `q / 2^s` (see [`fixed`] and `docs/fixed-point.md`). Kernels are
//! written once, generically over an [`Arith`] domain, and instantiated for
//!
//! * [`FixedArith`] — the exact fixed-point semantics that the Cairo library and
//!   the prover must reproduce bit for bit;
//! * [`FloatArith`] — an f32 evaluation of the same graph, used only to measure
//!   the accuracy of the fixed-point one;
//! * [`ShapeArith`] — a zero-sized element type, so running a graph computes
//!   its shapes and dtypes without touching data (shape inference).
//!
//! ```
//! use cairn_runtime::{Arith, FixedArith, Scale};
//! let fx = FixedArith::new(Scale::new(16).unwrap());
//! let a = fx.from_f64(1.5).unwrap();            // 98304 = 1.5 * 2^16
//! let b = fx.from_f64(-0.25).unwrap();
//! assert_eq!(fx.mul(a, b).unwrap(), fx.from_f64(-0.375).unwrap());
//! ```

pub mod arith;
pub mod dtype;
pub mod error;
pub mod fixed;
pub mod literal;
pub mod ops;
pub mod shape;
pub mod tensor;
pub mod value;

pub use arith::{Arith, FixedArith, FloatArith, Func, IntArith, ShapeArith};
pub use dtype::DType;
pub use error::{ArithError, KernelError};
pub use fixed::{Scale, ScaleError};
pub use literal::{Literal, LiteralData};
pub use ops::{Domain, Kernel, Operator};
pub use tensor::Tensor;
pub use value::Value;
