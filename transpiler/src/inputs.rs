//! Input files and their binding to a network's inputs.
//!
//! Accepted formats (one sample each unless said otherwise):
//! * plain JSON `{"<input name>": nested arrays}` — the nesting gives the shape;
//!   a JSON array of such objects holds several samples;
//! * EZKL's `input.json`: `{"input_data": [[...flattened...], ...]}`, one list
//!   per graph input in order; a list holding k whole tensors for a one-input
//!   model is k samples;
//! * `.npy` (numpy, C order, numeric dtypes) for a one-input model; a leading
//!   axis of k times the model's batch size is read as k samples only when the
//!   shape cannot match otherwise.

use std::collections::BTreeMap;
use std::path::Path;

use cairn_runtime::{Arith, ArithError, DType, KernelError, Tensor, Value};
use serde_json::Value as Json;
use thiserror::Error;

use crate::ir::Dim;
use crate::network::{GraphInput, Network};

#[derive(Debug, Clone, PartialEq)]
pub enum InputData {
    Real(Vec<f64>),
    Int(Vec<i64>),
}

impl InputData {
    fn len(&self) -> usize {
        match self {
            InputData::Real(v) => v.len(),
            InputData::Int(v) => v.len(),
        }
    }
}

/// One tensor read from a file, before it is checked against the model.
#[derive(Debug, Clone, PartialEq)]
pub struct InputTensor {
    /// `None` when the file gives only flat data (EZKL format).
    pub shape: Option<Vec<usize>>,
    pub data: InputData,
}

/// One sample as read from a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Sample {
    /// Tensors by input name.
    Named(BTreeMap<String, InputTensor>),
    /// Tensors in the order of the graph inputs.
    Ordered(Vec<InputTensor>),
}

/// A sample checked against the network: one tensor per graph input, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundSample {
    pub tensors: Vec<(Vec<usize>, InputData)>,
}

#[derive(Debug, Error)]
pub enum InputError {
    #[error("cannot read input file {path}: {detail}")]
    Read { path: String, detail: String },
    #[error("input file {path}: {detail}")]
    Format { path: String, detail: String },
    #[error("the model has no input named '{name}' (its inputs are: {expected})")]
    UnknownInput { name: String, expected: String },
    #[error("missing a value for model input '{name}'")]
    MissingInput { name: String },
    #[error("input '{name}': shape {got:?} does not match the model's {expected}")]
    Shape { name: String, got: Vec<usize>, expected: String },
    #[error("input '{name}': {got} values do not fill the model's shape {expected} ({need} values)")]
    Length { name: String, got: usize, expected: String, need: usize },
    #[error("input '{name}' element {index}: {value} is not a finite number")]
    NotFinite { name: String, index: usize, value: f64 },
    #[error("input '{name}' element {index}: {value} is not an integer, but the input is {dtype}")]
    NotInteger { name: String, index: usize, value: f64, dtype: DType },
    #[error("input '{name}' element {index}: {error}")]
    Quantize { name: String, index: usize, error: ArithError },
    #[error("input '{name}': {error}")]
    Convert { name: String, error: KernelError },
    #[error("{0}")]
    Other(String),
}

fn format_err(path: &str, detail: impl Into<String>) -> InputError {
    InputError::Format { path: path.into(), detail: detail.into() }
}

/// Reads every sample of an input file (format chosen by extension and content).
pub fn read_samples(path: &Path, network: &Network) -> Result<Vec<Sample>, InputError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| InputError::Read { path: shown.clone(), detail: e.to_string() })?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("npy")) {
        return read_npy(&bytes, &shown, network);
    }
    parse_samples(&bytes, &shown, network)
}

