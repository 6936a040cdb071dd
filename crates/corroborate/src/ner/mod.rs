//! The entity tagger: a structured averaged perceptron over the core's tokens, trained
//! on CoNLL-2003 English news (`corroborate-train`), shipped inside the library.
//!
//! Each word gets features from itself and two words either side (forms, shapes,
//! affixes, gazetteer matches) and from the rest of the document (is this word written
//! in lowercase elsewhere? capitalized mid-sentence?). Viterbi decoding over BILOU tags
//! finds the best valid sequence of names per sentence.

mod features;
pub(crate) mod gazetteer;
pub(crate) mod hash;
mod model;
mod tags;
#[cfg(feature = "train")]
pub mod train;

use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use crate::model::EntityKind;
use features::{DocView, FORM_ROLES, Features, Forms, History};
use model::{Stage, Table};

/// The first bytes of a model file (then the number of stages and the weights of each).
/// The file is not compressed: the crate, the wheel and git compress it anyway, and
/// inflating it at every start took a quarter of a one-document ledger's instructions.
const MAGIC: &[u8; 8] = b"CORNER03";

/// A name the tagger found: words `start..end` of sentence `sentence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedSpan {
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Person, organization, location or other.
    pub kind: EntityKind,
}

/// A trained tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Tagger {
    /// The first stage reads the words; each later one also reads how the stage before
    /// it tagged the same words elsewhere in the document.
    stages: Vec<Stage>,
    /// The rows of all stages, looked up together for the word features they share.
    table: Table,
}

impl Tagger {
    /// The model compiled into the library, decoded on first use.
    pub fn shipped() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(include_bytes!("../../data/ner.model"))
                .expect("the embedded model is well formed (checked by a test)")
        })
    }

    /// Reads a model file; `None` when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Tagger> {
        let (&count, input) = bytes.strip_prefix(MAGIC)?.split_first()?;
        let (stages, table) = model::read(input, count.into())?;
        Some(Tagger { stages, table })
    }

    /// The tagger of the stages `stages`, made through the model file they would be
    /// written as: a tagger has one way to be made.
    #[cfg(feature = "train")]
    pub(crate) fn new(stages: &[model::Weights]) -> Tagger {
        let mut bytes = MAGIC.to_vec();
        bytes.push(u8::try_from(stages.len()).expect("a model has at most 255 stages"));
        for stage in stages {
            stage.write(&mut bytes);
        }
        Tagger::from_bytes(&bytes).expect("weights are written as a well-formed model")
    }

    /// The weights of every stage.
    #[cfg(any(test, feature = "unstable-internals"))]
    pub(crate) fn weights(&self) -> Vec<model::Weights> {
        self.stages
            .iter()
            .enumerate()
            .map(|(n, stage)| self.table.weights(n, stage))
            .collect()
    }

    /// The model file of this tagger.
    #[cfg(any(test, feature = "unstable-internals"))]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.stages.len() as u8);
        for weights in self.weights() {
            weights.write(&mut out);
        }
        out
    }

    /// Tags every sentence of one document (all at once, so that the way a word is
    /// written in one sentence informs the others). Spans come in text order.
    #[cfg(any(test, feature = "unstable-internals"))]
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<TaggedSpan> {
        self.session().tag_document(sentences)
    }

    /// Tags documents one after another, as [`Tagger::tag_document`] tags each, but
    /// working out and scoring each word form once for all of them (as the ledger does
    /// for the documents of one worker): faster for a corpus, with the same spans.
    #[cfg(any(test, feature = "unstable-internals"))]
    pub fn tag_documents<S: AsRef<str>>(&self, documents: &[Vec<Vec<S>>]) -> Vec<Vec<TaggedSpan>> {
        let mut session = self.session();
        documents
            .iter()
            .map(|document| session.tag_document(document))
            .collect()
    }

    /// A session for tagging documents one after another, which keeps the word forms it
    /// has scored.
    pub(crate) fn session(&self) -> Session<'_> {
        Session {
            tagger: self,
            forms: Forms::default(),
            form_scores: Vec::new(),
            limit: FORM_LIMIT,
        }
    }
}

/// The most word forms a [`Session`] keeps (about 730 bytes each with two stages — the
/// form 32, its index entry about 20, its scores in its five roles 680 — 12 MB in
/// all); past it, the next
/// document starts afresh. The forms of 100,000 news articles number several hundred
/// thousand, and the ones that recur most are met again soon after a new start.
const FORM_LIMIT: usize = 1 << 14;

