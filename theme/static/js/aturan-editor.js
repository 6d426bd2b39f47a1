/* The web editor's own check of one entry before saving: the rules and the
 * words of `invoke check`, from admin/aturan.json (written at build time by
 * plugins/portal/editor/editor_rules.py from the content model).
 *
 * This file follows plugins/portal/intake/validation.py (one document, and
 * the checks against the other entries) and the kinds of
 * plugins/portal/model/kinds.py step by step, in the same order; the
 * patterns and the message templates are not written here but read from
 * aturan.json. tests/test_editor_rules.py runs every broken fixture and
 * random values of every kind through both and expects the same messages,
 * so a rule changed on one side only fails the tests.
 *
 * `check(aturan, collection, data, path)` returns the problems as
 * `invoke check` words them after the file name ("kolom 'gambar.alt': ...");
 * `path` is the entry's file (content/berita/...) or '' for a new entry.
 * The same file runs in Node for the tests (module.exports).
 */
(function (root) {
  'use strict';

  // -- Python's ways, where JavaScript's differ -------------------------------

  function codePoints(text) { return Array.from(text); }

  // str.strip(): Python's whitespace, which is not quite JavaScript's \s.
  var PY_SPACE = '[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f' +
    '\\u205f\\u3000]';
  var PY_STRIP = new RegExp('^' + PY_SPACE + '+|' + PY_SPACE + '+$', 'g');
  function pyStrip(text) { return text.replace(PY_STRIP, ''); }

  var NOT_PRINTABLE = /(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/gu;

  function pyRepr(value) {
    if (typeof value === 'string') {
      var quote = value.indexOf("'") >= 0 && value.indexOf('"') < 0 ? '"' : "'";
      var body = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        .replace(/\t/g, '\\t').replace(NOT_PRINTABLE, function (char) {
          // What str.isprintable() refuses, escaped as repr() does.
          var code = char.codePointAt(0);
          var hex = code.toString(16);
          if (code < 0x100) return '\\x' + ('0' + hex).slice(-2);
          if (code < 0x10000) return '\\u' + ('000' + hex).slice(-4);
          return '\\U' + ('0000000' + hex).slice(-8);
        });
      if (quote === "'") body = body.replace(/'/g, "\\'");
      return quote + body + quote;
    }
    if (Array.isArray(value)) return '[' + value.map(pyRepr).join(', ') + ']';
    if (isGroup(value)) {
      return '{' + Object.keys(value).map(function (key) {
        return pyRepr(key) + ': ' + pyRepr(value[key]);
      }).join(', ') + '}';
    }
    return pyStr(value);
  }

  // str(value) as Python writes it.
  function pyStr(value) {
    if (value === null || value === undefined) return 'None';
    if (value === true) return 'True';
    if (value === false) return 'False';
    if (typeof value === 'number') {
      if (Number.isInteger(value)) return String(value);
      var text = String(value);
      var exp = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
      if (exp) {  // 1e-7 -> 1e-07, as Python
        text = exp[1] + 'e' + exp[2] + (exp[3].length < 2 ? '0' : '') + exp[3];
      }
      return text;
    }
    if (typeof value === 'string') return value;
    return pyRepr(value);
  }

  // Python's str.format for the templates: {name}, {{ and }}.
  function say(aturan, key, values) {
    return aturan.pesan[key].replace(/\{\{|\}\}|\{(\w+)\}/g, function (all, name) {
      if (all === '{{') return '{';
      if (all === '}}') return '}';
      return pyStr(values[name]);
    });
  }

  function shown(value, limit) {
    var points = codePoints(pyStr(value));
    limit = limit || 60;
    return points.length <= limit ? points.join('') : points.slice(0, limit).join('') + '…';
  }

  function isGroup(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (isGroup(value) && Object.keys(value).length === 0);
  }

  function isInt(value) { return typeof value === 'number' && Number.isInteger(value); }

  var compiled = {};
  function pattern(aturan, name, global) {
    var key = name + (global ? '/g' : '');
    if (!compiled[key]) {
      var spec = aturan.pola[name];
      compiled[key] = new RegExp(spec.source, spec.flags + (global ? 'g' : ''));
    }
    compiled[key].lastIndex = 0;
    return compiled[key];
  }

  function matches(aturan, name, text) { return pattern(aturan, name).exec(text); }

  // Every match of a pattern, as Python's finditer (empty matches move on).
  function findAll(regex, text) {
    var found = [];
    var re = new RegExp(regex.source, regex.flags + 'g');
    var match;
    while ((match = re.exec(text)) !== null) {
      found.push(match);
      if (match[0] === '') re.lastIndex += 1;
    }
    return found;
  }

  // pelican.utils.slugify with Pelican's default substitutions, where the
  // answer is certain: for text that needs transliteration beyond removing
  // accents (unidecode) or holds markup, undefined (the build checks it).
  function plainSlug(text) {
    text = pyStr(text);
    if (/[<&]/.test(text)) return undefined;
    text = text.normalize('NFKC').normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
      // Emoji (and their joiners and variation selectors) become nothing.
      .replace(/[\u200d\ufe0f]|(?=\p{Extended_Pictographic})[\u{1F300}-\u{1FAFF}]/gu, '');
    if (/[^\x00-\x7f]/.test(text)) return undefined;
    var space = '[\\t\\n\\v\\f\\r \\x1c-\\x1f]';
    text = text.replace(/[^A-Za-z0-9_\t\n\v\f\r \x1c-\x1f-]/g, '')
      .replace(new RegExp('^' + space + '*'), '').replace(new RegExp(space + '*$'), '')
      .replace(new RegExp('[-\\t\\n\\v\\f\\r \\x1c-\\x1f]+', 'g'), '-');
    return text.toLowerCase().replace(new RegExp('^' + space + '+|' + space + '+$', 'g'), '');
  }

  // difflib.get_close_matches(word, candidates, n=1, cutoff=0.75)[0]
  function closest(word, candidates) {
    var best = null;
    var bestRatio = -1;
    var b = codePoints(word);
    candidates.slice().sort().forEach(function (candidate) {
      var a = codePoints(candidate);
      var ratio = a.length + b.length ? 2 * matchingCount(a, b) / (a.length + b.length) : 1;
      if (ratio >= 0.75 && (ratio > bestRatio || (ratio === bestRatio && candidate > best))) {
        best = candidate;
        bestRatio = ratio;
      }
    });
    return best;
  }

  // The characters SequenceMatcher(None, a, b) finds matching (no junk).
  function matchingCount(a, b) {
    var where = {};
    b.forEach(function (item, j) { (where[item] = where[item] || []).push(j); });
    var total = 0;
    var queue = [[0, a.length, 0, b.length]];
    while (queue.length) {
      var range = queue.pop();
      var alo = range[0], ahi = range[1], blo = range[2], bhi = range[3];
      var besti = alo, bestj = blo, bestsize = 0;
      var lengths = {};
      for (var i = alo; i < ahi; i++) {
        var next = {};
        var positions = where[a[i]] || [];
        for (var p = 0; p < positions.length; p++) {
          var j = positions[p];
          if (j < blo) continue;
          if (j >= bhi) break;
          var k = next[j] = (lengths[j - 1] || 0) + 1;
          if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
        }
        lengths = next;
      }
      if (bestsize) {
        total += bestsize;
        if (alo < besti && blo < bestj) queue.push([alo, besti, blo, bestj]);
        if (besti + bestsize < ahi && bestj + bestsize < bhi) {
          queue.push([besti + bestsize, ahi, bestj + bestsize, bhi]);
        }
      }
    }
    return total;
  }

  // -- the kinds (model/kinds.py) ------------------------------------------------

  // The patterns of kinds.py's refused characters, with the `u` flag: a
  // lone surrogate is one character, an emoji's two halves are not.
  function refusing(aturan, which, flags) {
    return new RegExp(aturan.tak_terlihat[which], 'u' + (flags || ''));
  }

  function hex(char) {
    return ('000' + char.codePointAt(0).toString(16).toUpperCase()).slice(-4);
  }

  // kinds.invisible_character: the first refused character and its place.
  function invisible(aturan, text, which) {
    text = pyStr(text);
    var match = refusing(aturan, which || 'semua').exec(text);
    if (!match) return null;
    var char = match[0];
    var key = refusing(aturan, 'pindah_baris').test(char) ? 'baris-tunggal'
      : refusing(aturan, 'kendali').test(char) ? 'karakter-kendali' : 'tak-terlihat';
    return say(aturan, key, {
      code: hex(char), position: codePoints(text.slice(0, match.index)).length + 1,
    });
  }

  // kinds.refused_characters
  function refusedBy(aturan, spec) {
    if (spec.kind === 'teks') {
      return aturan.tak_terlihat.kolom_baris.indexOf(spec.name) >= 0 ? 'teks_baris' : 'teks';
    }
    return spec.kind === 'harga' ? 'teks' : 'semua';
  }

  function oneValue(aturan, spec, value) {
    if (Array.isArray(value) || isGroup(value)) {
      return say(aturan, 'satu-nilai', { label: spec.label, name: spec.name });
    }
    if (typeof value === 'boolean') return say(aturan, 'bukan-ya-tidak', { label: spec.label });
    return invisible(aturan, value, refusedBy(aturan, spec));
  }

  function single(test) {
    return function (aturan, spec, value) {
      return oneValue(aturan, spec, value) || test(aturan, spec, value);
    };
  }

  function matching(name, key, extra) {
    return function (aturan, spec, value) {
      if (matches(aturan, name, pyStr(value))) return null;
      var values = { value: shown(value) };
      if (extra) values[extra] = aturan.slug_petunjuk;
      return say(aturan, key, values);
    };
  }

  function yearMessage(aturan, year) {
    return say(aturan, 'tanggal-tahun', {
      year: year, first: aturan.wilayah.tahun_awal, last: aturan.wilayah.tahun_akhir,
    });
  }

  function pad(number) { return (number < 10 ? '0' : '') + number; }

  function checkDate(aturan, text, name, form) {
    var match = matches(aturan, name, text);
    if (!match) return say(aturan, 'tanggal-bentuk', { value: shown(text), form: form });
    var year = parseInt(match[1], 10), month = parseInt(match[2], 10);
    var day = parseInt(match[3], 10);
    if (year < aturan.wilayah.tahun_awal || year > aturan.wilayah.tahun_akhir) {
      return yearMessage(aturan, year);
    }
    if (month < 1 || month > 12) return say(aturan, 'tanggal-bulan', { month: pad(month) });
    var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) {
      return say(aturan, 'tanggal-hari', { day: day, month: pad(month), year: year, last: last });
    }
    if (match.length > 4 && match[4] !== undefined) {
      var hour = parseInt(match[4], 10), minute = parseInt(match[5], 10);
      if (hour > 23 || minute > 59) {
        return say(aturan, 'tanggal-jam', { hour: pad(hour), minute: pad(minute) });
      }
    }
    return null;
  }

  function listItems(value, splitCommas) {
    if (typeof value === 'string' && splitCommas && value.indexOf(',') >= 0) {
      return value.split(',').map(pyStrip);
    }
    return Array.isArray(value) ? value : [value];
  }

  function listCheck(itemTest, splitCommas) {
    return function (aturan, spec, value) {
      var items = listItems(value, splitCommas !== false);
      for (var i = 0; i < items.length; i++) {
        var item = items[i];
        if (!(typeof item === 'string' || isInt(item)) || pyStr(item) === '') {
          return say(aturan, 'daftar-bukan-teks', { label: spec.label });
        }
        var message = invisible(aturan, item) || itemTest(aturan, spec, item);
        if (message) return message;
      }
      var distinct = {};
      items.forEach(function (item) { distinct[pyStr(item)] = true; });
      if (Object.keys(distinct).length !== items.length) return say(aturan, 'daftar-ganda', {});
      return null;
    };
  }

  function choiceTest(aturan, spec, value) {
    if ((spec.choices || []).indexOf(value) >= 0) return null;
    return say(aturan, 'pilihan-tidak-dikenal', {
      value: shown(value), choices: spec.choices.join(', '),
    });
  }

  function toNumber(value) {
    if (typeof value === 'boolean') return null;
    if (typeof value === 'number') return value;
    var text = pyStrip(pyStr(value));
    // float() accepts a decimal (digits may be grouped by single '_') with
    // an optional exponent, and inf, infinity and nan.
    var digits = '[0-9](?:_?[0-9])*';
    var decimal = new RegExp('^[+-]?(?:' + digits + '(?:\\.(?:' + digits + ')?)?|\\.' + digits +
      ')(?:e[+-]?' + digits + ')?$', 'i');
    if (decimal.test(text)) return parseFloat(text.replace(/_/g, ''));
    if (!/^[+-]?(inf|infinity|nan)$/i.test(text)) return null;
    if (/nan/i.test(text)) return NaN;
    return text[0] === '-' ? -Infinity : Infinity;
  }

  function coordinate(limit, range, name) {
    return function (aturan, spec, value) {
      var low = aturan.wilayah[range][0], high = aturan.wilayah[range][1];
      var number = toNumber(value);
      if (number === null) return say(aturan, 'koordinat-bukan-angka', { value: shown(value) });
      if (!(number >= -limit && number <= limit)) {
        return say(aturan, 'koordinat-rentang', { value: value, limit: limit });
      }
      if (!(number >= low && number <= high)) {
        return say(aturan, 'koordinat-wilayah', {
          value: value, region: aturan.wilayah.nama, name: name, low: low, high: high,
        });
      }
      return null;
    };
  }

  function textCheck(aturan, spec, value) {
    var text = pyStr(value);
    var length = codePoints(text).length;
    if (spec.max_length && length > spec.max_length) {
      return say(aturan, 'teks-panjang', { length: length, limit: spec.max_length });
    }
    var prefixes = spec.not_starting_with || [];
    for (var i = 0; i < prefixes.length; i++) {
      var prefix = prefixes[i];
      if (text.toLowerCase().indexOf(prefix.toLowerCase() + ' ') === 0) {
        return say(aturan, 'teks-awalan', {
          value: shown(text), prefix: text.slice(0, prefix.length),
          rest: shown(pyStrip(text.slice(prefix.length))),
        });
      }
    }
    return null;
  }

  function integerCheck(aturan, spec, value) {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      return say(aturan, 'bilangan-bertitik', { value: value });
    }
    if (!isInt(value)) return say(aturan, 'bilangan-bukan', { value: shown(value) });
    if (spec.minimum !== undefined && value < spec.minimum) {
      return say(aturan, 'bilangan-minimum', { minimum: spec.minimum });
    }
    return null;
  }

  function kimItem(aturan, spec, item) {
    if (typeof item === 'string' && item.indexOf(',') >= 0) return say(aturan, 'kim-satu-baris', {});
    if (!matches(aturan, 'slug', pyStr(item))) {
      return say(aturan, 'kim-bukan-slug', { value: shown(item) });
    }
    return null;
  }

  // A photo's or a document's path (kind 'gambar' or 'dokumen'): the same
  // four checks, in the same order as Python's, each with the kind's words.
  function pathCheck(kind, wrongKey, wrongValues) {
    return function (aturan, spec, value) {
      if (typeof value !== 'string') return say(aturan, kind + '-bukan-jalur', { label: spec.label });
      var refused = invisible(aturan, value);
      if (refused) return refused;
      if (!matches(aturan, kind, value)) {
        var values = wrongValues ? wrongValues(aturan) : {};
        values.value = shown(value);
        return say(aturan, wrongKey, values);
      }
      if (matches(aturan, 'spasi', value)) return say(aturan, kind + '-spasi', { value: shown(value) });
      return null;
    };
  }

  var imageCheck = pathCheck('gambar', 'gambar-bukan-gambar');
  var documentCheck = pathCheck('dokumen', 'dokumen-jenis-berkas', function (aturan) {
    return { allowed: aturan.akhiran_dokumen.map(function (end) { return '.' + end; }).join(', ') };
  });

  function whatsappNumber(aturan, value) {
    return matches(aturan, 'ponsel', pyStr(value).replace(pattern(aturan, 'pemisah_telepon', true), ''));
  }

  function telephoneTest(aturan, spec, value) {
    var digits = pyStr(value).replace(/[^0-9]/g, '').length;
    if (!matches(aturan, 'telepon', pyStr(value)) || digits < 6 || digits > 15) {
      return say(aturan, 'telepon-bukan', { value: value });
    }
    return null;
  }

  function priceTextCheck(aturan, spec, value) {
    if (typeof value === 'string') return invisible(aturan, value, refusedBy(aturan, spec));
    if (isInt(value)) return say(aturan, 'harga-tanpa-satuan', {});
    return say(aturan, 'harga-tidak-dikenali', {});
  }

  function monthOrDate(aturan, spec, value) {
    var text = pyStr(value);
    var refused = invisible(aturan, text);
    if (refused) return refused;
    var month = matches(aturan, 'bulan', text);
    if (month) {
      var year = parseInt(month[1], 10);
      if (year < aturan.wilayah.tahun_awal || year > aturan.wilayah.tahun_akhir) {
        return yearMessage(aturan, year);
      }
      var number = parseInt(month[2], 10);
      if (number < 1 || number > 12) return say(aturan, 'tanggal-bulan', { month: month[2] });
      return null;
    }
    return checkDate(aturan, text, 'tanggal', aturan.bentuk_tanggal['bulan-atau-tanggal']);
  }

  var KINDS = {
    'teks': single(textCheck),
    'slug': single(matching('slug', 'slug-tidak-sah', 'hint')),
    'tanggal': function (aturan, spec, value) {
      return invisible(aturan, value) ||
        checkDate(aturan, pyStr(value), 'tanggal', aturan.bentuk_tanggal.tanggal);
    },
    'tanggal-waktu': function (aturan, spec, value) {
      return invisible(aturan, value) || checkDate(aturan, pyStr(value), 'tanggal_waktu',
        aturan.bentuk_tanggal['tanggal-waktu']);
    },
    'bulan-atau-tanggal': monthOrDate,
    'bilangan-bulat': integerCheck,
    'ya-tidak': function (aturan, spec, value) {
      return typeof value === 'boolean' ? null : say(aturan, 'ya-tidak-bukan', { value: value });
    },
    'pilihan': single(choiceTest),
    'status': single(choiceTest),
    'daftar-pilihan': listCheck(function (aturan, spec, item) {
      if (spec.choices.indexOf(item) >= 0) return null;
      return say(aturan, 'pilihan-daftar-tidak-dikenal', {
        value: shown(item), choices: spec.choices.join(', '),
      });
    }),
    'daftar-teks': listCheck(function () { return null; }),
    'rujukan-kim': single(matching('slug', 'kim-bukan-slug')),
    'daftar-rujukan-kim': listCheck(kimItem, false),
    'gambar': imageCheck,
    'berkas': documentCheck,
    'url': single(function (aturan, spec, value) {
      var text = pyStr(value);
      if (matches(aturan, 'url', text)) return null;
      var key = /^https?:\/\//.test(text) ? 'url-tidak-polos' : 'url-bukan';
      return say(aturan, key, { value: shown(value) });
    }),
    'youtube': single(matching('youtube', 'youtube-bukan')),
    'email': single(matching('email', 'email-bukan')),
    'whatsapp': single(function (aturan, spec, value) {
      return whatsappNumber(aturan, value) ? null : say(aturan, 'whatsapp-bukan', { value: value });
    }),
    'telepon': single(telephoneTest),
    'lintang': coordinate(90, 'lintang', 'lintang'),
    'bujur': coordinate(180, 'bujur', 'bujur'),
    'harga': priceTextCheck,
    'objek': function () { return null; },
    'daftar-objek': function () { return null; },
  };

  // -- one entry (intake/validation.py) ----------------------------------------

  function missing(aturan, spec, category, group) {
    if (group) {
      return say(aturan, 'wajib-dalam-kelompok', {
        label: spec.label, name: spec.name, group: group.name, example: spec.example,
      });
    }
    return say(aturan, 'wajib', {
      label: spec.label, name: spec.name, example: spec.example,
      reason: category ? ' untuk kategori ' + category : '',
    });
  }

  function Checker(aturan, collection, path) {
    this.aturan = aturan;
    this.ctype = aturan.jenis[collection];
    this.collection = collection;
    this.path = path || '';
    this.problems = [];
  }

  Checker.prototype.add = function (field, message) {
    this.problems.push(field ? "kolom '" + field + "': " + message : message);
  };

  Checker.prototype.value = function (spec, value, name) {
    var shape = spec.shape;
    if (shape === 'kelompok' || (shape === 'kelompok-atau-teks' && isGroup(value))) {
      this.object(spec, value, name);
    } else if (shape === 'daftar-kelompok') {
      if (isGroup(value)) value = [value];
      if (!Array.isArray(value)) {
        this.add(name, say(this.aturan, 'bukan-daftar-kelompok', { label: spec.label }));
        return;
      }
      for (var i = 0; i < value.length; i++) this.object(spec, value[i], name + '[' + (i + 1) + ']');
    } else {
      var message = KINDS[spec.kind](this.aturan, spec, value);
      if (message) this.add(name, message);
    }
  };

  Checker.prototype.object = function (spec, value, name) {
    var self = this;
    if (!isGroup(value)) {
      this.add(name, say(this.aturan, 'bukan-kelompok', {
        label: spec.label, name: spec.name,
        subnames: spec.fields.map(function (sub) { return sub.name; }).join(', '),
      }));
      return;
    }
    spec.fields.forEach(function (sub) {
      var subValue = value[sub.name];
      if (isEmpty(subValue)) {
        if (sub.required) self.add(name + '.' + sub.name, missing(self.aturan, sub, null, spec));
        return;
      }
      self.value(sub, subValue, name + '.' + sub.name);
    });
  };

  Checker.prototype.slug = function (data) {
    var value = data.slug;
    if (isInt(value)) value = String(value);
    if (typeof value === 'string' && value) return value;
    return data.title ? plainSlug(data.title) : null;
  };

  Checker.prototype.document = function (data) {
    var self = this, aturan = this.aturan;
    var category = data.category;
    var extra = typeof category === 'string' ? this.ctype.conditional[category] || [] : [];
    this.ctype.fields.forEach(function (spec) {
      var value = data[spec.name];
      if (isEmpty(value)) {
        var conditional = extra.indexOf(spec.name) >= 0;
        if (spec.required || conditional) {
          self.add(spec.name, missing(aturan, spec, conditional ? category : null));
        }
        return;
      }
      self.value(spec, value, spec.name);
    });
    this.order(data);
    var key = this.collection;
    if (key === 'berita' && !(typeof category === 'string' && category in this.ctype.conditional)) {
      ['klaim', 'label', 'beredar'].forEach(function (name) {
        if (!isEmpty(data[name])) self.add(name, say(aturan, 'hanya-cek-fakta', {}));
      });
    }
    var slug = this.slug(data);
    if (key === 'berita' && slug === '') self.add('title', say(aturan, 'judul-tanpa-alamat', {}));
    if (slug && codePoints(slug).length > aturan.batas.slug) {
      self.add(data.slug ? 'slug' : 'title', say(aturan, 'alamat-terlalu-panjang', {
        length: codePoints(slug).length, limit: aturan.batas.slug,
      }));
    }
    if (key === 'berita') {
      this.tags(data).forEach(function (tag) {
        if (plainSlug(tag) === '') self.add('tags', say(aturan, 'tag-tanpa-huruf', { value: shown(tag) }));
      });
    }
    if (key === 'halaman' && aturan.slug_cadangan.indexOf(slug) >= 0) {
      self.add('slug', say(aturan, 'slug-dicadangkan', { slug: slug }));
    }
    var body = typeof data.body === 'string' ? data.body : '';
    var bytes = new TextEncoder().encode(body).length;
    if (bytes > aturan.batas.isi) {
      self.add('', say(aturan, 'isi-terlalu-panjang', {
        size: Math.floor(bytes / 1024), limit: Math.floor(aturan.batas.isi / 1024),
      }));
    }
    this.bodyImages(body);
    this.bodyLinks(body);
    this.bodyHtml(body);
    this.againstOthers(data, slug, body);
  };

  // A later date (an activity's end) not before the earlier (its start); a
  // later date without a time of day means that whole day.
  Checker.prototype.order = function (data) {
    var self = this, aturan = this.aturan;
    (this.ctype.in_order || []).forEach(function (pair) {
      var specs = pair.map(function (name) {
        return self.ctype.fields.filter(function (spec) { return spec.name === name; })[0];
      });
      var values = pair.map(function (name) { return data[name]; });
      for (var i = 0; i < 2; i++) {
        if (isEmpty(values[i]) || KINDS[specs[i].kind](aturan, specs[i], values[i])) return;
      }
      var start = matches(aturan, 'tanggal_waktu', pyStr(values[0]));
      var end = matches(aturan, 'tanggal_waktu', pyStr(values[1]));
      function key(match, withTime) {
        var parts = [match[1], match[2], match[3]];
        if (withTime) parts.push(match[4] || '00', match[5] || '00');
        return parts.join('-');
      }
      var text = pyStr(values[1]);
      var endHasTime = pyStrip(text).indexOf(' ') >= 0 || text.indexOf('T') >= 0;
      if (key(end, endHasTime) < key(start, endHasTime)) {
        self.add(pair[1], say(aturan, 'urutan-tanggal', {
          later_label: specs[1].label, later: values[1],
          earlier_label: specs[0].label, earlier: values[0],
        }));
      }
    });
  };

  // The tags as validation reads them (its `values`, then Document.tags).
  Checker.prototype.tags = function (data) {
    var value = data.tags;
    if (isEmpty(value)) return [];
    var items = Array.isArray(value) ? value : pyStr(value).split(',');
    if (typeof value === 'string' && value.indexOf(',') < 0) items = [value];
    return items.map(function (tag) { return pyStrip(pyStr(tag)); })
      .filter(function (tag) { return tag; });
  };

  Checker.prototype.bodyImages = function (body) {
    var self = this, aturan = this.aturan;
    findAll(pattern(aturan, 'gambar_isi'), body).forEach(function (match) {
      var target = match[1];
      if (matches(aturan, 'skema', target) || target.indexOf('//') === 0) return;
      if (!matches(aturan, 'awalan_dalam', target)) {
        self.add('', say(aturan, 'isi-gambar-tanpa-static', { target: target }));
        return;
      }
      if (target.replace(pattern(aturan, 'awalan_dalam'), '').charAt(0) !== '/') {
        self.add('', say(aturan, 'isi-gambar-tanpa-garis-miring', { target: shown(target) }));
      }
      // Whether the file exists is checked by the build: a photo is uploaded
      // in the same commit as the entry.
    });
  };

  Checker.prototype.bodyHtml = function (body) {
    var self = this, aturan = this.aturan;
    findAll(pattern(aturan, 'img_mentah'), body).forEach(function () {
      self.add('', say(aturan, 'isi-img', {}));
    });
    aturan.html_berbahaya.forEach(function (pair) {
      findAll(new RegExp(pair[0].source, pair[0].flags), body).forEach(function () {
        self.add('', say(aturan, 'isi-html-berbahaya', { what: pair[1] }));
      });
    });
    this.bodyCharacters(body);
  };

  // validation.check_body_characters: the first control character of each
  // line.
  Checker.prototype.bodyCharacters = function (body) {
    var self = this, aturan = this.aturan;
    var control = refusing(aturan, 'kendali_isi');
    var every = refusing(aturan, 'kendali', 'g');
    body.split('\n').forEach(function (line) {
      var match = control.exec(line);
      if (!match) return;
      self.add('', say(aturan, 'isi-karakter-kendali', {
        code: hex(match[0]), position: codePoints(line.slice(0, match.index)).length + 1,
        line: shown(line.replace(every, '')),
      }));
    });
  };

  // A path below content/ as validation resolves it, or null outside.
  function resolve(base, target) {
    var parts = (target.charAt(0) === '/' ? 'content' : base).split('/');
    target.replace(/^\/+/, '').split('/').forEach(function (part) {
      if (part === '..') parts.pop();
      else if (part && part !== '.') parts.push(part);
    });
    return parts[0] === 'content' ? parts.join('/') : null;
  }

  Checker.prototype.folder = function () {
    return this.path ? this.path.replace(/\/[^/]*$/, '') : 'content/' + this.collection;
  };

  Checker.prototype.bodyLinks = function (body) {
    var self = this, aturan = this.aturan;
    findAll(pattern(aturan, 'tautan_isi'), body).forEach(function (match) {
      var target = match[1];
      if (/^(https?:\/\/|mailto:|tel:|#|\{)/.test(target)) return;
      if (matches(aturan, 'tujuan_md', target)) {
        self.add('', say(aturan, 'isi-tautan-md', { target: shown(target) }));
      } else if (matches(aturan, 'domain_polos', target)) {
        self.add('', say(aturan, 'isi-tautan-tanpa-https', { target: shown(target) }));
      }
    });
    var images = {};
    findAll(pattern(aturan, 'gambar_isi'), body).forEach(function (match) {
      images[match.index + match[0].length - match[1].length] = true;
    });
    var files = {};
    aturan.berkas.forEach(function (file) { files[file] = true; });
    findAll(pattern(aturan, 'tautan_dalam'), body).forEach(function (match) {
      if (images[match.index]) return;
      var linked = resolve(self.folder(), match[2]);
      var target = '{' + match[1] + '}' + match[2];
      if (!linked || !files[linked]) {
        self.add('', say(aturan, 'isi-tautan-tidak-ada', { target: target }));
      } else if (match[1] === 'filename' && !matches(aturan, 'tujuan_md', match[2])) {
        self.add('', say(aturan, 'isi-tautan-filename-bukan-tulisan', { target: target }));
      }
    });
  };

  Checker.prototype.againstOthers = function (data, slug, body) {
    var self = this, aturan = this.aturan;
    var others = (aturan.entri[this.collection] || []).filter(function (row) {
      return row[1] !== self.path;
    });
    if (slug) {
      var same = others.filter(function (row) { return row[0] === slug; })[0];
      if (same) self.add('slug', say(aturan, 'slug-ganda', { slug: slug, path: same[1] }));
    }
    // aturan.json lists published entries only (drafts stay private), so a
    // reference to a draft reads here as one to an entry that does not exist;
    // invoke check, which sees the drafts, says that it is a draft.
    var kims = (aturan.entri.kim || []).filter(function (row) { return row[0]; });
    var known = {};
    var invisibleAll = refusing(aturan, 'semua', 'g');
    kims.forEach(function (row) {
      known[row[0]] = true;
      known[row[0].replace(invisibleAll, '')] = true;
    });
    this.ctype.fields.forEach(function (spec) {
      var value = data[spec.name];
      if (!spec.refers_to || isEmpty(value) || KINDS[spec.kind](aturan, spec, value)) return;
      var exists = (aturan.entri[spec.refers_to] || []).some(function (row) {
        return row[0] && row[0] === pyStr(value);
      });
      if (!exists) {
        self.add(spec.name, say(aturan, 'rujukan-tidak-ada', {
          label: spec.label, ref: value, collection: spec.refers_to,
        }));
      }
    });
    this.ctype.fields.forEach(function (spec) {
      if (spec.kind !== 'rujukan-kim' && spec.kind !== 'daftar-rujukan-kim') return;
      var value = data[spec.name];
      (Array.isArray(value) ? value : [value]).forEach(function (ref) {
        if (typeof ref === 'string' || isInt(ref)) ref = String(ref);
        if (typeof ref === 'string' && matches(aturan, 'slug', ref) && !known[ref]) {
          var suggestion = closest(ref, Object.keys(known));
          var fix = suggestion ? say(aturan, 'kim-tidak-ada-mirip', { suggestion: suggestion })
            : say(aturan, 'kim-tidak-ada-tulis', {});
          self.add(spec.name, say(aturan, 'kim-tidak-ada', { ref: ref, fix: fix }));
        }
      });
    });
  };

  function check(aturan, collection, data, path) {
    var checker = new Checker(aturan, collection, path);
    checker.document(data || {});
    return checker.problems;
  }

  var api = { check: check, kinds: Object.keys(KINDS), kindCheck: function (aturan, spec, value) {
    return KINDS[spec.kind](aturan, spec, value);
  }, plainSlug: plainSlug, closest: closest };
  if (typeof module === 'object' && module.exports) {
    module.exports = api;
  } else {
    root.PortalAturan = api;
  }
})(this);
