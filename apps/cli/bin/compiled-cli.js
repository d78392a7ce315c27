// The CLI compiled once into plain JavaScript, kept as a cache beside the checkout's packages and
// rebuilt whenever one of its sources changes — the way tsx keeps its own transform cache. The
// packages stay TypeScript source (nothing is built before use); this only spares each run what
// running them through tsx costs at start-up: the loader thread tsx's ESM hooks need on Node 20,
// a transform-cache look-up and a source map for each of ~200 modules. `sitrep extract` on one
// article: ≈ 1.3–1.6 s of CPU through tsx, ≈ 0.7–0.9 s compiled (packages/extract/bench/README.md).
//
// What makes the compiled code run as the source does:
// - every workspace module keeps its own `import.meta.url` (written in as a literal), so data files
//   and workers are found where the source finds them;
// - every third-party import is resolved at build time from the importing file, as Node would,
//   and imported by that absolute path, never bundled;
// - the build is reused only while every file it read (sources, inlined JSON, the resolved
//   packages' entry files, and the package.json and tsconfig.json files over them) has the
//   size and mtime it was built from, on the same Node version; anything else rebuilds.
// Anything that fails here (no esbuild, a read-only checkout, a build error) returns null and the
// launcher runs the source through tsx as before.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const workspaceRoot = resolve(cliRoot, '../..');
const entry = join(cliRoot, 'src', 'main.ts');
// `sitrep extract`'s second thread, compiled beside main.mjs as extract-worker.mjs, sharing its
// chunks; the compiled code finds it through import.meta.sitrepCompiledDir (worker-script.ts)
const workerEntry = join(cliRoot, 'src', 'extract-threads', 'extract-worker.ts');
// apps/cli/node_modules/.cache: what the compiled main.ts resolves at run time
// (import.meta.resolve of '@sitrep/api/main', 'tsx') resolves from here as it does from apps/cli/src
const cacheDir = join(cliRoot, 'node_modules', '.cache', 'sitrep-cli');
const manifestFile = join(cacheDir, 'manifest.json');
/** Bumped when what this file writes changes shape (a change to this file rebuilds anyway). */
const FORMAT = 3;

/** size and mtime of a file, or null when it is gone */
function stamp(file) {
  try {
    const s = statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return null;
  }
}

function fresh(manifest) {
  if (manifest?.format !== FORMAT || manifest.node !== process.version) return false;
  // a checkout copied with its node_modules brings a build of the other checkout's files
  if (manifest.entry !== entry) return false;
  for (const [file, was] of Object.entries(manifest.inputs)) if (stamp(file) !== was) return false;
  return (
    stamp(join(cacheDir, manifest.dir, manifest.main)) !== null &&
    stamp(join(cacheDir, manifest.dir, 'extract-worker.mjs')) !== null
  );
}

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
}

const inWorkspace = (file) =>
  file.startsWith(workspaceRoot + sep) && !file.split(sep).includes('node_modules');

async function build() {
  const esbuild = await import('esbuild');
  const dir = `build-${Date.now()}-${randomBytes(4).toString('hex')}`;
  const outdir = join(cacheDir, dir);
  const externals = new Set();
  const resolving = Symbol('resolving');
  const result = await esbuild.build({
    entryPoints: { main: entry, 'extract-worker': workerEntry },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // Node's own conditions for an import, and no "module" field or condition Node would not read
    conditions: [],
    mainFields: ['main'],
    absWorkingDir: workspaceRoot,
    outdir,
    outExtension: { '.js': '.mjs' },
    // where the compiled code is, for what it starts as a worker (import.meta.url, written in
    // per module below, says where its source is)
    define: { 'import.meta.sitrepCompiledDir': JSON.stringify(`${pathToFileURL(outdir).href}/`) },
    metafile: true,
    write: true,
    logLevel: 'silent',
    plugins: [
      {
        name: 'sitrep-source-as-is',
        setup(b) {
          // third-party packages: resolved here from the importing file, imported by absolute path
          b.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.pluginData === resolving || args.path.startsWith('node:')) return undefined;
            const r = await b.resolve(args.path, {
              kind: args.kind,
              importer: args.importer,
              resolveDir: args.resolveDir,
              with: args.with,
              pluginData: resolving,
            });
            if (r.errors.length > 0 || !r.path) return undefined;
            // workspace packages and JSON data are compiled in; everything else stays a package
            if (inWorkspace(r.path) || r.path.endsWith('.json') || r.external)
              return {
                path: r.path,
                namespace: r.namespace,
                external: r.external,
                sideEffects: r.sideEffects,
              };
            externals.add(r.path);
            return { path: pathToFileURL(r.path).href, external: true };
          });
          // each workspace module keeps its own location
          b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
            if (!inWorkspace(args.path)) return undefined;
            const source = readFileSync(args.path, 'utf8');
            const loader = args.path.endsWith('ts') ? 'ts' : 'js';
            if (!source.includes('import.meta.url')) return { contents: source, loader };
            const url = JSON.stringify(pathToFileURL(args.path).href);
            return { contents: source.replaceAll('import.meta.url', url), loader };
          });
        },
      },
    ],
  });
  const read = [...Object.keys(result.metafile.inputs).map((f) => resolve(workspaceRoot, f)), ...externals];
  const inputs = {};
  for (const file of [...read, ...settingsOf(read)]) inputs[file] = stamp(file);
  const entryInput = entry
    .slice(workspaceRoot.length + 1)
    .split(sep)
    .join('/');
  const main = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === entryInput)?.[0];
  if (!main) throw new Error('esbuild wrote no entry point');
  const manifest = {
    format: FORMAT,
    node: process.version,
    entry,
    dir,
    main: resolve(workspaceRoot, main).slice(outdir.length + 1),
    inputs,
  };
  // one rename, so a run beside this one reads the old manifest or the new, never half of one
  const temporary = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(manifest));
  renameSync(temporary, manifestFile);
  removeOldBuilds(dir);
  return manifest;
}

/**
 * The files that decide how the sources read compile and resolve without being sources: every
 * package.json (exports, "type") and tsconfig.json from each file's folder up to the checkout
 * or its package's root, and the base tsconfig.
 */
function settingsOf(files) {
  const out = new Set([join(workspaceRoot, 'tsconfig.base.json'), fileURLToPath(import.meta.url)]);
  const seen = new Set();
  for (const file of files) {
    for (let dir = dirname(file); dir.startsWith(workspaceRoot) && !seen.has(dir); dir = dirname(dir)) {
      seen.add(dir);
      for (const name of ['package.json', 'tsconfig.json']) {
        const path = join(dir, name);
        if (stamp(path) !== null) out.add(path);
      }
      // a package in node_modules: its own package.json is the last that matters
      if (!inWorkspace(file) && stamp(join(dir, 'package.json')) !== null) break;
    }
  }
  return out;
}

/** Builds older than a day and not current: a run that started on one may still load its chunks. */
function removeOldBuilds(current) {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(cacheDir)) {
    if (!name.startsWith('build-') || name === current) continue;
    const path = join(cacheDir, name);
    if (statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** The compiled CLI's entry module (a file URL), built or rebuilt as needed, or null to run the source. */
export async function compiledCli() {
  try {
    let manifest = readManifest();
    if (!fresh(manifest)) {
      mkdirSync(dirname(manifestFile), { recursive: true });
      manifest = await build();
    }
    return pathToFileURL(join(cacheDir, manifest.dir, manifest.main)).href;
  } catch {
    return null;
  }
}
