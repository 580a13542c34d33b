// A plugin that wants much more memory than its input: it repeats the input until the result
// is 4 MiB. Under the host's memory limit malloc fails (memory.grow is refused), and the plugin
// says so with an error instead of a result.
#include <stdio.h>

#define PLUGIN_NAME "greedy"
#include "plugin.h"

#define TARGET_BYTES (4u << 20)

// The block is handed to the outside world through a volatile store, so the optimizer cannot
// see that it is never read and leave the allocation out.
static char *volatile filled;

static bool plugin_transform(string_t input, string_t *out) {
    if (input.len == 0) {
        *out = input;
        return true;
    }
    size_t copies = TARGET_BYTES / input.len + 1;
    size_t size = copies * input.len;
    char *block = malloc(size);
    if (block == NULL) {
        string_free(input);
        char text[64];
        int len = snprintf(text, sizeof text, "out of memory: wanted %zu bytes", size);
        *out = string_copy(text, (size_t)len);
        return false;
    }
    for (size_t i = 0; i < copies; i++) memcpy(block + i * input.len, input.ptr, input.len);
    string_free(input);
    filled = block;
    // Keep the host's output short: report the size, not the 4 MiB.
    free(filled);
    char text[64];
    int len = snprintf(text, sizeof text, "%zu bytes", size);
    *out = string_copy(text, (size_t)len);
    return true;
}
