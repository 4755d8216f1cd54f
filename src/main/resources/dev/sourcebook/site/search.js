// The search page: finds quotes, names and titles in search-index.js, in this page only.
// Every value is data: shown with textContent, never as HTML.
(function () {
  "use strict";
  var entries = window.SOURCEBOOK_SEARCH || [];
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var LIMIT = 100;

  function fold(s) {
    return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, "\"").replace(/[\u2010-\u2015]/g, "-");
  }

  var folded = entries.map(function (e) { return fold(e.t + " \u0000 " + e.s); });

  function show(query) {
    list.textContent = "";
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    if (query.trim().length < 2) {
      status.textContent = "Type two letters or more. The search runs in this page; nothing is sent anywhere.";
      return;
    }
    var found = 0;
    for (var i = 0; i < entries.length; i++) {
      var text = folded[i];
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) continue;
      found++;
      if (found > LIMIT) continue;
      var e = entries[i];
      var li = document.createElement("li");
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = e.k + " ";
      var a = document.createElement("a");
      a.href = e.h;
      a.textContent = e.k === "statement" ? "\u201c" + e.t + "\u201d" : e.t;
      li.appendChild(what);
      li.appendChild(a);
      if (e.s) {
        var more = document.createElement("span");
        more.textContent = e.k === "statement" ? " \u2013 " + e.s : " (" + e.s + ")";
        li.appendChild(more);
      }
      list.appendChild(li);
    }
    status.textContent = found === 0 ? "Nothing found." : found > LIMIT ? found + " found; the first " + LIMIT + " are shown." : found + " found.";
  }

  input.addEventListener("input", function () { show(input.value); });
  document.getElementById("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); show(input.value); });
  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); show(input.value); }
})();
