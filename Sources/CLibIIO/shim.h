#ifndef REPCOUNT_CLIBIIO_SHIM_H
#define REPCOUNT_CLIBIIO_SHIM_H

/*
 * The libiio 0.24 API as Swift sees it (Debian package libiio-dev).
 *
 * Almost all of iio.h imports into Swift unchanged. What does not is wrapped
 * here as small, documented static inline functions, so that the Swift
 * wrapper (RepCountIIO) never has to guess at C macros or thread-local state.
 */

#include <iio.h>
#include <errno.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>

/*
 * libiio 0.24 reports failures of pointer-returning calls
 * (iio_create_context_from_uri, iio_device_create_buffer, ...) by returning
 * NULL and setting errno. errno is a macro over a thread-local location;
 * reading it through a real function makes the read explicit at the call
 * site and immune to Swift reordering it past another libc call.
 */
static inline int repcount_iio_errno(void) {
    return errno;
}

/*
 * Clears errno before a libiio call whose failure is reported only through
 * errno, so a stale value from an earlier call is never blamed on it.
 */
static inline void repcount_iio_clear_errno(void) {
    errno = 0;
}

/*
 * The message libiio gives for a (positive) error code: iio_strerror into a
 * caller-provided buffer. Wrapped so that the buffer length type and the
 * sign convention (libiio returns -errno; iio_strerror wants +errno) are
 * handled in one place.
 */
static inline void repcount_iio_strerror(int code, char *dst, size_t len) {
    iio_strerror(code < 0 ? -code : code, dst, len);
}

/*
 * The library's own version (major.minor) as one number, major * 100 + minor,
 * e.g. 24 for 0.24: iio_library_get_version fills three out-parameters,
 * one of them a char array Swift would import as a tuple.
 */
static inline unsigned int repcount_iio_library_version(void) {
    unsigned int major = 0, minor = 0;
    char tag[8];
    iio_library_get_version(&major, &minor, tag);
    return major * 100 + minor;
}

#endif
