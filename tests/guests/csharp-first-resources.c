// The guest of the world derived from the C#-first resource contracts
// (tests/WitHost.Bindings.Tests/CSharpFirstResourcesContracts.cs), with hand-written glue.
// Built by build-guests.sh.
//
// The host implements the resource `counter` (a C# interface extending IDisposable): the guest
// holds its objects as handles (i32 indexes into the instance's handle table), calls their
// methods with the handle as `self`, lends one to `name-of` (a borrow: the guest keeps it) and
// drops each with "[resource-drop]counter", which disposes the host's object.
#include "cabi.h"

#define COUNTERS "example:csharp-first-resources/counters"
#define DRIVER(fn) "example:csharp-first-resources/driver#" fn

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
