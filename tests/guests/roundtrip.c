// The guest of the wide round-trip world (wit/roundtrip.wit), with hand-written Canonical ABI
// glue. Each export echo-<type> lifts its argument, lowers it into the host's import
// echo-<type>, lifts the host's answer and returns it. Built by build-guests.sh.
//
// Core names: exports "example:roundtrip/echoes#<fn>", imports from module
// "example:roundtrip/host". Flat signatures are written out beside each function.
#include "cabi.h"

#define HOST "example:roundtrip/host"
#define ECHOES(fn) "example:roundtrip/echoes#" fn
#define POST(fn) "cabi_post_example:roundtrip/echoes#" fn

// ---- Types, in their Canonical ABI memory layout (C's layout rules give the same offsets) ----

typedef struct {
    int32_t x, y;
} point_t;

typedef struct {
    uint8_t is_some;
    uint32_t value;
} option_u32_t;

typedef struct {
    string_t street;
    string_t city;
    option_u32_t zip;
} address_t;

typedef struct {
    uint8_t is_some;
    address_t value;
} option_address_t;

typedef struct {
    string_t name;
    uint8_t age;
    list_t emails; // of string_t
    option_address_t address;
} person_t;
_Static_assert(sizeof(person_t) == 48 && _Alignof(person_t) == 4, "person is 48 bytes");

typedef struct {
    string_t name;
    person_t lead;
    list_t members; // of person_t
    list_t scores;  // of list_t of uint32_t
} team_t;
_Static_assert(sizeof(team_t) == 72, "team is 72 bytes");

enum { EVENT_MOVED, EVENT_SAID, EVENT_SCORED, EVENT_IDLE };

typedef struct {
    uint8_t tag;
    union {
        point_t moved;
        string_t said;
        struct {
            uint32_t points;
            double time;
        } scored;
    } as;
} event_t;
_Static_assert(sizeof(event_t) == 24 && _Alignof(event_t) == 8, "event is 24 bytes, 8-aligned");

typedef struct {
    uint8_t is_some;
    string_t value;
} option_string_t;

typedef struct {
    uint8_t is_some;
    point_t value;
} option_point_t;

// result<u32>, result<_, string>, result<string, level>: a u8 case (ok 0, err 1), then the
// payload at the largest payload alignment.
typedef struct {
    uint8_t is_err;
    uint32_t ok;
} result_u32_t;

typedef struct {
    uint8_t is_err;
    string_t err;
} result_unit_string_t;

typedef struct {
    uint8_t is_err;
    union {
        string_t ok;
        uint8_t err;
    } as;
} result_string_level_t;

typedef struct {
    uint8_t a;
    string_t b;
    double c;
} tuple_u8_string_f64_t;
_Static_assert(sizeof(tuple_u8_string_f64_t) == 24, "tuple<u8, string, f64> is 24 bytes");

typedef struct {
    uint64_t a;
    string_t b;
    list_t c; // of uint8_t
} tuple_u64_string_bytes_t;

// The seventeen parameters of many-params, as the tuple they are stored as in memory.
typedef struct {
    uint8_t a1;
    int8_t a2;
    uint16_t a3;
    int16_t a4;
    uint32_t a5;
    int32_t a6;
    uint64_t a7;
    int64_t a8;
    float a9;
    double a10;
    uint8_t a11;
    uint32_t a12;
    string_t a13;
    point_t a14;
    uint8_t a15;
    uint8_t a16;
    option_u32_t a17;
} many_params_t;
_Static_assert(sizeof(many_params_t) == 88 && _Alignof(many_params_t) == 8, "many-params' tuple is 88 bytes");

// ---- Freeing what the guest owns ----

static void strings_free(list_t list) {
    string_t *items = list.ptr;
    for (size_t i = 0; i < list.len; i++) string_free(items[i]);
    LIST_FREE(string_t, list);
}

static void person_free(person_t *p) {
    string_free(p->name);
    strings_free(p->emails);
    if (p->address.is_some) {
        string_free(p->address.value.street);
        string_free(p->address.value.city);
    }
}

static void persons_free(list_t list) {
    person_t *items = list.ptr;
    for (size_t i = 0; i < list.len; i++) person_free(&items[i]);
    LIST_FREE(person_t, list);
}

static void lists_u32_free(list_t list) {
    list_t *items = list.ptr;
    for (size_t i = 0; i < list.len; i++) LIST_FREE(uint32_t, items[i]);
    LIST_FREE(list_t, list);
}

static void team_free(team_t *t) {
    string_free(t->name);
    person_free(&t->lead);
    persons_free(t->members);
    lists_u32_free(t->scores);
}

