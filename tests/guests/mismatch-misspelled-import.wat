;; Wrong: it imports "tik" instead of "tick".
;; A hand-written core guest of tests/WitHost.Bindings.Tests/wit/mismatch.wit (MismatchBindingsTests);
;; tests/guests/build-guests.sh builds it with wat2wasm.
(module
  (import "test:mismatch/host" "log" (func $log (param i32 i32)))
  (import "test:mismatch/host" "tik" (func $tick (result i32)))
  (memory (export "memory") 1)
  ;; A bump allocator from 4096; the return area of greet sits at 1024.
  (global $next (mut i32) (i32.const 4096))
  (func (export "cabi_realloc") (param $old i32) (param $old_size i32) (param $align i32) (param $size i32) (result i32)
    (local $p i32)
    (local.set $p (i32.and (i32.add (global.get $next) (i32.sub (local.get $align) (i32.const 1)))
                           (i32.sub (i32.const 0) (local.get $align))))
    (global.set $next (i32.add (local.get $p) (local.get $size)))
    (local.get $p))
  (func (export "test:mismatch/calc#add") (param i32 i32) (result i32)
    (i32.add (local.get 0) (local.get 1)))
  (func (export "test:mismatch/calc#greet") (param i32 i32) (result i32)
    (i32.store (i32.const 1024) (local.get 0))
    (i32.store (i32.const 1028) (local.get 1))
    (i32.const 1024))
  (func (export "version") (result i64)
    (i64.const 7))
)
