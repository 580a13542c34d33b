// A plugin with a bug: it aborts (as a failed assert would) on input with a digit in it. In
// wasm, abort is the `unreachable` instruction: the call traps and the host gets the trap.
#define PLUGIN_NAME "crash"
#include "plugin.h"

static bool plugin_transform(string_t input, string_t *out) {
    for (size_t i = 0; i < input.len; i++) {
        if (input.ptr[i] >= '0' && input.ptr[i] <= '9') abort();
    }
    *out = input;
    return true;
}
