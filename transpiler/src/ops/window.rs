//! Attribute parsing shared by Conv, MaxPool and AveragePool.

use cairn_runtime::ops::window::{AutoPad, WindowAttrs};

use super::attrs::Attrs;
use crate::codegen::NodeCode;

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

/// Widest input row the unrolled 2×2 form takes (it pops two rows at once).
const MAX_ROW_WIDTH: usize = 32;

/// A pool of 2×2 windows with stride 2, every window inside the input, rows
/// of at most [`MAX_ROW_WIDTH`]: one straight-line function per pair of input
/// rows pops both rows at once and appends `reduce(a, b, c, d)` of each window
/// (`max4`, `mean4`), so a window costs its reduction and little else. Odd
/// trailing rows and columns are never read, as in the general kernels.
pub fn rows_2x2(window: &WindowAttrs, name: &str, x: &str, shape: &[usize], reduce: &str) -> Option<NodeCode> {
    let [n, c, h, w] = *shape else { return None };
    let win = window.resolve(&[h, w], None).ok()?;
    let regular = win.kernel == [2, 2] && win.strides == [2, 2] && win.dilations == [1, 1];
    if !regular || win.pads_begin.iter().any(|&p| p != 0) || w > MAX_ROW_WIDTH {
        return None;
    }
    let (oh, ow) = (win.output[0], win.output[1]);
    // Every window inside: the output is exactly the floor division.
    if oh != h / 2 || ow != w / 2 || oh == 0 || ow == 0 {
        return None;
    }
    let row_fn = format!("{}_row_pair", crate::codegen::emit::ident(name));
    // An odd row's last value is in no window.
    let names: Vec<String> = (0..2 * w).map(|i| if i % w < 2 * ow { format!("v{i}") } else { "_".into() }).collect();
    let mut f = format!(
        "/// Two input rows of `{name}` (2×2 windows, stride 2): `{reduce}` of each window.\n#[inline(never)]\nfn {row_fn}(ref rows: Span<felt252>, ref out: Array<felt252>) {{\n    let [{}] = (*rows.multi_pop_front::<{}>().unwrap()).unbox();\n",
        names.join(", "),
        2 * w
    );
    for j in 0..ow {
        let (a, b) = (2 * j, 2 * j + 1);
        f.push_str(&format!("    out.append({reduce}(v{a}, v{b}, v{}, v{}));\n", w + a, w + b));
    }
    f.push_str("}\n");
    // The input is consumed in order: row pairs, and an odd plane's last row
    // skipped.
    let body = if h % 2 == 0 {
        format!(
            "let mut out = array![];\nlet mut rows = {x};\nfor _ in 0..{pairs}_u32 {{\n    {row_fn}(ref rows, ref out);\n}}\nout.span()",
            pairs = n * c * oh
        )
    } else {
        format!(
            "let mut out = array![];\nlet mut rows = {x};\nfor _ in 0..{planes}_u32 {{\n    for _ in 0..{oh}_u32 {{\n        {row_fn}(ref rows, ref out);\n    }}\n    rows = rows.slice({w}, rows.len() - {w});\n}}\nout.span()",
            planes = n * c
        )
    };
    Some(NodeCode { items: vec![f], body })
}
