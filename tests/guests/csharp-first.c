// The guest of wit/csharp-first.wit, the WIT derived from the C#-first interfaces in
// tests/WitHost.Bindings.Tests/CSharpFirstContracts.cs, with hand-written Canonical ABI glue.
// Built by build-guests.sh.
//
// It imports example:csharp-first/journal (the host's IJournal) and exports
// example:csharp-first/geometry (IGeometry, which the generated wrapper class implements).
// Results that flatten to more than one core value are written to a static return area whose
// address the export returns; cabi_post_<export> frees what the area points to.
#include "cabi.h"

#define GEOMETRY(fn) "example:csharp-first/geometry#" fn
#define POST(fn) "cabi_post_example:csharp-first/geometry#" fn

// ---- import journal ----

// record entry { level: level, message: string, tags: list<string> } flattens to five i32s.
IMPORT("example:csharp-first/journal", "write")
void import_write(int32_t level, char *message, size_t message_len, string_t *tags, size_t tag_count);

IMPORT("example:csharp-first/journal", "next-id") uint64_t import_next_id(void);

// option<string>: a u8 case at 0, the string at 4. The host writes it where `ret` points, and a
// some string was allocated with cabi_realloc: it is the guest's to free.
typedef struct {
    uint8_t is_some;
    string_t value;
} option_string_t;
_Static_assert(sizeof(option_string_t) == 12, "option<string> is 12 bytes");

IMPORT("example:csharp-first/journal", "lookup") void import_lookup(char *key, size_t key_len, option_string_t *ret);

// ---- export geometry ----

EXPORT(GEOMETRY("add")) int32_t geometry_add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }

typedef struct {
    int32_t x, y;
} point_t;

static point_t ret_point;

// point flattens to (x, y); two results go through the return area.
EXPORT(GEOMETRY("translate")) point_t *geometry_translate(int32_t x, int32_t y, int32_t dx, int32_t dy) {
    ret_point = (point_t){(int32_t)((uint32_t)x + (uint32_t)dx), (int32_t)((uint32_t)y + (uint32_t)dy)};
    return &ret_point;
}

EXPORT(GEOMETRY("sum")) int64_t geometry_sum(int32_t *values, size_t count) {
    int64_t total = 0;
    for (size_t i = 0; i < count; i++) total += values[i];
    free_block(values, count * sizeof(int32_t));
    return total;
}

// result<u32, string>: a u8 case at 0 (0 ok, 1 err), the payload at 4.
typedef struct {
    uint8_t is_err;
    union {
        uint32_t ok;
        string_t err;
    } as;
} result_u32_string_t;
_Static_assert(sizeof(result_u32_string_t) == 12, "result<u32, string> is 12 bytes");

static result_u32_string_t ret_divide;

EXPORT(GEOMETRY("divide")) result_u32_string_t *geometry_divide(uint32_t a, uint32_t b) {
    if (b == 0) {
        static const char message[] = "division by zero";
        ret_divide.is_err = 1;
        ret_divide.as.err = string_copy(message, sizeof message - 1);
    } else {
        ret_divide.is_err = 0;
        ret_divide.as.ok = a / b;
    }
    return &ret_divide;
}
EXPORT(POST("divide")) void post_geometry_divide(result_u32_string_t *ret) {
    if (ret->is_err) string_free(ret->as.err);
}

static list_t ret_list;

