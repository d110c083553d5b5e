use starknet::testing::{pop_log, set_contract_address};
use crate::interfaces::{IModelRegistryDispatcherTrait, Model, ModelVersion};
use crate::registry::ModelRegistry;
use super::setup::{
    INPUT_SHAPE_HASH, MODEL_ID, OUTPUT_SHAPE_HASH, PRICE, PROGRAM_HASH, SCALE, World, assert_no_more_logs, provider,
    setup, stranger,
};

fn publish_v2(world: World) -> u32 {
    world.registry.publish_version(MODEL_ID, 0xbeef, "ipfs://mnist-v2", 0x33, 0x44, 12)
}

#[test]
fn registered_model_is_listed_with_its_first_version() {
    let world = setup();
    set_contract_address(stranger());
    let id = world.registry.register_model('cnn', 0xc0de, "ipfs://cnn", 0x5, 0x6, 8);
    assert_eq!(id, 2);
    let zero = core::num::traits::Zero::zero();
    let expected = Model {
        id: 2, owner: stranger(), name: 'cnn', latest_version: 1, deprecated: false, price_token: zero, price: 0,
    };
    assert_eq!(world.registry.get_model(2), expected);
    assert_eq!(world.registry.model_count(), 2);
    let version = ModelVersion {
        version: 1,
        program_hash: 0xc0de,
        metadata_uri: "ipfs://cnn",
        input_shape_hash: 0x5,
        output_shape_hash: 0x6,
        scale: 8,
    };
    assert_eq!(world.registry.get_version(2, 1), version);

    let address = world.registry.contract_address;
    let registered = ModelRegistry::ModelRegistered { model_id: 2, owner: stranger(), name: 'cnn' };
    assert_eq!(pop_log(address), Some(ModelRegistry::Event::ModelRegistered(registered)));
    let published = ModelRegistry::VersionPublished {
        model_id: 2,
        version: 1,
        program_hash: 0xc0de,
        metadata_uri: "ipfs://cnn",
        input_shape_hash: 0x5,
        output_shape_hash: 0x6,
        scale: 8,
    };
    assert_eq!(pop_log(address), Some(ModelRegistry::Event::VersionPublished(published)));
    assert_no_more_logs(address);

    let models = world.registry.list_models(1, 10);
    assert_eq!(models.len(), 2);
    assert_eq!(*models[0].name, 'mnist');
    assert_eq!(*models[1], expected);
    assert_eq!(world.registry.list_models(2, 10).len(), 1);
    assert_eq!(world.registry.list_models(1, 1).len(), 1);
    assert_eq!(world.registry.list_models(3, 10).len(), 0);
}

#[test]
fn owner_publishes_new_version() {
    let world = setup();
    set_contract_address(provider());
    assert_eq!(publish_v2(world), 2);
    assert_eq!(world.registry.get_model(MODEL_ID).latest_version, 2);
    let versions = world.registry.list_versions(MODEL_ID);
    assert_eq!(versions.len(), 2);
    assert_eq!(versions[0].program_hash, @PROGRAM_HASH);
    assert_eq!(versions[0].scale, @SCALE);
    assert_eq!(versions[0].input_shape_hash, @INPUT_SHAPE_HASH);
    assert_eq!(versions[0].output_shape_hash, @OUTPUT_SHAPE_HASH);
    assert_eq!(versions[1].program_hash, @0xbeef);
    assert_eq!(versions[1].metadata_uri, @"ipfs://mnist-v2");
    let published = ModelRegistry::VersionPublished {
        model_id: MODEL_ID,
        version: 2,
        program_hash: 0xbeef,
        metadata_uri: "ipfs://mnist-v2",
        input_shape_hash: 0x33,
        output_shape_hash: 0x44,
        scale: 12,
    };
    assert_eq!(pop_log(world.registry.contract_address), Some(ModelRegistry::Event::VersionPublished(published)));
}

#[test]
#[should_panic(expected: ('NOT_MODEL_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_publish_version() {
    let world = setup();
    set_contract_address(stranger());
    publish_v2(world);
}

