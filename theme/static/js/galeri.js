/* An album's photos (galeri.html) shown larger and in turn with PhotoSwipe,
 * served by the site (theme/vendor/photoswipe, from the pinned npm package).
 * Without script, or before this runs, each photo is a plain link to the
 * full picture. PhotoSwipe's stylesheet is added here, not in the page's
 * head, so it never delays the first render. */
import PhotoSwipeLightbox from '../vendor/photoswipe/photoswipe-lightbox.esm.min.js';

const album = document.querySelector('[data-module="galeri"]');
if (album) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = album.dataset.css;
  document.head.append(css);
  const lightbox = new PhotoSwipeLightbox({
    gallery: album,
    children: 'a[data-pswp-width]',
    pswpModule: () => import('../vendor/photoswipe/photoswipe.esm.min.js'),
    closeTitle: 'Tutup',
    zoomTitle: 'Perbesar',
    arrowPrevTitle: 'Sebelumnya',
    arrowNextTitle: 'Berikutnya',
    errorMsg: 'Foto tidak dapat dimuat.',
    indexIndicatorSep: ' dari ',
    // An opaque backdrop: at PhotoSwipe's 80 % the page showed through
    // around the photo and behind its caption.
    bgOpacity: 1,
  });
  lightbox.on('uiRegister', () => {
    // The photo's caption and credit under it, as on the page.
    lightbox.pswp.ui.registerElement({
      name: 'keterangan', order: 9, isButton: false, appendTo: 'root',
      onInit: (element, pswp) => {
        pswp.on('change', () => {
          const caption = pswp.currSlide.data.element?.closest('figure')?.querySelector('figcaption');
          element.textContent = caption ? caption.textContent : '';
        });
      },
    });
  });
  lightbox.init();
}
