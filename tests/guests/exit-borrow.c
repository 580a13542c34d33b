// The guest of tests/WitHost.Bindings.Tests/wit/exit-borrow.wit: it exits (preview1's
// proc_exit) while it holds a borrow the host lent for the call, which the exit ends with the
// call. Built by build-guests.sh.
#include <wasi/api.h>

#include "cabi.h"

#define STORE "test:exit-borrow/store"

IMPORT(STORE, "[method]blob.size") uint32_t blob_size(int32_t self);
IMPORT(STORE, "[resource-drop]blob") void blob_drop(int32_t handle);

EXPORT("drop-borrow") uint32_t drop_borrow(int32_t b) {
    uint32_t size = blob_size(b);
    blob_drop(b);
    return size;
}

EXPORT("exit-holding-borrow") uint32_t exit_holding_borrow(int32_t b, int32_t code) {
    uint32_t size = blob_size(b);
    __wasi_proc_exit((__wasi_exitcode_t)code);
    return size;
}
