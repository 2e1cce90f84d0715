// The share bar. Facebook, X, Band and Naver Blog are plain links. KakaoTalk loads Kakao's
// SDK only when tapped, and only if the paper set its JavaScript key (the card is built by
// Kakao from the page's Open Graph tags); otherwise the phone's share sheet or a copied link.
(function () {
    var bar = document.querySelector("[data-share]");
    if (!bar) return;
    var url = bar.getAttribute("data-url");
    var title = bar.getAttribute("data-title");
    var status = bar.querySelector(".share-status");
    var sdk = null;

    function say(message) {
        status.textContent = message;
    }

    function copyByHand(message) {
        var field = document.createElement("textarea");
        field.value = url;
        field.setAttribute("readonly", "");
        field.className = "visually-hidden";
        document.body.appendChild(field);
        field.select();
        var done = false;
        try {
            done = document.execCommand("copy");
        } catch (e) {
            done = false;
        }
        document.body.removeChild(field);
        say(done ? message : bar.getAttribute("data-copy-failed") + " " + url);
    }

    function copy(message) {
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(url).then(
                function () { say(message); },
                function () { copyByHand(message); }
            );
        } else {
            copyByHand(message);
        }
    }

    function shareSheetOrCopy() {
        if (navigator.share) {
            navigator.share({ title: title, url: url }).catch(function () {});
        } else {
            copy(bar.getAttribute("data-copied-kakao"));
        }
    }

    function loadKakao() {
        if (window.Kakao) return Promise.resolve(window.Kakao);
        if (sdk) return sdk;
        sdk = new Promise(function (resolve, reject) {
            var script = document.createElement("script");
            script.src = bar.getAttribute("data-kakao-sdk");
            var integrity = bar.getAttribute("data-kakao-integrity");
            if (integrity) {
                // Subresource integrity needs a CORS fetch (Kakao's CDN allows it).
                script.integrity = integrity;
                script.crossOrigin = "anonymous";
            }
            script.onload = function () { window.Kakao ? resolve(window.Kakao) : reject(); };
            script.onerror = function () { sdk = null; reject(); };
            document.head.appendChild(script);
        });
        return sdk;
    }

    bar.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        if (button.hasAttribute("data-share-copy")) {
            copy(bar.getAttribute("data-copied"));
        } else if (button.hasAttribute("data-share-kakao")) {
            var key = bar.getAttribute("data-kakao-key");
            if (!key) {
                shareSheetOrCopy();
                return;
            }
            loadKakao().then(function (Kakao) {
                if (!Kakao.isInitialized()) Kakao.init(key);
                Kakao.Share.sendScrap({ requestUrl: url });
            }, shareSheetOrCopy);
        }
    });
})();
