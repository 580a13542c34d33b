// The host side of example:csharp-first-resources/counters (wit/csharp-first-resources.wit, the
// WIT derived from tests/WitHost.Bindings.Tests/CSharpFirstResourcesContracts.cs) for
// run-component.mjs: `counter`, a named number, as the bindings test's C# host keeps it. Every
// call the guest makes is recorded with the WIT name, self first for methods.
const counters = 'example:csharp-first-resources/counters';

export default function host({ record }) {
  // The symbol jco calls when the guest drops its last handle to a host object.
  const dispose = Symbol.dispose ?? Symbol.for('dispose');
  const names = new WeakMap();

  class Counter {
    #value;

    constructor(name, value) {
      names.set(this, name);
      this.#value = value;
    }

    add(n) {
      record(`${counters}#[method]counter.add`, [this, n]);
      this.#value += n;
      return this.#value;
    }

    fork() {
      record(`${counters}#[method]counter.fork`, [this]);
      return new Counter(names.get(this) + '-fork', this.#value);
    }

    [dispose]() {
      record(`${counters}#[resource-drop]counter`, [this]);
    }
  }

  function open(name) {
    record(`${counters}#open`, [name]);
    return new Counter(name, 0);
  }

  function nameOf(counter) {
    record(`${counters}#name-of`, [counter]);
    return names.get(counter);
  }

  return { [counters]: { Counter, open, nameOf } };
}
