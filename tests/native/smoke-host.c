/*
 * A small C host over libiwasm's embedding API, built for another machine than the build
 * machine's (linux-arm64, run under qemu-user) to show that a cross-compiled libiwasm works
 * there: tests/native/run-smoke-host.sh builds and runs it.
 *
 *   smoke-host <core.wasm>
 *
 * It initialises the runtime as WitHost.Wamr does (system allocator, one thread), serves the
 * guest's host imports as raw natives (the registration the managed runtime uses), loads
 * tests/guests/core.wasm and calls it: scalars of every kind, a guest that calls the host, a
 * trap, and a runaway loop stopped from another thread with withost_interrupt. Each check prints
 * one line; the exit code is 0 when every check passed, 1 when one failed, 2 for a usage or
 * setup error before any check.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "wasm_export.h"

/* WitHost's additions to libiwasm (runtime-wamr/native/interrupt/withost_interrupt.c). */
int withost_interrupt_version(void);
void withost_interrupt(wasm_exec_env_t exec_env, const char *message);
bool withost_exec_env_use_whole_aux_stack(wasm_exec_env_t exec_env);

static int checks, failures;

static void check(bool ok, const char *what, const char *detail)
{
    printf("%s %s%s%s\n", ok ? "ok" : "FAILED", what, detail ? ": " : "", detail ? detail : "");
    checks++;
    if (!ok) failures++;
}

/* Raw natives: arguments and the result share one array of 64-bit slots. */
static void host_add(wasm_exec_env_t exec_env, uint64_t *args)
{
    (void)exec_env;
    int32_t a = (int32_t)args[0], b = (int32_t)args[1];
    *(int32_t *)&args[0] = a + b;
}

static void host_identity_i64(wasm_exec_env_t exec_env, uint64_t *args)
{
    (void)exec_env;
    (void)args; /* the argument slot is the result slot */
}

static void host_scale_f64(wasm_exec_env_t exec_env, uint64_t *args)
{
    (void)exec_env;
    double v;
    float f;
    memcpy(&v, &args[0], sizeof v);
    memcpy(&f, &args[1], sizeof f);
    double result = v * f;
    memcpy(&args[0], &result, sizeof result);
}

static NativeSymbol host_symbols[] = {
    { "add", (void *)host_add, "(ii)i", NULL },
    { "identity-i64", (void *)host_identity_i64, "(I)I", NULL },
    { "scale-f64", (void *)host_scale_f64, "(Ff)F", NULL },
};

static wasm_module_inst_t instance;
static wasm_exec_env_t exec_env;

/* Calls export `name`; false (with the guest's exception in `error`) when it trapped. */
static bool call(const char *name, uint32_t num_args, wasm_val_t *args, uint32_t num_results,
                 wasm_val_t *results, char *error, size_t error_size)
{
    wasm_function_inst_t function = wasm_runtime_lookup_function(instance, name, NULL);
    if (!function) {
        snprintf(error, error_size, "no export '%s'", name);
        return false;
    }
    if (wasm_runtime_call_wasm_a(exec_env, function, num_results, results, num_args, args)) {
        return true;
    }
    const char *exception = wasm_runtime_get_exception(instance);
    snprintf(error, error_size, "%s", exception ? exception : "(no exception)");
    wasm_runtime_clear_exception(instance);
    return false;
}

static void *interrupt_after_100_ms(void *unused)
{
    (void)unused;
    struct timespec delay = { 0, 100 * 1000 * 1000 };
    nanosleep(&delay, NULL);
    withost_interrupt(exec_env, "stopped by the smoke host");
    return NULL;
}

