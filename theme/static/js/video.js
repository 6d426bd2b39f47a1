/* A video's cover (components/video.html) becomes YouTube's player only
 * when the reader presses it: until then the page sends nothing to YouTube
 * (no cookie, no tracking, no 1 MB player on a weak connection). The player
 * comes from YouTube's no-cookie domain, the one the page's policy allows in
 * a frame (output/policy.py). Without script the cover is a plain link to the
 * video on YouTube. */
(function () {
  'use strict';
  document.querySelectorAll('[data-module="video"] .video__cover').forEach(function (cover) {
    cover.addEventListener('click', function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      var frame = document.createElement('iframe');
      frame.className = 'video__player';
      frame.src = cover.getAttribute('data-embed') + '?autoplay=1&rel=0';
      frame.title = 'Video: ' + cover.getAttribute('data-title');
      frame.allow = 'autoplay; encrypted-media; picture-in-picture; fullscreen';
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      cover.replaceWith(frame);
      frame.focus();
    });
  });
})();
