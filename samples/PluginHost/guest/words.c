// A plugin that logs every word of its input to the host, one call each, and returns the count.
#include <stdio.h>

#define PLUGIN_NAME "words"
#include "plugin.h"

static bool plugin_transform(string_t input, string_t *out) {
    uint32_t count = 0;
    size_t start = 0;
    for (size_t i = 0; i <= input.len; i++) {
        if (i < input.len && input.ptr[i] != ' ') continue;
        if (i > start) {
            count++;
            host_log(LEVEL_INFO, (string_t){input.ptr + start, i - start});
        }
        start = i + 1;
    }
    string_free(input);
    char text[32];
    int len = snprintf(text, sizeof text, "%u words", count);
    *out = string_copy(text, (size_t)len);
    return true;
}
