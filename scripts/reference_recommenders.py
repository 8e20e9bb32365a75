#!/usr/bin/env python3
"""PyTorch references for the recommenders in Sources/Models/Recommenders, on our own splits.

Jobs:

  autorec   d2l's I-AutoRec (chapter "AutoRec: Rating Prediction with Autoencoders", MXNet Gluon)
            re-done in PyTorch with Gluon's semantics: item rows of users' ratings, hidden 500
            sigmoid, dropout 0.05 after the sigmoid, weights N(0, 0.01²) and biases zero,
            `L2Loss` (½ · mean over the row's columns of the masked squared error) summed over the
            batch and `trainer.step(batch_size)` (so the gradient is that of ½ · mean over rows ×
            columns), MXNet's Adam (lr 0.002, wd 1e-5 added to the rescaled gradient of every
            parameter, biases included; ε added to √v before bias correction), batches of 256 with
            Gluon's `last_batch="rollover"` (`--last-batch keep` takes a short last batch, as our
            `fit` does), 25 epochs. d2l's evaluator does not clip; both the unclipped and the
            clipped-to-1…5 test RMSE are printed each epoch.
  fixture   writes Tests/ModelsTests/RecommenderParityFixture.swift: two optimizer steps of a tiny
            I-AutoRec (weight decay 0.5, so coupled decay shows), one of a tiny Multi-DAE and Multi-VAE (8 users × 12 items, fixed weights, dropout off, the
            Multi-VAE's reparameterisation noise given), and one encoder and one decoder step of a
            tiny RecVAE (noise given), with torch.optim.Adam — the loss and every
            parameter after the step — which RecommenderParityTests compares.
  multivae  Liang et al.'s Multi-VAE (dawenl/vae_cf; the PyTorch port's model and loss), 600-200,
            tanh, dropout 0.5 on the L2-normalised input, Adam 1e-3, batch 100, β = min(0.2,
            step / 20,000), the epoch with the best validation NDCG@100 kept and scored on test
            (NDCG@100 and Liang's Recall@k, which divides by min(k, relevant)). Weights are
            initialised as vae_cf does (Xavier uniform, biases truncated N(0, 0.001²)), or as the
            PyTorch port does with `--initialisation port`.
  recbole   RecBole 1.2.1's MultiVAE or MultiDAE (`--model`) under its default protocol, re-done in
            PyTorch from the 1.2.1 wheel's code: the per-user 0.8/0.1/0.1 split written for
            `--split-seed`, batches of 2048 training *interactions* (one user row each, reshuffled
            every epoch), Xavier-normal weights and zero biases, Adam 1e-3; MultiVAE 600-128 (z of 64,
            ε ~ N(0, 0.01²)), β = min(0.2, step / 200,000); MultiDAE 600-64-600 with tanh after every
            layer but the last; validation MRR@10 every epoch, stop after 10 epochs without a new
            best, the best epoch's weights scored on test (training and validation items masked):
            NDCG@10 and MRR@10.

The splits are ours, written by the fidelity tests (Tests/ModelsTests/RecommenderFidelityTests.swift,
RecBoleProtocolFidelityTests.swift):

    SWIFT_EXPERIMENTS_FIDELITY=1 SWIFT_EXPERIMENTS_SPLITS=/tmp/splits make swift-test \\
        SWIFT_TEST_ARGS="--filter ModelsTests.RecommenderFidelity"
    SWIFT_EXPERIMENTS_FIDELITY=1 SWIFT_EXPERIMENTS_FIDELITY_SEEDS=2020,2021 SWIFT_EXPERIMENTS_SPLITS=/tmp/splits \\
        make swift-test SWIFT_TEST_ARGS="--filter RecBoleProtocolFidelityTests/exportSplits"

Runs on CPU torch in a throwaway venv, by hand (CI never needs torch):

    python3 -m venv /tmp/torchenv && /tmp/torchenv/bin/pip install torch numpy
    /tmp/torchenv/bin/python scripts/reference_recommenders.py autorec --splits /tmp/splits --seed 1
    /tmp/torchenv/bin/python scripts/reference_recommenders.py multivae --splits /tmp/splits --seed 1
    /tmp/torchenv/bin/python scripts/reference_recommenders.py recbole --model multivae --splits /tmp/splits --split-seed 2020
    /tmp/torchenv/bin/python scripts/reference_recommenders.py fixture
"""
import argparse
import math
import os
import pathlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


