/* The page of `discreet serve`: send the documents to this machine's server, show what it found. */
/* Resume text is hostile input: every piece of it goes in through textContent, never as markup. */
"use strict";

(() => {
  const VERDICTS = [
    { key: "never", label: "never public", symbol: "✕", note: "remove it everywhere" },
    { key: "replacement", label: "resume only", symbol: "◆", note: "keep it off public profiles" },
    { key: "complement", label: "fine in public", symbol: "✓", note: "it may stay public" },
  ];
  const CATEGORIES = {
    financial: "Figures",
    confidential: "Clients and projects",
    personal: "Personal details",
    compensation: "Pay",
    references: "Referees",
    note: "Notes",
  };
  const ACTIONS = { keep: "Keep", generalize: "Generalize", remove: "Remove" };
  const KINDS = { resume: "Resume", profile: "Public profile" };
  const FORMATS = {
    pdf: "PDF",
    docx: "Word",
    text: "Text",
    markdown: "Markdown",
    "linkedin-export": "LinkedIn data export",
    "linkedin-pdf": "LinkedIn PDF",
    "json-resume": "JSON Resume",
    "profile-draft": "Profile draft",
  };

  const $ = (id) => document.getElementById(id);
  const form = $("audit-form");
  const state = { sent: null, findings: new Map(), selected: null };

  /** An element with attributes and children; strings become text nodes, so nothing is parsed as HTML. */
  function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== null && value !== false) node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child);
    }
    return node;
  }

  function clear(node) {
    node.replaceChildren();
    return node;
  }

  function verdictOf(key) {
    return VERDICTS.find((v) => v.key === key) || { key, label: key, symbol: "•", note: "" };
  }

  function plural(number, noun) {
    return `${number} ${noun}${number === 1 ? "" : "s"}`;
  }

  /* ---------- talking to the server ---------- */

  /** What the form holds now; downloads reuse the snapshot of the audit on screen. */
  function snapshot() {
    return {
      resume: $("resume").files[0] || null,
      profile: $("profile").files[0] || null,
      private_terms: $("private-terms").value,
      public_terms: $("public-terms").value,
    };
  }

  function body(sent, extra = {}) {
    const data = new FormData();
    data.append("resume", sent.resume, sent.resume.name);
    if (sent.profile) data.append("profile", sent.profile, sent.profile.name);
    if (sent.private_terms.trim()) data.append("private_terms", sent.private_terms);
    if (sent.public_terms.trim()) data.append("public_terms", sent.public_terms);
    for (const [name, value] of Object.entries(extra)) data.append(name, value);
    return data;
  }

  /** POST to this server; a failure becomes an Error carrying the server's one-line explanation. */
  async function post(path, data) {
    let response;
    try {
      response = await fetch(path, {
        method: "POST",
        headers: { "X-Discreet-Token": document.querySelector('meta[name="discreet-token"]').content },
        body: data,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch {
      throw new Error("discreet is not answering: is `discreet serve` still running in its terminal?");
    }
    if (response.ok) return response;
    let message = `The server answered ${response.status} ${response.statusText}.`;
    try {
      const problem = await response.json();
      if (problem && typeof problem.error === "string") message = problem.error;
    } catch {
      /* Not JSON: keep the status line. */
    }
    throw new Error(message);
  }

  /** The name a download should be saved under, from Content-Disposition. */
  function filenameOf(response, fallback) {
    const header = response.headers.get("Content-Disposition") || "";
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) return decodeURIComponent(encoded[1]);
    const plain = /filename="([^"]+)"/i.exec(header);
    return plain ? plain[1] : fallback;
  }

  async function download(path, extra, fallback) {
    if (!state.sent) return;
    $("download-error").hidden = true;
    const response = await post(path, body(state.sent, extra));
    const name = filenameOf(response, fallback);
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: name, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    /* The browser has taken the file by the time the click returns; the URL is freed a little later. */
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    say(`Downloaded ${name}.`);
  }

  /* ---------- status and errors ---------- */

  function say(message) {
    $("status").textContent = message;
  }

  /** Show the server's one-line explanation where the person is looking: by the form or by the downloads. */
  function fail(message, where = "error") {
    const box = $(where);
    box.textContent = message;
    box.hidden = false;
    document.body.dataset.state = "error";
  }

  function busy(on, message) {
    $("check").disabled = on;
    form.setAttribute("aria-busy", on ? "true" : "false");
    document.body.dataset.state = on ? "busy" : document.body.dataset.state;
    if (message) say(message);
  }

  /* ---------- the audit ---------- */

  async function audit(event) {
    event.preventDefault();
    $("error").hidden = true;
    const sent = snapshot();
    if (!sent.resume) {
      fail("Choose a resume first: a PDF, Word (.docx), text, Markdown or JSON Resume file.");
      $("resume").focus();
      return;
    }
    busy(true, `Checking ${sent.resume.name}…`);
    try {
      const response = await post("/api/audit", body(sent));
      const result = await response.json();
      state.sent = sent;
      show(result);
      document.body.dataset.state = "done";
      say(summaryLine(result));
      $("results-title").focus();
    } catch (error) {
      fail(error.message);
      say("");
      /* The results on screen belong to the documents sent before: they would mislead now. */
      $("results").hidden = true;
      state.sent = null;
    } finally {
      busy(false);
    }
  }

  /** The documents on screen, each with the slot it was sent in: a JSON Resume sent as the resume is
   * still read as a public profile, so its own kind cannot name it. */
  function documentsOf(result) {
    return ["resume", "profile"]
      .filter((slot) => result[slot])
      .map((slot) => ({ ...result[slot], slot }));
  }

  /** Findings per verdict over both documents. */
  function verdictCounts(result) {
    const counts = Object.fromEntries(VERDICTS.map((v) => [v.key, 0]));
    for (const doc of documentsOf(result)) {
      for (const finding of doc.findings) counts[finding.verdict] = (counts[finding.verdict] || 0) + 1;
    }
    return counts;
  }

  function summaryLine(result) {
    const counts = verdictCounts(result);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    const parts = VERDICTS.map((v) => `${counts[v.key]} ${v.label}`).join(", ");
    return `Done: ${plural(total, "finding")} (${parts}).`;
  }

  function show(result) {
    $("download-error").hidden = true;
    state.findings = new Map();
    state.selected = null;
    showStats(result);
    showNotes(result);
    showFix(result.fix);
    const documents = clear($("documents"));
    for (const doc of documentsOf(result)) documents.append(documentPanel(doc));
    showFilters(result);
    showComparison(result.comparison);
    showDetail(null);
    applyFilters();
    $("results").hidden = false;
  }

  function showStats(result) {
    const stats = clear($("stats"));
    const counts = verdictCounts(result);
    for (const verdict of VERDICTS) {
      stats.append(
        el(
          "li",
          { class: `stat v-${verdict.key}` },
          el("span", { class: "symbol", "aria-hidden": "true" }, verdict.symbol),
          el("b", {}, String(counts[verdict.key])),
          el("span", { class: "stat-label" }, verdict.label),
          el("small", {}, verdict.note),
        ),
      );
    }
  }

  function showNotes(result) {
    const notes = clear($("notes"));
    for (const doc of documentsOf(result)) {
      for (const note of doc.notes || []) notes.append(el("li", {}, `${doc.name}: ${note}`));
    }
    $("notes-title").textContent = `How the documents were read (${plural(notes.childElementCount, "note")})`;
    $("notes-box").hidden = notes.childElementCount === 0;
  }

  function showFix(fix) {
    const available = Boolean(fix && fix.available);
    $("download-fix").disabled = !available;
    $("download-resume-copy").disabled = !available;
    $("fix-reason").textContent = available
      ? "The public-safe copy rewrites or leaves out each flagged line, ready for a public profile. " +
        "The copy for applications removes only what no document should carry, such as ID numbers."
      : (fix && fix.reason) || "A public-safe copy cannot be made for this file.";
  }

  /* ---------- the document with its findings in place ---------- */

  /** UTF-16 offsets for JavaScript strings: the server's start16/end16, else counted from code points. */
  function span16(text, finding) {
    if (Number.isInteger(finding.start16) && Number.isInteger(finding.end16)) {
      return [finding.start16, finding.end16];
    }
    const before = Array.from(text).slice(0, finding.end);
    const start = before.slice(0, finding.start).join("").length;
    return [start, before.join("").length];
  }

  function documentPanel(doc) {
    const heading = `${KINDS[doc.slot]}: ${doc.name}`;
    const id = `doc-${doc.slot}`;
    const textBox = el("div", { class: "doc-text", id: `${id}-text` });
    fillText(textBox, doc);
    return el(
      "section",
      { class: "panel document", "aria-labelledby": `${id}-title` },
      el(
        "header",
        { class: "doc-head" },
        el("h2", { id: `${id}-title` }, heading),
        el("p", { class: "hint" }, `${FORMATS[doc.format] || doc.format} · ${plural(doc.findings.length, "finding")}`),
      ),
      doc.kind === doc.slot
        ? null
        : el("p", { class: "hint read-as" }, `Read as a ${KINDS[doc.kind].toLowerCase()}: this format is meant to be published.`),
      textBox,
    );
  }

  function fillText(box, doc) {
    const text = doc.text;
    const spans = doc.findings
      .map((finding) => ({ finding, range: span16(text, finding) }))
      .sort((a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1]);
    let cursor = 0;
    for (const { finding, range } of spans) {
      state.findings.set(keyOf(doc, finding), { finding, doc });
      /* Findings never overlap in discreet's output; if one ever did, it stays listed but unmarked. */
      if (range[0] < cursor) continue;
      box.append(text.slice(cursor, range[0]), mark(keyOf(doc, finding), finding, text.slice(range[0], range[1])));
      cursor = range[1];
    }
    box.append(text.slice(cursor));
  }

  /** Finding ids are unique within a document; the page holds two documents. */
  function keyOf(doc, finding) {
    return `${doc.slot}-${finding.id}`;
  }

  function mark(key, finding, shown) {
    const verdict = verdictOf(finding.verdict);
    const node = el(
      "mark",
      {
        class: `hit v-${verdict.key}`,
        id: `hit-${key}`,
        "data-id": key,
        "data-verdict": verdict.key,
        "data-category": finding.category,
        role: "button",
        tabindex: "0",
        "aria-pressed": "false",
      },
      el("span", { class: "hit-text" }, shown),
      el("span", { class: "tag", "aria-hidden": "true" }, verdict.symbol),
      el("span", { class: "sr-only verdict-name" }, ` (${verdict.label}: ${finding.title})`),
    );
    node.addEventListener("click", () => select(key));
    node.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        select(key);
        /* From the keyboard, go to the explanation; Escape or Close comes back here. */
        $("detail-body").querySelector("h3").focus();
      }
    });
    return node;
  }

  /* ---------- the side panel ---------- */

  function select(id) {
    const entry = state.findings.get(id);
    if (!entry) return;
    state.selected = id;
    for (const node of document.querySelectorAll("mark.hit")) {
      node.setAttribute("aria-pressed", node.dataset.id === id ? "true" : "false");
    }
    showDetail(entry);
    keepInSight($(`hit-${id}`));
  }

  /** On a narrow screen the explanation is a sheet at the foot: the passage must stay above it. */
  function keepInSight(passage) {
    const sheet = $("detail").getBoundingClientRect();
    const shown = passage.getBoundingClientRect();
    /* The same width as app.css's narrow layout, where the sheet sits under the text, not beside it. */
    if (window.matchMedia("(max-width: 900px)").matches && shown.bottom > sheet.top - 8) {
      window.scrollBy(0, shown.bottom - sheet.top + 24);
    }
  }

  function showDetail(entry) {
    const box = clear($("detail-body"));
    $("detail-empty").hidden = Boolean(entry);
    box.hidden = !entry;
    $("detail").classList.toggle("open", Boolean(entry));
    $("detail-close").hidden = !entry;
    if (!entry) return;
    const { finding, doc } = entry;
    const verdict = verdictOf(finding.verdict);
    box.append(
      el("h3", { class: "detail-title", tabindex: "-1" }, finding.title),
      el(
        "p",
        { class: "badges" },
        el("span", { class: `badge v-${verdict.key}` }, `${verdict.symbol} ${verdict.label}`),
        el("span", { class: "badge plain" }, CATEGORIES[finding.category] || finding.category),
        el("span", { class: `badge sev sev-${finding.severity}` }, `${finding.severity} severity`),
      ),
      el("p", { class: "where" }, `${KINDS[doc.slot]}, ${finding.location}`),
      el("blockquote", { class: "quoted" }, finding.text),
      el("h4", {}, "Why it matters"),
      el("p", {}, finding.why),
      el(
        "dl",
        { class: "actions" },
        el("dt", {}, "On a public profile"),
        el("dd", { class: `act act-${finding.public_action}` }, ACTIONS[finding.public_action] || ""),
        el("dt", {}, "In the resume you send"),
        el("dd", { class: `act act-${finding.resume_action}` }, ACTIONS[finding.resume_action] || ""),
      ),
      el("p", { class: "reason" }, finding.reason),
      el("h4", {}, "Write instead"),
      el(
        "p",
        { class: "rewrite" },
        finding.rewrite ? finding.rewrite : "Leave it out: no rewrite keeps this safe.",
      ),
    );
  }

  /** Close the panel and give the focus back to the passage it explained. */
  function unselect() {
    if (!state.selected) return;
    const passage = $(`hit-${state.selected}`);
    state.selected = null;
    if (passage) {
      passage.setAttribute("aria-pressed", "false");
      passage.focus();
    }
    showDetail(null);
  }

  /* ---------- filters ---------- */

  function showFilters(result) {
    const findings = documentsOf(result).flatMap((doc) => doc.findings);
    const count = (field, value) => findings.filter((f) => f[field] === value).length;
    const verdicts = clear($("verdict-filter"));
    verdicts.append(el("legend", {}, "Verdict"));
    for (const verdict of VERDICTS) {
      verdicts.append(
        chip("verdict", verdict.key, `${verdict.symbol} ${verdict.label}`, count("verdict", verdict.key)),
      );
    }
    const categories = clear($("category-filter"));
    categories.append(el("legend", {}, "Category"));
    const present = Object.keys(CATEGORIES).filter((key) => count("category", key) > 0);
    for (const key of findings.map((f) => f.category)) {
      if (!present.includes(key)) present.push(key);
    }
    for (const key of present) {
      categories.append(chip("category", key, CATEGORIES[key] || key, count("category", key)));
    }
  }

  function chip(kind, value, label, count) {
    const id = `filter-${kind}-${value}`;
    const box = el("input", {
      type: "checkbox",
      id,
      "data-filter": kind,
      value,
      checked: true,
    });
    box.addEventListener("change", applyFilters);
    return el(
      "label",
      { class: `chip ${kind === "verdict" ? `v-${value}` : ""}`, for: id },
      box,
      el("span", {}, label),
      el("span", { class: "n" }, `(${count})`),
    );
  }

  function chosen(kind) {
    const boxes = document.querySelectorAll(`input[data-filter="${kind}"]`);
    return new Set(Array.from(boxes, (box) => (box.checked ? box.value : null)).filter(Boolean));
  }

  function applyFilters() {
    const verdicts = chosen("verdict");
    const categories = chosen("category");
    let shown = 0;
    const marks = document.querySelectorAll("mark.hit");
    for (const node of marks) {
      const on = verdicts.has(node.dataset.verdict) && categories.has(node.dataset.category);
      node.classList.toggle("off", !on);
      node.setAttribute("tabindex", on ? "0" : "-1");
      if (on) {
        node.setAttribute("role", "button");
      } else {
        node.removeAttribute("role");
      }
      node.querySelector(".verdict-name").hidden = !on;
      if (on) shown += 1;
      if (!on && node.dataset.id === state.selected) {
        state.selected = null;
        showDetail(null);
      }
    }
    $("shown").textContent = `${shown} of ${plural(marks.length, "finding")} shown`;
  }

  /* ---------- the resume ↔ profile comparison ---------- */

  function showComparison(comparison) {
    const section = $("comparison");
    section.hidden = !comparison;
    if (!comparison) return;
    $("copied").textContent = copiedLine(comparison);
    fillList($("exposures"), comparison.exposures, (e) => [
      el("span", { class: "what" }, e.text ? `${e.title}: ${e.text}` : e.title),
      el("span", { class: "loc" }, `On the profile: ${e.profile_location}`),
      el("span", { class: "loc" }, `On the resume: ${e.resume_location || "not on the resume"}`),
    ]);
    fillList($("mismatches"), comparison.mismatches, (m) => [
      el("span", { class: "what" }, m.what),
      el("span", { class: "loc" }, `Resume: ${m.resume_location || "not on the resume"}`),
      el("span", { class: "loc" }, `Profile: ${m.profile_location}`),
    ]);
    fillList($("suggestions"), comparison.suggestions, (s) => [
      el("span", { class: "what" }, s.what),
      el("span", { class: "loc" }, `Resume: ${s.resume_location}`),
    ]);
  }

  function copiedLine(comparison) {
    if (typeof comparison.reproduced !== "number") return "";
    const percent = (share) => `${Math.round(share * 100)}%`;
    const copied = `The profile repeats ${percent(comparison.reproduced)} of the resume's summary and experience`;
    if (comparison.reproduced === 0 || typeof comparison.resume_only_share !== "number") return `${copied}.`;
    return `${copied}; ${percent(comparison.resume_only_share)} of what it repeats is meant for the resume only.`;
  }

  function fillList(list, items, parts) {
    clear(list);
    if (!items || items.length === 0) {
      list.append(el("li", { class: "none" }, "Nothing here."));
      return;
    }
    for (const item of items) list.append(el("li", {}, parts(item)));
  }

  /* ---------- choosing and dropping files ---------- */

  function dropZone(zone, input) {
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("over");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("over"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("over");
      const file = event.dataTransfer.files[0];
      if (!file) return;
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      say(`${file.name} is ready.`);
    });
  }

  /* A file dropped beside a drop zone would make the browser open it instead of this page. */
  for (const kind of ["dragover", "drop"]) {
    window.addEventListener(kind, (event) => event.preventDefault());
  }

  function reportPath(format) {
    return `/api/report?format=${format}${$("mask").checked ? "&mask=1" : ""}`;
  }

  function wireDownloads() {
    for (const [id, destination] of [["download-fix", "public"], ["download-resume-copy", "resume"]]) {
      $(id).addEventListener("click", () =>
        download("/api/fix", { for: destination }, `resume.${destination}.txt`).catch((e) =>
          fail(e.message, "download-error"),
        ),
      );
    }
    for (const button of document.querySelectorAll("button[data-report]")) {
      const format = button.dataset.report;
      button.addEventListener("click", () =>
        download(reportPath(format), {}, `discreet-report.${format}`).catch((e) =>
          fail(e.message, "download-error"),
        ),
      );
    }
  }

  /** The server's upload limit in the hint, when the page came from the server and says it. */
  function showLimit() {
    const limit = Number(document.querySelector('meta[name="discreet-max-upload-mb"]').content);
    if (Number.isFinite(limit) && limit > 0) $("limit").textContent = ` Up to ${limit} MB a file.`;
  }

  showLimit();
  form.addEventListener("submit", audit);
  $("detail-close").addEventListener("click", unselect);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") unselect();
  });
  dropZone($("resume-drop"), $("resume"));
  dropZone($("profile-drop"), $("profile"));
  wireDownloads();
  document.body.dataset.ready = "1";
  document.body.dataset.state = "idle";
})();
