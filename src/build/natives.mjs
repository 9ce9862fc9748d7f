#!/usr/bin/env node
// Fetches llama.cpp's prebuilt shared libraries for the built-in engine with the npm client, checks each tarball
// against the sha512 pinned in natives.lock, and unpacks them. Runs in Maven's generate-resources phase (and by hand);
// does nothing when the pinned package is already unpacked. Never writes into the source tree.
//
//   node src/build/natives.mjs libraries --out target/natives [--package @node-llama-cpp/linux-x64-vulkan]
//       -> target/natives/<platform>/ (libllama, libggml*, the CPU backends, LICENSE)
//   node src/build/natives.mjs headers --out target/natives/include
//       -> llama.cpp's include/ and ggml/include/ at the same tag (for the struct-layout test)
//   node src/build/natives.mjs source --out /somewhere/llama.cpp
//       -> llama.cpp's full source at the same tag (to build llama-bench for the benchmark; outside the repo)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const lockFile = path.join(here, 'natives.lock');
const [command, ...rest] = process.argv.slice(2);
const options = {};
for (let i = 0; i < rest.length; i += 2) {
  options[rest[i].replace(/^--/, '')] = rest[i + 1];
}

function fail(message) {
  console.error(`natives: ${message}`);
  process.exit(1);
}

function readLock() {
  const entries = new Map();
  for (const line of fs.readFileSync(lockFile, 'utf8').split('\n')) {
    const text = line.trim();
    if (!text || text.startsWith('#')) continue;
    const [name, version, integrity] = text.split(/\s+/);
    entries.set(name, { name, version, integrity: integrity === '-' ? null : integrity });
  }
  return entries;
}

/** The platform folder name, the same mapping as the Java side's NativeLibraries (os.name / os.arch). */
function platformName() {
  const osName = { linux: 'linux', darwin: 'mac', win32: 'win' }[process.platform];
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (!osName || !arch) fail(`no llama.cpp package for ${process.platform}/${process.arch}; set THINKBENCH_LLAMA_LIB_DIR`);
  return `${osName}-${arch}`;
}

function defaultPackage(platform) {
  return platform === 'mac-arm64' ? '@node-llama-cpp/mac-arm64-metal' : `@node-llama-cpp/${platform}`;
}

function pinned(name) {
  const entry = readLock().get(name);
  if (!entry) fail(`${name} is not pinned in ${lockFile}`);
  if (!entry.integrity) {
    fail(`${name}@${entry.version} has no pinned integrity in ${lockFile}: add its registry hash after checking it `
      + `(npm view ${name}@${entry.version} dist.integrity), or set THINKBENCH_LLAMA_LIB_DIR to a llama.cpp build`);
  }
  return entry;
}

function run(program, args, cwd) {
  const windows = process.platform === 'win32';
  return execFileSync(windows && program === 'npm' ? 'npm.cmd' : program, args,
    { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], shell: windows && program === 'npm' });
}

function requireTool(program, hint) {
  try {
    run(program, ['--version']);
  } catch (e) {
    fail(`${program} is needed to fetch llama.cpp's libraries and was not found. ${hint}`);
  }
}

/** npm pack into a fresh temp folder; returns the checked tarball's path. */
function fetchVerified(entry, tmp) {
  requireTool('npm', 'Install Node.js with npm (Debian/Ubuntu: apt-get install npm; macOS: brew install node), '
    + 'or set THINKBENCH_LLAMA_LIB_DIR to a folder holding a llama.cpp build (libllama, libggml).');
  const spec = `${entry.name}@${entry.version}`;
  console.log(`natives: npm pack ${spec}`);
  const out = JSON.parse(run('npm', ['pack', spec, '--json', '--pack-destination', tmp], tmp));
  const tarball = path.join(tmp, out[0].filename);
  const digest = 'sha512-' + createHash('sha512').update(fs.readFileSync(tarball)).digest('base64');
  if (digest !== entry.integrity) {
    fail(`${spec}: the tarball's hash ${digest} differs from the pinned ${entry.integrity}; nothing was unpacked`);
  }
  return tarball;
}

function stampMatches(stampFile, stamp) {
  return fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === stamp;
}

function replaceDir(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.renameSync(from, to);
}

