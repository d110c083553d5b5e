"""Tests of the `cairn` Python package, run against the installed wheel with
plain `python` (no pytest): `python python/tests/test_api.py [work dir]`
from the repository root (scripts/python-test.sh does, in a fresh venv).

They use the bundled digits MLP (examples/mlp) and check real things: the
reference runtime and the Cairo VM agree bit for bit, a proof verifies against
its package and reads back the same integers, every tampered proof raises
InvalidProof, and bad inputs raise CairnError subclasses whose message says
what is wrong.
"""

import json
import struct
import sys
import tempfile
import traceback
from pathlib import Path

import numpy as np

import cairn

ROOT = Path(__file__).resolve().parents[2]
MLP = ROOT / "examples" / "mlp" / "model.onnx"
MLP_INPUT = ROOT / "examples" / "mlp" / "input.json"
MLP_SAMPLES = ROOT / "examples" / "mlp" / "samples.json"
WORK = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cairn-pytest-"))
WORK.mkdir(parents=True, exist_ok=True)

TESTS: list = []


def test(f):
    TESTS.append(f)
    return f


def raises(exc, fn, *needles):
    """Calls fn, which must raise exc (exactly that class or a subclass) with
    every needle in its message; returns the message."""
    try:
        fn()
    except exc as e:
        msg = str(e)
        for n in needles:
            assert n in msg, f"{exc.__name__} message {msg!r} lacks {n!r}"
        return msg
    except Exception as e:  # noqa: BLE001 - report the wrong exception
        raise AssertionError(f"expected {exc.__name__}, got {type(e).__name__}: {e}") from e
    raise AssertionError(f"expected {exc.__name__}, nothing was raised")


def digit():
    """The first sample of examples/mlp/input.json as a (1, 64) float32 array."""
    data = json.loads(MLP_INPUT.read_text())
    return np.asarray(data["input"], dtype=np.float32)


# Shared state, built by the tests in order (a package, its proof).
S: dict = {}


@test
def exception_hierarchy():
    for e in (cairn.InputError, cairn.ModelError, cairn.EvaluationError, cairn.PackageError, cairn.CairoError,
              cairn.ProvingError):
        assert issubclass(e, cairn.CairnError), e
    # A rejected proof is never mistaken for a usage error.
    assert not issubclass(cairn.InvalidProof, cairn.CairnError)
    assert isinstance(cairn.__version__, str) and cairn.__version__


@test
def inspect_reports_inputs_outputs_ops():
    r = cairn.inspect(MLP)
    assert r["supported"] is True and r["problems"] == [], r["problems"]
    assert [i["name"] for i in r["inputs"]] == ["input"], r["inputs"]
    assert "Gemm" in r["ops"] or "MatMul" in r["ops"], r["ops"]
    raises(cairn.ModelError, lambda: cairn.inspect(ROOT / "README.md"))
    raises(cairn.ModelError, lambda: cairn.inspect(WORK / "missing.onnx"), "missing.onnx")


@test
def unsupported_model_is_reported_by_inspect_and_raised_by_load():
    from onnx import TensorProto, helper, save

    graph = helper.make_graph(
        [helper.make_node("Det", ["x"], ["y"])],
        "det",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [2, 2])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [])],
    )
    path = WORK / "det.onnx"
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    r = cairn.inspect(path)
    assert r["supported"] is False and r["ops"] == ["Det"], r
    assert any("operator Det is not supported" in p for p in r["problems"]), r["problems"]
    raises(cairn.ModelError, lambda: cairn.load(path), "cannot run this model", "Det")
    raises(cairn.ModelError, lambda: cairn.run(path, np.eye(2, dtype=np.float32)), "Det")


@test
def model_declares_its_io():
    m = cairn.load(MLP)
    assert [i.name for i in m.inputs] == ["input"]
    assert m.inputs[0].dtype == "float32" and m.inputs[0].shape[-1] == 64, m.inputs
    assert len(m.outputs) >= 1


@test
def reference_run_from_array_list_dict_and_file_agree():
    x = digit()
    by_array = cairn.run(MLP, x)
    assert by_array.backend == "reference" and by_array.scale == cairn.DEFAULT_SCALE
    out = by_array.outputs[0]
    assert isinstance(out.values, np.ndarray) and out.values.dtype == np.float64
    assert out.values.shape == out.shape == (1, 10), out.shape
    assert len(out.raw) == 10 and all(type(q) is int for q in out.raw)
    # value = q / 2^scale exactly
    assert np.array_equal(out.values.ravel(), np.asarray(out.raw, dtype=np.float64) / 2.0**by_array.scale)
    for other in (x.tolist(), {"input": x}, MLP_INPUT, str(MLP_INPUT), x.astype(np.float64)):
        assert [t.raw for t in cairn.run(MLP, other).outputs] == [t.raw for t in by_array.outputs], type(other)
    assert cairn.run(cairn.load(MLP), x)[out.name].raw == out.raw
    S["reference"] = by_array


