/* The portal's additions to the web editor at /admin/ (Decap CMS), loaded
 * after decap-cms.js and before Decap reads config.yml.
 *
 * 1. "Foto": the one block an editor can insert into the body (config.yml
 *    lists it in `editor_components`). Validation requires body images in
 *    Pelican's form, ![teks alternatif]({static}/images/...), because a bare
 *    path would be resolved against the page's own address and break.
 *    Decap's own image block writes the media library's bare path
 *    (images/uploads/...), so this block writes the {static} form instead,
 *    and reads it back when an entry is opened again.
 *
 * 2. Before saving, empty values are left out of the file. Decap writes ""
 *    for a field that was typed in and cleared again, so an optional group
 *    such as `gambar` would be saved as `gambar: {keterangan: ""}`, which
 *    validation rightly reads as a photo without `src` and `alt`.
 *
 * 3. Then the entry is checked as `invoke check` checks one entry
 *    (aturan-editor.js, with admin/aturan.json): a photo without its alt
 *    text, an impossible date, a coordinate outside the regency, raw HTML the
 *    sanitiser refuses, a slug another entry has, ... is not saved, and the
 *    editor sees the same message `invoke check` would print.
 */
(function () {
  'use strict';
  var CMS = window.CMS;
  if (!CMS || typeof CMS.registerEditorComponent !== 'function' ||
      typeof CMS.registerEventListener !== 'function') {
    return;
  }
  var PREFIX = '{static}/';

  function clean(text) {
    // Square brackets and line breaks would end the Markdown image early.
    return String(text || '').replace(/[\[\]]+/g, ' ').replace(/\s+/g, ' ').trim();
  }

  CMS.registerEditorComponent({
    id: 'foto',
    label: 'Foto',
    fields: [
      {
        name: 'src',
        label: 'Berkas foto',
        widget: 'image',
        choose_url: false,
        hint: 'Pilih foto yang sudah ada atau unggah foto baru.',
      },
      {
        name: 'alt',
        label: 'Teks alternatif',
        widget: 'string',
        hint: 'Gambarkan isi foto untuk pembaca yang tidak dapat melihatnya.',
      },
    ],
    pattern: /^!\[([^\]]*)\]\(\{static\}\/?([^)\s]+)\)$/,
    fromBlock: function (match) {
      return { alt: match[1], src: match[2] };
    },
    toBlock: function (data) {
      var src = String(data.src || '').replace(/^\{static\}\/?/, '').replace(/^\/+/, '');
      return '![' + clean(data.alt) + '](' + PREFIX + src + ')';
    },
    toPreview: function (data, getAsset, fields) {
      var field = fields && fields.find(function (f) { return f.get('widget') === 'image'; });
      var asset = data.src ? getAsset(data.src, field) : '';
      var attributes = { src: String(asset || ''), alt: clean(data.alt) };
      return window.h ? window.h('img', attributes) : '';
    },
  });

  // Immutable.js Map or List (Decap's entry data), recognised by behaviour.
  function isCollection(value) {
    return value !== null && typeof value === 'object' && typeof value.isEmpty === 'function' &&
      typeof value.map === 'function' && typeof value.filter === 'function';
  }

  function prune(value) {
    if (value === null || value === undefined || value === '') {
      return undefined;
    }
    if (isCollection(value)) {
      var kept = value.map(prune).filter(function (item) { return item !== undefined; });
      return kept.isEmpty() ? undefined : kept;
    }
    return value;
  }

  var rules = null;
  function loadRules() {
    if (!rules) {
      rules = fetch('aturan.json', { cache: 'no-cache' }).then(function (response) {
        if (!response.ok) throw new Error('aturan.json: HTTP ' + response.status);
        return response.json();
      });
    }
    return rules;
  }
  loadRules().catch(function () { rules = null; });  // fetched early; again on save if it failed

  CMS.registerEventListener({
    name: 'preSave',
    handler: async function (event) {
      var data = event.entry.get('data')
        .map(function (value, key) { return key === 'body' ? value : prune(value); })
        .filter(function (value, key) { return key === 'body' || value !== undefined; });
      var problems = window.PortalAturan.check(await loadRules(), event.entry.get('collection'),
        data.toJS(), event.entry.get('newRecord') ? '' : event.entry.get('path'));
      if (problems.length) {
        var error = new Error(problems.join(' · '));
        error.name = 'Belum dapat disimpan';
        throw error;
      }
      return data;
    },
  });
})();
