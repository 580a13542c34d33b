// A plugin that rotates ASCII letters by 13 places and leaves every other character as it is.
#define PLUGIN_NAME "rot13"
#include "plugin.h"

static bool plugin_transform(string_t input, string_t *out) {
    // The input is the plugin's: rotate it in place and hand it back.
    for (size_t i = 0; i < input.len; i++) {
        char c = input.ptr[i];
        if (c >= 'a' && c <= 'z') input.ptr[i] = (char)('a' + (c - 'a' + 13) % 26);
        if (c >= 'A' && c <= 'Z') input.ptr[i] = (char)('A' + (c - 'A' + 13) % 26);
    }
    *out = input;
    return true;
}
