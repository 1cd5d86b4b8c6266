// gongwen search page: state lives in the URL hash (#q=…&year=…&offset=…,
// #doc=ID&fig=K, or #compare=INDICATOR&by=issuer), so every view can be
// bookmarked and the back button works.
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
  for (const k of ["doc", "fig", "compare", "by", "offset"]) p.delete(k);
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
  if (p.get("doc")) return showDocument(p.get("doc"), p.get("fig"));
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
  // On a narrow screen the facets fold away under one line, so that the
  // results come first; the reader's choice is kept across searches.
  const box = el("details", { class: "facet-box", open: facetsOpen() ? "" : null },
    el("summary", {}, "筛选 Filters"), ...parts);
  box.addEventListener("toggle", () => { if (!wide.matches) facetsOpenChoice = box.open; });
  $("#facets").replaceChildren(parts.length ? box : "");
}

const wide = matchMedia("(min-width: 801px)");
let facetsOpenChoice = null; // what the reader chose on a narrow screen

function facetsOpen() {
  return wide.matches || facetsOpenChoice === true;
}
wide.addEventListener("change", () => {
  const box = document.querySelector(".facet-box");
  if (box) box.open = facetsOpen();
});

function termLabel(facet, term) {
  const k = facet === "kind" && KINDS[term];
  if (!k) return el("span", {}, term);
  return el("span", { title: term }, k[0], " ", el("small", { class: "en" }, k[1]));
}

// showDocument shows one document: its title and a citation to paste, where
// it came from, its metadata once, its indicators each with its sentence
// (clicking one finds the figure in the text), its tables and its text.
// fig, if set, is the indicator whose figure is shown highlighted.
// showDocument renders a document; the view's data-id names the document it
// shows once rendered (while loading, the last one's content stays up).
async function showDocument(id, fig) {
  const view = $("#document");
  delete view.dataset.id;
  show("document");
  let d;
  try {
    d = await getJSON("/api/documents/" + encodeURIComponent(id));
  } catch (err) {
    view.replaceChildren(el("p", { class: "error" }, "出错 Error: " + err.message));
    return;
  }
  const inds = d.indicators || [];
  const tables = d.tables || [];
  const forms = d.forms || [];
  const layouts = forms.length ? await formLayouts() : {};
  const runes = Array.from(d.text || "");
  const text = textView(runes, inds);
  const side = el("details", { class: "indicator-box", open: "" },
    el("summary", {
      // Beside the text (a wide screen) the list stays open.
      onclick: (ev) => { if (matchMedia("(min-width: 1101px)").matches) ev.preventDefault(); },
    }, el("h3", {}, `指标 Indicators (${inds.length})`)),
    inds.length ? el("ol", { class: "indicator-list" }, ...inds.map((ind, k) => indicatorView(ind, k, runes))) : el("p", {}, "—"));
  view.replaceChildren(
    el("p", {}, el("a", { href: "#", id: "back", onclick: (ev) => { ev.preventDefault(); history.back(); } }, "← 返回结果 Back to results")),
    el("h2", {}, d.title || "(无标题 untitled)"),
    citeView(d),
    sourceView(d.source || {}),
    el("div", { class: "doc-body" },
      el("div", { class: "doc-main" },
        el("h3", { class: "meta-part" }, "元数据 Metadata"), metadataView(d),
        ...forms.map((f) => formView(f, layouts[f.form])),
        tables.length ? el("h3", {}, `表格 Tables (${tables.length})`) : null,
        ...tables.map((t, i) => tableView(t, i, figureCells(t, runes, inds))),
        el("h3", {}, "正文 Text"), text),
      side));
  view.dataset.id = id;
  if (fig != null && inds[fig]) locate(Number(fig), false);
  else window.scrollTo(0, 0);
}

