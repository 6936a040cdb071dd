//! An article's text as HTML: the sentences a view cites wrapped as link targets, and
//! the ranges judged not to be body (`removed`) wrapped so that the view can grey and
//! hide them. The text itself is written whole and escaped, so every byte the ledger's
//! offsets index is on the page exactly once.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt::Write;

use super::escape::{escape, escape_into};
use crate::model::Removed;

/// What a range of the text is wrapped as.
#[derive(Clone, Copy)]
enum Mark<'d> {
    /// Not article body, with the reason.
    Removed(&'d str),
    /// A cited sentence, with its anchor; `None` for the rest of one cut in two.
    Cited(Option<&'d str>),
}

impl Mark<'_> {
    /// Which of two marks over the same range encloses the other: removed text holds
    /// the sentences in it, not the reverse.
    fn rank(self) -> u8 {
        match self {
            Mark::Removed(_) => 0,
            Mark::Cited(_) => 1,
        }
    }

    /// The mark for the part of a range left over after a cut: the anchor belongs to
    /// the first part only.
    fn rest(self) -> Self {
        match self {
            Mark::Removed(reason) => Mark::Removed(reason),
            Mark::Cited(_) => Mark::Cited(None),
        }
    }

    fn open(self, out: &mut String) {
        match self {
            Mark::Removed(reason) => {
                let _ = write!(
                    out,
                    "<span class=\"removed\" title=\"removed: {}\">",
                    escape(reason)
                );
            }
            Mark::Cited(Some(anchor)) => {
                let _ = write!(out, "<span class=\"cited\" id=\"{}\">", escape(anchor));
            }
            Mark::Cited(None) => out.push_str("<span class=\"cited\">"),
        }
    }
}

/// Writes `text` with its `removed` ranges and `cited` sentences (start, end, anchor)
/// wrapped in elements. Ranges that do not fit the text (an edited ledger) are left out.
///
/// The pipeline's ranges nest or stay apart, but a ledger read from JSON may hold two
/// that cross; the later one is then cut at the end of the one it crosses and goes on
/// in a second element, so the markup stays well formed and no text is hidden or shown
/// by mistake.
pub(super) fn write_text(
    out: &mut String,
    text: &str,
    removed: &[Removed],
    cited: &[(usize, usize, &str)],
) {
    let mut marks: Vec<(usize, usize, Mark<'_>)> = removed
        .iter()
        .filter(|r| text.get(r.start..r.end).is_some())
        .map(|r| {
            (
                r.start,
                through_line_breaks(text, r.end),
                Mark::Removed(&r.reason),
            )
        })
        .chain(
            cited
                .iter()
                .filter(|(start, end, _)| text.get(*start..*end).is_some())
                .map(|&(start, end, anchor)| (start, end, Mark::Cited(Some(anchor)))),
        )
        .collect();
    // Earliest first; at one start, the longest (the enclosing one) first.
    let key = |(index, (start, end, mark)): (usize, &(usize, usize, Mark<'_>))| {
        Reverse((*start, Reverse(*end), mark.rank(), index))
    };
    let mut pending: BinaryHeap<_> = marks.iter().enumerate().map(key).collect();
    // The ends of the elements open around the current position, innermost last.
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(Reverse((start, Reverse(end), _, index))) = pending.pop() {
        while let Some(&inner_end) = open.last().filter(|&&e| e <= start) {
            close(out, text, &mut at, inner_end);
            open.pop();
        }
        escape_into(out, &text[at..start]);
        at = start;
        let mark = marks[index].2;
        let end = match open.last() {
            Some(&enclosing_end) if end > enclosing_end => {
                marks.push((enclosing_end, end, mark.rest()));
                pending.push(key((marks.len() - 1, &marks[marks.len() - 1])));
                enclosing_end
            }
            _ => end,
        };
        mark.open(out);
        open.push(end);
    }
    while let Some(end) = open.pop() {
        close(out, text, &mut at, end);
    }
    escape_into(out, &text[at..]);
}

/// The end of a removed range taken past the line breaks after it, so that hidden
/// boilerplate lines leave no blank lines behind.
fn through_line_breaks(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    end + rest.len() - rest.trim_start_matches(['\n', '\r']).len()
}

/// Writes the text up to `end` and closes the innermost element there.
fn close(out: &mut String, text: &str, at: &mut usize, end: usize) {
    escape_into(out, &text[*at..end]);
    *at = end;
    out.push_str("</span>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(start: usize, end: usize) -> Removed {
        Removed {
            start,
            end,
            reason: "navigation".into(),
        }
    }

    fn render(text: &str, removed: &[Removed], cited: &[(usize, usize, &str)]) -> String {
        let mut out = String::new();
        write_text(&mut out, text, removed, cited);
        out
    }

    #[test]
    fn sentences_nest_inside_removed_text() {
        let html = render("Menu. Hi there. Body.", &[removed(0, 15)], &[(6, 15, "x")]);
        assert_eq!(
            html,
            "<span class=\"removed\" title=\"removed: navigation\">Menu. \
             <span class=\"cited\" id=\"x\">Hi there.</span></span> Body."
        );
    }

    #[test]
    fn removed_lines_take_their_line_breaks() {
        let html = render("Menu\n\nBody.", &[removed(0, 4)], &[]);
        assert_eq!(
            html,
            "<span class=\"removed\" title=\"removed: navigation\">Menu\n\n</span>Body."
        );
    }

    #[test]
    fn crossing_ranges_are_cut_and_go_on() {
        let html = render("abcdef", &[removed(0, 3)], &[(2, 5, "x")]);
        assert_eq!(
            html,
            "<span class=\"removed\" title=\"removed: navigation\">ab\
             <span class=\"cited\" id=\"x\">c</span></span>\
             <span class=\"cited\">de</span>f"
        );
    }

    #[test]
    fn ranges_that_do_not_fit_are_left_out() {
        // 'é' is two bytes: offset 1 is inside it; 9 is past the end.
        let html = render("é<b>", &[removed(1, 2)], &[(0, 9, "x"), (0, 2, "y")]);
        assert_eq!(html, "<span class=\"cited\" id=\"y\">é</span>&lt;b&gt;");
    }

    #[test]
    fn empty_and_shared_ranges_stay_well_formed() {
        let html = render("ab", &[], &[(0, 2, "x"), (1, 1, "y"), (0, 2, "z")]);
        assert_eq!(
            html,
            "<span class=\"cited\" id=\"x\"><span class=\"cited\" id=\"z\">a\
             <span class=\"cited\" id=\"y\"></span>b</span></span>"
        );
    }
}
