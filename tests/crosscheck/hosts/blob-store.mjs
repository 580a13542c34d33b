// The host side of example:resources/store (wit/resources.wit) for run-component.mjs: `blob`,
// a growable buffer of bytes. Every call the guest makes is recorded with the WIT name, self
// first for methods, as run-component.mjs's README describes.
const store = 'example:resources/store';

export default function host({ record }) {
  // The symbol jco calls when the guest drops its last handle to a host object.
  const dispose = Symbol.dispose ?? Symbol.for('dispose');

  // Set while the host makes a blob itself (in concat), which is no call of the guest's.
  let quiet = false;

  class Blob {
    #bytes;

    constructor(init) {
      if (!quiet) record(`${store}#[constructor]blob`, [init]);
      this.#bytes = Uint8Array.from(init);
    }

    write(bytes) {
      record(`${store}#[method]blob.write`, [this, bytes]);
      const joined = new Uint8Array(this.#bytes.length + bytes.length);
      joined.set(this.#bytes);
      joined.set(bytes, this.#bytes.length);
      this.#bytes = joined;
    }

    read(n) {
      record(`${store}#[method]blob.read`, [this, n]);
      return this.#bytes.slice(0, n);
    }

    size() {
      record(`${store}#[method]blob.size`, [this]);
      return this.#bytes.length;
    }

    static concat(a, b) {
      record(`${store}#[static]blob.concat`, [a, b]);
      const bytes = new Uint8Array(a.#bytes.length + b.#bytes.length);
      bytes.set(a.#bytes);
      bytes.set(b.#bytes, a.#bytes.length);
      quiet = true;
      try {
        return new Blob(bytes);
      } finally {
        quiet = false;
      }
    }

    [dispose]() {
      record(`${store}#[resource-drop]blob`, [this]);
    }
  }

  return { [store]: { Blob } };
}
