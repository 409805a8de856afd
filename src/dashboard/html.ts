// The dashboard's HTML: a layout, the sections (chart + table + CSV link) and the short pages
// for links and sessions. Server-rendered and escaped; no inline script or style, so the
// Content-Security-Policy can forbid both. Charts are drawn by /dashboard/static/dashboard.js
// from the spec each figure carries as a JSON data block.
import type { Language } from "../core/shared/model.js";
import { dashboardTexts } from "../prompts/dashboardTexts.js";
import { PAGE_KEYS, type PageView, type Section, type Table } from "./sections.js";

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** JSON inside a <script type="application/json"> block: "<" escaped, so no text can close the block. */
function jsonBlock(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Inline `code` in the texts (command names) becomes <code>. */
function withCode(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

function document(language: Language, title: string, body: string, withCharts: boolean): string {
  const scripts = withCharts
    ? ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.js", "dashboard.js"]
        .map((f) => `<script src="/dashboard/static/${f}" defer></script>`)
        .join("\n")
    : "";
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/dashboard/static/dashboard.css">
${scripts}
</head>
<body>
${body}
</body>
</html>
`;
}

function tableHtml(section: Section, table: Table, language: Language): string {
  const t = dashboardTexts(language);
  const head = table.columns
    .map((c, i) =>
      table.sortable
        ? `<th scope="col" aria-sort="none"${c.numeric ? ' class="num"' : ""}><button type="button" data-column="${i}"${c.numeric ? ' data-numeric="true"' : ""}>${escapeHtml(c.label)}</button></th>`
        : `<th scope="col"${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`,
    )
    .join("");
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) => {
            const content = cell.href
              ? `<a href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`
              : escapeHtml(cell.text);
            const sort = cell.value === null ? "" : ` data-sort="${escapeHtml(String(cell.value))}"`;
            const tag = i === 0 ? "th" : "td";
            return `<${tag}${i === 0 ? ' scope="row"' : ""}${table.columns[i]?.numeric ? ' class="num"' : ""}${sort}>${content}</${tag}>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  return `<div class="table-wrap"><table id="table-${section.id}" class="data${table.sortable ? " sortable" : ""}">
<caption>${escapeHtml(t.tableOf(section.title))}${table.sortable ? ` <span class="hint">${escapeHtml(t.sortHint)}</span>` : ""}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`;
}

function sectionHtml(section: Section, csvHref: string, language: Language): string {
  const t = dashboardTexts(language);
  const chart = section.spec
    ? `<figure class="chart" data-spec="spec-${section.id}">
<div class="vis" role="img" aria-label="${escapeHtml(section.title)}"><p class="loading">${escapeHtml(t.chartLoading)}</p></div>
<script type="application/json" id="spec-${section.id}">${jsonBlock(section.spec)}</script>
</figure>`
    : "";
  const table =
    section.table.rows.length === 0 && section.empty
      ? `<p class="empty">${escapeHtml(section.empty)}</p>`
      : tableHtml(section, section.table, language);
  return `<section id="${section.id}" aria-labelledby="h-${section.id}">
<h2 id="h-${section.id}">${escapeHtml(section.title)}</h2>
${chart}
${table}
<p class="csv"><a href="${escapeHtml(csvHref)}" download>${escapeHtml(t.downloadCsv)} (${escapeHtml(section.title)})</a></p>
</section>`;
}

export interface PageFrame {
  language: Language;
  /** Base of this workspace's pages, e.g. /dashboard/w/<id>/ */
  base: string;
  workspaceName: string | null;
  minAuthors: number;
  weeks: string[];
}

export function pageHtml(view: PageView, frame: PageFrame, csvBase: string): string {
  const t = dashboardTexts(frame.language);
  const nav = PAGE_KEYS.map(
    (key) =>
      `<li><a href="${frame.base}${key}"${key === view.key ? ' aria-current="page"' : ""}>${escapeHtml(t.nav[key])}</a></li>`,
  ).join("");
  const facts = view.facts.length
    ? `<dl class="facts">${view.facts.map((f) => `<div><dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd></div>`).join("")}</dl>`
    : "";
  const span = frame.weeks.length
    ? `<p class="span">${escapeHtml(t.weeksSpan(frame.weeks[0]!, frame.weeks[frame.weeks.length - 1]!))}</p>`
    : "";
  const body = `<a class="skip" href="#main">${escapeHtml(t.skip)}</a>
<header>
<p class="brand">${escapeHtml(t.title)}${frame.workspaceName ? ` · ${escapeHtml(frame.workspaceName)}` : ""}</p>
<nav aria-label="${escapeHtml(t.title)}"><ul>${nav}</ul></nav>
</header>
<main id="main">
<h1>${escapeHtml(view.title)}</h1>
${span}
<p class="intro">${escapeHtml(view.intro)}</p>
${facts}
${view.sections.map((s) => sectionHtml(s, `${csvBase}${s.id}.csv`, frame.language)).join("\n")}
</main>
<footer><p>${escapeHtml(t.privacy(frame.minAuthors))}</p></footer>`;
  return document(
    frame.language,
    `${view.title} – ${t.title}`,
    body,
    view.sections.some((s) => s.spec),
  );
}

/** A short page: a heading, what happened, what to do — optionally a form with one button. */
export function messageHtml(
  language: Language,
  title: string,
  lines: string[],
  form?: { action: string; token: string; button: string },
): string {
  const t = dashboardTexts(language);
  const formHtml = form
    ? `<form method="post" action="${escapeHtml(form.action)}"><input type="hidden" name="token" value="${escapeHtml(form.token)}"><button type="submit">${escapeHtml(form.button)}</button></form>`
    : "";
  const body = `<header><p class="brand">${escapeHtml(t.title)}</p></header>
<main id="main" class="message">
<h1>${escapeHtml(title)}</h1>
${lines.map((l) => `<p>${withCode(l)}</p>`).join("\n")}
${formHtml}
</main>`;
  return document(language, `${title} – ${t.title}`, body, false);
}
