// intro-lint's page: lint as you type (newest text wins), highlight, explain, fix, keep, submit.
// No framework and no build step; every piece of text from the server goes in with textContent.
"use strict";

const $ = (id) => document.getElementById(id);
const STORE = "intro-lint-draft-v1";
const WORKSHOP_STORE = "intro-lint-workshop-v1";
const DEBOUNCE_MS = 350;
const client = Math.random().toString(36).slice(2) + Date.now().toString(36);

const state = {
  seq: 0,            // the number of the newest lint request sent
  shown: null,       // {text, answer} on screen: findings and fixes belong to exactly this text
  inflight: null,    // the AbortController of the request under way
  timer: null,
  attachments: [],   // what an opened .eml had attached (names, types, sizes)
  undo: [],          // texts before each fix or file open
  workshop: null,    // {name, code} once joined
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

function say(message, bad = false) {
  const notice = $("notice");
  notice.textContent = message;
  notice.classList.toggle("bad", bad);
}

function current() {
  return {
    text: $("draft").value.replace(/\r\n?/g, "\n"),
    to: $("to").value,
    subject: $("subject").value,
    attachments: state.attachments,
  };
}

// ---- keeping the draft in this browser -------------------------------------------------------

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(current()));
  } catch (e) { /* storage full or disabled: the draft is still on the page */ }
}

function restore() {
  try {
    const kept = JSON.parse(localStorage.getItem(STORE) || "null");
    if (kept && typeof kept.text === "string") {
      $("draft").value = kept.text;
      $("to").value = kept.to || "";
      $("subject").value = kept.subject || "";
      state.attachments = Array.isArray(kept.attachments) ? kept.attachments : [];
    }
    const ws = JSON.parse(localStorage.getItem(WORKSHOP_STORE) || "null");
    if (ws && ws.name) $("ws-name").value = ws.name;
  } catch (e) { /* a corrupt entry: start empty */ }
  showAttachments();
}

// ---- linting ----------------------------------------------------------------------------------

function schedule(now = false) {
  clearTimeout(state.timer);
  document.body.classList.add("stale");
  save();
  state.timer = setTimeout(lint, now ? 0 : DEBOUNCE_MS);
  render(); // highlights and fix buttons of an older text are taken down at once
}

async function api(path, body, options = {}) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(options.headers || {}) },
    body: typeof body === "string" || body instanceof ArrayBuffer ? body : JSON.stringify(body),
    signal: options.signal,
  });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return options.raw ? response : response.json();
}

async function lint() {
  const draft = current();
  const seq = ++state.seq;
  if (state.inflight) state.inflight.abort();
  if (!draft.text.trim()) {
    state.shown = null;
    document.body.classList.remove("stale");
    render();
    return;
  }
  const controller = new AbortController();
  state.inflight = controller;
  try {
    const answer = await api("/api/lint", { ...draft, client, seq }, { signal: controller.signal });
    if (answer.stale || seq !== state.seq || draft.text !== current().text) return; // newer text won
    state.shown = { text: draft.text, answer };
    document.body.classList.remove("stale");
    if ($("notice").classList.contains("bad")) say("");
    render();
  } catch (e) {
    if (e.name !== "AbortError" && seq === state.seq) say(e.message, true);
  } finally {
    if (state.inflight === controller) state.inflight = null;
  }
}

// ---- showing what was found ------------------------------------------------------------------

const RANK = { info: 1, warning: 2, error: 3 };

function findingsFor(text) {
  return state.shown && state.shown.text === text ? state.shown.answer.findings : [];
}

function renderHighlights(text, findings) {
  const backdrop = $("backdrop");
  const cuts = new Set([0, text.length]);
  for (const f of findings) { cuts.add(f.start); cuts.add(f.end); }
  const points = [...cuts].filter((n) => n >= 0 && n <= text.length).sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const over = findings.filter((f) => f.start <= a && f.end >= b && f.end > f.start);
    const piece = text.slice(a, b);
    if (!over.length) { parts.push(document.createTextNode(piece)); continue; }
    const top = over.reduce((x, y) => (RANK[y.severity] > RANK[x.severity] ? y : x));
    const kind = over.some((f) => f.placeholder) ? "placeholder" : top.severity;
    parts.push(el("mark", { class: kind, "data-rule": top.rule, text: piece }));
  }
  parts.push(document.createTextNode("\n\u200b")); // a last empty line still has height
  backdrop.replaceChildren(...parts);
  backdrop.scrollTop = $("draft").scrollTop;
}

