"""Which actor a reference means: names, aliases, ISO codes, IRIs and CURIEs.

The index is read once per session (``lookup/actor_index``) and answers in memory. A reference
resolves in this order, and the first step that finds anything decides:

1. an IRI (``https://…``, ``<…>``) or a CURIE with a known prefix (``dipd:COL``);
2. an exact name, alias or code (ISO 3166 alpha-2/alpha-3, CAMEO actor code), ignoring case,
   accents and punctuation ("petro", "Nicolas Petro", "u.s."), in any script ("Петр Порошенко",
   "中国", "!!!") or transliterated to ASCII ("Petr Poroshenko", "Zhongguo", "Zhong Guo");
3. every word of the reference in one name ("alcocer" → "Verónica Alcocer").

More than one actor at the deciding step raises :class:`AmbiguousReference` listing them; none
at all raises :class:`UnknownActor` with close names as suggestions. Nothing is guessed.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from graph import ids
from graph.namespaces import PREFIXES
from graph.queries.errors import AmbiguousReference, Candidate, UnknownActor
from graph.queries.records import Actor, ActorRef
from graph.store.base import Term

DIP = "https://w3id.org/diplograph/ontology#"
KINDS: dict[str, str] = {
    DIP + "State": "state",
    DIP + "GovernmentAgency": "agency",
    DIP + "InternationalOrganization": "igo",
    DIP + "MediaOutlet": "media",
    DIP + "Group": "group",
    DIP + "Person": "person",
    DIP + "Organization": "organization",
}
"""Actor classes and their kind names, most specific first."""
KIND_NAMES = tuple(dict.fromkeys(KINDS.values()))
_WORDS = re.compile(r"[^\w]+")


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces.

    Example:
        >>> normalise("  Nicolás PETRO-Burgos ")
        'nicolas petro burgos'
        >>> normalise("U.S.")
        'u s'
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _WORDS.sub(" ", folded.casefold()).strip()


def name_keys(name: str) -> tuple[str, ...]:
    """The keys a name is found by: :func:`normalise`, and for a name outside ASCII its ASCII
    transliterations too; a name of punctuation or symbols only (``!!!``) by itself, spaces collapsed.

    Example:
        >>> name_keys("Петр Порошенко"), name_keys("中国")
        (('петр порошенко', 'petr poroshenko'), ('中国', 'zhong guo', 'zhongguo'))
        >>> name_keys("!!!"), name_keys("Gustavo Petro")
        (('!!!',), ('gustavo petro',))
    """
    key = normalise(name)
    if not key:
        symbols = _symbols(name)
        return (symbols,) if symbols else ()
    if key.isascii():  # ASCII, or Latin letters whose accents normalise() already drops
        return (key,)
    spelled = normalise(ids.transliterate(name))
    joined = normalise(ids.transliterate(name, syllables=False)) if " " in spelled else spelled
    return tuple(dict.fromkeys(k for k in (key, spelled, joined) if k))


def _symbols(text: str) -> str:
    """A name without letters or digits as it is written (NFC, case-folded, spaces collapsed)."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def kind_name(kind: str) -> str:
    """A kind as the API spells it, from a kind name or a class name (``GovernmentAgency``).

    Example:
        >>> kind_name("GovernmentAgency"), kind_name("State"), kind_name("igo")
        ('agency', 'state', 'igo')
    """
    if kind.lower() in KIND_NAMES:
        return kind.lower()
    for iri, name in KINDS.items():
        if iri.endswith("#" + kind) or iri == kind:
            return name
    raise ValueError(f"unknown actor kind {kind!r}; use one of {', '.join(KIND_NAMES)}")


