"""Generates the bundled example models (examples/mlp, examples/cnn).

Run through scripts/gen-examples.sh, which pins the package versions and runs
this with the repository root as the working directory. Everything is seeded,
so regenerating gives byte-identical files.

Both models classify sklearn's 8x8 digits (pixel values 0..16, scaled by /16).
They are written with onnx.helper (opset 13, IR version 8):

* mlp: 64-32-10 MLP trained by sklearn's MLPClassifier;
* cnn: Conv(8, 3x3, pad 1) -> Relu -> MaxPool(2x2) -> Flatten -> Gemm, trained
  here with numpy only (hand-written backprop, Adam, seeded).

Each directory gets model.onnx, input.json (plain cairn format), input.ezkl.json,
samples.json + samples.expected.json (onnxruntime's float outputs), heldout.json
(the whole held-out split with the float accuracy) and a README.md.
"""

import json
import os
import sys
import time

import numpy as np
import onnx
import onnxruntime as ort
import sklearn
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

OPSET = 13
IR_VERSION = 8
N_SAMPLES = 10
REGEN = "scripts/gen-examples.sh"


# ---------------------------------------------------------------- JSON output


def f32_list(a):
    """Python floats holding exactly the float32 values of `a` (repr round-trips)."""
    return [float(v) for v in np.asarray(a, dtype=np.float32).ravel()]


def nested(a):
    """Nested lists of Python floats (exact float32 values) with a's shape."""
    a = np.asarray(a, dtype=np.float32)
    if a.ndim == 0:
        return float(a)
    return [nested(x) for x in a]


def compact(v):
    return json.dumps(v, separators=(", ", ": "), sort_keys=True, allow_nan=False)


def write_json(path, obj):
    """Deterministic JSON: sorted keys; lists of lists get one row a line."""

    def fmt(v, indent):
        pad = " " * indent
        if isinstance(v, dict):
            items = [f'{pad}  {json.dumps(k)}: {fmt(v[k], indent + 2)}' for k in sorted(v)]
            return "{\n" + ",\n".join(items) + "\n" + pad + "}"
        if isinstance(v, list) and v and all(isinstance(x, (list, dict)) for x in v):
            rows = [f"{pad}  {fmt(x, indent + 2) if isinstance(x, dict) else compact(x)}" for x in v]
            return "[\n" + ",\n".join(rows) + "\n" + pad + "]"
        return compact(v)

    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(fmt(obj, 0) + "\n")


# ---------------------------------------------------------------- ONNX helpers


def init(name, array):
    return numpy_helper.from_array(np.ascontiguousarray(array, dtype=np.float32), name)


def finish_model(graph, doc):
    model = helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET)],
        producer_name="cairn scripts/gen_examples.py",
        producer_version="1",
        doc_string=doc,
    )
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model, full_check=True)
    return model


def run_onnx(path, input_name, x):
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    sess = ort.InferenceSession(path, sess_options=opts, providers=["CPUExecutionProvider"])
    [out] = sess.run(["scores"], {input_name: np.ascontiguousarray(x, dtype=np.float32)})
    assert out.dtype == np.float32 and out.shape == (len(x), 10), out.shape
    return out


# ---------------------------------------------------------------- MLP


def train_mlp(x_train, y_train):
    clf = MLPClassifier(
        hidden_layer_sizes=(32,),
        activation="relu",
        solver="adam",
        random_state=0,
        max_iter=500,
    )
    # float32 training data: sklearn then keeps float32 weights, exactly those exported.
    clf.fit(x_train.astype(np.float32), y_train)
    return clf


