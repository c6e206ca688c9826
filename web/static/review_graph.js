// The risk graph of a large chain on the review page, drawn by Cytoscape.js (canvas) at the places the
// server laid out (raw material left, contractor right). The page opens on tier x country groups: a
// group chosen (click, or a link of the table under the drawing) opens into its sites and their direct
// neighbours; a site chosen opens its details in the side panel. Zoom in, zoom out and fit are buttons
// as well as wheel and pinch. A site found by the search is opened, shown in its group, centred and
// marked. The tables under the drawing give keyboard and screen-reader users the same groups and sites,
// each level in words; without script they work as plain links.
(function () {
  "use strict";

  // The fill of each level, as app.css fills the SVG of a small chain (svg .level-N circle).
  var COLOURS = ["#c3cad3", "#7cc48a", "#f4d35e", "#f28c38", "#c62828"];
  var ACCENT = "#0b5cad";
  var ZOOM_STEP = 1.5;
  // Above this many elements Cytoscape draws a cached picture while the view moves, to stay smooth.
  var MANY = 1000;

  var data = {};  // what graph.json answered, by URL: a group opened again is drawn without a request
  var shown = null;  // {cy, container, view, group}
  var waitingSite = null;  // a found site to centre once its group is drawn
  var focusTitle = false;  // after a group opened from the table or the drawing, its title takes focus

  function graphData(url) {
    if (!data[url]) {
      data[url] = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("graph data " + response.status);
          return response.json();
        });
      data[url].catch(function () { delete data[url]; });
    }
    return data[url];
  }

  function elements(graph, themeIndex) {
    var items = [];
    var largest = 0;
    graph.edges.forEach(function (edge) { largest = Math.max(largest, edge.volume || 0); });
    graph.nodes.forEach(function (node) {
      var label = graph.view === "groups" ? node.label + " (" + node.sites + ")" : node.label;
      items.push({
        group: "nodes",
        data: {
          id: String(node.id), label: label, size: node.size, level: node.levels[themeIndex],
          colour: COLOURS[node.levels[themeIndex]] || COLOURS[0], outside: node.inside === false
        },
        position: { x: node.x, y: node.y }
      });
    });
    graph.edges.forEach(function (edge, number) {
      var width = graph.view === "groups" && largest > 0 ? 1 + 15 * Math.sqrt(edge.volume / largest) : 1;
      items.push({
        group: "edges",
        data: { id: "l" + number, source: String(edge.source), target: String(edge.target), width: width }
      });
    });
    return items;
  }

  function style(view) {
    return [
      { selector: "node", style: {
        "width": "data(size)", "height": "data(size)",
        "background-color": "data(colour)", "border-width": 1, "border-color": "#1d2430",
        "label": "data(label)", "font-size": view === "groups" ? 14 : 10, "color": "#1d2430",
        "text-valign": "bottom", "text-margin-y": 4, "min-zoomed-font-size": 8
      } },
      { selector: "node[level = 4]", style: { "border-width": 2 } },
      { selector: "node[?outside]", style: { "opacity": 0.45 } },
      { selector: "node:selected", style: { "border-width": 5, "border-color": ACCENT, "opacity": 1 } },
      { selector: "edge", style: {
        "width": "data(width)", "line-color": "#8a94a3", "opacity": view === "groups" ? 0.55 : 0.35,
        "curve-style": view === "groups" ? "straight" : "haystack",
        "target-arrow-shape": view === "groups" ? "triangle" : "none", "target-arrow-color": "#8a94a3",
        "arrow-scale": 0.8
      } }
    ];
  }

  function noteView(container, cy) {
    // The zoom level (and in `mark` the marked site and where it is drawn) are written on the drawing,
    // for the browser tests to read.
    container.setAttribute("data-zoom", cy.zoom().toFixed(4));
  }

  function openSite(base, index) {
    return htmx.ajax("GET", base + "/sites/" + index, { target: "#site-details", swap: "innerHTML" });
  }

  function openGroup(container, key) {
    var url = container.getAttribute("data-base") + "/graph?theme=" +
      encodeURIComponent(container.getAttribute("data-theme")) + "&group=" + encodeURIComponent(key);
    return htmx.ajax("GET", url, { target: "#graph", swap: "innerHTML" });
  }

  function mark(cy, container, index) {
    var node = cy.getElementById(String(index));
    if (node.empty()) return false;
    cy.resize();  // the page around the drawing may have changed its size since it was drawn
    cy.$(":selected").unselect();
    node.select();
    // centre the site itself (cy.center would centre its box, label included)
    var zoom = Math.max(cy.zoom(), 1);
    var at = node.position();
    cy.viewport({ zoom: zoom, pan: { x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom } });
    container.setAttribute("data-selected", String(index));
    var drawn = node.renderedPosition();
    container.setAttribute("data-selected-at", Math.round(drawn.x) + " " + Math.round(drawn.y));
    noteView(container, cy);
    return true;
  }

  function draw(container) {
    var themeIndex = Number(container.getAttribute("data-theme-index"));
    var base = container.getAttribute("data-base");
    graphData(container.getAttribute("data-source")).then(function (graph) {
      if (!document.body.contains(container)) return;  // replaced meanwhile
      var items = elements(graph, themeIndex);
      var cy = cytoscape({
        container: container, elements: items, style: style(graph.view), layout: { name: "preset" },
        minZoom: 0.01, maxZoom: 6, autoungrabify: true, boxSelectionEnabled: false,
        selectionType: "single", textureOnViewport: items.length > MANY,
        hideEdgesOnViewport: items.length > MANY
      });
      cy.fit(undefined, 30);
      shown = { cy: cy, container: container, view: graph.view, group: graph.group };
      container.cytoscape = cy;  // for the browser tests, to find where a node is drawn
      cy.on("tap", "node", function (event) {
        var node = event.target;
        if (graph.view === "groups") {
          focusTitle = true;
          openGroup(container, node.id());
        } else {
          openSite(base, node.id());
          cy.$(":selected").unselect();
          node.select();  // where the click was: the view stays as it is
          container.setAttribute("data-selected", node.id());
        }
      });
      cy.on("viewport", function () { noteView(container, cy); });
      var controls = container.parentNode.querySelector(".graph-controls");
      if (controls) controls.hidden = false;
      noteView(container, cy);
      container.setAttribute("data-nodes", String(graph.nodes.length));
      if (waitingSite !== null) {
        mark(cy, container, waitingSite);
        waitingSite = null;
      }
      container.setAttribute("data-ready", "true");
    });
  }

  function zoom(how) {
    if (!shown) return;
    var cy = shown.cy;
    if (how === "fit") {
      cy.fit(undefined, 30);
      return;
    }
    var centre = { x: cy.width() / 2, y: cy.height() / 2 };
    cy.zoom({ level: how === "in" ? cy.zoom() * ZOOM_STEP : cy.zoom() / ZOOM_STEP, renderedPosition: centre });
  }

  // A found site: its details open in the side panel and it is shown in the drawing. In a small chain's
  // SVG it is marked and scrolled into view; in a large chain its group opens (unless it is open
  // already) and the site is centred and marked there. One request after the other, so that the
  // details have the focus and neither request stands in the other's way.
  function showFound(link) {
    var index = link.getAttribute("data-index");
    var canvas = document.querySelector("#graph .graph-canvas");
    var base = document.getElementById("graph-search-results").getAttribute("data-base");
    openSite(base, index).then(function () {
      if (canvas) {
        if (shown && shown.container === canvas && shown.view === "sites" && mark(shown.cy, canvas, index)) return;
        waitingSite = index;
        openGroup(canvas, link.getAttribute("data-group"));
        return;
      }
      var site = document.querySelector('svg.chain-graph a[data-index="' + index + '"]');
      if (!site) return;
      var marked = document.querySelectorAll("svg.chain-graph a.selected");
      for (var i = 0; i < marked.length; i++) marked[i].classList.remove("selected");
      site.classList.add("selected");
      site.scrollIntoView({ block: "center", inline: "center" });
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".graph-controls button[data-zoom]");
    if (button) {
      zoom(button.getAttribute("data-zoom"));
      return;
    }
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var found = event.target.closest && event.target.closest("#graph-search-results a[data-index]");
    if (found) {
      event.preventDefault();
      showFound(found);
    }
    var opener = event.target.closest && event.target.closest("#graph a[data-group], #graph a.graph-back");
    if (opener) focusTitle = true;
  });

  document.addEventListener("htmx:beforeSwap", function (event) {
    if (event.detail.target.id === "graph" && shown) {
      shown.cy.destroy();
      shown = null;
    }
  });

  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "graph" || !focusTitle) return;
    focusTitle = false;
    var title = document.getElementById("graph-group-title") || document.getElementById("graph-groups-title");
    if (title) title.focus();
  });

  htmx.onLoad(function (content) {
    var canvases = content.matches && content.matches(".graph-canvas")
      ? [content]
      : content.querySelectorAll(".graph-canvas");
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
  });
})();
