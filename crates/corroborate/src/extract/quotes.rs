//! Direct quotes and who said them.
//!
//! Quote marks are paired inside paragraphs: curly marks by their shape, straight ones
//! by which side of a word they touch, so a stray mark cannot flip every later quote. A
//! paragraph that ends inside an open quote continues into the next paragraph only when
//! that one opens again (the newspaper convention for long quotes); otherwise the open
//! quote stops at its paragraph end or a few sentences on, so an unbalanced mark never
//! swallows the document. A paragraph-long continuation is kept as its own quote (its
//! span holds no reopening mark) and shares the speaker of the part before it.
//!
//! The speaker is looked for in the words around the quote, the frames: after it
//! ("…,” Ryan said. / “…,” said Ryan. / “…,” according to Ryan.) and before it (Ryan
//! told the paper: “…” / According to Ryan, “…”). A quote embedded in a sentence
//! (calling the plan “a disaster”) looks before itself first: its speaker is the
//! sentence's subject. Names come from the entity mentions; a pronoun or a description
//! ("the minister") goes through [`coref`]. A quote with no frame of its own continues
//! the speaker of the quote just before it.

use std::ops::Range;

use super::{LocalEntity, Mention, QuoteExpr, bodies, coref};
use crate::lexicon::phrases::{Phrases, auxiliaries, prepositions};
use crate::model::EntityKind;
use crate::prepare::Prepared;

/// How many sentences an unclosed quote may reach before it is cut.
const UNCLOSED_SENTENCES: usize = 4;
/// The most tokens a frame around a quote holds.
const FRAME_TOKENS: usize = 40;
/// How far into a frame after a quote its cue may stand.
const CUE_REACH: usize = 16;

crate::lexicon::lazy! {
    /// Speaker cues: the reporting verbs and the verbs that only frame direct speech.
    pub(crate) fn cues() -> Phrases = {
        Phrases::new(&[
            include_str!("../../data/reporting_verbs.txt"),
            include_str!("../../data/quote_verbs.txt"),
        ])
    };
}

crate::lexicon::lazy! {
    /// Words that open a clause (`data/clause_openers.txt`).
    pub(crate) fn clause_openers() -> Phrases = Phrases::new(&[include_str!("../../data/clause_openers.txt")]);
}

crate::lexicon::lazy! {
    /// Nouns for reporting ("reports", "media"): a name governed by a preposition after
    /// one is who reported (`data/report_nouns.txt`).
    fn report_nouns() -> Phrases = Phrases::new(&[include_str!("../../data/report_nouns.txt")]);
}

/// The direct quotes of a document, in text order, with their speakers.
pub(crate) fn find(
    doc: &Prepared,
    mentions: &[Mention],
    entities: &[LocalEntity],
) -> Vec<QuoteExpr> {
    let paragraphs = paragraphs(doc);
    let segments = segments(doc, &paragraphs);
    let words = &doc.words.lower;
    let quoted: Vec<Range<usize>> = segments.iter().map(|s| s.outer.clone()).collect();
    let frames = Frames {
        doc,
        words,
        paragraphs: &paragraphs,
        quoted: &quoted,
    };
    let speakers = Speakers::new(doc, mentions, entities, words, &quoted);
    let mut out: Vec<QuoteExpr> = Vec::with_capacity(segments.len());
    let mut previous: Option<(usize, QuoteExpr)> = None; // paragraph and quote
    for segment in &segments {
        let paragraph = paragraph_of(&paragraphs, segment.inner.start);
        let found = frames.speaker_of(segment, &speakers);
        if found.is_none() && looks_like_title(&doc.text[segment.inner.clone()]) {
            continue;
        }
        let mut found = found.unwrap_or_default();
        // A quote standing alone continues the speaker before it; words quoted inside a
        // sentence with no cue (a scare quote) do not.
        let inherits = found.cue.is_some() || !frames.embedded(&frames.before(segment));
        if found.span.is_none() && inherits {
            if let Some((p, q)) = &previous {
                if segment.continues || paragraph <= p + 1 {
                    found = Found {
                        speaker: q.speaker,
                        span: q.speaker_span.clone(),
                        cue: found.cue.or_else(|| q.cue.clone()),
                    };
                }
            }
        }
        let quote = QuoteExpr {
            span: segment.inner.clone(),
            speaker: found.speaker,
            speaker_span: found.span,
            cue: found.cue,
        };
        previous = Some((paragraph, quote.clone()));
        out.push(quote);
    }
    out
}

/// Whether quoted words with no speaker frame are a title or a name rather than speech
/// (“Meet the Press”, “Contract With America”): a few words, each capitalized except
/// short function words.
fn looks_like_title(words: &str) -> bool {
    let words: Vec<&str> = words
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.len() <= 6
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                || clause_openers().contains(w)
                || prepositions().contains(w)
                || matches!(*w, "the" | "a" | "an")
        })
}

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Segment {
    /// From the opening mark to past the closing mark (or the cut-off point).
    outer: Range<usize>,
    /// The quoted words, without marks and surrounding spaces.
    inner: Range<usize>,
    /// Whether the quote was closed by a mark.
    closed: bool,
    /// Whether it continues a quote left open at the end of the paragraph before.
    continues: bool,
}

/// Paragraphs: the text between line breaks that end a sentence (a hard-wrapped line
/// is no paragraph break).
fn paragraphs(doc: &Prepared) -> Vec<Range<usize>> {
    let sentences = &doc.analysis.sentences;
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in doc.text.match_indices('\n') {
        let s = sentences.partition_point(|s| s.end <= i);
        let inside = sentences.get(s).is_some_and(|s| s.start < i);
        if !inside {
            push_nonblank(&doc.text, start..i, &mut out);
            start = i + 1;
        }
    }
    push_nonblank(&doc.text, start..doc.text.len(), &mut out);
    out
}

