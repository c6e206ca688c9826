// The risk review page: a site chosen in the graph opens its details in the side panel without a page
// reload. One delegated listener per graph (not one per site, so a graph of thousands of sites stays
// light); the sites are SVG links, so Tab reaches them and Enter opens them like a click, and without
// script each link opens the site's details as a page of its own.
(function () {
  "use strict";

  function showSite(link) {
    var panel = document.getElementById("site-details");
    if (!panel) return;
    var selected = document.querySelectorAll("svg.chain-graph a.selected");
    for (var i = 0; i < selected.length; i++) selected[i].classList.remove("selected");
    link.classList.add("selected");
    htmx.ajax("GET", link.getAttribute("href"), { target: panel, swap: "innerHTML" });
  }

  function listen(graph) {
    graph.addEventListener("click", function (event) {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      var link = event.target.closest("a");
      if (!link || !graph.contains(link)) return;
      event.preventDefault();
      showSite(link);
    });
  }

  htmx.onLoad(function (content) {
    var graphs = content.matches && content.matches("svg.chain-graph")
      ? [content]
      : content.querySelectorAll("svg.chain-graph");
    for (var i = 0; i < graphs.length; i++) listen(graphs[i]);
  });

  // Details loaded into the panel (from the graph or a table) take the focus, so keyboard and screen
  // reader users land on them.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target.id !== "site-details") return;
    var heading = event.detail.target.querySelector("h2");
    if (heading) heading.focus();
  });
})();
