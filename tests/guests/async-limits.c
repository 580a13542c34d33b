// An async guest for the limits of async tasks (tests/WitHost.Async.Tests, AsyncLimitsTests): a
// task that blocks in waitable-set.wait and, when cancelled, in subtask.cancel; tasks that spin,
// in their first step or in a callback; a task that traps in a callback. Core level only (no
// world): the exports of "example:limits/jobs" are lifted async with a callback, and the one
// import, "[async-lower]fetch" of "example:limits/fetcher", is (key, result pointer) -> status.
#include "async-abi.h"

#define JOBS(fn) "example:limits/jobs#" fn
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" JOBS(fn))
#define CALLBACK(fn) EXPORT("[callback][async-lift]" JOBS(fn))
#define JOBS_EXPORT "[export]example:limits/jobs"

IMPORT(JOBS_EXPORT, "[task-cancel]") void task_cancel(void);
IMPORT(JOBS_EXPORT, "[task-return]wait-for") void wait_for_return(uint32_t value);
IMPORT("example:limits/fetcher", "[async-lower]fetch") uint32_t fetch_lower(uint32_t key, uint32_t *result);

static volatile uint32_t spins;

static void spin(void) {
    for (;;) spins++;
}

static int32_t never_called_back(void) { __builtin_trap(); }

// fetch(key), waited for in waitable-set.wait, which blocks (the task's first step never returns
// to the host until the fetch is done). Cancelled meanwhile, it cancels the fetch with the
// blocking subtask.cancel and then the task, unless the fetch returned after all.
ASYNC_EXPORT("wait-for") int32_t wait_for(uint32_t key) {
    uint32_t result = 0;
    uint32_t status = fetch_lower(key, &result);
    if ((status & 0xf) != SUBTASK_RETURNED) {
        uint32_t subtask = status >> 4;
        uint32_t set = waitable_set_new();
        waitable_join(subtask, set);
        for (;;) {
            uint32_t event[2];
            uint32_t code = waitable_set_wait(set, event);
            if (code == EVENT_SUBTASK && event[0] == subtask && event[1] == SUBTASK_RETURNED) break;
            if (code == EVENT_TASK_CANCELLED) {
                uint32_t state = subtask_cancel(subtask);
                subtask_drop(subtask);
                waitable_set_drop(set);
                if (state == SUBTASK_RETURNED) {
                    wait_for_return(result);
                } else if (state == SUBTASK_CANCELLED_BEFORE_RETURNED) {
                    task_cancel();
                } else {
                    __builtin_trap();
                }
                return CODE_EXIT;
            }
            if (code != EVENT_SUBTASK) __builtin_trap();
        }
        subtask_drop(subtask);
        waitable_set_drop(set);
    }
    wait_for_return(result);
    return CODE_EXIT;
}

CALLBACK("wait-for") int32_t wait_for_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    return never_called_back();
}

// Spins in its first step.
ASYNC_EXPORT("spin") int32_t spin_now(void) {
    spin();
    return CODE_EXIT;
}

CALLBACK("spin") int32_t spin_now_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    return never_called_back();
}

// Yields, then spins in the callback.
ASYNC_EXPORT("spin-later") int32_t spin_later(void) { return CODE_YIELD; }

CALLBACK("spin-later") int32_t spin_later_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    spin();
    return CODE_EXIT;
}

// Yields, then traps (unreachable) in the callback.
ASYNC_EXPORT("trap-later") int32_t trap_later(void) { return CODE_YIELD; }

CALLBACK("trap-later") int32_t trap_later_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    __builtin_trap();
}
