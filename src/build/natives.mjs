#!/usr/bin/env node
// Fetches llama.cpp's prebuilt shared libraries for the built-in engine with the npm client, checks each tarball
// against the sha512 pinned in natives.lock, and unpacks them. Runs in Maven's generate-resources phase (and by hand);
// does nothing when the pinned package is already unpacked. Never writes into the source tree.
//
//   node src/build/natives.mjs libraries --out target/natives [--package @node-llama-cpp/linux-x64-vulkan]
//       -> target/natives/<platform>/ (libllama, libggml*, the CPU backends, LICENSE)
//   node src/build/natives.mjs libraries --out target/natives --cpu all|<variant,...> --build target/llama-cpu-build
//       -> the same, with the CPU backends (libggml-cpu-<variant>) compiled here from the source at the same tag
//          (cmake and GCC 12 or newer) in place of the package's; see the CPU backends section for why
//   node src/build/natives.mjs headers --out target/natives/include
//       -> llama.cpp's include/ and ggml/include/ at the same tag (for the struct-layout test)
//   node src/build/natives.mjs source --out /somewhere/llama.cpp
//       -> llama.cpp's full source at the same tag (to build llama-bench for the benchmark; outside the repo)
import { execFileSync, spawnSync } from 'node:child_process';
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
    console.log(`natives: THINKBENCH_LLAMA_LIB_DIR=${process.env.THINKBENCH_LLAMA_LIB_DIR}; nothing fetched`
      + (cpuRequest() ? ' and no CPU backends built' : ''));
    return;
  }
  const platform = platformName();
  const entry = pinned(options.package && options.package !== 'auto' ? options.package : defaultPackage(platform));
  const target = path.resolve(options.out ?? 'target/natives', platform);
  const stamp = `${entry.name}@${entry.version} ${entry.integrity}`;
  const cpu = cpuRequest();
  const cpuStampFile = path.join(target, CPU_STAMP);
  const cpuStamp = cpu && cpuBuildStamp(cpu);
  const unpacked = stampMatches(path.join(target, '.package'), stamp);
  const built = fs.existsSync(cpuStampFile);
  if (unpacked && !cpu && !built) {
    console.log(`natives: ${entry.name}@${entry.version} already in ${target}`);
    return;
  }
  if (unpacked && cpu && stampMatches(cpuStampFile, cpuStamp)) {
    console.log(`natives: ${entry.name}@${entry.version} with CPU backends built here already in ${target}`);
    return;
  }
  // a different (or no longer wanted) build of the CPU backends: start again from the package's libraries
  if (!unpacked || built) {
    unpack(entry, stamp, target);
  }
  if (cpu) {
    cpuBackends(cpu, cpuStamp, target);
  }
}

