use starknet::ContractAddress;
use starknet::testing::{pop_log, set_block_timestamp, set_contract_address};
use crate::fact::{cells_hash, inference_fact};
use crate::interfaces::{
    IERC20DispatcherTrait, IFactRegistryAdminDispatcher, IFactRegistryAdminDispatcherTrait,
    IMarketplaceDispatcherTrait, IModelRegistryDispatcherTrait, InferenceRequest, RequestStatus,
};
use crate::marketplace::Marketplace;
use super::setup::{
    DEADLINE, MODEL_ID, NOW, PRICE, PROGRAM_HASH, SUPPLY, World, admin, assert_no_more_logs, consumer,
    deploy_fact_registry, drain_logs, provider, setup, stranger, verifier,
};

const INPUT_HASH: felt252 = 0xabc;

fn output() -> Span<felt252> {
    [7, -3, 65536].span()
}

fn output_fact() -> felt252 {
    inference_fact(PROGRAM_HASH, INPUT_HASH, cells_hash(output()))
}

/// The consumer requests an inference of model 1 at its price.
fn request(world: World) -> u64 {
    set_contract_address(consumer());
    world.market.request_inference(MODEL_ID, INPUT_HASH, PRICE, DEADLINE)
}

/// A verifier attests the fact of `output()` for the request's input.
fn attest(world: World) {
    set_contract_address(verifier());
    world.facts.register_fact(output_fact());
}

fn balance(world: World, account: ContractAddress) -> u256 {
    world.token.balance_of(account)
}

#[test]
fn request_escrows_payment() {
    let world = setup();
    let id = request(world);
    assert_eq!(id, 1);
    assert_eq!(world.market.request_count(), 1);
    assert_eq!(balance(world, consumer()), SUPPLY - PRICE);
    assert_eq!(balance(world, world.market.contract_address), PRICE);
    let expected = InferenceRequest {
        id,
        consumer: consumer(),
        model_id: MODEL_ID,
        version: 1,
        program_hash: PROGRAM_HASH,
        input_hash: INPUT_HASH,
        token: world.token.contract_address,
        payment: PRICE,
        deadline: DEADLINE,
        status: RequestStatus::Pending,
        output_hash: 0,
    };
    assert_eq!(world.market.get_request(id), expected);
    let requested = Marketplace::InferenceRequested {
        request_id: id,
        model_id: MODEL_ID,
        consumer: consumer(),
        version: 1,
        input_hash: INPUT_HASH,
        payment: PRICE,
        deadline: DEADLINE,
    };
    assert_eq!(pop_log(world.market.contract_address), Some(Marketplace::Event::InferenceRequested(requested)));
    assert_no_more_logs(world.market.contract_address);
}

#[test]
#[should_panic(expected: ('WRONG_PAYMENT', 'ENTRYPOINT_FAILED'))]
fn underpayment_is_rejected() {
    let world = setup();
    set_contract_address(consumer());
    world.market.request_inference(MODEL_ID, INPUT_HASH, PRICE - 1, DEADLINE);
}

#[test]
#[should_panic(expected: ('WRONG_PAYMENT', 'ENTRYPOINT_FAILED'))]
fn overpayment_is_rejected() {
    let world = setup();
    set_contract_address(consumer());
    world.market.request_inference(MODEL_ID, INPUT_HASH, PRICE + 1, DEADLINE);
}

#[test]
#[should_panic(expected: ('INSUFFICIENT_ALLOWANCE', 'ENTRYPOINT_FAILED', 'ENTRYPOINT_FAILED'))]
fn payment_needs_allowance() {
    let world = setup();
    set_contract_address(consumer());
    world.token.approve(world.market.contract_address, PRICE - 1);
    world.market.request_inference(MODEL_ID, INPUT_HASH, PRICE, DEADLINE);
}

#[test]
#[should_panic(expected: ('DEADLINE_IN_PAST', 'ENTRYPOINT_FAILED'))]
fn deadline_must_be_in_the_future() {
    let world = setup();
    set_contract_address(consumer());
    world.market.request_inference(MODEL_ID, INPUT_HASH, PRICE, NOW);
}

#[test]
#[should_panic(expected: ('MODEL_DEPRECATED', 'ENTRYPOINT_FAILED'))]
fn deprecated_model_takes_no_requests() {
    let world = setup();
    set_contract_address(provider());
    world.registry.deprecate(MODEL_ID);
    request(world);
}

