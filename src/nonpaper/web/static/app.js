// nonpaper web: quote details on click or Enter, deep links to quotes, tidy filter URLs.
// No HTML strings are built here: details are copied as DOM nodes from the server-rendered list.
(function () {
  "use strict";

  function showQuote(domId, mark) {
    var item = document.getElementById(domId);
    var panel = document.getElementById("quote-detail");
    if (!item || !panel) return;
    var facts = item.querySelector(".quote-facts");
    var body = panel.querySelector(".qd-body");
    if (!facts || !body) return;
    body.replaceChildren(facts.cloneNode(true));
    var link = document.createElement("a");
    link.href = "#" + domId;
    link.textContent = "In the list of quotes";
    var p = document.createElement("p");
    p.className = "meta";
    p.appendChild(link);
    body.appendChild(p);
    document.querySelectorAll("mark.q.selected").forEach(function (m) {
      m.classList.remove("selected");
      m.setAttribute("aria-pressed", "false");
    });
    document.querySelectorAll('mark.q[data-quote="' + domId + '"]').forEach(function (m) {
      m.classList.add("selected");
      m.setAttribute("aria-pressed", "true");
    });
    panel.classList.add("filled");
    if (mark && window.matchMedia("(max-width: 900px)").matches) {
      panel.scrollIntoView({block: "nearest"});
    }
  }

  function markOf(target) {
    return target && target.closest ? target.closest("mark.q") : null;
  }

  document.addEventListener("click", function (ev) {
    var mark = markOf(ev.target);
    if (!mark) return;
    ev.preventDefault();
    showQuote(mark.getAttribute("data-quote"), mark);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") return;
    var mark = markOf(ev.target);
    if (!mark || mark !== ev.target) return;
    ev.preventDefault();
    showQuote(mark.getAttribute("data-quote"), mark);
  });

  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;  // "JSON" opens the analysis JSON
    if (id.indexOf("quote-") !== 0) return;
    var mark = document.querySelector('mark.q[data-quote="' + CSS.escape(id) + '"]');
    showQuote(id, mark);
    if (mark) {
      mark.scrollIntoView({block: "center"});
      mark.focus({preventScroll: true});
    }
  }

  // Empty fields in GET filter forms are left out of the URL (an empty date is not a date).
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    if ((form.method || "get").toLowerCase() !== "get") return;
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && el.value === "") el.disabled = true;
    });
    setTimeout(function () {
      Array.prototype.forEach.call(form.elements, function (el) { el.disabled = false; });
    }, 0);
  });

  // The analyse form: say which file is chosen and that it replaces the pasted text.
  document.addEventListener("change", function (ev) {
    if (ev.target.id !== "a-file") return;
    var note = document.getElementById("a-file-note");
    if (note && ev.target.files.length) {
      note.textContent = ev.target.files[0].name + " (" + Math.ceil(ev.target.files[0].size / 1024) +
        " KB) will be analysed instead of the pasted text.";
    }
  });

  // "Download JSON" on an analysis the server did not store: the JSON shown on the page, as a file.
  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.download") : null;
    if (!button) return;
    var source = document.getElementById(button.getAttribute("data-for"));
    if (!source) return;
    var url = URL.createObjectURL(new Blob([source.textContent], {type: "application/json"}));
    var link = document.createElement("a");
    link.href = url;
    link.download = button.getAttribute("data-name") || "analysis.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("mark.q").forEach(function (m) { m.setAttribute("aria-pressed", "false"); });
    fromHash();
  });
})();
