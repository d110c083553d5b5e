//! `cairn registry` commands for owners (new versions, prices, deprecation,
//! transfers, verifiers, the marketplace's fact registry) and the event
//! history. The market flow itself (deploy, register, request, attest,
//! fulfil, refund, show) is in `market.rs`.

use anyhow::Result;
use cairn::market::reports;
use cairn_starknet::client::Owned;
use serde_json::json;

use super::common::{block_on, felt, model_spec, open, print, token};
use crate::cli::commands::{
    OwnedContract, RegistryAddressArgs, RegistryEventsArgs, RegistryModelArgs, RegistryPublishArgs,
    RegistrySetPriceArgs, RegistryTransferArgs, RegistryVerifierArgs, VerifierAction,
};

pub fn publish(args: RegistryPublishArgs) -> Result<()> {
    // A model keeps the name it was registered under; the spec's is unused.
    let spec = model_spec(&args.package, String::new(), &args.metadata_uri)?;
    let (client, d) = open(&args.node)?;
    let (version, receipt) =
        block_on("publishing the version", args.node.json, client.publish_version(&d, args.model_id, &spec))?;
    let report = reports::published(args.model_id, version, &spec, &receipt);
    print(args.node.json, &report, || {
        format!("model {} version {version}: program {:#x}\n", args.model_id, spec.program_hash)
    })
}

pub fn set_price(args: RegistrySetPriceArgs) -> Result<()> {
    let token = token(&args.token)?;
    let (client, d) = open(&args.node)?;
    let receipt =
        block_on("setting the price", args.node.json, client.set_price(&d, args.model_id, token, args.price))?;
    let report = reports::priced(args.model_id, token, args.price, &receipt);
    print(args.node.json, &report, || {
        format!("model {}: {} of token {token:#x} per inference\n", args.model_id, args.price)
    })
}

pub fn deprecate(args: RegistryModelArgs) -> Result<()> {
    let (client, d) = open(&args.node)?;
    let receipt = block_on("deprecating the model", args.node.json, client.deprecate(&d, args.model_id))?;
    let report = reports::deprecated(args.model_id, &receipt);
    print(args.node.json, &report, || format!("model {} deprecated: it takes no new requests\n", args.model_id))
}

pub fn transfer(args: RegistryTransferArgs) -> Result<()> {
    let to = felt(&args.to, "--to")?;
    let (client, d) = open(&args.node)?;
    let quiet = args.node.json;
    let (what, receipt) = match (args.model_id, args.contract) {
        (Some(id), _) => (format!("model {id}"), block_on("transferring", quiet, client.transfer_model(&d, id, to))?),
        (None, Some(contract)) => {
            let owned = match contract {
                OwnedContract::Marketplace => Owned::Marketplace,
                OwnedContract::FactRegistry => Owned::FactRegistry,
            };
            (
                format!("the {}", owned.name()),
                block_on("transferring", quiet, client.transfer_ownership(&d, owned, to))?,
            )
        }
        // clap's group requires one of the two.
        (None, None) => anyhow::bail!("give --model-id or --contract"),
    };
    let report = json!({"transferred": what, "new_owner": format!("{to:#x}"), "transaction": &receipt});
    print(quiet, &report, || format!("{what} now belongs to {to:#x}\n"))
}

pub fn verifier(args: RegistryVerifierArgs) -> Result<()> {
    let address = felt(&args.address, "the verifier's address")?;
    let (client, d) = open(&args.node)?;
    let quiet = args.node.json;
    let (done, receipt) = match args.action {
        VerifierAction::Add => {
            ("approved", block_on("approving the verifier", quiet, client.add_verifier(&d, address))?)
        }
        VerifierAction::Remove => {
            ("removed", block_on("removing the verifier", quiet, client.remove_verifier(&d, address))?)
        }
    };
    let report = json!({"verifier": format!("{address:#x}"), "action": done, "transaction": &receipt});
    print(quiet, &report, || format!("verifier {address:#x} {done}\n"))
}

pub fn set_fact_registry(args: RegistryAddressArgs) -> Result<()> {
    let address = felt(&args.address, "the fact registry's address")?;
    let (client, mut d) = open(&args.node)?;
    let receipt = block_on("setting the fact registry", args.node.json, client.set_fact_registry(&d, address))?;
    // `attest` records facts where the deployment file says.
    d.fact_registry = address;
    d.write(&args.node.deployment)?;
    let report = json!({"fact_registry": format!("{address:#x}"), "transaction": &receipt});
    print(args.node.json, &report, || {
        format!("the marketplace now accepts the facts of {address:#x} ({} updated)\n", args.node.deployment.display())
    })
}

pub fn events(args: RegistryEventsArgs) -> Result<()> {
    let (client, d) = open(&args.node)?;
    let events = block_on("reading the events", true, client.events(&d, args.from_block))?;
    #[derive(serde::Serialize)]
    struct EventsReport<'a> {
        events: &'a [cairn_starknet::events::RegistryEvent],
    }
    print(args.node.json, &EventsReport { events: &events }, || {
        let mut out = String::new();
        for e in &events {
            let block = e.block_number.map_or_else(|| "pending".to_string(), |b| format!("block {b}"));
            let fields: Vec<String> = e.fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
            out += &format!("{block:>12}  {:<13} {:<25} {}\n", e.contract, e.name, fields.join(" "));
        }
        if events.is_empty() {
            out += "no events\n";
        }
        out
    })
}
