// The guest of the channel-guest world (wit/channels.wit): async exports that call the host's
// imports whose parameters and results are streams and futures, with hand-written glue for the
// Canonical ABI's async built-ins. Built by build-guests.sh.
//
// Core names:
// - async exports "[async-lift]example:channels/jobs#<f>", each with its callback
//   "[callback][async-lift]example:channels/jobs#<f>"; results go to "[task-return]<f>" of module
//   "[export]example:channels/jobs";
// - the imports of "example:channels/files": synchronous ones ("open", "write-via-stream",
//   "entries") and async ones ("[async-lower]read-via-stream", "[async-lower]append",
//   "[async-lower]scale", "[async-lower]open-later": flat arguments, then the result pointer ->
//   subtask state | handle << 4);
// - the stream and future built-ins of those imports, in the same module, named after the import
//   whose type holds the stream or future ("[stream-read-0]open": the first stream or future of
//   `open`; read-via-stream's future is its second, "[future-read-1]read-via-stream").
//
// Each task keeps its state in a heap block whose address is its context slot 0.
#include "async-abi.h"
#include "entries.h"

#define FILES "example:channels/files"
#define JOBS(fn) "example:channels/jobs#" fn
#define ASYNC_EXPORT(fn) EXPORT("[async-lift]" JOBS(fn))
#define CALLBACK(fn) EXPORT("[callback][async-lift]" JOBS(fn))
#define JOBS_EXPORT "[export]example:channels/jobs"

typedef uint32_t (*byte_read_t)(uint32_t readable, uint8_t *ptr, size_t count);
typedef uint32_t (*byte_write_t)(uint32_t writable, const uint8_t *ptr, size_t count);

// result<_, string> and result<u64, string> in memory.
typedef struct {
    uint8_t is_err;
    string_t err;
} status_t;

typedef struct {
    uint8_t is_err;
    union {
        uint64_t ok;
        string_t err;
    } value;
} counted_t;

_Static_assert(sizeof(status_t) == 12 && _Alignof(status_t) == 4, "result<_, string>: a byte, then the string at 4");
_Static_assert(sizeof(counted_t) == 16 && _Alignof(counted_t) == 8, "result<u64, string>: a byte, then the payload at 8");

typedef struct {
    uint32_t set;        // the task's waitable set
    uint32_t stage;
    uint32_t end;        // the stream end read or written
    uint32_t future;     // the future end read or written
    uint32_t subtask;    // an async import in progress, or 0
    union {              // where an async import writes its result
        uint32_t ends[2];   // read-via-stream: (stream, future)
        uint32_t value;     // scale
        uint64_t count;     // append
    } result;
    uint32_t size;       // the read buffer's size, or the bytes to write
    uint32_t chunk;      // bytes per write
    uint32_t done;       // bytes written
    uint64_t count;      // bytes read
    uint64_t sum;        // their sum
    uint8_t *buffer;
    char *text;          // join-listing: the names joined so far
    uint32_t text_len;
    uint32_t value;      // scale-later: the future's value
    counted_t counted;   // a result<u64, string> read from a future
    status_t status;     // a result<_, string> read from a future
} task_t;

static task_t *task_begin(uint32_t buffer) {
    task_t *t = calloc(1, sizeof(task_t));
    if (!t) __builtin_trap();
    t->set = waitable_set_new();
    t->size = buffer == 0 ? 1 : buffer;
    t->buffer = malloc(t->size);
    if (!t->buffer) __builtin_trap();
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

// The bytes 0, 1, 2, … modulo 256 to write.
static void fill_bytes(task_t *t, uint32_t n, uint32_t chunk) {
    free(t->buffer);
    t->size = n;
    t->chunk = chunk == 0 ? 1 : chunk;
    t->buffer = malloc(n == 0 ? 1 : n);
    if (!t->buffer) __builtin_trap();
    for (uint32_t i = 0; i < n; i++) t->buffer[i] = (uint8_t)i;
}

static void take_bytes(task_t *t, uint32_t count) {
    t->count += count;
    for (uint32_t i = 0; i < count; i++) t->sum += t->buffer[i];
}

// Reads t->end with `read`, t->size bytes at a time: true when the writer dropped it, false when a
// read waits (the end joined to the task's set).
static bool read_bytes(task_t *t, byte_read_t read) {
    for (;;) {
        uint32_t status = read(t->end, t->buffer, t->size);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return false;
        }
        take_bytes(t, status >> 4);
        if ((status & 0xf) == COPY_DROPPED) return true;
    }
}