/// Parses the bytes of an input file: `.npy` (by its magic) or JSON. `what`
/// names the source in errors.
pub fn parse_samples(bytes: &[u8], what: &str, network: &Network) -> Result<Vec<Sample>, InputError> {
    if bytes.starts_with(b"\x93NUMPY") {
        return read_npy(bytes, what, network);
    }
    let json: Json = serde_json::from_slice(bytes)
        .map_err(|e| format_err(what, format!("not valid JSON ({e}); expected JSON input or a .npy file")))?;
    parse_json_samples(&json, what, network)
}

/// Parses JSON input (see the module docs).
pub fn parse_json_samples(json: &Json, path: &str, network: &Network) -> Result<Vec<Sample>, InputError> {
    match json {
        Json::Array(items) if items.iter().all(|i| i.is_object()) && !items.is_empty() => {
            items.iter().map(|i| parse_named(i, path)).collect()
        }
        Json::Object(map) if map.contains_key("input_data") => parse_ezkl(&map["input_data"], path, network),
        Json::Object(_) => Ok(vec![parse_named(json, path)?]),
        _ => Err(format_err(
            path,
            "expected an object {\"<input name>\": [...]}, EZKL's {\"input_data\": [[...]]}, or an array of objects",
        )),
    }
}

fn parse_named(json: &Json, path: &str) -> Result<Sample, InputError> {
    let Json::Object(map) = json else {
        return Err(format_err(path, "each sample must be an object {\"<input name>\": [...]}"));
    };
    let mut out = BTreeMap::new();
    for (name, v) in map {
        let mut shape = Vec::new();
        nested_shape(v, &mut shape).map_err(|d| format_err(path, format!("input '{name}': {d}")))?;
        let mut flat = Vec::new();
        flatten(v, &shape, 0, &mut flat).map_err(|d| format_err(path, format!("input '{name}': {d}")))?;
        let data = numbers(&flat).map_err(|d| format_err(path, format!("input '{name}' {d}")))?;
        out.insert(name.clone(), InputTensor { shape: Some(shape), data });
    }
    Ok(Sample::Named(out))
}

fn nested_shape(v: &Json, shape: &mut Vec<usize>) -> Result<(), String> {
    match v {
        Json::Array(items) => {
            shape.push(items.len());
            match items.first() {
                Some(first) => nested_shape(first, shape),
                None => Ok(()),
            }
        }
        Json::Number(_) => Ok(()),
        other => Err(format!("expected numbers or nested arrays of numbers, found {other}")),
    }
}

fn flatten<'a>(
    v: &'a Json,
    shape: &[usize],
    depth: usize,
    out: &mut Vec<&'a serde_json::Number>,
) -> Result<(), String> {
    match (v, shape.get(depth)) {
        (Json::Array(items), Some(&n)) if items.len() == n => {
            items.iter().try_for_each(|i| flatten(i, shape, depth + 1, out))
        }
        (Json::Array(items), Some(&n)) => {
            Err(format!("ragged array: {} entries where {n} were expected at depth {depth}", items.len()))
        }
        (Json::Number(x), None) => {
            out.push(x);
            Ok(())
        }
        (Json::Number(_), Some(_)) => {
            Err(format!("ragged array: a number where an array was expected at depth {depth}"))
        }
        (Json::Array(_), None) => Err(format!("ragged array: an array where a number was expected at depth {depth}")),
        (other, _) => Err(format!("expected a number, found {other}")),
    }
}

/// Integers stay exact; anything else becomes f64. A number beyond f64's
/// range (`1e999`) is an error quoting it as written.
fn numbers(flat: &[&serde_json::Number]) -> Result<InputData, String> {
    if flat.iter().all(|n| n.is_i64()) {
        return Ok(InputData::Int(flat.iter().filter_map(|n| n.as_i64()).collect()));
    }
    let mut reals = Vec::with_capacity(flat.len());
    for (index, n) in flat.iter().enumerate() {
        match n.as_f64().filter(|x| x.is_finite()) {
            Some(x) => reals.push(x),
            None => return Err(format!("element {index}: {n} is beyond the range of a 64-bit float")),
        }
    }
    Ok(InputData::Real(reals))
}

