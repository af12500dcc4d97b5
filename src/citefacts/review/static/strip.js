// The article as a strip of its paragraphs, at the top of the review page: one block per paragraph, coloured by
// its facts' statuses as the server's strip.py decides; a click opens the paragraph's first fact in the queue.
// Uses review.js's page, el, $, flash and render. Section titles are source text: textContent and attributes only.
"use strict";

const strip = { files: {}, blocks: new Map() };  // file name -> sections; "file\u0000fact id" -> its block

function countText(status, n) {
  return `${n} ${status === "placed" ? "placed by a reviewer" : status.replace("_", " ")}`;
}

function stripBlock(file, paragraph) {
  const tone = paragraph.tone;
  const block = el("button", tone === "contradicted" ? "!" : "", `block tone-${tone} w${paragraph.size}${paragraph.placed ? " placed" : ""}`);
  block.type = "button";
  block.title = paragraph.label;
  block.setAttribute("aria-label", paragraph.label);
  block.dataset.paragraph = String(paragraph.index);
  block.addEventListener("click", () => { block.blur(); openParagraph(file, paragraph); });
  for (const id of paragraph.facts) strip.blocks.set(`${file}\u0000${id}`, block);
  return block;
}

function renderStrip() {
  const box = $("strip-sections");
  box.replaceChildren();
  strip.blocks.clear();
  const names = Object.keys(strip.files);
  for (const file of names) {
    if (names.length > 1) box.append(el("h2", file, "strip-file"));
    for (const section of strip.files[file]) {
      const group = el("div", null, "strip-section");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", section.label);
      group.append(el("div", section.short, "strip-title"));
      group.lastChild.title = section.title;
      group.append(el("div", section.counts.map(([status, n]) => countText(status, n)).join(" · "), "strip-counts"));
      const row = el("div", null, "strip-blocks");
      row.append(...section.paragraphs.map((paragraph) => stripBlock(file, paragraph)));
      group.append(row);
      box.append(group);
    }
  }
  markCurrent();
}

// Outline the block holding the fact on screen (or, for a footnote to place, the blocks holding its candidate
// sentences), so the reviewer sees where in the article they are.
function markCurrent() {
  for (const block of document.querySelectorAll("#strip .block.current, #strip .block.candidate")) {
    block.classList.remove("current", "candidate");
    block.removeAttribute("aria-current");
  }
  const item = current();
  for (const candidate of item && item.type === "placement" ? item.candidates : []) {
    const block = candidate.fact ? strip.blocks.get(`${item.file}\u0000${candidate.fact}`) : null;
    if (block) block.classList.add("candidate");
  }
  const block = item && item.type === "fact" ? strip.blocks.get(`${item.file}\u0000${item.id}`) : null;
  if (block) {
    block.classList.add("current");
    block.setAttribute("aria-current", "true");
  }
}

// Jump the queue to the paragraph: its first fact in the article's order (the group, for facts stating only
// names); in placement mode, the first footnote with a candidate sentence in it.
function openParagraph(file, paragraph) {
  const ids = new Set(paragraph.facts);
  let at = -1;
  if (PLACE_MODE) {
    at = page.items.findIndex((i) => i.file === file && i.candidates.some((c) => ids.has(c.fact)));
  } else {
    for (const id of paragraph.facts) {
      at = page.items.findIndex((i) => i.type === "fact" && i.file === file && i.id === id);
      if (at >= 0) break;
    }
    if (at < 0) at = page.items.findIndex((i) => i.type === "group" && i.file === file && i.facts.some((f) => ids.has(f.id)));
  }
  if (at < 0) {
    flash(PLACE_MODE ? "no footnote to place has a candidate sentence in this paragraph" : "no item of this paragraph in the queue", true);
    return;
  }
  page.index = at;
  page.further = false;
  render();
}
