//! Import of ONNX `ConvTranspose`: `auto_pad`, `dilations`, `group`,
//! `kernel_shape`, `output_padding`, `output_shape`, `pads`, `strides`.

use cairn_runtime::ops::conv_transpose::ConvTranspose;

use super::attrs::{Attrs, ImportResult};
use super::window::window_attrs;
use super::CodegenResult;
use crate::codegen::emit::{arith, shape_lit};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let w = window_attrs(a, false)?;
    let group = a.int("group", 1)?;
    if group < 1 {
        return Err(format!("group must be ≥ 1, got {group}"));
    }
    Ok(Box::new(ConvTranspose {
        auto_pad: w.auto_pad,
        kernel_shape: w.kernel_shape,
        strides: w.strides,
        dilations: w.dilations,
        pads: w.pads,
        output_padding: a.ints_opt("output_padding")?,
        output_shape: a.ints_opt("output_shape")?,
        group: group as usize,
    }))
}

/// Emits `cairn::ops::conv_transpose::conv_transpose` with the geometry the
/// kernel resolves from the static shapes (the spread grid of every spatial
/// axis and the dilations); the Cairo function spreads, flips and runs the
/// generic Conv.
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &ConvTranspose = n.kernel()?;
    let (x, w) = (n.input(0)?, n.input(1)?);
    if x.shape.len() < 3 || w.shape.len() != x.shape.len() {
        return Err(format!(
            "ConvTranspose needs X [N, C, D...] and W of its rank, got {:?} and {:?}",
            x.shape, w.shape
        ));
    }
    let geo = k.geometry(&x.shape[2..], &w.shape[2..]).map_err(|e| e.to_string())?;
    let axes: Vec<String> = geo
        .axes
        .iter()
        .map(|a| {
            format!(
                "cairn::ops::conv_transpose::SpreadAxis {{ input: {}, stride: {}, lead: {}, grid: {} }}",
                a.input, a.stride, a.lead, a.grid
            )
        })
        .collect();
    let bias = match n.optional_input(2) {
        Some(b) => format!("Option::Some(({}, {}))", b.expr, shape_lit(&b.shape)),
        None => "Option::None".into(),
    };
    Ok(NodeCode::expr(format!(
        "cairn::ops::conv_transpose::conv_transpose({}, {}, {}, {}, {}, {bias}, {}, array![{}].span(), {})",
        arith(x.dtype),
        x.expr,
        shape_lit(&x.shape),
        w.expr,
        shape_lit(&w.shape),
        k.group,
        axes.join(", "),
        shape_lit(&geo.dilations)
    )))
}