# ----------------------------------------------------------------------------- data


def read_matrix(path):
    """A `rows columns` header line, then `row column value` lines → a dense float32 tensor."""
    with open(path) as file:
        rows, columns = (int(word) for word in file.readline().split())
        matrix = np.zeros((rows, columns), dtype=np.float32)
        body = np.loadtxt(file, dtype=np.float64, ndmin=2)
    if body.size:
        matrix[body[:, 0].astype(int), body[:, 1].astype(int)] = body[:, 2]
    return torch.from_numpy(matrix)


# ----------------------------------------------------------------------------- AutoRec (d2l)


class AutoRec(nn.Module):
    """d2l's AutoRec block: encoder Dense(sigmoid), dropout, decoder Dense; masked in training."""

    def __init__(self, width, hidden, dropout):
        super().__init__()
        self.encoder = nn.Linear(width, hidden)
        self.decoder = nn.Linear(hidden, width)
        self.dropout = nn.Dropout(dropout)
        for layer in (self.encoder, self.decoder):
            nn.init.normal_(layer.weight, 0.0, 0.01)   # mx.init.Normal(0.01) reaches weights only
            nn.init.zeros_(layer.bias)                 # Dense's bias_initializer='zeros'

    def forward(self, rows):
        prediction = self.decoder(self.dropout(torch.sigmoid(self.encoder(rows))))
        return prediction * torch.sign(rows) if self.training else prediction


class MXNetAdam:
    """mxnet.optimizer.Adam with `rescale_grad` = 1 / batch size: g ← rescale·g + wd·w;
    m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; w ← w − lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m / (√v + ε)."""

    def __init__(self, parameters, lr, wd, beta1=0.9, beta2=0.999, epsilon=1e-8):
        self.parameters = list(parameters)
        self.lr, self.wd, self.beta1, self.beta2, self.epsilon = lr, wd, beta1, beta2, epsilon
        self.moments = [(torch.zeros_like(p), torch.zeros_like(p)) for p in self.parameters]
        self.t = 0

    @torch.no_grad()
    def step(self, rescale):
        self.t += 1
        rate = self.lr * math.sqrt(1 - self.beta2 ** self.t) / (1 - self.beta1 ** self.t)
        for parameter, (mean, variance) in zip(self.parameters, self.moments):
            gradient = parameter.grad * rescale + self.wd * parameter
            mean.mul_(self.beta1).add_(gradient, alpha=1 - self.beta1)
            variance.mul_(self.beta2).addcmul_(gradient, gradient, value=1 - self.beta2)
            parameter.sub_(rate * mean / (variance.sqrt() + self.epsilon))
            parameter.grad = None


def rollover_batches(count, batch_size, generator, last_batch):
    """Gluon's BatchSampler over a shuffled RandomSampler, one epoch per call; with "rollover" the
    leftover of an epoch is prepended to the next epoch's order, with "keep" it is a short batch."""
    carried = []
    while True:
        batch, carried = carried, []
        for index in torch.randperm(count, generator=generator).tolist():
            batch.append(index)
            if len(batch) == batch_size:
                yield batch
                batch = []
        if batch:
            if last_batch == "keep":
                yield batch
            else:
                carried = batch
        yield None   # end of epoch