function renderScore(answer) {
  const score = $("score");
  const list = $("subscores");
  if (!answer) {
    score.textContent = current().text.trim() ? "Checking…" : "Type a draft to see its score.";
    list.replaceChildren();
    return;
  }
  score.textContent = `${answer.score}/100 (grade ${answer.grade})`;
  list.replaceChildren(...Object.entries(answer.subscores).map(([name, value]) => {
    const id = `sub-${name}`;
    return el("li", {},
      el("span", { id, text: name }),
      el("meter", { min: "0", max: "100", value: String(value), "aria-labelledby": id }),
      el("span", { text: String(value) }));
  }));
}

function renderForwardable(answer) {
  const box = $("forwardable");
  if (!answer) { box.replaceChildren(el("p", { text: "Nothing yet." })); return; }
  const note = answer.forwardable;
  if (note) {
    const verdict = note.self_contained
      ? "The connector can forward this note as it stands:"
      : "This note is meant to be forwarded, but it is not yet self-contained:";
    const parts = [el("p", { text: verdict }), el("blockquote", { id: "forward-note", text: note.text })];
    if (note.problems.length) {
      parts.push(el("ul", {}, ...note.problems.map((p) => el("li", { text: p }))));
    }
    box.replaceChildren(...parts);
  } else if (answer.is_request) {
    box.replaceChildren(el("p", { id: "forward-missing", text:
      "Nothing the connector could forward as it stands: add a short note written to the person you "
      + "want to meet (who you are, what you ask, why them)." }));
  } else {
    box.replaceChildren(el("p", { text: "This draft does not ask for anything yet." }));
  }
}

function fixButton(f, fix, text) {
  if (!fix.edits.length) return el("p", { class: "suggestion", text: `Suggestion: ${fix.title}` });
  const label = fix.safety === "safe" ? `Apply: ${fix.title}` : `Insert: ${fix.title}`;
  const button = el("button", { type: "button", class: `fix ${fix.safety}`, "data-safety": fix.safety, text: label });
  button.addEventListener("click", () => applyFix(fix, text));
  return button;
}

function renderFindings(answer, text) {
  const list = $("findings");
  const findings = answer ? answer.findings : [];
  $("finding-count").textContent = answer ? `(${findings.length})` : "";
  if (answer && !findings.length) {
    list.replaceChildren(el("li", { class: "none", text: "Nothing to fix: this draft reads well." }));
    return;
  }
  list.replaceChildren(...findings.map((f, i) => {
    const jump = el("button", { type: "button", class: "jump", text: f.message });
    jump.addEventListener("click", () => select(f.start, f.end));
    const item = el("li", { class: `finding ${f.severity}`, id: `finding-${i}`, "data-rule": f.rule },
      el("h3", {}, el("span", { class: `sev ${f.severity}`, text: f.severity }), jump),
      el("p", { class: "rule", text: f.placeholder ? `${f.rule}: a placeholder to fill in` : f.rule }),
      el("p", { class: "why", text: f.why }));
    if (f.evidence.length) {
      item.append(el("details", {}, el("summary", { text: "Evidence" }),
        el("ul", {}, ...f.evidence.map((e) => el("li", { text: e })))));
    }
    if (f.source) item.append(el("p", { class: "source", text: `From ${f.source}` }));
    if (f.fixes.length) item.append(el("div", { class: "fixes" }, ...f.fixes.map((x) => fixButton(f, x, text))));
    return item;
  }));
}

function render() {
  const text = current().text;
  const fresh = state.shown && state.shown.text === text ? state.shown.answer : null;
  renderHighlights(text, findingsFor(text));
  renderScore(fresh);
  renderForwardable(fresh);
  renderFindings(fresh, text);
  $("undo").disabled = !state.undo.length;
}

function select(start, end) {
  const area = $("draft");
  area.focus();
  area.setSelectionRange(start, end);
}

// ---- fixes and undo ---------------------------------------------------------------------------

function replaceRange(start, end, text) {
  // execCommand keeps the browser's own undo (Ctrl+Z) working; setRangeText where it is gone
  const area = $("draft");
  area.focus();
  area.setSelectionRange(start, end);
  if (!document.execCommand || !document.execCommand("insertText", false, text)) {
    area.setRangeText(text, start, end, "end");
  }
}

function applyFix(fix, text) {
  if (current().text !== text) { say("The draft changed; wait for the new findings.", true); return; }
  state.undo.push({ text, to: $("to").value, subject: $("subject").value });
  const edits = [...fix.edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (const e of edits) replaceRange(e.start, e.end, e.text);
  const first = edits[edits.length - 1];
  const inserted = first ? first.text : "";
  const hole = /\[[^\]\n]{1,80}\]/.exec(inserted);
  if (hole) {
    select(first.start + hole.index, first.start + hole.index + hole[0].length);
    say(`Inserted. Type over the highlighted ${hole[0]} to fill it in.`);
  } else {
    say(fix.safety === "safe" ? "Fix applied." : "Inserted.");
  }
  schedule(true);
}

