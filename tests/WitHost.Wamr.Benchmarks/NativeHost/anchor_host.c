/*
 * The C side of the call-overhead comparison (AnchorBenchmarks): a host written straight on
 * WAMR's embedding API (wasm_export.h) that calls the anchor guest (tests/guests/anchor.c,
 * wit/anchor.wit) as a careful C program would. It is built against the same libiwasm.so the
 * .NET runtime loads, and P/Invoked once per batch of calls, so the transition into it is spread
 * over the batch and what is timed is the calls themselves.
 *
 * Each call does what the Canonical ABI asks of any host, and no more:
 * - noop and add: one wasm_runtime_call_wasm on a function and exec env looked up once.
 * - upper: cabi_realloc for the argument's block, its bounds checked; the bytes copied in;
 *   the export called; its return area and the result's block bounds-checked; the bytes copied out
 *   into the caller's buffer; cabi_post_upper. It neither validates nor transcodes the text (the
 *   caller's bytes are UTF-8 already), which a .NET host, whose strings are UTF-16, must.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wasm_export.h"

#define EXPORTED __attribute__((visibility("default")))

/* WitHost's own addition to libiwasm (runtime-wamr/native/interrupt/withost_interrupt.c): the
 * .NET runtime gives each instance's exec env the whole shadow stack, so this host does too. */
bool withost_exec_env_use_whole_aux_stack(wasm_exec_env_t exec_env);

typedef struct anchor_host {
    uint8_t *bytes;
    wasm_module_t module;
    wasm_module_inst_t instance;
    wasm_exec_env_t exec_env;
    wasm_function_inst_t noop;
    wasm_function_inst_t add;
    wasm_function_inst_t upper;
    wasm_function_inst_t post_upper;
    wasm_function_inst_t realloc;
    char error[256];
} anchor_host;

static int fail(anchor_host *host, const char *what)
{
    const char *exception = host->instance ? wasm_runtime_get_exception(host->instance) : NULL;
    snprintf(host->error, sizeof host->error, "%s%s%s", what, exception ? ": " : "", exception ? exception : "");
    return -1;
}

static void ensure_thread_env(void)
{
    if (!wasm_runtime_thread_env_inited()) {
        wasm_runtime_init_thread_env();
    }
}

EXPORTED const char *anchor_host_error(anchor_host *host)
{
    return host->error;
}

/* The address of wasm_runtime_call_wasm as this library resolved it: the benchmark compares it
 * with the .NET runtime's, so both sides provably call the one libiwasm. */
EXPORTED void *anchor_host_call_wasm_address(void)
{
    return (void *)&wasm_runtime_call_wasm;
}

EXPORTED void anchor_host_delete(anchor_host *host)
{
    if (!host) return;
    if (host->instance) wasm_runtime_deinstantiate(host->instance);
    if (host->module) wasm_runtime_unload(host->module);
    free(host->bytes);
    free(host);
}

/* Loads and instantiates the anchor guest on the runtime the caller initialised (the .NET
 * engine's). Returns NULL and writes a message into error when anything fails. */
