"""Inputs as users hold them — numpy arrays, lists, torch tensors, dicts of
them, or a file — turned into samples the native module checks against a
model. The checks themselves (names, shapes, finiteness, integer inputs) are
the library's, so a file and an array fail with the same message."""

from __future__ import annotations

import os
from typing import Any, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from . import _cairn

#: What the native module takes for one tensor: input name (or None for "the
#: next input"), shape, "real" or "int", little-endian 8-byte values.
_Array = Tuple[Optional[str], Optional[List[int]], str, bytes]


def _is_torch_tensor(x: Any) -> bool:
    # Checked by module name so that torch is never imported (nor required).
    return type(x).__module__.split(".")[0] == "torch" and hasattr(x, "detach")


def to_numpy(x: Any, what: str) -> np.ndarray:
    """An array-like (numpy array, nested list, scalar, torch tensor) as a numpy array."""
    if _is_torch_tensor(x):
        t = x.detach().cpu()
        # bfloat16 and float16 have no exact numpy twin in every version; f64 holds them exactly.
        if t.dtype.is_floating_point:
            t = t.double()
        x = t.numpy()
    try:
        return np.asarray(x)
    except (ValueError, TypeError) as e:
        raise _cairn.InputError(f"{what}: not an array of numbers ({e})") from None


def _encode(name: Optional[str], x: Any, what: str) -> _Array:
    a = to_numpy(x, what)
    kind = a.dtype.kind
    if kind == "f":
        data = np.ascontiguousarray(a, dtype="<f8").tobytes()
        return (name, list(a.shape), "real", data)
    if kind in "iub":
        if kind == "u" and a.size and int(a.max()) > np.iinfo(np.int64).max:
            raise _cairn.InputError(f"{what}: values above {np.iinfo(np.int64).max} do not fit a 64-bit integer")
        data = np.ascontiguousarray(a, dtype="<i8").tobytes()
        return (name, list(a.shape), "int", data)
    raise _cairn.InputError(f"{what}: dtype {a.dtype} is not supported (give real or integer numbers)")


def _sample(x: Any, model: _cairn.Model) -> List[_Array]:
    if isinstance(x, Mapping):
        out = []
        for name, value in x.items():
            if not isinstance(name, str):
                raise _cairn.InputError(f"input names must be strings, got {name!r}")
            out.append(_encode(name, value, f"input '{name}'"))
        return out
    inputs = model.inputs()
    if len(inputs) != 1:
        names = ", ".join(f"'{n}'" for n, _, _ in inputs)
        raise _cairn.InputError(
            f"the model has {len(inputs)} inputs ({names}); give a dict {{name: array}} for each sample"
        )
    return [_encode(None, x, f"input '{inputs[0][0]}'")]


def _is_path(x: Any) -> bool:
    return isinstance(x, (str, os.PathLike))


def bind(model: _cairn.Model, inputs: Any) -> _cairn.Samples:
    """Checks ``inputs`` against ``model``'s inputs.

    ``inputs`` is one of:

    * a path (``str`` or ``os.PathLike``) to an input file — JSON
      ``{"<input name>": nested arrays}`` (an array of such objects is several
      samples), EZKL's ``input.json``, or ``.npy``;
    * a dict ``{input name: array-like}``: one sample;
    * a list or tuple of such dicts: several samples;
    * an array-like (numpy array, nested list, torch tensor): one sample of a
      one-input model. Its shape must be the model's (with the batch axis:
      ``x[None]`` or ``x.reshape(1, -1)`` for one row).
    """
    if _is_path(inputs):
        return model.read_samples(os.fspath(inputs))
    if isinstance(inputs, Mapping):
        return model.bind_arrays([_sample(inputs, model)], "the inputs")
    if isinstance(inputs, Sequence) and inputs and all(isinstance(s, Mapping) for s in inputs):
        return model.bind_arrays([_sample(s, model) for s in inputs], "the inputs")
    return model.bind_arrays([_sample(inputs, model)], "the inputs")


def bind_one(model: _cairn.Model, inputs: Any) -> _cairn.Samples:
    """Like :func:`bind`, for exactly one sample."""
    samples = bind(model, inputs)
    if len(samples) != 1:
        where = f"{os.fspath(inputs)} holds" if _is_path(inputs) else "the inputs hold"
        raise _cairn.InputError(f"{where} {len(samples)} samples; one inference takes one (give one sample)")
    return samples


__all__: Sequence[str] = ["bind", "bind_one", "to_numpy"]
