//! Shared helpers (filled in by the ops that need them).
