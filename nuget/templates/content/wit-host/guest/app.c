// The guest of wit/app.wit, written in C against guest/app.h, the header `wit-host abi
// wit/app.wit --c-header guest/app.h` writes: it declares each import and export with its core
// name and signature, and the structs the Canonical ABI lays out in memory (checked by
// _Static_assert). Change the WIT, write the header again, and the compiler shows what moved.
// Build it with Debian's clang-14 (apt-get install clang-14 lld-14 wasi-libc
// libclang-rt-14-dev-wasm32):
//
//   clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor -Wl,--strip-debug \
//     -o guest/app.wasm guest/app.c
#include <stdlib.h>
#include <string.h>

#include "app.h"

// The allocator the host copies strings into the guest's memory with (declared in app.h).
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *block = realloc(old, new_size);
    if (!block) __builtin_trap();
    return block;
}

// greet returns a string, two core values, so it returns the address of a string_t.
static string_t greet_result;

string_t *export_greet(uint8_t *name_ptr, size_t name_len) {
    static const char prefix[] = "Hello, ";
    static const char note[] = "greet was called";
    import_host_log_log((uint8_t *)note, sizeof note - 1);

    size_t total = (sizeof prefix - 1) + name_len + 1;
    uint8_t *text = malloc(total);
    if (!text) __builtin_trap();
    memcpy(text, prefix, sizeof prefix - 1);
    memcpy(text + sizeof prefix - 1, name_ptr, name_len);
    text[total - 1] = '!';

    // The argument was the host's cabi_realloc block and is now the guest's to free; an empty
    // string may come without a block.
    if (name_len > 0) free(name_ptr);
    greet_result = (string_t){text, total};
    return &greet_result;
}

// Called by the host once it has read greet's result.
void export_greet_post_return(string_t *ret) {
    free(ret->ptr);
}

uint64_t export_fibonacci(uint32_t n) {
    uint64_t previous = 0, current = 1;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t next = previous + current;
        previous = current;
        current = next;
    }
    return previous;
}
