//! The ledger as Arrow tables, one per kind of item, for DataFrames.
//!
//! Nested lists of ids stay list columns (`explode` them in pandas or polars); values
//! that may be a number or a text come as `value` (the ledger's printed form, a string)
//! and `value_number` (the number, or null).

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array};
use corroborate::model::{self, Value};

use crate::chars::Context;

/// The tables `to_arrow` makes.
pub const TABLES: &[&str] = &[
    "documents",
    "stories",
    "entities",
    "mentions",
    "events",
    "arguments",
    "claims",
    "quotes",
    "quantities",
    "times",
    "comparisons",
    "failures",
];

/// A named column and whether it may hold nulls.
type Column = (&'static str, ArrayRef, bool);

/// The named table, or `None` for a name not in [`TABLES`].
pub fn table(cx: &Context, name: &str) -> Option<RecordBatch> {
    let l = &cx.ledger;
    let columns = match name {
        "documents" => documents(&l.documents),
        "stories" => stories(&l.stories),
        "entities" => entities(&l.entities),
        "mentions" => mentions(cx),
        "events" => events(&l.events),
        "arguments" => arguments(&l.events),
        "claims" => claims(cx),
        "quotes" => quotes(cx),
        "quantities" => quantities(cx),
        "times" => times(cx),
        "comparisons" => comparisons(&l.comparisons),
        "failures" => failures(&l.failures),
        _ => return None,
    };
    Some(
        RecordBatch::try_from_iter_with_nullable(columns)
            .expect("columns of one table have one length"),
    )
}

fn strs<'a>(values: impl IntoIterator<Item = &'a str>) -> ArrayRef {
    // A builder, not `from_iter_values`: flattened rows have no exact length up front.
    let mut builder = StringBuilder::new();
    for value in values {
        builder.append_value(value);
    }
    Arc::new(builder.finish())
}

fn opt_strs<'a>(values: impl IntoIterator<Item = Option<&'a str>>) -> ArrayRef {
    Arc::new(StringArray::from_iter(values))
}

fn uints(values: impl IntoIterator<Item = usize>) -> ArrayRef {
    let values: Vec<u64> = values.into_iter().map(|v| v as u64).collect();
    Arc::new(UInt64Array::from(values))
}

fn bools(values: impl IntoIterator<Item = bool>) -> ArrayRef {
    Arc::new(BooleanArray::from_iter(values.into_iter().map(Some)))
}

fn lists<'a>(values: impl IntoIterator<Item = &'a [String]>) -> ArrayRef {
    let mut builder = ListBuilder::new(StringBuilder::new());
    for list in values {
        for item in list {
            builder.values().append_value(item);
        }
        builder.append(true);
    }
    Arc::new(builder.finish())
}

/// `value` and `value_number` for model values.
fn value_columns<'a>(values: impl Iterator<Item = &'a Value> + Clone) -> [Column; 2] {
    let keys: Vec<String> = values.clone().map(Value::key).collect();
    let numbers = Float64Array::from_iter(values.map(|v| match v {
        Value::Number(n) => Some(*n),
        Value::Text(_) => None,
    }));
    [
        ("value", strs(keys.iter().map(String::as_str)), false),
        ("value_number", Arc::new(numbers), true),
    ]
}

/// `doc`, byte and code-point offsets, for items that index a document.
fn span_columns<'a>(
    cx: &Context,
    spans: impl Iterator<Item = (&'a str, usize, usize)> + Clone,
) -> Vec<Column> {
    vec![
        ("doc", strs(spans.clone().map(|s| s.0)), false),
        ("start", uints(spans.clone().map(|s| s.1)), false),
        ("end", uints(spans.clone().map(|s| s.2)), false),
        (
            "start_char",
            uints(spans.clone().map(|s| cx.char_offset(s.0, s.1))),
            false,
        ),
        (
            "end_char",
            uints(spans.map(|s| cx.char_offset(s.0, s.2))),
            false,
        ),
    ]
}

