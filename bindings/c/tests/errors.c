/* Bad input through the C API: every misuse the header defines ends in a status and a
 * message, never a crash. Run by bindings/c/run-tests.sh, under valgrind.
 * Prints "N passed, M failed" and exits non-zero when anything failed. */
#include <stdio.h>
#include <string.h>

#include "corroborate.h"

static int passed = 0;
static int failures = 0;

#define CHECK(cond)                                                        \
  do {                                                                     \
    if (cond) {                                                            \
      passed++;                                                            \
    } else {                                                               \
      failures++;                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    }                                                                      \
  } while (0)

/* The call returned `expected` and left a message containing `fragment`. */
#define CHECK_ERR(call, expected, fragment)                                     \
  do {                                                                          \
    corroborate_status got_ = (call);                                           \
    CHECK(got_ == (expected));                                                  \
    CHECK(strstr(corroborate_last_error(), (fragment)) != NULL);                \
    if (got_ != (expected) || strstr(corroborate_last_error(), (fragment)) == NULL) \
      fprintf(stderr, "  got %s: %s\n", corroborate_status_name((int)got_),    \
              corroborate_last_error());                                        \
  } while (0)

static corroborate_str str_of(const char *s) {
  corroborate_str out;
  out.ptr = s;
  out.len = strlen(s);
  return out;
}

static corroborate_document_input doc_of(const char *id, const char *text) {
  corroborate_document_input doc;
  memset(&doc, 0, sizeof doc);
  doc.id = str_of(id);
  doc.text = str_of(text);
  return doc;
}

static void null_arguments(void) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = (corroborate_ledger *)&builder; /* must be overwritten */
  corroborate_document_input doc = doc_of("a", "The port reopened on Monday.");
  corroborate_str out;

  CHECK_ERR(corroborate_builder_new(NULL), CORROBORATE_NULL_ARGUMENT, "out is NULL");
  CHECK_ERR(corroborate_builder_add_document(NULL, &doc), CORROBORATE_NULL_ARGUMENT, "builder");
  CHECK_ERR(corroborate_builder_set_keep_going(NULL, true), CORROBORATE_NULL_ARGUMENT, "builder");
  CHECK_ERR(corroborate_builder_build(NULL, &ledger), CORROBORATE_NULL_ARGUMENT, "builder");
  CHECK(ledger == NULL); /* out-parameters are cleared on failure */
  CHECK_ERR(corroborate_ledger_to_json(NULL, &out), CORROBORATE_NULL_ARGUMENT, "ledger");
  CHECK(out.ptr == NULL && out.len == 0);
  CHECK_ERR(corroborate_ledger_from_json(str_of("{}"), NULL), CORROBORATE_NULL_ARGUMENT, "out");
  CHECK(corroborate_ledger_entity_count(NULL) == 0);
  CHECK(corroborate_ledger_comparison_count(NULL) == 0);

  CHECK(corroborate_builder_new(&builder) == CORROBORATE_OK);
  CHECK(strcmp(corroborate_last_error(), "") == 0); /* success clears the message */
  CHECK_ERR(corroborate_builder_add_document(builder, NULL), CORROBORATE_NULL_ARGUMENT,
            "document is NULL");
  doc.id.ptr = NULL;
  doc.id.len = 0;
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_NULL_ARGUMENT,
            "document id is NULL");
  doc = doc_of("a", "x");
  doc.text.ptr = NULL;
  doc.text.len = 5;
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_NULL_ARGUMENT,
            "non-zero length");
  CHECK_ERR(corroborate_builder_build(builder, NULL), CORROBORATE_NULL_ARGUMENT, "out is NULL");
  CHECK_ERR(corroborate_builder_add_path(builder, str_of("")), CORROBORATE_IO, "");
  corroborate_builder_free(builder);
}

