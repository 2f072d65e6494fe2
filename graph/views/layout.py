"""Deterministic 2-D positions for the HTML view, computed in Python so the browser draws at once.

vis-network's own physics needs minutes to settle past ~1,000 nodes (measured), so the page ships
positions and starts with physics off. The layout here is a force-directed (Fruchterman-Reingold)
layout in numpy: exact repulsion for small components and repulsion from a fixed-size random sample
of nodes per iteration for large ones (O(n) per iteration instead of O(n²)), with a fixed seed, so
the same graph always gets the same picture. Connected components are laid out separately and
packed in rows, largest first, so small components do not fly off to the edges of the canvas.

Example:
    >>> pos = spring_positions(3, [(0, 1, 1.0), (1, 2, 1.0)])
    >>> pos.shape
    (3, 2)
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

EXACT_LIMIT = 400  # up to this many nodes a component gets exact O(n²) repulsion
SAMPLE = 160  # nodes sampled for repulsion per iteration in larger components
SPACING = 110.0  # target edge length in the page's coordinates (pixels at zoom 1)
GAP = SPACING * 0.25  # between packed components


def spring_positions(
    n: int, edges: Sequence[tuple[int, int, float]], *, seed: int = 42, iterations: int | None = None
) -> Any:
    """Positions (an ``n × 2`` numpy array, unit scale) for nodes ``0..n-1`` joined by weighted edges.

    Args:
        n: number of nodes.
        edges: ``(i, j, weight)`` triples; repeated pairs add up.
        seed: seed of the random start and of the repulsion samples.
        iterations: force iterations (default: 60-150 depending on size).
    """
    import numpy as np

    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2), dtype=np.float64)
    if n == 1:
        return np.zeros((1, 2), dtype=np.float64)
    iters = iterations or (150 if n <= EXACT_LIMIT else 100)
    # start on a golden-angle spiral (even spread) with a little noise, not a uniform square
    idx = np.arange(n, dtype=np.float64)
    radius = np.sqrt((idx + 0.5) / n)
    theta = idx * math.pi * (3.0 - math.sqrt(5.0))
    p = np.stack([radius * np.cos(theta), radius * np.sin(theta)], axis=1)
    p += rng.normal(0.0, 0.01, p.shape)
    p = p[rng.permutation(n)]
    if edges:
        arr = np.asarray(edges, dtype=np.float64)
        src, dst, w = arr[:, 0].astype(np.int64), arr[:, 1].astype(np.int64), arr[:, 2]
        w = 1.0 + 0.3 * np.log(w)  # many events between two actors pull a little harder (room for the fan)
    else:
        src = dst = np.zeros(0, dtype=np.int64)
        w = np.zeros(0)
    k = math.sqrt(1.0 / n)  # optimal distance in a unit area
    temp = 0.1
    cool = temp / (iters + 1)
    sample = min(n, SAMPLE)
    everyone = np.arange(n)
    for _ in range(iters):
        others = everyone if n <= EXACT_LIMIT else rng.choice(n, size=sample, replace=False)
        x, y = p[:, 0], p[:, 1]
        dx = x[:, None] - x[None, others]
        dy = y[:, None] - y[None, others]
        d2 = dx * dx + dy * dy
        np.maximum(d2, 1e-6, out=d2)
        force = (k * k) / d2
        scale = 1.0 if n <= EXACT_LIMIT else (n - 1) / sample
        disp = np.stack([(dx * force).sum(1), (dy * force).sum(1)], axis=1) * scale
        if len(src):
            de = p[src] - p[dst]
            dist = np.sqrt(de[:, 0] * de[:, 0] + de[:, 1] * de[:, 1]) + 1e-9
            pull = w * dist / k
            for axis in (0, 1):
                fa = pull * de[:, axis]
                disp[:, axis] += np.bincount(dst, fa, minlength=n) - np.bincount(src, fa, minlength=n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        p += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    p -= p.mean(axis=0)
    return p


def _components(n: int, pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda c: (-len(c), c[0]))


def layout(
    nodes: Sequence[Hashable], links: Iterable[tuple[Hashable, Hashable]], *, seed: int = 42
) -> dict[Hashable, tuple[float, float]]:
    """Page coordinates for each node: components laid out separately and packed, largest first.

    Args:
        nodes: node ids.
        links: node pairs (direction ignored, repeats give weight, self-loops ignored).
        seed: fixed seed, so one graph always gets one picture.

    Example:
        >>> pos = layout(["a", "b", "c"], [("a", "b")])
        >>> sorted(pos) == ["a", "b", "c"] and pos["a"] != pos["b"]
        True
    """
    index = {node: i for i, node in enumerate(nodes)}
    weights: dict[tuple[int, int], float] = {}
    for a, b in links:
        i, j = index[a], index[b]
        if i != j:
            key = (i, j) if i < j else (j, i)
            weights[key] = weights.get(key, 0.0) + 1.0
    comps = _components(len(index), weights)
    member = {}
    for c, comp in enumerate(comps):
        for local, i in enumerate(comp):
            member[i] = (c, local)
    comp_edges: list[list[tuple[int, int, float]]] = [[] for _ in comps]
    for (i, j), wt in weights.items():
        c, li = member[i]
        comp_edges[c].append((li, member[j][1], wt))
    placed: list[tuple[list[int], Any, float]] = []
    for c, comp in enumerate(comps):
        pos = _scaled(spring_positions(len(comp), comp_edges[c], seed=seed + c))
        radius = GAP if len(comp) == 1 else float(max((pos * pos).sum(1).max() ** 0.5, GAP))
        placed.append((comp, pos, radius))
    return _pack(nodes, placed)


def _scaled(pos: Any) -> Any:
    """Unit-scale positions to page coordinates: the median distance to the nearest neighbour becomes
    about one spacing (more in small components, which have room for labels and parallel edges)."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos * 0.0
    nearest = np.empty(n)
    for start in range(0, n, 512):  # chunked: memory stays O(512 n)
        block = pos[start : start + 512]
        d2 = ((block[:, None, :] - pos[None, :, :]) ** 2).sum(-1)
        d2[np.arange(len(block)), np.arange(start, start + len(block))] = np.inf
        nearest[start : start + len(block)] = np.sqrt(d2.min(1))
    target = SPACING * (1.3 if n <= 30 else 0.8)
    return pos * (target / max(float(np.median(nearest)), 1e-9))


