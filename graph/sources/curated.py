"""Curated input: facts an analyst writes by hand in YAML or JSON (format: docs/curated-format.md).

A curated file becomes one source graph (``graph/curated-{name}``) and goes through the same
model objects and :mod:`graph.triples` as extracted facts. Actors are written once under
``actors`` with a file-local ``id`` and referred to by it; their IRIs are the canonical ones
(:func:`graph.ids.actor_key`), so curated and extracted facts about Petro meet on one node.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from graph import ids
from graph.errors import SourceError
from graph.model import (
    Actor,
    ActorKind,
    Article,
    Claim,
    DateRange,
    Event,
    Evidence,
    Extraction,
    Extractor,
    Fact,
    FactKind,
    Modality,
    Proposition,
    Sanction,
)
from graph.sources.text import DEFAULT_MAX_BYTES, decode_text, decode_unicode, read_limited
from graph.sources.yamlsafe import check_unicode, load_yaml

CURATED_EXTRACTOR = "curated"
_ISO3 = re.compile(r"[A-Za-z]{3}")
_QID = re.compile(r"Q[1-9][0-9]*")
_ROLE = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_KEY = re.compile(r"[A-Za-z0-9._~-]+|https?://[^\s<>\"{}|\\^`]+")
SECTIONS = ("source", "analyst", "articles", "actors", "events", "roles", "family", "sanctions", "agencies")


@dataclass(frozen=True)
class CuratedSource:
    """What one curated file says: its graph name and one extraction per cited article."""

    name: str
    path: str
    extractions: tuple[Extraction, ...]

    @property
    def graph(self) -> str:
        return ids.source_graph(self.name)


def read_curated(path: str | Path, *, max_bytes: int = 5_000_000) -> CuratedSource:
    """Read and check a curated YAML or JSON file.

    Raises:
        SourceError: the file is unreadable, not YAML/JSON, or a record is invalid; the message
            names the file and the record (``events[2].modality``) or line.

    Example:
        >>> import tempfile, textwrap
        >>> p = Path(tempfile.mkdtemp()) / "f.yaml"
        >>> _ = p.write_text(textwrap.dedent('''
        ...     articles: [{id: a1, title: T, outlet: O, published: 2026-01-15}]
        ...     actors:
        ...       - {id: col, kind: state, name: Colombia, iso3: COL, iso2: CO}
        ...       - {id: usa, kind: state, name: United States, iso3: USA, iso2: US}
        ...     events:
        ...       - {type: "130", actor: usa, target: col, date: 2026-01-04, source: a1,
        ...          evidence: "action against Colombia"}
        ... '''))
        >>> src = read_curated(p)
        >>> [e.cameo for e in src.extractions[0].events]
        ['130']
    """
    p = Path(path)
    data = _load(p, max_bytes)
    return _Reader(p, data).read()


def _load(p: Path, max_bytes: int) -> Mapping[str, Any]:
    where = str(p)
    content = decode_unicode(read_limited(p, max_bytes), where, hint="save the file as UTF-8")
    if p.suffix.lower() == ".json":
        try:
            data = json.loads(content)
        except json.JSONDecodeError as exc:
            raise SourceError(
                f"not valid JSON: {exc.msg} (column {exc.colno})",
                where=f"{where}:{exc.lineno}",
                hint="fix the JSON syntax",
            ) from exc
        except RecursionError:
            raise SourceError(
                "JSON is nested too deeply to read", where=where, hint="flatten the nested lists and objects"
            ) from None
        check_unicode(data, where)
    else:
        # aliases (*name) are allowed but bounded: a 1 KB alias bomb is refused at once (graph.sources.yamlsafe)
        data = load_yaml(content, where, loader=_loader())
    if not isinstance(data, Mapping):
        raise SourceError(
            "a curated file must be a mapping with sections such as actors and events",
            where=where,
            hint="see docs/curated-format.md",
        )
    unknown = sorted(map(str, set(data) - set(SECTIONS)))
    if unknown:
        raise SourceError(
            f"unknown section(s) {', '.join(unknown)}",
            where=where,
            hint="allowed sections: " + ", ".join(SECTIONS),
        )
    return data


def _loader() -> type:
    """A SafeLoader that leaves dates as strings, so that a bad date is reported by us, per record."""
    import yaml

    class NoDates(yaml.SafeLoader):
        pass

    NoDates.yaml_implicit_resolvers = {
        ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    return NoDates


class _Reader:
    def __init__(self, path: Path, data: Mapping[str, Any]) -> None:
        self.path = path
        self.data = data
        self.articles: dict[str, Article] = {}
        self.actors: dict[str, Actor] = {}
        self.by_article: dict[str, dict[str, list[Any]]] = {}

    # -- helpers --------------------------------------------------------------------------
    def fail(self, record: str, message: str, hint: str | None = None) -> SourceError:
        return SourceError(message, where=f"{self.path}: {record}", hint=hint)

    def records(self, section: str) -> list[tuple[str, Mapping[str, Any]]]:
        items = self.data.get(section) or []
        if not isinstance(items, Sequence) or isinstance(items, str):
            raise self.fail(section, "must be a list of records")
        out = []
        for i, item in enumerate(items):
            if not isinstance(item, Mapping):
                raise self.fail(f"{section}[{i}]", "must be a mapping (key: value pairs)")
            out.append((f"{section}[{i}]", item))
        return out

    def text(self, rec: str, item: Mapping[str, Any], key: str, required: bool = True) -> str | None:
        value = item.get(key)
        if value is None or value == "" or (isinstance(value, str) and ids.is_blank(value)):
            if required:
                raise self.fail(f"{rec}.{key}", "is missing")
            return None
        return str(value)

    def actor_ref(self, rec: str, value: Any) -> str:
        if not isinstance(value, str | int | float | bool) or value not in self.actors:
            known = ", ".join(sorted(self.actors)) or "none"
            raise self.fail(
                rec, f"refers to the undefined actor {value!r}", hint=f"define it under actors (defined: {known})"
            )
        return self.actors[value].key

    def actor_list(self, rec: str, value: Any) -> tuple[str, ...]:
        if value is None:
            return ()
        values = value if isinstance(value, list) else [value]
        return tuple(self.actor_ref(rec, v) for v in values)

    def modality(self, rec: str, item: Mapping[str, Any], default: Modality = Modality.ASSERTED) -> Modality:
        raw = item.get("modality")
        if raw is None:
            return default
        try:
            return Modality(str(raw).lower())
        except ValueError:
            raise self.fail(
                f"{rec}.modality",
                f"unknown modality {raw!r}",
                hint="use one of " + ", ".join(m.value for m in Modality),
            ) from None

    def confidence(self, rec: str, item: Mapping[str, Any]) -> float:
        raw = item.get("confidence", 1.0)
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise self.fail(f"{rec}.confidence", f"{raw!r} is not a number") from None
        if not 0.0 <= value <= 1.0:
            raise self.fail(f"{rec}.confidence", f"{value} is outside [0, 1]")
        return value

    def date_range(self, rec: str, raw: Any) -> DateRange | None:
        if raw is None or raw == "":
            return None
        try:
            return parse_date_range(raw)
        except ValueError as exc:
            raise self.fail(
                rec,
                f"unparseable date {raw!r}: {exc}",
                hint="write YYYY-MM-DD, YYYY-MM, YYYY, or {earliest: ..., latest: ...}",
            ) from None

    def evidence(self, rec: str, item: Mapping[str, Any]) -> tuple[str, Evidence]:
        source = self.text(rec, item, "source", required=len(self.articles) != 1)
        if source is None:
            source = next(iter(self.articles))
        if source not in self.articles:
            raise self.fail(
                f"{rec}.source", f"refers to the undefined article {source!r}", hint="define it under articles"
            )
        quote = self.text(rec, item, "evidence")
        assert quote is not None
        article = self.articles[source]
        start = end = None
        if article.text:
            found = article.text.find(quote)
            if found < 0:
                raise self.fail(
                    f"{rec}.evidence",
                    f"the quote is not in the text of article {source!r}",
                    hint="copy the sentence exactly as the article has it",
                )
            start, end = found, found + len(quote)
        return source, Evidence(quote, start, end, None, rule=f"curated:{rec}")

    def term(self, rec: str, item: Mapping[str, Any]) -> int | None:
        raw = item.get("term")
        if not raw:
            return None
        try:
            value = int(str(raw))
        except ValueError:
            raise self.fail(f"{rec}.term", f"{raw!r} is not a whole number", hint="write 2 for a second term") from None
        if not 1 <= value <= 99:
            raise self.fail(f"{rec}.term", f"{value} is not a term number", hint="write 2 for a second term")
        return value

    def add(self, source: str, kind: str, obj: Any) -> None:
        self.by_article.setdefault(source, {}).setdefault(kind, []).append(obj)

    # -- sections -------------------------------------------------------------------------
    def read(self) -> CuratedSource:
        name = str(self.data.get("source") or self.path.stem)
        analyst = str(self.data.get("analyst") or "analyst")
        self.read_articles()
        self.read_actors()
        self.read_agencies()
        self.read_events()
        self.read_roles()
        self.read_family()
        self.read_sanctions()
        extractor = Extractor(CURATED_EXTRACTOR, ids.name_key(name) or "1", model=analyst)
        extractions = []
        for aid, article in self.articles.items():
            parts = self.by_article.get(aid, {})
            extractions.append(
                Extraction(
                    article=article,
                    extractor=extractor,
                    actors=tuple(self.actors.values()),
                    events=tuple(parts.get("events", [])),
                    facts=tuple(parts.get("facts", [])),
                    sanctions=tuple(parts.get("sanctions", [])),
                    propositions=tuple(dict.fromkeys(parts.get("propositions", []))),
                    claims=tuple(parts.get("claims", [])),
                )
            )
        return CuratedSource(name=name, path=str(self.path), extractions=tuple(extractions))

    def read_articles(self) -> None:
        recs = self.records("articles")
        if not recs:
            raise self.fail(
                "articles",
                "is missing: every fact must cite an article",
                hint="add an articles list with at least an id and a title",
            )
        for rec, item in recs:
            aid = self.text(rec, item, "id")
            assert aid is not None
            body = ""
            if item.get("text_file"):
                tf = self.path.parent / str(item["text_file"])
                try:
                    body = decode_text(read_limited(tf, DEFAULT_MAX_BYTES), str(tf))
                except (SourceError, ValueError) as exc:  # ValueError: a NUL in the path
                    raise self.fail(f"{rec}.text_file", f"cannot read {tf}: {exc}") from exc
            published = item.get("published")
            try:
                pub = date.fromisoformat(str(published)) if published else None
            except ValueError:
                raise self.fail(
                    f"{rec}.published", f"unparseable date {published!r}", hint="write YYYY-MM-DD"
                ) from None
            self.articles[aid] = Article(
                text=body,
                id=aid,
                title=self.text(rec, item, "title", False),
                url=self.text(rec, item, "url", False),
                outlet=self.text(rec, item, "outlet", False),
                published=pub,
                origin=f"{self.path}: {rec}",
            )

    def read_actors(self) -> None:
        pending: list[tuple[str, Mapping[str, Any]]] = []
        for rec, item in self.records("actors"):
            local = self.text(rec, item, "id")
            name = self.text(rec, item, "name")
            assert local is not None and name is not None
            try:
                kind = ActorKind(str(item.get("kind", "")).lower())
            except ValueError:
                raise self.fail(
                    f"{rec}.kind",
                    f"unknown actor kind {item.get('kind')!r}",
                    hint="use one of " + ", ".join(k.value for k in ActorKind),
                ) from None
            if local in self.actors:
                raise self.fail(f"{rec}.id", f"the id {local!r} is defined twice")
            iso3 = self.text(rec, item, "iso3", required=kind is ActorKind.STATE)
            state_iso = None
            if kind is ActorKind.AGENCY and item.get("of"):
                parent = self.data_actor(item["of"])
                state_iso = parent.get("iso3") if parent else None
            aliases = item.get("aliases") or []
            if not isinstance(aliases, list):
                raise self.fail(f"{rec}.aliases", "must be a list of names")
            if iso3 is not None and not _ISO3.fullmatch(iso3):
                raise self.fail(
                    f"{rec}.iso3", f"{iso3!r} is not an ISO 3166 alpha-3 code", hint="write three letters, e.g. COL"
                )
            wikidata = self.text(rec, item, "wikidata", False)
            if wikidata is not None and not _QID.fullmatch(wikidata):
                raise self.fail(
                    f"{rec}.wikidata", f"{wikidata!r} is not a Wikidata id", hint="write Q and digits, e.g. Q739"
                )
            self.actors[local] = Actor(
                key=ids.actor_key(kind, name, iso3=iso3, state=str(state_iso) if state_iso else None),
                kind=kind,
                name=name,
                aliases=tuple(str(a) for a in aliases),
                iso2=self.text(rec, item, "iso2", False),
                iso3=iso3,
                cameo_code=self.text(rec, item, "cameo", False),
                wikidata=wikidata,
            )
            pending.append((rec, item))
        # second pass: references between actors
        for rec, item in pending:
            a = self.actors[str(item["id"])]
            nationality = self.actor_ref(f"{rec}.nationality", item["nationality"]) if item.get("nationality") else None
            part_of = self.actor_ref(f"{rec}.of", item["of"]) if item.get("of") else None
            self.actors[str(item["id"])] = replace(a, nationality=nationality, part_of=part_of)

    def data_actor(self, local: Any) -> Mapping[str, Any] | None:
        for _, item in self.records("actors"):
            if item.get("id") == local:
                return item
        return None

    def read_agencies(self) -> None:
        if self.data.get("agencies"):
            raise self.fail(
                "agencies",
                "is not a section of its own",
                hint="give an agency its state with `of:` in its actors record",
            )

    def read_events(self) -> None:
        for rec, item in self.records("events"):
            code = self.text(rec, item, "type")
            assert code is not None
            source, evidence = self.evidence(rec, item)
            actors = self.actor_list(f"{rec}.actor", item.get("actor"))
            targets = self.actor_list(f"{rec}.target", item.get("target"))
            participants = self.actor_list(f"{rec}.participants", item.get("participants"))
            if not (actors or participants):
                raise self.fail(
                    rec,
                    "names neither an actor nor participants",
                    hint="directed events need actor (and target); symmetric ones participants",
                )
            when = self.date_range(f"{rec}.date", item.get("date"))
            if item.get("key") and not _KEY.fullmatch(str(item["key"])):
                raise self.fail(
                    f"{rec}.key", f"{item['key']!r} cannot be part of an IRI", hint="use letters, digits and - . _ ~"
                )
            key = (
                str(item["key"])
                if item.get("key")
                else ids.event_key(
                    code,
                    actors + targets + participants,
                    when.earliest.isoformat() if when else None,
                    when.latest.isoformat() if when else None,
                )
            )
            self.add(
                source,
                "events",
                Event(
                    key=key,
                    cameo=code,
                    actors=actors,
                    targets=targets,
                    participants=participants,
                    date=when,
                    place=self.actor_ref(f"{rec}.place", item["place"]) if item.get("place") else None,
                    modality=self.modality(rec, item),
                    claimant=self.actor_ref(f"{rec}.claimant", item["claimant"]) if item.get("claimant") else None,
                    confidence=self.confidence(rec, item),
                    evidence=evidence,
                ),
            )

    def read_roles(self) -> None:
        for rec, item in self.records("roles"):
            source, evidence = self.evidence(rec, item)
            person = self.actor_ref(f"{rec}.person", item.get("person"))
            org = self.actor_ref(f"{rec}.of", item.get("of"))
            title = self.text(rec, item, "title")
            assert title is not None
            start = self.date_range(f"{rec}.start", item.get("start"))
            org_actor = next(a for a in self.actors.values() if a.key == org)
            post = ids.post_key(org_actor.iso3 or org_actor.key, title)
            roles = item.get("roles") or []
            if isinstance(roles, str):
                roles = [roles]
            if not isinstance(roles, list):
                raise self.fail(f"{rec}.roles", "must be a list of role names", hint="e.g. [headOfState]")
            for role in roles:
                if not _ROLE.fullmatch(str(role)):
                    raise self.fail(
                        f"{rec}.roles",
                        f"{role!r} is not a role name",
                        hint="use the concepts of ontology/schemes/role.ttl, e.g. headOfState, foreignMinister",
                    )
            self.add(
                source,
                "facts",
                Fact(
                    key=ids.tenure_key(person, post, self.term(rec, item)),
                    kind=FactKind.HOLDS_POST,
                    subject=person,
                    object=org,
                    title=title,
                    roles=tuple(str(r) for r in roles),
                    start=start,
                    end=self.date_range(f"{rec}.end", item.get("end")),
                    modality=self.modality(rec, item),
                    confidence=self.confidence(rec, item),
                    evidence=evidence,
                ),
            )

    def read_family(self) -> None:
        for rec, item in self.records("family"):
            source, evidence = self.evidence(rec, item)
            person = self.actor_ref(f"{rec}.person", item.get("person"))
            relative = self.actor_ref(f"{rec}.relative", item.get("relative"))
            kind = str(item.get("type") or "relative")
            if kind not in ("spouse", "child", "parent", "sibling", "relative"):
                raise self.fail(
                    f"{rec}.type",
                    f"unknown kinship type {kind!r}",
                    hint="use spouse, child, parent, sibling or relative",
                )
            self.add(
                source,
                "facts",
                Fact(
                    key=ids.kinship_key(person, relative, kind),
                    kind=FactKind.KINSHIP,
                    subject=person,
                    object=relative,
                    title=kind,
                    modality=self.modality(rec, item),
                    confidence=self.confidence(rec, item),
                    evidence=evidence,
                ),
            )

    def read_sanctions(self) -> None:
        for rec, item in self.records("sanctions"):
            source, evidence = self.evidence(rec, item)
            imposers = self.actor_list(f"{rec}.imposed_by", item.get("imposed_by"))
            if not imposers:
                raise self.fail(f"{rec}.imposed_by", "is missing: who imposed the sanction?")
            targets = self.actor_list(f"{rec}.target", item.get("target"))
            if not targets:
                raise self.fail(f"{rec}.target", "is missing: who is sanctioned?")
            start = self.date_range(f"{rec}.date", item.get("date"))
            start_iso = start.earliest.isoformat() if start else None
            confidence = self.confidence(rec, item)
            reason_key = None
            if item.get("reason"):
                label = str(item["reason"])
                reason_key = ids.proposition_key(label, targets)
                self.add(source, "propositions", Proposition(reason_key, label, targets))
                alleged_by = self.actor_list(f"{rec}.reason_alleged_by", item.get("reason_alleged_by")) or imposers
                for claimant in alleged_by:
                    self.add(source, "claims", Claim(reason_key, Modality.ALLEGED, claimant, confidence, evidence))
                for denier in self.actor_list(f"{rec}.reason_denied_by", item.get("reason_denied_by")):
                    self.add(source, "claims", Claim(reason_key, Modality.DENIED, denier, confidence, evidence))
            event_key = ids.event_key("163", imposers + targets, start_iso, start.latest.isoformat() if start else None)
            self.add(
                source,
                "events",
                Event(
                    key=event_key,
                    cameo=str(item.get("type") or "163"),
                    actors=imposers,
                    targets=targets,
                    date=start,
                    modality=self.modality(rec, item),
                    confidence=confidence,
                    evidence=evidence,
                    topic=reason_key,
                ),
            )
            for target in targets:
                self.add(
                    source,
                    "sanctions",
                    Sanction(
                        key=ids.sanction_key(imposers, target, start_iso),
                        imposers=imposers,
                        target=target,
                        start=start,
                        program=self.text(rec, item, "program", False),
                        legal_basis=self.text(rec, item, "legal_basis", False),
                        reason=reason_key,
                        event=event_key,
                        modality=self.modality(rec, item),
                        confidence=confidence,
                        evidence=evidence,
                    ),
                )


def parse_date_range(raw: Any) -> DateRange:
    """Read ``2026-01-04``, ``2025-10``, ``2025`` or ``{earliest: d, latest: d}`` into a DateRange.

    Example:
        >>> parse_date_range("2025-10").iso()
        '2025-10'
    """
    if isinstance(raw, date):
        return DateRange.day(raw)
    if isinstance(raw, Mapping):
        lo, hi = raw.get("earliest"), raw.get("latest")
        if lo is None or hi is None:
            raise ValueError("a window needs both earliest and latest")
        return DateRange.between(_day(lo), _day(hi))
    value = str(raw).strip()
    if len(value) == 4 and value.isdigit():
        return DateRange.year(int(value))
    if len(value) == 7 and value[4] == "-":
        year, month = int(value[:4]), int(value[5:])
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        return DateRange.month(year, month)
    return DateRange.day(_day(value))


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
