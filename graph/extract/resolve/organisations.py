"""National groups ("Syrian rebels") and named organisations ("Nigerian Union of Teachers")."""

from __future__ import annotations

from graph import ids
from graph.extract.agents import sector_code
from graph.extract.nlp import Doc, token_columns
from graph.extract.resolve.agencies import AgencyPasses
from graph.extract.resolve.base import ActorRec, Resolved, _prose, _strip
from graph.extract.resolve.words import NOT_NAMES, ORG_CONNECTORS, ORG_HEADS, POST_HEADS
from graph.model import ActorKind

# an organisation noun that makes a named body of a state an agency ("Royal Canadian Mounted Police")
GOV_HEADS = {
    "Ministry",
    "Department",
    "Police",
    "Guard",
    "Force",
    "Forces",
    "Committee",
    "Council",
    "Assembly",
    "Parliament",
    "Agency",
    "Service",
    "Office",
    "Embassy",
    "Consulate",
    "Command",
    "Directorate",
    "Bureau",
    "Presidency",
    "Administration",
    "Commission",
}


COLLECTIVE_HEADS = {"States", "Countries", "Nations", "Peoples"}  # "Alliance of Sahel States"


# people who stand for their state in diplomatic acts (CAMEO codes them as the state's government)
OFFICIAL_GROUPS = {"officials", "diplomats", "negotiators", "ministers", "leaders", "envoys", "authorities"}


def _shared(doc: Doc, r: Resolved, owner: str, s: int, e: int) -> bool:
    """Whether the state qualifying doc[s:e] is coordinated with another: "Rwandan and Congolese ministers"."""
    for i in range(max(0, s - 4), min(len(doc), e + 4)):
        if r.at(i) != owner:
            continue
        tok = doc[i]
        partners = [*tok.conjuncts]
        if any((k := r.at(p.i)) and k != owner and r.actors[k].kind is ActorKind.STATE for p in partners):
            return True
    return False


def _head(word: str) -> bool:
    return word in ORG_HEADS or word.rstrip("s") in ORG_HEADS or word in GOV_HEADS


# kind confidence of an organisation only the NER calls one, with and without an organisation word in its name
NER_ORGANISATION_HEADED = 0.8
NER_ORGANISATION = 0.5
# title words after which a one-word "organisation" is the office holder's portfolio
PORTFOLIO_TITLES = {"secretary", "minister", "ministers", "secretaries", "czar", "chief", "commissioner"}


class OrganisationPasses(AgencyPasses):
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
            if _shared(doc, r, owner, s, e):
                continue  # "the ministers of Rwanda and Uganda": officials of both, left to the events
            if doc[e - 1].lower_ in OFFICIAL_GROUPS:
                self._mark(r, s, e, owner)  # "six Canadian diplomats" act and are acted on as Canada
                continue
            name = f"{owner_rec.name} {doc[s:e].text.lower()}"
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.GROUP, name),
                    ActorKind.GROUP,
                    name,
                    {doc[max(0, s - 1) : e].text},
                    cameo=sector_code(owner_rec.cameo or owner_rec.iso3, doc[s:e].text),  # "Syrian rebels": SYRREB
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
        if not any(_head(w) for w in token_columns(doc)[0]):
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
            heads = [k for k in range(start, end) if _head(doc[k].text)]
            if not heads or end - start < 2 or not _prose(doc, start):
                continue
            end = heads[-1] + 1
            while (
                end < j
                and (r.at(end) is None or (doc[end - 1].lower_ in ORG_CONNECTORS and self._state_or_igo(r, end)))
                and (
                    self._org_word(doc, r, end)
                    or (doc[end].lower_ in ORG_CONNECTORS and end + 1 < j and self._org_word(doc, r, end + 1))
                )
            ):
                end += 1  # "Union of Teachers", "Communist Party of China": keep the words after the head
            states = {k for t in range(start, end) if (k := r.at(t))}
            if len(states) != 1 or all(r.at(t) for t in range(start, end)):
                continue
            state = next(iter(states))
            name = " ".join(doc[start:end].text.split())
            if doc[heads[-1]].text in GOV_HEADS and r.actors[state].kind is ActorKind.STATE:
                rec = self._body_actor(doc, r, name, r.actors[state], start, end, named=True)
                self._mark(r, start, end, rec.key, force=True)
                continue
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.ORGANIZATION, name), ActorKind.ORGANIZATION, name, {name}, nationality=state
                ),
            )
            self._mark(r, start, end, rec.key, force=True)
            self._acronym(doc, r, end, rec)

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
            while b > a and doc[b - 1].pos_ == "DET":
                b -= 1  # "the Personal Representative of the | OSCE": the entity ran into the next name
            if b <= a or any(r.at(i) for i in range(a, b)) or not _prose(doc, a):
                continue
            toks = doc[a:b]
            if any(t.like_num for t in toks) or (not doc[a].is_title and not doc[a].is_upper):
                continue
            if len(toks) == 1 and toks[0].text in NOT_NAMES:
                continue  # "Sikh separatists": a faith or a month, not an organisation
            if all(t.lower_ in self.title_words for t in toks):
                continue
            if len(toks) == 1 and b < len(doc) and doc[b].lower_ in PORTFOLIO_TITLES:
                continue  # "Commerce Secretary Howard Lutnick", "Energy Minister X": a portfolio, not a body
            b, inner = self._cut_name(doc, r, a, b)
            if b <= a or doc[b - 1].lower_ in self.title_words | POST_HEADS:
                continue  # "the Personal Representative of the OSCE": a post, not a body
            name = " ".join(doc[a:b].text.split())
            owner = inner or self.modifier(doc, r, a, b)
            if doc[b - 1].text in GOV_HEADS and owner and r.actors[owner].kind is ActorKind.STATE:
                self._body_actor(doc, r, name, r.actors[owner], a, b, named=inner is not None)
                continue
            headed = any(_head(t.text) for t in doc[a:b])  # "... Party", "... Council": surer than a bare name
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.ORGANIZATION, name),
                    ActorKind.ORGANIZATION,
                    name,
                    {name},
                    nationality=inner,
                    kind_confidence=NER_ORGANISATION_HEADED if headed else NER_ORGANISATION,
                ),
            )
            self._mark(r, a, b, rec.key, force=True)
            self._acronym(doc, r, b, rec)  # "Democratic Forces for the Liberation of Rwanda (FDLR)"

    def _cut_name(self, doc: Doc, r: Resolved, a: int, b: int) -> tuple[int, str | None]:
        """An organisation name the entity ruler cut at a state: "Communist Party of | China", "Alliance of |
        Sahel States". Returns the name's end and the one state inside it (if any)."""
        if doc[b - 1].lower_ not in ORG_CONNECTORS:
            return b, None
        e, inner, good = b, None, b
        while e < len(doc) and (
            r.at(e) or (doc[e].text[:1].isupper() and doc[e].is_alpha) or doc[e].lower_ in ("and", "the")
        ):
            key = r.at(e)
            if key and r.actors[key].kind not in (ActorKind.STATE, ActorKind.IGO):
                break
            if key and r.actors[key].kind is ActorKind.STATE:
                inner = inner or key
            e += 1
            if key or doc[e - 1].text in COLLECTIVE_HEADS:
                good = e
        e = good
        headed = any(_head(t.text) for t in doc[a:b]) or doc[e - 1].text in COLLECTIVE_HEADS
        if not headed or doc[e - 1].lower_ in ORG_CONNECTORS:
            return b - 1, None
        return (e, inner) if e > b else (b - 1, None)
