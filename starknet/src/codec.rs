//! Cairo's `Serde` encoding of the values the contracts take and return, as
//! felt252 sequences (calldata and call results).

use starknet_types_core::felt::Felt;

use crate::StarknetError;

/// A `u256` is two felts, low 128 bits first. Amounts in cairn fit a `u128`.
pub fn u256(value: u128) -> [Felt; 2] {
    [Felt::from(value), Felt::ZERO]
}

/// A Cairo short string (≤ 31 ASCII characters) as a felt.
pub fn short_string(text: &str) -> Result<Felt, StarknetError> {
    if text.len() > 31 || !text.is_ascii() || text.is_empty() {
        return Err(StarknetError::Encode(format!("{text:?} is not a Cairo short string (1 to 31 ASCII characters)")));
    }
    Ok(Felt::from_bytes_be_slice(text.as_bytes()))
}

/// The text of a short string felt (empty for zero); non-printable bytes are
/// shown as `\xNN`.
pub fn short_string_text(felt: &Felt) -> String {
    felt.to_bytes_be()
        .iter()
        .skip_while(|&&b| b == 0)
        .map(|&b| if b.is_ascii_graphic() || b == b' ' { (b as char).to_string() } else { format!("\\x{b:02x}") })
        .collect()
}

/// A `ByteArray`: the number of full 31-byte words, the words, the pending
/// word and its length in bytes.
pub fn byte_array(text: &str) -> Vec<Felt> {
    let bytes = text.as_bytes();
    let full = bytes.len() / 31;
    let mut out = vec![Felt::from(full)];
    out.extend(bytes.chunks(31).take(full).map(Felt::from_bytes_be_slice));
    let pending = &bytes[full * 31..];
    out.push(Felt::from_bytes_be_slice(pending));
    out.push(Felt::from(pending.len()));
    out
}

/// Reads the values of a call result in order.
pub struct Reader<'a> {
    what: &'a str,
    cells: &'a [Felt],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(what: &'a str, cells: &'a [Felt]) -> Self {
        Reader { what, cells, at: 0 }
    }

    fn err(&self, detail: impl Into<String>) -> StarknetError {
        StarknetError::Decode { what: self.what.to_string(), detail: detail.into() }
    }

    pub fn felt(&mut self) -> Result<Felt, StarknetError> {
        let cell =
            self.cells.get(self.at).copied().ok_or_else(|| self.err(format!("ended after {} cells", self.at)))?;
        self.at += 1;
        Ok(cell)
    }

    pub fn u64(&mut self) -> Result<u64, StarknetError> {
        let felt = self.felt()?;
        u64::try_from(felt).map_err(|_| self.err(format!("{felt:#x} is not a u64")))
    }

    pub fn u128(&mut self) -> Result<u128, StarknetError> {
        let felt = self.felt()?;
        u128::try_from(felt).map_err(|_| self.err(format!("{felt:#x} is not a u128")))
    }

    pub fn u256(&mut self) -> Result<u128, StarknetError> {
        let low = self.u128()?;
        let high = self.u128()?;
        if high != 0 {
            return Err(self.err("a u256 above 2^128"));
        }
        Ok(low)
    }

    pub fn bool(&mut self) -> Result<bool, StarknetError> {
        match self.u64()? {
            0 => Ok(false),
            1 => Ok(true),
            n => Err(self.err(format!("{n} is not a bool"))),
        }
    }

    pub fn byte_array(&mut self) -> Result<String, StarknetError> {
        let full = self.u64()?;
        let mut bytes = Vec::new();
        for _ in 0..full {
            bytes.extend_from_slice(&self.felt()?.to_bytes_be()[1..]);
        }
        let pending = self.felt()?;
        let len = self.u64()? as usize;
        if len > 31 {
            return Err(self.err(format!("pending word of {len} bytes")));
        }
        bytes.extend_from_slice(&pending.to_bytes_be()[32 - len..]);
        String::from_utf8(bytes).map_err(|e| self.err(e.to_string()))
    }

    pub fn array(&mut self) -> Result<Vec<Felt>, StarknetError> {
        let len = self.u64()? as usize;
        (0..len).map(|_| self.felt()).collect()
    }

    /// Fails unless every cell was read.
    pub fn finish(&self) -> Result<(), StarknetError> {
        if self.at != self.cells.len() {
            return Err(self.err(format!("{} cells left over", self.cells.len() - self.at)));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_array_round_trips() {
        for text in ["", "ipfs://x", &"a".repeat(31), &"b".repeat(70)] {
            let cells = byte_array(text);
            let mut reader = Reader::new("test", &cells);
            assert_eq!(reader.byte_array().unwrap(), text);
            reader.finish().unwrap();
        }
        // 31 bytes: one full word, an empty pending word.
        assert_eq!(byte_array(&"a".repeat(31)).len(), 4);
    }

    #[test]
    fn short_strings() {
        let felt = short_string("INVALID_FACT").unwrap();
        assert_eq!(felt, Felt::from_hex_unchecked("0x494e56414c49445f46414354"));
        assert_eq!(short_string_text(&felt), "INVALID_FACT");
        assert!(short_string(&"x".repeat(32)).is_err());
        assert!(short_string("").is_err());
    }
}