// Splits at single spaces: "a b" is ["a", "b"], "" is [""].
EXPORT(GEOMETRY("split")) list_t *geometry_split(char *ptr, size_t len) {
    size_t parts = 1;
    for (size_t i = 0; i < len; i++) parts += ptr[i] == ' ';
    list_t out = LIST_ALLOC(string_t, parts);
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
EXPORT(POST("split")) void post_geometry_split(list_t *ret) {
    string_t *words = ret->ptr;
    for (size_t i = 0; i < ret->len; i++) string_free(words[i]);
    LIST_FREE(string_t, *ret);
}

// option<u32>: a u8 case at 0, the u32 at 4.
typedef struct {
    uint8_t is_some;
    uint32_t value;
} option_u32_t;

static option_u32_t ret_index;

EXPORT(GEOMETRY("index-of"))
option_u32_t *geometry_index_of(string_t *items, size_t count, char *needle, size_t needle_len) {
    ret_index = (option_u32_t){0, 0};
    for (size_t i = 0; i < count; i++) {
        if (!ret_index.is_some && items[i].len == needle_len && memcmp(items[i].ptr, needle, needle_len) == 0) {
            ret_index = (option_u32_t){1, (uint32_t)i};
        }
        string_free(items[i]);
    }
    free_block(items, count * sizeof(string_t));
    free_block(needle, needle_len);
    return &ret_index;
}

// flags axes { x, y }: bit 0 is x, bit 1 is y.
EXPORT(GEOMETRY("mirror")) int32_t geometry_mirror(int32_t axes) { return ((axes & 1) << 1) | ((axes >> 1) & 1); }

enum { SHAPE_CIRCLE, SHAPE_RECTANGLE, SHAPE_DOT };

// variant shape { circle(f64), rectangle(size), dot } flattens to (i32 case, f64, f64): a
// circle's radius in the first f64, a rectangle's width and height in both.
EXPORT(GEOMETRY("area")) double geometry_area(int32_t tag, double a, double b) {
    switch (tag) {
    case SHAPE_CIRCLE: return 3.141592653589793 * a * a;
    case SHAPE_RECTANGLE: return a * b;
    default: return 0;
    }
}

// The first scalar value, decoded from UTF-8 (which the host guarantees is valid).
EXPORT(GEOMETRY("first-char")) uint32_t geometry_first_char(char *ptr, size_t len) {
    uint32_t c = 0;
    if (len > 0) {
        const unsigned char *s = (const unsigned char *)ptr;
        size_t width = utf8_width(s[0]);
        c = width == 1 ? s[0] : (uint32_t)(s[0] & (0xFF >> (width + 1)));
        for (size_t i = 1; i < width; i++) c = (c << 6) | (s[i] & 0x3F);
    }
    free_block(ptr, len);
    return c;
}

// tuple<u32, string>: the u32 at 0, the string at 4.
typedef struct {
    uint32_t number;
    string_t text;
} u32_string_t;
_Static_assert(sizeof(u32_string_t) == 12, "tuple<u32, string> is 12 bytes");

static u32_string_t ret_swap;

// tuple<string, u32> flattens to (i32 ptr, i32 len, i32); the string moves into the result.
EXPORT(GEOMETRY("swap")) u32_string_t *geometry_swap(char *ptr, size_t len, uint32_t number) {
    ret_swap = (u32_string_t){number, (string_t){ptr, len}};
    return &ret_swap;
}
EXPORT(POST("swap")) void post_geometry_swap(u32_string_t *ret) { string_free(ret->text); }

// Writes {level, message, ["guest"]} to the journal and returns its next id. The entry is the
// guest's: the host only reads it.
EXPORT(GEOMETRY("record")) uint64_t geometry_record(int32_t level, char *message, size_t message_len) {
    string_t tags[1] = {STR("guest")};
    import_write(level, message, message_len, tags, 1);
    free_block(message, message_len);
    return import_next_id();
}

static string_t ret_string;

EXPORT(GEOMETRY("greet")) string_t *geometry_greet(char *key, size_t key_len) {
    option_string_t found;
    import_lookup(key, key_len, &found);
    free_block(key, key_len);
    string_t name = found.is_some ? found.value : STR("stranger");
    string_t hello = string_concat(STR("Hello, "), name);
    ret_string = string_concat(hello, STR("!"));
    string_free(hello);
    if (found.is_some) string_free(found.value);
    return &ret_string;
}
EXPORT(POST("greet")) void post_geometry_greet(string_t *ret) { string_free(*ret); }