def autorec(arguments):
    torch.manual_seed(arguments.seed)
    generator = torch.Generator().manual_seed(arguments.seed)
    # Users × items on disk; d2l's interaction matrix is items × users.
    train = read_matrix(os.path.join(arguments.splits, "autorec", "train.txt")).T.contiguous()
    test = read_matrix(os.path.join(arguments.splits, "autorec", "test.txt")).T.contiguous()
    model = AutoRec(train.shape[1], arguments.hidden, arguments.dropout)
    optimizer = MXNetAdam(model.parameters(), lr=arguments.lr, wd=arguments.wd)
    batches = rollover_batches(train.shape[0], arguments.batch_size, generator, arguments.last_batch)
    observed = test != 0
    for epoch in range(1, arguments.epochs + 1):
        model.train()
        losses = []
        while (batch := next(batches)) is not None:
            rows = train[batch]
            # L2Loss per row, backward of the per-row vector (a sum), trainer.step(len(batch)).
            loss = 0.5 * ((model(rows) - rows) ** 2).mean(dim=1)
            loss.sum().backward()
            optimizer.step(rescale=1.0 / len(batch))
            losses.append(loss.mean().item())
        model.eval()
        with torch.no_grad():
            reconstruction = model(train)
        errors = (test - reconstruction)[observed]
        clipped = (test - reconstruction.clamp(1, 5))[observed]
        print(f"epoch {epoch:2d} loss {np.mean(losses):.6f} test RMSE {errors.pow(2).mean().sqrt().item():.4f} "
              f"clipped {clipped.pow(2).mean().sqrt().item():.4f} steps {optimizer.t}", flush=True)


# ----------------------------------------------------------------------------- Multi-VAE (Liang et al.)


class MultiVAE(nn.Module):
    """vae_cf's MultiVAE as in the PyTorch port: q 600-(2·200), p 200-600-items, tanh between."""

    def __init__(self, items, hidden, latent, dropout, initialisation):
        super().__init__()
        self.latent = latent
        self.encoder = nn.ModuleList([nn.Linear(items, hidden), nn.Linear(hidden, 2 * latent)])
        self.decoder = nn.ModuleList([nn.Linear(latent, hidden), nn.Linear(hidden, items)])
        self.drop = nn.Dropout(dropout)
        for layer in list(self.encoder) + list(self.decoder):
            if initialisation == "tf":   # vae_cf: xavier_initializer (uniform), truncated_normal(0.001)
                nn.init.xavier_uniform_(layer.weight)
                nn.init.trunc_normal_(layer.bias, std=0.001, a=-0.002, b=0.002)
            else:                        # the PyTorch port: Xavier normal, N(0, 0.001²)
                fan_out, fan_in = layer.weight.shape
                layer.weight.data.normal_(0.0, math.sqrt(2.0 / (fan_in + fan_out)))
                layer.bias.data.normal_(0.0, 0.001)

    def forward(self, rows):
        h = self.drop(F.normalize(rows))
        h = self.encoder[1](torch.tanh(self.encoder[0](h)))
        mu, logvar = h[:, :self.latent], h[:, self.latent:]
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar) if self.training else mu
        return self.decoder[1](torch.tanh(self.decoder[0](z))), mu, logvar


def ndcg_at(scores, target, k):
    """Liang's NDCG_binary_at_k_batch, averaged over users with a non-empty target."""
    top = torch.topk(scores, k, dim=1).indices
    discounts = 1.0 / torch.log2(torch.arange(2, k + 2, dtype=torch.float64))
    hits = torch.gather(target, 1, top).double()
    dcg = (hits * discounts).sum(dim=1)
    counts = (target > 0).sum(dim=1)
    idcg = torch.stack([discounts[:min(int(n), k)].sum() for n in counts])
    keep = counts > 0
    return (dcg[keep] / idcg[keep]).mean().item()


def recall_at(scores, target, k):
    """Liang's Recall_at_k_batch: hits in the top k over min(k, target size)."""
    top = torch.topk(scores, k, dim=1).indices
    hits = torch.gather(target, 1, top).sum(dim=1).double()
    counts = (target > 0).sum(dim=1)
    keep = counts > 0
    return (hits[keep] / torch.clamp(counts[keep], max=k).double()).mean().item()


