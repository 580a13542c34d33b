// The KeyValue sample's guest (world keyvalue of wit/keyvalue.wit), with hand-written Canonical
// ABI glue. Built by tests/guests/build-guests.sh into keyvalue.wasm beside this file.
//
// The host implements the resource `bucket`. To the guest a bucket is a handle: an i32 index
// into the guest's handle table, which the host keeps. The guest gets one from the constructor
// (own: the guest must drop it with [resource-drop]bucket when done) or as the argument of an
// export that borrows one (it must drop that too, before the export returns). Every job below
// opens, uses and drops its handles; the host sees each drop and closes its object.

// The Canonical ABI helpers (cabi_realloc, strings, lists) every C guest of this repository
// shares. One copy, so a fix reaches every guest; a guest copied out of the repository takes
// this header along.
#include "../../../tests/guests/cabi.h"

#include <stdio.h>

#define STORE "example:keyvalue/store"
#define JOBS(fn) "example:keyvalue/jobs#" fn

// ---- The imported resource bucket ----

typedef int32_t bucket_handle;

// option<list<u8>>: a u8 case, the list (ptr, len) at 4.
typedef struct {
    uint8_t is_some;
    list_t value;
} option_bytes_t;
_Static_assert(sizeof(option_bytes_t) == 12, "option<list<u8>> is 12 bytes");

enum { STORE_ERROR_EMPTY_KEY, STORE_ERROR_VALUE_TOO_LARGE };

// variant store-error: a u8 case, the u32 payload of value-too-large at 4.
typedef struct {
    uint8_t tag;
    uint32_t limit;
} store_error_t;
_Static_assert(sizeof(store_error_t) == 8, "store-error is 8 bytes");

// result<_, store-error>: a u8 case (0 ok, 1 err), the error at 4.
typedef struct {
    uint8_t is_err;
    store_error_t err;
} result_unit_store_error_t;
_Static_assert(sizeof(result_unit_store_error_t) == 12, "result<_, store-error> is 12 bytes");

// Results of more than one flat value come back through an out-pointer the guest passes last.
IMPORT(STORE, "[constructor]bucket") bucket_handle bucket_open(const char *name, size_t name_len);
IMPORT(STORE, "[method]bucket.get") void bucket_get(bucket_handle self, const char *key, size_t key_len, option_bytes_t *ret);
IMPORT(STORE, "[method]bucket.set") void bucket_set(bucket_handle self, const char *key, size_t key_len, const uint8_t *value, size_t value_len, result_unit_store_error_t *ret);
IMPORT(STORE, "[method]bucket.delete") int32_t bucket_delete(bucket_handle self, const char *key, size_t key_len);
IMPORT(STORE, "[method]bucket.keys") void bucket_keys(bucket_handle self, list_t *ret);
IMPORT(STORE, "[resource-drop]bucket") void bucket_drop(bucket_handle handle);

// What an import returns in memory the host allocated with cabi_realloc is the guest's to free.
static void free_string_list(list_t list) {
    string_t *items = list.ptr;
    for (size_t i = 0; i < list.len; i++) string_free(items[i]);
    LIST_FREE(string_t, list);
}

// The value under `key` read as a decimal count; 0 when the key is absent.
static uint32_t get_count(bucket_handle bucket, string_t key) {
    option_bytes_t found;
    bucket_get(bucket, key.ptr, key.len, &found);
    if (!found.is_some) return 0;
    uint32_t count = 0;
    const uint8_t *digits = found.value.ptr;
    for (size_t i = 0; i < found.value.len; i++) count = count * 10 + (uint32_t)(digits[i] - '0');
    free_block(found.value.ptr, found.value.len);
    return count;
}

// ---- export jobs ----

// result<u32, store-error>: a u8 case, then the u32 or the error at 4.
typedef struct {
    uint8_t is_err;
    union {
        uint32_t ok;
        store_error_t err;
    } as;
} result_u32_store_error_t;
_Static_assert(sizeof(result_u32_store_error_t) == 12, "result<u32, store-error> is 12 bytes");

static result_u32_store_error_t ret_count;
static result_unit_store_error_t ret_unit;
static list_t ret_lines;

