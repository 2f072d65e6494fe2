"""Answers to accusations: a denial or rejection that names nobody answers the latest accuser.

"Canada accused India of backing the killing. [...] India denied working with criminals." The denial
names no addressee; a reader knows it answers Canada. A denial (CAMEO 016) or rejection (12) without
a target takes as its target the source of the latest earlier accusation or criticism (11) aimed at
the denier or at the denier's state, within the article (or told later in the denial's own sentence), and its
rule says so (``/answers-accusation``).
Without such an accusation it stays without target (and is not a relation).
"""

from __future__ import annotations

from graph.extract.events import Found, state_of
from graph.extract.resolve import Resolved

ANSWER_ROOTS = ("016", "12")
ACCUSATION_ROOT = "11"


def find(found: list[Found], res: Resolved) -> list[Found]:
    """``found`` with targetless denials and rejections aimed at their accuser (in place)."""
    ordered = sorted(found, key=lambda f: (f.sent_index, f.trigger))
    for n, f in enumerate(ordered):
        if not f.entry.code.startswith(ANSWER_ROOTS) or f.targets or f.participants or len(f.actors) != 1:
            continue
        denier = f.actors[0]
        sides = {denier, state_of(denier, res)}
        # the latest accusation before it, else one told later in its own sentence ("..., after a US official
        # said Iran was behind it")
        later = [g for g in ordered[n + 1 :] if g.sent_index == f.sent_index]
        for earlier in (*reversed(ordered[:n]), *later):
            if not earlier.entry.code.startswith(ACCUSATION_ROOT) or denier in earlier.actors:
                continue
            if sides & {*earlier.targets, *(state_of(t, res) for t in earlier.targets)}:
                f.targets = list(earlier.actors)
                f.rule += "/answers-accusation"
                f.confidence = round(max(0.05, f.confidence - 0.1), 2)
                break
    return found
