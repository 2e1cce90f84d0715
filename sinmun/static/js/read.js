// Count one read of the article on this page. The page itself stays cacheable: the count
// is sent by the reader's browser, after the page has loaded, and never blocks it.
(function () {
    var article = document.querySelector("[data-read-url]");
    if (!article || !navigator.sendBeacon) return;
    window.addEventListener("load", function () {
        navigator.sendBeacon(article.getAttribute("data-read-url"));
    });
})();
