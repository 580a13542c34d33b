// A guest importing the plain WASI 0.2 functions (no resources) by the core names a
// wasm32-wasip2 main module uses: randomness, the clocks, the command-line environment and the
// exits (0.2's exit and exit-with-code, and preview1's proc_exit beside them).
// Each export calls one import and hands its result to the host as the import's core signature
// left it (values, or a pointer to the area the host wrote through), so the tests read exactly
// what the runtime lowered.
#include <wasi/api.h>

#include "cabi.h"

IMPORT("wasi:random/random@0.2.4", "get-random-bytes")
void wasip2_get_random_bytes(uint64_t len, void *ret);
IMPORT("wasi:random/random@0.2.4", "get-random-u64")
uint64_t wasip2_get_random_u64(void);
IMPORT("wasi:random/insecure@0.2.4", "get-insecure-random-bytes")
void wasip2_get_insecure_random_bytes(uint64_t len, void *ret);
IMPORT("wasi:random/insecure@0.2.4", "get-insecure-random-u64")
uint64_t wasip2_get_insecure_random_u64(void);
// Another 0.2 version than the rest: each import names its own.
IMPORT("wasi:random/insecure-seed@0.2.0", "insecure-seed")
void wasip2_insecure_seed(void *ret);
IMPORT("wasi:clocks/monotonic-clock@0.2.4", "now")
uint64_t wasip2_monotonic_now(void);
IMPORT("wasi:clocks/monotonic-clock@0.2.4", "resolution")
uint64_t wasip2_monotonic_resolution(void);
IMPORT("wasi:clocks/wall-clock@0.2.4", "now")
void wasip2_wall_now(void *ret);
IMPORT("wasi:clocks/wall-clock@0.2.4", "resolution")
void wasip2_wall_resolution(void *ret);
IMPORT("wasi:cli/environment@0.2.4", "get-environment")
void wasip2_get_environment(void *ret);
IMPORT("wasi:cli/environment@0.2.4", "get-arguments")
void wasip2_get_arguments(void *ret);
IMPORT("wasi:cli/environment@0.2.4", "initial-cwd")
void wasip2_initial_cwd(void *ret);
IMPORT("wasi:cli/exit@0.2.4", "exit")
void wasip2_exit(int32_t is_error);
// status-code is a u8, which the Canonical ABI passes in an i32: the guest passes any i32, to
// show how the host lifts it.
IMPORT("wasi:cli/exit@0.2.4", "exit-with-code")
void wasip2_exit_with_code(int32_t status_code);

// A list's (pointer, length), a datetime { seconds: u64, nanoseconds: u32 }, an option<string>,
// each where the import wrote it (aligned as the Canonical ABI lays them out).
static _Alignas(8) uint8_t result_area[16];
// Set by the code after an exit: it stays 0 when exit ends the guest's work.
static int32_t ran_after_exit;

EXPORT("random-bytes")
void *random_bytes(uint64_t len) { wasip2_get_random_bytes(len, result_area); return result_area; }

EXPORT("random-u64")
uint64_t random_u64(void) { return wasip2_get_random_u64(); }

EXPORT("insecure-random-bytes")
void *insecure_random_bytes(uint64_t len) { wasip2_get_insecure_random_bytes(len, result_area); return result_area; }

EXPORT("insecure-random-u64")
uint64_t insecure_random_u64(void) { return wasip2_get_insecure_random_u64(); }

EXPORT("insecure-seed")
void *insecure_seed(void) { wasip2_insecure_seed(result_area); return result_area; }

EXPORT("monotonic-now")
uint64_t monotonic_now(void) { return wasip2_monotonic_now(); }

EXPORT("monotonic-resolution")
uint64_t monotonic_resolution(void) { return wasip2_monotonic_resolution(); }

EXPORT("wall-now")
void *wall_now(void) { wasip2_wall_now(result_area); return result_area; }

EXPORT("wall-resolution")
void *wall_resolution(void) { wasip2_wall_resolution(result_area); return result_area; }

EXPORT("environment")
void *environment(void) { wasip2_get_environment(result_area); return result_area; }

EXPORT("arguments")
void *arguments(void) { wasip2_get_arguments(result_area); return result_area; }

EXPORT("initial-cwd")
void *initial_cwd(void) { wasip2_initial_cwd(result_area); return result_area; }

EXPORT("exit")
int32_t exit_export(int32_t is_error) {
    wasip2_exit(is_error);
    ran_after_exit = 1;
    return 7;
}

EXPORT("exit-with-code")
int32_t exit_with_code_export(int32_t code) {
    wasip2_exit_with_code(code);
    ran_after_exit = 1;
    return 7;
}

EXPORT("proc-exit")
int32_t proc_exit_export(int32_t code) {
    __wasi_proc_exit((__wasi_exitcode_t)code);
    ran_after_exit = 1;
    return 7;
}

// A string result: an exit leaves its return area unwritten (the host must not read it) and
// nothing to free (the host must not run the post-return, which counts its runs).
static int32_t post_returns;

EXPORT("exit-string")
void *exit_string(int32_t is_error) {
    wasip2_exit(is_error);
    ran_after_exit = 1;
    return result_area;
}

EXPORT("cabi_post_exit-string")
void exit_string_post_return(void *area) { (void)area; post_returns++; }

EXPORT("post-returns")
int32_t post_returns_export(void) { return post_returns; }

EXPORT("ran-after-exit")
int32_t ran_after_exit_export(void) { return ran_after_exit; }
