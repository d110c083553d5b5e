//! Import of ONNX `Resize`: `mode` (nearest, linear; cubic refused),
//! `coordinate_transformation_mode` (half_pixel by default, pytorch_half_pixel,
//! align_corners, asymmetric, tf_half_pixel_for_nn; tf_crop_and_resize
//! refused), `nearest_mode`, `axes` (opset 18), `antialias` (0 only),
//! `keep_aspect_ratio_policy` (stretch only), `exclude_outside` (0 only);
//! `cubic_coeff_a` and `extrapolation_value` only matter to refused modes and
//! are ignored. `scales` must be a constant (initializer or Constant node),
//! read as f64 at import; `sizes` an int64 input (a constant for code
//! generation). Opset 10 takes (X, scales) with Upsample's geometry.

use cairn_runtime::ops::resize::{CoordMode, Mode, NearestMode, Resize};
use cairn_runtime::{Arith, FixedArith, LiteralData};

use super::attrs::{Attrs, ImportResult};
use super::CodegenResult;
use crate::codegen::emit::{const_array, ident};
use crate::codegen::{NodeCode, NodeGen};

pub fn import(a: &Attrs) -> ImportResult {
    let mode = parse_mode(&a.string("mode", "nearest")?)?;
    if a.opset < 11 {
        let scales = constant_scales(a, 1)?.ok_or("the scales input must be given")?;
        let k = Resize {
            mode,
            coord: CoordMode::Asymmetric,
            nearest: NearestMode::Floor,
            scales: Some(scales),
            axes: None,
            sizes_input: None,
        };
        return Ok(Box::new(k));
    }
    let coord = match a.string("coordinate_transformation_mode", "half_pixel")?.as_str() {
        "half_pixel" => CoordMode::HalfPixel,
        "pytorch_half_pixel" => CoordMode::PytorchHalfPixel,
        "align_corners" => CoordMode::AlignCorners,
        "asymmetric" => CoordMode::Asymmetric,
        "tf_half_pixel_for_nn" => CoordMode::TfHalfPixelForNn,
        "tf_crop_and_resize" => return Err("coordinate_transformation_mode tf_crop_and_resize is not supported".into()),
        other => return Err(format!("unknown coordinate_transformation_mode '{other}'")),
    };
    let nearest = match a.string("nearest_mode", "round_prefer_floor")?.as_str() {
        "round_prefer_floor" => NearestMode::RoundPreferFloor,
        "round_prefer_ceil" => NearestMode::RoundPreferCeil,
        "floor" => NearestMode::Floor,
        "ceil" => NearestMode::Ceil,
        other => return Err(format!("unknown nearest_mode '{other}'")),
    };
    if a.int("antialias", 0)? != 0 {
        return Err("antialias = 1 is not supported".into());
    }
    if a.int("exclude_outside", 0)? != 0 {
        return Err("exclude_outside = 1 is not supported".into());
    }
    let policy = a.string("keep_aspect_ratio_policy", "stretch")?;
    if policy != "stretch" {
        return Err(format!("keep_aspect_ratio_policy '{policy}' is not supported (only stretch)"));
    }
    a.ignore("cubic_coeff_a");
    a.ignore("extrapolation_value");
    let axes = if a.opset >= 18 { a.ints_opt("axes")? } else { None };
    let scales = constant_scales(a, 2)?;
    Ok(Box::new(Resize { mode, coord, nearest, scales, axes, sizes_input: Some(3) }))
}

pub(super) fn parse_mode(mode: &str) -> Result<Mode, String> {
    match mode {
        "nearest" => Ok(Mode::Nearest),
        "linear" | "bilinear" => Ok(Mode::Linear),
        "cubic" => Err("mode cubic is not supported (nearest and linear are)".into()),
        other => Err(format!("unknown mode '{other}'")),
    }
}

/// A `scales` input: `None` when omitted or empty (then `sizes` decides);
/// its values when constant; an error when computed (a real input's value
/// is not known exactly once quantized).
pub(super) fn constant_scales(a: &Attrs, i: usize) -> Result<Option<Vec<f64>>, String> {
    let given = a.node().inputs.get(i).is_some_and(|n| !n.is_empty());
    if !given {
        return Ok(None);
    }
    match a.constant_input(i) {
        Some(l) => match &l.data {
            LiteralData::Real(v) if v.is_empty() => Ok(None),
            LiteralData::Real(v) => Ok(Some(v.clone())),
            LiteralData::Int(_) => Err("the scales input must be a float tensor".into()),
        },
        None => Err("the scales input must be a constant (an initializer or a Constant node)".into()),
    }
}

/// Nearest: a gather with the static source map. Linear: per output, the
/// source indices and weights quantized exactly as the reference does, and
/// `cairn::ops::resize::weighted_sums` (exact sums, one rounding).
pub fn codegen(n: &NodeGen) -> CodegenResult {
    let k: &Resize = n.kernel()?;
    emit(n, k, "resize")
}

pub(super) fn emit(n: &NodeGen, k: &Resize, what: &str) -> CodegenResult {
    let x = n.input(0)?;
    let sizes = match k.sizes_input {
        Some(i) if n.optional_input(i).is_some_and(|v| !v.is_empty()) => Some(n.constant_ints(i, "sizes")?),
        _ => None,
    };
    let (out, taps) = k.plan(&x.shape, sizes.as_deref()).map_err(|e| e.to_string())?;
    let base = format!("{}_{}", what.to_uppercase(), ident(n.name).to_uppercase());
    match k.mode {
        Mode::Nearest => {
            let map: Vec<i64> = Resize::gather_map(&x.shape, &out, &taps).into_iter().map(|i| i as i64).collect();
            let name = format!("{base}_SOURCE");
            Ok(NodeCode {
                items: vec![const_array(&name, &map)],
                body: format!("cairn::ops::resize::gather({}, {name}.span())", x.expr),
            })
        }
        Mode::Linear => {
            if !x.dtype.is_real() {
                return Err("linear resizing needs a real X".into());
            }
            let fx = FixedArith::new(n.scale);
            let (mut counts, mut index, mut weight) = (Vec::new(), Vec::new(), Vec::new());
            for terms in Resize::linear_terms(&x.shape, &out, &taps) {
                counts.push(terms.len() as i64);
                for (at, w) in terms {
                    index.push(at as i64);
                    weight.push(fx.from_f64(w).map_err(|e| format!("weight {w}: {e}"))?);
                }
            }
            let names = [format!("{base}_TERMS"), format!("{base}_INDEX"), format!("{base}_WEIGHT")];
            Ok(NodeCode {
                items: vec![
                    const_array(&names[0], &counts),
                    const_array(&names[1], &index),
                    const_array(&names[2], &weight),
                ],
                body: format!(
                    "cairn::ops::resize::weighted_sums(sc, {}, {}.span(), {}.span(), {}.span())",
                    x.expr, names[0], names[1], names[2]
                ),
            })
        }
    }
}
