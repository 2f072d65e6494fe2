"""PLOVER type and mode -> a CAMEO concept, through the ``skos:broadMatch`` crosswalk of
``ontology/schemes/plover.ttl`` read backwards.

A (type, mode) pair gives the first CAMEO code (shortest, then lowest) whose broadMatch is the type
and whose ``dip:ploverMode`` is the mode; a type alone, or a mode the crosswalk does not know, gives
the CAMEO root that holds most of the type's codes (``CONSULT`` -> ``04``; ``ACCUSE`` -> ``11``, not
``09``, which PLOVER also files under ACCUSE), or its shortest code there. PLOVER 0.5 names merged into a
type (``skos:hiddenLabel``: DEMAND, DISAPPROVE, …) are read as that type.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def crosswalk() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """((type, mode) -> CAMEO code, type or old name -> type), read once from the scheme file."""
    from graph.ontology import scheme_statements
    from graph.prefixes import PREFIXES

    skos = "http://www.w3.org/2004/02/skos/core#"
    cameo, plover, dip = PREFIXES["cameo"], PREFIXES["plover"], PREFIXES["dip"]
    matches: dict[str, str] = {}
    modes: dict[str, str] = {}
    names: dict[str, str] = {}
    for s, p, o in scheme_statements("schemes/plover.ttl"):
        if p == skos + "broadMatch" and s.startswith(cameo):
            matches[s[len(cameo) :]] = o[len(plover) :]
        elif p == dip + "ploverMode" and s.startswith(cameo):
            modes[s[len(cameo) :]] = o
        elif p in (skos + "notation", skos + "hiddenLabel") and s.startswith(plover):
            names[o.upper()] = s[len(plover) :]
    pairs: dict[tuple[str, str], str] = {}
    ordered = sorted(matches, key=lambda c: (len(c), c))
    for code in ordered:
        if code in modes:
            pairs.setdefault((matches[code], modes[code]), code)
    roots: dict[str, dict[str, int]] = {}
    for code, kind in matches.items():
        counted = roots.setdefault(kind, {})
        counted[code[:2]] = counted.get(code[:2], 0) + 1
    for kind, counted in roots.items():
        root = min(counted, key=lambda r: (-counted[r], r))
        pairs[(kind, "")] = next(c for c in ordered if c.startswith(root) and matches[c] == kind)
    return pairs, names


def cameo_for(event_type: str, mode: str = "") -> str | None:
    """The CAMEO code of a PLOVER event type and mode, or None when the crosswalk has none.

    Example:
        >>> cameo_for("CONSULT", "phone"), cameo_for("consult"), cameo_for("CONSULT", "unknown")
        ('041', '04', '04')
    """
    pairs, names = crosswalk()
    kind = names.get(event_type.strip().upper())
    if kind is None:
        return None
    mode = mode.strip().lower()
    return pairs.get((kind, mode)) or pairs.get((kind, ""))
