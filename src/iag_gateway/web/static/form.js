/* Stream a template's answer into the page (progressive enhancement; no build step).
 * Without this script the form posts normally and the server answers with the whole page. */
(function () {
  "use strict";

  const form = document.getElementById("formulaire-modele");
  if (!form || !window.fetch || !window.ReadableStream || !window.TextDecoder) {
    return;
  }
  const $ = (id) => document.getElementById(id);
  const section = $("reponse");
  const answerBox = $("reponse-texte");
  const status = $("etat");
  const submit = $("envoyer");
  const copyButton = $("copier");
  const reviewForm = $("relecture");
  const feedbackForm = $("avis");
  const csrf = form.elements.namedItem("csrf_token").value;
  let answer = answerBox.textContent;

  function setText(id, text) {
    const node = $(id);
    if (node) { node.textContent = text || ""; }
  }

  function clearErrors() {
    const summary = $("resume-erreurs");
    summary.hidden = true;
    document.title = document.title.replace(/^Erreur : /, "");
    $("resume-erreurs-liste").textContent = "";
    form.querySelectorAll(".field-invalid").forEach((block) => block.classList.remove("field-invalid"));
    form.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
    form.querySelectorAll(".field-error").forEach((p) => { p.textContent = ""; p.hidden = true; });
  }

  function showErrors(title, errors) {
    const summary = $("resume-erreurs");
    const list = $("resume-erreurs-liste");
    setText("resume-erreurs-titre", title);
    list.textContent = "";
    errors.forEach((error) => {
      const item = document.createElement("li");
      const input = error.field ? $("champ-" + error.field) : null;
      const text = error.label ? error.label + " : " + error.message : error.message;
      if (input) {
        const link = document.createElement("a");
        link.href = "#champ-" + error.field;
        link.textContent = text;
        item.appendChild(link);
        input.setAttribute("aria-invalid", "true");
        $("bloc-" + error.field).classList.add("field-invalid");
        const message = $("erreur-" + error.field);
        message.textContent = error.message;
        message.hidden = false;
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
    if (!document.title.startsWith("Erreur : ")) { document.title = "Erreur : " + document.title; }
  }

  function resetAnswer() {
    answer = "";
    answerBox.textContent = "";
    ["resume-masquage", "mention-ia", "modele", "copie-etat", "relecture-etat"].forEach((id) => setText(id, ""));
    $("export-texte").value = "";
    $("export-requete").value = "";
    if (reviewForm) {
      reviewForm.hidden = true;
      $("relu").checked = false;
    }
    if (feedbackForm) {
      feedbackForm.hidden = true;
      feedbackForm.reset();
      $("avis-envoyer").disabled = false;
      setText("avis-etat", "");
    }
  }

  function showMeta(meta) {
    setText("resume-masquage", meta.masked_summary);
    setText("mention-ia", meta.ai_mention);
    setText("modele", meta.model_label);
    $("export-requete").value = meta.request_id || "";
    if (reviewForm) { $("relecture-requete").value = meta.request_id || ""; }
    if (feedbackForm) { $("avis-requete").value = meta.request_id || ""; }
  }

  function finish(ok) {
    submit.disabled = false;
    form.removeAttribute("aria-busy");
    $("export-texte").value = answer;
    if (ok) {
      status.textContent = "Réponse complète.";
      if (reviewForm) { reviewForm.hidden = false; }
      if (feedbackForm && $("avis-requete").value) { feedbackForm.hidden = false; }
    }
  }

  function handleEvent(data) {
    if (data === "[DONE]") { return true; }
    let payload;
    try { payload = JSON.parse(data); } catch (err) { return false; }
    if (payload.error) {
      status.textContent = payload.error.message || "La rédaction a été interrompue.";
      status.classList.add("status-error");
      return true;
    }
    if (payload.iag) { showMeta(payload.iag); }
    (payload.choices || []).forEach((choice) => {
      const piece = choice.delta && choice.delta.content;
      if (piece) {
        answer += piece;
        answerBox.textContent = answer;
      }
    });
    return false;
  }

  async function readStream(response) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder("utf-8");
    let buffer = "";
    let ended = false;
    while (!ended) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, "\n");
      let cut;
      while (!ended && (cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = block.split("\n").filter((l) => l.startsWith("data:"))
          .map((l) => l.slice(5).replace(/^ /, "")).join("\n");
        if (data) { ended = handleEvent(data); }
      }
    }
    return !status.classList.contains("status-error");
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors();
    resetAnswer();
    status.classList.remove("status-error");
    section.hidden = false;
    section.scrollIntoView({ block: "start" });
    status.textContent = "Rédaction en cours…";
    submit.disabled = true;
    form.setAttribute("aria-busy", "true");
    let response;
    try {
      response = await fetch(form.dataset.streamAction, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "X-CSRF-Token": csrf, "Accept": "text/event-stream" },
        credentials: "same-origin",
      });
    } catch (err) {
      status.textContent = "Le service ne répond pas. Vérifiez votre connexion et réessayez.";
      status.classList.add("status-error");
      finish(false);
      return;
    }
    const type = response.headers.get("content-type") || "";
    if (!response.ok || !type.startsWith("text/event-stream")) {
      let body = null;
      try { body = await response.json(); } catch (err) { body = null; }
      const error = (body && body.error) || { message: "Erreur inattendue (" + response.status + ")." };
      section.hidden = true;
      if (error.fields) {
        const n = error.fields.length;
        showErrors("Le formulaire contient " + n + " erreur" + (n > 1 ? "s" : ""), error.fields);
      } else {
        showErrors(error.title || "Demande refusée", [{ message: error.message }]);
      }
      finish(false);
      return;
    }
    let ok = false;
    try {
      ok = await readStream(response);
    } catch (err) {
      status.textContent = "La connexion a été interrompue pendant la rédaction.";
      status.classList.add("status-error");
    }
    finish(ok);
  });

  if (copyButton) {
    copyButton.hidden = false;
    copyButton.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(answer);
      } catch (err) {
        const area = $("export-texte");
        area.hidden = false;
        area.value = answer;
        area.select();
        document.execCommand("copy");
        area.hidden = true;
      }
      setText("copie-etat", "Texte copié dans le presse-papiers.");
    });
  }

  if (feedbackForm) {
    if (!$("avis-requete").value) { feedbackForm.hidden = true; }
    feedbackForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const state = $("avis-etat");
      try {
        const response = await fetch(feedbackForm.action, {
          method: "POST",
          body: new URLSearchParams(new FormData(feedbackForm)),
          headers: { "X-CSRF-Token": csrf, "X-Requested-With": "fetch", "Accept": "application/json" },
          credentials: "same-origin",
        });
        const body = await response.json();
        state.textContent = response.ok ? body.message : body.error.message;
        state.classList.toggle("status-error", !response.ok);
        if (response.ok) { $("avis-envoyer").disabled = true; }
      } catch (err) {
        state.textContent = "L'avis n'a pas pu être enregistré. Réessayez.";
        state.classList.add("status-error");
      }
    });
  }

  if (reviewForm) {
    if (!$("relecture-requete").value) { reviewForm.hidden = true; }
    reviewForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const state = $("relecture-etat");
      try {
        const response = await fetch(reviewForm.action, {
          method: "POST",
          body: new URLSearchParams(new FormData(reviewForm)),
          headers: { "X-CSRF-Token": csrf, "X-Requested-With": "fetch", "Accept": "application/json" },
          credentials: "same-origin",
        });
        const body = await response.json();
        state.textContent = response.ok ? body.message : body.error.message;
        state.classList.toggle("status-error", !response.ok);
        if (response.ok) { $("relecture-envoyer").disabled = true; }
      } catch (err) {
        state.textContent = "La relecture n'a pas pu être enregistrée. Réessayez.";
        state.classList.add("status-error");
      }
    });
  }
})();
