// The Canonical ABI glue of the plugin world (wit/plugin.wit), shared by the plugins in this
// folder. A plugin defines its name before including it, and then its transform:
//
//   #define PLUGIN_NAME "..."
//   #include "plugin.h"
//   // Transforms `input` (the plugin's to keep or free): true and *out for ok(*out), false and
//   // *out for err(*out); *out is a block from string_alloc, which cabi_post frees.
//   static bool plugin_transform(string_t input, string_t *out);
#ifndef PLUGIN_H
#define PLUGIN_H

// The Canonical ABI helpers (cabi_realloc, strings, UTF-8) every C guest of this repository
// shares. One copy, so a fix reaches every guest; a plugin copied out of the repository takes
// this header along.
#include "../../../tests/guests/cabi.h"

#ifndef PLUGIN_NAME
#error "define PLUGIN_NAME before including plugin.h"
#endif

static bool plugin_transform(string_t input, string_t *out);

// ---- import host ----

enum { LEVEL_INFO, LEVEL_WARN };

// The host only reads the message: it stays the plugin's.
IMPORT("example:plugins/host", "log") void import_host_log(int32_t level, const char *message, size_t message_len);

static inline void host_log(int32_t level, string_t message) { import_host_log(level, message.ptr, message.len); }

// ---- exports ----

// result<string, string>: a u8 case (0 ok, 1 err), the string at 4.
typedef struct {
    uint8_t is_err;
    string_t text;
} result_string_string_t;
_Static_assert(sizeof(result_string_string_t) == 12, "result<string, string> is 12 bytes");

static string_t ret_name;
static result_string_string_t ret_transform;

// A string result is two flat values, so it goes through a return area. The name is a literal:
// nothing to free, so there is no cabi_post_name.
EXPORT("name") string_t *plugin_export_name(void) {
    ret_name = (string_t){(char *)PLUGIN_NAME, sizeof PLUGIN_NAME - 1};
    return &ret_name;
}

EXPORT("transform") result_string_string_t *plugin_export_transform(char *ptr, size_t len) {
    string_t out = {0, 0};
    bool ok = plugin_transform((string_t){ptr, len}, &out);
    ret_transform = (result_string_string_t){ok ? 0 : 1, out};
    return &ret_transform;
}

EXPORT("cabi_post_transform") void plugin_post_transform(result_string_string_t *ret) { string_free(ret->text); }

#endif
