#!/usr/bin/env node
// Makes a component of a core guest with jco (wit-component inside it), the way a user's
// toolchain would, so the .NET tests can load component files built from the project's own
// guests; and prints the WIT jco decodes from the result, for comparison with `wit-host wit`.
//
//   node make-component.mjs < spec.json
//
// spec: {"wasm": "/abs/guest.wasm", "wit": "/abs/world.wit", "world": "sample",
//        "stringEncoding": "utf8" | "utf16" | "compact-utf16" (optional),
//        "adapter": true | false, "out": "/abs/guest.component.wasm"}
// prints: {"ok": true, "wit": "<jco's WIT of the component>"} or {"ok": false, "stage", "message"}.
// The core module with the world embedded (componentEmbed's output, before componentNew) is
// written beside "out" as "<out>.embedded.wasm".
//
// With "adapter": true the WASI preview1 reactor adapter jco ships is given to componentNew
// (a guest importing wasi_snapshot_preview1 needs it); with false none is, so a guest that
// imports WASI is refused by jco.

import { readFile, writeFile } from 'node:fs/promises';
import { componentEmbed, componentNew, componentWit, preview1AdapterReactorPath } from '@bytecodealliance/jco';

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function stage(name, action) {
  try {
    return await action();
  } catch (error) {
    process.stdout.write(JSON.stringify({ ok: false, stage: name, message: messageOf(error) }));
    process.exit(0);
  }
}

const spec = await stage('spec', async () => JSON.parse(await readStdin()));
const binary = await stage('read', () => readFile(spec.wasm));
const witSource = await stage('read', () => readFile(spec.wit, 'utf8'));
const encoding = spec.stringEncoding === undefined ? {} : { stringEncoding: spec.stringEncoding };
// Contents, not paths: the sandboxed wasm-tools inside jco cannot open files.
const embedded = await stage('embed', () => componentEmbed({ binary, witSource, world: spec.world, ...encoding }));
const adapters = spec.adapter
  ? [['wasi_snapshot_preview1', await stage('read', () => readFile(preview1AdapterReactorPath()))]]
  : [];
await stage('write', () => writeFile(`${spec.out}.embedded.wasm`, embedded));
const component = await stage('component', () => componentNew(embedded, adapters));
await stage('write', () => writeFile(spec.out, component));
const wit = await stage('wit', () => componentWit(component));
process.stdout.write(JSON.stringify({ ok: true, wit }));
