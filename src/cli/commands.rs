//! Declarative CLI definition (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "cairn",
    version,
    about = "Verifiable ML inference: ONNX → exact fixed point → Cairo → STARK → Starknet",
    after_help = "Examples:\n  cairn transpile model.onnx -o pkg/\n  cairn prove pkg/ --input input.json -o run.proof\n  cairn verify run.proof --model pkg/\n\nEvery command takes --json (docs/json.md); `cairn <command> --help` shows its examples."
)]
pub struct Cli {
    /// Quiet: no progress lines or notes on standard error (warnings and
    /// errors still appear; results still go to standard output).
    #[arg(short, long, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a model (an .onnx file or a transpiled package) on an input and print its outputs.
    #[command(
        after_help = "Examples:\n  cairn run model.onnx --input input.json                      # Cairo VM: outputs, steps, program hash\n  cairn run model.onnx --input x.npy --backend reference --scale 20\n  cairn run pkg/ --input samples.json --json                   # several samples, JSON\n  cairn run pkg/ --input input.json --profile                  # steps per node, rows, prove estimate"
    )]
    Run(RunArgs),
    /// Generate the Cairo package of a model (readable Cairo calling the `cairn` library).
    #[command(
        after_help = "Examples:\n  cairn transpile model.onnx -o pkg/\n  cairn transpile model.onnx -o pkg/ --calibrate samples.json   # scale chosen from samples\n  cairn transpile model.onnx -o pkg/ --scale 12 --force         # replace an earlier package\n  cairn transpile model.onnx -o staged/ --stages 3              # three chained programs (docs/staged.md)\n  cairn transpile model.onnx -o staged/ --max-rows 2^18 -i sample.json   # as few stages as fit 2^18 trace rows"
    )]
    Transpile(TranspileArgs),
    /// Show a model's graph, shapes, and which operators cairn supports.
    #[command(
        after_help = "Examples:\n  cairn inspect model.onnx                                     # exit 1 if cairn cannot run it\n  cairn inspect model.onnx --json | jq '.problems'"
    )]
    Inspect(InspectArgs),
    /// Run a model on one input and write a STARK proof that its Cairo program produced the output.
    #[command(
        after_help = "Examples:\n  cairn prove pkg/ --input input.json -o run.proof\n  cairn prove model.onnx --input x.npy -o run.proof --security 100\n  cairn prove pkg/ --input input.json -o full.proof --embed-program   # for --program-hash verifiers\n  cairn prove pkg/ --input input.json -o small.proof --compact        # ~60 % smaller, ~2.3x prove CPU"
    )]
    Prove(ProveArgs),
    /// Check a proof; exit status 0 only when it is valid. Prints the proven outputs.
    #[command(
        after_help = "Examples:\n  cairn verify run.proof --model pkg/                          # exit 0 valid, 3 rejected, 4 unusable input\n  cairn verify full.proof --program-hash 0x1556…f78f\n  cairn verify run.proof --model pkg/ --json | jq -r '.samples[0].outputs[0].argmax[0]'"
    )]
    Verify(VerifyArgs),
    /// Prove models (by default the bundled MLP and CNN) and print the prover's figures (steps, rows, time, memory, size).
    #[command(
        after_help = "Examples:\n  cairn bench                                                  # the bundled MLP and CNN\n  cairn bench model.onnx --input input.json --json\n  cairn bench examples/cnn --profile                           # prover phases and proof parts"
    )]
    Bench(BenchArgs),
    /// Starknet: deploy the registry contracts, register models, request and fulfil verified inferences.
    #[command(
        after_help = "Examples:\n  cairn registry deploy --account owner.json --test-token 1000000\n  cairn registry register pkg/ --account owner.json --price 10 --token STRK\n  cairn registry fulfil 1 --proof run.proof --model pkg/ --account provider.json\n  cairn registry show --model-id 1 --request-id 1 --json"
    )]
    Registry(RegistryArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Backend {
    /// The transpiled Cairo program on the Cairo VM, in proof mode (what gets proved).
    Cairo,
    /// cairn's fixed-point reference runtime (the semantics the Cairo program reproduces).
    Reference,
}

#[derive(Debug, Args)]
pub struct ScaleArgs {
    /// Fixed-point fraction bits s (values are stored as round(x·2^s)); default 16.
    #[arg(long, value_name = "BITS", conflicts_with = "calibrate")]
    pub scale: Option<u32>,
    /// Choose the scale from sample inputs (any input format; several samples allowed).
    #[arg(long, value_name = "FILE")]
    pub calibrate: Option<PathBuf>,
    /// Bits of headroom calibration keeps below the 64-bit limit (inputs up to 2^BITS times larger than the samples stay in range).
    #[arg(long, value_name = "BITS", default_value_t = cairn_transpiler::calibrate::DEFAULT_HEADROOM_BITS, requires = "calibrate")]
    pub headroom: u32,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// An ONNX model file, or a package directory made by `cairn transpile` (a staged one runs as a chain).
    pub model: PathBuf,
    /// Input file: JSON {"<input name>": nested arrays}, EZKL's {"input_data": [[...]]}, or .npy.
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    #[arg(long, value_enum, default_value_t = Backend::Cairo)]
    pub backend: Backend,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Also report the cost of the first sample's run, node by node: Cairo
    /// steps and their share, the trace rows a proof needs and why, and an
    /// estimate of prove time and memory (Cairo backend only).
    #[arg(long)]
    pub profile: bool,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TranspileArgs {
    /// The ONNX model file.
    pub model: PathBuf,
    /// Output directory (created, or replaced if it holds an earlier cairn package).
    #[arg(long, short, value_name = "DIR")]
    pub output: PathBuf,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Only generate the sources; skip compiling (no program hash in the manifest).
    #[arg(long)]
    pub no_compile: bool,
    /// Cut the model into N stages of about equal estimated cost, each a
    /// program of its own, chained cell for cell (a staged package: models
    /// bigger than one trace; docs/staged.md).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(2..=64), conflicts_with = "max_rows")]
    pub stages: Option<u32>,
    /// Cut the model into as few stages as fit ROWS trace rows each (a power
    /// of two, `2^18` or `262144`), measured on the sample of --input.
    #[arg(long, value_name = "ROWS", value_parser = parse_rows, requires = "input")]
    pub max_rows: Option<usize>,
    /// The sample --max-rows measures the stages' traces on (one sample;
    /// the first of a file with several).
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<PathBuf>,
    /// Replace a cairn package already in the output directory (files cairn
    /// did not write there are never deleted: such a directory is refused).
    #[arg(long)]
    pub force: bool,
    /// Print the manifest as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The ONNX model file.
    pub model: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SecurityArgs {
    /// Conjectured security in bits (as Winterfell estimates it); proofs below it are refused.
    /// Below 96 bits `cairn` warns: such proofs are cheaper to forge.
    #[arg(long, value_name = "BITS", default_value_t = cairn_prover::proof::DEFAULT_SECURITY_BITS,
          value_parser = clap::value_parser!(u32).range(1..=128))]
    pub security: u32,
}

/// The security a verifier insists on.
#[derive(Debug, Args)]
pub struct VerifySecurityArgs {
    /// Minimum conjectured security in bits. Values below 80 are refused unless
    /// --insecure-accept-weak-proofs is given.
    #[arg(long, value_name = "BITS", default_value_t = cairn_prover::proof::DEFAULT_SECURITY_BITS)]
    pub security: u32,
    /// Accept a --security below 80 bits. Proofs that weak can be forged with
    /// modest computing power: for experiments only, never for real claims.
    #[arg(long)]
    pub insecure_accept_weak_proofs: bool,
}

#[derive(Debug, Args)]
pub struct ProveArgs {
    /// An ONNX model file, or a package directory made by `cairn transpile` (a staged one: a bundle of stage proofs).
    pub model: PathBuf,
    /// Input file holding one sample (same formats as `cairn run`).
    #[arg(long, short, value_name = "FILE")]
    pub input: PathBuf,
    /// Where to write the proof.
    #[arg(long, short, value_name = "FILE")]
    pub output: PathBuf,
    #[command(flatten)]
    pub security: SecurityArgs,
    #[command(flatten)]
    pub scale: ScaleArgs,
    /// Keep the program's bytecode in the proof, for verifiers that know only
    /// the program hash (`verify --program-hash`, `--any-program`). Without
    /// it the proof is about a third of the size and is verified with `--model`.
    #[arg(long)]
    pub embed_program: bool,
    /// For a staged package: how many stages to prove at once (each holds
    /// one stage's trace in memory). The bundle is the same for any value.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=64))]
    pub jobs: u32,
    /// A smaller proof (about 60 % smaller) for more prove CPU and memory
    /// (about 2.3× each): blowup 8 instead of 2, so a third of the queries at
    /// the same security (docs/prover.md, "Options").
    #[arg(long)]
    pub compact: bool,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The proof file (or a bundle of stage proofs, for a staged model).
    pub proof: PathBuf,
    /// Accept the proof only for this program hash (hex, as `cairn transpile` prints it); for a bundle of
    /// stage proofs, the staged model's hash.
    #[arg(long, value_name = "HASH")]
    pub program_hash: Option<String>,
    /// Accept the proof only for this package's program, and read its outputs with its manifest (a staged
    /// package: the proof file is a bundle of its stage proofs).
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// Accept a valid proof of any program. Without --model or --program-hash
    /// this flag is required: such a proof says a computation ran, not which
    /// model it was, and its values are read with its own unchecked annotation.
    #[arg(long, conflicts_with_all = ["model", "program_hash"])]
    pub any_program: bool,
    #[command(flatten)]
    pub security: VerifySecurityArgs,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Models to prove: ONNX files or packages (the sample from --input), or
    /// directories holding `model.onnx` and `input.json`. Without any, the
    /// bundled MLP and CNN, which the binary carries.
    pub models: Vec<PathBuf>,
    /// The sample to prove (one), for models given as a file or package.
    #[arg(long, short, value_name = "FILE")]
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub security: SecurityArgs,
    /// Print machine-readable JSON instead of the table.
    #[arg(long)]
    pub json: bool,
    /// Also break down the prover's time per phase (from Winterfell's tracing
    /// spans) and the proof's bytes per part.
    #[arg(long)]
    pub profile: bool,
}

#[derive(Debug, Args)]
pub struct RegistryArgs {
    #[command(subcommand)]
    pub command: RegistryCommand,
}

#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// Declare and deploy the fact registry, model registry and marketplace (owned by the account, which is also approved as a verifier).
    #[command(
        after_help = "Examples:\n  cairn registry deploy --account owner.json --rpc http://127.0.0.1:5050/rpc\n  cairn registry deploy --account owner.json --verifier 0x… --test-token 1000000"
    )]
    Deploy(RegistryDeployArgs),
    /// Register a transpiled package as a model owned by the account (version 1).
    #[command(
        after_help = "Examples:\n  cairn registry register pkg/ --account owner.json --name credit-v1 --metadata-uri ipfs://…\n  cairn registry register pkg/ --account owner.json --price 1000 --token STRK"
    )]
    Register(RegistryRegisterArgs),
    /// Request an inference: commit to an input and escrow the model's price.
    #[command(
        after_help = "Examples:\n  cairn registry request 1 --input input.json --model pkg/ --account consumer.json\n  cairn registry request 1 --input-hash 0x… --deadline 600 --account consumer.json"
    )]
    Request(RegistryRequestArgs),
    /// Verify a proof locally and record its fact (the account must be a verifier).
    #[command(
        after_help = "Examples:\n  cairn registry attest --proof run.proof --model pkg/ --account verifier.json"
    )]
    Attest(RegistryProofArgs),
    /// Verify a proof locally, record its fact if needed, and fulfil the request with the proven output.
    #[command(
        after_help = "Examples:\n  cairn registry fulfil 7 --proof run.proof --model pkg/ --account provider.json"
    )]
    Fulfil(RegistryFulfilArgs),
    /// Take back the payment of an expired, unfulfilled request.
    #[command(
        after_help = "Examples:\n  cairn registry refund 7 --account consumer.json                # after the deadline"
    )]
    Refund(RegistryRefundArgs),
    /// Show the deployment, a model and its versions, or a request and its output.
    #[command(
        after_help = "Examples:\n  cairn registry show --model-id 1 --request-id 7\n  cairn registry show --json"
    )]
    Show(RegistryShowArgs),
    /// Publish a transpiled package as the model's next version (owner only); new requests run it.
    #[command(
        after_help = "Examples:\n  cairn registry publish 1 pkg-v2/ --metadata-uri ipfs://… --account owner.json"
    )]
    Publish(RegistryPublishArgs),
    /// Set the price of one inference (owner only); 0 makes the model free.
    #[command(
        after_help = "Examples:\n  cairn registry set-price 1 --price 0 --token STRK --account owner.json   # free"
    )]
    SetPrice(RegistrySetPriceArgs),
    /// Stop new requests for a model (owner only; irreversible). Pending requests can still be fulfilled or refunded.
    #[command(after_help = "Examples:\n  cairn registry deprecate 1 --account owner.json")]
    Deprecate(RegistryModelArgs),
    /// Hand a model, the marketplace or the fact registry to another account (its owner only).
    #[command(
        after_help = "Examples:\n  cairn registry transfer --model-id 1 --to 0x… --account owner.json\n  cairn registry transfer --contract marketplace --to 0x… --account owner.json"
    )]
    Transfer(RegistryTransferArgs),
    /// Approve or remove a verifier of the fact registry (its owner only).
    #[command(
        after_help = "Examples:\n  cairn registry verifier add 0x… --account owner.json\n  cairn registry verifier remove 0x… --account owner.json"
    )]
    Verifier(RegistryVerifierArgs),
    /// Point the marketplace at another fact registry (the marketplace's owner only).
    #[command(after_help = "Examples:\n  cairn registry set-fact-registry 0x… --account owner.json")]
    SetFactRegistry(RegistryAddressArgs),
    /// List the contracts' events (registrations, versions, prices, requests, facts, fulfilments, refunds), oldest first.
    #[command(
        after_help = "Examples:\n  cairn registry events\n  cairn registry events --from-block 1200 --json | jq '.events[].name'"
    )]
    Events(RegistryEventsArgs),
}

