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

use crate::bundle::VerifiedBundle;
use crate::{BoundSample, Error, Felt, Package, Result, StagedPackage, VerifiedInference};

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
    let output_cells = package.manifest().output_cells();
    let segment: Vec<Felt> = verified.proof.output.iter().map(|f| f.to_starknet()).collect();
    Ok(ProvenInference::from_segment(verified.proof.program_hash.to_starknet(), &segment, output_cells)?)
}

/// A compiled staged package as a model version: its model hash (over the
/// stage programs, docs/staged.md) stands where a single program's hash
/// does; the shapes are the first stage's inputs and the last stage's
/// outputs.
pub fn staged_model_spec(staged: &StagedPackage, name: String, metadata_uri: &str) -> Result<ModelSpec> {
    let program = staged.compile()?;
    let stages = program.programs();
    let (first, last) = (stages[0].manifest(), stages[stages.len() - 1].manifest());
    Ok(ModelSpec {
        name,
        program_hash: program.model_hash(),
        metadata_uri: metadata_uri.to_string(),
        input_shapes: first.inputs.iter().map(|i| i.shape.clone()).collect(),
        output_shapes: last.outputs.iter().map(|o| o.shape.clone()).collect(),
        scale: staged.scale()?.bits() as u8,
    })
}

/// The input commitment of a staged model: Poseidon over the cells its first
/// stage is given (and its bundle binds).
pub fn staged_input_commitment(staged: &StagedPackage, sample: &BoundSample) -> Result<Felt> {
    Ok(cells_hash(&encode_inputs(staged.stages()[0].manifest(), sample)?))
}

/// A verified bundle as the inference whose fact the contracts check: the
/// model hash, the last stage's output cells, the first stage's input cells
/// — the same fact shape as a single proof's.
pub fn proven_bundle(verified: &VerifiedBundle) -> ProvenInference {
    ProvenInference {
        program_hash: verified.model_hash,
        outputs: verified.output_cells.clone(),
        inputs: verified.input_cells.clone(),
    }
}

/// The reports of the registry's calls, as `cairn registry … --json` prints
/// them and `cairn.Registry` returns them (docs/json.md): one definition for
/// both, so they cannot drift apart. Felts are hex, amounts decimal strings.
pub mod reports {
    use cairn_starknet::client::{Fulfilment, ModelSpec, Receipt, VerifiedInference as ProvenInference};
    use serde_json::{json, Value};

    use crate::Felt;

    /// A model registered; `price` when a price was set right after:
    /// (token, amount, its transaction).
    pub fn registered(
        model_id: u64,
        spec: &ModelSpec,
        receipt: &Receipt,
        price: Option<(Felt, u128, &Receipt)>,
    ) -> Value {
        let price = price.map(|(token, amount, r)| {
            json!({"token": format!("{token:#x}"), "amount": amount.to_string(), "transaction": r})
        });
        json!({
            "model_id": model_id,
            "name": spec.name,
            "program_hash": format!("{:#x}", spec.program_hash),
            "transaction": receipt,
            "price": price,
        })
    }

    pub fn published(model_id: u64, version: u32, spec: &ModelSpec, receipt: &Receipt) -> Value {
        json!({
            "model_id": model_id,
            "version": version,
            "program_hash": format!("{:#x}", spec.program_hash),
            "transaction": receipt,
        })
    }

    pub fn priced(model_id: u64, token: Felt, price: u128, receipt: &Receipt) -> Value {
        json!({"model_id": model_id, "token": format!("{token:#x}"), "price": price.to_string(), "transaction": receipt})
    }

    pub fn deprecated(model_id: u64, receipt: &Receipt) -> Value {
        json!({"model_id": model_id, "transaction": receipt})
    }

    pub fn requested(request_id: u64, model_id: u64, input_hash: Felt, deadline: u64, receipt: &Receipt) -> Value {
        json!({
            "request_id": request_id,
            "model_id": model_id,
            "input_hash": format!("{input_hash:#x}"),
            "deadline": deadline,
            "transaction": receipt,
        })
    }

    pub fn attested(inference: &ProvenInference, receipt: &Receipt) -> Value {
        json!({
            "fact": format!("{:#x}", inference.fact()),
            "program_hash": format!("{:#x}", inference.program_hash),
            "input_hash": format!("{:#x}", inference.input_hash()),
            "output_hash": format!("{:#x}", inference.output_hash()),
            "transaction": receipt,
        })
    }

    pub fn fulfilled(request_id: u64, inference: &ProvenInference, f: &Fulfilment) -> Value {
        json!({
            "request_id": request_id,
            "fact": format!("{:#x}", f.fact),
            "fact_recorded": f.fact_recorded,
            "output_cells": inference.outputs.len(),
            "transaction": f.receipt,
        })
    }

    pub fn refunded(request_id: u64, receipt: &Receipt) -> Value {
        json!({"request_id": request_id, "transaction": receipt})
    }
}

/// An ERC-20 token given as `STRK` (Starknet's fee token, any case) or a
/// hex address; `None` when it is neither.
pub fn token_address(text: &str) -> Option<Felt> {
    if text.trim().eq_ignore_ascii_case("strk") {
        Some(cairn_starknet::client::STRK)
    } else {
        Felt::from_hex(text.trim()).ok()
    }
}
