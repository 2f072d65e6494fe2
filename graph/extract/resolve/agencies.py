"""Agencies of a state: one actor per body, named the same way whatever the wording, linked to its state.

"Azerbaijan's Culture Ministry", "the Azerbaijani culture ministry", "the Ministry of Culture in Baku"
are all the agency "Ministry of Culture of Azerbaijan" (``part_of`` Azerbaijan), with the wordings as
aliases, and the state's adjective form ("Azerbaijani Ministry of Culture") too, so that a lookup by
any of them finds it. Bodies come from the gazetteer's generic list (foreign ministry, armed forces,
parliament, ...) and, for any other ministry, from the pattern itself: "Ministry of <Field>" or
"<field> ministry". A body abroad keeps its host: "the Chinese embassy in Manila" is not the Chinese
embassy in Washington. An acronym defined in brackets ("Ministry of External Affairs (MEA)") is an
alias, and its later uses name the same agency.
"""

from __future__ import annotations

from graph import ids
from graph.extract.nlp import Doc, lex_columns
from graph.extract.resolve.base import ActorRec, Resolved, ResolverBase
from graph.extract.resolve.words import POSSESSIVE, SKIP_LEFT
from graph.model import ActorKind

# a state's own name for a generic body ("India's foreign ministry" is its Ministry of External Affairs)
STATE_BODY_NAMES = {
    ("IND", "Ministry of Foreign Affairs"): "Ministry of External Affairs",
    ("CAN", "Ministry of Foreign Affairs"): "Global Affairs Canada",
    ("GBR", "Ministry of Foreign Affairs"): "Foreign, Commonwealth and Development Office",
    ("USA", "Ministry of Foreign Affairs"): "Department of State",
    ("USA", "Ministry of Defence"): "Department of Defense",
    ("USA", "Ministry of Finance"): "Department of the Treasury",
}
FIELD_STOP = {"the", "a", "an", "its", "his", "her", "their", "new", "former", "said", "and", ",", "whose"}
HOSTED = {"Embassy", "Consulate"}  # bodies abroad: the host city is part of their identity