#[derive(Debug, Args)]
pub struct NodeArgs {
    /// JSON-RPC (0.10) endpoint of the Starknet node.
    #[arg(long, value_name = "URL", default_value = "http://127.0.0.1:5050/rpc")]
    pub rpc: String,
    /// Account file: JSON {"address": "0x…", "private_key": "0x…"}. Without it,
    /// CAIRN_ACCOUNT_ADDRESS and CAIRN_ACCOUNT_KEY. The key is never printed.
    #[arg(long, value_name = "FILE")]
    pub account: Option<PathBuf>,
    /// The contracts' addresses (written by `deploy`, read by the other commands).
    #[arg(long, value_name = "FILE", default_value = "cairn-deployment.json")]
    pub deployment: PathBuf,
    /// Print machine-readable JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct RegistryDeployArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// Further accounts to approve as verifiers of the fact registry.
    #[arg(long, value_name = "ADDRESS")]
    pub verifier: Vec<String>,
    /// Also deploy a TestToken (an ERC-20 for local networks) minting this supply to the account.
    #[arg(long, value_name = "AMOUNT")]
    pub test_token: Option<u128>,
}

#[derive(Debug, Args)]
pub struct RegistryRegisterArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// A package directory made by `cairn transpile` (compiled: its manifest has the program hash),
    /// or a staged package (registered under its model hash, docs/staged.md).
    pub package: PathBuf,
    /// The model's name, a Cairo short string (≤ 31 ASCII characters); default: the package directory's name.
    #[arg(long)]
    pub name: Option<String>,
    /// Where the model is described (any URI).
    #[arg(long, value_name = "URI", default_value = "")]
    pub metadata_uri: String,
    /// Price of one inference, in the token's smallest unit (needs --token).
    #[arg(long, value_name = "AMOUNT", requires = "token")]
    pub price: Option<u128>,
    /// ERC-20 token the price is paid in: an address, or STRK (Starknet's fee token).
    #[arg(long, value_name = "ADDRESS|STRK", requires = "price")]
    pub token: Option<String>,
}

