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

// Article page: comment times, the composer's counter, new comments on demand, Bookmark and Share
// (h-comments). The server renders everything; this only adds conveniences.
(function () {
  'use strict';
  var say = function (region, text) {
    if (region) {
      // Cleared first so the same words twice are announced twice.
      region.textContent = '';
      window.setTimeout(function () { region.textContent = text; }, 50);
    }
  };
  var plural = function (n, one, many) {
    return n.toLocaleString('en') + ' ' + (n === 1 ? one : many);
  };

  // "3 hours ago"; the exact time in the site's zone stays in the title the server wrote.
  var relative = function (iso) {
    var seconds = (Date.now() - Date.parse(iso)) / 1000;
    if (isNaN(seconds)) { return null; }
    if (seconds < 60) { return 'just now'; }
    var minutes = Math.floor(seconds / 60);
    if (minutes < 60) { return plural(minutes, 'minute', 'minutes') + ' ago'; }
    var hours = Math.floor(minutes / 60);
    if (hours < 24) { return plural(hours, 'hour', 'hours') + ' ago'; }
    var days = Math.floor(hours / 24);
    if (days === 1) { return 'yesterday'; }
    if (days < 7) { return days + ' days ago'; }
    return null; // older: the exact date reads better
  };
  var showTimes = function (root) {
    Array.prototype.forEach.call(root.querySelectorAll('.comment-time time[datetime]'), function (t) {
      var text = relative(t.getAttribute('datetime'));
      if (text) { t.textContent = text; }
    });
  };
  showTimes(document);
  window.setInterval(function () { showTimes(document); }, 60000);

  // The composer: characters left, counted as the server counts them (code points, trimmed).
  // Java's strip(): its whitespace, which unlike JavaScript's trim() keeps no-break spaces.
  var javaSpace = '[\\t\\n\\u000b\\f\\r\\u001c-\\u001f \\u1680\\u2000-\\u2006\\u2008-\\u200a\\u2028\\u2029\\u205f\\u3000]+';
  var strip = new RegExp('^' + javaSpace + '|' + javaSpace + '$', 'g');
  var length = function (text) {
    var trimmed = text.replace(strip, '');
    var n = trimmed.length;
    for (var i = 0; i < trimmed.length; i++) {
      var c = trimmed.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF) { n--; }
    }
    return n;
  };
  Array.prototype.forEach.call(document.querySelectorAll('textarea[data-limit]'), function (box) {
    var limit = parseInt(box.getAttribute('data-limit'), 10);
    var counter = document.getElementById('body-limit');
    if (!counter || !limit) { return; }
    var line = counter.parentNode;
    var region = document.createElement('span');
    region.className = 'visually-hidden';
    region.setAttribute('aria-live', 'polite');
    line.appendChild(region);
    var lastStep = null;
    var update = function () {
      var left = limit - length(box.value);
      counter.textContent = left >= 0 ? plural(left, 'character', 'characters') + ' left' : plural(-left, 'character', 'characters') + ' too many';
      line.classList.toggle('near', left >= 0 && left <= 200);
      line.classList.toggle('over', left < 0);
      if (left < 0) { box.setAttribute('aria-invalid', 'true'); } else if (!document.getElementById('body-error')) { box.removeAttribute('aria-invalid'); }
      // Announced near the limit only, once per step, so typing is not talked over.
      var step = left < 0 ? 'over' : left <= 50 ? 50 : left <= 100 ? 100 : left <= 200 ? 200 : null;
      if (step !== lastStep) {
        lastStep = step;
        if (step !== null) { say(region, counter.textContent); }
      }
    };
    box.addEventListener('input', update);
    update();
    box.form.addEventListener('submit', function (e) {
      var over = length(box.value) - limit;
      if (over > 0) {
        // Nothing is cut: the text stays, the reader is told how much to shorten it.
        e.preventDefault();
        say(region, 'Your comment is ' + plural(over, 'character', 'characters') + ' too long; shorten it, then submit.');
        box.focus();
      }
    });
  });

  // New comments wait behind a button instead of moving what the reader is reading.
  var area = document.getElementById('comments');
  var url = area && area.getAttribute('data-live');
  if (url && window.EventSource) {
    var status = document.getElementById('live-status');
    var waiting = [];
    var bar = document.createElement('div');
    bar.className = 'new-comments';
    bar.hidden = true;
    var show = document.createElement('button');
    show.type = 'button';
    show.className = 'pill primary';
    bar.appendChild(show);
    var anchor = area.querySelector(':scope > .comment-sort') || area.querySelector(':scope > ol.comments') || area.querySelector(':scope > .pagination');
    area.insertBefore(bar, anchor);
    var heading = document.getElementById('comments-heading');
    show.addEventListener('click', function () {
      var list = area.querySelector(':scope > ol.comments');
      if (!list) {
        list = document.createElement('ol');
        list.className = 'comments';
        var empty = area.querySelector('.no-comments');
        if (empty) { empty.remove(); }
        area.insertBefore(list, bar.nextSibling);
      }
      var newestFirst = area.getAttribute('data-sort') === 'newest';
      var first = null;
      waiting.forEach(function (item) {
        if (document.getElementById(item.id)) { return; }
        if (newestFirst) { list.insertBefore(item, list.firstChild); } else { list.appendChild(item); }
        showTimes(item);
        first = first || item;
      });
      var shown = waiting.length;
      waiting = [];
      bar.hidden = true;
      if (heading) {
        var count = parseInt(heading.getAttribute('data-count') || '0', 10) + shown;
        heading.setAttribute('data-count', count);
        heading.textContent = count === 0 ? 'Comments' : plural(count, 'comment', 'comments');
      }
      if (first) {
        first.setAttribute('tabindex', '-1');
        first.focus();
      }
      say(status, plural(shown, 'new comment', 'new comments') + ' shown.');
    });
    var source = new EventSource(url);
    source.addEventListener('comment', function (event) {
      var holder = document.createElement('template');
      holder.innerHTML = event.data;
      var item = holder.content.firstElementChild;
      if (!item || document.getElementById(item.id) || waiting.some(function (w) { return w.id === item.id; })) {
        return;
      }
      waiting.push(item);
      var words = plural(waiting.length, 'new comment', 'new comments');
      show.textContent = words + ' — show';
      bar.hidden = false;
      say(status, words + '. Use the “show” button to read ' + (waiting.length === 1 ? 'it.' : 'them.'));
    });
  }

  // Bookmark and Share: copy the public link, the phone's own share sheet; nothing third-party loads.
  var announcer = document.createElement('p');
  announcer.className = 'visually-hidden';
  announcer.setAttribute('aria-live', 'polite');
  document.body.appendChild(announcer);
  if (navigator.clipboard) {
    Array.prototype.forEach.call(document.querySelectorAll('a[data-copy]'), function (link) {
      var label = link.querySelector('span');
      label.textContent = 'Copy link';
      link.addEventListener('click', function (e) {
        e.preventDefault();
        navigator.clipboard.writeText(link.getAttribute('data-copy')).then(function () {
          label.textContent = 'Link copied';
          say(announcer, 'Link copied.');
        }, function () {
          label.textContent = 'Could not copy: press and hold the link instead';
        });
      });
    });
  }
  if (navigator.share) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-share]'), function (button) {
      button.parentNode.hidden = false;
      button.addEventListener('click', function () {
        navigator.share({ title: button.getAttribute('data-title'), url: button.getAttribute('data-share') }).catch(function () {});
      });
    });
  }
  // An open menu closes with Escape or a tap elsewhere, as menus do.
  var menus = document.querySelectorAll('details.share-menu, details.report-menu');
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') { return; }
    Array.prototype.forEach.call(menus, function (d) {
      if (d.open && d.contains(document.activeElement)) {
        d.open = false;
        d.querySelector('summary').focus();
      }
    });
  });
  document.addEventListener('click', function (e) {
    Array.prototype.forEach.call(document.querySelectorAll('details.share-menu[open], details.report-menu[open]'), function (d) {
      if (!d.contains(e.target)) { d.open = false; }
    });
  });
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
  // Not from the account forms, nor from a page whose address holds a secret (a mailed link's
  // token or key): that would travel on in the return address.
  var secret = /[?&](token|key)=/i.test(window.location.search);
  if (!/^\/(signin|register|verify|recover|reset|unsubscribe)(\/|$)/.test(window.location.pathname) && !secret && here !== '/') {
    Array.prototype.forEach.call(document.querySelectorAll('a[href="/signin"], a[href="/register"]'), function (a) {
      a.setAttribute('href', a.getAttribute('href') + '?return=' + encodeURIComponent(here));
    });
  }
  // Back from the confirmation link: say so once, then tidy the address.
  var params = new URLSearchParams(window.location.search);
  var main = document.getElementById('main');
  if (params.get('confirmed') === 'email' && main) {
    // Anyone can type the address: only a masthead showing a signed-in reader backs the words.
    if (menu) {
      var note = document.createElement('p');
      note.className = 'notice confirmed-notice';
      note.setAttribute('role', 'status');
      main.insertBefore(note, main.firstChild);
      window.setTimeout(function () { note.textContent = 'Your e-mail address is confirmed. You are signed in.'; }, 50);
    }
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
