/* entities: prints the people, organizations and places of some articles, and who said what.
 *
 *   entities INPUT...
 *
 * Inputs are read by the library exactly as the `corroborate` command reads them: article
 * files, directories of them, or .jsonl manifests. */
#include <stdio.h>

#include "corroborate.h"
#include "example.h"

int main(int argc, char **argv) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  int status = 1;
  size_t i, count;

  if (argc < 2) {
    fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
    return 1;
  }
  if (failed(corroborate_builder_new(&builder), "corroborate_builder_new")) {
    return 1;
  }
  for (i = 1; i < (size_t)argc; i++) {
    if (failed(corroborate_builder_add_path(builder, str_of(argv[i])), argv[i])) {
      goto done;
    }
  }
  if (failed(corroborate_builder_build(builder, &ledger), "corroborate_builder_build")) {
    goto done;
  }

  count = corroborate_ledger_entity_count(ledger);
  printf("Entities (%zu):\n", count);
  for (i = 0; i < count; i++) {
    corroborate_entity e;
    if (failed(corroborate_ledger_entity(ledger, i, &e), "corroborate_ledger_entity")) {
      goto done;
    }
    printf("  %-12.*s ", (int)e.kind_name.len, e.kind_name.ptr);
    print_str(stdout, e.name, "?");
    printf("  [%zu mentions, %zu spellings]\n", e.mention_count, e.alias_count);
  }

  count = corroborate_ledger_quote_count(ledger);
  printf("Quotes (%zu):\n", count);
  for (i = 0; i < count; i++) {
    corroborate_quote q;
    if (failed(corroborate_ledger_quote(ledger, i, &q), "corroborate_ledger_quote")) {
      goto done;
    }
    printf("  ");
    print_str(stdout, q.doc, "?");
    printf(" [%zu..%zu] ", q.start, q.end);
    print_str(stdout, q.speaker_name.ptr != NULL ? q.speaker_name : q.speaker_text,
              "(unknown speaker)");
    printf(": \"");
    print_str(stdout, q.text, "");
    printf("\"\n");
  }
  status = 0;
done:
  corroborate_ledger_free(ledger);
  corroborate_builder_free(builder);
  return status;
}
