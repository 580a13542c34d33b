// The guest of the world derived from the C#-first resource contracts
// (tests/WitHost.Bindings.Tests/CSharpFirstResourcesContracts.cs), with hand-written glue.
// Built by build-guests.sh.
//
// The host implements the resource `counter` (a C# interface extending IDisposable): the guest
// holds its objects as handles (i32 indexes into the instance's handle table), calls their
// methods with the handle as `self`, lends one to `name-of` (a borrow: the guest keeps it) and
// drops each with "[resource-drop]counter", which disposes the host's object.
//
// The guest implements the resource `tally` of the exported interface `tallies`: it makes a
// handle for each tally through module "[export]example:csharp-first-resources/tallies", receives
// its own representation (a tally_t pointer) for `self` and for a borrow, takes handles it is
// given back to their representation and drops them, and frees a tally in "#[dtor]tally", which
// runs when the last handle to it is dropped, by the host or by the guest.
#include "cabi.h"

#define COUNTERS "example:csharp-first-resources/counters"
#define DRIVER(fn) "example:csharp-first-resources/driver#" fn
#define TALLIES(fn) "example:csharp-first-resources/tallies#" fn
#define TALLY_TYPE "[export]example:csharp-first-resources/tallies"

typedef int32_t counter_handle;

IMPORT(COUNTERS, "open") counter_handle counters_open(char *name, size_t name_len);
IMPORT(COUNTERS, "name-of") void counters_name_of(counter_handle counter, string_t *ret);
IMPORT(COUNTERS, "[method]counter.add") uint32_t counter_add(counter_handle self, uint32_t n);
IMPORT(COUNTERS, "[method]counter.fork") counter_handle counter_fork(counter_handle self);
IMPORT(COUNTERS, "[resource-drop]counter") void counter_drop(counter_handle handle);

// Opens a counter named `name`, adds 2, forks it and adds 5 to the fork: returns the first's
// value + 100 * the fork's + 10000 when the fork's name (which the host reads through a borrow)
// is longer than `name`. Drops both counters before it returns.
EXPORT(DRIVER("run")) uint32_t driver_run(char *name, size_t name_len) {
    counter_handle first = counters_open(name, name_len);
    counter_add(first, 2);
    counter_handle fork = counter_fork(first);
    counter_add(fork, 5);

    string_t fork_name;
    counters_name_of(fork, &fork_name);
    uint32_t renamed = fork_name.len > name_len ? 10000 : 0;
    string_free(fork_name);

    uint32_t result = counter_add(first, 0) + 100 * counter_add(fork, 0) + renamed;
    counter_drop(fork);
    counter_drop(first);
    // The name the host passed belongs to the guest.
    string_free((string_t){name, name_len});
    return result;
}

// ---- The exported tallies (the guest's resource) ----

typedef struct {
    uint32_t total;
} tally_t;

typedef int32_t tally_handle;

static uint32_t live_tallies;

IMPORT(TALLY_TYPE, "[resource-new]tally") tally_handle tally_handle_new(tally_t *rep);
IMPORT(TALLY_TYPE, "[resource-rep]tally") tally_t *tally_handle_rep(tally_handle handle);
IMPORT(TALLY_TYPE, "[resource-drop]tally") void tally_handle_drop(tally_handle handle);

static tally_handle tally_new(uint32_t total) {
    tally_t *tally = alloc_block(sizeof(tally_t), _Alignof(tally_t));
    tally->total = total;
    live_tallies++;
    return tally_handle_new(tally);
}

EXPORT(TALLIES("start")) tally_handle tallies_start(uint32_t total) { return tally_new(total); }

// A borrow of the guest's own resource arrives as its representation.
EXPORT(TALLIES("total")) uint32_t tallies_total(tally_t *tally) { return tally->total; }

// Owned handles arrive as handles: each is read through its representation, then dropped (which
// runs the destructor, the guest holding the last handle). The list's block is the guest's to free.
EXPORT(TALLIES("sum")) uint32_t tallies_sum(tally_handle *tallies, size_t len) {
    uint32_t sum = 0;
    for (size_t i = 0; i < len; i++) {
        sum += tally_handle_rep(tallies[i])->total;
        tally_handle_drop(tallies[i]);
    }
    free_block(tallies, len * sizeof(tally_handle));
    return sum;
}

EXPORT(TALLIES("live")) uint32_t tallies_live(void) { return live_tallies; }

EXPORT(TALLIES("[method]tally.add")) uint32_t tally_add(tally_t *self, uint32_t n) { return self->total += n; }

EXPORT(TALLIES("[method]tally.merge")) tally_handle tally_merge(tally_t *self, tally_t *other) {
    return tally_new(self->total + other->total);
}

EXPORT(TALLIES("[dtor]tally")) void tally_dtor(tally_t *rep) {
    live_tallies--;
    free(rep);
}
