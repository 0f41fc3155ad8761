// mentorlog's offline search: the index arrives as a script (window.MENTORLOG_SEARCH), so
// it works on any static host and from file:// where fetch() is not allowed.
(function () {
  "use strict";
  var docs = window.MENTORLOG_SEARCH || [];
  var input = document.getElementById("q");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list || !status) { return; }

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  var folded = docs.map(function (d) {
    return { t: fold(d.t), k: fold(d.k), x: fold(d.x) };
  });

  function count(haystack, word) {
    var n = 0, at = haystack.indexOf(word);
    while (at !== -1 && n < 20) { n += 1; at = haystack.indexOf(word, at + word.length); }
    return n;
  }

  function snippet(text, word) {
    var at = fold(text).indexOf(word);
    if (at === -1) { return text.slice(0, 160); }
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(function (w) { return w.length > 0; });
    list.textContent = "";
    if (words.length === 0) { status.textContent = docs.length + " sessions to search."; return; }
    var hits = [];
    folded.forEach(function (f, i) {
      var score = 0;
      for (var w = 0; w < words.length; w += 1) {
        var s = 6 * count(f.t, words[w]) + 4 * count(f.k, words[w]) + count(f.x, words[w]);
        if (s === 0) { return; }
        score += s;
      }
      hits.push({ i: i, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    status.textContent = hits.length === 0 ? "No session mentions “" + query + "”." :
      hits.length + (hits.length === 1 ? " session" : " sessions") + " found.";
    hits.slice(0, 50).forEach(function (hit) {
      var d = docs[hit.i];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.u;
      a.textContent = d.t;
      var meta = document.createElement("span");
      meta.className = "muted";
      meta.textContent = " " + d.d + (d.k ? " · " + d.k : "");
      var p = document.createElement("p");
      p.textContent = d.x ? snippet(d.x, words[0]) : "";
      li.appendChild(a);
      li.appendChild(meta);
      if (p.textContent) { li.appendChild(p); }
      list.appendChild(li);
    });
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  search(input.value);
  input.addEventListener("input", function () { search(input.value); });
  input.form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
  });
})();
