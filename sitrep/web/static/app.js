// sitrep explorer: plain JS over the read-only HTTP API (/api/...). No framework, nothing fetched from other hosts.
"use strict";

const QUAD = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
const QCOLOR = { 1: "#3182bd", 2: "#31a354", 3: "#e6550d", 4: "#c51b1b" };
const SVGNS = "http://www.w3.org/2000/svg";
const state = { offset: 0, limit: 100, loaded: {}, world: null, event: null };

// -- helpers ---------------------------------------------------------------------------------------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (v !== null && v !== undefined && v !== false) el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
}
function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (v !== null && v !== undefined) el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
function status(text, error) {
  const el = document.getElementById("status");
  el.textContent = text || "";
  el.className = error ? "error" : "";
}
async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== null && v !== undefined && v !== false) query.set(k, v);
  const url = path + (query.toString() ? "?" + query : "");
  const response = await fetch(url);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || body);
    status(`${response.status}: ${detail}`, true);
    throw new Error(detail);
  }
  const asOf = response.headers.get("x-sitrep-as-of"), stale = response.headers.get("x-sitrep-stale");
  if (asOf) document.getElementById("as-of").textContent = `data as of ${asOf}` + (stale ? ` (newer data coming: ${stale})` : "");
  status("");
  return body;
}
function filters() {
  const form = new FormData(document.getElementById("filters"));
  const out = {};
  for (const [k, v] of form.entries()) if (v) out[k] = k === "include_all" ? "true" : v.trim();
  return out;
}
function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }
function safeUrl(u) {  // only http(s) addresses become links: never javascript:, data: or file:
  return typeof u === "string" && /^https?:\/\//i.test(u.trim()) ? u.trim() : null;
}
function eventLabel(e) { return `${e.source_code || "?"} ${e.name || e.code} ${e.target_code || "?"}`; }
function parseDate(d) {  // "2024-06-24" (the server's when_day) -> Date
  if (!d) return null;
  const [y, m, day] = d.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(y, (m || 1) - 1, day || 1));
}
function goldColor(g) {  // diverging: red for conflict, grey for neutral, blue for cooperation
  const t = Math.max(-1, Math.min(1, (g || 0) / 7));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const grey = [150, 150, 150], red = [200, 30, 30], blue = [40, 110, 200];
  const end = t < 0 ? red : blue, f = Math.abs(t);
  return `rgb(${mix(grey[0], end[0], f)},${mix(grey[1], end[1], f)},${mix(grey[2], end[2], f)})`;
}
function legendQuad() {
  return h("div", { class: "legend" }, Object.entries(QUAD).map(([q, name]) =>
    h("span", {}, h("span", { class: "swatch", style: `background:${QCOLOR[q]}` }), name)));
}

// -- tabs ------------------------------------------------------------------------------------------
const VIEWS = { events: loadEvents, timeline: loadTimeline, trends: loadTrends, network: loadNetwork, map: loadMap, evidence: loadEvidence };
function route() {
  const [tab, arg] = (location.hash.slice(1) || "events").split("/");
  const name = VIEWS[tab] ? tab : "events";
  document.querySelectorAll("nav a").forEach(a => a.classList.toggle("active", a.dataset.tab === name));
  document.querySelectorAll(".panel").forEach(p => p.classList.toggle("active", p.id === "panel-" + name));
  if (name === "evidence" && arg) state.event = decodeURIComponent(arg);
  VIEWS[name]().catch(err => { if (document.getElementById("status").className !== "error") status(err.message, true); });
}
function showEvidence(eventId) { location.hash = "evidence/" + encodeURIComponent(eventId); }