static void bad_text(void) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  corroborate_document_input doc;
  static const char nul_inside[] = "The port\0reopened on Monday.";

  CHECK(corroborate_builder_new(&builder) == CORROBORATE_OK);
  doc = doc_of("a", "caf\xc3 closed");
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_INVALID_UTF8,
            "invalid UTF-8 at byte offset 3");
  doc = doc_of("\xff", "The port reopened.");
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_INVALID_UTF8,
            "document id: invalid UTF-8 at byte offset 0");
  doc = doc_of("a", "The port reopened.");
  doc.source = str_of("Daily \x80");
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_INVALID_UTF8,
            "a: source: invalid UTF-8 at byte offset 6");
  doc = doc_of("", "The port reopened.");
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_INVALID_ARGUMENT,
            "document id is empty");
  doc = doc_of("a", "");
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_EMPTY_DOCUMENT,
            "a: the document is empty");
  doc = doc_of("a", "");
  doc.html = true;
  CHECK_ERR(corroborate_builder_add_document(builder, &doc), CORROBORATE_EMPTY_DOCUMENT,
            "a: the document is empty");
  CHECK_ERR(corroborate_builder_set_published(builder, str_of("2024-\xfe")),
            CORROBORATE_INVALID_UTF8, "published date");

  /* Nothing was added: building fails cleanly. */
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_NO_DOCUMENTS, "no documents");
  CHECK(ledger == NULL);

  /* NUL bytes are text like any other; HTML may be in any encoding. */
  doc = doc_of("nul", "");
  doc.text.ptr = nul_inside;
  doc.text.len = sizeof nul_inside - 1;
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  doc = doc_of("page", "<html><head><meta charset=\"latin1\"></head><body><p>Caf\xe9 reopened.</p></body></html>");
  doc.html = true;
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK(corroborate_builder_build(builder, &ledger) == CORROBORATE_OK);
  CHECK(corroborate_ledger_document_count(ledger) == 2);
  corroborate_ledger_free(ledger);
  corroborate_builder_free(builder);
}

static void build_errors(void) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  corroborate_document_input doc = doc_of("a", "The port reopened on Monday.");
  corroborate_document_input blank = doc_of("blank", "   \n ");
  corroborate_failure failure;

  CHECK(corroborate_builder_new(&builder) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_DUPLICATE_ID,
            "duplicate document id \"a\"");
  /* The build took the documents: the builder is empty, but still valid. */
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_NO_DOCUMENTS, "no documents");

  CHECK(corroborate_builder_add_document(builder, &blank) == CORROBORATE_OK);
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_EMPTY_DOCUMENT,
            "blank: the document is empty");

  CHECK(corroborate_builder_set_published(builder, str_of("2023-02-31")) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_BAD_DATE, "2023-02-31");
  CHECK(corroborate_builder_set_published(builder, str_of("2024-07-16")) == CORROBORATE_OK);

  CHECK(corroborate_builder_set_max_document_bytes(builder, 10) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK_ERR(corroborate_builder_build(builder, &ledger), CORROBORATE_TOO_LARGE, "over the limit");
  CHECK(corroborate_builder_set_max_document_bytes(builder, 1 << 20) == CORROBORATE_OK);

  /* Keep-going: bad inputs are listed, never dropped silently. */
  CHECK(corroborate_builder_set_keep_going(builder, true) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_document(builder, &blank) == CORROBORATE_OK);
  CHECK(corroborate_builder_add_path(builder, str_of("/nonexistent/x.txt")) == CORROBORATE_OK);
  CHECK(corroborate_builder_build(builder, &ledger) == CORROBORATE_OK);
  CHECK(corroborate_ledger_document_count(ledger) == 1);
  CHECK(corroborate_ledger_failure_count(ledger) == 2);
  CHECK(corroborate_ledger_failure(ledger, 1, &failure) == CORROBORATE_OK);
  CHECK(failure.code.len == strlen("empty_document") &&
        memcmp(failure.code.ptr, "empty_document", failure.code.len) == 0);
  CHECK_ERR(corroborate_ledger_failure(ledger, 2, &failure), CORROBORATE_INVALID_ARGUMENT,
            "failure index 2 is out of range (there are 2)");
  corroborate_ledger_free(ledger);
  ledger = NULL;

  CHECK(corroborate_builder_set_keep_going(builder, false) == CORROBORATE_OK);
  CHECK_ERR(corroborate_builder_add_path(builder, str_of("/nonexistent/x.txt")), CORROBORATE_IO,
            "/nonexistent/x.txt");
  CHECK_ERR(corroborate_builder_add_path(builder, str_of("/")), CORROBORATE_UNSUPPORTED_INPUT, "/");
  corroborate_builder_free(builder);
}

