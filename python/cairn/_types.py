"""The values cairn's Python API returns: tensors as numpy arrays with their raw
fixed-point integers, run results, proofs, verifications, calibration reports,
and the `Model` / `Package` handles."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import numpy as np

from . import _cairn

#: ONNX element types cairn computes in fixed point; every other dtype is an
#: integer type whose values are the integers themselves.
REAL_DTYPES = frozenset({"float32", "float64", "float16", "bfloat16"})


@dataclass(frozen=True)
class Tensor:
    """One output (or echoed input) of an inference.

    Attributes:
        name: the ONNX name of the tensor.
        dtype: its ONNX element type (``"float32"``, ``"int64"``, …).
        shape: its shape.
        values: the values as a numpy array of that shape: ``float64`` reals
            (``raw / 2**scale``, exactly) for a real tensor, ``int64`` for an
            integer one.
        raw: the raw fixed-point integers ``q`` (``value = q / 2**scale``) of
            a real tensor — the integers the Cairo program computes and the
            proof binds — or the integers themselves for an integer tensor;
            flat, in C order, as Python ints.
    """

    name: str
    dtype: str
    shape: Tuple[int, ...]
    values: np.ndarray
    raw: List[int]

    @property
    def is_real(self) -> bool:
        """True for a fixed-point (real) tensor."""
        return self.dtype in REAL_DTYPES

    @classmethod
    def _from_native(cls, t: Tuple[str, str, List[int], List[float], List[int]]) -> "Tensor":
        name, dtype, shape, values, raw = t
        if dtype in REAL_DTYPES:
            array = np.asarray(values, dtype=np.float64)
        else:
            array = np.asarray(raw, dtype=np.int64)
        array = array.reshape(tuple(shape))
        array.setflags(write=False)
        return cls(name=name, dtype=dtype, shape=tuple(shape), values=array, raw=list(raw))


def _tensors(ts: Optional[Sequence[Any]]) -> Optional[List[Tensor]]:
    return None if ts is None else [Tensor._from_native(t) for t in ts]


def _pick(tensors: Sequence[Tensor], key: Union[int, str]) -> Tensor:
    if isinstance(key, int):
        return tensors[key]
    for t in tensors:
        if t.name == key:
            return t
    raise KeyError(f"no output named {key!r} (outputs: {', '.join(t.name for t in tensors)})")


@dataclass(frozen=True)
class IoSpec:
    """A declared model input or output.

    ``shape`` is ``None`` when the model does not declare one; a dimension is
    an int, the name of a symbolic dimension (``"batch"``), or ``None`` when
    unknown.
    """

    name: str
    dtype: str
    shape: Optional[Tuple[Union[int, str, None], ...]]


def _dim(d: str) -> Union[int, str, None]:
    if d == "?":
        return None
    try:
        return int(d)
    except ValueError:
        return d


def _io_specs(decls: Sequence[Tuple[str, str, Optional[List[str]]]]) -> List[IoSpec]:
    return [
        IoSpec(name=n, dtype=t, shape=None if dims is None else tuple(_dim(d) for d in dims)) for n, t, dims in decls
    ]


class Model:
    """An ONNX model, loaded and resolved against cairn's operator table.

    Load one with :func:`cairn.load`; every function that takes a model also
    takes its path, but a `Model` is parsed once.
    """

    def __init__(self, native: _cairn.Model) -> None:
        self._native = native

    @classmethod
    def load(cls, path: Union[str, "os.PathLike[str]"]) -> "Model":
        """Loads an ONNX file; raises :class:`cairn.ModelError` if cairn cannot run it."""
        return cls(_cairn.Model.load(os.fspath(path)))

    @property
    def name(self) -> str:
        """Where the model came from."""
        return self._native.name

    @property
    def inputs(self) -> List[IoSpec]:
        """The graph inputs, in order."""
        return _io_specs(self._native.inputs())

    @property
    def outputs(self) -> List[IoSpec]:
        """The graph outputs, in order."""
        return _io_specs(self._native.outputs())

    def __repr__(self) -> str:
        return f"cairn.Model({self.name!r})"


class Package:
    """A Cairo package written by :func:`cairn.transpile`: the generated Cairo
    sources, a copy of the model, the manifest ``cairn.json`` (scale, input and
    output shapes, program hash) and, once compiled, the program."""

    def __init__(self, native: _cairn.Package) -> None:
        self._native = native

    @classmethod
    def open(cls, path: Union[str, "os.PathLike[str]"]) -> "Package":
        """Opens the package directory at ``path``."""
        return cls(_cairn.Package.open(os.fspath(path)))

    @property
    def dir(self) -> Path:
        """The package directory."""
        return Path(self._native.dir)

    @property
    def scale(self) -> int:
        """Fraction bits of its fixed-point numbers (``value = q / 2**scale``)."""
        return self._native.scale

    @property
    def program_hash(self) -> Optional[str]:
        """The program hash (hex) a proof of this package names; ``None`` until compiled."""
        return self._native.program_hash

    @property
    def manifest(self) -> Dict[str, Any]:
        """The manifest ``cairn.json`` as a dict."""
        manifest: Dict[str, Any] = json.loads(self._native.manifest_json())
        return manifest

    def compile(self) -> "Package":
        """Compiles the package (reusing its compiled program when the sources
        are unchanged) and returns it with the program hash recorded."""
        return Package(self._native.compile().package)

    def __repr__(self) -> str:
        return f"cairn.Package({str(self.dir)!r}, scale={self.scale}, program_hash={self.program_hash!r})"


@dataclass(frozen=True)
class RunResult:
    """The outputs of one inference.

    Attributes:
        backend: ``"reference"`` (the exact fixed-point runtime) or ``"cairo"``
            (the Cairo program on the Cairo VM).
        scale: fraction bits of the fixed-point numbers.
        outputs: the model's outputs, in graph order.
        steps: Cairo VM steps (``None`` on the reference runtime).
        program_hash: the program that ran (``None`` on the reference runtime).
        package: the package that ran (``None`` on the reference runtime).
    """

    backend: str
    scale: int
    outputs: List[Tensor]
    steps: Optional[int] = None
    program_hash: Optional[str] = None
    package: Optional[Package] = None

    def __getitem__(self, key: Union[int, str]) -> Tensor:
        """An output by index or by name."""
        return _pick(self.outputs, key)


@dataclass(frozen=True)
class Proof:
    """A STARK proof of one inference.

    Attributes:
        data: the proof file's bytes (what :func:`cairn.verify` and
            ``cairn verify`` read); ``bytes(proof)`` gives them too.
        program_hash: the program the proof is about (hex).
        steps: Cairo steps of the proved run.
        trace_rows: rows of the proved trace (a power of two).
        columns: columns of the trace.
        security_bits: conjectured security of the proof, bits.
        outputs: the proven outputs, as the prover's package reads them.
    """

    data: bytes
    program_hash: str
    steps: int
    trace_rows: int
    columns: int
    security_bits: int
    outputs: List[Tensor]

    def __bytes__(self) -> bytes:
        return self.data

    def save(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the proof file (replacing it atomically)."""
        target = Path(path)
        tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
        tmp.write_bytes(self.data)
        os.replace(tmp, target)

    def __repr__(self) -> str:
        return (
            f"cairn.Proof({len(self.data)} bytes, program_hash={self.program_hash!r}, steps={self.steps}, "
            f"security_bits={self.security_bits})"
        )


