;; Reference types (rustc and clang 16+ set the feature; what they emit is the call_indirect
;; table index, see ../reference-types.c): several tables, table.get/set/size/grow/fill,
;; ref.null, ref.is_null, ref.func, typed select and call_indirect on a table other than 0.
(module
  (type $unary (func (param i32) (result i32)))
  (table $first 2 funcref)
  (table $second 4 8 funcref)
  (table $refs 1 externref)
  (elem (table $first) (i32.const 0) func $double $triple)
  (elem declare func $negate)
  (func $double (type $unary) (i32.mul (local.get 0) (i32.const 2)))
  (func $triple (type $unary) (i32.mul (local.get 0) (i32.const 3)))
  (func $negate (type $unary) (i32.sub (i32.const 0) (local.get 0)))
  ;; Copies $first[i] into $second[3] and calls it there.
  (func (export "call-second") (param i32 i32) (result i32)
    (table.set $second (i32.const 3) (table.get $first (local.get 0)))
    (call_indirect $second (type $unary) (local.get 1) (i32.const 3)))
  ;; Puts $negate (by ref.func) into $second[0] and calls it.
  (func (export "call-ref-func") (param i32) (result i32)
    (table.set $second (i32.const 0) (ref.func $negate))
    (call_indirect $second (type $unary) (local.get 0) (i32.const 0)))
  ;; Grows $second by n null entries; returns the old size, or -1 past its maximum.
  (func (export "grow-second") (param i32) (result i32)
    (table.grow $second (ref.null func) (local.get 0)))
  (func (export "size-second") (result i32) (table.size $second))
  ;; Fills $second[1..3) with $triple, then counts the non-null entries of $second.
  (func (export "fill-and-count") (result i32)
    (local $i i32) (local $n i32)
    (table.fill $second (i32.const 1) (table.get $first (i32.const 1)) (i32.const 2))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (table.size $second)))
        (if (i32.eqz (ref.is_null (table.get $second (local.get $i))))
          (then (local.set $n (i32.add (local.get $n) (i32.const 1)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  ;; An externref table starts null; a typed select picks between references.
  (func (export "externref-null") (result i32)
    (ref.is_null (select (result externref) (table.get $refs (i32.const 0)) (ref.null extern) (i32.const 1))))
  ;; Calling a null entry traps.
  (func (export "call-null") (result i32)
    (call_indirect $second (type $unary) (i32.const 1) (i32.const 2))))
