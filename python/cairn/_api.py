"""cairn's Python API: inspect, calibrate, transpile, run, cost_report, prove, verify.

Each function is a thin layer over the `cairn` Rust library (the same code
the `cairn` command line runs); errors are raised as :class:`cairn.CairnError`
subclasses with the library's message, and a rejected proof as
:class:`cairn.InvalidProof`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Optional, Tuple, Union

from . import _cairn
from ._inputs import bind, bind_one
from ._types import Calibration, Model, Package, Proof, RunResult, Verification, _tensors

PathLike = Union[str, "os.PathLike[str]"]
#: A model: a :class:`Model`, an ONNX file's path, a :class:`Package` or a
#: package directory's path.
ModelLike = Union[Model, Package, PathLike]


def load(path: PathLike) -> Model:
    """Loads and resolves an ONNX model.

    Raises :class:`cairn.ModelError` when the file cannot be read or uses
    something cairn does not support (every problem at once; see
    :func:`inspect` for a per-node report).
    """
    return Model.load(path)


def inspect(model: PathLike) -> Dict[str, Any]:
    """Describes an ONNX file: format, inputs, outputs, weights, the operators
    it uses, and every problem that keeps cairn from running it (at once).

    Returns a dict with, among others, ``inputs`` and ``outputs`` (name and
    type), ``ops`` (sorted operator types), ``supported`` (bool),
    ``problems`` (list of messages), ``unsupported_ops``, and ``nodes`` (per
    node: operator, inferred shapes, problems). An unsupported model is
    reported, not raised; a file that is not ONNX raises
    :class:`cairn.ModelError`.
    """
    report: Dict[str, Any] = json.loads(_cairn.inspect(os.fspath(model)))
    report["ops"] = sorted({n["op_type"] for n in report.get("nodes", [])})
    return report


def _target(model: ModelLike) -> Tuple[_cairn.Model, Optional[Package]]:
    """The model to bind inputs to, and the package when given one."""
    if isinstance(model, Package):
        return model._native.model(), model
    if isinstance(model, Model):
        return model._native, None
    if isinstance(model, (str, os.PathLike)):
        path = Path(model)
        if path.is_dir():
            package = Package.open(path)
            return package._native.model(), package
        return _cairn.Model.load(os.fspath(path)), None
    raise TypeError(f"expected a cairn.Model, cairn.Package or a path, got {type(model).__name__}")


def _scale(scale: Optional[int], package: Optional[Package]) -> int:
    if package is not None:
        if scale is not None and scale != package.scale:
            raise _cairn.InputError(
                f"{package.dir} was transpiled at scale {package.scale}; scale={scale} applies to ONNX models only"
            )
        return package.scale
    if scale is None:
        return int(_cairn.DEFAULT_SCALE)
    if isinstance(scale, bool) or not isinstance(scale, int):
        raise _cairn.InputError(f"scale must be an int (fraction bits), got {scale!r}")
    if not 1 <= scale <= _cairn.MAX_SCALE:
        raise _cairn.InputError(f"scale must be between 1 and {_cairn.MAX_SCALE} fraction bits, got {scale}")
    return scale


def calibrate(model: ModelLike, samples: Any, headroom: int = _cairn.DEFAULT_HEADROOM_BITS) -> Calibration:
    """Finds the largest fixed-point scale at which every sample runs without
    overflow, keeping ``headroom`` bits to spare (inputs up to ``2**headroom``
    times larger than the samples stay in range), and how far the fixed-point
    outputs are from float at that scale.

    ``samples``: anything :func:`run` takes as inputs, typically a file or a
    list of dicts holding several samples.
    """
    native, _ = _target(model)
    report = json.loads(native.calibrate(bind(native, samples), headroom))
    return Calibration(
        scale=report["scale"],
        headroom_bits=report["headroom_bits"],
        samples=report["samples"],
        max_abs_error=report["max_abs_error"],
        mean_abs_error=report["mean_abs_error"],
        argmax_agree=report["argmax_agree"],
        argmax_rows=report["argmax_rows"],
        rejected=[(int(r["scale"]), str(r["error"])) for r in report["rejected"]],
    )


def transpile(
    model: Union[Model, PathLike],
    out_dir: PathLike,
    scale: Optional[int] = None,
    *,
    calibration_samples: Any = None,
    headroom: int = _cairn.DEFAULT_HEADROOM_BITS,
    force: bool = False,
    compile: bool = True,
) -> Package:
    """Transpiles an ONNX model into a readable Cairo package at ``out_dir``
    and (unless ``compile=False``) compiles it, recording the program hash.

    Args:
        model: a :class:`Model` or an ONNX file's path.
        out_dir: the package directory. It must be empty, absent, or a cairn
            package; replacing a package needs ``force=True``, and a package
            holding files cairn did not write is never replaced.
        scale: fraction bits of the fixed-point numbers (default 16).
        calibration_samples: choose the scale by :func:`calibrate` on these
            samples instead (not together with ``scale``).
        headroom: headroom bits for calibration.
        force: replace an existing package at ``out_dir``.
        compile: compile the package (a few seconds for small models).
    """
    native, given_package = _target(model)
    if given_package is not None:
        raise _cairn.InputError(
            f"transpile takes an ONNX model (a cairn.Model or an .onnx path), not the package {given_package.dir}"
        )
    if calibration_samples is not None:
        if scale is not None:
            raise _cairn.InputError("give scale or calibration_samples, not both")
        scale = calibrate(Model(native), calibration_samples, headroom).scale
    bits = _scale(scale, None)
    out = Path(out_dir)
    if not force and (out / _cairn.MANIFEST_FILE).is_file():
        raise _cairn.PackageError(f"{out} already holds a cairn package; pass force=True to replace it")
    package = Package(native.transpile(os.fspath(out), bits))
    return package.compile() if compile else package


def _program(native: _cairn.Model, package: Optional[Package], scale: int, samples: _cairn.Samples) -> _cairn.Program:
    """The compiled program: the package's, or for an ONNX model the package
    for these input shapes in cairn's cache (reused across calls)."""
    pkg = package._native if package is not None else native.cached_package(scale, samples)
    return pkg.compile()


