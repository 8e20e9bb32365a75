#!/usr/bin/env python3
"""PyTorch parity fixtures for the NeuralNetworks module, and a check of Swift-written checkpoints.

Run with a throwaway environment that has CPU torch, numpy and safetensors (CI does not need it):

    /tmp/torchenv/bin/python scripts/make_network_fixtures.py            # write the fixtures
    /tmp/torchenv/bin/python scripts/make_network_fixtures.py verify F   # check a Swift-written file

Fixtures (Tests/NeuralNetworksTests/Fixtures, a few KB each):
  losses.json        each loss: inputs, value and the gradient of every differentiable input
  optimizers.json    SGD (momentum, Nesterov), Adam, AdamW, Adagrad, clipping: parameters after
                     each of three steps with given gradients; learning-rate schedules
  layers.json        LayerNorm, Conv2d, ConvTranspose2d, MultiHeadAttention and a post-LN transformer
                     encoder block (LeakyReLU): outputs and gradients of sum(output * projection)
                     for the input and every parameter, with parameters named as in Swift
  mlp.json           Linear-tanh-Linear with fixed weights: loss, gradients, and the parameters
                     after one Adam step and after one SGD-momentum step
  python.safetensors a checkpoint of a Linear(3, 2) in a Sequential, written by Python's safetensors
  python_mixed.safetensors  F64, rank-0 and F32 tensors plus metadata, for the reader

`verify F` loads F (written by the Swift test CheckpointTests when SAFETENSORS_EXPORT_PATH is set)
with Python's safetensors and checks names, shapes, values and metadata.
"""
import json
import math
import os
import sys

import torch
import torch.nn.functional as F
from safetensors import safe_open
from safetensors.torch import load_file, save_file

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "NeuralNetworksTests", "Fixtures")


def encode(tensor):
    tensor = tensor.detach().to(torch.float32)
    return {"shape": list(tensor.shape), "values": [float(f"{v:.9g}") for v in tensor.reshape(-1).tolist()]}


def leaf(*shape, generator, scale=1.0, positive=False):
    values = torch.randn(*shape, generator=generator, dtype=torch.float64) * scale
    if positive:
        values = values.abs() + 0.1
    # Round through float32 so Swift sees exactly the values used here.
    return values.to(torch.float32).to(torch.float64).requires_grad_(True)


