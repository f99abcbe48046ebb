// Loaded before Material's bundle on every page (overrides/main.html). Material requests
// sitemap.xml below every hreflang link, to redirect clicks on language links; our language links
// carry target="_self", which that redirect skips, and our hreflang links name pages, not language
// roots, so those requests would only fail (404). They get an empty sitemap without a request.
(() => {
  "use strict";
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const empty = /\/sitemap\.xml$/.test(String(url)) ? "data:application/xml,<urlset/>" : url;
    return open.call(this, method, empty, ...rest);
  };
})();
