// The guest of the async-guest world (wit/async.wit), with hand-written glue for the Canonical
// ABI's async built-ins, as wit-bindgen's C output would call them. Built by build-guests.sh.
//
// Core names:
// - async exports "[async-lift]example:concurrency/jobs#<f>", each with its event loop's callback
//   "[callback][async-lift]example:concurrency/jobs#<f>" (event, p1, p2) -> callback code; results go
//   to the import "[task-return]<f>" of module "[export]example:concurrency/jobs";
// - the async import "[async-lower]fetch" of "example:concurrency/fetcher": (key, result pointer) ->
//   subtask state | subtask handle << 4;
// - the built-ins of module "$root" ("[waitable-set-new]", "[waitable-join]", "[context-get-0]",
//   …) and the stream and future built-ins of "[export]example:concurrency/jobs", named after the
//   function whose type holds the stream or future ("[stream-write-0]produce": the first stream
//   or future of `produce`).
//
// The interface counters (a resource the guest implements, with async methods) and the imported
// resource account of example:concurrency/ledger are described where they are served, below.
//
// Each task keeps its state in a heap block whose address is its context slot 0: the callback
// of any task finds its own state there, so many calls may run in one instance at once.
#include "async-abi.h"
#include "entries.h"

#define JOBS(fn) "example:concurrency/jobs#" fn
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" JOBS(fn))
#define CALLBACK(fn) EXPORT("[callback][async-lift]" JOBS(fn))
#define TOOLS(fn) "example:concurrency/tools#" fn
#define JOBS_EXPORT "[export]example:concurrency/jobs"

IMPORT(ASYNC_ROOT, "[error-context-new-utf8]") uint32_t error_context_new(char *ptr, size_t len);
IMPORT(ASYNC_ROOT, "[error-context-debug-message-utf8]") void error_context_debug_message(uint32_t handle, string_t *ret);
IMPORT(ASYNC_ROOT, "[error-context-drop]") void error_context_drop(uint32_t handle);
IMPORT(JOBS_EXPORT, "[task-cancel]") void task_cancel(void);

IMPORT("example:concurrency/fetcher", "[async-lower]fetch") uint32_t fetch_lower(uint32_t key, uint32_t *result);

// ---- Tasks ----

typedef struct {
    uint32_t set;        // the task's waitable set
    uint32_t subtask;    // the fetch it waits for, or 0
    uint32_t result;     // where the fetch writes its result
    uint32_t key;
    uint32_t stage;
    uint64_t total;
    uint32_t end;        // a stream or future end
    uint32_t size;       // bytes to move, or the read buffer's size
    uint32_t done;       // bytes moved
    uint8_t *buffer;
    char *text;          // join-entries: the names joined so far
    uint32_t text_len;
    void *object;        // the resource a method's task runs on
    uint32_t pair[2];    // open-pair-and-drop: the two accounts
} task_t;

static task_t *task_begin(void) {
    task_t *t = calloc(1, sizeof(task_t));
    if (!t) __builtin_trap();
    t->set = waitable_set_new();
    context_set(t);
    return t;
}

static int32_t task_end(task_t *t) {
    waitable_set_drop(t->set);
    free(t->buffer);
    free(t);
    context_set(0);
    return CODE_EXIT;
}

// An async lowering's status: true when the import returned at once; otherwise its subtask joins
// the task's set, to be waited for.
static bool returned_or_joined(task_t *t, uint32_t status) {
    if ((status & 0xf) == SUBTASK_RETURNED) {
        t->subtask = 0;
        return true;
    }
    t->subtask = status >> 4;
    waitable_join(t->subtask, t->set);
    return false;
}

// A callback's event must be the task's subtask returning (a trap otherwise); the subtask is dropped.
static void take_returned_subtask(task_t *t, uint32_t event, uint32_t p1, uint32_t p2) {
    if (event != EVENT_SUBTASK || p1 != t->subtask || p2 != SUBTASK_RETURNED) __builtin_trap();
    subtask_drop(t->subtask);
}

// Starts fetch(key) for `t`: true when it returned at once (t->result holds it).
static bool start_fetch(task_t *t, uint32_t key) {
    return returned_or_joined(t, fetch_lower(key, &t->result));
}

// ---- fetch-sum ----

IMPORT(JOBS_EXPORT, "[task-return]fetch-sum") void fetch_sum_return(uint32_t sum);

static int32_t fetch_sum_step(task_t *t) {
    while (t->stage < 2) {
        if (!start_fetch(t, t->key + t->stage)) return wait_on(t->set);
        t->total += t->result;
        t->stage++;
    }
    fetch_sum_return((uint32_t)t->total);
    return task_end(t);
}