def sigmoid_focal_loss(logits, targets, alpha, gamma):
    """torchvision.ops.sigmoid_focal_loss, reduction mean (torchvision is not installed here)."""
    p = torch.sigmoid(logits)
    ce = F.binary_cross_entropy_with_logits(logits, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return loss.mean()


def loss_cases():
    g = torch.Generator().manual_seed(0)
    cases = []

    def add(name, inputs, value, differentiable, constants=None, options=None):
        value.backward()
        cases.append({
            "name": name,
            "inputs": {k: encode(v) for k, v in inputs.items()},
            "constants": {k: encode(v) for k, v in (constants or {}).items()},
            "options": options or {},
            "value": float(value.detach()),
            "gradients": {k: encode(inputs[k].grad) for k in differentiable},
        })

    logits = leaf(4, 5, generator=g)
    labels = [1, 0, 4, 2]
    add("crossEntropy", {"logits": logits}, F.cross_entropy(logits, torch.tensor(labels)), ["logits"],
        options={"labels": labels})

    logits = leaf(3, 4, generator=g)
    probabilities = torch.softmax(torch.randn(3, 4, generator=g, dtype=torch.float64), -1).float().double()
    add("crossEntropyProbabilities", {"logits": logits},
        F.cross_entropy(logits, probabilities), ["logits"], constants={"probabilities": probabilities})

    logits = leaf(3, 6, generator=g)
    counts = torch.randint(0, 3, (3, 6), generator=g).double()
    add("multinomial", {"logits": logits}, -(F.log_softmax(logits, 1) * counts).sum(1).mean(), ["logits"],
        constants={"counts": counts})

    mean, log_variance = leaf(3, 4, generator=g), leaf(3, 4, generator=g, scale=0.5)
    standard = torch.distributions.Normal(torch.zeros(3, 4, dtype=torch.float64), torch.ones(3, 4, dtype=torch.float64))
    posterior = torch.distributions.Normal(mean, (0.5 * log_variance).exp())
    add("gaussianKL", {"mean": mean, "logVariance": log_variance},
        torch.distributions.kl_divergence(posterior, standard).sum(-1).mean(), ["mean", "logVariance"])

    mean, log_variance = leaf(2, 3, generator=g), leaf(2, 3, generator=g, scale=0.5)
    prior_mean, prior_log_variance = leaf(2, 3, generator=g), leaf(2, 3, generator=g, scale=0.5)
    kl = torch.distributions.kl_divergence(
        torch.distributions.Normal(mean, (0.5 * log_variance).exp()),
        torch.distributions.Normal(prior_mean, (0.5 * prior_log_variance).exp()))
    add("gaussianKLTwoGaussians",
        {"mean": mean, "logVariance": log_variance, "priorMean": prior_mean, "priorLogVariance": prior_log_variance},
        kl.sum(-1).mean(), ["mean", "logVariance", "priorMean", "priorLogVariance"])

    predictions, targets = leaf(3, 4, generator=g), leaf(3, 4, generator=g)
    add("meanSquaredError", {"predictions": predictions, "targets": targets},
        F.mse_loss(predictions, targets), ["predictions", "targets"])

    predictions, targets = leaf(3, 4, generator=g), leaf(3, 4, generator=g)
    mask = (torch.rand(3, 4, generator=g) < 0.5).double()
    add("meanSquaredErrorMasked", {"predictions": predictions, "targets": targets},
        (((predictions - targets) ** 2) * mask).sum() / mask.sum(), ["predictions", "targets"],
        constants={"mask": mask})

    logits = leaf(3, 4, generator=g, scale=3)
    targets = (torch.rand(3, 4, generator=g) < 0.5).double()
    add("binaryCrossEntropy", {"logits": logits}, F.binary_cross_entropy_with_logits(logits, targets), ["logits"],
        constants={"targets": targets})

    logits = leaf(3, 4, generator=g, scale=2)
    targets = (torch.rand(3, 4, generator=g) < 0.5).double()
    add("sigmoidFocalLoss", {"logits": logits}, sigmoid_focal_loss(logits, targets, 0.25, 2.0), ["logits"],
        constants={"targets": targets}, options={"alpha": 0.25, "gamma": 2.0})
    return cases


def optimizer_cases():
    g = torch.Generator().manual_seed(1)
    initial = {"weight": torch.randn(3, 4, generator=g), "bias": torch.randn(4, generator=g)}
    gradients = [{k: torch.randn(v.shape, generator=g) for k, v in initial.items()} for _ in range(3)]
    configurations = [
        ("sgdMomentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01), {}),
        ("sgdNesterov", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True), {}),
        ("adam", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1), {}),
        ("adamW", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1), {}),
        ("adagrad", lambda p: torch.optim.Adagrad(
            p, lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1, eps=1e-10), {}),
        ("adamClipped", lambda p: torch.optim.Adam(p, lr=0.01), {"maximumGradientNorm": 0.5}),
    ]
    cases = []
    for name, make, options in configurations:
        parameters = {k: v.clone().requires_grad_(True) for k, v in initial.items()}
        optimizer = make(list(parameters.values()))
        after = []
        for step in gradients:
            for k, p in parameters.items():
                p.grad = step[k].clone()
            if "maximumGradientNorm" in options:
                torch.nn.utils.clip_grad_norm_(list(parameters.values()), options["maximumGradientNorm"])
            optimizer.step()
            after.append({k: encode(v) for k, v in parameters.items()})
        cases.append({
            "name": name, "options": options,
            "initial": {k: encode(v) for k, v in initial.items()},
            "gradients": [{k: encode(v) for k, v in step.items()} for step in gradients],
            "after": after,
        })
    schedules = {}
    for name, make in [
        ("step", lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
        ("cosine", lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=8, eta_min=0.01)),
    ]:
        optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1)
        scheduler = make(optimizer)
        rates = []
        for _ in range(10):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            scheduler.step()
        schedules[name] = rates
    return {"cases": cases, "schedules": schedules}