fn push_nonblank(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    if !text[range.clone()].trim().is_empty() {
        out.push(range);
    }
}

fn paragraph_of(paragraphs: &[Range<usize>], at: usize) -> usize {
    paragraphs
        .partition_point(|p| p.end <= at)
        .min(paragraphs.len().saturating_sub(1))
}

/// What a quote mark does where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight mark between two words or two spaces: toggles.
    Either,
}

/// A quote mark: its byte range and role.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mark {
    at: Range<usize>,
    role: Role,
}

/// Whether a mark with `prev` before and `next` after touches the word after it
/// (left-flanking) and the word before it (right-flanking), as CommonMark defines it.
fn flanks(prev: Option<char>, next: Option<char>) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punct = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace());
    let left = !space(next) && (!punct(next) || space(prev) || punct(prev));
    let right = !space(prev) && (!punct(prev) || space(next) || punct(next));
    (left, right)
}

/// The role of a double quote mark, or `None` when it is no quote mark (inches).
fn double_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let (left, right) = flanks(prev, next);
    match c {
        '“' | '„' | '«' => {
            (left || right).then_some(if left { Role::Open } else { Role::Close })
        }
        '”' | '»' => (left || right).then_some(if right { Role::Close } else { Role::Open }),
        '"' => match (left, right) {
            (true, false) => Some(Role::Open),
            (false, true) if !prev.is_some_and(|p| p.is_ascii_digit()) => Some(Role::Close),
            (true, true) => Some(Role::Either),
            _ => None,
        },
        _ => None,
    }
}

/// The role of a single quote mark: it opens only after a space or an opening bracket
/// and closes only before a non-letter, so apostrophes ("don’t", "’90s") are no marks.
fn single_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let (left, right) = flanks(prev, next);
    let opening_context =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
    let closes = right && !next.is_some_and(char::is_alphanumeric);
    match c {
        '‘' if left && opening_context => Some(Role::Open),
        '’' if closes => Some(Role::Close),
        '\'' if left && opening_context => Some(Role::Open),
        '\'' if closes => Some(Role::Close),
        _ => None,
    }
}

/// Every character [`double_role`] or [`single_role`] may give a role.
const QUOTE_MARKS: [char; 9] = ['“', '„', '«', '”', '»', '"', '‘', '’', '\''];

/// The quote-mark characters of `paragraph` with their byte offsets. Every one is an ASCII
/// quote or starts with byte 0xC2 (« ») or 0xE2 (“ ” „ ‘ ’): bytes are sifted first, a
/// character decoded only where one of those four bytes stands.
fn quote_marks(paragraph: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = paragraph.as_bytes();
    // Most paragraphs have no 0xC2 byte (« », a no-break space, a degree sign): in those
    // a vectorized search for the other three bytes skips the rest, rather than a test
    // of every byte (every paragraph and every sentence is sifted so).
    let starts: Box<dyn Iterator<Item = usize> + '_> = if memchr::memchr(0xC2, bytes).is_none() {
        Box::new(memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes))
    } else {
        Box::new((0..bytes.len()).filter(|&at| matches!(bytes[at], b'"' | b'\'' | 0xC2 | 0xE2)))
    };
    starts.filter_map(|at| {
        let c = paragraph[at..].chars().next()?;
        QUOTE_MARKS.contains(&c).then_some((at, c))
    })
}

/// The double (or single) quote marks of `range`. Two straight apostrophes ('') are
/// one double mark, as some wires type it; a mark after a backslash is escaped (code).
fn marks(text: &str, range: Range<usize>, double: bool) -> Vec<Mark> {
    // Only the quote-mark characters are visited: most of a paragraph is none.
    let mut out = Vec::new();
    let mut visited = range.start;
    for (offset, c) in quote_marks(&text[range.clone()]) {
        let at = range.start + offset;
        if at < visited {
            continue; // the second apostrophe of a pair
        }
        let pair = c == '\'' && text[at + 1..range.end].starts_with('\'');
        let end = at + if pair { 2 } else { c.len_utf8() };
        let prev = text[..at].chars().next_back();
        let next = text[end..].chars().next();
        let role = match (prev == Some('\\'), pair, double) {
            (true, _, _) | (false, true, false) => None,
            (false, true, true) => double_role('"', prev, next),
            (false, false, true) => double_role(c, prev, next),
            (false, false, false) => single_role(c, prev, next),
        };
        if let Some(role) = role {
            out.push(Mark { at: at..end, role });
        }
        visited = end;
    }
    out
}

/// All quoted segments of the body, in text order.
fn segments(doc: &Prepared, paragraphs: &[Range<usize>]) -> Vec<Segment> {
    let mut out = double_segments(doc, paragraphs);
    let doubles: Vec<Range<usize>> = out.iter().map(|s| s.outer.clone()).collect();
    out.extend(single_segments(doc, &doubles));
    let sentences = &doc.analysis.sentences;
    out.retain(|s| {
        let i = sentences.partition_point(|x| x.end <= s.inner.start);
        doc.analysis.is_body.get(i).copied().unwrap_or(false)
    });
    out.sort_by_key(|s| s.inner.start);
    out
}

/// The segment from an opening mark to `end` (a closing mark's start, or a cut-off).
fn segment(
    text: &str,
    open: &Mark,
    end: usize,
    outer_end: usize,
    continues: bool,
) -> Option<Segment> {
    let raw = &text[open.at.end..end];
    let lead = raw.len() - raw.trim_start().len();
    let inner = open.at.end + lead..open.at.end + raw.trim_end().len();
    text[inner.clone()]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(Segment {
            outer: open.at.start..outer_end,
            inner,
            closed: end != outer_end,
            continues,
        })
}

