"""Inputs as numbered lines, streamed: plain files, ``.gz``, every member of a ``.zip``, globs and
``-`` (stdin). Nothing is read whole into memory; a line that is not UTF-8 is decoded with
replacement characters (the reader reports what it cannot use)."""

from __future__ import annotations

import gzip
import io
import sys
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from graph.errors import SourceError


@dataclass(frozen=True)
class Input:
    """One stream of lines: ``name`` is what messages use and the graph IRI shows (``a.zip/a.csv`` for
    a zip member, ``stdin`` for ``-``), ``path`` the file opened, ``place`` where it is (the resolved
    path, ``/`` and the member of a zip; ``-`` for stdin): the graph IRI hashes it, so that two files of
    one name in different directories are two graphs, and the same file imported again is one."""

    name: str
    path: str
    member: str | None = None
    place: str | None = None

    def lines(self) -> Iterator[tuple[int, str]]:
        """(line number from 1, line without its end-of-line characters)."""
        raw = self._open()
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
        try:
            for n, line in enumerate(text, 1):
                yield n, line.rstrip("\r\n")
        except (OSError, EOFError, zipfile.BadZipFile) as exc:  # a damaged .gz or .zip, found while reading
            raise SourceError(f"cannot read the input: {exc}", where=self.name) from exc
        finally:
            if self.path == "-":
                text.detach()  # stdin stays open
            else:
                text.close()

    def _open(self) -> IO[bytes]:
        try:
            if self.path == "-":
                return sys.stdin.buffer
            if self.member is not None:
                return zipfile.ZipFile(self.path).open(self.member)
            if self.path.lower().endswith(".gz"):
                return cast(IO[bytes], gzip.open(self.path, "rb"))
            return open(self.path, "rb")
        except (OSError, zipfile.BadZipFile) as exc:
            raise SourceError(f"cannot read the input: {exc}", where=self.name) from exc


def inputs(paths: Iterable[str]) -> list[Input]:
    """The streams to import from files, directories, globs and ``-``: a ``.zip`` gives one stream per
    member file (sorted), anything else one stream.

    Raises:
        SourceError: a path that does not exist, or a glob that matches nothing.
    """
    from graph.pipeline import expand_inputs

    out: list[Input] = []
    for given in paths:
        found = expand_inputs([given])
        if not found:
            raise SourceError("no input matches", where=given, hint="check the path or the glob")
        for path in found:
            if path == "-":
                out.append(Input("stdin", "-", place="-"))
            elif not Path(path).is_file():
                raise SourceError("no such file", where=path, hint="check the path")
            elif path.lower().endswith(".zip"):
                out.extend(_members(path))
            else:
                out.append(Input(Path(path).name, path, place=str(Path(path).resolve())))
    return out


def _members(path: str) -> list[Input]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = sorted(i.filename for i in archive.infolist() if not i.is_dir())
    except (OSError, zipfile.BadZipFile) as exc:
        raise SourceError(f"not a readable zip file: {exc}", where=path) from exc
    base, place = Path(path).name, str(Path(path).resolve())
    return [Input(f"{base}/{name}", path, name, place=f"{place}/{name}") for name in names]
