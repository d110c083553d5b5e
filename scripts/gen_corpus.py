"""Generates cairn's corpus of exported models (examples/corpus/<name>/).

Small models, trained briefly on data scikit-learn ships or generates, exported
the way users export them — skl2onnx, onnxmltools (XGBoost, LightGBM) and both
torch.onnx exporters — with default settings. Run through
scripts/gen-corpus.sh (pinned versions, seeded, single-threaded). PyTorch is
too heavy for CI: the committed files are what the tests read.

Each directory gets:
* model.onnx — the exported model, as the exporter wrote it;
* test.json — the test split as cairn input (an array of samples, one row each);
* expected.json — onnxruntime's outputs for each row, the labels, the metric
  and onnxruntime's metric on the split;
* README.md — what it is and how it was made.
"""

import json
import os
import sys
import warnings

import numpy as np
import onnx
import onnxruntime as ort

SEED = 7
TABULAR_ROWS = 100
TENSOR_ROWS = 20
REGEN = "scripts/gen-corpus.sh"
OUT = "examples/corpus"

warnings.filterwarnings("ignore")


def _ints_not_bools():
    """skl2onnx 1.19 writes the trees' `nodes_missing_value_tracks_true` as
    Python bools, which onnx 1.22 refuses in an INTS attribute; they are 0/1."""
    import onnx.helper

    make = onnx.helper.make_attribute

    def make_attribute(key, value, *args, **kwargs):
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, (bool, np.bool_)) for v in value):
            value = [int(v) for v in value]
        return make(key, value, *args, **kwargs)

    onnx.helper.make_attribute = make_attribute


_ints_not_bools()


# ------------------------------------------------------------------ datasets


def credit():
    """Credit scoring: breast-cancer features as a stand-in for 30 applicant
    features, binary default/no-default."""
    from sklearn.datasets import load_breast_cancer

    d = load_breast_cancer()
    return d.data.astype(np.float32), d.target.astype(np.int64)


def fraud():
    """Fraud: an imbalanced synthetic binary problem (12 features)."""
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=1500, n_features=12, n_informative=6, n_redundant=2, weights=[0.9, 0.1], random_state=SEED
    )
    return x.astype(np.float32), y.astype(np.int64)


def defi_risk():
    """DeFi risk tiers: a synthetic 3-class problem (8 features)."""
    from sklearn.datasets import make_classification

    x, y = make_classification(
        n_samples=1200, n_features=8, n_informative=5, n_classes=3, n_clusters_per_class=1, random_state=SEED
    )
    return x.astype(np.float32), y.astype(np.int64)


def digits():
    from sklearn.datasets import load_digits

    d = load_digits()
    return (d.data / 16.0).astype(np.float32), d.target.astype(np.int64)


def series(n=800, length=16):
    """Time series: noisy sines of 3 frequencies; classify the frequency."""
    rng = np.random.default_rng(SEED)
    y = rng.integers(0, 3, n)
    t = np.arange(length)
    phase = rng.uniform(0, 2 * np.pi, n)
    x = np.sin((y[:, None] + 1) * 0.35 * t[None, :] + phase[:, None]) + 0.2 * rng.standard_normal((n, length))
    return x.astype(np.float32), y.astype(np.int64)


def split(x, y, rows):
    from sklearn.model_selection import train_test_split

    xtr, xte, ytr, yte = train_test_split(x, y, test_size=rows, random_state=SEED, stratify=y)
    return xtr, xte, ytr, yte


# ------------------------------------------------------------------ writing


def jnum(v):
    v = float(v)
    return 0.0 if v == 0 else float(np.float32(v))


def nested(a):
    a = np.asarray(a)
    if a.ndim == 0:
        return jnum(a) if a.dtype.kind == "f" else int(a)
    return [nested(r) for r in a]


