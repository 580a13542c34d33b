#!/usr/bin/env node
// Runs a core wasm guest as a Component Model component through jco, an implementation of the
// Canonical ABI that owes nothing to WitHost, and prints what each call returned. The .NET
// cross-check tests run the same guest through WitHost and compare.
//
//   node run-component.mjs spec.json      (or the spec as JSON on stdin)
//
// The spec and the output are described in README.md, with the JSON value mapping.
//
// Steps: embed the WIT world into the core module and make a component of it (jco rejects a
// module whose import/export names or core signatures do not match the WIT: the acceptance
// check), transpile the component to JavaScript, instantiate it with recording host imports
// and WASI from @bytecodealliance/preview2-shim, run the calls in order on that one instance.

import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { componentEmbed, componentNew, transpile, preview1AdapterReactorPath } from '@bytecodealliance/jco';

// A failure with the stage it happened in, reported as {"ok": false, "stage", "message"}.
class StageError extends Error {
  constructor(stage, message) {
    super(message);
    this.stage = stage;
  }
}

async function readSpec(argv) {
  const text = argv.length > 0 && argv[0] !== '-'
    ? await readFile(argv[0], 'utf8')
    : await readStdin();
  let spec;
  try {
    spec = JSON.parse(text);
  } catch (error) {
    throw new StageError('spec', `the spec is not JSON: ${messageOf(error)}`);
  }
  for (const field of ['wasm', 'wit', 'world']) {
    if (typeof spec[field] !== 'string') throw new StageError('spec', `"${field}" must be a string`);
  }
  if (!Array.isArray(spec.calls)) throw new StageError('spec', '"calls" must be an array');
  spec.imports ??= {};
  return spec;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

// jco's messages come as Error objects or, from the wasm-tools component, as a ComponentError
// whose payload is the text; either way the text is what a reader needs.
function messageOf(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

// ---- The JSON value mapping (README.md, "Values"). ----

// Typed-array lists: jco lifts list<u8>, list<s32>, ... into typed arrays and expects typed
// arrays when lowering them, so they have their own tag in JSON to make the kind explicit.
const typedArrayTags = {
  $u8: Uint8Array, $s8: Int8Array, $u16: Uint16Array, $s16: Int16Array,
  $u32: Uint32Array, $s32: Int32Array, $u64: BigUint64Array, $s64: BigInt64Array,
  $f32: Float32Array, $f64: Float64Array,
};

function tagOfTypedArray(value) {
  for (const [tag, type] of Object.entries(typedArrayTags)) {
    if (value instanceof type) return tag;
  }
  return undefined;
}

function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// JS value (as jco lifts it) -> JSON value.
function encode(value) {
  if (value === undefined || value === null) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'bigint':
      return { $bigint: value.toString() };
    case 'number':
      // JSON has no NaN, infinities or negative zero; they are floats, so they carry a tag.
      if (!Number.isFinite(value) || Object.is(value, -0)) return { $float: Object.is(value, -0) ? '-0' : String(value) };
      return value;
  }
  if (Array.isArray(value)) return value.map(encode);
  if (ArrayBuffer.isView(value)) {
    const tag = tagOfTypedArray(value);
    if (tag === undefined) throw new Error(`cannot map a ${value.constructor.name} to JSON`);
    return { [tag]: Array.from(value, encode) };
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    // As in JSON.stringify, a key whose value is undefined (a record field that is none, a
    // variant case without payload) is left out, whether jco set it or not.
    const out = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== undefined) out[key] = encode(item);
    }
    return out;
  }
  // Resource handles and other class instances have no JSON form yet: say so rather than
  // print something that would compare equal by accident.
  throw new Error(`cannot map a value of type ${value?.constructor?.name ?? typeof value} to JSON`);
}

