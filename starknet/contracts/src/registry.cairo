//! ModelRegistry: who owns which model, and which compiled program each of
//! its versions is. Every change is owner-only and emits an event.

#[starknet::contract]
pub mod ModelRegistry {
    use core::num::traits::Zero;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess, StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_caller_address};
    use crate::interfaces::{IModelRegistry, Model, ModelVersion};

    #[storage]
    struct Storage {
        model_count: u64,
        /// Ids start at 1, so a zero owner means "no such model".
        models: Map<u64, Model>,
        versions: Map<(u64, u32), ModelVersion>,
    }

    #[event]
    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub enum Event {
        ModelRegistered: ModelRegistered,
        VersionPublished: VersionPublished,
        ModelDeprecated: ModelDeprecated,
        ModelOwnershipTransferred: ModelOwnershipTransferred,
        PriceSet: PriceSet,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct ModelRegistered {
        #[key]
        pub model_id: u64,
        #[key]
        pub owner: ContractAddress,
        pub name: felt252,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct VersionPublished {
        #[key]
        pub model_id: u64,
        pub version: u32,
        pub program_hash: felt252,
        pub metadata_uri: ByteArray,
        pub input_shape_hash: felt252,
        pub output_shape_hash: felt252,
        pub scale: u8,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct ModelDeprecated {
        #[key]
        pub model_id: u64,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct ModelOwnershipTransferred {
        #[key]
        pub model_id: u64,
        pub previous_owner: ContractAddress,
        pub new_owner: ContractAddress,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct PriceSet {
        #[key]
        pub model_id: u64,
        pub token: ContractAddress,
        pub price: u256,
    }

    #[abi(embed_v0)]
    impl ModelRegistryImpl of IModelRegistry<ContractState> {
        fn register_model(
            ref self: ContractState,
            name: felt252,
            program_hash: felt252,
            metadata_uri: ByteArray,
            input_shape_hash: felt252,
            output_shape_hash: felt252,
            scale: u8,
        ) -> u64 {
            let owner = get_caller_address();
            assert(owner.is_non_zero(), 'ZERO_CALLER');
            let model_id = self.model_count.read() + 1;
            self.model_count.write(model_id);
            let model = Model {
                id: model_id,
                owner,
                name,
                latest_version: 0,
                deprecated: false,
                price_token: Zero::zero(),
                price: 0,
            };
            self.models.write(model_id, model);
            self.emit(ModelRegistered { model_id, owner, name });
            self.add_version(model, program_hash, metadata_uri, input_shape_hash, output_shape_hash, scale);
            model_id
        }

        fn publish_version(
            ref self: ContractState,
            model_id: u64,
            program_hash: felt252,
            metadata_uri: ByteArray,
            input_shape_hash: felt252,
            output_shape_hash: felt252,
            scale: u8,
        ) -> u32 {
            let model = self.owned_model(model_id);
            assert(!model.deprecated, 'MODEL_DEPRECATED');
            self.add_version(model, program_hash, metadata_uri, input_shape_hash, output_shape_hash, scale)
        }

        fn deprecate(ref self: ContractState, model_id: u64) {
            let mut model = self.owned_model(model_id);
            assert(!model.deprecated, 'MODEL_DEPRECATED');
            model.deprecated = true;
            self.models.write(model_id, model);
            self.emit(ModelDeprecated { model_id });
        }

        fn transfer_model_ownership(ref self: ContractState, model_id: u64, new_owner: ContractAddress) {
            let mut model = self.owned_model(model_id);
            assert(new_owner.is_non_zero(), 'ZERO_OWNER');
            let previous_owner = model.owner;
            model.owner = new_owner;
            self.models.write(model_id, model);
            self.emit(ModelOwnershipTransferred { model_id, previous_owner, new_owner });
        }

        fn set_price(ref self: ContractState, model_id: u64, token: ContractAddress, price: u256) {
            let mut model = self.owned_model(model_id);
            // A price needs a token to be paid in.
            assert(price == 0 || token.is_non_zero(), 'ZERO_TOKEN');
            model.price_token = token;
            model.price = price;
            self.models.write(model_id, model);
            self.emit(PriceSet { model_id, token, price });
        }

        fn model_count(self: @ContractState) -> u64 {
            self.model_count.read()
        }

        fn get_model(self: @ContractState, model_id: u64) -> Model {
            self.existing_model(model_id)
        }

        fn get_version(self: @ContractState, model_id: u64, version: u32) -> ModelVersion {
            let model = self.existing_model(model_id);
            assert(version >= 1 && version <= model.latest_version, 'UNKNOWN_VERSION');
            self.versions.read((model_id, version))
        }

        fn list_models(self: @ContractState, first_id: u64, max: u32) -> Array<Model> {
            let mut models = array![];
            let count = self.model_count.read();
            let mut id = if first_id == 0 {
                1
            } else {
                first_id
            };
            while id <= count && models.len() < max {
                models.append(self.models.read(id));
                id += 1;
            }
            models
        }

        fn list_versions(self: @ContractState, model_id: u64) -> Array<ModelVersion> {
            let model = self.existing_model(model_id);
            let mut versions = array![];
            for version in 1..model.latest_version + 1 {
                versions.append(self.versions.read((model_id, version)));
            }
            versions
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn existing_model(self: @ContractState, model_id: u64) -> Model {
            let model = self.models.read(model_id);
            assert(model.owner.is_non_zero(), 'UNKNOWN_MODEL');
            model
        }

        fn owned_model(self: @ContractState, model_id: u64) -> Model {
            let model = self.existing_model(model_id);
            assert(get_caller_address() == model.owner, 'NOT_MODEL_OWNER');
            model
        }

        fn add_version(
            ref self: ContractState,
            mut model: Model,
            program_hash: felt252,
            metadata_uri: ByteArray,
            input_shape_hash: felt252,
            output_shape_hash: felt252,
            scale: u8,
        ) -> u32 {
            assert(program_hash != 0, 'ZERO_PROGRAM_HASH');
            let version = model.latest_version + 1;
            model.latest_version = version;
            self.models.write(model.id, model);
            let record = ModelVersion {
                version, program_hash, metadata_uri: metadata_uri.clone(), input_shape_hash, output_shape_hash, scale,
            };
            self.versions.write((model.id, version), record);
            self
                .emit(
                    VersionPublished {
                        model_id: model.id,
                        version,
                        program_hash,
                        metadata_uri,
                        input_shape_hash,
                        output_shape_hash,
                        scale,
                    },
                );
            version
        }
    }
}