fn parse_ezkl(data: &Json, path: &str, network: &Network) -> Result<Vec<Sample>, InputError> {
    let Json::Array(lists) = data else {
        return Err(format_err(path, "\"input_data\" must be a list with one list of numbers per model input"));
    };
    let mut tensors = Vec::with_capacity(lists.len());
    for (i, l) in lists.iter().enumerate() {
        let mut shape = Vec::new();
        nested_shape(l, &mut shape).map_err(|d| format_err(path, format!("input_data[{i}]: {d}")))?;
        let mut flat = Vec::new();
        flatten(l, &shape, 0, &mut flat).map_err(|d| format_err(path, format!("input_data[{i}]: {d}")))?;
        let data = numbers(&flat).map_err(|d| format_err(path, format!("input_data[{i}] {d}")))?;
        tensors.push(InputTensor { shape: None, data });
    }
    // One model input and a list holding several whole tensors: several samples.
    if network.inputs.len() == 1 && tensors.len() == 1 {
        let need = static_len(&network.inputs[0]);
        let got = tensors[0].data.len();
        if let Some(need) = need {
            if need > 0 && got > need && got % need == 0 {
                return Ok(split(&tensors[0].data, need)
                    .into_iter()
                    .map(|data| Sample::Ordered(vec![InputTensor { shape: None, data }]))
                    .collect());
            }
        }
    }
    Ok(vec![Sample::Ordered(tensors)])
}

fn split(data: &InputData, n: usize) -> Vec<InputData> {
    match data {
        InputData::Real(v) => v.chunks(n).map(|c| InputData::Real(c.to_vec())).collect(),
        InputData::Int(v) => v.chunks(n).map(|c| InputData::Int(c.to_vec())).collect(),
    }
}

fn read_npy(bytes: &[u8], path: &str, network: &Network) -> Result<Vec<Sample>, InputError> {
    use npyz::{DType as NpyDType, NpyFile, Order, TypeChar};
    let npy = NpyFile::new(bytes).map_err(|e| format_err(path, format!("not a valid .npy file: {e}")))?;
    if npy.order() == Order::Fortran {
        return Err(format_err(path, "Fortran-ordered arrays are not supported; save with np.ascontiguousarray"));
    }
    let shape: Vec<usize> = npy.shape().iter().map(|&d| d as usize).collect();
    let NpyDType::Plain(ts) = npy.dtype() else {
        return Err(format_err(path, "structured dtypes are not supported"));
    };
    let bad = |e: std::io::Error| format_err(path, format!("cannot read the data: {e}"));
    let data = match (ts.type_char(), ts.size_field()) {
        (TypeChar::Float, 4) => {
            InputData::Real(npy.into_vec::<f32>().map_err(bad)?.into_iter().map(f64::from).collect())
        }
        (TypeChar::Float, 8) => InputData::Real(npy.into_vec::<f64>().map_err(bad)?),
        (TypeChar::Int, 1) => InputData::Int(npy.into_vec::<i8>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Int, 2) => InputData::Int(npy.into_vec::<i16>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Int, 4) => InputData::Int(npy.into_vec::<i32>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Int, 8) => InputData::Int(npy.into_vec::<i64>().map_err(bad)?),
        (TypeChar::Uint, 1) => InputData::Int(npy.into_vec::<u8>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Uint, 2) => InputData::Int(npy.into_vec::<u16>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Uint, 4) => InputData::Int(npy.into_vec::<u32>().map_err(bad)?.into_iter().map(i64::from).collect()),
        (TypeChar::Bool, 1) => {
            InputData::Int(npy.into_vec::<bool>().map_err(bad)?.into_iter().map(i64::from).collect())
        }
        _ => return Err(format_err(path, format!("dtype {ts} is not supported (use float32/64 or an integer type)"))),
    };
    if network.inputs.len() != 1 {
        return Err(format_err(
            path,
            format!("a .npy file holds one tensor, but the model has {} inputs; use JSON", network.inputs.len()),
        ));
    }
    let input = &network.inputs[0];
    // Accept [k, ...model shape] as k samples when the shape cannot match directly.
    if let (Some(need), Some(decl)) = (static_len(input), &input.shape) {
        let direct = shape.len() == decl.len();
        if !direct && shape.len() == decl.len() + 1 && need > 0 && data.len() % need == 0 && data.len() > 0 {
            return Ok(split(&data, need)
                .into_iter()
                .map(|d| Sample::Ordered(vec![InputTensor { shape: Some(shape[1..].to_vec()), data: d }]))
                .collect());
        }
    }
    Ok(vec![Sample::Ordered(vec![InputTensor { shape: Some(shape), data }])])
}