def mlp_model(clf):
    (w1, w2), (b1, b2) = clf.coefs_, clf.intercepts_
    assert w1.shape == (64, 32) and w2.shape == (32, 10), (w1.shape, w2.shape)
    graph = helper.make_graph(
        [
            helper.make_node("Gemm", ["input", "fc1.weight", "fc1.bias"], ["fc1_out"], name="fc1", transB=1),
            helper.make_node("Relu", ["fc1_out"], ["relu1_out"], name="relu1"),
            helper.make_node("Gemm", ["relu1_out", "fc2.weight", "fc2.bias"], ["scores"], name="fc2", transB=1),
        ],
        "digits_mlp",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, ["batch", 64])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["batch", 10])],
        initializer=[
            init("fc1.weight", w1.T),  # [out, in], used with transB=1
            init("fc1.bias", b1),
            init("fc2.weight", w2.T),
            init("fc2.bias", b2),
        ],
    )
    return finish_model(graph, "8x8 digits MLP 64-32-10 (sklearn MLPClassifier), logits out")


# ---------------------------------------------------------------- CNN (numpy)

CONV_CH = 8


def patches3x3(x):
    """x [N, 1, 8, 8] -> im2col patches [N, 64, 9] (pads 1, stride 1)."""
    xp = np.pad(x[:, 0], ((0, 0), (1, 1), (1, 1)))
    win = np.lib.stride_tricks.sliding_window_view(xp, (3, 3), axis=(1, 2))  # [N, 8, 8, 3, 3]
    return np.ascontiguousarray(win.reshape(len(x), 64, 9))


def cnn_forward(params, x, keep=False):
    wc, bc, wf, bf = params
    n = len(x)
    pt = patches3x3(x)
    z1 = (pt @ wc.reshape(CONV_CH, 9).T + bc).transpose(0, 2, 1).reshape(n, CONV_CH, 8, 8)  # NCHW
    a1 = np.maximum(z1, 0)
    p = a1.reshape(n, CONV_CH, 4, 2, 4, 2).max(axis=(3, 5))
    f = p.reshape(n, CONV_CH * 16)  # NCHW flatten, as ONNX Flatten(axis=1)
    logits = f @ wf.T + bf
    if keep:
        return logits, (pt, z1, a1, p, f)
    return logits


def cnn_grads(params, x, y):
    wc, bc, wf, bf = params
    n = len(x)
    logits, (pt, z1, a1, p, f) = cnn_forward(params, x, keep=True)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    prob = e / e.sum(axis=1, keepdims=True)
    loss = -np.log(prob[np.arange(n), y] + 1e-12).mean()
    d = prob
    d[np.arange(n), y] -= 1
    d /= n
    dwf = d.T @ f
    dbf = d.sum(axis=0)
    dp = (d @ wf).reshape(n, CONV_CH, 4, 4)
    a1r = a1.reshape(n, CONV_CH, 4, 2, 4, 2)
    mask = a1r == p[:, :, :, None, :, None]
    mask = mask / mask.sum(axis=(3, 5), keepdims=True)
    da1 = (mask * dp[:, :, :, None, :, None]).reshape(n, CONV_CH, 8, 8)
    dz1 = da1 * (z1 > 0)
    dz1 = dz1.reshape(n, CONV_CH, 64).transpose(0, 2, 1)  # [N, 64, C]
    dwc = np.einsum("npc,npk->ck", dz1, pt).reshape(CONV_CH, 1, 3, 3)
    dbc = dz1.sum(axis=(0, 1))
    return loss, [dwc, dbc, dwf, dbf]


def train_cnn(x_train, y_train, epochs=60, batch=32, lr=3e-3):
    rng = np.random.default_rng(0)
    params = [
        rng.normal(0, np.sqrt(2 / 9), (CONV_CH, 1, 3, 3)),
        np.zeros(CONV_CH),
        rng.normal(0, np.sqrt(2 / (CONV_CH * 16)), (10, CONV_CH * 16)),
        np.zeros(10),
    ]
    m = [np.zeros_like(q) for q in params]
    v = [np.zeros_like(q) for q in params]
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    loss = float("nan")
    for _ in range(epochs):
        order = rng.permutation(len(x_train))
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            loss, grads = cnn_grads(params, x_train[idx], y_train[idx])
            t += 1
            for i, g in enumerate(grads):
                m[i] = b1 * m[i] + (1 - b1) * g
                v[i] = b2 * v[i] + (1 - b2) * g * g
                params[i] = params[i] - lr * (m[i] / (1 - b1**t)) / (np.sqrt(v[i] / (1 - b2**t)) + eps)
    # The exported model is float32: the trainer's predictions use those weights.
    return [q.astype(np.float32) for q in params], loss


