"""Who sanctioned whom, with the sentences and articles that say so.

    python scripts/analyst/who_sanctioned_whom.py --store ./.diplograph-store
    python scripts/analyst/who_sanctioned_whom.py --by "United States" --on 2025-12 --format csv

For every sanction in the store (or those imposed by one actor, on one target, in force on a date):
the authority and the state it belongs to, the target, the program and start date, the stated
reason with who alleges and who denies it, then each source sentence with its outlet and date.
Uses only the public API (``graph.open``).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Sequence

import graph


def collect(kg: graph.KnowledgeGraph, by: str | None, target: str | None, on: str | None) -> list[dict[str, object]]:
    """One record per sanction, with its sources."""
    out = []
    for s in kg.sanctions(target=target, imposed_by=by, on=on):
        sources = kg.sources(s.sanction)
        out.append(
            {
                "authority": "; ".join(a.label for a in s.imposed_by),
                "state": "; ".join(a.label for a in s.authority_states),
                "target": s.target.label,
                "program": s.program,
                "since": s.start.isoformat() if s.start else None,
                "reason": s.reason,
                "alleged_by": "; ".join(a.label for a in s.reason_alleged_by),
                "denied_by": "; ".join(a.label for a in s.reason_denied_by),
                "sources": [
                    {
                        "outlet": e.outlet,
                        "published": e.published.isoformat() if e.published else None,
                        "title": e.title,
                        "url": e.url,
                        "sentence": e.sentence,
                    }
                    for e in sources
                ],
            }
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--store", default=None, help="store location (default: as the diplograph command)")
    parser.add_argument("--by", help="only sanctions imposed by this actor (a state includes its agencies)")
    parser.add_argument("--target", help="only sanctions on this actor")
    parser.add_argument("--on", metavar="DATE", help="only sanctions in force on this day, month or year")
    parser.add_argument("--format", choices=["text", "csv", "json"], default="text")
    args = parser.parse_args(argv)
    try:
        with graph.open(args.store) as kg:
            records = collect(kg, args.by, args.target, args.on)
    except graph.GraphError as exc:
        print(f"error: {exc.describe()}", file=sys.stderr)
        return 2 if isinstance(exc, graph.QueryError) else 1
    if args.format == "json":
        print(json.dumps(records, ensure_ascii=False, indent=1))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(
            [
                "authority",
                "state",
                "target",
                "program",
                "since",
                "reason",
                "alleged_by",
                "denied_by",
                "outlet",
                "published",
                "sentence",
            ]
        )
        for r in records:
            for src in r["sources"] or [{}]:  # type: ignore[attr-defined]
                writer.writerow(
                    [
                        r["authority"],
                        r["state"],
                        r["target"],
                        r["program"],
                        r["since"],
                        r["reason"],
                        r["alleged_by"],
                        r["denied_by"],
                        src.get("outlet"),
                        src.get("published"),
                        src.get("sentence"),
                    ]
                )
    else:
        for r in records:
            print(
                f"{r['authority']} ({r['state'] or '?'}) -> {r['target']}  since {r['since'] or '?'}"
                f"  program {r['program'] or '-'}"
            )
            if r["reason"]:
                print(
                    f"  reason: {r['reason']} (alleged by {r['alleged_by'] or '?'}; denied by {r['denied_by'] or '-'})"
                )
            for src in r["sources"]:  # type: ignore[attr-defined]
                print(f"  - {src['outlet']}, {src['published']}: {src['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
