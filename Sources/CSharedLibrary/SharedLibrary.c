#include "CSharedLibrary.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t opening = PTHREAD_MUTEX_INITIALIZER;

static void *open_library(struct shared_library *library) {
    void *handle = __atomic_load_n(&library->handle, __ATOMIC_ACQUIRE);
    if (handle) return handle;
    pthread_mutex_lock(&opening);
    handle = library->handle;
    if (!handle) {
        handle = dlopen(library->name, library->flags);
        if (!handle) {
            fprintf(stderr, "error: cannot load %s: %s\n", library->name, dlerror());
            abort();
        }
        __atomic_store_n(&library->handle, handle, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&opening);
    return handle;
}

void *shared_library_symbol(struct shared_library *library, const char *symbol) {
    void *handle = open_library(library);
    dlerror();
    void *address = dlsym(handle, symbol);
    if (!address) {
        fprintf(stderr, "error: %s has no symbol %s: %s\n", library->name, symbol, dlerror());
        abort();
    }
    return address;
}
