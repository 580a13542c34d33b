// The guest of the rust-shape world (wit/rust-shape.wit), whose async glue has the shape
// wit-bindgen's Rust runtime (the `wit-bindgen` crate's rt::async_support, with its inter-task
// wake-up) gives a guest, so the host is tested against what a Rust guest imports and does:
//
// - imports: module "$root" [waitable-set-new], [waitable-set-drop], [waitable-join],
//   [waitable-set-poll], [subtask-cancel] (the synchronous one), [subtask-drop], [context-get-0],
//   [context-set-0]; the stream without elements of the wake-up, named by no function:
//   [stream-new-unit], [async-lower][stream-read-unit], [async-lower][stream-write-unit],
//   [stream-cancel-read-unit], [stream-cancel-write-unit], [stream-drop-readable-unit],
//   [stream-drop-writable-unit]; module "[export]$root" [task-cancel] (the runtime names that module
//   whatever interface the export belongs to); module "[export]test:rust-shape/tasks"
//   [task-return]f and, for each stream or future type, one "vtable" of seven built-ins named
//   after the first function whose type holds it: [stream-new-N]f, [async-lower][stream-read-N]f,
//   [async-lower][stream-write-N]f, the synchronous [stream-cancel-read-N]f and
//   [stream-cancel-write-N]f, [stream-drop-readable-N]f, [stream-drop-writable-N]f (and the same
//   with future), in the module of that function (an import's, for stream<u8>); module
//   "test:rust-shape/lookup" [async-lower]fetch and [async-lower]digest.
// - each export starts a task: the task's state goes to context slot 0 (which must be empty),
//   then the callback runs with no event; the callback takes the state out of the slot, delivers
//   the event, polls the export's state machine and answers EXIT, YIELD or WAIT | set << 4,
//   putting the state back unless it exits. A task that has nothing to wait on but the wake-up
//   reads its stream without elements (one read, BLOCKED) and waits; each callback cancels that
//   read first. Another task wakes it by writing one element to that stream.
// - cancellation (a TASK_CANCELLED event) drops the task: an import in progress is cancelled with
//   the blocking [subtask-cancel] and dropped, a read in progress cancelled with the synchronous
//   cancel, the stream dropped, and [task-cancel] called; the callback answers EXIT.
// - a future's writer dropped before a value was written first writes the writer's default value
//   (FutureWriter's Drop, write_and_forget), as dropping it unwritten traps; a write that cannot
//   finish at once keeps the task waiting for it after it was dropped (its remaining work), and
//   the writer is dropped when it ends.
#include "async-abi.h"

#define LOOKUP "test:rust-shape/lookup"
#define TASKS "test:rust-shape/tasks"
#define TASKS_EXPORT "[export]" TASKS
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" TASKS "#" fn)
#define CALLBACK(fn) EXPORT("[callback][async-lift]" TASKS "#" fn)

// What a copy's result says: how many elements moved, and how it ended.
#define COPY_COUNT(code) ((code) >> 4)
#define COPY_RESULT(code) ((code) & 0xf)

IMPORT(ASYNC_ROOT, "[waitable-set-poll]") uint32_t waitable_set_poll(uint32_t set, uint32_t *event);
IMPORT("[export]$root", "[task-cancel]") void task_cancel(void);
IMPORT(LOOKUP, "[async-lower]fetch") uint32_t lookup_fetch(uint32_t key, uint32_t *result);
IMPORT(LOOKUP, "[async-lower]digest") uint32_t lookup_digest(uint32_t bytes, uint32_t *result);
IMPORT(TASKS_EXPORT, "[task-return]fetch-and-sum") void return_fetch_and_sum(uint64_t sum);
IMPORT(TASKS_EXPORT, "[task-return]numbers") void return_numbers(uint32_t stream, uint32_t future);
IMPORT(TASKS_EXPORT, "[task-return]sleep") void return_sleep(uint32_t value);
IMPORT(TASKS_EXPORT, "[task-return]wake") void return_wake(void);
IMPORT(TASKS_EXPORT, "[task-return]checksum") void return_checksum(uint32_t sum);
IMPORT(TASKS_EXPORT, "[task-return]spin") void return_spin(uint32_t value);
IMPORT(TASKS_EXPORT, "[task-return]fetch-message") void return_fetch_message(uint32_t future);

