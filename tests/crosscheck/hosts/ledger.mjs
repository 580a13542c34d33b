// The host side of example:concurrency/ledger (wit/async.wit) for run-component.mjs: `account`,
// whose async method balance answers the account's id × 100 and whose async statics open and
// open-pair make one and two, as the .NET tests' ledger does.
// Every call the guest makes is recorded with the WIT name, self first for methods.
const ledger = 'example:concurrency/ledger';

export default function host({ record }) {
  // The symbol jco calls when the guest drops its last handle to a host object.
  const dispose = Symbol.dispose ?? Symbol.for('dispose');

  class Account {
    #id;

    constructor(id) {
      record(`${ledger}#[constructor]account`, [id]);
      this.#id = id;
    }

    async balance() {
      record(`${ledger}#[method]account.balance`, [this]);
      return this.#id * 100;
    }

    static async open(id) {
      record(`${ledger}#[static]account.open`, [id]);
      return new Account(id);
    }

    static async openPair(id) {
      record(`${ledger}#[static]account.open-pair`, [id]);
      return [new Account(id), new Account(id + 1)];
    }

    [dispose]() {
      record(`${ledger}#[resource-drop]account`, [this]);
    }
  }

  return { [ledger]: { Account } };
}
