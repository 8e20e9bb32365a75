#!/usr/bin/env python3
"""Writes PyTorch reference values for the Autograd parity tests.

Each case records its inputs, the op's output, a fixed projection tensor R, and the gradients of
sum(output * R) with respect to every differentiable input. The Swift tests
(Tests/AutogradTests/ParityTests.swift) run the same op on the same inputs and compare to tolerance.

Run once in a throwaway environment (CI never needs torch):

    python3 -m venv /tmp/torchenv
    /tmp/torchenv/bin/pip install --find-links /opt/wheels torch numpy   # or plain `pip install torch`
    /tmp/torchenv/bin/python scripts/make_parity_fixtures.py

Output: Tests/AutogradTests/Fixtures/ops.json (a few tens of KB).
"""
import json
import pathlib

import torch
import torch.nn.functional as F

OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "AutogradTests" / "Fixtures" / "ops.json"
generator = torch.Generator().manual_seed(1234)


def normal(*shape, positive=False, away_from_zero=False):
    values = torch.randn(*shape, generator=generator, dtype=torch.float32)
    if away_from_zero:
        values = values + 0.2 * torch.sign(values)
    if positive:
        values = values.abs() + 0.5
    return values


def encode(tensor):
    tensor = tensor.detach().to(torch.float32)
    # 8 significant digits keep float32 values exact enough and the file small.
    return {"shape": list(tensor.shape), "values": [float(f"{v:.8g}") for v in tensor.reshape(-1).tolist()]}


cases = []


def case(name, function, inputs, differentiable=None, **extra):
    """Runs `function` on `inputs`, projects the output, and stores values and gradients."""
    differentiable = list(range(len(inputs))) if differentiable is None else differentiable
    leaves = [x.clone().requires_grad_(i in differentiable) for i, x in enumerate(inputs)]
    output = function(*leaves)
    projection = torch.rand(output.shape, generator=generator) * 2 - 1
    (output * projection).sum().backward()
    cases.append({
        "name": name,
        "inputs": [encode(x) for x in inputs],
        "output": encode(output),
        "projection": encode(projection),
        "gradients": [encode(leaves[i].grad) if i in differentiable else None for i in range(len(inputs))],
        **extra,
    })


case("add", lambda a, b: a + b, [normal(2, 3), normal(3)])
case("subtract", lambda a, b: a - b, [normal(2, 1, 3), normal(4, 1)])
case("multiply", lambda a, b: a * b, [normal(2, 1, 3), normal(4, 1)])
case("divide", lambda a, b: a / b, [normal(2, 3), normal(2, 1, positive=True)])
case("negate", lambda a: -a, [normal(2, 3)])
case("exp", torch.exp, [normal(2, 3)])
case("log", torch.log, [normal(2, 3, positive=True)])
case("squareRoot", torch.sqrt, [normal(2, 3, positive=True)])
case("pow", lambda a: a ** 3, [normal(2, 3)])
case("abs", torch.abs, [normal(2, 3, away_from_zero=True)])
case("tanh", torch.tanh, [normal(2, 3)])
case("sigmoid", torch.sigmoid, [normal(2, 3)])
case("relu", torch.relu, [normal(2, 3, away_from_zero=True)])
case("leakyRelu", lambda a: F.leaky_relu(a, 0.2), [normal(2, 3, away_from_zero=True)])
case("silu", F.silu, [normal(2, 3)])
case("softplus", F.softplus, [normal(2, 3)])
case("clamp", lambda a: a.clamp(-0.5, 0.7), [normal(2, 3)])
case("where", lambda c, a, b: torch.where(c != 0, a, b),
     [torch.tensor([[1.0, 0, 1], [0, 0, 1]]), normal(2, 3), normal(3)], differentiable=[1, 2])
case("sum", lambda a: a.sum(dim=(0, 2)), [normal(2, 3, 4)])
case("mean", lambda a: a.mean(dim=1), [normal(2, 3, 4)])
case("max", lambda a: a.max(dim=1).values, [normal(3, 5)])
case("logSumExp", lambda a: torch.logsumexp(a, dim=1), [normal(3, 5)])
case("matmul", lambda a, b: a @ b, [normal(3, 4), normal(4, 5)])
case("matmulTransposed", lambda a, b: a.T @ b.T, [normal(4, 3), normal(5, 4)])
case("batchedMatmul", lambda a, b: a @ b, [normal(2, 3, 4), normal(2, 4, 5)])
case("transpose", lambda a: a.permute(2, 0, 1), [normal(2, 3, 4)])
case("slice", lambda a: a[:, 1:3], [normal(3, 4)])
case("concatenate", lambda a, b: torch.cat([a, b], dim=1), [normal(2, 3), normal(2, 2)])
case("stack", lambda a, b: torch.stack([a, b], dim=1), [normal(2, 3), normal(2, 3)])
case("gather", lambda a: a.gather(1, torch.tensor([[2], [0], [1]])), [normal(3, 4)], indices=[2, 0, 1])
case("indexSelect", lambda a: a.index_select(0, torch.tensor([3, 0, 3])), [normal(4, 2)], indices=[3, 0, 3])
case("embedding", lambda a: F.embedding(torch.tensor([[1, 4], [4, 0]]), a), [normal(5, 3)], indices=[1, 4, 4, 0])
case("softmax", lambda a: torch.softmax(a, dim=-1), [normal(3, 5)])
case("logSoftmax", lambda a: torch.log_softmax(a, dim=-1), [normal(3, 5)])
case("layerNorm", lambda a: F.layer_norm(a, (6,)), [normal(3, 6)])
case("convolution2D", lambda x, w: F.conv2d(x, w, stride=2, padding=1), [normal(2, 3, 6, 5), normal(4, 3, 3, 3)])
case("transposedConvolution2D", lambda x, w: F.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1),
     [normal(2, 3, 4, 3), normal(3, 2, 3, 3)])
case("pairwiseSquaredDistances", lambda a, b: ((a[:, None, :] - b[None, :, :]) ** 2).sum(-1),
     [normal(4, 3), normal(5, 3)])
sparse_dense = torch.tensor([[0.0, 1, 0, 2], [0, 0, 0, 0], [3, 0, 0.5, 0]])
case("sparseMatmul", lambda s, d: s @ d, [sparse_dense, normal(4, 5)], differentiable=[1])

OUTPUT.parent.mkdir(parents=True, exist_ok=True)
OUTPUT.write_text(json.dumps({"generator": f"torch {torch.__version__}", "cases": cases}, separators=(",", ":")))
print(f"wrote {len(cases)} cases, {OUTPUT.stat().st_size} bytes, to {OUTPUT}")