def cnn_model(params):
    wc, bc, wf, bf = params
    graph = helper.make_graph(
        [
            helper.make_node(
                "Conv", ["image", "conv1.weight", "conv1.bias"], ["conv1_out"], name="conv1",
                kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1],
            ),
            helper.make_node("Relu", ["conv1_out"], ["relu1_out"], name="relu1"),
            helper.make_node(
                "MaxPool", ["relu1_out"], ["pool1_out"], name="pool1", kernel_shape=[2, 2], strides=[2, 2]
            ),
            helper.make_node("Flatten", ["pool1_out"], ["flat"], name="flatten", axis=1),
            helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["scores"], name="fc", transB=1),
        ],
        "digits_cnn",
        [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 1, 8, 8])],
        [helper.make_tensor_value_info("scores", TensorProto.FLOAT, ["batch", 10])],
        initializer=[init("conv1.weight", wc), init("conv1.bias", bc), init("fc.weight", wf), init("fc.bias", bf)],
    )
    return finish_model(graph, "8x8 digits CNN: Conv(8,3x3,pad1)-Relu-MaxPool(2)-Flatten-Gemm, logits out")


# ---------------------------------------------------------------- writing


def write_example(name, model, input_name, shape, n_train, x_test, y_test, trainer_pred, trainer_acc, how):
    out_dir = os.path.join("examples", name)
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, "model.onnx")
    onnx.save(model, path)
    onnx.checker.check_model(path, full_check=True)

    x_in = x_test.reshape((len(x_test),) + shape).astype(np.float32)
    scores = run_onnx(path, input_name, x_in)
    pred = scores.argmax(axis=1)
    mismatch = np.flatnonzero(pred != trainer_pred)
    assert len(mismatch) == 0, f"{name}: onnxruntime disagrees with the trainer on held-out samples {mismatch}"
    float_acc = float((pred == y_test).mean())

    first = x_in[:1]
    write_json(os.path.join(out_dir, "input.json"), {input_name: nested(first)})
    write_json(os.path.join(out_dir, "input.ezkl.json"), {"input_data": [f32_list(first)]})
    write_json(os.path.join(out_dir, "samples.json"), [{input_name: nested(x_in[i : i + 1])} for i in range(N_SAMPLES)])
    write_json(
        os.path.join(out_dir, "samples.expected.json"),
        {
            "onnxruntime_version": ort.__version__,
            "outputs": [f32_list(scores[i]) for i in range(N_SAMPLES)],
            "argmax": [int(v) for v in pred[:N_SAMPLES]],
            "labels": [int(v) for v in y_test[:N_SAMPLES]],
        },
    )
    write_json(
        os.path.join(out_dir, "heldout.json"),
        {
            "inputs": [f32_list(r) for r in x_test],
            "labels": [int(v) for v in y_test],
            "float_accuracy": float_acc,
            "sklearn_or_numpy_accuracy": trainer_acc,
        },
    )
    dims = "x".join(str(d) for d in shape)
    readme = f"""# {name}: digits {name.upper()}

{how}

* Input `{input_name}`: float32 `[batch, {", ".join(str(d) for d in shape)}]`, an 8x8 digits image
  (sklearn `load_digits`, pixel values 0..16) divided by 16. Output `scores`: float32 `[batch, 10]`,
  the logits (no softmax); the predicted digit is their argmax.
* Data split: `train_test_split(test_size=0.2, random_state=0, stratify=y)`;
  {n_train} training and {len(y_test)} held-out samples.
* Held-out accuracy (onnxruntime {ort.__version__}, float32): {100 * float_acc:.2f}%
  ({int((pred == y_test).sum())}/{len(y_test)}).

Files: `model.onnx` (opset {OPSET}, IR version {IR_VERSION}); `input.json` (the first held-out
sample, `{{"{input_name}": [...]}}` with shape [1, {dims.replace("x", ", ")}]); `input.ezkl.json` (the same in EZKL's
`{{"input_data": [[...]]}}`); `samples.json` / `samples.expected.json` (the first {N_SAMPLES} held-out samples
and onnxruntime's outputs for them); `heldout.json` (the whole held-out split, flat 64 values per sample,
with the float accuracy).

Regenerate (byte-identical) with `{REGEN}`.
"""
    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write(readme)
    return float_acc, os.path.getsize(path)