// -- events ----------------------------------------------------------------------------------------
async function loadEvents() {
  const params = { ...filters(), limit: state.limit, offset: state.offset };
  const request = state.eventsRequest = (state.eventsRequest || 0) + 1;
  const body = await api("/api/events", params);
  if (request !== state.eventsRequest) return;  // the first page loaded slower than a newer filter: keep the newer
  const tbody = document.querySelector("#events-table tbody");
  tbody.replaceChildren(...body.rows.map(e => h("tr", { "data-event": e.event_id, on: { click: () => showEvidence(e.event_id) } },
    h("td", {}, e.date || ""), h("td", { class: "code" }, e.source_code || ""),
    h("td", { class: "q" + e.quad_class }, h("span", { class: "code" }, e.code), " ", e.name || ""),
    h("td", { class: "code" }, e.target_code || ""), h("td", { class: "num" }, e.goldstein ?? ""),
    h("td", { class: "num" }, e.num_articles), h("td", { class: "evidence" }, e.evidence || ""))));
  const last = Math.min(body.offset + body.rows.length, body.total);
  document.getElementById("events-count").textContent =
    body.total ? `${body.offset + 1}–${last} of ${plural(body.total, "event")}` : "no events match";
  document.getElementById("prev").disabled = body.offset === 0;
  document.getElementById("next").disabled = last >= body.total;
  document.getElementById("csv").href = "/api/events?" + new URLSearchParams({ ...filters(), limit: 10000, format: "csv" });
}

// -- timeline --------------------------------------------------------------------------------------
async function loadTimeline() {
  const body = await api("/api/events", { ...filters(), limit: 10000 });
  const rows = body.rows.map(e => ({ ...e, when: parseDate(e.when_day) })).filter(e => e.when);
  const box = document.getElementById("timeline");
  if (!rows.length) { box.replaceChildren(h("p", {}, "No dated events match.")); return; }
  const W = 1100, H = 330, L = 150, R = 20, T = 20, B = 40;
  let t0 = Math.min(...rows.map(e => e.when)), t1 = Math.max(...rows.map(e => e.when));
  const pad = Math.max((t1 - t0) * 0.03, 86400000 * 5); t0 -= pad; t1 += pad;
  const x = t => L + (t - t0) / (t1 - t0) * (W - L - R);
  const lane = q => T + (q - 0.5) * (H - T - B) / 4;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "timeline-svg" });
  for (const q of [1, 2, 3, 4]) {
    svg.append(s("line", { class: "grid", x1: L, x2: W - R, y1: lane(q), y2: lane(q) }),
      s("text", { x: L - 8, y: lane(q) + 4, "text-anchor": "end", fill: QCOLOR[q] }, QUAD[q]));
  }
  const axis = s("g", { class: "axis" });
  axis.append(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B }));
  for (const tick of timeTicks(t0, t1)) {
    axis.append(s("line", { x1: x(tick.t), x2: x(tick.t), y1: H - B, y2: H - B + 5 }),
      s("text", { x: x(tick.t), y: H - B + 18, "text-anchor": "middle" }, tick.label));
  }
  svg.append(axis);
  // jitter dots that share a day and lane so every event stays clickable
  const seen = {};
  for (const e of rows.sort((a, b) => b.num_articles - a.num_articles)) {
    const key = `${e.when_day}|${e.quad_class}`, n = seen[key] = (seen[key] || 0) + 1;
    const dy = ((n % 2 ? 1 : -1) * Math.floor(n / 2)) * 9;
    svg.append(s("circle", { class: "dot", cx: x(e.when), cy: lane(e.quad_class) + dy, r: 4 + 2 * Math.sqrt(e.num_articles),
      fill: QCOLOR[e.quad_class], "fill-opacity": 0.75, "data-event": e.event_id, on: { click: () => showEvidence(e.event_id) } },
      s("title", {}, `${e.when_date}: ${eventLabel(e)} (Goldstein ${e.goldstein}, ${plural(e.num_articles, "article")})\n${e.evidence}`)));
  }
  box.replaceChildren(svg, h("p", { class: "help" }, `${rows.length} dated events from ${new Date(t0 + pad).toISOString().slice(0, 10)} to ${new Date(t1 - pad).toISOString().slice(0, 10)}.`));
}
function timeTicks(t0, t1) {
  const days = (t1 - t0) / 86400000, out = [];
  const start = new Date(t0), y0 = start.getUTCFullYear();
  if (days > 3 * 365) {
    for (let y = y0; Date.UTC(y, 0, 1) <= t1; y++) if (Date.UTC(y, 0, 1) >= t0) out.push({ t: Date.UTC(y, 0, 1), label: String(y) });
  } else {
    const step = days > 400 ? 3 : 1;
    for (let m = start.getUTCMonth(), y = y0; Date.UTC(y, m, 1) <= t1; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t >= t0) out.push({ t, label: new Date(t).toISOString().slice(0, 7) });
    }
  }
  return out;
}

