#ifndef C_SHARED_LIBRARY_H
#define C_SHARED_LIBRARY_H

/// Loading a shared library on first use: the C targets that forward a library's functions
/// (COpenBLAS, CCairo) define each function as a call through a pointer looked up once here, so the
/// process starts without the library and loads it when a function is first called.

/// A shared library opened by `dlopen` on first use.
struct shared_library {
    /// The file name given to `dlopen` (the dynamic loader's search path applies).
    const char *name;
    /// The `dlopen` flags.
    int flags;
    /// The handle once opened; read and written atomically.
    void *handle;
};

/// A `struct shared_library` not yet opened.
#define SHARED_LIBRARY_INITIALIZER(name, flags) { (name), (flags), 0 }

/// The address of `symbol` in `library`, opening the library first if needed. On failure writes
/// the loader's message to standard error and aborts: the library is a declared dependency.
void *shared_library_symbol(struct shared_library *library, const char *symbol);

/// The function `function` of `library`, with `function`'s own type, looked up on the first call
/// from this place and remembered.
#define SHARED_LIBRARY_FUNCTION(library, function) (__extension__({ \
    static __typeof__(&function) resolved_; \
    __typeof__(&function) pointer_ = __atomic_load_n(&resolved_, __ATOMIC_ACQUIRE); \
    if (!pointer_) { \
        pointer_ = (__typeof__(&function))shared_library_symbol(&(library), #function); \
        __atomic_store_n(&resolved_, pointer_, __ATOMIC_RELEASE); \
    } \
    pointer_; }))

#endif