// ---- Scalars: one core value each way, passed through unchanged ----

#define ECHO_SCALAR(fn, id, type)                                       \
    IMPORT(HOST, fn) type host_##id(type v);                            \
    EXPORT(ECHOES(fn)) type echo_##id(type v) { return host_##id(v); }

ECHO_SCALAR("echo-bool", bool, int32_t)
ECHO_SCALAR("echo-u8", u8, uint32_t)
ECHO_SCALAR("echo-s8", s8, int32_t)
ECHO_SCALAR("echo-u16", u16, uint32_t)
ECHO_SCALAR("echo-s16", s16, int32_t)
ECHO_SCALAR("echo-u32", u32, uint32_t)
ECHO_SCALAR("echo-s32", s32, int32_t)
ECHO_SCALAR("echo-u64", u64, uint64_t)
ECHO_SCALAR("echo-s64", s64, int64_t)
ECHO_SCALAR("echo-f32", f32, float)
ECHO_SCALAR("echo-f64", f64, double)
ECHO_SCALAR("echo-char", char, uint32_t)
// An enum, and flags of up to 8 members (a u8 in memory), are one i32 too.
ECHO_SCALAR("echo-level", level, uint32_t)
ECHO_SCALAR("echo-permissions", permissions, uint32_t)
// flags of 9 to 32 members are one i32 as well; bit i is flag i.
ECHO_SCALAR("echo-many", many, uint32_t)
// result without payloads is its case alone: one i32.
ECHO_SCALAR("echo-result", result, uint32_t)

EXPORT(ECHOES("echo-f32-bits")) uint32_t echo_f32_bits(uint32_t bits) {
    return (uint32_t)f32_to_bits(host_f32(f32_from_bits((int32_t)bits)));
}

EXPORT(ECHOES("echo-f64-bits")) uint64_t echo_f64_bits(uint64_t bits) {
    return (uint64_t)f64_to_bits(host_f64(f64_from_bits((int64_t)bits)));
}

// ---- Strings and lists: (ptr, len) in; a return area out ----
// The argument is the guest's; the host reads it, and answers with a new block the guest owns
// and frees in cabi_post.

IMPORT(HOST, "echo-string") void host_echo_string(char *ptr, size_t len, string_t *ret);
static string_t ret_string;
EXPORT(ECHOES("echo-string")) string_t *echo_string(char *ptr, size_t len) {
    host_echo_string(ptr, len, &ret_string);
    free_block(ptr, len);
    return &ret_string;
}
EXPORT(POST("echo-string")) void post_echo_string(string_t *ret) { string_free(*ret); }

static list_t ret_list;

IMPORT(HOST, "echo-list-u8") void host_echo_list_u8(uint8_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-list-u8")) list_t *echo_list_u8(uint8_t *ptr, size_t len) {
    host_echo_list_u8(ptr, len, &ret_list);
    free_block(ptr, len);
    return &ret_list;
}
EXPORT(POST("echo-list-u8")) void post_echo_list_u8(list_t *ret) { LIST_FREE(uint8_t, *ret); }

IMPORT(HOST, "echo-list-string") void host_echo_list_string(string_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-list-string")) list_t *echo_list_string(string_t *ptr, size_t len) {
    host_echo_list_string(ptr, len, &ret_list);
    strings_free((list_t){ptr, len});
    return &ret_list;
}
EXPORT(POST("echo-list-string")) void post_echo_list_string(list_t *ret) { strings_free(*ret); }

IMPORT(HOST, "echo-list-person") void host_echo_list_person(person_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-list-person")) list_t *echo_list_person(person_t *ptr, size_t len) {
    host_echo_list_person(ptr, len, &ret_list);
    persons_free((list_t){ptr, len});
    return &ret_list;
}
EXPORT(POST("echo-list-person")) void post_echo_list_person(list_t *ret) { persons_free(*ret); }

IMPORT(HOST, "echo-list-list") void host_echo_list_list(list_t *ptr, size_t len, list_t *ret);
EXPORT(ECHOES("echo-list-list")) list_t *echo_list_list(list_t *ptr, size_t len) {
    host_echo_list_list(ptr, len, &ret_list);
    lists_u32_free((list_t){ptr, len});
    return &ret_list;
}
EXPORT(POST("echo-list-list")) void post_echo_list_list(list_t *ret) { lists_u32_free(*ret); }

// ---- Records ----

// point: (x, y) flat; two values, so the result goes through a return area.
IMPORT(HOST, "echo-point") void host_echo_point(int32_t x, int32_t y, point_t *ret);
static point_t ret_point;
EXPORT(ECHOES("echo-point")) point_t *echo_point(int32_t x, int32_t y) {
    host_echo_point(x, y, &ret_point);
    return &ret_point;
}

