"""cairn: verifiable machine-learning inference on Starknet, from Python.

An ONNX model is evaluated with exact, documented fixed-point semantics
(:func:`run` with ``backend="reference"``), transpiled to a readable Cairo
program that reproduces them bit for bit (:func:`transpile`), run on the Cairo
VM (``backend="cairo"``), and the run proved with a STARK (:func:`prove`) that
anyone holding the package can check (:func:`verify`)::

    import cairn

    package = cairn.transpile("model.onnx", "pkg/")
    result = cairn.run(package, x, backend="cairo")       # numpy outputs + raw ints
    proof = cairn.prove(package, x)
    checked = cairn.verify(proof.data, model=package)     # raises cairn.InvalidProof if false
    assert checked.outputs[0].raw == result.outputs[0].raw

Errors: every failure is a :class:`CairnError` subclass carrying the library's
message (:class:`InputError`, :class:`ModelError`, :class:`EvaluationError`,
:class:`PackageError`, :class:`CairoError`, :class:`ProvingError`); a rejected
proof is :class:`InvalidProof`, which is deliberately not a ``CairnError``.

:class:`Registry` makes the Starknet registry's calls (register a model,
request, attest and fulfil inferences) on a deployment of its contracts;
its failures are :class:`RegistryError`.

Models too big for one trace: :func:`transpile_staged` cuts them into chained
stages, :func:`prove_staged` proves them into one bundle (or
:func:`cairn.ray.prove_staged`, one Ray task per stage), :func:`verify_bundle`
checks it.
See docs/python.md.
"""

from ._cairn import (
    DEFAULT_HEADROOM_BITS,
    DEFAULT_SCALE,
    DEFAULT_SECURITY_BITS,
    MAX_PROOF_BYTES,
    MAX_SCALE,
    SECURITY_FLOOR_BITS,
    CairnError,
    CairoError,
    EvaluationError,
    InputError,
    InvalidProof,
    ModelError,
    PackageError,
    ProvingError,
    RegistryError,
    __version__,
)
from ._api import calibrate, cost_report, inspect, load, prove, run, transpile, verify
from ._registry import Registry
from ._staged import (
    Bundle,
    BundleVerification,
    StagedPackage,
    assemble_bundle,
    prove_stage,
    prove_staged,
    transpile_staged,
    verify_bundle,
)
from ._types import Calibration, IoSpec, Model, Package, Proof, RunResult, Tensor, Verification

__all__ = [
    "__version__",
    "Bundle",
    "BundleVerification",
    "StagedPackage",
    "assemble_bundle",
    "prove_stage",
    "prove_staged",
    "transpile_staged",
    "verify_bundle",
    "DEFAULT_HEADROOM_BITS",
    "DEFAULT_SCALE",
    "DEFAULT_SECURITY_BITS",
    "MAX_PROOF_BYTES",
    "MAX_SCALE",
    "SECURITY_FLOOR_BITS",
    "CairnError",
    "CairoError",
    "EvaluationError",
    "InputError",
    "InvalidProof",
    "ModelError",
    "PackageError",
    "ProvingError",
    "RegistryError",
    "Registry",
    "calibrate",
    "cost_report",
    "inspect",
    "load",
    "prove",
    "run",
    "transpile",
    "verify",
    "Calibration",
    "IoSpec",
    "Model",
    "Package",
    "Proof",
    "RunResult",
    "Tensor",
    "Verification",
]
