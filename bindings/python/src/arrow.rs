//! The ledger as Arrow tables, one per kind of item, for DataFrames.
//!
//! A table's columns are its class's attributes, in order, made by the record
//! declarations in `items.rs` through [`Columns`]: a list of ids stays a list column
//! (`explode` it in pandas or polars), an optional record is flattened into
//! `attribution_entity`, `attribution_text`, ..., a value that may be a number or a text
//! comes as `value` (the ledger's printed form, a string) and `value_number` (the number,
//! or null). Items nested in lists (an entity's mentions, an event's arguments, a
//! comparison's readings) get tables of their own, one row per nested item, led by
//! columns of the item they belong to.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, UInt64Array,
};
use corroborate::model::{self, Value};

use crate::chars::Context;

/// A named column and whether it may hold nulls.
pub type Column = (String, ArrayRef, bool);

/// A value's columns in a table.
pub trait Columns {
    /// Appends the columns of `values`, one a row: `None` where the row has no such value
    /// (its parent is an absent optional record), which only happens when `to.nullable`.
    fn columns(values: &[Option<&Self>], to: &mut Sink<'_>);
}

/// Where a value's columns go.
pub struct Sink<'a> {
    /// The column's name, or the prefix of a flattened record's columns.
    pub name: String,
    /// Whether the columns may hold nulls.
    pub nullable: bool,
    /// The ledger, for what is derived from it.
    pub cx: &'a Context,
    /// The table's columns so far.
    pub out: &'a mut Vec<Column>,
}

impl<'a> Sink<'a> {
    /// A sink for a whole table.
    fn table(cx: &'a Context, out: &'a mut Vec<Column>) -> Sink<'a> {
        Sink {
            name: String::new(),
            nullable: false,
            cx,
            out,
        }
    }

    /// The sink of one field of a record going here.
    pub fn field(&mut self, field: &str) -> Sink<'_> {
        let name = if self.name.is_empty() {
            field.to_string()
        } else {
            format!("{}_{field}", self.name)
        };
        Sink {
            name,
            nullable: self.nullable,
            cx: self.cx,
            out: &mut *self.out,
        }
    }

    /// Appends a column under this sink's name.
    pub fn push(&mut self, array: impl Array + 'static) {
        self.out
            .push((self.name.clone(), Arc::new(array), self.nullable));
    }
}

/// The number of items of each list.
pub fn counts<T>(values: &[Option<&Vec<T>>], to: &mut Sink<'_>) {
    to.push(UInt64Array::from_iter(
        values.iter().map(|v| v.map(|list| list.len() as u64)),
    ));
}

/// A list-of-strings column.
pub fn lists<'a, I>(values: impl Iterator<Item = Option<I>>, to: &mut Sink<'_>)
where
    I: IntoIterator<Item = &'a str>,
{
    let mut builder = ListBuilder::new(StringBuilder::new());
    for list in values {
        let present = list.is_some();
        for item in list.into_iter().flatten() {
            builder.values().append_value(item);
        }
        builder.append(present);
    }
    to.push(builder.finish());
}

/// Plain values: one column each.
macro_rules! plain {
    ($($t:ty => |$v:ident| $cell:expr, $array:ty;)*) => {$(
        impl Columns for $t {
            fn columns(values: &[Option<&Self>], to: &mut Sink<'_>) {
                to.push(<$array>::from_iter(values.iter().map(|v| v.map(|$v| $cell))));
            }
        }
    )*};
}

plain! {
    String => |s| s.as_str(), StringArray;
    usize => |n| *n as u64, UInt64Array;
    bool => |b| *b, BooleanArray;
    f64 => |x| *x, Float64Array;
}

impl Columns for Vec<String> {
    fn columns(values: &[Option<&Self>], to: &mut Sink<'_>) {
        lists(
            values
                .iter()
                .map(|v| v.map(|list| list.iter().map(String::as_str))),
            to,
        );
    }
}

/// An absent value is a null in each of its columns.
impl<T: Columns> Columns for Option<T> {
    fn columns(values: &[Option<&Self>], to: &mut Sink<'_>) {
        let present: Vec<Option<&T>> = values.iter().map(|v| v.and_then(Option::as_ref)).collect();
        let nullable = std::mem::replace(&mut to.nullable, true);
        T::columns(&present, to);
        to.nullable = nullable;
    }
}