class ActorIndex:
    """Every actor of the store, by IRI, name, alias and code.

    Args:
        rows: ``(actor IRI, field, value)`` rows of ``lookup/actor_index``.
    """

    def __init__(self, rows: Iterable[tuple[str, str, Term]]) -> None:
        fields: dict[str, dict[str, list[Term]]] = {}
        for iri, field, value in rows:
            fields.setdefault(iri, {}).setdefault(field, []).append(value)
        self.actors: dict[str, Actor] = {}
        # a person other sources name otherwise is read as that person (graph.identity): its names are aliases
        self.same: dict[str, str] = {iri: min(t.value for t in f["same"]) for iri, f in fields.items() if f.get("same")}
        for iri, f in fields.items():
            kinds = {t.value for t in f.get("kind", [])}
            kind = next((name for cls, name in KINDS.items() if cls in kinds), None)
            if kind is None or iri in self.same:
                continue
            self.actors[iri] = _actor(iri, kind, f)
        for member, canonical in sorted(self.same.items()):
            actor = self.actors.get(canonical)
            if actor is not None:
                names = {t.value for key in ("label", "alias") for t in fields[member].get(key, [])}
                aliases = tuple(sorted((set(actor.aliases) | names) - {actor.label}))
                self.actors[canonical] = replace(actor, aliases=aliases)
        self._exact: dict[str, set[str]] = {}
        self._words: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for name in (actor.label, *actor.aliases):
                for key in name_keys(name):
                    self._exact.setdefault(key, set()).add(actor.iri)
                    for word in key.split():
                        self._words.setdefault(word, set()).add(actor.iri)
            for code in (actor.iso2, actor.iso3, *_codes(fields[actor.iri])):
                if code:
                    self._exact.setdefault(normalise(code), set()).add(actor.iri)

    def __len__(self) -> int:
        return len(self.actors)

    def label(self, iri: str) -> str:
        """The actor's label, or the IRI's local name for anything else."""
        actor = self.actors.get(iri)
        return actor.label if actor else re.split(r"[/#]", iri)[-1]

    def state_of(self, iri: str) -> str:
        """The state an actor acts for: an agency's state (through its parents), a person's
        nationality; the actor itself when it is a state or none is known."""
        seen = {iri}
        actor = self.actors.get(iri)
        while actor is not None:
            parent = actor.part_of if actor.kind == "agency" else actor.nationality if actor.kind == "person" else None
            if not parent or parent in seen:
                break
            seen.add(parent)
            iri, actor = parent, self.actors.get(parent)
        return iri

    def ref(self, iri: str) -> ActorRef:
        iri = self.same.get(iri, iri)
        return ActorRef(iri, self.label(iri))

    def resolve(self, reference: str | Actor | ActorRef) -> Actor:
        """The one actor a reference means.

        Raises:
            AmbiguousReference: several actors fit, listed in the error.
            UnknownActor: none does.
        """
        if isinstance(reference, Actor | ActorRef):
            reference = reference.iri
        text = str(reference).strip()
        iri = expand(text)
        if iri is not None:
            iri = self.same.get(iri, iri)
            if iri in self.actors:
                return self.actors[iri]
            raise UnknownActor(text)
        key = normalise(text) or _symbols(text)
        if not key:
            raise UnknownActor(text)
        found = self._exact.get(key) or self._partial(key)
        if not found and not text.isascii():
            found = self._exact.get(normalise(ids.transliterate(text)), set())
        if len(found) == 1:
            return self.actors[next(iter(found))]
        if found:
            raise AmbiguousReference(text, self._candidates(found))
        close = difflib.get_close_matches(key, list(self._exact), n=5, cutoff=0.75)
        suggestions = {iri for k in close for iri in self._exact[k]}
        raise UnknownActor(text, self._candidates(suggestions))

    def search(self, name: str | None = None, kind: str | None = None) -> list[Actor]:
        """Actors whose label or an alias contains ``name`` (ignoring case and accents), of one kind."""
        wanted = kind_name(kind) if kind else None
        key = (normalise(name) or _symbols(name)) if name else ""
        out = [
            a
            for a in self.actors.values()
            if (wanted is None or a.kind == wanted)
            and (not key or any(key in k for n in (a.label, *a.aliases) for k in name_keys(n)))
        ]
        return sorted(out, key=lambda a: (normalise(a.label), a.iri))

    def _partial(self, key: str) -> set[str]:
        words = key.split()
        sets = [self._words.get(w, set()) for w in words]
        return set.intersection(*sets) if sets else set()

    def _candidates(self, iris: Iterable[str]) -> list[Candidate]:
        actors = sorted((self.actors[i] for i in iris), key=lambda a: (normalise(a.label), a.iri))
        return [(a.iri, a.label, a.kind) for a in actors]


def expand(text: str) -> str | None:
    """The IRI a reference spells out (``<…>``, ``https://…``, ``urn:…`` or a known CURIE), else None.

    Example:
        >>> expand("dipd:COL"), expand("Colombia")
        ('https://w3id.org/diplograph/id/COL', None)
    """
    if text.startswith("<") and text.endswith(">"):
        return text[1:-1]
    if re.match(r"^(https?|urn):\S+$", text):
        return text
    prefix, sep, local = text.partition(":")
    if sep and prefix in PREFIXES and re.fullmatch(r"[\w.-]*", local):
        return PREFIXES[prefix] + local
    return None


def _codes(f: dict[str, list[Term]]) -> list[str]:
    return [t.value for t in f.get("code", [])]


def _actor(iri: str, kind: str, f: dict[str, list[Term]]) -> Actor:
    labels = sorted(f.get("label", []), key=lambda t: (t.lang not in ("en", None), t.lang or "", t.value))
    label = labels[0].value if labels else re.split(r"[/#]", iri)[-1]
    aliases = sorted({t.value for t in [*labels[1:], *f.get("alias", [])]} - {label})
    actor = Actor(iri, label, kind, tuple(aliases))

    def first(field: str) -> str | None:
        values = sorted(t.value for t in f.get(field, []))
        return values[0] if values else None

    return replace(
        actor,
        iso2=first("iso2"),
        iso3=first("iso3"),
        wikidata=first("wikidata"),
        nationality=first("nationality"),
        part_of=first("partOf"),
    )
