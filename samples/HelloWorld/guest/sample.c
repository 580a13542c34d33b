// The HelloWorld guest: the seed sample world (wit/sample.wit), with hand-written Canonical ABI
// glue. Built by tests/guests/build-guests.sh into sample.wasm beside this file.
//
// This is the one copy of the guest: the sample's host (../SampleTour.cs) loads it, and the tests
// (the jco cross-check and the generated-bindings tests) use it from here too, so that what a
// reader copies out of samples/HelloWorld is the very guest the tests check.
//
// Core names: exports of an interface are "example:sample/<interface>#<function>", world-level
// exports are the function's name; imports come from module "example:sample/logging", and the
// world-level import from module "$root".
// A result that flattens to more than one core value is written to a static return area and
// the export returns its address; cabi_post_<export> frees what that area points to.
#include <stdio.h>

// The Canonical ABI helpers (cabi_realloc, strings, lists, UTF-8) every C guest of this
// repository shares. One copy, so a fix reaches every guest; a guest copied out of the
// repository takes this header along.
#include "../../../tests/guests/cabi.h"

#define SAMPLE(iface, fn) "example:sample/" iface "#" fn
#define POST(iface, fn) "cabi_post_example:sample/" iface "#" fn

// ---- import logging ----

IMPORT("example:sample/logging", "log-u32") void import_log_u32(uint32_t a, char *s, size_t s_len);
IMPORT("example:sample/logging", "log-str") void import_log_str(char *s, size_t s_len);

// The host only reads the strings: they stay the guest's.
static void log_u32(uint32_t a, string_t s) { import_log_u32(a, s.ptr, s.len); }
static void log_str(string_t s) { import_log_str(s.ptr, s.len); }

// ---- world-level import: module "$root" ----

// The string comes back through a return area the guest passes; the host allocated it with
// cabi_realloc and it is the guest's to free.
IMPORT("$root", "host-name") void import_host_name(string_t *ret);

// ---- export booleans ----
// A bool arrives as an i32 that is 0 or 1 and leaves as one.

EXPORT(SAMPLE("booleans", "and")) int32_t booleans_and(int32_t a, int32_t b) { return a && b; }
EXPORT(SAMPLE("booleans", "or")) int32_t booleans_or(int32_t a, int32_t b) { return a || b; }
EXPORT(SAMPLE("booleans", "xor")) int32_t booleans_xor(int32_t a, int32_t b) { return (a != 0) != (b != 0); }
EXPORT(SAMPLE("booleans", "not")) int32_t booleans_not(int32_t a) { return !a; }

// ---- export floats ----

EXPORT(SAMPLE("floats", "add-f32")) float floats_add_f32(float a, float b) { return a + b; }
EXPORT(SAMPLE("floats", "mul-f32")) float floats_mul_f32(float a, float b) { return a * b; }
EXPORT(SAMPLE("floats", "add-f64")) double floats_add_f64(double a, double b) { return a + b; }
EXPORT(SAMPLE("floats", "div-f64")) double floats_div_f64(double a, double b) { return a / b; }

// ---- export integers ----
// Integers narrower than 32 bits travel as i32. The arithmetic is done in unsigned types (where
// C defines wrap-around) and the result narrowed to its width, sign-extended for signed ones.

EXPORT(SAMPLE("integers", "add-u8")) uint32_t integers_add_u8(uint32_t a, uint32_t b) { return (uint8_t)(a + b); }
EXPORT(SAMPLE("integers", "add-s8")) int32_t integers_add_s8(int32_t a, int32_t b) { return (int8_t)(uint8_t)((uint32_t)a + (uint32_t)b); }
EXPORT(SAMPLE("integers", "add-u16")) uint32_t integers_add_u16(uint32_t a, uint32_t b) { return (uint16_t)(a + b); }
EXPORT(SAMPLE("integers", "sub-s16")) int32_t integers_sub_s16(int32_t a, int32_t b) { return (int16_t)(uint16_t)((uint32_t)a - (uint32_t)b); }
EXPORT(SAMPLE("integers", "mul-u32")) uint32_t integers_mul_u32(uint32_t a, uint32_t b) { return a * b; }
EXPORT(SAMPLE("integers", "add-s32")) int32_t integers_add_s32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
EXPORT(SAMPLE("integers", "add-u64")) uint64_t integers_add_u64(uint64_t a, uint64_t b) { return a + b; }
EXPORT(SAMPLE("integers", "neg-s64")) int64_t integers_neg_s64(int64_t a) { return (int64_t)(0 - (uint64_t)a); }

