;; A guest that gives the host the readable end of a stream without elements, once before and once
;; after it read the end and learned its writable end was dropped. The spec lets a guest give away
;; a readable end until it is done; after that the end may only be dropped.
(module
  (import "$root" "[stream-new-unit]" (func $stream_new (result i64)))
  (import "$root" "[stream-read-unit]" (func $stream_read (param i32 i32 i32) (result i32)))
  (import "$root" "[stream-drop-writable-unit]" (func $stream_drop_writable (param i32)))
  (memory (export "memory") 1)

  ;; A new stream whose writable end was dropped: the readable end's handle.
  (func $orphaned-reader (result i32)
    (local $ends i64)
    (local.set $ends (call $stream_new))
    (call $stream_drop_writable (i32.wrap_i64 (i64.shr_u (local.get $ends) (i64.const 32))))
    (i32.wrap_i64 (local.get $ends)))

  ;; The readable end, not yet read: not done.
  (func (export "unread-reader") (result i32)
    (call $orphaned-reader))

  ;; The readable end after a read answered DROPPED (1, nothing moved): done.
  (func (export "done-reader") (result i32)
    (local $readable i32)
    (local.set $readable (call $orphaned-reader))
    (if (i32.ne (call $stream_read (local.get $readable) (i32.const 0) (i32.const 1)) (i32.const 1))
      (then unreachable))
    (local.get $readable)))
