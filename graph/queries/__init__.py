"""Named SPARQL queries and derivation rules shipped with the package (``*.rq`` files)."""

from __future__ import annotations

from importlib import resources

from graph.errors import QueryError


def read_query(name: str) -> str:
    """Text of a packaged query, e.g. ``rules/r2_contradictions`` or ``sample/events_by_date``."""
    parts = name.split("/")
    node = resources.files(__package__)
    for part in parts[:-1]:
        node = node.joinpath(part)
    node = node.joinpath(parts[-1] + ".rq")
    try:
        return node.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError) as exc:
        raise QueryError(f"no packaged query named {name!r}", hint="run `diplograph queries` to list them") from exc


def rule_names() -> list[str]:
    """The derivation rules, in the order they run."""
    folder = resources.files(__package__).joinpath("rules")
    return sorted(f"rules/{p.name[:-3]}" for p in folder.iterdir() if p.name.endswith(".rq"))


class NamedQuery:
    """A packaged query: its name, the first line of its header comment, and the parameters its
    header declares (``# param NAME: ...``, bound with ``diplograph query --param NAME=VALUE``)."""

    def __init__(self, name: str, text: str) -> None:
        from graph.queries.params import declared_params

        self.name = name
        self.text = text
        header = [ln[1:].strip() for ln in text.splitlines() if ln.startswith("#")]
        self.summary = header[0] if header else ""
        self.params = declared_params(text)


def list_queries() -> list[NamedQuery]:
    """Every packaged query outside ``rules/``, by name."""
    root = resources.files(__package__)
    out = []
    for folder in sorted(
        (p for p in root.iterdir() if p.is_dir() and p.name not in ("rules", "__pycache__")), key=lambda p: p.name
    ):
        for f in sorted(folder.iterdir(), key=lambda p: p.name):
            if f.name.endswith(".rq"):
                name = f"{folder.name}/{f.name[:-3]}"
                out.append(NamedQuery(name, f.read_text(encoding="utf-8")))
    return out
