//! A dense row-major tensor: a shape and a flat vector of elements.

use crate::error::KernelError;
use crate::shape::checked_numel;

#[derive(Clone, Debug, PartialEq)]
pub struct Tensor<T> {
    shape: Vec<usize>,
    data: Vec<T>,
}

impl<T> Tensor<T> {
    /// Fails when the data length does not match the shape.
    pub fn new(shape: Vec<usize>, data: Vec<T>) -> Result<Self, KernelError> {
        let n = checked_numel(&shape)?;
        if n != data.len() {
            return Err(KernelError::shape(format!("shape {shape:?} needs {n} elements, got {}", data.len())));
        }
        Ok(Tensor { shape, data })
    }

    /// A rank-0 tensor.
    pub fn scalar(value: T) -> Self {
        Tensor { shape: vec![], data: vec![value] }
    }

    pub fn shape(&self) -> &[usize] {
        &self.shape
    }

    pub fn data(&self) -> &[T] {
        &self.data
    }

    pub fn into_data(self) -> Vec<T> {
        self.data
    }

    pub fn len(&self) -> usize {
        self.data.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn rank(&self) -> usize {
        self.shape.len()
    }

    /// Same data, new shape of the same size.
    pub fn reshape(self, shape: Vec<usize>) -> Result<Self, KernelError> {
        Tensor::new(shape, self.data)
    }

    pub fn map<U>(&self, f: impl FnMut(&T) -> U) -> Tensor<U> {
        Tensor { shape: self.shape.clone(), data: self.data.iter().map(f).collect() }
    }

    /// Fallible element-wise map; an error names the flat index it happened at.
    pub fn try_map<U, E>(&self, mut f: impl FnMut(&T) -> Result<U, E>) -> Result<Tensor<U>, KernelError>
    where
        E: Into<crate::error::ArithError>,
    {
        let mut data = Vec::with_capacity(self.data.len());
        for (i, x) in self.data.iter().enumerate() {
            data.push(f(x).map_err(|e| crate::error::at(i)(e.into()))?);
        }
        Ok(Tensor { shape: self.shape.clone(), data })
    }
}

impl<T: Copy> Tensor<T> {
    /// The tensor whose element `i` is `self[map[i]]`, with the given shape:
    /// every data-movement operator (transpose, slice, gather, ...) is one of these.
    pub fn take(&self, shape: Vec<usize>, map: &[usize]) -> Result<Tensor<T>, KernelError> {
        Tensor::new(shape, map.iter().map(|&i| self.data[i]).collect())
    }

    /// Like [`Tensor::take`], with `None` meaning "fill with `fill`" (padding).
    pub fn take_or(&self, shape: Vec<usize>, map: &[Option<usize>], fill: T) -> Result<Tensor<T>, KernelError> {
        Tensor::new(shape, map.iter().map(|i| i.map_or(fill, |i| self.data[i])).collect())
    }
}
