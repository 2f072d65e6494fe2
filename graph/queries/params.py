"""Safe parameters for named queries: values become typed RDF terms, never pasted text.

A named query declares its parameters in its header (``# param NAME: what it is``) and gives
each a default in a ``VALUES`` clause. :func:`bind` replaces the value of that variable in the
clause with a term built from a *validated* value: an IRI is checked against the IRI grammar
(a CURIE such as ``dipd:COL`` is expanded first), a date must be a real calendar date, a number
must parse, and any other string becomes an escaped literal. A parameter without a ``VALUES``
clause is bound by injecting one at the start of the ``WHERE`` group. User text therefore never
reaches the parser as SPARQL syntax.

Example:
    >>> text = 'SELECT ?n WHERE { VALUES ?s { dipd:USA } ?s skos:prefLabel ?n }'
    >>> bind(text, {"s": "dipd:COL"})
    'SELECT ?n WHERE { VALUES ?s { <https://w3id.org/diplograph/id/COL> } ?s skos:prefLabel ?n }'
    >>> bind(text, {"s": 'x> } ?s ?p ?o . { <y'})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: parameter s: 'x> } ?s ?p ?o . { <y' is not an IRI. Give a full IRI ...
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from graph.errors import QueryError
from graph.namespaces import PREFIXES
from graph.store.base import Term

XSD = "http://www.w3.org/2001/XMLSchema#"
Resolver = Callable[[str], str]
"""Turns a name (e.g. ``Colombia``) into an IRI; raises QueryError when it cannot."""

_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_]\w*)\s*:\s*(.*)$")
_DEFAULT = re.compile(r"\(default:\s*([^)]*)\)")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*$")
_CURIE = re.compile(r"^([A-Za-z][\w-]*):([A-Za-z0-9_](?:[\w.-]*[\w-])?)?$")
_TERM = re.compile(
    r"<[^<>\s]*>"  # IRI
    r"|\"(?:[^\"\\]|\\.)*\"(?:\^\^(?:<[^<>\s]*>|[A-Za-z][\w-]*:[\w.-]*)|@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?"
    r"|'(?:[^'\\]|\\.)*'(?:\^\^(?:<[^<>\s]*>|[A-Za-z][\w-]*:[\w.-]*)|@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?"
    r"|[A-Za-z][\w-]*:[\w.-]*|[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|UNDEF|true|false|[()]"
)
_VALUES = re.compile(r"\bVALUES\s*(\?\w+|\(\s*(?:\?\w+\s*)*\))\s*\{", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_END_HINTS = ("to", "until", "end", "latest")
_SPECIAL = re.compile(r"[#\"'<]")
_IRI_REF = re.compile(r"<[^<>\"{}|^`\\\s]*>")


@dataclass(frozen=True)
class QueryParam:
    """A parameter a named query declares.

    Attributes:
        name: the SPARQL variable, without ``?``.
        description: the header text after ``NAME:``.
        default: the default as written in the header (``(default: ...)``), if any.
    """

    name: str
    description: str
    default: str | None = None


def declared_params(text: str) -> list[QueryParam]:
    """The ``# param NAME: ...`` lines of a query's header comment.

    Example:
        >>> declared_params("# Who met.\\n# param from: first day (default: 2026-01-01)\\nSELECT * {}")
        [QueryParam(name='from', description='first day (default: 2026-01-01)', default='2026-01-01')]
    """
    out = []
    for line in text.splitlines():
        m = _PARAM_LINE.match(line.strip())
        if m:
            d = _DEFAULT.search(m.group(2))
            out.append(QueryParam(m.group(1), m.group(2).strip(), d.group(1).strip() if d else None))
    return out


def parse_assignments(pairs: Sequence[str]) -> dict[str, list[str]]:
    """``key=value`` strings (``--param``) to ``{key: [values]}``; a repeated key gives several values.

    Example:
        >>> parse_assignments(["a=dipd:USA", "b=Colombia", "b=Venezuela"])
        {'a': ['dipd:USA'], 'b': ['Colombia', 'Venezuela']}
    """
    out: dict[str, list[str]] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        key = key.strip().lstrip("?")
        if not sep or not re.fullmatch(r"[A-Za-z_]\w*", key):
            raise QueryError(f"bad parameter {pair!r}", hint="write --param NAME=VALUE, e.g. --param a=dipd:USA")
        out.setdefault(key, []).append(value)
    return out


def mask(text: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length), for safe searching."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        special = _SPECIAL.search(text, i)  # ordinary characters skipped at once: a bound query is long
        if special is None:
            break
        i = special.start()
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif ch in "\"'":
            quote = text[i : i + 3] if text[i : i + 3] in ('"""', "'''") else ch
            j = i + len(quote)
            while j < n and text[j : j + len(quote)] != quote:
                j += 2 if text[j] == "\\" else 1
            j = min(n, j + len(quote))
        elif m := _IRI_REF.match(text, i):
            j = m.end()
        else:
            i += 1
            continue
        out[i:j] = " " * (j - i)
        i = j
    return "".join(out)