/// Number of elements of an input whose symbolic dims are taken as 1.
fn static_len(input: &GraphInput) -> Option<usize> {
    input.shape.as_ref().map(|dims| dims.iter().map(|d| if let Dim::Known(v) = d { *v as usize } else { 1 }).product())
}

fn describe_dims(dims: &Option<Vec<Dim>>) -> String {
    match dims {
        None => "(unspecified)".into(),
        Some(d) => format!("[{}]", d.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(", ")),
    }
}

impl Network {
    /// Checks a sample against the model's inputs: names, shapes (symbolic
    /// dimensions bind consistently across inputs), integer-ness, finiteness.
    pub fn bind(&self, sample: &Sample) -> Result<BoundSample, InputError> {
        let ordered: Vec<&InputTensor> = match sample {
            Sample::Named(map) => {
                for name in map.keys() {
                    if !self.inputs.iter().any(|i| &i.name == name) {
                        let expected =
                            self.inputs.iter().map(|i| format!("'{}'", i.name)).collect::<Vec<_>>().join(", ");
                        return Err(InputError::UnknownInput { name: name.clone(), expected });
                    }
                }
                self.inputs
                    .iter()
                    .map(|i| map.get(&i.name).ok_or_else(|| InputError::MissingInput { name: i.name.clone() }))
                    .collect::<Result<_, _>>()?
            }
            Sample::Ordered(list) => {
                if list.len() != self.inputs.len() {
                    return Err(InputError::Other(format!(
                        "the input file gives {} tensors, but the model has {} inputs ({})",
                        list.len(),
                        self.inputs.len(),
                        self.inputs.iter().map(|i| format!("'{}'", i.name)).collect::<Vec<_>>().join(", ")
                    )));
                }
                list.iter().collect()
            }
        };
        let mut params: BTreeMap<String, usize> = BTreeMap::new();
        let mut tensors = Vec::with_capacity(ordered.len());
        for (gi, t) in self.inputs.iter().zip(ordered) {
            let shape = resolve_shape(gi, t, &mut params)?;
            let data = check_values(gi, &t.data)?;
            tensors.push((shape, data));
        }
        Ok(BoundSample { tensors })
    }

    /// Converts a bound sample to values of domain `A` (fixed point: quantizes).
    pub fn input_values<A: Arith>(&self, ar: &A, sample: &BoundSample) -> Result<Vec<Value<A::Elem>>, InputError> {
        self.inputs
            .iter()
            .zip(&sample.tensors)
            .map(|(gi, (shape, data))| {
                let conv = |error| InputError::Convert { name: gi.name.clone(), error };
                Ok(match data {
                    InputData::Real(v) => {
                        let q = v
                            .iter()
                            .enumerate()
                            .map(|(index, &x)| {
                                ar.from_f64(x).map_err(|error| InputError::Quantize {
                                    name: gi.name.clone(),
                                    index,
                                    error,
                                })
                            })
                            .collect::<Result<Vec<_>, _>>()?;
                        Value::Real(Tensor::new(shape.clone(), q).map_err(conv)?, gi.dtype)
                    }
                    InputData::Int(v) => Value::Int(Tensor::new(shape.clone(), v.clone()).map_err(conv)?, gi.dtype),
                })
            })
            .collect()
    }
}

