// Test guest with a 1 KiB shadow stack that tells WAMR where it is (exports __heap_base and
// __data_end, as Rust guests do). WAMR's thread manager shares a shadow stack out between an
// instance's threads and refuses to create an execution environment when a share would be
// under 256 bytes. Built by build-guests.sh.
#include <stdint.h>

__attribute__((export_name("add"))) int32_t add(int32_t a, int32_t b) { return a + b; }
