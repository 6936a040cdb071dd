/* Small helpers the example programs share: failing with the library's message, reading
 * a file into memory, printing a corroborate_str. Not part of the library's API. */
#ifndef CORROBORATE_EXAMPLE_H
#define CORROBORATE_EXAMPLE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corroborate.h"

/* Prints the failed call, its status and the library's message; then returns 1 so that
 * `if (failed(...)) goto done;` reads naturally. Returns 0 on CORROBORATE_OK. */
static inline int failed(corroborate_status status, const char *call) {
  if (status == CORROBORATE_OK) {
    return 0;
  }
  fprintf(stderr, "%s: %s: %s\n", call, corroborate_status_name((int)status),
          corroborate_last_error());
  return 1;
}

/* Prints a borrowed string; absent strings print as `fallback`. */
static inline void print_str(FILE *out, corroborate_str s, const char *fallback) {
  if (s.ptr == NULL) {
    fputs(fallback, out);
  } else {
    fwrite(s.ptr, 1, s.len, out);
  }
}

/* A corroborate_str over a NUL-terminated C string. */
static inline corroborate_str str_of(const char *s) {
  corroborate_str out;
  out.ptr = s;
  out.len = strlen(s);
  return out;
}

/* Reads a whole file; the caller frees *data with free(). Returns 0 on success. */
static inline int read_file(const char *path, char **data, size_t *len) {
  FILE *file = fopen(path, "rb");
  size_t cap = 4096;
  size_t used = 0;
  char *buf = NULL;
  if (file == NULL) {
    perror(path);
    return 1;
  }
  buf = malloc(cap);
  while (buf != NULL) {
    size_t got = fread(buf + used, 1, cap - used, file);
    used += got;
    if (used < cap) {
      break;
    }
    cap *= 2;
    {
      char *bigger = realloc(buf, cap);
      if (bigger == NULL) {
        free(buf);
      }
      buf = bigger;
    }
  }
  if (buf == NULL || ferror(file)) {
    fprintf(stderr, "%s: cannot read\n", path);
    free(buf);
    fclose(file);
    return 1;
  }
  fclose(file);
  *data = buf;
  *len = used;
  return 0;
}

#endif
