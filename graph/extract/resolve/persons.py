"""Persons: names from NER and titles, later surnames and first names, title-only phrases, safe pronouns,
appositions and relatives."""

from __future__ import annotations

from graph import ids
from graph.extract.gazetteer import Title
from graph.extract.nlp import Doc, lex_columns, sentences, token_columns
from graph.extract.resolve.base import (
    ActorRec,
    KinUse,
    Resolved,
    TitleUse,
    _is_name_token,
    _longest,
    _name_part,
    _name_text,
    _prose,
    _strip,
)
from graph.extract.resolve.known import KnownPeoplePasses
from graph.extract.resolve.words import (
    HONORIFICS,
    NAME_PARTICLES,
    NAME_WIDTH,
    NOT_NAMES,
    PAGE_CHROME,
    POSSESSIVE,
    SINGULAR_PRONOUNS,
    SKIP_LEFT,
)
from graph.model import ActorKind

# nouns that, like a title, introduce a full name right after them but name no office of their own
LOCATIVE_PREPS = {"in", "into", "inside", "across", "near", "onto", "throughout"}
ROLE_NOUNS = {"counterpart", "counterparts", "colleague", "successor", "predecessor", "deputy", "rival"}


NER_PERSON = 0.8  # kind confidence of a full name only the NER calls a person
NER_SURNAME = 0.6  # ... and of a single word


