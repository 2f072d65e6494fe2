"""Which date each event mention gets: the date phrases of its sentence, placed by the parse.

Used by :class:`graph.extract.events.EventFinder`.
"""

from __future__ import annotations

from graph.extract.dates import DateMention
from graph.extract.lexicon import Entry
from graph.extract.nlp import Doc, Span, Token
from graph.model import DateRange


def date_tokens(doc: Doc, dates: list[DateMention]) -> list[tuple[int, int, DateMention]]:
    out = []
    for d in dates:
        if d.range is None or d.since:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end, d))
    return out


class DateAssigner:
    """Which date phrase of a sentence belongs to which trigger.

    A date belongs to the trigger it hangs from in the parse (not through the trigger's particle,
    "locked in February 3", nor through another clause with its own subject); a date just before
    an event noun ("the January 7 phone call") belongs to the noun; a subordinate trigger takes
    its governing trigger's date; a date hanging from no trigger goes to the nearest trigger
    that has none (weakly).
    """

    def __init__(
        self, sent: Span, spans: list[tuple[int, int, DateMention]], triggers: list[tuple[Token, Entry]], parsed: bool
    ) -> None:
        self.sent = sent
        self.local = [(s, e, d) for s, e, d in spans if sent.start <= s < sent.end and d.range is not None]
        self.parsed = parsed
        self.triggers = {t.i: e for t, e in triggers}
        self.owner: dict[int, int | None] = {}
        self.steps: dict[int, int] = {}
        doc = sent.doc
        for n, (s, e, _d) in enumerate(self.local):
            self.owner[n], self.steps[n] = self._climb(doc[s:e].root, s, e) if parsed else (None, 0)
            for t in triggers:  # "January 7 phone call", "a January 14 cabinet broadcast"
                tok = t[0]
                if (
                    t[1].noun
                    and 0 <= tok.i - e <= 4
                    and all(doc[k].pos_ in ("PROPN", "NOUN", "ADJ", "PUNCT", "NUM", "DET") for k in range(e, tok.i))
                ):
                    self.owner[n], self.steps[n] = tok.i, 0

    def _climb(self, head: Token, s: int, e: int) -> tuple[int | None, int]:
        node, steps = head, 0
        last: Token | None = None
        while steps < 8:
            if node.i in self.triggers and not (s <= node.i < e):
                if last is not None and last is not head and last.dep_ in ("dobj", "oprd") and last.pos_ == "NOUN":
                    return -1, steps  # "floated a January meeting": the date of the content, not of the act
                return node.i, steps
            if (
                node is not head
                and node.pos_ in ("VERB", "AUX")
                and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children)
            ):
                return None, steps  # the date belongs to a clause with no trigger
            if node.head is node:
                return None, steps
            prt = self.triggers.get(node.head.i)
            if prt is not None and prt.prt and node.lower_ == prt.prt:
                return -1, steps  # the object of "lock in": content, not time
            last = node
            node, steps = node.head, steps + 1
        return None, steps

    def date_for(self, tok: Token, entry: Entry, triggers: set[int]) -> tuple[DateRange | None, bool]:
        if not self.local:
            return None, False
        if not self.parsed:
            best = min(self.local, key=lambda x: abs(x[0] - tok.i))
            return best[2].range, False
        own = [(self.steps[n], d.range) for n, (_s, _e, d) in enumerate(self.local) if self.owner[n] == tok.i]
        if own:
            return min(own, key=lambda x: x[0])[1], False
        node = tok
        for _ in range(3):  # a subordinate trigger takes its governing trigger's date
            if node.head is node or node.dep_ not in (
                "advcl",
                "xcomp",
                "conj",
                "ccomp",
                "dobj",
                "pcomp",
                "pobj",
                "prep",
                "acl",
            ):
                break
            node = node.head
            owned = [d.range for n, (_s, _e, d) in enumerate(self.local) if self.owner[n] == node.i]
            if owned:
                return owned[0], True
        free = [(abs(s - tok.i), n) for n, (s, _e, _d) in enumerate(self.local) if self.owner[n] is None]
        if free:
            return self.local[min(free)[1]][2].range, True
        return None, False
