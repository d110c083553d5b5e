//! The contracts' events, decoded by name: what `cairn registry events` lists
//! and what a Starknet developer would otherwise read off raw keys and data.
//!
//! Each event's layout mirrors its Cairo declaration (`#[key]` members go to
//! the keys after the name's selector, the others to the data, in order); the
//! table below is checked against the contracts' events on devnet by the
//! registry's end-to-end test.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use starknet_types_core::felt::Felt;

use crate::client::{hex, selector};
use crate::codec::{short_string_text, Reader};
use crate::StarknetError;

/// How a member is encoded and shown.
#[derive(Clone, Copy, Debug)]
enum Kind {
    /// A hash or an address: hex.
    Felt,
    /// u8 … u64: decimal.
    Int,
    /// u256: decimal.
    U256,
    /// A Cairo short string: its text.
    ShortString,
    /// A ByteArray: its text.
    Text,
}

struct Layout {
    contract: &'static str,
    name: &'static str,
    keys: &'static [(&'static str, Kind)],
    data: &'static [(&'static str, Kind)],
}

use Kind::*;

const LAYOUTS: &[Layout] = &[
    Layout {
        contract: "ModelRegistry",
        name: "ModelRegistered",
        keys: &[("model_id", Int), ("owner", Felt)],
        data: &[("name", ShortString)],
    },
    Layout {
        contract: "ModelRegistry",
        name: "VersionPublished",
        keys: &[("model_id", Int)],
        data: &[
            ("version", Int),
            ("program_hash", Felt),
            ("metadata_uri", Text),
            ("input_shape_hash", Felt),
            ("output_shape_hash", Felt),
            ("scale", Int),
        ],
    },
    Layout { contract: "ModelRegistry", name: "ModelDeprecated", keys: &[("model_id", Int)], data: &[] },
    Layout {
        contract: "ModelRegistry",
        name: "ModelOwnershipTransferred",
        keys: &[("model_id", Int)],
        data: &[("previous_owner", Felt), ("new_owner", Felt)],
    },
    Layout {
        contract: "ModelRegistry",
        name: "PriceSet",
        keys: &[("model_id", Int)],
        data: &[("token", Felt), ("price", U256)],
    },
    Layout {
        contract: "Marketplace",
        name: "InferenceRequested",
        keys: &[("request_id", Int), ("model_id", Int)],
        data: &[("consumer", Felt), ("version", Int), ("input_hash", Felt), ("payment", U256), ("deadline", Int)],
    },
    Layout {
        contract: "Marketplace",
        name: "InferenceFulfilled",
        keys: &[("request_id", Int)],
        data: &[("provider", Felt), ("output_hash", Felt), ("fact", Felt)],
    },
    Layout {
        contract: "Marketplace",
        name: "InferenceRefunded",
        keys: &[("request_id", Int)],
        data: &[("consumer", Felt), ("payment", U256)],
    },
    Layout { contract: "Marketplace", name: "FactRegistrySet", keys: &[], data: &[("fact_registry", Felt)] },
    Layout {
        contract: "Marketplace",
        name: "OwnershipTransferred",
        keys: &[],
        data: &[("previous_owner", Felt), ("new_owner", Felt)],
    },
    Layout { contract: "FactRegistry", name: "FactRegistered", keys: &[("fact", Felt)], data: &[("verifier", Felt)] },
    Layout { contract: "FactRegistry", name: "VerifierAdded", keys: &[("verifier", Felt)], data: &[] },
    Layout { contract: "FactRegistry", name: "VerifierRemoved", keys: &[("verifier", Felt)], data: &[] },
    Layout {
        contract: "FactRegistry",
        name: "OwnershipTransferred",
        keys: &[],
        data: &[("previous_owner", Felt), ("new_owner", Felt)],
    },
];

/// One emitted event with its members by name, in declaration order. An
/// event the table does not know keeps its raw keys and data.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RegistryEvent {
    pub block_number: Option<u64>,
    #[serde(with = "hex")]
    pub transaction_hash: Felt,
    /// `ModelRegistry`, `Marketplace` or `FactRegistry`.
    pub contract: String,
    pub name: String,
    #[serde(serialize_with = "ordered_map")]
    pub fields: Vec<(String, String)>,
}

impl RegistryEvent {
    /// The value of member `name`, as shown.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn ordered_map<S: Serializer>(fields: &[(String, String)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(fields.len()))?;
    for (k, v) in fields {
        map.serialize_entry(k, v)?;
    }
    map.end()
}

