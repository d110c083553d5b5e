//! The contract package: its Cairo `#[test]`s (run by cairo-lang-test-runner
//! with the starknet plugin, so a failing Cairo test fails this test) and the
//! classes `cairn` declares.

use cairn_cairo::Toolchain;
use cairn_starknet::{compile_contracts, contracts_dir};

fn toolchain() -> Toolchain {
    Toolchain::locate().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn cairo_contract_tests_pass() {
    let t0 = std::time::Instant::now();
    toolchain().run_starknet_tests(&contracts_dir(), "").unwrap_or_else(|e| panic!("{e}"));
    eprintln!("Cairo contract tests passed in {:.1?}", t0.elapsed());
}

#[test]
fn every_contract_compiles_to_a_declarable_class() {
    let t0 = std::time::Instant::now();
    let contracts = compile_contracts(&toolchain(), &contracts_dir()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("contracts compiled in {:.1?}", t0.elapsed());
    let names: Vec<&str> = contracts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["FactRegistry", "Marketplace", "ModelRegistry", "TestToken"]);
    for c in &contracts {
        eprintln!("{}: class hash {:#x}, compiled class hash {:#x}", c.name, c.class_hash, c.compiled_class_hash);
        assert_ne!(c.class_hash, Default::default(), "{}", c.name);
        assert_ne!(c.compiled_class_hash, Default::default(), "{}", c.name);
        assert!(c.abi_json.starts_with("[{"), "{}: {}", c.name, c.abi_json);
        c.sierra_json().unwrap();
        c.casm_json().unwrap();
    }
    // Compiling again gives the same classes: hashes depend only on the sources.
    let again = compile_contracts(&toolchain(), &contracts_dir()).unwrap_or_else(|e| panic!("{e}"));
    for (a, b) in contracts.iter().zip(&again) {
        assert_eq!((a.class_hash, a.compiled_class_hash), (b.class_hash, b.compiled_class_hash), "{}", a.name);
    }
}

/// A scratch contract package in the temp directory, removed on drop.
struct ScratchPackage(std::path::PathBuf);

impl ScratchPackage {
    fn new(name: &str, lib: &str) -> ScratchPackage {
        let dir = std::env::temp_dir().join(format!("cairn-starknet-{}-{name}", std::process::id()));
        std::fs::create_dir_all(dir.join("src")).unwrap();
        std::fs::write(
            dir.join("cairo_project.toml"),
            "[crate_roots]\nscratch = \"src\"\n\n[config.global]\nedition = \"2024_07\"\n",
        )
        .unwrap();
        std::fs::write(dir.join("src/lib.cairo"), lib).unwrap();
        ScratchPackage(dir)
    }
}

impl Drop for ScratchPackage {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const COUNTER: &str = "
#[starknet::interface]
pub trait ICounter<T> {
    fn get(self: @T) -> u32;
}

#[starknet::contract]
pub mod Counter {
    #[storage]
    struct Storage {}

    #[abi(embed_v0)]
    impl CounterImpl of super::ICounter<ContractState> {
        fn get(self: @ContractState) -> u32 {
            VALUE
        }
    }
}
";

/// The runner must not swallow a failing Cairo test: it is what makes
/// `cairo_contract_tests_pass` meaningful.
#[test]
fn a_failing_cairo_test_fails_the_run() {
    let source = COUNTER.replace("VALUE", "1")
        + "
#[cfg(test)]
mod tests {
    use starknet::SyscallResultTrait;
    use super::{Counter, ICounterDispatcher, ICounterDispatcherTrait};

    #[test]
    fn counter_is_two() {
        let (address, _) = starknet::syscalls::deploy_syscall(Counter::TEST_CLASS_HASH, 0, array![].span(), false)
            .unwrap_syscall();
        assert_eq!(ICounterDispatcher { contract_address: address }.get(), 2);
    }
}
";
    let package = ScratchPackage::new("failing-test", &source);
    let err = toolchain().run_starknet_tests(&package.0, "").expect_err("a failing test must fail the run");
    assert!(err.to_string().contains("1 failed"), "{err}");
}

#[test]
fn a_compile_error_names_the_problem() {
    let package = ScratchPackage::new("compile-error", &COUNTER.replace("VALUE", "true"));
    let err = compile_contracts(&toolchain(), &package.0).expect_err("a type error must not compile");
    let message = format!("{err}: {}", std::error::Error::source(&err).map(|s| s.to_string()).unwrap_or_default());
    assert!(message.contains("compiling the contracts of") && message.contains("Unexpected return type"), "{message}");
}

/// The sources a binary carries are the repository's, file for file, written
/// once into the cache (a second call finds them complete).
#[test]
fn the_embedded_contract_sources_are_the_repositorys() {
    fn files(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if rel != "target" {
                    files(&path, root, out);
                }
            } else if !rel.starts_with(".cairn-") {
                out.push((rel, std::fs::read(&path).unwrap()));
            }
        }
    }
    let cache = tempfile::tempdir().unwrap();
    let dir = cairn_starknet::deployable_contracts_dir_in(cache.path()).expect("write the sources");
    assert_eq!(cairn_starknet::deployable_contracts_dir_in(cache.path()).unwrap(), dir, "written once");
    let (mut written, mut source) = (Vec::new(), Vec::new());
    files(&dir, &dir, &mut written);
    files(&contracts_dir(), &contracts_dir(), &mut source);
    written.sort();
    source.sort();
    assert_eq!(written.iter().map(|f| &f.0).collect::<Vec<_>>(), source.iter().map(|f| &f.0).collect::<Vec<_>>());
    assert!(written == source, "the embedded contents differ from contracts/");
}
