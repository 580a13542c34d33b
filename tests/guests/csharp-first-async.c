// The guest of the world derived from the C#-first async interfaces of
// tests/WitHost.Bindings.Tests/CSharpFirstAsyncContracts.cs (wit/csharp-first-async.wit is that
// derived text), with hand-written glue for the async built-ins (async-abi.h). Built by build-guests.sh.
//
// Core names:
// - the async import "[async-lower]fetch" of "example:csharp-first-async/fetcher": (key, result
//   pointer) -> subtask state | subtask handle << 4;
// - the async exports "[async-lift]example:csharp-first-async/jobs#<f>" with their callbacks
//   "[callback][async-lift]…", whose results go to "[task-return]<f>" of module
//   "[export]example:csharp-first-async/jobs".
#include "async-abi.h"

#define JOBS(fn) "example:csharp-first-async/jobs#" fn
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" JOBS(fn))
#define CALLBACK(fn) EXPORT("[callback][async-lift]" JOBS(fn))
#define JOBS_EXPORT "[export]example:csharp-first-async/jobs"

IMPORT("example:csharp-first-async/fetcher", "[async-lower]fetch") uint32_t fetch_lower(uint32_t key, uint32_t *result);

// A task's state, in a heap block whose address is its context slot 0.
typedef struct {
    uint32_t set;      // the task's waitable set
    uint32_t subtask;  // the fetch it waits for, or 0
    uint32_t result;   // where the fetch writes its result
    uint32_t key;
    uint32_t stage;    // fetches done
    uint32_t total;
} task_t;

// ---- fetch-sum: fetch(key) + fetch(key + 1), one after the other ----

IMPORT(JOBS_EXPORT, "[task-return]fetch-sum") void fetch_sum_return(uint32_t sum);

static int32_t fetch_sum_step(task_t *t) {
    while (t->stage < 2) {
        uint32_t status = fetch_lower(t->key + t->stage, &t->result);
        if ((status & 0xf) != SUBTASK_RETURNED) {
            t->subtask = status >> 4;
            waitable_join(t->subtask, t->set);
            return wait_on(t->set);
        }
        t->total += t->result;
        t->stage++;
    }
    fetch_sum_return(t->total);
    waitable_set_drop(t->set);
    free(t);
    context_set(0);
    return CODE_EXIT;
}

ASYNC_EXPORT("fetch-sum") int32_t fetch_sum(uint32_t key) {
    task_t *t = calloc(1, sizeof(task_t));
    if (!t) __builtin_trap();
    t->set = waitable_set_new();
    t->key = key;
    context_set(t);
    return fetch_sum_step(t);
}

CALLBACK("fetch-sum") int32_t fetch_sum_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_SUBTASK || p1 != t->subtask) __builtin_trap();
    if (p2 != SUBTASK_RETURNED) return wait_on(t->set);
    subtask_drop(t->subtask);
    t->subtask = 0;
    t->total += t->result;
    t->stage++;
    return fetch_sum_step(t);
}

// ---- stop: returns at once, with no result ----

IMPORT(JOBS_EXPORT, "[task-return]stop") void stop_return(void);

ASYNC_EXPORT("stop") int32_t stop(void) {
    stop_return();
    return CODE_EXIT;
}

CALLBACK("stop") int32_t stop_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event;
    (void)p1;
    (void)p2;
    __builtin_trap();
}
