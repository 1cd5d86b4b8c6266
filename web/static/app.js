// gongwen search page: state lives in the URL hash (#q=…&year=…&offset=…,
// #doc=ID, or #compare=INDICATOR&by=issuer), so every view can be bookmarked
// and the back button works.
"use strict";

const PAGE = 10;
const $ = (sel) => document.querySelector(sel);
const FACETS = [["issuer", "发文机关 Issuer"], ["region", "地区 Region"], ["year", "年度 Year"], ["kind", "类型 Kind"]];
const FILTERS = ["issuer", "region", "year", "kind", "from", "to", "indicator"];
const VIEWS = ["results", "facets", "document", "compare"];
// Document kinds, as extract classifies them: 中文 and English.
const KINDS = {
  "fzzf-report": ["法治政府建设年度报告", "rule-of-law report"],
  "gov-work-report": ["政府工作报告", "government work report"],
  "stats-bulletin": ["统计公报", "statistical bulletin"],
  "xxgk-annual-report": ["政府信息公开年度报告", "information disclosure report"],
  "budget": ["预算", "budget"],
  "final-accounts": ["决算", "final accounts"],
  "audit-report": ["审计报告", "audit report"],
  "regulation": ["法规规章", "regulation"],
  "plan": ["规划计划", "plan"],
  "notice": ["通知公告", "notice"],
  "other": ["其他", "other"],
};
// Groupings of a comparison (export.By): what the rows are.
const BY = [["issuer", "按发布机关 By issuer"], ["region", "按地区 By region"], ["year", "按年度 By year"]];
const ROWS = { issuer: "发布机关 Issuer", region: "地区 Region", year: "年度 Year" };

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === "html") e.innerHTML = v; // only for server-escaped fragments
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function state() { return new URLSearchParams(location.hash.slice(1)); }

function kindLabel(code) {
  const k = KINDS[code];
  return k ? `${k[0]} ${k[1]}` : code;
}

// show makes the named views visible and hides the others.
function show(...names) {
  for (const v of VIEWS) $("#" + v).hidden = !names.includes(v);
}

function go(params) {
  for (const [k, v] of [...params]) if (v === "") params.delete(k);
  location.hash = params.toString();
}

function searchWith(change) {
  const p = state();
  for (const k of ["doc", "compare", "by", "offset"]) p.delete(k);
  for (const [k, v] of Object.entries(change)) p.set(k, v);
  go(p);
}

$("#search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  searchWith({ q: $("#q").value.trim(), from: $("#from").value, to: $("#to").value, indicator: $("#indicator").value.trim() });
});

$("#compare-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const name = $("#compare-q").value.trim();
  if (name) location.hash = compareHash(name, state().get("by") || "issuer");
});

function compareHash(name, by) {
  return "#" + new URLSearchParams({ compare: name, by });
}

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// renderSeq numbers the renders, so that the answer to an older hash that
// arrives late never replaces the results of the current one.
let renderSeq = 0;

async function render() {
  const seq = ++renderSeq;
  const p = state();
  $("#q").value = p.get("q") || "";
  for (const k of ["from", "to", "indicator"]) $("#" + k).value = p.get(k) || "";
  $("#compare-q").value = p.get("compare") || "";
  if (p.get("doc")) return showDocument(p.get("doc"));
  if (p.get("compare")) return showCompare(p.get("compare"), p.get("by") || "issuer");
  show("results", "facets");
  const api = new URLSearchParams({ limit: PAGE });
  for (const k of ["q", "offset", ...FILTERS]) if (p.get(k)) api.set(k, p.get(k));
  const results = $("#results");
  try {
    const res = await getJSON("/api/search?" + api);
    if (seq !== renderSeq) return;
    showResults(res, p);
    showFacets(res.facets, p);
  } catch (err) {
    if (seq !== renderSeq) return;
    results.replaceChildren(el("p", { class: "error" }, "出错 Error: " + err.message));
    $("#facets").replaceChildren();
  }
}