def _pack(nodes: Sequence[Hashable], placed: list[tuple[list[int], Any, float]]) -> dict[Hashable, tuple[float, float]]:
    """Rows of components (each a disc of its radius) under the largest, centred, like text lines."""
    out: dict[Hashable, tuple[float, float]] = {}
    if not placed:
        return out
    width = max(2 * placed[0][2], 2 * SPACING * math.sqrt(sum(len(c) for c, _, _ in placed)) * 0.7)
    y = 0.0
    row: list[tuple[list[int], Any, float]] = []
    row_w = 0.0
    rows: list[list[tuple[list[int], Any, float]]] = []
    for item in placed:
        d = 2 * item[2] + GAP
        if row and row_w + d > width:
            rows.append(row)
            row, row_w = [], 0.0
        row.append(item)
        row_w += d
    rows.append(row)
    for r in rows:
        height = max(2 * it[2] for it in r)
        total = sum(2 * it[2] + GAP for it in r)
        x = -total / 2
        for comp, pos, rad in r:
            cx, cy = x + rad, y + height / 2
            for local, i in enumerate(comp):
                out[nodes[i]] = (round(float(pos[local][0]) + cx, 1), round(float(pos[local][1]) + cy, 1))
            x += 2 * rad + GAP
        y += height + GAP
    return out
