//! Marketplace: paid inference requests against the registry's models.
//!
//! A consumer escrows the model's price with a request; the model's owner
//! fulfils it with the output, and is paid only if the fact registry holds
//! the fact H(program_hash, input_hash, output_hash) (`crate::fact`); after
//! the deadline an unfulfilled request can only be refunded. State is written
//! before any token call (checks-effects-interactions), so a re-entering
//! token sees the request already settled.

#[starknet::contract]
pub mod Marketplace {
    use core::num::traits::Zero;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess, StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_block_timestamp, get_caller_address, get_contract_address};
    use crate::fact::{cells_hash, inference_fact};
    use crate::interfaces::{
        IERC20Dispatcher, IERC20DispatcherTrait, IFactRegistryDispatcher, IFactRegistryDispatcherTrait, IMarketplace,
        IModelRegistryDispatcher, IModelRegistryDispatcherTrait, InferenceRequest, RequestStatus,
    };

    #[storage]
    struct Storage {
        owner: ContractAddress,
        registry: ContractAddress,
        fact_registry: ContractAddress,
        request_count: u64,
        /// Ids start at 1, so a zero consumer means "no such request".
        requests: Map<u64, InferenceRequest>,
        output_len: Map<u64, u32>,
        output_cells: Map<(u64, u32), felt252>,
    }

    #[event]
    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub enum Event {
        InferenceRequested: InferenceRequested,
        InferenceFulfilled: InferenceFulfilled,
        InferenceRefunded: InferenceRefunded,
        FactRegistrySet: FactRegistrySet,
        OwnershipTransferred: OwnershipTransferred,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct InferenceRequested {
        #[key]
        pub request_id: u64,
        #[key]
        pub model_id: u64,
        pub consumer: ContractAddress,
        pub version: u32,
        pub input_hash: felt252,
        pub payment: u256,
        pub deadline: u64,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct InferenceFulfilled {
        #[key]
        pub request_id: u64,
        pub provider: ContractAddress,
        pub output_hash: felt252,
        pub fact: felt252,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct InferenceRefunded {
        #[key]
        pub request_id: u64,
        pub consumer: ContractAddress,
        pub payment: u256,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct FactRegistrySet {
        pub fact_registry: ContractAddress,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct OwnershipTransferred {
        pub previous_owner: ContractAddress,
        pub new_owner: ContractAddress,
    }

    #[constructor]
    fn constructor(
        ref self: ContractState, owner: ContractAddress, registry: ContractAddress, fact_registry: ContractAddress,
    ) {
        assert(owner.is_non_zero(), 'ZERO_OWNER');
        assert(registry.is_non_zero(), 'ZERO_REGISTRY');
        assert(fact_registry.is_non_zero(), 'ZERO_FACT_REGISTRY');
        self.owner.write(owner);
        self.registry.write(registry);
        self.fact_registry.write(fact_registry);
    }

    #[abi(embed_v0)]
    impl MarketplaceImpl of IMarketplace<ContractState> {
        fn request_inference(
            ref self: ContractState, model_id: u64, input_hash: felt252, payment: u256, deadline: u64,
        ) -> u64 {
            let consumer = get_caller_address();
            assert(consumer.is_non_zero(), 'ZERO_CALLER');
            let registry = self.registry_dispatcher();
            let model = registry.get_model(model_id);
            assert(!model.deprecated, 'MODEL_DEPRECATED');
            // Equality, not "at least": the consumer states what they agreed
            // to pay, so a price change in between cannot charge them more.
            assert(payment == model.price, 'WRONG_PAYMENT');
            assert(deadline > get_block_timestamp(), 'DEADLINE_IN_PAST');
            let version = registry.get_version(model_id, model.latest_version);

            let request_id = self.request_count.read() + 1;
            self.request_count.write(request_id);
            let request = InferenceRequest {
                id: request_id,
                consumer,
                model_id,
                version: version.version,
                program_hash: version.program_hash,
                input_hash,
                token: model.price_token,
                payment,
                deadline,
                status: RequestStatus::Pending,
                output_hash: 0,
            };
            self.requests.write(request_id, request);
            self
                .emit(
                    InferenceRequested {
                        request_id, model_id, consumer, version: version.version, input_hash, payment, deadline,
                    },
                );

            if payment != 0 {
                let token = IERC20Dispatcher { contract_address: model.price_token };
                assert(token.transfer_from(consumer, get_contract_address(), payment), 'PAYMENT_FAILED');
            }
            request_id
        }

        fn fulfil(ref self: ContractState, request_id: u64, output: Span<felt252>) {
            let mut request = self.pending_request(request_id);
            assert(get_block_timestamp() <= request.deadline, 'DEADLINE_PASSED');
            let provider = self.registry_dispatcher().get_model(request.model_id).owner;
            assert(get_caller_address() == provider, 'NOT_PROVIDER');
            let output_hash = cells_hash(output);
            let fact = inference_fact(request.program_hash, request.input_hash, output_hash);
            let facts = IFactRegistryDispatcher { contract_address: self.fact_registry.read() };
            assert(facts.is_valid(fact), 'INVALID_FACT');

            request.status = RequestStatus::Fulfilled;
            request.output_hash = output_hash;
            self.requests.write(request_id, request);
            self.output_len.write(request_id, output.len());
            for (index, cell) in output.into_iter().enumerate() {
                self.output_cells.write((request_id, index), *cell);
            }
            self.emit(InferenceFulfilled { request_id, provider, output_hash, fact });

            if request.payment != 0 {
                let token = IERC20Dispatcher { contract_address: request.token };
                assert(token.transfer(provider, request.payment), 'PAYMENT_FAILED');
            }
        }

        fn refund(ref self: ContractState, request_id: u64) {
            let mut request = self.pending_request(request_id);
            assert(get_caller_address() == request.consumer, 'NOT_CONSUMER');
            assert(get_block_timestamp() > request.deadline, 'DEADLINE_NOT_PASSED');

            request.status = RequestStatus::Refunded;
            self.requests.write(request_id, request);
            self.emit(InferenceRefunded { request_id, consumer: request.consumer, payment: request.payment });

            if request.payment != 0 {
                let token = IERC20Dispatcher { contract_address: request.token };
                assert(token.transfer(request.consumer, request.payment), 'PAYMENT_FAILED');
            }
        }

        fn get_request(self: @ContractState, request_id: u64) -> InferenceRequest {
            self.existing_request(request_id)
        }

        fn get_output(self: @ContractState, request_id: u64) -> Array<felt252> {
            let request = self.existing_request(request_id);
            assert(request.status == RequestStatus::Fulfilled, 'NOT_FULFILLED');
            let mut output = array![];
            for index in 0..self.output_len.read(request_id) {
                output.append(self.output_cells.read((request_id, index)));
            }
            output
        }

        fn request_count(self: @ContractState) -> u64 {
            self.request_count.read()
        }

        fn registry(self: @ContractState) -> ContractAddress {
            self.registry.read()
        }

        fn fact_registry(self: @ContractState) -> ContractAddress {
            self.fact_registry.read()
        }

        fn set_fact_registry(ref self: ContractState, fact_registry: ContractAddress) {
            self.assert_owner();
            assert(fact_registry.is_non_zero(), 'ZERO_FACT_REGISTRY');
            self.fact_registry.write(fact_registry);
            self.emit(FactRegistrySet { fact_registry });
        }

        fn owner(self: @ContractState) -> ContractAddress {
            self.owner.read()
        }

        fn transfer_ownership(ref self: ContractState, new_owner: ContractAddress) {
            self.assert_owner();
            assert(new_owner.is_non_zero(), 'ZERO_OWNER');
            let previous_owner = self.owner.read();
            self.owner.write(new_owner);
            self.emit(OwnershipTransferred { previous_owner, new_owner });
        }
    }

    #[generate_trait]
    impl InternalImpl of InternalTrait {
        fn assert_owner(self: @ContractState) {
            assert(get_caller_address() == self.owner.read(), 'NOT_OWNER');
        }

        fn registry_dispatcher(self: @ContractState) -> IModelRegistryDispatcher {
            IModelRegistryDispatcher { contract_address: self.registry.read() }
        }

        fn existing_request(self: @ContractState, request_id: u64) -> InferenceRequest {
            let request = self.requests.read(request_id);
            assert(request.consumer.is_non_zero(), 'UNKNOWN_REQUEST');
            request
        }

        fn pending_request(self: @ContractState, request_id: u64) -> InferenceRequest {
            let request = self.existing_request(request_id);
            assert(request.status == RequestStatus::Pending, 'NOT_PENDING');
            request
        }
    }
}
