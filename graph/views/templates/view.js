/* diplograph view: builds the vis-network graph, the filters and the detail panels.
 * Every string in DATA came from articles and is untrusted: it is only ever written with
 * textContent, attribute properties of created elements, or vis-network's text-only labels and
 * tooltips. Links are made only for http(s) URLs. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("dg-data").textContent);
  var DAY = 86400000;
  var QUADS = {
    1: { label: "Verbal cooperation", color: "#6aaa3a" },
    2: { label: "Material cooperation", color: "#1a7a4c" },
    3: { label: "Verbal conflict", color: "#f08c1a" },
    4: { label: "Material conflict", color: "#d0312d" },
    0: { label: "Unclassified", color: "#8c959f" }
  };
  var KINDS = {
    person: { label: "Person", shape: "dot", color: "#4e79a7" },
    state: { label: "State", shape: "square", color: "#7b5ea7" },
    agency: { label: "Government agency", shape: "triangle", color: "#b07aa1" },
    igo: { label: "International organisation", shape: "hexagon", color: "#c8a415" },
    organization: { label: "Organisation", shape: "diamond", color: "#9c755f" },
    media: { label: "Media outlet", shape: "triangleDown", color: "#76b7b2" },
    group: { label: "Group", shape: "star", color: "#ff8fa0" },
    site: { label: "Place", shape: "dot", color: "#a0a4a8" },
    other: { label: "Other", shape: "ellipse", color: "#bab0ac" }
  };
  var MODALITIES = {
    asserted: { label: "asserted", dashes: false },
    planned: { label: "planned", dashes: [8, 6] },
    alleged: { label: "alleged", dashes: [8, 6] },
    hypothetical: { label: "hypothetical", dashes: [8, 6] },
    denied: { label: "denied", dashes: [2, 5] }
  };
  var meta = DATA.meta, nodesData = DATA.nodes, edgesData = DATA.edges, articles = DATA.articles;
  var byNode = nodesData.map(function () { return []; }), byIri = {};
  nodesData.forEach(function (n) { if (n.iri) byIri[n.iri] = n.label; });
  edgesData.forEach(function (e) { byNode[e.from].push(e); if (e.to !== e.from) byNode[e.to].push(e); });

  /* ---------- small DOM helpers (text only) ---------- */
  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function $(id) { return document.getElementById(id); }
  function httpUrl(u) {
    if (typeof u !== "string") return null;
    try { var p = new URL(u); return (p.protocol === "http:" || p.protocol === "https:") ? p.href : null; }
    catch (err) { return null; }
  }
  function iso(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  function day(t) { return t ? String(t).replace(/T00:00:00(\.0+)?(Z|[+-]00:00)?$/, "") : t; }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function kindOf(k) { return KINDS[k] || KINDS.other; }
  function quadOf(q) { return QUADS[q] || QUADS[0]; }
  function modOf(m) { return MODALITIES[m] || { label: m, dashes: [8, 6] }; }
  function svgIcon(shape, color, dashes) {
    var ns = "http://www.w3.org/2000/svg", s = document.createElementNS(ns, "svg"), g;
    s.setAttribute("width", "18"); s.setAttribute("height", "14"); s.setAttribute("class", "dg-icon");
    if (dashes !== undefined) {
      g = document.createElementNS(ns, "line");
      g.setAttribute("x1", "1"); g.setAttribute("y1", "7"); g.setAttribute("x2", "17"); g.setAttribute("y2", "7");
      g.setAttribute("stroke", "#444"); g.setAttribute("stroke-width", "2");
      if (dashes) g.setAttribute("stroke-dasharray", dashes[0] / 2 + " " + dashes[1] / 2);
    } else {
      var pts = { square: "3,2 15,2 15,12 3,12", triangle: "9,1 16,13 2,13", triangleDown: "2,1 16,1 9,13",
        diamond: "9,0 16,7 9,14 2,7", hexagon: "5,1 13,1 17,7 13,13 5,13 1,7",
        star: "9,0 11,5 16,5 12,8 14,13 9,10 4,13 6,8 2,5 7,5" }[shape];
      if (pts) { g = document.createElementNS(ns, "polygon"); g.setAttribute("points", pts); }
      else {
        g = document.createElementNS(ns, "ellipse"); g.setAttribute("cx", "9"); g.setAttribute("cy", "7");
        g.setAttribute("rx", shape === "ellipse" ? "8" : "6"); g.setAttribute("ry", shape === "ellipse" ? "5" : "6");
      }
      g.setAttribute("fill", color); g.setAttribute("stroke", "#333"); g.setAttribute("stroke-width", "0.6");
    }
    s.appendChild(g);
    return s;
  }

  /* ---------- header ---------- */
  $("dg-title").textContent = meta.title;
  var metaBox = $("dg-meta");
  [["Exported", meta.exported], ["Store", meta.store], ["Filters", meta.filters], [null, meta.generator]]
    .forEach(function (p) { if (p[1]) metaBox.appendChild(el("span", p[0] ? p[0] + ": " + p[1] : p[1])); });
  $("dg-total").textContent = fmt(DATA.totals.actors) + " actors, " + fmt(DATA.totals.events) + " events";
  if (DATA.aggregation) {
    var a = DATA.aggregation, notice = $("dg-notice");
    notice.textContent = "Large graph: showing the " + fmt(a.kept) + " actors with the most events; the other " +
      fmt(a.folded_actors) + " are folded into " + a.fold_nodes + " \u201cOther \u2026\u201d node(s) by kind, and their " +
      fmt(a.folded_events) + " events into grey summary lines (limit: " + fmt(a.limit) +
      " nodes; narrow the view with actors, dates or types to see every event).";
    notice.hidden = false;
    $("dg-folded-hint").hidden = false;
  }

  /* ---------- vis data ---------- */
  var big = edgesData.length > 2500 || nodesData.length > 1000, crowded = nodesData.length > 300;
  var visNodes = nodesData.map(function (n) {
    var k = kindOf(n.kind);
    var tip = n.label + "\n" + k.label + " \u00b7 " + fmt(n.deg) + " events" + (n.folded ? " (folded)" : "");
    var item = { id: n.id, label: n.label, x: n.x, y: n.y, value: Math.max(1, n.deg), shape: k.shape, title: tip,
      color: { background: k.color, border: "#3d434a", highlight: { background: k.color, border: "#000" },
        hover: { background: k.color, border: "#000" } } };
    if (n.folded) { item.borderWidth = 3; item.shapeProperties = { borderDashes: [4, 3] }; }
    return item;
  });
  var pairs = {};
  edgesData.forEach(function (e) {
    var key = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to);
    (pairs[key] = pairs[key] || []).push(e);
  });
  function edgeTitle(e) {
    var names = nodesData[e.from].label + (e.sym ? " \u2194 " : " \u2192 ") + nodesData[e.to].label;
    if (e.agg) return names + "\n" + fmt(e.agg.length) + " events with folded actors";
    return names + "\n" + (e.type || "CAMEO " + e.cameo) + (e.cameo ? " (" + e.cameo + ")" : "") + "\n" +
      (e.date || e.earliest || "undated") + " \u00b7 " + e.mod +
      (e.nsrc > 1 ? " \u00b7 " + fmt(e.nsrc) + " sources" : "");
  }
  var visEdges = edgesData.map(function (e) {
    var group = pairs[Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to)], i = group.indexOf(e);
    var item = { id: e.id, from: e.from, to: e.to, title: edgeTitle(e) };
    var color = e.agg ? "#9aa0a6" : quadOf(e.quad).color;
    item.color = { color: color, highlight: color, hover: color, opacity: e.agg ? 0.6 : 0.85 };
    item.dashes = e.agg ? false : modOf(e.mod).dashes;
    // an event more sources report is drawn wider: 1.4 for one source, up to 6
    item.width = e.agg ? Math.min(8, 1 + Math.log2(e.agg.length)) : Math.min(6, 1.4 + Math.log2(e.nsrc || 1));
    if (e.sym) item.arrows = { to: { enabled: false } };
    if (e.from === e.to) item.selfReference = { size: 14 + 6 * i, angle: Math.PI / 4 };
    else if (group.length > 1) {
      var side = (i % 2 === 0 ? 1 : -1) * (e.from <= e.to ? 1 : -1);
      item.smooth = { enabled: true, type: side > 0 ? "curvedCW" : "curvedCCW",
        roundness: Math.min(0.9, 0.18 * (Math.floor(i / 2) + 1)) };
    }
    return item;
  });
  var nodes = new vis.DataSet(visNodes), edges = new vis.DataSet(visEdges);
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: { enabled: false, solver: "barnesHut", stabilization: false,
      barnesHut: { gravitationalConstant: -2500, springLength: 110, springConstant: 0.02, damping: 0.35,
        avoidOverlap: 0.1 } },
    interaction: { hover: !big, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false,
      multiselect: false },
    nodes: { scaling: { min: 8, max: crowded ? 30 : 22,
        label: { enabled: true, min: 11, max: crowded ? 40 : 18, drawThreshold: 6, maxVisible: 40 } },
      font: { face: "system-ui, sans-serif", color: "#1f2328", strokeWidth: 3, strokeColor: "#ffffff" } },
    edges: { smooth: false, selectionWidth: 2.5, hoverWidth: 1.5,
      arrows: { to: { enabled: true, scaleFactor: 0.45 } }, color: { inherit: false } }
  };
  var network = new vis.Network($("dg-network"), { nodes: nodes, edges: edges }, options);
  function fitView(animate) {
    network.fit({ animation: false });
    var most = nodesData.length <= 30 ? 1.5 : 1.1;  /* small graphs may zoom in further */
    network.moveTo({ scale: Math.min(network.getScale() * 0.9, most), animation: false });  /* room for labels */
    if (animate) network.moveTo({ animation: { duration: 300 } });
  }
  fitView(false);

  /* ---------- filters ---------- */
  var state = { roots: {}, mods: {}, kinds: {}, from: null, to: null, undated: true, isolated: false };
  var roots = {}, mods = {}, kinds = {}, undatedCount = 0, dmin = Infinity, dmax = -Infinity, days = [];
  function visitEvents(e, fn) {
    if (e.agg) e.agg.forEach(function (m) { fn(m[0], m[1], m[2], m[3], m[4]); });
    else fn(e.root, e.quad, e.mod, e.d0, e.d1);
  }
  edgesData.forEach(function (e) {
    visitEvents(e, function (root, quad, mod, d0, d1) {
      roots[root] = roots[root] || { count: 0, quad: quad };
      roots[root].count++;
      mods[mod] = (mods[mod] || 0) + 1;
      if (d0 === null && d1 === null) { undatedCount++; return; }
      var lo = d0 === null ? d1 : d0, hi = d1 === null ? d0 : d1;
      dmin = Math.min(dmin, lo); dmax = Math.max(dmax, hi); days.push(lo);
    });
  });
  nodesData.forEach(function (n) { kinds[n.kind] = (kinds[n.kind] || 0) + 1; });
  function passes(root, mod, d0, d1) {
    if (!state.roots[root] || !state.mods[mod]) return false;
    if (d0 === null && d1 === null) return state.undated;
    var lo = d0 === null ? d1 : d0, hi = d1 === null ? d0 : d1;
    return hi >= state.from && lo <= state.to;
  }
  function shownEvents(e) {
    if (!state.kinds[nodesData[e.from].kind] || !state.kinds[nodesData[e.to].kind]) return 0;
    var n = 0;
    visitEvents(e, function (root, quad, mod, d0, d1) { if (passes(root, mod, d0, d1)) n++; });
    return n;
  }
  var edgeShown = edgesData.map(function () { return true; });
  var nodeShown = nodesData.map(function () { return true; });
  var counts = { nodes: nodesData.length, edges: edgesData.length, events: 0 };
  function apply() {
    var edgeUpdates = [], nodeUpdates = [], touched = nodesData.map(function () { return false; }), events = 0;
    edgesData.forEach(function (e) {
      var n = shownEvents(e), show = n > 0;
      events += n;
      if (show) { touched[e.from] = true; touched[e.to] = true; }
      var upd = null;
      if (show !== edgeShown[e.id]) { edgeShown[e.id] = show; upd = { id: e.id, hidden: !show }; }
      if (e.agg && show && e.shownCount !== n) {
        e.shownCount = n;
        upd = upd || { id: e.id };
        upd.width = Math.min(8, 1 + Math.log2(n));
        upd.title = edgeTitle(e) + (n < e.agg.length ? " (" + fmt(n) + " shown)" : "");
      }
      if (upd) edgeUpdates.push(upd);
    });
    nodesData.forEach(function (n) {
      var show = !!state.kinds[n.kind] && (!state.isolated || touched[n.id]);
      if (show !== nodeShown[n.id]) { nodeShown[n.id] = show; nodeUpdates.push({ id: n.id, hidden: !show }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    counts.nodes = nodeShown.filter(Boolean).length;
    counts.edges = edgeShown.filter(Boolean).length;
    counts.events = events;
    $("dg-count-nodes").textContent = fmt(counts.nodes);
    $("dg-count-edges").textContent = fmt(counts.events);
  }
  function checkbox(label, checked, onChange, icon, count) {
    var lab = el("label", null, "dg-check"), box = el("input");
    box.type = "checkbox"; box.checked = checked;
    box.addEventListener("change", function () { onChange(box.checked); apply(); });
    lab.appendChild(box);
    if (icon) lab.appendChild(icon);
    lab.appendChild(el("span", label));
    if (count !== undefined) lab.appendChild(el("span", fmt(count), "dg-count"));
    return { label: lab, box: box };
  }
  var boxes = [];
  var quadGroups = {};
  Object.keys(roots).sort().forEach(function (r) {
    var q = roots[r].quad in QUADS ? roots[r].quad : 0;
    (quadGroups[q] = quadGroups[q] || []).push(r);
    state.roots[r] = true;
  });
  Object.keys(quadGroups).sort().forEach(function (q) {
    var wrap = el("div", null, "dg-group"), items = el("div", null, "dg-items"), children = [];
    var sw = el("span", null, "dg-swatch"); sw.style.background = quadOf(+q).color;
    var total = quadGroups[q].reduce(function (s, r) { return s + roots[r].count; }, 0);
    var head = checkbox(quadOf(+q).label, true, function (on) {
      quadGroups[q].forEach(function (r) { state.roots[r] = on; });
      children.forEach(function (c) { c.checked = on; });
    }, sw, total);
    quadGroups[q].forEach(function (r) {
      var name = (DATA.roots[r] || r);
      var c = checkbox(r + " " + name, true, function (on) {
        state.roots[r] = on;
        head.box.checked = quadGroups[q].some(function (x) { return state.roots[x]; });
      }, null, roots[r].count);
      c.box.dataset.root = r;
      children.push(c.box); boxes.push(c.box);
      items.appendChild(c.label);
    });
    head.box.dataset.quad = q; boxes.push(head.box);
    wrap.appendChild(head.label); wrap.appendChild(items);
    $("dg-types").appendChild(wrap);
  });
  Object.keys(mods).sort().forEach(function (m) {
    state.mods[m] = true;
    var c = checkbox(modOf(m).label, true, function (on) { state.mods[m] = on; }, svgIcon(null, null, modOf(m).dashes),
      mods[m]);
    c.box.dataset.modality = m; boxes.push(c.box);
    $("dg-modalities").appendChild(c.label);
  });
  Object.keys(kinds).sort().forEach(function (k) {
    state.kinds[k] = true;
    var c = checkbox(kindOf(k).label, true, function (on) { state.kinds[k] = on; }, svgIcon(kindOf(k).shape,
      kindOf(k).color), kinds[k]);
    c.box.dataset.kind = k; boxes.push(c.box);
    $("dg-kinds").appendChild(c.label);
  });
  var fromInput = $("dg-from"), toInput = $("dg-to");
  function showDates() { $("dg-from-label").textContent = iso(state.from); $("dg-to-label").textContent = iso(state.to); }
  if (dmin === Infinity) {
    $("dg-dates-section").hidden = true; state.from = 0; state.to = 0;
  } else {
    [fromInput, toInput].forEach(function (inp) { inp.min = String(dmin); inp.max = String(dmax); });
    fromInput.value = String(dmin); toInput.value = String(dmax); state.from = dmin; state.to = dmax;
    fromInput.addEventListener("input", function () {
      state.from = +fromInput.value;
      if (state.from > state.to) { state.to = state.from; toInput.value = fromInput.value; }
      showDates(); apply();
    });
    toInput.addEventListener("input", function () {
      state.to = +toInput.value;
      if (state.to < state.from) { state.from = state.to; fromInput.value = toInput.value; }
      showDates(); apply();
    });
    showDates(); drawHistogram();
  }
  $("dg-undated-count").textContent = fmt(undatedCount);
  if (!undatedCount) $("dg-undated-label").hidden = true;
  $("dg-undated").addEventListener("change", function (ev) { state.undated = ev.target.checked; apply(); });
  $("dg-isolated").addEventListener("change", function (ev) { state.isolated = ev.target.checked; apply(); });
  function drawHistogram() {
    var cv = $("dg-histogram"), ctx = cv.getContext("2d"), bins = 58, h = new Array(bins).fill(0), top = 0;
    var span = Math.max(1, dmax - dmin + 1);
    days.forEach(function (d) { var b = Math.min(bins - 1, Math.floor((d - dmin) / span * bins)); h[b]++; });
    h.forEach(function (v) { top = Math.max(top, v); });
    ctx.fillStyle = "#8c959f";
    h.forEach(function (v, b) {
      var bh = v ? Math.max(2, Math.round(v / top * 34)) : 0;
      ctx.fillRect(b * 4, 36 - bh, 3, bh);
    });
  }
  $("dg-reset").addEventListener("click", function () {
    Object.keys(state.roots).forEach(function (r) { state.roots[r] = true; });
    Object.keys(state.mods).forEach(function (m) { state.mods[m] = true; });
    Object.keys(state.kinds).forEach(function (k) { state.kinds[k] = true; });
    boxes.forEach(function (b) { b.checked = true; });
    if (dmin !== Infinity) {
      state.from = dmin; state.to = dmax; fromInput.value = String(dmin); toInput.value = String(dmax); showDates();
    }
    state.undated = true; $("dg-undated").checked = true;
    apply();
  });
  $("dg-fit").addEventListener("click", function () { fitView(false); });
  $("dg-physics").addEventListener("change", function (ev) {
    network.setOptions({ physics: { enabled: ev.target.checked } });
  });

  /* ---------- search ---------- */
  var list = $("dg-actor-list"), names = {};
  nodesData.forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      var key = String(name).toLowerCase();
      if (!(key in names)) { names[key] = n.id; var o = document.createElement("option"); o.value = name; list.appendChild(o); }
    });
  });
  function findActor(text) {
    var q = String(text || "").trim().toLowerCase();
    if (!q) return null;
    if (q in names) return names[q];
    var hit = Object.keys(names).filter(function (k) { return k.indexOf(q) >= 0; }).sort(function (x, y) {
      return x.length - y.length;
    })[0];
    return hit === undefined ? null : names[hit];
  }
  function focusActor(text) {
    var id = findActor(text);
    $("dg-search-msg").textContent = id === null ? "No actor matches." : "";
    if (id === null) return null;
    if (!nodeShown[id]) { state.kinds[nodesData[id].kind] = true; boxes.forEach(function (b) {
      if (b.dataset.kind === nodesData[id].kind) b.checked = true; }); apply(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showNode(id);
    return id;
  }
  $("dg-search-go").addEventListener("click", function () { focusActor($("dg-search").value); });
  $("dg-search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") focusActor(ev.target.value); });
  $("dg-search").addEventListener("change", function (ev) { if (ev.target.value) focusActor(ev.target.value); });

  /* ---------- detail panels ---------- */
  var panel = $("dg-panel");
  function clearPanel(title) { $("dg-details-title").textContent = title; panel.textContent = ""; }
  function defs(pairsList) {
    var dl = el("dl");
    pairsList.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      dl.appendChild(el("dt", p[0])); dl.appendChild(el("dd", p[1]));
    });
    return dl;
  }
  function dateText(e) {
    if (e.date) return e.date;
    if (!e.earliest && !e.latest) return "unknown";
    var r = e.earliest === e.latest ? e.earliest : (e.earliest || "?") + " \u2013 " + (e.latest || "?");
    return r + (e.precision ? " (" + e.precision + ")" : "");
  }
  function partiesLine(e) {
    return nodesData[e.from].label + (e.sym ? "  \u2194  " : "  \u2192  ") + nodesData[e.to].label;
  }
  function showEdge(id) {
    var e = edgesData[id];
    if (!e) return;
    network.selectEdges([id]);
    if (e.agg) return showFolded(e);
    clearPanel("Event");
    panel.appendChild(el("h3", e.type || "CAMEO " + e.cameo));
    panel.appendChild(el("div", partiesLine(e), "dg-parties"));
    panel.appendChild(defs([
      ["Event type", (e.type || "") + (e.cameo ? " (CAMEO " + e.cameo + ")" : "")],
      ["Type group", e.root + " " + (DATA.roots[e.root] || "")],
      ["Quad class", quadOf(e.quad).label], ["Goldstein", e.gs === null ? null : e.gs.toFixed(1)],
      ["Date", dateText(e)], ["Modality", e.mod],
      ["Confidence", e.conf === null ? null : e.conf.toFixed(2)], ["Sources", e.nsrc],
      ["Independent sources", e.nind === e.nsrc ? null : e.nind]
    ]));
    panel.appendChild(el("h4", "Evidence (" + e.ev.length + ")"));
    if (!e.ev.length) panel.appendChild(el("p", "No sentence recorded.", "dg-muted"));
    e.ev.forEach(function (ev) {
      panel.appendChild(el("blockquote", ev[0] || "(no sentence)", "dg-sentence"));
      var stance = [];
      if (ev[4]) stance.push(ev[4]);
      if (ev[5]) stance.push("by " + (byIri[ev[5]] || String(ev[5]).split("/").pop()));
      if (typeof ev[6] === "number") stance.push("confidence " + ev[6].toFixed(2));
      if (stance.length) panel.appendChild(el("div", "Claim: " + stance.join(" \u00b7 "), "dg-source"));
      var art = articles[ev[1]] || {}, src = el("div", null, "dg-source"), url = httpUrl(art.url);
      var title = art.title || art.url || art.article || "Untitled article";
      if (url) {
        var link = el("a", title); link.href = url; link.target = "_blank"; link.rel = "noopener noreferrer";
        src.appendChild(link);
      } else src.appendChild(el("span", title));
      [art.outlet, day(art.published)].forEach(function (t) { if (t) src.appendChild(el("span", " \u00b7 " + t)); });
      if (!url && art.url) src.appendChild(el("span", " \u00b7 (link not shown: not http/https)", "dg-muted"));
      panel.appendChild(src);
    });
    panel.appendChild(el("div", e.key, "dg-iri"));
  }
  function tally(rows, title) {
    var t = el("table", null, "dg-table");
    rows.forEach(function (r) { var tr = el("tr"); tr.appendChild(el("td", r[0])); tr.appendChild(el("td", fmt(r[1])));
      t.appendChild(tr); });
    panel.appendChild(el("h4", title)); panel.appendChild(t);
  }
  function showFolded(e) {
    clearPanel("Folded events");
    panel.appendChild(el("h3", fmt(e.agg.length) + " events"));
    panel.appendChild(el("div", partiesLine(e), "dg-parties"));
    panel.appendChild(el("p", "These events involve actors folded into an \u201cOther\u201d node. Narrow the view " +
      "(actors, dates, types) to see each event with its evidence.", "dg-muted"));
    var byRoot = {}, byMod = {};
    e.agg.forEach(function (m) {
      var k = m[0] + " " + (DATA.roots[m[0]] || ""); byRoot[k] = (byRoot[k] || 0) + 1; byMod[m[2]] = (byMod[m[2]] || 0) + 1;
    });
    tally(Object.keys(byRoot).sort().map(function (k) { return [k, byRoot[k]]; }), "By type group");
    tally(Object.keys(byMod).sort().map(function (k) { return [k, byMod[k]]; }), "By modality");
  }
  function showNode(id) {
    var n = nodesData[id];
    if (!n) return;
    network.selectNodes([id]);
    clearPanel(n.folded ? "Folded actors" : "Actor");
    panel.appendChild(el("h3", n.label));
    var ids = [["Kind", kindOf(n.kind).label]];
    if (n.aliases.length) ids.push(["Also known as", n.aliases.join("; ")]);
    ids.push(["ISO 3166", n.iso3]);
    panel.appendChild(defs(ids));
    if (n.wikidata && /^Q[0-9]+$/.test(n.wikidata)) {
      var w = el("div", null, "dg-source"), a = el("a", "Wikidata " + n.wikidata);
      a.href = "https://www.wikidata.org/wiki/" + n.wikidata; a.target = "_blank"; a.rel = "noopener noreferrer";
      w.appendChild(a); panel.appendChild(w);
    } else if (n.wikidata) panel.appendChild(defs([["Wikidata", n.wikidata]]));
    if (n.folded) panel.appendChild(el("p", fmt(n.folded) + " actors of this kind with the fewest events are folded " +
      "into this node.", "dg-muted"));
    if (n.roles.length) {
      panel.appendChild(el("h4", "Roles"));
      var ul = el("ul");
      n.roles.forEach(function (r) {
        var dates = r.start || r.end ? " (" + (r.start || "?") + " \u2013 " + (r.end || "") + ")" : "";
        ul.appendChild(el("li", (r.label || "role") + (r.of ? ", " + r.of : "") + dates));
      });
      panel.appendChild(ul);
    }
    var out = 0, inn = 0, quads = {}, partners = {}, shown = 0;
    byNode[id].forEach(function (e) {
      var k = e.agg ? e.agg.length : 1, other = e.from === id ? e.to : e.from;
      if (e.from === id) out += k; if (e.to === id) inn += k;
      visitEvents(e, function (root, quad) { var q = quadOf(quad).label; quads[q] = (quads[q] || 0) + 1; });
      partners[other] = (partners[other] || 0) + k;
      if (edgeShown[e.id]) shown += k;
    });
    tally([["Events in the projection", n.deg], ["As actor (source)", out], ["As target", inn],
      ["Shown with current filters", shown]], "Counts");
    tally(Object.keys(quads).map(function (q) { return [q, quads[q]]; }), "By quad class");
    var top = Object.keys(partners).sort(function (x, y) { return partners[y] - partners[x]; }).slice(0, 8);
    if (top.length) tally(top.map(function (p) { return [nodesData[p].label, partners[p]]; }), "Most frequent counterparts");
    if (n.iri) panel.appendChild(el("div", n.iri, "dg-iri"));
  }
  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });

  apply();
  network.once("afterDrawing", function () {
    window.dgReady = performance.now();
    document.body.setAttribute("data-ready", "1");
  });
  /* for scripting and tests: the network, its data sets and the shown counts */
  window.diplograph = { network: network, nodes: nodes, edges: edges, data: DATA, counts: counts, apply: apply,
    showEdge: showEdge, showNode: showNode, focusActor: focusActor, state: state };
})();
