;; A module whose start function exits (preview1's proc_exit) with status 3 before any export can
;; run: instantiating it fails, saying so (WasiExitDuringInstantiationTests).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func $start
    (call $proc_exit (i32.const 3)))
  (start $start)
  (func (export "answer") (result i32)
    (i32.const 42)))