#[test]
#[should_panic(expected: ('ZERO_PROGRAM_HASH', 'ENTRYPOINT_FAILED'))]
fn version_needs_program_hash() {
    let world = setup();
    set_contract_address(provider());
    world.registry.publish_version(MODEL_ID, 0, "ipfs://x", 0x33, 0x44, 12);
}

#[test]
#[should_panic(expected: ('MODEL_DEPRECATED', 'ENTRYPOINT_FAILED'))]
fn deprecated_model_gets_no_new_versions() {
    let world = setup();
    set_contract_address(provider());
    world.registry.deprecate(MODEL_ID);
    assert(world.registry.get_model(MODEL_ID).deprecated, 'not deprecated');
    let deprecated = ModelRegistry::ModelDeprecated { model_id: MODEL_ID };
    assert_eq!(pop_log(world.registry.contract_address), Some(ModelRegistry::Event::ModelDeprecated(deprecated)));
    publish_v2(world);
}

#[test]
#[should_panic(expected: ('NOT_MODEL_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_deprecate() {
    let world = setup();
    set_contract_address(stranger());
    world.registry.deprecate(MODEL_ID);
}

#[test]
fn ownership_transfer_moves_rights() {
    let world = setup();
    set_contract_address(provider());
    world.registry.transfer_model_ownership(MODEL_ID, stranger());
    assert_eq!(world.registry.get_model(MODEL_ID).owner, stranger());
    let transferred = ModelRegistry::ModelOwnershipTransferred {
        model_id: MODEL_ID, previous_owner: provider(), new_owner: stranger(),
    };
    assert_eq!(
        pop_log(world.registry.contract_address), Some(ModelRegistry::Event::ModelOwnershipTransferred(transferred)),
    );
    set_contract_address(stranger());
    assert_eq!(publish_v2(world), 2);
}

#[test]
#[should_panic(expected: ('NOT_MODEL_OWNER', 'ENTRYPOINT_FAILED'))]
fn previous_owner_loses_rights() {
    let world = setup();
    set_contract_address(provider());
    world.registry.transfer_model_ownership(MODEL_ID, stranger());
    publish_v2(world);
}

#[test]
#[should_panic(expected: ('NOT_MODEL_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_transfer_ownership() {
    let world = setup();
    set_contract_address(stranger());
    world.registry.transfer_model_ownership(MODEL_ID, stranger());
}

#[test]
fn owner_sets_price() {
    let world = setup();
    set_contract_address(provider());
    world.registry.set_price(MODEL_ID, world.token.contract_address, PRICE * 2);
    let model = world.registry.get_model(MODEL_ID);
    assert_eq!(model.price, PRICE * 2);
    assert_eq!(model.price_token, world.token.contract_address);
    let price_set = ModelRegistry::PriceSet { model_id: MODEL_ID, token: world.token.contract_address, price: PRICE * 2 };
    assert_eq!(pop_log(world.registry.contract_address), Some(ModelRegistry::Event::PriceSet(price_set)));
}

#[test]
#[should_panic(expected: ('NOT_MODEL_OWNER', 'ENTRYPOINT_FAILED'))]
fn stranger_cannot_set_price() {
    let world = setup();
    set_contract_address(stranger());
    world.registry.set_price(MODEL_ID, world.token.contract_address, 0);
}

#[test]
#[should_panic(expected: ('ZERO_TOKEN', 'ENTRYPOINT_FAILED'))]
fn price_needs_token() {
    let world = setup();
    set_contract_address(provider());
    world.registry.set_price(MODEL_ID, core::num::traits::Zero::zero(), PRICE);
}

#[test]
#[should_panic(expected: ('UNKNOWN_MODEL', 'ENTRYPOINT_FAILED'))]
fn unknown_model_is_an_error() {
    let world = setup();
    world.registry.get_model(7);
}

#[test]
#[should_panic(expected: ('UNKNOWN_VERSION', 'ENTRYPOINT_FAILED'))]
fn unknown_version_is_an_error() {
    let world = setup();
    world.registry.get_version(MODEL_ID, 2);
}
