//! Marking the lines of a page that are not article body.
//!
//! Scraped articles carry navigation, tickers, bylines, comment widgets, log-in prompts,
//! teasers, contact lines and photo credits. They are *marked* (listed in the document's
//! `removed`), never cut, so offsets keep indexing the caller's text. The line rules live
//! in `data/boilerplate.txt`; the structural rules (captions above a credit line, lines
//! repeated verbatim) are here.

use std::collections::HashSet;
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};
use regex_automata::hybrid::{self, dfa::DFA};
use regex_automata::nfa::thompson::{self, WhichCaptures, pikevm, pikevm::PikeVM};
use regex_automata::util::{pool::Pool, syntax};
use regex_automata::{Anchored, Input};

use crate::model::Removed;

/// One rule of `data/boilerplate.txt`.
struct LineRule {
    reason: &'static str,
    matcher: Matcher,
}

/// How a rule is tried on a line.
enum Matcher {
    /// The regex as written. `first_bytes` are the bytes a line it marks can start
    /// with, where the rule is anchored at the line's start and its openings can be
    /// listed ("skip to …", "(menu|home|…)"); `None` for any. Most lines open with a byte
    /// no rule's words do, and a table lookup is far cheaper than a call into the regex
    /// engine (a dozen rules per line cost 2% of a whole ledger).
    Whole {
        /// Boxed: a compiled lazy DFA is some 800 bytes, and most rules are this kind.
        pattern: Box<Lazy<MatchTest>>,
        first_bytes: Option<Box<[bool; 256]>>,
    },
    /// A rule written `^.{0,N}REST`: `REST` is searched anywhere in the line and its
    /// earliest match must start within `limit` (N) characters. The two mean the same,
    /// but an unanchored search lets the regex engine skip ahead to `REST`'s literal
    /// words instead of trying every start. `REST` less its end anchor (`unanchored`) is
    /// searched first, forwards, so a line without those words is passed over at memchr
    /// speed (with the anchor the engine searches backwards from the line's end, through
    /// every letter).
    BoundedLead {
        limit: usize,
        rest: Lazy<Regex>,
        unanchored: Regex,
    },
}

/// A rule's pattern, compiled the first time a line could match it: compiling every
/// rule at start took about half of a one-document ledger's instructions, and most
/// rules never meet a line they could mark.
struct Lazy<T> {
    /// The rule's reason, named if the pattern fails to compile.
    reason: &'static str,
    source: &'static str,
    compiled: OnceLock<T>,
}

impl<T: Compile> Lazy<T> {
    fn new(reason: &'static str, source: &'static str) -> Lazy<T> {
        Lazy {
            reason,
            source,
            compiled: OnceLock::new(),
        }
    }

    fn get(&self) -> &T {
        self.compiled
            .get_or_init(|| T::compile(self.reason, self.source))
    }
}

/// A form a rule's pattern is compiled to, case-insensitive. The rules are data shipped
/// with the library, and a test compiles every one: a failure here is a bug in that file.
trait Compile {
    fn compile(reason: &str, pattern: &str) -> Self;
}

impl Compile for Regex {
    fn compile(reason: &str, pattern: &str) -> Regex {
        RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
            .unwrap_or_else(|e| panic!("data/boilerplate.txt: {reason}: {e}"))
    }
}

/// A rule's pattern compiled to say whether a line holds a match, not where: a forward
/// lazy DFA, and the PikeVM for the lines where the DFA gives up. A [`Regex`] also
/// builds the reverse NFA that finds where a match starts, which a yes-or-no question
/// never reads: about 40% of compiling a rule. For patterns anchored at the line's start:
/// an unanchored search wants the [`Regex`]'s prefilter, which skips to the pattern's
/// literal words (without it, a search for a word boundary through a line with
/// non-ASCII letters falls to the PikeVM at every start).
struct MatchTest {
    dfa: DFA,
    pikevm: PikeVM,
    /// Whether every match starts at the line's start (`^…`): the search then stops
    /// where the pattern's opening fails, instead of trying each later start.
    anchored: Anchored,
    /// Each thread's search state, as a [`Regex`] keeps its own.
    caches: Pool<Caches, CacheMaker>,
}