// A read that waited ended with `status`: as read_bytes.
static bool read_bytes_after(task_t *t, uint32_t status, byte_read_t read) {
    take_bytes(t, status >> 4);
    return (status & 0xf) == COPY_DROPPED || read_bytes(t, read);
}

// Writes t->buffer to t->end with `write`, t->chunk bytes at a time: true when all is written (or
// the reader dropped its end), false when a write waits.
static bool write_bytes(task_t *t, byte_write_t write) {
    while (t->done < t->size) {
        uint32_t count = t->size - t->done < t->chunk ? t->size - t->done : t->chunk;
        uint32_t status = write(t->end, t->buffer + t->done, count);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return false;
        }
        t->done += status >> 4;
        if ((status & 0xf) == COPY_DROPPED) return true;
    }
    return true;
}

static bool write_bytes_after(task_t *t, uint32_t status, byte_write_t write) {
    t->done += status >> 4;
    return (status & 0xf) == COPY_DROPPED || write_bytes(t, write);
}

// Starts an async import's subtask: true when it returned at once.
static bool subtask_started(task_t *t, uint32_t status) {
    if ((status & 0xf) == SUBTASK_RETURNED) return true;
    t->subtask = status >> 4;
    waitable_join(t->subtask, t->set);
    return false;
}

// A subtask event: true when t's subtask returned (and is dropped).
static bool subtask_returned(task_t *t, uint32_t event, uint32_t p1, uint32_t p2) {
    if (event != EVENT_SUBTASK || p1 != t->subtask) __builtin_trap();
    if (p2 != SUBTASK_RETURNED) return false;
    subtask_drop(t->subtask);
    t->subtask = 0;
    return true;
}

// ---- read-all: open(name), read to the end ----

IMPORT(FILES, "open") uint32_t files_open(char *ptr, size_t len);
IMPORT(FILES, "[async-lower][stream-read-0]open") uint32_t open_stream_read(uint32_t readable, uint8_t *ptr, size_t count);
IMPORT(FILES, "[stream-drop-readable-0]open") void open_stream_drop_readable(uint32_t readable);
IMPORT(JOBS_EXPORT, "[task-return]read-all") void read_all_return(uint64_t count, uint64_t sum);

static int32_t read_all_step(task_t *t, bool over) {
    if (!over) return wait_on(t->set);
    open_stream_drop_readable(t->end);
    read_all_return(t->count, t->sum);
    return task_end(t);
}

ASYNC_EXPORT("read-all") int32_t read_all(char *ptr, size_t len, uint32_t buffer) {
    task_t *t = task_begin(buffer);
    t->end = files_open(ptr, len);
    string_free((string_t){ptr, len});
    return read_all_step(t, read_bytes(t, open_stream_read));
}

CALLBACK("read-all") int32_t read_all_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    return read_all_step(t, read_bytes_after(t, p2, open_stream_read));
}

// ---- read-some: open(name), one read, then the stream dropped ----

IMPORT(JOBS_EXPORT, "[task-return]read-some") void read_some_return(uint32_t count);

static int32_t read_some_finish(task_t *t, uint32_t status) {
    open_stream_drop_readable(t->end);
    read_some_return(status >> 4);
    return task_end(t);
}