// metadataView lists what is known of the document, each value once: a
// metadata field whose value is already shown (文号, 成文日期, 发布机构) is not
// repeated.
function metadataView(d) {
  const signed = (d.dates || []).filter((x) => x.role !== "mentioned");
  const rows = [
    ["发文机关 Issuer", d.issuer], ["地区 Region", d.national ? "全国 national" : regionName(d.region)],
    ["文号 Doc. number", (d.doc_numbers || []).map((n) => n.text).join("，")],
    ["日期 Date", [...new Set(signed.map((x) => `${x.value} (${x.role})`))].join("，")],
    ["年度 Year", d.report_year || ""], ["类型 Kind", d.kind ? kindLabel(d.kind) : ""], ["索引号 Index no.", d.index_number || ""],
    ["主送 Recipients", (d.recipients || []).join("，")],
  ];
  const shown = rows.map((r) => String(r[1])).join("\n");
  for (const [k, v] of Object.entries(d.metadata || {})) {
    if (v && !shown.includes(v)) rows.push([k, v]);
  }
  // Where title, issuer, region, year and kind came from (extract.IdentitySource).
  rows.push(["识别依据 Identified from", Object.entries(d.identity_source || {}).map(([k, v]) => `${k}: ${v}`).join("，")]);
  return el("dl", { class: "metadata meta-part" }, ...rows.filter((r) => r[1] !== "" && r[1] != null)
    .flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, String(v))]));
}

// citeView is a reference to paste, in the form of GB/T 7714 for an
// official document: 发布机关. 题名: 文号[EB/OL]. (成文日期)[引用日期]. URL.
function citeView(d) {
  const dates = d.dates || [];
  const date = (dates.find((x) => x.role === "signed") || dates.find((x) => x.role === "published") || {}).value;
  const url = d.source && d.source.url;
  const number = (d.doc_numbers || [])[0];
  let cite = (d.issuer ? d.issuer + ". " : "") + (d.title || "") + (number ? ": " + number.text : "");
  if (url) {
    const today = new Date().toISOString().slice(0, 10);
    cite += `[EB/OL]. ${date ? "(" + date + ")" : ""}[${today}]. ${url}`;
  } else if (date) {
    cite += ". " + date + ".";
  } else {
    cite += ".";
  }
  return el("p", { class: "cite" }, el("span", { class: "label" }, "引用 Cite"), " ",
    el("span", { id: "cite" }, cite), " ", copyButton(() => cite));
}

// sourceView links the page the document came from, or names its file
// with a button to copy the path.
function sourceView(src) {
  const parts = [];
  if (src.url) {
    parts.push(el("span", { class: "label" }, "来源 Source"), " ",
      el("a", { href: src.url, target: "_blank", rel: "noopener", id: "source-link" }, src.url));
  }
  if (src.file) {
    if (parts.length) parts.push(" · ");
    parts.push(el("span", { class: "label" }, "文件 File"), " ", el("code", { id: "source-file" }, src.file), " ", copyButton(() => src.file));
  }
  return parts.length ? el("p", { class: "source" }, ...parts) : null;
}

// copyButton copies what text gives to the clipboard.
function copyButton(text) {
  const b = el("button", { type: "button", class: "copy", title: "复制到剪贴板 copy to the clipboard" }, "复制 Copy");
  b.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(text());
      b.textContent = "已复制 Copied";
    } catch {
      const range = document.createRange(); // no clipboard (an http page): select it to copy by hand
      range.selectNodeContents(b.previousElementSibling);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      b.textContent = "已选中 Selected";
    }
  });
  return b;
}

// indicatorView is one indicator: its name (a link that compares it), the
// figure as written (a button that shows it in the text) and its sentence.
function indicatorView(ind, k, runes) {
  const inText = ind.start >= 0 && ind.end > ind.start;
  const value = formatValue(ind.value) + ind.unit + (ind.approx ? " ≈" : "");
  return el("li", { class: "indicator", id: "ind-" + k },
    el("div", { class: "indicator-head" },
      el("a", {
        href: compareHash(compareName(ind), "issuer"), class: "compare-link",
        title: (ind.measure ? `度量 Measure: ${ind.measure} · ` : "") + "对比 Compare across places and years",
      }, ind.name + figureMark(ind)),
      el("button", {
        type: "button", class: "figure", "data-k": k, disabled: inText ? null : "",
        title: inText ? `${value} · 在正文中显示 show it in the text` : `${value} · 仅见于元数据 only in the metadata block`,
        onclick: () => locate(k, true),
      }, ind.text)),
    ind.sentence ? el("p", { class: "sentence" }, ...markIn(ind, runes)) : null,
    ind.section ? el("p", { class: "note" }, ind.section) : null);
}