def multivae(arguments):
    torch.manual_seed(arguments.seed)
    np.random.seed(arguments.seed)
    folder = os.path.join(arguments.splits, "multivae")
    train = (read_matrix(os.path.join(folder, "train.txt")) > 0).float()
    held_out = {name: ((read_matrix(os.path.join(folder, f"{name}-foldin.txt")) > 0).float(),
                       (read_matrix(os.path.join(folder, f"{name}-target.txt")) > 0).float())
                for name in ("validation", "test")}
    model = MultiVAE(train.shape[1], arguments.hidden, arguments.latent, arguments.dropout, arguments.initialisation)
    optimizer = torch.optim.Adam(model.parameters(), lr=arguments.lr)

    def evaluate(name, ks=(100,)):
        fold_in, target = held_out[name]
        model.eval()
        with torch.no_grad():
            scores = model(fold_in)[0]
        scores[fold_in > 0] = -math.inf
        return ndcg_at(scores, target, 100), {k: recall_at(scores, target, k) for k in ks}

    update_count, best, best_state = 0, -1.0, None
    users = np.arange(train.shape[0])
    for epoch in range(1, arguments.epochs + 1):
        model.train()
        np.random.shuffle(users)
        for start in range(0, len(users), arguments.batch_size):
            rows = train[users[start:start + arguments.batch_size]]
            beta = min(arguments.anneal_cap, update_count / arguments.anneal_steps)
            logits, mu, logvar = model(rows)
            reconstruction = -torch.mean(torch.sum(F.log_softmax(logits, 1) * rows, -1))
            kl = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))
            optimizer.zero_grad()
            (reconstruction + beta * kl).backward()
            optimizer.step()
            update_count += 1
        ndcg, _ = evaluate("validation")
        if ndcg > best:
            best, best_epoch = ndcg, epoch
            best_state = {key: value.clone() for key, value in model.state_dict().items()}
        print(f"epoch {epoch:2d} β {beta:.4f} validation NDCG@100 {ndcg:.4f}", flush=True)
    model.load_state_dict(best_state)
    ndcg, recalls = evaluate("test", ks=(20, 50))
    print(f"best epoch {best_epoch} (validation NDCG@100 {best:.4f}): test NDCG@100 {ndcg:.4f} "
          f"Recall@20 {recalls[20]:.4f} Recall@50 {recalls[50]:.4f}")


# ----------------------------------------------------------------------------- RecBole's protocol


class RecBoleMultiVAE(nn.Module):
    """recbole/model/general_recommender/multivae.py: encoder items-600-128 (tanh between), μ and
    log σ² its two halves, decoder 64-600-items; ε ~ N(0, 0.01²) in training, z = μ otherwise."""

    def __init__(self, items, hidden=600, latent=128):
        super().__init__()
        self.half = latent // 2
        self.encoder = nn.Sequential(nn.Linear(items, hidden), nn.Tanh(), nn.Linear(hidden, latent))
        self.decoder = nn.Sequential(nn.Linear(self.half, hidden), nn.Tanh(), nn.Linear(hidden, items))

    def forward(self, rows):
        h = self.encoder(F.dropout(F.normalize(rows), 0.5, training=self.training))
        mu, logvar = h[:, :self.half], h[:, self.half:]
        z = mu + torch.zeros_like(mu).normal_(mean=0, std=0.01) * torch.exp(0.5 * logvar) if self.training else mu
        return self.decoder(z), mu, logvar

    def loss(self, rows, anneal):
        logits, mu, logvar = self(rows)
        kl = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1)) * anneal
        return -(F.log_softmax(logits, 1) * rows).sum(1).mean() + kl


class RecBoleMultiDAE(nn.Module):
    """recbole/model/general_recommender/multidae.py: MLPLayers items-600-64 with tanh after every
    layer, then 64-600-items with tanh between."""

    def __init__(self, items, hidden=600, latent=64):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(items, hidden), nn.Tanh(), nn.Linear(hidden, latent), nn.Tanh())
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.Tanh(), nn.Linear(hidden, items))

    def forward(self, rows):
        return (self.decoder(self.encoder(F.dropout(F.normalize(rows), 0.5, training=self.training))),)

    def loss(self, rows, anneal):
        return -(F.log_softmax(self(rows)[0], 1) * rows).sum(1).mean()