ASYNC_EXPORT("read-some") int32_t read_some(char *ptr, size_t len, uint32_t count) {
    task_t *t = task_begin(count);
    t->end = files_open(ptr, len);
    string_free((string_t){ptr, len});
    uint32_t status = open_stream_read(t->end, t->buffer, t->size);
    if (status == BLOCKED) {
        waitable_join(t->end, t->set);
        return wait_on(t->set);
    }
    return read_some_finish(t, status);
}

CALLBACK("read-some") int32_t read_some_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    return read_some_finish(t, p2);
}

// ---- read-and-status: read-via-stream(name), its bytes, then its future ----

IMPORT(FILES, "[async-lower]read-via-stream") uint32_t read_via_stream_lower(char *ptr, size_t len, uint32_t *result);
IMPORT(FILES, "[async-lower][stream-read-0]read-via-stream") uint32_t rvs_stream_read(uint32_t readable, uint8_t *ptr, size_t count);
IMPORT(FILES, "[stream-drop-readable-0]read-via-stream") void rvs_stream_drop_readable(uint32_t readable);
IMPORT(FILES, "[async-lower][future-read-1]read-via-stream") uint32_t rvs_future_read(uint32_t readable, status_t *value);
IMPORT(FILES, "[future-drop-readable-1]read-via-stream") void rvs_future_drop_readable(uint32_t readable);
IMPORT(JOBS_EXPORT, "[task-return]read-and-status") void read_and_status_return(uint32_t is_err, uint64_t payload, size_t len);

enum { RS_CALLING = 0, RS_READING = 1, RS_STATUS = 2 };

// The future ended with `status`: ok(the byte count), the host's error, or an error when the host
// dropped the future without a value.
static int32_t read_and_status_finish(task_t *t, uint32_t status) {
    rvs_future_drop_readable(t->future);
    if ((status & 0xf) != COPY_COMPLETED) {
        static char dropped[] = "the status was dropped";
        read_and_status_return(1, (uint64_t)(uintptr_t)dropped, sizeof dropped - 1);
    } else if (t->status.is_err) {
        read_and_status_return(1, (uint64_t)(uintptr_t)t->status.err.ptr, t->status.err.len);
        string_free(t->status.err);
    } else {
        read_and_status_return(0, t->count, 0);
    }
    return task_end(t);
}

static int32_t read_and_status_read_status(task_t *t) {
    rvs_stream_drop_readable(t->end);
    t->stage = RS_STATUS;
    uint32_t status = rvs_future_read(t->future, &t->status);
    if (status == BLOCKED) {
        waitable_join(t->future, t->set);
        return wait_on(t->set);
    }
    return read_and_status_finish(t, status);
}

static int32_t read_and_status_read(task_t *t) {
    t->end = t->result.ends[0];
    t->future = t->result.ends[1];
    t->stage = RS_READING;
    return read_bytes(t, rvs_stream_read) ? read_and_status_read_status(t) : wait_on(t->set);
}

ASYNC_EXPORT("read-and-status") int32_t read_and_status(char *ptr, size_t len, uint32_t buffer) {
    task_t *t = task_begin(buffer);
    uint32_t status = read_via_stream_lower(ptr, len, t->result.ends);
    string_free((string_t){ptr, len});
    return subtask_started(t, status) ? read_and_status_read(t) : wait_on(t->set);
}

CALLBACK("read-and-status") int32_t read_and_status_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    switch (t->stage) {
    case RS_CALLING:
        return subtask_returned(t, event, p1, p2) ? read_and_status_read(t) : wait_on(t->set);
    case RS_READING:
        if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
        return read_bytes_after(t, p2, rvs_stream_read) ? read_and_status_read_status(t) : wait_on(t->set);
    default:
        if (event != EVENT_FUTURE_READ || p1 != t->future) __builtin_trap();
        return read_and_status_finish(t, p2);
    }
}

// ---- write-all and write-then-trap: write-via-stream(a stream the guest writes) ----

