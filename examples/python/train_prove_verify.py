"""Train a small scikit-learn model, then prove one of its inferences.

A notebook-style walk through cairn's Python API, cell by cell:

  1. train a small MLP on scikit-learn's 8×8 digits (seeded);
  2. export it to ONNX with skl2onnx;
  3. inspect it and choose the fixed-point scale from training samples;
  4. transpile it to a Cairo package (compiled: its program hash names it);
  5. run a test digit on the exact fixed-point reference and on the Cairo VM,
     and see what its steps are spent on;
  6. prove that inference with a STARK and verify the proof against the package.

Run it with the `cairn` wheel installed (scripts/python-test.sh does):

    python examples/python/train_prove_verify.py [work dir]

It needs numpy, scikit-learn and skl2onnx. Everything it writes goes to the
work dir (a temporary directory by default).
"""

import sys
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
from skl2onnx import to_onnx
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

import cairn

SEED = 0
work = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="cairn-example-"))
work.mkdir(parents=True, exist_ok=True)


def timed(label, f):
    t = time.perf_counter()
    value = f()
    print(f"  {label}: {time.perf_counter() - t:.2f} s")
    return value


# %% 1. Train: digits scaled to [0, 1], one small hidden layer.
digits = load_digits()
x = (digits.data / 16.0).astype(np.float32)
x_train, x_test, y_train, y_test = train_test_split(x, digits.target, test_size=0.2, random_state=SEED)
# A few hundred epochs fit it well; sklearn would still warn that Adam has not settled.
warnings.filterwarnings("ignore", category=ConvergenceWarning)
clf = MLPClassifier(hidden_layer_sizes=(16,), max_iter=400, random_state=SEED).fit(x_train, y_train)
print(f"trained an MLP 64-16-10: test accuracy {clf.score(x_test, y_test):.3f}")

# %% 2. Export to ONNX. zipmap=False keeps the probabilities a plain tensor.
onnx_model = to_onnx(clf, x_train[:1], options={id(clf): {"zipmap": False}}, target_opset={"": 17, "ai.onnx.ml": 3})
model_path = work / "digits_mlp.onnx"
model_path.write_bytes(onnx_model.SerializeToString())

# %% 3. What cairn sees, and the scale the training data allows.
report = cairn.inspect(model_path)
print(f"inspect: supported={report['supported']}, ops={', '.join(report['ops'])}")
print("  inputs: " + ", ".join(f"{i['name']} {i['ty']}" for i in report["inputs"]))
print("  outputs: " + ", ".join(f"{o['name']} {o['ty']}" for o in report["outputs"]))
model = cairn.load(model_path)
calibration = cairn.calibrate(model, [{"X": row[None]} for row in x_train[:32]])
print(
    f"calibration: scale {calibration.scale} "
    f"(max |fixed - float| {calibration.max_abs_error:.2e}, "
    f"argmax agrees on {calibration.argmax_agree}/{calibration.argmax_rows} rows)"
)

# %% 4. Transpile to a Cairo package and compile it.
package = timed(
    "transpile + compile",
    lambda: cairn.transpile(model, work / "digits_mlp", scale=calibration.scale, force=True),
)
print(f"package {package.dir}: program hash {package.program_hash}")

# %% 5. One test digit, on the reference runtime and on the Cairo VM.
digit = x_test[:1]  # shape (1, 64): the model's input has a batch axis
reference = cairn.run(package, digit, backend="reference")
on_cairo = timed("Cairo VM run", lambda: cairn.run(package, digit, backend="cairo"))
probabilities = reference["probabilities"]
print(f"label {y_test[0]}: sklearn says {clf.predict(digit)[0]}, cairn says {reference['label'].values[0]}")
print(f"  probabilities (fixed point): {np.round(probabilities.values[0], 4)}")
print(f"  raw integers (value = q / 2^{reference.scale}): {probabilities.raw[:4]} ...")
print(f"  Cairo run: {on_cairo.steps} steps, bit-exact: {on_cairo['probabilities'].raw == probabilities.raw}")
assert [t.raw for t in on_cairo.outputs] == [t.raw for t in reference.outputs]

# %% Before proving: where the steps go, and what a proof of this run will take.
cost = timed("cost report", lambda: cairn.cost_report(package, digit))
top = max(cost["nodes"], key=lambda n: n["steps"])
print(
    f"  most steps in {top['node']} ({top['op_type']}, {top['share']:.0%}); a proof needs {cost['trace_rows']} "
    f"trace rows (set by {cost['rows_set_by']}), about {cost['estimate']['cpu_seconds']:.1f} CPU-s in a release build"
)

# %% 6. Prove the inference, then verify it as someone holding only the package would.
proof = timed("prove", lambda: cairn.prove(package, digit))
print(
    f"proof: {len(proof.data)} bytes, {proof.security_bits}-bit conjectured security, "
    f"{proof.trace_rows} trace rows"
)
proof.save(work / "digit.proof")
checked = timed("verify", lambda: cairn.verify(work / "digit.proof", model=package))
print(f"verified against {checked.checked_against}: valid={checked.valid}")
assert checked["probabilities"].raw == probabilities.raw  # the proof binds these very integers
print(f"  proven label {checked['label'].values[0]}; proven input is the digit: "
      f"{np.array_equal(checked.inputs[0].values, digit)}")
