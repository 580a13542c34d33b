/*
 * WitHost's additions to libiwasm: stopping a running guest from another thread.
 *
 * WAMR 1.1.2 built with WAMR_BUILD_THREAD_MGR=1 makes its interpreter test
 * exec_env->suspend_flags at every branch (br, br_if, br_table) and every call; when bit 0
 * ("terminate") is set the interpreter returns from the running function at once. WAMR only
 * exposes that flag through its thread manager's cluster API, which is meant for wasm threads
 * and is not part of the public embedding API, so this file sets it directly.
 *
 * The managed runtime (runtime-wamr/WitHost.Wamr/Native/WamrInterrupt.cs) looks these symbols up
 * by name: a libiwasm that lacks them cannot stop a guest, and deadlines then fail with a
 * message that says so instead of silently never firing.
 */
#include "wasm_export.h"
#include "wasm_exec_env.h"
#include "wasm_runtime_common.h"

/* Raised when this file's contract with the managed side changes. */
#define WITHOST_INTERRUPT_VERSION 1

__attribute__((visibility("default"))) int
withost_interrupt_version(void)
{
    return WITHOST_INTERRUPT_VERSION;
}

/*
 * Stops the guest running on exec_env, from any thread. The exception is set first: when the
 * interpreter sees the terminate flag it returns without setting one, and the call must be
 * reported as failed, not as a success with whatever the operand stack held. A guest that is
 * not running at all is simply left with the flag set: every later call on this exec env
 * stops at its first branch or call, which is what a faulted instance needs.
 */
__attribute__((visibility("default"))) void
withost_interrupt(wasm_exec_env_t exec_env, const char *message)
{
    wasm_runtime_set_exception(wasm_runtime_get_module_inst(exec_env), message);
    __atomic_or_fetch(&exec_env->suspend_flags.flags, 1u, __ATOMIC_SEQ_CST);
}

/*
 * The thread manager gives every exec env of a module instance a slice of the guest's shadow
 * stack (the region __stack_pointer walks: 1/(max_thread_num + 1) of it), so that wasm threads
 * could share one memory. WitHost runs one exec env per instance and no wasm threads, so the
 * instance's exec env gets the whole shadow stack back, as it has without the thread manager.
 * Call before the first call on exec_env. Returns whether the module has a shadow stack.
 */
__attribute__((visibility("default"))) bool
withost_exec_env_use_whole_aux_stack(wasm_exec_env_t exec_env)
{
    uint32 start, size;
    if (!wasm_exec_env_get_aux_stack(exec_env, &start, &size)) {
        return false;
    }
    return wasm_exec_env_set_aux_stack(exec_env, start, size);
}