@test
def torch_tensors_if_torch_is_installed():
    try:
        import torch  # noqa: F401
    except ImportError:
        print("    (torch not installed: skipped)")
        return
    x = digit()
    r = cairn.run(MLP, torch.from_numpy(x))
    assert r.outputs[0].raw == S["reference"].outputs[0].raw


@test
def calibrate_picks_a_scale():
    c = cairn.calibrate(MLP, MLP_SAMPLES)
    assert 1 <= c.scale <= cairn.MAX_SCALE and c.samples > 1, c
    assert c.argmax_rows > 0 and 0 <= c.argmax_agree <= c.argmax_rows
    assert c.max_abs_error >= c.mean_abs_error >= 0


@test
def transpile_compiles_and_refuses_to_overwrite_without_force():
    out = WORK / "mlp_pkg"
    package = cairn.transpile(MLP, out, scale=16, force=True)
    assert package.dir == out and package.scale == 16
    assert package.program_hash and package.program_hash.startswith("0x"), package.program_hash
    assert package.manifest["scale"] == 16
    raises(cairn.PackageError, lambda: cairn.transpile(MLP, out, scale=16), "force=True")
    # Replacing it with force gives the same program.
    again = cairn.transpile(MLP, out, scale=16, force=True)
    assert again.program_hash == package.program_hash
    raises(cairn.InputError, lambda: cairn.transpile(package, WORK / "again"), "not the package")
    # A directory holding someone else's files is never taken over.
    foreign = WORK / "not_a_package"
    foreign.mkdir(exist_ok=True)
    (foreign / "notes.txt").write_text("mine")
    raises(cairn.PackageError, lambda: cairn.transpile(MLP, foreign, force=True))
    assert (foreign / "notes.txt").read_text() == "mine"
    S["package"] = package


@test
def cairo_run_is_bit_exact_with_the_reference():
    package = S["package"]
    x = digit()
    reference = cairn.run(package, x, backend="reference")
    on_cairo = cairn.run(package, x, backend="cairo")
    assert on_cairo.backend == "cairo" and on_cairo.steps and on_cairo.steps > 0
    assert on_cairo.program_hash == package.program_hash
    assert [t.raw for t in on_cairo.outputs] == [t.raw for t in reference.outputs]
    assert [t.raw for t in reference.outputs] == [t.raw for t in S["reference"].outputs]
    # Every sample of the held samples file, through the package directory's path.
    data = json.loads(MLP_SAMPLES.read_text())
    for sample in data[:3]:
        ref = cairn.run(str(package.dir), sample, backend="reference")
        cai = cairn.run(str(package.dir), sample, backend="cairo")
        assert [t.raw for t in cai.outputs] == [t.raw for t in ref.outputs]
    # An ONNX model on Cairo goes through cairn's package cache.
    via_cache = cairn.run(MLP, x, backend="cairo")
    assert [t.raw for t in via_cache.outputs] == [t.raw for t in reference.outputs]


@test
def cost_report_charges_the_run_steps_to_nodes():
    package = S["package"]
    x = digit()
    report = cairn.cost_report(package, x)
    steps = cairn.run(package, x, backend="cairo").steps
    assert report["steps"] == steps, (report["steps"], steps)
    assert report["nodes"] and sum(n["steps"] for n in report["nodes"]) + report["framing_steps"] == steps
    assert report["trace_rows"] >= steps and report["trace_rows"] & (report["trace_rows"] - 1) == 0
    assert report["estimate"]["cpu_seconds"] > 0
    raises(cairn.InputError, lambda: cairn.cost_report(package, MLP_SAMPLES), "one inference takes one")


