// Test guest for tests/WitHost.Bindings.Tests/wit/large-memory.wit: grows its memory past 2 GiB
// (up to 4 GiB) and puts what the host lowers wherever the host asks, so strings and lists cross
// the host at addresses past 2^31. Built by build-guests.sh. No libc: its allocator is a bump
// pointer the host sets, and nothing is freed.
#include <stddef.h>
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

extern char __heap_base;

// Until the host says otherwise, blocks start where the linker put the heap.
static uint32_t next_block = 0;
static _Alignas(4) uint32_t ret_area[2];

// Blocks come from `next_block` up; a block that shrinks stays where it is.
EXPORT("cabi_realloc")
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    if (old && new_size <= old_size) return old;
    if (next_block == 0) next_block = (uint32_t)(uintptr_t)&__heap_base;
    uint32_t block = (next_block + (uint32_t)align - 1) & ~((uint32_t)align - 1);
    next_block = block + (uint32_t)new_size;
    if (old) __builtin_memcpy((void *)(uintptr_t)block, old, old_size);
    return (void *)(uintptr_t)block;
}

EXPORT("grow") int32_t grow(uint32_t pages) { return (int32_t)__builtin_wasm_memory_grow(0, pages); }

EXPORT("allocate-from") void allocate_from(uint32_t address) { next_block = address; }

// A string or a list<u8> comes back as it came: the same pointer and length.
EXPORT("echo") uint32_t *echo(uint32_t ptr, uint32_t len) {
    ret_area[0] = ptr;
    ret_area[1] = len;
    return ret_area;
}

EXPORT("echo-bytes") uint32_t *echo_bytes(uint32_t ptr, uint32_t len) { return echo(ptr, len); }

// `len` bytes of 'z' at `address`, returned as a string.
EXPORT("zs-at") uint32_t *zs_at(uint32_t address, uint32_t len) {
    __builtin_memset((void *)(uintptr_t)address, 'z', len);
    return echo(address, len);
}
