//! `DepthToSpace` — moves blocks of channels into spatial blocks: an
//! `[N, C, H, W]` input becomes `[N, C/b², H·b, W·b]` (opsets 1, 11, 13).
//!
//! `mode` DCR (the default, depth-column-row) reads the channel as
//! `(b_row, b_col, c)`; CRD (column-row-depth, opset 11+) as `(c, b_row, b_col)`.
//! Both are a reshape to 6 axes, a transpose and a reshape back (see
//! [`block_permutation`], shared with `SpaceToDepth`).
//!
//! Exact in every domain (data movement); int tensors too.
//! Spec: <https://onnx.ai/onnx/operators/onnx__DepthToSpace.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides, unravel};
use crate::value::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct DepthToSpace {
    pub blocksize: i64,
    /// `true` for CRD, `false` for DCR.
    pub crd: bool,
}

/// The 6-axis view and permutation of DepthToSpace on `[n, c, h, w]` with
/// block `b` (`c` divisible by `b²`).
pub fn depth_to_space_view(dims: [usize; 4], b: usize, crd: bool) -> ([usize; 6], [usize; 6]) {
    let [n, c, h, w] = dims;
    let cc = c / (b * b);
    if crd {
        ([n, cc, b, b, h, w], [0, 1, 4, 2, 5, 3])
    } else {
        ([n, b, b, cc, h, w], [0, 3, 4, 1, 5, 2])
    }
}

/// The input's `[N, C, H, W]` and the block size as a `usize` (>= 1).
pub fn nchw_and_block<E: Copy>(x: &Value<E>, blocksize: i64) -> Result<([usize; 4], usize), KernelError> {
    let dims: [usize; 4] = x
        .shape()
        .try_into()
        .map_err(|_| KernelError::shape(format!("input must be [N, C, H, W], got {:?}", x.shape())))?;
    let b = usize::try_from(blocksize)
        .ok()
        .filter(|&b| b >= 1)
        .ok_or_else(|| KernelError::invalid("blocksize", format!("{blocksize} is not a positive block size")))?;
    Ok((dims, b))
}

/// Flat input index of every output element (row-major) of the transpose of
/// the `view` of the data by `perm`: the whole of both operators.
pub fn block_permutation(view: &[usize; 6], perm: &[usize; 6]) -> Result<Vec<usize>, KernelError> {
    let in_strides = strides(view);
    let shape: Vec<usize> = perm.iter().map(|&a| view[a]).collect();
    let n = checked_numel(&shape)?;
    let mut idx = [0; 6];
    Ok((0..n)
        .map(|o| {
            unravel(o, &shape, &mut idx);
            idx.iter().zip(perm).map(|(&i, &a)| i * in_strides[a]).sum()
        })
        .collect())
}

impl Kernel for DepthToSpace {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "input")?;
        let (dims, b) = nchw_and_block(x, self.blocksize)?;
        let [n, c, h, w] = dims;
        let bb = b.checked_mul(b).filter(|&bb| c % bb == 0);
        if bb.is_none() {
            return Err(KernelError::shape(format!("channels {c} are not divisible by blocksize² ({b}²)")));
        }
        let (view, perm) = depth_to_space_view(dims, b, self.crd);
        let map = block_permutation(&view, &perm)?;
        let out = vec![n, c / (b * b), h * b, w * b];
        Ok(vec![x.take(out, &map)?])
    }
}
