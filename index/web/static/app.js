// gongwen search page: state lives in the URL hash (#q=…&year=…&offset=…,
// or #doc=ID), so every view can be bookmarked and the back button works.
"use strict";

const PAGE = 10;
const $ = (sel) => document.querySelector(sel);
const FACETS = [["issuer", "发文机关 Issuer"], ["year", "年度 Year"], ["kind", "类型 Kind"]];
const FILTERS = ["issuer", "year", "kind", "from", "to", "indicator"];

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

function go(params) {
  for (const [k, v] of [...params]) if (v === "") params.delete(k);
  location.hash = params.toString();
}

function searchWith(change) {
  const p = state();
  p.delete("doc");
  p.delete("offset");
  for (const [k, v] of Object.entries(change)) p.set(k, v);
  go(p);
}

$("#search-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  searchWith({ q: $("#q").value.trim(), from: $("#from").value, to: $("#to").value, indicator: $("#indicator").value.trim() });
});

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

async function render() {
  const p = state();
  $("#q").value = p.get("q") || "";
  for (const k of ["from", "to", "indicator"]) $("#" + k).value = p.get(k) || "";
  if (p.get("doc")) return showDocument(p.get("doc"));
  $("#document").hidden = true;
  $("#results").hidden = false;
  $("#facets").hidden = false;
  const api = new URLSearchParams({ limit: PAGE });
  for (const k of ["q", "offset", ...FILTERS]) if (p.get(k)) api.set(k, p.get(k));
  const results = $("#results");
  try {
    const res = await getJSON("/api/search?" + api);
    showResults(res, p);
    showFacets(res.facets, p);
  } catch (err) {
    results.replaceChildren(el("p", { class: "error" }, "出错 Error: " + err.message));
    $("#facets").replaceChildren();
  }
}

function showResults(res, p) {
  const offset = Number(p.get("offset") || 0);
  const chips = el("div", { class: "chips" });
  for (const k of FILTERS) {
    if (p.get(k)) chips.append(el("button", { class: "chip", title: "remove 移除", onclick: () => searchWith({ [k]: "" }) }, `${k}: ${p.get(k)} ✕`));
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
      }, el("span", {}, t.term), el("span", { class: "count" }, String(t.count))));
    })));
  }
  $("#facets").replaceChildren(...parts);
}

async function showDocument(id) {
  const view = $("#document");
  $("#results").hidden = true;
  $("#facets").hidden = true;
  view.hidden = false;
  let d;
  try {
    d = await getJSON("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    view.replaceChildren(el("p", { class: "error" }, "出错 Error: " + err.message));
    return;
  }
  const rows = [
    ["发文机关 Issuer", d.issuer], ["文号 Doc. number", (d.doc_numbers || []).map((n) => n.text).join("，")],
    ["日期 Date", [...new Set((d.dates || []).filter((x) => x.role !== "mentioned").map((x) => `${x.value} (${x.role})`))].join("，")],
    ["年度 Year", d.report_year || ""], ["类型 Kind", d.kind || ""], ["索引号 Index no.", d.index_number || ""],
    ["主送 Recipients", (d.recipients || []).join("，")],
  ];
  for (const [k, v] of Object.entries(d.metadata || {})) rows.push([k, v]);
  const metaTable = el("table", { class: "metadata" }, ...rows.filter((r) => r[1] !== "" && r[1] != null)
    .map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, String(v)))));
  const inds = d.indicators || [];
  const indTable = el("table", { class: "indicators-table" },
    el("tr", {}, ...["指标 Name", "数值 Value", "单位 Unit", "原文 As written", "章节 Section"].map((h) => el("th", {}, h))),
    ...inds.map((i) => el("tr", {}, el("td", {}, i.name), el("td", { class: "num" }, formatValue(i.value)),
      el("td", {}, i.unit), el("td", {}, i.text + (i.approx ? " ≈" : "")), el("td", {}, i.section || ""))));
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
    el("h3", {}, `指标 Indicators (${inds.length})`), inds.length ? indTable : el("p", {}, "—"),
    el("h3", {}, "正文 Text"),
    el("div", { class: "text" }, ...(d.text || "").split("\n").filter(Boolean).map((line) => el("p", {}, line))),
  ].filter((c) => c != null));
  window.scrollTo(0, 0);
}

function formatValue(v) {
  return Number(v).toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}

function escapeHTML(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

window.addEventListener("hashchange", render);
render();
