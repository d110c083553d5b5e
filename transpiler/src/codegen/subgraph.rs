//! A subgraph — a Scan's loop body — generated as one Cairo function with the
//! same passes as a whole model (constants, nodes folded or emitted, outputs),
//! so the body's operators have exactly the semantics they have anywhere else.

use cairn_runtime::Scale;

use super::emitter::Emitter;
pub use super::emitter::SubgraphCode;
use super::TranspileOptions;
use crate::network::Network;

/// `fn <name>(sc: Scale, in_<input>: Span<felt252>, ...) -> ...` computing
/// `net`'s outputs from its inputs, which have `input_shapes`. Item names
/// start with `<name>_`, so they cannot collide with the enclosing model's
/// (`node_…`, `C_…`).
pub fn subgraph_function(
    net: &Network,
    name: &str,
    input_shapes: &[Vec<usize>],
    scale: Scale,
) -> Result<SubgraphCode, String> {
    let opts = TranspileOptions {
        scale,
        input_shapes: Some(input_shapes.to_vec()),
        model_name: String::new(),
        fast_dense: true,
    };
    let mut e = Emitter::new(net, &opts).with_prefix(&format!("{name}_"));
    e.constants().map_err(|e| e.to_string())?;
    let params = e.params(input_shapes);
    let shapes = net.infer_shapes(input_shapes).map_err(|e| e.to_string())?;
    e.nodes(&shapes).map_err(|e| e.to_string())?;
    Ok(e.finish_function(name, &params))
}
