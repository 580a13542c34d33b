// The guest of wit/app.wit, written in C with the Canonical ABI glue by hand, so it needs no
// bindings generator. Build it with Debian's clang-14 (apt-get install clang-14 lld-14 wasi-libc
// libclang-rt-14-dev-wasm32):
//
//   clang-14 --target=wasm32-wasi --sysroot=/usr -O2 -mexec-model=reactor -Wl,--strip-debug \
//     -o guest/app.wasm guest/app.c
//
// Core names: the import is function "log" of module "example:app/host-log"; the world's own
// exports keep their WIT names. A string crosses as (pointer, length) of UTF-8 bytes.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

__attribute__((import_module("example:app/host-log"), import_name("log")))
void host_log(const char *message, size_t length);

// The allocator the host copies strings into the guest's memory with.
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *block = realloc(old, new_size);
    if (!block) __builtin_trap();
    return block;
}

// greet returns a string, two core values, so it returns the address of a (pointer, length) pair.
static uint32_t greet_result[2];

__attribute__((export_name("greet")))
uint32_t *greet(char *name, size_t length) {
    static const char prefix[] = "Hello, ";
    static const char note[] = "greet was called";
    host_log(note, sizeof note - 1);

    size_t total = (sizeof prefix - 1) + length + 1;
    char *text = malloc(total);
    if (!text) __builtin_trap();
    memcpy(text, prefix, sizeof prefix - 1);
    memcpy(text + sizeof prefix - 1, name, length);
    text[total - 1] = '!';

    // The argument was the host's cabi_realloc block and is now the guest's to free; an empty
    // string may come without a block.
    if (length > 0) free(name);
    greet_result[0] = (uint32_t)text;
    greet_result[1] = (uint32_t)total;
    return greet_result;
}

// Called by the host once it has read greet's result.
__attribute__((export_name("cabi_post_greet")))
void post_greet(uint32_t *result) {
    free((void *)result[0]);
}

__attribute__((export_name("fibonacci")))
uint64_t fibonacci(uint32_t n) {
    uint64_t previous = 0, current = 1;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t next = previous + current;
        previous = current;
        current = next;
    }
    return previous;
}
