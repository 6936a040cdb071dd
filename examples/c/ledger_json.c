/* ledger_json: prints the ledger of some articles as JSON, byte for byte what
 * `corroborate ledger INPUT... --format json` prints.
 *
 *   ledger_json INPUT...
 *
 * Then reads the JSON back into a second ledger, as a program would that stored it. */
#include <stdio.h>

#include "corroborate.h"
#include "example.h"

int main(int argc, char **argv) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  corroborate_ledger *reread = NULL;
  corroborate_str json;
  int status = 1;
  int i;

  if (argc < 2) {
    fprintf(stderr, "usage: %s INPUT...\n", argv[0]);
    return 1;
  }
  if (failed(corroborate_builder_new(&builder), "corroborate_builder_new")) {
    return 1;
  }
  for (i = 1; i < argc; i++) {
    if (failed(corroborate_builder_add_path(builder, str_of(argv[i])), argv[i])) {
      goto done;
    }
  }
  if (failed(corroborate_builder_build(builder, &ledger), "corroborate_builder_build") ||
      failed(corroborate_ledger_to_json(ledger, &json), "corroborate_ledger_to_json")) {
    goto done;
  }
  /* The JSON is owned by the ledger: print it, never free it. */
  fwrite(json.ptr, 1, json.len, stdout);
  putchar('\n');

  if (failed(corroborate_ledger_from_json(json, &reread), "corroborate_ledger_from_json")) {
    goto done;
  }
  if (corroborate_ledger_entity_count(reread) != corroborate_ledger_entity_count(ledger)) {
    fprintf(stderr, "the JSON did not read back to the same ledger\n");
    goto done;
  }
  status = 0;
done:
  corroborate_ledger_free(reread);
  corroborate_ledger_free(ledger);
  corroborate_builder_free(builder);
  return status;
}
