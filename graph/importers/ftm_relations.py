"""The relations of FollowTheMoney files: ``Sanction``, ``Occupancy``, ``Family`` and ``Associate``,
each read once both its ends are (:class:`~graph.importers.ftm.FtmReader` keeps the actors and
positions by FtM id and makes a relation wait for its ends).

* ``Sanction`` -> ``dip:Sanction``: ``entity`` the target, ``authority`` the imposer (a known agency,
  else an agency of the sanction's ``country``, else an organisation; the country itself when no
  authority is named), ``program``, ``programId``, ``startDate``/``endDate``/``listingDate``,
  ``authorityId``, ``reason`` as a ``dip:Proposition``, ``sourceUrl`` on the record; with a start
  date, the designation act is an event (CAMEO 163) that ``dip:establishedBy`` names.
* ``Position`` + ``Occupancy`` -> a ``dip:Post`` and a ``dip:Tenure`` (keyed like extraction's, so an
  article's claim about the same presidency meets it); roles from the gazetteer's titles.
* ``Family`` -> ``dip:Kinship`` ("the relative is the ``relationship`` of the person"; the kinship
  nouns of the gazetteer, else ``relative``).
* ``Associate`` -> ``dip:Association`` (a tie other than family: "the associate is the
  ``relationship`` of the person", the relationship kept in the list's own words) and the shortcut
  ``dip:associateOf``; a link to or from an entity that is not a person is left out.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graph import ids
from graph.importers.actors import ActorCodes, Resolved
from graph.importers.base import Problem, Record
from graph.model import Actor, ActorKind, DateRange, Event, Fact, FactKind, Proposition, Sanction

DATASET = "ftm"


class FtmRelations:
    """The relation half of the FtM reader: what it needs of the reader are the actors and positions
    read so far, by FtM id, and the table of actor codes."""

    actors: dict[str, Resolved]
    positions: dict[str, tuple[str, str | None]]
    codes: ActorCodes

    def _ends(self, proxy: Any) -> list[str]:
        props = {
            "Sanction": ("entity",),
            "Occupancy": ("holder", "post"),
            "Family": ("person", "relative"),
            "Associate": ("person", "associate"),
        }[proxy.schema.name]
        return [proxy.first(p) or "" for p in props]

    def _ends_known(self, proxy: Any) -> bool:
        return all(e in self.actors or e in self.positions for e in self._ends(proxy))

    def _relation(self, n: int, proxy: Any) -> Record | Problem:
        kind = proxy.schema.name
        if kind == "Sanction":
            return self._sanction(n, proxy)
        if kind == "Occupancy":
            return self._occupancy(n, proxy)
        if kind == "Family":
            return self._family(n, proxy)
        return self._associate(n, proxy)

    def _sanction(self, n: int, proxy: Any) -> Record | Problem:
        target = self.actors.get(proxy.first("entity") or "")
        if target is None:
            return Problem(n, f"Sanction {proxy.id} has no entity")
        imposer = self._authority(proxy)
        if imposer is None:
            return Problem(n, f"Sanction {proxy.id} names no authority and no country")
        start, end, listed = (_date(proxy.first(p)) for p in ("startDate", "endDate", "listingDate"))
        if (start and start is _BAD) or (end and end is _BAD) or (listed and listed is _BAD):
            return Problem(n, f"Sanction {proxy.id} has a date that is not YYYY, YYYY-MM or YYYY-MM-DD")
        key = ids.imported_key(DATASET, "sanction", proxy.id)
        reason = proxy.first("reason")
        propositions: tuple[Proposition, ...] = ()
        if reason:
            about = (target.actor.key,)
            propositions = (Proposition(ids.proposition_key(reason[:500], about), reason[:500], about),)
        events: tuple[Event, ...] = ()
        if isinstance(start, DateRange):
            events = (
                Event(
                    ids.imported_key(DATASET, "ev", proxy.id),
                    "163",
                    actors=(imposer.actor.key,),
                    targets=(target.actor.key,),
                    date=start,
                ),
            )
        sanction = Sanction(
            key,
            (imposer.actor.key,),
            target.actor.key,
            start=start if isinstance(start, DateRange) else None,
            program=proxy.first("program"),
            reason=propositions[0].key if propositions else None,
            event=events[0].key if events else None,
        )
        extra: list[tuple[str, str, object]] = []
        if isinstance(end, DateRange):
            extra.append((key, "endDate", end.latest))
        if isinstance(listed, DateRange):
            extra.append((key, "listingDate", listed.earliest))
        for prop in ("authorityId", "programId"):
            if value := proxy.first(prop):
                extra.append((key, prop, value))
        actors = _defined(target, imposer)
        return Record(
            n,
            proxy.id,
            actors,
            events,
            sanctions=(sanction,),
            propositions=propositions,
            url=proxy.first("sourceUrl"),
            extra=tuple(extra),
        )

    def _authority(self, proxy: Any) -> Resolved | None:
        state = self.codes.state(proxy.first("country") or "")
        authority = " ".join((proxy.first("authority") or "").split())
        if not authority:
            return Resolved(state.actor()) if state is not None else None
        known = self.codes.names.get(ids.slug(authority))
        if known is not None and known.kind is ActorKind.AGENCY:
            return self.codes.agency(known)
        if known is not None and known.kind is not ActorKind.PERSON:
            return Resolved(known.actor())
        if state is not None:
            country = state.actor()
            key = ids.actor_key(ActorKind.AGENCY, authority, state=state.iso3)
            return Resolved(Actor(key, ActorKind.AGENCY, authority, part_of=country.key), (country,))
        return Resolved(Actor(ids.actor_key(ActorKind.ORGANIZATION, authority), ActorKind.ORGANIZATION, authority))

    def _occupancy(self, n: int, proxy: Any) -> Record | Problem:
        holder = self.actors.get(proxy.first("holder") or "")
        post = self.positions.get(proxy.first("post") or "")
        if holder is None or post is None:
            return Problem(n, f"Occupancy {proxy.id} needs a holder and a post")
        title, iso3 = post
        state = self.codes.state(iso3 or "")
        if state is None:
            return Problem(n, f"the post of Occupancy {proxy.id} has no country the model knows", bad=False)
        country = state.actor()
        title = short_title(title, state.name)
        start, end = _date(proxy.first("startDate")), _date(proxy.first("endDate"))
        if start is _BAD or end is _BAD:
            return Problem(n, f"Occupancy {proxy.id} has a date that is not YYYY, YYYY-MM or YYYY-MM-DD")
        post_key = ids.post_key(state.iso3 or country.key, title)
        fact = Fact(
            ids.tenure_key(holder.actor.key, post_key),
            FactKind.HOLDS_POST,
            holder.actor.key,
            country.key,
            title=title,
            roles=title_roles(title),
            start=start if isinstance(start, DateRange) else None,
            end=end if isinstance(end, DateRange) else None,
        )
        return Record(n, proxy.id, _defined(holder, Resolved(country)), facts=(fact,), url=proxy.first("sourceUrl"))

    def _family(self, n: int, proxy: Any) -> Record | Problem:
        person = self.actors.get(proxy.first("person") or "")
        relative = self.actors.get(proxy.first("relative") or "")
        if person is None or relative is None:
            return Problem(n, f"Family {proxy.id} needs a person and a relative")
        kind = _kinship(proxy.first("relationship") or "")
        fact = Fact(
            ids.kinship_key(person.actor.key, relative.actor.key, kind),
            FactKind.KINSHIP,
            person.actor.key,
            relative.actor.key,
            title=kind,
        )
        return Record(n, proxy.id, _defined(person, relative), facts=(fact,), url=proxy.first("sourceUrl"))

    def _associate(self, n: int, proxy: Any) -> Record | Problem:
        person = self.actors.get(proxy.first("person") or "")
        associate = self.actors.get(proxy.first("associate") or "")
        if person is None or associate is None:
            return Problem(n, f"Associate {proxy.id} needs a person and an associate")
        if person.actor.kind is not ActorKind.PERSON or associate.actor.kind is not ActorKind.PERSON:
            return Problem(n, f"Associate {proxy.id} links an entity that is not a person", bad=False)
        if person.actor.key == associate.actor.key:
            return Problem(n, f"Associate {proxy.id} links a person to themselves", bad=False)
        relationship = " ".join((proxy.first("relationship") or "").split())[:200] or None
        fact = Fact(
            ids.association_key(person.actor.key, associate.actor.key, relationship),
            FactKind.ASSOCIATE,
            person.actor.key,
            associate.actor.key,
            title=relationship,
        )
        return Record(n, proxy.id, _defined(person, associate), facts=(fact,), url=proxy.first("sourceUrl"))


class _Bad:
    """A date that does not parse."""


_BAD = _Bad()


def _date(text: str | None) -> DateRange | _Bad | None:
    if not text:
        return None
    parts = text.strip()[:10].split("-")
    try:
        if len(parts) == 1 and len(parts[0]) == 4:
            return DateRange.year(int(parts[0]))
        if len(parts) == 2:
            return DateRange.month(int(parts[0]), int(parts[1]))
        if len(parts) == 3:
            return DateRange.day(date(int(parts[0]), int(parts[1]), int(parts[2])))
    except ValueError:
        return _BAD
    return _BAD


def _defined(*sides: Resolved) -> tuple[Actor, ...]:
    out: dict[str, Actor] = {}
    for side in sides:
        for a in (side.actor, *side.also):
            out.setdefault(a.key, a)
    return tuple(out.values())


def short_title(title: str, state: str) -> str:
    """ "President of Colombia" -> "President" (the post's label adds "of Colombia" again)."""
    for sep in (f" of {state}", f" of the {state}", f", {state}"):
        if title.lower().endswith(sep.lower()):
            return title[: -len(sep)].strip() or title
    return title


def title_roles(title: str) -> tuple[str, ...]:
    from graph.extract.gazetteer import load_gazetteer

    low = title.lower()
    for t in load_gazetteer().titles:
        if low in t.forms or low == t.title:
            return tuple(t.roles)
    return ()


def _kinship(relationship: str) -> str:
    from graph.extract.gazetteer import load_gazetteer

    kinship = load_gazetteer().kinship
    low = relationship.strip().lower()
    return kinship.get(low) or kinship.get(low.rstrip("s")) or "relative"