/// `value`, the printed form, and `value_number`, the number or null.
impl Columns for Value {
    fn columns(values: &[Option<&Self>], to: &mut Sink<'_>) {
        to.push(StringArray::from_iter(
            values.iter().map(|v| v.map(Value::key)),
        ));
        let numbers = Float64Array::from_iter(values.iter().map(|v| match v {
            Some(Value::Number(n)) => Some(*n),
            _ => None,
        }));
        let name = format!("{}_number", to.name);
        to.out.push((name, Arc::new(numbers), true));
    }
}

/// One row per item.
fn rows<T: Columns>(items: &[T], cx: &Context) -> Vec<Column> {
    let rows: Vec<Option<&T>> = items.iter().map(Some).collect();
    let mut out = Vec::new();
    T::columns(&rows, &mut Sink::table(cx, &mut out));
    out
}

/// One row per nested item: the parent's columns `keep` names (renamed as given), then
/// the nested item's columns.
fn nested<P: Columns, C: Columns>(
    parents: &[P],
    children: impl Fn(&P) -> &[C],
    keep: &[(&str, &str)],
    cx: &Context,
) -> Vec<Column> {
    let pairs: Vec<(&P, &C)> = parents
        .iter()
        .flat_map(|p| children(p).iter().map(move |c| (p, c)))
        .collect();
    let parent_rows: Vec<Option<&P>> = pairs.iter().map(|(p, _)| Some(*p)).collect();
    let mut parent_columns = Vec::new();
    P::columns(&parent_rows, &mut Sink::table(cx, &mut parent_columns));
    let mut out: Vec<Column> = keep
        .iter()
        .map(|&(from, to)| {
            let (_, array, nullable) = parent_columns
                .iter()
                .find(|(name, _, _)| name == from)
                .expect("a kept column is one of the parent's");
            (to.to_string(), Arc::clone(array), *nullable)
        })
        .collect();
    let child_rows: Vec<Option<&C>> = pairs.iter().map(|(_, c)| Some(*c)).collect();
    C::columns(&child_rows, &mut Sink::table(cx, &mut out));
    out
}

/// The tables `to_arrow` makes, each with how the ledger's items make it.
macro_rules! tables {
    ($($name:literal => |$cx:ident, $l:ident| $columns:expr,)*) => {
        /// The names of the tables `to_arrow` makes.
        pub const TABLES: &[&str] = &[$($name),*];

        /// The named table, or `None` for a name not in [`TABLES`].
        pub fn table(cx: &Context, name: &str) -> Option<RecordBatch> {
            let columns = match name {
                $($name => {
                    let ($cx, $l): (&Context, &model::Ledger) = (cx, &cx.ledger);
                    $columns
                })*
                _ => return None,
            };
            Some(
                RecordBatch::try_from_iter_with_nullable(columns)
                    .expect("columns of one table have one length"),
            )
        }
    };
}

tables! {
    "documents" => |cx, l| rows(&l.documents, cx),
    "stories" => |cx, l| rows(&l.stories, cx),
    "entities" => |cx, l| rows(&l.entities, cx),
    "mentions" => |cx, l| nested(
        &l.entities,
        |e| &e.mentions,
        &[("id", "entity"), ("kind", "kind"), ("name", "name")],
        cx,
    ),
    "events" => |cx, l| rows(&l.events, cx),
    "arguments" => |cx, l| nested(&l.events, |e| &e.arguments, &[("id", "event")], cx),
    "claims" => |cx, l| rows(&l.claims, cx),
    "quotes" => |cx, l| rows(&l.quotes, cx),
    "quantities" => |cx, l| rows(&l.quantities, cx),
    "times" => |cx, l| rows(&l.times, cx),
    "comparisons" => |cx, l| nested(
        &l.comparisons,
        |c| &c.readings,
        &[("story", "story"), ("subject", "subject"), ("predicate", "predicate"), ("verdict", "verdict")],
        cx,
    ),
    "failures" => |cx, l| rows(&l.failures, cx),
}
