// Every page: a form with data-confirm asks before it is sent; and when an htmx request fails (an expired
// form token, a lost connection, a server error), htmx swaps nothing and the page would seem to ignore the
// click; say so instead, in the page's language.
(function () {
  "use strict";

  function announce(kind) {
    var box = document.getElementById("request-problem");
    if (!box) return;
    box.textContent = box.getAttribute(kind === "network" ? "data-network" : "data-failed");
    box.setAttribute("role", "alert");  // only now: a page without a problem has no alert in it
    box.hidden = false;
  }

  // A plain form with data-confirm asks first (the content security policy runs no inline handler).
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  });

  document.addEventListener("htmx:responseError", function () { announce("failed"); });
  document.addEventListener("htmx:sendError", function () { announce("network"); });
  document.addEventListener("htmx:beforeRequest", function () {
    var box = document.getElementById("request-problem");
    if (box) box.hidden = true;
  });
})();
