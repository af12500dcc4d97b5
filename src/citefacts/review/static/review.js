// The review page. Source text is untrusted: every string goes into the DOM through textContent.
"use strict";

const page = { items: [], index: 0, reviewer: "", sentences: {}, further: false, lastPlaced: null, realign: {} };
const FINAL = new Set(["accept", "reject", "correct"]);
const PLACE_MODE = new URLSearchParams(location.search).get("mode") === "place";
const FACTS_URL = PLACE_MODE ? "/api/facts?mode=place" : "/api/facts";
const POLL_MS = 2000;  // while a source is analysed for re-ranking, ask again this often

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
  const outerFirst = (a, b) => a.start - b.start || Number(Boolean(b.outer)) - Number(Boolean(a.outer));
  markInto(container, text, 0, text.length, [...ranges].sort(outerFirst));
}

// Mark the ranges of text[from, to) into a container; a range marked `outer` (a quotation) keeps the ranges
// inside it (its dates, numbers, names) marked within its mark, other overlapping ranges are left unmarked.
function markInto(container, text, from, to, ranges) {
  let at = from;
  for (const range of ranges) {
    if (range.start < at || range.end > to) continue;
    container.append(document.createTextNode(text.slice(at, range.start)));
    const mark = el("mark", null, range.className);
    if (range.title) mark.title = range.title;
    const inside = range.outer ? ranges.filter((r) => !r.outer && r.start >= range.start && r.end <= range.end) : [];
    markInto(mark, text, range.start, range.end, inside);
    container.append(mark);
    at = range.end;
  }
  container.append(document.createTextNode(text.slice(at, to)));
}

