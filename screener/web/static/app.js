// The reviewers' page.  Draft text is only ever put into the page with
// textContent (never innerHTML), so a draft holding markup stays text.
"use strict";
(() => {
  const $ = (sel) => document.querySelector(sel);
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const showValues = document.querySelector('meta[name="show-values"]').content === "1";
  const state = { files: [], current: null, chosen: [] };

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function status(text, isError) {
    const s = $("#status");
    s.textContent = text || "";
    s.className = isError ? "error" : "";
  }

  async function postJSON(url, body) {
    const res = await fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: JSON.stringify(body),
    });
    return res;
  }

  async function errorOf(res) {
    try { return (await res.json()).error || ("请求失败（" + res.status + "）"); }
    catch (e) { return "请求失败（" + res.status + "）"; }
  }

  // --- choosing files -------------------------------------------------
  const drop = $("#drop");
  const input = $("#files");
  // The page never shows a full personal number, not even one the reviewer's
  // own file picker named: before a name has been screened, the server's
  // last-resort rule (masking.guard) applies here too: a run of 7 or more
  // digits keeps its first and last two, an e-mail address its first letter.
  function guardName(name) {
    return name.replace(/[0-9\uff10-\uff19](?:[ \-_]?[0-9\uff10-\uff19xX\uff58\uff38*])+/g, (run) => {
      const digits = (run.match(/[0-9\uff10-\uff19]/g) || []).length;
      if (digits < 7) return run;
      let seen = 0;
      return run.replace(/[0-9\uff10-\uff19]/g, (d) => (++seen <= 2 || seen > digits - 2) ? d : "*");
    }).replace(/([A-Za-z0-9])[A-Za-z0-9._%+\-]*@/g, "$1***@");
  }

  function choose(list) {
    state.chosen = Array.from(list);
    $("#chosen").textContent = state.chosen.length
      ? "已选择：" + state.chosen.map((f) => guardName(f.name)).join("、") : "";
  }
  input.addEventListener("change", () => choose(input.files));
  ["dragenter", "dragover"].forEach((t) => drop.addEventListener(t, (ev) => {
    ev.preventDefault(); drop.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((t) => drop.addEventListener(t, (ev) => {
    ev.preventDefault(); drop.classList.remove("over");
  }));
  drop.addEventListener("drop", (ev) => { if (ev.dataTransfer) choose(ev.dataTransfer.files); });

  // --- screening ------------------------------------------------------
  $("#go").addEventListener("click", () => {
    const text = $("#paste").value;
    if (!state.chosen.length && !text.trim()) { status("请先选择稿件或粘贴文字", true); return; }
    const form = new FormData();
    state.chosen.forEach((f) => form.append("file", f, f.name));
    if (text.trim()) form.append("text", text);
    const xhr = new XMLHttpRequest();
    const bar = $("#progress");
    bar.hidden = false; bar.removeAttribute("value");
    $("#go").disabled = true;
    status("正在上传…");
    xhr.upload.addEventListener("progress", (ev) => {
      if (ev.lengthComputable) { bar.max = ev.total; bar.value = ev.loaded; }
      if (ev.loaded === ev.total) { bar.removeAttribute("value"); status("正在检查…"); }
    });
    xhr.addEventListener("loadend", () => {
      bar.hidden = true; $("#go").disabled = false;
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (xhr.status !== 200 || !data || !data.files) {
        status((data && data.error) || ("检查失败（" + xhr.status + "）"), true);
        return;
      }
      state.files = data.files;
      const bad = data.files.filter((f) => !f.readable).length;
      status("检查完成：" + data.files.length + " 个文件" + (bad ? "，其中 " + bad + " 个未能读取（未检查）" : ""), bad > 0);
      renderFileList();
      const first = data.files.find((f) => f.readable) || data.files[0];
      select(first.id);
    });
    xhr.open("POST", "/ui/screen");
    xhr.setRequestHeader("X-CSRF-Token", csrf);
    xhr.send(form);
  });

  $("#forget").addEventListener("click", async () => {
    const res = await postJSON("/ui/forget", {});
    if (!res.ok) { status(await errorOf(res), true); return; }
    state.files = []; state.current = null;
    $("#filelist").hidden = true; $("#work").hidden = true; $("#sheet").hidden = true;
    status("已清除本次上传的稿件");
  });

  function fileById(id) { return state.files.find((f) => f.id === id); }

  function renderFileList() {
    const nav = $("#filelist");
    nav.replaceChildren();
    state.files.forEach((f) => {
      let label;
      let cls = "file";
      if (!f.readable) { label = f.name + " —— 未能读取，未检查"; cls += " bad"; }
      else if (f.empty) { label = f.name + " —— 没有文字内容"; cls += " bad"; }
      else if (!f.findings.length) { label = f.name + " —— 未发现问题"; cls += " clean"; }
      else { label = f.name + " —— " + f.findings.length + " 处"; }
      const b = el("button", cls, label);
      b.type = "button";
      b.dataset.id = f.id;
      b.addEventListener("click", () => select(f.id));
      nav.appendChild(b);
    });
    nav.hidden = false;
  }

  function select(id) {
    state.current = id;
    document.querySelectorAll("#filelist button.file").forEach((b) =>
      b.classList.toggle("current", b.dataset.id === id));
    render(fileById(id));
  }

  // --- the draft and its findings ---------------------------------------
  function render(file) {
    $("#work").hidden = false;
    $("#draft-title").textContent = file.name;
    const draft = $("#draft");
    const list = $("#findings");
    draft.replaceChildren(); list.replaceChildren();
    $("#masknote").textContent = showValues ? "（服务以 --show-values 启动：号码未脱敏）" : "个人号码已脱敏显示";
    if (!file.readable) {
      draft.appendChild(el("div", "unreadable", "此文件未能读取，没有经过检查，不能视为无问题：" + file.error));
      // the file is published under its name: a personal value there is listed (no decision: rename it)
      (file.findings || []).forEach((f) => list.appendChild(findingItem(file, f, false)));
      $("#count").textContent = file.findings && file.findings.length ? "（文件名中 " + file.findings.length + " 处）" : "";
      $("#verdict").textContent = "未检查";
      $("#sheet").hidden = true;
      return;
    }
    file.pieces.forEach((p) => {
      if (p.n === undefined) { draft.appendChild(document.createTextNode(p.t)); return; }
      const m = el("span", "m sev-" + p.s, p.t);
      m.id = "m" + p.n;
      m.appendChild(el("sup", null, String(p.n)));
      m.addEventListener("click", () => focusFinding(p.n, false));
      draft.appendChild(m);
    });
    if (file.empty) draft.appendChild(el("div", "unreadable", "稿件没有文字内容，请核对是否选错文件。"));
    if (file.classified) draft.prepend(el("div", "unreadable", "注意：" + file.classified));
    $("#count").textContent = "（" + file.findings.length + " 处）";
    $("#verdict").textContent = "建议结论：" + file.conclusion + "。" + file.reason;
    if (file.foreign_review) $("#verdict").textContent += "（所附审核记录来自另一台电脑，无法对应，已忽略）";
    file.findings.forEach((f) => list.appendChild(findingItem(file, f)));
    markDecided(file);
    $("#sheet").hidden = false;
  }

  function markDecided(file) {
    file.findings.forEach((f) => {
      const m = document.getElementById("m" + f.n);
      if (m) m.classList.toggle("done", !!f.decision && f.decision.decision !== "confirm");
    });
  }

  function focusFinding(n, scrollDraft) {
    const item = document.getElementById("f" + n);
    const mark = document.getElementById("m" + n);
    if (scrollDraft && mark) {
      mark.scrollIntoView({ behavior: "smooth", block: "center" });
      mark.classList.add("flash");
      setTimeout(() => mark.classList.remove("flash"), 1500);
    }
    if (!scrollDraft && item) item.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }

  const CHOICES = [["confirm", "确认需修改"], ["false-positive", "误报"], ["handled", "已按要求处理"]];

  function findingItem(file, f, decidable = true) {
    const li = el("li", "sev-" + f.severity);
    li.id = "f" + f.n;
    li.appendChild(el("div", "head", f.n + ". " + f.label + "（" + f.severity_zh + "）　" + f.where));
    const v = el("div", null, "内容：");
    v.appendChild(el("span", "value", f.text));
    li.appendChild(v);
    li.appendChild(el("div", "why", "原因：" + f.why));
    li.appendChild(el("div", "advice", "建议：" + f.suggestion));
    li.addEventListener("click", (ev) => { if (!ev.target.closest(".decide")) focusFinding(f.n, true); });
    if (!decidable) return li;
    const box = el("div", "decide");
    const name = "d" + file.id + "-" + f.n;
    CHOICES.forEach(([value, label]) => {
      const lab = el("label");
      const r = el("input");
      r.type = "radio"; r.name = name; r.value = value;
      if (f.decision && f.decision.decision === value) r.checked = true;
      lab.appendChild(r); lab.appendChild(document.createTextNode(label));
      box.appendChild(lab);
    });
    const reason = el("input", "reason");
    reason.placeholder = "理由（标为误报时必填）";
    reason.maxLength = 500;
    if (f.decision) reason.value = f.decision.reason;
    box.appendChild(reason);
    const save = el("button", null, "保存结论");
    save.type = "button";
    box.appendChild(save);
    const saved = el("div", "saved");
    box.appendChild(saved);
    const show = (d) => {
      saved.className = "saved" + (d && d.decision === "false-positive" ? " fp" : "");
      saved.textContent = d ? "已记录：" + d.label + (d.reason ? "（" + d.reason + "）" : "") +
        (d.reviewer ? "　审核人：" + d.reviewer : "") + "　" + d.time : "";
    };
    show(f.decision);
    save.addEventListener("click", async () => {
      const picked = box.querySelector("input[type=radio]:checked");
      if (!picked) { saved.className = "saved error"; saved.textContent = "请选择审核结论"; return; }
      if (picked.value === "false-positive" && !reason.value.trim()) {
        saved.className = "saved error"; saved.textContent = "标为误报须填写理由"; reason.focus(); return;
      }
      const res = await postJSON("/ui/decide", {
        file: file.id, n: f.n, decision: picked.value, reason: reason.value,
        reviewer: $("#reviewer").value,
      });
      if (!res.ok) { saved.className = "saved error"; saved.textContent = await errorOf(res); return; }
      const updated = (await res.json()).file;
      const i = state.files.findIndex((x) => x.id === file.id);
      state.files[i] = updated;
      const nf = updated.findings[f.n - 1];
      f.decision = nf.decision;
      show(nf.decision);
      markDecided(updated);
    });
    li.appendChild(box);
    return li;
  }

  // --- downloads -------------------------------------------------------------
  function filenameOf(res, fallback) {
    const cd = res.headers.get("Content-Disposition") || "";
    const m = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    return m ? decodeURIComponent(m[1]) : fallback;
  }

  document.querySelectorAll("button[data-download]").forEach((b) => b.addEventListener("click", async () => {
    const kind = b.dataset.download;
    const file = fileById(state.current);
    if (!file) return;
    const fields = {};
    new FormData($("#sheet-form")).forEach((value, key) => { fields[key] = value; });
    const url = kind === "redacted" ? "/ui/redacted" : kind === "review" ? "/ui/review" : "/ui/sheet";
    b.disabled = true;
    try {
      const res = await postJSON(url, { file: file.id, format: kind, fields: fields });
      if (!res.ok) { status(await errorOf(res), true); return; }
      const blob = await res.blob();
      const a = el("a");
      a.href = URL.createObjectURL(blob);
      a.download = filenameOf(res, "download");
      document.body.appendChild(a);
      a.click();
      setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
      status("已下载：" + a.download);
    } finally { b.disabled = false; }
  }));
})();