/// Where a quote left open at `open` stops at the latest: its paragraph's end, or the
/// end of the sentence [`UNCLOSED_SENTENCES`] on.
fn cut_off(doc: &Prepared, open: usize, paragraph_end: usize) -> usize {
    let sentences = &doc.analysis.sentences;
    let first = sentences.partition_point(|s| s.end <= open);
    let reach = sentences
        .get(first + UNCLOSED_SENTENCES - 1)
        .map_or(paragraph_end, |s| s.end);
    reach.min(paragraph_end)
}

/// Pairs double marks paragraph by paragraph.
fn double_segments(doc: &Prepared, paragraphs: &[Range<usize>]) -> Vec<Segment> {
    let text = &doc.text;
    let all: Vec<Vec<Mark>> = paragraphs
        .iter()
        .map(|p| marks(text, p.clone(), true))
        .collect();
    let opens_paragraph = |i: usize| {
        all.get(i).and_then(|m| m.first()).is_some_and(|m| {
            m.role != Role::Close && text[paragraphs[i].start..m.at.start].trim().is_empty()
        })
    };
    let mut out = Vec::new();
    let mut carried = false;
    for (pi, paragraph) in paragraphs.iter().enumerate() {
        let mut open: Option<(Mark, bool)> = None;
        let mut nested = 0;
        // How many closing marks follow each mark, counted once from the end.
        let mut closers_after = vec![0; all[pi].len()];
        for k in (0..all[pi].len().saturating_sub(1)).rev() {
            closers_after[k] =
                closers_after[k + 1] + usize::from(all[pi][k + 1].role != Role::Open);
        }
        for (k, mark) in all[pi].iter().enumerate() {
            let continues = k == 0 && carried;
            // A double quote inside a double quote (“… he calls “hell” …”) when enough
            // closing marks follow for both.
            let closers = closers_after[k];
            match (mark.role, open.take()) {
                (Role::Open, Some(o)) if closers > nested + 1 => {
                    nested += 1;
                    open = Some(o);
                }
                (Role::Close | Role::Either, Some(o)) if nested > 0 => {
                    nested -= 1;
                    open = Some(o);
                }
                (Role::Open, Some((o, c))) => {
                    let end = cut_off(doc, o.at.start, mark.at.start);
                    out.extend(segment(text, &o, end, end, c));
                    open = Some((mark.clone(), continues));
                }
                (Role::Open | Role::Either, None) => open = Some((mark.clone(), continues)),
                (Role::Close | Role::Either, Some((o, c))) => {
                    out.extend(segment(text, &o, mark.at.start, mark.at.end, c));
                }
                (Role::Close, None) => {}
            }
        }
        carried = false;
        if let Some((o, c)) = open {
            let end = if opens_paragraph(pi + 1) {
                carried = true;
                paragraph.end
            } else {
                cut_off(doc, o.at.start, paragraph.end)
            };
            out.extend(segment(text, &o, end, end, c));
        }
    }
    out
}

/// Pairs single marks inside one sentence, outside double quotes (nested single quotes
/// belong to the double quote around them).
fn single_segments(doc: &Prepared, doubles: &[Range<usize>]) -> Vec<Segment> {
    let text = &doc.text;
    let mut out = Vec::new();
    for sentence in &doc.analysis.sentences {
        let found = marks(text, sentence.start..sentence.end, false);
        let mut found = found.into_iter().filter(|m| {
            !doubles
                .iter()
                .any(|d| d.start <= m.at.start && m.at.start < d.end)
        });
        while let Some(open) = found.by_ref().find(|m| m.role == Role::Open) {
            if let Some(close) = found.by_ref().find(|m| m.role == Role::Close) {
                out.extend(segment(text, &open, close.at.start, close.at.end, false));
            }
        }
    }
    out
}

/// A speaker (or source) found for a quote or statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Found {
    /// The entity, an index into the document's entities.
    pub speaker: Option<usize>,
    /// The words naming it ("Ryan", "he", "officials").
    pub span: Option<Range<usize>>,
    /// The cue, lowercase ("said", "according to").
    pub cue: Option<String>,
}

/// The words around quotes.
struct Frames<'a> {
    doc: &'a Prepared,
    words: &'a [String],
    paragraphs: &'a [Range<usize>],
    quoted: &'a [Range<usize>],
}