static uint8_t *read_file(const char *path, uint32_t *size)
{
    FILE *file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    long length = ftell(file);
    fseek(file, 0, SEEK_SET);
    uint8_t *bytes = malloc(length > 0 ? (size_t)length : 1);
    if (bytes && fread(bytes, 1, (size_t)length, file) != (size_t)length) {
        free(bytes);
        bytes = NULL;
    }
    fclose(file);
    *size = (uint32_t)length;
    return bytes;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: smoke-host <core.wasm>\n");
        return 2;
    }
    uint32_t size;
    uint8_t *bytes = read_file(argv[1], &size);
    if (!bytes) {
        fprintf(stderr, "smoke-host: cannot read %s\n", argv[1]);
        return 2;
    }

    RuntimeInitArgs init;
    memset(&init, 0, sizeof init);
    init.mem_alloc_type = Alloc_With_System_Allocator;
    init.max_thread_num = 1;
    if (!wasm_runtime_full_init(&init)) {
        fprintf(stderr, "smoke-host: wasm_runtime_full_init failed\n");
        return 2;
    }
    wasm_runtime_register_natives_raw("test:core/host", host_symbols,
                                      sizeof host_symbols / sizeof host_symbols[0]);

    char error[256];
    wasm_module_t module = wasm_runtime_load(bytes, size, error, sizeof error);
    if (!module) {
        fprintf(stderr, "smoke-host: loading %s failed: %s\n", argv[1], error);
        return 2;
    }
    instance = wasm_runtime_instantiate(module, 64 * 1024, 0, error, sizeof error);
    if (!instance) {
        fprintf(stderr, "smoke-host: instantiating failed: %s\n", error);
        return 2;
    }
    exec_env = wasm_runtime_create_exec_env(instance, 64 * 1024);
    withost_exec_env_use_whole_aux_stack(exec_env);
    if (wasm_runtime_lookup_function(instance, "_initialize", NULL)
        && !call("_initialize", 0, NULL, 0, NULL, error, sizeof error)) {
        fprintf(stderr, "smoke-host: _initialize failed: %s\n", error);
        return 2;
    }

    char detail[300];
    check(withost_interrupt_version() == 1, "withost_interrupt_version() == 1", NULL);

    wasm_val_t args[2], results[1];
    bool ok;

    args[0] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 40 };
    args[1] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 2 };
    ok = call("add-i32", 2, args, 1, results, error, sizeof error);
    check(ok && results[0].of.i32 == 42, "add-i32(40, 2) == 42", ok ? NULL : error);

    args[0] = (wasm_val_t){ .kind = WASM_I64, .of.i64 = INT64_C(1) << 40 };
    args[1] = (wasm_val_t){ .kind = WASM_I64, .of.i64 = -3 };
    ok = call("add-i64", 2, args, 1, results, error, sizeof error);
    check(ok && results[0].of.i64 == (INT64_C(1) << 40) - 3, "add-i64(2^40, -3) == 2^40 - 3", ok ? NULL : error);

    args[0] = (wasm_val_t){ .kind = WASM_F64, .of.f64 = 1.5 };
    args[1] = (wasm_val_t){ .kind = WASM_F64, .of.f64 = -4.25 };
    ok = call("mul-f64", 2, args, 1, results, error, sizeof error);
    check(ok && results[0].of.f64 == -6.375, "mul-f64(1.5, -4.25) == -6.375", ok ? NULL : error);

    /* The guest calls the host's add and multiplies its answer by 10. */
    args[0] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 4 };
    args[1] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 5 };
    ok = call("call-host-add", 2, args, 1, results, error, sizeof error);
    check(ok && results[0].of.i32 == 90, "call-host-add(4, 5) == 90 through the host", ok ? NULL : error);

    args[0] = (wasm_val_t){ .kind = WASM_F64, .of.f64 = 2.5 };
    args[1] = (wasm_val_t){ .kind = WASM_F32, .of.f32 = 4.0f };
    ok = call("call-host-f64", 2, args, 1, results, error, sizeof error);
    check(ok && results[0].of.f64 == 10.0, "call-host-f64(2.5, 4) == 10 through the host", ok ? NULL : error);

    /* The LCG the guest runs, computed here too. */
    uint32_t expected = 7;
    for (uint32_t i = 0; i < 100000; i++) expected = expected * 1664525u + 1013904223u;
    args[0] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 7 };
    args[1] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 100000 };
    ok = call("spin", 2, args, 1, results, error, sizeof error);
    check(ok && (uint32_t)results[0].of.i32 == expected, "spin(7, 100000) matches the host's LCG", ok ? NULL : error);

    args[0] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 1 };
    args[1] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 0 };
    ok = call("trap-divide-by-zero", 2, args, 1, results, error, sizeof error);
    snprintf(detail, sizeof detail, "%s", ok ? "returned" : error);
    check(!ok && strstr(error, "integer divide by zero"), "trap-divide-by-zero(1, 0) traps", detail);

    /* Four billion iterations: only the interrupt from the other thread ends it in time. */
    pthread_t interrupter;
    pthread_create(&interrupter, NULL, interrupt_after_100_ms, NULL);
    args[0] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = 1 };
    args[1] = (wasm_val_t){ .kind = WASM_I32, .of.i32 = -1 };
    ok = call("spin", 2, args, 1, results, error, sizeof error);
    pthread_join(interrupter, NULL);
    snprintf(detail, sizeof detail, "%s", ok ? "returned" : error);
    check(!ok && strstr(error, "stopped by the smoke host"), "spin(1, 2^32 - 1) is stopped by withost_interrupt", detail);

    wasm_runtime_destroy_exec_env(exec_env);
    wasm_runtime_deinstantiate(instance);
    wasm_runtime_unload(module);
    wasm_runtime_destroy();
    free(bytes);
    printf("smoke-host: %d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
