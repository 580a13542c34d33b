// The guest of wit/encodings.wit with `string-encoding=latin1+utf16` ("compact UTF-16"),
// Canonical ABI glue by hand: a string is (pointer, tagged length). Without the UTF-16 tag (bit
// 31) the length counts Latin-1 bytes; with it, the rest counts UTF-16 code units. The pointer
// is 2-aligned in both forms, and the host lowers with cabi_realloc(…, 2, …). Built by
// build-guests.sh.
//
// Core names are the world's (exports by name, the import from module "$root"). Every string
// an export returns is the guest's own block, freed by its cabi_post_<export>. The guest keeps
// the form it was given: Latin-1 in, Latin-1 out; UTF-16 in, UTF-16 out (widen forces UTF-16).
#include "encodings-utf16.h"

#define UTF16_TAG 0x80000000u

// A compact string in memory and in flat values: (pointer, tagged length).
typedef struct {
    void *ptr;
    uint32_t tagged;
} cstring_t;

_Static_assert(sizeof(cstring_t) == 8, "string is (i32 ptr, i32 tagged len)");

static bool is_utf16(cstring_t s) { return (s.tagged & UTF16_TAG) != 0; }

// Latin-1 bytes or UTF-16 code units, whichever the form counts.
static size_t units_of(cstring_t s) { return s.tagged & ~UTF16_TAG; }

static size_t bytes_of(cstring_t s) { return is_utf16(s) ? 2 * units_of(s) : units_of(s); }

static cstring_t latin1_alloc(size_t len) { return (cstring_t){alloc_block(len, 2), (uint32_t)len}; }

static cstring_t utf16_string_alloc(size_t len) { return (cstring_t){utf16_alloc(len), (uint32_t)len | UTF16_TAG}; }

static void cstring_free(cstring_t s) { free_block(s.ptr, bytes_of(s)); }

static cstring_t cstring_copy(cstring_t s) {
    cstring_t copy = {alloc_block(bytes_of(s), 2), s.tagged};
    memcpy(copy.ptr, s.ptr, bytes_of(s));
    return copy;
}

// ASCII is Latin-1: the literal's bytes as they are.
static cstring_t latin1_from_ascii(const char *ascii) {
    cstring_t s = latin1_alloc(strlen(ascii));
    memcpy(s.ptr, ascii, units_of(s));
    return s;
}

typedef struct {
    uint8_t is_err;
    cstring_t value;
} result_string_string_t;

typedef struct {
    cstring_t answer;
    cstring_t form;
} tuple_string_string_t;

// One return area: only one export's result is alive at a time (the host reads it, then calls
// its cabi_post_<export>, before the next call).
static union {
    cstring_t string;
    list_t list;
    result_string_string_t result;
    tuple_string_string_t tuple;
} ret_area;

IMPORT("$root", "host-echo") void host_echo(void *ptr, uint32_t tagged, cstring_t *ret);

// reverse: (i32 ptr, i32 tagged len) -> i32 return area, in the argument's form.
EXPORT("reverse") cstring_t *reverse(void *ptr, uint32_t tagged) {
    cstring_t s = {ptr, tagged};
    size_t n = units_of(s);
    if (is_utf16(s)) {
        ret_area.string = utf16_string_alloc(n);
        utf16_reverse(ptr, n, ret_area.string.ptr);
    } else {
        ret_area.string = latin1_alloc(n);
        const uint8_t *src = ptr;
        uint8_t *dst = ret_area.string.ptr;
        for (size_t i = 0; i < n; i++) dst[n - 1 - i] = src[i];
    }
    cstring_free(s);
    return &ret_area.string;
}

EXPORT("cabi_post_reverse") void post_reverse(cstring_t *ret) { cstring_free(*ret); }

// length: (i32 ptr, i32 tagged len) -> i32; a Latin-1 byte is one scalar.
EXPORT("length") uint32_t length(void *ptr, uint32_t tagged) {
    cstring_t s = {ptr, tagged};
    uint32_t count = is_utf16(s) ? utf16_count(ptr, units_of(s)) : (uint32_t)units_of(s);
    cstring_free(s);
    return count;
}

// echo-list: (i32 ptr, i32 len) -> i32 return area; each copy keeps its string's form.
EXPORT("echo-list") list_t *echo_list(cstring_t *xs, size_t len) {
    list_t out = LIST_ALLOC(cstring_t, len);
    cstring_t *items = out.ptr;
    for (size_t i = 0; i < len; i++) {
        items[i] = cstring_copy(xs[i]);
        cstring_free(xs[i]);
    }
    free_block(xs, sizeof(cstring_t) * len);
    ret_area.list = out;
    return &ret_area.list;
}