function showResults(res, p) {
  const offset = Number(p.get("offset") || 0);
  const chips = el("div", { class: "chips" });
  for (const k of FILTERS) {
    if (!p.get(k)) continue;
    const value = k === "kind" ? kindLabel(p.get(k)) : p.get(k);
    chips.append(el("button", { class: "chip", title: "remove 移除", onclick: () => searchWith({ [k]: "" }) }, `${k}: ${value} ✕`));
  }
  const summary = res.total === 0
    ? "没有找到文件 No documents found"
    : `共 ${res.total} 篇 · ${res.total} document${res.total === 1 ? "" : "s"} · ${offset + 1}–${offset + res.hits.length}`;
  const list = res.hits.map((h) => {
    const meta = [h.issuer, h.date || (h.report_year || ""), (h.doc_numbers || [])[0]].filter(Boolean).join(" · ");
    const inds = (h.indicators || []).map((i) => `${i.name} ${formatValue(i.value)}${i.unit}（${i.text}）`).join("；");
    return el("div", { class: "hit" },
      el("h2", {}, el("a", { href: "#doc=" + encodeURIComponent(h.id), class: "hit-title", html: h.title_html || escapeHTML(h.title) })),
      el("div", { class: "meta" }, meta),
      ...h.fragments.map((f) => el("p", { class: "fragment", html: f })),
      inds ? el("div", { class: "indicators" }, "指标 Indicators: " + inds) : null);
  });
  const pager = el("div", { class: "pager" },
    el("button", { id: "prev", disabled: offset === 0 ? "" : null, onclick: () => page(offset - PAGE) }, "← 上一页 Prev"),
    el("button", { id: "next", disabled: offset + PAGE >= res.total ? "" : null, onclick: () => page(offset + PAGE) }, "下一页 Next →"));
  $("#results").replaceChildren(chips, el("div", { class: "summary" }, summary), ...list, res.total > PAGE ? pager : "");
}

function page(offset) {
  const p = state();
  p.set("offset", Math.max(0, offset));
  go(p);
  window.scrollTo(0, 0);
}

function showFacets(facets, p) {
  const parts = [];
  for (const [name, label] of FACETS) {
    const terms = facets[name] || [];
    if (!terms.length) continue;
    parts.push(el("h3", {}, label));
    parts.push(el("ul", { "data-facet": name }, ...terms.map((t) => {
      const active = p.get(name) === t.term;
      return el("li", {}, el("a", {
        href: "#", class: active ? "active" : "", "data-term": t.term,
        onclick: (ev) => { ev.preventDefault(); searchWith({ [name]: active ? "" : t.term }); },
      }, termLabel(name, t.term), el("span", { class: "count" }, String(t.count))));
    })));
  }
  $("#facets").replaceChildren(...parts);
}

function termLabel(facet, term) {
  const k = facet === "kind" && KINDS[term];
  if (!k) return el("span", {}, term);
  return el("span", { title: term }, k[0], " ", el("small", { class: "en" }, k[1]));
}