#[derive(Debug, Args)]
pub struct RegistryRequestArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The model's id in the registry.
    pub model_id: u64,
    /// Input file holding one sample (same formats as `cairn run`); needs --model.
    #[arg(long, short, value_name = "FILE", requires = "model", conflicts_with = "input_hash")]
    pub input: Option<PathBuf>,
    /// The model's package (or staged package), to encode the input as the program does.
    #[arg(long, value_name = "DIR")]
    pub model: Option<PathBuf>,
    /// The input commitment itself (Poseidon over the input cells, hex).
    #[arg(long, value_name = "HASH", required_unless_present = "input")]
    pub input_hash: Option<String>,
    /// Seconds from the latest block until the request expires.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600)]
    pub deadline: u64,
}

#[derive(Debug, Args)]
pub struct RegistryProofArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The proof file (`cairn prove`).
    #[arg(long, value_name = "FILE")]
    pub proof: PathBuf,
    /// The model's package: the proof must be about its program; its manifest says where the outputs end.
    /// For a staged package the proof is a bundle of stage proofs (`cairn prove <staged package>`).
    #[arg(long, value_name = "DIR")]
    pub model: PathBuf,
    #[command(flatten)]
    pub security: VerifySecurityArgs,
}

#[derive(Debug, Args)]
pub struct RegistryFulfilArgs {
    /// The request's id.
    pub request_id: u64,
    #[command(flatten)]
    pub proof: RegistryProofArgs,
}

