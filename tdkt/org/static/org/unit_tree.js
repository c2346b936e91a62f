/* The unit tree: filter as one types (the rule of the app's search: every typed word starts a word of the unit's
   name, diacritics optional, a typed letter mark narrows) and open the tree down to a level. Without this script the
   tree still folds (<details>) and the filter box asks the server. */
(function () {
  "use strict";
  var tree = document.getElementById("unit-tree");
  if (!tree) return;
  var input = document.getElementById("id_tree_q");
  var levels = document.getElementById("unit-tree-levels");
  var none = document.getElementById("unit-tree-none");
  var items = Array.prototype.slice.call(tree.querySelectorAll("li[data-depth]"));
  if (!items.length) return;
  var base = Math.min.apply(null, items.map(function (li) { return Number(li.dataset.depth); }));
  var LETTER_MARKS = { "a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư" };
  var FOLD = { "ă": "a", "â": "a", "đ": "d", "ê": "e", "ô": "o", "ơ": "o", "ư": "u" };
  var KEPT = /^[a-z0-9ăâđêôơư]$/;

  function marked(token) { // tones dropped, letter marks kept, punctuation left out (vntext.base_letters)
    var out = "";
    Array.from(token.normalize("NFC").toLowerCase()).forEach(function (ch) {
      var d = ch.normalize("NFD"), letter = d[0];
      for (var k = 1; k < d.length; k++) letter = LETTER_MARKS[letter + d[k]] || letter;
      if (KEPT.test(letter)) out += letter;
    });
    return out;
  }
  function fold(word) { return word.replace(/[ăâđêôơư]/g, function (c) { return FOLD[c]; }); }

  var words = new Map(items.map(function (li) {
    return [li, (li.dataset.words || "").split(" ").filter(Boolean).map(function (pair) {
      var i = pair.indexOf(":");
      return { folded: pair.slice(0, i), marked: pair.slice(i + 1) };
    })];
  }));

  function matches(li, query) {
    return query.every(function (q) {
      return words.get(li).some(function (w) {
        if (w.folded.indexOf(q.folded) !== 0) return false;
        for (var i = 0; i < q.marked.length; i++) {
          if (FOLD[q.marked[i]] && w.marked[i] !== q.marked[i]) return false; // a typed mark must be there
        }
        return true;
      });
    });
  }

  var saved = null; // which levels were open before the filter (given back when the box is emptied)
  function filter() {
    var query = input.value.split(/\s+/).map(marked).filter(Boolean).map(function (m) { return { folded: fold(m), marked: m }; });
    if (query.length && !saved) saved = items.map(function (li) { var d = li.querySelector(":scope > details"); return d && d.open; });
    if (!query.length && saved) {
      items.forEach(function (li, i) { var d = li.querySelector(":scope > details"); if (d) d.open = saved[i]; });
      saved = null;
    }
    var shown = 0;
    for (var n = items.length - 1; n >= 0; n--) { // children come after their parent: walk up from the leaves
      var li = items[n];
      var childShown = Array.prototype.some.call(li.querySelectorAll(":scope > details > ul > li"), function (c) { return !c.hidden; });
      var self = !query.length || matches(li, query);
      li.hidden = !(self || childShown);
      if (!li.hidden) shown++;
      var details = li.querySelector(":scope > details");
      if (details && query.length) details.open = childShown;
    }
    none.hidden = shown > 0;
  }

  function openTo(depth) {
    items.forEach(function (li) {
      var details = li.querySelector(":scope > details");
      if (details) details.open = Number(li.dataset.depth) - base < depth;
    });
  }

  input.addEventListener("input", filter);
  levels.hidden = false;
  levels.addEventListener("click", function (event) {
    var button = event.target.closest("[data-open-depth]");
    if (button) { saved = null; openTo(Number(button.dataset.openDepth)); }
  });
})();
