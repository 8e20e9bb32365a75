#!/usr/bin/env python3
"""PyTorch reference of the engine benchmarks in Sources/EngineBenchmark/main.swift: same shapes,
same work (forward, backward, plain SGD step), timed at 1 and 2 threads; prints the best.
Run: /tmp/torchenv/bin/python bench/engine/reference.py (see scripts/make_parity_fixtures.py for the venv)."""
import time

import torch


def best(repetitions, body):
    body()
    fastest = float("inf")
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def gemm():
    a, b = torch.randn(100, 1450), torch.randn(1450, 600)
    return 2 * 100 * 1450 * 600 / best(50, lambda: a @ b) / 1e9


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


results = {}
for threads in (1, 2):
    torch.set_num_threads(threads)
    results[threads] = (gemm(), multivae_epoch())
    print(f"torch {threads} thread(s): sgemm 100x1450x600 {results[threads][0]:.1f} GFLOP/s, "
          f"multivae epoch dense {results[threads][1]:.4f} s")
print(f"torch best: multivae epoch dense {min(r[1] for r in results.values()):.4f} s")
