// Test guest for the dynamic Canonical ABI and `wit-host call`: implements wit/abi-call.wit by
// hand, the way wit-bindgen's C output would (core names, flattening, return areas,
// cabi_realloc, cabi_post_*). Built by build-guests.sh.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXPORT(name) __attribute__((export_name(name)))
#define IMPORT(module, name) __attribute__((import_module(module), import_name(name)))

// A WIT string or list in memory: pointer then length (8 bytes, 4-aligned).
typedef struct { char *ptr; uint32_t len; } string_t;
typedef struct { string_t *ptr; uint32_t len; } string_list_t;

IMPORT("$root", "log") void host_log(char *ptr, uint32_t len);

EXPORT("cabi_realloc") void *cabi_realloc(void *old, size_t old_size, size_t align, size_t new_size) {
    (void)old_size;
    if (new_size == 0) return (void *)align;
    void *ret = realloc(old, new_size);
    if (!ret) __builtin_trap();
    return ret;
}

// The return area: results that flatten to more than one value are written here and the
// export returns its address. 8-aligned for the f64 in result<f64, string>.
static _Alignas(8) uint8_t ret_area[16];

static uint32_t post_calls;

static uint8_t *return_string(char *ptr, uint32_t len) {
    string_t *out = (string_t *)ret_area;
    out->ptr = ptr;
    out->len = len;
    return ret_area;
}

static char *copy_text(const char *text, uint32_t *len) {
    *len = (uint32_t)strlen(text);
    char *copy = malloc(*len ? *len : 1);
    memcpy(copy, text, *len);
    return copy;
}

// A zero-length string or list gets the dangling pointer cabi_realloc returns for size 0,
// which must not be freed.
static void free_buffer(void *ptr, uint32_t len) {
    if (len) free(ptr);
}

static void free_strings(string_t *items, uint32_t count) {
    for (uint32_t i = 0; i < count; i++) free_buffer(items[i].ptr, items[i].len);
    free_buffer(items, count);
}

// ---- interface test:abi-call/shapes ----

EXPORT("test:abi-call/shapes#join")
uint8_t *shapes_join(string_t *parts, uint32_t count, char *sep, uint32_t sep_len) {
    uint32_t total = 0;
    for (uint32_t i = 0; i < count; i++) total += parts[i].len + (i ? sep_len : 0);
    char *out = malloc(total ? total : 1), *at = out;
    for (uint32_t i = 0; i < count; i++) {
        if (i) { memcpy(at, sep, sep_len); at += sep_len; }
        memcpy(at, parts[i].ptr, parts[i].len);
        at += parts[i].len;
    }
    free_strings(parts, count);
    free_buffer(sep, sep_len);
    return return_string(out, total);
}

EXPORT("cabi_post_test:abi-call/shapes#join")
void shapes_join_post(uint8_t *area) { post_calls++; free(((string_t *)area)->ptr); }

// shape flattens to (discriminant, i64 slot joining f64 and point.x, i32 slot for point.y).
EXPORT("test:abi-call/shapes#area")
uint8_t *shapes_area(uint32_t discriminant, int64_t slot0, int32_t slot1) {
    double area;
    switch (discriminant) {
    case 0: { // circle(f64): the f64's bits travel in the i64 slot
        double radius;
        memcpy(&radius, &slot0, sizeof radius);
        area = 3.0 * radius * radius;
        break;
    }
    case 1: { // rect(point)
        int32_t x = (int32_t)slot0, y = slot1;
        area = (double)x * (double)y;
        if (area < 0) area = -area;
        break;
    }
    default: { // empty: err(string)
        uint32_t len;
        char *text = copy_text("an empty shape has no area", &len);
        ret_area[0] = 1;
        string_t *err = (string_t *)(ret_area + 8);
        err->ptr = text;
        err->len = len;
        return ret_area;
    }
    }
    ret_area[0] = 0;
    memcpy(ret_area + 8, &area, sizeof area);
    return ret_area;
}

EXPORT("cabi_post_test:abi-call/shapes#area")
void shapes_area_post(uint8_t *area) { post_calls++;
    if (area[0] == 1) free(((string_t *)(area + 8))->ptr);
}

