// Progressive enhancement only: every page works without this file.
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