fn resolve_shape(
    gi: &GraphInput,
    t: &InputTensor,
    params: &mut BTreeMap<String, usize>,
) -> Result<Vec<usize>, InputError> {
    let n = t.data.len();
    let Some(decl) = &gi.shape else {
        // The model does not declare a shape: take the file's (flat if none).
        return Ok(t.shape.clone().unwrap_or_else(|| vec![n]));
    };
    let expected = describe_dims(&gi.shape);
    match &t.shape {
        Some(shape) => {
            let mismatch =
                || InputError::Shape { name: gi.name.clone(), got: shape.clone(), expected: expected.clone() };
            if shape.len() != decl.len() {
                return Err(mismatch());
            }
            for (d, &s) in decl.iter().zip(shape) {
                match d {
                    Dim::Known(v) if *v as usize != s => return Err(mismatch()),
                    // a symbolic dimension binds on first use and must agree afterwards
                    Dim::Param(p) if *params.entry(p.clone()).or_insert(s) != s => return Err(mismatch()),
                    _ => {}
                }
            }
            // Files give shapes their data fills; a caller binding arrays in
            // memory (Model::bind_samples) could pass a shape and data that
            // disagree, which must not reach the kernels.
            let need: usize = shape.iter().product();
            if need != n {
                return Err(InputError::Length { name: gi.name.clone(), got: n, expected, need });
            }
            Ok(shape.clone())
        }
        None => {
            // Flat data: known dims are fixed; at most one unbound symbolic dim absorbs the rest.
            let mut shape = Vec::with_capacity(decl.len());
            let mut free = None;
            for (i, d) in decl.iter().enumerate() {
                match d {
                    Dim::Known(v) => shape.push(*v as usize),
                    Dim::Param(p) if params.contains_key(p) => shape.push(params[p]),
                    _ if free.is_none() => {
                        free = Some(i);
                        shape.push(1);
                    }
                    _ => shape.push(1),
                }
            }
            let known: usize = shape.iter().product();
            if let Some(i) = free {
                if known > 0 && n.is_multiple_of(known) {
                    shape[i] = n / known;
                    if let Dim::Param(p) = &decl[i] {
                        params.insert(p.clone(), shape[i]);
                    }
                }
            }
            let need: usize = shape.iter().product();
            if need != n {
                return Err(InputError::Length { name: gi.name.clone(), got: n, expected, need });
            }
            Ok(shape)
        }
    }
}

fn check_values(gi: &GraphInput, data: &InputData) -> Result<InputData, InputError> {
    match (data, gi.dtype.is_real()) {
        (InputData::Real(v), true) => {
            if let Some((index, &value)) = v.iter().enumerate().find(|(_, x)| !x.is_finite()) {
                return Err(InputError::NotFinite { name: gi.name.clone(), index, value });
            }
            Ok(data.clone())
        }
        (InputData::Int(v), true) => Ok(InputData::Real(v.iter().map(|&x| x as f64).collect())),
        (InputData::Int(v), false) => {
            let (lo, hi) = gi.dtype.int_range();
            if let Some((index, &value)) = v.iter().enumerate().find(|(_, &x)| !(lo..=hi).contains(&(x as i128))) {
                return Err(InputError::Other(format!(
                    "input '{}' element {index}: {value} does not fit {}",
                    gi.name, gi.dtype
                )));
            }
            Ok(data.clone())
        }
        (InputData::Real(v), false) => {
            let mut out = Vec::with_capacity(v.len());
            for (index, &value) in v.iter().enumerate() {
                if value.fract() != 0.0 || !value.is_finite() {
                    return Err(InputError::NotInteger { name: gi.name.clone(), index, value, dtype: gi.dtype });
                }
                out.push(value as i64);
            }
            Ok(InputData::Int(out))
        }
    }
}
