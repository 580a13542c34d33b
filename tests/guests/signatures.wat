;; Exports whose parameters fill a native call's argument registers and spill onto its stack.
;; The runtime calls compiled code directly when every parameter and the result are integers and
;; there are at most eight parameters (runtime-wamr/native/calls/withost_call.c), and through
;; WAMR's general path otherwise; either way each argument must arrive in its own parameter, and
;; each weighs its parameter by a different odd factor so that one out of place changes the result.
(module
  ;; p0*1 + p1*3 + p2*5 + ... + p7*15, the i32 parameters sign-extended: the most parameters
  ;; the direct call takes, alternating i32 and i64.
  (func (export "weigh-mixed-8")
    (param i32 i64 i32 i64 i32 i64 i32 i64) (result i64)
    (i64.extend_i32_s (local.get 0))
    (i64.add (i64.mul (local.get 1) (i64.const 3)))
    (i64.add (i64.mul (i64.extend_i32_s (local.get 2)) (i64.const 5)))
    (i64.add (i64.mul (local.get 3) (i64.const 7)))
    (i64.add (i64.mul (i64.extend_i32_s (local.get 4)) (i64.const 9)))
    (i64.add (i64.mul (local.get 5) (i64.const 11)))
    (i64.add (i64.mul (i64.extend_i32_s (local.get 6)) (i64.const 13)))
    (i64.add (i64.mul (local.get 7) (i64.const 15))))
  ;; The same weights over nine i32 parameters: one more than the direct call takes.
  (func (export "weigh-i32-9")
    (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (local.get 0)
    (i32.add (i32.mul (local.get 1) (i32.const 3)))
    (i32.add (i32.mul (local.get 2) (i32.const 5)))
    (i32.add (i32.mul (local.get 3) (i32.const 7)))
    (i32.add (i32.mul (local.get 4) (i32.const 9)))
    (i32.add (i32.mul (local.get 5) (i32.const 11)))
    (i32.add (i32.mul (local.get 6) (i32.const 13)))
    (i32.add (i32.mul (local.get 7) (i32.const 15)))
    (i32.add (i32.mul (local.get 8) (i32.const 17))))
  ;; An i64 result whose halves differ: (p0 << 32) | (p0 ^ 0xffffffff).
  (func (export "halves") (param i32) (result i64)
    (i64.shl (i64.extend_i32_u (local.get 0)) (i64.const 32))
    (i64.or (i64.extend_i32_u (i32.xor (local.get 0) (i32.const -1)))))
  ;; A float among integers: p0*1 + trunc(p1)*3 + p2*5, through WAMR's general path.
  (func (export "weigh-with-f64") (param i32 f64 i64) (result i64)
    (i64.extend_i32_s (local.get 0))
    (i64.add (i64.mul (i64.trunc_f64_s (local.get 1)) (i64.const 3)))
    (i64.add (i64.mul (local.get 2) (i64.const 5))))
  ;; The i32 sum of eight parameters, trapping when it is zero: a trap out of a direct call
  ;; with parameters on the stack.
  (func (export "sum-or-trap")
    (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
    (local $sum i32)
    (local.set $sum
      (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
               (i32.add (i32.add (local.get 4) (local.get 5)) (i32.add (local.get 6) (local.get 7)))))
    (if (i32.eqz (local.get $sum)) (then unreachable))
    (local.get $sum)))
