// The Canonical ABI's async codes and the $root built-ins, by the core names wit-bindgen uses,
// for the async guests written by hand (async.c, async-bench.c, async-limits.c,
// csharp-first-async.c). Declared only: a guest imports what it calls.
#ifndef ASYNC_ABI_H
#define ASYNC_ABI_H

#include "cabi.h"

// Callback codes, event codes, subtask states and copy results (CanonicalABI.md).
enum { CODE_EXIT = 0, CODE_YIELD = 1, CODE_WAIT = 2 };
enum { EVENT_NONE = 0, EVENT_SUBTASK = 1, EVENT_STREAM_READ = 2, EVENT_STREAM_WRITE = 3,
       EVENT_FUTURE_READ = 4, EVENT_FUTURE_WRITE = 5, EVENT_TASK_CANCELLED = 6 };
enum { SUBTASK_STARTING = 0, SUBTASK_STARTED = 1, SUBTASK_RETURNED = 2,
       SUBTASK_CANCELLED_BEFORE_STARTED = 3, SUBTASK_CANCELLED_BEFORE_RETURNED = 4 };
enum { COPY_COMPLETED = 0, COPY_DROPPED = 1, COPY_CANCELLED = 2 };
// What an async copy returns when it has to wait for the other end.
#define BLOCKED 0xffffffffu

// The callback code that waits on waitable set `set`.
static inline int32_t wait_on(uint32_t set) { return CODE_WAIT | (int32_t)(set << 4); }

#define ASYNC_ROOT "$root"
IMPORT(ASYNC_ROOT, "[waitable-set-new]") uint32_t waitable_set_new(void);
IMPORT(ASYNC_ROOT, "[waitable-set-wait]") uint32_t waitable_set_wait(uint32_t set, uint32_t *event);
IMPORT(ASYNC_ROOT, "[waitable-set-drop]") void waitable_set_drop(uint32_t set);
IMPORT(ASYNC_ROOT, "[waitable-join]") void waitable_join(uint32_t waitable, uint32_t set);
IMPORT(ASYNC_ROOT, "[subtask-drop]") void subtask_drop(uint32_t subtask);
IMPORT(ASYNC_ROOT, "[subtask-cancel]") uint32_t subtask_cancel(uint32_t subtask);
IMPORT(ASYNC_ROOT, "[context-get-0]") void *context_get(void);
IMPORT(ASYNC_ROOT, "[context-set-0]") void context_set(void *value);

#endif
