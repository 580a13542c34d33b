;; Bulk memory (clang -mbulk-memory; rustc 1.87+ by default): memory.fill, memory.copy,
;; memory.init from a passive segment and data.drop.
(module
  (memory (export "memory") 1)
  (data $greeting "bulk!")
  ;; Fills 8 bytes at 16 with 0x2a, copies them to 32 (overlapping a later copy), initialises
  ;; 5 bytes at 64 from the passive segment, drops it; returns the sum of the bytes touched.
  (func (export "run") (result i32)
    (memory.fill (i32.const 16) (i32.const 0x2a) (i32.const 8))
    (memory.copy (i32.const 32) (i32.const 16) (i32.const 8))
    (memory.copy (i32.const 34) (i32.const 32) (i32.const 6))
    (memory.init $greeting (i32.const 64) (i32.const 0) (i32.const 5))
    (data.drop $greeting)
    (i32.add
      (i32.add (i32.load (i32.const 32)) (i32.load (i32.const 36)))
      (i32.add (i32.load8_u (i32.const 64)) (i32.load8_u (i32.const 68)))))
  ;; memory.init after data.drop traps (the segment is gone).
  (func (export "init-after-drop")
    (data.drop $greeting)
    (memory.init $greeting (i32.const 0) (i32.const 0) (i32.const 1))))
