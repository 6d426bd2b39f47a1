/* A photo straight from a phone (4000x3000, 3-5 MB) is made smaller in the
 * browser before the web editor uploads it: the longest side at most
 * `foto.sisi_maks` pixels, a JPEG of at most `foto.bita_maks` bytes
 * (admin/aturan.json, from plugins/portal/intake/images.py): the size the
 * build publishes a photo at. The build would make that copy itself (without
 * the camera's metadata), but a 4 MB upload on a village connection takes
 * minutes and makes the repository heavier for good; and re-encoding here
 * keeps the GPS position of where the photo was taken out of the repository
 * too.
 *
 * Smaller photos are uploaded as they are (never enlarged; Decap's own
 * `media_processing` would enlarge them to its width). Formats the browser
 * cannot decode (HEIC) are left alone and named by the build's check.
 *
 * How: a listener on `window` in the capture phase sees the file field's
 * "change" before Decap's (React listens on its root element), holds it,
 * replaces the chosen files with the smaller ones, and sends "change" again.
 */
(function () {
  'use strict';
  var DEFAULTS = { sisi_maks: 2000, bita_maks: 500000 };
  var limits = fetch('aturan.json', { cache: 'no-cache' })
    .then(function (response) { return response.json(); })
    .then(function (rules) { return rules.foto || DEFAULTS; })
    .catch(function () { return DEFAULTS; });
  var REPLAYED = 'fotoPonselSelesai';

  function isPhoto(file) {
    return /^image\/(jpeg|png|webp)$/.test(file.type);
  }

  function encode(bitmap, scale, quality) {
    var canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    var context = canvas.getContext('2d');
    context.fillStyle = '#fff';  // a transparent PNG on white, not black
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', quality); });
  }

  function shrink(file, limit) {
    return createImageBitmap(file, { imageOrientation: 'from-image' }).then(function (bitmap) {
      var side = Math.max(bitmap.width, bitmap.height);
      if (side <= limit.sisi_maks && file.size <= limit.bita_maks) {
        bitmap.close();
        return file;
      }
      var scale = Math.min(1, limit.sisi_maks / side);
      var qualities = [0.85, 0.78, 0.7, 0.6];
      function attempt(index) {
        return encode(bitmap, scale, qualities[index]).then(function (blob) {
          if (blob.size <= limit.bita_maks) return blob;
          if (index + 1 < qualities.length) return attempt(index + 1);
          scale *= 0.8;  // still too large: fewer pixels, from the best quality again
          return attempt(0);
        });
      }
      return attempt(0).then(function (blob) {
        bitmap.close();
        var name = file.name.replace(/\.[^./]*$/, '') + '.jpg';
        return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
      });
    }).catch(function () { return file; });
  }

  window.addEventListener('change', function (event) {
    var input = event.target;
    if (event[REPLAYED] || !input || input.type !== 'file' || !input.files) return;
    var files = Array.prototype.slice.call(input.files);
    if (!files.some(isPhoto)) return;
    event.stopImmediatePropagation();
    input.setAttribute('aria-busy', 'true');
    limits.then(function (limit) {
      return Promise.all(files.map(function (file) {
        return isPhoto(file) ? shrink(file, limit) : file;
      }));
    }).then(function (smaller) {
      var transfer = new DataTransfer();
      smaller.forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
      input.removeAttribute('aria-busy');
      var again = new Event('change', { bubbles: true });
      again[REPLAYED] = true;
      input.dispatchEvent(again);
    });
  }, true);
})();