#[derive(Debug, Args)]
pub struct RegistryRefundArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The request's id.
    pub request_id: u64,
}

#[derive(Debug, Args)]
pub struct RegistryShowArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// Show this model and its versions.
    #[arg(long, value_name = "ID")]
    pub model_id: Option<u64>,
    /// Show this request and, once fulfilled, its output.
    #[arg(long, value_name = "ID")]
    pub request_id: Option<u64>,
}

#[derive(Debug, Args)]
pub struct RegistryPublishArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The model's id in the registry.
    pub model_id: u64,
    /// A package directory made by `cairn transpile` (compiled: its manifest has the program hash).
    pub package: PathBuf,
    /// Where this version is described (any URI).
    #[arg(long, value_name = "URI", default_value = "")]
    pub metadata_uri: String,
}

#[derive(Debug, Args)]
pub struct RegistrySetPriceArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The model's id in the registry.
    pub model_id: u64,
    /// Price of one inference, in the token's smallest unit.
    #[arg(long, value_name = "AMOUNT")]
    pub price: u128,
    /// ERC-20 token the price is paid in: an address, or STRK (Starknet's fee token).
    #[arg(long, value_name = "ADDRESS|STRK")]
    pub token: String,
}

#[derive(Debug, Args)]
pub struct RegistryModelArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The model's id in the registry.
    pub model_id: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OwnedContract {
    Marketplace,
    FactRegistry,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["model_id", "contract"])))]
