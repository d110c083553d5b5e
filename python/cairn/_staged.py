"""Staged models (docs/staged.md): a model cut into chained stages, each a
program of its own, proven into one bundle and verified as a whole."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, List, Optional, Tuple, Union

from . import _cairn
from ._api import check_security_bits
from ._inputs import bind_one
from ._types import Tensor

PathLike = Union[str, "os.PathLike[str]"]


class StagedPackage:
    """A staged package written by :func:`transpile_staged`: ``stages.json``,
    the whole model, and one ordinary package per stage."""

    def __init__(self, native: _cairn.StagedPackage) -> None:
        self._native = native

    @classmethod
    def open(cls, path: PathLike) -> "StagedPackage":
        """Opens the staged package at ``path``."""
        return cls(_cairn.StagedPackage.open(os.fspath(path)))

    @property
    def dir(self) -> Path:
        return Path(self._native.dir)

    @property
    def scale(self) -> int:
        return int(self._native.scale)

    @property
    def model_hash(self) -> Optional[str]:
        """Poseidon over the stages' program hashes and output cell counts
        (hex); ``None`` until compiled."""
        return self._native.model_hash

    @property
    def stage_dirs(self) -> List[Path]:
        """Each stage's package directory, in order."""
        return [Path(d) for d in self._native.stage_dirs()]

    @property
    def output_counts(self) -> List[int]:
        """How many output cells each stage writes."""
        return list(self._native.output_counts())

    def compile(self) -> str:
        """Compiles every stage (reusing compiled programs); the model hash."""
        native, model_hash = self._native.compile()
        self._native = native
        return str(model_hash)

    def run(self, inputs: Any) -> Tuple[List[Tensor], List[int]]:
        """Runs the chain on the Cairo VM on one sample: the model's outputs
        and each stage's steps."""
        samples = bind_one(self._native.model(), inputs)
        outputs, steps = self._native.run(samples)[0]
        return [Tensor._from_native(t) for t in outputs], list(steps)

    def stage_inputs(self, inputs: Any) -> List[List[int]]:
        """The input cells each stage is given on one sample (field elements
        as Python ints): what proving a stage anywhere needs besides its
        package directory."""
        samples = bind_one(self._native.model(), inputs)
        return [[int(c, 16) for c in cells] for cells in self._native.stage_inputs(samples)]

    def __repr__(self) -> str:
        return f"StagedPackage({str(self.dir)!r}, stages={len(self.stage_dirs)})"


@dataclass(frozen=True)
class Bundle:
    """A staged inference proven: one proof per stage.

    Attributes:
        data: the bundle file's bytes (what :func:`verify_bundle` and
            ``cairn verify`` read); ``bytes(bundle)`` gives them too.
        model_hash: the staged model it is about (hex).
        stages: per stage, (Cairo steps, trace rows, proof bytes).
    """

    data: bytes
    model_hash: str
    stages: List[Tuple[int, int, int]]

    def __bytes__(self) -> bytes:
        return self.data


@dataclass(frozen=True)
class BundleVerification:
    """A bundle :func:`verify_bundle` accepted (a rejected one raises
    :class:`cairn.InvalidProof`).

    Attributes:
        model_hash: the staged model (hex), checked against the trust anchor.
        input_cells, output_cells: the model's input cells (stage 0's) and
            output cells (the last stage's), as Python ints.
        outputs, inputs: those cells read with the trusted package's
            manifests; ``None`` when checked against a model hash alone.
    """

    model_hash: str
    input_cells: List[int]
    output_cells: List[int]
    outputs: Optional[List[Tensor]]
    inputs: Optional[List[Tensor]]


def transpile_staged(
    model: PathLike,
    directory: PathLike,
    *,
    stages: Optional[int] = None,
    max_rows: Optional[int] = None,
    inputs: Any = None,
    scale: int = _cairn.DEFAULT_SCALE,
) -> StagedPackage:
    """Cuts the ONNX model at ``model`` into chained stages at ``directory``,
    compiled: ``stages`` of about equal estimated cost, or as few as fit
    ``max_rows`` trace rows each (a power of two), measured on the one sample
    ``inputs``. The chain computes exactly what the whole model computes."""
    if (stages is None) == (max_rows is None):
        raise _cairn.InputError("give stages or max_rows (one of them)")
    native_model = _cairn.Model.load(os.fspath(model))
    samples = bind_one(native_model, inputs) if inputs is not None else None
    return StagedPackage(
        _cairn.transpile_staged(native_model, os.fspath(directory), scale, stages, max_rows, samples)
    )


def prove_staged(
    package: StagedPackage,
    inputs: Any,
    *,
    jobs: int = 1,
    security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
    embed_program: bool = False,
    compact: bool = False,
) -> Bundle:
    """Proves one inference of a staged model here, ``jobs`` stages at a time
    (each holds one stage's trace in memory). The bundle's bytes do not
    depend on ``jobs``, nor on where the stages were proven
    (:func:`cairn.ray.prove_staged`)."""
    check_security_bits(security_bits)
    samples = bind_one(package._native.model(), inputs)
    data, model_hash, stages = package._native.prove(samples, security_bits, embed_program, compact, jobs)
    return Bundle(data=bytes(data), model_hash=str(model_hash), stages=[tuple(s) for s in stages])


def assemble_bundle(proofs: List[bytes], output_counts: List[int]) -> bytes:
    """A bundle's bytes from stage proofs made anywhere (in stage order) and
    each stage's output cell count (:attr:`StagedPackage.output_counts`)."""
    return bytes(_cairn.assemble_bundle([bytes(p) for p in proofs], list(output_counts)))


def prove_stage(
    stage_dir: PathLike,
    cells: List[int],
    *,
    security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
    embed_program: bool = False,
    compact: bool = False,
) -> Tuple[bytes, int, int]:
    """Proves one stage from its package directory and its input cells alone
    (what a worker runs): the proof's bytes, the run's steps, the trace's
    rows. The directory needs its compiled ``program.json``: nothing is
    compiled where it is already current."""
    check_security_bits(security_bits)
    data, steps, rows = _cairn.prove_stage(
        os.fspath(stage_dir), [hex(c) for c in cells], security_bits, embed_program, compact
    )
    return bytes(data), int(steps), int(rows)


def verify_bundle(
    bundle: Union[Bundle, bytes, bytearray, memoryview],
    *,
    model: Optional[StagedPackage] = None,
    model_hash: Optional[str] = None,
    min_security: int = _cairn.DEFAULT_SECURITY_BITS,
) -> BundleVerification:
    """Verifies a bundle: every stage proof valid for the model's stage
    program (the staged package's, or checked through ``model_hash``, which
    needs proofs made with ``embed_program=True``), the stages complete and in
    order, every link intact. Raises :class:`cairn.InvalidProof` otherwise."""
    data = bundle.data if isinstance(bundle, Bundle) else bytes(bundle)
    if model is None and model_hash is None:
        raise _cairn.InputError("verify_bundle needs a trust anchor: model= (a StagedPackage) or model_hash=")
    package_dir = os.fspath(model.dir) if model is not None else None
    h, input_cells, output_cells, outputs, inputs = _cairn.verify_bundle(data, package_dir, model_hash, min_security)
    return BundleVerification(
        model_hash=str(h),
        input_cells=[int(c, 16) for c in input_cells],
        output_cells=[int(c, 16) for c in output_cells],
        outputs=[Tensor._from_native(t) for t in outputs] if outputs is not None else None,
        inputs=[Tensor._from_native(t) for t in inputs] if inputs is not None else None,
    )
