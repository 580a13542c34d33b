// The guest of the resources world (wit/resources.wit), with hand-written Canonical ABI glue.
// Built by build-guests.sh.
//
// Core names:
// - the exported resource `counter` of example:resources/counters: exports
//   "example:resources/counters#[constructor]counter", "#[method]counter.<m>",
//   "#[static]counter.<f>" and the destructor "#[dtor]counter"; the guest makes, reads and drops
//   its handles through the imports "[resource-new]counter", "[resource-rep]counter" and
//   "[resource-drop]counter" of module "[export]example:resources/counters";
// - the imported resource `blob` of example:resources/store: imports "[constructor]blob",
//   "[method]blob.<m>", "[static]blob.<f>" and "[resource-drop]blob" of that module.
//
// Handles and reps: a counter's rep is the address of its counter_t. A method's `self`, and
// any borrow<counter> the guest receives, arrives as the rep itself (the guest defines the
// type); an own<counter> arrives as a handle, whose rep the guest asks for. A blob is always a
// handle (an i32 index into the guest's handle table). A borrow<blob> the guest receives must
// be dropped before the export returns, or the call traps.
#include <stdio.h>

#include "cabi.h"

#define COUNTERS(fn) "example:resources/counters#" fn
#define POST(fn) "cabi_post_example:resources/counters#" fn
#define COUNTER_TYPE "[export]example:resources/counters"
#define STORE "example:resources/store"

// ---- The imported resource blob ----

typedef int32_t blob_handle;

IMPORT(STORE, "[constructor]blob") blob_handle blob_new(uint8_t *init, size_t init_len);
IMPORT(STORE, "[method]blob.write") void blob_write(blob_handle self, uint8_t *bytes, size_t bytes_len);
IMPORT(STORE, "[method]blob.read") void blob_read(blob_handle self, uint32_t n, list_t *ret);
IMPORT(STORE, "[method]blob.size") uint32_t blob_size(blob_handle self);
IMPORT(STORE, "[static]blob.concat") blob_handle blob_concat(blob_handle a, blob_handle b);
IMPORT(STORE, "[resource-drop]blob") void blob_drop(blob_handle handle);

// ---- The exported resource counter ----

typedef struct {
    string_t name;
    int64_t value;
} counter_t;

typedef int32_t counter_handle;

IMPORT(COUNTER_TYPE, "[resource-new]counter") counter_handle counter_handle_new(counter_t *rep);
IMPORT(COUNTER_TYPE, "[resource-rep]counter") counter_t *counter_handle_rep(counter_handle handle);
IMPORT(COUNTER_TYPE, "[resource-drop]counter") void counter_handle_drop(counter_handle handle);

static uint32_t live_counters;

// A new counter owning `name`, returned as a new own handle for the caller.
static counter_handle counter_create(string_t name, int64_t start) {
    counter_t *counter = alloc_block(sizeof(counter_t), _Alignof(counter_t));
    *counter = (counter_t){name, start};
    live_counters++;
    return counter_handle_new(counter);
}

// Called when the last handle to a counter goes: the rep is the guest's to free.
EXPORT(COUNTERS("[dtor]counter")) void counter_dtor(counter_t *self) {
    string_free(self->name);
    free(self);
    live_counters--;
}

EXPORT(COUNTERS("[constructor]counter")) counter_handle counter_constructor(char *name_ptr, size_t name_len, int64_t start) {
    // The name the host passed is the guest's: the counter keeps it.
    return counter_create((string_t){name_ptr, name_len}, start);
}

EXPORT(COUNTERS("[method]counter.increment")) int64_t counter_increment(counter_t *self, int64_t by) {
    self->value = (int64_t)((uint64_t)self->value + (uint64_t)by);
    return self->value;
}

EXPORT(COUNTERS("[method]counter.get")) int64_t counter_get(counter_t *self) { return self->value; }

static string_t ret_string;
EXPORT(COUNTERS("[method]counter.name")) string_t *counter_name(counter_t *self) {
    ret_string = string_copy(self->name.ptr, self->name.len);
    return &ret_string;
}
EXPORT(POST("[method]counter.name")) void post_counter_name(string_t *ret) { string_free(*ret); }

EXPORT(COUNTERS("[method]counter.add-from")) void counter_add_from(counter_t *self, counter_t *other) {
    counter_increment(self, other->value);
}