def mlp_case():
    g = torch.Generator().manual_seed(2)
    model = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 2))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.5)
    names = {"0.weight": "layers.0.weight", "0.bias": "layers.0.bias",
             "2.weight": "layers.2.weight", "2.bias": "layers.2.bias"}
    inputs, targets = torch.randn(4, 3, generator=g), torch.randn(4, 2, generator=g)
    initial = {names[k]: encode(v) for k, v in model.state_dict().items()}
    loss = F.mse_loss(model(inputs), targets)
    loss.backward()
    gradients = {names[k]: encode(p.grad) for k, p in model.named_parameters()}
    result = {"inputs": encode(inputs), "targets": encode(targets), "initial": initial,
              "loss": float(loss.detach()), "gradients": gradients}
    for key, make in [("afterAdam", lambda p: torch.optim.Adam(p, lr=0.01)),
                      ("afterSGDMomentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))]:
        copy = torch.nn.Sequential(torch.nn.Linear(3, 5), torch.nn.Tanh(), torch.nn.Linear(5, 2))
        copy.load_state_dict(model.state_dict())
        for p, q in zip(copy.parameters(), model.parameters()):
            p.grad = q.grad.clone()
        make(list(copy.parameters())).step()
        result[key] = {names[k]: encode(v) for k, v in copy.state_dict().items()}
    return result


def layer_case(name, module, inputs, rename, generator, call=None, config=None):
    """Output and gradients of sum(output * projection) for the inputs and every parameter."""
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=generator) * 0.3)
    module.eval()
    inputs = {k: v.clone().requires_grad_(True) for k, v in inputs.items()}
    output = (call or (lambda m, i: m(*i.values())))(module, inputs)
    projection = torch.randn(output.shape, generator=generator)
    (output * projection).sum().backward()
    parameters, gradients = {}, {k: encode(v.grad) for k, v in inputs.items()}
    for torch_name, p in module.named_parameters():
        for swift_name, part, dimension in rename(torch_name, p):
            piece = (lambda t: t) if part is None else (lambda t: t[part * dimension:(part + 1) * dimension])
            parameters[swift_name] = encode(piece(p))
            gradients[swift_name] = encode(piece(p.grad))
    return {"name": name, "config": config or {}, "inputs": {k: encode(v) for k, v in inputs.items()},
            "parameters": parameters, "output": encode(output), "projection": encode(projection),
            "gradients": gradients}


def layer_cases():
    g = torch.Generator().manual_seed(3)
    same = lambda name, p: [(name, None, 0)]
    dimension, heads, length = 8, 2, 4
    causal = torch.triu(torch.full((length, length), -1e9), 1)

    def attention_rename(prefix):
        def rename(name, p):
            bare = name[len(prefix):] if name.startswith(prefix) else None
            swift_prefix = "attention." if prefix else ""
            if bare == "in_proj_weight" or bare == "in_proj_bias":
                kind = "weight" if bare.endswith("weight") else "bias"
                return [(f"{swift_prefix}{part}.{kind}", i, dimension) for i, part in enumerate(["query", "key", "value"])]
            if bare is not None and bare.startswith("out_proj."):
                return [(f"{swift_prefix}output.{bare[len('out_proj.'):]}", None, 0)]
            mapped = {"linear1": "feedForwardInput", "linear2": "feedForwardOutput",
                      "norm1": "attentionNorm", "norm2": "feedForwardNorm"}
            layer, kind = name.split(".")
            return [(f"{mapped[layer]}.{kind}", None, 0)]
        return rename

    return [
        layer_case("layerNorm", torch.nn.LayerNorm(4), {"input": torch.randn(2, 3, 4, generator=g)}, same, g),
        layer_case("conv2d", torch.nn.Conv2d(2, 3, 3, stride=2, padding=1),
                   {"input": torch.randn(2, 2, 5, 5, generator=g)}, same, g),
        layer_case("convTranspose2d", torch.nn.ConvTranspose2d(3, 2, 3, stride=2, padding=1, output_padding=1),
                   {"input": torch.randn(2, 3, 3, 3, generator=g)}, same, g),
        layer_case("multiHeadAttention", torch.nn.MultiheadAttention(dimension, heads, batch_first=True),
                   {"query": torch.randn(2, length, dimension, generator=g),
                    "key": torch.randn(2, 3, dimension, generator=g),
                    "value": torch.randn(2, 3, dimension, generator=g)},
                   attention_rename(""), g,
                   call=lambda m, i: m(i["query"], i["key"], i["value"], need_weights=False)[0]),
        layer_case("transformerEncoderBlock",
                   torch.nn.TransformerEncoderLayer(dimension, heads, 16, dropout=0.1, activation=F.leaky_relu,
                                                    batch_first=True, norm_first=False),
                   {"input": torch.randn(2, length, dimension, generator=g)}, attention_rename("self_attn."), g,
                   call=lambda m, i: m(i["input"], src_mask=causal), config={"causal": 1}),
    ]


