//! FactRegistry v1: a fact is valid once an owner-approved verifier has
//! recorded it.
//!
//! Trust model, plainly: this is attestation, not verification on chain. A
//! verifier is an account that ran `cairn verify` off chain on a proof and
//! records the fact it establishes; whoever relies on a fact trusts the owner's
//! choice of verifiers. An on-chain STARK verifier implementing
//! `IFactRegistry::is_valid` replaces this contract without changing the
//! marketplace.

#[starknet::contract]
pub mod FactRegistry {
    use core::num::traits::Zero;
    use starknet::storage::{
        Map, StorageMapReadAccess, StorageMapWriteAccess, StoragePointerReadAccess, StoragePointerWriteAccess,
    };
    use starknet::{ContractAddress, get_caller_address};
    use crate::interfaces::{IFactRegistry, IFactRegistryAdmin};

    #[storage]
    struct Storage {
        owner: ContractAddress,
        verifiers: Map<ContractAddress, bool>,
        facts: Map<felt252, bool>,
    }

    #[event]
    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub enum Event {
        FactRegistered: FactRegistered,
        VerifierAdded: VerifierAdded,
        VerifierRemoved: VerifierRemoved,
        OwnershipTransferred: OwnershipTransferred,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct FactRegistered {
        #[key]
        pub fact: felt252,
        pub verifier: ContractAddress,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct VerifierAdded {
        #[key]
        pub verifier: ContractAddress,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct VerifierRemoved {
        #[key]
        pub verifier: ContractAddress,
    }

    #[derive(Drop, starknet::Event, PartialEq, Debug)]
    pub struct OwnershipTransferred {
        pub previous_owner: ContractAddress,
        pub new_owner: ContractAddress,
    }

    #[constructor]
    fn constructor(ref self: ContractState, owner: ContractAddress) {
        assert(owner.is_non_zero(), 'ZERO_OWNER');
        self.owner.write(owner);
    }

    #[abi(embed_v0)]
    impl FactRegistryImpl of IFactRegistry<ContractState> {
        fn is_valid(self: @ContractState, fact: felt252) -> bool {
            self.facts.read(fact)
        }
    }

    #[abi(embed_v0)]
    impl FactRegistryAdminImpl of IFactRegistryAdmin<ContractState> {
        fn register_fact(ref self: ContractState, fact: felt252) {
            let verifier = get_caller_address();
            assert(self.verifiers.read(verifier), 'NOT_VERIFIER');
            self.facts.write(fact, true);
            self.emit(FactRegistered { fact, verifier });
        }

        fn add_verifier(ref self: ContractState, verifier: ContractAddress) {
            self.assert_owner();
            assert(verifier.is_non_zero(), 'ZERO_VERIFIER');
            self.verifiers.write(verifier, true);
            self.emit(VerifierAdded { verifier });
        }

        fn remove_verifier(ref self: ContractState, verifier: ContractAddress) {
            self.assert_owner();
            self.verifiers.write(verifier, false);
            self.emit(VerifierRemoved { verifier });
        }

        fn is_verifier(self: @ContractState, account: ContractAddress) -> bool {
            self.verifiers.read(account)
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
    }
}