fn documents(d: &[model::Document]) -> Vec<Column> {
    vec![
        ("id", strs(d.iter().map(|d| d.id.as_str())), false),
        (
            "published",
            opt_strs(d.iter().map(|d| d.published.as_deref())),
            true,
        ),
        (
            "source",
            opt_strs(d.iter().map(|d| d.source.as_deref())),
            true,
        ),
        ("url", opt_strs(d.iter().map(|d| d.url.as_deref())), true),
        (
            "title",
            opt_strs(d.iter().map(|d| d.title.as_deref())),
            true,
        ),
        (
            "author",
            opt_strs(d.iter().map(|d| d.author.as_deref())),
            true,
        ),
        ("text", strs(d.iter().map(|d| d.text.as_str())), false),
    ]
}

fn stories(s: &[model::Story]) -> Vec<Column> {
    vec![
        ("id", strs(s.iter().map(|s| s.id.as_str())), false),
        (
            "title",
            opt_strs(s.iter().map(|s| s.title.as_deref())),
            true,
        ),
        (
            "documents",
            lists(s.iter().map(|s| s.documents.as_slice())),
            false,
        ),
    ]
}

fn entities(e: &[model::Entity]) -> Vec<Column> {
    vec![
        ("id", strs(e.iter().map(|e| e.id.as_str())), false),
        ("kind", strs(e.iter().map(|e| e.kind.as_str())), false),
        ("name", strs(e.iter().map(|e| e.name.as_str())), false),
        (
            "aliases",
            lists(e.iter().map(|e| e.aliases.as_slice())),
            false,
        ),
        (
            "mention_count",
            uints(e.iter().map(|e| e.mentions.len())),
            false,
        ),
    ]
}

/// One row per entity mention, with the entity and the mention's words.
fn mentions(cx: &Context) -> Vec<Column> {
    let rows = || {
        cx.ledger
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
    };
    let mut columns = vec![
        ("entity", strs(rows().map(|(e, _)| e.id.as_str())), false),
        ("kind", strs(rows().map(|(e, _)| e.kind.as_str())), false),
        ("name", strs(rows().map(|(e, _)| e.name.as_str())), false),
    ];
    columns.extend(span_columns(
        cx,
        rows().map(|(_, m)| (m.doc.as_str(), m.start, m.end)),
    ));
    columns.push((
        "text",
        strs(rows().map(|(_, m)| cx.slice(&m.doc, m.start, m.end))),
        false,
    ));
    columns
}

fn events(e: &[model::Event]) -> Vec<Column> {
    vec![
        ("id", strs(e.iter().map(|e| e.id.as_str())), false),
        ("type", strs(e.iter().map(|e| e.kind.as_str())), false),
        ("time", opt_strs(e.iter().map(|e| e.time.as_deref())), true),
        (
            "documents",
            lists(e.iter().map(|e| e.documents.as_slice())),
            false,
        ),
        (
            "mention_count",
            uints(e.iter().map(|e| e.mentions.len())),
            false,
        ),
    ]
}

/// One row per event argument.
fn arguments(e: &[model::Event]) -> Vec<Column> {
    let rows = || {
        e.iter()
            .flat_map(|e| e.arguments.iter().map(move |a| (e, a)))
    };
    vec![
        ("event", strs(rows().map(|(e, _)| e.id.as_str())), false),
        ("role", strs(rows().map(|(_, a)| a.role.as_str())), false),
        (
            "entity",
            opt_strs(rows().map(|(_, a)| a.entity.as_deref())),
            true,
        ),
        ("text", strs(rows().map(|(_, a)| a.text.as_str())), false),
    ]
}

fn claims(cx: &Context) -> Vec<Column> {
    let c = &cx.ledger.claims;
    let attribution = |f: fn(&model::Attribution) -> Option<&str>| {
        opt_strs(c.iter().map(move |c| c.attribution.as_ref().and_then(f)))
    };
    let mut columns = vec![("id", strs(c.iter().map(|c| c.id.as_str())), false)];
    columns.extend(span_columns(
        cx,
        c.iter().map(|c| (c.doc.as_str(), c.start, c.end)),
    ));
    columns.extend([
        (
            "subject",
            opt_strs(c.iter().map(|c| c.subject.as_deref())),
            true,
        ),
        (
            "subject_text",
            strs(c.iter().map(|c| c.subject_text.as_str())),
            false,
        ),
        (
            "predicate",
            strs(c.iter().map(|c| c.predicate.as_str())),
            false,
        ),
    ]);
    columns.extend(value_columns(c.iter().map(|c| &c.value)));
    columns.extend([
        (
            "value_text",
            strs(c.iter().map(|c| c.value_text.as_str())),
            false,
        ),
        (
            "attribution_entity",
            attribution(|a| a.entity.as_deref()),
            true,
        ),
        ("attribution_text", attribution(|a| Some(&a.text)), true),
        ("attribution_cue", attribution(|a| Some(&a.cue)), true),
        ("hedged", bools(c.iter().map(|c| c.hedged)), false),
        ("negated", bools(c.iter().map(|c| c.negated)), false),
    ]);
    columns
}

