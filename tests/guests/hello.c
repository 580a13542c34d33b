// The guest of wit/hello.wit: it greets whoever the host names, and logs through a host
// function. Strings cross as (pointer, length) pairs of UTF-8 in the guest's memory, as in the
// Canonical ABI. The cross-check calls it through the runtime's core API, lowering and lifting
// by hand. Built by build-guests.sh.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

__attribute__((import_module("example:hello/logging"), import_name("log")))
void host_log(const char *text, uint32_t length);

__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *ret = realloc(old, new_size);
    if (!ret) __builtin_trap();
    return ret;
}

static uint32_t result_area[2];

// greet(name) -> string: returns a pointer to (ptr, len) of "Hello, <name>!".
__attribute__((export_name("greet")))
uint32_t *greet(const char *name, uint32_t length) {
    static const char prefix[] = "Hello, ";
    static const char note[] = "greet was called";
    host_log(note, sizeof note - 1);
    uint32_t total = (uint32_t)(sizeof prefix - 1) + length + 1;
    char *text = malloc(total);
    memcpy(text, prefix, sizeof prefix - 1);
    memcpy(text + sizeof prefix - 1, name, length);
    text[total - 1] = '!';
    // The caller handed ownership of the argument to the guest. An empty string owns no
    // block: a host need not call cabi_realloc for zero bytes (jco passes pointer 1), so
    // freeing it would free a pointer malloc never returned.
    if (length > 0) free((void *)name);
    result_area[0] = (uint32_t)text;
    result_area[1] = total;
    return result_area;
}

// Frees what greet returned, once the host has read it.
__attribute__((export_name("cabi_post_greet")))
void post_greet(uint32_t *area) {
    free((void *)area[0]);
}

__attribute__((export_name("add")))
int32_t add(int32_t a, int32_t b) { return a + b; }
