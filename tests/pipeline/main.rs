//! The pipeline through the `cairn` library and the crates under it: the
//! library API end to end and on several threads, the bundled models (Cairo
//! == reference, accuracy against onnxruntime), code generation snapshots,
//! golden vectors per operator, the op table, and property tests over
//! untrusted inputs. One test binary: each links the Cairo toolchain once.

#[path = "../support/mod.rs"]
mod support;

#[path = "../golden/mod.rs"]
mod golden;

mod api;
mod cairo_e2e;
mod clip_folding;
mod codegen_snapshots;
mod corpus;
mod cost_report;
mod examples;
mod golden_vectors;
mod library_files;
mod ml_outputs;
mod op_table;
mod packed_conv;
mod pool_folding;
mod relu_folding;
mod shape_folding;
mod staged;
mod untrusted_inputs;