ASYNC_EXPORT("fetch-sum") int32_t fetch_sum(uint32_t key) {
    task_t *t = task_begin();
    t->key = key;
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

// ---- yield-times ----

IMPORT(JOBS_EXPORT, "[task-return]yield-times") void yield_times_return(uint32_t n);

static int32_t yield_times_step(task_t *t) {
    if (t->stage == t->key) {
        yield_times_return(t->stage);
        return task_end(t);
    }
    t->stage++;
    return CODE_YIELD;
}

ASYNC_EXPORT("yield-times") int32_t yield_times(uint32_t n) {
    task_t *t = task_begin();
    t->key = n;
    return yield_times_step(t);
}

CALLBACK("yield-times") int32_t yield_times_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)p1;
    (void)p2;
    if (event != EVENT_NONE) __builtin_trap();
    return yield_times_step(context_get());
}

// ---- fetch-or-cancel ----

IMPORT(JOBS_EXPORT, "[task-return]fetch-or-cancel") void fetch_or_cancel_return(uint32_t value);

ASYNC_EXPORT("fetch-or-cancel") int32_t fetch_or_cancel(uint32_t key) {
    task_t *t = task_begin();
    if (start_fetch(t, key)) {
        fetch_or_cancel_return(t->result);
        return task_end(t);
    }
    return wait_on(t->set);
}

CALLBACK("fetch-or-cancel") int32_t fetch_or_cancel_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event == EVENT_SUBTASK && p1 == t->subtask && p2 == SUBTASK_RETURNED) {
        subtask_drop(t->subtask);
        fetch_or_cancel_return(t->result);
        return task_end(t);
    }
    if (event != EVENT_TASK_CANCELLED) __builtin_trap();
    // The caller gave up: so does the guest, cancelling the fetch first. It may have returned
    // meanwhile; then its result is the answer after all.
    uint32_t state = subtask_cancel(t->subtask);
    subtask_drop(t->subtask);
    if (state == SUBTASK_RETURNED) {
        fetch_or_cancel_return(t->result);
    } else if (state == SUBTASK_CANCELLED_BEFORE_RETURNED) {
        task_cancel();
    } else {
        __builtin_trap();
    }
    return task_end(t);
}

// ---- produce: a stream<u8> written after returning ----

IMPORT(JOBS_EXPORT, "[task-return]produce") void produce_return(uint32_t readable);
IMPORT(JOBS_EXPORT, "[stream-new-0]produce") uint64_t produce_stream_new(void);
IMPORT(JOBS_EXPORT, "[async-lower][stream-write-0]produce") uint32_t produce_stream_write(uint32_t writable, const uint8_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-drop-writable-0]produce") void produce_stream_drop_writable(uint32_t writable);
IMPORT(JOBS_EXPORT, "[stream-read-0]produce") uint32_t produce_stream_read(uint32_t readable, uint8_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-write-0]produce") uint32_t produce_stream_write_sync(uint32_t writable, const uint8_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-drop-readable-0]produce") void produce_stream_drop_readable(uint32_t readable);

static int32_t produce_finish(task_t *t) {
    produce_stream_drop_writable(t->end);
    return task_end(t);
}

// Writes until a write blocks (then waits for it) or all is written.
static int32_t produce_step(task_t *t) {
    while (t->done < t->size) {
        uint32_t count = t->size - t->done < t->key ? t->size - t->done : t->key;
        uint32_t status = produce_stream_write(t->end, t->buffer + t->done, count);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        t->done += status >> 4;
        if ((status & 0xf) == COPY_DROPPED) break;
    }
    return produce_finish(t);
}

ASYNC_EXPORT("produce") int32_t produce(uint32_t n, uint32_t chunk) {
    task_t *t = task_begin();
    t->size = n;
    t->key = chunk == 0 ? 1 : chunk;
    t->buffer = malloc(n == 0 ? 1 : n);
    if (!t->buffer) __builtin_trap();
    for (uint32_t i = 0; i < n; i++) t->buffer[i] = (uint8_t)i;
    uint64_t ends = produce_stream_new();
    t->end = (uint32_t)(ends >> 32);
    produce_return((uint32_t)ends);
    return produce_step(t);
}

CALLBACK("produce") int32_t produce_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_WRITE || p1 != t->end) __builtin_trap();
    t->done += p2 >> 4;
    if ((p2 & 0xf) == COPY_DROPPED) return produce_finish(t);
    return produce_step(t);
}

// ---- consume: reads a stream<u8> the host writes ----

IMPORT(JOBS_EXPORT, "[task-return]consume") void consume_return(uint64_t sum);
IMPORT(JOBS_EXPORT, "[async-lower][stream-read-0]consume") uint32_t consume_stream_read(uint32_t readable, uint8_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-drop-readable-0]consume") void consume_stream_drop_readable(uint32_t readable);