@test
def prove_and_verify_against_the_package():
    package = S["package"]
    x = digit()
    proof = cairn.prove(package, x)
    assert proof.program_hash == package.program_hash
    assert proof.security_bits >= cairn.DEFAULT_SECURITY_BITS and proof.steps > 0 and proof.trace_rows > 0
    assert bytes(proof) == proof.data and proof.data.startswith(b"CAIRNPRF")
    reference = S["reference"]
    assert [t.raw for t in proof.outputs] == [t.raw for t in reference.outputs]

    v = cairn.verify(proof.data, model=package)
    assert v.valid is True and v.program_hash == package.program_hash
    assert v.checked_against.startswith("package ")
    assert [t.raw for t in v.outputs] == [t.raw for t in reference.outputs]
    assert np.array_equal(v.inputs[0].values, x.astype(np.float64)), "the proof binds the input"
    assert v.unverified_outputs is None
    assert v.output_cells[0] == len(v.output_cells) - 1
    # The same through a saved file, a package path, and a Proof object.
    path = WORK / "mlp.proof"
    proof.save(path)
    assert cairn.verify(path, model=str(package.dir)).outputs[0].raw == reference.outputs[0].raw
    assert cairn.verify(proof, model=package).valid
    S["proof"] = proof


@test
def a_proof_carries_its_program_only_when_asked():
    package, slim = S["package"], S["proof"]
    # By default the bytecode is left out: only a package can supply it.
    raises(cairn.InputError, lambda: cairn.verify(slim.data, program_hash=package.program_hash), "--embed-program")
    raises(cairn.InputError, lambda: cairn.verify(slim.data, any_program=True), "leaves out the bytecode")
    raises(cairn.InputError, lambda: cairn.prove(package, digit(), embed_program=1), "must be a bool")
    full = cairn.prove(package, digit(), embed_program=True)
    assert len(full.data) > len(slim.data), (len(full.data), len(slim.data))
    assert cairn.verify(full.data, model=package).outputs[0].raw == S["reference"].outputs[0].raw
    S["full_proof"] = full


@test
def a_compact_proof_is_smaller_and_verifies_the_same():
    package, fast = S["package"], S["proof"]
    raises(cairn.InputError, lambda: cairn.prove(package, digit(), compact=1), "must be a bool")
    small = cairn.prove(package, digit(), compact=True)
    assert len(small.data) < len(fast.data), (len(small.data), len(fast.data))
    assert small.security_bits >= 96 and small.outputs[0].raw == fast.outputs[0].raw
    assert cairn.verify(small.data, model=package).outputs[0].raw == S["reference"].outputs[0].raw


@test
def verify_by_program_hash_reads_outputs_only_as_unverified():
    package, proof = S["package"], S["full_proof"]
    v = cairn.verify(proof.data, program_hash=package.program_hash)
    assert v.valid and v.checked_against == "program hash"
    assert v.outputs is None and v.inputs is None
    assert v.unverified_outputs[0].raw == S["reference"].outputs[0].raw
    raises(KeyError, lambda: v[0])


@test
def verify_needs_a_trust_anchor():
    proof = S["full_proof"]
    raises(cairn.InputError, lambda: cairn.verify(proof.data), "trust anchor", "any_program=True")
    v = cairn.verify(proof.data, any_program=True)
    assert v.valid and v.checked_against == "any program" and v.outputs is None
    raises(cairn.InputError, lambda: cairn.verify(proof.data, model=MLP), "the package you trust")


def _split(data):
    """A proof file: magic, u32 header length, JSON header, STARK bytes."""
    (n,) = struct.unpack_from("<I", data, 8)
    return json.loads(data[12 : 12 + n]), data[12 + n :]


def _join(header, stark):
    h = json.dumps(header).encode()
    return b"CAIRNPRF" + struct.pack("<I", len(h)) + h + stark


