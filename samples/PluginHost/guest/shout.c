// A plugin that upper-cases ASCII letters and adds "!"; it refuses an empty input.
#define PLUGIN_NAME "shout"
#include "plugin.h"

static bool plugin_transform(string_t input, string_t *out) {
    if (input.len == 0) {
        host_log(LEVEL_WARN, STR("nothing to shout"));
        *out = string_copy("empty input", 11);
        return false;
    }
    for (size_t i = 0; i < input.len; i++) {
        if (input.ptr[i] >= 'a' && input.ptr[i] <= 'z') input.ptr[i] = (char)(input.ptr[i] - 'a' + 'A');
    }
    *out = string_concat(input, STR("!"));
    string_free(input);
    return true;
}
