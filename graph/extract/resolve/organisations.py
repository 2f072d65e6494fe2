"""National groups ("Syrian rebels") and named organisations ("Nigerian Union of Teachers")."""

from __future__ import annotations

from graph import ids
from graph.extract.nlp import Doc, token_columns
from graph.extract.resolve.base import ActorRec, Resolved, ResolverBase, _prose, _strip
from graph.extract.resolve.words import NOT_NAMES, ORG_CONNECTORS, ORG_HEADS
from graph.model import ActorKind


class OrganisationPasses(ResolverBase):
    """The passes that find groups and organisations."""

    def _groups(self, doc: Doc, r: Resolved) -> None:
        for _m, s, e in self.groups(doc):
            if any(r.at(i) for i in range(s, e)):
                continue
            owner = self.modifier(doc, r, s, e)
            if owner is None:
                continue
            owner_rec = r.actors[owner]
            if owner_rec.kind is not ActorKind.STATE:
                self._mark(r, s, e, owner)
                continue
            name = f"{owner_rec.name} {doc[s:e].text.lower()}"
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.GROUP, name),
                    ActorKind.GROUP,
                    name,
                    {doc[max(0, s - 1) : e].text},
                    nationality=owner,
                ),
            )
            self._mark(r, s, e, rec.key)

    def _named_organisations(self, doc: Doc, r: Resolved) -> None:
        """Organisations whose name holds a state: "Nigerian Union of Teachers", "Free Syrian Army".

        A run of capitalised words (with "of", "for", "the", "and" between them) that ends in an
        organisation noun (Union, Party, Observatory, ...) and names exactly one state becomes an
        organisation of that nationality; an acronym in brackets right after it is an alias.
        """
        n = len(doc)
        if not any(w in ORG_HEADS or w.rstrip("s") in ORG_HEADS for w in token_columns(doc)[0]):
            return  # no organisation noun, no such name (the common case: skip the scan)
        i = 0
        while i < n:
            if not self._org_word(doc, r, i):
                i += 1
                continue
            j = i
            while j < n and (
                self._org_word(doc, r, j)
                or (j > i and doc[j].lower_ in ORG_CONNECTORS and j + 1 < n and self._org_word(doc, r, j + 1))
            ):
                j += 1
            start, end = i, j
            i = j
            heads = [k for k in range(start, end) if doc[k].text.rstrip("s") in ORG_HEADS or doc[k].text in ORG_HEADS]
            if not heads or end - start < 2 or not _prose(doc, start):
                continue
            end = heads[-1] + 1
            while (
                end < j
                and r.at(end) is None
                and (
                    self._org_word(doc, r, end)
                    or (doc[end].lower_ in ORG_CONNECTORS and end + 1 < j and self._org_word(doc, r, end + 1))
                )
            ):
                end += 1  # "Union of Teachers", "Observatory for Human Rights": keep the words after the head
            states = {k for t in range(start, end) if (k := r.at(t))}
            if len(states) != 1 or all(r.at(t) for t in range(start, end)):
                continue
            state = next(iter(states))
            name = " ".join(doc[start:end].text.split())
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, {name}, nationality=state
                ),
            )
            self._mark(r, start, end, rec.key, force=True)
            if end + 2 < n and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
                rec.aliases.add(doc[end + 1].text)
                self._mark(r, end + 1, end + 2, rec.key, force=True)
                for later in range(end + 3, n):  # later uses of the acronym
                    if doc[later].text == doc[end + 1].text and r.at(later) is None:
                        self._mark(r, later, later + 1, rec.key)

    @staticmethod
    def _org_word(doc: Doc, r: Resolved, i: int) -> bool:
        tok = doc[i]
        key = r.at(i)
        if key is not None and r.actors[key].kind is not ActorKind.STATE:
            return False
        text = tok.text
        return bool(text[:1].isupper() and tok.is_alpha and text not in NOT_NAMES) or (
            key is not None and not tok.is_punct
        )

    def _organisations(self, doc: Doc, r: Resolved) -> None:
        self._named_organisations(doc, r)
        for ent in doc.ents:
            if ent.label_ != "ORG" or ent.ent_id_:
                continue
            a, b = _strip(ent)
            while a < b and doc[a].lower_ == "the":
                a += 1
            if b <= a or any(r.at(i) for i in range(a, b)) or not _prose(doc, a):
                continue
            toks = doc[a:b]
            if any(t.like_num for t in toks) or (not doc[a].is_title and not doc[a].is_upper):
                continue
            if all(t.lower_ in self.title_words for t in toks):
                continue
            name = toks.text
            rec = self._add(
                r, ActorRec(ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, {name})
            )
            self._mark(r, a, b, rec.key)