class AgencyPasses(ResolverBase):
    """The passes that find the bodies of states."""

    def _bodies(self, doc: Doc, r: Resolved) -> None:
        loose: list[tuple[int, int, str]] = []
        for match_id, s, e in self.bodies(doc):
            if any(r.at(i) for i in range(s, e)):
                continue
            body = doc.vocab.strings[match_id]
            owner = self.modifier(doc, r, s, e)
            if owner is None:
                loose.append((s, e, body))
                continue
            owner_rec = r.actors[owner]
            if owner_rec.kind is not ActorKind.STATE:
                self._mark(r, s, e, owner)
                continue
            rec = self._body_actor(doc, r, body, owner_rec, s, e)
            if others := self._coordinated_owners(doc, r, e - 1, owner):
                # "US and British forces": the body of each state, all of them named by the one noun
                bodies = [self._body_actor(doc, r, body, r.actors[k], s, e, mark=False).key for k in others]
                r.holders_at[e - 1] = [*bodies, rec.key]
        self._ministries(doc, r)
        for s, e, body in loose:  # "the cabinet": the one body of that kind the article names
            same = [a for a in r.actors.values() if a.kind is ActorKind.AGENCY and a.key.endswith("-" + ids.slug(body))]
            last = doc[e - 1]
            if last.dep_ == "compound" and last.head.i > last.i:
                continue  # "fired artillery shells": a word of the thing named, not the body
            if len(same) == 1 and not doc[s].is_title:
                self._mark(r, s, e, same[0].key)
        for _m, s, e in self.itself(doc):
            if not any(r.at(i) for i in range(s, e)) and (owner := self.modifier(doc, r, s, e)):
                self._mark(r, s, e, owner)

    def _coordinated_owners(self, doc: Doc, r: Resolved, head: int, owner: str) -> list[str]:
        """The other states of a coordination before a body's noun: "US" in "US and British forces"."""
        out: list[str] = []
        for c in doc[head].children:
            if c.dep_ in ("amod", "compound", "nmod") and c.i < head:
                for t in (c, *c.conjuncts):
                    if (k := r.at(t.i)) and k != owner and r.actors[k].kind is ActorKind.STATE and k not in out:
                        out.append(k)
        return out

    def _body_actor(
        self,
        doc: Doc,
        r: Resolved,
        body: str,
        state: ActorRec,
        s: int,
        e: int,
        *,
        named: bool = False,
        mark: bool = True,
    ) -> ActorRec:
        """The agency ``body`` of ``state`` named by doc[s:e], with every wording of it as an alias;
        ``named``: the body's own name holds its state ("China Coast Guard") and stays as written;
        ``mark``: false for a body that shares its words with another state's ("US" in "US and British
        forces"), which gets only its standard names as aliases."""
        iso3 = state.iso3 or ""
        body = STATE_BODY_NAMES.get((iso3, body), body)
        left = self._modifier_start(doc, r, s)
        right = e
        host = None
        if e + 1 < len(doc) and doc[e].lower_ == "in" and (place := r.at(e + 1)):
            right = e + 2
            while right < len(doc) and r.at(right) == place:
                right += 1
            if body in HOSTED and place != state.key:
                host = r.actors[place].name
        name = f"{body} in {host}" if host else body
        adjective = self.gaz.demonyms.get(iso3)
        aliases = {" ".join(doc[left:right].text.split()), " ".join(doc[s:e].text.split())} if mark else {name}
        if adjective:
            aliases.add(f"{adjective} {name}")
            field = body.removeprefix("Ministry of ").removeprefix("the ")
            if field != body:
                aliases.add(f"{adjective} {field} Ministry")
        known = self.gaz.entries.get(f"agency:{iso3.lower()}-{ids.slug(name)}")
        if known is not None:  # a listed agency keeps its listed name: "India's foreign ministry" is the MEA
            rec = self._entry_actor(r, known)
            rec.aliases |= aliases
        else:
            rec = self._add(
                r,
                ActorRec(
                    ids.actor_key(ActorKind.AGENCY, name, state=iso3),
                    ActorKind.AGENCY,
                    name if named else f"{name} of {state.name}" if not host else f"{body} of {state.name} in {host}",
                    aliases,
                    cameo=f"{state.cameo or iso3}GOV",
                    part_of=state.key,
                ),
            )
        if mark:
            self._mark(r, s, e, rec.key)
            self._acronym(doc, r, e, rec)
        return rec

    def _modifier_start(self, doc: Doc, r: Resolved, s: int) -> int:
        """First token of the state modifier left of a body: "Russia's" in "Russia's Foreign Ministry"."""
        j = s - 1
        while j >= 0 and doc[j].lower_ in SKIP_LEFT and doc[j].lower_ not in ("the", "a", "an"):
            j -= 1
        if j >= 1 and doc[j].text in POSSESSIVE:
            j -= 1
        key = r.at(j) if j >= 0 else None
        if key is None or r.actors[key].kind is not ActorKind.STATE:
            return s
        while j > 0 and r.at(j - 1) == key:
            j -= 1
        return j

    def _ministries(self, doc: Doc, r: Resolved) -> None:
        """Any other ministry of a named state: "Ministry of Culture", "the trade ministry", "Culture Ministry"."""
        lowers = lex_columns(doc)[0]
        for i in (i for i, w in enumerate(lowers) if w == "ministry"):  # no Token built for other words
            if r.at(i):
                continue
            s, e, field = i, i + 1, ""
            if i + 2 < len(doc) and doc[i + 1].lower_ == "of":  # "Ministry of (the) Interior and Trade"
                k = i + 2
                if doc[k].lower_ == "the":
                    k += 1
                f = k
                while k < len(doc) and k - f < 4 and doc[k].text[:1].isupper() and not r.at(k):
                    k += 1
                    if k + 1 < len(doc) and doc[k].lower_ == "and" and doc[k + 1].text[:1].isupper():
                        k += 1
                field, e = doc[f:k].text, k
            else:  # "the trade ministry", "Azerbaijan's Culture Ministry"
                k = i
                while k > 0 and i - k < 3 and _field_word(doc, r, k - 1):
                    k -= 1
                field, s = doc[k:i].text, k
            field = " ".join(w if w.isupper() else w.capitalize() for w in field.split())
            if not field or e <= s:
                continue
            owner = self.modifier(doc, r, s, e)
            if owner is None or r.actors[owner].kind is not ActorKind.STATE:
                continue
            self._body_actor(doc, r, f"Ministry of {field}", r.actors[owner], s, e)

    def _acronym(self, doc: Doc, r: Resolved, e: int, rec: ActorRec) -> None:
        """ "(MEA)" right after the agency's name: an alias, and the later uses of it name the agency."""
        if not (e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and doc[e + 1].is_upper):
            return
        acronym = doc[e + 1].text
        rec.aliases.add(acronym)
        self._mark(r, e + 1, e + 2, rec.key, force=True)
        for later in range(e + 3, len(doc)):
            if doc[later].text == acronym and r.at(later) is None:
                self._mark(r, later, later + 1, rec.key)


def _field_word(doc: Doc, r: Resolved, k: int) -> bool:
    """A word naming a ministry's field: a noun or adjective, not a state, article or possessive."""
    tok = doc[k]
    if r.at(k) or tok.lower_ in FIELD_STOP or tok.text in POSSESSIVE or not tok.is_alpha:
        return False
    return tok.pos_ in ("NOUN", "ADJ", "PROPN") or not tok.pos_