def ort_outputs(path, input_name, rows):
    """onnxruntime's outputs for each row (a batch of one), as nested lists;
    ZipMap outputs (a sequence of maps) become {label: probability}."""
    sess = ort.InferenceSession(path, providers=["CPUExecutionProvider"])
    names = [o.name for o in sess.get_outputs()]
    per_row = []
    for r in rows:
        outs = sess.run(None, {input_name: r[None, ...]})
        row = {}
        for name, o in zip(names, outs):
            if isinstance(o, list):  # ZipMap: [ {label: p} ]
                row[name] = [{str(k): jnum(v) for k, v in m.items()} for m in o]
            else:
                row[name] = nested(o)
        per_row.append(row)
    return names, per_row


def predicted_class(row):
    """A row's predicted class: the output named like `label` if there is one
    (classifiers exported from scikit-learn and the boosters), else the argmax
    of the first output (the networks' logits). cairn's test does the same."""
    for k, v in row.items():
        if "label" in k.lower():
            return int(np.asarray(v).reshape(-1)[0])
    return int(np.argmax(np.asarray(next(iter(row.values()))).reshape(-1)))


def first_value(row):
    return float(np.asarray(next(iter(row.values()))).reshape(-1)[0])


def metric_of(metric, outs, xte, labels):
    """accuracy (predicted class vs labels), r2 (first output vs labels) or
    mse (first output vs the input row: reconstruction error)."""
    if metric == "accuracy":
        return float(np.mean(np.array([predicted_class(o) for o in outs]) == labels))
    if metric == "r2":
        pred = np.array([first_value(o) for o in outs])
        return float(1 - np.sum((pred - labels) ** 2) / np.sum((labels - np.mean(labels)) ** 2))
    if metric == "mse":
        first = [np.asarray(next(iter(o.values()))).reshape(-1) for o in outs]
        return float(np.mean([np.mean((f - r.reshape(-1)) ** 2) for f, r in zip(first, xte)]))
    raise ValueError(metric)


def write_model(name, model_bytes, input_name, xte, yte, metric, what, exporter):
    d = os.path.join(OUT, name)
    os.makedirs(d, exist_ok=True)
    path = os.path.join(d, "model.onnx")
    with open(path, "wb") as f:
        f.write(model_bytes)
    onnx.checker.check_model(onnx.load(path))
    names, outs = ort_outputs(path, input_name, xte)
    value = metric_of(metric, outs, xte, yte)
    with open(os.path.join(d, "test.json"), "w") as f:
        json.dump([{input_name: nested(r[None, ...])} for r in xte], f)
        f.write("\n")
    expected = {
        "metric": metric,
        "onnxruntime_metric": value,
        "labels": nested(yte),
        "outputs": names,
        "onnxruntime": outs,
    }
    with open(os.path.join(d, "expected.json"), "w") as f:
        json.dump(expected, f)
        f.write("\n")
    m = onnx.load(path)
    ops = sorted({(n.domain or "ai.onnx", n.op_type) for n in m.graph.node})
    opsets = ", ".join(f"{o.domain or 'ai.onnx'} {o.version}" for o in m.opset_import)
    with open(os.path.join(d, "README.md"), "w") as f:
        f.write(
            f"# {name}\n\n{what}\n\nExported with {exporter} (opsets: {opsets}). "
            f"Operators: {', '.join(f'{dom}/{op}' for dom, op in ops)}.\n\n"
            f"Test split: {len(xte)} rows; onnxruntime's {metric}: {value:.4f}.\n\n"
            f"Regenerate with `{REGEN}` (seeded; needs PyTorch, so not run in CI).\n"
        )
    print(f"{name}: {len(xte)} rows, {metric} {value:.4f}, ops {[op for _, op in ops]}", flush=True)


# ------------------------------------------------------------------ scikit-learn


