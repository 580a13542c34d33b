// Test guest built with -mreference-types, as rustc and newer clang build every guest: its
// indirect calls name their table with a padded LEB (`11 80808080 00 80808080 00`), which a
// WAMR built without reference types refuses ("zero byte expected"). Built by build-guests.sh.
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))

typedef int32_t (*operation)(int32_t);

__attribute__((noinline)) static int32_t twice(int32_t x) { return 2 * x; }
__attribute__((noinline)) static int32_t increment(int32_t x) { return x + 1; }
__attribute__((noinline)) static int32_t negate(int32_t x) { return -x; }

static operation operations[3] = { twice, increment, negate };

// Applies operations[which % 3] to x through a function pointer (call_indirect).
EXPORT("apply") int32_t apply(uint32_t which, int32_t x) { return operations[which % 3](x); }
