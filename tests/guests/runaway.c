// Test guest for stopping a running guest (deadlines, cancellation, Dispose from another
// thread) and for the shadow stack an instance gets. Built by build-guests.sh.
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

IMPORT("test:runaway/host", "tick") void host_tick(void);

static volatile uint32_t sink;

// A loop with branches only: nothing but `br` brings the interpreter back to its checks.
EXPORT("spin-forever") void spin_forever(void) {
    for (;;) sink++;
}

__attribute__((noinline)) static uint32_t step(uint32_t x) { return x * 1664525u + 1013904223u; }

// A loop whose body is a call, so the calls are what the interpreter checks at.
EXPORT("spin-with-calls") void spin_with_calls(void) {
    uint32_t x = sink;
    for (;;) { x = step(x); sink = x; }
}

// Tells the host it is running (one tick), then loops with branches only: a test can stop it
// knowing the guest is in its loop, not still on its way in, however loaded the machine is.
EXPORT("tick-then-spin") void tick_then_spin(void) {
    host_tick();
    for (;;) sink++;
}

// A loop that calls the host every turn: a stop must land while the host function runs too.
EXPORT("spin-calling-host") void spin_calling_host(void) {
    for (;;) host_tick();
}

// Loop-heavy work that ends: the benchmark's subject, and proof that a call finishing before
// its deadline is left alone. Same recurrence as core.c's spin.
EXPORT("count") uint32_t count(uint32_t seed, uint32_t n) {
    uint32_t x = seed;
    for (uint32_t i = 0; i < n; i++) x = step(x);
    return x;
}

// Uses `kib` KiB of the shadow stack (the region __stack_pointer walks; 64 KiB by default)
// and returns the sum of what it wrote, so the frame cannot be optimised away.
EXPORT("use-shadow-stack") uint32_t use_shadow_stack(uint32_t kib) {
    volatile uint8_t frame[48 * 1024];
    uint32_t bytes = kib * 1024 < sizeof frame ? kib * 1024 : sizeof frame;
    for (uint32_t i = 0; i < bytes; i++) frame[i] = (uint8_t)i;
    uint32_t sum = 0;
    for (uint32_t i = 0; i < bytes; i++) sum += frame[i];
    return sum;
}