async function showDocument(id) {
  const view = $("#document");
  show("document");
  let d;
  try {
    d = await getJSON("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    view.replaceChildren(el("p", { class: "error" }, "出错 Error: " + err.message));
    return;
  }
  const rows = [
    ["发文机关 Issuer", d.issuer], ["地区 Region", d.national ? "全国 national" : regionName(d.region)], ["文号 Doc. number", (d.doc_numbers || []).map((n) => n.text).join("，")],
    ["日期 Date", [...new Set((d.dates || []).filter((x) => x.role !== "mentioned").map((x) => `${x.value} (${x.role})`))].join("，")],
    ["年度 Year", d.report_year || ""], ["类型 Kind", d.kind ? kindLabel(d.kind) : ""], ["索引号 Index no.", d.index_number || ""],
    ["主送 Recipients", (d.recipients || []).join("，")],
    // Where title, issuer, region, year and kind came from (extract.IdentitySource).
    ["识别依据 Identified from", Object.entries(d.identity_source || {}).map(([k, v]) => `${k}: ${v}`).join("，")],
  ];
  for (const [k, v] of Object.entries(d.metadata || {})) rows.push([k, v]);
  const metaTable = el("table", { class: "metadata" }, ...rows.filter((r) => r[1] !== "" && r[1] != null)
    .map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, String(v)))));
  const inds = d.indicators || [];
  const indTable = el("table", { class: "indicators-table" },
    el("tr", {}, ...["指标 Name", "数值 Value", "单位 Unit", "原文 As written", "章节 Section"].map((h) => el("th", {}, h))),
    ...inds.map((i) => el("tr", {},
      el("td", {}, el("a", {
        href: compareHash(compareName(i), "issuer"), class: "compare-link",
        title: (i.measure ? `度量 Measure: ${i.measure} · ` : "") + "对比 Compare across places and years",
      }, i.name + figureMark(i))),
      el("td", { class: "num" }, formatValue(i.value)),
      el("td", {}, i.unit), el("td", {}, i.text + (i.approx ? " ≈" : "")), el("td", {}, i.section || ""))));
  const tables = d.tables || [];
  const forms = d.forms || [];
  const layouts = forms.length ? await formLayouts() : {};
  const url = d.source && d.source.url;
  const file = d.source && d.source.file;
  const source = url
    ? el("p", {}, "来源 Source: ", el("a", { href: url, target: "_blank", rel: "noopener", id: "source-link" }, url))
    : file ? el("p", {}, "文件 File: " + file) : null;
  view.replaceChildren(...[
    el("p", {}, el("a", { href: "#", id: "back", onclick: (ev) => { ev.preventDefault(); history.back(); } }, "← 返回结果 Back to results")),
    el("h2", {}, d.title || "(无标题 untitled)"),
    source,
    el("h3", {}, "元数据 Metadata"), metaTable,
    ...forms.map((f) => formView(f, layouts[f.form])),
    el("h3", {}, `指标 Indicators (${inds.length})`), inds.length ? indTable : el("p", {}, "—"),
    tables.length ? el("h3", {}, `表格 Tables (${tables.length})`) : null,
    ...tables.map((t, i) => tableView(t, i)),
    el("h3", {}, "正文 Text"),
    el("div", { class: "text" }, ...(d.text || "").split("\n").filter(Boolean).map((line) => el("p", {}, line))),
  ].filter((c) => c != null));
  window.scrollTo(0, 0);
}

// compareName is what the compare link of an indicator asks for: its
// measure, and change: or target: when it is not a level that is a result.
function compareName(i) {
  return (i.target ? "target:" : "") + (i.change ? "change:" : "") + (i.measure || i.name);
}

// figureMark says what kind of figure an indicator is, after its name.
function figureMark(i) {
  const marks = [];
  if (i.change) marks.push({ up: "↑", down: "↓", flat: "→" }[i.change.direction] + (i.change.base ? "比" + i.change.base : ""));
  if (i.baseline) marks.push("基期 baseline" + (i.year ? " " + i.year : ""));
  if (i.target) marks.push("目标 target" + (i.year ? " " + i.year : ""));
  return marks.length ? "（" + marks.join("，") + "）" : "";
}

// formLayouts fetches, once, the keys of each national form in their order
// (a form's values come as a JSON object, whose order is lost).
let layoutsPromise = null;
function formLayouts() {
  layoutsPromise = layoutsPromise || getJSON("/api/forms")
    .then((list) => Object.fromEntries(list.map((l) => [l.form, l])))
    .catch(() => ({}));
  return layoutsPromise;
}

