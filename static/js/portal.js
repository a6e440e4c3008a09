// Move focus to the error summary of a failed form, so screen readers announce it.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});

// A form someone has typed in is not thrown away unannounced: leaving the page (the language
// switcher included) asks first, unless the form itself is being sent. GET forms (filters)
// and the language switcher's own form do not count.
(function () {
  var unsaved = false;
  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (form && form.method.toLowerCase() === "post" && !form.classList.contains("language-switcher")) {
      unsaved = true;
    }
  });
  document.addEventListener("submit", function (event) {
    if (!event.target.classList.contains("language-switcher")) {
      unsaved = false;
    }
  });
  window.addEventListener("beforeunload", function (event) {
    if (unsaved) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