impl Frames<'_> {
    fn in_quote(&self, at: usize) -> bool {
        inside(self.quoted, at)
    }

    /// Whether token `i` ends a sentence (the period of an abbreviation before a comma or
    /// a closing parenthesis, "McConnell, R-Ky., said", does not).
    fn is_terminal(&self, i: usize) -> bool {
        matches!(self.words[i].as_str(), "." | "!" | "?" | "..." | "…")
            && self
                .words
                .get(i + 1)
                .is_none_or(|next| !matches!(next.as_str(), ")" | "," | ";"))
    }

    fn paragraph(&self, i: usize) -> usize {
        paragraph_of(self.paragraphs, self.doc.analysis.tokens[i].start)
    }

    /// Tokens after a closed quote up to the clause's end; empty when the quote ended
    /// its own sentence with a period.
    fn after(&self, s: &Segment) -> Range<usize> {
        let tokens = &self.doc.analysis.tokens;
        let start = tokens.partition_point(|t| t.start < s.outer.end);
        let signed = self.words.get(start).is_some_and(|w| w == "-" || w == "--");
        if !s.closed || self.doc.text[s.inner.clone()].ends_with('.') && !signed {
            return start..start;
        }
        let paragraph = paragraph_of(self.paragraphs, s.inner.start);
        let mut end = start;
        while end < tokens.len()
            && end - start < FRAME_TOKENS
            && !self.in_quote(tokens[end].start)
            && !self.is_terminal(end)
            && self.paragraph(end) == paragraph
        {
            end += 1;
        }
        start..end
    }

    /// Tokens before a quote back to the clause's start; a paragraph ending in a colon
    /// ("He said:") frames the quote that opens the next one.
    fn before(&self, s: &Segment) -> Range<usize> {
        let tokens = &self.doc.analysis.tokens;
        let end = tokens.partition_point(|t| t.end <= s.outer.start);
        let mut paragraph = paragraph_of(self.paragraphs, s.inner.start);
        let mut start = end;
        while start > 0 && end - start < FRAME_TOKENS {
            let k = start - 1;
            if self.in_quote(tokens[k].start) || self.is_terminal(k) {
                break;
            }
            if self.paragraph(k) != paragraph {
                if start == end && self.words[k] == ":" && !s.continues {
                    paragraph = self.paragraph(k);
                } else {
                    break;
                }
            }
            start = k;
        }
        start..end
    }

    /// Cues in `range` as (token index, length).
    fn cues_in(&self, range: Range<usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match cues().match_at(self.words, i, range.end) {
                Some(n) => {
                    out.push((i, n));
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    fn cue_text(&self, cue: (usize, usize)) -> String {
        self.words[cue.0..cue.0 + cue.1].join(" ")
    }

    /// The first token of `range` that is not punctuation.
    fn first_word(&self, range: Range<usize>) -> usize {
        range
            .clone()
            .find(|&i| self.words[i].chars().any(char::is_alphanumeric))
            .unwrap_or(range.end)
    }

    /// Whether a quote sits inside a sentence rather than after a colon, a comma or a
    /// cue ("calling it “a disaster”").
    fn embedded(&self, before: &Range<usize>) -> bool {
        let Some(last) = before.clone().last() else {
            return false;
        };
        let word = self.words[last].as_str();
        !matches!(word, ":" | "," | "that" | "-" | "--")
            && !before
                .clone()
                .any(|i| cues().match_at(self.words, i, before.end) == Some(before.end - i))
    }

    /// The speaker of a segment from its own frames.
    fn speaker_of(&self, s: &Segment, speakers: &Speakers) -> Option<Found> {
        let before = self.before(s);
        let after = self.after(s);
        let after_quote = || self.after_quote(after.clone(), speakers);
        let before_quote = || self.before_quote(before.clone(), speakers);
        let tries: Vec<Option<Found>> = if self.embedded(&before) {
            // A title embedded in a sentence ("watched “Meet the Press”") has no
            // speaker however clear the subject.
            let title = looks_like_title(&self.doc.text[s.inner.clone()]);
            vec![
                before_quote(),
                after_quote(),
                (!title)
                    .then(|| self.subject(before.clone(), speakers))
                    .flatten(),
            ]
        } else {
            vec![after_quote(), before_quote()]
        };
        // A frame naming a speaker wins; one with a cue alone ("… and said it “…”")
        // keeps its cue and leaves the speaker to the quote before.
        let tries: Vec<Found> = tries.into_iter().flatten().collect();
        let named = tries.iter().find(|f| f.span.is_some());
        named.or(tries.first()).cloned()
    }

    /// "…,” Ryan said" / "…,” said Ryan" / "…,” according to Ryan".
    fn after_quote(&self, frame: Range<usize>, speakers: &Speakers) -> Option<Found> {
        let first = self.first_word(frame.clone());
        let reach = (first + CUE_REACH).min(frame.end);
        let Some(&cue) = self.cues_in(first..reach).first() else {
            return self.signature(frame, speakers);
        };
        let after_cue = cue.0 + cue.1..frame.end;
        let np = if cue.0 == first {
            speakers.resolve(after_cue, Side::AfterCue)
        } else {
            speakers.resolve(first..cue.0, Side::BeforeCue)
        };
        Some(Found {
            cue: Some(self.cue_text(cue)),
            ..np
        })
    }

    /// A dash and a name after a quote, as vox pops sign one ("“…” — Ana Ruiz").
    fn signature(&self, frame: Range<usize>, speakers: &Speakers) -> Option<Found> {
        let dash =
            frame.start < frame.end && matches!(self.words[frame.start].as_str(), "-" | "--");
        if !dash || frame.len() > 6 {
            return None;
        }
        let found = speakers.resolve(frame.start + 1..frame.end, Side::AfterCue);
        let capitalized = found
            .span
            .as_ref()
            .is_some_and(|s| self.doc.text[s.clone()].starts_with(char::is_uppercase));
        (found.speaker.is_some() || capitalized).then_some(found)
    }

    /// "Ryan told the paper: “…”" / "According to Ryan, “…”".
    fn before_quote(&self, frame: Range<usize>, speakers: &Speakers) -> Option<Found> {
        let &cue = self.cues_in(frame.clone()).last()?;
        let np = if self.words[cue.0] == "according" {
            speakers.resolve(cue.0 + cue.1..frame.end, Side::AfterCue)
        } else if self.words[cue.0].ends_with("ing") {
            // "X welcomed Y, calling him a “…”": a participle's speaker is the subject,
            // of the frame or else of the sentence ("X did A -- “…” -- and, asked, B,
            // asserting “…”").
            let tokens = &self.doc.analysis.tokens;
            let sentences = &self.doc.analysis.sentences;
            let at = tokens[cue.0].start;
            let sentence = sentences
                .get(sentences.partition_point(|x| x.end <= at))
                .map_or(frame.start, |x| x.tokens.start);
            speakers
                .subject(frame.start..cue.0)
                .or_else(|| speakers.subject(sentence..cue.0))
                .unwrap_or_default()
        } else {
            speakers.resolve(frame.start..cue.0, Side::BeforeCue)
        };
        Some(Found {
            cue: Some(self.cue_text(cue)),
            ..np
        })
    }

    /// The subject of the clause an embedded quote stands in, with the word after it as
    /// the cue ("Ryan attacked “…”").
    fn subject(&self, frame: Range<usize>, speakers: &Speakers) -> Option<Found> {
        let found = speakers.subject(frame.clone())?;
        let span = found.span.clone()?;
        let tokens = &self.doc.analysis.tokens;
        let next = tokens.partition_point(|t| t.start < span.end);
        let word = self.words.get(next).filter(|_| next < frame.end);
        let cue = word
            .filter(|w| w.chars().all(char::is_alphabetic) && !auxiliaries().contains(w))
            .cloned();
        Some(Found { cue, ..found })
    }
}

/// How many mentions before a pronoun or a description may be its antecedent: enough
/// for a few sentences, and a bound on hostile input.
const RECENT_MENTIONS: usize = 64;

/// The last [`RECENT_MENTIONS`] mentions of `list` (in text order) starting before `end`.
fn recent(list: &[Mention], end: usize) -> &[Mention] {
    let upto = list.partition_point(|m| m.span.start < end);
    &list[upto.saturating_sub(RECENT_MENTIONS)..upto]
}

/// The mentions of `list` (in text order) lying within `bytes`.
fn within<'m>(list: &'m [Mention], bytes: &Range<usize>) -> &'m [Mention] {
    let from = list.partition_point(|m| m.span.start < bytes.start);
    let upto = list.partition_point(|m| m.span.start < bytes.end);
    let inner = &list[from..upto.max(from)];
    &inner[..inner.partition_point(|m| m.span.end <= bytes.end)]
}

