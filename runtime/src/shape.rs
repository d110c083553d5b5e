//! Shape arithmetic shared by the kernels: sizes, strides, axes, broadcasting.

use crate::error::KernelError;

/// Largest tensor cairn will materialize; protects against shapes that would
/// exhaust memory (a malformed Reshape, a huge Pad) with a clear error.
pub const MAX_ELEMENTS: usize = 1 << 28;

/// Number of elements of a shape, with an error past [`MAX_ELEMENTS`].
pub fn checked_numel(shape: &[usize]) -> Result<usize, KernelError> {
    let mut n: u128 = 1;
    for &d in shape {
        n = n.saturating_mul(d as u128);
    }
    if n > MAX_ELEMENTS as u128 {
        return Err(KernelError::TooLarge { elements: n, limit: MAX_ELEMENTS });
    }
    Ok(n as usize)
}

pub fn numel(shape: &[usize]) -> usize {
    shape.iter().product()
}

/// Row-major strides.
pub fn strides(shape: &[usize]) -> Vec<usize> {
    let mut st = vec![1; shape.len()];
    for i in (0..shape.len().saturating_sub(1)).rev() {
        st[i] = st[i + 1] * shape[i + 1];
    }
    st
}

/// Resolves a possibly negative axis against a rank (`-1` is the last axis).
pub fn normalize_axis(axis: i64, rank: usize) -> Result<usize, KernelError> {
    let r = rank as i64;
    let a = if axis < 0 { axis + r } else { axis };
    if a < 0 || a >= r {
        return Err(KernelError::invalid("axis", format!("axis {axis} is out of range for rank {rank}")));
    }
    Ok(a as usize)
}

/// Resolves a list of axes; rejects duplicates.
pub fn normalize_axes(axes: &[i64], rank: usize) -> Result<Vec<usize>, KernelError> {
    let mut out = Vec::with_capacity(axes.len());
    for &a in axes {
        let n = normalize_axis(a, rank)?;
        if out.contains(&n) {
            return Err(KernelError::invalid("axes", format!("axis {a} is repeated in {axes:?}")));
        }
        out.push(n);
    }
    Ok(out)
}

/// Multidirectional (numpy) broadcast of two shapes.
pub fn broadcast_shapes(a: &[usize], b: &[usize]) -> Result<Vec<usize>, KernelError> {
    let rank = a.len().max(b.len());
    let mut out = vec![0; rank];
    for i in 0..rank {
        let da = if i + a.len() >= rank { a[i + a.len() - rank] } else { 1 };
        let db = if i + b.len() >= rank { b[i + b.len() - rank] } else { 1 };
        out[i] = match (da, db) {
            (x, y) if x == y => x,
            (1, y) => y,
            (x, 1) => x,
            _ => return Err(KernelError::shape(format!("shapes {a:?} and {b:?} cannot be broadcast together"))),
        };
    }
    Ok(out)
}

/// For each flat index of `to`, the flat index of `from` that broadcasts onto it.
/// `from` must be broadcastable to `to` (checked).
pub fn broadcast_map(from: &[usize], to: &[usize]) -> Result<Vec<usize>, KernelError> {
    if from.len() > to.len() {
        return Err(KernelError::shape(format!("shape {from:?} cannot be broadcast to {to:?}")));
    }
    let offset = to.len() - from.len();
    let from_strides = strides(from);
    // stride 0 along broadcast dimensions
    let mut eff = vec![0usize; to.len()];
    for (i, (&d, &st)) in from.iter().zip(&from_strides).enumerate() {
        let t = to[i + offset];
        if d == t {
            eff[i + offset] = st;
        } else if d != 1 {
            return Err(KernelError::shape(format!("shape {from:?} cannot be broadcast to {to:?}")));
        }
    }
    let n = checked_numel(to)?;
    let mut map = Vec::with_capacity(n);
    let mut idx = vec![0usize; to.len()];
    let mut src = 0usize;
    for _ in 0..n {
        map.push(src);
        // increment the multi-index like an odometer, updating src incrementally
        for ax in (0..to.len()).rev() {
            idx[ax] += 1;
            src += eff[ax];
            if idx[ax] < to[ax] {
                break;
            }
            src -= eff[ax] * idx[ax];
            idx[ax] = 0;
        }
    }
    Ok(map)
}

/// Multi-index of a flat index.
pub fn unravel(mut flat: usize, shape: &[usize], out: &mut [usize]) {
    for ax in (0..shape.len()).rev() {
        let d = shape[ax].max(1);
        out[ax] = flat % d;
        flat /= d;
    }
}

/// Interprets an int64 list as non-negative dimensions.
pub fn to_dims(values: &[i64], what: &'static str) -> Result<Vec<usize>, KernelError> {
    values
        .iter()
        .map(|&v| usize::try_from(v).map_err(|_| KernelError::invalid(what, format!("{v} is negative in {values:?}"))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broadcasting() {
        assert_eq!(broadcast_shapes(&[3, 1, 5], &[4, 1]).unwrap(), vec![3, 4, 5]);
        assert!(broadcast_shapes(&[3], &[4]).is_err());
        assert_eq!(broadcast_map(&[3, 1], &[3, 2]).unwrap(), vec![0, 0, 1, 1, 2, 2]);
        assert_eq!(broadcast_map(&[2], &[3, 2]).unwrap(), vec![0, 1, 0, 1, 0, 1]);
        assert_eq!(broadcast_map(&[], &[2, 2]).unwrap(), vec![0, 0, 0, 0]);
        assert!(broadcast_map(&[3], &[2]).is_err());
    }

    #[test]
    fn axes() {
        assert_eq!(normalize_axis(-1, 3).unwrap(), 2);
        assert!(normalize_axis(3, 3).is_err());
        assert!(normalize_axis(-4, 3).is_err());
        assert!(normalize_axes(&[0, -3], 3).is_err());
        assert_eq!(strides(&[2, 3, 4]), vec![12, 4, 1]);
    }

    #[test]
    fn numel_limit() {
        assert!(checked_numel(&[1 << 20, 1 << 20]).is_err());
        assert_eq!(checked_numel(&[]).unwrap(), 1);
    }
}