// person flattens field by field, nested records and options included, to twelve values:
// name (ptr, len), age, emails (ptr, len), address (case, street (ptr, len), city (ptr, len),
// zip (case, value)). A none's payload values are zeros.
#define PERSON_PARAMS                                                                      \
    char *name_ptr, size_t name_len, uint32_t age, string_t *emails_ptr, size_t emails_len, \
        uint32_t has_address, char *street_ptr, size_t street_len, char *city_ptr,        \
        size_t city_len, uint32_t has_zip, uint32_t zip

#define PERSON_FLAT(p)                                                                        \
    (p).name.ptr, (p).name.len, (p).age, (p).emails.ptr, (p).emails.len, (p).address.is_some, \
        (p).address.value.street.ptr, (p).address.value.street.len,                          \
        (p).address.value.city.ptr, (p).address.value.city.len,                              \
        (p).address.value.zip.is_some, (p).address.value.zip.value

IMPORT(HOST, "echo-person") void host_echo_person(PERSON_PARAMS, person_t *ret);
static person_t ret_person;
EXPORT(ECHOES("echo-person")) person_t *echo_person(PERSON_PARAMS) {
    // Build the record from its flat values; a none's payload is left zero, as lowering
    // requires of the values passed on.
    person_t p = {
        .name = {name_ptr, name_len},
        .age = (uint8_t)age,
        .emails = {emails_ptr, emails_len},
    };
    if (has_address) {
        p.address.is_some = 1;
        p.address.value.street = (string_t){street_ptr, street_len};
        p.address.value.city = (string_t){city_ptr, city_len};
        if (has_zip) p.address.value.zip = (option_u32_t){1, zip};
    }
    host_echo_person(PERSON_FLAT(p), &ret_person);
    person_free(&p);
    return &ret_person;
}
EXPORT(POST("echo-person")) void post_echo_person(person_t *ret) { person_free(ret); }

// team is eighteen flat values, more than 16: the export gets a pointer to it in memory the
// host allocated (the guest frees the block with everything in it), and the import gets a
// pointer to memory of the guest's (here the same block, read by the host before it is freed).
IMPORT(HOST, "echo-team") void host_echo_team(team_t *v, team_t *ret);
static team_t ret_team;
EXPORT(ECHOES("echo-team")) team_t *echo_team(team_t *v) {
    host_echo_team(v, &ret_team);
    team_free(v);
    free(v);
    return &ret_team;
}
EXPORT(POST("echo-team")) void post_echo_team(team_t *ret) { team_free(ret); }

// ---- Variants ----

// event flattens to (case, i32, i64): moved is (x, y as i64), said (ptr, len as i64),
// scored (points, the f64's bits as i64). Lowering widens an i32 into the i64 slot with zero
// extension; lifting wraps it back to 32 bits.
IMPORT(HOST, "echo-event") void host_echo_event(uint32_t tag, uint32_t slot1, uint64_t slot2, event_t *ret);
static event_t ret_event;
EXPORT(ECHOES("echo-event")) event_t *echo_event(uint32_t tag, uint32_t slot1, uint64_t slot2) {
    event_t e = {.tag = (uint8_t)tag};
    switch (tag) {
    case EVENT_MOVED: e.as.moved = (point_t){(int32_t)slot1, (int32_t)(uint32_t)slot2}; break;
    case EVENT_SAID: e.as.said = (string_t){(char *)slot1, (size_t)(uint32_t)slot2}; break;
    case EVENT_SCORED: e.as.scored.points = slot1, e.as.scored.time = f64_from_bits((int64_t)slot2); break;
    }
    // Lower it again for the host, from the lifted value.
    uint32_t out1 = 0;
    uint64_t out2 = 0;
    switch (e.tag) {
    case EVENT_MOVED: out1 = (uint32_t)e.as.moved.x, out2 = (uint32_t)e.as.moved.y; break;
    case EVENT_SAID: out1 = (uint32_t)e.as.said.ptr, out2 = (uint32_t)e.as.said.len; break;
    case EVENT_SCORED: out1 = e.as.scored.points, out2 = (uint64_t)f64_to_bits(e.as.scored.time); break;
    }
    host_echo_event(e.tag, out1, out2, &ret_event);
    if (e.tag == EVENT_SAID) string_free(e.as.said);
    return &ret_event;
}
EXPORT(POST("echo-event")) void post_echo_event(event_t *ret) {
    if (ret->tag == EVENT_SAID) string_free(ret->as.said);
}