/// Whether `at` lies in one of `ranges` (sorted, not overlapping).
pub(crate) fn inside(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.start <= at);
    i > 0 && at < ranges[i - 1].end
}

/// Which side of its cue a speaker's words stand on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    /// "Ryan said": the name nearest the cue is the last one.
    BeforeCue,
    /// "said Ryan, a senator from Ohio": the first one.
    AfterCue,
}

/// Turns the words of a speaker or source into an entity.
pub(crate) struct Speakers<'a> {
    doc: &'a Prepared,
    mentions: &'a [Mention],
    entities: &'a [LocalEntity],
    words: &'a [String],
    /// Mentions outside quotes and not governed by a preposition: the candidates a
    /// pronoun or a description may refer to.
    visible: Vec<Mention>,
    /// The first visible mention of each sentence: clause subjects, which a pronoun
    /// prefers ("Ek met Holm. “…,” he said" is Ek speaking).
    subjects: Vec<Mention>,
}

impl<'a> Speakers<'a> {
    /// Prepares speaker resolution for a document; `quoted` are byte ranges whose
    /// mentions are the speaker's words, not the speaker.
    pub fn new(
        doc: &'a Prepared,
        mentions: &'a [Mention],
        entities: &'a [LocalEntity],
        words: &'a [String],
        quoted: &[Range<usize>],
    ) -> Speakers<'a> {
        let mut speakers = Speakers {
            doc,
            mentions,
            entities,
            words,
            visible: Vec::new(),
            subjects: Vec::new(),
        };
        speakers.visible = mentions
            .iter()
            .filter(|m| !inside(quoted, m.span.start) && !speakers.governed(m, 0))
            .cloned()
            .collect();
        let mut last_sentence = None;
        for m in &speakers.visible {
            if last_sentence != Some(m.sentence) {
                last_sentence = Some(m.sentence);
                speakers.subjects.push(m.clone());
            }
        }
        speakers
    }

    /// The person a pronoun at byte `at` stands for: the latest subject within reach,
    /// else the latest visible person.
    fn antecedent(&self, at: usize) -> Option<usize> {
        coref::pronoun_antecedent(self.doc, recent(&self.subjects, at), at)
            .or_else(|| coref::pronoun_antecedent(self.doc, recent(&self.visible, at), at))
    }

    fn token_at(&self, at: usize) -> usize {
        self.doc.analysis.tokens.partition_point(|t| t.end <= at)
    }

    /// Whether the token before a mention (behind an article) is a preposition, looking
    /// no further back than token `floor`.
    fn governed(&self, m: &Mention, floor: usize) -> bool {
        let mut k = self.token_at(m.span.start);
        if k <= floor {
            return false;
        }
        k -= 1;
        if matches!(self.words[k].as_str(), "the" | "a" | "an") && k > floor {
            k -= 1;
        }
        prepositions().match_at(self.words, k, k + 1).is_some()
    }

    fn byte_range(&self, tokens: &Range<usize>) -> Range<usize> {
        let t = &self.doc.analysis.tokens;
        t[tokens.start].start..t[tokens.end - 1].end
    }

    /// Whether a nationality or other name only modifies the noun after it ("Norlandic
    /// media"), or a place owns the body named after it ("Norland's spy agency"): the
    /// source is the noun's phrase. (A place is kept otherwise: the tagger often takes a
    /// speaker for one, and "Norland's government" is Norland's voice.)
    fn modifier(&self, m: &Mention, end: usize) -> bool {
        let next = self
            .doc
            .analysis
            .tokens
            .partition_point(|t| t.start < m.span.end);
        let word = self.words.get(next).filter(|_| next < end);
        let owns_body = || {
            (next + 1..end.min(next + 4))
                .take_while(|&k| self.words[k].chars().all(char::is_alphabetic))
                .any(|k| bodies::is_body_noun(&self.words[k]))
        };
        match m.kind {
            EntityKind::Other => word.is_some_and(|w| {
                w == "'s" || w.starts_with(char::is_lowercase) && w.chars().all(char::is_alphabetic)
            }),
            EntityKind::Location => word.is_some_and(|w| w == "'s") && owns_body(),
            _ => false,
        }
    }

    /// The organization of the document a description of a body describes ("Norland's
    /// spy agency" → "State Intelligence Service"), when exactly one fits.
    fn described_body(&self, span: &Range<usize>) -> Option<usize> {
        let organizations = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Organization)
            .map(|(i, e)| (i, bodies::NameWords::of(&e.name)));
        bodies::only_described(self.doc.slice(span), organizations)
    }

    /// Whether a name after a cue follows a noun for reporting ("according to reports
    /// from NEWSPAPER"): the preposition before it names who reported.
    fn reporter(&self, m: &Mention, tokens: &Range<usize>, side: Side) -> bool {
        side == Side::AfterCue
            && (tokens.start..self.token_at(m.span.start))
                .any(|k| report_nouns().contains(&self.words[k]))
    }

    /// The best named candidate in `tokens`: a person before an organization before
    /// anything else, nearest the cue on `side`.
    fn named(&self, tokens: &Range<usize>, side: Side) -> Option<&Mention> {
        let bytes = self.byte_range(tokens);
        let candidates: Vec<&Mention> = within(self.mentions, &bytes)
            .iter()
            .filter(|m| !self.modifier(m, tokens.end))
            .filter(|m| !self.governed(m, tokens.start) || self.reporter(m, tokens, side))
            .collect();
        let ranked = |kind: EntityKind| candidates.iter().filter(move |m| m.kind == kind);
        [
            EntityKind::Person,
            EntityKind::Organization,
            EntityKind::Other,
            EntityKind::Location,
        ]
        .into_iter()
        .find_map(|kind| match side {
            Side::BeforeCue => ranked(kind).next_back().copied(),
            Side::AfterCue => ranked(kind).next().copied(),
        })
    }

    /// The entity and the words the tokens in `tokens` name a speaker with: a mention,
    /// a person pronoun, or a short description ("the minister", "officials").
    pub fn resolve(&self, tokens: Range<usize>, side: Side) -> Found {
        let tokens = self.trim(tokens);
        if tokens.is_empty() {
            return Found::default();
        }
        if let Some(m) = self.named(&tokens, side) {
            return Found {
                speaker: Some(m.entity),
                span: Some(m.span.clone()),
                cue: None,
            };
        }
        let t = &self.doc.analysis.tokens;
        if tokens.len() <= 3 {
            if let Some(p) = tokens
                .clone()
                .find(|&i| crate::lexicon::people::is_person_pronoun(&self.words[i]))
            {
                let at = t[p].start;
                return Found {
                    speaker: self.antecedent(at),
                    span: Some(at..t[p].end),
                    cue: None,
                };
            }
        }
        if clause_openers()
            .match_at(self.words, tokens.start, tokens.start + 1)
            .is_some()
        {
            return Found::default();
        }
        // A description: the words of its clause (after the last comma before a cue, up
        // to the first comma after one), without a parenthesis or a prepositional phrase.
        let clause_after = |end: usize| {
            (tokens.start..end)
                .rev()
                .find(|&i| self.words[i] == "," && !self.in_parenthesis(tokens.clone(), i))
                .map_or(tokens.start, |i| i + 1)
        };
        let start = match side {
            Side::BeforeCue => {
                // "Mr. King, 82, said": an age is no description.
                let mut start = clause_after(tokens.end);
                let numeric = |i: usize| {
                    self.words[i]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',')
                };
                while start > tokens.start && (start..tokens.end).all(numeric) {
                    start = clause_after(start - 1);
                }
                start
            }
            Side::AfterCue => tokens.start,
        };
        let end = (start..tokens.end)
            .find(|&i| {
                matches!(self.words[i].as_str(), "," | "(" | "[")
                    || prepositions().match_at(self.words, i, i + 1).is_some()
            })
            .unwrap_or(tokens.end);
        if end <= start || end - start > 5 {
            return Found::default();
        }
        let span = self.byte_range(&(start..end));
        // A description whose name only modifies it ("Norlandic media") is nobody.
        let plain = !within(self.mentions, &span)
            .iter()
            .any(|m| self.modifier(m, end));
        let speaker = plain.then(|| self.by_name(&span)).flatten().or_else(|| {
            let visible = recent(&self.visible, span.end);
            plain
                .then(|| coref::referent(self.doc, visible, self.entities, &span))
                .flatten()
                .or_else(|| self.described_body(&span))
        });
        Found {
            speaker,
            span: Some(span),
            cue: None,
        }
    }

    /// The entity a capitalized name the tagger missed here stands for: the latest
    /// entity mentioned before it whose name holds all its parts ("Berg" → "Anna Berg").
    fn by_name(&self, span: &Range<usize>) -> Option<usize> {
        let words = &self.doc.text[span.clone()];
        if !words.starts_with(char::is_uppercase) {
            return None;
        }
        let parts = super::mentions::name_parts(words);
        recent(&self.visible, span.start)
            .iter()
            .rev()
            .filter(|m| m.span.end <= span.start)
            .map(|m| m.entity)
            .find(|&e| {
                let name = super::mentions::name_parts(&self.entities[e].name);
                !parts.is_empty() && parts.iter().all(|p| name.contains(p))
            })
    }

    /// Whether token `i` stands inside parentheses opened within `tokens`.
    fn in_parenthesis(&self, tokens: Range<usize>, i: usize) -> bool {
        let open = (tokens.start..i)
            .rev()
            .find(|&k| matches!(self.words[k].as_str(), "(" | ")"));
        open.is_some_and(|k| self.words[k] == "(")
    }

    /// The clause subject in `tokens`: the first named person or organization not
    /// governed by a preposition, or a leading person pronoun.
    fn subject(&self, tokens: Range<usize>) -> Option<Found> {
        let tokens = self.trim(tokens);
        if tokens.is_empty() {
            return None;
        }
        let bytes = self.byte_range(&tokens);
        let named = within(&self.visible, &bytes).iter().find(|m| {
            bytes.start <= m.span.start
                && m.span.end <= bytes.end
                && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
                && !self.governed(m, tokens.start)
        });
        if let Some(m) = named {
            return Some(Found {
                speaker: Some(m.entity),
                span: Some(m.span.clone()),
                cue: None,
            });
        }
        let first = tokens.start;
        crate::lexicon::people::is_person_pronoun(&self.words[first])
            .then(|| self.resolve(first..first + 1, Side::BeforeCue))
    }

    /// Drops punctuation at both ends.
    fn trim(&self, mut tokens: Range<usize>) -> Range<usize> {
        let word = |i: usize| self.words[i].chars().any(char::is_alphanumeric);
        while tokens.start < tokens.end && !word(tokens.start) {
            tokens.start += 1;
        }
        while tokens.end > tokens.start && !word(tokens.end - 1) {
            tokens.end -= 1;
        }
        tokens
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tagged;

    /// (quoted text, speaker name or "-", cue or "-") for each quote.
    fn quotes(text: &str, names: &[(&str, EntityKind)]) -> Vec<(String, String, String)> {
        let (doc, mentions, entities) = tagged(text, names);
        find(&doc, &mentions, &entities)
            .into_iter()
            .map(|q| {
                let speaker = q
                    .speaker
                    .map_or("-".to_string(), |e| entities[e].name.clone());
                (
                    doc.text[q.span].to_string(),
                    speaker,
                    q.cue.unwrap_or_else(|| "-".into()),
                )
            })
            .collect()
    }

    fn q(text: &str, speaker: &str, cue: &str) -> (String, String, String) {
        (text.to_string(), speaker.to_string(), cue.to_string())
    }

    use EntityKind::{Location, Organization, Person};

    #[test]
    fn every_quote_mark_is_found_by_its_first_byte() {
        for mark in QUOTE_MARKS {
            let text = format!("a{mark}b");
            assert_eq!(quote_marks(&text).collect::<Vec<_>>(), [(1, mark)]);
        }
        assert_eq!(
            quote_marks("–é—").count(),
            0,
            "other characters of lead byte 0xE2 or 0xC3"
        );
        // With a 0xC2 byte in the paragraph every byte is sifted: the marks of the
        // other first bytes are found all the same.
        let marks: Vec<char> = quote_marks("«a» “b” 'c' \"d\" 5°").map(|m| m.1).collect();
        assert_eq!(marks, ['«', '»', '“', '”', '\'', '\'', '"', '"']);
    }

    #[test]
    fn speaker_after_the_quote() {
        let got = quotes(
            "“The bridge will reopen in May,” Anna Berg said. “We are sure,” said Berg.",
            &[("Anna Berg", Person), ("Berg", Person)],
        );
        assert_eq!(
            got,
            [
                q("The bridge will reopen in May,", "Anna Berg", "said"),
                q("We are sure,", "Anna Berg", "said")
            ]
        );
    }

    #[test]
    fn straight_marks_and_speaker_before() {
        let got = quotes(
            "Tomas Lind told the newspaper: \"The mine is closed.\" Then he left.",
            &[("Tomas Lind", Person)],
        );
        assert_eq!(got, [q("The mine is closed.", "Tomas Lind", "told")]);
    }

    #[test]
    fn according_to_and_wrote_in_a_post() {
        let got = quotes(
            "According to Maria Ortiz, “nothing was signed.” \
             “It was a long night,” Ortiz wrote in a Facebook post.",
            &[("Maria Ortiz", Person), ("Ortiz", Person)],
        );
        assert_eq!(
            got,
            [
                q("nothing was signed.", "Maria Ortiz", "according to"),
                q("It was a long night,", "Maria Ortiz", "wrote")
            ]
        );
    }

    #[test]
    fn pronoun_speakers_resolve_past_names_in_the_quote_and_after_prepositions() {
        let text = "Karl Ek met Lena Holm on Monday. “Lena Holm is wrong,” he said of Holm. \
                    “She knows it,” he added.";
        let got = quotes(
            text,
            &[("Karl Ek", Person), ("Lena Holm", Person), ("Holm", Person)],
        );
        assert_eq!(got[0].1, "Karl Ek");
        assert_eq!(got[1], q("She knows it,", "Karl Ek", "added"));
    }

    #[test]
    fn descriptions_go_to_the_main_person() {
        let text = "Omar Haddad, a diplomat, left in May. Haddad later spoke. \
                    “I had no choice,” the diplomat recalled.";
        let got = quotes(text, &[("Omar Haddad", Person), ("Haddad", Person)]);
        assert_eq!(got, [q("I had no choice,", "Omar Haddad", "recalled")]);
    }

    #[test]
    fn interrupted_quote_and_following_sentences_share_the_speaker() {
        let text = "“We tried,” Ines Roy said, “and we failed.” “Next year is different.”\n\n\
                    A storm hit the coast.";
        let got = quotes(text, &[("Ines Roy", Person)]);
        assert_eq!(
            got,
            [
                q("We tried,", "Ines Roy", "said"),
                q("and we failed.", "Ines Roy", "said"),
                q("Next year is different.", "Ines Roy", "said"),
            ]
        );
    }

    #[test]
    fn paragraphs_reopening_a_quote_continue_it() {
        let text = "Ines Roy said: “The first part ends here.\n\n“The second part goes on.\n\n\
                    “And this is the end.”\n\nShe left.";
        let got = quotes(text, &[("Ines Roy", Person)]);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The first part ends here.",
                "The second part goes on.",
                "And this is the end."
            ]
        );
        assert!(
            got.iter().all(|g| g.1 == "Ines Roy" && g.2 == "said"),
            "{got:?}"
        );
    }

    #[test]
    fn colon_paragraph_frames_the_next() {
        let text = "Ines Roy told the council:\n\n“Nothing is decided.”";
        let got = quotes(text, &[("Ines Roy", Person)]);
        assert_eq!(got, [q("Nothing is decided.", "Ines Roy", "told")]);
    }

    #[test]
    fn partial_quotes_take_the_subject() {
        let text = "In an interview with Radio Nord, Pia Sand called the plan “a disaster” \
                    and said it “cannot work.”";
        let got = quotes(text, &[("Radio Nord", Organization), ("Pia Sand", Person)]);
        assert_eq!(
            got,
            [
                q("a disaster", "Pia Sand", "called"),
                q("cannot work.", "Pia Sand", "said")
            ]
        );
    }

    #[test]
    fn participles_take_the_subject_and_auxiliaries_are_no_cues() {
        let text = "Ida Moe, a judge in Lund, welcomed Per Dahl in a post, calling him \
                    a “true expert.” Per Dahl was “very happy” that day.";
        let got = quotes(
            text,
            &[
                ("Ida Moe", Person),
                ("Lund", Location),
                ("Per Dahl", Person),
            ],
        );
        assert_eq!(
            got,
            [
                q("true expert.", "Ida Moe", "calling"),
                q("very happy", "Per Dahl", "-")
            ]
        );
    }

    #[test]
    fn nested_double_quotes_and_abbreviations_in_frames() {
        let text = "“I would rather live in what he calls “hell” than here,” Eva Lind, \
                    D-Ore., said. “Yes,” Tom Berg, 82, said.";
        let got = quotes(text, &[("Eva Lind", Person)]);
        assert_eq!(
            got[0],
            q(
                "I would rather live in what he calls “hell” than here,",
                "Eva Lind",
                "said"
            )
        );
        let (doc, mentions, entities) = tagged(text, &[]);
        let second = find(&doc, &mentions, &entities)[1].speaker_span.clone();
        assert_eq!(second.map(|s| &doc.text[s]), Some("Tom Berg"));
    }

    #[test]
    fn untagged_surnames_and_scare_quotes() {
        let text = "Anna Berg spoke first. “We lost,” Berg said.\n\n\
                    The ship carried “old weapons.”";
        let (doc, _, _) = tagged(text, &[]);
        let at = text.find("Anna Berg").unwrap();
        let (mentions, entities) =
            super::super::mentions::group(&doc.text, vec![(at..at + "Anna Berg".len(), 0, Person)]);
        let got = find(&doc, &mentions, &entities);
        assert_eq!(
            got[0].speaker,
            Some(0),
            "the untagged surname joins the full name"
        );
        assert_eq!(got[1].speaker, None, "a scare quote does not inherit");
        assert_eq!(got[1].cue, None);
    }

    #[test]
    fn appositives_and_places_are_not_speakers() {
        let text = "“It is over,” Leo Park, a lawyer from Busan, said. \
                    “We won,” said Mia Chen, the mayor of Oslo.";
        let got = quotes(
            text,
            &[
                ("Leo Park", Person),
                ("Busan", Location),
                ("Mia Chen", Person),
                ("Oslo", Location),
            ],
        );
        assert_eq!(got[0].1, "Leo Park");
        assert_eq!(got[1].1, "Mia Chen");
    }

    #[test]
    fn organizations_speak_too() {
        let got = quotes(
            "“Prices will rise,” the Central Bank of Norland said in a statement.",
            &[
                ("Central Bank of Norland", Organization),
                ("Norland", Location),
            ],
        );
        assert_eq!(
            got,
            [q("Prices will rise,", "Central Bank of Norland", "said")]
        );
    }

    #[test]
    fn unnamed_sources_keep_their_words() {
        let (doc, mentions, entities) = tagged("“No comment,” a spokesman said.", &[]);
        let got = find(&doc, &mentions, &entities);
        assert_eq!(got[0].speaker, None);
        assert_eq!(
            got[0].speaker_span.clone().map(|s| &doc.text[s]),
            Some("a spokesman")
        );
    }

    #[test]
    fn single_marks_and_apostrophes() {
        let got = quotes(
            "Voters said ‘enough’ to the plan. It isn’t over, it’s the ’90s.",
            &[],
        );
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, ["enough"]);
    }

    #[test]
    fn unbalanced_marks_stay_in_their_paragraph() {
        let text = "He shouted “stop and ran. It rained. Then it snowed. Then it froze. \
                    Then it thawed.\n\nThe town was quiet. \"Yes,\" Ada Ray said.";
        let got = quotes(text, &[("Ada Ray", Person)]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            !got[0].0.contains("thawed"),
            "cut off after a few sentences: {got:?}"
        );
        assert_eq!(got[1], q("Yes,", "Ada Ray", "said"));
    }

    #[test]
    fn inches_and_stray_closers_are_no_quotes() {
        let got = quotes("The board is 5\" wide.” Nobody knew.", &[]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn doubled_apostrophes_escaped_marks_and_titles() {
        let got = quotes(
            "''It is done,'' Ada Ray said. He watched \"Meet the Press\" and \"Face the Nation.\" \
             The code read id=\\\"x1\\\".",
            &[("Ada Ray", Person)],
        );
        assert_eq!(got, [q("It is done,", "Ada Ray", "said")]);
    }

    #[test]
    fn signed_quotes_and_long_frames() {
        let got = quotes(
            "“We deserve better.” ― Ana Ruiz\n\n\
             “It is a shame,” Rep. Ada Ray (D-Ore.) said Friday.",
            &[("Ana Ruiz", Person), ("Ada Ray", Person)],
        );
        assert_eq!(
            got,
            [
                q("We deserve better.", "Ana Ruiz", "-"),
                q("It is a shame,", "Ada Ray", "said"),
            ]
        );
        let text = "“No,” Rep. Ada Ray (D-Ore.) said.\n\n\
                    In one post on Monday, the mayor wrote: “We will rebuild.”";
        let (doc, mentions, entities) = tagged(text, &[]);
        let got: Vec<Option<&str>> = find(&doc, &mentions, &entities)
            .into_iter()
            .map(|q| q.speaker_span.map(|s| &doc.text[s]))
            .collect();
        assert_eq!(got, [Some("Rep. Ada Ray"), Some("the mayor")]);
    }

    #[test]
    fn long_unclosed_text_is_bounded() {
        let text = format!("“{}", "Words go on. ".repeat(2000));
        let got = quotes(&text, &[]);
        assert_eq!(got.len(), 1);
        assert!(got[0].0.len() < 100);
    }
}