static int32_t consume_finish(task_t *t) {
    consume_stream_drop_readable(t->end);
    consume_return(t->total);
    return task_end(t);
}

static void consume_add(task_t *t, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) t->total += t->buffer[i];
}

static int32_t consume_step(task_t *t) {
    for (;;) {
        uint32_t status = consume_stream_read(t->end, t->buffer, t->size);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        consume_add(t, status >> 4);
        if ((status & 0xf) == COPY_DROPPED) return consume_finish(t);
    }
}

ASYNC_EXPORT("consume") int32_t consume(uint32_t readable, uint32_t buffer) {
    task_t *t = task_begin();
    t->end = readable;
    t->size = buffer == 0 ? 1 : buffer;
    t->buffer = malloc(t->size);
    if (!t->buffer) __builtin_trap();
    return consume_step(t);
}

CALLBACK("consume") int32_t consume_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    consume_add(t, p2 >> 4);
    if ((p2 & 0xf) == COPY_DROPPED) return consume_finish(t);
    return consume_step(t);
}

// ---- promise and await-value: future<u32> both ways ----

IMPORT(JOBS_EXPORT, "[task-return]promise") void promise_return(uint32_t readable);
IMPORT(JOBS_EXPORT, "[future-new-0]promise") uint64_t promise_future_new(void);
IMPORT(JOBS_EXPORT, "[async-lower][future-write-0]promise") uint32_t promise_future_write(uint32_t writable, const uint32_t *value);
IMPORT(JOBS_EXPORT, "[future-drop-writable-0]promise") void promise_future_drop_writable(uint32_t writable);
IMPORT(JOBS_EXPORT, "[async-lower][future-read-0]promise") uint32_t promise_future_read(uint32_t readable, uint32_t *value);
IMPORT(JOBS_EXPORT, "[future-drop-readable-0]promise") void promise_future_drop_readable(uint32_t readable);

ASYNC_EXPORT("promise") int32_t promise(uint32_t value) {
    task_t *t = task_begin();
    t->result = value;
    uint64_t ends = promise_future_new();
    t->end = (uint32_t)(ends >> 32);
    promise_return((uint32_t)ends);
    if (promise_future_write(t->end, &t->result) == BLOCKED) {
        waitable_join(t->end, t->set);
        return wait_on(t->set);
    }
    promise_future_drop_writable(t->end);
    return task_end(t);
}

CALLBACK("promise") int32_t promise_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)p2;
    task_t *t = context_get();
    if (event != EVENT_FUTURE_WRITE || p1 != t->end) __builtin_trap();
    promise_future_drop_writable(t->end);
    return task_end(t);
}

IMPORT(JOBS_EXPORT, "[task-return]await-value") void await_value_return(uint32_t value);
IMPORT(JOBS_EXPORT, "[async-lower][future-read-0]await-value") uint32_t await_value_future_read(uint32_t readable, uint32_t *value);
IMPORT(JOBS_EXPORT, "[future-drop-readable-0]await-value") void await_value_future_drop_readable(uint32_t readable);

static int32_t await_value_finish(task_t *t, uint32_t status) {
    if ((status & 0xf) != COPY_COMPLETED) __builtin_trap();
    await_value_future_drop_readable(t->end);
    await_value_return(t->result + 1);
    return task_end(t);
}

ASYNC_EXPORT("await-value") int32_t await_value(uint32_t readable) {
    task_t *t = task_begin();
    t->end = readable;
    uint32_t status = await_value_future_read(t->end, &t->result);
    if (status == BLOCKED) {
        waitable_join(t->end, t->set);
        return wait_on(t->set);
    }
    return await_value_finish(t, status);
}

CALLBACK("await-value") int32_t await_value_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_FUTURE_READ || p1 != t->end) __builtin_trap();
    return await_value_finish(t, p2);
}

// ---- list-entries and join-entries: stream<entry>, a record with a string ----

IMPORT(JOBS_EXPORT, "[task-return]list-entries") void list_entries_return(uint32_t readable);
IMPORT(JOBS_EXPORT, "[stream-new-0]list-entries") uint64_t list_entries_stream_new(void);
IMPORT(JOBS_EXPORT, "[async-lower][stream-write-0]list-entries") uint32_t list_entries_stream_write(uint32_t writable, const entry_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-drop-writable-0]list-entries") void list_entries_stream_drop_writable(uint32_t writable);
IMPORT(JOBS_EXPORT, "[async-lower][stream-read-0]list-entries") uint32_t list_entries_stream_read(uint32_t readable, entry_t *ptr, size_t count);