// -- dyad trends -----------------------------------------------------------------------------------
async function loadTrends() {
  const select = document.getElementById("trend-dyad");
  if (!state.loaded.dyads) {
    const net = await api("/api/network", { include_all: filters().include_all });
    for (const e of net.edges) select.append(h("option", { value: `${e.source},${e.target}` }, `${e.source} → ${e.target} (${e.events})`));
    state.loaded.dyads = true;
  }
  const f = filters();
  const dyad = select.value || f.dyad || "";
  const interval = document.getElementById("trend-interval").value;
  const request = state.trendRequest = (state.trendRequest || 0) + 1;
  const body = await api("/api/trends", { ...f, dyad, interval });
  if (request !== state.trendRequest) return;  // a newer choice of dyad or interval is on its way: draw only that one
  const byPeriod = new Map();
  for (const r of body.rows) {
    const p = byPeriod.get(r.period) || { period: r.period, events: 0, g: 0, q1: 0, q2: 0, q3: 0, q4: 0 };
    p.events += r.events; p.g += r.mean_goldstein * r.events;
    for (const q of ["q1", "q2", "q3", "q4"]) p[q] += r[q];
    byPeriod.set(r.period, p);
  }
  const periods = fillPeriods([...byPeriod.keys()].sort(), interval).map(p => {
    const v = byPeriod.get(p);
    return v ? { ...v, mean: v.g / v.events } : { period: p, events: 0, q1: 0, q2: 0, q3: 0, q4: 0, mean: null };
  });
  drawTrend(periods, dyad, interval);
  document.querySelector("#trend-table tbody").replaceChildren(...periods.filter(p => p.events).map(p => h("tr", {},
    h("td", {}, p.period), h("td", { class: "num" }, p.events), h("td", { class: "num" }, p.mean.toFixed(2)),
    h("td", { class: "num" }, p.q1), h("td", { class: "num" }, p.q2), h("td", { class: "num" }, p.q3), h("td", { class: "num" }, p.q4))));
}
function fillPeriods(keys, interval) {  // every period between the first and last, so gaps show as gaps
  if (!keys.length) return [];
  const out = [], end = parseDate(keys[keys.length - 1]);
  for (let d = parseDate(keys[0]); d <= end && out.length < 2000;) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    else d = new Date(d.getTime() + (interval === "week" ? 7 : 1) * 86400000);
  }
  return out;
}
function drawTrend(periods, dyad, interval) {
  const box = document.getElementById("trend-chart");
  if (!periods.length) { box.replaceChildren(h("p", {}, "No events match.")); return; }
  const W = 1100, H = 320, L = 50, R = 60, T = 30, B = 50;
  const max = Math.max(...periods.map(p => p.events), 1);
  const bw = (W - L - R) / periods.length;
  const y = v => H - B - v / max * (H - T - B);
  const yg = g => T + (10 - g) / 20 * (H - T - B);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "trend-svg" });
  svg.append(s("text", { x: L, y: 16, "font-weight": 600 }, `${dyad ? dyad.replace(",", " → ") : "All dyads"}: events per ${interval} (bars, by QuadClass) and mean Goldstein (line)`));
  for (const g of [-10, -5, 0, 5, 10]) svg.append(s("line", { class: "grid", x1: L, x2: W - R, y1: yg(g), y2: yg(g) }),
    s("text", { x: W - R + 6, y: yg(g) + 4 }, g));
  for (const v of [0, max]) svg.append(s("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, v));
  svg.append(s("text", { x: 12, y: (T + H - B) / 2, transform: `rotate(-90 12 ${(T + H - B) / 2})`, "text-anchor": "middle" }, "events"),
    s("text", { x: W - 8, y: (T + H - B) / 2, transform: `rotate(90 ${W - 8} ${(T + H - B) / 2})`, "text-anchor": "middle" }, "mean Goldstein"));
  const every = Math.ceil(periods.length / 12);
  periods.forEach((p, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = p["q" + q];
      if (!n) continue;
      svg.append(s("rect", { class: "bar", x: L + i * bw + 1, width: Math.max(bw - 2, 1), y: y(base + n), height: y(base) - y(base + n), fill: QCOLOR[q] },
        s("title", {}, `${p.period}: ${n} ${QUAD[q].toLowerCase()}`)));
      base += n;
    }
    if (i % every === 0) svg.append(s("text", { x: L + i * bw + bw / 2, y: H - B + 16, "text-anchor": "middle" }, interval === "month" ? p.period.slice(0, 7) : p.period));
  });
  const pts = periods.map((p, i) => p.mean === null ? null : [L + i * bw + bw / 2, yg(p.mean), p]).filter(Boolean);
  svg.append(s("polyline", { points: pts.map(p => p.slice(0, 2).join(",")).join(" "), fill: "none", stroke: "#222", "stroke-width": 1.5 }));
  for (const [px, py, p] of pts) svg.append(s("circle", { cx: px, cy: py, r: 3.5, fill: goldColor(p.mean), stroke: "#222" },
    s("title", {}, `${p.period}: mean Goldstein ${p.mean.toFixed(2)} over ${plural(p.events, "event")}`)));
  svg.append(s("line", { x1: L, x2: W - R, y1: H - B, y2: H - B, stroke: "#9aa4ad" }));
  box.replaceChildren(svg, legendQuad());
}

