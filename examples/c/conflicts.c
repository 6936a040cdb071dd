/* conflicts: prints where a story's sources conflict and where they agree.
 *
 *   conflicts [--published YYYY-MM-DD] ARTICLE.txt|ARTICLE.html...
 *
 * Each file is read here and handed to the library as text (pointer + length); its id is
 * its file name without the directory and the extension. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corroborate.h"
#include "example.h"

/* The file name without its directory and extension, as a borrowed slice of `path`. */
static corroborate_str file_id(const char *path) {
  const char *name = strrchr(path, '/');
  const char *dot = NULL;
  corroborate_str id;
  name = name == NULL ? path : name + 1;
  dot = strrchr(name, '.');
  id.ptr = name;
  id.len = (dot == NULL || dot == name) ? strlen(name) : (size_t)(dot - name);
  return id;
}

static int is_html(const char *path) {
  const char *dot = strrchr(path, '.');
  return dot != NULL && (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0);
}

/* Prints every comparison with the given verdict, each reading with its documents. */
static int print_verdict(const corroborate_ledger *ledger, corroborate_verdict verdict,
                         const char *heading) {
  size_t count = corroborate_ledger_comparison_count(ledger);
  size_t shown = 0;
  size_t i, r, d;
  printf("%s\n", heading);
  for (i = 0; i < count; i++) {
    corroborate_comparison c;
    if (failed(corroborate_ledger_comparison(ledger, i, &c), "corroborate_ledger_comparison")) {
      return 1;
    }
    if (c.verdict != verdict) {
      continue;
    }
    shown++;
    printf("  ");
    print_str(stdout, c.subject_name, "?");
    printf(" / ");
    print_str(stdout, c.predicate, "?");
    printf("\n");
    for (r = 0; r < c.reading_count; r++) {
      corroborate_reading reading;
      if (failed(corroborate_ledger_reading(ledger, i, r, &reading),
                 "corroborate_ledger_reading")) {
        return 1;
      }
      printf("    ");
      print_str(stdout, reading.value, "?");
      printf("  (");
      for (d = 0; d < reading.document_count; d++) {
        corroborate_str doc;
        if (failed(corroborate_ledger_reading_document(ledger, i, r, d, &doc),
                   "corroborate_ledger_reading_document")) {
          return 1;
        }
        printf(d == 0 ? "" : ", ");
        print_str(stdout, doc, "?");
      }
      printf(")\n");
    }
  }
  if (shown == 0) {
    printf("  (none)\n");
  }
  return 0;
}

int main(int argc, char **argv) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  int status = 1;
  int first = 1;
  int i;

  if (failed(corroborate_builder_new(&builder), "corroborate_builder_new")) {
    return 1;
  }
  if (argc > 2 && strcmp(argv[1], "--published") == 0) {
    if (failed(corroborate_builder_set_published(builder, str_of(argv[2])),
               "corroborate_builder_set_published")) {
      goto done;
    }
    first = 3;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [--published YYYY-MM-DD] ARTICLE...\n", argv[0]);
    goto done;
  }
  for (i = first; i < argc; i++) {
    corroborate_document_input doc;
    char *text = NULL;
    size_t len = 0;
    int bad;
    if (read_file(argv[i], &text, &len) != 0) {
      goto done;
    }
    memset(&doc, 0, sizeof doc);
    doc.id = file_id(argv[i]);
    doc.text.ptr = text;
    doc.text.len = len;
    doc.html = is_html(argv[i]);
    /* The library copies the document, so the buffer can go at once. */
    bad = failed(corroborate_builder_add_document(builder, &doc), argv[i]);
    free(text);
    if (bad) {
      goto done;
    }
  }
  if (failed(corroborate_builder_build(builder, &ledger), "corroborate_builder_build")) {
    goto done;
  }
  if (print_verdict(ledger, CORROBORATE_CONFLICT, "Conflicts:") == 0 &&
      print_verdict(ledger, CORROBORATE_AGREE, "Agreements:") == 0) {
    status = 0;
  }
done:
  corroborate_ledger_free(ledger);
  corroborate_builder_free(builder);
  return status;
}
