//! Which code each step of a run executes: the executable's Sierra functions
//! located in its bytecode ([`FunctionMap`], from the compiler's debug info),
//! and a run's trace attributed to call frames ([`attribute`]).
//!
//! Attribution follows the frame pointer: a step whose fp is new entered a
//! function (the one whose code holds its pc); a step whose fp belongs to a
//! frame further up the stack returned to it. Each step is charged to the
//! innermost frame that carries a label, so a library call or a loop (Cairo
//! loops are recursive calls) counts for the labelled function that made it.

use std::collections::BTreeMap;

use crate::vm::TraceEntry;

/// Where each function's code starts in the bytecode, sorted by offset.
#[derive(Clone, Debug, Default)]
pub struct FunctionMap {
    starts: Vec<(usize, String)>,
}

impl FunctionMap {
    pub(crate) fn new(mut starts: Vec<(usize, String)>) -> FunctionMap {
        starts.sort();
        FunctionMap { starts }
    }

    /// The function whose code holds bytecode offset `offset`.
    pub fn function_at(&self, offset: usize) -> Option<&str> {
        let i = self.starts.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map(|i| self.starts[i].1.as_str())
    }

    /// `(bytecode offset, function name)` of every function, by offset.
    pub fn functions(&self) -> &[(usize, String)] {
        &self.starts
    }
}

/// Steps per label. `label` names the functions worth charging (say, one
/// per ONNX node); steps outside every labelled frame go to `None`. `pc_base`
/// is the relocated pc of bytecode offset 0 (the first step's pc).
pub fn attribute(
    trace: &[TraceEntry],
    map: &FunctionMap,
    label: impl Fn(&str) -> Option<String>,
) -> BTreeMap<Option<String>, usize> {
    let mut steps: BTreeMap<Option<String>, usize> = BTreeMap::new();
    let Some(first) = trace.first() else { return steps };
    let pc_base = first.pc;
    // (fp, the label charged while this frame is innermost)
    let mut frames: Vec<(usize, Option<String>)> = Vec::new();
    for e in trace {
        match frames.iter().rposition(|(fp, _)| *fp == e.fp) {
            Some(i) => frames.truncate(i + 1),
            None => {
                let own = e.pc.checked_sub(pc_base).and_then(|o| map.function_at(o)).and_then(&label);
                let inherited = frames.last().and_then(|(_, l)| l.clone());
                frames.push((e.fp, own.or(inherited)));
            }
        }
        let owner = frames.last().and_then(|(_, l)| l.clone());
        *steps.entry(owner).or_default() += 1;
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(pc: usize, fp: usize) -> TraceEntry {
        TraceEntry { pc, ap: fp, fp }
    }

    #[test]
    fn steps_go_to_the_innermost_labelled_frame() {
        let map = FunctionMap::new(vec![(0, "main".into()), (10, "node_a".into()), (20, "lib".into())]);
        let label = |f: &str| f.starts_with("node_").then(|| f.to_string());
        // main (fp 100) calls node_a (fp 110), which calls lib (fp 120) and
        // returns; main goes on.
        let trace = [
            step(1, 100),
            step(2, 100),
            step(11, 110),
            step(12, 110),
            step(21, 120),
            step(22, 120),
            step(23, 120),
            step(13, 110),
            step(3, 100),
        ];
        let steps = attribute(&trace, &map, label);
        assert_eq!(steps.get(&Some("node_a".to_string())), Some(&6));
        assert_eq!(steps.get(&None), Some(&3));
        assert_eq!(steps.values().sum::<usize>(), trace.len());
    }

    #[test]
    fn offsets_map_to_the_function_that_starts_at_or_before_them() {
        let map = FunctionMap::new(vec![(5, "b".into()), (0, "a".into())]);
        assert_eq!(map.function_at(0), Some("a"));
        assert_eq!(map.function_at(4), Some("a"));
        assert_eq!(map.function_at(5), Some("b"));
        assert_eq!(map.function_at(500), Some("b"));
    }
}