// item flattens to name (2), tags (2), origin option<point> (3); then color, perms: 9 params.
EXPORT("test:abi-call/shapes#describe")
uint8_t *shapes_describe(char *name, uint32_t name_len, string_t *tags, uint32_t tag_count,
                         uint32_t has_origin, int32_t x, int32_t y, uint32_t color, uint32_t perms) {
    static const char *colors[] = {"red", "green", "blue"};
    char *text;
    uint32_t len;
    if (perms == 0) {
        text = copy_text("no permissions", &len);
        ret_area[0] = 1;
        string_t *err = (string_t *)(ret_area + 4);
        err->ptr = text;
        err->len = len;
    } else {
        char buffer[512];
        int n = snprintf(buffer, sizeof buffer, "%.*s [", (int)name_len, name);
        for (uint32_t i = 0; i < tag_count && n < (int)sizeof buffer; i++)
            n += snprintf(buffer + n, sizeof buffer - n, "%s%.*s", i ? "," : "", (int)tags[i].len, tags[i].ptr);
        if (n < (int)sizeof buffer) {
            if (has_origin) n += snprintf(buffer + n, sizeof buffer - n, "] at (%d, %d)", (int)x, (int)y);
            else n += snprintf(buffer + n, sizeof buffer - n, "] nowhere");
        }
        if (n < (int)sizeof buffer)
            snprintf(buffer + n, sizeof buffer - n, " %s %s%s%s", colors[color % 3],
                     perms & 1 ? "r" : "-", perms & 2 ? "w" : "-", perms & 4 ? "x" : "-");
        text = copy_text(buffer, &len);
        ret_area[0] = 0;
        string_t *first = (string_t *)(ret_area + 4);
        first->ptr = text;
        first->len = len;
        memcpy(ret_area + 12, &tag_count, sizeof tag_count);
    }
    free_buffer(name, name_len);
    free_strings(tags, tag_count);
    return ret_area;
}

EXPORT("cabi_post_test:abi-call/shapes#describe")
void shapes_describe_post(uint8_t *area) { post_calls++; free(((string_t *)(area + 4))->ptr); }

// ---- world exports ----

// Reverses by UTF-8 sequence, so multi-byte characters stay intact.
EXPORT("reverse") uint8_t *reverse(char *ptr, uint32_t len) {
    char *out = malloc(len ? len : 1);
    uint32_t i = 0;
    while (i < len) {
        uint32_t n = 1;
        while (i + n < len && (ptr[i + n] & 0xC0) == 0x80) n++;
        memcpy(out + len - i - n, ptr + i, n);
        i += n;
    }
    free_buffer(ptr, len);
    return return_string(out, len);
}

EXPORT("cabi_post_reverse") void reverse_post(uint8_t *area) { post_calls++; free(((string_t *)area)->ptr); }

EXPORT("sum") uint64_t sum(uint32_t *values, uint32_t count) {
    uint64_t total = 0;
    for (uint32_t i = 0; i < count; i++) total += values[i];
    free_buffer(values, count);
    return total;
}

// 18 flat parameters exceed the limit of 16: the host stores the nine strings as a tuple
// in memory (in a block it allocates with cabi_realloc) and passes its address.
EXPORT("concat9") uint8_t *concat9(string_t *args) {
    uint32_t total = 0;
    for (int i = 0; i < 9; i++) total += args[i].len;
    char *out = malloc(total ? total : 1), *at = out;
    for (int i = 0; i < 9; i++) {
        memcpy(at, args[i].ptr, args[i].len);
        at += args[i].len;
        free_buffer(args[i].ptr, args[i].len);
    }
    free(args);
    return return_string(out, total);
}

EXPORT("cabi_post_concat9") void concat9_post(uint8_t *area) { post_calls++; free(((string_t *)area)->ptr); }

EXPORT("fill") uint8_t *fill(uint32_t n, uint32_t byte) {
    uint8_t *out = malloc(n ? n : 1);
    memset(out, (int)byte, n);
    return return_string((char *)out, n);
}

EXPORT("cabi_post_fill") void fill_post(uint8_t *area) { post_calls++; free(((string_t *)area)->ptr); }

EXPORT("post-calls") uint32_t get_post_calls(void) { return post_calls; }

static char invalid_utf8[] = {'a', (char)0xC3, (char)0x28};

EXPORT("bad-string") uint8_t *bad_string(void) { return return_string(invalid_utf8, sizeof invalid_utf8); }

EXPORT("bad-char") uint32_t bad_char(void) { return 0xD800; }

EXPORT("call-log") void call_log(char *ptr, uint32_t len) {
    host_log(ptr, len);
    free_buffer(ptr, len);
}
