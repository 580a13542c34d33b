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
import { dirname, join, resolve } from 'node:path';
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

// Resources: every resource object (an instance of a class jco generated for an exported
// resource, or of the host's class for an imported one) is shown as {"$handle": n}, numbered
// from 1 in the order the script first meets it, and {"$handle": n} in arguments is that object
// again. The numbers are the script's, not the guest's handle indexes.
const handles = { objects: [], numbers: new Map() };

function handleOf(object) {
  let number = handles.numbers.get(object);
  if (number === undefined) {
    handles.objects.push(object);
    number = handles.objects.length;
    handles.numbers.set(object, number);
  }
  return { $handle: number };
}

function objectOfHandle(number) {
  const object = handles.objects[number - 1];
  if (object === undefined) throw new StageError('spec', `no resource has handle ${number} yet`);
  return object;
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
  // Anything else that is an object is a resource (jco's lifted resources are class instances).
  if (typeof value === 'object') return handleOf(value);
  throw new Error(`cannot map a value of type ${typeof value} to JSON`);
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
    if (tag === '$handle') return objectOfHandle(payload);
    const type = typedArrayTags[tag];
    if (type === undefined) throw new Error(`unknown value tag ${tag}`);
    const isBig = type === BigInt64Array || type === BigUint64Array;
    return type.from(payload.map(item => (isBig ? BigInt(decode(item)) : decode(item))));
  }
  if (keys.length === 2 && '$host' in json && Array.isArray(json.args)) return hostResources.create(json.$host, json.args.map(decode));
  const out = {};
  for (const [key, item] of Object.entries(json)) out[key] = decode(item);
  return out;
}

// Resources the host implements come from the spec's "host" module. {"$host": "<iface>#<r>",
// "args": [...]} in a call's arguments makes one, as the host would, without recording it.
const hostResources = {
  classes: new Map(),
  quiet: false,
  create(name, args) {
    const type = this.classes.get(name);
    if (type === undefined) throw new StageError('spec', `the host module defines no resource ${name}`);
    this.quiet = true;
    try {
      return new type(...args);
    } finally {
      this.quiet = false;
    }
  },
};

// WIT names are kebab-case; jco names functions and interfaces in lowerCamelCase, resources
// (classes) in UpperCamelCase.
function camelCase(name) {
  return name.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
}

function kebabCase(name) {
  return name.replace(/[A-Z]/g, (c, at) => (at > 0 ? '-' : '') + c.toLowerCase());
}