// -- network ---------------------------------------------------------------------------------------
async function loadNetwork() {
  const f = filters();
  const body = await api("/api/network", { actor: f.actor, code: f.code, since: f.since, until: f.until, include_all: f.include_all });
  const box = document.getElementById("network");
  if (!body.nodes.length) { box.replaceChildren(h("p", {}, "No events between two actors match.")); return; }
  const W = 900, H = 620, cx = W / 2, cy = H / 2 + 10, radius = Math.min(W, H) / 2 - 90;
  const pos = {};
  body.nodes.forEach((n, i) => {
    const a = -Math.PI / 2 + 2 * Math.PI * i / body.nodes.length;
    pos[n.id] = [cx + radius * Math.cos(a), cy + radius * Math.sin(a), a];
  });
  const maxEdge = Math.max(...body.edges.map(e => e.events));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", id: "network-svg", style: "max-width:1000px" });
  const defs = s("defs");
  svg.append(defs);
  body.edges.forEach((e, i) => {
    const [x1, y1] = pos[e.source], [x2, y2] = pos[e.target];
    const color = goldColor(e.mean_goldstein);
    defs.append(s("marker", { id: "arrow" + i, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      s("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
    // bend each arrow to its right so A->B and B->A stay apart; stop short of the target's circle
    const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const bx = mx - dy / len * 30, by = my + dx / len * 30;
    const rt = nodeRadius(body.nodes.find(n => n.id === e.target)) + 4;
    const tx = x2 - (x2 - bx) / Math.hypot(x2 - bx, y2 - by) * rt, ty = y2 - (y2 - by) / Math.hypot(x2 - bx, y2 - by) * rt;
    svg.append(s("path", { class: "edge", d: `M${x1},${y1} Q${bx},${by} ${tx},${ty}`, fill: "none", stroke: color, opacity: 0.85,
      "stroke-width": 1.5 + 6 * e.events / maxEdge, "marker-end": `url(#arrow${i})`, "data-dyad": `${e.source},${e.target}`,
      on: { click: () => { document.querySelector("#filters [name=dyad]").value = `${e.source},${e.target}`; state.offset = 0; location.hash = "events"; } } },
      s("title", {}, `${e.source} → ${e.target}: ${plural(e.events, "event")}, mean Goldstein ${e.mean_goldstein}`)));
  });
  for (const n of body.nodes) {
    const [x, y, a] = pos[n.id], r = nodeRadius(n);
    const lx = x + Math.cos(a) * (r + 10), ly = y + Math.sin(a) * (r + 10);
    svg.append(s("g", { class: "node", "data-node": n.id },
      s("circle", { cx: x, cy: y, r, fill: "#fff", stroke: "#1d232a", "stroke-width": 1.5 }),
      s("text", { x, y: y + 4, "text-anchor": "middle", "font-weight": 700 }, n.id),
      s("text", { x: lx, y: ly + 4, "text-anchor": Math.cos(a) > 0.2 ? "start" : Math.cos(a) < -0.2 ? "end" : "middle", fill: "#66707a" },
        n.name ? `${n.name} (${n.events})` : plural(n.events, "event"))));
  }
  const legend = h("div", { class: "legend" }, "Mean Goldstein:", [-10, -5, -2, 0, 2, 5, 10].map(g =>
    h("span", {}, h("span", { class: "swatch", style: `background:${goldColor(g)}` }), g)));
  box.replaceChildren(svg, legend);
}
function nodeRadius(n) { return 14 + 3 * Math.sqrt(n ? n.events : 1); }

// -- map -------------------------------------------------------------------------------------------
async function loadMap() {
  if (!state.world) {
    const topo = await (await fetch("/static/vendor/countries-110m.json")).json();
    state.world = topojson.feature(topo, topo.objects.countries);
  }
  const body = await api("/api/events", { ...filters(), limit: 10000 });
  const located = body.rows.filter(e => e.lat !== null && e.lon !== null);
  const W = 1000, H = 500, X = lon => (lon + 180) / 360 * W, Y = lat => (90 - lat) / 180 * H;
  const viewBox = viewBoxFor(located, W, H, X, Y);
  const px = Number(viewBox.split(" ")[2]) / 1200;  // one screen pixel in map units, so dots and labels keep their size
  const svg = s("svg", { viewBox, width: "100%", id: "map-svg", style: "max-height:72vh" });
  svg.append(s("rect", { class: "ocean", x: 0, y: 0, width: W, height: H }));
  for (const f of state.world.features) svg.append(s("path", { class: "country", d: geoPath(f.geometry, X, Y) }, s("title", {}, f.properties.name)));
  const places = new Map();
  for (const e of located) {
    const key = `${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
    if (!places.has(key)) places.set(key, { lat: e.lat, lon: e.lon, name: e.place_name, events: [] });
    places.get(key).events.push(e);
  }
  [...places.values()].sort((a, b) => a.lat - b.lat).forEach((p, i) => {
    const worst = p.events.reduce((a, b) => (b.goldstein < a.goldstein ? b : a));
    const r = (4 + 2.5 * Math.sqrt(p.events.length)) * px, dy = (i % 2 ? -8 : 12) * px;
    svg.append(s("circle", { class: "point", cx: X(p.lon), cy: Y(p.lat), r, fill: QCOLOR[worst.quad_class], "fill-opacity": 0.8, stroke: "#fff", "stroke-width": px,
      "data-event": worst.event_id, "data-place": p.name || "", on: { click: () => showEvidence(worst.event_id) } },
      s("title", {}, `${p.name || "?"}: ${plural(p.events.length, "event")}\n` + p.events.map(e => `${e.when_date} ${eventLabel(e)}`).join("\n"))),
    s("text", { x: X(p.lon) + r + 2 * px, y: Y(p.lat) + dy, style: `font-size:${(12 * px).toFixed(2)}px` }, `${p.name || ""} (${p.events.length})`));
  });
  document.getElementById("map-note").textContent =
    `${located.length} of ${plural(body.rows.length, "event")} have a place with coordinates; the dot's colour is its most conflictual event's QuadClass. Click a dot for its evidence.`;
  document.getElementById("map").replaceChildren(svg, legendQuad());
}
function viewBoxFor(points, W, H, X, Y) {  // zoom on the events, at least 90 degrees of longitude wide
  if (!points.length) return `0 0 ${W} ${H}`;
  let x0 = Math.min(...points.map(p => X(p.lon))), x1 = Math.max(...points.map(p => X(p.lon)));
  let y0 = Math.min(...points.map(p => Y(p.lat))), y1 = Math.max(...points.map(p => Y(p.lat)));
  const w = Math.max(x1 - x0 + 60, W / 4), hgt = Math.max(y1 - y0 + 40, w / 2);
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  x0 = Math.max(0, Math.min(W - w, cx - w / 2)); y0 = Math.max(0, Math.min(H - hgt, cy - hgt / 2));
  return `${x0.toFixed(1)} ${y0.toFixed(1)} ${w.toFixed(1)} ${Math.min(hgt, H).toFixed(1)}`;
}
function geoPath(g, X, Y) {  // equirectangular; a ring crossing the antimeridian is broken, not smeared across
  if (!g) return "";
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
  let d = "";
  for (const poly of polys) for (const ring of poly) {
    let prev = null;
    ring.forEach(([lon, lat], i) => {
      const jump = prev !== null && Math.abs(lon - prev) > 180;
      d += `${i === 0 || jump ? "M" : "L"}${X(lon).toFixed(1)},${Y(lat).toFixed(1)}`;
      prev = lon;
    });
    d += "Z";
  }
  return d;
}

// -- evidence --------------------------------------------------------------------------------------
async function loadEvidence() {
  const box = document.getElementById("evidence");
  if (!state.event) return;
  const [eventId, mentionId] = state.event.split("@");
  const detail = await api("/api/events/" + encodeURIComponent(eventId));
  const e = detail.event;
  const mention = detail.mentions.find(m => m.mention_id === mentionId) || detail.mentions.find(m => m.mention_id === e.best_mention_id) || detail.mentions[0];
  const doc = await api("/api/articles/" + encodeURIComponent(mention.article_id));
  const a = doc.article;
  const card = h("div", { class: "event-card", style: `border-left-color:${QCOLOR[e.quad_class]}` },
    h("h2", {}, h("span", { class: "code" }, e.source_code || "?"), ` ${e.name} `, h("span", { class: "code" }, e.target_code || "?")),
    h("div", { class: "meta" }, `CAMEO ${e.code} · PLOVER ${e.plover_event || "–"} · ${QUAD[e.quad_class] || ""} · Goldstein ${e.goldstein} · `,
      `date ${e.date || "unknown"}${e.date_precision && e.date_precision !== "day" ? " (" + e.date_precision + ")" : ""} · `,
      `place ${e.place_name || "unknown"} · confidence ${Number(e.confidence).toFixed(2)}`,
      e.modality ? ` · ${e.modality}` : "", ` · ${plural(e.num_mentions, "mention")} in ${plural(e.num_articles, "article")} from ${plural(e.num_sources, "outlet")}`));
  const text = h("div", { class: "article-text", id: "article-text" }, ...markText(a.text, mention, doc.removed));
  const side = h("div", {},
    h("h3", {}, `Mentions of this event (${detail.mentions.length})`),
    h("ol", { id: "mentions" }, detail.mentions.map(m => h("li", { class: m.mention_id === mention.mention_id ? "current" : null },
      h("a", { href: `#evidence/${encodeURIComponent(e.event_id + "@" + m.mention_id)}` }, `${m.outlet || m.article_id}, ${m.published || ""}`),
      ": ", m.evidence, " ", safeUrl(m.url) ? h("a", { class: "cite", href: safeUrl(m.url), rel: "noreferrer" }, "source") : null))),
    h("h3", {}, "Why these mentions are one event"),
    detail.reasons ? h("ul", { id: "reasons" }, detail.reasons.map(r => h("li", {}, r))) : h("p", { class: "help" }, detail.reasons_error || "no explanation"),
    h("h3", {}, `Quotes in this article (${doc.quotes.length})`),
    h("ul", { id: "quotes" }, doc.quotes.map(q => h("li", {}, h("b", {}, q.speaker_name || q.speaker_text || "unknown"),
      q.speaker_office ? ` (${q.speaker_office})` : "", " ", q.cue || "", ": ", h("span", { class: "quote" }, q.text)))));
  const head = h("div", { class: "meta" }, h("b", {}, a.title || a.article_id), ` — ${a.outlet || ""}, ${a.published || ""} · `,
    safeUrl(a.url) ? h("a", { href: safeUrl(a.url), rel: "noreferrer" }, a.url) : (a.url || a.article_id),
    h("div", { class: "legend" }, h("mark", { class: "source" }, "source"), h("mark", { class: "trigger" }, "trigger"),
      h("mark", { class: "target" }, "target"), h("span", { class: "sentence" }, "evidence sentence"), h("span", { class: "removed" }, "removed debris")));
  box.replaceChildren(card, h("div", { class: "columns" }, h("div", {}, head, text), side));
  const sentence = document.querySelector("#article-text .sentence");
  if (sentence) text.scrollTop = Math.max(0, sentence.offsetTop - text.offsetTop - 80);
}
function markText(text, m, removed) {  // split the raw text at every span boundary; each piece gets the classes covering it
  const spans = [
    [m.sentence_start, m.sentence_end, "sentence"], [m.source_start, m.source_end, "source"],
    [m.target_start, m.target_end, "target"], [m.trigger_start, m.trigger_end, "trigger"],
    ...(removed || []).map(r => [r.start, r.end, "removed"]),
  ].filter(([a, b]) => a !== null && b !== null && b > a);
  const cuts = [...new Set([0, text.length, ...spans.flatMap(([a, b]) => [a, b])])].sort((p, q) => p - q);
  const out = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]], piece = text.slice(a, b);
    const cls = spans.filter(([sa, sb]) => sa <= a && b <= sb).map(sp => sp[2]);
    const mark = ["trigger", "source", "target"].find(c => cls.includes(c));
    let node = mark ? h("mark", { class: mark }, piece) : document.createTextNode(piece);
    if (cls.includes("sentence")) node = h("span", { class: "sentence" }, node);
    if (cls.includes("removed")) node = h("span", { class: "removed" }, node);
    out.push(node);
  }
  return out;
}

// -- wiring ----------------------------------------------------------------------------------------
document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); state.offset = 0; state.loaded = {}; route(); });
document.getElementById("filters").addEventListener("reset", () => setTimeout(() => { state.offset = 0; state.loaded = {}; route(); }));
document.getElementById("prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - state.limit); loadEvents(); });
document.getElementById("next").addEventListener("click", () => { state.offset += state.limit; loadEvents(); });
document.getElementById("trend-dyad").addEventListener("change", () => loadTrends());
document.getElementById("trend-interval").addEventListener("change", () => loadTrends());
window.addEventListener("hashchange", route);
route();
