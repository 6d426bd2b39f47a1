/* After "Simpan": what happened to the saved entry on the published site.
 *
 * Saving commits the entry to the repository; the site changes only once
 * the workflow (.github/workflows/site.yml) has checked the content and
 * published it. Without this the editor sees "Isian tersimpan" and believes
 * the page is online, while a failed check leaves it in the CI log only.
 *
 * So after each save this asks the GitHub API, with the editor's own login
 * (the token Decap keeps after "Masuk dengan GitHub"), about the commit that
 * last changed the entry's file:
 *   GET /repos/{repo}/commits?path={file}&sha={branch}&per_page=1
 *   GET /repos/{repo}/commits/{sha}/check-runs
 *   GET /repos/{repo}/check-runs/{id}/annotations   (only for a failed job)
 * The jobs are named in admin/terbit.json: `pemeriksaan` (the suite, which
 * is skipped when only content changed, and the build that checks the
 * content) and `penerbitan` (the deploy).
 * It shows, in a panel at the bottom of the editor: building, published
 * (with a link to the page) or failed (with `invoke check`'s messages, read
 * from the job's annotations). Settings come from admin/terbit.json
 * (plugins/portal/editor/cms.py, status_settings); without a repository the
 * panel stays off.
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  if (!CMS || typeof CMS.registerEventListener !== 'function') return;

  var settings = fetch('terbit.json', { cache: 'no-cache' })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; });
  var current = 0;  // a newer save takes the panel over

  function panel() {
    var node = document.getElementById('status-terbit');
    if (!node) {
      node = document.createElement('section');
      node.id = 'status-terbit';
      node.setAttribute('role', 'status');
      node.setAttribute('aria-live', 'polite');
      node.setAttribute('aria-label', 'Status penerbitan');
      document.body.appendChild(node);
    }
    return node;
  }

  function element(name, text, attributes) {
    var node = document.createElement(name);
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function show(state, title, detail, extra) {
    var node = panel();
    node.className = 'status-terbit status-terbit--' + state;
    node.replaceChildren(element('p', title, { 'class': 'status-terbit__judul' }));
    if (detail) node.appendChild(element('p', detail));
    if (extra) node.appendChild(extra);
    var close = element('button', 'Tutup', { type: 'button', 'class': 'status-terbit__tutup' });
    close.addEventListener('click', function () { node.remove(); });
    node.appendChild(close);
  }

  function token() {
    try {
      var user = JSON.parse(window.localStorage.getItem('decap-cms-user') || 'null');
      return user && user.token;
    } catch (error) {
      return null;
    }
  }

  function get(config, path) {
    var headers = { Accept: 'application/vnd.github+json' };
    var key = token();
    if (key) headers.Authorization = 'token ' + key;
    return fetch(config.api + path, { headers: headers, cache: 'no-store' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      return response.json();
    });
  }

  function pageUrl(config, collection, data) {
    var template = config.alamat[collection];
    var slug = data.slug || (window.PortalAturan && window.PortalAturan.plainSlug(data.title || ''));
    if (!template || !slug) return config.situs;
    return config.situs + template.replace('{slug}', slug);
  }

  function failureList(runs, config) {
    var list = element('ul', '', { 'class': 'status-terbit__pesan' });
    return Promise.all(runs.map(function (run) {
      return get(config, '/repos/' + config.repo + '/check-runs/' + run.id + '/annotations')
        .catch(function () { return []; })
        .then(function (annotations) {
          var found = annotations.filter(function (note) {
            return note.annotation_level === 'failure';
          });
          if (!found.length) {
            list.appendChild(element('li', 'Tahap "' + run.name + '" gagal tanpa pesan untuk ' +
              'editor. Hubungi pengelola portal.'));
          }
          found.forEach(function (note) {
            var where = note.path + (note.start_line ? ' baris ' + note.start_line : '');
            list.appendChild(element('li', where + ': ' + note.message));
          });
        });
    })).then(function () { return list; });
  }

  var FAILED = ['failure', 'cancelled', 'timed_out', 'action_required', 'stale'];

  // One look at the build of the commit that saved `file`; resolves to true
  // when there is nothing more to wait for.
  function look(config, file, since, url) {
    var base = '/repos/' + config.repo;
    return get(config, base + '/commits?per_page=1&sha=' + encodeURIComponent(config.branch) +
               '&path=' + encodeURIComponent(file)).then(function (commits) {
      var commit = commits[0];
      if (!commit || Date.parse(commit.commit.committer.date) < since) {
        show('menunggu', 'Isian tersimpan. Menunggu situs mulai dibangun…',
             'Halaman belum berubah di situs. Biarkan editor ini terbuka untuk melihat hasilnya.');
        return false;
      }
      return get(config, base + '/commits/' + commit.sha + '/check-runs').then(function (result) {
        var runs = result.check_runs || [];
        var failed = runs.filter(function (run) {
          return run.status === 'completed' && FAILED.indexOf(run.conclusion) >= 0;
        });
        if (failed.length) {
          return failureList(failed, config).then(function (list) {
            show('gagal', 'Gagal terbit: situs tidak berubah.',
                 'Isian sudah tersimpan, tetapi pemeriksaan menolaknya. Perbaiki hal berikut, ' +
                 'lalu simpan lagi:', list);
            return true;
          });
        }
        var deploy = runs.filter(function (run) { return run.name === config.penerbitan; })[0];
        if (deploy && deploy.status === 'completed' && deploy.conclusion === 'success') {
          var link = element('a', 'Lihat halaman', { href: url, target: '_blank', rel: 'noopener' });
          show('terbit', 'Terbit: perubahan sudah tampil di situs.', '', link);
          return true;
        }
        // Still checking while a checking job has no finished run: a job
        // waiting for another (the suite waits for the look at what changed)
        // has no check run yet. A skipped one (conclusion "skipped": only
        // content changed, the suite did not need to run) is finished.
        var checking = config.pemeriksaan.some(function (name) {
          return !runs.some(function (run) { return run.name === name && run.status === 'completed'; });
        });
        show('dibangun', 'Situs sedang dibangun…', checking
          ? 'Tahap 1 dari 2: isi diperiksa. Biasanya beberapa menit.'
          : 'Tahap 2 dari 2: situs diterbitkan.');
        return false;
      });
    });
  }

  // The saved file. A new entry has no path yet when Decap reports the
  // save; Decap then opens the saved entry at #/collections/<name>/entries/
  // <file name>, and the file is the collection's folder and that name.
  function savedFile(config, collection, entry) {
    if (entry.get('path')) return Promise.resolve(entry.get('path'));
    var folder = config.folder[collection];
    var prefix = '#/collections/' + collection + '/entries/';
    return new Promise(function (resolve) {
      var tries = 0;
      (function wait() {
        var hash = window.location.hash;
        if (folder && hash.indexOf(prefix) === 0 && hash.length > prefix.length) {
          resolve(folder + '/' + decodeURIComponent(hash.slice(prefix.length).split(/[?#]/)[0]) + '.md');
        } else if (++tries < 100) {
          window.setTimeout(wait, 100);
        } else {
          resolve('');
        }
      })();
    });
  }

  function follow(config, collection, entry, file) {
    if (!file) return;
    var run = ++current;
    var since = Date.now() - 2 * 60 * 1000;  // the commit's clock may differ a little
    var giveUp = Date.now() + config.batas_menit * 60 * 1000;
    var url = pageUrl(config, collection, entry.get('data').toJS());
    function again() {
      if (run !== current) return;
      if (Date.now() > giveUp) {
        show('menunggu', 'Belum ada hasil setelah ' + config.batas_menit + ' menit.',
             'Periksa situs lagi nanti, atau tanyakan kepada pengelola portal.');
        return;
      }
      look(config, file, since, url).then(function (done) {
        if (!done) window.setTimeout(again, config.jeda_detik * 1000);
      }, function () {
        show('menunggu', 'Status penerbitan belum dapat dibaca.',
             'Sambungan ke GitHub terputus; mencoba lagi…');
        window.setTimeout(again, config.jeda_detik * 1000);
      });
    }
    again();
  }

  CMS.registerEventListener({
    name: 'postSave',
    handler: function (event) {
      var entry = event.entry;
      settings.then(function (config) {
        if (!config || !config.repo || !config.api) return;
        var collection = entry.get('collection');
        savedFile(config, collection, entry).then(function (file) {
          follow(config, collection, entry, file);
        });
      });
    },
  });
})();
