// The guest of the both world (tests/WitHost.Bindings.Tests/wit/both.wit), which imports and
// exports the interface test:both/tally. Built by build-guests.sh.
//
// The two sides of `tally` are two instances with two `counter` resources:
// - imported (the host's counters): module "test:both/tally", imports "[constructor]counter",
//   "[method]counter.value", "scaled" and "[resource-drop]counter"; the guest holds handles;
// - exported (the guest's counters): exports "test:both/tally#[constructor]counter",
//   "#[method]counter.value", "#scaled" and "#[dtor]counter"; the guest makes handles through
//   module "[export]test:both/tally" and receives its own reps for `self` and borrows.
#include "cabi.h"

#define TALLY "test:both/tally"
#define EXPORTED(fn) "test:both/tally#" fn
#define COUNTER_TYPE "[export]test:both/tally"

// ---- The imported tally (the host's) ----

typedef int32_t host_counter;

IMPORT(TALLY, "[constructor]counter") host_counter host_counter_new(uint32_t start);
IMPORT(TALLY, "[method]counter.value") uint32_t host_counter_value(host_counter self);
IMPORT(TALLY, "scaled") uint32_t host_scaled(host_counter c);
IMPORT(TALLY, "[resource-drop]counter") void host_counter_drop(host_counter handle);

// ---- The exported tally (the guest's) ----

typedef struct {
    uint32_t value;
} counter_t;

IMPORT(COUNTER_TYPE, "[resource-new]counter") int32_t counter_handle_new(counter_t *rep);

EXPORT(EXPORTED("[constructor]counter"))
int32_t tally_counter_new(uint32_t start) {
    counter_t *counter = alloc_block(sizeof(counter_t), _Alignof(counter_t));
    counter->value = start;
    return counter_handle_new(counter);
}

EXPORT(EXPORTED("[method]counter.value"))
uint32_t tally_counter_value(counter_t *self) { return self->value; }

EXPORT(EXPORTED("scaled"))
uint32_t tally_scaled(counter_t *c) { return c->value * 10; }

EXPORT(EXPORTED("[dtor]counter"))
void tally_counter_dtor(counter_t *rep) { free(rep); }

// ---- World exports ----

EXPORT("via-host")
uint32_t via_host(uint32_t start) {
    host_counter counter = host_counter_new(start);
    uint32_t value = host_counter_value(counter);
    uint32_t scaled = host_scaled(counter);
    host_counter_drop(counter);
    return value + scaled;
}