def top_k_metrics(scores, target, k=10):
    """RecBole's NDCG@k (ideal DCG over min(k, relevant)) and MRR@k, averaged over users with a target."""
    keep = target.sum(1) > 0
    scores, target = scores[keep], target[keep]
    top = torch.topk(scores, k, dim=1).indices
    hits = torch.gather(target, 1, top)
    discounts = 1.0 / torch.log2(torch.arange(2, k + 2, dtype=torch.float64))
    dcg = (hits.double() * discounts).sum(1)
    ideal = torch.cumsum(discounts, 0)[torch.clamp(target.sum(1).long(), max=k) - 1]
    first = torch.where(hits.sum(1) > 0, hits.argmax(1).double() + 1, torch.full((len(hits),), math.inf, dtype=torch.float64))
    return (dcg / ideal).mean().item(), (1.0 / first).mean().item()


def recbole(arguments):
    torch.manual_seed(arguments.seed)
    np.random.seed(arguments.seed)
    folder = os.path.join(arguments.splits, f"recbole-{arguments.split_seed}")
    train, validation, test = ((read_matrix(os.path.join(folder, f"{name}.txt")) > 0).float()
                               for name in ("train", "validation", "test"))
    model = {"multivae": RecBoleMultiVAE, "multidae": RecBoleMultiDAE}[arguments.model](train.shape[1])
    for module in model.modules():
        if isinstance(module, nn.Linear):
            nn.init.xavier_normal_(module.weight)
            nn.init.constant_(module.bias, 0)
    optimizer = torch.optim.Adam(model.parameters(), lr=arguments.lr)
    interaction_users = np.repeat(np.arange(train.shape[0]), train.sum(1).int().numpy())

    def evaluate(target, masks):
        model.eval()
        with torch.no_grad():
            scores = model(train)[0]
        for mask in masks:
            scores[mask > 0] = -math.inf
        return top_k_metrics(scores, target)

    update, best, best_epoch, best_state, waiting = 0, -1.0, 0, None, 0
    for epoch in range(1, arguments.epochs + 1):
        model.train()
        np.random.shuffle(interaction_users)
        for start in range(0, len(interaction_users), arguments.batch_size):
            update += 1
            loss = model.loss(train[interaction_users[start:start + arguments.batch_size]], min(0.2, update / 200_000))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        ndcg, mrr = evaluate(validation, [train])
        print(f"epoch {epoch:3d} validation MRR@10 {mrr:.4f} NDCG@10 {ndcg:.4f}", flush=True)
        if mrr >= best:  # RecBole's early_stopping keeps a tie as the new best
            best, best_epoch, waiting = mrr, epoch, 0
            best_state = {key: value.clone() for key, value in model.state_dict().items()}
        else:
            waiting += 1
            if waiting > 10:
                break
    model.load_state_dict(best_state)
    ndcg, mrr = evaluate(test, [train, validation])
    print(f"{arguments.model} split seed {arguments.split_seed}, torch seed {arguments.seed}: best epoch {best_epoch} "
          f"of {epoch}, test NDCG@10 {ndcg:.4f} MRR@10 {mrr:.4f}")


# ----------------------------------------------------------------------------- RecVAE (fixture only)


def log_norm_pdf(x, mu, logvar):
    return -0.5 * (logvar + math.log(2 * math.pi) + (x - mu).pow(2) / logvar.exp())


