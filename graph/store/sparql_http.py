"""HTTP side of the remote store: where the endpoints are, how to talk to them, how to read answers.

Standard library only (``urllib.request``). Credentials come from the environment, never from the
location string (which ends up in logs, reports and shell history).
"""

from __future__ import annotations

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graph.errors import ConfigError, QueryError, StoreError
from graph.store.base import AskResult, SelectResult, Term

ENV_QUERY = "DIPLOGRAPH_SPARQL_QUERY"
ENV_UPDATE = "DIPLOGRAPH_SPARQL_UPDATE"
ENV_GSP = "DIPLOGRAPH_SPARQL_GSP"
ENV_USER = "DIPLOGRAPH_SPARQL_USER"
ENV_PASSWORD = "DIPLOGRAPH_SPARQL_PASSWORD"
OPTIONS = ("query", "update", "gsp", "union", "auth", "max_quads", "timeout")
DEFAULT_TIMEOUT = 300.0


@dataclass(frozen=True)
class Endpoint:
    """Where and how to reach one SPARQL service (see :func:`parse_location`)."""

    location: str
    query_url: str
    update_url: str
    gsp_url: str | None
    union_param: bool
    auth: str
    user: str | None
    password: str | None
    max_quads: int | None
    timeout: float


def parse_location(location: str, environ: Mapping[str, str] | None = None) -> Endpoint:
    """Read ``sparql+http(s)://host[:port][/path][?options]`` and the ``DIPLOGRAPH_SPARQL_*`` variables.

    With no path (``sparql+http://127.0.0.1:7878``) the Oxigraph server layout is assumed: ``/query``,
    ``/update``, ``/store`` and the ``union-default-graph`` request parameter. With a path, that URL
    is both the query and the update endpoint and the server is expected to query the union of its
    graphs by itself (Virtuoso, GraphDB, Neptune; Fuseki with ``unionDefaultGraph``). Options
    (``query=``, ``update=``, ``gsp=`` as URLs or paths, ``union=param|native``,
    ``auth=basic|digest``, ``max_quads=N``, ``timeout=SECONDS``) override the environment, which
    overrides these defaults.

    Example:
        >>> e = parse_location("sparql+http://127.0.0.1:7878", environ={})
        >>> e.query_url, e.update_url, e.gsp_url, e.union_param
        ('http://127.0.0.1:7878/query', 'http://127.0.0.1:7878/update', 'http://127.0.0.1:7878/store', True)
        >>> e = parse_location("sparql+http://h:8890/sparql?max_quads=500", environ={})
        >>> e.query_url == e.update_url == "http://h:8890/sparql", e.union_param, e.max_quads
        (True, False, 500)
    """
    env = os.environ if environ is None else environ
    if not location.startswith(("sparql+http://", "sparql+https://")):
        raise ConfigError(
            f"not a remote SPARQL location: {location}", where="--store", hint="write sparql+http://host:port/path"
        )
    url = urllib.parse.urlsplit(location.removeprefix("sparql+"))
    if url.username or url.password:
        raise ConfigError(
            "credentials are not accepted in the store location",
            where="--store",
            hint=f"set {ENV_USER} and {ENV_PASSWORD} in the environment instead",
        )
    options = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise ConfigError(f"unknown option(s) in the store location: {', '.join(unknown)}", where="--store",
                          hint=f"known options: {', '.join(OPTIONS)}")  # fmt: skip
    root = f"{url.scheme}://{url.netloc}"
    oxigraph_layout = url.path in ("", "/")
    base = root + ("" if oxigraph_layout else url.path)

    def pick(option: str, env_name: str, default: str | None) -> str | None:
        value = options.get(option) or env.get(env_name) or default
        return urllib.parse.urljoin(root + "/", value) if value else None

    query_url = pick("query", ENV_QUERY, root + "/query" if oxigraph_layout else base)
    update_url = pick("update", ENV_UPDATE, root + "/update" if oxigraph_layout else base)
    gsp_url = pick("gsp", ENV_GSP, root + "/store" if oxigraph_layout else None)
    union = options.get("union", "param" if oxigraph_layout else "native")
    auth = options.get("auth", "basic")
    if union not in ("param", "native") or auth not in ("basic", "digest"):
        raise ConfigError("union must be param or native, auth basic or digest", where="--store")
    try:
        max_quads = int(options["max_quads"]) if options.get("max_quads") else None
        timeout = float(options.get("timeout") or DEFAULT_TIMEOUT)
    except ValueError as exc:
        raise ConfigError(f"bad number in the store location: {exc}", where="--store") from exc
    assert query_url and update_url
    return Endpoint(
        location=location,
        query_url=query_url,
        update_url=update_url,
        gsp_url=gsp_url,
        union_param=union == "param",
        auth=auth,
        user=env.get(ENV_USER) or None,
        password=env.get(ENV_PASSWORD) or None,
        max_quads=max_quads,
        timeout=timeout,
    )


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    server: str
    truncated_at: str | None


