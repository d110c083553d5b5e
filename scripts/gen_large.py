"""Generates the models too big for one trace (examples/large/<name>/): what
staged proving (docs/staged.md) is measured on. Written like the corpus
(scripts/gen_corpus.py: model.onnx, test.json, expected.json, README.md), by
scripts/gen-corpus.sh large (pinned versions, seeded, single-threaded).

* resnet_shapes — a small ResNet-style CNN on 3x32x32 images: a stem conv,
  two residual blocks (the second after a downsampling conv), global average
  pooling and a linear head; about 2.9 million multiply-accumulates. Trained
  briefly on synthetic images (which of four shapes is drawn, in colour, on
  noise), since the box has no datasets beyond the registries.
"""

import numpy as np

import gen_corpus as corpus

SEED = corpus.SEED
ROWS = 4


def shapes(n, rng):
    """n 3x32x32 images of one of four shapes (filled square, ring, cross,
    diagonal bar) at a random place and colour, on noise; labels 0..3."""
    yy, xx = np.mgrid[0:32, 0:32]
    x = rng.normal(0.0, 0.15, size=(n, 3, 32, 32)).astype(np.float32)
    y = rng.integers(0, 4, size=n)
    for i in range(n):
        cy, cx = rng.integers(9, 23, size=2)
        r = rng.integers(5, 9)
        dy, dx = yy - cy, xx - cx
        mask = [
            (np.abs(dy) <= r) & (np.abs(dx) <= r),
            np.abs(np.hypot(dy, dx) - r) <= 1.5,
            ((np.abs(dy) <= 1) & (np.abs(dx) <= r)) | ((np.abs(dx) <= 1) & (np.abs(dy) <= r)),
            (np.abs(dy - dx) <= 1.5) & (np.abs(dy) <= r),
        ][y[i]]
        colour = rng.uniform(0.5, 1.0, size=3).astype(np.float32)
        x[i][:, mask] += colour[:, None]
    return x, y.astype(np.int64)


def resnet():
    import torch
    from torch import nn

    torch.manual_seed(SEED)
    torch.set_num_threads(1)

    class Block(nn.Module):
        def __init__(self, c):
            super().__init__()
            self.a = nn.Conv2d(c, c, 3, padding=1)
            self.b = nn.Conv2d(c, c, 3, padding=1)

        def forward(self, x):
            return torch.relu(x + self.b(torch.relu(self.a(x))))

    class ResNet(nn.Module):
        def __init__(self):
            super().__init__()
            self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU())
            self.block1 = Block(8)
            self.down = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
            self.block2 = Block(16)
            self.head = nn.Linear(16, 4)

        def forward(self, x):
            x = self.block2(self.down(self.block1(self.stem(x))))
            return self.head(torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1))

    rng = np.random.default_rng(SEED)
    xtr, ytr = shapes(512, rng)
    xte, yte = shapes(ROWS, rng)
    model = ResNet()
    opt = torch.optim.Adam(model.parameters(), lr=0.003)
    loss = nn.CrossEntropyLoss()
    xt, yt = torch.tensor(xtr), torch.tensor(ytr)
    for _ in range(4):
        for i in range(0, len(xt), 32):
            opt.zero_grad()
            loss(model(xt[i:i + 32]), yt[i:i + 32]).backward()
            opt.step()
    model.eval()
    import io

    f = io.BytesIO()
    torch.onnx.export(model, (torch.tensor(xte[:1]),), f, dynamo=False, input_names=["input"],
                      output_names=["output"], dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}},
                      opset_version=17)
    corpus.OUT = "examples/large"
    corpus.REGEN = "scripts/gen-corpus.sh large"
    corpus.write_model("resnet_shapes_torchscript", f.getvalue(), "input", xte, yte, "accuracy",
                       "A ResNet-style CNN on 3x32x32 images (stem conv, two residual blocks, a downsampling "
                       "MaxPool + conv, global average pool, linear head; about 2.9 million MACs): too big for "
                       "one trace on a 24 GiB machine, proven in stages (docs/staged.md).",
                       "torch.onnx.export (dynamo=False, opset 17)")


if __name__ == "__main__":
    resnet()
