//! Attribute parsing shared by Conv, MaxPool and AveragePool.

use cairn_runtime::ops::window::{AutoPad, WindowAttrs};

use super::attrs::Attrs;

pub fn window_attrs(a: &Attrs, with_ceil_mode: bool) -> Result<WindowAttrs, String> {
    let auto_pad = match a.string("auto_pad", "NOTSET")?.as_str() {
        "NOTSET" => AutoPad::NotSet,
        "SAME_UPPER" => AutoPad::SameUpper,
        "SAME_LOWER" => AutoPad::SameLower,
        "VALID" => AutoPad::Valid,
        other => return Err(format!("auto_pad '{other}' is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID")),
    };
    let pads = a.ints_opt("pads")?;
    if pads.is_some() && auto_pad != AutoPad::NotSet {
        return Err("pads and auto_pad cannot be used together".into());
    }
    Ok(WindowAttrs {
        auto_pad,
        kernel_shape: a.ints_opt("kernel_shape")?,
        strides: a.ints_opt("strides")?,
        dilations: a.ints_opt("dilations")?,
        pads,
        ceil_mode: if with_ceil_mode { a.flag("ceil_mode", false)? } else { false },
    })
}
