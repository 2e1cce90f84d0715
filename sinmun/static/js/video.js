// Video stories: the poster is a plain link to the video until the reader taps it; only
// then does the player (an iframe, or <video> for a file) load, so no third party is asked
// for anything before that (sinmun/articles/video.py).
(function () {
    function play(figure, link) {
        var player;
        var title = figure.getAttribute("data-title");
        if (figure.hasAttribute("data-file")) {
            player = document.createElement("video");
            player.src = figure.getAttribute("data-file");
            player.controls = true;
            player.autoplay = true;
            player.setAttribute("playsinline", "");
            player.setAttribute("aria-label", title);
        } else {
            player = document.createElement("iframe");
            player.src = figure.getAttribute("data-embed");
            player.title = title;
            player.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
            player.allowFullscreen = true;
            player.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        }
        player.className = "video-player";
        player.tabIndex = -1;
        link.replaceWith(player);
        player.focus();
    }

    document.querySelectorAll("[data-video]").forEach(function (figure) {
        var link = figure.querySelector(".video-play");
        link.setAttribute("role", "button");
        link.addEventListener("click", function (event) {
            event.preventDefault();
            play(figure, link);
        });
        link.addEventListener("keydown", function (event) {
            if (event.key === " ") {
                event.preventDefault();
                play(figure, link);
            }
        });
    });
})();
