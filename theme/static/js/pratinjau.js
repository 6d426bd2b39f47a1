/* Live preview only (invoke livereload; base.html loads this when
 * LIVERELOAD_PORT is set): when the last rebuild was stopped by problems in
 * the content, the page shown is the previous build. Say so above the page
 * and in the console, with the problems as `invoke check` words them, so the
 * editor fixes them before pushing. While a rebuild is under way, say that
 * some pages may not show the last save yet. plugins/portal/builder/preview.py
 * answers the address in data-masalah. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.fetch) return;
  fetch(script.getAttribute('data-masalah'), { cache: 'no-store' })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      var problems = (data && data.masalah) || [];
      if (!problems.length) {
        if (data && data.membangun) showRebuilding();
        return;
      }
      problems.forEach(function (problem) { console.warn('[pratinjau] ' + problem); });
      var box = document.createElement('section');
      box.className = 'notice notice--batal pratinjau-masalah';
      box.setAttribute('role', 'alert');
      var title = document.createElement('p');
      var strong = document.createElement('strong');
      strong.textContent = 'Pratinjau belum diperbarui: ' + problems.length +
        ' masalah pada konten.';
      title.appendChild(strong);
      title.appendChild(document.createTextNode(
        ' Halaman ini masih hasil pembangunan sebelumnya. Perbaiki lalu simpan; halaman ' +
        'dimuat ulang sendiri. invoke check menampilkan daftar yang sama.'));
      var list = document.createElement('ul');
      problems.forEach(function (problem) {
        var item = document.createElement('li');
        item.textContent = problem;
        list.appendChild(item);
      });
      box.appendChild(title);
      box.appendChild(list);
      document.body.insertBefore(box, document.body.firstChild);
    })
    .catch(function () { /* the preview server is gone: nothing to say */ });

  // A save shows its own page at once (builder/resident.py); the other
  // pages, lists and search follow when the rebuild is done, and the page
  // reloads then by itself.
  function showRebuilding() {
    var note = document.createElement('p');
    note.className = 'notice pratinjau-membangun';
    note.setAttribute('role', 'status');
    note.textContent = 'Pratinjau sedang dibangun ulang: sebagian halaman, daftar, dan ' +
      'pencarian mungkin belum memuat simpanan terakhir. Halaman ini dimuat ulang sendiri ' +
      'bila selesai.';
    document.body.insertBefore(note, document.body.firstChild);
  }
})();