IMPORT(FILES, "write-via-stream") uint32_t write_via_stream(uint32_t readable);
IMPORT(FILES, "[stream-new-0]write-via-stream") uint64_t wvs_stream_new(void);
IMPORT(FILES, "[async-lower][stream-write-0]write-via-stream") uint32_t wvs_stream_write(uint32_t writable, const uint8_t *ptr, size_t count);
IMPORT(FILES, "[stream-drop-writable-0]write-via-stream") void wvs_stream_drop_writable(uint32_t writable);
IMPORT(FILES, "[async-lower][future-read-1]write-via-stream") uint32_t wvs_future_read(uint32_t readable, counted_t *value);
IMPORT(FILES, "[future-drop-readable-1]write-via-stream") void wvs_future_drop_readable(uint32_t readable);
IMPORT(JOBS_EXPORT, "[task-return]write-all") void write_all_return(uint32_t is_err, uint64_t payload, size_t len);

enum { WA_WRITING = 0, WA_ANSWER = 1 };

// Makes a stream, passes its readable end to write-via-stream and keeps the writable end and the future.
static void write_via_stream_begin(task_t *t) {
    uint64_t ends = wvs_stream_new();
    t->end = (uint32_t)(ends >> 32);
    t->future = write_via_stream((uint32_t)ends);
}

static int32_t write_all_finish(task_t *t, uint32_t status) {
    wvs_future_drop_readable(t->future);
    if ((status & 0xf) != COPY_COMPLETED) {
        static char dropped[] = "the answer was dropped";
        write_all_return(1, (uint64_t)(uintptr_t)dropped, sizeof dropped - 1);
    } else if (t->counted.is_err) {
        write_all_return(1, (uint64_t)(uintptr_t)t->counted.value.err.ptr, t->counted.value.err.len);
        string_free(t->counted.value.err);
    } else {
        write_all_return(0, t->counted.value.ok, 0);
    }
    return task_end(t);
}

static int32_t write_all_read_answer(task_t *t) {
    wvs_stream_drop_writable(t->end);
    t->stage = WA_ANSWER;
    uint32_t status = wvs_future_read(t->future, &t->counted);
    if (status == BLOCKED) {
        waitable_join(t->future, t->set);
        return wait_on(t->set);
    }
    return write_all_finish(t, status);
}

ASYNC_EXPORT("write-all") int32_t write_all(uint32_t n, uint32_t chunk) {
    task_t *t = task_begin(0);
    fill_bytes(t, n, chunk);
    write_via_stream_begin(t);
    return write_bytes(t, wvs_stream_write) ? write_all_read_answer(t) : wait_on(t->set);
}

CALLBACK("write-all") int32_t write_all_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (t->stage == WA_WRITING) {
        if (event != EVENT_STREAM_WRITE || p1 != t->end) __builtin_trap();
        return write_bytes_after(t, p2, wvs_stream_write) ? write_all_read_answer(t) : wait_on(t->set);
    }
    if (event != EVENT_FUTURE_READ || p1 != t->future) __builtin_trap();
    return write_all_finish(t, p2);
}

ASYNC_EXPORT("write-then-trap") int32_t write_then_trap(uint32_t n) {
    task_t *t = task_begin(0);
    fill_bytes(t, n, n);
    write_via_stream_begin(t);
    if (!write_bytes(t, wvs_stream_write)) return wait_on(t->set);
    __builtin_trap();
}

CALLBACK("write-then-trap") int32_t write_then_trap_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event;
    (void)p1;
    (void)p2;
    // The host took the bytes and waits for more, which never come.
    __builtin_trap();
}

// ---- append-all: append(a stream the guest writes), an async import ----

IMPORT(FILES, "[async-lower]append") uint32_t append_lower(uint32_t readable, uint64_t *result);
IMPORT(FILES, "[stream-new-0]append") uint64_t append_stream_new(void);
IMPORT(FILES, "[async-lower][stream-write-0]append") uint32_t append_stream_write(uint32_t writable, const uint8_t *ptr, size_t count);
IMPORT(FILES, "[stream-drop-writable-0]append") void append_stream_drop_writable(uint32_t writable);
IMPORT(JOBS_EXPORT, "[task-return]append-all") void append_all_return(uint64_t count);