/// A tagger with the word forms it has read and scored so far ([`Forms`]): for tagging
/// the documents of one worker in turn. A form's context-free keys are worked out and
/// scored once per session rather than once per document; the tags are the same.
pub(crate) struct Session<'t> {
    tagger: &'t Tagger,
    forms: Forms,
    /// `tagger.stages.len()` scores per role ([`FORM_ROLES`]) per form of `forms`, in
    /// its order.
    form_scores: Vec<[i32; tags::TAGS]>,
    /// See [`FORM_LIMIT`].
    limit: usize,
}

/// Sessions lent to the workers of one ledger build, each given back when its worker's
/// piece of work ends. rayon makes `map_init`'s value anew for every piece it splits the
/// documents into — many more pieces than workers — and a fresh session scored again
/// every word form the sessions before it had scored (a sixth of the tagger's work on
/// ECB+, and as many growing score tables copied as they grew).
pub(crate) struct SessionPool<'t> {
    tagger: &'t Tagger,
    idle: Mutex<Vec<Session<'t>>>,
}

impl<'t> SessionPool<'t> {
    /// A pool of the sessions of `tagger`, none made yet.
    pub(crate) fn new(tagger: &'t Tagger) -> SessionPool<'t> {
        SessionPool {
            tagger,
            idle: Mutex::new(Vec::new()),
        }
    }

    /// A session no worker holds, or a new one when all are lent.
    pub(crate) fn lend(&self) -> LentSession<'_, 't> {
        let idle = self.idle().pop();
        LentSession {
            pool: self,
            session: Some(idle.unwrap_or_else(|| self.tagger.session())),
        }
    }

    /// The sessions no worker holds. A worker that panicked while holding the lock left
    /// the list whole (a push or a pop), so a poisoned lock is taken all the same.
    fn idle(&self) -> MutexGuard<'_, Vec<Session<'t>>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A session of a [`SessionPool`], given back to it when dropped.
pub(crate) struct LentSession<'p, 't> {
    pool: &'p SessionPool<'t>,
    /// `Some` until given back.
    session: Option<Session<'t>>,
}

impl<'t> Deref for LentSession<'_, 't> {
    type Target = Session<'t>;

    fn deref(&self) -> &Session<'t> {
        self.session.as_ref().expect("lent until dropped")
    }
}

impl<'t> DerefMut for LentSession<'_, 't> {
    fn deref_mut(&mut self) -> &mut Session<'t> {
        self.session.as_mut().expect("lent until dropped")
    }
}

impl Drop for LentSession<'_, '_> {
    fn drop(&mut self) {
        if let Some(session) = self.session.take() {
            self.pool.idle().push(session);
        }
    }
}

impl Session<'_> {
    /// Tags every sentence of one document, as [`Tagger::tag_document`] does.
    pub(crate) fn tag_document<S: AsRef<str>>(&mut self, sentences: &[Vec<S>]) -> Vec<TaggedSpan> {
        if self.forms.len() > self.limit {
            self.forms = Forms::default();
            self.form_scores.clear();
        }
        let view = DocView::read(sentences, &mut self.forms);
        self.tagger
            .tags(&view, &mut self.form_scores)
            .iter()
            .enumerate()
            .flat_map(|(s, best)| {
                tags::spans(best)
                    .into_iter()
                    .map(move |(start, end, kind)| TaggedSpan {
                        sentence: s,
                        start,
                        end,
                        kind,
                    })
            })
            .collect()
    }
}

impl Tagger {
    /// The tags of every sentence, from the last stage. The word features are the same
    /// for every stage: they are computed once and scored for all stages at once; later
    /// stages add the history features. `form_scores` holds the scores of the forms of
    /// the view's [`Forms`] known before it (see [`Tagger::word_scores`]).
    fn tags(&self, view: &DocView, form_scores: &mut Vec<[i32; tags::TAGS]>) -> Vec<Vec<u8>> {
        let stages = self.stages.len();
        let base = self.word_scores(view, form_scores);
        let mut tags = Vec::new();
        let mut emissions = Vec::new();
        let mut extra = Features::default();
        for (n, stage) in self.stages.iter().enumerate() {
            let history = (n > 0).then(|| History::new(view, std::mem::take(&mut tags)));
            tags = base
                .iter()
                .enumerate()
                .map(|(s, scores)| {
                    let words = scores.len() / stages;
                    emissions.clear();
                    emissions.extend_from_slice(&scores[n * words..(n + 1) * words]);
                    if let Some(history) = &history {
                        view.history_features(s, history, &mut extra);
                        self.table.add_emissions(n, &extra, &mut emissions);
                    }
                    stage.decoder().decode(&emissions)
                })
                .collect();
        }
        tags
    }