// formView shows a form: its checks (those not ok with both sides), its
// warnings, and its values laid out as the form's tables: a key a.b.c is
// row b, column c of part a; a key a.c is row a, column c.
function formView(f, layout) {
  const keys = layout ? layout.keys.filter((k) => k in f.values) : Object.keys(f.values).sort();
  const bad = (f.checks || []).filter((c) => !c.ok);
  const parts = new Map(); // part → {rows: Map(row → Map(col → key)), cols: [..]}
  for (const k of keys) {
    const seg = k.split(".");
    const part = seg.length > 2 ? seg[0] : "";
    const row = seg.length > 2 ? seg.slice(1, -1).join(".") : seg[0];
    const col = seg[seg.length - 1];
    if (!parts.has(part)) parts.set(part, { rows: new Map(), cols: [] });
    const p = parts.get(part);
    if (!p.rows.has(row)) p.rows.set(row, new Map());
    p.rows.get(row).set(col, k);
    if (!p.cols.includes(col)) p.cols.push(col);
  }
  const matrices = [...parts].map(([part, p]) => el("div", { class: "table-scroll" }, el("table", { class: "form-table" },
    el("tr", {}, el("th", {}, part), ...p.cols.map((c) => el("th", { class: "num" }, c))),
    ...[...p.rows].map(([row, cols]) => el("tr", {}, el("th", { scope: "row" }, row),
      ...p.cols.map((c) => el("td", { class: "num", title: cols.get(c) || "" }, cols.has(c) ? formatValue(f.values[cols.get(c)]) : "")))))));
  return el("section", { class: "form" },
    el("h3", {}, `表单 Form: ${layout ? layout.title + " " : ""}(${f.form}, ${f.edition})`),
    el("p", { class: bad.length ? "error" : "note" },
      `勾稽关系 Checks: ${(f.checks || []).length - bad.length} ok, ${bad.length} not ok · ${keys.length} values`),
    bad.length ? el("ul", { class: "checks" }, ...bad.map((c) => el("li", {}, `${c.check}: ${formatValue(c.left)} ≠ ${formatValue(c.right)}`))) : null,
    (f.warnings || []).length ? el("ul", { class: "warnings" }, ...f.warnings.map((w) => el("li", {}, "⚠ " + w))) : null,
    ...matrices);
}

// tableView shows a table of the document: its heading rows as headings, a
// heading merged across columns (or a band across the table) shown once,
// as a label merged down its column is.
function tableView(t, i) {
  const rows = t.rows || [];
  const hr = t.header_rows || 0;
  const isNum = (s) => /^[-+]?[0-9０-９][0-9０-９.,，]*%?$/.test(s.trim());
  const covered = rows.map((r) => r.map(() => false));
  const trs = rows.map((row, r) => {
    const band = row.length > 1 && row.every((c) => c === row[0]);
    const cells = [];
    for (let c = 0; c < row.length; c++) {
      if (covered[r][c]) continue;
      let colspan = 1, rowspan = 1;
      if (r < hr || band) while (c + colspan < row.length && row[c + colspan] === row[c]) colspan++;
      if (row[c] !== "" && !isNum(row[c])) {
        while (r + rowspan < rows.length && (r + rowspan < hr) === (r < hr) &&
               rows[r + rowspan].slice(c, c + colspan).every((x) => x === row[c])) rowspan++;
      }
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) covered[r + dr][c + dc] = true;
      cells.push(el(r < hr || band ? "th" : "td", {
        colspan: colspan > 1 ? colspan : null, rowspan: rowspan > 1 ? rowspan : null,
        class: isNum(row[c]) ? "num" : null }, row[c]));
    }
    return el("tr", {}, ...cells);
  });
  const about = [t.unit ? "单位 Unit: " + t.unit : "", t.section ? "章节 Section: " + t.section : "", t.page ? "第" + t.page + "页 page " + t.page : ""]
    .filter(Boolean).join(" · ");
  return el("figure", { class: "doc-table" },
    el("figcaption", {}, `表 ${i + 1} Table ${i + 1}${t.caption ? "：" + t.caption : ""}`, about ? el("span", { class: "note" }, " " + about) : null),
    el("div", { class: "table-scroll" }, el("table", { class: "grid" }, ...trs)));
}