EXPORT(JOBS("count-words")) result_u32_store_error_t *jobs_count_words(char *name, size_t name_len, char *text, size_t text_len) {
    bucket_handle bucket = bucket_open(name, name_len);
    string_free((string_t){name, name_len});
    ret_count = (result_u32_store_error_t){0, {.ok = 0}};
    size_t start = 0;
    for (size_t i = 0; i <= text_len; i++) {
        if (i < text_len && text[i] != ' ') continue;
        string_t word = {text + start, i - start};
        start = i + 1;
        if (word.len == 0) continue;
        char digits[16];
        int digits_len = snprintf(digits, sizeof digits, "%u", get_count(bucket, word) + 1);
        result_unit_store_error_t written;
        bucket_set(bucket, word.ptr, word.len, (const uint8_t *)digits, (size_t)digits_len, &written);
        if (written.is_err) {
            ret_count = (result_u32_store_error_t){1, {.err = written.err}};
            break;
        }
        ret_count.as.ok++;
    }
    string_free((string_t){text, text_len});
    bucket_drop(bucket); // the guest's own handle: this drop closes it in the host
    return &ret_count;
}

EXPORT(JOBS("prune")) list_t *jobs_prune(char *name, size_t name_len, uint32_t min) {
    bucket_handle bucket = bucket_open(name, name_len);
    string_free((string_t){name, name_len});
    list_t keys;
    bucket_keys(bucket, &keys);
    // The deleted keys move from `keys` into the result; the others are freed here.
    string_t *all = keys.ptr;
    list_t deleted = LIST_ALLOC(string_t, keys.len);
    string_t *out = deleted.ptr;
    size_t count = 0;
    for (size_t i = 0; i < keys.len; i++) {
        if (get_count(bucket, all[i]) < min && bucket_delete(bucket, all[i].ptr, all[i].len)) {
            out[count++] = all[i];
        } else {
            string_free(all[i]);
        }
    }
    LIST_FREE(string_t, keys);
    bucket_drop(bucket);
    if (count == 0) {
        // Nothing deleted: free the block now, since an empty list owns none.
        LIST_FREE(string_t, deleted);
        deleted = LIST_ALLOC(string_t, 0);
    }
    deleted.len = count; // the block may be longer than the list; free() does not mind
    ret_lines = deleted;
    return &ret_lines;
}
EXPORT("cabi_post_" JOBS("prune")) void post_jobs_prune(list_t *ret) { free_string_list(*ret); }

EXPORT(JOBS("remember")) result_unit_store_error_t *jobs_remember(char *name, size_t name_len, char *key, size_t key_len, char *note, size_t note_len) {
    bucket_handle bucket = bucket_open(name, name_len);
    bucket_set(bucket, key, key_len, (const uint8_t *)note, note_len, &ret_unit);
    bucket_drop(bucket);
    string_free((string_t){name, name_len});
    string_free((string_t){key, key_len});
    string_free((string_t){note, note_len});
    return &ret_unit;
}

// A borrowed handle: the guest may use it during the call and must drop it before returning.
EXPORT(JOBS("dump")) list_t *jobs_dump(bucket_handle bucket) {
    list_t keys;
    bucket_keys(bucket, &keys);
    string_t *all = keys.ptr;
    list_t lines = LIST_ALLOC(string_t, keys.len);
    string_t *out = lines.ptr;
    for (size_t i = 0; i < keys.len; i++) {
        option_bytes_t found;
        bucket_get(bucket, all[i].ptr, all[i].len, &found);
        string_t key_equals = string_concat(all[i], STR("="));
        string_t value = found.is_some ? (string_t){found.value.ptr, found.value.len} : STR("");
        out[i] = string_concat(key_equals, value);
        string_free(key_equals);
        if (found.is_some) free_block(found.value.ptr, found.value.len);
    }
    free_string_list(keys);
    bucket_drop(bucket);
    ret_lines = lines;
    return &ret_lines;
}
EXPORT("cabi_post_" JOBS("dump")) void post_jobs_dump(list_t *ret) { free_string_list(*ret); }

// Returns an own handle: it passes to the host, so the guest does not drop it.
EXPORT(JOBS("snapshot")) bucket_handle jobs_snapshot(char *source_name, size_t source_len, char *target_name, size_t target_len) {
    bucket_handle source = bucket_open(source_name, source_len);
    bucket_handle target = bucket_open(target_name, target_len);
    string_free((string_t){source_name, source_len});
    string_free((string_t){target_name, target_len});
    list_t keys;
    bucket_keys(source, &keys);
    string_t *all = keys.ptr;
    for (size_t i = 0; i < keys.len; i++) {
        option_bytes_t found;
        bucket_get(source, all[i].ptr, all[i].len, &found);
        if (!found.is_some) continue;
        result_unit_store_error_t written;
        bucket_set(target, all[i].ptr, all[i].len, found.value.ptr, found.value.len, &written);
        free_block(found.value.ptr, found.value.len);
    }
    free_string_list(keys);
    bucket_drop(source);
    return target;
}
