;; Multi-value (on by default in clang 16+ and rustc for blocks; functions with several results
;; with -mmultivalue): functions returning two values, and blocks with parameters and results.
(module
  (type $pair (func (param i32 i32) (result i32 i32)))
  ;; Returns (a / b, a % b), unsigned.
  (func $divmod (export "divmod") (param i32 i32) (result i32 i32)
    (i32.div_u (local.get 0) (local.get 1))
    (i32.rem_u (local.get 0) (local.get 1)))
  ;; Swaps (a, b) through a block typed by $pair (two parameters, two results): b * 1000 + a.
  (func (export "swap-combine") (param i32 i32) (result i32)
    (local.get 0) (local.get 1)
    (block (type $pair) (param i32 i32) (result i32 i32)
      (local.set 0) (local.set 1) (local.get 0) (local.get 1))
    (local.set 1)
    (i32.mul (i32.const 1000))
    (i32.add (local.get 1)))
  ;; Sums the two results of a call to $divmod.
  (func (export "divmod-sum") (param i32 i32) (result i32)
    (call $divmod (local.get 0) (local.get 1))
    i32.add)
  (func (export "pair-i64") (param i64) (result i64 f64)
    (local.get 0)
    (f64.convert_i64_s (local.get 0))))