// The entries' names stay the guest's: a copy lifts them while the write is in progress.
static int32_t list_entries_finish(task_t *t) {
    list_entries_stream_drop_writable(t->end);
    entry_t *entries = (entry_t *)t->buffer;
    for (uint32_t i = 0; i < t->size; i++) string_free(entries[i].name);
    return task_end(t);
}

static int32_t list_entries_step(task_t *t) {
    entry_t *entries = (entry_t *)t->buffer;
    while (t->done < t->size) {
        uint32_t count = t->size - t->done < 2 ? t->size - t->done : 2;
        uint32_t status = list_entries_stream_write(t->end, entries + t->done, count);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        t->done += status >> 4;
        if ((status & 0xf) == COPY_DROPPED) break;
    }
    return list_entries_finish(t);
}

// "entry-<i>" in a new block.
static string_t entry_name(uint32_t i) {
    char digits[10];
    size_t count = 0;
    do {
        digits[count++] = (char)('0' + i % 10);
        i /= 10;
    } while (i > 0);
    string_t name = string_alloc(6 + count);
    memcpy(name.ptr, "entry-", 6);
    for (size_t k = 0; k < count; k++) name.ptr[6 + k] = digits[count - 1 - k];
    return name;
}

ASYNC_EXPORT("list-entries") int32_t list_entries(uint32_t n) {
    task_t *t = task_begin();
    t->size = n;
    t->buffer = calloc(n == 0 ? 1 : n, sizeof(entry_t));
    if (!t->buffer) __builtin_trap();
    entry_t *entries = (entry_t *)t->buffer;
    for (uint32_t i = 0; i < n; i++) {
        entries[i].name = entry_name(i);
        entries[i].size = (uint64_t)i * 10;
    }
    uint64_t ends = list_entries_stream_new();
    t->end = (uint32_t)(ends >> 32);
    list_entries_return((uint32_t)ends);
    return list_entries_step(t);
}

CALLBACK("list-entries") int32_t list_entries_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_WRITE || p1 != t->end) __builtin_trap();
    t->done += p2 >> 4;
    if ((p2 & 0xf) == COPY_DROPPED) return list_entries_finish(t);
    return list_entries_step(t);
}

IMPORT(JOBS_EXPORT, "[task-return]join-entries") void join_entries_return(char *ptr, size_t len, uint64_t total);
IMPORT(JOBS_EXPORT, "[async-lower][stream-read-0]join-entries") uint32_t join_entries_stream_read(uint32_t readable, entry_t *ptr, size_t count);
IMPORT(JOBS_EXPORT, "[stream-drop-readable-0]join-entries") void join_entries_stream_drop_readable(uint32_t readable);

static void join_entries_add(task_t *t, uint32_t count) {
    entries_join((const entry_t *)t->buffer, count, &t->text, &t->text_len, &t->total);
}

static int32_t join_entries_finish(task_t *t) {
    join_entries_stream_drop_readable(t->end);
    join_entries_return(t->text, t->text_len, t->total);
    free(t->text);
    return task_end(t);
}

static int32_t join_entries_step(task_t *t) {
    for (;;) {
        uint32_t status = join_entries_stream_read(t->end, (entry_t *)t->buffer, 3);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        join_entries_add(t, status >> 4);
        if ((status & 0xf) == COPY_DROPPED) return join_entries_finish(t);
    }
}

ASYNC_EXPORT("join-entries") int32_t join_entries(uint32_t readable) {
    task_t *t = task_begin();
    t->end = readable;
    t->buffer = calloc(3, sizeof(entry_t));
    if (!t->buffer) __builtin_trap();
    return join_entries_step(t);
}

CALLBACK("join-entries") int32_t join_entries_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    join_entries_add(t, p2 >> 4);
    if ((p2 & 0xf) == COPY_DROPPED) return join_entries_finish(t);
    return join_entries_step(t);
}

// ---- outcome: future<result<string, error-context>> ----

typedef struct {
    uint8_t is_err;
    union {
        string_t ok;
        uint32_t err;
    } value;
} outcome_t;

_Static_assert(sizeof(outcome_t) == 12 && _Alignof(outcome_t) == 4, "result<string, error-context>: a byte, then the payload at 4");

IMPORT(JOBS_EXPORT, "[task-return]outcome") void outcome_return(uint32_t readable);
IMPORT(JOBS_EXPORT, "[future-new-0]outcome") uint64_t outcome_future_new(void);
IMPORT(JOBS_EXPORT, "[async-lower][future-write-0]outcome") uint32_t outcome_future_write(uint32_t writable, const outcome_t *value);
IMPORT(JOBS_EXPORT, "[future-drop-writable-0]outcome") void outcome_future_drop_writable(uint32_t writable);

