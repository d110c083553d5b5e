//! cairn-transpiler: the ONNX front end.
//!
//! * [`load`] reads an ONNX file into the plain-Rust [`ir`], keeping everything;
//! * [`network::Network::resolve`] binds every node to a kernel through the op
//!   table ([`ops::OPS`]) and reports all unsupported parts at once;
//! * [`eval`] runs a network in any domain of cairn-runtime (fixed point,
//!   float, shapes); [`inputs`] reads and checks input files; [`calibrate`]
//!   chooses the scale.
//!
//! ```no_run
//! use cairn_runtime::{FixedArith, Scale};
//! use cairn_transpiler::{inputs, load, network::Network};
//! let model = load::load_model("examples/mlp/model.onnx".as_ref())?;
//! let net = Network::resolve(model)?;
//! let sample = &inputs::read_samples("examples/mlp/input.json".as_ref(), &net)?[0];
//! let fx = FixedArith::new(Scale::default());
//! let outputs = net.evaluate(&fx, net.input_values(&fx, &net.bind(sample)?)?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod calibrate;
pub mod codegen;
pub mod eval;
pub mod inputs;
pub mod inspect;
pub mod io;
pub mod ir;
pub mod load;
pub mod network;
pub mod ops;
pub mod outputs;
pub mod shapes;
pub mod stages;

pub use eval::EvalError;
pub use network::{Network, UnsupportedModel};
