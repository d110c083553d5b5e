use starknet::testing::{pop_log, set_contract_address};
use crate::fact::{cells_hash, inference_fact};
use crate::facts::FactRegistry;
use crate::interfaces::{IFactRegistryAdminDispatcherTrait, IFactRegistryDispatcherTrait};
use super::setup::{admin, assert_no_more_logs, setup, stranger, verifier};

#[test]
fn verifier_records_fact() {
    let world = setup();
    assert(!world.fact_view.is_valid(0x1234), 'valid before recording');
    set_contract_address(verifier());
    world.facts.register_fact(0x1234);
    assert(world.fact_view.is_valid(0x1234), 'fact not recorded');
    assert(!world.fact_view.is_valid(0x1235), 'other fact valid');
    let expected = FactRegistry::Event::FactRegistered(
        FactRegistry::FactRegistered { fact: 0x1234, verifier: verifier() },
    );
    assert_eq!(pop_log(world.facts.contract_address), Some(expected));
    assert_no_more_logs(world.facts.contract_address);
}

#[test]
#[should_panic(expected: ('NOT_VERIFIER', 'ENTRYPOINT_FAILED'))]
fn unapproved_account_cannot_record_fact() {
    let world = setup();
    set_contract_address(stranger());
    world.facts.register_fact(0x1234);
}

#[test]
#[should_panic(expected: ('NOT_OWNER', 'ENTRYPOINT_FAILED'))]
fn only_owner_adds_verifiers() {
    let world = setup();
    set_contract_address(stranger());
    world.facts.add_verifier(stranger());
}

#[test]
#[should_panic(expected: ('NOT_VERIFIER', 'ENTRYPOINT_FAILED'))]
fn removed_verifier_cannot_record_fact() {
    let world = setup();
    set_contract_address(admin());
    world.facts.remove_verifier(verifier());
    let expected = FactRegistry::Event::VerifierRemoved(FactRegistry::VerifierRemoved { verifier: verifier() });
    assert_eq!(pop_log(world.facts.contract_address), Some(expected));
    assert(!world.facts.is_verifier(verifier()), 'still a verifier');
    set_contract_address(verifier());
    world.facts.register_fact(0x1234);
}

#[test]
fn ownership_moves_to_new_owner() {
    let world = setup();
    set_contract_address(admin());
    world.facts.transfer_ownership(stranger());
    assert_eq!(world.facts.owner(), stranger());
    let expected = FactRegistry::Event::OwnershipTransferred(
        FactRegistry::OwnershipTransferred { previous_owner: admin(), new_owner: stranger() },
    );
    assert_eq!(pop_log(world.facts.contract_address), Some(expected));
    set_contract_address(stranger());
    world.facts.add_verifier(admin());
    let expected = FactRegistry::Event::VerifierAdded(FactRegistry::VerifierAdded { verifier: admin() });
    assert_eq!(pop_log(world.facts.contract_address), Some(expected));
    assert(world.facts.is_verifier(admin()), 'not added');
}

#[test]
#[should_panic(expected: ('NOT_OWNER', 'ENTRYPOINT_FAILED'))]
fn old_owner_loses_rights() {
    let world = setup();
    set_contract_address(admin());
    world.facts.transfer_ownership(stranger());
    world.facts.add_verifier(admin());
}

/// The same vector is checked in Rust (`cairn_starknet::fact`), so the client
/// and the contracts agree on the fact.
#[test]
fn fact_is_poseidon_of_program_input_output() {
    let input_hash = cells_hash([1, 2, 3].span());
    let output_hash = cells_hash([-1, 65536].span());
    assert_eq!(input_hash, 0x2f0d8840bcf3bc629598d8a6cc80cb7c0d9e52d93dab244bbf9cd0dca0ad082);
    assert_eq!(output_hash, 0x2a0719bbaaef6102a1ce61d2f75ff5e840a8e927194604ff0041ab02d98a6d);
    let fact = inference_fact(0x0123456789abcdef, input_hash, output_hash);
    assert_eq!(fact, 0x218bcb069890c09e4ac86ef99ba99e54aef38088bdf6c4a87f61490cc11048);
}