class PersonPasses(KnownPeoplePasses):
    """The passes that find persons and link later mentions to them."""

    def _title_spans(self, doc: Doc, r: Resolved) -> list[tuple[int, int, Title]]:
        out = []
        for label, s, e in _longest(doc, self.titles(doc)):
            if e - s == 1 and len(doc[s].text) <= 3 and doc[s].text.islower():
                continue  # "at 5:37 pm": an abbreviated title ("PM", "FM") is written in capitals
            if not any(r.at(i) for i in range(s, e)):
                out.append((s, e, self.title_of[label]))
        return out

    def _name_run(self, doc: Doc, r: Resolved, i: int, limit: int = 4) -> tuple[int, int]:
        """Capitalised name tokens starting at ``i`` (initials and particles allowed)."""
        j = i
        while j < len(doc) and doc[j].text in HONORIFICS:
            j += 1
        start = j
        words = 0
        while j < len(doc) and words < limit:
            tok = doc[j]
            if r.at(j) and r.actors[r.at(j) or ""].kind is not ActorKind.PERSON:
                break
            if tok.text in NOT_NAMES and j == start:
                break
            # "Kosovo PM Says Serbian ...": a headline's capitalised verb is no name
            name_like = _name_part(tok) and tok.lower_ not in self.title_words and tok.pos_ not in ("VERB", "AUX")
            particle = tok.lower_ in NAME_PARTICLES and j > start and j + 1 < len(doc) and _name_part(doc[j + 1])
            if name_like or particle:
                words += j == start or bool(doc[j - 1].whitespace_)  # "Zia-Ul-Haq" is one word
                j += 1
            else:
                break
        return start, j

    def _persons(self, doc: Doc, r: Resolved, title_spans: list[tuple[int, int, Title]]) -> None:
        names: dict[str, list[tuple[int, int]]] = {}
        anchored: set[str] = set()
        for _s, e, _t in title_spans:
            k = e
            if k < len(doc) and doc[k].lower_ == "of" and k + 1 < len(doc):  # "Secretary of Energy X"
                k += 1
                while k < len(doc) and (
                    r.at(k)
                    or (_is_name_token(doc[k]) and k + 1 < len(doc) and _is_name_token(doc[k + 1]) and k - e < 4)
                ):
                    if r.at(k):
                        k += 1
                        break
                    k += 1
            a, b = self._name_run(doc, r, k)
            if b > a:
                text = _name_text(doc[a:b])
                names.setdefault(text, []).append((a, b))
                anchored.add(text)
        lowers = lex_columns(doc)[0]
        for i in (i for i, w in enumerate(lowers) if w in ROLE_NOUNS):  # "his Congolese counterpart Therese ..."
            a, b = self._name_run(doc, r, i + 1)
            if b - a >= 2:
                text = _name_text(doc[a:b])
                names.setdefault(text, []).append((a, b))
                anchored.add(text)
        person_votes: dict[str, int] = {}
        for ent in doc.ents:
            if ent.ent_id_:
                continue
            a, b = _strip(ent)
            while a < b and (doc[a].text in HONORIFICS or doc[a].lower_ in self.title_words):
                a += 1
            if b <= a or any(r.at(i) for i in range(a, b)):
                continue
            if ent.label_ == "PERSON":
                a = self._given_name_before_particle(doc, r, a)
            text = _name_text(doc[a:b])
            if ent.label_ == "PERSON" and b - a == 1 and doc[a].dep_ == "pobj" and doc[a].head.lower_ in LOCATIVE_PREPS:
                continue  # "fired shells into Tigray": a lone name one goes into or is in is a place
            if ent.label_ == "PERSON":
                person_votes[text] = person_votes.get(text, 0) + 1
                if (
                    all(_name_part(t) or t.lower_ in NAME_PARTICLES for t in doc[a:b])
                    and not any(t.text in PAGE_CHROME for t in doc[a:b])
                    and _prose(doc, a)
                ):
                    names.setdefault(text, []).append((a, b))
        self._known_names(doc, r, names, person_votes)
        self._given_name_states(doc, r, names, person_votes)
        full = {n for n in names if len(n.split()) >= 2}
        singles = {n for n in names if len(n.split()) == 1 and (n in anchored or person_votes.get(n, 0) > 0)}
        index: dict[str, str] = {}  # surface form -> canonical full name
        longest_first = sorted(full, key=lambda x: (-len(x.split()), min(p[0] for p in names[x]), x))
        for n in sorted(full, key=lambda x: (min(p[0] for p in names[x]), x)):  # text order, never hash order
            # "Hassan Sheikh" beside "Hassan Sheikh Mohamud": a shorter form of the longer name
            canon = index.setdefault(n, next((m for m in longest_first if m != n and _shorter_form(n, m)), n))
            parts = n.split()
            index.setdefault(parts[-1], canon)
            prefix, dash, rest = parts[-1].partition("-")
            if dash and prefix.lower() in NAME_PARTICLES and rest[:1].isupper():
                index.setdefault(rest, canon)  # "al-Bashir" -> "Bashir"
            if parts[0] not in NAME_PARTICLES:
                index.setdefault(parts[0], canon)
        for n in sorted(singles, key=lambda x: (min(p[0] for p in names[x]), x)):  # text order, not hash order
            index.setdefault(n, self._canonical(n, r))
        if not index:
            return
        spelling = {c: self._dictionary_spelling(c, r.published) for c in dict.fromkeys(index.values())}
        for c, spelled in spelling.items():
            if spelled != c:
                names.setdefault(spelled, []).extend(names.get(c, []))  # its first mention stays the text's
        index = {surface: spelling[c] for surface, c in index.items()}
        vouched = {index[s] for s in anchored if s in index} | {n for n in index.values() if self.people.by_name(n)}
        for name in dict.fromkeys(index.values()):
            # a name a title or the dictionary vouches for is a person; the NER's alone, less sure (one word: least)
            sure = 1.0 if name in vouched else (NER_PERSON if " " in name else NER_SURNAME)
            self._add(
                r, ActorRec(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, {name}, kind_confidence=sure)
            )
        first = {c: min(p[0] for p in names.get(c, [(len(doc), 0)])) for c in index.values()}
        words, spaces, blank = token_columns(doc)
        heads = {n.split()[0].split("-")[0] for n in index}
        starts = [w in heads and not sp for w, sp in zip(words, blank, strict=True)]
        i = 0
        while i < len(doc):
            hit: tuple[int, str, str] | None = None
            if r.token_actor[i] is not None or not starts[i]:
                i += 1
                continue
            for width in range(min(NAME_WIDTH, len(doc) - i), 0, -1):
                if any(r.token_actor[k] for k in range(i, i + width)):
                    continue
                text = "".join(words[k] + (spaces[k] if k < i + width - 1 else "") for k in range(i, i + width))
                text = " ".join(text.split())
                if text in index and (width > 1 or _is_name_token(doc[i])):
                    hit = (width, index[text], text)
                    break
            if hit:
                width, canonical, text = hit
                key = ids.actor_key(ActorKind.PERSON, canonical)
                r.actors[key].aliases.add(text)
                r.actors[key].order = min(r.actors[key].order, first[canonical])
                self._mark(r, i, i + width, key)
                i += width
            else:
                i += 1

    def _given_name_before_particle(self, doc: Doc, r: Resolved, a: int) -> int:
        """ "Musaad | bin Mohammed Al-Aiban": a name the NER starts at a particle begins at the name before it."""
        if not (doc[a].is_lower and doc[a].lower_ in NAME_PARTICLES) or a == 0:
            return a
        before = doc[a - 1]
        if _is_name_token(before) and not r.at(a - 1) and before.lower_ not in self.title_words:
            return a - 1
        return a

    def _given_name_states(
        self, doc: Doc, r: Resolved, names: dict[str, list[tuple[int, int]]], votes: dict[str, int]
    ) -> None:
        """ "Israel Katz said": a state's one-word name right before a person's surname is a given name."""
        for surname, spans in list(names.items()):
            if " " in surname or not votes.get(surname):
                continue
            for a, b in spans:
                g = a - 1
                state = r.at(g) if g >= 0 else None
                if state is None or r.actors[state].kind is not ActorKind.STATE or not doc[g].whitespace_:
                    continue
                if not doc[g].ent_id_.startswith("state:") or not _is_name_token(doc[g]):
                    continue
                if g > 0 and (doc[g - 1].text in POSSESSIVE or r.at(g - 1) == state):
                    continue
                r.token_actor[g] = None  # the name's first word, not the state
                full = f"{doc[g].text} {surname}"
                names.setdefault(full, []).append((g, b))
                votes[full] = votes.get(full, 0) + 1

    def _titles(self, doc: Doc, r: Resolved, title_spans: list[tuple[int, int, Title]]) -> None:
        pending: list[tuple[int, int, Title, str | None]] = []
        for s, e, title in title_spans:
            state = self.modifier(doc, r, s, e)
            person = None
            k = e
            if k < len(doc) and doc[k].lower_ == "of":
                k += 1
                while (
                    k < len(doc)
                    and k - e < 5
                    and (r.at(k) is None or r.actors[r.at(k) or ""].kind is not ActorKind.PERSON)
                    and not doc[k].is_punct
                ):
                    k += 1
            if (
                k + 1 < len(doc)
                and k == e
                and doc[k].text == ","
                and (s == 0 or doc[s - 1].lower_ != "a")
                and not doc[e - 1].lower_.endswith("s")
            ):
                k += 1  # "Qatar's emir, Sheikh Hamad ...", "the Colombian president, Gustavo Petro,"
                while k < len(doc) and doc[k].text in HONORIFICS:
                    k += 1
                if not (k < len(doc) and (key := r.at(k)) and r.actors[key].kind is ActorKind.PERSON):
                    k = e
            while k < len(doc) and doc[k].text in HONORIFICS:
                k += 1
            if k < len(doc) and (key := r.at(k)) and r.actors[key].kind is ActorKind.PERSON:
                person = key
            else:
                person = self._appositive(doc, r, s, e)
            if person is None:
                pending.append((s, e, title, state))
                continue
            rec = r.actors[person]
            if state and r.actors[state].kind is ActorKind.STATE:
                rec.nationality = rec.nationality or state
            r.titles.append(TitleUse(person, title, state, s, max(e, k + 1)))
        for s, e, title, state in pending:  # "the Colombian president": the person with that title
            if doc[e - 1].lower_.endswith("s") and doc[e - 1].lower_ not in ("boss",):
                continue
            holders = {u.person for u in r.titles if u.title == title and (state is None or u.state in (state, None))}
            if len(holders) == 1:
                self._mark(r, s, e, holders.pop())
            elif not holders:
                self._office_holder(doc, r, title, state, s, e)

    def _appositions(self, doc: Doc, r: Resolved) -> None:
        """ "Salaheddine Sidhoum, Algeria's leading activist," / "X, a Syrian dissident": the person's nationality."""
        for _s, e, key in r.mention_spans():
            rec = r.actors[key]
            if rec.kind is not ActorKind.PERSON or rec.nationality:
                continue
            if (state := _described_by_state(doc, r, e)) is not None:
                rec.nationality = state  # "Iran's religious leader Ayatollah Khomeini", "Canadian activist X"
                continue
            if e >= len(doc) or doc[e].text != ",":
                continue
            k = e + 1
            if k < len(doc) and doc[k].lower_ in ("a", "an", "the"):
                k += 1
            state = r.at(k) if k < len(doc) else None
            if state is None or r.actors[state].kind is not ActorKind.STATE or k in r.via_pronoun:
                continue
            while k < len(doc) and r.at(k) == state:
                k += 1
            if k < len(doc) and doc[k].text in POSSESSIVE:
                k += 1
            rest = [t for t in doc[k : min(len(doc), k + 5)] if not t.is_punct]
            if rest and any(t.pos_ == "NOUN" and t.is_lower for t in rest[:4]) and not r.at(k):
                rec.nationality = state

    def _appositive(self, doc: Doc, r: Resolved, s: int, e: int) -> str | None:
        head = doc[e - 1]
        if head.dep_ == "appos" and (key := r.at(head.head.i)) and r.actors[key].kind is ActorKind.PERSON:
            return key
        j = s - 1
        while j > 0 and s - j <= 5 and doc[j].text != "," and not doc[j].is_sent_start:
            if doc[j].lower_ not in SKIP_LEFT and not doc[j].is_lower and not r.at(j) and doc[j].text != "'s":
                return None
            j -= 1
        if j > 0 and doc[j].text == "," and (key := r.at(j - 1)) and r.actors[key].kind is ActorKind.PERSON:
            return key
        return None

    def _pronouns(self, doc: Doc, r: Resolved) -> None:
        sents = sentences(doc)
        lowers = lex_columns(doc)[0]
        genders: dict[str, str] | None = None
        for si, sent in enumerate(sents):
            for ti in range(sent.start, sent.end):
                if lowers[ti] not in SINGULAR_PRONOUNS or r.at(ti):
                    continue
                if genders is None:
                    genders = _genders(lowers, r)
                other = "f" if lowers[ti] in MALE_PRONOUNS else "m"  # "he" is not a person the text calls a woman
                before = [r.at(i) for i in range(sent.start, ti) if r.at(i) and i not in r.via_pronoun]
                cands = [k for k in before if k and r.actors[k].kind is ActorKind.PERSON and genders.get(k) != other]
                if len(set(cands)) > 1 and doc[ti].dep_ in ("nsubj", "nsubjpass"):
                    # "'... headed by minister X,' Kurti wrote, where he also compared ...": of several persons
                    # named before, a subject pronoun continues the one that is a subject ("Maduro and his
                    # wife": a possessive stays with the name beside it)
                    subjects = {
                        r.at(t.i)
                        for t in doc[sent.start : ti]
                        if t.dep_ in ("nsubj", "nsubjpass") and r.at(t.i) in cands and t.i not in r.via_pronoun
                    }
                    if len(subjects) == 1:
                        cands = [next(iter(subjects)) or ""]
                if not cands and si > 0:
                    prev = sents[si - 1]
                    cands = [
                        k
                        for i in range(prev.start, prev.end)
                        if (k := r.at(i)) and r.actors[k].kind is ActorKind.PERSON and genders.get(k) != other
                    ]
                    subjects = {r.at(t.i) for t in prev if t.dep_.startswith("nsubj") and r.at(t.i) in cands}
                    if len(set(cands)) > 1 and len(subjects) == 1:
                        cands = [next(iter(subjects)) or ""]
                if len(set(cands)) == 1:
                    r.token_actor[ti] = cands[-1]
                    r.via_pronoun.add(ti)

    def _kinship(self, doc: Doc, r: Resolved) -> None:
        for kind, s, e in _longest(doc, self.kin(doc)):
            span = doc[s:e]
            person = None
            if s >= 2 and doc[s - 1].text in POSSESSIVE:
                person = r.at(s - 2)
            elif s >= 1 and doc[s - 1].lower_ in ("his", "her"):
                person = r.at(s - 1)
            elif e + 1 < len(doc) and doc[e].lower_ == "of":
                person = r.at(e + 1)
            if not person or r.actors[person].kind is not ActorKind.PERSON:
                continue
            k = e + 1 if e < len(doc) and doc[e].text == "," else e
            a, b = self._name_run(doc, r, k)
            named = r.at(a) if b > a else None
            if b > a and (named is None or r.actors[named].kind is ActorKind.PERSON) and named != person:
                name = r.actors[named].name if named else _name_text(doc[a:b])
                rec = self._add(r, ActorRec(ids.actor_key(ActorKind.PERSON, name), ActorKind.PERSON, name, {name}))
                rec.nationality = rec.nationality or r.actors[person].nationality
                self._mark(r, a, b, rec.key)
            else:
                plural = span.text.lower() in ("family", "relatives", "family members") or kind == "relative"
                label = "relatives" if plural else span.text.lower()
                name = f"{label} of {r.actors[person].name}"
                rec = self._add(
                    r,
                    ActorRec(
                        ids.actor_key(ActorKind.GROUP, name),
                        ActorKind.GROUP,
                        name,
                        {doc[max(0, s - 2) : e].text},
                        nationality=r.actors[person].nationality,
                    ),
                )
            self._mark(r, s, e, rec.key, force=True)
            r.kin.append(KinUse(person, rec.key, kind, s))