/// Decodes an event `contract` (by name) emitted. Fails only when a known
/// event's cells do not match its layout.
pub fn decode(
    contract: &str,
    keys: &[Felt],
    data: &[Felt],
    block_number: Option<u64>,
    transaction_hash: Felt,
) -> Result<RegistryEvent, StarknetError> {
    let layout = keys
        .first()
        .and_then(|name_key| LAYOUTS.iter().find(|l| l.contract == contract && selector(l.name) == *name_key));
    let Some(layout) = layout else {
        let raw = |cells: &[Felt]| cells.iter().map(|c| format!("{c:#x}")).collect::<Vec<_>>().join(" ");
        return Ok(RegistryEvent {
            block_number,
            transaction_hash,
            contract: contract.to_string(),
            name: "unknown".into(),
            fields: vec![("keys".into(), raw(keys)), ("data".into(), raw(data))],
        });
    };
    let what = format!("the {} event of {}", layout.name, contract);
    let mut fields = Vec::new();
    for (cells, members) in [(&keys[1..], layout.keys), (data, layout.data)] {
        let mut r = Reader::new(&what, cells);
        for &(name, kind) in members {
            let value = match kind {
                Kind::Felt => format!("{:#x}", r.felt()?),
                Kind::Int => r.u64()?.to_string(),
                Kind::U256 => r.u256()?.to_string(),
                Kind::ShortString => short_string_text(&r.felt()?),
                Kind::Text => r.byte_array()?,
            };
            fields.push((name.to_string(), value));
        }
        r.finish()?;
    }
    Ok(RegistryEvent {
        block_number,
        transaction_hash,
        contract: contract.to_string(),
        name: layout.name.to_string(),
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec;

    #[test]
    fn a_known_event_is_decoded_by_name() {
        let keys = [selector("InferenceRequested"), Felt::from(7), Felt::from(3)];
        let mut data = vec![Felt::from(0xc0ffeeu64), Felt::from(2), Felt::from(0xabu64)];
        data.extend(codec::u256(250));
        data.push(Felt::from(1_700_000_000u64));
        let e = decode("Marketplace", &keys, &data, Some(5), Felt::from(9)).unwrap();
        assert_eq!(e.name, "InferenceRequested");
        assert_eq!(e.field("request_id"), Some("7"));
        assert_eq!(e.field("model_id"), Some("3"));
        assert_eq!(e.field("consumer"), Some("0xc0ffee"));
        assert_eq!(e.field("payment"), Some("250"));
        assert_eq!(e.field("deadline"), Some("1700000000"));
        let json = serde_json::to_string(&e).unwrap();
        assert!(json.contains(r#""fields":{"request_id":"7","model_id":"3","consumer":"0xc0ffee""#), "{json}");
    }

    #[test]
    fn byte_arrays_and_short_strings_are_shown_as_text() {
        let keys = [selector("VersionPublished"), Felt::from(1)];
        let mut data = vec![Felt::from(2), Felt::from(0x11u64)];
        data.extend(codec::byte_array("ipfs://model"));
        data.extend([Felt::from(0x22u64), Felt::from(0x33u64), Felt::from(16)]);
        let e = decode("ModelRegistry", &keys, &data, None, Felt::ZERO).unwrap();
        assert_eq!(e.field("metadata_uri"), Some("ipfs://model"));
        assert_eq!(e.field("scale"), Some("16"));

        let keys = [selector("ModelRegistered"), Felt::from(1), Felt::from(0x42u64)];
        let data = [codec::short_string("cairn-mlp").unwrap()];
        assert_eq!(decode("ModelRegistry", &keys, &data, None, Felt::ZERO).unwrap().field("name"), Some("cairn-mlp"));
    }

    #[test]
    fn a_known_event_with_the_wrong_cells_is_an_error() {
        let keys = [selector("FactRegistered"), Felt::from(1)];
        assert!(decode("FactRegistry", &keys, &[], None, Felt::ZERO).is_err());
        assert!(decode("FactRegistry", &keys, &[Felt::ONE, Felt::ONE], None, Felt::ZERO).is_err());
    }

    #[test]
    fn an_unknown_event_keeps_its_cells() {
        let e = decode("FactRegistry", &[Felt::from(5)], &[Felt::from(6)], None, Felt::ZERO).unwrap();
        assert_eq!((e.name.as_str(), e.field("keys"), e.field("data")), ("unknown", Some("0x5"), Some("0x6")));
        // Same name, other contract: the layout is per contract.
        let keys = [selector("PriceSet"), Felt::ONE];
        assert_eq!(decode("Marketplace", &keys, &[], None, Felt::ZERO).unwrap().name, "unknown");
    }
}
