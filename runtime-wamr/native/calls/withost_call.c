/*
 * WitHost's addition to libiwasm: a cheaper call into compiled (AOT) code and the interpreter.
 *
 * wasm_runtime_call_wasm reaches a compiled function through WAMR's general machinery: the
 * argument conversion for reference types, aot_call_function, then wasm_runtime_invoke_native,
 * which rebuilds the arguments for the native calling convention in zeroed 256-byte buffers and
 * enters the code through an assembly trampoline. For a function whose parameters and result
 * are integers, which is every core export of a component that takes and returns no floats,
 * none of that is needed: the compiled function is a native function
 * `result f(exec_env, param...)`, and the arguments can be passed as they are. Measured with
 * callgrind (docs/benchmarks.md), the general path costs about 400 instructions per call.
 *
 * Everything that call path guarantees is kept: the execution environment's native stack
 * boundary is set for the calling thread before the call (the compiled code checks the stack
 * against it), a trap is the exception the compiled code set, and `proc_exit` from WASI is a
 * normal return, as in aot_call_function. Anything else (a float anywhere in the signature, more
 * than eight parameters, several results) goes through wasm_runtime_call_wasm.
 *
 * An interpreted function is entered at the interpreter's own entry, wasm_interp_call_wasm,
 * rather than through wasm_runtime_call_wasm and wasm_call_function (about 105 instructions a
 * call, docs/benchmarks.md). In this build (no hardware bound checks, so no signal handler, jump
 * buffer or thread-local exec_env around the call) those two do, for a function without externref
 * in its signature: check exec_env's operand stack, set the thread's stack boundary, call
 * wasm_interp_call_wasm with the function's own parameter cell count, treat WASI's proc_exit as
 * a return, and report whether an exception is set. All of that is done here too, the boundary
 * only when the thread changed; an externref in the signature (WAMR converts it to and from a
 * table index) or an imported function takes WAMR's path.
 *
 * Setting the boundary costs about 60 instructions a call (pthread_self, WAMR's thread-local
 * cache of the stack's end), for a value that changes only when another thread calls the
 * instance. withost_call_wasm_same_thread leaves it as it is: the caller uses it only when it
 * knows that the last call on exec_env, with nothing else on it since, was made by the calling
 * thread, which set the boundary then. WitHost knows it from a number its threads never share
 * (WamrRuntime.PrepareCoreCall); a thread's id or pthread_t would not do, since a new thread may
 * get a dead one's, with another stack.
 */
#include <string.h>

#include "wasm_export.h"
#include "wasm_exec_env.h"
#include "wasm_runtime_common.h"
#if WASM_ENABLE_AOT != 0
#include "aot_runtime.h"
#endif
#if WASM_ENABLE_INTERP != 0
#include "wasm_interp.h"
#include "wasm_runtime.h"
#endif

/*
 * Passing every parameter in a 64-bit integer slot is the native calling convention of these
 * two architectures for any mix of i32 and i64 parameters (an i32 is read from the low half of
 * its register or stack slot), and the arguments a function does not take are ignored by it:
 * the caller places and removes them. Elsewhere every call takes WAMR's general path.
 */
#if WASM_ENABLE_AOT != 0 && (defined(__x86_64__) || defined(__aarch64__))
#define WITHOST_DIRECT_CALLS 1
#define WITHOST_DIRECT_MAX_PARAMS 8
typedef uint64 (*direct_function)(WASMExecEnv *, uint64, uint64, uint64, uint64, uint64,
                                  uint64, uint64, uint64);
#else
#define WITHOST_DIRECT_CALLS 0
#endif

#if WITHOST_DIRECT_CALLS
/* Reads the parameters from argv's cells into slots; false when one is not an integer. */
static bool
integer_parameters(const WASMType *type, const uint32 *argv, uint64 *slots)
{
    uint32 cell = 0;
    for (uint32 i = 0; i < type->param_count; i++) {
        switch (type->types[i]) {
            case VALUE_TYPE_I32:
                slots[i] = argv[cell++];
                break;
            case VALUE_TYPE_I64:
                slots[i] = (uint64)argv[cell] | ((uint64)argv[cell + 1] << 32);
                cell += 2;
                break;
            default:
                return false;
        }
    }
    return true;
}
#endif

/* What wasm_runtime_get_exception reads, for an instance of either kind (both are a
   WASMModuleInstance in this WAMR), without its two calls through the library's PLT. */
static inline const char *
exception_of(WASMModuleInstanceCommon *instance)
{
    const char *exception = ((WASMModuleInstance *)instance)->cur_exception;
    return exception[0] != '\0' ? exception : NULL;
}

/* The end of a call, as wasm_call_function and aot_call_function end it: WASI's proc_exit ends
   the guest's work by trapping, and WAMR treats it as a return; any other exception is a trap. */
static inline bool
finish_call(WASMModuleInstanceCommon *instance)
{
    const char *exception = exception_of(instance);
    if (exception == NULL)
        return true;
    if (strcmp(exception, "Exception: wasi proc exit") != 0)
        return false;
    wasm_runtime_set_exception(instance, NULL);
    return true;
}

#if WASM_ENABLE_INTERP != 0
/* Whether type has an externref parameter or result, which WAMR's entry converts. */
static bool
has_externref(const WASMType *type)
{
    for (uint32 i = 0; i < (uint32)type->param_count + type->result_count; i++) {
        if (type->types[i] == VALUE_TYPE_EXTERNREF)
            return true;
    }
    return false;
}

/*
 * Calls the interpreted function as wasm_runtime_call_wasm does (see the top of this file), or
 * through it when the function is imported or has an externref in its signature.
 */
