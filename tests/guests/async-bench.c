// The guest of the async-bench world (wit/async-bench.wit), which the async benchmarks run
// (tests/WitHost.Wamr.Benchmarks, AsyncBenchmarks). Its glue for the async built-ins is written
// by hand as in async.c, and kept to what each measurement needs: `next-async` keeps no task
// state at all, so against `next` it shows what the async ABI itself adds to a call.
#include "async-abi.h"

#define CALLS(fn) "example:async-bench/calls#" fn
#define STREAMS(fn) "example:async-bench/streams#" fn
#define CALLS_EXPORT "[export]example:async-bench/calls"
#define STREAMS_EXPORT "[export]example:async-bench/streams"

// ---- calls ----

EXPORT(CALLS("next")) uint32_t next(uint32_t value) { return value + 1; }

IMPORT(CALLS_EXPORT, "[task-return]next-async") void next_async_return(uint32_t value);

EXPORT("[async-lift]" CALLS("next-async")) int32_t next_async(uint32_t value) {
    next_async_return(value + 1);
    return CODE_EXIT;
}

EXPORT("[callback][async-lift]" CALLS("next-async")) int32_t next_async_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    (void)event, (void)p1, (void)p2;
    __builtin_trap();
}

IMPORT("example:async-bench/clock", "[async-lower]tick") uint32_t tick_lower(uint32_t value, uint32_t *result);
IMPORT(CALLS_EXPORT, "[task-return]ticks") void ticks_return(uint32_t sum);

typedef struct {
    uint32_t set;
    uint32_t subtask;
    uint32_t result;
    uint32_t done;
    uint32_t times;
    uint32_t sum;
} ticks_t;

// Starts the ticks in turn until one does not return at once (then waits for it) or all are done.
static int32_t ticks_step(ticks_t *t) {
    while (t->done < t->times) {
        uint32_t status = tick_lower(t->done, &t->result);
        if ((status & 0xf) != SUBTASK_RETURNED) {
            t->subtask = status >> 4;
            waitable_join(t->subtask, t->set);
            return wait_on(t->set);
        }
        t->sum += t->result;
        t->done++;
    }
    ticks_return(t->sum);
    waitable_set_drop(t->set);
    free(t);
    context_set(0);
    return CODE_EXIT;
}

EXPORT("[async-lift]" CALLS("ticks")) int32_t ticks(uint32_t times) {
    ticks_t *t = calloc(1, sizeof(ticks_t));
    if (!t) __builtin_trap();
    t->set = waitable_set_new();
    t->times = times;
    context_set(t);
    return ticks_step(t);
}

EXPORT("[callback][async-lift]" CALLS("ticks")) int32_t ticks_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    ticks_t *t = context_get();
    if (event != EVENT_SUBTASK || p1 != t->subtask) __builtin_trap();
    if (p2 != SUBTASK_RETURNED) return wait_on(t->set);
    subtask_drop(t->subtask);
    t->subtask = 0;
    t->sum += t->result;
    t->done++;
    return ticks_step(t);
}

// ---- streams ----

// What differs between the three element types: the built-ins of each function's stream, the
// element's size, how a writer fills its buffer, and what a reader adds up (and frees).
typedef uint32_t (*copy_fn)(uint32_t end, void *ptr, size_t count);
typedef void (*drop_fn)(uint32_t end);

typedef struct {
    copy_fn copy;
    drop_fn drop;
    void (*task_return)(uint64_t value);   // a writer's readable end, or a reader's total
    size_t size;
    void (*fill)(void *buffer, uint32_t count);
    void (*release)(void *buffer, uint32_t count);
    uint64_t (*add)(void *elements, uint32_t count);
} stream_kind_t;

typedef struct {
    const stream_kind_t *kind;
    uint32_t set;
    uint32_t end;       // the writable end (writers) or the readable end (readers)
    uint32_t count;     // elements to write; 0 for readers
    uint32_t chunk;     // elements per write, or the read buffer's size
    uint32_t done;      // elements written
    uint64_t total;     // what a reader added up
    uint8_t *buffer;
} stream_task_t;