// markIn returns the nodes of the sentence of ind with its figure marked:
// the one at its offsets where the sentence is found in the text around
// them (a table row's cells are apart by tabs there, spaces in the
// sentence), else the first that reads the same.
function markIn(ind, runes) {
  const s = Array.from(ind.sentence);
  const n = s.length, len = ind.end - ind.start;
  let at = -1, figLen = len;
  if (ind.start >= 0 && len > 0) {
    const from = Math.max(0, ind.start - n);
    const around = runes.slice(from, ind.end + n).join("").replace(/\t/g, " ");
    for (let i = around.indexOf(ind.sentence); i >= 0 && at < 0; i = around.indexOf(ind.sentence, i + 1)) {
      const start = from + Array.from(around.slice(0, i)).length;
      if (start <= ind.start && ind.end <= start + n) at = ind.start - start;
    }
  }
  if (at < 0) {
    const i = ind.text ? ind.sentence.indexOf(ind.text) : -1;
    if (i < 0) return [ind.sentence];
    at = Array.from(ind.sentence.slice(0, i)).length;
    figLen = Array.from(ind.text).length;
  }
  return [s.slice(0, at).join(""), el("mark", {}, s.slice(at, at + figLen).join("")), s.slice(at + figLen).join("")];
}

// textView renders the text (its runes) a line a paragraph, each
// indicator's figure in a span (fig-K) found by its rune offsets.
function textView(runes, inds) {
  const figs = inds.map((ind, k) => ({ k, start: ind.start, end: ind.end }))
    .filter((f) => f.start >= 0 && f.end > f.start && f.end <= runes.length)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const box = el("div", { class: "text" });
  let p = null, at = 0, next = 0;
  const flush = (to) => { // append runes[at:to] to the paragraph, a paragraph a line
    while (at < to) {
      const nl = runes.indexOf("\n", at);
      const stop = nl < 0 || nl >= to ? to : nl;
      if (stop > at) {
        if (!p) p = el("p", {});
        p.append(runes.slice(at, stop).join(""));
      }
      if (stop === nl) { closeP(); at = nl + 1; } else at = stop;
    }
  };
  const closeP = () => {
    if (p) {
      if (p.textContent.includes("\t")) p.classList.add("row"); // a table row of the text
      box.append(p);
    }
    p = null;
  };
  for (const f of figs) {
    if (f.start < next) continue; // overlaps the figure before
    flush(f.start);
    if (!p) p = el("p", {});
    p.append(el("span", { class: "fig", id: "fig-" + f.k, "data-k": f.k }, runes.slice(f.start, f.end).join("")));
    at = next = f.end;
  }
  flush(runes.length);
  closeP();
  return box;
}

// figureCells finds the cell of each indicator read from table t: the text
// holds the table from t.start, a row a line, cells apart by tabs. It
// returns "row,column" → the indicators' numbers, "3 7".
function figureCells(t, runes, inds) {
  const out = new Map();
  const rows = t.rows || [];
  if (!(t.start >= 0) || !rows.length) return out;
  const lines = [t.start]; // where each row's line starts
  for (let i = t.start; i < runes.length && lines.length <= rows.length; i++) if (runes[i] === "\n") lines.push(i + 1);
  inds.forEach((ind, k) => {
    if (!(ind.start >= lines[0]) || ind.start >= lines[lines.length - 1]) return;
    let r = 0;
    while (r + 1 < lines.length && lines[r + 1] <= ind.start) r++;
    const c = runes.slice(lines[r], ind.start).filter((x) => x === "\t").length;
    if (!(rows[r] && rows[r][c] || "").includes(runes.slice(ind.start, ind.end).join(""))) return; // not the cell: leave it
    const key = r + "," + c;
    out.set(key, ((out.get(key) || "") + " " + k).trim());
  });
  return out;
}

