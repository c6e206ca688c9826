// Every page: when an htmx request fails (an expired form token, a lost connection, a server error),
// htmx swaps nothing and the page would seem to ignore the click; say so instead, in the page's language.
(function () {
  "use strict";

  function announce(kind) {
    var box = document.getElementById("request-problem");
    if (!box) return;
    box.textContent = box.getAttribute(kind === "network" ? "data-network" : "data-failed");
    box.setAttribute("role", "alert");  // only now: a page without a problem has no alert in it
    box.hidden = false;
  }

  document.addEventListener("htmx:responseError", function () { announce("failed"); });
  document.addEventListener("htmx:sendError", function () { announce("network"); });
  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("request-problem");
    if (box) box.hidden = true;
  });
})();