// An own<counter> parameter is a handle the guest now holds; dropping the last handle to a
// counter runs its destructor.
EXPORT(COUNTERS("[method]counter.absorb")) void counter_absorb(counter_t *self, counter_handle other) {
    counter_increment(self, counter_handle_rep(other)->value);
    counter_handle_drop(other);
}

EXPORT(COUNTERS("[static]counter.merge")) counter_handle counter_merge(counter_t *a, counter_t *b) {
    string_t plus = string_concat(a->name, STR("+"));
    string_t name = string_concat(plus, b->name);
    string_free(plus);
    return counter_create(name, (int64_t)((uint64_t)a->value + (uint64_t)b->value));
}

// Returns an own<blob>: the handle passes to the caller, so the guest does not drop it.
EXPORT(COUNTERS("[method]counter.snapshot")) blob_handle counter_snapshot(counter_t *self) {
    char digits[24];
    int len = snprintf(digits, sizeof digits, "%lld", (long long)self->value);
    return blob_new((uint8_t *)digits, (size_t)len);
}

EXPORT(COUNTERS("live-counters")) uint32_t counters_live_counters(void) { return live_counters; }

// Each name the host passed is the guest's, so each new counter keeps its own; the list's block
// is freed here. The returned list of handles is freed by the post-return function.
static list_t ret_handles;
EXPORT(COUNTERS("make-many")) list_t *counters_make_many(string_t *names, size_t count, int64_t start) {
    ret_handles = LIST_ALLOC(counter_handle, count);
    counter_handle *handles = ret_handles.ptr;
    for (size_t i = 0; i < count; i++) {
        handles[i] = counter_create(names[i], start);
    }
    LIST_FREE(string_t, ((list_t){names, count}));
    return &ret_handles;
}
EXPORT(POST("make-many")) void post_counters_make_many(list_t *ret) { LIST_FREE(counter_handle, *ret); }

// A borrow<counter> of the guest's own resource arrives as the rep, also inside a list.
EXPORT(COUNTERS("total")) int64_t counters_total(counter_t **counters, size_t count) {
    uint64_t sum = 0;
    for (size_t i = 0; i < count; i++) {
        sum += (uint64_t)counters[i]->value;
    }
    LIST_FREE(counter_t *, ((list_t){counters, count}));
    return (int64_t)sum;
}

typedef struct {
    uint8_t is_some;
    int64_t value;
} option_s64_t;

static option_s64_t ret_option;
EXPORT(COUNTERS("take-value")) option_s64_t *counters_take_value(uint32_t is_some, counter_handle c) {
    ret_option = (option_s64_t){0, 0};
    if (is_some) {
        ret_option = (option_s64_t){1, counter_handle_rep(c)->value};
        counter_handle_drop(c); // the guest holds the only handle: the destructor runs
    }
    return &ret_option;
}

EXPORT(COUNTERS("forged")) counter_handle counters_forged(void) { return 0x7ff0; }

// ---- Functions over blobs ----

EXPORT(COUNTERS("make-blob")) blob_handle counters_make_blob(char *ptr, size_t len) {
    // The host copies the bytes while lifting them, so the guest frees its string after.
    blob_handle blob = blob_new((uint8_t *)ptr, len);
    free_block(ptr, len);
    return blob;
}

EXPORT(COUNTERS("blob-size")) uint32_t counters_blob_size(blob_handle b) {
    uint32_t size = blob_size(b);
    blob_drop(b); // a borrowed handle: dropped before returning
    return size;
}

static list_t ret_bytes;
EXPORT(COUNTERS("append-and-read")) list_t *counters_append_and_read(blob_handle b, char *text, size_t text_len, uint32_t n) {
    blob_write(b, (uint8_t *)text, text_len);
    free_block(text, text_len);
    // The host allocated the list with cabi_realloc; it is the guest's until cabi_post.
    blob_read(b, n, &ret_bytes);
    blob_drop(b);
    return &ret_bytes;
}
EXPORT(POST("append-and-read")) void post_counters_append_and_read(list_t *ret) { LIST_FREE(uint8_t, *ret); }

EXPORT(COUNTERS("join")) blob_handle counters_join(blob_handle a, blob_handle b) {
    // Lending a borrowed handle on to the host is allowed; the new blob is an own handle.
    blob_handle joined = blob_concat(a, b);
    blob_drop(a);
    blob_drop(b);
    return joined;
}

EXPORT(COUNTERS("consume")) uint32_t counters_consume(blob_handle b) {
    uint32_t size = blob_size(b);
    blob_drop(b); // the guest owns it: this drop ends the blob
    return size;
}
