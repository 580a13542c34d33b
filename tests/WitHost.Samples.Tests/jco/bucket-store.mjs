// The host side of example:keyvalue/store (wit/keyvalue.wit) for tests/crosscheck/run-component.mjs:
// the same buckets as samples/KeyValue/BucketStore.cs (values up to 32 bytes, no empty keys).
// Every call the guest makes is recorded with the WIT name, self first for methods.
const store = 'example:keyvalue/store';
const maxValueLength = 32;

export default function host({ record }) {
  // The symbol jco calls when the guest drops its last handle to a host object.
  const dispose = Symbol.dispose ?? Symbol.for('dispose');
  const buckets = new Map();

  class Bucket {
    #pairs;

    constructor(name) {
      record(`${store}#[constructor]bucket`, [name]);
      if (!buckets.has(name)) buckets.set(name, new Map());
      this.#pairs = buckets.get(name);
    }

    get(key) {
      record(`${store}#[method]bucket.get`, [this, key]);
      return this.#pairs.get(key);
    }

    set(key, value) {
      record(`${store}#[method]bucket.set`, [this, key, value]);
      // jco takes a thrown object's payload as the err of a result.
      if (key.length === 0) throw { payload: { tag: 'empty-key' } };
      if (value.length > maxValueLength) throw { payload: { tag: 'value-too-large', val: maxValueLength } };
      this.#pairs.set(key, Uint8Array.from(value));
    }

    delete(key) {
      record(`${store}#[method]bucket.delete`, [this, key]);
      return this.#pairs.delete(key);
    }

    keys() {
      record(`${store}#[method]bucket.keys`, [this]);
      // Ordinal order: the keys here are ASCII, where UTF-16 order is byte order.
      return [...this.#pairs.keys()].sort();
    }

    [dispose]() {
      record(`${store}#[resource-drop]bucket`, [this]);
    }
  }

  return { [store]: { Bucket } };
}