EXPORTED anchor_host *anchor_host_new(const uint8_t *wasm, uint32_t size, char *error, uint32_t error_size)
{
    ensure_thread_env();
    anchor_host *host = calloc(1, sizeof *host);
    if (!host) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    /* The loader may keep pointers into the bytes: they live as long as the module. */
    host->bytes = malloc(size);
    if (!host->bytes) {
        snprintf(error, error_size, "out of memory");
        anchor_host_delete(host);
        return NULL;
    }
    memcpy(host->bytes, wasm, size);
    host->module = wasm_runtime_load(host->bytes, size, error, error_size);
    if (!host->module) {
        anchor_host_delete(host);
        return NULL;
    }
    /* InstanceOptions' defaults: a 64 KiB operand stack, no app heap. */
    host->instance = wasm_runtime_instantiate(host->module, 64 * 1024, 0, error, error_size);
    if (!host->instance) {
        anchor_host_delete(host);
        return NULL;
    }
    host->exec_env = wasm_runtime_get_exec_env_singleton(host->instance);
    if (!host->exec_env) {
        snprintf(error, error_size, "no exec env");
        anchor_host_delete(host);
        return NULL;
    }
    withost_exec_env_use_whole_aux_stack(host->exec_env);
    host->noop = wasm_runtime_lookup_function(host->instance, "noop", NULL);
    host->add = wasm_runtime_lookup_function(host->instance, "add", NULL);
    host->upper = wasm_runtime_lookup_function(host->instance, "upper", NULL);
    host->post_upper = wasm_runtime_lookup_function(host->instance, "cabi_post_upper", NULL);
    host->realloc = wasm_runtime_lookup_function(host->instance, "cabi_realloc", NULL);
    if (!host->noop || !host->add || !host->upper || !host->post_upper || !host->realloc) {
        snprintf(error, error_size, "the guest lacks an export of wit/anchor.wit (noop, add, upper, cabi_post_upper, cabi_realloc)");
        anchor_host_delete(host);
        return NULL;
    }
    wasm_function_inst_t initialize = wasm_runtime_lookup_function(host->instance, "_initialize", NULL);
    uint32_t none[1] = {0};
    if (initialize && !wasm_runtime_call_wasm(host->exec_env, initialize, 0, none)) {
        snprintf(error, error_size, "_initialize trapped: %s", wasm_runtime_get_exception(host->instance));
        anchor_host_delete(host);
        return NULL;
    }
    return host;
}

/* Calls noop `times` times. Returns 0, or -1 (anchor_host_error says why). */
EXPORTED int anchor_host_noop(anchor_host *host, uint32_t times)
{
    ensure_thread_env();
    uint32_t argv[1];
    for (uint32_t i = 0; i < times; i++) {
        if (!wasm_runtime_call_wasm(host->exec_env, host->noop, 0, argv)) return fail(host, "noop");
    }
    return 0;
}

/* Calls add(i, b) for i in [0, times); *last gets the last result. Returns 0 or -1. */
EXPORTED int anchor_host_add(anchor_host *host, uint32_t times, int32_t b, int32_t *last)
{
    ensure_thread_env();
    uint32_t argv[2];
    for (uint32_t i = 0; i < times; i++) {
        argv[0] = i;
        argv[1] = (uint32_t)b;
        if (!wasm_runtime_call_wasm(host->exec_env, host->add, 2, argv)) return fail(host, "add");
        *last = (int32_t)argv[0];
    }
    return 0;
}

/* Calls upper(text) `times` times; each result's length bytes are copied into out (which holds
 * length bytes). Returns 0 or -1. */
EXPORTED int anchor_host_upper(anchor_host *host, const char *text, uint32_t length, uint32_t times, char *out)
{
    ensure_thread_env();
    wasm_module_inst_t instance = host->instance;
    uint32_t argv[4];
    for (uint32_t i = 0; i < times; i++) {
        argv[0] = 0;
        argv[1] = 0;
        argv[2] = 1;
        argv[3] = length;
        if (!wasm_runtime_call_wasm(host->exec_env, host->realloc, 4, argv)) return fail(host, "cabi_realloc");
        uint32_t block = argv[0];
        if (!wasm_runtime_validate_app_addr(instance, block, length)) return fail(host, "cabi_realloc returned a block outside memory");
        memcpy(wasm_runtime_addr_app_to_native(instance, block), text, length);

        argv[0] = block;
        argv[1] = length;
        if (!wasm_runtime_call_wasm(host->exec_env, host->upper, 2, argv)) return fail(host, "upper");
        uint32_t area = argv[0];
        if (area % 4 != 0 || !wasm_runtime_validate_app_addr(instance, area, 8)) return fail(host, "upper's return area is outside memory");
        const uint32_t *result = wasm_runtime_addr_app_to_native(instance, area);
        uint32_t result_block = result[0], result_length = result[1];
        if (result_length != length) return fail(host, "upper returned a string of another length");
        if (!wasm_runtime_validate_app_addr(instance, result_block, result_length)) return fail(host, "upper's result is outside memory");
        memcpy(out, wasm_runtime_addr_app_to_native(instance, result_block), result_length);

        argv[0] = area;
        if (!wasm_runtime_call_wasm(host->exec_env, host->post_upper, 1, argv)) return fail(host, "cabi_post_upper");
    }
    return 0;
}