// compareSeq numbers the compare renders, so that a slow answer for an
// earlier grouping does not overwrite a later one.
let compareSeq = 0;

// showCompare lays an indicator out across places and years: the table of
// /api/compare and the chart /compare.svg (both served by package export).
async function showCompare(name, by) {
  const seq = ++compareSeq;
  const view = $("#compare");
  show("compare");
  const query = new URLSearchParams({ indicator: name, by });
  const head = [
    el("p", {}, el("a", { href: "#", id: "compare-back", onclick: (ev) => { ev.preventDefault(); history.back(); } }, "← 返回 Back")),
    el("h2", {}, "对比 Compare: ", el("span", { class: "indicator-name" }, name)),
    el("div", { class: "by", role: "group", "aria-label": "分组 Group by" }, ...BY.map(([b, label]) =>
      el("button", {
        type: "button", "data-by": b, class: b === by ? "active" : "", "aria-pressed": String(b === by),
        // replace: switching the grouping is not a step to go back through
        onclick: () => location.replace(compareHash(name, b)),
      }, label))),
  ];
  view.replaceChildren(...head, el("p", { class: "summary" }, "加载中 Loading…"));
  let t;
  try {
    t = await getJSON("/api/compare?" + query);
  } catch (err) {
    if (seq === compareSeq) view.replaceChildren(...head, el("p", { class: "error" }, "出错 Error: " + err.message));
    return;
  }
  if (seq !== compareSeq) return;
  const names = t.names.map((n) => `${n.name} (${n.count})`).join("，");
  const summary = el("p", { class: "summary" },
    `${t.observations} 个数值 values` + (t.measure ? ` · 度量 Measure: ${t.measure}` : "") + (t.unit ? ` · 单位 Unit: ${t.unit}` : "") +
    ` · 匹配的指标 Matched: ${names}` +
    ((t.others || []).length ? ` · 其他度量 Other measures: ${t.others.map((n) => `${n.name} (${n.count})`).join("，")}` : ""));
  const table = el("table", { class: "compare-table" },
    el("thead", {}, el("tr", {}, el("th", {}, ROWS[t.by] || t.by),
      ...t.columns.map((c) => el("th", { class: "num", title: c === "?" ? "年度未知 year unknown" : null }, c)))),
    el("tbody", {}, ...t.rows.map((row, i) => el("tr", {}, el("th", { scope: "row" }, row),
      ...t.cells[i].map((c) => el("td", { class: "num" }, c && c.count ? el("a", {
        href: "#doc=" + encodeURIComponent(c.doc_id),
        title: `${c.name}` + (c.count > 1 ? ` · ${c.count} 个数值 values; also ${(c.others || []).join("; ")}` : "") + " · 打开文件 open the document",
      }, c.text + (c.count > 1 ? "*" : "")) : ""))))));
  const src = "/compare.svg?" + query;
  const chart = el("figure", { class: "chart" },
    el("img", {
      id: "compare-chart", src, alt: `${name} 图表 chart`,
      onerror: () => chart.replaceChildren(el("p", { class: "summary" }, "无图表 No chart: no values with a known year in the main unit")),
    }),
    el("figcaption", {}, el("a", { href: src, download: `${name}-${by}.svg` }, "下载 SVG Download")));
  view.replaceChildren(...head, summary,
    el("div", { class: "table-scroll" }, table),
    el("p", { class: "note" }, "~ 约数 approximate · 点击数值打开来源文件 click a value to open its document"),
    chart);
}

// regionName writes a region (extract/region.Region) from the province down,
// a municipality's name once: 河南省驻马店市, 上海市杨浦区.
function regionName(r) {
  if (!r) return "";
  return [r.province, r.city !== r.province ? r.city : "", r.county, r.township].filter(Boolean).join("");
}

function formatValue(v) {
  return Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

function escapeHTML(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

window.addEventListener("hashchange", render);
render();