@test
def tampered_proofs_raise_invalid_proof():
    package, data = S["package"], S["proof"].data
    header, stark = _split(data)
    start = len(data) - len(stark)
    # One flipped byte anywhere in the STARK part: start, middle, end.
    for at in (start, start + len(stark) // 2, len(data) - 1):
        flipped = bytearray(data)
        flipped[at] ^= 0x01
        raises(cairn.InvalidProof, lambda: cairn.verify(bytes(flipped), model=package))
    # A forged output: claim another first score, keep the STARK.
    forged = json.loads(json.dumps(header))
    forged["public_input"]["output"][1] = "0x10000"
    raises(cairn.InvalidProof, lambda: cairn.verify(_join(forged, stark), model=package), "invalid")
    # A forged input echo: claim the proof was for another digit.
    forged = json.loads(json.dumps(header))
    forged["public_input"]["output"][-1] = "0x7"
    raises(cairn.InvalidProof, lambda: cairn.verify(_join(forged, stark), model=package), "invalid")
    # Truncated, empty, not a proof at all.
    raises(cairn.InvalidProof, lambda: cairn.verify(data[:-1000], model=package))
    raises(cairn.InvalidProof, lambda: cairn.verify(data[:100], model=package), "truncated or corrupt")
    raises(cairn.InvalidProof, lambda: cairn.verify(b"", any_program=True), "not a cairn proof")
    # A forged annotation changes nothing when the package reads the cells.
    forged = json.loads(json.dumps(header))
    forged["annotation"]["scale"] = 8
    v = cairn.verify(_join(forged, stark), model=package)
    assert v.outputs[0].raw == S["reference"].outputs[0].raw
    assert np.array_equal(v.outputs[0].values, S["reference"].outputs[0].values)


@test
def wrong_program_hash_is_rejected():
    package, proof, full = S["package"], S["proof"], S["full_proof"]
    raises(cairn.InvalidProof, lambda: cairn.verify(full.data, program_hash="0x1234"), "program hash mismatch")
    # With the package too, the disagreement is the caller's, said before any checking.
    raises(cairn.PackageError, lambda: cairn.verify(proof.data, model=package, program_hash="0x1234"), "differs")
    raises(cairn.InputError, lambda: cairn.verify(proof.data, program_hash="not hex"), "not a hex field element")
    # A proof of another program (the same model at another scale) against this package.
    other = cairn.transpile(MLP, WORK / "mlp_pkg_s12", scale=12, force=True)
    assert other.program_hash != package.program_hash
    raises(cairn.InvalidProof, lambda: cairn.verify(proof.data, model=other), "program hash mismatch")


@test
def security_levels():
    proof = S["proof"]
    raises(cairn.InvalidProof, lambda: cairn.verify(proof.data, model=S["package"], min_security_bits=200), "below")
    raises(cairn.InputError, lambda: cairn.verify(proof.data, any_program=True, min_security_bits=40), "80 bits")
    raises(cairn.InputError, lambda: cairn.prove(S["package"], digit(), security_bits=40), "floor")


@test
def threads_run_prove_and_verify_at_once():
    # Heavy calls release the GIL: several threads use one package at once.
    import threading

    package, proof = S["package"], S["proof"]
    x = digit()
    want = S["reference"].outputs[0].raw
    results, errors = {}, []

    def job(name, fn):
        try:
            results[name] = fn()
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append((name, e))

    jobs = {
        "cairo-1": lambda: cairn.run(package, x, backend="cairo").outputs[0].raw,
        "cairo-2": lambda: cairn.run(package, x, backend="cairo").outputs[0].raw,
        "prove": lambda: cairn.verify(cairn.prove(package, x), model=package).outputs[0].raw,
        "verify": lambda: cairn.verify(proof, model=package).outputs[0].raw,
    }
    threads = [threading.Thread(target=job, args=item) for item in jobs.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert all(results[name] == want for name in jobs), results


@test
def bad_inputs_raise_cairn_errors_with_helpful_messages():
    package = S["package"]
    x = digit()
    raises(cairn.InputError, lambda: cairn.run(MLP, x[:, :63]), "input 'input'", "shape")
    raises(cairn.InputError, lambda: cairn.run(MLP, x[0]), "input 'input'", "shape")
    nan = x.copy()
    nan[0, 5] = np.nan
    raises(cairn.InputError, lambda: cairn.run(MLP, nan), "element 5", "not a finite number")
    raises(cairn.InputError, lambda: cairn.run(MLP, {"pixels": x}), "no input named 'pixels'", "'input'")
    raises(cairn.InputError, lambda: cairn.run(MLP, WORK / "missing.json"), "missing.json")
    raises(cairn.InputError, lambda: cairn.run(MLP, [[1, 2], [3]]), "not an array of numbers")
    raises(cairn.InputError, lambda: cairn.run(MLP, np.array(["a"] * 64)), "not supported")
    raises(cairn.InputError, lambda: cairn.run(MLP, MLP_SAMPLES), "one inference takes one")
    raises(cairn.InputError, lambda: cairn.run(MLP, x, backend="gpu"), "backend")
    raises(cairn.InputError, lambda: cairn.run(MLP, x, scale=0), "scale")
    raises(cairn.InputError, lambda: cairn.run(package, x, scale=12), "transpiled at scale 16")
    # A batch of two rows fits the model (its batch axis is symbolic) but not
    # the package, generated for one.
    two = np.concatenate([x, x])
    assert len(cairn.run(MLP, two).outputs[0].raw) == 20
    raises(cairn.InputError, lambda: cairn.run(package, two, backend="cairo"), "transpile again")
    # Values the fixed-point format cannot hold.
    raises(cairn.CairnError, lambda: cairn.run(MLP, x * 1e15, scale=16))
    raises(cairn.ModelError, lambda: cairn.run(ROOT / "README.md", x))
    raises(TypeError, lambda: cairn.run(42, x))


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