/// The mutable state of one search of a [`MatchTest`].
struct Caches {
    dfa: hybrid::dfa::Cache,
    pikevm: pikevm::Cache,
}

type CacheMaker = Box<dyn Fn() -> Caches + Send + Sync + RefUnwindSafe + UnwindSafe>;

impl Compile for MatchTest {
    fn compile(reason: &str, pattern: &str) -> MatchTest {
        let fail =
            |e: &dyn std::fmt::Display| -> ! { panic!("data/boilerplate.txt: {reason}: {e}") };
        let nfa = thompson::Compiler::new()
            .syntax(syntax::Config::new().case_insensitive(true))
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build(pattern)
            .unwrap_or_else(|e| fail(&e));
        // A Unicode word boundary (`\b`) is read by the lazy DFA only between ASCII
        // bytes: it gives up on a line with other bytes, and the PikeVM answers.
        let dfa = DFA::builder()
            .configure(DFA::config().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())
            .unwrap_or_else(|e| fail(&e));
        let anchored = if nfa.is_always_start_anchored() {
            Anchored::Yes
        } else {
            Anchored::No
        };
        let pikevm = PikeVM::new_from_nfa(nfa).unwrap_or_else(|e| fail(&e));
        let (for_dfa, for_pikevm) = (dfa.clone(), pikevm.clone());
        let make: CacheMaker = Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            pikevm: for_pikevm.create_cache(),
        });
        MatchTest {
            dfa,
            pikevm,
            anchored,
            caches: Pool::new(make),
        }
    }
}

impl MatchTest {
    fn is_match(&self, line: &str) -> bool {
        let mut caches = self.caches.get();
        let input = Input::new(line).anchored(self.anchored).earliest(true);
        match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            Err(_) => self.pikevm.is_match(&mut caches.pikevm, input),
        }
    }
}

impl LineRule {
    fn new(reason: &'static str, pattern: &'static str) -> LineRule {
        let matcher = match split_bounded_lead(pattern) {
            Some((limit, rest)) => Matcher::BoundedLead {
                limit,
                rest: Lazy::new(reason, rest),
                unanchored: Regex::compile(reason, rest.strip_suffix('$').unwrap_or(rest)),
            },
            None => Matcher::Whole {
                pattern: Box::new(Lazy::new(reason, pattern)),
                first_bytes: first_bytes(pattern).map(Box::new),
            },
        };
        LineRule { reason, matcher }
    }

    fn matches(&self, line: &str) -> bool {
        match &self.matcher {
            Matcher::Whole {
                pattern,
                first_bytes,
            } => {
                let opens = |allowed: &[bool; 256]| {
                    line.as_bytes()
                        .first()
                        .is_some_and(|&b| allowed[usize::from(b)])
                };
                first_bytes.as_deref().is_none_or(opens) && pattern.get().is_match(line)
            }
            Matcher::BoundedLead {
                limit,
                rest,
                unanchored,
            } => {
                unanchored.is_match(line)
                    && rest
                        .get()
                        .find(line)
                        .is_some_and(|found| line[..found.start()].chars().nth(*limit).is_none())
            }
        }
    }
}

/// The bytes a match of `pattern` (case-insensitive) can start with, when it is anchored
/// at the start and every match begins with one of finitely many non-empty literals.
///
/// The literals are read off the pattern as written, and each opening letter's case
/// partners added ("s" opens "S" and "ſ" too): read case-insensitively, every literal
/// would come in all its case variants, past the literal extractor's limits.
fn first_bytes(pattern: &str) -> Option<[bool; 256]> {
    let mut bytes = [false; 256];
    for first in openings(pattern, false)? {
        if first.is_ascii_alphabetic() {
            for &partner in case_partners(first)? {
                bytes[usize::from(partner)] = true;
            }
        } else if first.is_ascii() {
            bytes[usize::from(first)] = true;
        } else {
            // A letter beyond ASCII may have case partners of other first bytes.
            return None;
        }
    }
    Some(bytes)
}