#[test]
#[should_panic(expected: ('UNKNOWN_MODEL', 'ENTRYPOINT_FAILED', 'ENTRYPOINT_FAILED'))]
fn unknown_model_takes_no_requests() {
    let world = setup();
    set_contract_address(consumer());
    world.market.request_inference(9, INPUT_HASH, 0, DEADLINE);
}

#[test]
fn request_pins_the_latest_version() {
    let world = setup();
    set_contract_address(provider());
    world.registry.publish_version(MODEL_ID, 0xbeef, "ipfs://v2", 0x1, 0x2, 16);
    let id = request(world);
    let request = world.market.get_request(id);
    assert_eq!(request.version, 2);
    assert_eq!(request.program_hash, 0xbeef);
}

#[test]
fn valid_fact_releases_payment_and_publishes_output() {
    let world = setup();
    let id = request(world);
    attest(world);
    drain_logs(world);
    set_contract_address(provider());
    world.market.fulfil(id, output());

    assert_eq!(balance(world, provider()), PRICE);
    assert_eq!(balance(world, world.market.contract_address), 0);
    let request = world.market.get_request(id);
    assert_eq!(request.status, RequestStatus::Fulfilled);
    assert_eq!(request.output_hash, cells_hash(output()));
    // What any other contract reads through the same dispatcher call.
    assert_eq!(world.market.get_output(id).span(), output());
    let fulfilled = Marketplace::InferenceFulfilled {
        request_id: id, provider: provider(), output_hash: cells_hash(output()), fact: output_fact(),
    };
    assert_eq!(pop_log(world.market.contract_address), Some(Marketplace::Event::InferenceFulfilled(fulfilled)));
    assert_no_more_logs(world.market.contract_address);
}

#[test]
#[should_panic(expected: ('NOT_PROVIDER', 'ENTRYPOINT_FAILED'))]
fn only_the_model_owner_fulfils() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_contract_address(stranger());
    world.market.fulfil(id, output());
}

#[test]
#[should_panic(expected: ('INVALID_FACT', 'ENTRYPOINT_FAILED'))]
fn unattested_output_is_rejected() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_contract_address(provider());
    // A different output than the one whose fact was recorded.
    world.market.fulfil(id, [7, -3, 65537].span());
}

#[test]
#[should_panic(expected: ('INVALID_FACT', 'ENTRYPOINT_FAILED'))]
fn fact_for_another_input_is_rejected() {
    let world = setup();
    set_contract_address(consumer());
    let id = world.market.request_inference(MODEL_ID, INPUT_HASH + 1, PRICE, DEADLINE);
    attest(world);
    set_contract_address(provider());
    world.market.fulfil(id, output());
}

#[test]
#[should_panic(expected: ('NOT_PENDING', 'ENTRYPOINT_FAILED'))]
fn request_cannot_be_fulfilled_twice() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_contract_address(provider());
    world.market.fulfil(id, output());
    world.market.fulfil(id, output());
}

#[test]
#[should_panic(expected: ('DEADLINE_PASSED', 'ENTRYPOINT_FAILED'))]
fn late_fulfilment_is_rejected() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_block_timestamp(DEADLINE + 1);
    set_contract_address(provider());
    world.market.fulfil(id, output());
}

#[test]
fn fulfilment_at_the_deadline_is_accepted() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_block_timestamp(DEADLINE);
    set_contract_address(provider());
    world.market.fulfil(id, output());
    assert_eq!(world.market.get_request(id).status, RequestStatus::Fulfilled);
}

#[test]
#[should_panic(expected: ('DEADLINE_NOT_PASSED', 'ENTRYPOINT_FAILED'))]
fn refund_before_deadline_is_rejected() {
    let world = setup();
    let id = request(world);
    set_block_timestamp(DEADLINE);
    world.market.refund(id);
}

#[test]
fn refund_after_deadline_returns_payment() {
    let world = setup();
    let id = request(world);
    drain_logs(world);
    set_block_timestamp(DEADLINE + 1);
    world.market.refund(id);
    assert_eq!(balance(world, consumer()), SUPPLY);
    assert_eq!(balance(world, world.market.contract_address), 0);
    assert_eq!(world.market.get_request(id).status, RequestStatus::Refunded);
    let refunded = Marketplace::InferenceRefunded { request_id: id, consumer: consumer(), payment: PRICE };
    assert_eq!(pop_log(world.market.contract_address), Some(Marketplace::Event::InferenceRefunded(refunded)));
    assert_no_more_logs(world.market.contract_address);
}