// ---- export strings ----

// Every export below that returns one string returns it here: (ptr, len).
static string_t ret_string;

// Frees the string an export left in ret_string.
static void post_string(string_t *ret) { string_free(*ret); }

EXPORT(SAMPLE("strings", "reverse")) string_t *strings_reverse(char *ptr, size_t len) {
    string_t s = {ptr, len};
    string_t out = string_alloc(len);
    // Copy each scalar's bytes, whole, from the front of s to the back of out.
    size_t end = len;
    for (size_t i = 0; i < len;) {
        size_t width = utf8_width((unsigned char)s.ptr[i]);
        end -= width;
        memcpy(out.ptr + end, s.ptr + i, width);
        i += width;
    }
    string_free(s);
    ret_string = out;
    return &ret_string;
}
EXPORT(POST("strings", "reverse")) void post_strings_reverse(string_t *ret) { post_string(ret); }

EXPORT(SAMPLE("strings", "to-upper")) string_t *strings_to_upper(char *ptr, size_t len) {
    // The argument is the guest's already: change it in place and hand it back.
    for (size_t i = 0; i < len; i++) {
        if (ptr[i] >= 'a' && ptr[i] <= 'z') ptr[i] = (char)(ptr[i] - 'a' + 'A');
    }
    ret_string = (string_t){ptr, len};
    return &ret_string;
}
EXPORT(POST("strings", "to-upper")) void post_strings_to_upper(string_t *ret) { post_string(ret); }

EXPORT(SAMPLE("strings", "len")) uint32_t strings_len(char *ptr, size_t len) {
    string_t s = {ptr, len};
    uint32_t count = utf8_count(s);
    string_free(s);
    log_u32(count, STR("len: "));
    return count;
}

// 17 strings are 34 flat values, more than 16: the only parameter is a pointer to the tuple
// of all of them, which the host allocated with cabi_realloc. The guest frees the tuple too.
EXPORT(SAMPLE("strings", "concat17")) string_t *strings_concat17(string_t *args) {
    size_t total = 0;
    for (int i = 0; i < 17; i++) total += args[i].len;
    string_t out = string_alloc(total);
    size_t at = 0;
    for (int i = 0; i < 17; i++) {
        memcpy(out.ptr + at, args[i].ptr, args[i].len);
        at += args[i].len;
        string_free(args[i]);
    }
    free_block(args, 17 * sizeof(string_t));
    ret_string = out;
    return &ret_string;
}
EXPORT(POST("strings", "concat17")) void post_strings_concat17(string_t *ret) { post_string(ret); }

// ---- export tuples ----

// tuple<string, u32>: the string at 0, the u32 at 8.
typedef struct {
    string_t s;
    uint32_t n;
} string_u32_t;
_Static_assert(sizeof(string_u32_t) == 12, "tuple<string, u32> is 12 bytes");

typedef struct {
    string_t a;
    string_t b;
} string_pair_t;

static string_u32_t ret_string_u32;
static string_pair_t ret_string_pair;

// tuple<u32, string> flattens to (i32, i32 ptr, i32 len).
EXPORT(SAMPLE("tuples", "swap")) string_u32_t *tuples_swap(uint32_t n, char *ptr, size_t len) {
    string_t s = {ptr, len};
    log_str(s);
    // The string moves into the result; cabi_post frees it.
    ret_string_u32 = (string_u32_t){s, n};
    return &ret_string_u32;
}
EXPORT(POST("tuples", "swap")) void post_tuples_swap(string_u32_t *ret) { string_free(ret->s); }

EXPORT(SAMPLE("tuples", "split-at")) string_pair_t *tuples_split_at(char *ptr, size_t len, uint32_t at) {
    string_t s = {ptr, len};
    size_t cut = utf8_offset(s, at);
    ret_string_pair = (string_pair_t){string_copy(s.ptr, cut), string_copy(s.ptr + cut, len - cut)};
    string_free(s);
    return &ret_string_pair;
}
EXPORT(POST("tuples", "split-at")) void post_tuples_split_at(string_pair_t *ret) {
    string_free(ret->a);
    string_free(ret->b);
}

// ---- export lists ----

enum { SHAPE_CIRCLE, SHAPE_RECTANGLE, SHAPE_DOT };

