// The review page. Source text is untrusted: every string goes into the DOM through textContent.
"use strict";

const page = { facts: [], index: 0, reviewer: "" };
const FINAL = new Set(["accept", "reject", "correct"]);

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function $(id) { return document.getElementById(id); }

// Append text to a container with the given [start, end) ranges wrapped in <mark>.
function highlight(container, text, ranges) {
  container.replaceChildren();
  let at = 0;
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    if (range.start < at || range.end > text.length) continue;
    container.append(document.createTextNode(text.slice(at, range.start)));
    const mark = el("mark", text.slice(range.start, range.end), range.className);
    if (range.title) mark.title = range.title;
    container.append(mark);
    at = range.end;
  }
  container.append(document.createTextNode(text.slice(at)));
}

function bestVerdict(fact, mentionId) {
  const rank = { supported: 0, contradicted: 1, not_found: 2 };
  let best = null;
  for (const citation of fact.citations) {
    for (const check of citation.checks) {
      if (check.mention === mentionId && (best === null || rank[check.verdict] < rank[best])) best = check.verdict;
    }
  }
  return best;
}

function renderProgress() {
  const decided = page.facts.filter((f) => f.state === "decided").length;
  const total = page.facts.length;
  $("progress").textContent = total
    ? `fact ${page.index + 1} of ${total} · ${decided} decided · ${total - decided} to go · reviewer ${page.reviewer}`
    : "no facts to review";
}

function renderFact(fact) {
  const where = $("where");
  where.replaceChildren(el("span", fact.status.replace("_", " "), `status ${fact.status}`));
  where.append(el("span", ` ${fact.file} › ${fact.section.join(" › ")} · ${fact.id}`));
  highlight($("sentence"), fact.text, fact.mentions.map((m) => ({
    start: m.start, end: m.end, className: m.kind, title: `${m.label}: ${m.value}`,
  })));
  const state = $("state");
  state.replaceChildren();
  if (fact.decision) {
    const d = fact.decision;
    const done = { accept: "accepted", reject: "rejected", correct: "corrected" }[d.decision] || d.decision;
    state.append(el("span", done, `state ${d.decision}`));
    state.append(el("span", ` by ${d.reviewer} at ${d.at}${d.note ? " — " + d.note : ""}`));
    if (d.correction) state.append(el("span", ` (correction: ${Object.entries(d.correction).map((e) => e.join(" = ")).join(", ")})`));
  } else {
    state.append(el("span", fact.state === "stale" ? "content changed since the last decision: review again" : "not reviewed", `state ${fact.state}`));
    if (fact.previous) {
      const p = fact.previous;
      state.append(el("span", ` (was ${p.decision} by ${p.reviewer} at ${p.at}${p.note ? " — " + p.note : ""})`));
    }
  }
  const rows = $("values").tBodies[0];
  rows.replaceChildren();
  for (const m of fact.mentions) {
    const row = el("tr");
    const verdict = m.kind === "entity" ? "" : bestVerdict(fact, m.id) || (fact.citations.length ? "not_found" : "uncited");
    row.append(el("td", m.text), el("td", m.label), el("td", m.value), el("td", verdict.replace("_", " "), `verdict ${verdict}`));
    rows.append(row);
  }
  renderCitations(fact);
}

function renderCitations(fact) {
  const box = $("citations");
  box.replaceChildren(el("h2", fact.citations.length ? "Linked footnotes" : "No linked footnote"));
  for (const citation of fact.citations) {
    const part = el("div", null, "footnote");
    part.append(el("h3", `[${citation.footnote}] linked by ${citation.linked_by} · score ${citation.score}`));
    for (const fields of citation.fields) {
      const list = el("dl");
      for (const [name, value] of fields) list.append(el("dt", name), el("dd", value));
      part.append(list);
    }
    const quote = el("blockquote");
    const mentions = Object.fromEntries(fact.mentions.map((m) => [m.id, m]));
    const ranges = citation.checks.filter((c) => c.evidence).map((c) => ({
      start: c.evidence[0], end: c.evidence[1], className: "evidence",
      title: `evidence for ${mentions[c.mention] ? mentions[c.mention].text : c.mention}: ${c.verdict}`,
    }));
    highlight(quote, citation.text, ranges);
    part.append(quote);
    box.append(part);
  }
  if (fact.suggestions.length) {
    box.append(el("h2", "Possible sources (not linked: the linker was not sure enough)"));
    for (const suggestion of fact.suggestions) {
      const part = el("div", null, "footnote suggestion");
      part.append(el("h3", `[${suggestion.footnote}]? probability ${Math.round(suggestion.probability * 100)}%`));
      part.append(el("blockquote", suggestion.text));
      box.append(part);
    }
  }
}

function render() {
  renderProgress();
  if (page.facts.length) renderFact(page.facts[page.index]);
}

function flash(message, error) {
  const saved = $("saved");
  saved.textContent = message;
  saved.className = error ? "error" : "";
}

async function load() {
  const response = await fetch("/api/facts", { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) { flash(body.error || "cannot load the facts", true); return; }
  const first = page.facts.length === 0;
  page.facts = body.facts;
  page.reviewer = body.reviewer;
  const open = page.facts.findIndex((f) => f.state !== "decided");
  page.index = first && open > 0 ? open : Math.min(page.index, Math.max(page.facts.length - 1, 0));
  render();
}

async function decide(kind, correction) {
  const fact = page.facts[page.index];
  if (!fact) return;
  const note = $("note").value.trim();
  const response = await fetch("/api/decisions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ file: fact.file, id: fact.id, content_hash: fact.content_hash, decision: kind, note, correction }),
  });
  const body = await response.json();
  if (!response.ok) { flash(body.error || "not saved", true); return; }
  page.facts[page.index] = body;
  $("note").value = "";
  flash(`saved: ${kind} ${fact.id}`, false);
  document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
  if (FINAL.has(kind)) move(1); else render();
}

function move(step) {
  page.index = Math.max(0, Math.min(page.facts.length - 1, page.index + step));
  render();
}

function openCorrection() {
  const fact = page.facts[page.index];
  if (!fact) return;
  const target = $("target");
  target.replaceChildren();
  for (const m of fact.mentions) {
    const option = el("option", `${m.text} (${m.value})`);
    option.value = m.id;
    target.append(option);
  }
  const link = el("option", "the linked footnote number");
  link.value = "link";
  target.append(link);
  $("correct").hidden = false;
  $("value").value = "";
  $("value").focus();
}

function closeCorrection() {
  $("correct").hidden = true;
  document.activeElement.blur();
}

document.addEventListener("keydown", (event) => {
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName);
  if (event.key === "Escape") { closeCorrection(); return; }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  const actions = {
    a: () => decide("accept"), x: () => decide("reject"), u: () => decide("undo"),
    n: () => move(1), p: () => move(-1), e: openCorrection,
    "?": () => { $("help").hidden = !$("help").hidden; },
  };
  if (actions[event.key]) { event.preventDefault(); actions[event.key](); }
});

document.addEventListener("DOMContentLoaded", () => {
  $("correct").addEventListener("submit", (event) => {
    event.preventDefault();
    const target = $("target").value;
    const correction = target === "link" ? { link: $("value").value } : { mention: target, value: $("value").value };
    closeCorrection();
    decide("correct", correction);
  });
  $("cancel").addEventListener("click", closeCorrection);
  load();
});
