;; The guest of tests/WitHost.Bindings.Tests/wit/async-exit-borrow.wit: async exports that borrow
;; the host's blob. exit-holding-borrow exits (preview1's proc_exit) in its first step while it
;; holds its borrow, which the exit ends with the task; hold-borrow waits for the host's gate
;; while it holds its borrow, then drops it and returns, so that other calls run while it holds one.
;; return-holding-borrow returns without dropping its borrow, and cancel-with-borrow answers a
;; cancellation with task.cancel, dropping its borrow first or not: each resolution the spec
;; forbids while the task holds a borrow.
(module
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "test:async-exit-borrow/store" "[method]blob.size" (func $blob_size (param i32) (result i32)))
  (import "test:async-exit-borrow/store" "[resource-drop]blob" (func $blob_drop (param i32)))
  (import "test:async-exit-borrow/store" "[async-lower]gate" (func $gate_lower (result i32)))
  (import "$root" "[waitable-set-new]" (func $waitable_set_new (result i32)))
  (import "$root" "[waitable-set-drop]" (func $waitable_set_drop (param i32)))
  (import "$root" "[waitable-join]" (func $waitable_join (param i32 i32)))
  (import "$root" "[subtask-drop]" (func $subtask_drop (param i32)))
  (import "$root" "[subtask-cancel]" (func $subtask_cancel (param i32) (result i32)))
  (import "[export]$root" "[task-cancel]" (func $task_cancel))
  (import "[export]$root" "[task-return]drop-borrow" (func $drop_borrow_return (param i32)))
  (import "[export]$root" "[task-return]exit-holding-borrow" (func $exit_holding_borrow_return (param i32)))
  (import "[export]$root" "[task-return]hold-borrow" (func $hold_borrow_return (param i32)))
  (import "[export]$root" "[task-return]return-holding-borrow" (func $return_holding_borrow_return (param i32)))
  (import "[export]$root" "[task-return]cancel-with-borrow" (func $cancel_with_borrow_return (param i32)))
  (memory (export "memory") 1)
  ;; The handle hold-borrow holds across its yield.
  (global $held (mut i32) (i32.const 0))
  ;; The waitable set hold-borrow waits on.
  (global $set (mut i32) (i32.const 0))
  ;; cancel-with-borrow's borrow, its drop-first flag, the gate's subtask and the set it waits on.
  (global $cancel_held (mut i32) (i32.const 0))
  (global $cancel_drop_first (mut i32) (i32.const 0))
  (global $cancel_subtask (mut i32) (i32.const 0))
  (global $cancel_set (mut i32) (i32.const 0))

  ;; Asks the size through the borrow, drops it as the rules ask, and returns the size.
  (func (export "[async-lift]drop-borrow") (param $b i32) (result i32)
    (local $size i32)
    (local.set $size (call $blob_size (local.get $b)))
    (call $blob_drop (local.get $b))
    (call $drop_borrow_return (local.get $size))
    (i32.const 0))
  (func (export "[callback][async-lift]drop-borrow") (param i32 i32 i32) (result i32)
    unreachable)

  ;; Asks the size through the borrow, then exits with $code without dropping it.
  (func (export "[async-lift]exit-holding-borrow") (param $b i32) (param $code i32) (result i32)
    (drop (call $blob_size (local.get $b)))
    (call $proc_exit (local.get $code))
    ;; Not reached: EXIT without task.return would be a trap.
    (i32.const 0))
  (func (export "[callback][async-lift]exit-holding-borrow") (param i32 i32 i32) (result i32)
    unreachable)

;; The synchronous exports: as drop-borrow and exit-holding-borrow, without a task.
  (func (export "drop-borrow-now") (param $b i32) (result i32)
    (local $size i32)
    (local.set $size (call $blob_size (local.get $b)))
    (call $blob_drop (local.get $b))
    (local.get $size))
  (func (export "exit-holding-borrow-now") (param $b i32) (param $code i32) (result i32)
    (drop (call $blob_size (local.get $b)))
    (call $proc_exit (local.get $code))
    (i32.const 0))

  ;; Waits for the host's gate (callback code WAIT on a set holding the subtask) holding the
  ;; borrow; then asks the size through it, drops it and returns the size.
  (func (export "[async-lift]hold-borrow") (param $b i32) (result i32)
    (local $status i32)
    (global.set $held (local.get $b))
    (local.set $status (call $gate_lower))
    ;; RETURNED (2) at once: nothing to wait for.
    (if (i32.eq (i32.and (local.get $status) (i32.const 15)) (i32.const 2))
      (then (return (call $finish_hold))))
    (global.set $set (call $waitable_set_new))
    (call $waitable_join (i32.shr_u (local.get $status) (i32.const 4)) (global.get $set))
    (i32.or (i32.const 2) (i32.shl (global.get $set) (i32.const 4))))
  ;; The one event is the gate's subtask returning.
  (func (export "[callback][async-lift]hold-borrow") (param $event i32) (param $subtask i32) (param i32) (result i32)
    (call $waitable_join (local.get $subtask) (i32.const 0))
    (call $subtask_drop (local.get $subtask))
    (call $waitable_set_drop (global.get $set))
    (call $finish_hold))
  (func $finish_hold (result i32)
    (local $size i32)
    (local.set $size (call $blob_size (global.get $held)))
    (call $blob_drop (global.get $held))
    (call $hold_borrow_return (local.get $size))
    (i32.const 0))

  ;; Asks the size through the borrow and returns it without dropping the borrow.
  (func (export "[async-lift]return-holding-borrow") (param $b i32) (result i32)
    (call $return_holding_borrow_return (call $blob_size (local.get $b)))
    (i32.const 0))
  (func (export "[callback][async-lift]return-holding-borrow") (param i32 i32 i32) (result i32)
    unreachable)

  ;; Waits for the host's gate holding the borrow, until the caller cancels the task.
  (func (export "[async-lift]cancel-with-borrow") (param $b i32) (param $drop_first i32) (result i32)
    (local $status i32)
    (global.set $cancel_held (local.get $b))
    (global.set $cancel_drop_first (local.get $drop_first))
    (local.set $status (call $gate_lower))
    ;; The tests never open the gate: the subtask is STARTED (1), and the task waits.
    (if (i32.ne (i32.and (local.get $status) (i32.const 15)) (i32.const 1))
      (then unreachable))
    (global.set $cancel_subtask (i32.shr_u (local.get $status) (i32.const 4)))
    (global.set $cancel_set (call $waitable_set_new))
    (call $waitable_join (global.get $cancel_subtask) (global.get $cancel_set))
    (i32.or (i32.const 2) (i32.shl (global.get $cancel_set) (i32.const 4))))
  ;; The one event expected is TASK_CANCELLED (6): cancel and drop the gate's subtask, drop the
  ;; borrow when told to, then end the task with task.cancel and EXIT.
  (func (export "[callback][async-lift]cancel-with-borrow") (param $event i32) (param i32) (param i32) (result i32)
    (if (i32.ne (local.get $event) (i32.const 6))
      (then unreachable))
    (drop (call $subtask_cancel (global.get $cancel_subtask)))
    (call $waitable_join (global.get $cancel_subtask) (i32.const 0))
    (call $subtask_drop (global.get $cancel_subtask))
    (call $waitable_set_drop (global.get $cancel_set))
    (if (global.get $cancel_drop_first)
      (then (call $blob_drop (global.get $cancel_held))))
    (call $task_cancel)
    (i32.const 0)))