def to_term(value: object, like: str | None = None, *, name: str = "value", resolve: Resolver | None = None) -> Term:
    """Build a typed term from a Python or user value; ``like`` is the default term it replaces.

    Example:
        >>> to_term("2026-01", '"2026-01-01"^^xsd:date', name="from").nt()
        '"2026-01-01"^^<http://www.w3.org/2001/XMLSchema#date>'
        >>> to_term('He said "no"', '"x"@en').nt()
        '"He said \\\\"no\\\\""@en'
    """
    if isinstance(value, Term):
        return value
    if isinstance(getattr(value, "iri", None), str):  # an Actor or ActorRef of the lookups
        return Term.uri(_iri(value.iri, name, None))  # type: ignore[attr-defined]
    kind, lang, datatype = _kind_of(like)
    if isinstance(value, bool):
        return Term.literal("true" if value else "false", XSD + "boolean")
    if isinstance(value, int):
        return Term.literal(str(value), XSD + "integer")
    if isinstance(value, float):
        return Term.literal(repr(value), XSD + "decimal" if kind == "decimal" else XSD + "double")
    if isinstance(value, dt.date):
        return Term.literal(value.isoformat()[:10], XSD + "date")
    text = str(value).strip()
    if kind == "any":
        kind = _guess(text)
    if kind == "iri":
        return Term.uri(_iri(text, name, resolve))
    if kind == "date":
        return Term.literal(_date(text, name).isoformat(), XSD + "date")
    if kind in ("integer", "decimal"):
        if not re.fullmatch(r"[+-]?\d+" if kind == "integer" else r"[+-]?(\d+\.?\d*|\.\d+)", text):
            raise QueryError(f"parameter {name}: {text!r} is not a number of type {kind}")
        return Term.literal(text, XSD + kind)
    if kind == "boolean":
        if text.lower() not in ("true", "false"):
            raise QueryError(f"parameter {name}: {text!r} is not true or false")
        return Term.literal(text.lower(), XSD + "boolean")
    return Term.literal(str(value), datatype, lang)


def bind(text: str, values: Mapping[str, object], *, resolve: Resolver | None = None) -> str:
    """Bind parameters of a query by rewriting (or injecting) ``VALUES`` clauses: every clause of the
    parameter's variable gets the value (a query may repeat one inside sub-selects).

    Args:
        text: the query.
        values: parameter name -> value, or a list of values (several rows of a one-variable clause).
        resolve: turns a non-IRI value of an IRI parameter into an IRI (e.g. an actor's name).

    Returns:
        The query with every given parameter bound to a term built from its validated value.

    Raises:
        QueryError: an unknown parameter, or a value that does not fit its type.
    """
    declared = {p.name for p in declared_params(text)}
    for name, value in values.items():
        masked = mask(text)
        if declared and name not in declared:
            raise QueryError(f"unknown parameter {name!r}", hint=f"this query takes {', '.join(sorted(declared))}")
        if not re.search(rf"[?$]{re.escape(name)}\b", masked):
            raise QueryError(f"parameter {name!r}: the query has no variable ?{name}")
        items = list(value) if isinstance(value, list | tuple | set | frozenset) else [value]
        if not items:
            raise QueryError(f"parameter {name}: give at least one value")
        text = _rebind(text, masked, name, items, resolve)
    return text


