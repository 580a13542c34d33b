// The guest of wit/encodings.wit with `string-encoding=utf16`, Canonical ABI glue by hand: a
// string is (pointer, length in 16-bit code units), its pointer 2-aligned, and the host lowers
// strings with cabi_realloc(0, 0, 2, 2 * length). Built by build-guests.sh.
//
// Core names are the world's (exports by name, the import from module "$root"). Every string
// an export returns is the guest's own block, freed by its cabi_post_<export>.
#include "encodings-utf16.h"

// A UTF-16 string in memory and in flat values: (pointer, code units).
typedef struct {
    uint16_t *ptr;
    size_t len;
} u16string_t;

_Static_assert(sizeof(u16string_t) == 8, "string is (i32 ptr, i32 len)");

static u16string_t u16_alloc(size_t len) { return (u16string_t){utf16_alloc(len), len}; }

static void u16_free(u16string_t s) { utf16_free(s.ptr, s.len); }

static u16string_t u16_copy(u16string_t s) {
    u16string_t copy = u16_alloc(s.len);
    memcpy(copy.ptr, s.ptr, 2 * s.len);
    return copy;
}

static u16string_t u16_from_ascii(const char *ascii) {
    u16string_t s = u16_alloc(strlen(ascii));
    utf16_from_ascii(ascii, s.ptr);
    return s;
}

// result<string, string> in memory: a u8 discriminant, then the payload at offset 4.
typedef struct {
    uint8_t is_err;
    u16string_t value;
} result_string_string_t;

typedef struct {
    u16string_t answer;
    u16string_t form;
} tuple_string_string_t;

// One return area: only one export's result is alive at a time (the host reads it, then calls
// its cabi_post_<export>, before the next call).
static union {
    u16string_t string;
    list_t list;
    result_string_string_t result;
    tuple_string_string_t tuple;
} ret_area;

IMPORT("$root", "host-echo") void host_echo(uint16_t *ptr, size_t len, u16string_t *ret);

// reverse: (i32 ptr, i32 len) -> i32 return area.
EXPORT("reverse") u16string_t *reverse(uint16_t *ptr, size_t len) {
    ret_area.string = u16_alloc(len);
    utf16_reverse(ptr, len, ret_area.string.ptr);
    utf16_free(ptr, len);
    return &ret_area.string;
}

EXPORT("cabi_post_reverse") void post_reverse(u16string_t *ret) { u16_free(*ret); }

// length: (i32 ptr, i32 len) -> i32.
EXPORT("length") uint32_t length(uint16_t *ptr, size_t len) {
    uint32_t count = utf16_count(ptr, len);
    utf16_free(ptr, len);
    return count;
}

// echo-list: (i32 ptr, i32 len) -> i32 return area; the list and its strings are copies.
EXPORT("echo-list") list_t *echo_list(u16string_t *xs, size_t len) {
    list_t out = LIST_ALLOC(u16string_t, len);
    u16string_t *items = out.ptr;
    for (size_t i = 0; i < len; i++) {
        items[i] = u16_copy(xs[i]);
        u16_free(xs[i]);
    }
    free_block(xs, sizeof(u16string_t) * len);
    ret_area.list = out;
    return &ret_area.list;
}

EXPORT("cabi_post_echo-list") void post_echo_list(list_t *ret) {
    u16string_t *items = ret->ptr;
    for (size_t i = 0; i < ret->len; i++) u16_free(items[i]);
    LIST_FREE(u16string_t, *ret);
}

// greet: (i32 ptr, i32 len) -> i32 return area holding result<string, string>.
EXPORT("greet") result_string_string_t *greet(uint16_t *ptr, size_t len) {
    if (len == 0) {
        ret_area.result = (result_string_string_t){1, u16_from_ascii("empty name")};
        return &ret_area.result;
    }
    static const char prefix[] = "Hello, ";
    u16string_t s = u16_alloc(sizeof prefix - 1 + len + 1);
    size_t at = utf16_from_ascii(prefix, s.ptr);
    memcpy(s.ptr + at, ptr, 2 * len);
    s.ptr[at + len] = '!';
    utf16_free(ptr, len);
    ret_area.result = (result_string_string_t){0, s};
    return &ret_area.result;
}

EXPORT("cabi_post_greet") void post_greet(result_string_string_t *ret) { u16_free(ret->value); }

// form: a utf16 guest receives every string as UTF-16.
EXPORT("form") u16string_t *form(uint16_t *ptr, size_t len) {
    utf16_free(ptr, len);
    ret_area.string = u16_from_ascii("utf16");
    return &ret_area.string;
}

EXPORT("cabi_post_form") void post_form(u16string_t *ret) { u16_free(*ret); }

// widen: UTF-16 already; the argument is the guest's, so it is returned as it is.
EXPORT("widen") u16string_t *widen(uint16_t *ptr, size_t len) {
    ret_area.string = (u16string_t){ptr, len};
    return &ret_area.string;
}

EXPORT("cabi_post_widen") void post_widen(u16string_t *ret) { u16_free(*ret); }

// call-host: the host only reads the argument; its answer was lowered with cabi_realloc and is
// the guest's, returned as received.
EXPORT("call-host") tuple_string_string_t *call_host(uint16_t *ptr, size_t len) {
    u16string_t answer;
    host_echo(ptr, len, &answer);
    utf16_free(ptr, len);
    ret_area.tuple = (tuple_string_string_t){answer, u16_from_ascii("utf16")};
    return &ret_area.tuple;
}

EXPORT("cabi_post_call-host") void post_call_host(tuple_string_string_t *ret) {
    u16_free(ret->answer);
    u16_free(ret->form);
}

// bad-string: static strings that break a rule; no cabi_post, as lifting them traps.
EXPORT("bad-string") u16string_t *bad_string(uint32_t kind) {
    switch (kind) {
    case 0:
        ret_area.string = (u16string_t){(uint16_t *)lone_high_surrogate, 2};
        break;
    case 1:
        ret_area.string = (u16string_t){(uint16_t *)lone_low_surrogate, 2};
        break;
    case 2:
        ret_area.string = (u16string_t){(uint16_t *)(misaligned_source + 1), 1};
        break;
    default:
        ret_area.string = (u16string_t){(uint16_t *)(uintptr_t)OUT_OF_BOUNDS_ADDRESS, 16};
        break;
    }
    return &ret_area.string;
}

EXPORT("call-host-badly") void call_host_badly(void) {
    u16string_t answer;
    host_echo((uint16_t *)lone_high_surrogate, 2, &answer);
    // Not reached: the host traps on the argument.
    u16_free(answer);
}
