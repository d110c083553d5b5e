//! `cairn._cairn`: the native half of the `cairn` Python package, a thin
//! layer over the `cairn` library. It takes and returns plain Python values
//! (paths, bytes, ints, lists, tuples, JSON text); `python/cairn/` turns them
//! into the typed API (numpy arrays, dataclasses) documented in
//! docs/python.md.

mod errors;
mod model;
mod outputs;
mod package;
mod registry;
mod staged;
mod verify;
mod work;

use pyo3::prelude::*;

#[pymodule]
fn _cairn(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_SCALE", cairn::runtime::fixed::DEFAULT_SCALE)?;
    m.add("MAX_SCALE", cairn::runtime::fixed::MAX_SCALE)?;
    m.add("DEFAULT_HEADROOM_BITS", cairn::transpiler::calibrate::DEFAULT_HEADROOM_BITS)?;
    m.add("DEFAULT_SECURITY_BITS", cairn::prover::proof::DEFAULT_SECURITY_BITS)?;
    m.add("SECURITY_FLOOR_BITS", cairn::prover::proof::SECURITY_FLOOR_BITS)?;
    m.add("MAX_PROOF_BYTES", cairn::prover::proof::MAX_PROOF_BYTES)?;
    m.add("MANIFEST_FILE", cairn::transpiler::codegen::package::MANIFEST_FILE)?;

    m.add_class::<model::PyModel>()?;
    m.add_class::<model::PySamples>()?;
    m.add_class::<package::Package>()?;
    m.add_class::<package::Program>()?;
    m.add_class::<registry::Registry>()?;
    m.add_class::<staged::StagedPackage>()?;
    m.add_function(wrap_pyfunction!(staged::transpile_staged, m)?)?;
    m.add_function(wrap_pyfunction!(staged::prove_stage, m)?)?;
    m.add_function(wrap_pyfunction!(staged::assemble_bundle, m)?)?;
    m.add_function(wrap_pyfunction!(staged::verify_bundle, m)?)?;
    m.add_function(wrap_pyfunction!(verify::verify, m)?)?;
    m.add_function(wrap_pyfunction!(verify::inspect, m)?)?;
    m.add_function(wrap_pyfunction!(registry::deploy, m)?)?;

    m.add("CairnError", py.get_type::<errors::CairnError>())?;
    m.add("InputError", py.get_type::<errors::InputError>())?;
    m.add("ModelError", py.get_type::<errors::ModelError>())?;
    m.add("EvaluationError", py.get_type::<errors::EvaluationError>())?;
    m.add("PackageError", py.get_type::<errors::PackageError>())?;
    m.add("CairoError", py.get_type::<errors::CairoError>())?;
    m.add("ProvingError", py.get_type::<errors::ProvingError>())?;
    m.add("InvalidProof", py.get_type::<errors::InvalidProof>())?;
    m.add("RegistryError", py.get_type::<errors::RegistryError>())?;
    Ok(())
}