// The writes and the subtask end in either order: stage counts what is done of the two.
static int32_t append_all_done_one(task_t *t) {
    if (++t->stage < 2) return wait_on(t->set);
    append_all_return(t->result.count);
    return task_end(t);
}

static int32_t append_all_written(task_t *t) {
    append_stream_drop_writable(t->end);
    t->end = 0;
    return append_all_done_one(t);
}

ASYNC_EXPORT("append-all") int32_t append_all(uint32_t n, uint32_t chunk) {
    task_t *t = task_begin(0);
    fill_bytes(t, n, chunk);
    uint64_t ends = append_stream_new();
    t->end = (uint32_t)(ends >> 32);
    if (subtask_started(t, append_lower((uint32_t)ends, &t->result.count))) t->stage++;
    return write_bytes(t, append_stream_write) ? append_all_written(t) : wait_on(t->set);
}

CALLBACK("append-all") int32_t append_all_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event == EVENT_STREAM_WRITE && p1 == t->end) {
        return write_bytes_after(t, p2, append_stream_write) ? append_all_written(t) : wait_on(t->set);
    }
    return subtask_returned(t, event, p1, p2) ? append_all_done_one(t) : wait_on(t->set);
}

// ---- scale-later: scale(a future the guest writes after the call) ----

IMPORT(FILES, "[async-lower]scale") uint32_t scale_lower(uint32_t readable, uint32_t factor, uint32_t *result);
IMPORT(FILES, "[future-new-0]scale") uint64_t scale_future_new(void);
IMPORT(FILES, "[async-lower][future-write-0]scale") uint32_t scale_future_write(uint32_t writable, const uint32_t *value);
IMPORT(FILES, "[future-drop-writable-0]scale") void scale_future_drop_writable(uint32_t writable);
IMPORT(JOBS_EXPORT, "[task-return]scale-later") void scale_later_return(uint32_t value);

static int32_t scale_later_done_one(task_t *t) {
    if (++t->stage < 2) return wait_on(t->set);
    scale_later_return(t->result.value);
    return task_end(t);
}

static int32_t scale_later_written(task_t *t) {
    scale_future_drop_writable(t->future);
    t->future = 0;
    return scale_later_done_one(t);
}

ASYNC_EXPORT("scale-later") int32_t scale_later(uint32_t value, uint32_t factor) {
    task_t *t = task_begin(0);
    t->value = value;
    uint64_t ends = scale_future_new();
    t->future = (uint32_t)(ends >> 32);
    if (subtask_started(t, scale_lower((uint32_t)ends, factor, &t->result.value))) t->stage++;
    if (scale_future_write(t->future, &t->value) == BLOCKED) {
        waitable_join(t->future, t->set);
        return wait_on(t->set);
    }
    return scale_later_written(t);
}

CALLBACK("scale-later") int32_t scale_later_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event == EVENT_FUTURE_WRITE && p1 == t->future) return scale_later_written(t);
    return subtask_returned(t, event, p1, p2) ? scale_later_done_one(t) : wait_on(t->set);
}

// ---- join-listing: entries(n), a stream<entry> ----

IMPORT(FILES, "entries") uint32_t files_entries(uint32_t n);
IMPORT(FILES, "[async-lower][stream-read-0]entries") uint32_t entries_stream_read(uint32_t readable, entry_t *ptr, size_t count);
IMPORT(FILES, "[stream-drop-readable-0]entries") void entries_stream_drop_readable(uint32_t readable);
IMPORT(JOBS_EXPORT, "[task-return]join-listing") void join_listing_return(char *ptr, size_t len, uint64_t total);

static void join_listing_add(task_t *t, uint32_t count) {
    entries_join((const entry_t *)t->buffer, count, &t->text, &t->text_len, &t->sum);
}

static int32_t join_listing_finish(task_t *t) {
    entries_stream_drop_readable(t->end);
    join_listing_return(t->text, t->text_len, t->sum);
    free(t->text);
    return task_end(t);
}