static stream_task_t *stream_task_begin(const stream_kind_t *kind, uint32_t end, uint32_t chunk) {
    stream_task_t *t = calloc(1, sizeof(stream_task_t));
    if (!t) __builtin_trap();
    t->kind = kind;
    t->set = waitable_set_new();
    t->end = end;
    t->chunk = chunk == 0 ? 1 : chunk;
    t->buffer = calloc(t->chunk, kind->size);
    if (!t->buffer) __builtin_trap();
    context_set(t);
    return t;
}

static int32_t stream_task_end(stream_task_t *t, uint32_t filled) {
    t->kind->drop(t->end);
    if (t->kind->release) t->kind->release(t->buffer, filled);
    waitable_set_drop(t->set);
    free(t->buffer);
    free(t);
    context_set(0);
    return CODE_EXIT;
}

// Writes from the buffer, which holds elements 0..chunk of each round, until a write blocks (then
// waits for it) or all are written; a short write goes on from where it stopped.
static int32_t writer_step(stream_task_t *t) {
    while (t->done < t->count) {
        uint32_t offset = t->done % t->chunk;
        uint32_t count = t->chunk - offset;
        if (count > t->count - t->done) count = t->count - t->done;
        uint32_t status = t->kind->copy(t->end, t->buffer + offset * t->kind->size, count);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        t->done += status >> 4;
        if ((status & 0xf) == COPY_DROPPED) break;
    }
    return stream_task_end(t, t->chunk);
}

static int32_t writer_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    stream_task_t *t = context_get();
    if (event != EVENT_STREAM_WRITE || p1 != t->end) __builtin_trap();
    t->done += p2 >> 4;
    if ((p2 & 0xf) == COPY_DROPPED) return stream_task_end(t, t->chunk);
    return writer_step(t);
}

static int32_t writer_start(const stream_kind_t *kind, uint64_t ends, uint32_t n, uint32_t chunk) {
    stream_task_t *t = stream_task_begin(kind, (uint32_t)(ends >> 32), chunk);
    t->count = n;
    kind->fill(t->buffer, t->chunk);
    kind->task_return((uint32_t)ends);
    return writer_step(t);
}

static int32_t reader_finish(stream_task_t *t) {
    t->kind->task_return(t->total);
    return stream_task_end(t, 0);
}

static int32_t reader_step(stream_task_t *t) {
    for (;;) {
        uint32_t status = t->kind->copy(t->end, t->buffer, t->chunk);
        if (status == BLOCKED) {
            waitable_join(t->end, t->set);
            return wait_on(t->set);
        }
        t->total += t->kind->add(t->buffer, status >> 4);
        if ((status & 0xf) == COPY_DROPPED) return reader_finish(t);
    }
}

static int32_t reader_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    stream_task_t *t = context_get();
    if (event != EVENT_STREAM_READ || p1 != t->end) __builtin_trap();
    t->total += t->kind->add(t->buffer, p2 >> 4);
    if ((p2 & 0xf) == COPY_DROPPED) return reader_finish(t);
    return reader_step(t);
}

// stream<u8>

static void bytes_fill(void *buffer, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) ((uint8_t *)buffer)[i] = (uint8_t)i;
}

static uint64_t bytes_add(void *elements, uint32_t count) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++) sum += ((uint8_t *)elements)[i];
    return sum;
}

IMPORT(STREAMS_EXPORT, "[stream-new-0]bytes-out") uint64_t bytes_out_stream_new(void);
IMPORT(STREAMS_EXPORT, "[async-lower][stream-write-0]bytes-out") uint32_t bytes_out_write(uint32_t writable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-writable-0]bytes-out") void bytes_out_drop(uint32_t writable);
IMPORT(STREAMS_EXPORT, "[task-return]bytes-out") void bytes_out_return(uint32_t readable);

static void bytes_out_returns(uint64_t readable) { bytes_out_return((uint32_t)readable); }

