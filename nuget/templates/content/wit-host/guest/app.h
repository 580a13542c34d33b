// The Canonical ABI of world app, for a guest written in C (wasm32).
// Written by `wit-host abi --c-header`; the layouts are checked against the ABI model by the
// _Static_asserts below, so a compiler for another target or ABI stops here instead of at run time.
#ifndef WIT_APP_H
#define WIT_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

// A string in memory: UTF-8 bytes (not NUL-terminated) and their count.
typedef struct string_t {
    uint8_t *ptr;
    size_t len;
} string_t;
_Static_assert(sizeof(string_t) == 8 && _Alignof(string_t) == 4, "string_t: 8 bytes, aligned 4");

// ---- imports: the host provides these ----

// example:app/host-log::log: log: func(message: string)
// core (param i32 i32) (result)
__attribute__((import_module("example:app/host-log"), import_name("log")))
extern void import_host_log_log(uint8_t *message_ptr, size_t message_len);

// ---- exports: the guest defines these (the declarations give them their export names) ----

// greet: greet: func(name: string) -> string
// core (param i32 i32) (result i32)
__attribute__((export_name("greet")))
string_t *export_greet(uint8_t *name_ptr, size_t name_len);

// Optional: called after the host has read greet's result, to free what it owns.
__attribute__((export_name("cabi_post_greet")))
void export_greet_post_return(string_t *ret);

// fibonacci: fibonacci: func(n: u32) -> u64
// core (param i32) (result i64)
__attribute__((export_name("fibonacci")))
uint64_t export_fibonacci(uint32_t n);

// Optional: called after the host has read fibonacci's result, to free what it owns.
__attribute__((export_name("cabi_post_fibonacci")))
void export_fibonacci_post_return(uint64_t ret);

// Required: the host allocates the strings and lists it passes in with it (a zero new_size may return `align`).
__attribute__((export_name("cabi_realloc")))
void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size);

#endif // WIT_APP_H
