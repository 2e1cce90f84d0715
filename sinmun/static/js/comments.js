// Put the story's comment thread under it. The story's page is the same for everyone and
// kept by the edge; the thread is fetched from its own address (also kept by the edge,
// purged when a comment is shown or hidden), without cookies so the edge may answer it.
// "no-cache": the browser asks again (the edge answers), so a reader back from posting sees
// their comment. Without JavaScript the placeholder's link opens the thread as a page.
(function () {
    var box = document.querySelector("[data-comments-src]");
    if (!box || !window.fetch) return;
    fetch(box.getAttribute("data-comments-src"), { credentials: "omit", cache: "no-cache" })
        .then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return response.text();
        })
        .then(function (html) {
            var link = box.querySelector(".comments-open");
            var holder = document.createElement("div");
            holder.innerHTML = html;
            if (link) link.remove();
            box.appendChild(holder.firstElementChild || holder);
        })
        .catch(function () { /* the link to the thread's page stays */ });
})();
