//! `Transpose` — permutes axes; `perm` defaults to reversing them
//! (opsets 1, 13, 21, 23, 24, 25).
//!
//! Exact in every domain (data movement).
//! Spec: <https://onnx.ai/onnx/operators/onnx__Transpose.html>

use super::{required, Inputs, Kernel};
use crate::arith::Arith;
use crate::error::KernelError;
use crate::shape::{checked_numel, strides, unravel};
use crate::value::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Transpose {
    pub perm: Option<Vec<i64>>,
}

impl Kernel for Transpose {
    fn run<A: Arith>(&self, _ar: &A, inputs: &Inputs<'_, A::Elem>) -> Result<Vec<Value<A::Elem>>, KernelError> {
        let x = required(inputs, 0, "data")?;
        let rank = x.shape().len();
        let perm: Vec<usize> = match &self.perm {
            None => (0..rank).rev().collect(),
            Some(p) => {
                if p.len() != rank {
                    return Err(KernelError::invalid("perm", format!("{p:?} is not a permutation of 0..{rank}")));
                }
                let mut seen = vec![false; rank];
                let mut out = Vec::with_capacity(rank);
                for &a in p {
                    let ok = a >= 0 && (a as usize) < rank && !seen[a as usize];
                    if !ok || p.len() != rank {
                        return Err(KernelError::invalid("perm", format!("{p:?} is not a permutation of 0..{rank}")));
                    }
                    seen[a as usize] = true;
                    out.push(a as usize);
                }
                out
            }
        };
        let shape: Vec<usize> = perm.iter().map(|&a| x.shape()[a]).collect();
        let in_strides = strides(x.shape());
        let n = checked_numel(&shape)?;
        let mut idx = vec![0; rank];
        let map: Vec<usize> = (0..n)
            .map(|o| {
                unravel(o, &shape, &mut idx);
                idx.iter().zip(&perm).map(|(&i, &a)| i * in_strides[a]).sum()
            })
            .collect();
        Ok(vec![x.take(shape, &map)?])
    }
}
