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
