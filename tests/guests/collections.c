// The guest of the collections world (tests/WitHost.Bindings.Tests/wit/collections.wit), with hand-written Canonical ABI
// glue. Each export echo-<name> passes its argument on to the host's import echo-<name> and
// returns the host's answer. Built by build-guests.sh.
//
// A map<K, V> is a list of (K, V) tuples; a list<T, N> is N values of T in place (in memory) or
// N times T's flat values (as parameters). Core names: exports "example:collections/echoes#<fn>",
// imports from module "example:collections/host".
#include "cabi.h"

#define HOST "example:collections/host"
#define ECHOES(fn) "example:collections/echoes#" fn
#define POST(fn) "cabi_post_example:collections/echoes#" fn

// ---- Types, in their Canonical ABI memory layout ----

// An entry of map<string, u32>: 12 bytes, align 4.
typedef struct {
    string_t key;
    uint32_t value;
} string_u32_entry_t;

// An entry of map<u32, list<string>>: 12 bytes, align 4.
typedef struct {
    uint32_t key;
    list_t value;
} u32_strings_entry_t;

// An entry of map<string, s64>: the s64 is 8-byte aligned, so 16 bytes, align 8.
typedef struct {
    string_t key;
    int64_t value;
} string_s64_entry_t;

typedef struct {
    list_t labels;
    float corners[2];
    uint8_t grid[3][2];
} shelf_t;

_Static_assert(sizeof(string_u32_entry_t) == 12, "map<string, u32> entry");
_Static_assert(sizeof(u32_strings_entry_t) == 12, "map<u32, list<string>> entry");
_Static_assert(sizeof(string_s64_entry_t) == 16 && _Alignof(string_s64_entry_t) == 8, "map<string, s64> entry");
_Static_assert(sizeof(shelf_t) == 24 && _Alignof(shelf_t) == 4, "shelf");

// ---- Freeing what the host handed over ----

static void string_u32_map_free(list_t map) {
    string_u32_entry_t *entries = map.ptr;
    for (size_t i = 0; i < map.len; i++) string_free(entries[i].key);
    LIST_FREE(string_u32_entry_t, map);
}

static void strings_free(list_t list) {
    string_t *items = list.ptr;
    for (size_t i = 0; i < list.len; i++) string_free(items[i]);
    LIST_FREE(string_t, list);
}

static void u32_strings_map_free(list_t map) {
    u32_strings_entry_t *entries = map.ptr;
    for (size_t i = 0; i < map.len; i++) strings_free(entries[i].value);
    LIST_FREE(u32_strings_entry_t, map);
}

static void string_s64_map_free(list_t map) {
    string_s64_entry_t *entries = map.ptr;
    for (size_t i = 0; i < map.len; i++) string_free(entries[i].key);
    LIST_FREE(string_s64_entry_t, map);
}

// ---- Maps: (ptr, len) in, a return area out ----

static list_t ret_list;

IMPORT(HOST, "echo-map") void host_echo_map(string_u32_entry_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-map")) list_t *echo_map(string_u32_entry_t *ptr, size_t len) {
    host_echo_map(ptr, len, &ret_list);
    string_u32_map_free((list_t){ptr, len});
    return &ret_list;
}
EXPORT(POST("echo-map")) void post_echo_map(list_t *ret) { string_u32_map_free(*ret); }

IMPORT(HOST, "echo-map-lists") void host_echo_map_lists(u32_strings_entry_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-map-lists")) list_t *echo_map_lists(u32_strings_entry_t *ptr, size_t len) {
    host_echo_map_lists(ptr, len, &ret_list);
    u32_strings_map_free((list_t){ptr, len});
    return &ret_list;
}
EXPORT(POST("echo-map-lists")) void post_echo_map_lists(list_t *ret) { u32_strings_map_free(*ret); }

// ---- Fixed-length lists: the elements' flat values in, a return area out ----

// list<u32, 4>: four i32 parameters; four flat results, so a return area.
IMPORT(HOST, "echo-fixed") void host_echo_fixed(uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t *ret);
static uint32_t ret_fixed[4];
EXPORT(ECHOES("echo-fixed")) uint32_t *echo_fixed(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
    host_echo_fixed(a, b, c, d, ret_fixed);
    return ret_fixed;
}

// list<string, 3>: (ptr, len) three times.
IMPORT(HOST, "echo-fixed-strings")
void host_echo_fixed_strings(char *p0, size_t l0, char *p1, size_t l1, char *p2, size_t l2, string_t *ret);
static string_t ret_strings[3];
EXPORT(ECHOES("echo-fixed-strings"))
string_t *echo_fixed_strings(char *p0, size_t l0, char *p1, size_t l1, char *p2, size_t l2) {
    host_echo_fixed_strings(p0, l0, p1, l1, p2, l2, ret_strings);
    free_block(p0, l0);
    free_block(p1, l1);
    free_block(p2, l2);
    return ret_strings;
}
EXPORT(POST("echo-fixed-strings")) void post_echo_fixed_strings(string_t *ret) {
    for (int i = 0; i < 3; i++) string_free(ret[i]);
}

// ---- A record holding both: ten flat values ----

// shelf: labels (ptr, len), corners (f32, f32), grid (six u8 as i32).
IMPORT(HOST, "echo-shelf")
void host_echo_shelf(string_s64_entry_t *labels, size_t labels_len, float c0, float c1,
                     uint32_t g00, uint32_t g01, uint32_t g10, uint32_t g11, uint32_t g20, uint32_t g21,
                     shelf_t *ret);
static shelf_t ret_shelf;
EXPORT(ECHOES("echo-shelf"))
shelf_t *echo_shelf(string_s64_entry_t *labels, size_t labels_len, float c0, float c1,
                    uint32_t g00, uint32_t g01, uint32_t g10, uint32_t g11, uint32_t g20, uint32_t g21) {
    host_echo_shelf(labels, labels_len, c0, c1, g00, g01, g10, g11, g20, g21, &ret_shelf);
    string_s64_map_free((list_t){labels, labels_len});
    return &ret_shelf;
}
EXPORT(POST("echo-shelf")) void post_echo_shelf(shelf_t *ret) { string_s64_map_free(ret->labels); }
