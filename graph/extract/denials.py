"""Denials linked to the stated reason of the sanction they answer."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from graph.model import Claim, Event, Modality

DENIAL_REACH = 3  # sentences between a sanction's stated reason and a denial that answers it


def _link_denials(
    events: list[Event], sanctions: list[Any], res: Any, mentions: list[Claim], claims: list[Claim]
) -> list[Event]:
    """A denial (016) answers the stated reason of a sanction: the one reported in its sentence (by the
    sanction's event or another mention of it), else the latest one before it (within a few sentences)
    that targets the denier or the denier's relatives."""
    from graph.extract.resolve import Resolved

    assert isinstance(res, Resolved)
    relatives: dict[str, set[str]] = {}
    for k in res.kin:
        relatives.setdefault(k.person, set()).add(k.relative)
    starts: dict[str, set[int]] = {}
    for c in mentions:
        if c.evidence is not None and c.evidence.start is not None:
            starts.setdefault(c.about, set()).add(c.evidence.start)
    out = []
    reasoned = sorted(
        (s for s in sanctions if s.reason and s.evidence is not None and s.evidence.start is not None),
        key=lambda s: s.evidence.start,
    )
    for ev in events:
        if ev.cameo == "016" and ev.evidence is not None and ev.evidence.start is not None:
            here = [
                s
                for s in reasoned
                if s.evidence.start == ev.evidence.start or ev.evidence.start in starts.get(s.event, ())
            ]
            near = False
            if not here and len(ev.actors) == 1:
                denier = ev.actors[0]
                concerned = {denier} | relatives.get(denier, set())
                here = [
                    s
                    for s in reasoned
                    if s.evidence.start < ev.evidence.start
                    and s.target in concerned
                    and 0 <= (ev.evidence.sentence_index or 0) - (s.evidence.sentence_index or 0) <= DENIAL_REACH
                ]
                here = here[-1:]
                near = True
            evidence = ev.evidence
            for s in here:
                targets = ev.targets or tuple(k for k in s.imposers if k not in ev.actors)
                ev = replace(ev, targets=targets, topic=ev.topic or s.reason)
                if near:
                    claims.append(
                        Claim(
                            s.reason,
                            Modality.DENIED,
                            ev.actors[0],
                            ev.confidence,
                            replace(evidence, rule="denial-of-reason"),
                        )
                    )
                break
        out.append(ev)
    return out