fn quotes(cx: &Context) -> Vec<Column> {
    let q = &cx.ledger.quotes;
    let mut columns = span_columns(cx, q.iter().map(|q| (q.doc.as_str(), q.start, q.end)));
    columns.extend([
        ("text", strs(q.iter().map(|q| q.text.as_str())), false),
        (
            "speaker",
            opt_strs(q.iter().map(|q| q.speaker.as_deref())),
            true,
        ),
        (
            "speaker_text",
            opt_strs(q.iter().map(|q| q.speaker_text.as_deref())),
            true,
        ),
        ("cue", opt_strs(q.iter().map(|q| q.cue.as_deref())), true),
    ]);
    columns
}

fn quantities(cx: &Context) -> Vec<Column> {
    let q = &cx.ledger.quantities;
    let mut columns = span_columns(cx, q.iter().map(|q| (q.doc.as_str(), q.start, q.end)));
    columns.extend([
        (
            "text",
            strs(q.iter().map(|q| cx.slice(&q.doc, q.start, q.end))),
            false,
        ),
        (
            "value",
            Arc::new(Float64Array::from_iter_values(q.iter().map(|q| q.value))) as ArrayRef,
            false,
        ),
        ("unit", opt_strs(q.iter().map(|q| q.unit.as_deref())), true),
        ("approximate", bools(q.iter().map(|q| q.approximate)), false),
        (
            "bound",
            opt_strs(q.iter().map(|q| q.bound.as_deref())),
            true,
        ),
        (
            "counted",
            opt_strs(q.iter().map(|q| q.counted.as_deref())),
            true,
        ),
        ("time", opt_strs(q.iter().map(|q| q.time.as_deref())), true),
    ]);
    columns
}

fn times(cx: &Context) -> Vec<Column> {
    let t = &cx.ledger.times;
    let mut columns = span_columns(cx, t.iter().map(|t| (t.doc.as_str(), t.start, t.end)));
    columns.extend([
        ("text", strs(t.iter().map(|t| t.text.as_str())), false),
        (
            "value",
            opt_strs(t.iter().map(|t| t.value.as_deref())),
            true,
        ),
    ]);
    columns
}

/// One row per reading: a comparison with one value and who gives it.
fn comparisons(c: &[model::Comparison]) -> Vec<Column> {
    let rows = || {
        c.iter()
            .flat_map(|c| c.readings.iter().map(move |r| (c, r)))
    };
    let sources: Vec<Vec<String>> = rows()
        .map(|(_, r)| r.sources.iter().map(|s| s.text.clone()).collect())
        .collect();
    let mut columns = vec![
        ("story", strs(rows().map(|(c, _)| c.story.as_str())), false),
        (
            "subject",
            strs(rows().map(|(c, _)| c.subject.as_str())),
            false,
        ),
        (
            "predicate",
            strs(rows().map(|(c, _)| c.predicate.as_str())),
            false,
        ),
        (
            "verdict",
            strs(rows().map(|(c, _)| c.verdict.as_str())),
            false,
        ),
    ];
    columns.extend(value_columns(rows().map(|(_, r)| &r.value)));
    columns.extend([
        (
            "documents",
            lists(rows().map(|(_, r)| r.documents.as_slice())),
            false,
        ),
        (
            "claims",
            lists(rows().map(|(_, r)| r.claims.as_slice())),
            false,
        ),
        ("sources", lists(sources.iter().map(Vec::as_slice)), false),
    ]);
    columns
}

fn failures(f: &[model::Failure]) -> Vec<Column> {
    vec![
        ("input", strs(f.iter().map(|f| f.input.as_str())), false),
        ("code", strs(f.iter().map(|f| f.code.as_str())), false),
        ("message", strs(f.iter().map(|f| f.message.as_str())), false),
    ]
}