    /// Each sentence's word scores from the word features at every stage, laid out as
    /// [`Table::emissions`] gives them. A form's keys are scored once and each word adds
    /// its form's scores and those of its neighbours' forms in their roles to those of
    /// the rest of its context: sums of integers, the same as scoring all of each
    /// word's keys together. `form_scores` holds `stages` scores for every role of every
    /// form known before the view was read; those of its new forms are added to it.
    fn word_scores(
        &self,
        view: &DocView,
        form_scores: &mut Vec<[i32; tags::TAGS]>,
    ) -> Vec<Vec<[i32; tags::TAGS]>> {
        let stages = self.stages.len();
        assert_eq!(
            form_scores.len(),
            view.first_new_form * FORM_ROLES * stages,
            "scores for every form known before"
        );
        let mut new = Vec::new();
        self.table.emissions(&view.new_forms, &mut new);
        let count = view.new_forms.len();
        for role in 0..count {
            form_scores.extend((0..stages).map(|n| new[n * count + role]));
        }
        let mut features = Features::default();
        let mut forms = Vec::new();
        (0..view.len())
            .map(|s| {
                view.context_features(s, &mut features);
                let mut scores = Vec::new();
                self.table.emissions(&features, &mut scores);
                let words = features.len();
                forms.clear();
                forms.extend(view.forms_of(s));
                for (i, &form) in forms.iter().enumerate() {
                    for n in 0..stages {
                        // Summed in a local array, lane by lane, which the compiler
                        // adds as vectors (adding into `scores` in place it did not).
                        let of = |form: usize, role: usize| {
                            &form_scores[(form * FORM_ROLES + role) * stages + n]
                        };
                        let mut sum = *of(form, 0);
                        for (at, role) in view.neighbours_of(s, i) {
                            let add = of(forms[at], role);
                            sum = std::array::from_fn(|t| sum[t] + add[t]);
                        }
                        let score = &mut scores[n * words + i];
                        *score = std::array::from_fn(|t| score[t] + sum[t]);
                    }
                }
                scores
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentences: &[&str]) -> Vec<(String, EntityKind)> {
        let split: Vec<Vec<&str>> = sentences.iter().map(|s| s.split(' ').collect()).collect();
        Tagger::shipped()
            .tag_document(&split)
            .into_iter()
            .map(|t| (split[t.sentence][t.start..t.end].join(" "), t.kind))
            .collect()
    }

    fn has(found: &[(String, EntityKind)], name: &str, kind: EntityKind) -> bool {
        found.iter().any(|(n, k)| n == name && *k == kind)
    }

    #[test]
    fn the_shipped_model_loads_and_round_trips() {
        let tagger = Tagger::shipped();
        assert!(tagger.weights()[0].len() > 1000);
        let bytes = tagger.to_bytes();
        assert_eq!(bytes, include_bytes!("../../data/ner.model"));
        assert_eq!(Tagger::from_bytes(&bytes).as_ref(), Some(tagger));
    }

    #[test]
    fn scoring_forms_once_equals_scoring_every_word_in_full() {
        let tagger = Tagger::shipped();
        let sentences = [
            vec!["Anna", "Berg", "met", "Anna", "in", "Oslo", "."],
            vec![
                "The", "talks", "in", "Oslo", "ended", ",", "Berg", "said", ".",
            ],
        ];
        let view = DocView::new(&sentences);
        assert!(view.new_forms.len() / FORM_ROLES < sentences.iter().map(Vec::len).sum::<usize>());
        let mut features = Features::default();
        let in_full: Vec<Vec<[i32; tags::TAGS]>> = (0..view.len())
            .map(|s| {
                view.features(s, &mut features);
                let mut scores = Vec::new();
                tagger.table.emissions(&features, &mut scores);
                scores
            })
            .collect();
        assert_eq!(tagger.word_scores(&view, &mut Vec::new()), in_full);
    }

    #[test]
    fn a_session_tags_as_a_fresh_tagger_does() {
        let documents: Vec<Vec<Vec<&str>>> = [
            "Anna Berg met Carl Lind in Oslo . Berg said the talks went well .",
            "Carl Lind flew to Oslo on Monday . Lind met officials of the World Bank .",
            "The World Bank said Oslo would host the talks . Anna Berg agreed .",
        ]
        .iter()
        .map(|text| {
            text.split(" . ")
                .map(|s| s.split(' ').filter(|w| !w.is_empty()).collect())
                .collect()
        })
        .collect();
        let tagger = Tagger::shipped();
        for limit in [usize::MAX, 5] {
            let mut session = tagger.session();
            session.limit = limit;
            for document in documents.iter().chain(&documents) {
                assert_eq!(
                    session.tag_document(document),
                    tagger.tag_document(document)
                );
            }
            assert!(
                limit == usize::MAX || session.forms.len() <= limit + 30,
                "the limit bounds the forms kept"
            );
        }
    }

    #[test]
    fn a_pool_lends_a_given_back_session_again() {
        let pool = SessionPool::new(Tagger::shipped());
        let mut first = pool.lend();
        first.tag_document(&[vec!["Anna", "Berg", "met", "Carl", "Lind", "."]]);
        let learned = first.forms.len();
        assert!(learned > 0);
        assert_eq!(
            pool.lend().forms.len(),
            0,
            "a session in use is not lent twice"
        );
        drop(first);
        let again = pool.lend();
        assert_eq!(again.forms.len(), learned, "the forms it read are kept");
        assert_eq!(pool.lend().forms.len(), 0);
    }

    #[test]
    fn persons_organizations_and_locations() {
        let found = names(&[
            "Prime Minister Elena Vasquez met officials of the World Bank in Nairobi on Monday .",
        ]);
        assert!(
            has(&found, "Elena Vasquez", EntityKind::Person),
            "{found:?}"
        );
        assert!(
            has(&found, "World Bank", EntityKind::Organization),
            "{found:?}"
        );
        assert!(has(&found, "Nairobi", EntityKind::Location), "{found:?}");
    }

    #[test]
    fn organizations_that_contain_a_place() {
        let found = names(&["The Bank of Canada raised rates , a spokesman said ."]);
        assert!(
            has(&found, "Bank of Canada", EntityKind::Organization),
            "{found:?}"
        );
    }

    #[test]
    fn possessives_with_either_apostrophe() {
        for apostrophe in ["'s", "’s"] {
            let sentence = format!("Jonathan Meyer {apostrophe} lawyer spoke to reporters .");
            let found = names(&[&sentence]);
            assert!(
                has(&found, "Jonathan Meyer", EntityKind::Person),
                "{found:?}"
            );
        }
    }

    #[test]
    fn titles_stay_outside_the_name() {
        let found = names(&["President Jorge Almeida arrived in Lisbon on Monday ."]);
        assert!(
            has(&found, "Jorge Almeida", EntityKind::Person),
            "{found:?}"
        );
        assert!(has(&found, "Lisbon", EntityKind::Location), "{found:?}");
    }

    #[test]
    fn hyphenated_and_spaced_given_names() {
        let found = names(&[
            "Park Ji-hoon , a senior official , met reporters .",
            "Park Ji Hoon declined to comment .",
        ]);
        assert!(has(&found, "Park Ji-hoon", EntityKind::Person), "{found:?}");
        assert!(has(&found, "Park Ji Hoon", EntityKind::Person), "{found:?}");
    }

    #[test]
    fn headlines_read_the_body_and_acronyms_keep_their_dots() {
        let found = names(&[
            "FLOODS CUT OFF MANILA SUBURBS AS STORM NEARS",
            "Heavy rain flooded Manila on Tuesday , the U.N. said .",
        ]);
        assert!(has(&found, "MANILA", EntityKind::Location), "{found:?}");
        assert!(has(&found, "U.N.", EntityKind::Organization), "{found:?}");
    }

    #[test]
    fn a_surname_alone_takes_the_kind_of_its_full_name() {
        let found = names(&[
            "Teresa Okafor won the vote on Sunday .",
            "Okafor thanked her supporters .",
        ]);
        assert!(
            has(&found, "Teresa Okafor", EntityKind::Person),
            "{found:?}"
        );
        assert!(has(&found, "Okafor", EntityKind::Person), "{found:?}");
    }

    #[test]
    fn example_tagged_span() {
        use crate::model::EntityKind;
        use crate::ner::Tagger;
        let found =
            Tagger::shipped().tag_document(&[vec!["Maria", "Lopez", "visited", "Peru", "."]]);
        assert_eq!(
            (found[0].start, found[0].end, found[0].kind),
            (0, 2, EntityKind::Person)
        );
    }

    #[test]
    fn example_tagger() {
        use crate::ner::Tagger;
        let tagger = Tagger::shipped();
        let found = tagger.tag_document(&[vec!["He", "flew", "to", "Berlin", "."]]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].start, 3);
    }

    #[test]
    fn example_from_bytes() {
        use crate::ner::Tagger;
        assert!(Tagger::from_bytes(b"not a model").is_none());
    }

    #[test]
    fn example_tag_documents() {
        use crate::ner::Tagger;
        let documents = [
            vec![vec!["Maria", "Lopez", "visited", "Peru", "."]],
            vec![vec!["Lopez", "left", "Peru", "on", "Monday", "."]],
        ];
        let tagger = Tagger::shipped();
        let found = tagger.tag_documents(&documents);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1], tagger.tag_document(&documents[1]));
    }
}