// The reader lifted the string, or the error context (whose handle stays the guest's), during the write.
static int32_t outcome_finish(task_t *t) {
    outcome_future_drop_writable(t->end);
    outcome_t *value = (outcome_t *)t->buffer;
    if (value->is_err) {
        error_context_drop(value->value.err);
    } else {
        string_free(value->value.ok);
    }
    return task_end(t);
}

ASYNC_EXPORT("outcome") int32_t outcome(char *ptr, size_t len, uint32_t fail) {
    task_t *t = task_begin();
    t->buffer = calloc(1, sizeof(outcome_t));
    if (!t->buffer) __builtin_trap();
    outcome_t *value = (outcome_t *)t->buffer;
    if (fail) {
        value->is_err = 1;
        value->value.err = error_context_new(ptr, len);
        string_free((string_t){ptr, len});
    } else {
        value->value.ok = (string_t){ptr, len};
    }
    uint64_t ends = outcome_future_new();
    t->end = (uint32_t)(ends >> 32);
    outcome_return((uint32_t)ends);
    if (outcome_future_write(t->end, value) == BLOCKED) {
        waitable_join(t->end, t->set);
        return wait_on(t->set);
    }
    return outcome_finish(t);
}

CALLBACK("outcome") int32_t outcome_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)p2;
    task_t *t = context_get();
    if (event != EVENT_FUTURE_WRITE || p1 != t->end) __builtin_trap();
    return outcome_finish(t);
}

// ---- Misuse that the host must turn into traps ----

IMPORT(JOBS_EXPORT, "[task-return]return-twice") void return_twice_return(uint32_t value);

ASYNC_EXPORT("return-twice") int32_t return_twice(void) {
    return_twice_return(1);
    return_twice_return(2);
    return CODE_EXIT;
}

CALLBACK("return-twice") int32_t return_twice_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    __builtin_trap();
}

ASYNC_EXPORT("exit-without-return") int32_t exit_without_return(void) { return CODE_EXIT; }

CALLBACK("exit-without-return") int32_t exit_without_return_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    __builtin_trap();
}

IMPORT(JOBS_EXPORT, "[task-return]park") void park_return(uint32_t value);

static uint32_t parked_set;

ASYNC_EXPORT("park") int32_t park(uint32_t key) {
    task_t *t = task_begin();
    parked_set = t->set;
    if (start_fetch(t, key)) {
        park_return(t->result);
        return task_end(t);
    }
    return wait_on(t->set);
}

CALLBACK("park") int32_t park_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    take_returned_subtask(t, event, p1, p2);
    park_return(t->result);
    parked_set = 0;
    return task_end(t);
}

// ---- counters: a resource the guest implements, with async methods ----
//
// Core names as for jobs, with the method's name: "[async-lift]example:concurrency/counters#[method]counter.add-fetched",
// its callback, and "[task-return][method]counter.add-fetched" of module "[export]example:concurrency/counters".
// A method gets its `self` borrow as the representation (the guest implements the resource).

#define COUNTERS(fn) "example:concurrency/counters#" fn
#define COUNTERS_EXPORT "[export]example:concurrency/counters"
#define COUNTER_ASYNC(fn) EXPORT("[async-lift]" COUNTERS(fn))
#define COUNTER_CALLBACK(fn) EXPORT("[callback][async-lift]" COUNTERS(fn))

typedef struct {
    uint32_t base;
    uint32_t dead;       // set by the destructor: the counter is kept, so a method running after it notices
} counter_t;

static uint32_t counters_destroyed;

IMPORT(COUNTERS_EXPORT, "[resource-new]counter") uint32_t counter_handle_new(counter_t *rep);
IMPORT(COUNTERS_EXPORT, "[task-cancel]") void counters_task_cancel(void);

static counter_t *counter_alive(counter_t *counter) {
    if (counter->dead) __builtin_trap();
    return counter;
}

static uint32_t counter_make(uint32_t base) {
    counter_t *counter = calloc(1, sizeof(counter_t));
    if (!counter) __builtin_trap();
    counter->base = base;
    return counter_handle_new(counter);
}

EXPORT(COUNTERS("[constructor]counter")) uint32_t counter_constructor(uint32_t base) { return counter_make(base); }

EXPORT(COUNTERS("[dtor]counter")) void counter_dtor(counter_t *self) {
    counter_alive(self)->dead = 1;
    counters_destroyed++;
}

EXPORT(COUNTERS("destroyed")) uint32_t counters_destroyed_count(void) { return counters_destroyed; }

// add-fetched: base + fetch(key), cancelled as fetch-or-cancel is.

IMPORT(COUNTERS_EXPORT, "[task-return][method]counter.add-fetched") void add_fetched_return(uint32_t value);

