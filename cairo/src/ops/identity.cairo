//! `Identity` — the output is the input. No function: the generated code
//! passes the data through unchanged. Mirrors runtime/src/ops/identity.rs.
