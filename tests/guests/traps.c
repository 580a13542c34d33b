// Test guest for tests/WitHost.Bindings.Tests/wit/traps.wit: each export breaks one rule of the
// Canonical ABI on purpose (a discriminant out of range, a pointer outside memory or misaligned),
// so the host's lifting must trap instead of returning a value. Built by build-guests.sh.
#include <stdint.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

IMPORT("$root", "take-color") void take_color(int32_t color);

static _Alignas(8) uint32_t ret_area[4];

EXPORT("bad-enum") int32_t bad_enum(void) { return 3; }

EXPORT("bad-option") uint32_t *bad_option(void) {
    ret_area[0] = 2;
    ret_area[1] = 5;
    return ret_area;
}

EXPORT("bad-variant") uint32_t *bad_variant(void) {
    ret_area[0] = 7;
    ret_area[1] = 5;
    return ret_area;
}

EXPORT("string-out-of-bounds") uint32_t *string_out_of_bounds(void) {
    ret_area[0] = 0xFFFFFF00u;
    ret_area[1] = 16;
    return ret_area;
}

EXPORT("misaligned-list") uint32_t *misaligned_list(void) {
    ret_area[0] = (uint32_t)(uintptr_t)ret_area + 1;
    ret_area[1] = 1;
    return ret_area;
}

EXPORT("bad-return-area") uint32_t bad_return_area(void) { return 0xFFFFFFF0u; }

EXPORT("call-take-color-badly") void call_take_color_badly(void) { take_color(9); }
