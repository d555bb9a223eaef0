/* The skip link moves keyboard focus into the content. Instant navigation handles the #hash itself, so the
   browser's own "focus follows the fragment" does not always happen before the next Tab. */
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.md-skip") : null;
  if (!link) return;
  var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}, true);
