//! `Constant` — the tensor of the node's attribute. Its values are known when
//! transpiling: the code generator quantizes them exactly like an initializer
//! (round half away from zero at the model scale; ints as they are) and emits
//! them as a module constant, which this returns. (Constant nodes are normally
//! folded at transpile time and never reach the generated code.)
//! Mirrors runtime/src/ops/constant.rs.

pub fn constant(values: Span<felt252>) -> Span<felt252> {
    values
}