class Http:
    """One endpoint's HTTP client: preemptive basic auth, or digest auth on challenge."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        handlers: list[urllib.request.BaseHandler] = []
        self._basic: str | None = None
        if endpoint.user is not None:
            if endpoint.auth == "digest":
                manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
                for url in (endpoint.query_url, endpoint.update_url, endpoint.gsp_url):
                    if url:
                        manager.add_password(None, url, endpoint.user, endpoint.password or "")
                handlers.append(urllib.request.HTTPDigestAuthHandler(manager))
            else:
                token = f"{endpoint.user}:{endpoint.password or ''}".encode()
                self._basic = "Basic " + base64.b64encode(token).decode("ascii")
        self._opener = urllib.request.build_opener(*handlers)
        self.server = ""

    def send(
        self,
        url: str,
        data: bytes | None,
        *,
        content_type: str | None = None,
        accept: str | None = None,
        method: str = "POST",
        timeout: float | None = None,
    ) -> Answer:
        headers = {"User-Agent": "diplograph"}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        if self._basic:
            headers["Authorization"] = self._basic
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with self._opener.open(request, timeout=timeout or self.endpoint.timeout) as response:
                return self._answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as exc:
            return self._answer(exc.code, exc.headers, exc.read())
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(
                f"cannot reach the SPARQL endpoint {url}: {reason}",
                where=self.endpoint.location,
                hint="check that the server is running, the location and the network",
            ) from exc

    def _answer(self, status: int, headers: Any, body: bytes) -> Answer:
        self.server = headers.get("Server", "") or self.server
        return Answer(status, headers.get("Content-Type", "") or "", body, self.server, headers.get("X-SPARQL-MaxRows"))


def server_says(answer: Answer, limit: int = 1500) -> str:
    """The status and the start of the server's answer, for error messages."""
    text = answer.body.decode("utf-8", "replace").strip()
    if len(text) > limit:
        text = text[:limit] + " [...]"
    return f"HTTP {answer.status}: {text or '(empty answer)'}"


def query_failed(answer: Answer, location: str) -> Exception:
    if answer.status in (400, 422) or (answer.status == 500 and b"SP030" in answer.body):
        return QueryError(f"the SPARQL endpoint refused the query: {server_says(answer)}", where=location,
                          hint="check the query against the SPARQL 1.1 grammar")  # fmt: skip
    hint = "check the credentials (DIPLOGRAPH_SPARQL_USER/PASSWORD)" if answer.status in (401, 403) else None
    return StoreError(f"the SPARQL query failed: {server_says(answer)}", where=location, hint=hint)


def parse_results_json(body: bytes, location: str) -> SelectResult | AskResult:
    """W3C SPARQL 1.1 Query Results JSON -> plain terms."""
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise StoreError(f"the endpoint's JSON results are not valid: {exc}", where=location) from exc
    if "boolean" in doc:
        return AskResult(bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    rows = []
    bnodes: dict[str, str] = {}
    for binding in doc.get("results", {}).get("bindings", []):
        rows.append(tuple(_term(binding[v], bnodes, location) if v in binding else None for v in variables))
    return SelectResult(variables, rows)


def _term(b: Mapping[str, Any], bnodes: dict[str, str], location: str) -> Term:
    kind = b.get("type")
    if kind == "uri":
        return Term.uri(b["value"])
    if kind == "bnode":
        # Some servers give ids that are not N-Triples labels (Virtuoso: nodeID://b10001).
        label = bnodes.setdefault(b["value"], "".join(c if c.isalnum() else "_" for c in b["value"]))
        return Term.bnode(label)
    if kind in ("literal", "typed-literal"):
        return Term.literal(b["value"], b.get("datatype"), b.get("xml:lang"))
    raise StoreError(f"unsupported term in the endpoint's results: {dict(b)!r}", where=location)
