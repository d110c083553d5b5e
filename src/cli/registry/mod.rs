//! `cairn registry …`: the Starknet side from the command line. Thin: the
//! work is in `cairn_starknet::client`; this reads files, verifies proofs
//! locally and prints. The market flow (deploy, register, request, attest,
//! fulfil, refund, show) is in `market.rs`, the owners' commands and the
//! event history in `admin.rs`, what both use in `common.rs`.

mod admin;
mod common;
mod market;

use anyhow::Result;

use super::commands::{RegistryArgs, RegistryCommand};

pub fn registry(args: RegistryArgs) -> Result<()> {
    match args.command {
        RegistryCommand::Deploy(a) => market::deploy(a),
        RegistryCommand::Register(a) => market::register(a),
        RegistryCommand::Request(a) => market::request(a),
        RegistryCommand::Attest(a) => market::attest(a),
        RegistryCommand::Fulfil(a) => market::fulfil(a),
        RegistryCommand::Refund(a) => market::refund(a),
        RegistryCommand::Show(a) => market::show(a),
        RegistryCommand::Publish(a) => admin::publish(a),
        RegistryCommand::SetPrice(a) => admin::set_price(a),
        RegistryCommand::Deprecate(a) => admin::deprecate(a),
        RegistryCommand::Transfer(a) => admin::transfer(a),
        RegistryCommand::Verifier(a) => admin::verifier(a),
        RegistryCommand::SetFactRegistry(a) => admin::set_fact_registry(a),
        RegistryCommand::Events(a) => admin::events(a),
    }
}