def _shorter_form(short: str, long: str) -> bool:
    """Whether ``short`` names the person ``long`` names: its words adjacent inside it ("Hassan Sheikh" in
    "Hassan Sheikh Mohamud"), or the same first and last names with the middle ones left out ("Stewart
    Wheeler" for "Stewart Ross Wheeler")."""
    if _inside(short, long):
        return True
    a, b = short.split(), long.split()
    if len(a) < 2 or len(a) >= len(b) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(w in rest for w in a[1:-1])  # the middle words kept, in order


def _inside(short: str, long: str) -> bool:
    """Whether the words of ``short`` run, in order and adjacent, inside ``long``."""
    a, b = short.split(), long.split()
    return len(a) < len(b) and any(b[i : i + len(a)] == a for i in range(len(b) - len(a) + 1))


def _described_by_state(doc: Doc, r: Resolved, end: int) -> str | None:
    """The state of a description the name is in apposition with, when it comes before the name."""
    name = doc[end - 1]
    noun = name.head
    if name.dep_ != "appos" or noun.pos_ != "NOUN" or noun.i > name.i:
        return None
    for c in noun.children:
        key = r.at(c.i) if c.dep_ in ("poss", "amod", "compound") and c.i < noun.i else None
        if key and r.actors[key].kind is ActorKind.STATE:
            return key
    return None