def sklearn_models():
    from skl2onnx import to_onnx
    from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression, LinearRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    from sklearn.svm import SVC, LinearSVC
    from sklearn.tree import DecisionTreeClassifier

    models = [
        ("credit_logreg", credit, lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=500)),
         "Credit scoring: StandardScaler + LogisticRegression."),
        # (skl2onnx 1.20 fails on a pipeline ending in LinearSVC; the features
        # of make_classification are standardised already)
        ("fraud_linear_svm", fraud, lambda: LinearSVC(random_state=SEED), "Fraud: a linear SVM (LinearSVC)."),
        ("defi_svc_rbf", defi_risk, lambda: make_pipeline(StandardScaler(), SVC(kernel="rbf", random_state=SEED)),
         "DeFi risk tiers: StandardScaler + SVC (RBF kernel)."),
        ("credit_tree", credit, lambda: DecisionTreeClassifier(max_depth=5, random_state=SEED),
         "Credit scoring: a depth-5 decision tree."),
        ("fraud_forest", fraud, lambda: RandomForestClassifier(n_estimators=20, max_depth=6, random_state=SEED),
         "Fraud: a random forest of 20 depth-6 trees."),
        ("defi_gboost", defi_risk,
         lambda: GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=SEED),
         "DeFi risk tiers: gradient boosting, 20 rounds of depth-3 trees (3 classes)."),
        ("digits_mlp", digits, lambda: MLPClassifier(hidden_layer_sizes=(32,), max_iter=300, random_state=SEED),
         "Digits: an sklearn MLP (64-32-10)."),
        ("credit_knn", credit, lambda: make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5)),
         "Credit scoring: StandardScaler + 5-nearest-neighbours."),
    ]
    for name, data, make, what in models:
        x, y = data()
        xtr, xte, ytr, yte = split(x, y, TABULAR_ROWS)
        model = make().fit(xtr, ytr)
        onx = to_onnx(model, xtr[:1], target_opset={"": 17, "ai.onnx.ml": 3})
        write_model(name, onx.SerializeToString(), onx.graph.input[0].name, xte, yte, "accuracy", what, "skl2onnx")

    # a regressor too (credit limit as a linear function of the features)
    x, y = credit()
    rng = np.random.default_rng(SEED)
    target = (x[:, :5] @ rng.uniform(0.5, 2.0, 5)).astype(np.float32)
    xtr, xte, ytr, yte = train_test_split_regression(x, target)
    model = make_pipeline(StandardScaler(), LinearRegression()).fit(xtr, ytr)
    onx = to_onnx(model, xtr[:1], target_opset={"": 17, "ai.onnx.ml": 3})
    write_model("credit_limit_linreg", onx.SerializeToString(), onx.graph.input[0].name, xte, yte, "r2",
                "Credit limit: StandardScaler + LinearRegression.", "skl2onnx")


def train_test_split_regression(x, y):
    from sklearn.model_selection import train_test_split

    return train_test_split(x, y, test_size=TABULAR_ROWS, random_state=SEED)


# ------------------------------------------------------------------ XGBoost, LightGBM


def boosted_models():
    import lightgbm
    import xgboost
    from onnxmltools import convert_lightgbm, convert_xgboost
    from onnxmltools.convert.common.data_types import FloatTensorType

    x, y = fraud()
    xtr, xte, ytr, yte = split(x, y, TABULAR_ROWS)
    xgb = xgboost.XGBClassifier(n_estimators=20, max_depth=4, learning_rate=0.3, random_state=SEED, n_jobs=1)
    xgb.fit(xtr, ytr)
    onx = convert_xgboost(xgb, initial_types=[("input", FloatTensorType([None, x.shape[1]]))], target_opset=15)
    write_model("fraud_xgboost", onx.SerializeToString(), "input", xte, yte, "accuracy",
                "Fraud: XGBoost, 20 trees of depth 4.", "onnxmltools (XGBoost)")

    x, y = defi_risk()
    xtr, xte, ytr, yte = split(x, y, TABULAR_ROWS)
    lgb = lightgbm.LGBMClassifier(n_estimators=20, num_leaves=15, random_state=SEED, n_jobs=1, verbose=-1)
    lgb.fit(xtr, ytr)
    onx = convert_lightgbm(lgb, initial_types=[("input", FloatTensorType([None, x.shape[1]]))], target_opset=15,
                           zipmap=True)
    write_model("defi_lightgbm", onx.SerializeToString(), "input", xte, yte, "accuracy",
                "DeFi risk tiers: LightGBM, 20 trees of 15 leaves (3 classes).", "onnxmltools (LightGBM)")


# ------------------------------------------------------------------ PyTorch


