/* The web editor never runs inside another page's frame.
 *
 * The editor keeps the editor's GitHub token in this site's storage and can
 * publish with one click; a page elsewhere that framed it could trick an
 * editor into clicks (clickjacking). A Content-Security-Policy in a <meta>
 * cannot say frame-ancestors, and static hosts such as GitHub Pages send no
 * headers of our choosing, so this script says it: loaded before Decap's
 * bundle, it keeps Decap from starting in a frame (CMS_MANUAL_INIT, read by
 * the bundle when it loads), asks the browser to open the editor as the whole
 * page, and otherwise leaves only a sentence saying how to open it.
 * Where the host can send headers, the README's "Security model" lists them.
 */
(function () {
  'use strict';
  if (window.top === window.self) return;
  window.CMS_MANUAL_INIT = true;
  try {
    window.top.location.replace(window.location.href);
  } catch (error) {
    // A sandboxed frame may not move the page around it; the editor still
    // does not start.
  }
  document.addEventListener('DOMContentLoaded', function () {
    var note = document.createElement('p');
    note.textContent = 'Editor web tidak dapat dibuka di dalam halaman lain. Buka ' +
      window.location.href + ' langsung di peramban.';
    document.body.textContent = '';
    document.body.appendChild(note);
  });
})();
