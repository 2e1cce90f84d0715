// Reading comfort: the article's text size, kept in this browser only (localStorage), and
// a print button. Loaded in <head> without defer so a chosen size applies before the first
// paint; the page itself is the same for every reader and stays cacheable.
(function () {
    var KEY = "sinmun.fontSize";
    var DEFAULT = 3;
    var MIN = 1;
    var MAX = 5;
    var root = document.documentElement;

    function stored() {
        try {
            var value = parseInt(window.localStorage.getItem(KEY), 10);
            return value >= MIN && value <= MAX ? value : DEFAULT;
        } catch (e) {
            return DEFAULT;  // storage blocked (private mode, settings)
        }
    }

    function apply(level) {
        root.setAttribute("data-font-size", String(level));
    }

    function save(level) {
        try {
            if (level === DEFAULT) window.localStorage.removeItem(KEY);
            else window.localStorage.setItem(KEY, String(level));
        } catch (e) {
            // The size still applies to this page.
        }
    }

    apply(stored());

    document.addEventListener("DOMContentLoaded", function () {
        var tools = document.querySelector("[data-reading-tools]");
        if (!tools) return;
        tools.hidden = false;
        tools.addEventListener("click", function (event) {
            var button = event.target.closest("button");
            if (!button) return;
            if (button.hasAttribute("data-print")) {
                window.print();
                return;
            }
            var step = parseInt(button.getAttribute("data-font-step"), 10);
            if (isNaN(step)) return;
            var level = step === 0 ? DEFAULT : Math.min(MAX, Math.max(MIN, stored() + step));
            apply(level);
            save(level);
        });
    });
})();
