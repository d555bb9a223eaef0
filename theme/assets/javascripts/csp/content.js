// mkdocs-material's inline content script as a file (Content-Security-Policy): open the tab a URL #hash names.
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