static int32_t add_fetched_finish(task_t *t) {
    add_fetched_return(counter_alive(t->object)->base + t->result);
    return task_end(t);
}

COUNTER_ASYNC("[method]counter.add-fetched") int32_t counter_add_fetched(counter_t *self, uint32_t key) {
    task_t *t = task_begin();
    t->object = counter_alive(self);
    if (start_fetch(t, key)) return add_fetched_finish(t);
    return wait_on(t->set);
}

COUNTER_CALLBACK("[method]counter.add-fetched") int32_t counter_add_fetched_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event == EVENT_SUBTASK && p1 == t->subtask && p2 == SUBTASK_RETURNED) {
        subtask_drop(t->subtask);
        return add_fetched_finish(t);
    }
    if (event != EVENT_TASK_CANCELLED) __builtin_trap();
    uint32_t state = subtask_cancel(t->subtask);
    subtask_drop(t->subtask);
    if (state == SUBTASK_RETURNED) return add_fetched_finish(t);
    if (state != SUBTASK_CANCELLED_BEFORE_RETURNED) __builtin_trap();
    counters_task_cancel();
    return task_end(t);
}

// explode: fetch(key), then a trap in the callback that learns it returned.

COUNTER_ASYNC("[method]counter.explode") int32_t counter_explode(counter_t *self, uint32_t key) {
    task_t *t = task_begin();
    t->object = counter_alive(self);
    if (start_fetch(t, key)) __builtin_trap();
    return wait_on(t->set);
}

COUNTER_CALLBACK("[method]counter.explode") int32_t counter_explode_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    __builtin_trap();
}

// of-fetched (static): a new counter whose base is fetch(key), returned as an own handle.

IMPORT(COUNTERS_EXPORT, "[task-return][static]counter.of-fetched") void of_fetched_return(uint32_t handle);

static int32_t of_fetched_finish(task_t *t) {
    of_fetched_return(counter_make(t->result));
    return task_end(t);
}

COUNTER_ASYNC("[static]counter.of-fetched") int32_t counter_of_fetched(uint32_t key) {
    task_t *t = task_begin();
    if (start_fetch(t, key)) return of_fetched_finish(t);
    return wait_on(t->set);
}

COUNTER_CALLBACK("[static]counter.of-fetched") int32_t counter_of_fetched_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    take_returned_subtask(t, event, p1, p2);
    return of_fetched_finish(t);
}

// balance-by-id: the host's account `id`, its async method balance awaited, the account dropped.

#define LEDGER "example:concurrency/ledger"
IMPORT(LEDGER, "[constructor]account") uint32_t account_new(uint32_t id);
IMPORT(LEDGER, "[async-lower][method]account.balance") uint32_t account_balance_lower(uint32_t self, uint32_t *result);
IMPORT(LEDGER, "[resource-drop]account") void account_drop(uint32_t handle);
IMPORT(COUNTERS_EXPORT, "[task-return]balance-by-id") void balance_by_id_return(uint32_t value);

// Ends a task that holds an account (t->end): the account is dropped, t->result returned.
static int32_t drop_account_and_return(task_t *t, void (*task_return)(uint32_t)) {
    account_drop(t->end);
    task_return(t->result);
    return task_end(t);
}

COUNTER_ASYNC("balance-by-id") int32_t balance_by_id(uint32_t id) {
    task_t *t = task_begin();
    t->end = account_new(id);
    if (returned_or_joined(t, account_balance_lower(t->end, &t->result))) return drop_account_and_return(t, balance_by_id_return);
    return wait_on(t->set);
}

COUNTER_CALLBACK("balance-by-id") int32_t balance_by_id_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    take_returned_subtask(t, event, p1, p2);
    return drop_account_and_return(t, balance_by_id_return);
}

// open-and-drop: the host's account `id` from its async static open, dropped once the host answers.

IMPORT(LEDGER, "[async-lower][static]account.open") uint32_t account_open_lower(uint32_t id, uint32_t *result);
IMPORT(COUNTERS_EXPORT, "[task-return]open-and-drop") void open_and_drop_return(uint32_t value);

COUNTER_ASYNC("open-and-drop") int32_t open_and_drop(uint32_t id) {
    task_t *t = task_begin();
    t->result = id;
    if (returned_or_joined(t, account_open_lower(id, &t->end))) return drop_account_and_return(t, open_and_drop_return);
    return wait_on(t->set);
}

COUNTER_CALLBACK("open-and-drop") int32_t open_and_drop_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    take_returned_subtask(t, event, p1, p2);
    return drop_account_and_return(t, open_and_drop_return);
}

// open-pair-and-drop: the host's accounts `id` and `id` + 1 from its async static open-pair,
// dropped once the host answers.

