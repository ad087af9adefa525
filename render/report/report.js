/* mra-graph report viewer: search, click-to-highlight in the diagram, staffing year toggle.
   Plain JavaScript, no libraries, no requests: it reads the JSON in #report-data. */
(function () {
  "use strict";
  var dataElement = document.getElementById("report-data");
  if (!dataElement) { return; }
  var data = JSON.parse(dataElement.textContent);
  var t = data.phrases;
  var byId = {};
  data.index.forEach(function (entry) { byId[entry.id] = entry; });

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[^0-9a-z]+/g, " ").trim().replace(/^(de|het|the|een|a|an) /, "");
  }
  data.index.forEach(function (entry) { entry.folded = entry.names.map(fold); });

  var svg = document.querySelector(".diagram svg");
  var panel = document.getElementById("selected-card");
  var panelEmpty = document.querySelector(".selected-empty");
  var panelActions = document.querySelector(".selected-actions");
  var panelTitle = document.getElementById("selected-title");
  var gotoLink = document.getElementById("selected-goto");
  var selected = null;

  function diagramNode(id) {
    return svg ? svg.querySelector("#" + CSS.escape("node-" + id)) : null;
  }

  function clearSelection() {
    selected = null;
    if (svg) {
      svg.classList.remove("has-selection");
      svg.querySelectorAll(".is-selected, .is-neighbour, .is-related").forEach(function (el) {
        el.classList.remove("is-selected", "is-neighbour", "is-related");
      });
      svg.querySelectorAll("g.node[aria-pressed]").forEach(function (el) { el.setAttribute("aria-pressed", "false"); });
    }
    document.querySelectorAll(".card.is-selected").forEach(function (el) { el.classList.remove("is-selected"); });
    if (panel) {
      panel.textContent = "";
      panelEmpty.hidden = false;
      panelActions.hidden = true;
      panelTitle.textContent = panelEmpty.textContent;
    }
  }

  function select(id) {
    if (!byId[id]) { return; }
    clearSelection();
    selected = id;
    var related = [];
    Object.keys(data.relations).forEach(function (relationId) {
      var ends = data.relations[relationId];
      if (ends[0] === id || ends[1] === id) { related.push([relationId, ends[0] === id ? ends[1] : ends[0]]); }
    });
    if (svg) {
      svg.classList.add("has-selection");
      var node = diagramNode(id);
      if (node) { node.classList.add("is-selected"); if (node.getAttribute("role") === "button") { node.setAttribute("aria-pressed", "true"); } }
      related.forEach(function (pair) {
        var edge = svg.querySelector("#" + CSS.escape("edge-" + pair[0]));
        if (edge) { edge.classList.add("is-related"); }
        var other = diagramNode(pair[1]);
        if (other) { other.classList.add("is-neighbour"); }
      });
    }
    var card = document.getElementById("card-" + id);
    if (card) { card.classList.add("is-selected"); }
    if (panel && card) {
      var copy = card.cloneNode(true);
      copy.removeAttribute("id");
      copy.removeAttribute("aria-labelledby");
      copy.classList.remove("is-selected");
      copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
      var heading = copy.querySelector(".card-title");
      if (heading) {
        var replacement = document.createElement("p");
        replacement.className = "card-title";
        replacement.innerHTML = heading.innerHTML;
        heading.replaceWith(replacement);
      }
      copy.querySelectorAll("h3, h4, h5, h6").forEach(function (h) {
        var p = document.createElement("p");
        p.className = h.className;
        p.innerHTML = h.innerHTML;
        h.replaceWith(p);
      });
      panel.appendChild(copy);
      panelEmpty.hidden = true;
      panelActions.hidden = false;
      panelTitle.textContent = byId[id].label;
      gotoLink.setAttribute("href", "#card-" + id);
    }
  }

  /* the diagram: every node that has a card becomes a button */
  if (svg) {
    /* a picture with controls inside is a group, no longer a single image */
    svg.setAttribute("role", "group");
    svg.querySelectorAll("g.node[id^='node-']").forEach(function (g) {
      var id = g.id.slice(5);
      if (!byId[id]) { return; }
      /* a member drawn inside its group's box stays clickable, but only the group is a
         button: a button inside a button is lost on keyboard and screen-reader users,
         who reach the member's card from the list of cards */
      var part = g.parentNode && g.parentNode.closest && g.parentNode.closest("g.node[id^='node-']");
      if (!part) {
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", byId[id].label);
        g.setAttribute("aria-pressed", "false");
      }
      g.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        if (selected === id) { clearSelection(); } else { select(id); }
      });
      g.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          if (selected === id) { clearSelection(); } else { select(id); }
        }
      });
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && selected) { clearSelection(); }
  });
  var clearButton = document.getElementById("selected-clear");
  if (clearButton) { clearButton.addEventListener("click", clearSelection); }

  /* fit the diagram to the page, or show it at its own size in a scrolling frame */
  var zoom = document.getElementById("diagram-zoom");
  var frame = document.getElementById("diagram-frame");
  if (zoom && frame) {
    zoom.addEventListener("click", function () {
      var on = !frame.classList.contains("is-zoomed");
      frame.classList.toggle("is-zoomed", on);
      zoom.setAttribute("aria-pressed", on ? "true" : "false");
      zoom.textContent = zoom.getAttribute(on ? "data-zoom-out" : "data-zoom-in");
    });
  }

  /* links to a card also select it in the diagram */
  window.addEventListener("hashchange", function () {
    var match = /^#card-(.+)$/.exec(decodeURIComponent(location.hash));
    if (match && byId[match[1]]) { select(match[1]); }
  });

  /* search by any name or alias */
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var scored = [];
    data.index.forEach(function (entry) {
      var best = -1;
      entry.folded.forEach(function (name) {
        if (name === q) { best = Math.max(best, 3); }
        else if (name.indexOf(q) === 0) { best = Math.max(best, 2); }
        else if (name.indexOf(" " + q) >= 0) { best = Math.max(best, 1); }
        else if (name.indexOf(q) >= 0) { best = Math.max(best, 0); }
      });
      if (best >= 0) { scored.push([best, entry]); }
    });
    scored.sort(function (a, b) { return b[0] - a[0] || a[1].label.localeCompare(b[1].label); });
    return scored.map(function (pair) { return pair[1]; });
  }
  function show(found) {
    results.textContent = "";
    found.slice(0, 15).forEach(function (entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = "#" + entry.anchor;
      a.setAttribute("data-node", entry.id);
      a.textContent = entry.label;
      var what = document.createElement("span");
      what.className = "what";
      what.textContent = entry.what;
      a.appendChild(what);
      a.addEventListener("click", function () { select(entry.id); results.hidden = true; });
      li.appendChild(a);
      results.appendChild(li);
    });
    results.hidden = !input.value.trim();
    if (input.value.trim() && !found.length) {
      var li = document.createElement("li");
      li.className = "none";
      li.textContent = t.search_none;
      results.appendChild(li);
    }
    status.textContent = input.value.trim() ? (found.length ? t.search_count.replace("{n}", found.length) : t.search_none) : "";
  }
  if (input) {
    input.addEventListener("input", function () { show(search(input.value)); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = results.querySelector("a");
        if (first) { event.preventDefault(); first.click(); location.hash = first.getAttribute("href"); }
      } else if (event.key === "ArrowDown") {
        var link = results.querySelector("a");
        if (link) { event.preventDefault(); link.focus(); }
      } else if (event.key === "Escape") {
        input.value = ""; show([]);
      }
    });
    results.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(results.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); if (at > 0) { links[at - 1].focus(); } else { input.focus(); } }
      if (event.key === "Escape") { input.focus(); results.hidden = true; }
    });
  }

  /* staffing table: both years, or one */
  document.querySelectorAll("input[name='staffing-year']").forEach(function (radio) {
    radio.addEventListener("change", function () {
      var year = radio.value;
      document.querySelectorAll("#staffing-table .year").forEach(function (cell) {
        var own = cell.getAttribute("data-year");
        cell.classList.toggle("is-hidden", year !== "all" && own !== year);
        cell.classList.toggle("is-shown", year !== "all" && own === year);
      });
    });
  });
})();