/// The first bytes of ASCII letter `letter`'s case variants ("s" opens "S" and "ſ"
/// too), worked out once for each letter: the rules' literals open with a thousand
/// letters, and parsing a pattern for each cost 4% of a one-document ledger.
fn case_partners(letter: u8) -> Option<&'static [u8]> {
    static PARTNERS: OnceLock<Vec<Option<Vec<u8>>>> = OnceLock::new();
    let partners = PARTNERS.get_or_init(|| {
        (b'a'..=b'z')
            .map(|l| openings(&format!("^{}", char::from(l)), true))
            .collect()
    });
    let index = letter.to_ascii_lowercase().checked_sub(b'a')?;
    partners.get(usize::from(index))?.as_deref()
}

/// The first bytes of the literals every match of the start-anchored `pattern` begins
/// with; `None` when the pattern is not anchored or the literals cannot be listed.
fn openings(pattern: &str, case_insensitive: bool) -> Option<Vec<u8>> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(pattern)
        .ok()?;
    if !hir
        .properties()
        .look_set_prefix()
        .contains(regex_syntax::hir::Look::Start)
    {
        return None;
    }
    let literals = regex_syntax::hir::literal::Extractor::new().extract(&hir);
    literals
        .literals()?
        .iter()
        .map(|literal| literal.as_bytes().first().copied())
        .collect()
}

/// Splits `^.{0,N}REST` into `N` and `REST`.
fn split_bounded_lead(pattern: &str) -> Option<(usize, &str)> {
    let rest = pattern.strip_prefix("^.{0,")?;
    let (limit, rest) = rest.split_once('}')?;
    Some((limit.parse().ok()?, rest))
}

fn rules() -> &'static [LineRule] {
    static RULES: OnceLock<Vec<LineRule>> = OnceLock::new();
    RULES.get_or_init(|| {
        crate::lexicon::fields(include_str!("../../data/boilerplate.txt"))
            .map(|fields| {
                let [reason, pattern] = fields[..] else {
                    panic!("data/boilerplate.txt: expected REASON<TAB>REGEX, got {fields:?}");
                };
                LineRule::new(reason, pattern)
            })
            .collect()
    })
}

/// A line with its byte range and its content stripped of bullets and edge spaces.
struct Line<'t> {
    start: usize,
    end: usize,
    content: &'t str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.trim_end_matches(['\n', '\r']).len();
        let raw = &text[start..end];
        let content = raw
            .trim()
            .trim_start_matches(['•', '·', '▪', '►', '*', '-', '–', '|'])
            .trim();
        if !content.is_empty() {
            let lead = raw.len() - raw.trim_start().len();
            let trail = raw.len() - raw.trim_end().len();
            out.push(Line {
                start: start + lead,
                end: end - trail,
                content,
            });
        }
        start += piece.len();
    }
    out
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':'])
}

/// The length in bytes past which a line is a paragraph, or a whole page flattened to
/// one line, rather than a line of page furniture.
const LONG_LINE: usize = 600;

/// The line rule that marks `content`, if any.
fn line_reason(content: &str) -> Option<&'static str> {
    // Rules are meant for short lines; long paragraphs are body whatever words they hold.
    if content.len() > LONG_LINE {
        return None;
    }
    rules()
        .iter()
        .find(|rule| rule.matches(content))
        .map(|rule| rule.reason)
}

/// Finds the ranges of `text` that are not article body, in text order.
pub fn mark_boilerplate(text: &str) -> Vec<Removed> {
    let lines = lines(text);
    let mut reasons: Vec<Option<&'static str>> =
        lines.iter().map(|line| line_reason(line.content)).collect();
    // A short line directly above a photo credit is its caption.
    for i in 1..lines.len() {
        if reasons[i] == Some("photo_credit")
            && reasons[i - 1].is_none()
            && word_count(lines[i - 1].content) <= 40
            && (!ends_like_sentence(lines[i - 1].content) || lines[i - 1].content.ends_with(','))
        {
            reasons[i - 1] = Some("caption");
        }
    }
    // A page flattened to long lines keeps its related-stories block and its footer
    // after the article's last sentence, on the same line: from the heading on, the
    // line is furniture. (A short line holding only the heading is a line rule's.)
    let mut tails = Vec::new();
    for (line, reason) in lines.iter().zip(reasons.iter_mut()) {
        let long = reason.is_none() && line.content.len() > LONG_LINE;
        match long.then(|| teaser_heading_at(line.content)).flatten() {
            Some(0) => *reason = Some("teaser"),
            // The content ends where the line does.
            Some(at) => tails.push(Removed {
                start: line.end - line.content.len() + at,
                end: line.end,
                reason: "teaser".to_string(),
            }),
            None => {}
        }
    }
    // Lines repeated verbatim: the later copies are page furniture (captions, pull quotes).
    let mut seen = HashSet::new();
    for (line, reason) in lines.iter().zip(reasons.iter_mut()) {
        if !seen.insert(line.content) && reason.is_none() && word_count(line.content) >= 3 {
            *reason = Some("duplicate");
        }
    }
    let mut removed: Vec<Removed> = lines
        .iter()
        .zip(reasons)
        .filter_map(|(line, reason)| {
            reason.map(|reason| Removed {
                start: line.start,
                end: line.end,
                reason: reason.to_string(),
            })
        })
        .collect();
    if !tails.is_empty() {
        removed.extend(tails);
        removed.sort_by_key(|r| r.start);
    }
    removed
}

