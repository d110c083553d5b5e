//! Decoding a Cairo instruction word (cairo-air.md §1.2): three biased 16-bit
//! offsets and 15 flag bits; bits 63 and above must be zero.

use thiserror::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// Biased offsets ê ∈ [0, 2^16): the signed offset is ê − 2^15.
    pub off_dst: u16,
    pub off_op0: u16,
    pub off_op1: u16,
    /// f0..f14.
    pub flags: [bool; 15],
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DecodeError {
    #[error("instruction word {0:#x} uses bits ≥ 63 (an opcode extension cairn's AIR does not support)")]
    Extension(u128),
}

impl Instruction {
    pub fn decode(word: u128) -> Result<Instruction, DecodeError> {
        if word >> 63 != 0 {
            return Err(DecodeError::Extension(word));
        }
        let w = word as u64;
        let mut flags = [false; 15];
        for (i, f) in flags.iter_mut().enumerate() {
            *f = (w >> (48 + i)) & 1 == 1;
        }
        Ok(Instruction { off_dst: w as u16, off_op0: (w >> 16) as u16, off_op1: (w >> 32) as u16, flags })
    }

    pub fn signed(off: u16) -> i64 {
        off as i64 - (1 << 15)
    }

    pub fn size(&self) -> u64 {
        1 + self.flags[2] as u64
    }
}

/// `jmp rel 0`, the final loop of every proof-mode program.
pub const JMP_REL_0: u64 = 0x0107_8001_7fff_7fff;
/// `ap += imm` (the entry code's first instruction; the immediate is the
/// number of builtins).
pub const AP_ADD_IMM: u64 = 0x0407_8001_7fff_7fff;
/// `call rel imm`.
pub const CALL_REL: u64 = 0x1104_8001_8001_8000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_vectors() {
        // cairo-air.md §1.3
        let jmp = Instruction::decode(JMP_REL_0 as u128).unwrap();
        assert_eq!(
            (Instruction::signed(jmp.off_dst), Instruction::signed(jmp.off_op0), Instruction::signed(jmp.off_op1)),
            (-1, -1, 1)
        );
        let set: Vec<usize> = (0..15).filter(|&i| jmp.flags[i]).collect();
        assert_eq!(set, vec![0, 1, 2, 8]);
        let ap_add = Instruction::decode(AP_ADD_IMM as u128).unwrap();
        assert_eq!(
            (
                Instruction::signed(ap_add.off_dst),
                Instruction::signed(ap_add.off_op0),
                Instruction::signed(ap_add.off_op1)
            ),
            (-1, -1, 1)
        );
        assert_eq!((0..15).filter(|&i| ap_add.flags[i]).collect::<Vec<_>>(), vec![0, 1, 2, 10]);
        let call = Instruction::decode(CALL_REL as u128).unwrap();
        assert_eq!(
            (Instruction::signed(call.off_dst), Instruction::signed(call.off_op0), Instruction::signed(call.off_op1)),
            (0, 1, 1)
        );
        assert_eq!((0..15).filter(|&i| call.flags[i]).collect::<Vec<_>>(), vec![2, 8, 12]);
        let ret = Instruction::decode(0x208b_7fff_7fff_7ffe).unwrap();
        assert_eq!(
            (Instruction::signed(ret.off_dst), Instruction::signed(ret.off_op0), Instruction::signed(ret.off_op1)),
            (-2, -1, -1)
        );
        assert_eq!((0..15).filter(|&i| ret.flags[i]).collect::<Vec<_>>(), vec![0, 1, 3, 7, 13]);
        assert!(matches!(Instruction::decode(1 << 63), Err(DecodeError::Extension(_))));
    }
}