IMPORT(LEDGER, "[async-lower][static]account.open-pair") uint32_t account_open_pair_lower(uint32_t id, uint32_t *result);
IMPORT(COUNTERS_EXPORT, "[task-return]open-pair-and-drop") void open_pair_and_drop_return(uint32_t value);

static int32_t drop_pair_and_return(task_t *t) {
    account_drop(t->pair[0]);
    account_drop(t->pair[1]);
    open_pair_and_drop_return(t->result);
    return task_end(t);
}

COUNTER_ASYNC("open-pair-and-drop") int32_t open_pair_and_drop(uint32_t id) {
    task_t *t = task_begin();
    t->result = id;
    if (returned_or_joined(t, account_open_pair_lower(id, t->pair))) return drop_pair_and_return(t);
    return wait_on(t->set);
}

COUNTER_CALLBACK("open-pair-and-drop") int32_t open_pair_and_drop_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    take_returned_subtask(t, event, p1, p2);
    return drop_pair_and_return(t);
}

// backpressure.inc/dec, as the current spec has them (it dropped backpressure.set, which the
// encoder inside jco no longer accepts, and the cross-check tests make a component of this guest
// with jco): the guest counts its own "on".
IMPORT(ASYNC_ROOT, "[backpressure-inc]") void backpressure_inc(void);
IMPORT(ASYNC_ROOT, "[backpressure-dec]") void backpressure_dec(void);
static bool backpressure_on;

EXPORT(TOOLS("set-backpressure")) void tools_set_backpressure(bool on) {
    if (on != backpressure_on) {
        if (on) backpressure_inc(); else backpressure_dec();
        backpressure_on = on;
    }
}

EXPORT(TOOLS("parked-set")) uint32_t tools_parked_set(void) { return parked_set; }

EXPORT(TOOLS("drop-set")) void tools_drop_set(uint32_t handle) { waitable_set_drop(handle); }

// The stream built-ins of two synchronous exports: `discard-octets` takes a stream<octet>, which
// is a stream<u8> (octet is u8 by another name), `discard-words` a stream<u32>. A built-in serves
// every end of its type, whichever function it is named after; an end of another type is a trap.
#define TOOLS_EXPORT "[export]example:concurrency/tools"
IMPORT(TOOLS_EXPORT, "[async-lower][stream-write-0]discard-octets") uint32_t discard_octets_stream_write(uint32_t writable, const uint8_t *ptr, size_t count);
IMPORT(TOOLS_EXPORT, "[stream-cancel-write-0]discard-octets") uint32_t discard_octets_stream_cancel_write(uint32_t writable);
IMPORT(TOOLS_EXPORT, "[stream-drop-writable-0]discard-octets") void discard_octets_stream_drop_writable(uint32_t writable);
IMPORT(TOOLS_EXPORT, "[stream-drop-readable-0]discard-octets") void discard_octets_stream_drop_readable(uint32_t readable);
IMPORT(TOOLS_EXPORT, "[async-lower][stream-read-0]discard-words") uint32_t discard_words_stream_read(uint32_t readable, uint32_t *ptr, size_t count);
IMPORT(TOOLS_EXPORT, "[stream-drop-readable-0]discard-words") void discard_words_stream_drop_readable(uint32_t readable);
IMPORT(JOBS_EXPORT, "[future-drop-readable-0]outcome") void outcome_future_drop_readable(uint32_t readable);

EXPORT(TOOLS("discard-octets")) void tools_discard_octets(uint32_t octets) { discard_octets_stream_drop_readable(octets); }

EXPORT(TOOLS("discard-words")) void tools_discard_words(uint32_t words) { discard_words_stream_drop_readable(words); }

// The readable end of a stream<u8> where the function's type says stream<u32>: lifting it traps.
EXPORT(TOOLS("mistyped-words")) uint32_t tools_mistyped_words(void) { return (uint32_t)produce_stream_new(); }

