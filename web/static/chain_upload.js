// The chain file page: an upload shows its progress and keeps its button disabled until the server has
// checked the file; the mapping step's import button does the same while the whole file is imported.
// Without this script both forms still work as plain form posts.
(function () {
  "use strict";

  function say(form, text) {
    var status = form.querySelector(".busy");
    if (status) status.textContent = text;
  }

  // The answer replaces the page's part (a refused file with its problems) or, for a redirect that the
  // server names in HX-Redirect (loaded, or on to the mapping step), the whole page.
  function answered(form, request) {
    var location = request.getResponseHeader("HX-Redirect");
    if (location) {
      window.location.assign(location);
      return;
    }
    // The page's part, or an error page's content (a file over the body limit gets the 413 page).
    var answer = new DOMParser().parseFromString(request.responseText || "", "text/html");
    var replacement = answer.getElementById("chain-file-page");
    var part = document.getElementById("chain-file-page");
    if (replacement && part) {
      part.replaceWith(replacement);
    } else if (answer.querySelector("main")) {
      replacement = document.querySelector("main");
      replacement.replaceChildren.apply(replacement, Array.from(answer.querySelector("main").childNodes));
    } else {
      window.location.reload();
      return;
    }
    if (window.htmx) window.htmx.process(replacement);
    var alert = replacement.querySelector("[role=alert]");
    if (alert) alert.scrollIntoView();
  }

  function upload(form) {
    var button = form.querySelector("button[type=submit]");
    var progress = form.querySelector("progress");
    var request = new XMLHttpRequest();
    var data = new FormData(form);
    request.open("POST", form.action);
    request.setRequestHeader("HX-Request", "true");
    request.upload.addEventListener("progress", function (event) {
      if (!event.lengthComputable || !progress) return;
      var percent = Math.floor((event.loaded / event.total) * 100);
      progress.value = percent;
      say(form, form.getAttribute("data-uploading").replace("{percent}", String(percent)));
    });
    request.upload.addEventListener("load", function () {
      if (progress) progress.removeAttribute("value");  // indeterminate while the server checks
      say(form, form.getAttribute("data-checking"));
    });
    request.addEventListener("load", function () { answered(form, request); });
    request.addEventListener("error", function () {
      button.disabled = false;
      if (progress) progress.hidden = true;
      say(form, form.getAttribute("data-failed"));
    });
    button.disabled = true;
    if (progress) {
      progress.value = 0;
      progress.hidden = false;
    }
    say(form, form.getAttribute("data-uploading").replace("{percent}", "0"));
    request.send(data);
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) return;
    if (form.hasAttribute("data-upload-progress") && window.FormData && window.XMLHttpRequest) {
      event.preventDefault();
      upload(form);
      return;
    }
    // The mapping step posts as a plain form; its import button stays disabled until the next page
    // comes (disabled after the form's data is taken, so that the button's own value is still sent).
    var submitter = event.submitter;
    if (form.hasAttribute("data-busy") && submitter && submitter.hasAttribute("data-busy-text")) {
      window.setTimeout(function () {
        submitter.disabled = true;
        say(form, submitter.getAttribute("data-busy-text"));
      }, 0);
    }
  });
})();
