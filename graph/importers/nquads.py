"""The fast path of event records: N-Quads text written straight from a template.

A million GDELT rows are some twenty million quads; building a :class:`~graph.store.base.Quad` per
statement and converting it to a pyoxigraph term costs more than Oxigraph's bulk loader takes to
load them. Records that hold events only (GDELT, ICEWS, POLECAT) are therefore written here as
N-Quads lines, with the same statements :class:`~graph.importers.quads.FileWriter` gives through
:mod:`graph.triples` (a test compares the two on every test file); the lines go to a file that the
bulk loader reads. Anything else (actors, the first time a file names them; sanctions, tenures,
kinships) is written by :class:`FileWriter` and turned into lines with :meth:`Quad.nq`.
"""

from __future__ import annotations

from graph import ids
from graph.importers.base import Record
from graph.importers.quads import COUNT_PROPERTIES, XSD_ANYURI, FileWriter
from graph.model import Event
from graph.store.base import _escape
from graph.triples import DCT, DIP, MOD, PRECISION_UNIT, PROV, RDF_TYPE, SCHEMA, XSD

_INTEGER, _DATE = f"^^<{XSD}integer>", f"^^<{XSD}date>"
_ANYURI = f"^^<{XSD_ANYURI}>"


def _iri(term: object) -> str:
    return f"<{term}>"


class EventLines:
    """N-Quads lines of the records of one file, through ``writer`` for what is not an event."""

    def __init__(self, writer: FileWriter) -> None:
        from graph.ontology import cameo_types

        self.writer = writer
        self.codes = cameo_types()
        g = f" <{writer.graph}> .\n"
        self.g = g
        self.id = ids.ID
        self.cameo = str(_iri_prefix("cameo"))
        self.asserted = _iri(MOD["asserted"])
        p = {
            "type": RDF_TYPE,
            "eventType": DIP.eventType,
            "actor": DIP.actor,
            "target": DIP.target,
            "participant": DIP.participant,
            "date": DIP.date,
            "earliest": DIP.dateEarliest,
            "latest": DIP.dateLatest,
            "precision": DIP.datePrecision,
            "about": DIP.about,
            "modality": DIP.modality,
            "derived": PROV.wasDerivedFrom,
            "generated": PROV.wasGeneratedBy,
            "fromFile": DIP.fromFile,
            "line": DIP.lineNumber,
            "identifier": DCT.identifier,
            "url": SCHEMA.url,
        }
        self.p = {k: f" <{v.value}> " for k, v in p.items()}
        self.counts = {k: f" <{v.value}> " for k, v in COUNT_PROPERTIES.items()}
        self.cls = {k: f"<{getattr(DIP, k).value}>{g}" for k in ("Interaction", "Event", "Claim", "DatasetRecord")}
        self.tail = {
            "file": f"<{writer.file.value}>{g}",
            "run": f"<{writer.run.value}>{g}",
            "asserted": f"{self.asserted}{g}",
        }
        self.record_prefix = ids.record_key(writer.dataset.name, writer.name, 0).rsplit("-", 1)[0] + "-"
        self.units = {prec: f"<{unit.value}>{g}" for prec, unit in PRECISION_UNIT.items()}

    def lines(self, rec: Record) -> str:
        """The lines of one record (raises MappingError as the generic path does)."""
        if (
            rec.facts
            or rec.sanctions
            or rec.propositions
            or rec.extra
            or rec.matches
            or rec.about
            or any(map(_special, rec.events))
        ):
            return "".join(q.nq() + "\n" for q in self.writer.record(rec))
        w = self.writer
        out: list[str] = []
        if any(a.key not in w.written for a in rec.actors):  # by graph.triples, once per file
            out.extend(q.nq() + "\n" for q in w.actors(rec))
        p, g, tail = self.p, self.g, self.tail
        record_key = self.record_prefix + _record_hash(w, rec.line)  # ids.record_key, its prefix made once
        r = f"<{self.id}{record_key}>"
        out.append(f"{r}{p['type']}{self.cls['DatasetRecord']}")
        out.append(f"{r}{p['fromFile']}{tail['file']}")
        out.append(f'{r}{p["line"]}"{rec.line}"{_INTEGER}{g}')
        out.append(f'{r}{p["identifier"]}"{_escape(rec.id)}"{g}')
        if rec.url:
            out.append(f'{r}{p["url"]}"{_escape(rec.url)}"{_ANYURI}{g}')
        for key, value in rec.counts:
            out.append(f'{r}{self.counts[key]}"{value}"{_INTEGER}{g}')
        known = {a.key for a in rec.actors}
        for e in rec.events:
            self._event(out, e, known, w, r, record_key)
        return "".join(out)

    def _event(self, out: list[str], e: Event, known: set[str], w: FileWriter, r: str, record_key: str) -> None:
        from graph.errors import MappingError

        p, g = self.p, self.g
        if e.cameo not in self.codes:
            raise MappingError(f"event {e.key} has the unknown CAMEO event code {e.cameo!r}")
        for key in e.everyone:
            if key not in known:
                raise MappingError(f"event {e.key} refers to the undefined actor {key!r}")
        s = f"<{self.id}{e.key}>"
        out.append(f"{s}{p['type']}{self.cls['Interaction' if e.directed else 'Event']}")
        out.append(f"{s}{p['eventType']}<{self.cameo}{e.cameo}>{g}")
        for role, keys in (("actor", e.actors), ("target", e.targets), ("participant", e.participants)):
            for key in keys:
                out.append(f"{s}{p[role]}<{self.id}{key}>{g}")
        d = e.date
        if d is not None:
            if d.exact:
                out.append(f'{s}{p["date"]}"{d.exact.isoformat()}"{_DATE}{g}')
            out.append(f'{s}{p["earliest"]}"{d.earliest.isoformat()}"{_DATE}{g}')
            out.append(f'{s}{p["latest"]}"{d.latest.isoformat()}"{_DATE}{g}')
            if d.precision in self.units:
                out.append(f"{s}{p['precision']}{self.units[d.precision]}")
        claim = f"<{self.id}{ids.claim_key(w.graph, e.key, e.modality.value, None, record_key)}>"
        out.append(f"{claim}{p['type']}{self.cls['Claim']}")
        out.append(f"{claim}{p['about']}{s}{g}")
        out.append(f"{claim}{p['modality']}{self.tail['asserted']}")
        out.append(f"{claim}{p['derived']}{r}{g}")
        out.append(f"{claim}{p['generated']}{self.tail['run']}")


def _special(e: Event) -> bool:
    """Events the template does not write (the generic path does): other stances, places, topics."""
    return (
        e.modality.value != "asserted"
        or e.claimant is not None
        or e.confidence < 1.0
        or e.place is not None
        or e.topic is not None
        or e.responds_to is not None
    )


def _iri_prefix(name: str) -> str:
    from graph.prefixes import PREFIXES

    return PREFIXES[name]


def _record_hash(w: FileWriter, line: int) -> str:
    """The hash part of :func:`graph.ids.record_key` for a line of the writer's file."""
    return ids.digest(w.name, line, w.place) if w.place is not None else ids.digest(w.name, line)