EXPORT(TOOLS("misuse")) void tools_misuse(uint32_t which) {
    uint8_t byte = 0;
    switch (which) {
    case 1: { // reads a stream after dropping its readable end
        uint32_t readable = (uint32_t)produce_stream_new();
        produce_stream_drop_readable(readable);
        produce_stream_read(readable, &byte, 1);
        break;
    }
    case 2: // joins a handle that was never given out to a set
        waitable_join(12345, waitable_set_new());
        break;
    case 3: // drops a waitable set as if it were a subtask
        subtask_drop(waitable_set_new());
        break;
    case 4: { // drops an error context twice
        uint32_t error = error_context_new("twice", 5);
        error_context_drop(error);
        error_context_drop(error);
        break;
    }
    case 5: // returns a result from a synchronous export, which has no async task
        fetch_sum_return(1);
        break;
    case 6: { // waits in a synchronous export, which may not block
        uint32_t event[2];
        waitable_set_wait(waitable_set_new(), event);
        break;
    }
    case 7: { // writes to the readable end of a stream
        uint32_t readable = (uint32_t)produce_stream_new();
        produce_stream_write_sync(readable, &byte, 1);
        break;
    }
    case 8: { // reads a stream of records it writes itself: in one instance only numbers may move
        uint64_t ends = list_entries_stream_new();
        entry_t written = {{0, 0}, 1}, read;
        list_entries_stream_write((uint32_t)(ends >> 32), &written, 1);
        list_entries_stream_read((uint32_t)ends, &read, 1);
        break;
    }
    case 9: { // drops an account its async balance still borrows (when the host does not answer at once)
        static uint32_t balance;
        uint32_t account = account_new(1);
        account_balance_lower(account, &balance);
        account_drop(account);
        break;
    }
    case 10: { // drops the writable end of a future before writing its value
        uint64_t ends = promise_future_new();
        promise_future_drop_writable((uint32_t)(ends >> 32));
        break;
    }
    case 11: { // writes a future again after learning its reader dropped (dropping the reader first is fine)
        uint64_t ends = promise_future_new();
        uint32_t value = 7;
        promise_future_drop_readable((uint32_t)ends);
        if (promise_future_write((uint32_t)(ends >> 32), &value) != COPY_DROPPED) __builtin_trap();
        promise_future_write((uint32_t)(ends >> 32), &value);
        break;
    }
    case 12: { // reads a future again after its value arrived
        uint64_t ends = promise_future_new();
        uint32_t value = 7, read = 0;
        if (promise_future_write((uint32_t)(ends >> 32), &value) != BLOCKED) __builtin_trap();
        if (promise_future_read((uint32_t)ends, &read) != COPY_COMPLETED || read != value) __builtin_trap();
        promise_future_read((uint32_t)ends, &read);
        break;
    }
    case 13: { // not a misuse: a future's writer may drop its end once it learned its reader dropped
        uint64_t ends = promise_future_new();
        uint32_t value = 7;
        promise_future_drop_readable((uint32_t)ends);
        if (promise_future_write((uint32_t)(ends >> 32), &value) != COPY_DROPPED) __builtin_trap();
        promise_future_drop_writable((uint32_t)(ends >> 32));
        break;
    }
    case 14: { // not a misuse: a stream<u8> moves through the built-ins of a stream<octet>, the same type
        uint64_t ends = produce_stream_new();
        uint8_t written = 42, read = 0;
        if (discard_octets_stream_write((uint32_t)(ends >> 32), &written, 1) != BLOCKED) __builtin_trap();
        if (produce_stream_read((uint32_t)ends, &read, 1) != ((1u << 4) | COPY_COMPLETED) || read != written) __builtin_trap();
        if (discard_octets_stream_cancel_write((uint32_t)(ends >> 32)) != ((1u << 4) | COPY_COMPLETED)) __builtin_trap();
        discard_octets_stream_drop_writable((uint32_t)(ends >> 32));
        discard_octets_stream_drop_readable((uint32_t)ends);
        break;
    }
    case 15: { // reads a stream<u8> through the built-in of a stream<u32>
        uint32_t word = 0;
        discard_words_stream_read((uint32_t)produce_stream_new(), &word, 1);
        break;
    }
    case 16: { // drops the readable end of a future<u32> through the built-in of a future<result<string, error-context>>
        outcome_future_drop_readable((uint32_t)promise_future_new());
        break;
    }
    default:
        break;
    }
}

// ---- error-context ----

static string_t ret_string;

EXPORT(TOOLS("error-roundtrip")) string_t *tools_error_roundtrip(char *ptr, size_t len) {
    uint32_t error = error_context_new(ptr, len);
    string_free((string_t){ptr, len});
    error_context_debug_message(error, &ret_string);
    error_context_drop(error);
    return &ret_string;
}

EXPORT("cabi_post_" TOOLS("error-roundtrip")) void tools_error_roundtrip_post(string_t *ret) { string_free(*ret); }

EXPORT(TOOLS("make-error")) uint32_t tools_make_error(char *ptr, size_t len) {
    uint32_t error = error_context_new(ptr, len);
    string_free((string_t){ptr, len});
    return error;
}

EXPORT(TOOLS("error-message")) string_t *tools_error_message(uint32_t error) {
    error_context_debug_message(error, &ret_string);
    error_context_drop(error);
    return &ret_string;
}

EXPORT("cabi_post_" TOOLS("error-message")) void tools_error_message_post(string_t *ret) { string_free(*ret); }