function pascalCase(name) {
  const camel = camelCase(name);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

// ---- Building and transpiling the component. ----

async function buildComponent(spec) {
  const binary = await readFile(spec.wasm);
  const witSource = await readFile(spec.wit, 'utf8');
  // The sandboxed wasm-tools cannot open files, so everything goes in as contents.
  let embedded;
  try {
    // stringEncoding (optional): the canon option the guest's glue speaks, 'utf8' (the
    // default), 'utf16' or 'compact-utf16' (latin1+utf16).
    const encoding = spec.stringEncoding === undefined ? {} : { stringEncoding: spec.stringEncoding };
    embedded = await componentEmbed({ binary, witSource, world: spec.world, ...encoding });
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

// What an import does when called (README.md, "imports"): return nothing, a fixed value
// ("returns"), its first argument ("echo": true), or fail with an err payload ("throws"); for a
// function whose whole result is a result<T, E>, "echo": "result" takes a result argument and
// returns its ok payload or fails with its err payload (jco's convention for such imports).
function checkBehaviour(name, behaviour) {
  if (behaviour === null || typeof behaviour !== 'object') {
    throw new StageError('spec', `the behaviour of import "${name}" must be an object`);
  }
  const kinds = ['returns', 'throws', 'echo'].filter(kind => kind in behaviour);
  if (kinds.length > 1) throw new StageError('spec', `import "${name}" has more than one of ${kinds.join(', ')}`);
  if ('echo' in behaviour && behaviour.echo !== true && behaviour.echo !== 'result') {
    throw new StageError('spec', `the "echo" of import "${name}" must be true or "result"`);
  }
}

function behave(behaviour, args) {
  // jco takes a thrown object's "payload" as the err value of a top-level result.
  if ('throws' in behaviour) throw { payload: decode(behaviour.throws) };
  if (behaviour.echo === true) return args[0];
  if (behaviour.echo === 'result') {
    const [value] = args;
    if (value?.tag === 'err') throw { payload: value.val };
    if (value?.tag !== 'ok') throw new TypeError('"echo": "result" needs a result argument');
    return value.val;
  }
  return decode(behaviour.returns ?? null);
}

// Host behaviour per import function: every call is recorded (into the current call's list),
// then behaves as the current call's "behaviours" say, or else as the spec's "imports" say.
async function hostImports(spec, needed, shim, recorder) {
  const imports = {};
  for (const specifier of needed) {
    if (specifier.startsWith('wasi:')) imports[specifier] = wasiInterface(shim, specifier);
  }
  if (spec.host !== undefined) {
    // The host module's default export takes { record } and returns the import object's
    // interfaces: { "<iface>": { ResourceClass, function, ... } }. record(name, args) records an
    // import call ("<iface>#<function>" with the WIT name, as for "imports").
    const module = await import(pathToFileURL(resolve(spec.host)).href);
    const record = (name, args) => {
      if (!hostResources.quiet) recorder.record({ import: name, args: args.map(encode) });
    };
    const provided = module.default({ record });
    for (const [specifier, members] of Object.entries(provided)) {
      if (!needed.includes(specifier)) throw new StageError('spec', `the host module implements ${specifier}, which the component does not import`);
      imports[specifier] = { ...members };
      for (const [member, value] of Object.entries(members)) {
        // Classes are resources: "<iface>#<resource>" names them in {"$host": ...}.
        if (/^[A-Z]/.test(member)) hostResources.classes.set(`${specifier}#${kebabCase(member)}`, value);
      }
    }
  }
  for (const [name, behaviour] of Object.entries(spec.imports)) {
    // "<interface>#<function>", or a world-level function's own name: jco imports that under
    // the function's name, as the "default" member.
    const hash = name.lastIndexOf('#');
    const specifier = hash < 0 ? name : name.slice(0, hash);
    const fn = hash < 0 ? 'default' : name.slice(hash + 1);
    if (!needed.includes(specifier)) {
      throw new StageError('spec', `the component does not import ${specifier} (it imports: ${needed.join(', ') || 'nothing'})`);
    }
    checkBehaviour(name, behaviour);
    imports[specifier] ??= {};
    if (imports[specifier][camelCase(fn)] !== undefined) throw new StageError('spec', `import "${name}" is also in the host module`);
    imports[specifier][camelCase(fn)] = (...args) => {
      recorder.record({ import: name, args: args.map(encode) });
      return behave(recorder.behaviour(name) ?? behaviour, args);
    };
  }
  const missing = needed.filter(specifier => !(specifier in imports));
  if (missing.length > 0) throw new StageError('spec', `no behaviour given for imported ${missing.join(', ')}`);
  return imports;
}

// ---- Calls. ----

// The JS function for an export name. Resource functions use the core names' forms:
// "[constructor]r" (new R(...args)), "[method]r.m" (the first argument is self),
// "[static]r.f" (R.f(...args)) and "[resource-drop]r" (drops the handle in the first argument,
// through jco's Symbol.dispose).
function findExport(root, name) {
  const hash = name.lastIndexOf('#');
  if (hash < 0) return root[camelCase(name)];
  // An interface export: jco exposes it under its full name and under its short camelCase name.
  const iface = name.slice(0, hash);
  const short = camelCase(iface.replace(/^.*\//, '').replace(/@.*$/, ''));
  const instance = root[iface] ?? root[short];
  const fn = name.slice(hash + 1);
  const resource = /^\[(constructor|method|static|resource-drop)\]([a-z0-9-]+)(?:\.([a-z0-9-]+))?$/.exec(fn);
  if (resource === null) return instance?.[camelCase(fn)];
  const [, kind, type, member] = resource;
  const cls = instance?.[pascalCase(type)];
  if (typeof cls !== 'function') return undefined;
  switch (kind) {
    case 'constructor': return (...args) => new cls(...args);
    case 'method': {
      const method = cls.prototype[camelCase(member ?? '')];
      return typeof method === 'function' ? (self, ...args) => method.apply(self, args) : undefined;
    }
    case 'static': return typeof cls[camelCase(member ?? '')] === 'function' ? cls[camelCase(member)].bind(cls) : undefined;
    default: return self => self[Symbol.dispose ?? Symbol.for('dispose')]();
  }
}

async function runCall(root, call, recorder) {
  const entry = { export: call.export, args: call.args ?? [] };
  const fn = findExport(root, call.export);
  const behaviours = call.behaviours ?? {};
  for (const [name, behaviour] of Object.entries(behaviours)) {
    if (!(name in recorder.imports)) throw new StageError('spec', `call ${call.export}: "behaviours" names ${name}, which is not in "imports"`);
    checkBehaviour(name, behaviour);
  }
  const imports = recorder.start(behaviours);
  try {
    if (typeof fn !== 'function') throw new StageError('call', `the component has no export ${call.export}`);
    const args = entry.args.map(decode);
    const value = await fn(...args);
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
    let overrides = {};
    const recorder = {
      imports: spec.imports,
      start: behaviours => {
        overrides = behaviours;
        return (current = []);
      },
      record: item => current.push(item),
      behaviour: name => overrides[name],
    };
    const imports = await hostImports(spec, needed, shim, recorder);
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