pub struct RegistryTransferArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// Transfer this model.
    #[arg(long, value_name = "ID")]
    pub model_id: Option<u64>,
    /// Transfer this contract.
    #[arg(long, value_enum)]
    pub contract: Option<OwnedContract>,
    /// The new owner's account address.
    #[arg(long, value_name = "ADDRESS")]
    pub to: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum VerifierAction {
    Add,
    Remove,
}

#[derive(Debug, Args)]
pub struct RegistryVerifierArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    #[arg(value_enum)]
    pub action: VerifierAction,
    /// The verifier's account address.
    pub address: String,
}

#[derive(Debug, Args)]
pub struct RegistryAddressArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// The contract's address.
    pub address: String,
}

#[derive(Debug, Args)]
pub struct RegistryEventsArgs {
    #[command(flatten)]
    pub node: NodeArgs,
    /// First block to read from.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub from_block: u64,
}

/// A trace-row count: a power of two from 2^10 to 2^26, as `2^k` or digits.
fn parse_rows(s: &str) -> Result<usize, String> {
    let n = match s.trim().strip_prefix("2^") {
        Some(k) => {
            let k: u32 = k.parse().map_err(|_| format!("{s:?}: the exponent of 2^k must be a number"))?;
            1usize.checked_shl(k).filter(|_| k < 63).ok_or_else(|| format!("{s:?} is too large"))?
        }
        None => s.trim().parse().map_err(|_| format!("{s:?} is not a row count (give 2^k or digits)"))?,
    };
    if !n.is_power_of_two() || !(1 << 10..=1 << 26).contains(&n) {
        return Err(format!("{s:?}: trace rows are a power of two from 2^10 to 2^26"));
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::Cli;

    /// The example lines of a command's `--help` (after "Examples:", up to a
    /// blank line), each checked to parse (up to a pipe or a comment) as the
    /// command line it shows, below `path`.
    fn check_examples(cmd: &clap::Command, path: &[String]) -> usize {
        let help = cmd.get_after_help().map(|h| h.to_string()).unwrap_or_default();
        let lines: Vec<&str> =
            help.lines().skip_while(|l| *l != "Examples:").skip(1).take_while(|l| !l.trim().is_empty()).collect();
        assert!(!lines.is_empty(), "`cairn {}` --help has no examples", path.join(" "));
        for line in &lines {
            let command = line.split(" | ").next().unwrap().split(" # ").next().unwrap();
            let words: Vec<&str> = command.split_whitespace().collect();
            assert_eq!(words.get(1..=path.len()).map(|w| w.join(" ")), Some(path.join(" ")), "{line}");
            if let Err(e) = Cli::try_parse_from(&words) {
                panic!("the example {line:?} of `cairn {}` does not parse: {e}", path.join(" "));
            }
        }
        lines.len()
    }

    /// `cairn --help` and every subcommand's end with examples that parse.
    #[test]
    fn every_help_has_examples_that_parse() {
        fn walk(cmd: &clap::Command, path: &mut Vec<String>, examples: &mut usize) {
            for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
                path.push(sub.get_name().to_string());
                *examples += check_examples(sub, path);
                walk(sub, path, examples);
                path.pop();
            }
        }
        let mut examples = check_examples(&Cli::command(), &[]);
        walk(&Cli::command(), &mut Vec::new(), &mut examples);
        assert!(examples > 30, "{examples}");
    }

    #[test]
    fn max_rows_takes_powers_of_two_as_2_to_the_k_or_digits() {
        assert_eq!(super::parse_rows("2^18"), Ok(1 << 18));
        assert_eq!(super::parse_rows("65536"), Ok(1 << 16));
        for bad in ["2^9", "2^27", "100000", "2^x", "", "2^64", "-4"] {
            assert!(super::parse_rows(bad).is_err(), "{bad}");
        }
    }
}
