//! Import of ONNX `Upsample` (opsets 7 and 9): `mode` (nearest, linear),
//! `scales` an attribute (opset 7) or a constant input (opset 9). Generated
//! like Resize (`resize::emit`).

use cairn_runtime::ops::resize::{CoordMode, NearestMode, Resize};
use cairn_runtime::ops::upsample::Upsample;

use super::attrs::{Attrs, ImportResult};
use super::resize::{constant_scales, emit, parse_mode};
use super::CodegenResult;
use crate::codegen::NodeGen;

pub fn import(a: &Attrs) -> ImportResult {
    if a.opset >= 10 {
        return Err("Upsample is deprecated from opset 10 (use Resize)".into());
    }
    let mode = parse_mode(&a.string("mode", "nearest")?)?;
    let scales = if a.opset < 9 {
        a.floats_opt("scales")?.map(|v| v.into_iter().map(f64::from).collect())
    } else {
        constant_scales(a, 1)?
    };
    let scales = scales.ok_or("scales are required")?;
    Ok(Box::new(Upsample(Resize {
        mode,
        coord: CoordMode::Asymmetric,
        nearest: NearestMode::Floor,
        scales: Some(scales),
        axes: None,
        sizes_input: None,
    })))
}

pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Upsample = n.kernel()?;
    emit(n, &k.0, "upsample")
}
