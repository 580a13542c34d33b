/*
 * Marks for counting instructions per call under callgrind (docs/benchmarks.md): the benchmarks'
 * `count` mode (CallCountDriver.cs) zeroes callgrind's counters before each batch of calls and
 * dumps them, named after the batch, after it. Built by hand, only for that measurement, against
 * valgrind's headers (Debian: apt-get install valgrind):
 *
 *   cc -O2 -shared -fPIC -o /tmp/libcallgrind_marks.so tests/WitHost.Wamr.Benchmarks/NativeHost/callgrind_marks.c
 *
 * Outside valgrind the client requests are a few no-op instructions.
 */
#include <valgrind/callgrind.h>

void marks_zero(void) { CALLGRIND_ZERO_STATS; }

void marks_dump(const char *name) { CALLGRIND_DUMP_STATS_AT(name); }
