;; Mutable globals, exported (the mutable-globals proposal; wasm-ld exports __stack_pointer this
;; way with --export=__stack_pointer). Imported globals are not served by WitHost.
(module
  (global $counter (export "counter") (mut i32) (i32.const 40))
  (global $wide (export "wide") (mut i64) (i64.const 0))
  (func (export "bump") (param i32) (result i32)
    (global.set $counter (i32.add (global.get $counter) (local.get 0)))
    (global.set $wide (i64.add (global.get $wide) (i64.extend_i32_u (local.get 0))))
    (global.get $counter))
  (func (export "get-wide") (result i64) (global.get $wide)))
