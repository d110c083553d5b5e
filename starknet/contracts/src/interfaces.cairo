//! The contracts' public interfaces and the records they return.

use starknet::ContractAddress;

/// A registered model. Versions are numbered 1, 2, … in publication order;
/// `latest_version` is the one new inference requests run.
#[derive(Copy, Drop, Serde, PartialEq, Debug, starknet::Store)]
pub struct Model {
    pub id: u64,
    pub owner: ContractAddress,
    /// Cairo short string (≤ 31 ASCII characters).
    pub name: felt252,
    pub latest_version: u32,
    pub deprecated: bool,
    /// ERC-20 token the price is paid in; zero while the model is free.
    pub price_token: ContractAddress,
    /// Price of one inference, in the token's smallest unit.
    pub price: u256,
}

/// One published version: the compiled program and what its tensors look like.
#[derive(Drop, Serde, PartialEq, Debug, starknet::Store)]
pub struct ModelVersion {
    pub version: u32,
    /// cairn's program hash of the compiled model (what a proof is about).
    pub program_hash: felt252,
    pub metadata_uri: ByteArray,
    /// Poseidon over the input / output shapes (starknet/README.md).
    pub input_shape_hash: felt252,
    pub output_shape_hash: felt252,
    /// Fixed-point fraction bits of the model's numbers.
    pub scale: u8,
}

#[derive(Copy, Drop, Serde, PartialEq, Debug, starknet::Store)]
pub enum RequestStatus {
    #[default]
    Pending,
    Fulfilled,
    Refunded,
}

/// An inference request and its escrowed payment.
#[derive(Copy, Drop, Serde, PartialEq, Debug, starknet::Store)]
pub struct InferenceRequest {
    pub id: u64,
    pub consumer: ContractAddress,
    pub model_id: u64,
    /// The model version current at request time: the fact must be about it.
    pub version: u32,
    pub program_hash: felt252,
    /// The consumer's commitment to the input (Poseidon over its cells).
    pub input_hash: felt252,
    pub token: ContractAddress,
    pub payment: u256,
    /// Block timestamp after which the provider can no longer fulfil and the
    /// consumer can take the payment back.
    pub deadline: u64,
    pub status: RequestStatus,
    /// Set once fulfilled.
    pub output_hash: felt252,
}

#[starknet::interface]
pub trait IModelRegistry<TState> {
    /// Registers a model owned by the caller, with its first version; returns its id.
    fn register_model(
        ref self: TState,
        name: felt252,
        program_hash: felt252,
        metadata_uri: ByteArray,
        input_shape_hash: felt252,
        output_shape_hash: felt252,
        scale: u8,
    ) -> u64;
    /// Publishes the next version of a model (owner only); returns its number.
    fn publish_version(
        ref self: TState,
        model_id: u64,
        program_hash: felt252,
        metadata_uri: ByteArray,
        input_shape_hash: felt252,
        output_shape_hash: felt252,
        scale: u8,
    ) -> u32;
    /// Stops new requests for the model (owner only); irreversible.
    fn deprecate(ref self: TState, model_id: u64);
    fn transfer_model_ownership(ref self: TState, model_id: u64, new_owner: ContractAddress);
    /// Sets the price of one inference (owner only); a zero price makes it free.
    fn set_price(ref self: TState, model_id: u64, token: ContractAddress, price: u256);
    fn model_count(self: @TState) -> u64;
    fn get_model(self: @TState, model_id: u64) -> Model;
    fn get_version(self: @TState, model_id: u64, version: u32) -> ModelVersion;
    /// Models `first_id, first_id + 1, …`, at most `max` of them.
    fn list_models(self: @TState, first_id: u64, max: u32) -> Array<Model>;
    /// Every version of a model, oldest first.
    fn list_versions(self: @TState, model_id: u64) -> Array<ModelVersion>;
}

/// What the marketplace asks of a fact registry. v1 is `facts::FactRegistry`;
/// an on-chain STARK verifier can implement the same interface.
#[starknet::interface]
pub trait IFactRegistry<TState> {
    fn is_valid(self: @TState, fact: felt252) -> bool;
}

#[starknet::interface]
pub trait IFactRegistryAdmin<TState> {
    /// Records a fact (approved verifiers only).
    fn register_fact(ref self: TState, fact: felt252);
    fn add_verifier(ref self: TState, verifier: ContractAddress);
    fn remove_verifier(ref self: TState, verifier: ContractAddress);
    fn is_verifier(self: @TState, account: ContractAddress) -> bool;
    fn owner(self: @TState) -> ContractAddress;
    fn transfer_ownership(ref self: TState, new_owner: ContractAddress);
}

#[starknet::interface]
pub trait IMarketplace<TState> {
    /// Requests an inference of the model's latest version on the input with
    /// `input_hash`, paying `payment` (which must equal the model's current
    /// price) into escrow; the caller must have approved the marketplace for it.
    fn request_inference(ref self: TState, model_id: u64, input_hash: felt252, payment: u256, deadline: u64) -> u64;
    /// The model's owner delivers the output; the payment is released to them
    /// only if the fact registry holds the fact for (program, input, output).
    fn fulfil(ref self: TState, request_id: u64, output: Span<felt252>);
    /// The consumer takes the payment back once the deadline has passed unfulfilled.
    fn refund(ref self: TState, request_id: u64);
    fn get_request(self: @TState, request_id: u64) -> InferenceRequest;
    /// The verified output of a fulfilled request.
    fn get_output(self: @TState, request_id: u64) -> Array<felt252>;
    fn request_count(self: @TState) -> u64;
    fn registry(self: @TState) -> ContractAddress;
    fn fact_registry(self: @TState) -> ContractAddress;
    /// Points the marketplace at another fact registry (owner only).
    fn set_fact_registry(ref self: TState, fact_registry: ContractAddress);
    fn owner(self: @TState) -> ContractAddress;
    fn transfer_ownership(ref self: TState, new_owner: ContractAddress);
}

/// The ERC-20 subset the marketplace uses.
#[starknet::interface]
pub trait IERC20<TState> {
    fn name(self: @TState) -> ByteArray;
    fn symbol(self: @TState) -> ByteArray;
    fn decimals(self: @TState) -> u8;
    fn total_supply(self: @TState) -> u256;
    fn balance_of(self: @TState, account: ContractAddress) -> u256;
    fn allowance(self: @TState, owner: ContractAddress, spender: ContractAddress) -> u256;
    fn transfer(ref self: TState, recipient: ContractAddress, amount: u256) -> bool;
    fn transfer_from(ref self: TState, sender: ContractAddress, recipient: ContractAddress, amount: u256) -> bool;
    fn approve(ref self: TState, spender: ContractAddress, amount: u256) -> bool;
}