#[test]
#[should_panic(expected: ('NOT_PENDING', 'ENTRYPOINT_FAILED'))]
fn refund_cannot_be_taken_twice() {
    let world = setup();
    let id = request(world);
    set_block_timestamp(DEADLINE + 1);
    world.market.refund(id);
    world.market.refund(id);
}

#[test]
#[should_panic(expected: ('NOT_CONSUMER', 'ENTRYPOINT_FAILED'))]
fn only_the_consumer_is_refunded() {
    let world = setup();
    let id = request(world);
    set_block_timestamp(DEADLINE + 1);
    set_contract_address(stranger());
    world.market.refund(id);
}

#[test]
#[should_panic(expected: ('NOT_PENDING', 'ENTRYPOINT_FAILED'))]
fn fulfilled_request_is_not_refunded() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_contract_address(provider());
    world.market.fulfil(id, output());
    set_block_timestamp(DEADLINE + 1);
    set_contract_address(consumer());
    world.market.refund(id);
}

#[test]
#[should_panic(expected: ('NOT_PENDING', 'ENTRYPOINT_FAILED'))]
fn refunded_request_is_not_fulfilled() {
    let world = setup();
    let id = request(world);
    attest(world);
    set_block_timestamp(DEADLINE + 1);
    set_contract_address(consumer());
    world.market.refund(id);
    set_contract_address(provider());
    world.market.fulfil(id, output());
}

#[test]
#[should_panic(expected: ('NOT_FULFILLED', 'ENTRYPOINT_FAILED'))]
fn output_is_unreadable_until_fulfilled() {
    let world = setup();
    let id = request(world);
    world.market.get_output(id);
}

#[test]
#[should_panic(expected: ('UNKNOWN_REQUEST', 'ENTRYPOINT_FAILED'))]
fn unknown_request_is_an_error() {
    let world = setup();
    world.market.get_request(3);
}

#[test]
fn free_model_needs_no_token() {
    let world = setup();
    set_contract_address(provider());
    world.registry.set_price(MODEL_ID, core::num::traits::Zero::zero(), 0);
    set_contract_address(consumer());
    let id = world.market.request_inference(MODEL_ID, INPUT_HASH, 0, DEADLINE);
    attest(world);
    set_contract_address(provider());
    world.market.fulfil(id, output());
    assert_eq!(world.market.get_output(id).span(), output());
    assert_eq!(balance(world, consumer()), SUPPLY);
}

#[test]
fn owner_switches_fact_registry() {
    let world = setup();
    let id = request(world);
    attest(world);
    // The new registry has not seen the fact: fulfilment must now fail.
    let other = deploy_fact_registry(admin(), 1);
    drain_logs(world);
    set_contract_address(admin());
    world.market.set_fact_registry(other);
    assert_eq!(world.market.fact_registry(), other);
    let switched = Marketplace::FactRegistrySet { fact_registry: other };
    assert_eq!(pop_log(world.market.contract_address), Some(Marketplace::Event::FactRegistrySet(switched)));
    let other = IFactRegistryAdminDispatcher { contract_address: other };
    other.add_verifier(verifier());
    set_contract_address(verifier());
    other.register_fact(output_fact());
    set_contract_address(provider());
    world.market.fulfil(id, output());
}

#[test]
#[should_panic(expected: ('NOT_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_switch_fact_registry() {
    let world = setup();
    set_contract_address(stranger());
    world.market.set_fact_registry(stranger());
}

#[test]
fn marketplace_ownership_moves() {
    let world = setup();
    set_contract_address(admin());
    world.market.transfer_ownership(stranger());
    assert_eq!(world.market.owner(), stranger());
    let moved = Marketplace::OwnershipTransferred { previous_owner: admin(), new_owner: stranger() };
    assert_eq!(pop_log(world.market.contract_address), Some(Marketplace::Event::OwnershipTransferred(moved)));
    set_contract_address(stranger());
    world.market.set_fact_registry(world.facts.contract_address);
}

#[test]
#[should_panic(expected: ('NOT_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_take_marketplace_ownership() {
    let world = setup();
    set_contract_address(stranger());
    world.market.transfer_ownership(stranger());
}
