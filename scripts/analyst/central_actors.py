"""The most central actors of the network, and the chains of events between two of them.

    python scripts/analyst/central_actors.py --top 10
    python scripts/analyst/central_actors.py --between Colombia "Gustavo Petro" --since 2025-01

Ranks actors by degree centrality (share of other actors they have an event with) and by
betweenness centrality (how often they sit on the shortest chains between others), lists the
communities of the network, and, with ``--between A B``, prints a shortest chain of events from A
to B hop by hop. Uses only the public API (``graph.open`` and ``graph.views.metrics``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import graph
from graph.views import metrics


def report(
    kg: graph.KnowledgeGraph, top: int, between: Sequence[str] | None, since: str | None, until: str | None
) -> list[str]:
    """The report, line by line."""
    nxg = kg.to_networkx(since=since, until=until, evidence=False)
    label = {n: nxg.nodes[n].get("label", n) for n in nxg.nodes}
    lines = [f"{nxg.number_of_nodes()} actors, {nxg.number_of_edges()} event edges"]
    lines.append("degree centrality:")
    lines += [f"  {score:.3f}  {label[n]}" for n, score in metrics.degree_centrality(nxg, top)]
    lines.append("betweenness centrality:")
    lines += [f"  {score:.3f}  {label[n]}" for n, score in metrics.betweenness_centrality(nxg, top)]
    lines.append("communities:")
    lines += [f"  {i}. " + ", ".join(sorted(label[n] for n in c)) for i, c in enumerate(metrics.communities(nxg), 1)]
    if between:
        a, b = (kg.actor(x) for x in between)
        steps = kg.path(a, b, since=since, until=until)
        lines.append(f"path from {a.label} to {b.label}: " + (f"{len(steps)} hop(s)" if steps else "none"))
        for i, s in enumerate(steps, 1):
            lines.append(f"  {i}. {s.source.label} -- {s.target.label}: {'; '.join(s.labels)}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", default=None, help="store location (default: as the diplograph command)")
    parser.add_argument("--top", type=int, default=10, help="how many actors per ranking (default 10)")
    parser.add_argument("--between", nargs=2, metavar=("A", "B"), help="also print a path from A to B")
    parser.add_argument("--since", metavar="DATE", help="first day, month or year")
    parser.add_argument("--until", metavar="DATE", help="last day, month or year")
    args = parser.parse_args(argv)
    try:
        with graph.open(args.store) as kg:
            print("\n".join(report(kg, args.top, args.between, args.since, args.until)))
    except graph.GraphError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2 if isinstance(exc, graph.QueryError) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
