;; An async guest WitHost refuses at instantiation: its export is lifted async without a callback
;; (stackful: it would block in the middle of its code) and it imports a threading built-in. Both
;; need stack switching, which WAMR cannot do for a .NET host without fibers (docs/async.md).
(module
  (import "$root" "[waitable-set-new]" (func $waitable_set_new (result i32)))
  (import "$root" "[thread-new-indirect-v0]" (func $thread_new (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "[async-lift-stackful]example:concurrency/jobs#yield-times") (param i32)
    (drop (call $waitable_set_new))))
