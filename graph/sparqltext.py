"""A look at SPARQL text: which form a query has, and whether it calls SERVICE.

:func:`service_in_parse` decides from a real parse (rdflib's SPARQL grammar); the other functions
are lexical and cheap: they work on the query with its comments, string literals and IRIs blanked
out (after decoding ``\\uXXXX`` escapes, which SPARQL applies before parsing), so a keyword inside a
string, an IRI or a comment does not count, and a keyword written with escapes does.

Example:
    >>> query_form('# SELECT in a comment\\nCONSTRUCT { ?s ?p "ASK" } WHERE { ?s ?p ?o }')
    'CONSTRUCT'
"""

from __future__ import annotations

import re

# Whatever can hide a keyword, leftmost first: comments, long and short strings, IRIs.
_LEXEMES = re.compile(
    r"#[^\r\n]*"  # a comment ends at CR or LF (SPARQL: EOL ::= [#xA#xD])
    r"|'{3}(?:[^'\\]|\\.|'(?!''))*(?:'{3}|\Z)"
    r'|"{3}(?:[^"\\]|\\.|"(?!""))*(?:"{3}|\Z)'
    r"|'(?:[^'\\\r\n]|\\.)*(?:'|(?=[\r\n])|\Z)"
    r'|"(?:[^"\\\r\n]|\\.)*(?:"|(?=[\r\n])|\Z)'
    r"|<[^<>\"{}|^`\\\x00-\x20]*>",
    re.DOTALL,
)
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_UNICODE_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# A keyword is a whole word that is not part of a variable, prefixed name, blank node label or
# language tag. A preceding '.' is allowed (the triple terminator in `?o.SERVICE`).
_GUARD_BEFORE = r"(?<![\w?$:@\-])"
_GUARD_AFTER = r"(?![\w:\-])"
_FORM = re.compile(_GUARD_BEFORE + r"(SELECT|ASK|CONSTRUCT|DESCRIBE)" + _GUARD_AFTER, re.IGNORECASE)
_UPDATE = re.compile(
    _GUARD_BEFORE + r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)" + _GUARD_AFTER, re.IGNORECASE
)


def decode_escapes(text: str) -> str:
    """Apply SPARQL's codepoint escapes (``\\u0041`` -> ``A``), as a parser does first."""

    def repl(m: re.Match[str]) -> str:
        code = int(m.group(1) or m.group(2), 16)
        return chr(code) if code <= 0x10FFFF else m.group(0)

    return _UNICODE_ESCAPE.sub(repl, text)


def scrub(text: str) -> str:
    """The text with comments, string literals and IRIs replaced by spaces (escapes decoded first)."""
    return _LEXEMES.sub(lambda m: " " * len(m.group(0)), decode_escapes(text))


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE`` (upper case), or None when none is found."""
    m = _FORM.search(scrub(text))
    return m.group(1).upper() if m else None


def looks_like_update(text: str) -> bool:
    """Whether the text has no query form but an update keyword (INSERT, DELETE, LOAD, DROP, ...)."""
    cleaned = scrub(text)
    return _FORM.search(cleaned) is None and _UPDATE.search(cleaned) is not None


def service_in_parse(text: str) -> bool | None:
    """Whether the query calls ``SERVICE``, from rdflib's SPARQL parse; None when rdflib cannot parse it.

    None only for a text with the letters of ``service`` that rdflib cannot parse.

    Line ends are normalised first (SPARQL ends a comment at CR as well as LF; rdflib's grammar only
    at LF), and rdflib applies the ``\\uXXXX`` escapes before parsing, as the grammar says. SERVICE
    is found wherever the grammar allows it: in OPTIONAL, UNION, MINUS, subqueries, FILTER EXISTS.
    A text without the letters of ``service`` (escapes decoded, any case) outside IRIs is not parsed
    at all. (An ``<...>`` span without spaces, braces or quotes cannot hold a SERVICE clause, even
    where ``<`` and ``>`` are comparison operators, so taking such spans out first is safe.)

    Example:
        >>> service_in_parse("SELECT * WHERE { ?s <urn:SERVICE> 'SERVICE' } # SERVICE <urn:x> {}")
        False
        >>> service_in_parse("SELECT * WHERE { #\\r SERVICE <http://x/> { ?s ?p ?o } }")
        True
        >>> service_in_parse("SELEC nonsense"), service_in_parse("SELEC service nonsense")
        (False, None)
    """
    if "service" not in _IRIREF.sub(" ", decode_escapes(text)).casefold():
        return False  # no SERVICE keyword can be written without these letters: no parse needed
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        tree = parseQuery(normalised)
    except (ParseBaseException, ValueError, TypeError, RecursionError):
        return None
    return parse_tree_has(tree, frozenset({"ServiceGraphPattern"}))


def parse_tree_has(node: object, names: frozenset[str]) -> bool:
    """Whether an rdflib SPARQL parse tree holds a node of one of ``names`` ("ServiceGraphPattern", "Load")."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name in names:
                return True
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, ParseResults)):
            stack.extend(item)
    return False
