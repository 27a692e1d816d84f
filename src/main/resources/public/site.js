// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Moderation queue: j/k move between comments, x ticks, a approves, r goes to the reason.
  var items = Array.prototype.slice.call(document.querySelectorAll('.queue-item'));
  if (items.length) {
    var at = -1;
    var go = function (i) {
      at = Math.max(0, Math.min(items.length - 1, i));
      items[at].focus();
    };
    document.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT') || e.ctrlKey || e.metaKey || e.altKey) {
        return;
      }
      var item = items[at];
      if (e.key === 'j') { go(at + 1); } else if (e.key === 'k') { go(at - 1); } else if (!item) { return; } else if (e.key === 'x') {
        var box = item.querySelector('input[type=checkbox]');
        box.checked = !box.checked;
      } else if (e.key === 'a') {
        item.querySelector('form[action$="/approve"]').submit();
      } else if (e.key === 'r') {
        e.preventDefault();
        item.querySelector('form[action$="/reject"] input[name=reason]').focus();
      } else {
        return;
      }
    });
    // Back from an action: the next comment is ready for the next key.
    if (/[?&]done=/.test(window.location.search)) {
      go(0);
    }
  }
})();

(function () {
  'use strict';
  // New approved comments appear for readers already on the page (Server-Sent Events).
  var area = document.getElementById('comments');
  var url = area && area.getAttribute('data-live');
  if (!url || !window.EventSource) {
    return;
  }
  var source = new EventSource(url);
  source.addEventListener('comment', function (event) {
    var holder = document.createElement('template');
    holder.innerHTML = event.data;
    var item = holder.content.firstElementChild;
    if (!item || document.getElementById(item.id)) {
      return;
    }
    var list = area.querySelector(':scope > ol.comments');
    if (!list) {
      list = document.createElement('ol');
      list.className = 'comments';
      var empty = area.querySelector('.no-comments');
      if (empty) {
        empty.remove();
      }
      area.appendChild(list);
    }
    list.appendChild(item);
    var status = document.getElementById('live-status');
    if (status) {
      status.textContent = 'A new comment was added.';
    }
  });
})();

(function () {
  'use strict';
  // Copy link and the browser's own share sheet; nothing from a third party loads.
  var copy = document.querySelector('[data-copy]');
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener('click', function () {
      var field = document.getElementById(copy.getAttribute('data-copy'));
      navigator.clipboard.writeText(field.value).then(function () { copy.textContent = 'Copied'; });
    });
  }
  var share = document.querySelector('[data-share]');
  if (share && navigator.share) {
    share.hidden = false;
    share.addEventListener('click', function () {
      navigator.share({ title: share.getAttribute('data-title'), url: share.getAttribute('data-share') }).catch(function () {});
    });
  }
})();

(function () {
  'use strict';
  // Accounts and the masthead (h-accounts): every page works without this block.
  var masthead = document.querySelector('.masthead');
  // Phone: the search icon opens the field in place instead of going to the search page.
  var searchLink = masthead && masthead.querySelector('.search-link');
  if (searchLink) {
    searchLink.setAttribute('aria-expanded', 'false');
    searchLink.addEventListener('click', function (e) {
      e.preventDefault();
      var open = masthead.classList.toggle('searching');
      searchLink.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) {
        document.getElementById('q').focus();
      }
    });
  }
  // The account menu: a compact menu on a phone, its links in a row on a wide screen.
  var menu = masthead && masthead.querySelector('.account-menu');
  if (menu && window.matchMedia) {
    var wide = window.matchMedia('(min-width: 48em)');
    var fit = function () { menu.open = wide.matches; };
    fit();
    if (wide.addEventListener) {
      wide.addEventListener('change', fit);
    }
  }
  // Sign in and Register bring the reader back to the page they were reading.
  var here = window.location.pathname + window.location.search;
  if (!/^\/(signin|register|verify|recover|reset)(\/|$)/.test(window.location.pathname) && here !== '/') {
    Array.prototype.forEach.call(document.querySelectorAll('a[href="/signin"], a[href="/register"]'), function (a) {
      a.setAttribute('href', a.getAttribute('href') + '?return=' + encodeURIComponent(here));
    });
  }
  // Back from the confirmation link: say so once, then tidy the address.
  var params = new URLSearchParams(window.location.search);
  var main = document.getElementById('main');
  if (params.get('confirmed') === 'email' && main) {
    var note = document.createElement('p');
    note.className = 'notice confirmed-notice';
    note.setAttribute('role', 'status');
    main.insertBefore(note, main.firstChild);
    window.setTimeout(function () { note.textContent = 'Your e-mail address is confirmed. You are signed in.'; }, 50);
    params.delete('confirmed');
    var rest = params.toString();
    if (window.history.replaceState) {
      window.history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    }
  }
  // Show password: a button beside each password field; the caret stays where it was.
  Array.prototype.forEach.call(document.querySelectorAll('input[type=password]'), function (field) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'show-password secondary';
    button.textContent = 'Show password';
    button.setAttribute('aria-pressed', 'false');
    button.setAttribute('aria-controls', field.id);
    // A pointer press would take the focus from the field: keep it there.
    button.addEventListener('mousedown', function (e) { e.preventDefault(); });
    button.addEventListener('click', function () {
      var shown = field.type === 'password';
      var start = field.selectionStart;
      var end = field.selectionEnd;
      var hadFocus = document.activeElement === field;
      field.type = shown ? 'text' : 'password';
      button.textContent = shown ? 'Hide password' : 'Show password';
      button.setAttribute('aria-pressed', shown ? 'true' : 'false');
      if (hadFocus) {
        field.focus();
        if (start !== null) {
          field.setSelectionRange(start, end);
          // Some browsers move the caret once the type has changed: put it back after that.
          window.requestAnimationFrame(function () { field.setSelectionRange(start, end); });
        }
      }
    });
    var row = document.createElement('div');
    row.className = 'password-row';
    field.parentNode.insertBefore(row, field);
    row.appendChild(field);
    row.appendChild(button);
  });
})();

(function () {
  'use strict';
  // Search page (h-accounts): the refinements stand open beside the results on a wide screen.
  var refine = document.querySelector('details.refine');
  if (!refine || !window.matchMedia) {
    return;
  }
  var wide = window.matchMedia('(min-width: 56rem)');
  var openedByServer = refine.open; // a date to correct: it stays open at any width
  var fit = function () { refine.open = openedByServer || wide.matches; };
  fit();
  if (wide.addEventListener) {
    wide.addEventListener('change', fit);
  }
})();