// ---- Options ----

IMPORT(HOST, "echo-option-string") void host_echo_option_string(uint32_t is_some, char *ptr, size_t len, option_string_t *ret);
static option_string_t ret_option_string;
EXPORT(ECHOES("echo-option-string")) option_string_t *echo_option_string(uint32_t is_some, char *ptr, size_t len) {
    host_echo_option_string(is_some, ptr, len, &ret_option_string);
    if (is_some) free_block(ptr, len);
    return &ret_option_string;
}
EXPORT(POST("echo-option-string")) void post_echo_option_string(option_string_t *ret) {
    if (ret->is_some) string_free(ret->value);
}

IMPORT(HOST, "echo-option-point") void host_echo_option_point(uint32_t is_some, int32_t x, int32_t y, option_point_t *ret);
static option_point_t ret_option_point;
EXPORT(ECHOES("echo-option-point")) option_point_t *echo_option_point(uint32_t is_some, int32_t x, int32_t y) {
    host_echo_option_point(is_some, x, y, &ret_option_point);
    return &ret_option_point;
}

// ---- Results (echo-result, without payloads, is a scalar above) ----

IMPORT(HOST, "echo-result-ok") void host_echo_result_ok(uint32_t is_err, uint32_t ok, result_u32_t *ret);
static result_u32_t ret_result_u32;
EXPORT(ECHOES("echo-result-ok")) result_u32_t *echo_result_ok(uint32_t is_err, uint32_t ok) {
    host_echo_result_ok(is_err, ok, &ret_result_u32);
    return &ret_result_u32;
}

IMPORT(HOST, "echo-result-err") void host_echo_result_err(uint32_t is_err, char *ptr, size_t len, result_unit_string_t *ret);
static result_unit_string_t ret_result_unit_string;
EXPORT(ECHOES("echo-result-err")) result_unit_string_t *echo_result_err(uint32_t is_err, char *ptr, size_t len) {
    host_echo_result_err(is_err, ptr, len, &ret_result_unit_string);
    if (is_err) free_block(ptr, len);
    return &ret_result_unit_string;
}
EXPORT(POST("echo-result-err")) void post_echo_result_err(result_unit_string_t *ret) {
    if (ret->is_err) string_free(ret->err);
}

// result<string, level> flattens to (case, i32, i32): ok is (ptr, len), err is (level, 0).
IMPORT(HOST, "echo-result-both") void host_echo_result_both(uint32_t is_err, uint32_t slot1, uint32_t slot2, result_string_level_t *ret);
static result_string_level_t ret_result_string_level;
EXPORT(ECHOES("echo-result-both")) result_string_level_t *echo_result_both(uint32_t is_err, uint32_t slot1, uint32_t slot2) {
    host_echo_result_both(is_err, slot1, slot2, &ret_result_string_level);
    if (!is_err) free_block((void *)slot1, slot2);
    return &ret_result_string_level;
}
EXPORT(POST("echo-result-both")) void post_echo_result_both(result_string_level_t *ret) {
    if (!ret->is_err) string_free(ret->as.ok);
}

// ---- Tuples ----

IMPORT(HOST, "echo-tuple") void host_echo_tuple(uint32_t a, char *b_ptr, size_t b_len, double c, tuple_u8_string_f64_t *ret);
static tuple_u8_string_f64_t ret_tuple;
EXPORT(ECHOES("echo-tuple")) tuple_u8_string_f64_t *echo_tuple(uint32_t a, char *b_ptr, size_t b_len, double c) {
    host_echo_tuple(a, b_ptr, b_len, c, &ret_tuple);
    free_block(b_ptr, b_len);
    return &ret_tuple;
}
EXPORT(POST("echo-tuple")) void post_echo_tuple(tuple_u8_string_f64_t *ret) { string_free(ret->b); }

// ---- More than 16 flat parameters, both ways ----

// The export gets a pointer to the tuple of its parameters, which the host allocated; the
// import gets a pointer to the same tuple in the guest's memory, then the guest frees it.
IMPORT(HOST, "many-params") void host_many_params(many_params_t *args, tuple_u64_string_bytes_t *ret);
static tuple_u64_string_bytes_t ret_many_params;
EXPORT(ECHOES("many-params")) tuple_u64_string_bytes_t *many_params(many_params_t *args) {
    host_many_params(args, &ret_many_params);
    string_free(args->a13);
    free(args);
    return &ret_many_params;
}
EXPORT(POST("many-params")) void post_many_params(tuple_u64_string_bytes_t *ret) {
    string_free(ret->b);
    LIST_FREE(uint8_t, ret->c);
}
