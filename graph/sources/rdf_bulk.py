"""One streaming pass over a large RDF file for a bulk load: the quads to store, and what the ingest reports.

:meth:`RdfBulkRead.quads` parses the file (:func:`graph.sources.rdf.parse`) and hands each quad on as
it is to be stored: blank nodes named, default-graph triples in the file's own graph, index quads
(digests an exported store carried) left out. On the way it tells the store, before the first new
quad of each, which graph it is about to replace and which subject's record in ``graph/meta`` (so the
old versions can be cleared first), and keeps the graph names, the counts of the report and the
statements digests are computed from (:data:`graph.digests.INPUT_PREDICATES`). :meth:`RdfBulkRead.finish`
then gives the digests (:mod:`graph.digests`) of the file's source graphs and articles, computed exactly
as for any other write. The file's quads are never held; those statements are (in this model, the
events', claims' and sentences' own: about half of a generated corpus), so Python's memory grows with
them (measured at 1M quads: a peak of 1,027 MiB for the whole ingest, 931 MiB for the bare loader).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph import ids
from graph.sources.rdf import Skolemiser, encoding_mark, own_graph, parse, rdf_format, skolemised, term
from graph.store.base import Quad, Term, WriteBatch

ACTOR_CLASSES = ("Person", "State", "GovernmentAgency", "InternationalOrganization", "Organization", "Group")
COUNTED = {
    "articles": ("Article",),
    "actors": ACTOR_CLASSES,
    "events": ("Event", "Interaction"),
    "facts": ("Tenure", "Kinship", "Association"),
    "sanctions": ("Sanction",),
}
_USED = "http://www.w3.org/ns/prov#used"
_HEAD = 1 << 20


@dataclass
class RdfBulkRead:
    """The read of one file for a bulk load; the attributes fill in as :meth:`quads` runs."""

    path: str
    graphs: set[str] = field(default_factory=set)
    """Every graph the file writes (``graph/meta`` included)."""
    meta_subjects: set[str] = field(default_factory=set)
    kept: list[ox.Quad] = field(default_factory=list)
    """The ``graph/meta`` quads of the subjects ``new_subject`` asked to keep."""
    quads_read: int = 0
    """Quads handed on (the file's, less index quads)."""
    index_quads: int = 0
    """Digest quads the file carried (an exported store read back): left out, computed again."""
    blank_nodes: bool = False
    written_extra: int = 0
    """The digests written with the file's quads (set by the writer)."""
    counts: dict[str, int] = field(default_factory=dict)
    _by_class: dict[str, set[str]] = field(default_factory=dict)
    _digest_input: list[Quad] = field(default_factory=list)

    def __post_init__(self) -> None:
        rdf_format(self.path)  # a SourceError for a file that is not RDF, before anything starts

    def verbatim(self) -> bool:
        """Whether Oxigraph can likely load the file as it is: UTF-8 without a byte-order mark, and no
        text in its first mebibyte that could make a blank node. A guess, cheap whatever the file's
        size: :meth:`quads` tells for sure (:attr:`blank_nodes`, :attr:`index_quads`)."""
        if encoding_mark(self.path) != "plain":
            return False
        markers = [b"_:"]
        if rdf_format(self.path) in ("turtle", "trig"):
            markers += [b"[", b"("]
        with open(self.path, "rb") as f:
            head = f.read(_HEAD)
        return all(m not in head for m in markers)

    @property
    def replaced_graphs(self) -> set[str]:
        """The graphs the file replaces whole (``graph/meta`` is shared: only its subjects' records are)."""
        return self.graphs - {ids.META_GRAPH}

    def quads(
        self,
        new_graph: Callable[[str], None],
        new_subject: Callable[[str, str], bool],
        *,
        stop_at_blank: bool = False,
    ) -> Iterator[ox.Quad]:
        """The quads to store. ``new_graph(g)`` is called before the first quad of each graph the file
        replaces, ``new_subject(graph/meta, s)`` before the first of each subject it describes there;
        when that returns True, the subject's quads there are also kept in :attr:`kept`.

        With ``stop_at_blank`` the read ends at the first blank node (:attr:`blank_nodes` tells), and IRIs
        are not checked (for a read beside Oxigraph's own load of the file, which checks them).

        Raises:
            SourceError: unreadable file or a syntax error (with the parser's line and column).
        """
        from graph.digests import INDEX_PREDICATES, INPUT_PREDICATES

        p = Path(self.path)
        meta, dip, shared = ids.META_GRAPH, ids.ONTOLOGY, ids.SHARED_GRAPHS
        graphs, meta_subjects = self.graphs, self.meta_subjects
        by_class, digest_input = self._by_class, self._digest_input
        iris: dict[str, Term] = {}
        literals: dict[object, Term] = {}
        keep: set[str] = set()
        kept = self.kept
        last_graph, in_meta, digested = "", False, False
        n = 0
        blank, named = ox.BlankNode, ox.NamedNode
        own = named(own_graph(p))
        skolem = Skolemiser(p)
        for q in parse(p, lenient=stop_at_blank):
            s, o, graph_node = q.subject, q.object, q.graph_name
            if type(s) is blank or type(o) is blank or type(graph_node) is not named:
                if stop_at_blank and blank in (type(s), type(o), type(graph_node)):
                    self.blank_nodes = True
                    return
                q = next(skolemised([q], own, skolem))
                s, o, graph_node = q.subject, q.object, q.graph_name
            g = graph_node.value  # type: ignore[union-attr]  # a NamedNode now
            if g != last_graph:
                last_graph, in_meta, digested = g, g == meta, g not in shared
                if g not in graphs:
                    graphs.add(g)
                    if not in_meta:
                        new_graph(g)
            predicate = q.predicate.value
            if predicate in INPUT_PREDICATES:
                if digested or in_meta or predicate == _USED:
                    sv = s.value  # type: ignore[union-attr]
                    ov = o.value if type(o) is named else None  # type: ignore[union-attr]
                    digest_input.append(
                        Quad(
                            iris.get(sv) or iris.setdefault(sv, Term.uri(sv)),
                            iris.get(predicate) or iris.setdefault(predicate, Term.uri(predicate)),
                            (iris.get(ov) or iris.setdefault(ov, Term.uri(ov)))
                            if ov is not None
                            else (literals.get(o) or literals.setdefault(o, term(o))),
                            iris.get(g) or iris.setdefault(g, Term.uri(g)),
                        )
                    )
            elif predicate in INDEX_PREDICATES:
                self.index_quads += 1
                continue
            elif predicate.endswith("#type") and type(o) is named and o.value.startswith(dip):  # type: ignore[union-attr]
                by_class.setdefault(o.value[len(dip) :], set()).add(s.value)  # type: ignore[union-attr]
            if in_meta:
                sv = s.value  # type: ignore[union-attr]
                if sv not in meta_subjects:
                    meta_subjects.add(sv)
                    if new_subject(meta, sv):
                        keep.add(sv)
                if sv in keep:
                    kept.append(q)
            n += 1
            yield q
        self.quads_read = n
        self.blank_nodes = skolem.used

    def finish(self) -> list[Quad]:
        """After :meth:`quads`: the counts of the report, and the digests of the file's source graphs and
        of the articles it describes in ``graph/meta``, to write with the file's quads."""
        from graph.digests import INDEX_PREDICATES, with_digests

        by_class = self._by_class
        self.counts = {
            key: len(set().union(*(by_class.get(c, set()) for c in classes))) for key, classes in COUNTED.items()
        }
        batch = with_digests(WriteBatch(drop_graphs=self.replaced_graphs, insert=self._digest_input))
        self._digest_input, self._by_class = [], {}
        return [q for q in batch.insert if q.predicate.value in INDEX_PREDICATES]
