// The guest of the async-lends world (wit/async-lends.wit): a resource the guest implements,
// `tally`, lent to async funcs inside a list and a record. Each task reads its tallies only after
// the host's fetch returns, so the handles must stay lent until then: a tally destroyed before is
// marked dead, and reading it traps. Glue for the async built-ins from async-abi.h; built by
// build-guests.sh.
#include "async-abi.h"

#define TALLIES(fn) "example:lends/tallies#" fn
#define TALLIES_EXPORT "[export]example:lends/tallies"
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" TALLIES(fn))
#define CALLBACK(fn) EXPORT("[callback][async-lift]" TALLIES(fn))

IMPORT("example:lends/fetcher", "[async-lower]fetch") uint32_t fetch_lower(uint32_t key, uint32_t *result);
IMPORT(TALLIES_EXPORT, "[resource-new]tally") uint32_t tally_handle_new(void *rep);

typedef struct {
    uint32_t base;
    uint32_t dead;  // set by the destructor: the tally is kept, so a task reading it after notices
} tally_t;

static uint32_t tallies_destroyed;

static tally_t *tally_alive(tally_t *tally) {
    if (tally->dead) __builtin_trap();
    return tally;
}

EXPORT(TALLIES("[constructor]tally")) uint32_t tally_constructor(uint32_t base) {
    tally_t *tally = calloc(1, sizeof(tally_t));
    if (!tally) __builtin_trap();
    tally->base = base;
    return tally_handle_new(tally);
}

EXPORT(TALLIES("[dtor]tally")) void tally_dtor(tally_t *self) {
    tally_alive(self)->dead = 1;
    tallies_destroyed++;
}

EXPORT(TALLIES("destroyed")) uint32_t tallies_destroyed_count(void) { return tallies_destroyed; }

// A task's state, in a heap block whose address is its context slot 0. A borrow of the guest's
// own resource arrives as its representation: the tally itself.
typedef struct {
    uint32_t set;       // the task's waitable set
    uint32_t subtask;   // the fetch it waits for, or 0
    uint32_t result;    // where the fetch writes its result
    tally_t **tallies;  // sum-fetched: the list (the guest owns its block); pair-fetched: left, right
    tally_t *pair[2];
    uint32_t count;
} task_t;

// Starts fetch(key) for a new task: its callback code (the task waits, or `finish` ran at once).
static int32_t start(task_t *t, uint32_t key, int32_t (*finish)(task_t *)) {
    t->set = waitable_set_new();
    context_set(t);
    uint32_t status = fetch_lower(key, &t->result);
    if ((status & 0xf) == SUBTASK_RETURNED) return finish(t);
    t->subtask = status >> 4;
    waitable_join(t->subtask, t->set);
    return wait_on(t->set);
}

// The fetch returned: `finish` reads the tallies.
static int32_t resume(uint32_t event, uint32_t p1, uint32_t p2, int32_t (*finish)(task_t *)) {
    task_t *t = context_get();
    if (event != EVENT_SUBTASK || p1 != t->subtask) __builtin_trap();
    if (p2 != SUBTASK_RETURNED) return wait_on(t->set);
    subtask_drop(t->subtask);
    return finish(t);
}

static int32_t end(task_t *t) {
    waitable_set_drop(t->set);
    free(t->tallies);
    free(t);
    context_set(0);
    return CODE_EXIT;
}

// ---- sum-fetched ----

IMPORT(TALLIES_EXPORT, "[task-return]sum-fetched") void sum_fetched_return(uint32_t sum);

static int32_t sum_fetched_finish(task_t *t) {
    uint32_t sum = t->result;
    for (uint32_t i = 0; i < t->count; i++) sum += tally_alive(t->tallies[i])->base;
    sum_fetched_return(sum);
    return end(t);
}

ASYNC_EXPORT("sum-fetched") int32_t sum_fetched(tally_t **tallies, uint32_t count, uint32_t key) {
    task_t *t = calloc(1, sizeof(task_t));
    if (!t) __builtin_trap();
    t->tallies = tallies;
    t->count = count;
    return start(t, key, sum_fetched_finish);
}

CALLBACK("sum-fetched") int32_t sum_fetched_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return resume(event, p1, p2, sum_fetched_finish);
}

// ---- pair-fetched ----

IMPORT(TALLIES_EXPORT, "[task-return]pair-fetched") void pair_fetched_return(uint32_t value);

static int32_t pair_fetched_finish(task_t *t) {
    pair_fetched_return(tally_alive(t->pair[0])->base - tally_alive(t->pair[1])->base + t->result);
    return end(t);
}

ASYNC_EXPORT("pair-fetched") int32_t pair_fetched(tally_t *left, tally_t *right, uint32_t key) {
    task_t *t = calloc(1, sizeof(task_t));
    if (!t) __builtin_trap();
    t->pair[0] = left;
    t->pair[1] = right;
    return start(t, key, pair_fetched_finish);
}

CALLBACK("pair-fetched") int32_t pair_fetched_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return resume(event, p1, p2, pair_fetched_finish);
}