function unpack(entry, stamp, target) {
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
      // the Node.js addon (and its Windows import library) and llama.cpp's "common" helpers are not used by Java
      if (!file.endsWith('.node') && !file.endsWith('.lib') && !file.startsWith('libllama-common')
        && !file.startsWith('llama-common')) {
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
  const tag = checkoutSource(target);
  console.log(`natives: llama.cpp ${tag} source in ${target}`);
}

/** Clones llama.cpp's source at the pinned tag into target (replacing it); returns the tag. */
function checkoutSource(target) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'thinkbench-source-'));
  try {
    const { clone, tag } = cloneSource(tmp);
    run('git', ['-C', clone, 'checkout', '--quiet', 'HEAD']);
    replaceDir(clone, target);
    return tag;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- CPU backends built here -------------------------------------------------------------------------------------
// Why: the published @node-llama-cpp/linux-x64 backends are compiled by GCC 11 (Ubuntu 22.04), which keeps the
// accumulators of llamafile's F16 matrix kernel (tinyBLAS gemm_bloc) in memory, storing all of them on every step of
// the inner loop (clang 14 too); GCC 12 keeps them in registers. Every x86 variant (haswell to zen4) evaluates F16 prompts at about
// half the speed of the same source compiled by GCC 12; quantized models and decoding are not affected. Building the
// CPU backends costs minutes (all 14 x86 variants: about 9 CPU-minutes, 5 minutes on 2 free cores; one about 1), so the package's stay the default.

const CPU_STAMP = '.cpu-build';

/** The --cpu option: null for the package's backends ("prebuilt", the default), else "all" or variant names. */
function cpuRequest() {
  const value = (options.cpu ?? 'prebuilt').trim();
  if (value === '' || value === 'prebuilt') return null;
  if (value === 'all') return 'all';
  const names = value.split(',').map(v => v.trim()).filter(v => v);
  for (const name of names) {
    if (!/^[a-z0-9_.]+$/.test(name)) fail(`--cpu ${value}: "${name}" is not a CPU variant name (e.g. zen4, haswell)`);
  }
  return [...new Set(names)].sort().join(',');
}

/** The compilers cmake will use, checked: GCC older than 12 would reproduce the slow kernel being replaced. */
let checkedCompilers;
function compilers() {
  if (checkedCompilers) return checkedCompilers;
  if (process.platform === 'win32') return (checkedCompilers = { args: [], text: 'the default compiler' });
  const found = [];
  for (const [variable, fallback, cmakeVar] of [['CC', 'cc', 'CMAKE_C_COMPILER'], ['CXX', 'c++', 'CMAKE_CXX_COMPILER']]) {
    const program = process.env[variable] || fallback;
    let version;
    try {
      version = run(program, ['--version']).split('\n')[0].trim();
    } catch (e) {
      fail(`building the CPU backends needs a C/C++ compiler (${program} not found; set ${variable}). `
        + 'Debian/Ubuntu: apt-get install build-essential cmake');
    }
    if (/clang/i.test(version)) {
      console.warn(`natives: warning: ${program} is ${version}; clang 14 keeps the F16 kernel's accumulators in memory `
        + 'as GCC 11 does, so these backends may be no faster than the package\'s. GCC 12 or newer is known good.');
    } else {
      const major = parseInt(run(program, ['-dumpversion']).trim(), 10);
      if (major < 12) {
        fail(`${program} is GCC ${major} (${version}): GCC before 12 keeps the F16 kernel's accumulators in memory, `
          + `which is the slowdown this build replaces. Use GCC 12 or newer (e.g. ${variable}=g++-12).`);
      }
    }
    found.push({ arg: `-D${cmakeVar}=${program}`, text: version });
  }
  checkedCompilers = { args: found.map(f => f.arg), text: [...new Set(found.map(f => f.text))].join(' / ') };
  return checkedCompilers;
}

function cpuBuildStamp(cpu) {
  const source = pinned('node-llama-cpp');
  return `cpu ${cpu} from ${source.name}@${source.version} ${source.integrity} by ${compilers().text}`;
}

function lastLines(file, n) {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
}

/** Runs a build tool with its output in logFile; on failure shows the log's end and stops. */
function runLogged(program, args, logFile) {
  fs.appendFileSync(logFile, `\n$ ${program} ${args.join(' ')}\n`);
  const fd = fs.openSync(logFile, 'a');
  let result;
  try {
    result = spawnSync(program, args, { stdio: ['ignore', fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  if (result.error) fail(`${program} could not be started (${result.error.message}); install cmake`);
  if (result.status !== 0) {
    console.error(lastLines(logFile, 40));
    fail(`${program} failed (exit ${result.status}); the whole log is ${logFile}`);
  }
}

/**
 * Compiles the CPU backends from llama.cpp's source at the pinned tag in options.build (source, cmake build, log;
 * reused by the next run) and copies them over the package's in target. The options match the package's own build
 * (node-llama-cpp's CI: GGML_NATIVE off, every CPU variant as a loadable module, no OpenMP, Release).
 */
function cpuBackends(cpu, stamp, target) {
  requireTool('cmake', 'Building the CPU backends needs cmake (Debian/Ubuntu: apt-get install cmake build-essential).');
  requireTool('git', 'Install git.');
  const compiler = compilers();
  const build = path.resolve(options.build ?? path.join(path.dirname(path.dirname(target)), 'llama-cpu-build'));
  const src = path.join(build, 'llama.cpp');
  const cmakeDir = path.join(build, 'cmake');
  const logFile = path.join(build, 'cpu-build.log');
  const sourceStamp = stamp.replace(/^cpu \S+ /, '').replace(/ by .*$/, '');
  fs.mkdirSync(build, { recursive: true });
  if (!stampMatches(path.join(build, '.source'), sourceStamp)) {
    fs.rmSync(cmakeDir, { recursive: true, force: true });
    console.log(`natives: llama.cpp ${checkoutSource(src)} source in ${src}`);
    fs.writeFileSync(path.join(build, '.source'), sourceStamp + '\n');
  }
  fs.writeFileSync(logFile, '');
  const started = Date.now();
  const ninja = (() => { try { run('ninja', ['--version']); return true; } catch (e) { return false; } })();
  runLogged('cmake', ['-S', src, '-B', cmakeDir, ...(ninja ? ['-G', 'Ninja'] : []), ...compiler.args,
    '-DCMAKE_BUILD_TYPE=Release', '-DBUILD_SHARED_LIBS=ON', '-DGGML_NATIVE=OFF', '-DGGML_BACKEND_DL=ON',
    '-DGGML_CPU_ALL_VARIANTS=ON', '-DGGML_OPENMP=OFF', '-DGGML_CCACHE=OFF', '-DGGML_BUILD_NUMBER=1',
    '-DLLAMA_CURL=OFF', '-DLLAMA_OPENSSL=OFF', '-DLLAMA_BUILD_COMMON=OFF', '-DLLAMA_BUILD_TESTS=OFF',
    '-DLLAMA_BUILD_EXAMPLES=OFF', '-DLLAMA_BUILD_TOOLS=OFF', '-DLLAMA_BUILD_SERVER=OFF',
    // as the package's: unversioned sonames (the backends need "libggml-base.so") and $ORIGIN as the search path
    '-DCMAKE_PLATFORM_NO_VERSIONED_SONAME=ON', '-DCMAKE_BUILD_RPATH_USE_ORIGIN=ON'], logFile);
  const offered = [...fs.readFileSync(logFile, 'utf8').matchAll(/Adding CPU backend variant ggml-cpu-(\S+?):/g)]
    .map(m => m[1]);
  if (offered.length === 0) fail(`llama.cpp offers no CPU backend variants on this platform; see ${logFile}`);
  const variants = cpu === 'all' ? offered : cpu.split(',');
  const unknown = variants.filter(v => !offered.includes(v));
  if (unknown.length) fail(`no CPU variant ${unknown.join(', ')} here; this platform's: ${offered.join(', ')}`);
  const jobs = String(os.availableParallelism ? os.availableParallelism() : os.cpus().length);
  console.log(`natives: compiling CPU backends ${variants.join(', ')} with ${compiler.text} (${jobs} jobs; `
    + `log ${logFile})`);
  runLogged('cmake', ['--build', cmakeDir, '--config', 'Release', '-j', jobs,
    '--target', ...variants.map(v => `ggml-cpu-${v}`)], logFile);
  // the stamp first: a folder left half replaced is never taken for the package's own
  fs.writeFileSync(path.join(target, CPU_STAMP), 'incomplete\n');
  for (const variant of variants) {
    const file = builtModule(cmakeDir, variant);
    fs.copyFileSync(file, path.join(target, path.basename(file)));
  }
  fs.writeFileSync(path.join(target, CPU_STAMP), stamp + '\n');
  console.log(`natives: CPU backends ${variants.join(', ')} built from source into ${target} in `
    + `${Math.round((Date.now() - started) / 1000)} s`);
}

function builtModule(cmakeDir, variant) {
  const name = new RegExp(`^(lib)?ggml-cpu-${variant.replace(/\./g, '\\.')}\\.(so|dylib|dll)$`);
  for (const dir of [path.join(cmakeDir, 'bin'), path.join(cmakeDir, 'bin', 'Release')]) {
    const file = fs.existsSync(dir) && fs.readdirSync(dir).find(f => name.test(f));
    if (file) return path.join(dir, file);
  }
  fail(`the build made no library for CPU variant ${variant} under ${cmakeDir}/bin`);
}

switch (command) {
  case 'libraries': libraries(); break;
  case 'headers': headers(); break;
  case 'source': source(); break;
  default: fail('usage: natives.mjs libraries|headers|source --out <folder> [--package <npm name>] '
    + '[--cpu prebuilt|all|<variant,...> --build <folder>]');
}
