;; A reactor whose _initialize exits (preview1's proc_exit) with status 4: instantiating it fails,
;; saying so, as for an exit in a start function (WasiExitDuringInstantiationTests).
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (func (export "_initialize")
    (call $proc_exit (i32.const 4)))
  (func (export "answer") (result i32)
    (i32.const 42)))
