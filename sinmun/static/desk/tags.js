// The tag field with a Korean input method (IME): while a syllable is being composed,
// Enter or a comma only finishes the syllable. Wagtail's tag box (jQuery tag-it) would
// otherwise take that key as "make a tag" and split 빛축제 into 빛축 and 제. Listening in the
// capture phase on the document runs before tag-it's own handler on the input.
(function () {
  'use strict';
  var composing = new WeakSet();

  function isTagInput(target) {
    return target instanceof HTMLInputElement && target.closest('ul.tagit') !== null;
  }

  document.addEventListener('compositionstart', function (event) {
    if (isTagInput(event.target)) composing.add(event.target);
  }, true);
  document.addEventListener('compositionend', function (event) {
    if (isTagInput(event.target)) composing.delete(event.target);
  }, true);
  document.addEventListener('keydown', function (event) {
    if (!isTagInput(event.target)) return;
    if (event.isComposing || event.keyCode === 229 || composing.has(event.target)) {
      event.stopImmediatePropagation();
    }
  }, true);

  // Say what to do in the box itself.
  function label(root) {
    root.querySelectorAll('ul.tagit li.tagit-new input').forEach(function (input) {
      if (!input.placeholder) {
        input.placeholder = document.documentElement.lang.indexOf('ko') === 0
          ? '태그 입력 후 Enter'
          : 'Type a tag, then Enter';
      }
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    label(document);
    new MutationObserver(function () { label(document); })
      .observe(document.body, { childList: true, subtree: true });
  });
})();