static void ledgers(void) {
  corroborate_builder *builder = NULL;
  corroborate_ledger *ledger = NULL;
  corroborate_ledger *reread = NULL;
  corroborate_document_input doc = doc_of("a", "The mayor of Springfield resigned on Monday.");
  corroborate_str json;
  corroborate_entity entity;
  corroborate_comparison comparison;
  corroborate_reading reading;
  corroborate_str document;
  const char *schema = "{\"schema\":\"corroborate.ledger/1\"";

  CHECK_ERR(corroborate_ledger_from_json(str_of("{\"schema\":"), &reread), CORROBORATE_JSON,
            "invalid JSON");
  CHECK(reread == NULL);
  CHECK_ERR(corroborate_ledger_from_json(str_of("\xff"), &reread), CORROBORATE_INVALID_UTF8,
            "ledger JSON");

  CHECK(corroborate_builder_new(&builder) == CORROBORATE_OK);
  doc.published = str_of("2024-07-16");
  CHECK(corroborate_builder_add_document(builder, &doc) == CORROBORATE_OK);
  CHECK(corroborate_builder_build(builder, &ledger) == CORROBORATE_OK);
  CHECK(corroborate_ledger_to_json(ledger, &json) == CORROBORATE_OK);
  CHECK(json.len > strlen(schema) && strncmp(json.ptr, schema, strlen(schema)) == 0);
  CHECK(json.ptr[json.len] == '\0');
  CHECK(corroborate_ledger_from_json(json, &reread) == CORROBORATE_OK);
  CHECK(corroborate_ledger_document_count(reread) == 1);

  CHECK_ERR(corroborate_ledger_entity(ledger, (size_t)-1, &entity), CORROBORATE_INVALID_ARGUMENT,
            "out of range");
  CHECK_ERR(corroborate_ledger_entity(ledger, 0, NULL), CORROBORATE_NULL_ARGUMENT, "out");
  CHECK_ERR(corroborate_ledger_comparison(ledger, corroborate_ledger_comparison_count(ledger),
                                          &comparison),
            CORROBORATE_INVALID_ARGUMENT, "comparison index");
  CHECK_ERR(corroborate_ledger_reading(ledger, (size_t)-1, 0, &reading),
            CORROBORATE_INVALID_ARGUMENT, "comparison index");
  CHECK_ERR(corroborate_ledger_reading_document(ledger, (size_t)-1, 0, 0, &document),
            CORROBORATE_INVALID_ARGUMENT, "comparison index");
  CHECK_ERR(corroborate_ledger_quote(ledger, (size_t)-1, NULL), CORROBORATE_NULL_ARGUMENT, "out");

  corroborate_ledger_free(reread);
  corroborate_ledger_free(ledger);
  corroborate_builder_free(builder);
}

/* True when a borrowed string equals a C string. */
static int str_is(corroborate_str s, const char *expected) {
  return s.ptr != NULL && s.len == strlen(expected) && memcmp(s.ptr, expected, s.len) == 0;
}