def main():
    t0 = time.perf_counter()
    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)  # k/16: exact in float32
    y = digits.target.astype(np.int64)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0, stratify=y)
    print(f"digits: {len(x_train)} train, {len(x_test)} held out; numpy {np.__version__}, "
          f"sklearn {sklearn.__version__}, onnx {onnx.__version__}, onnxruntime {ort.__version__}")

    summary = []

    t = time.perf_counter()
    clf = train_mlp(x_train, y_train)
    mlp_pred = clf.predict(x_test)
    mlp_acc = float((mlp_pred == y_test).mean())
    mlp_how = (
        f"A 64-32-10 MLP (`fc1` Gemm -> `relu1` Relu -> `fc2` Gemm) trained by scikit-learn "
        f"{sklearn.__version__} `MLPClassifier(hidden_layer_sizes=(32,), activation=\"relu\", solver=\"adam\", "
        f"random_state=0, max_iter=500)` on float32 inputs "
        f"({clf.n_iter_} epochs)."
    )
    acc, size = write_example("mlp", mlp_model(clf), "input", (64,), len(x_train), x_test, y_test, mlp_pred, mlp_acc, mlp_how)
    summary.append(("mlp", mlp_acc, acc, size, time.perf_counter() - t))

    t = time.perf_counter()
    x_train_img = x_train.reshape(-1, 1, 8, 8).astype(np.float64)
    params, loss = train_cnn(x_train_img, y_train)
    cnn_pred = cnn_forward([p.astype(np.float64) for p in params], x_test.reshape(-1, 1, 8, 8).astype(np.float64)).argmax(axis=1)
    cnn_acc = float((cnn_pred == y_test).mean())
    cnn_how = (
        f"A small CNN: `conv1` Conv ({CONV_CH} channels, 3x3, pads 1) -> `relu1` Relu -> `pool1` MaxPool (2x2, "
        f"stride 2) -> `flatten` Flatten -> `fc` Gemm ({CONV_CH * 16} -> 10). Trained with numpy only "
        f"(hand-written backprop, softmax cross-entropy, Adam lr 3e-3, minibatch 32, 60 epochs, "
        f"`np.random.default_rng(0)`); final minibatch loss {loss:.4f}; weights exported as float32."
    )
    acc, size = write_example("cnn", cnn_model(params), "image", (1, 8, 8), len(x_train), x_test, y_test, cnn_pred, cnn_acc, cnn_how)
    summary.append(("cnn", cnn_acc, acc, size, time.perf_counter() - t))

    for name, trainer_acc, float_acc, size, secs in summary:
        print(f"{name}: trainer accuracy {100 * trainer_acc:.2f}%, onnxruntime accuracy {100 * float_acc:.2f}%, "
              f"model.onnx {size} bytes, {secs:.1f}s")
    print(f"total {time.perf_counter() - t0:.1f}s")
    for name, *_ in summary:
        for f in sorted(os.listdir(os.path.join("examples", name))):
            print(f"  examples/{name}/{f}: {os.path.getsize(os.path.join('examples', name, f))} bytes")


if __name__ == "__main__":
    sys.exit(main())
