#!/usr/bin/env python3
"""PyTorch reference of the engine benchmarks in Sources/EngineBenchmark/main.swift: same shapes,
same work (forward, backward, plain SGD step), timed at 1 and 2 threads; prints the best.
Run: /tmp/torchenv/bin/python bench/engine/reference.py (see scripts/make_parity_fixtures.py for the venv)."""
import time

import torch


def best(repetitions, body):
    """Best wall-clock and process CPU seconds (CPU time stays meaningful on a busy machine)."""
    body()
    wall, cpu = float("inf"), float("inf")
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.process_time()
        body()
        wall, cpu = min(wall, time.perf_counter() - start), min(cpu, time.process_time() - cpu_start)
    return wall, cpu


def gemm():
    a, b = torch.randn(100, 1450), torch.randn(1450, 600)
    return 2 * 100 * 1450 * 600 / best(50, lambda: a @ b)[0] / 1e9


def multivae_epoch():
    users, items, batch = 750, 1450, 100
    torch.manual_seed(7)
    clicks = (torch.rand(users, items) < 0.05).float()
    shapes = [(items, 600), (600,), (600, 400), (400,), (200, 600), (600,), (600, items), (items,)]
    parameters = [(torch.randn(*s) * 0.01).requires_grad_() for s in shapes]

    def epoch():
        for start in range(0, users, batch):
            x = clicks[start:start + batch]
            noise = torch.randn(x.shape[0], 200)
            w1, b1, w2, b2, w3, b3, w4, b4 = parameters
            hidden = torch.tanh(x @ w1 + b1)
            statistics = hidden @ w2 + b2
            mean, log_variance = statistics[:, :200], statistics[:, 200:]
            z = mean + noise * torch.exp(0.5 * log_variance)
            logits = torch.tanh(z @ w3 + b3) @ w4 + b4
            likelihood = (torch.log_softmax(logits, 1) * x).sum(1).mean()
            kl = -0.5 * (1 + log_variance - mean ** 2 - log_variance.exp()).sum(1).mean()
            loss = 0.2 * kl - likelihood
            for p in parameters:
                p.grad = None
            loss.backward()
            with torch.no_grad():
                for p in parameters:
                    p -= 1e-3 * p.grad

    return best(3, epoch)


def vqvae_epoch():
    torch.manual_seed(3)
    images = torch.rand(4500, 1, 28, 28)
    shapes = [(32, 1, 4, 4), (32, 1, 1), (64, 32, 4, 4), (64, 1, 1), (16, 64, 1, 1), (16, 1, 1), (64, 16),
              (64, 16, 1, 1), (64, 1, 1), (64, 32, 4, 4), (32, 1, 1), (32, 1, 4, 4), (1, 1, 1)]
    p = [(torch.randn(*s) * 0.05).requires_grad_() for s in shapes]
    conv, convT = torch.nn.functional.conv2d, torch.nn.functional.conv_transpose2d

    def epoch():
        for start in range(0, 4500, 64):
            x = images[start:start + 64]
            h1 = torch.relu(conv(x, p[0], stride=2, padding=1) + p[1])
            h2 = torch.relu(conv(h1, p[2], stride=2, padding=1) + p[3])
            encoded = conv(h2, p[4]) + p[5]
            flat = encoded.permute(0, 2, 3, 1).reshape(-1, 16)
            d = (flat.detach() ** 2).sum(1, keepdim=True) + (p[6] ** 2).sum(1) - 2 * flat.detach() @ p[6].T
            quantized = p[6][d.argmin(1)]
            codebook = ((quantized - flat.detach()) ** 2).mean()
            commitment = ((flat - quantized.detach()) ** 2).mean()
            st = flat + (quantized - flat).detach()
            decoder_input = st.reshape(x.shape[0], 7, 7, 16).permute(0, 3, 1, 2)
            d1 = torch.relu(conv(decoder_input, p[7]) + p[8])
            d2 = torch.relu(convT(d1, p[9], stride=2, padding=1) + p[10])
            reconstruction = convT(d2, p[11], stride=2, padding=1) + p[12]
            loss = ((reconstruction - x) ** 2).mean() + codebook + 0.25 * commitment
            for q in p:
                q.grad = None
            loss.backward()
            with torch.no_grad():
                for q in p:
                    q -= 1e-3 * q.grad

    return best(1, epoch)


results = {}
for threads in (1, 2):
    torch.set_num_threads(threads)
    results[threads] = (gemm(), multivae_epoch(), vqvae_epoch())
    gflops, multivae, vqvae = results[threads]
    print(f"torch {threads} thread(s): sgemm 100x1450x600 {gflops:.1f} GFLOP/s")
    print(f"  multivae epoch dense: {multivae[0]:.4f} s wall, {multivae[1]:.4f} s CPU")
    print(f"  vqvae epoch: {vqvae[0]:.4f} s wall, {vqvae[1]:.4f} s CPU")
