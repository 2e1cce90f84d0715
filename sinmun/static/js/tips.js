// The tip form: says at once when a chosen file is too large or too many are chosen, so the
// reader can fix it before sending. The server checks everything again, by content.
(function () {
    var form = document.querySelector(".tip-form");
    if (!form) return;
    var input = form.querySelector("input[type=file]");
    var message = form.querySelector(".tip-file-error");
    var maxBytes = parseInt(form.getAttribute("data-max-file-bytes"), 10);
    var maxFiles = parseInt(form.getAttribute("data-max-files"), 10);

    function check() {
        var problems = [];
        var files = input.files || [];
        if (files.length > maxFiles) problems.push(form.getAttribute("data-too-many"));
        for (var i = 0; i < files.length; i++) {
            if (files[i].size > maxBytes) {
                problems.push("“" + files[i].name + "” " + form.getAttribute("data-too-large"));
            }
        }
        message.textContent = problems.join(" ");
        message.hidden = problems.length === 0;
        return problems.length === 0;
    }

    input.addEventListener("change", check);
    form.addEventListener("submit", function (event) {
        if (!check()) {
            event.preventDefault();
            input.focus();
        }
    });
})();