function undo() {
  const last = state.undo.pop();
  if (!last) return;
  const area = $("draft");
  area.focus();
  area.select();
  if (!document.execCommand || !document.execCommand("insertText", false, last.text)) area.value = last.text;
  $("to").value = last.to;
  $("subject").value = last.subject;
  say("Undone.");
  schedule(true);
}

// ---- files in and out -------------------------------------------------------------------------

function showAttachments() {
  const names = state.attachments.map((a) => a.filename);
  $("attachments").textContent = names.length ? `Attached: ${names.join(", ")}` : "";
}

async function openFile(file) {
  if (!file) return;
  try {
    const data = await file.arrayBuffer();
    const got = await api("/api/read", data, {
      headers: { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) },
    });
    state.undo.push({ text: $("draft").value, to: $("to").value, subject: $("subject").value });
    $("draft").value = got.text;
    if (got.to) $("to").value = got.to;
    if (got.subject) $("subject").value = got.subject;
    state.attachments = got.attachments || [];
    showAttachments();
    say(`Opened ${file.name}.`);
    schedule(true);
  } catch (e) {
    say(`${file.name}: ${e.message}`, true);
  }
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

async function downloadEml() {
  try {
    const response = await api("/api/eml", current(), { raw: true });
    download("draft.eml", await response.blob());
  } catch (e) {
    say(e.message, true);
  }
}

async function copy() {
  const text = current().text;
  try {
    await navigator.clipboard.writeText(text);
  } catch (e) {
    $("draft").select();
    document.execCommand("copy");
  }
  say("Copied the draft.");
}

// ---- the workshop -----------------------------------------------------------------------------

async function join(event) {
  event.preventDefault();
  const name = $("ws-name").value;
  const code = $("ws-code").value.trim().toUpperCase();
  try {
    const got = await api("/api/join", { name, code });
    state.workshop = { name: got.name, code };
    localStorage.setItem(WORKSHOP_STORE, JSON.stringify({ name: got.name }));
    $("ws-status").textContent = `Joined as ${got.name}. Submit your draft when it is ready.`;
    $("submit").hidden = false;
  } catch (e) {
    $("ws-status").textContent = e.message;
  }
}

async function submit() {
  if (!state.workshop) return;
  const draft = current();
  try {
    const got = await api("/api/submit", { ...draft, ...state.workshop });
    const time = new Date().toLocaleTimeString();
    say(`Submitted at ${time}. You can keep working and submit again.`);
    $("submit").dataset.file = got.file;
  } catch (e) {
    say(`Not submitted: ${e.message}`, true);
  }
}

// ---- wiring -----------------------------------------------------------------------------------

function wire() {
  const area = $("draft");
  area.addEventListener("input", () => schedule());
  area.addEventListener("scroll", () => { $("backdrop").scrollTop = area.scrollTop; });
  for (const id of ["to", "subject"]) $(id).addEventListener("input", () => schedule());
  $("undo").addEventListener("click", undo);
  $("copy").addEventListener("click", copy);
  $("download-txt").addEventListener("click", () =>
    download("draft.txt", new Blob([current().text], { type: "text/plain;charset=utf-8" })));
  $("download-eml").addEventListener("click", downloadEml);
  $("file").addEventListener("change", (e) => { openFile(e.target.files[0]); e.target.value = ""; });
  const box = $("area");
  box.addEventListener("dragover", (e) => { e.preventDefault(); box.classList.add("dropping"); });
  box.addEventListener("dragleave", () => box.classList.remove("dropping"));
  box.addEventListener("drop", (e) => {
    box.classList.remove("dropping");
    if (e.dataTransfer && e.dataTransfer.files.length) { e.preventDefault(); openFile(e.dataTransfer.files[0]); }
  });
  $("join-form").addEventListener("submit", join);
  $("submit").addEventListener("click", submit);
  new ResizeObserver(() => { $("backdrop").style.height = `${area.offsetHeight}px`; }).observe(area);
}

async function start() {
  restore();
  wire();
  try {
    const info = await (await fetch("/api/info")).json();
    $("workshop").hidden = !info.workshop;
  } catch (e) { /* the page still lints */ }
  schedule(true);
}

document.addEventListener("DOMContentLoaded", start);
