/* The skip link moves keyboard focus into the content. It is handled here, before instant navigation sees the
   click: instant navigation treats the link as a page load and can replace the content (and the focus) after it. */
document.addEventListener("click", function (event) {
  var link = event.target.closest ? event.target.closest("a.md-skip") : null;
  if (!link) return;
  var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  history.pushState(history.state, "", link.hash);
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus();
}, true);