/// Where in a line a related-stories heading (`data/teaser_headings.txt`) opens, if one
/// does: as written in title case, a whole word run ("Related News", not "Related
/// Newsletters").
fn teaser_heading_at(content: &str) -> Option<usize> {
    crate::lexicon::lazy! {
        fn finder() -> Option<aho_corasick::AhoCorasick> = aho_corasick::AhoCorasick::new(
            crate::lexicon::lines(include_str!("../../data/teaser_headings.txt")),
        )
        .ok();
    }
    let bytes = content.as_bytes();
    let word_byte = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    finder()
        .as_ref()?
        .find_iter(content)
        .find(|m| (m.start() == 0 || !word_byte(m.start() - 1)) && !word_byte(m.end()))
        .map(|m| m.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reasons(text: &str) -> Vec<(String, String)> {
        mark_boilerplate(text)
            .into_iter()
            .map(|r| (text[r.start..r.end].to_string(), r.reason))
            .collect()
    }

    #[test]
    fn every_data_rule_compiles() {
        assert!(rules().len() > 20);
        for rule in rules() {
            match &rule.matcher {
                Matcher::Whole { pattern, .. } => {
                    pattern.get();
                }
                Matcher::BoundedLead { rest, .. } => {
                    rest.get();
                }
            }
        }
    }

    #[test]
    fn a_letters_case_partners_open_with_its_first_bytes() {
        assert_eq!(case_partners(b's'), case_partners(b'S'));
        let s = case_partners(b's').expect("a letter");
        assert!(s.contains(&b's') && s.contains(&b'S') && s.contains(&0xC5));
        assert_eq!(case_partners(b'1'), None);
    }

    #[test]
    fn page_furniture_is_marked() {
        let page = "Skip to content\n  • NIKKEI 38123.45 -120.50 -0.31%\nView Market Snapshot\n\
Featured article licensed from\nBy The Daily Planet 5 HOURS AGO\n4 Min read\n\
The council voted on Monday to close the bridge.\nCOMMENTS\n\
Please let us know if you're having issues with commenting.\nLogin\nMore to Read\n\
Comment 0\n0/300\nWrite to Ann Lee at ann.lee@example.com\n\
https://example.org/2013/08/02/bridge-closed.html\nhttp : / / example . org / news / bridge /\n";
        let got = reasons(page);
        let expected = [
            ("Skip to content", "navigation"),
            ("• NIKKEI 38123.45 -120.50 -0.31%", "ticker"),
            ("View Market Snapshot", "ticker"),
            ("Featured article licensed from", "syndication"),
            ("By The Daily Planet 5 HOURS AGO", "byline"),
            ("4 Min read", "read_time"),
            ("COMMENTS", "comments"),
            (
                "Please let us know if you're having issues with commenting.",
                "comments",
            ),
            ("Login", "login"),
            ("More to Read", "teaser"),
            ("Comment 0", "comments"),
            ("0/300", "comments"),
            ("Write to Ann Lee at ann.lee@example.com", "contact"),
            (
                "https://example.org/2013/08/02/bridge-closed.html",
                "address",
            ),
            ("http : / / example . org / news / bridge /", "address"),
        ];
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_flattened_page_loses_its_related_stories_block() {
        // Two pages flattened to one line each: the first ends in a related-stories
        // block, the second only writes the words in prose.
        let article = "Ivo Rask fled Tarsk on Monday, police said. ".repeat(15);
        let prose =
            "The mayor said related news would follow. Related Newsletters went out. ".repeat(10);
        let block = "Related News Storm kills 2 in Harran | Ada Lind wins in Kerria \
Copyright 2031 Example Ltd.";
        let page = format!("{article}{block}\n{prose}\n");
        assert_eq!(reasons(&page), [(block.to_string(), "teaser".to_string())]);
    }

    #[test]
    fn a_bounded_lead_counts_characters_before_the_earliest_match() {
        let rule = LineRule::new("credit", "^.{0,5}\\bphoto: [A-Z]+$");
        assert!(matches!(
            rule.matcher,
            Matcher::BoundedLead { limit: 5, .. }
        ));
        assert!(rule.matches("photo: ANN"));
        assert!(
            rule.matches("éééé photo: ANN"),
            "five characters, nine bytes"
        );
        assert!(!rule.matches("ééééé photo: ANN"), "six characters before");
        assert!(
            !rule.matches("photo: ANN and more"),
            "the end anchor still holds"
        );
        assert!(!rule.matches("abcdefgh photo: ANN photo: BOB"));
        assert_eq!(split_bounded_lead("^.{0,40}x$"), Some((40, "x$")));
        assert_eq!(split_bounded_lead("^.{2,40}x$"), None);
        assert_eq!(split_bounded_lead("^by .{0,40}$"), None);
    }

    #[test]
    fn a_rule_is_tried_only_on_lines_opening_as_its_matches_can() {
        // The ASCII bytes a line may open with (case-insensitive "s" also opens with
        // "ſ", whose first byte is not ASCII).
        let opens = |pattern: &str| {
            first_bytes(pattern).map(|bytes| {
                (0..128u8)
                    .filter(|&b| bytes[usize::from(b)])
                    .map(char::from)
                    .collect::<String>()
            })
        };
        assert_eq!(opens("^skip to (main )?content$").as_deref(), Some("Ss"));
        assert_eq!(opens("^(menu|home)$").as_deref(), Some("HMhm"));
        assert_eq!(opens("^(the )?end$").as_deref(), Some("ETet"));
        // Not anchored, optional all through, or too many openings: any line is tried.
        assert_eq!(opens("photo: [A-Z]+$"), None);
        assert_eq!(opens("^(\\d+ )?comments$"), None);
        assert_eq!(opens("^x?$"), None);
        let rule = LineRule::new("navigation", "^skip to content$");
        assert!(rule.matches("Skip to content"));
        assert!(!rule.matches("The skip to content"));
    }

    #[test]
    fn captions_and_credits() {
        let page = "Harbour Fire Spreads\n\nFirefighters work near the docks on Sunday,\n\
Reuters Photo/Jan Novak\n\nThe fire began at dawn. PHOTO: JAN NOVAK/REUTERS\n\
The fire began at dawn. PHOTO: JAN NOVAK/REUTERS\nOfficials said nobody was hurt.\n";
        let got = reasons(page);
        let got: Vec<&str> = got.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            got,
            ["caption", "photo_credit", "photo_credit", "photo_credit"]
        );
    }

    #[test]
    fn body_sentences_are_kept() {
        let body = "The ministry said on Tuesday that 412 people arrived last year.\n\
He told Reuters that the comment was taken out of context.\n\
By then, the talks had collapsed.\nMost of the crew was released in January.\n\
Barcelona 3 Madrid 1\nIn 2011 , 3,800 people crossed .\n";
        assert!(reasons(body).is_empty(), "{:?}", reasons(body));
    }

    #[test]
    fn example_mark_boilerplate() {
        use crate::text::mark_boilerplate;
        let text = "Skip to content\nThe minister resigned on Monday.\n3 min read\nWrite to Ann Lee at ann@example.com\n";
        let removed = mark_boilerplate(text);
        let reasons: Vec<&str> = removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, ["navigation", "read_time", "contact"]);
        assert_eq!(&text[removed[0].start..removed[0].end], "Skip to content");
    }
}