def run(model: ModelLike, inputs: Any, backend: str = "reference", scale: Optional[int] = None) -> RunResult:
    """Runs one inference.

    Args:
        model: a :class:`Model` or ONNX path, or a :class:`Package` or package
            directory (whose scale is fixed).
        inputs: one sample — a numpy array, nested list or torch tensor for a
            one-input model, a dict ``{input name: array}``, or the path of a
            JSON / EZKL JSON / ``.npy`` file holding one sample.
        backend: ``"reference"``, the exact fixed-point runtime (the ground
            truth), or ``"cairo"``, the transpiled Cairo program on the Cairo
            VM (bit-exact with the reference; also gives the step count). For an
            ONNX model the Cairo package is generated and compiled into cairn's
            cache on first use.
        scale: fraction bits for an ONNX model (default 16).

    Returns:
        The outputs as numpy arrays with their raw fixed-point integers.
    """
    if backend not in ("reference", "cairo"):
        raise _cairn.InputError(f"backend must be 'reference' or 'cairo', got {backend!r}")
    native, package = _target(model)
    bits = _scale(scale, package)
    samples = bind_one(native, inputs)
    if backend == "reference":
        return RunResult(backend="reference", scale=bits, outputs=_tensors(native.evaluate(bits, samples)[0]) or [])
    program = _program(native, package, bits, samples)
    outputs, steps = program.run(samples)[0]
    return RunResult(
        backend="cairo",
        scale=bits,
        outputs=_tensors(outputs) or [],
        steps=steps,
        program_hash=program.program_hash,
        package=Package(program.package),
    )


def cost_report(model: ModelLike, inputs: Any, scale: Optional[int] = None) -> Dict[str, Any]:
    """Where one inference's Cairo steps go, and what proving it will take —
    before proving (what ``cairn run --profile`` prints).

    ``model`` and ``inputs`` are as for :func:`run`. Returns a dict: ``steps``
    (whole run), ``nodes`` (per node: ``node``, ``op_type``, ``function``,
    ``steps``, ``share``), ``framing_steps`` (outside every node),
    ``builtins``, ``row_needs``, ``trace_rows`` (what a proof commits to) and
    ``rows_set_by``, measured on a real run; and ``estimate``
    (``cpu_seconds``, ``peak_bytes`` of proving), scaled from measured rates.
    """
    native, package = _target(model)
    bits = _scale(scale, package)
    samples = bind_one(native, inputs)
    report: Dict[str, Any] = json.loads(_program(native, package, bits, samples).cost_report(samples))
    return report


def check_security_bits(security_bits: int) -> None:
    """Refuses a security level that is not an int or is below the floor
    (no verifier accepts such proofs)."""
    if isinstance(security_bits, bool) or not isinstance(security_bits, int):
        raise _cairn.InputError(f"security_bits must be an int, got {security_bits!r}")
    if security_bits < _cairn.SECURITY_FLOOR_BITS:
        raise _cairn.InputError(
            f"security_bits={security_bits} is below the {_cairn.SECURITY_FLOOR_BITS}-bit floor: "
            "such proofs can be forged, and verify refuses them"
        )


