;; A guest whose async exports exit (preview1's proc_exit) before calling task.return: in the
;; export's first step, or in its callback after a yield. Its export `answer` returns 42, to show
;; the instance goes on after an exit.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "[export]example:exits/jobs" "[task-return]answer" (func $answer_return (param i32)))
  (memory (export "memory") 1)
  ;; The status exit-later exits with in its callback.
  (global $status (mut i32) (i32.const 0))

  (func (export "[async-lift]example:exits/jobs#exit-at-once") (param $status i32) (result i32)
    (call $proc_exit (local.get $status))
    ;; Not reached: EXIT without task.return would be a trap.
    (i32.const 0))
  (func (export "[callback][async-lift]example:exits/jobs#exit-at-once") (param i32 i32 i32) (result i32)
    unreachable)

  ;; Yields (callback code 1), then exits in the callback.
  (func (export "[async-lift]example:exits/jobs#exit-later") (param $status i32) (result i32)
    (global.set $status (local.get $status))
    (i32.const 1))
  (func (export "[callback][async-lift]example:exits/jobs#exit-later") (param i32 i32 i32) (result i32)
    (call $proc_exit (global.get $status))
    (i32.const 0))

  (func (export "[async-lift]example:exits/jobs#answer") (result i32)
    (call $answer_return (i32.const 42))
    (i32.const 0))
  (func (export "[callback][async-lift]example:exits/jobs#answer") (param i32 i32 i32) (result i32)
    unreachable))