// variant shape: a u8 case, then the payload at the payload's alignment (8).
typedef struct {
    uint8_t tag;
    union {
        double circle;
        struct {
            double width, height;
        } rectangle;
    } as;
} shape_t;
_Static_assert(sizeof(shape_t) == 24 && _Alignof(shape_t) == 8, "shape is 24 bytes, 8-aligned");

static list_t ret_list;

static double shape_area(const shape_t *shape) {
    switch (shape->tag) {
    case SHAPE_CIRCLE: return 3.141592653589793 * shape->as.circle * shape->as.circle;
    case SHAPE_RECTANGLE: return shape->as.rectangle.width * shape->as.rectangle.height;
    default: return 0;
    }
}

EXPORT(SAMPLE("lists", "areas")) list_t *lists_areas(shape_t *shapes, size_t count) {
    list_t out = LIST_ALLOC(double, count);
    for (size_t i = 0; i < count; i++) ((double *)out.ptr)[i] = shape_area(&shapes[i]);
    free_block(shapes, count * sizeof(shape_t));
    ret_list = out;
    return &ret_list;
}
EXPORT(POST("lists", "areas")) void post_lists_areas(list_t *ret) { LIST_FREE(double, *ret); }

EXPORT(SAMPLE("lists", "circles")) list_t *lists_circles(shape_t *shapes, size_t count) {
    size_t circles = 0;
    for (size_t i = 0; i < count; i++) circles += shapes[i].tag == SHAPE_CIRCLE;
    list_t out = LIST_ALLOC(shape_t, circles);
    size_t at = 0;
    for (size_t i = 0; i < count; i++) {
        if (shapes[i].tag == SHAPE_CIRCLE) ((shape_t *)out.ptr)[at++] = shapes[i];
    }
    free_block(shapes, count * sizeof(shape_t));
    ret_list = out;
    return &ret_list;
}
EXPORT(POST("lists", "circles")) void post_lists_circles(list_t *ret) { LIST_FREE(shape_t, *ret); }

// A u64 is one flat i64: returned directly, no return area.
EXPORT(SAMPLE("lists", "sum")) uint64_t lists_sum(uint32_t *xs, size_t count) {
    uint64_t total = 0;
    for (size_t i = 0; i < count; i++) total += xs[i];
    free_block(xs, count * sizeof(uint32_t));
    return total;
}

EXPORT(SAMPLE("lists", "words")) list_t *lists_words(char *ptr, size_t len) {
    size_t count = 1;
    for (size_t i = 0; i < len; i++) count += ptr[i] == ' ';
    list_t out = LIST_ALLOC(string_t, count);
    string_t *words = out.ptr;
    size_t start = 0, at = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || ptr[i] == ' ') {
            words[at++] = string_copy(ptr + start, i - start);
            start = i + 1;
        }
    }
    free_block(ptr, len);
    ret_list = out;
    return &ret_list;
}
EXPORT(POST("lists", "words")) void post_lists_words(list_t *ret) {
    string_t *words = ret->ptr;
    for (size_t i = 0; i < ret->len; i++) string_free(words[i]);
    LIST_FREE(string_t, *ret);
}

// ---- export enums ----

enum { COLOR_RED, COLOR_GREEN, COLOR_BLUE };

EXPORT(SAMPLE("enums", "next")) uint32_t enums_next(uint32_t color) { return (color + 1) % 3; }

// Returns a string literal: nothing to free, so there is no cabi_post for this export.
EXPORT(SAMPLE("enums", "name")) string_t *enums_name(uint32_t color) {
    static const string_t names[] = {STR("red"), STR("green"), STR("blue")};
    ret_string = names[color];
    return &ret_string;
}

// ---- export variants ----

enum { NUMBER_INT, NUMBER_FLOAT, NUMBER_TEXT, NUMBER_NOTHING };

// variant number in memory: a u8 case, the payload at 8 (s64 and f64 are 8-aligned).
typedef struct {
    uint8_t tag;
    union {
        int64_t i;
        double f;
        string_t text;
    } as;
} number_t;
_Static_assert(sizeof(number_t) == 16 && _Alignof(number_t) == 8, "number is 16 bytes, 8-aligned");

