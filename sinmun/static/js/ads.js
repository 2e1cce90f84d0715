// Ad slots on a page kept by shared caches: the server sends every ad a slot may show now,
// and this picks one per slot by weight, drops the others, loads an ad network's script
// only for the ad picked, and counts an impression once half the ad has been on screen.
// No cookie and no identifier: the beacon carries ad numbers only.
// (docs/decisions/0008-ad-rotation-on-cached-pages.md)
(function () {
    "use strict";
    var slots = document.querySelectorAll(".ad-slot");
    if (!slots.length) return;
    var now = Date.now() / 1000;
    var pending = [];
    var timer = null;
    var viewsUrl = slots[0].getAttribute("data-views-url");

    function runs(ad) {
        var starts = Number(ad.getAttribute("data-starts") || 0);
        var ends = ad.getAttribute("data-ends");
        return starts <= now && (!ends || now < Number(ends));
    }

    function pick(ads) {
        var total = 0;
        ads.forEach(function (ad) { total += Number(ad.getAttribute("data-weight")) || 1; });
        var r = Math.random() * total;
        for (var i = 0; i < ads.length; i++) {
            r -= Number(ads[i].getAttribute("data-weight")) || 1;
            if (r < 0) return ads[i];
        }
        return ads[ads.length - 1] || null;
    }

    function send() {
        timer = null;
        if (!pending.length) return;
        var body = "ids=" + pending.join(",");
        pending = [];
        var data = new Blob([body], { type: "application/x-www-form-urlencoded" });
        if (!(navigator.sendBeacon && navigator.sendBeacon(viewsUrl, data))) {
            fetch(viewsUrl, { method: "POST", body: data, keepalive: true, credentials: "omit" });
        }
    }

    function seen(ad) {
        pending.push(ad.getAttribute("data-ad"));
        if (!timer) timer = setTimeout(send, 1000);
    }

    function loadNetwork(ins) {
        var script = document.createElement("script");
        script.async = true;
        script.src = ins.getAttribute("data-script");
        if (ins.classList.contains("adsbygoogle")) {
            script.crossOrigin = "anonymous";
            (window.adsbygoogle = window.adsbygoogle || []).push({});
        }
        document.head.appendChild(script);
    }

    var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            if (entry.isIntersecting) {
                observer.unobserve(entry.target);
                seen(entry.target);
            }
        });
    }, { threshold: 0.5 }) : null;

    Array.prototype.forEach.call(slots, function (slot) {
        var ads = Array.prototype.slice.call(slot.querySelectorAll(".ad"));
        var chosen = pick(ads.filter(runs));
        ads.forEach(function (ad) { if (ad !== chosen) ad.remove(); });
        if (!chosen) {
            slot.classList.add("is-empty");  // ended while the page was kept: keep the box
            return;
        }
        chosen.hidden = false;
        slot.setAttribute("data-shown", chosen.getAttribute("data-ad"));
        var ins = chosen.querySelector("ins[data-script]");
        if (ins) loadNetwork(ins);
        if (observer) observer.observe(chosen); else seen(chosen);
    });
    window.addEventListener("pagehide", send);
})();
