"""Staged proving on a Ray cluster (docs/staged.md, "On a Ray cluster").

One Ray task per stage: the driver runs the chain once to find every stage's
input cells (cheap: no trace), ships each stage's package directory (its
compiled ``program.json`` included, so workers compile nothing) with its
cells to a task, and assembles the bundle from the stage proofs in order.
The bundle is byte for byte the one :func:`cairn.prove_staged` makes on one
machine: a stage's proof depends only on its program and its input cells.

Workers need the ``cairn`` wheel and nothing else (no Cairo toolchain, no
Rust). Ray is not a dependency of ``cairn``: ``pip install ray`` where it is
used.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

from . import _cairn
from ._api import check_security_bits
from ._staged import Bundle, StagedPackage, assemble_bundle, prove_stage


def _package_files(stage_dir: Path) -> Dict[str, bytes]:
    """Every file of a stage's package directory, by relative path."""
    files = {}
    for path in sorted(stage_dir.rglob("*")):
        if path.is_file():
            files[path.relative_to(stage_dir).as_posix()] = path.read_bytes()
    return files


def _prove_shipped_stage(
    files: Dict[str, bytes], cells: List[int], security_bits: int, embed_program: bool, compact: bool
) -> tuple:
    """What a task runs on a worker: the stage's package written to a
    temporary directory, proven from its input cells."""
    with tempfile.TemporaryDirectory(prefix="cairn-stage-") as tmp:
        root = Path(tmp)
        for rel, data in files.items():
            target = (root / rel).resolve()
            if root.resolve() not in target.parents:
                raise _cairn.InputError(f"a shipped stage file escapes its directory: {rel!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return prove_stage(root, cells, security_bits=security_bits, embed_program=embed_program, compact=compact)


def prove_staged(
    package: StagedPackage,
    inputs: Any,
    *,
    address: Optional[str] = None,
    security_bits: int = _cairn.DEFAULT_SECURITY_BITS,
    embed_program: bool = False,
    compact: bool = False,
    cpus_per_stage: float = 1,
) -> Bundle:
    """Proves one inference of a staged model on a Ray cluster: one task per
    stage (``cpus_per_stage`` CPUs each), the bundle assembled here.

    ``address`` is the cluster's (``"ray://host:10001"``, ``"host:6379"``, or
    ``"auto"``); ``None`` uses the Ray session this process already has, or
    starts a local one.
    """
    import ray

    check_security_bits(security_bits)
    if not ray.is_initialized():
        ray.init(address=address)
    model_hash = package.compile()
    cells = package.stage_inputs(inputs)
    task = ray.remote(num_cpus=cpus_per_stage)(_prove_shipped_stage)
    refs = [
        task.remote(_package_files(stage_dir), stage_cells, security_bits, embed_program, compact)
        for stage_dir, stage_cells in zip(package.stage_dirs, cells)
    ]
    proven = ray.get(refs)
    data = assemble_bundle([p[0] for p in proven], package.output_counts)
    return Bundle(data=data, model_hash=model_hash, stages=[(p[1], p[2], len(p[0])) for p in proven])


__all__ = ["prove_staged"]
