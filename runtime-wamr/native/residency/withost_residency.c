/*
 * WitHost's addition to libiwasm: giving back the pages of a new instance that hold nothing.
 *
 * WAMR 1.1.2 allocates an instance's linear memory and its execution environment's operand
 * stack with malloc and then zeroes them whole (memory_instantiate, wasm_exec_env_create), so
 * every page of both is resident from the start, used or not: for a guest with two pages of
 * memory and the default 64 KiB stack, about 190 KiB per instance of which the guest typically
 * touches a few pages. WAMR maps memory lazily only with its hardware bounds checks, which
 * WitHost cannot use (they install a SIGSEGV handler beside the CLR's: docs/native.md).
 *
 * So after instantiation the managed runtime asks for the pages that still hold only zeros to
 * be dropped with madvise(MADV_DONTNEED). Both blocks come from malloc, so they are private
 * anonymous memory, where a dropped page reads as zeros again when next touched: the guest and
 * WAMR see exactly the bytes they saw before. Only whole pages inside a block are dropped, and
 * only pages found to be all zeros, so nothing else that shares a page with a block (malloc's
 * own headers, a neighbouring allocation) is touched.
 */
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#include "wasm_export.h"
#include "wasm_exec_env.h"
#include "wasm_runtime_common.h"
#include "wasm_runtime.h"

/* Raised when this file's contract with the managed side changes. */
#define WITHOST_RESIDENCY_VERSION 2

__attribute__((visibility("default"))) int
withost_residency_version(void)
{
    return WITHOST_RESIDENCY_VERSION;
}

static int
page_is_zero(const uint8_t *page, size_t page_size)
{
    /* Pages are page-aligned, so whole aligned words; OR-ing them keeps the loop branch-free
     * enough for the compiler to vectorise. */
    const uint64_t *word = (const uint64_t *)page;
    const uint64_t *end = (const uint64_t *)(page + page_size);
    uint64_t any = 0;
    for (; word < end; word++) {
        any |= *word;
    }
    return any == 0;
}

/* Drops the all-zero pages wholly inside [start, start + length); returns the bytes dropped. */
static uint64_t
release_zero_pages(uint8_t *start, uint64_t length)
{
    size_t page_size = (size_t)sysconf(_SC_PAGESIZE);
    uintptr_t first = ((uintptr_t)start + page_size - 1) & ~(uintptr_t)(page_size - 1);
    uintptr_t end = ((uintptr_t)start + length) & ~(uintptr_t)(page_size - 1);
    uint64_t released = 0;
    uintptr_t run = 0; /* start of the current run of zero pages, 0: none */
    for (uintptr_t page = first; page < end; page += page_size) {
        if (page_is_zero((const uint8_t *)page, page_size)) {
            if (run == 0) {
                run = page;
            }
            continue;
        }
        if (run != 0 && madvise((void *)run, page - run, MADV_DONTNEED) == 0) {
            released += page - run;
        }
        run = 0;
    }
    if (run != 0 && end > run && madvise((void *)run, end - run, MADV_DONTNEED) == 0) {
        released += end - run;
    }
    return released;
}

/*
 * Drops the all-zero pages of the instance's linear memory (memory 0) and of the unused part
 * of exec_env's operand stack. Call it only while no call runs on the instance. Returns the
 * bytes given back.
 */
__attribute__((visibility("default"))) uint64_t
withost_release_zero_pages(wasm_module_inst_t module_inst, wasm_exec_env_t exec_env)
{
    uint64_t released = 0;
    uint32_t app_start, app_end;
    if (wasm_runtime_get_app_addr_range(module_inst, 0, &app_start, &app_end)
        && app_end > app_start) {
        uint8_t *memory = wasm_runtime_addr_app_to_native(module_inst, app_start);
        if (memory != NULL) {
            released += release_zero_pages(memory, (uint64_t)app_end - app_start);
        }
    }
    if (exec_env != NULL && exec_env->wasm_stack.s.top_boundary > exec_env->wasm_stack.s.top) {
        released += release_zero_pages(
            exec_env->wasm_stack.s.top,
            (uint64_t)(exec_env->wasm_stack.s.top_boundary - exec_env->wasm_stack.s.top));
    }
    return released;
}

/*
 * The address of the byte size of the instance's linear memory (memory 0), or NULL when it has
 * none. WAMR keeps the memory's description in one place for the instance's lifetime and updates
 * the size there when the guest grows the memory (the data itself may move), so the managed
 * runtime reads the word after a call to see whether the memory grew: a load, where asking
 * wasm_runtime_get_app_addr_range would be a native call on every call. Valid until the instance
 * is deinstantiated.
 */
__attribute__((visibility("default"))) const uint32_t *
withost_memory_size_cell(wasm_module_inst_t module_inst)
{
    WASMMemoryInstance *memory = wasm_get_default_memory((WASMModuleInstance *)module_inst);
    return memory != NULL ? &memory->memory_data_size : NULL;
}

/*
 * The address of the pointer to the instance's linear memory (memory 0), or NULL when it has none.
 * WAMR sets it where it keeps the size (withost_memory_size_cell) and moves the data when the guest
 * grows the memory, so the two words are what wasm_runtime_get_app_addr_range and
 * wasm_runtime_addr_app_to_native(module_inst, 0) answer: the managed runtime reads them instead
 * of making those two native calls each time it looks the memory up (after each call into the
 * guest that a string or list crosses). Valid until the instance is deinstantiated.
 */
__attribute__((visibility("default"))) uint8_t *const *
withost_memory_data_cell(wasm_module_inst_t module_inst)
{
    WASMMemoryInstance *memory = wasm_get_default_memory((WASMModuleInstance *)module_inst);
    return memory != NULL ? &memory->memory_data : NULL;
}
