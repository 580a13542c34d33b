// The guest of tests/WitHost.Bindings.Tests/wit/resource-misuse.wit: it misuses the host's
// resource handles on purpose (a borrow kept past the export's return, an own handle used after
// its drop), so the host must trap. Built by build-guests.sh.
#include "cabi.h"

#define STORE "test:resource-misuse/store"

IMPORT(STORE, "[method]blob.size") uint32_t blob_size(int32_t self);
IMPORT(STORE, "[resource-drop]blob") void blob_drop(int32_t handle);

EXPORT("drop-borrow") uint32_t drop_borrow(int32_t b) {
    uint32_t size = blob_size(b);
    blob_drop(b);
    return size;
}

EXPORT("keep-borrow") uint32_t keep_borrow(int32_t b) { return blob_size(b); }

EXPORT("use-after-drop") uint32_t use_after_drop(int32_t b) {
    blob_drop(b);
    return blob_size(b);
}
