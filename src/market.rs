//! What the Starknet registry needs from the pipeline: a package as a model
//! version, a sample's input commitment, and a verified proof as the
//! inference whose fact the contracts check (starknet/README.md). The
//! contract calls themselves are [`starknet::client::Client`]'s; the CLI's
//! `cairn registry` and the Python package's `cairn.Registry` both go
//! through these.

pub use cairn_starknet as starknet;

use cairn_starknet::client::{ModelSpec, VerifiedInference as ProvenInference};
use cairn_starknet::fact::cells_hash;
use cairn_transpiler::io::encode_inputs;

use crate::{BoundSample, Error, Felt, Package, Result, VerifiedInference};

/// A compiled package as a model version: its program hash, input and output
/// shapes and scale, under `name` (a Cairo short string) and `metadata_uri`.
pub fn model_spec(package: &Package, name: String, metadata_uri: &str) -> Result<ModelSpec> {
    let Some(program_hash) = package.program_hash()? else {
        return Err(Error::NotCompiled { path: package.dir().to_path_buf() });
    };
    let manifest = package.manifest();
    Ok(ModelSpec {
        name,
        program_hash,
        metadata_uri: metadata_uri.to_string(),
        input_shapes: manifest.inputs.iter().map(|i| i.shape.clone()).collect(),
        output_shapes: manifest.outputs.iter().map(|o| o.shape.clone()).collect(),
        // A valid scale has at most 62 fraction bits.
        scale: package.scale()?.bits() as u8,
    })
}

/// The commitment a request makes to its input: Poseidon over the input
/// cells exactly as the package's program encodes (and its proof echoes) them.
pub fn input_commitment(package: &Package, sample: &BoundSample) -> Result<Felt> {
    Ok(cells_hash(&encode_inputs(package.manifest(), sample)?))
}

/// A proof verified against `package`, split into the parts its fact binds:
/// the program hash, the output cells and the input cells.
pub fn proven_inference(verified: &VerifiedInference, package: &Package) -> Result<ProvenInference> {
    let output_cells = package.manifest().outputs.iter().map(|o| o.len()).sum();
    let segment: Vec<Felt> = verified.proof.output.iter().map(|f| f.to_starknet()).collect();
    Ok(ProvenInference::from_segment(verified.proof.program_hash.to_starknet(), &segment, output_cells)?)
}
