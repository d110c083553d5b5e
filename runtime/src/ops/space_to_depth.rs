//! `SpaceToDepth` — the inverse of `DepthToSpace` in DCR mode: each `b × b`
//! spatial block of an `[N, C, H, W]` input becomes `b²` channels, giving
//! `[N, C·b², H/b, W/b]`; output channel `(b_row·b + b_col)·C + c` (opsets 1, 13).
//!
//! A reshape to `[N, C, H/b, b, W/b, b]`, a transpose by `[0, 3, 5, 1, 2, 4]`
//! and a reshape back. Exact in every domain (data movement); int tensors too.
//! Spec: <https://onnx.ai/onnx/operators/onnx__SpaceToDepth.html>

use super::depth_to_space::{block_permutation, nchw_and_block};
use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct SpaceToDepth {
    pub blocksize: i64,
}

/// The 6-axis view and permutation of SpaceToDepth on `[n, c, h, w]` with
/// block `b` (`h` and `w` divisible by `b`).
pub fn space_to_depth_view(dims: [usize; 4], b: usize) -> ([usize; 6], [usize; 6]) {
    let [n, c, h, w] = dims;
    ([n, c, h / b, b, w / b, b], [0, 3, 5, 1, 2, 4])
}

impl Kernel for SpaceToDepth {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let (dims, b) = nchw_and_block(x, self.blocksize)?;
        let [n, c, h, w] = dims;
        if h % b != 0 || w % b != 0 {
            return Err(KernelError::shape(format!("spatial sizes {h}×{w} are not divisible by blocksize {b}")));
        }
        let (view, perm) = space_to_depth_view(dims, b);
        let map = block_permutation(&view, &perm)?;
        let out = vec![n, c * b * b, h / b, w / b];
        Ok(vec![x.take(out, &map)?])
    }
}
