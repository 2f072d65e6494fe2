"""GDELT event files: 2.0 (61 tab-separated columns) and 1.0 (57 columns, 58 with SOURCEURL).

Each row is one directed event: ``EventCode`` (else ``EventBaseCode``, else ``EventRootCode``) is the
CAMEO concept, whose Goldstein value and quad class the scheme holds; ``Actor1Code``/``Actor2Code``
(with ``Actor1Name``/``Actor1CountryCode``) are the actor and the target (:mod:`graph.importers.actors`);
``SQLDATE`` is the day; ``NumMentions``, ``NumSources``, ``NumArticles`` stay on the record;
``SOURCEURL`` is the record's URL; ``GlobalEventID`` keys the event and the record. Rows of the
Mentions table (16 columns, in their own files) are further claims about the events of the events
files, each with the mention's URL and confidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from graph import ids
from graph.importers.actors import Resolved, actor_codes
from graph.importers.base import Problem, Reader, Record
from graph.model import Actor, DateRange, Event
from graph.store.base import Store

COLUMNS_2 = 61
COLUMNS_1 = (57, 58)
ID, SQLDATE = 0, 1
ACTOR1 = (5, 6, 7)  # code, name, country code
ACTOR2 = (15, 16, 17)
EVENT_CODE, BASE_CODE, ROOT_CODE = 26, 27, 28
NUM_MENTIONS, NUM_SOURCES, NUM_ARTICLES = 31, 32, 33
MENTION_COLUMNS = 16
"""GDELT 2.0 Mentions: GlobalEventID, EventTimeDate, MentionTimeDate, MentionType, MentionSourceName,
MentionIdentifier, SentenceID, Actor1CharOffset, Actor2CharOffset, ActionCharOffset, InRawText,
Confidence, MentionDocLen, MentionDocTone, MentionDocTranslationInfo, Extras."""


def reader(store: Store | None = None) -> Reader:
    """The GDELT reader (it needs nothing from the store)."""
    return read


def read(lines: Iterator[tuple[int, str]], name: str) -> Iterator[Record | Problem]:
    """Records of a GDELT event file (no header; a header line is reported as a bad row)."""
    from graph.ontology import cameo_types

    codes = cameo_types()
    actors = actor_codes()
    for n, line in lines:
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) == MENTION_COLUMNS:
            yield _mention(n, cols)
            continue
        if len(cols) == COLUMNS_2:
            url = cols[60].strip() or None
        elif len(cols) in COLUMNS_1:
            url = cols[57].strip() or None if len(cols) == 58 else None
        else:
            yield Problem(
                n, f"{len(cols)} tab-separated columns: not a GDELT 2.0 (61), 1.0 (57 or 58) event or mention (16) row"
            )
            continue
        event_id = cols[ID].strip()
        if not event_id.isdigit():
            yield Problem(n, f"GlobalEventID {event_id[:40]!r} is not a number")
            continue
        day = _day(cols[SQLDATE])
        if day is None:
            yield Problem(n, f"SQLDATE {cols[SQLDATE][:20]!r} is not a date YYYYMMDD")
            continue
        cameo = next((c for c in (cols[EVENT_CODE], cols[BASE_CODE], cols[ROOT_CODE]) if c.strip() in codes), None)
        if cameo is None:
            yield Problem(n, f"EventCode {cols[EVENT_CODE][:10]!r} is not a CAMEO code of the scheme")
            continue
        counts = []
        for key, col in (("numMentions", NUM_MENTIONS), ("numSources", NUM_SOURCES), ("numArticles", NUM_ARTICLES)):
            value = cols[col].strip()
            if value:
                if not value.isdigit():
                    yield Problem(n, f"{key[0].upper()}{key[1:]} {value[:20]!r} is not a count")
                    break
                counts.append((key, int(value)))
        else:
            one = actors.resolve(*(cols[i] for i in ACTOR1))
            two = actors.resolve(*(cols[i] for i in ACTOR2))
            record = event_record(n, "gdelt", event_id, cameo.strip(), one, two, DateRange.day(day), url, counts)
            yield record if record is not None else Problem(n, "neither actor is known", bad=False)


def event_record(
    line: int,
    dataset: str,
    record_id: str,
    cameo: str,
    source: Resolved | None,
    target: Resolved | None,
    when: DateRange,
    url: str | None = None,
    counts: list[tuple[str, int]] | None = None,
    key_parts: tuple[object, ...] | None = None,
) -> Record | None:
    """The record of one coded event: directed from ``source`` to ``target``; with one side only, that
    side is a participant (a dataset names no direction it does not know). None without either."""
    if source is None and target is None:
        return None
    defined: dict[str, Actor] = {}
    for side in (source, target):
        if side is not None:
            for a in (side.actor, *side.also):
                defined.setdefault(a.key, a)
    key = ids.imported_key(dataset, "ev", *(key_parts or (record_id,)))
    if source is not None and target is not None and source.actor.key != target.actor.key:
        event = Event(key, cameo, actors=(source.actor.key,), targets=(target.actor.key,), date=when)
    else:
        only = source or target
        assert only is not None
        event = Event(key, cameo, participants=(only.actor.key,), date=when)
    return Record(line, record_id, tuple(defined.values()), (event,), url=url, counts=tuple(counts or ()))


def _mention(line: int, cols: list[str]) -> Record | Problem:
    """A row of the Mentions table: one more claim about the event of its GlobalEventID (imported from
    the events file), derived from a record with the mention's URL and its Confidence / 100."""
    event_id, url, confidence = cols[0].strip(), cols[5].strip(), cols[11].strip()
    if not event_id.isdigit():
        return Problem(line, f"GlobalEventID {event_id[:40]!r} is not a number")
    if not confidence.isdigit() or int(confidence) > 100:
        return Problem(line, f"Confidence {confidence[:10]!r} is not a percentage")
    key = ids.imported_key("gdelt", "ev", event_id)
    return Record(line, event_id, url=url or None, about=(key,), confidence=int(confidence) / 100)


def _day(text: str) -> date | None:
    text = text.strip()
    if len(text) != 8 or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None