class RecVAEEncoder(nn.Module):
    """ilya-shenbin/RecVAE's Encoder: swish, LayerNorm(ε 0.1), dense skips, heads for μ and log σ²."""

    def __init__(self, items, hidden, latent):
        super().__init__()
        for index in range(1, 6):
            setattr(self, f"fc{index}", nn.Linear(items if index == 1 else hidden, hidden))
            setattr(self, f"ln{index}", nn.LayerNorm(hidden, eps=0.1))
        self.fc_mu = nn.Linear(hidden, latent)
        self.fc_logvar = nn.Linear(hidden, latent)

    def forward(self, x):
        x = x / x.pow(2).sum(dim=-1).sqrt()[:, None]
        outputs = []
        for index in range(1, 6):
            h = getattr(self, f"fc{index}")(x if index == 1 else outputs[-1]) + sum(outputs)
            outputs.append(getattr(self, f"ln{index}")(h * torch.sigmoid(h)))
        return self.fc_mu(outputs[-1]), self.fc_logvar(outputs[-1])


class RecVAE(nn.Module):
    """ilya-shenbin/RecVAE's VAE with the composite prior (3/20, 3/4, 1/10; wide log-variance 10)."""

    def __init__(self, items, hidden, latent):
        super().__init__()
        self.encoder = RecVAEEncoder(items, hidden, latent)
        self.prior = RecVAEEncoder(items, hidden, latent)
        self.prior.load_state_dict(self.encoder.state_dict())
        self.prior.requires_grad_(False)
        self.decoder = nn.Linear(latent, items)

    def loss(self, rows, noise, gamma):
        mu, logvar = self.encoder(rows)
        z = mu + noise * torch.exp(0.5 * logvar)
        mll = (F.log_softmax(self.decoder(z), dim=-1) * rows).sum(dim=-1).mean()
        old_mu, old_logvar = self.prior(rows)
        zero = torch.zeros_like(z)
        gaussians = [log_norm_pdf(z, zero, zero) + math.log(3 / 20),
                     log_norm_pdf(z, old_mu, old_logvar) + math.log(3 / 4),
                     log_norm_pdf(z, zero, zero + 10) + math.log(1 / 10)]
        prior = torch.logsumexp(torch.stack(gaussians, dim=-1), dim=-1)
        kld = (log_norm_pdf(z, mu, logvar) - prior).sum(dim=-1).mul(gamma * rows.sum(dim=-1)).mean()
        return -(mll - kld)


# ----------------------------------------------------------------------------- parity fixture

FIXTURE = pathlib.Path(__file__).resolve().parent.parent / "Tests" / "ModelsTests" / "RecommenderParityFixture.swift"


def swift_array(values):
    return "[" + ", ".join(f"{float(v):.9g}" for v in torch.as_tensor(values).flatten().tolist()) + "]"


def one_step(model, loss_function, optimizer, steps=1):
    """The first step's loss, and every parameter before and after `steps` optimizer steps."""
    initial = {name: p.detach().clone() for name, p in model.named_parameters()}
    losses = []
    for _ in range(steps):
        loss = loss_function()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return losses[0], initial, {name: p.detach().clone() for name, p in model.named_parameters()}


def fixture_section(name, comment, loss, initial, updated, names, with_initial=True):
    lines = [f"    /// {comment}", f"    enum {name} {{", f"        static let loss: Float = {loss:.9g}"]
    for title, table in (("initial", initial), ("updated", updated)):
        if title == "initial" and not with_initial:
            continue
        lines.append(f"        static let {title}: [String: (shape: [Int], values: [Float])] = [")
        for key, tensor in table.items():
            lines.append(f'            "{names[key]}": ({list(tensor.shape)}, {swift_array(tensor)}),')
        lines.append("        ]")
    return lines + ["    }"]