// A number arrives flat as (i32 case, i64, i32): the f64 payload is the i64's bits, the text's
// pointer is the i64 (wrapped to 32 bits) and its length the last i32.
static number_t number_from_flat(int32_t tag, int64_t slot1, int32_t slot2) {
    number_t n = {.tag = (uint8_t)tag};
    switch (tag) {
    case NUMBER_INT: n.as.i = slot1; break;
    case NUMBER_FLOAT: n.as.f = f64_from_bits(slot1); break;
    case NUMBER_TEXT: n.as.text = (string_t){(char *)(uint32_t)slot1, (size_t)(uint32_t)slot2}; break;
    }
    return n;
}

EXPORT(SAMPLE("variants", "describe")) string_t *variants_describe(int32_t tag, int64_t slot1, int32_t slot2) {
    number_t n = number_from_flat(tag, slot1, slot2);
    char buffer[64];
    int written = 0;
    switch (n.tag) {
    case NUMBER_INT: written = snprintf(buffer, sizeof buffer, "int %lld", (long long)n.as.i); break;
    case NUMBER_FLOAT: written = snprintf(buffer, sizeof buffer, "float %g", n.as.f); break;
    case NUMBER_TEXT:
        ret_string = string_concat(STR("text "), n.as.text);
        string_free(n.as.text);
        return &ret_string;
    default: written = snprintf(buffer, sizeof buffer, "nothing"); break;
    }
    ret_string = string_copy(buffer, (size_t)written);
    return &ret_string;
}
EXPORT(POST("variants", "describe")) void post_variants_describe(string_t *ret) { post_string(ret); }

static number_t ret_number;

EXPORT(SAMPLE("variants", "twice")) number_t *variants_twice(int32_t tag, int64_t slot1, int32_t slot2) {
    number_t n = number_from_flat(tag, slot1, slot2);
    switch (n.tag) {
    case NUMBER_INT: n.as.i = (int64_t)((uint64_t)n.as.i * 2); break;
    case NUMBER_FLOAT: n.as.f *= 2; break;
    case NUMBER_TEXT: {
        string_t text = n.as.text;
        n.as.text = string_concat(text, text);
        string_free(text);
        break;
    }
    }
    ret_number = n;
    return &ret_number;
}
EXPORT(POST("variants", "twice")) void post_variants_twice(number_t *ret) {
    if (ret->tag == NUMBER_TEXT) string_free(ret->as.text);
}

// ---- export options ----
// option<T> is a variant with cases none (0) and some (1): a u8, then T at T's alignment.

typedef struct {
    uint8_t is_some;
    uint32_t value;
} option_u32_t;
_Static_assert(sizeof(option_u32_t) == 8, "option<u32> is 8 bytes");

typedef struct {
    uint8_t is_some;
    string_t value;
} option_string_t;
_Static_assert(sizeof(option_string_t) == 12, "option<string> is 12 bytes");

typedef struct {
    uint8_t is_some;
    option_u32_t value;
} option_option_u32_t;
_Static_assert(sizeof(option_option_u32_t) == 12, "option<option<u32>> is 12 bytes");

static option_u32_t ret_option_u32;
static option_string_t ret_option_string;
static option_option_u32_t ret_option_option_u32;

EXPORT(SAMPLE("options", "increment")) option_u32_t *options_increment(int32_t is_some, uint32_t value) {
    ret_option_u32 = is_some ? (option_u32_t){1, value + 1} : (option_u32_t){0, 0};
    return &ret_option_u32;
}

EXPORT(SAMPLE("options", "greet")) option_string_t *options_greet(int32_t is_some, char *ptr, size_t len) {
    if (!is_some) {
        ret_option_string = (option_string_t){0, {0, 0}};
        return &ret_option_string;
    }
    string_t name = {ptr, len};
    string_t hello = string_concat(STR("Hello, "), name);
    ret_option_string = (option_string_t){1, string_concat(hello, STR("!"))};
    string_free(hello);
    string_free(name);
    return &ret_option_string;
}
EXPORT(POST("options", "greet")) void post_options_greet(option_string_t *ret) {
    if (ret->is_some) string_free(ret->value);
}

// option<option<u32>> flattens to (outer case, inner case, value).
EXPORT(SAMPLE("options", "flatten")) option_u32_t *options_flatten(int32_t outer, int32_t inner, uint32_t value) {
    ret_option_u32 = outer && inner ? (option_u32_t){1, value} : (option_u32_t){0, 0};
    return &ret_option_u32;
}