/* The views over a stored ledger with one comparison and one quote. */
static void views(void) {
  static const char json[] =
      "{\"schema\":\"corroborate.ledger/1\","
      "\"documents\":[{\"id\":\"a\",\"text\":\"Lena Ortiz, 40, said \\\"yes\\\".\",\"published\":null,"
      "\"source\":\"The Courier\",\"url\":null,\"title\":null,\"removed\":[]}],"
      "\"stories\":[{\"id\":\"s1\",\"documents\":[\"a\",\"b\"],\"title\":null}],"
      "\"entities\":[{\"id\":\"e1\",\"kind\":\"person\",\"name\":\"Lena Ortiz\","
      "\"aliases\":[\"Lena Ortiz\",\"Ortiz\"],\"mentions\":[{\"doc\":\"a\",\"start\":0,\"end\":10}]}],"
      "\"events\":[],\"claims\":[],"
      "\"quotes\":[{\"doc\":\"a\",\"start\":22,\"end\":25,\"text\":\"yes\",\"speaker\":\"e1\","
      "\"speaker_text\":\"Lena Ortiz\",\"cue\":\"said\"}],"
      "\"quantities\":[],\"times\":[],"
      "\"comparisons\":[{\"story\":\"s1\",\"subject\":\"e1\",\"predicate\":\"age\",\"verdict\":\"conflict\","
      "\"readings\":[{\"value\":40,\"claims\":[\"c1\"],\"documents\":[\"a\"],\"sources\":[]},"
      "{\"value\":\"forty-one\",\"claims\":[\"c2\"],\"documents\":[\"b\"],\"sources\":[]}]}]}";
  corroborate_ledger *ledger = NULL;
  corroborate_document document;
  corroborate_entity entity;
  corroborate_comparison comparison;
  corroborate_reading reading;
  corroborate_quote quote;
  corroborate_str id;

  CHECK(corroborate_ledger_from_json(str_of(json), &ledger) == CORROBORATE_OK);
  if (ledger == NULL) {
    fprintf(stderr, "  %s\n", corroborate_last_error());
    failures++;
    return;
  }
  CHECK(corroborate_ledger_document(ledger, 0, &document) == CORROBORATE_OK);
  CHECK(str_is(document.source, "The Courier") && document.published.ptr == NULL);
  CHECK(corroborate_ledger_entity(ledger, 0, &entity) == CORROBORATE_OK);
  CHECK(entity.kind == CORROBORATE_PERSON && str_is(entity.kind_name, "person"));
  CHECK(str_is(entity.name, "Lena Ortiz") && entity.alias_count == 2 && entity.mention_count == 1);
  CHECK(corroborate_ledger_comparison_count(ledger) == 1);
  CHECK(corroborate_ledger_comparison(ledger, 0, &comparison) == CORROBORATE_OK);
  CHECK(comparison.verdict == CORROBORATE_CONFLICT && str_is(comparison.verdict_name, "conflict"));
  CHECK(str_is(comparison.subject_name, "Lena Ortiz") && str_is(comparison.predicate, "age"));
  CHECK(comparison.reading_count == 2);
  CHECK(corroborate_ledger_reading(ledger, 0, 0, &reading) == CORROBORATE_OK);
  CHECK(reading.is_number && reading.number == 40.0 && str_is(reading.value, "40"));
  CHECK(corroborate_ledger_reading(ledger, 0, 1, &reading) == CORROBORATE_OK);
  CHECK(!reading.is_number && str_is(reading.value, "forty-one") && reading.document_count == 1);
  CHECK(corroborate_ledger_reading_document(ledger, 0, 1, 0, &id) == CORROBORATE_OK);
  CHECK(str_is(id, "b"));
  CHECK_ERR(corroborate_ledger_reading(ledger, 0, 2, &reading), CORROBORATE_INVALID_ARGUMENT,
            "reading index 2 is out of range (there are 2)");
  CHECK(corroborate_ledger_quote(ledger, 0, &quote) == CORROBORATE_OK);
  CHECK(str_is(quote.text, "yes") && str_is(quote.speaker_name, "Lena Ortiz"));
  CHECK(str_is(quote.cue, "said") && quote.start == 22 && quote.end == 25);
  corroborate_ledger_free(ledger);
}

static void freeing(void) {
  corroborate_builder *builder = NULL;
  corroborate_builder_free(NULL);
  corroborate_ledger_free(NULL);
  CHECK(corroborate_builder_new(&builder) == CORROBORATE_OK);
  corroborate_builder_free(builder);
  builder = NULL; /* the defined way to make a second free harmless */
  corroborate_builder_free(builder);
  passed++;
}

static void names(void) {
  CHECK(strcmp(corroborate_status_name(CORROBORATE_INVALID_UTF8), "CORROBORATE_INVALID_UTF8") == 0);
  CHECK(strcmp(corroborate_status_name(-1), "unknown status") == 0);
  CHECK(strcmp(corroborate_status_name(1000), "unknown status") == 0);
  CHECK(strlen(corroborate_version()) > 0);
}

int main(void) {
  null_arguments();
  bad_text();
  build_errors();
  ledgers();
  views();
  freeing();
  names();
  printf("%d passed, %d failed\n", passed, failures);
  return failures == 0 ? 0 : 1;
}
