// A live story (실시간): ask the poll address every few seconds for the updates, and put
// them in place without a reload. The answer is cached at the edge until a new update
// purges it. Stops when the desk ends the coverage.
(function () {
    var live = document.querySelector("[data-live][data-poll-url]");
    if (!live) return;
    var url = live.getAttribute("data-poll-url");
    var seconds = parseInt(live.getAttribute("data-poll-seconds"), 10) || 30;
    var newest = live.getAttribute("data-newest");
    var count = live.querySelectorAll(".live-update").length;
    var stamp = live.getAttribute("data-stamp");
    var list = live.querySelector(".live-list");
    var status = live.querySelector(".live-status");
    var timer = null;

    function show(data) {
        var fresh = String(data.newest || "") !== String(newest || "");
        if (fresh || data.stamp !== stamp) {
            // A new update, or one corrected or removed by the desk.
            list.innerHTML = data.html;
            if (fresh && data.count > count) {
                status.textContent = live.getAttribute(
                    data.count - count > 1 ? "data-new-many" : "data-new-one"
                );
            }
            newest = data.newest;
            count = data.count;
            stamp = data.stamp;
        }
        if (data.ended) {
            status.textContent = live.getAttribute("data-ended-text");
            live.removeAttribute("data-poll-url");
            return false;
        }
        return true;
    }

    function poll() {
        // no-cache: ask again each time (the edge answers until a purge), never the
        // browser's own minute-old copy.
        fetch(url, { cache: "no-cache", headers: { Accept: "application/json" } })
            .then(function (response) {
                if (!response.ok) throw new Error(response.status);
                return response.json();
            })
            .then(function (data) {
                if (show(data)) schedule(data.poll_seconds || seconds);
            })
            .catch(function () { schedule(seconds * 2); });
    }

    function schedule(wait) {
        clearTimeout(timer);
        timer = setTimeout(poll, wait * 1000);
    }

    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "visible" && live.hasAttribute("data-poll-url")) poll();
    });
    schedule(seconds);
})();
