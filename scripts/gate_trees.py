"""Gradient-boosted trees for the finding gate (scripts/gate_training.py): second-order
boosting of shallow trees on quantile thresholds, in numpy, deterministic. A tree is a tuple of
nodes (feature, threshold, left, right, value), feature -1 for a leaf, as
bot/core/gate.py's `TreeModel` reads them."""

from __future__ import annotations

import numpy as np

ROUNDS = 100
RATE = 0.1
DEPTH = 2
MIN_LEAF = 5
LAMBDA = 1.0  # L2 on leaf values
QUANTILES = np.linspace(0.05, 0.95, 19)

Node = tuple[int, float, int, int, float]
Trees = tuple[float, float, tuple[tuple[Node, ...], ...]]


def fit_trees(x: np.ndarray, y: np.ndarray) -> Trees:
    """(base log-odds, rate, trees) fitted to labels `y` (0/1) of rows `x`."""
    n, k = x.shape
    ybar = min(max(float(y.mean()), 1e-3), 1 - 1e-3)
    base = round(float(np.log(ybar / (1 - ybar))), 6)
    f = np.full(n, base)
    cuts = [np.round(np.unique(np.quantile(x[:, j], QUANTILES)), 6) for j in range(k)]
    below = [x[:, j][None, :] <= cuts[j][:, None] for j in range(k)]  # cut x row
    trees: list[tuple[Node, ...]] = []
    for _ in range(ROUNDS):
        p = 1 / (1 + np.exp(-f))
        tree, out = _grow(x, cuts, below, p - y, p * (1 - p))
        trees.append(tree)
        f = f + RATE * out
    return base, RATE, tuple(trees)


def _grow(
    x: np.ndarray, cuts: list[np.ndarray], below: list[np.ndarray], g: np.ndarray, h: np.ndarray
) -> tuple[tuple[Node, ...], np.ndarray]:
    """One tree on gradients `g` and hessians `h`, and its leaf value for each row."""
    n, k = x.shape
    nodes: list[Node] = []
    out = np.zeros(n)

    def build(rows: np.ndarray, depth: int) -> int:
        total_g, total_h = float(g[rows].sum()), float(h[rows].sum())
        at = len(nodes)
        nodes.append((-1, 0.0, 0, 0, 0.0))
        best: tuple[float, int, float] | None = None
        count = int(rows.sum())
        if depth > 0 and count >= 2 * MIN_LEAF:
            parent = total_g * total_g / (total_h + LAMBDA)
            for j in range(k):
                left = below[j] & rows[None, :]
                n_left = left.sum(axis=1)
                g_left, h_left = left @ g, left @ h
                gain = (
                    g_left * g_left / (h_left + LAMBDA)
                    + (total_g - g_left) ** 2 / (total_h - h_left + LAMBDA)
                    - parent
                )
                gain = np.where((n_left >= MIN_LEAF) & (count - n_left >= MIN_LEAF), gain, -1)
                i = int(np.argmax(gain))
                if gain[i] > 1e-9 and (best is None or gain[i] > best[0]):
                    best = (float(gain[i]), j, float(cuts[j][i]))
        if best is None:
            value = round(-total_g / (total_h + LAMBDA), 6)
            nodes[at] = (-1, 0.0, 0, 0, value)
            out[rows] = value
            return at
        _, j, cut = best
        goes_left = x[:, j] <= cut
        left_at = build(rows & goes_left, depth - 1)
        right_at = build(rows & ~goes_left, depth - 1)
        nodes[at] = (j, cut, left_at, right_at, 0.0)
        return at

    build(np.ones(n, dtype=bool), DEPTH)
    return tuple(nodes), out


def predict_trees(model: Trees, x: np.ndarray) -> np.ndarray:
    base, rate, trees = model
    z = np.full(len(x), base)
    for tree in trees:
        for i, row in enumerate(x):
            node = tree[0]
            while node[0] >= 0:
                node = tree[node[2]] if row[node[0]] <= node[1] else tree[node[3]]
            z[i] += rate * node[4]
    return np.asarray(1 / (1 + np.exp(-np.clip(z, -30, 30))))
