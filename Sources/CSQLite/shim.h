#ifndef REPCOUNT_CSQLITE_SHIM_H
#define REPCOUNT_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift
/// cannot import; bind calls pass this instead so SQLite copies the bytes.
static inline sqlite3_destructor_type repcount_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

#endif
