/* Rapportverket print helper: a printed report shows every chart's data table. The print stylesheet opens them
   in browsers that know details::details-content; for the others, open the closed tables before printing and
   close them again afterwards. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.rv-chart__data"), function (details) {
      return !details.open;
    });
    opened.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