def _rebind(text: str, masked: str, name: str, items: list[object], resolve: Resolver | None) -> str:
    """Replace the data of every ``VALUES`` clause of ``?name`` (from the last, so offsets hold), or
    inject one clause at the start of the ``WHERE`` group when there is none."""
    clauses = [m for m in _VALUES.finditer(masked) if name in re.findall(r"\?(\w+)", m.group(1))]
    for m in reversed(clauses):
        variables = re.findall(r"\?(\w+)", m.group(1))
        close = masked.index("}", m.end())
        rows = _rows(text[m.end() : close], len(variables), m.group(1).startswith("("))
        col = variables.index(name)
        like = rows[0][col] if rows else None
        terms = [to_term(v, like, name=name, resolve=resolve).nt() for v in items]
        if len(variables) == 1:
            block = " ".join(terms)
        elif len(rows) == 1 and len(terms) == 1:
            row = list(rows[0])
            row[col] = terms[0]
            block = "(" + " ".join(row) + ")"
        else:
            raise QueryError(f"parameter {name} takes one value here (its VALUES clause binds several variables)")
        text = f"{text[: m.end()]} {block} {text[close:]}"
    if clauses:
        return text
    where = _WHERE.search(masked)
    if where is None:
        raise QueryError(f"cannot bind parameter {name}: the query has no WHERE group")
    terms = [to_term(v, None, name=name, resolve=resolve).nt() for v in items]
    return f"{text[: where.end()]} VALUES ?{name} {{ {' '.join(terms)} }}{text[where.end() :]}"


def _rows(block: str, width: int, parenthesised: bool) -> list[tuple[str, ...]]:
    tokens = _TERM.findall(block)
    if not parenthesised:
        return [(t,) for t in tokens]
    rows: list[tuple[str, ...]] = []
    current: list[str] = []
    for t in tokens:
        if t == "(":
            current = []
        elif t == ")":
            rows.append(tuple(current))
        else:
            current.append(t)
    return [r for r in rows if len(r) == width]


def _kind_of(like: str | None) -> tuple[str, str | None, str | None]:
    """(kind, language, datatype IRI) of the default term a value replaces."""
    if like is None or like == "UNDEF":
        return "any", None, None
    if like.startswith("<") or (like[0] not in "\"'" and ":" in like):
        return "iri", None, None
    if like in ("true", "false"):
        return "boolean", None, None
    if like[0] not in "\"'":
        return ("decimal" if "." in like or "e" in like.lower() else "integer"), None, None
    if m := re.search(r"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)$", like):
        return "string", m.group(1), None
    if m := re.search(r"\^\^(?:<([^>]*)>|([A-Za-z][\w-]*):([\w.-]*))$", like):
        datatype = m.group(1) or PREFIXES.get(m.group(2), "") + m.group(3)
        local = datatype.removeprefix(XSD)
        if local == "date":
            return "date", None, None
        if local in ("integer", "decimal", "boolean"):
            return local, None, None
        return "string", None, datatype
    return "string", None, None


def _guess(text: str) -> str:
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) and len(text) > 4:
        return "date"
    if re.fullmatch(r"[+-]?\d+", text):
        return "integer"
    if _IRI.match(text) and (text.startswith(("http://", "https://", "urn:")) or _CURIE.match(text)):
        return "iri"
    return "string"


def _iri(text: str, name: str, resolve: Resolver | None) -> str:
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    m = _CURIE.match(text)
    if m and m.group(1) in PREFIXES:
        return PREFIXES[m.group(1)] + (m.group(2) or "")
    if _IRI.match(text) and ("://" in text or text.startswith("urn:")):
        return text
    if resolve is not None and text:
        iri = resolve(text)
        if _IRI.match(iri):
            return iri
    raise QueryError(
        f"parameter {name}: {text!r} is not an IRI",
        hint="give a full IRI (https://...), a CURIE such as dipd:COL, or an actor's name",
    )


def _date(text: str, name: str) -> dt.date:
    """A date from ``YYYY-MM-DD``; ``YYYY-MM`` and ``YYYY`` give the first day, or the last day
    for parameters named like an end (``to``, ``until``)."""
    from graph.queries.dates import parse_period

    try:
        first, last = parse_period(text)
    except ValueError as exc:
        raise QueryError(f"parameter {name}: {exc}", hint="write a date as YYYY-MM-DD, YYYY-MM or YYYY") from exc
    return last if name.lower() in _END_HINTS else first
