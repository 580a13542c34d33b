// One entry of a listing, a record with a string as WASI 0.3's directory-entry is (the `entry` of
// wit/async.wit and wit/channels.wit), and the joining of entries a guest read from a stream.
#ifndef ENTRIES_H
#define ENTRIES_H

#include "cabi.h"

typedef struct {
    string_t name;
    uint64_t size;
} entry_t;

_Static_assert(sizeof(entry_t) == 16 && _Alignof(entry_t) == 8, "entry is (string, u64): 16 bytes, aligned to 8");

// Appends the names of `count` entries to *text (joined with ",") and adds their sizes to *total.
// The names a stream read lowered are the guest's blocks (from cabi_realloc): freed here.
static inline void entries_join(const entry_t *entries, uint32_t count, char **text, uint32_t *text_len, uint64_t *total) {
    for (uint32_t i = 0; i < count; i++) {
        size_t comma = *text_len == 0 ? 0 : 1;
        *text = realloc(*text, *text_len + comma + entries[i].name.len + 1);
        if (!*text) __builtin_trap();
        if (comma) (*text)[(*text_len)++] = ',';
        memcpy(*text + *text_len, entries[i].name.ptr, entries[i].name.len);
        *text_len += entries[i].name.len;
        *total += entries[i].size;
        string_free(entries[i].name);
    }
}

#endif