MALE_PRONOUNS = {"he", "him", "his", "himself"}
# words right before a name that say whether the text speaks of a man or a woman
FEMALE_MARKS = set(
    "ms ms. mrs mrs. miss madam madame lady queen princess spokeswoman chairwoman congresswoman "  # noqa: SIM905
    "businesswoman stateswoman countrywoman wife daughter mother sister widow".split()
)
MALE_MARKS = set(
    "mr mr. sir lord king prince spokesman chairman congressman businessman statesman husband son father "  # noqa: SIM905
    "brother widower".split()
)


def _genders(lowers: list[str], r: Resolved) -> dict[str, str]:
    """ "m" or "f" for the persons a mention of the article marks as a man or a woman by the word right before
    it ("spokeswoman Maria Zakharova", "Mr. Whelan", "his wife, X"); a person marked both ways is left out."""
    marks: dict[str, set[str]] = {}
    for s, _e, key in r.mention_spans():
        if r.actors[key].kind is not ActorKind.PERSON:
            continue
        before = s - 2 if s >= 2 and lowers[s - 1] == "," else s - 1  # "spokeswoman X", "his wife, X"
        near = {lowers[before]} if before >= 0 else set()
        if near & FEMALE_MARKS:
            marks.setdefault(key, set()).add("f")
        if near & MALE_MARKS:
            marks.setdefault(key, set()).add("m")
    return {k: next(iter(v)) for k, v in marks.items() if len(v) == 1}
