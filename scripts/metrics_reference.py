#!/usr/bin/env python3
"""Reference values for the Datasets ranking and rating metrics, computed with numpy only.

Writes Tests/DatasetsTests/Fixtures/metrics_reference.json: per-user score rows (float32), relevant
and excluded items, and each metric's per-user value, so DatasetsTests can check the Swift
metrics on exactly the same scores. The implementations here follow the reference code and are
written independently of the Swift ones:

- NDCG@k and Liang's Recall@k (denominator min(k, |relevant|)) as in Liang et al.'s vae_cf notebook
  (`NDCG_binary_at_k_batch`, `Recall_at_k_batch`): excluded (fold-in) items get score -inf;
- Recall@k (denominator |relevant|), Precision@k (k), Hit@k, MRR@k as RecBole's metrics define them;
- AUC by comparing every (relevant, non-relevant) pair directly (ties count 1/2), not by ranks;
- RMSE and MAE on float32 predictions.

Ties in the ranking are broken towards the lower item index (a stable sort of -score).
Run: python3 scripts/metrics_reference.py   (seeded; rerunning gives the same file)
"""
from __future__ import annotations

import json
import pathlib

import numpy as np

USERS = 24
ITEMS = 40
CUTOFFS = [1, 3, 5, 10, 20]
OUTPUT = pathlib.Path(__file__).resolve().parent.parent / "Tests/DatasetsTests/Fixtures/metrics_reference.json"


def ranking(scores: np.ndarray, excluded: list[int]) -> np.ndarray:
    """Item indices by descending score, excluded items set to -inf first (Liang et al.)."""
    masked = scores.astype(np.float64).copy()
    masked[excluded] = -np.inf
    return np.argsort(-masked, kind="stable")


def ndcg(order: np.ndarray, relevant: set[int], k: int) -> float:
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    hits = np.array([1.0 if item in relevant else 0.0 for item in order[:k]])
    dcg = float((hits * discounts[: len(hits)]).sum())
    idcg = float(discounts[: min(len(relevant), k)].sum())
    return dcg / idcg


def hits_at(order: np.ndarray, relevant: set[int], k: int) -> int:
    return sum(1 for item in order[:k] if item in relevant)


def mrr(order: np.ndarray, relevant: set[int], k: int) -> float:
    for rank, item in enumerate(order[:k]):
        if item in relevant:
            return 1.0 / (rank + 1)
    return 0.0


def auc(scores: np.ndarray, relevant: set[int], excluded: set[int]) -> float | None:
    candidates = [item for item in range(len(scores)) if item not in excluded]
    positives = [scores[item] for item in candidates if item in relevant]
    negatives = [scores[item] for item in candidates if item not in relevant]
    if not positives or not negatives:
        return None
    total = 0.0
    for positive in positives:
        for negative in negatives:
            total += 1.0 if positive > negative else (0.5 if positive == negative else 0.0)
    return total / (len(positives) * len(negatives))


def main() -> None:
    generator = np.random.default_rng(20180423)
    users = []
    metrics: dict[str, list[float | None]] = {}
    for user in range(USERS):
        scores = generator.normal(size=ITEMS).astype(np.float32)
        if user % 4 == 1:
            scores = (np.round(scores * 2) / 2).astype(np.float32)  # many ties
        permutation = generator.permutation(ITEMS)
        relevant_count = int(generator.integers(1, 12))
        excluded_count = int(generator.integers(0, 10))
        relevant = sorted(int(item) for item in permutation[:relevant_count])
        excluded = sorted(int(item) for item in permutation[relevant_count: relevant_count + excluded_count])
        if user == USERS - 1:
            excluded = sorted(set(excluded) | set(relevant))  # every relevant item excluded: undefined
        users.append({"scores": [float(value) for value in scores], "relevant": relevant, "excluded": excluded})

        relevant_set = set(relevant) - set(excluded)
        order = ranking(scores, excluded)
        values: dict[str, float | None] = {}
        for k in CUTOFFS:
            if relevant_set:
                hits = hits_at(order, relevant_set, k)
                values[f"NDCG@{k}"] = ndcg(order, relevant_set, k)
                values[f"Recall@{k}"] = hits / len(relevant_set)
                values[f"TruncatedRecall@{k}"] = hits / min(k, len(relevant_set))
                values[f"Precision@{k}"] = hits / k
                values[f"Hit@{k}"] = 1.0 if hits > 0 else 0.0
                values[f"MRR@{k}"] = mrr(order, relevant_set, k)
            else:
                for name in ["NDCG", "Recall", "TruncatedRecall", "Precision", "Hit", "MRR"]:
                    values[f"{name}@{k}"] = None
        values["AUC"] = auc(scores, relevant_set, set(excluded)) if relevant_set else None
        for name, value in values.items():
            metrics.setdefault(name, []).append(value)

    predicted = (generator.uniform(1, 5, size=50)).astype(np.float32)
    observed = generator.integers(1, 6, size=50).astype(np.float32)
    difference = predicted.astype(np.float64) - observed.astype(np.float64)
    fixture = {
        "generator": "scripts/metrics_reference.py (numpy %s)" % np.__version__,
        "cutoffs": CUTOFFS,
        "users": users,
        "metrics": metrics,
        "ratings": {
            "predicted": [float(value) for value in predicted],
            "observed": [float(value) for value in observed],
            "RMSE": float(np.sqrt(np.mean(difference ** 2))),
            "MAE": float(np.mean(np.abs(difference))),
        },
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(fixture, indent=1) + "\n")
    print(f"metrics_reference: wrote {OUTPUT} ({USERS} users, {ITEMS} items)")


if __name__ == "__main__":
    main()