EXPORT("cabi_post_echo-list") void post_echo_list(list_t *ret) {
    cstring_t *items = ret->ptr;
    for (size_t i = 0; i < ret->len; i++) cstring_free(items[i]);
    LIST_FREE(cstring_t, *ret);
}

// greet: (i32 ptr, i32 tagged len) -> i32 return area holding result<string, string>. A UTF-16
// name makes a UTF-16 greeting (the ASCII around it widened).
EXPORT("greet") result_string_string_t *greet(void *ptr, uint32_t tagged) {
    cstring_t name = {ptr, tagged};
    size_t n = units_of(name);
    if (n == 0) {
        ret_area.result = (result_string_string_t){1, latin1_from_ascii("empty name")};
        return &ret_area.result;
    }
    static const char prefix[] = "Hello, ";
    size_t total = sizeof prefix - 1 + n + 1;
    cstring_t s;
    if (is_utf16(name)) {
        s = utf16_string_alloc(total);
        uint16_t *units = s.ptr;
        size_t at = utf16_from_ascii(prefix, units);
        memcpy(units + at, ptr, 2 * n);
        units[at + n] = '!';
    } else {
        s = latin1_alloc(total);
        uint8_t *bytes = s.ptr;
        memcpy(bytes, prefix, sizeof prefix - 1);
        memcpy(bytes + sizeof prefix - 1, ptr, n);
        bytes[total - 1] = '!';
    }
    cstring_free(name);
    ret_area.result = (result_string_string_t){0, s};
    return &ret_area.result;
}

EXPORT("cabi_post_greet") void post_greet(result_string_string_t *ret) { cstring_free(ret->value); }

static cstring_t form_of(cstring_t s) { return latin1_from_ascii(is_utf16(s) ? "utf16" : "latin1"); }

// form: which of the two forms the host chose for `s`.
EXPORT("form") cstring_t *form(void *ptr, uint32_t tagged) {
    cstring_t s = {ptr, tagged};
    ret_area.string = form_of(s);
    cstring_free(s);
    return &ret_area.string;
}

EXPORT("cabi_post_form") void post_form(cstring_t *ret) { cstring_free(*ret); }

// widen: Latin-1 bytes become UTF-16 code units (U+0000..U+00FF are the same numbers); a UTF-16
// argument is the guest's already and is returned as it is.
EXPORT("widen") cstring_t *widen(void *ptr, uint32_t tagged) {
    cstring_t s = {ptr, tagged};
    if (is_utf16(s)) {
        ret_area.string = s;
        return &ret_area.string;
    }
    size_t n = units_of(s);
    ret_area.string = utf16_string_alloc(n);
    const uint8_t *src = ptr;
    uint16_t *dst = ret_area.string.ptr;
    for (size_t i = 0; i < n; i++) dst[i] = src[i];
    cstring_free(s);
    return &ret_area.string;
}

EXPORT("cabi_post_widen") void post_widen(cstring_t *ret) { cstring_free(*ret); }

// call-host: the host only reads the argument; its answer was lowered with cabi_realloc and is
// the guest's, returned as received, with the form the host chose for it.
EXPORT("call-host") tuple_string_string_t *call_host(void *ptr, uint32_t tagged) {
    cstring_t answer;
    host_echo(ptr, tagged, &answer);
    cstring_free((cstring_t){ptr, tagged});
    ret_area.tuple = (tuple_string_string_t){answer, form_of(answer)};
    return &ret_area.tuple;
}

EXPORT("cabi_post_call-host") void post_call_host(tuple_string_string_t *ret) {
    cstring_free(ret->answer);
    cstring_free(ret->form);
}

// bad-string: static strings that break a rule; no cabi_post, as lifting them traps. The
// misaligned and out-of-bounds cases are Latin-1: the 2-alignment holds for both forms.
EXPORT("bad-string") cstring_t *bad_string(uint32_t kind) {
    switch (kind) {
    case 0:
        ret_area.string = (cstring_t){(void *)lone_high_surrogate, 2 | UTF16_TAG};
        break;
    case 1:
        ret_area.string = (cstring_t){(void *)lone_low_surrogate, 2 | UTF16_TAG};
        break;
    case 2:
        ret_area.string = (cstring_t){(void *)(misaligned_source + 1), 1};
        break;
    default:
        ret_area.string = (cstring_t){(void *)(uintptr_t)OUT_OF_BOUNDS_ADDRESS, 16};
        break;
    }
    return &ret_area.string;
}

EXPORT("call-host-badly") void call_host_badly(void) {
    cstring_t answer;
    host_echo((void *)lone_high_surrogate, 2 | UTF16_TAG, &answer);
    // Not reached: the host traps on the argument.
    cstring_free(answer);
}
