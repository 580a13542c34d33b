;; Wrong in five ways at once, and its _initialize traps (it must never run): tick returns i64,
;; an import the world lacks, add takes a third parameter, greet is missing, memory is not exported.
;; A hand-written core guest of tests/WitHost.Bindings.Tests/wit/mismatch.wit (MismatchBindingsTests);
;; tests/guests/build-guests.sh builds it with wat2wasm.
(module
  (import "test:mismatch/host" "log" (func $log (param i32 i32)))
  (import "test:mismatch/host" "tick" (func $tick (result i64)))
  (import "test:mismatch/other" "f" (func $f))
  (memory 1)
  (func (export "_initialize") unreachable)
  (func (export "cabi_realloc") (param i32 i32 i32 i32) (result i32) (i32.const 4096))
  (func (export "test:mismatch/calc#add") (param i32 i32 i32) (result i32) (local.get 0))
  (func (export "version") (result i64) (i64.const 7))
)
