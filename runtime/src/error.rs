//! Errors of the arithmetic and of the kernels. The graph evaluator (in
//! cairn-transpiler) wraps a [`KernelError`] with the node's name and op type,
//! so messages here describe the cause only.

use thiserror::Error;

use crate::dtype::DType;

/// A failure of one scalar operation.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ArithError {
    #[error(
        "fixed-point overflow in {operation}: the result (about {approx:.3e}) is outside the \
         representable range ±{limit:.3e} at scale 2^-{scale}"
    )]
    Overflow { operation: &'static str, approx: f64, limit: f64, scale: u32 },
    #[error("integer overflow in {operation}: {value} does not fit in {dtype}")]
    IntOverflow { operation: &'static str, value: i128, dtype: DType },
    #[error("division by zero in {operation}")]
    DivisionByZero { operation: &'static str },
    #[error("{operation} is undefined for {value}")]
    Domain { operation: &'static str, value: f64 },
    #[error("value {value} is not a finite number")]
    NotFinite { value: f64 },
    #[error("{operation} is not defined on {dtype} tensors")]
    UnsupportedType { operation: &'static str, dtype: &'static str },
}

/// A failure of a kernel: bad arithmetic, or inputs/parameters that do not fit.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum KernelError {
    #[error(transparent)]
    Arith(#[from] ArithError),
    #[error("{arith} (at element {index})")]
    ArithAt { arith: ArithError, index: usize },
    #[error("missing required input #{index} ({name})")]
    MissingInput { index: usize, name: &'static str },
    #[error("input #{index} ({name}) must be {expected}, but is {actual}")]
    InputType { index: usize, name: &'static str, expected: &'static str, actual: String },
    #[error("shape error: {0}")]
    Shape(String),
    #[error("invalid {what}: {detail}")]
    Invalid { what: &'static str, detail: String },
    #[error("unsupported: {0}")]
    Unsupported(String),
    #[error("tensor too large: {elements} elements exceed cairn's limit of {limit}")]
    TooLarge { elements: u128, limit: usize },
}

impl KernelError {
    pub fn shape(msg: impl Into<String>) -> Self {
        KernelError::Shape(msg.into())
    }

    pub fn invalid(what: &'static str, detail: impl Into<String>) -> Self {
        KernelError::Invalid { what, detail: detail.into() }
    }
}

/// Attaches the flat output index to an arithmetic error, so a user can find
/// the element that overflowed.
pub(crate) fn at(index: usize) -> impl Fn(ArithError) -> KernelError {
    move |arith| KernelError::ArithAt { arith, index }
}