def write_json(name, value):
    with open(os.path.join(FIXTURES, name), "w") as file:
        json.dump(value, file, separators=(",", ":"))
        file.write("\n")


def expected_swift_checkpoint():
    """The tensors CheckpointTests writes for `verify`, by name."""
    return {
        "layers.0.weight": torch.arange(6, dtype=torch.float32).reshape(2, 3) / 4,
        "layers.0.bias": torch.tensor([-1.0, 0.5]),
    }


def generate():
    os.makedirs(FIXTURES, exist_ok=True)
    write_json("losses.json", {"generator": "scripts/make_network_fixtures.py", "torch": torch.__version__,
                               "cases": loss_cases()})
    write_json("optimizers.json", {"generator": "scripts/make_network_fixtures.py", **optimizer_cases()})
    write_json("layers.json", {"generator": "scripts/make_network_fixtures.py", "cases": layer_cases()})
    write_json("mlp.json", {"generator": "scripts/make_network_fixtures.py", **mlp_case()})
    save_file(expected_swift_checkpoint(), os.path.join(FIXTURES, "python.safetensors"),
              metadata={"format": "pt", "writer": "python"})
    save_file({"scale": torch.tensor([0.25, -2.0, 1e-3], dtype=torch.float64),
               "temperature": torch.tensor(1.5, dtype=torch.float32),
               "table": torch.linspace(-1, 1, 12, dtype=torch.float32).reshape(3, 2, 2)},
              os.path.join(FIXTURES, "python_mixed.safetensors"), metadata={"note": "mixed dtypes"})
    print("wrote", sorted(os.listdir(FIXTURES)))


def verify(path):
    tensors = load_file(path)
    expected = expected_swift_checkpoint()
    assert set(tensors) == set(expected), f"names {sorted(tensors)} != {sorted(expected)}"
    for name, tensor in expected.items():
        assert tensors[name].dtype == torch.float32, f"{name}: dtype {tensors[name].dtype}"
        assert tensors[name].shape == tensor.shape, f"{name}: shape {tuple(tensors[name].shape)}"
        assert torch.equal(tensors[name], tensor), f"{name}: values {tensors[name]}"
    with safe_open(path, framework="pt") as file:
        metadata = file.metadata()
    assert metadata == {"format": "pt", "writer": "swift"}, f"metadata {metadata}"
    model = torch.nn.Sequential(torch.nn.Linear(3, 2))
    model.load_state_dict({name.replace("layers.", ""): value for name, value in tensors.items()})
    output = model(torch.ones(1, 3))
    assert torch.allclose(output, torch.tensor([[-0.25, 3.5]])), f"output {output}"
    print(f"ok: {path} read by safetensors {__import__('safetensors').__version__}: "
          f"{ {k: tuple(v.shape) for k, v in tensors.items()} }, metadata {metadata}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "verify":
        verify(sys.argv[2])
    elif len(sys.argv) == 1:
        generate()
    else:
        sys.exit(__doc__)
