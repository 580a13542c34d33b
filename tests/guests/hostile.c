// Test guest for tests/WitHost.Bindings.Tests/wit/hostile.wit: every value it gives the host is
// valid on its own, but together they ask the host for far more memory than the guest has
// (strings that all share one block) or for handles it never drops. Built by build-guests.sh.
#include "cabi.h"

IMPORT("$root", "take-strings") void take_strings(string_t *strings, size_t count);
IMPORT("test:hostile/tokens", "[constructor]token") int32_t token_new(void);

static _Alignas(4) uint32_t ret_area[2];

// `count` strings, each the same `block_len` bytes of 'a'.
static string_t *same_block(uint32_t count, uint32_t block_len) {
    char *block = cabi_realloc(NULL, 0, 1, block_len);
    memset(block, 'a', block_len);
    string_t *strings = cabi_realloc(NULL, 0, 4, (size_t)count * sizeof(string_t));
    for (uint32_t i = 0; i < count; i++) {
        strings[i].ptr = block;
        strings[i].len = block_len;
    }
    return strings;
}

EXPORT("same-block-strings") uint32_t *same_block_strings(uint32_t count, uint32_t block_len) {
    ret_area[0] = (uint32_t)(uintptr_t)same_block(count, block_len);
    ret_area[1] = count;
    return ret_area;
}

EXPORT("send-same-block-strings") void send_same_block_strings(uint32_t count, uint32_t block_len) {
    take_strings(same_block(count, block_len), count);
}

EXPORT("hoard-tokens") uint32_t hoard_tokens(uint32_t count) {
    int32_t last = 0;
    for (uint32_t i = 0; i < count; i++) {
        last = token_new();
    }
    return (uint32_t)last;
}
