// Test guest for the core runtime API: scalar calls, linear memory, cabi_realloc,
// host imports, traps and post-return functions. Built by build-guests.sh.
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <wasi/api.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

// ---- host imports ----
IMPORT("test:core/host", "add") int32_t host_add(int32_t a, int32_t b);
IMPORT("test:core/host", "identity-i64") int64_t host_identity_i64(int64_t v);
IMPORT("test:core/host", "scale-f64") double host_scale_f64(double v, float f);
IMPORT("test:core/host", "fail") void host_fail(void);
IMPORT("test:core/host", "never-bound") int32_t host_never_bound(void);

// ---- scalars ----
EXPORT("add-i32") int32_t add_i32(int32_t a, int32_t b) { return a + b; }
EXPORT("add-i64") int64_t add_i64(int64_t a, int64_t b) { return a + b; }
EXPORT("mul-f32") float mul_f32(float a, float b) { return a * b; }
EXPORT("mul-f64") double mul_f64(double a, double b) { return a * b; }
EXPORT("nothing") void nothing(void) {}

// ---- memory ----
EXPORT("load-u8") uint32_t load_u8(uint32_t ptr) { return *(volatile uint8_t *)ptr; }
EXPORT("store-u8") void store_u8(uint32_t ptr, uint32_t value) { *(volatile uint8_t *)ptr = (uint8_t)value; }
EXPORT("memory-pages") uint32_t memory_pages(void) { return (uint32_t)__builtin_wasm_memory_size(0); }
EXPORT("memory-grow") int32_t memory_grow(uint32_t pages) { return (int32_t)__builtin_wasm_memory_grow(0, pages); }

// Sums `len` bytes at `ptr`, then frees them: as in the Canonical ABI, the host allocates the
// buffer through cabi_realloc and hands it over to the guest.
EXPORT("sum-bytes") uint32_t sum_bytes(uint8_t *ptr, uint32_t len) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < len; i++) sum += ptr[i];
    free(ptr);
    return sum;
}

// The canonical ABI allocator: memory the host asks for, in the guest's own heap.
EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *ret = realloc(old, new_size);
    if (!ret) __builtin_trap();
    return ret;
}

// Returns a pointer to a (ptr, len) pair describing a heap copy of "hello"; the host reads it,
// then calls cabi_post_make-greeting, which frees the copy and counts the call.
static uint32_t post_calls;
static uint32_t ret_area[2];
EXPORT("make-greeting") uint32_t *make_greeting(void) {
    char *text = malloc(5);
    memcpy(text, "hello", 5);
    ret_area[0] = (uint32_t)text;
    ret_area[1] = 5;
    return ret_area;
}
EXPORT("cabi_post_make-greeting") void post_make_greeting(uint32_t *area) {
    free((void *)area[0]);
    post_calls++;
}
EXPORT("post-calls") uint32_t get_post_calls(void) { return post_calls; }

// ---- host imports called from the guest ----
EXPORT("call-host-add") int32_t call_host_add(int32_t a, int32_t b) { return host_add(a, b) * 10; }
EXPORT("call-host-i64") int64_t call_host_i64(int64_t v) { return host_identity_i64(v); }
EXPORT("call-host-f64") double call_host_f64(double v, float f) { return host_scale_f64(v, f); }
EXPORT("call-host-fail") int32_t call_host_fail(void) { host_fail(); return 1; }
EXPORT("call-never-bound") int32_t call_never_bound(void) { return host_never_bound(); }

// ---- traps ----
EXPORT("trap-unreachable") void trap_unreachable(void) { __builtin_trap(); }
EXPORT("trap-out-of-bounds") uint32_t trap_out_of_bounds(void) {
    volatile uint32_t *p = (volatile uint32_t *)0xFFFFFFF0u;
    return *p;
}
EXPORT("trap-divide-by-zero") int32_t trap_divide_by_zero(int32_t a, int32_t b) { return a / b; }

// Recursion that never ends; the volatile keeps the compiler from turning it into a loop.
static volatile int32_t depth_sink;
// recurse(0, limit) returns 2 * limit; it goes `limit` calls deep, so a huge limit overflows
// the stack. The call goes through a volatile pointer so the compiler cannot make it a loop.
int32_t recurse(int32_t n, int32_t limit);
static int32_t (*volatile recurse_self)(int32_t, int32_t) = recurse;
EXPORT("recurse") int32_t recurse(int32_t n, int32_t limit) {
    depth_sink = n;
    if (n >= limit) return n;
    return recurse_self(n + 1, limit) + 1;
}

// Deterministic busy work for the threading test: an LCG run `n` times from `seed`.
EXPORT("spin") uint32_t spin(uint32_t seed, uint32_t n) {
    uint32_t x = seed;
    for (uint32_t i = 0; i < n; i++) x = x * 1664525u + 1013904223u;
    return x;
}

// ---- WASI: what the host configured ----
EXPORT("wasi-argc") int32_t wasi_argc(void) {
    __wasi_size_t argc = 0, size = 0;
    if (__wasi_args_sizes_get(&argc, &size) != 0) return -1;
    return (int32_t)argc;
}
// Length of the environment variable named by the NUL-terminated string at `name`, or -1.
EXPORT("env-length") int32_t env_length(const char *name) {
    const char *value = getenv(name);
    return value ? (int32_t)strlen(value) : -1;
}
// Size of the file at the NUL-terminated path `path` (through a preopened directory), or -1.
EXPORT("file-size") int32_t file_size(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    int32_t size = 0;
    while (fgetc(f) != EOF) size++;
    fclose(f);
    return size;
}
