// Puts the web editor's prebuilt bundle (Decap CMS) in node_modules/decap-cms/dist/.
//
// Decap publishes one self-contained browser bundle, which is all the site
// serves (plugins/portal/editor/cms.py copies it into /admin/). Installed as
// an npm dependency it brings some 380 MB of build-time packages and hundreds
// of peer-dependency warnings, none of which the bundle uses. So the package's
// own tarball is fetched from the registry (`npm pack`, which uses npm's cache
// and registry settings), checked against the integrity pinned in
// package.json ("editorBundle"), and only its dist/ folder is unpacked.
// Runs after `npm ci` (the "postinstall" script); does nothing when the pinned
// bundle is already in place.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pin = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).editorBundle;
const target = path.join(root, 'node_modules', pin.name);
const stamp = path.join(target, '.integrity');

class Refusal extends Error {}
function fail(message) {
  throw new Refusal(`Editor web (${pin.name} ${pin.version}) tidak terpasang: ${message}`);
}

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === pin.integrity) process.exit(0);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-bundle-'));
try {
  let packed;
  try {
    packed = JSON.parse(execFileSync('npm', ['pack', `${pin.name}@${pin.version}`, '--json',
      '--silent', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }));
  } catch (error) {
    fail(`npm pack gagal (${String(error.stderr || error.message).trim().split('\n')[0]}); ` +
      'periksa sambungan ke registri npm lalu jalankan npm ci lagi');
  }
  const tarball = path.join(work, packed[0].filename);
  const digest = 'sha512-' + createHash('sha512').update(fs.readFileSync(tarball)).digest('base64');
  if (digest !== pin.integrity) fail(`isi paket tidak cocok dengan yang dipin (${digest})`);
  try {
    // The bundle and its chunks; which of them the site serves is decided
    // by bundle_files() in plugins/portal/editor/cms.py. No source maps.
    execFileSync('tar', ['-xzf', tarball, '-C', work, '--exclude=*.map', 'package/dist'],
      { stdio: 'pipe' });
  } catch (error) {
    fail(`paket tidak dapat dibuka (${String(error.stderr).trim().split('\n')[0]})`);
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.renameSync(path.join(work, 'package', 'dist'), path.join(target, 'dist'));
  fs.writeFileSync(stamp, pin.integrity);
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