static const stream_kind_t bytes_out_kind = {bytes_out_write, bytes_out_drop, bytes_out_returns, 1, bytes_fill, NULL, NULL};

EXPORT("[async-lift]" STREAMS("bytes-out")) int32_t bytes_out(uint32_t n, uint32_t chunk) {
    return writer_start(&bytes_out_kind, bytes_out_stream_new(), n, chunk);
}

EXPORT("[callback][async-lift]" STREAMS("bytes-out")) int32_t bytes_out_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return writer_callback(event, p1, p2);
}

IMPORT(STREAMS_EXPORT, "[async-lower][stream-read-0]bytes-in") uint32_t bytes_in_read(uint32_t readable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-readable-0]bytes-in") void bytes_in_drop(uint32_t readable);
IMPORT(STREAMS_EXPORT, "[task-return]bytes-in") void bytes_in_return(uint64_t sum);

static void bytes_in_returns(uint64_t total) { bytes_in_return(total); }

static const stream_kind_t bytes_in_kind = {bytes_in_read, bytes_in_drop, bytes_in_returns, 1, NULL, NULL, bytes_add};

EXPORT("[async-lift]" STREAMS("bytes-in")) int32_t bytes_in(uint32_t readable, uint32_t buffer) {
    return reader_step(stream_task_begin(&bytes_in_kind, readable, buffer));
}

EXPORT("[callback][async-lift]" STREAMS("bytes-in")) int32_t bytes_in_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return reader_callback(event, p1, p2);
}

// The synchronous baselines of bytes-out and bytes-in: the same bytes as lists, a chunk a call.
// bytes-chunk returns one buffer it keeps, filled once, as bytes-out writes from one buffer.

static list_t bytes_chunk_result;

EXPORT(STREAMS("bytes-chunk")) list_t *bytes_chunk(uint32_t chunk) {
    if (bytes_chunk_result.len != chunk) {
        free_block(bytes_chunk_result.ptr, bytes_chunk_result.len);
        bytes_chunk_result = LIST_ALLOC(uint8_t, chunk);
        bytes_fill(bytes_chunk_result.ptr, chunk);
    }
    return &bytes_chunk_result;
}

EXPORT(STREAMS("bytes-sum")) uint64_t bytes_sum(uint8_t *ptr, size_t len) {
    uint64_t sum = bytes_add(ptr, len);
    free_block(ptr, len);
    return sum;
}

// stream<u32>

static void numbers_fill(void *buffer, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) ((uint32_t *)buffer)[i] = i;
}

static uint64_t numbers_add(void *elements, uint32_t count) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < count; i++) sum += ((uint32_t *)elements)[i];
    return sum;
}

IMPORT(STREAMS_EXPORT, "[stream-new-0]numbers-out") uint64_t numbers_out_stream_new(void);
IMPORT(STREAMS_EXPORT, "[async-lower][stream-write-0]numbers-out") uint32_t numbers_out_write(uint32_t writable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-writable-0]numbers-out") void numbers_out_drop(uint32_t writable);
IMPORT(STREAMS_EXPORT, "[task-return]numbers-out") void numbers_out_return(uint32_t readable);

static void numbers_out_returns(uint64_t readable) { numbers_out_return((uint32_t)readable); }

static const stream_kind_t numbers_out_kind = {numbers_out_write, numbers_out_drop, numbers_out_returns, 4, numbers_fill, NULL, NULL};

EXPORT("[async-lift]" STREAMS("numbers-out")) int32_t numbers_out(uint32_t n, uint32_t chunk) {
    return writer_start(&numbers_out_kind, numbers_out_stream_new(), n, chunk);
}

EXPORT("[callback][async-lift]" STREAMS("numbers-out")) int32_t numbers_out_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return writer_callback(event, p1, p2);
}

IMPORT(STREAMS_EXPORT, "[async-lower][stream-read-0]numbers-in") uint32_t numbers_in_read(uint32_t readable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-readable-0]numbers-in") void numbers_in_drop(uint32_t readable);
IMPORT(STREAMS_EXPORT, "[task-return]numbers-in") void numbers_in_return(uint64_t sum);

