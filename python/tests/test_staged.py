"""Staged models from Python, locally and on a Ray cluster (docs/staged.md):
`python python/tests/test_staged.py [work dir]` against the installed wheel
and `ray` (scripts/python-test.sh installs both in a fresh venv).

The bundled CNN is cut into two stages; the chain equals the whole model bit
for bit; the bundle proven here verifies and reads the reference's output;
a local Ray cluster — a head and two worker nodes on this machine, started here —
proves the same bundle, byte for byte; malicious bundles raise InvalidProof.
"""

import sys
import tempfile
import traceback
from pathlib import Path

import cairn
import cairn.ray

ROOT = Path(__file__).resolve().parents[2]
CNN = ROOT / "examples" / "cnn" / "model.onnx"
CNN_INPUT = ROOT / "examples" / "cnn" / "input.json"
WORK = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cairn-staged-"))
WORK.mkdir(parents=True, exist_ok=True)

TESTS: list = []
S: dict = {}


def test(f):
    TESTS.append(f)
    return f


@test
def a_staged_cnn_equals_the_whole_model():
    staged = cairn.transpile_staged(CNN, WORK / "cnn-staged", stages=2)
    assert len(staged.stage_dirs) == 2 and staged.model_hash, staged
    whole = cairn.run(CNN, CNN_INPUT, backend="reference").outputs[0].raw
    outputs, steps = staged.run(CNN_INPUT)
    assert outputs[0].raw == whole, "the chain's output is the whole model's"
    assert len(steps) == 2 and all(s > 0 for s in steps)
    cells = staged.stage_inputs(CNN_INPUT)
    assert len(cells) == 2 and len(cells[1]) == staged.output_counts[0], "stage 1 reads what stage 0 writes"
    S["staged"], S["whole"] = staged, whole


@test
def the_bundle_proven_here_verifies_and_reads_the_reference_output():
    staged = S["staged"]
    bundle = cairn.prove_staged(staged, CNN_INPUT, jobs=2)
    assert bundle.model_hash == staged.model_hash and len(bundle.stages) == 2
    assert bundle.data == cairn.prove_staged(staged, CNN_INPUT, jobs=1).data, "independent of jobs"
    v = cairn.verify_bundle(bundle, model=staged)
    assert v.model_hash == staged.model_hash
    assert v.outputs[0].raw == S["whole"], "the proven output is the reference's"
    S["bundle"] = bundle


@test
def a_local_ray_cluster_proves_the_same_bundle_byte_for_byte():
    import ray
    from ray.cluster_utils import Cluster

    # A head without CPUs for tasks and two worker nodes of one CPU each:
    # the two stage tasks run on the workers, one each.
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 0})
    workers = [cluster.add_node(num_cpus=1) for _ in range(2)]
    try:
        cluster.wait_for_nodes()
        ray.init(address=cluster.address)
        alive = [n for n in ray.nodes() if n["Alive"]]
        assert len(alive) == 3, f"{len(alive)} nodes"
        on_ray = cairn.ray.prove_staged(S["staged"], CNN_INPUT)
        assert on_ray.data == S["bundle"].data, "the Ray bundle is the local one, byte for byte"
        assert [s[:2] for s in on_ray.stages] == [s[:2] for s in S["bundle"].stages]
    finally:
        ray.shutdown()
        for w in workers:
            cluster.remove_node(w)
        cluster.shutdown()


@test
def malicious_bundles_raise_invalid_proof():
    staged, data = S["staged"], S["bundle"].data
    # stage proofs taken apart and put back in the wrong order, or one missing
    proofs, counts = _split(data)
    for bad in (
        cairn.assemble_bundle(proofs[::-1], counts),
        cairn.assemble_bundle(proofs[::-1], counts[::-1]),
        cairn.assemble_bundle(proofs[:1], counts[:1]),
        cairn.assemble_bundle(proofs + proofs[1:], counts + counts[1:]),
        data[:-1],
        data + b"\0",
        b"CAIRNBD1",
        b"",
    ):
        _invalid(lambda: cairn.verify_bundle(bad, model=staged))
    # the proofs leave their programs out: the model hash alone cannot check them
    _invalid(lambda: cairn.verify_bundle(data, model_hash=staged.model_hash))
    try:
        cairn.verify_bundle(data)
        raise AssertionError("a bundle without a trust anchor was accepted")
    except cairn.InputError:
        pass


def _invalid(fn):
    try:
        fn()
    except cairn.InvalidProof:
        return
    raise AssertionError("a malicious bundle was accepted")


def _split(data):
    """The stage proofs and output counts of a bundle (docs/staged.md's layout)."""
    import struct

    assert data[:8] == b"CAIRNBD1"
    (n,) = struct.unpack_from("<I", data, 8)
    at, proofs, counts = 12, [], []
    for _ in range(n):
        count, length = struct.unpack_from("<IQ", data, at)
        at += 12
        proofs.append(data[at:at + length])
        counts.append(count)
        at += length
    return proofs, counts


def main():
    failed = 0
    for t in TESTS:
        try:
            t()
            print(f"ok   {t.__name__}")
        except Exception:  # noqa: BLE001 - every failure is reported, then the run fails
            failed += 1
            print(f"FAIL {t.__name__}")
            traceback.print_exc()
    print(f"{len(TESTS) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
