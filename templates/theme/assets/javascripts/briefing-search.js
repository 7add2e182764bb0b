/* The site's search box (templates/theme/partials/briefing-search.html).
 *
 * The index is briefing/publish/search.py's: scripts that call briefingSearch.meta / .shard /
 * .page, loaded with <script> tags, so the same search works from a server and from
 * file:// (an unzipped copy, a file share), where fetch() is refused. A query loads the
 * page list once, then only the shards of its keys, then the text of the results shown.
 *
 * normalise, foldPlural, tokens and shardOf repeat briefing/publish/searchtext.py rule for rule
 * (tests/test_search.py compares them on the site's own texts).
 *
 * Results are built with textContent and <mark> elements, never from markup: the index
 * holds the pages' text, and text never becomes HTML here.
 */
(function () {
  "use strict";

  var HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff";
  var WORD = "0-9a-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f";
  var SPACE = " \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200b\\u2028\\u2029\\u202f" +
    "\\u205f\\u3000\\ufeff";
  var QUOTES = "\"'\\u2018\\u2019\\u201c\\u201d\\u300a-\\u300f\\uff02\\uff07";
  var TOKEN = "([" + HAN + "])|([" + WORD + "]+(?:['\\u2019][" + WORD + "]+)*)|([" +
    QUOTES + "]+)|([^" + HAN + WORD + SPACE + QUOTES + "]+)";
  var IS_HAN = new RegExp("^[" + HAN + "]");
  var SPACES = new RegExp("[" + SPACE + "]+", "u");
  var APOSTROPHES = /['\u2019]/g;
  var PAGE_SIZE = 10;
  var SNIPPETS = 3;

  var t2s = new Map();

  function normalise(text) {
    var out = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
      if (c >= 65 && c <= 90) c += 32;
      var ch = String.fromCharCode(c);
      out.push(t2s.get(ch) || ch);
    }
    return out.join("");
  }

  function foldPlural(word) {
    if (word.length <= 3) return word;
    if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + "y";
    if (/(sses|xes|ches|shes|zzes)$/.test(word)) return word.slice(0, -2);
    if (/(ss|us|is)$/.test(word)) return word;
    if (/s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  function tokens(text, position) {
    var found = [];
    var gap = false;
    var lastEnd = -1;
    var re = new RegExp(TOKEN, "gu");
    var match;
    var normal = normalise(text);
    while ((match = re.exec(normal)) !== null) {
      var end = match.index + match[0].length;
      if (match[3]) {
        if (lastEnd === match.index) lastEnd = end;
      } else if (match[1] || match[2]) {
        var value = match[1] || foldPlural(match[2].replace(APOSTROPHES, ""));
        found.push({kind: match[1] ? "han" : "word", value: value, position: position,
                    begin: match.index, end: end, joins: !!match[1] && lastEnd === match.index});
        position += 1;
        gap = false;
        lastEnd = match[1] ? end : -1;
      } else {
        lastEnd = -1;
        if (!gap) {
          position += 1;
          gap = true;
        }
      }
    }
    return {tokens: found, next: position};
  }

  function shardOf(key, shards) {
    var prefix = Array.from(key).slice(0, IS_HAN.test(key) ? 1 : 2);
    var h = 2166136261;
    for (var i = 0; i < prefix.length; i++) {
      h = Math.imul(h ^ prefix[i].codePointAt(0), 16777619) >>> 0;
    }
    return h % shards;
  }

  /* --- loading the index ------------------------------------------------------------ */

  var loaded = {};
  var waiting = {};
  var indexRoot = "";

  function arrived(name, data) {
    if (waiting[name]) waiting[name](data);
  }

  window.briefingSearch = {
    meta: function (data) { arrived("meta", data); },
    shard: function (n, data) { arrived("t" + n, data); },
    page: function (n, data) { arrived("p" + n, data); },
    // For tests/test_search.py: the same rules, run in the browser.
    rules: {normalise: normalise, foldPlural: foldPlural, tokens: tokens, shardOf: shardOf,
            useTable: function (pairs) { setTable(pairs); }}
  };

  function load(name, src) {
    if (!loaded[name]) {
      loaded[name] = new Promise(function (resolve, reject) {
        waiting[name] = resolve;
        var script = document.createElement("script");
        script.src = indexRoot + src;
        script.onload = function () { script.remove(); };
        script.onerror = function () {
          delete loaded[name];
          script.remove();
          reject(new Error("could not load " + src));
        };
        document.head.appendChild(script);
      });
    }
    return loaded[name];
  }

  function setTable(pairs) {
    t2s = new Map();
    var chars = Array.from(pairs);
    for (var i = 0; i + 1 < chars.length; i += 2) t2s.set(chars[i], chars[i + 1]);
  }

  var metaPromise = null;
  function loadMeta() {
    if (!metaPromise) {
      metaPromise = load("meta", "meta.js").then(function (meta) {
        setTable(meta.t2s);
        var total = 0;
        meta.pages.forEach(function (p) { total += p[2]; });
        meta.averageLength = total / Math.max(1, meta.pages.length);
        meta.titleLength = meta.pages.map(function (p) { return tokens(p[1], 0).next; });
        return meta;
      }, function (error) { metaPromise = null; throw error; });
    }
    return metaPromise;
  }

  /* --- matching ---------------------------------------------------------------------- */

  // What a phrase needs: keys (or, for a lone Han character, a key's first character)
  // at positions relative to the phrase's start.
  function requirements(phrase) {
    var found = tokens(phrase, 0).tokens;
    if (!found.length) return null;
    var first = found[0].position;
    var needs = [];
    for (var i = 0; i < found.length; i++) {
      var t = found[i], next = found[i + 1];
      var rel = t.position - first;
      if (t.kind === "word") {
        needs.push({key: t.value, rel: rel});
      } else if (next && next.joins) {
        needs.push({key: t.value + next.value, rel: rel});
      } else if (!t.joins) {
        needs.push({key: t.value, rel: rel, prefix: true});
      }
    }
    return {needs: needs, span: found[found.length - 1].position - first + 1};
  }

  function decode(flat, into) {
    var page = 0, i = 0;
    while (i < flat.length) {
      page += flat[i];
      var count = flat[i + 1];
      i += 2;
      var positions = into.get(page) || [];
      var at = 0;
      for (var k = 0; k < count; k++) { at += flat[i + k]; positions.push(at); }
      i += count;
      into.set(page, positions);
    }
    return into;
  }

  function postings(need, shard) {
    var found = new Map();
    if (!need.prefix) {
      if (shard[need.key]) decode(shard[need.key], found);
      return found;
    }
    Object.keys(shard).forEach(function (key) {
      if (key.charAt(0) === need.key) decode(shard[key], found);
    });
    found.forEach(function (list) { list.sort(function (a, b) { return a - b; }); });
    return found;
  }

  function contains(sorted, value) {
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) return true;
      if (sorted[mid] < value) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  // page -> [[start, span]...] where the phrase occurs.
  function matchPhrase(meta, phrase) {
    var wanted = requirements(phrase);
    if (!wanted) return Promise.resolve(null);
    var shards = wanted.needs.map(function (need) { return shardOf(need.key, meta.shards); });
    return Promise.all(shards.map(function (n) { return load("t" + n, "t/" + n + ".js"); }))
      .then(function (loadedShards) {
        var lists = wanted.needs.map(function (need, i) {
          return {rel: need.rel, pages: postings(need, loadedShards[i])};
        });
        lists.sort(function (a, b) { return a.pages.size - b.pages.size; });
        var hits = new Map();
        lists[0].pages.forEach(function (positions, page) {
          var others = lists.slice(1).map(function (l) { return l.pages.get(page); });
          if (others.some(function (o) { return !o; })) return;
          var starts = [];
          positions.forEach(function (p) {
            var start = p - lists[0].rel;
            var ok = others.every(function (o, j) {
              return contains(o, start + lists[j + 1].rel);
            });
            if (ok) starts.push([start, wanted.span]);
          });
          if (starts.length) hits.set(page, starts);
        });
        return hits;
      });
  }

  // Every phrase on the page; hits of all of them.
  function matchAll(meta, phrases) {
    return Promise.all(phrases.map(function (p) { return matchPhrase(meta, p); }))
      .then(function (each) {
        each = each.filter(Boolean);
        if (!each.length) return new Map();
        var result = new Map();
        each[0].forEach(function (starts, page) {
          if (!each.every(function (m) { return m.has(page); })) return;
          var all = [];
          each.forEach(function (m) { all = all.concat(m.get(page)); });
          all.sort(function (a, b) { return a[0] - b[0]; });
          result.set(page, all);
        });
        return result;
      });
  }

  // A part with no exact match, cut at the dictionary's terms (the glossary and the
  // taxonomy's phrases, the jieba user dictionary): longest term first, from the left.
  function segment(part, terms) {
    var normal = normalise(part);
    var pieces = [], rest = "", i = 0;
    while (i < normal.length) {
      var best = "";
      terms.forEach(function (term) {
        if (term.length > best.length && normal.startsWith(term, i)) best = term;
      });
      if (best) {
        if (rest) pieces.push(rest);
        rest = "";
        pieces.push(best);
        i += best.length;
      } else {
        rest += normal.charAt(i);
        i += 1;
      }
    }
    if (rest) pieces.push(rest);
    return pieces;
  }

  function search(meta, query) {
    var parts = query.split(SPACES).filter(Boolean);
    var attempts = [{phrases: [query], whole: true}];
    if (parts.length > 1) attempts.push({phrases: parts});
    var pieces = [].concat.apply([], parts.map(function (p) { return segment(p, meta.terms); }));
    if (pieces.length > parts.length) attempts.push({phrases: pieces});
    var i = 0;
    function next() {
      var attempt = attempts[i];
      return matchAll(meta, attempt.phrases).then(function (hits) {
        if (hits.size || i === attempts.length - 1) {
          return {hits: hits, phrases: attempt.phrases, whole: !!attempt.whole};
        }
        i += 1;
        return next();
      });
    }
    return next();
  }

  function ranked(meta, hits) {
    var scored = [];
    hits.forEach(function (starts, page) {
      var inTitle = starts.some(function (s) { return s[0] < meta.titleLength[page]; });
      var length = meta.pages[page][2] / meta.averageLength;
      var tf = starts.length;
      scored.push({page: page, starts: starts,
                   score: (inTitle ? 3 : 0) + tf / (tf + 1.2 * (0.25 + 0.75 * length))});
    });
    scored.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return scored;
  }

  /* --- showing results ------------------------------------------------------------- */

  // Where each hit falls: its section and the characters to mark.
  function sectionHits(sections, starts) {
    var position = 0;
    return sections.map(function (section) {
      var t = tokens(section[1], position);
      var byPosition = new Map();
      t.tokens.forEach(function (token) { byPosition.set(token.position, token); });
      var marks = [];
      starts.forEach(function (s) {
        if (s[0] < position || s[0] >= t.next) return;
        var a = byPosition.get(s[0]), b = byPosition.get(s[0] + s[1] - 1);
        if (a && b) marks.push([a.begin, b.end]);
      });
      position = t.next + 1;
      return {anchor: section[0], text: section[1], marks: marks};
    });
  }

  function marked(text, marks, from, to) {
    var fragment = document.createDocumentFragment();
    var at = from;
    if (from > 0) fragment.appendChild(document.createTextNode("…"));
    marks.forEach(function (m) {
      if (m[0] < at || m[1] > to) return;
      fragment.appendChild(document.createTextNode(text.slice(at, m[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      fragment.appendChild(mark);
      at = m[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(at, to)));
    if (to < text.length) fragment.appendChild(document.createTextNode("…"));
    return fragment;
  }

  function snippet(section) {
    var first = section.marks[0];
    var from = Math.max(0, first[0] - 30);
    var to = Math.min(section.text.length, Math.max(from + 140, first[1] + 20));
    return marked(section.text, section.marks, from, to);
  }

  function Widget(form) {
    this.form = form;
    this.input = form.querySelector("input");
    this.panel = form.querySelector(".briefing-search__panel");
    this.status = form.querySelector(".briefing-search__status");
    this.list = form.querySelector(".briefing-search__list");
    this.more = form.querySelector(".briefing-search__more");
    this.text = form.dataset;
    this.root = form.dataset.root;
    this.serial = 0;
    this.results = [];
    this.shown = 0;
    this.started = null;
    var self = this;
    var timer = null;
    this.input.addEventListener("input", function () {
      // From the first keystroke to the results shown: the wait a reader sees
      // (data-ms, read by benchmarks/search.py; data-done names the query shown).
      if (self.started === null) self.started = performance.now();
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 120);
    });
    this.input.addEventListener("focus", function () {
      loadMeta().catch(function () {});
      if (self.input.value.trim()) self.open();
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = self.list.querySelector("a");
      if (first) first.click();
    });
    form.addEventListener("keydown", function (event) { self.key(event); });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) self.close();
    });
    this.more.addEventListener("click", function () { self.showMore(true); });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName);
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        self.input.focus();
      }
    });
  }

  Widget.prototype.open = function () {
    this.panel.hidden = false;
  };

  Widget.prototype.close = function () {
    this.panel.hidden = true;
  };

  Widget.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Widget.prototype.done = function (query) {
    if (this.started !== null) {
      this.form.dataset.ms = String(Math.round(performance.now() - this.started));
    }
    this.started = null;
    this.form.dataset.done = query;
  };

  Widget.prototype.run = function () {
    var self = this;
    var query = this.input.value.trim();
    var serial = ++this.serial;
    if (!query) {
      this.list.replaceChildren();
      this.more.hidden = true;
      this.say("");
      this.close();
      this.done("");
      return;
    }
    this.open();
    this.say(this.text.searching);
    loadMeta().then(function (meta) {
      return search(meta, query).then(function (found) {
        if (serial !== self.serial) return;
        self.meta = meta;
        self.results = ranked(meta, found.hits);
        self.shown = 0;
        self.list.replaceChildren();
        if (!self.results.length) {
          self.say(self.text.none.replace("{query}", query));
          self.more.hidden = true;
          self.done(query);
          return;
        }
        var count = self.text.found.replace("{n}", self.results.length);
        self.say(found.whole ? count : self.text.parts
          .replace("{parts}", found.phrases.join(" · ")) + " " + count);
        return self.showMore(false).then(function () {
          if (serial === self.serial) self.done(query);
        });
      });
    }).catch(function () {
      if (serial === self.serial) {
        self.say(self.text.failed);
        self.done(query);
      }
    });
  };

  Widget.prototype.showMore = function (focus) {
    var self = this;
    var batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    var serial = this.serial;
    this.shown += batch.length;
    return Promise.all(batch.map(function (r) { return load("p" + r.page, "p/" + r.page + ".js"); }))
      .then(function (texts) {
        if (serial !== self.serial) return;
        var firstLink = null;
        batch.forEach(function (r, i) {
          var item = self.item(r, texts[i]);
          self.list.appendChild(item);
          firstLink = firstLink || item.querySelector("a");
        });
        self.more.hidden = self.shown >= self.results.length;
        if (focus && firstLink) firstLink.focus();
      });
  };

  Widget.prototype.item = function (result, sections) {
    var url = this.root + this.meta.pages[result.page][0];
    var parts = sectionHits(sections, result.starts);
    var item = document.createElement("li");
    item.className = "briefing-search__result";
    var title = document.createElement("a");
    title.className = "briefing-search__title";
    var body = parts.slice(1).filter(function (p) { return p.marks.length; });
    var firstAnchor = body.filter(function (p) { return p.anchor; })[0];
    title.href = url + (firstAnchor && !parts[0].marks.length ? "#" + firstAnchor.anchor : "");
    title.appendChild(marked(parts[0].text, parts[0].marks, 0, parts[0].text.length));
    item.appendChild(title);
    if (body.length) {
      var list = document.createElement("ul");
      body.slice(0, SNIPPETS).forEach(function (part) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.className = "briefing-search__snippet";
        link.href = url + (part.anchor ? "#" + part.anchor : "");
        link.appendChild(snippet(part));
        li.appendChild(link);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    return item;
  };

  // Arrow keys move between the box and the results, Escape closes and returns to the box.
  Widget.prototype.key = function (event) {
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "Escape") {
      this.close();
      this.input.focus();
      event.preventDefault();
    } else if (event.key === "ArrowDown" && links.length) {
      links[Math.min(at + 1, links.length - 1)].focus();
      event.preventDefault();
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? this.input : links[at - 1]).focus();
      event.preventDefault();
    }
  };

  function start() {
    var form = document.querySelector("form.briefing-search");
    if (!form) return;
    indexRoot = form.dataset.root + "search/";
    form.hidden = false;
    window.briefingSearch.widget = new Widget(form);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
