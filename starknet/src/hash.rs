//! The Sierra class hash, computed the way Starknet does at declare:
//!
//! ```text
//! Poseidon("CONTRACT_CLASS_V0.1.0",
//!          Poseidon(external (selector, function_idx)…),
//!          Poseidon(l1_handler …), Poseidon(constructor …),
//!          starknet_keccak(abi string),
//!          Poseidon(sierra_program felts…))
//! ```
//!
//! The network treats the ABI as an opaque string, so the hash depends on how
//! it was written. We write it like the Python `cairo-lang` tools and
//! starknet-rs's `SierraClass::flatten` (`json.dumps` separators), and declare
//! exactly [`CompiledContract::abi_json`](crate::CompiledContract::abi_json).

use cairo_lang_starknet_classes::contract_class::{ContractClass, ContractEntryPoint};
use cairo_lang_starknet_classes::keccak::starknet_keccak;
use serde::Serialize;
use starknet_types_core::felt::Felt;
use starknet_types_core::hash::{Poseidon, StarkHash};

/// `"CONTRACT_CLASS_V0.1.0"` as a Cairo short string.
fn class_version_prefix() -> Felt {
    Felt::from_bytes_be_slice(b"CONTRACT_CLASS_V0.1.0")
}

pub(crate) fn sierra_class_hash(class: &ContractClass, abi_json: &str) -> Felt {
    let entry_points = |eps: &[ContractEntryPoint]| {
        let felts: Vec<Felt> = eps
            .iter()
            .flat_map(|ep| [Felt::from_bytes_be_slice(&ep.selector.to_bytes_be()), Felt::from(ep.function_idx)])
            .collect();
        Poseidon::hash_array(&felts)
    };
    let program: Vec<Felt> =
        class.sierra_program.iter().map(|f| Felt::from_bytes_be_slice(&f.value.to_bytes_be())).collect();
    let eps = &class.entry_points_by_type;
    Poseidon::hash_array(&[
        class_version_prefix(),
        entry_points(&eps.external),
        entry_points(&eps.l1_handler),
        entry_points(&eps.constructor),
        Felt::from_bytes_be_slice(&starknet_keccak(abi_json.as_bytes()).to_bytes_be()),
        Poseidon::hash_array(&program),
    ])
}

/// JSON with Python's default separators (`", "` and `": "`), non-ASCII
/// escaped as `\uXXXX` like `json.dumps(ensure_ascii=True)`.
pub(crate) fn pythonic_json<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, PythonFormatter);
    value.serialize(&mut serializer)?;
    let text = String::from_utf8(out).expect("serde_json writes UTF-8");
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            escaped.push(c);
        } else {
            // Outside strings JSON is ASCII, so every non-ASCII char is inside one.
            for unit in c.encode_utf16(&mut [0; 2]) {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    Ok(escaped)
}

struct PythonFormatter;

impl serde_json::ser::Formatter for PythonFormatter {
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, first: bool) -> std::io::Result<()> {
        if first {
            Ok(())
        } else {
            writer.write_all(b", ")
        }
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, writer: &mut W) -> std::io::Result<()> {
        writer.write_all(b": ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pythonic_json_uses_python_separators_and_escapes() {
        let value = serde_json::json!({"a": [1, 2], "b": "é"});
        assert_eq!(pythonic_json(&value).unwrap(), r#"{"a": [1, 2], "b": "\u00e9"}"#);
    }

    #[test]
    fn class_version_prefix_is_the_short_string() {
        // 0x434f4e54524143545f434c4153535f56302e312e30 = "CONTRACT_CLASS_V0.1.0"
        assert_eq!(class_version_prefix(), Felt::from_hex_unchecked("0x434f4e54524143545f434c4153535f56302e312e30"));
    }
}
