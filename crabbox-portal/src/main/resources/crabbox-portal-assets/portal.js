// Crabbox portal: copy buttons, live row filtering and auto-submitting filters. No framework.
(function () {
  'use strict';

  function markCopied(button) {
    button.classList.add('copied');
    button.setAttribute('data-copied', 'true');
    button.textContent = 'Copied';
    setTimeout(function () {
      button.classList.remove('copied');
      button.textContent = 'Copy';
    }, 1500);
  }

  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'copy-buffer';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  function copy(button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    var text = source.textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { markCopied(button); },
        function () { if (fallbackCopy(text)) { markCopied(button); } });
    } else if (fallbackCopy(text)) {
      markCopied(button);
    }
  }

  function filterRows(input) {
    var needle = input.value.trim().toLowerCase();
    var rows = document.querySelectorAll(input.getAttribute('data-filter-rows'));
    rows.forEach(function (row) {
      var haystack = (row.getAttribute('data-search') || '').toLowerCase();
      row.hidden = needle !== '' && row.hasAttribute('data-search') && haystack.indexOf(needle) < 0;
    });
  }

  document.addEventListener('click', function (event) {
    var button = event.target.closest('button.copy');
    if (button) { copy(button); }
  });
  document.addEventListener('input', function (event) {
    if (event.target.matches('[data-filter-rows]')) { filterRows(event.target); }
  });
  document.addEventListener('change', function (event) {
    if (event.target.matches('select.autosubmit') && event.target.form) {
      event.target.form.submit();
    }
  });
})();