static void numbers_in_returns(uint64_t total) { numbers_in_return(total); }

static const stream_kind_t numbers_in_kind = {numbers_in_read, numbers_in_drop, numbers_in_returns, 4, NULL, NULL, numbers_add};

EXPORT("[async-lift]" STREAMS("numbers-in")) int32_t numbers_in(uint32_t readable, uint32_t buffer) {
    return reader_step(stream_task_begin(&numbers_in_kind, readable, buffer));
}

EXPORT("[callback][async-lift]" STREAMS("numbers-in")) int32_t numbers_in_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return reader_callback(event, p1, p2);
}

// stream<string>: the strings a writer offers stay its own (a copy lifts them while the write is
// in progress); the ones a reader receives were lowered with cabi_realloc and are the reader's.

static void strings_fill(void *buffer, uint32_t count) {
    string_t *strings = buffer;
    for (uint32_t i = 0; i < count; i++) {
        char digits[10];
        size_t length = 0;
        uint32_t value = i;
        do {
            digits[length++] = (char)('0' + value % 10);
            value /= 10;
        } while (value > 0);
        strings[i] = string_alloc(2 + length);
        memcpy(strings[i].ptr, "s-", 2);
        for (size_t k = 0; k < length; k++) strings[i].ptr[2 + k] = digits[length - 1 - k];
    }
}

static void strings_release(void *buffer, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) string_free(((string_t *)buffer)[i]);
}

static uint64_t strings_add(void *elements, uint32_t count) {
    string_t *strings = elements;
    uint64_t length = 0;
    for (uint32_t i = 0; i < count; i++) {
        length += strings[i].len;
        string_free(strings[i]);
    }
    return length;
}

IMPORT(STREAMS_EXPORT, "[stream-new-0]strings-out") uint64_t strings_out_stream_new(void);
IMPORT(STREAMS_EXPORT, "[async-lower][stream-write-0]strings-out") uint32_t strings_out_write(uint32_t writable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-writable-0]strings-out") void strings_out_drop(uint32_t writable);
IMPORT(STREAMS_EXPORT, "[task-return]strings-out") void strings_out_return(uint32_t readable);

static void strings_out_returns(uint64_t readable) { strings_out_return((uint32_t)readable); }

static const stream_kind_t strings_out_kind = {strings_out_write, strings_out_drop, strings_out_returns, sizeof(string_t), strings_fill, strings_release, NULL};

EXPORT("[async-lift]" STREAMS("strings-out")) int32_t strings_out(uint32_t n, uint32_t chunk) {
    return writer_start(&strings_out_kind, strings_out_stream_new(), n, chunk);
}

EXPORT("[callback][async-lift]" STREAMS("strings-out")) int32_t strings_out_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return writer_callback(event, p1, p2);
}

IMPORT(STREAMS_EXPORT, "[async-lower][stream-read-0]strings-in") uint32_t strings_in_read(uint32_t readable, void *ptr, size_t count);
IMPORT(STREAMS_EXPORT, "[stream-drop-readable-0]strings-in") void strings_in_drop(uint32_t readable);
IMPORT(STREAMS_EXPORT, "[task-return]strings-in") void strings_in_return(uint64_t length);

static void strings_in_returns(uint64_t total) { strings_in_return(total); }

static const stream_kind_t strings_in_kind = {strings_in_read, strings_in_drop, strings_in_returns, sizeof(string_t), NULL, NULL, strings_add};

EXPORT("[async-lift]" STREAMS("strings-in")) int32_t strings_in(uint32_t readable, uint32_t buffer) {
    return reader_step(stream_task_begin(&strings_in_kind, readable, buffer));
}

EXPORT("[callback][async-lift]" STREAMS("strings-in")) int32_t strings_in_callback(uint32_t event, uint32_t p1, uint32_t p2) {
    return reader_callback(event, p1, p2);
}
