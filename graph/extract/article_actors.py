"""Which actors an article's extraction keeps, their mentions and parents, and the states beside them."""

from __future__ import annotations

from typing import Any

from graph.model import ActorKind, Claim, Event, Mention

# actors mentioned only in passing (in no event, fact, sanction or claim, never a clause's subject or object)
# that are left out, by _passing: "Canadian citizens", "a Telegram channel" are nodes with no relation
ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "dative"}


def _parent(key: str, res: Any, kind: ActorKind, parent_kind: ActorKind) -> str | None:
    """The parent of an actor of ``kind`` when that parent is of ``parent_kind``, else None: the state of an
    agency (an embassy, a ministry), the organisation of a body of it ("the EU Council" is of the EU)."""
    rec = res.actors.get(key)
    if rec is None or rec.kind is not kind or not rec.part_of:
        return None
    parent = res.actors.get(rec.part_of)
    return rec.part_of if parent is not None and parent.kind is parent_kind else None


def _passing(rec: Any) -> bool:
    """Whether an actor named only in passing may be left out: any group, and an organisation whose name is
    one or two ordinary words ("Telegram", "Radio Free"), not a full name or an acronym ("FDLR")."""
    if rec.kind is ActorKind.GROUP:
        return True
    words = rec.name.split()
    return rec.kind is ActorKind.ORGANIZATION and len(words) <= 2 and not any(w.isupper() and len(w) > 1 for w in words)


def _argument(doc: Any, s: int, e: int) -> bool:
    """Whether the mention s..e is a subject or object of its clause (its own head, or a name inside one)."""
    heads = [t for t in doc[s:e] if t.head.i < s or t.head.i >= e]
    return any(
        t.dep_ in ARGUMENT_DEPS or (t.dep_ in ("compound", "amod") and t.head.dep_ in ARGUMENT_DEPS) for t in heads
    )


def _mention(doc: Any, key: str, s: int, e: int) -> Mention:
    """The mention of tokens s..e: their text is the doc's text between their offsets (spaCy's tokens are
    non-destructive), cut from the text kept with the doc instead of joined token by token."""
    from graph.extract.nlp import doc_text

    start, last = doc[s].idx, doc[e - 1]
    end = last.idx + len(last.text)
    return Mention(key, doc_text(doc)[start:end], start, end)


def _co_arguments(found: list[Any], res: Any) -> dict[str, set[str]]:
    """For every actor, the states its events name directly beside it (targets inferred from the place,
    the actor's own state or mere word order do not count; a state's groups and agencies do not either)."""
    from graph.extract.resolve import CONTEXT_SKIP_RULES, _state_key

    out: dict[str, set[str]] = {}
    for f in found:
        derived = any(r in f.rule for r in CONTEXT_SKIP_RULES)
        ends = f.actors + f.participants + ([] if derived else f.targets)
        for k in f.everyone:
            out.setdefault(k, set()).update(o for o in ends if o != k and _state_key(res, o) == o)
    return out


def _referenced(
    events: list[Event], facts: list[Any], sanctions: list[Any], props: list[Any], claims: list[Claim]
) -> set[str]:
    keys: set[str] = set()
    for e in events:
        keys |= set(e.everyone) | {e.place or "", e.claimant or ""}
    for f in facts:
        keys |= {f.subject, f.object, f.claimant or ""}
    for s in sanctions:
        keys |= {*s.imposers, s.target}
    for p in props:
        keys |= set(p.concerns)
    for c in claims:
        keys.add(c.claimant or "")
    return keys