// The flagged check of a mention none of whose checks supports it (a quotation whose words differ), or null.
function flaggedCheck(fact, mentionId) {
  const checks = fact.citations.flatMap((c) => c.checks).filter((c) => c.mention === mentionId);
  if (checks.some((c) => c.verdict === "supported")) return null;
  return checks.find((c) => c.flag) || null;
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

function current() { return page.items[page.index]; }

function renderProgress() {
  const decided = page.items.filter((i) => i.state === "decided").length;
  const total = page.items.length;
  const what = PLACE_MODE ? "footnote" : "item";
  $("progress").textContent = total
    ? `${what} ${page.index + 1} of ${total} · ${decided} decided · ${total - decided} to go · reviewer ${page.reviewer}`
    : (PLACE_MODE ? "no footnotes to place" : "nothing to review");
}

function show(view) {
  for (const id of ["facts-view", "placement-view", "group-view"]) $(id).hidden = id !== view;
}

function renderFact(fact) {
  show("facts-view");
  const where = $("where");
  where.replaceChildren(el("span", fact.status.replace("_", " "), `status ${fact.status}`));
  where.append(el("span", ` ${fact.file} › ${fact.section.join(" › ")} · ${fact.id}`));
  highlight($("sentence"), fact.text, fact.mentions.map((m) => ({
    start: m.start, end: m.end, className: m.kind, title: `${m.label}: ${m.value}`, outer: m.kind === "quotation",
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
    const flagged = m.kind === "entity" ? null : flaggedCheck(fact, m.id);
    const shown = flagged ? `${verdict.replace("_", " ")} · ${flagged.flag.replace("_", " ")}` : verdict.replace("_", " ");
    row.append(el("td", m.text), el("td", m.label), el("td", m.value), el("td", shown, `verdict ${verdict}${flagged ? " flagged" : ""}`));
    rows.append(row);
  }
  renderCitations(fact);
}

function renderFields(container, fieldsList) {
  for (const fields of fieldsList) {
    const list = el("dl");
    for (const [name, value] of fields) list.append(el("dt", name), el("dd", value));
    container.append(list);
  }
}

function renderCitations(fact) {
  const box = $("citations");
  box.replaceChildren(el("h2", fact.citations.length ? "Linked footnotes" : "No linked footnote"));
  for (const citation of fact.citations) {
    const part = el("div", null, "footnote");
    const how = citation.linked_by === "reviewer" ? "placed by a reviewer" : `linked by ${citation.linked_by} · score ${citation.score}`;
    part.append(el("h3", `[${citation.footnote}] ${how}`, `linked-${citation.linked_by}`));
    if (citation.unchecked) part.append(el("p", "not checked yet: its values are checked on the next extraction", "hint"));
    renderFields(part, citation.fields);
    const quote = el("blockquote");
    const mentions = Object.fromEntries(fact.mentions.map((m) => [m.id, m]));
    const ranges = citation.checks.filter((c) => c.evidence).map((c) => ({
      start: c.evidence[0], end: c.evidence[1], className: "evidence",
      title: `evidence for ${mentions[c.mention] ? mentions[c.mention].text : c.mention}: ${c.verdict}${c.flag ? ` (${c.flag.replace("_", " ")}: ${c.note})` : ""}`,
    }));
    highlight(quote, citation.text, ranges);
    part.append(quote);
    for (const c of citation.checks.filter((k) => k.flag)) {
      const what = mentions[c.mention] ? mentions[c.mention].value : c.mention;
      part.append(el("p", `${c.flag.replace("_", " ")} — ${what}: ${c.note || ""}`, "flag"));
    }
    box.append(part);
  }
  if (fact.suggestions.length && !fact.citations.length) {
    box.append(el("h2", "Possible sources (not linked: the linker was not sure enough)"));
    for (const suggestion of fact.suggestions) {
      const part = el("div", null, "footnote suggestion");
      part.append(el("h3", `[${suggestion.footnote}]? probability ${Math.round(suggestion.probability * 100)}%`));
      part.append(el("blockquote", suggestion.text));
      box.append(part);
    }
  }
}

function placedText(p) {
  const where = p.sentence === null ? "cited nowhere in the body" : `“${p.sentence}”`;
  const none = p.sentence !== null && !p.fact ? " — no facts in this sentence" : "";
  const status = p.status ? ` — fact now ${p.status.replace("_", " ")}` : none;
  return `${p.further ? "also " : ""}placed ${where} by ${p.reviewer}${status}`;
}

function renderPlacement(item) {
  show("placement-view");
  $("footnote-title").textContent = `Footnote [${item.footnote}] · ${item.file}` +
    (item.elsewhere !== null ? ` · ${Math.round(item.elsewhere * 100)}% likely cited outside the body` : "");
  $("footnote-text").textContent = item.text;
  const fields = $("footnote-fields");
  fields.replaceChildren();
  renderFields(fields, item.fields);
  const placed = $("placed");
  placed.replaceChildren();
  for (const p of item.placements) placed.append(el("p", placedText(p), "state decided"));
  if (item.previous) placed.append(el("p", `placed before, now stale (${item.previous.note || "changed"}): ${placedText(item.previous)} — place it again`, "state stale"));
  if (page.further) placed.append(el("p", "a further citation of this footnote: choose its sentence (1-5 or /)", "state"));
  $("candidates-title").textContent = item.candidates.length ? "Where is it cited? (1-5)" : "No candidate sentence: search with /";
  rankedNote(item);
  const list = $("candidates");
  list.replaceChildren();
  const taken = new Set(item.placements.map((p) => p.sentence));
  item.candidates.forEach((c, i) => {
    const li = el("li", null, taken.has(c.text) ? "placed" : "");
    li.append(el("span", String(i + 1), "key"), el("span", `${Math.round(c.probability * 100)}%`));
    if (c.status) li.append(el("span", ` · fact now ${c.status.replace("_", " ")}`));
    if (c.checks.length) li.append(el("span", ` · if placed here: ${c.checks.map((k) => `${k.value} ${k.verdict.replace("_", " ")}`).join(", ")}`));
    const paragraph = el("p", null, "paragraph");
    highlight(paragraph, c.paragraph, [{ start: c.sentence[0], end: c.sentence[1], className: "candidate" }]);
    li.append(paragraph);
    list.append(li);
  });
  $("search").hidden = true;
}

// Say how the candidates shown were ranked: re-aligned with the placements so far, or as extracted.
function rankedNote(item) {
  let note = $("ranked");
  if (!note) {
    note = el("p", null, "hint");
    note.id = "ranked";
    $("candidates-title").after(note);
  }
  note.dataset.ranked = item.ranked;
  const state = page.realign[item.file];
  const stored = {
    analysing: "candidates as extracted; re-ranking once the source is analysed…",
    ready: "candidates as extracted: this footnote is placed, and the others are re-ranked around it",
  }[state] || "candidates as extracted (not re-ranked: the source is gone or changed, or another pipeline version)";
  note.textContent = item.ranked === "realigned" ? "candidates re-ranked with every placement so far fixed" : stored;
}

function renderGroup(item) {
  show("group-view");
  $("group-title").textContent = `${item.facts.length} facts in ${item.file} state only names and cite no footnote: nothing in them can be checked`;
  const list = $("group-facts");
  list.replaceChildren(...item.facts.map((f) => el("li", `${f.section.join(" › ")}: ${f.text}`)));
}

function render() {
  renderProgress();
  markCurrent();
  const item = current();
  if (!item) { show(PLACE_MODE ? "placement-view" : "facts-view"); return; }
  if (item.type === "placement") renderPlacement(item);
  else if (item.type === "group") renderGroup(item);
  else renderFact(item);
}

function flash(message, error) {
  const saved = $("saved");
  saved.textContent = message;
  saved.className = error ? "error" : "";
}

async function load() {
  const response = await fetch(FACTS_URL, { cache: "no-store" });
  const body = await response.json();
  if (!response.ok) { flash(body.error || "cannot load the facts", true); return; }
  const first = page.items.length === 0;
  page.items = PLACE_MODE ? body.queue.filter((i) => i.type === "placement") : body.queue;
  page.reviewer = body.reviewer;
  page.sentences = body.sentences;
  page.realign = body.realign || {};
  strip.files = body.strip;
  renderStrip();
  const open = page.items.findIndex((i) => i.state !== "decided");
  page.index = first && open > 0 ? open : Math.min(page.index, Math.max(page.items.length - 1, 0));
  render();
  pollRanking();
}

// While a source is being analysed, ask again; once it is ready, take in the re-ranked candidates and the body's
// sentences without moving on (nor closing a search being typed).
function pollRanking() {
  if (!PLACE_MODE || !Object.values(page.realign).includes("analysing")) return;
  setTimeout(async () => {
    const response = await fetch(FACTS_URL, { cache: "no-store" });
    const body = await response.json();
    if (!response.ok) return;
    page.realign = body.realign || {};
    if (!Object.values(page.realign).includes("analysing")) {
      replacePlacements(body.queue.filter((i) => i.type === "placement"));
      page.sentences = body.sentences;
      if ($("search").hidden) render();
    }
    pollRanking();
  }, POLL_MS);
}

// Take in footnotes to place as they stand now (their candidates re-ranked), each where it is in the queue.
function replacePlacements(items) {
  const fresh = new Map(items.map((i) => [`${i.file}/${i.id}`, i]));
  page.items = page.items.map((i) => (i.type === "placement" && fresh.get(`${i.file}/${i.id}`)) || i);
}

function saved() {
  document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
}

async function post(body) {
  const response = await fetch("/api/decisions", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) { flash(answer.error || "not saved", true); return null; }
  return answer;
}

async function decide(kind, correction) {
  const fact = current();
  if (!fact || fact.type !== "fact") return;
  const note = $("note").value.trim();
  const body = await post({ file: fact.file, id: fact.id, content_hash: fact.content_hash, decision: kind, note, correction });
  if (!body) return;
  page.items[page.index] = { type: "fact", ...body };
  $("note").value = "";
  flash(`saved: ${kind} ${fact.id}`, false);
  saved();
  if (FINAL.has(kind)) move(1); else render();
}

// Take in a placement's answer: the footnote's item and every fact whose citations it changed.
function applyPlacement(index, answer) {
  if (answer.placements) replacePlacements(answer.placements);
  if (answer.realign && answer.placement) page.realign[answer.placement.file] = answer.realign;
  if (answer.placement) page.items[index] = answer.placement;
  for (const fact of answer.facts) {
    const at = page.items.findIndex((i) => i.type === "fact" && i.id === fact.id && i.file === fact.file);
    if (at >= 0) page.items[at] = fact;
    for (const s of page.sentences[fact.file] || []) if (s.fact === fact.id) s.status = fact.status;
  }
  if (answer.strip) { Object.assign(strip.files, answer.strip); renderStrip(); }
}

async function place(sentence) {
  const item = current();
  if (!item || item.type !== "placement") return;
  const index = page.index;
  const answer = await post({
    file: item.file, decision: "place", footnote: item.footnote, footnote_hash: item.footnote_hash,
    sentence: sentence ? { start: sentence.start, end: sentence.end } : null, further: page.further,
  });
  if (!answer) return;
  applyPlacement(index, answer);
  page.further = false;
  page.lastPlaced = index;
  let status = answer.facts.map((f) => `fact now ${f.status.replace("_", " ")}`).join(", ");
  if (sentence && !sentence.fact) status = status ? `${status} · no facts in this sentence` : "no facts in this sentence";
  flash(`saved: footnote ${item.footnote} placed${sentence ? "" : " nowhere in the body"}${status ? " · " + status : ""}`, false);
  saved();
  move(1);
}

async function undoPlacement() {
  let item = current();
  if (item && item.type === "placement" && !item.placements.length && page.lastPlaced !== null) {
    page.index = page.lastPlaced;  // nothing placed here: undo the last placement made on this page
    item = current();
  }
  if (!item || item.type !== "placement") return;
  const index = page.index;
  const answer = await post({ file: item.file, decision: "undo", footnote: item.footnote, footnote_hash: item.footnote_hash });
  if (!answer) { render(); return; }
  applyPlacement(index, answer);
  page.further = false;
  flash(`saved: undo placement of footnote ${item.footnote}`, false);
  saved();
  render();
}

function move(step) {
  page.index = Math.max(0, Math.min(page.items.length - 1, page.index + step));
  page.further = false;
  render();
}

function openCorrection() {
  const fact = current();
  if (!fact || fact.type !== "fact") return;
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

function closeFields() {
  $("correct").hidden = true;
  $("search").hidden = true;
  document.activeElement.blur();
}

function searchResults() {
  const item = current();
  const query = $("query").value.trim().toLowerCase();
  const found = query ? (page.sentences[item.file] || []).filter((s) => s.text.toLowerCase().includes(query)).slice(0, 8) : [];
  $("results").replaceChildren(...found.map((s) => {
    const li = el("li", `${s.text} (${s.status ? s.status.replace("_", " ") : "no facts in this sentence"})`);
    li.addEventListener("click", () => { closeFields(); place(s); });
    return li;
  }));
  return found;
}

function openSearch() {
  const item = current();
  if (!item || item.type !== "placement") return;
  $("search").hidden = false;
  $("query").value = "";
  $("results").replaceChildren();
  $("query").focus();
}

function placementKey(key) {
  const item = current();
  if (!item || item.type !== "placement") return false;
  if (key >= "1" && key <= "5") {
    const candidate = item.candidates[Number(key) - 1];
    if (candidate) place(candidate);
    return true;
  }
  if (key === "0") { place(null); return true; }
  if (key === "/") { openSearch(); return true; }
  if (key === "r") {
    if (item.placements.length) { page.further = true; render(); } else flash("place the footnote first, then r for a further citation", true);
    return true;
  }
  if (key === "u") { undoPlacement(); return true; }
  return false;
}

document.addEventListener("keydown", (event) => {
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(event.target.tagName);
  if (event.key === "Escape") { closeFields(); return; }
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (placementKey(event.key)) { event.preventDefault(); return; }
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
    closeFields();
    decide("correct", correction);
  });
  $("cancel").addEventListener("click", closeFields);
  $("query").addEventListener("input", searchResults);
  $("search").addEventListener("submit", (event) => {
    event.preventDefault();
    const first = searchResults()[0];
    closeFields();
    if (first) place(first);
  });
  load();
});