def fixture(arguments):
    torch.manual_seed(0)
    users, items = 8, 12
    observed = torch.rand(users, items) < 0.45
    observed[torch.arange(users), torch.arange(users)] = True        # every user has an item
    ratings = torch.randint(1, 6, (users, items)).float() * observed
    clicks = observed.float()
    lines = ["// Generated by scripts/reference_recommenders.py fixture — do not edit by hand.",
             f"// torch.optim.Adam steps of tiny recommenders on {users} users × {items} items, dropout off.",
             "", "/// The PyTorch values RecommenderParityTests compares with.", "enum RecommenderParityFixture {",
             f"    static let users = {users}, items = {items}",
             f"    /// Ratings 1…5 (0 = unobserved), users × items, row-major.",
             f"    static let ratings: [Float] = {swift_array(ratings)}",
             f"    /// Implicit feedback (the observed pattern of `ratings`), users × items, row-major.",
             f"    static let clicks: [Float] = {swift_array(clicks)}"]

    # I-AutoRec, hidden 3: ½ · mean over item rows × user columns of the masked squared error. Two
    # steps with a large weight decay, so the coupled decay of weights and biases shows (Adam's first
    # step only sees the gradient's sign).
    autorec_model = AutoRec(users, 3, dropout=0.0)
    for layer in (autorec_model.encoder, autorec_model.decoder):
        nn.init.normal_(layer.bias, 0.0, 0.1)     # non-zero biases so their decay and gradients show
    rows = ratings.T.contiguous()
    optimizer = torch.optim.Adam(autorec_model.parameters(), lr=0.002, weight_decay=0.5)
    autorec_model.train()
    result = one_step(autorec_model, lambda: 0.5 * ((autorec_model(rows) - rows) ** 2).mean(), optimizer, steps=2)
    lines += fixture_section("AutoRec", "I-AutoRec, hidden 3, two steps of Adam(lr 0.002, weight decay 0.5).", *result,
                             {f"{layer}.{kind}": f"{layer}.{kind}" for layer in ("encoder", "decoder")
                              for kind in ("weight", "bias")})

    # Multi-DAE, hidden 4: multinomial log-likelihood of the normalised rows.
    dae = nn.ModuleDict({"encoder": nn.Linear(items, 4), "decoder": nn.Linear(4, items)})
    optimizer = torch.optim.Adam(dae.parameters(), lr=1e-3)
    loss = lambda: -torch.mean(torch.sum(F.log_softmax(
        dae["decoder"](torch.tanh(dae["encoder"](F.normalize(clicks)))), 1) * clicks, -1))
    lines += fixture_section("MultiDAE", "Multi-DAE, hidden 4, Adam(lr 1e-3).", *one_step(dae, loss, optimizer),
                             {f"{layer}.{kind}": f"{layer}.{kind}" for layer in ("encoder", "decoder")
                              for kind in ("weight", "bias")})

    # Multi-VAE 12-5-2, β = 0.2, with the reparameterisation noise fixed.
    vae = MultiVAE(items, 5, 2, 0.0, "port")
    noise = torch.randn(users, 2)
    optimizer = torch.optim.Adam(vae.parameters(), lr=1e-3)

    def vae_loss():
        h = vae.encoder[1](torch.tanh(vae.encoder[0](F.normalize(clicks))))
        mu, logvar = h[:, :2], h[:, 2:]
        logits = vae.decoder[1](torch.tanh(vae.decoder[0](mu + noise * torch.exp(0.5 * logvar))))
        reconstruction = -torch.mean(torch.sum(F.log_softmax(logits, 1) * clicks, -1))
        kl = -0.5 * torch.mean(torch.sum(1 + logvar - mu.pow(2) - logvar.exp(), dim=1))
        return reconstruction + 0.2 * kl

    names = {"encoder.0": "encoderHidden", "encoder.1": "encoderOutput", "decoder.0": "decoderHidden",
             "decoder.1": "decoderOutput"}
    lines += fixture_section("MultiVAE", "Multi-VAE 12-5-2, β = 0.2, Adam(lr 1e-3), with `noise` as ε.",
                             *one_step(vae, vae_loss, optimizer),
                             {f"{key}.{kind}": f"{value}.{kind}" for key, value in names.items()
                              for kind in ("weight", "bias")})
    lines.insert(lines.index("    /// Multi-VAE 12-5-2, β = 0.2, Adam(lr 1e-3), with `noise` as ε."),
                 f"    /// The Multi-VAE's reparameterisation noise ε, users × latent.\n"
                 f"    static let noise: [Float] = {swift_array(noise)}")
    # RecVAE 12-4-2, γ = 0.005: one encoder step (the prior a copy of the encoder), one decoder step.
    recvae = RecVAE(items, 4, 2)
    recvae_noise = torch.randn(users, 2)
    names = {"decoder": "decoder", "encoder.fc_mu": "encoder.meanHead", "encoder.fc_logvar": "encoder.logVarianceHead"}
    for index in range(5):
        names[f"encoder.fc{index + 1}"] = f"encoder.layers.{index}"
        names[f"encoder.ln{index + 1}"] = f"encoder.norms.{index}"
    names.update({f"prior.{key[len('encoder.'):]}": f"priorEncoder.{value[len('encoder.'):]}"
                  for key, value in list(names.items()) if key.startswith("encoder.")})
    names = {f"{key}.{kind}": f"{value}.{kind}" for key, value in names.items() for kind in ("weight", "bias")}
    lines.append("    /// RecVAE's reparameterisation noise ε, users × latent.")
    lines.append(f"    static let recVAENoise: [Float] = {swift_array(recvae_noise)}")
    initial_state = {key: value.clone() for key, value in recvae.state_dict().items()}
    for part, title in (("encoder", "RecVAEEncoderStep"), ("decoder", "RecVAEDecoderStep")):
        recvae.load_state_dict(initial_state)
        optimizer = torch.optim.Adam(getattr(recvae, part).parameters(), lr=5e-4)
        lines += fixture_section(title, f"RecVAE 12-4-2, γ = 0.005: one Adam(lr 5e-4) step of the {part} only"
                                 + (" (from RecVAEEncoderStep.initial)." if part == "decoder" else "."),
                                 *one_step(recvae, lambda: recvae.loss(clicks, recvae_noise, gamma=0.005), optimizer),
                                 names, with_initial=part == "encoder")
    lines.append("}")
    FIXTURE.write_text("\n".join(lines) + "\n")
    print(f"wrote {FIXTURE}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("job", choices=["autorec", "multivae", "recbole", "fixture"])
    parser.add_argument("--splits", help="the folder SWIFT_EXPERIMENTS_SPLITS named (autorec, multivae)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--batch-size", type=int)
    parser.add_argument("--lr", type=float)
    parser.add_argument("--hidden", type=int)
    parser.add_argument("--dropout", type=float)
    parser.add_argument("--wd", type=float, default=1e-5, help="AutoRec: MXNet Adam's coupled weight decay")
    parser.add_argument("--last-batch", choices=["rollover", "keep"], default="rollover", help="AutoRec")
    parser.add_argument("--latent", type=int, default=200, help="Multi-VAE")
    parser.add_argument("--anneal-cap", type=float, default=0.2, help="Multi-VAE")
    parser.add_argument("--anneal-steps", type=int, default=20_000, help="Multi-VAE")
    parser.add_argument("--initialisation", choices=["tf", "port"], default="tf", help="Multi-VAE")
    parser.add_argument("--model", choices=["multivae", "multidae"], default="multivae", help="recbole")
    parser.add_argument("--split-seed", type=int, default=2020, help="recbole: the split's seed (its folder)")
    arguments = parser.parse_args()
    defaults = {"autorec": dict(epochs=25, batch_size=256, lr=0.002, hidden=500, dropout=0.05),
                "multivae": dict(epochs=50, batch_size=100, lr=1e-3, hidden=600, dropout=0.5),
                "recbole": dict(epochs=300, batch_size=2048, lr=1e-3),
                "fixture": {}}[arguments.job]
    if arguments.job != "fixture" and arguments.splits is None:
        parser.error(f"{arguments.job} needs --splits")
    for name, value in defaults.items():
        if getattr(arguments, name) is None:
            setattr(arguments, name, value)
    torch.set_num_threads(arguments.threads)
    {"autorec": autorec, "multivae": multivae, "recbole": recbole, "fixture": fixture}[arguments.job](arguments)


if __name__ == "__main__":
    main()