// The seven built-ins of one stream or future type, as the runtime's StreamVtable holds them.
typedef struct {
    uint64_t (*new_)(void);
    uint32_t (*start_read)(uint32_t end, void *buffer, size_t count);
    uint32_t (*start_write)(uint32_t end, const void *buffer, size_t count);
    uint32_t (*cancel_read)(uint32_t end);
    uint32_t (*cancel_write)(uint32_t end);
    void (*drop_readable)(uint32_t end);
    void (*drop_writable)(uint32_t end);
} stream_vtable_t;

typedef struct {
    uint64_t (*new_)(void);
    uint32_t (*start_read)(uint32_t end, void *buffer);
    uint32_t (*start_write)(uint32_t end, const void *buffer);
    uint32_t (*cancel_read)(uint32_t end);
    uint32_t (*cancel_write)(uint32_t end);
    void (*drop_readable)(uint32_t end);
    void (*drop_writable)(uint32_t end);
} future_vtable_t;

#define STREAM_VTABLE(var, module, n, fn)                                                                   \
    IMPORT(module, "[stream-new-" n "]" fn) uint64_t var##_new(void);                                        \
    IMPORT(module, "[async-lower][stream-read-" n "]" fn) uint32_t var##_read(uint32_t, void *, size_t);     \
    IMPORT(module, "[async-lower][stream-write-" n "]" fn) uint32_t var##_write(uint32_t, const void *, size_t); \
    IMPORT(module, "[stream-cancel-read-" n "]" fn) uint32_t var##_cancel_read(uint32_t);                    \
    IMPORT(module, "[stream-cancel-write-" n "]" fn) uint32_t var##_cancel_write(uint32_t);                  \
    IMPORT(module, "[stream-drop-readable-" n "]" fn) void var##_drop_readable(uint32_t);                    \
    IMPORT(module, "[stream-drop-writable-" n "]" fn) void var##_drop_writable(uint32_t);                    \
    __attribute__((used)) static stream_vtable_t var = {var##_new, var##_read, var##_write, var##_cancel_read, \
                                                        var##_cancel_write, var##_drop_readable, var##_drop_writable};

#define FUTURE_VTABLE(var, module, n, fn)                                                                   \
    IMPORT(module, "[future-new-" n "]" fn) uint64_t var##_new(void);                                        \
    IMPORT(module, "[async-lower][future-read-" n "]" fn) uint32_t var##_read(uint32_t, void *);             \
    IMPORT(module, "[async-lower][future-write-" n "]" fn) uint32_t var##_write(uint32_t, const void *);     \
    IMPORT(module, "[future-cancel-read-" n "]" fn) uint32_t var##_cancel_read(uint32_t);                    \
    IMPORT(module, "[future-cancel-write-" n "]" fn) uint32_t var##_cancel_write(uint32_t);                  \
    IMPORT(module, "[future-drop-readable-" n "]" fn) void var##_drop_readable(uint32_t);                    \
    IMPORT(module, "[future-drop-writable-" n "]" fn) void var##_drop_writable(uint32_t);                    \
    __attribute__((used)) static future_vtable_t var = {var##_new, var##_read, var##_write, var##_cancel_read, \
                                                        var##_cancel_write, var##_drop_readable, var##_drop_writable};

// The wake-up's stream without elements, then stream<u8>, stream<u32> and future<string>: each type
// named after the first function of the world that holds it, as the Rust generator, visiting the
// imports first, names it: stream<u8> after the import `digest` (so fetch-and-sum reads the stream
// it is given through the built-ins of an import's module), numbers' future its second (N = 1).
STREAM_VTABLE(unit_vtable, ASYNC_ROOT, "unit", "")
STREAM_VTABLE(bytes_vtable, LOOKUP, "0", "digest")
STREAM_VTABLE(numbers_vtable, TASKS_EXPORT, "0", "numbers")
FUTURE_VTABLE(message_vtable, TASKS_EXPORT, "1", "numbers")

// The runtime's sleep states: being polled, woken (poll again), waiting for a wake-up.
enum { SLEEP_POLLING = 0, SLEEP_WOKEN = 1, SLEEP_SLEEPING = 2 };
enum { READY = 1, PENDING = 0 };

// An operation in progress on a waitable (an import's subtask, a copy): its last code, once delivered.
typedef struct {
    uint32_t waitable;   // 0 when none is in progress
    uint32_t code;
    int delivered;
} op_t;

typedef struct task task_t;
typedef int (*poll_t)(task_t *task);
typedef void (*drop_t)(task_t *task);

struct task {
    uint32_t set;          // the task's waitable set, made when first needed
    uint32_t sleep;        // SLEEP_*
    uint32_t registered;   // operations in progress (the runtime's "remaining work")
    uint32_t wake_reader;  // the wake-up stream's ends, made when the task first sleeps
    uint32_t wake_writer;
    int wake_reading;
    int returned;          // task.return was called (the runtime's TaskCancelOnDrop is forgotten)
    int dropped;           // the export's state was dropped: only a default write may remain
    uint32_t forgotten;    // a future writer whose default write (in ops[1]) has not ended yet
    poll_t poll;
    drop_t drop;           // what the export's own state holds, dropped with it
    uint32_t stage;
    op_t ops[2];           // at most two at once (an import awaited while a stream is written)
    // The exports' own state.
    uint32_t key, fetched, end, end2, count, written;
    uint64_t sum;
    uint8_t buffer[64];
    uint32_t *values;
    string_t message;
};

static task_t *sleeper;           // the task sleeping in `sleep`
static uint32_t wake_value;       // what `wake` gave it
static int wake_given;

static uint32_t task_set(task_t *task) {
    if (task->set == 0) {
        task->set = waitable_set_new();
    }
    return task->set;
}

// An operation became BLOCKED: its waitable joins the task's set until its event comes.
static void op_register(task_t *task, op_t *op, uint32_t waitable) {
    waitable_join(waitable, task_set(task));
    op->waitable = waitable;
    op->delivered = 0;
    task->registered++;
}

// A copy just started: BLOCKED waits for its event (in the task's set), any other code is its result now.
static int op_start(task_t *task, op_t *op, uint32_t waitable, uint32_t code, uint32_t next_stage) {
    task->stage = next_stage;
    if (code == BLOCKED) {
        op_register(task, op, waitable);
        return PENDING;
    }
    op->waitable = waitable;
    op->code = code;
    op->delivered = 1;
    return READY;
}

static int op_in_progress(const op_t *op) { return op->waitable != 0 && !op->delivered; }

// The operation's waitable leaves every set (before it is cancelled or dropped, as the runtime does).
static void op_unregister(task_t *task, op_t *op) {
    if (op_in_progress(op)) {
        waitable_join(op->waitable, 0);
        task->registered--;
    }
}

static void deliver(task_t *task, uint32_t waitable, uint32_t code) {
    waitable_join(waitable, 0);
    if (task->wake_reader != 0 && waitable == task->wake_reader) {
        task->wake_reading = 0;
        return;
    }
    op_t *op = waitable == task->ops[0].waitable ? &task->ops[0] : &task->ops[1];
    if (waitable != op->waitable || op->delivered) {
        __builtin_trap();
    }
    op->code = code;
    op->delivered = 1;
    task->registered--;
}

static void read_wake_stream(task_t *task) {
    if (task->wake_reader == 0) {
        uint64_t ends = unit_vtable.new_();
        task->wake_reader = (uint32_t)ends;
        task->wake_writer = (uint32_t)(ends >> 32);
    }
    if (!task->wake_reading) {
        // The task is the only one reading its wake-up stream, and no one has written: this waits.
        if (unit_vtable.start_read(task->wake_reader, NULL, 1) != BLOCKED) {
            __builtin_trap();
        }
        task->wake_reading = 1;
        waitable_join(task->wake_reader, task_set(task));
    }
}

static void cancel_wake_read(task_t *task) {
    if (task->wake_reading) {
        task->wake_reading = 0;
        waitable_join(task->wake_reader, 0);
        (void)unit_vtable.cancel_read(task->wake_reader);
    }
}

// A waker: polls the task again, through its wake-up stream when it sleeps.
static void task_wake(task_t *task) {
    uint32_t was = task->sleep;
    task->sleep = SLEEP_WOKEN;
    if (was == SLEEP_SLEEPING) {
        // Its read is waiting, so one element moves at once.
        if (unit_vtable.start_write(task->wake_writer, NULL, 1) != (COPY_COMPLETED | (1u << 4))) {
            __builtin_trap();
        }
    }
}

static uint32_t task_finish_drop(task_t *task);

static uint32_t task_callback(task_t *task, uint32_t event, uint32_t waitable, uint32_t code) {
    if (task->dropped) {
        if (event != EVENT_NONE) {
            deliver(task, waitable, code);
        }
        return task_finish_drop(task);
    }
    if (event == EVENT_TASK_CANCELLED) {
        return CODE_EXIT;   // the caller drops the task, which cancels what it was doing
    }
    task->sleep = SLEEP_WOKEN;
    if (event != EVENT_NONE) {
        deliver(task, waitable, code);
    }
    cancel_wake_read(task);
    for (;;) {
        task->sleep = SLEEP_POLLING;
        if (task->poll(task) == READY) {
            return task->registered > 0 ? (uint32_t)wait_on(task->set) : CODE_EXIT;
        }
        if (task->sleep == SLEEP_WOKEN) {
            if (task->registered > 0) {
                uint32_t payload[2];
                uint32_t ready = waitable_set_poll(task->set, payload);
                if (ready != EVENT_NONE) {
                    deliver(task, payload[0], payload[1]);
                    continue;
                }
            }
            return CODE_YIELD;
        }
        task->sleep = SLEEP_SLEEPING;
        read_wake_stream(task);
        return (uint32_t)wait_on(task->set);
    }
}

// The export's state is dropped (its task cancelled, or done); the task itself goes once nothing remains.
static void task_drop(task_t *task) {
    cancel_wake_read(task);
    task->drop(task);
    task->dropped = 1;
    if (!task->returned) {
        task_cancel();
    }
    if (sleeper == task) {
        sleeper = NULL;
    }
}

// What a dropped task still waits for: the default write of a future writer, whose end is dropped once it ended.
static uint32_t task_finish_drop(task_t *task) {
    if (task->forgotten != 0 && task->ops[1].delivered) {
        task->ops[1].waitable = 0;
        message_vtable.drop_writable(task->forgotten);
        task->forgotten = 0;
    }
    return task->registered > 0 ? (uint32_t)wait_on(task->set) : CODE_EXIT;
}

static void task_free(task_t *task) {
    if (task->wake_writer != 0) {
        unit_vtable.drop_writable(task->wake_writer);
    }
    if (task->set != 0) {
        waitable_set_drop(task->set);
    }
    if (task->wake_reader != 0) {
        unit_vtable.drop_readable(task->wake_reader);
    }
    free(task->values);
    free(task);
}

// The runtime's callback: the task's state lives in context slot 0 between calls.
static uint32_t callback(uint32_t event, uint32_t waitable, uint32_t code) {
    task_t *task = context_get();
    if (task == NULL) {
        __builtin_trap();
    }
    context_set(NULL);
    uint32_t answer = task_callback(task, event, waitable, code);
    if (answer == CODE_EXIT && !task->dropped) {
        task_drop(task);
        answer = task_finish_drop(task);
    }
    if (answer == CODE_EXIT) {
        task_free(task);
    } else {
        context_set(task);
    }
    return answer;
}

static uint32_t start_task(task_t *task) {
    if (context_get() != NULL) {
        __builtin_trap();
    }
    context_set(task);
    return callback(EVENT_NONE, 0, 0);
}

// A task of an export: its state machine, what it drops, and its arguments.
static task_t *task_new(poll_t poll, drop_t drop, uint32_t key, uint32_t count, uint32_t end) {
    task_t *task = calloc(1, sizeof(task_t));
    if (task == NULL) {
        __builtin_trap();
    }
    task->poll = poll;
    task->drop = drop;
    task->key = key;
    task->count = count;
    task->end = end;
    return task;
}

static void drop_nothing(task_t *task) { (void)task; }

// An import was just called: RETURNED at once is its result, otherwise its subtask waits in the set.
static void call_started(task_t *task, op_t *call, uint32_t packed) {
    if ((packed & 0xf) == SUBTASK_RETURNED) {
        call->delivered = 1;
        call->code = SUBTASK_RETURNED;
    } else {
        op_register(task, call, packed >> 4);
    }
}

// Whether the import has returned (its subtask then dropped); after a STARTED event it waits again.
static int call_returned(task_t *task, op_t *call) {
    if (op_in_progress(call)) {
        return 0;
    }
    if (call->code != SUBTASK_RETURNED) {
        op_register(task, call, call->waitable);
        return 0;
    }
    if (call->waitable != 0) {
        subtask_drop(call->waitable);
        call->waitable = 0;
    }
    return 1;
}

// The task is dropped during the call: cancelled (blocking until the host's task has ended), then dropped.
static void call_drop(task_t *task, op_t *call) {
    int calling = op_in_progress(call);
    op_unregister(task, call);
    if (call->waitable != 0) {
        if (calling) {
            (void)subtask_cancel(call->waitable);
        }
        subtask_drop(call->waitable);
    }
}

// The callback of export `c` (its [callback][async-lift] export): the runtime's.
#define TASK_CALLBACK(wit_name, c) \
    CALLBACK(wit_name)             \
    uint32_t c##_callback(uint32_t event, uint32_t waitable, uint32_t code) { return callback(event, waitable, code); }

// An export taking a count: its lift starts a task of c##_poll and c##_drop.
#define COUNT_EXPORT(wit_name, c)                                                                 \
    ASYNC_EXPORT(wit_name)                                                                        \
    uint32_t c(uint32_t count) { return start_task(task_new(c##_poll, c##_drop, 0, count, 0)); } \
    TASK_CALLBACK(wit_name, c)

// fetch-and-sum: await the host's fetch, then read the stream to its end.
static int fetch_and_sum_poll(task_t *task) {
    for (;;) {
        switch (task->stage) {
        case 0: {
            uint32_t packed = lookup_fetch(task->key, &task->fetched);
            if ((packed & 0xf) == SUBTASK_RETURNED) {
                task->stage = 2;
                break;
            }
            op_register(task, &task->ops[0], packed >> 4);
            task->stage = 1;
            return PENDING;
        }
        case 1:
            if (!task->ops[0].delivered) {
                return PENDING;
            }
            if (task->ops[0].code != SUBTASK_RETURNED) {
                op_register(task, &task->ops[0], task->ops[0].waitable);   // started, not returned yet
                return PENDING;
            }
            subtask_drop(task->ops[0].waitable);
            task->ops[0].waitable = 0;
            task->stage = 2;
            break;
        case 2: {
            uint32_t code = bytes_vtable.start_read(task->end, task->buffer, sizeof task->buffer);
            if (op_start(task, &task->ops[0], task->end, code, 3) == PENDING) {
                return PENDING;
            }
            break;
        }
        case 3: {
            if (!task->ops[0].delivered) {
                return PENDING;
            }
            uint32_t code = task->ops[0].code;
            task->ops[0].waitable = 0;
            for (uint32_t i = 0; i < COPY_COUNT(code); i++) {
                task->sum += task->buffer[i];
            }
            if (COPY_RESULT(code) == COPY_COMPLETED) {
                task->stage = 2;
                break;
            }
            bytes_vtable.drop_readable(task->end);
            task->end = 0;
            task->returned = 1;
            return_fetch_and_sum(task->sum + task->fetched);
            return READY;
        }
        }
    }
}

static void fetch_and_sum_drop(task_t *task) {
    int in_progress = op_in_progress(&task->ops[0]);
    op_unregister(task, &task->ops[0]);
    if (task->stage == 1 && task->ops[0].waitable != 0) {
        if (in_progress) {
            (void)subtask_cancel(task->ops[0].waitable);   // blocks until the host's task has ended
        }
        subtask_drop(task->ops[0].waitable);
    } else if (task->stage == 3 && in_progress) {
        (void)bytes_vtable.cancel_read(task->end);
    }
    if (task->end != 0) {
        bytes_vtable.drop_readable(task->end);
    }
}

ASYNC_EXPORT("fetch-and-sum")
uint32_t fetch_and_sum(uint32_t key, uint32_t bytes) { return start_task(task_new(fetch_and_sum_poll, fetch_and_sum_drop, key, 0, bytes)); }
TASK_CALLBACK("fetch-and-sum", fetch_and_sum)

// "<prefix><value>" as a new guest string.
static string_t message_of(const char *prefix, size_t prefix_length, uint32_t value) {
    char text[32];
    __builtin_memcpy(text, prefix, prefix_length);
    size_t length = prefix_length;
    char digits[12];
    size_t n = 0;
    do {
        digits[n++] = (char)('0' + value % 10);
        value /= 10;
    } while (value != 0);
    while (n > 0) {
        text[length++] = digits[--n];
    }
    return string_copy(text, length);
}

// A string's default value (String::default()), which a message writer dropped unwritten writes.
static const string_t default_message;

// Drops message writer `writer`, whose value was not written: it writes the default value first
// (write_and_forget); when that must wait for the reader, the task waits for it (ops[1]) before it
// exits, and the writer is dropped then (task_finish_drop).
static void message_writer_drop(task_t *task, uint32_t writer) {
    uint32_t code = message_vtable.start_write(writer, &default_message);
    if (code == BLOCKED) {
        op_register(task, &task->ops[1], writer);
        task->forgotten = writer;
        return;
    }
    message_vtable.drop_writable(writer);
}

// numbers: return the readable ends, then write the numbers and the message (what a task spawned
// before returning does).
static int numbers_poll(task_t *task) {
    for (;;) {
        switch (task->stage) {
        case 0: {
            uint64_t stream = numbers_vtable.new_();
            uint64_t future = message_vtable.new_();
            task->end = (uint32_t)(stream >> 32);
            task->end2 = (uint32_t)(future >> 32);
            task->values = malloc((task->count == 0 ? 1 : task->count) * sizeof(uint32_t));
            if (task->values == NULL) {
                __builtin_trap();
            }
            for (uint32_t i = 0; i < task->count; i++) {
                task->values[i] = i;
            }
            task->returned = 1;
            return_numbers((uint32_t)stream, (uint32_t)future);
            task->stage = 1;
            break;
        }
        case 1: {
            if (task->written == task->count) {
                numbers_vtable.drop_writable(task->end);
                task->end = 0;
                task->stage = 3;
                break;
            }
            uint32_t code = numbers_vtable.start_write(task->end, task->values + task->written, task->count - task->written);
            if (op_start(task, &task->ops[0], task->end, code, 2) == PENDING) {
                return PENDING;
            }
            break;
        }
        case 2:
            if (!task->ops[0].delivered) {
                return PENDING;
            }
            task->ops[0].waitable = 0;
            task->written += COPY_COUNT(task->ops[0].code);
            if (COPY_RESULT(task->ops[0].code) == COPY_DROPPED) {
                task->written = task->count;
            }
            task->stage = 1;
            break;
        case 3: {
            static const char prefix[] = "wrote ";
            task->message = message_of(prefix, sizeof prefix - 1, task->count);
            uint32_t code = message_vtable.start_write(task->end2, &task->message);
            if (op_start(task, &task->ops[0], task->end2, code, 4) == PENDING) {
                return PENDING;
            }
            break;
        }
        case 4:
            if (!task->ops[0].delivered) {
                return PENDING;
            }
            task->ops[0].waitable = 0;
            // The reader took a copy (or nothing): the guest's string is its own to free either way.
            string_free(task->message);
            task->message.ptr = NULL;
            message_vtable.drop_writable(task->end2);
            task->end2 = 0;
            return READY;
        }
    }
}

static void numbers_drop(task_t *task) {
    op_unregister(task, &task->ops[0]);
    int written = 0;
    if (op_in_progress(&task->ops[0])) {
        if (task->stage == 2) {
            (void)numbers_vtable.cancel_write(task->end);
        } else if (task->stage == 4) {
            // A cancelled write moved nothing: the reader is still owed a value.
            written = COPY_RESULT(message_vtable.cancel_write(task->end2)) != COPY_CANCELLED;
        }
    }
    if (task->end != 0) {
        numbers_vtable.drop_writable(task->end);
    }
    if (task->end2 != 0) {
        if (written) {
            message_vtable.drop_writable(task->end2);
        } else {
            message_writer_drop(task, task->end2);
        }
    }
    if (task->message.ptr != NULL) {
        string_free(task->message);
    }
}

COUNT_EXPORT("numbers", numbers)

// sleep: pending, with nothing of the Component Model to wait on, until `wake` wakes it.
static int sleep_poll(task_t *task) {
    if (wake_given) {
        wake_given = 0;
        if (sleeper == task) {
            sleeper = NULL;
        }
        task->returned = 1;
        return_sleep(wake_value);
        return READY;
    }
    sleeper = task;
    return PENDING;
}

ASYNC_EXPORT("sleep")
uint32_t sleep_export(void) { return start_task(task_new(sleep_poll, drop_nothing, 0, 0, 0)); }
TASK_CALLBACK("sleep", sleep)

static int wake_poll(task_t *task) {
    wake_value = task->key;
    wake_given = 1;
    if (sleeper != NULL) {
        task_wake(sleeper);
    }
    task->returned = 1;
    return_wake();
    return READY;
}

ASYNC_EXPORT("wake")
uint32_t wake(uint32_t value) { return start_task(task_new(wake_poll, drop_nothing, value, 0, 0)); }
TASK_CALLBACK("wake", wake)

// checksum: the host's `digest` reads a stream the guest writes while awaiting it (the runtime's
// `join` of the import's future and the writer's): ops[0] the subtask, ops[1] the write in progress.
static int checksum_poll(task_t *task) {
    op_t *call = &task->ops[0], *write = &task->ops[1];
    if (task->stage == 0) {
        uint64_t ends = bytes_vtable.new_();
        task->end = (uint32_t)(ends >> 32);
        task->values = malloc(task->count == 0 ? 1 : task->count);
        if (task->values == NULL) {
            __builtin_trap();
        }
        for (uint32_t i = 0; i < task->count; i++) {
            ((uint8_t *)task->values)[i] = (uint8_t)i;
        }
        // The readable end goes to the host with the call.
        call_started(task, call, lookup_digest((uint32_t)ends, &task->fetched));
        task->stage = 1;
    }
    // The writer's side: one write at a time until all is written or the host drops its end.
    while (task->end != 0 && !op_in_progress(write)) {
        if (write->delivered) {
            write->delivered = 0;
            write->waitable = 0;
            task->written += COPY_COUNT(write->code);
            if (COPY_RESULT(write->code) == COPY_DROPPED) {
                task->written = task->count;
            }
        }
        if (task->written == task->count) {
            bytes_vtable.drop_writable(task->end);
            task->end = 0;
            break;
        }
        uint32_t code = bytes_vtable.start_write(task->end, (uint8_t *)task->values + task->written, task->count - task->written);
        (void)op_start(task, write, task->end, code, 1);
    }
    // The import's side; returned before reading all, the host drops its end and the write ends DROPPED.
    if (!call_returned(task, call) || task->end != 0) {
        return PENDING;
    }
    task->returned = 1;
    return_checksum(task->fetched);
    return READY;
}

static void checksum_drop(task_t *task) {
    op_t *write = &task->ops[1];
    int writing = op_in_progress(write);
    op_unregister(task, write);
    call_drop(task, &task->ops[0]);
    if (writing) {
        (void)bytes_vtable.cancel_write(task->end);
    }
    if (task->end != 0) {
        bytes_vtable.drop_writable(task->end);
    }
}

COUNT_EXPORT("checksum", checksum)

// spin: the host's fetch runs while the task yields `count` times (the runtime's yield_async: the
// task wakes itself, so its callback asks [waitable-set-poll] for the fetch's event, and answers
// YIELD when there is none), then awaits it.
static int spin_poll(task_t *task) {
    op_t *call = &task->ops[0];
    if (task->stage == 0) {
        call_started(task, call, lookup_fetch(task->key, &task->fetched));
        task->stage = 1;
    }
    if (task->written < task->count) {
        task->written++;
        task_wake(task);
        return PENDING;
    }
    if (!call_returned(task, call)) {
        return PENDING;
    }
    task->returned = 1;
    return_spin(task->fetched + task->written);
    return READY;
}

static void spin_drop(task_t *task) { call_drop(task, &task->ops[0]); }

// fetch-message: make a future's ends, await the host's fetch, return the readable end and write
// "fetched <value>". The future<string> is numbers' type, so its built-ins are numbers' (N = 1).
// The export's state holds the writer before the reader, so a cancellation while it awaits drops
// the writer first: its default value goes out (and waits, as nobody reads), then the reader is
// dropped, which ends that write DROPPED, and the task exits once it learns so.
static int fetch_message_poll(task_t *task) {
    op_t *call = &task->ops[0];
    for (;;) {
        switch (task->stage) {
        case 0: {
            uint64_t ends = message_vtable.new_();
            task->end = (uint32_t)ends;
            task->end2 = (uint32_t)(ends >> 32);
            call_started(task, call, lookup_fetch(task->key, &task->fetched));
            task->stage = 1;
            break;
        }
        case 1: {
            if (!call_returned(task, call)) {
                return PENDING;
            }
            task->returned = 1;
            return_fetch_message(task->end);
            task->end = 0;
            static const char prefix[] = "fetched ";
            task->message = message_of(prefix, sizeof prefix - 1, task->fetched);
            uint32_t code = message_vtable.start_write(task->end2, &task->message);
            if (op_start(task, call, task->end2, code, 2) == PENDING) {
                return PENDING;
            }
            break;
        }
        case 2:
            if (!call->delivered) {
                return PENDING;
            }
            call->waitable = 0;
            string_free(task->message);
            task->message.ptr = NULL;
            message_vtable.drop_writable(task->end2);
            task->end2 = 0;
            return READY;
        }
    }
}

// Cancellation reaches the task only before it returned (stage 1): the fetch, then the writer, then the reader.
static void fetch_message_drop(task_t *task) {
    call_drop(task, &task->ops[0]);
    if (task->end2 != 0) {
        message_writer_drop(task, task->end2);
    }
    if (task->end != 0) {
        message_vtable.drop_readable(task->end);
    }
}

ASYNC_EXPORT("fetch-message")
uint32_t fetch_message(uint32_t key) { return start_task(task_new(fetch_message_poll, fetch_message_drop, key, 0, 0)); }
TASK_CALLBACK("fetch-message", fetch_message)

ASYNC_EXPORT("spin")
uint32_t spin(uint32_t key, uint32_t yields) { return start_task(task_new(spin_poll, spin_drop, key, yields, 0)); }
TASK_CALLBACK("spin", spin)
