/*
 * withost-aotc: compiles a core wasm module to a WAMR AOT file with WAMR's own compiler
 * (core/iwasm/compilation over LLVM), with the options the WitHost runtime needs.
 *
 *   withost-aotc [--target=<arch>] [--cpu=<name>] [--cpu-features=<list>] [--opt-level=<0-3>]
 *                -o <output.aot> <input.wasm>
 *
 * Without --target the code is for this machine's CPU; with one (x86_64, aarch64, ...) it is for
 * any CPU of that architecture unless --cpu names one. Exit status 0 on success, 1 when the
 * module cannot be compiled (message on standard error), 2 on a usage error.
 *
 * Why these compiler options (docs/native.md, "AOT"):
 * - bounds checks always on: the runtime is built without hardware bound checks (no signal
 *   handlers of WAMR's in a .NET process), so compiled code must check each memory access itself,
 *   as the interpreter does; stack bound checks come with them;
 * - the thread manager's suspend flag checked at loops and calls: that is how the runtime stops a
 *   running guest (withost_interrupt sets the flag);
 * - shadow-stack (aux stack) checks, bulk memory and reference types, as in the runtime's build;
 *   no SIMD, which that build leaves out.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aot_export.h"
#include "wasm_export.h"

static int
usage(const char *message)
{
    if (message)
        fprintf(stderr, "withost-aotc: %s\n", message);
    fprintf(stderr,
            "usage: withost-aotc [--target=<arch>] [--cpu=<name>] "
            "[--cpu-features=<list>] [--opt-level=<0-3>] -o <output.aot> "
            "<input.wasm>\n");
    return 2;
}

static unsigned char *
read_whole_file(const char *path, uint32_t *size)
{
    FILE *file = fopen(path, "rb");
    unsigned char *bytes = NULL;
    long length;

    if (!file) {
        fprintf(stderr, "withost-aotc: cannot open %s: %s\n", path,
                strerror(errno));
        return NULL;
    }
    if (fseek(file, 0, SEEK_END) != 0 || (length = ftell(file)) < 0
        || fseek(file, 0, SEEK_SET) != 0) {
        fprintf(stderr, "withost-aotc: cannot read %s\n", path);
        fclose(file);
        return NULL;
    }
    if ((unsigned long)length > UINT32_MAX - 1) {
        fprintf(stderr, "withost-aotc: %s is too large for WAMR's loader\n",
                path);
        fclose(file);
        return NULL;
    }
    bytes = malloc(length ? (size_t)length : 1);
    if (!bytes || fread(bytes, 1, (size_t)length, file) != (size_t)length) {
        fprintf(stderr, "withost-aotc: cannot read %s\n", path);
        free(bytes);
        fclose(file);
        return NULL;
    }
    fclose(file);
    *size = (uint32_t)length;
    return bytes;
}

int
main(int argc, char **argv)
{
    const char *input = NULL, *output = NULL;
    AOTCompOption option;
    RuntimeInitArgs init_args;
    unsigned char *wasm = NULL;
    uint32_t wasm_size = 0;
    wasm_module_t module = NULL;
    aot_comp_data_t comp_data = NULL;
    aot_comp_context_t comp_ctx = NULL;
    char error[256];
    int status = 1;

    memset(&option, 0, sizeof(option));
    option.opt_level = 3;
    option.size_level = 3;
    option.output_format = AOT_FORMAT_FILE;
    option.bounds_checks = 1;
    option.enable_thread_mgr = true;
    option.enable_aux_stack_check = true;
    option.enable_bulk_memory = true;
    option.enable_ref_types = true;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (!strcmp(arg, "-o")) {
            if (++i == argc)
                return usage("-o needs a file name");
            output = argv[i];
        }
        else if (!strncmp(arg, "--target=", 9))
            option.target_arch = (char *)arg + 9;
        else if (!strncmp(arg, "--cpu=", 6))
            option.target_cpu = (char *)arg + 6;
        else if (!strncmp(arg, "--cpu-features=", 15))
            option.cpu_features = (char *)arg + 15;
        else if (!strncmp(arg, "--opt-level=", 12)) {
            const char *level = arg + 12;
            if (level[0] < '0' || level[0] > '3' || level[1] != '\0')
                return usage("--opt-level takes 0, 1, 2 or 3");
            option.opt_level = (uint32_t)(level[0] - '0');
        }
        else if (arg[0] == '-' && arg[1] != '\0') {
            snprintf(error, sizeof(error), "unknown option %s", arg);
            return usage(error);
        }
        else if (input)
            return usage("only one input module");
        else
            input = arg;
    }
    if (!input)
        return usage("no input module");
    if (!output)
        return usage("no output file (-o)");

    memset(&init_args, 0, sizeof(init_args));
    init_args.mem_alloc_type = Alloc_With_System_Allocator;
    /* With the compiler built in, this also initialises LLVM's targets. */
    if (!wasm_runtime_full_init(&init_args)) {
        fprintf(stderr, "withost-aotc: WAMR could not be initialised\n");
        return 1;
    }

    if (!(wasm = read_whole_file(input, &wasm_size)))
        goto done;

    if (!(module = wasm_runtime_load(wasm, wasm_size, error, sizeof(error)))) {
        fprintf(stderr, "withost-aotc: %s: the module does not load: %s\n",
                input, error);
        goto done;
    }
    if (!(comp_data = aot_create_comp_data(module))) {
        fprintf(stderr, "withost-aotc: %s: %s\n", input, aot_get_last_error());
        goto done;
    }
    if (!(comp_ctx = aot_create_comp_context(comp_data, &option))) {
        fprintf(stderr, "withost-aotc: %s\n", aot_get_last_error());
        goto done;
    }
    if (!aot_compile_wasm(comp_ctx)) {
        fprintf(stderr, "withost-aotc: %s: compiling failed: %s\n", input,
                aot_get_last_error());
        goto done;
    }
    if (!aot_emit_aot_file(comp_ctx, comp_data, output)) {
        fprintf(stderr, "withost-aotc: %s: writing failed: %s\n", output,
                aot_get_last_error());
        goto done;
    }
    status = 0;

done:
    if (comp_ctx)
        aot_destroy_comp_context(comp_ctx);
    if (comp_data)
        aot_destroy_comp_data(comp_data);
    if (module)
        wasm_runtime_unload(module);
    free(wasm);
    wasm_runtime_destroy();
    return status;
}