// locate scrolls to the figure of indicator k and highlights it — in its
// table when it was read from one, and in the text — and the indicator in
// the list; the hash keeps it (#doc=ID&fig=K)
// without rendering the page again.
function locate(k, remember) {
  const span = document.getElementById("fig-" + k);
  if (!span) return;
  for (const e of document.querySelectorAll("#document .hl")) e.classList.remove("hl");
  span.classList.add("hl");
  const cell = document.querySelector(`#document td[data-figs~="${k}"]`); // the figure in its table, drawn
  if (cell) cell.classList.add("hl");
  const item = document.getElementById("ind-" + k);
  if (item) {
    item.classList.add("hl");
    item.scrollIntoView({ block: "nearest" }); // in the list beside the text
  }
  (cell || span).scrollIntoView({ block: "center" });
  if (remember) {
    const p = state();
    p.set("fig", k);
    history.replaceState(null, "", "#" + p.toString());
  }
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
function tableView(t, i, figs) {
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
        class: isNum(row[c]) ? "num" : null, "data-figs": figs.get(r + "," + c) || null }, row[c]));
    }
    return el("tr", {}, ...cells);
  });
  const about = [t.unit ? "单位 Unit: " + t.unit : "", t.section ? "章节 Section: " + t.section : "", t.page ? "第" + t.page + "页 page " + t.page : ""]
    .filter(Boolean).join(" · ");
  return el("figure", { class: "doc-table" },
    el("figcaption", {}, /^表\s*\d/.test(t.caption || "") ? t.caption : `表 ${i + 1} Table ${i + 1}${t.caption ? "：" + t.caption : ""}`,
      about ? el("span", { class: "note" }, " " + about) : null),
    el("div", { class: "table-scroll" }, el("table", { class: "grid" }, ...trs)));
}

// compareSeq numbers the compare renders, so that a slow answer for an
// earlier grouping does not overwrite a later one.
let compareSeq = 0;

// showCompare lays an indicator out across places and years: the table of
// /api/compare and the chart /compare.svg, shown at the size it is drawn.
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
  const unit = magnitude(t) + t.unit;
  const summary = el("p", { class: "summary" },
    `${t.observations} 个数值 values` + (t.measure ? ` · 度量 Measure: ${t.measure}` : "") + (unit ? ` · 图表单位 Chart unit: ${unit}` : "") +
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
      id: "compare-chart", alt: `${name} 图表 chart`,
      onerror: () => chart.replaceChildren(el("p", { class: "summary" }, "无图表 No chart: no values with a known year in the main unit")),
    }),
    el("figcaption", {}, el("a", { href: src, download: `${name}-${by}.svg` }, "下载 SVG Download")));
  view.replaceChildren(...head, summary,
    el("div", { class: "table-scroll" }, table),
    el("p", { class: "note" }, "~ 约数 approximate · 点击数值打开来源文件 click a value to open its document"),
    chart);
  // The chart is drawn for the room it has, and shown at that size.
  const room = Math.floor((chart.clientWidth - 2) / 10) * 10; // inside the image's border
  chart.querySelector("img").src = src + (room > 0 && room < 900 ? "&width=" + room : "");
}

// magnitude is 亿 or 万 when the largest value in the table's unit calls for
// it, as the chart (export.Chart) draws its axis.
function magnitude(t) {
  let top = 0;
  for (const row of t.cells) for (const c of row) if (c && c.unit === t.unit) top = Math.max(top, Math.abs(c.value));
  return top >= 1e8 ? "亿" : top >= 1e6 ? "万" : "";
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