static int32_t join_listing_step(task_t *t) {
    for (;;) {
        uint32_t status = entries_stream_read(t->end, (entry_t *)t->buffer, 3);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        join_listing_add(t, status >> 4);
        if ((status & 0xf) == COPY_DROPPED) return join_listing_finish(t);
    }
}

ASYNC_EXPORT("join-listing") int32_t join_listing(uint32_t n) {
    task_t *t = task_begin(3 * sizeof(entry_t));
    t->end = files_entries(n);
    return join_listing_step(t);
}

CALLBACK("join-listing") int32_t join_listing_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    join_listing_add(t, p2 >> 4);
    if ((p2 & 0xf) == COPY_DROPPED) return join_listing_finish(t);
    return join_listing_step(t);
}

// ---- open-and-wait, write-and-wait, scale-unwritten: the host left waiting on the guest ----
// Each hands the host an end and then waits on a set where no event can come, so the host's copy
// on the other end waits until the instance traps (`trap`) or is disposed.

// The callback of a task that waits where no event can come.
static int32_t no_event_expected(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event;
    (void)p1;
    (void)p2;
    __builtin_trap();
}

ASYNC_EXPORT("open-and-wait") int32_t open_and_wait(char *ptr, size_t len) {
    task_t *t = task_begin(0);
    t->end = files_open(ptr, len);
    string_free((string_t){ptr, len});
    // Joined with no read in progress: the end never has an event.
    waitable_join(t->end, t->set);
    return wait_on(t->set);
}

CALLBACK("open-and-wait") int32_t open_and_wait_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return no_event_expected(event, p1, p2);
}

ASYNC_EXPORT("write-and-wait") int32_t write_and_wait(uint32_t n) {
    task_t *t = task_begin(0);
    fill_bytes(t, n, n);
    write_via_stream_begin(t);
    // A write that waited joined the end; one done at once leaves it to be joined here.
    if (write_bytes(t, wvs_stream_write)) waitable_join(t->end, t->set);
    return wait_on(t->set);
}

CALLBACK("write-and-wait") int32_t write_and_wait_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    if (event != EVENT_STREAM_WRITE || p1 != t->end) __builtin_trap();
    // The rest of the bytes, if the host took only some; then no more events come.
    write_bytes_after(t, p2, wvs_stream_write);
    return wait_on(t->set);
}

ASYNC_EXPORT("scale-unwritten") int32_t scale_unwritten(uint32_t factor) {
    task_t *t = task_begin(0);
    uint64_t ends = scale_future_new();
    t->future = (uint32_t)(ends >> 32);
    // The host needs the future's value to answer: it cannot return at once.
    if (subtask_started(t, scale_lower((uint32_t)ends, factor, &t->result.value))) __builtin_trap();
    return wait_on(t->set);
}

// The subtask cannot return without the value, which is never written.
CALLBACK("scale-unwritten") int32_t scale_unwritten_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return no_event_expected(event, p1, p2);
}

// open-later-and-wait: the stream and the future open-later answers with are left unread.
IMPORT(FILES, "[async-lower]open-later") uint32_t open_later_lower(char *ptr, size_t len, uint32_t *result);

ASYNC_EXPORT("open-later-and-wait") int32_t open_later_and_wait(char *ptr, size_t len) {
    task_t *t = task_begin(0);
    // Returned at once or later, the (stream, future) pair lands in t->result.ends, which nothing reads.
    subtask_started(t, open_later_lower(ptr, len, t->result.ends));
    string_free((string_t){ptr, len});
    return wait_on(t->set);
}

// The subtask's return is the last event: the set is then empty.
CALLBACK("open-later-and-wait") int32_t open_later_and_wait_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    task_t *t = context_get();
    subtask_returned(t, event, p1, p2);
    return wait_on(t->set);
}

EXPORT(JOBS("trap")) void trap_now(void) {
    __builtin_trap();
}