// JSON value -> JS value (as jco lowers it).
function decode(json) {
  if (json === null) return undefined;
  if (Array.isArray(json)) return json.map(decode);
  if (typeof json !== 'object') return json;
  const keys = Object.keys(json);
  // WIT identifiers cannot start with '$', so a single '$' key is always a tag, never a field.
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const [tag] = keys;
    const payload = json[tag];
    if (tag === '$bigint') return BigInt(payload);
    if (tag === '$float') return Number(payload);
    const type = typedArrayTags[tag];
    if (type === undefined) throw new Error(`unknown value tag ${tag}`);
    const isBig = type === BigInt64Array || type === BigUint64Array;
    return type.from(payload.map(item => (isBig ? BigInt(decode(item)) : decode(item))));
  }
  const out = {};
  for (const [key, item] of Object.entries(json)) out[key] = decode(item);
  return out;
}

// WIT names are kebab-case; jco names functions and interfaces in lowerCamelCase.
function camelCase(name) {
  return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

// ---- Building and transpiling the component. ----

async function buildComponent(spec) {
  const binary = await readFile(spec.wasm);
  const witSource = await readFile(spec.wit, 'utf8');
  // The sandboxed wasm-tools cannot open files, so everything goes in as contents.
  let embedded;
  try {
    embedded = await componentEmbed({ binary, witSource, world: spec.world });
  } catch (error) {
    throw new StageError('embed', messageOf(error));
  }
  // A wasi-libc guest imports wasi_snapshot_preview1; the reactor adapter jco ships turns those
  // imports into WASI 0.2 imports. wit-component only uses it when the module needs it.
  const adapter = await readFile(preview1AdapterReactorPath());
  try {
    return await componentNew(embedded, [['wasi_snapshot_preview1', adapter]]);
  } catch (error) {
    throw new StageError('component', messageOf(error));
  }
}

async function transpileInto(component, dir) {
  let output;
  try {
    // 'async' instantiation: the generated module exports instantiate(getCoreModule, imports),
    // so the imports are ours to give (the recording host, and WASI from the shim).
    output = await transpile(component, { name: 'component', instantiation: 'async' });
  } catch (error) {
    throw new StageError('transpile', messageOf(error));
  }
  for (const [name, bytes] of Object.entries(output.files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  }
  return { entry: join(dir, 'component.js'), imports: output.imports };
}

// ---- Imports: WASI from preview2-shim, the rest recorded. ----

async function loadWasiShim() {
  // The shim version jco itself depends on, resolved from jco's own package.
  const requireFromJco = createRequire(import.meta.resolve('@bytecodealliance/jco'));
  const shim = await import(pathToFileURL(requireFromJco.resolve('@bytecodealliance/preview2-shim')).href);
  // Like a WitHost instance without WASI options, the guest sees none of the host: no
  // environment, no arguments, no directories. Its stdout goes to our stderr, so that stdout
  // carries only the JSON report.
  shim.cli._setEnv({});
  shim.cli._setArgs([]);
  shim.filesystem._clearPreopens();
  shim.cli._setStdout(shim.cli.stderr.getStderr());
  return shim;
}

function wasiInterface(shim, specifier) {
  // wasi:cli/terminal-input@0.2.3 -> shim.cli.terminalInput
  const match = /^wasi:([a-z0-9-]+)\/([a-z0-9-]+)(@.*)?$/.exec(specifier);
  const namespace = match && shim[match[1]];
  const iface = namespace && namespace[camelCase(match[2])];
  if (!iface) throw new StageError('instantiate', `preview2-shim has no implementation of ${specifier}`);
  return iface;
}

// Host behaviour per import function: every call is recorded (into the current call's list)
// and returns the spec's fixed "returns" value, if any, or, for a function whose result type is
// a top-level result<_, E>, fails with the "throws" value as the err payload.
function hostImports(spec, needed, shim, recorder) {
  const imports = {};
  for (const specifier of needed) {
    if (specifier.startsWith('wasi:')) imports[specifier] = wasiInterface(shim, specifier);
  }
  for (const [name, behaviour] of Object.entries(spec.imports)) {
    const hash = name.lastIndexOf('#');
    if (hash < 0) throw new StageError('spec', `import "${name}" must be "<interface>#<function>"`);
    const specifier = name.slice(0, hash);
    const fn = name.slice(hash + 1);
    if (!needed.includes(specifier)) {
      throw new StageError('spec', `the component does not import ${specifier} (it imports: ${needed.join(', ') || 'nothing'})`);
    }
    if (behaviour === null || typeof behaviour !== 'object') {
      throw new StageError('spec', `the behaviour of import "${name}" must be an object`);
    }
    const returns = decode(behaviour.returns ?? null);
    const throws = 'throws' in behaviour;
    // jco takes a thrown object's "payload" as the err value of a top-level result.
    const failure = throws ? { payload: decode(behaviour.throws) } : undefined;
    imports[specifier] ??= {};
    imports[specifier][camelCase(fn)] = (...args) => {
      recorder.record({ import: name, args: args.map(encode) });
      if (throws) throw failure;
      return returns;
    };
  }
  const missing = needed.filter(specifier => !(specifier in imports));
  if (missing.length > 0) throw new StageError('spec', `no behaviour given for imported ${missing.join(', ')}`);
  return imports;
}

// ---- Calls. ----

function findExport(root, name) {
  const hash = name.lastIndexOf('#');
  if (hash < 0) return root[camelCase(name)];
  // An interface export: jco exposes it under its full name and under its short camelCase name.
  const iface = name.slice(0, hash);
  const short = camelCase(iface.replace(/^.*\//, '').replace(/@.*$/, ''));
  const instance = root[iface] ?? root[short];
  return instance?.[camelCase(name.slice(hash + 1))];
}

async function runCall(root, call, recorder) {
  const entry = { export: call.export, args: call.args ?? [] };
  const fn = findExport(root, call.export);
  const imports = recorder.start();
  try {
    if (typeof fn !== 'function') throw new StageError('call', `the component has no export ${call.export}`);
    const value = await fn(...entry.args.map(decode));
    entry.result = encode(value);
  } catch (error) {
    if (error instanceof StageError) throw error;
    if (error?.constructor?.name === 'ComponentError' && 'payload' in error) {
      // A top-level result<_, E> export returned err: jco throws the payload.
      entry.error = encode(error.payload);
    } else if (error instanceof WebAssembly.RuntimeError) {
      entry.trap = messageOf(error);
    } else {
      // Not a wasm trap, but the call still did not complete: jco refused a value while
      // lowering or lifting (a TypeError, a RangeError), or a host import failed. Name the kind.
      entry.trap = `${error?.name ?? 'Error'}: ${messageOf(error)}`;
    }
  }
  entry.imports = imports;
  return entry;
}

async function main() {
  const spec = await readSpec(process.argv.slice(2));
  const component = await buildComponent(spec);
  const dir = await mkdtemp(join(tmpdir(), 'withost-crosscheck-'));
  try {
    const { entry, imports: needed } = await transpileInto(component, dir);
    const shim = await loadWasiShim();
    let current = [];
    const recorder = {
      start: () => (current = []),
      record: item => current.push(item),
    };
    const imports = hostImports(spec, needed, shim, recorder);
    const generated = await import(pathToFileURL(entry).href);
    let root;
    try {
      root = await generated.instantiate(
        async path => WebAssembly.compile(await readFile(join(dir, path))),
        imports);
    } catch (error) {
      throw new StageError('instantiate', messageOf(error));
    }
    const calls = [];
    for (const call of spec.calls) calls.push(await runCall(root, call, recorder));
    return { ok: true, calls };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let report;
try {
  report = await main();
} catch (error) {
  report = { ok: false, stage: error instanceof StageError ? error.stage : 'internal', message: messageOf(error) };
}
// preview2-shim keeps a worker thread alive, so leave explicitly once the report is written.
process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(report.ok ? 0 : 1));