static bool
call_interpreted(wasm_exec_env_t exec_env, WASMFunctionInstance *function, uint32 argc,
                 uint32 *argv, bool set_thread_info, bool own_plain)
{
    WASMModuleInstance *instance = (WASMModuleInstance *)exec_env->module_inst;

    if (!own_plain
        && (function->is_import_func || has_externref(function->u.func->func_type)))
        return wasm_runtime_call_wasm(exec_env, (wasm_function_inst_t)function, argc, argv);
    /* wasm_runtime_call_wasm's check of the operand stack (wasm_runtime_exec_env_check). */
    if (exec_env->wasm_stack_size == 0
        || exec_env->wasm_stack.s.top_boundary
               != exec_env->wasm_stack.s.bottom + exec_env->wasm_stack_size
        || exec_env->wasm_stack.s.top > exec_env->wasm_stack.s.top_boundary)
        return false;
    /* As wasm_call_function does before every call: the thread may differ from the last one. */
    if (set_thread_info)
        wasm_exec_env_set_thread_info(exec_env);
    /* WAMR's entry passes the function's own cell count, whatever argc the caller gave. */
    wasm_interp_call_wasm(instance, exec_env, function, function->param_cell_num, argv);
    return finish_call(exec_env->module_inst);
}
#endif

/*
 * Calls function on exec_env as wasm_runtime_call_wasm does (same arguments, same results in
 * argv, same exception on a trap), directly when the function is compiled code with an integer
 * signature, at the interpreter's entry when it is interpreted; set_thread_info: whether such a
 * call sets the thread's stack boundary first; own_plain: the caller knows the function is the
 * module's own (not an import) and has no externref in its signature, so an interpreted call
 * need not test either.
 */
static inline bool
call_wasm(wasm_exec_env_t exec_env, wasm_function_inst_t function, uint32 argc, uint32 *argv,
          bool set_thread_info, bool own_plain)
{
#if WITHOST_DIRECT_CALLS
#if WASM_ENABLE_INTERP != 0
    /* Before anything a compiled call needs: an interpreted call would pay for zeroing slots. */
    if (exec_env->module_inst->module_type == Wasm_Module_Bytecode)
        return call_interpreted(exec_env, (WASMFunctionInstance *)function, argc, argv,
                                set_thread_info, own_plain);
#endif
    WASMModuleInstanceCommon *instance = exec_env->module_inst;
    AOTFunctionInstance *compiled = (AOTFunctionInstance *)function;
    const WASMType *type;
    uint64 slots[WITHOST_DIRECT_MAX_PARAMS] = { 0 };
    uint8 result_type;

    if (instance->module_type != Wasm_Module_AoT || compiled->is_import_func)
        return wasm_runtime_call_wasm(exec_env, function, argc, argv);
    type = compiled->u.func.func_type;
    result_type = type->result_count ? type->types[type->param_count] : 0;
    if (type->param_count > WITHOST_DIRECT_MAX_PARAMS || type->result_count > 1
        || argc < type->param_cell_num
        || (type->result_count == 1 && result_type != VALUE_TYPE_I32
            && result_type != VALUE_TYPE_I64)
        || !integer_parameters(type, argv, slots))
        return wasm_runtime_call_wasm(exec_env, function, argc, argv);

    /* As aot_call_function does before every call: the thread may differ from the last one. */
    if (set_thread_info)
        wasm_exec_env_set_thread_info(exec_env);
    uint64 result = ((direct_function)compiled->u.func.func_ptr)(
        exec_env, slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6],
        slots[7]);

    if (exception_of(instance) != NULL)
        return finish_call(instance);
    if (type->result_count == 1) {
        argv[0] = (uint32)result;
        if (result_type == VALUE_TYPE_I64)
            argv[1] = (uint32)(result >> 32);
    }
    return true;
#else
#if WASM_ENABLE_INTERP != 0
    if (exec_env->module_inst->module_type == Wasm_Module_Bytecode)
        return call_interpreted(exec_env, (WASMFunctionInstance *)function, argc, argv,
                                set_thread_info, own_plain);
#endif
    (void)set_thread_info;
    (void)own_plain;
    return wasm_runtime_call_wasm(exec_env, function, argc, argv);
#endif
}

/* Calls function on exec_env as wasm_runtime_call_wasm does; see call_wasm. */
__attribute__((visibility("default"))) bool
withost_call_wasm(wasm_exec_env_t exec_env, wasm_function_inst_t function, uint32 argc,
                  uint32 *argv)
{
    return call_wasm(exec_env, function, argc, argv, true, false);
}

/*
 * withost_call_wasm for a caller whose thread made the last call on exec_env, with nothing
 * else on it since: the stack boundary set then is this thread's (see the top of this file).
 */
__attribute__((visibility("default"))) bool
withost_call_wasm_same_thread(wasm_exec_env_t exec_env, wasm_function_inst_t function,
                              uint32 argc, uint32 *argv)
{
    return call_wasm(exec_env, function, argc, argv, false, false);
}

/*
 * withost_call_wasm for a function the caller knows is the module's own (not an import) with no
 * externref in its signature (WitHost's module reader refuses reference types in signatures):
 * an interpreted call skips testing both.
 */
__attribute__((visibility("default"))) bool
withost_call_own(wasm_exec_env_t exec_env, wasm_function_inst_t function, uint32 argc,
                 uint32 *argv)
{
    return call_wasm(exec_env, function, argc, argv, true, true);
}

/* withost_call_own for a caller whose thread made the last call on exec_env (see above). */
__attribute__((visibility("default"))) bool
withost_call_own_same_thread(wasm_exec_env_t exec_env, wasm_function_inst_t function,
                             uint32 argc, uint32 *argv)
{
    return call_wasm(exec_env, function, argc, argv, false, true);
}