function libraries() {
  if (process.env.THINKBENCH_LLAMA_LIB_DIR) {
    console.log(`natives: THINKBENCH_LLAMA_LIB_DIR=${process.env.THINKBENCH_LLAMA_LIB_DIR}; nothing fetched`);
    return;
  }
  const platform = platformName();
  const entry = pinned(options.package && options.package !== 'auto' ? options.package : defaultPackage(platform));
  const target = path.resolve(options.out ?? 'target/natives', platform);
  const stamp = `${entry.name}@${entry.version} ${entry.integrity}`;
  if (stampMatches(path.join(target, '.package'), stamp)) {
    console.log(`natives: ${entry.name}@${entry.version} already in ${target}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkbench-natives-'));
  try {
    const tarball = fetchVerified(entry, tmp);
    requireTool('tar', 'Install tar.');
    run('tar', ['-xzf', tarball, '-C', tmp]);
    const bins = path.join(tmp, 'package', 'bins');
    const [binsDir] = fs.readdirSync(bins);
    const staging = path.join(tmp, 'staging');
    fs.mkdirSync(staging);
    for (const file of fs.readdirSync(path.join(bins, binsDir))) {
      // the Node.js addon and llama.cpp's "common" helpers are not used by the Java binding
      if (!file.endsWith('.node') && !file.startsWith('libllama-common') && !file.startsWith('llama-common')) {
        fs.copyFileSync(path.join(bins, binsDir, file), path.join(staging, file));
      }
    }
    fs.copyFileSync(path.join(tmp, 'package', 'LICENSE'), path.join(staging, 'LICENSE.txt'));
    fs.writeFileSync(path.join(staging, '.package'), stamp + '\n');
    replaceDir(staging, target);
    console.log(`natives: unpacked ${entry.name}@${entry.version} into ${target}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Clones llama.cpp's source bundle of the pinned node-llama-cpp package into a temp folder; returns the clone. */
function cloneSource(tmp) {
  const entry = pinned('node-llama-cpp');
  const tarball = fetchVerified(entry, tmp);
  run('tar', ['-xzf', tarball, '-C', tmp, 'package/llama/gitRelease.bundle', 'package/llama/llama.cpp.info.json']);
  requireTool('git', 'Install git.');
  const clone = path.join(tmp, 'llama.cpp');
  run('git', ['clone', '--quiet', '--no-checkout', path.join(tmp, 'package', 'llama', 'gitRelease.bundle'), clone]);
  const tag = JSON.parse(fs.readFileSync(path.join(tmp, 'package', 'llama', 'llama.cpp.info.json'), 'utf8')).tag;
  return { entry, clone, tag };
}

function headers() {
  const target = path.resolve(options.out ?? 'target/natives/include');
  const entry = pinned('node-llama-cpp');
  const stamp = `${entry.name}@${entry.version} ${entry.integrity}`;
  if (stampMatches(path.join(target, '.package'), stamp)) {
    console.log(`natives: llama.cpp headers already in ${target}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkbench-headers-'));
  try {
    const { clone, tag } = cloneSource(tmp);
    const staging = path.join(tmp, 'staging');
    fs.mkdirSync(staging);
    const archive = path.join(tmp, 'headers.tar');
    run('git', ['-C', clone, 'archive', '--format=tar', '-o', archive, 'HEAD', 'include', 'ggml/include', 'LICENSE']);
    run('tar', ['-xf', archive, '-C', staging]);
    fs.writeFileSync(path.join(staging, '.package'), stamp + '\n');
    replaceDir(staging, target);
    console.log(`natives: llama.cpp ${tag} headers in ${target}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function source() {
  if (!options.out) fail('source needs --out <folder outside the repository>');
  const target = path.resolve(options.out);
  if (fs.existsSync(path.join(target, 'include', 'llama.h'))) {
    console.log(`natives: llama.cpp source already in ${target}`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkbench-source-'));
  try {
    const { clone, tag } = cloneSource(tmp);
    run('git', ['-C', clone, 'checkout', '--quiet', 'HEAD']);
    replaceDir(clone, target);
    console.log(`natives: llama.cpp ${tag} source in ${target}`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

switch (command) {
  case 'libraries': libraries(); break;
  case 'headers': headers(); break;
  case 'source': source(); break;
  default: fail('usage: natives.mjs libraries|headers|source --out <folder> [--package <npm name>]');
}