EXPORT(SAMPLE("options", "wrap")) option_option_u32_t *options_wrap(int32_t is_some, uint32_t value) {
    ret_option_option_u32 = (option_option_u32_t){1, {(uint8_t)(is_some != 0), is_some ? value : 0}};
    return &ret_option_option_u32;
}

// ---- export results ----
// result<T, E> is a variant with cases ok (0) and err (1).

enum { MATH_DIVIDE_BY_ZERO, MATH_OVERFLOW };

typedef struct {
    uint8_t is_err;
    union {
        uint32_t ok;
        string_t err;
    } as;
} result_u32_string_t;
_Static_assert(sizeof(result_u32_string_t) == 12, "result<u32, string> is 12 bytes");

typedef struct {
    uint8_t is_err;
    union {
        uint32_t ok;
        uint8_t err;
    } as;
} result_u32_math_error_t;
_Static_assert(sizeof(result_u32_math_error_t) == 8, "result<u32, math-error> is 8 bytes");

// result<_, math-error> is two bytes, yet flattens to two i32s: still a return area.
typedef struct {
    uint8_t is_err;
    uint8_t err;
} result_unit_math_error_t;
_Static_assert(sizeof(result_unit_math_error_t) == 2, "result<_, math-error> is 2 bytes");

static result_u32_string_t ret_result_u32_string;
static result_u32_math_error_t ret_result_u32_math_error;
static result_unit_math_error_t ret_result_unit_math_error;

static void post_result_u32_string(result_u32_string_t *ret) {
    if (ret->is_err) string_free(ret->as.err);
}

EXPORT(SAMPLE("results", "parse-u32")) result_u32_string_t *results_parse_u32(char *ptr, size_t len) {
    string_t s = {ptr, len};
    uint64_t value = 0;
    bool valid = len > 0;
    for (size_t i = 0; i < len && valid; i++) {
        valid = ptr[i] >= '0' && ptr[i] <= '9';
        value = value * 10 + (uint64_t)(ptr[i] - '0');
        valid = valid && value <= UINT32_MAX;
    }
    if (valid) {
        ret_result_u32_string = (result_u32_string_t){0, {.ok = (uint32_t)value}};
        string_free(s);
    } else {
        // The argument becomes part of the error message, which the guest keeps until cabi_post.
        ret_result_u32_string = (result_u32_string_t){1, {.err = string_concat(STR("bad number: "), s)}};
        string_free(s);
    }
    return &ret_result_u32_string;
}
EXPORT(POST("results", "parse-u32")) void post_results_parse_u32(result_u32_string_t *ret) { post_result_u32_string(ret); }

EXPORT(SAMPLE("results", "div")) result_u32_math_error_t *results_div(uint32_t a, uint32_t b) {
    log_u32(a, STR("div: "));
    ret_result_u32_math_error = b == 0 ? (result_u32_math_error_t){1, {.err = MATH_DIVIDE_BY_ZERO}}
                                       : (result_u32_math_error_t){0, {.ok = a / b}};
    return &ret_result_u32_math_error;
}

EXPORT(SAMPLE("results", "check-add")) result_unit_math_error_t *results_check_add(uint32_t a, uint32_t b) {
    ret_result_unit_math_error = a + b < a ? (result_unit_math_error_t){1, MATH_OVERFLOW} : (result_unit_math_error_t){0, 0};
    return &ret_result_unit_math_error;
}

// ---- world-level exports: core names are the functions' own names ----

EXPORT("void-func") void void_func(void) { log_str(STR("void-func called")); }

EXPORT("ok-func") result_u32_string_t *ok_func(uint32_t a, uint32_t b) {
    uint32_t sum = a + b;
    if (sum < a) {
        ret_result_u32_string = (result_u32_string_t){1, {.err = string_copy("overflow", 8)}};
    } else {
        log_u32(sum, STR("ok-func: "));
        ret_result_u32_string = (result_u32_string_t){0, {.ok = sum}};
    }
    return &ret_result_u32_string;
}
EXPORT("cabi_post_ok-func") void post_ok_func(result_u32_string_t *ret) { post_result_u32_string(ret); }

EXPORT("greet-host") string_t *greet_host(void) {
    string_t name;
    import_host_name(&name);
    string_t hello = string_concat(STR("Hello, "), name);
    ret_string = string_concat(hello, STR("!"));
    string_free(hello);
    string_free(name);
    return &ret_string;
}
EXPORT("cabi_post_greet-host") void post_greet_host(string_t *ret) { post_string(ret); }