def prove(
    model: ModelLike,
    inputs: Any,
    security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
    scale: Optional[int] = None,
    embed_program: bool = False,
    compact: bool = False,
) -> Proof:
    """Proves one inference with a STARK: runs the Cairo program in proof mode,
    builds the trace and proves it at ``security_bits`` of conjectured
    security or more.

    ``model`` and ``inputs`` are as for :func:`run`; give the :class:`Package`
    a verifier will trust (or an ONNX model, proved through its cached
    package). Proving below ``cairn.SECURITY_FLOOR_BITS`` (80) is refused: no
    verifier accepts such proofs.

    The proof leaves out the program's bytecode (most of its size): verify it
    with ``verify(proof, model=package)``. ``embed_program=True`` keeps it, for
    verifiers that know only the program hash. ``compact=True`` makes a proof
    about 60 % smaller for about 2.3 times the prove CPU (blowup 8 and fewer
    queries at the same security); it is verified the same way.
    """
    check_security_bits(security_bits)
    native, package = _target(model)
    bits = _scale(scale, package)
    samples = bind_one(native, inputs)
    program = _program(native, package, bits, samples)
    if not isinstance(embed_program, bool):
        raise _cairn.InputError(f"embed_program must be a bool, got {embed_program!r}")
    if not isinstance(compact, bool):
        raise _cairn.InputError(f"compact must be a bool, got {compact!r}")
    data, program_hash, steps, rows, columns, security, outputs = program.prove(
        samples, security_bits, embed_program, compact
    )
    return Proof(
        data=bytes(data),
        program_hash=program_hash,
        steps=steps,
        trace_rows=rows,
        columns=columns,
        security_bits=security,
        outputs=_tensors(outputs) or [],
    )


def _proof_bytes(proof: Union[Proof, bytes, bytearray, memoryview, PathLike]) -> bytes:
    if isinstance(proof, Proof):
        return proof.data
    if isinstance(proof, (bytes, bytearray, memoryview)):
        return bytes(proof)
    if isinstance(proof, (str, os.PathLike)):
        limit = int(_cairn.MAX_PROOF_BYTES)
        try:
            with open(proof, "rb") as f:
                data = f.read(limit + 1)
        except OSError as e:
            raise _cairn.InputError(f"cannot read proof file {os.fspath(proof)}: {e.strerror or e}") from None
        if len(data) > limit:
            raise _cairn.InvalidProof(f"{os.fspath(proof)} is larger than {limit} bytes, the largest proof cairn reads")
        return data
    raise TypeError(f"expected a cairn.Proof, bytes or a path, got {type(proof).__name__}")


def verify(
    proof: Union[Proof, bytes, bytearray, memoryview, PathLike],
    model: Optional[Union[Package, PathLike]] = None,
    program_hash: Optional[str] = None,
    any_program: bool = False,
    min_security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
) -> Verification:
    """Verifies a proof against a trust anchor and returns what it proves.

    Args:
        proof: a :class:`Proof`, the proof file's bytes, or its path.
        model: the package you trust (a :class:`Package` or its directory).
            The proof must be of its compiled program, and its manifest reads
            the proven cells as the model's outputs and input.
        program_hash: the program hash you trust (hex). With ``model`` too,
            both must agree.
        any_program: accept a valid proof of *any* program. This proves that
            some computation ran, not which model; outputs are then only
            reported as ``unverified_outputs``. Needed explicitly: without a
            trust anchor verify refuses to run.
        min_security_bits: the least conjectured security accepted (at least
            ``cairn.SECURITY_FLOOR_BITS``).

    Raises:
        cairn.InvalidProof: the proof is rejected — not a cairn proof,
            corrupt, weaker than ``min_security_bits``, of another program, or
            false. Nothing about its outputs can be trusted.
        cairn.InputError: no trust anchor, a malformed program hash, a
            security level below the floor.
        cairn.PackageError: the package is not compiled, or disagrees with
            ``program_hash``.
    """
    data = _proof_bytes(proof)
    package: Optional[Package] = None
    if model is not None:
        if isinstance(model, Package):
            package = model
        elif isinstance(model, (str, os.PathLike)) and Path(model).is_dir():
            package = Package.open(model)
        else:
            raise _cairn.InputError(
                "verify's model= is the package you trust (a cairn.Package or its directory), "
                f"got {model!r}; transpile the ONNX model first"
            )
    v = _cairn.verify(
        data,
        package._native if package is not None else None,
        program_hash,
        any_program,
        min_security_bits,
    )
    if package is not None:
        against = f"package {package.dir}"
    elif program_hash is not None:
        against = "program hash"
    else:
        against = "any program"
    trusted = v["io_source"] == "package"
    return Verification(
        valid=True,
        program_hash=v["program_hash"],
        checked_against=against,
        security_bits=v["security_bits"],
        trace_rows=v["trace_rows"],
        output_cells=[int(c, 16) for c in v["output_cells"]],
        outputs=_tensors(v["outputs"]) if trusted else None,
        inputs=_tensors(v["inputs"]) if trusted else None,
        unverified_outputs=None if trusted else _tensors(v["outputs"]),
        unverified_inputs=None if trusted else _tensors(v["inputs"]),
    )