def torch_models():
    import io

    import torch
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    class Cnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.features = nn.Sequential(
                nn.Conv2d(1, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.AvgPool2d(2),
                nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
            self.head = nn.Linear(16 * 2 * 2, 10)

        def forward(self, x):
            return self.head(torch.flatten(self.features(x), 1))

    class DepthwiseCnn(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(
                nn.Conv2d(1, 16, 3, padding=1), nn.ReLU6(),
                nn.Conv2d(16, 16, 3, padding=1, groups=16), nn.ReLU6(),
                nn.Conv2d(16, 32, 1), nn.ReLU6(), nn.MaxPool2d(2),
                nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10))

        def forward(self, x):
            return self.net(x)

    class Conv1dNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.net = nn.Sequential(nn.Conv1d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool1d(2),
                                     nn.Conv1d(8, 8, 3, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 8, 3))

        def forward(self, x):
            return self.net(x)

    class Rnn(nn.Module):
        def __init__(self, cell):
            super().__init__()
            self.rnn = cell(1, 12, batch_first=True)
            self.head = nn.Linear(12, 3)

        def forward(self, x):
            out, _ = self.rnn(x)
            return self.head(out[:, -1, :])

    class Transformer(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Linear(1, 16)
            layer = nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, dropout=0.0,
                                               batch_first=True, activation="gelu")
            self.encoder = nn.TransformerEncoder(layer, num_layers=1, enable_nested_tensor=False)
            self.head = nn.Linear(16, 3)

        def forward(self, x):
            return self.head(self.encoder(self.embed(x)).mean(dim=1))

    class AutoEncoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.Sequential(nn.Linear(30, 12), nn.Tanh(), nn.Linear(12, 4))
            self.dec = nn.Sequential(nn.Linear(4, 12), nn.Tanh(), nn.Linear(12, 30), nn.Sigmoid())

        def forward(self, x):
            return self.dec(self.enc(x))

    class Elementwise(nn.Module):
        """Risk score from normalised features through the elementwise ops
        exporters emit: Sub/Div normalisation, Abs, Sqrt, Pow, Neg, Clamp,
        Where, PReLU, GELU, a comparison, a max reduction."""

        def __init__(self, mean, std):
            super().__init__()
            self.register_buffer("mean", torch.tensor(mean))
            self.register_buffer("std", torch.tensor(std))
            self.lin = nn.Linear(12, 8)
            self.prelu = nn.PReLU(8)
            self.gelu = nn.GELU()
            self.out = nn.Linear(8, 2)

        def forward(self, x):
            z = (x - self.mean) / self.std
            mag = torch.sqrt(torch.abs(z) + 1.0)
            z = torch.where(z > 0, z * mag, -torch.pow(-z, 2) * 0.25)
            h = self.gelu(self.prelu(self.lin(torch.clamp(z, -4.0, 4.0))))
            return self.out(h) + torch.amax(h, dim=1, keepdim=True)

    def train(model, xtr, ytr, epochs, lr=0.01, loss=None):
        opt = torch.optim.Adam(model.parameters(), lr=lr)
        loss = loss or nn.CrossEntropyLoss()
        xt, yt = torch.tensor(xtr), torch.tensor(ytr)
        for _ in range(epochs):
            for i in range(0, len(xt), 64):
                opt.zero_grad()
                l = loss(model(xt[i:i + 64]), yt[i:i + 64])
                l.backward()
                opt.step()
        return model.eval()

    def export(model, example, dynamo):
        f = io.BytesIO()
        if dynamo:
            # A named batch dimension, or (when torch.export finds constraints
            # on it, as for the Conv1d net) the automatic one.
            for batch in (torch.export.Dim("batch"), torch.export.Dim.AUTO):
                try:
                    prog = torch.onnx.export(model, (example,), dynamo=True, input_names=["input"],
                                             dynamic_shapes=({0: batch},))
                    return prog.model_proto.SerializeToString()
                except Exception:  # noqa: BLE001
                    if batch is torch.export.Dim.AUTO:
                        raise
        torch.onnx.export(model, (example,), f, dynamo=False, input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}}, opset_version=17)
        return f.getvalue()

    x, y = digits()
    img = x.reshape(-1, 1, 8, 8)
    xtr, xte, ytr, yte = split(img, y, TENSOR_ROWS)
    cnn = train(Cnn(), xtr, ytr, 8)
    dw = train(DepthwiseCnn(), xtr, ytr, 8)
    xs, ys = series()
    seq_tr, seq_te, sy_tr, sy_te = split(xs[:, None, :], ys, TENSOR_ROWS)
    c1 = train(Conv1dNet(), seq_tr, sy_tr, 10)
    rnn_tr, rnn_te = seq_tr.transpose(0, 2, 1), seq_te.transpose(0, 2, 1)
    lstm = train(Rnn(nn.LSTM), rnn_tr, sy_tr, 10)
    gru = train(Rnn(nn.GRU), rnn_tr, sy_tr, 10)
    tfm = train(Transformer(), rnn_tr, sy_tr, 40, lr=0.003)
    cx, cy = credit()
    cxtr, cxte, cytr, cyte = split(cx, cy, TENSOR_ROWS)
    mu, sd = cxtr.mean(0), cxtr.std(0) + 1e-6
    # inputs squashed to (0, 1) like the Sigmoid output it reconstructs them with
    squash = lambda v: (1 / (1 + np.exp(-(v - mu) / sd))).astype(np.float32)  # noqa: E731
    ae = train(AutoEncoder(), squash(cxtr), squash(cxtr), 20, loss=nn.MSELoss())
    fx, fy = fraud()
    fxtr, fxte, fytr, fyte = split(fx, fy, TENSOR_ROWS)
    elem = train(Elementwise(fxtr.mean(0), fxtr.std(0) + 1e-6), fxtr, fytr, 5)

    models = [
        ("digits_cnn", cnn, xte, yte, "Digits: Conv-BN-ReLU-AvgPool-Conv-ReLU-MaxPool-Linear CNN.", "accuracy"),
        ("digits_depthwise_cnn", dw, xte, yte,
         "Digits: depthwise-separable CNN (Conv, depthwise Conv, pointwise Conv, ReLU6, MaxPool, global "
         "average pool, Linear).", "accuracy"),
        ("series_conv1d", c1, seq_te, sy_te, "Time series: a Conv1d classifier of sine frequencies.", "accuracy"),
        ("series_lstm", lstm, rnn_te, sy_te, "Time series: an LSTM (12 units) classifier.", "accuracy"),
        ("series_gru", gru, rnn_te, sy_te, "Time series: a GRU (12 units) classifier.", "accuracy"),
        ("series_transformer", tfm, rnn_te, sy_te,
         "Time series: a one-layer transformer encoder (2 heads, GELU) classifier.", "accuracy"),
        ("credit_autoencoder", ae, squash(cxte), cyte,
         "Credit: a 30-12-4-12-30 autoencoder (Tanh, Sigmoid); the metric is the reconstruction error.", "mse"),
        ("fraud_elementwise", elem, fxte, fyte,
         "Fraud: a block of the elementwise ops exporters emit (Sub/Div normalisation, Abs, Sqrt, Pow, "
         "Where, Clip, PReLU, GELU, a max reduction).", "accuracy"),
    ]
    for name, model, xte_, yte_, what, metric in models:
        for dynamo in (False, True):
            tag = "dynamo" if dynamo else "torchscript"
            example = torch.tensor(xte_[:1])
            try:
                data = export(model, example, dynamo)
            except Exception as e:  # noqa: BLE001 — report and go on: the corpus says what exports
                print(f"{name}_{tag}: export failed: {e}", flush=True)
                continue
            exporter = f"torch.onnx.export ({'dynamo=True' if dynamo else 'dynamo=False, opset 17'})"
            write_model(f"{name}_{tag}", data, "input", xte_, yte_, metric, what, exporter)


def main():
    which = sys.argv[1:] or ["sklearn", "boosted", "torch"]
    if "sklearn" in which:
        sklearn_models()
    if "boosted" in which:
        boosted_models()
    if "torch" in which:
        torch_models()


if __name__ == "__main__":
    main()
