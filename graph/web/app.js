// diplograph query page: a plain editor, the packaged named queries as examples, results as a table.
// Everything comes from this server (no CDN); every value from the store is shown with textContent.
"use strict";

const MAX_ROWS = 5000;
const DEFAULT_QUERY =
  "SELECT ?state ?name WHERE {\n  ?state a dip:State ; skos:prefLabel ?name .\n}\nORDER BY ?name\nLIMIT 100\n";
const $ = (id) => document.getElementById(id);
let prefixes = {};
let queries = [];

// PREFIX lines for the prefixes a query uses (all of them when `text` is not given).
function prologue(text) {
  const used = Object.entries(prefixes).filter(
    ([p]) => text === undefined || new RegExp(`(?<![\\w<#?$:.-])${p}:`).test(text));
  return used.map(([p, iri]) => `PREFIX ${p}: <${iri}>`).join("\n") + (used.length ? "\n\n" : "");
}

function compact(iri) {
  let best = null;
  for (const [p, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && (!best || ns.length > best[1].length)) best = [p, ns];
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : `<${iri}>`;
}

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (cls) node.className = cls;
  return node;
}

function termCell(term) {
  const td = el("td");
  if (!term) { td.append(el("span", "—", "unbound")); return td; }
  if (term.type === "uri") {
    const span = el("span", compact(term.value), "iri");
    span.title = term.value;
    td.append(span);
  } else if (term.type === "bnode") {
    td.append(el("span", `_:${term.value}`, "bnode"));
  } else {
    td.append(document.createTextNode(term.value));
    if (term["xml:lang"]) td.append(el("span", ` @${term["xml:lang"]}`, "lit-meta"));
    else if (term.datatype) td.append(el("span", ` ^^${compact(term.datatype)}`, "lit-meta"));
  }
  return td;
}

function renderTable(variables, rows) {
  const wrap = el("div", null, "table-wrap");
  const table = el("table");
  const head = el("tr");
  head.append(el("th", "#"));
  for (const v of variables) head.append(el("th", `?${v}`));
  const thead = el("thead");
  thead.append(head);
  table.append(thead);
  const body = el("tbody");
  rows.slice(0, MAX_ROWS).forEach((row, i) => {
    const tr = el("tr");
    tr.append(el("td", String(i + 1), "num"));
    for (const v of variables) tr.append(termCell(row[v]));
    body.append(tr);
  });
  table.append(body);
  wrap.append(table);
  return wrap;
}

// N-Triples (as Oxigraph writes them) -> rows of {subject, predicate, object} in the JSON results' shape.
const NT_TERM = /\s*(<[^>]*>|_:[^\s]+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)/y;
function unescapeNt(s) {
  return s.replace(/\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})|\\(.)/g, (m, u4, u8, c) =>
    u4 || u8 ? String.fromCodePoint(parseInt(u4 || u8, 16)) : ({ n: "\n", r: "\r", t: "\t", b: "\b", f: "\f" }[c] ?? c));
}
function ntTerm(text) {
  if (text.startsWith("<")) return { type: "uri", value: text.slice(1, -1) };
  if (text.startsWith("_:")) return { type: "bnode", value: text.slice(2) };
  const end = text.lastIndexOf('"');
  const term = { type: "literal", value: unescapeNt(text.slice(1, end)) };
  const rest = text.slice(end + 1);
  if (rest.startsWith("@")) term["xml:lang"] = rest.slice(1);
  if (rest.startsWith("^^")) term.datatype = rest.slice(3, -1);
  return term;
}
function parseNTriples(text) {
  const rows = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    NT_TERM.lastIndex = 0;
    const terms = [];
    for (let i = 0; i < 3; i++) {
      const m = NT_TERM.exec(line);
      if (!m) break;
      terms.push(ntTerm(m[1]));
    }
    if (terms.length === 3) rows.push({ subject: terms[0], predicate: terms[1], object: terms[2] });
  }
  return rows;
}

function showError(status, text) {
  $("status").className = "error";
  $("status").textContent = status;
  $("results").replaceChildren(el("pre", text, "error"));
}

async function run() {
  const format = $("format").value;
  const accept = format === "table" ? "application/sparql-results+json, application/n-triples;q=0.9" : format;
  $("run").disabled = true;
  $("status").className = "";
  $("status").textContent = "running…";
  $("results").replaceChildren();
  localStorage.setItem("diplograph.query", $("query").value);
  const started = performance.now();
  try {
    const response = await fetch("query", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: accept },
      body: new URLSearchParams({ query: $("query").value }),
    });
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) { showError(`HTTP ${response.status} after ${seconds} s`, text); return; }
    const kind = (response.headers.get("Content-Type") || "").split(";")[0];
    if (format !== "table") {
      $("status").textContent = `${kind}, ${text.length} characters in ${seconds} s`;
      $("results").replaceChildren(el("pre", text));
    } else if (kind === "application/sparql-results+json") {
      const doc = JSON.parse(text);
      if ("boolean" in doc) {
        $("status").textContent = `ASK in ${seconds} s`;
        $("results").replaceChildren(el("pre", String(doc.boolean)));
      } else {
        const rows = doc.results.bindings;
        $("status").textContent = `${rows.length} row(s) in ${seconds} s` + (rows.length > MAX_ROWS ? ` (first ${MAX_ROWS} shown)` : "");
        $("results").replaceChildren(renderTable(doc.head.vars, rows));
      }
    } else {
      const rows = parseNTriples(text);
      $("status").textContent = `${rows.length} triple(s) in ${seconds} s`;
      $("results").replaceChildren(renderTable(["subject", "predicate", "object"], rows));
    }
  } catch (err) {
    showError("request failed", String(err));
  } finally {
    $("run").disabled = false;
  }
}

function load(name) {
  const q = queries.find((x) => x.name === name);
  if (!q) return;
  $("query").value = prologue(q.text) + q.text;
  $("summary").textContent = q.summary;
}

async function init() {
  $("endpoint").textContent = new URL("query", document.baseURI).href;
  try {
    const data = await (await fetch("queries.json")).json();
    prefixes = data.prefixes;
    queries = data.queries;
  } catch (err) {
    $("status").textContent = `named queries unavailable: ${err}`;
  }
  for (const q of queries) {
    const option = el("option", q.name);
    option.value = q.name;
    option.title = q.summary;
    $("examples").append(option);
  }
  $("query").value = localStorage.getItem("diplograph.query") || prologue(DEFAULT_QUERY) + DEFAULT_QUERY;
  $("examples").addEventListener("change", (e) => load(e.target.value));
  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
    if (e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      const t = e.target, at = t.selectionStart;
      t.setRangeText("  ", at, t.selectionEnd, "end");
    }
  });
  document.body.dataset.ready = "true";
}

init();