@dataclass(frozen=True)
class Verification:
    """A proof that :func:`cairn.verify` accepted. (A proof it rejects raises
    :class:`cairn.InvalidProof`; there is no ``valid=False`` result.)

    Attributes:
        valid: always ``True``.
        program_hash: the proven program (hex), checked against the trust anchor.
        checked_against: the trust anchor: ``"package <dir>"``,
            ``"program hash"`` or ``"any program"``.
        security_bits: conjectured security of the proof, bits.
        trace_rows: rows of the proved trace.
        output_cells: the proven output segment ``[n, outputs…, inputs…]`` as
            field elements (Python ints) — what the proof binds.
        outputs, inputs: the proven outputs and the input the program echoed,
            read with the trusted package's manifest; ``None`` unless verified
            against a package.
        unverified_outputs, unverified_inputs: the same cells read with the
            manifest the proof carries, when no package was given. That
            manifest is the prover's word: names, shapes and scale may lie.
    """

    valid: bool
    program_hash: str
    checked_against: str
    security_bits: int
    trace_rows: int
    output_cells: List[int]
    outputs: Optional[List[Tensor]]
    inputs: Optional[List[Tensor]]
    unverified_outputs: Optional[List[Tensor]] = None
    unverified_inputs: Optional[List[Tensor]] = None

    def __getitem__(self, key: Union[int, str]) -> Tensor:
        """A verified output by index or by name (only when verified against a package)."""
        if self.outputs is None:
            raise KeyError("no verified outputs: verify against the package (model=...) to read them")
        return _pick(self.outputs, key)


@dataclass(frozen=True)
class Calibration:
    """What :func:`cairn.calibrate` found.

    Attributes:
        scale: the largest scale at which every sample runs without overflow,
            keeping ``headroom_bits`` to spare.
        headroom_bits: the headroom asked for.
        samples: samples calibrated on.
        max_abs_error, mean_abs_error: |fixed point − float| over every real
            output element, at ``scale``.
        argmax_agree, argmax_rows: rows (last axis of each real output) whose
            argmax agrees with float, of all rows.
        rejected: larger scales that overflowed, with the first error.
    """

    scale: int
    headroom_bits: int
    samples: int
    max_abs_error: float
    mean_abs_error: float
    argmax_agree: int
    argmax_rows: int
    rejected: List[Tuple[int, str]]
