"""The news agency an article credits as its origin ("OSLO (Reuters) -", "— AFP", "With inputs from PTI").

An outlet that runs an agency's copy is not an independent source of what the agency reported: the
event coreference (:mod:`graph.coreference`) counts the articles of one agency once among an
event's independent sources, and the store keeps both the outlet and the agency ("Reuters via Dunya
News"). Only credits in the places agencies put them count — a dateline or byline near the start, a
credit line near the end — never an agency mentioned in passing ("Reuters reported last week").
"""

from __future__ import annotations

import re

AGENCIES = {
    "reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "anadolu": "Anadolu Agency",
    "anadolu agency": "Anadolu Agency",
    "aa": "Anadolu Agency",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "kyodo": "Kyodo",
    "yonhap": "Yonhap",
    "pti": "PTI",
    "ani": "ANI",
    "ians": "IANS",
    "upi": "UPI",
    "bernama": "Bernama",
    "antara": "Antara",
    "wam": "WAM",
    "spa": "SPA",
    "kuna": "KUNA",
    "irna": "IRNA",
    "apa": "APA",
    "bloomberg": "Bloomberg",
    "faapa": "FAAPA",
}
"""Wire services by the forms their credits take (lower case) -> the name kept."""

_NAMES = "|".join(sorted((re.escape(k) for k in AGENCIES), key=len, reverse=True))
HEAD, TAIL = 400, 300
"""Characters from the start (dateline, byline) and from the end (credit line) where credits stand."""
_CREDITS = [
    re.compile(rf"\(\s*({_NAMES})\s*\)", re.IGNORECASE),  # OSLO (Reuters) -
    re.compile(rf"(?:^|\n)\s*(?:by|source|sources|credit)\s*:?\s+(?:the\s+)?({_NAMES})\s*(?:$|\n|[|,/-])", re.I),
    re.compile(rf"with (?:inputs|input|reporting) from (?:the\s+)?({_NAMES})\b", re.IGNORECASE),
    re.compile(rf"(?:^|\n|\s)[-\u2013\u2014]\s*({_NAMES})\s*$", re.IGNORECASE),  # ... — AFP (at the end)
]


def wire_origin(text: str) -> str | None:
    """The agency ``text`` credits as its origin, or None.

    Example:
        >>> wire_origin("OSLO (Reuters) - Norway expelled two diplomats.")
        'Reuters'
        >>> wire_origin("Norway expelled two diplomats, Reuters reported.") is None
        True
        >>> wire_origin("Norway expelled two diplomats.\\n(With inputs from PTI)")
        'PTI'
    """
    places = (text[:HEAD], text[-TAIL:].rstrip()) if len(text) > HEAD + TAIL else (text.rstrip(),)
    for pattern in _CREDITS:
        for place in places:
            found = pattern.search(place)
            if found:
                return AGENCIES[found.group(1).lower()]
    return None
