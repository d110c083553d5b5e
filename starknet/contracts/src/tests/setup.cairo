//! Deploys the four contracts the way a real deployment wires them, and
//! names the accounts the tests act as.

use starknet::syscalls::deploy_syscall;
use starknet::testing::{pop_log_raw, set_block_timestamp, set_contract_address};
use starknet::{ClassHash, ContractAddress, SyscallResultTrait};
use crate::facts::FactRegistry;
use crate::interfaces::{
    IERC20Dispatcher, IERC20DispatcherTrait, IFactRegistryAdminDispatcher, IFactRegistryAdminDispatcherTrait,
    IFactRegistryDispatcher, IMarketplaceDispatcher, IModelRegistryDispatcher, IModelRegistryDispatcherTrait,
};
use crate::marketplace::Marketplace;
use crate::registry::ModelRegistry;
use crate::test_token::TestToken;

pub const PROGRAM_HASH: felt252 = 0x0123456789abcdef;
pub const INPUT_SHAPE_HASH: felt252 = 0x11;
pub const OUTPUT_SHAPE_HASH: felt252 = 0x22;
pub const SCALE: u8 = 16;
pub const PRICE: u256 = 50;
pub const SUPPLY: u256 = 1000;
pub const NOW: u64 = 1_000_000;
pub const DEADLINE: u64 = NOW + 3600;
/// The model `setup` registers.
pub const MODEL_ID: u64 = 1;

pub fn admin() -> ContractAddress {
    'admin'.try_into().unwrap()
}

pub fn provider() -> ContractAddress {
    'provider'.try_into().unwrap()
}

pub fn consumer() -> ContractAddress {
    'consumer'.try_into().unwrap()
}

pub fn verifier() -> ContractAddress {
    'verifier'.try_into().unwrap()
}

pub fn stranger() -> ContractAddress {
    'stranger'.try_into().unwrap()
}

#[derive(Copy, Drop)]
pub struct World {
    pub registry: IModelRegistryDispatcher,
    pub facts: IFactRegistryAdminDispatcher,
    pub fact_view: IFactRegistryDispatcher,
    pub market: IMarketplaceDispatcher,
    pub token: IERC20Dispatcher,
}

pub fn deploy(class_hash: ClassHash, salt: felt252, calldata: Array<felt252>) -> ContractAddress {
    let (address, _) = deploy_syscall(class_hash, salt, calldata.span(), false).unwrap_syscall();
    address
}

pub fn deploy_fact_registry(owner: ContractAddress, salt: felt252) -> ContractAddress {
    deploy(FactRegistry::TEST_CLASS_HASH, salt, array![owner.into()])
}

/// Registry, fact registry (with `verifier()` approved), marketplace and a
/// token whose supply the consumer holds; `provider()` owns model 1 priced at
/// `PRICE`; the consumer has approved the marketplace for `PRICE`. The clock
/// is at `NOW`, the caller is the consumer, and every log is drained.
pub fn setup() -> World {
    set_block_timestamp(NOW);
    set_contract_address(admin());
    let mut token_args = array![];
    Serde::serialize(@consumer(), ref token_args);
    Serde::serialize(@SUPPLY, ref token_args);
    let token = IERC20Dispatcher { contract_address: deploy(TestToken::TEST_CLASS_HASH, 0, token_args) };
    let registry = IModelRegistryDispatcher { contract_address: deploy(ModelRegistry::TEST_CLASS_HASH, 0, array![]) };
    let facts_address = deploy_fact_registry(admin(), 0);
    let facts = IFactRegistryAdminDispatcher { contract_address: facts_address };
    let market_args = array![admin().into(), registry.contract_address.into(), facts_address.into()];
    let market = IMarketplaceDispatcher { contract_address: deploy(Marketplace::TEST_CLASS_HASH, 0, market_args) };
    facts.add_verifier(verifier());

    set_contract_address(provider());
    registry.register_model('mnist', PROGRAM_HASH, "ipfs://mnist", INPUT_SHAPE_HASH, OUTPUT_SHAPE_HASH, SCALE);
    registry.set_price(MODEL_ID, token.contract_address, PRICE);

    set_contract_address(consumer());
    token.approve(market.contract_address, PRICE);

    let world = World {
        registry, facts, fact_view: IFactRegistryDispatcher { contract_address: facts_address }, market, token,
    };
    drain_logs(world);
    world
}

pub fn drain_logs(world: World) {
    drain(world.registry.contract_address);
    drain(world.facts.contract_address);
    drain(world.market.contract_address);
    drain(world.token.contract_address);
}

fn drain(address: ContractAddress) {
    while pop_log_raw(address).is_some() {}
}

/// Fails if `address` emitted an event not yet popped.
pub fn assert_no_more_logs(address: ContractAddress) {
    assert(pop_log_raw(address).is_none(), 'unexpected event');
}
