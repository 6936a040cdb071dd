//! What a casualty figure counts besides its role: how its victims died and who they
//! were (`data/casualty_circumstances.txt`).
//!
//! Outlets covering one day in one city often report different happenings: "21
//! civilians" killed by air strikes and "34 fighters" killed in clashes are two tolls,
//! not a disagreement, and so are a car bomb's toll and a bombardment's. Air strikes
//! and shelling are one means: outlets describe one attack as either. Two
//! figures are one quantity only when their circumstances are compatible: each
//! dimension (means, victims) the same or unknown in one of them. A part of the
//! civilians (children, women, students) is counted apart: "killed 9 children" is
//! no disagreement with "at least 14 civilians", and a figure of "people" is one of
//! the whole, never of a part. Figures their sentences date two days or more apart
//! ("three killed on Wednesday night", "18 killed on Friday") count two happenings, or
//! one toll at two times: never a disagreement. A day apart they may still be one
//! (a report dated by its publication, "yesterday" read against another day).
//! Tolls of attacks by the two sides of a war are two happenings as well: rebels'
//! rocket fire on one district and a regime's barrel bomb on another, on one day in
//! one city. The side that struck is the side the figure's sentence names outside
//! the counted phrase, or the one that alone has the means it names (air strikes,
//! warplanes, barrel bombs are a state's).

use crate::lexicon;

/// How the victims died, as the figure's sentence says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Means {
    /// Air strikes, raids, barrel bombs, shells, rockets, mortars.
    Bombardment,
    /// Clashes and battles.
    Fighting,
    /// Car bombs, suicide bombers, explosions.
    Blast,
    /// Executions and beheadings of captives.
    Execution,
    /// An aircraft shot down or crashed: its dead are those on board.
    Downing,
}

/// A side of the fighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Side {
    /// A state and its allies: their forces, and the means only states have (air
    /// strikes, barrel bombs).
    State,
    /// The armed groups fighting a state: rebels, militants, insurgents.
    ArmedGroup,
}

/// Who the victims were, as the counted phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Victims {
    /// Civilians, residents, patients.
    Civilian,
    /// A state's soldiers, troops and police.
    Forces,
    /// Rebels, militants, insurgents: armed groups fighting a state.
    ArmedGroup,
    /// Fighters of no named side: either of the two above.
    Combatant,
    /// Fighters of both sides counted together ("regime and rebel fighters"): a sum
    /// of the two sides' tolls, never one side's.
    BothSides,
    /// A part of the civilians, which answers its own question ("how many children
    /// were killed?").
    Part(Part),
}

/// A part of the civilians a figure may count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Part {
    /// Children, boys, girls, babies.
    Children,
    /// Women.
    Women,
    /// Students and pupils.
    Students,
}

impl Victims {
    /// Whether the two can count the same people: equal, or a combatant of no named
    /// side beside either side's.
    fn fits(self, other: Victims) -> bool {
        use Victims::{ArmedGroup, BothSides, Combatant, Forces};
        self == other
            || matches!(
                (self, other),
                (Combatant, Forces | ArmedGroup | BothSides)
                    | (Forces | ArmedGroup | BothSides, Combatant)
            )
    }

    /// Whether victims of these two kinds can have died in one happening: as
    /// [`Victims::fits`], a part of the civilians standing for the civilians ("11
    /// children" and "15 civilians" killed by one strike).
    pub(crate) fn may_share(self, other: Victims) -> bool {
        let whole = |v: Victims| match v {
            Victims::Part(_) => Victims::Civilian,
            v => v,
        };
        whole(self).fits(whole(other))
    }

    /// The side of the fighting the victims are on, if a class names one.
    fn side(self) -> Option<Side> {
        match self {
            Victims::Forces => Some(Side::State),
            Victims::ArmedGroup => Some(Side::ArmedGroup),
            Victims::Civilian | Victims::Combatant | Victims::BothSides | Victims::Part(_) => None,
        }
    }

    /// The more specific of two that fit: a side over a combatant of none.
    fn narrower(self, other: Victims) -> Victims {
        if self == Victims::Combatant {
            other
        } else {
            self
        }
    }
}

/// One class a word of the data file tells.
#[derive(Debug, Clone, Copy)]
enum Class {
    /// A means, and the side that alone has it (air strikes: a state).
    Means(Means, Option<Side>),
    Victims(Victims),
    /// A word after which a counted phrase names a part of its victims ("including").
    Aside,
    /// A word beside which a side's name describes a place or a cause, not who
    /// struck ("rebel-held", "held by the regime", "anti-regime").
    Held,
}

lexicon::lazy! {
    /// The words and phrases of `data/casualty_circumstances.txt` and the class each
    /// tells.
    fn classes() -> lexicon::PhraseTable<Class> = lexicon::PhraseTable::new(
        lexicon::fields(include_str!("../../data/casualty_circumstances.txt"))
            .filter_map(|f| {
                let by = match f.get(2).copied() {
                    None => None,
                    Some("state") => Some(Side::State),
                    Some(_) => return None,
                };
                let class = match *f.get(1)? {
                    "bombardment" => Class::Means(Means::Bombardment, by),
                    "fighting" => Class::Means(Means::Fighting, by),
                    "blast" => Class::Means(Means::Blast, by),
                    "execution" => Class::Means(Means::Execution, by),
                    "downing" => Class::Means(Means::Downing, by),
                    "civilian" => Class::Victims(Victims::Civilian),
                    "forces" => Class::Victims(Victims::Forces),
                    "armed group" => Class::Victims(Victims::ArmedGroup),
                    "combatant" => Class::Victims(Victims::Combatant),
                    "children" => Class::Victims(Victims::Part(Part::Children)),
                    "women" => Class::Victims(Victims::Part(Part::Women)),
                    "students" => Class::Victims(Victims::Part(Part::Students)),
                    "aside" => Class::Aside,
                    "held" => Class::Held,
                    _ => return None,
                };
                Some((f[0].split(' ').collect(), class))
            }),
    );
}

/// The circumstances of one casualty figure; `None` where the text does not tell.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Circumstances {
    means: Option<Means>,
    victims: Option<Victims>,
    /// The side that struck.
    attacker: Option<Side>,
    /// The day the figure's sentence gives it.
    day: Option<jiff::civil::Date>,
    /// Whether the figure sums places listed together ("in Tarsk and Harran"): it
    /// answers for them all, never for the happening in one of them.
    over_places: bool,
}

impl Circumstances {
    /// Reads the means in `sentence` (one means named, else none), the victims in
    /// `counted`, the phrase the figure counts, and the side that struck (see
    /// [`attacker`]).
    pub(crate) fn read(sentence: &str, counted: Option<&str>) -> Circumstances {
        let sentence = crate::text::fold_lower(sentence);
        let words: Vec<&str> = crate::text::words(&sentence, &[]).collect();
        let mut found: Vec<Found> = classes_in(&words).collect();
        // An aircraft named beside a downing ("a helicopter was shot down") is the one
        // downed: neither a bombardment nor the state's side striking.
        if found
            .iter()
            .any(|f| matches!(f.class, Class::Means(Means::Downing, _)))
        {
            found.retain(|f| !matches!(f.class, Class::Means(Means::Bombardment, Some(_))));
        }
        let means = only(found.iter().filter_map(|f| match f.class {
            Class::Means(m, _) => Some(m),
            _ => None,
        }));
        let counted = crate::text::fold_lower(counted.unwrap_or_default());
        let counted_words: Vec<&str> = crate::text::words(&counted, &[]).collect();
        let named: Vec<Victims> = classes_in(&counted_words)
            .map(|f| f.class)
            .take_while(|class| !matches!(class, Class::Aside))
            .filter_map(|class| match class {
                Class::Victims(v) => Some(v),
                Class::Means(..) | Class::Aside | Class::Held => None,
            })
            .collect();
        // A phrase naming both sides ("regime and rebel fighters") counts their sum;
        // else its first class tells.
        let names = |side: Side| named.iter().any(|v| v.side() == Some(side));
        let victims = if names(Side::State) && names(Side::ArmedGroup) {
            Some(Victims::BothSides)
        } else {
            named.first().copied()
        };
        Circumstances {
            means,
            victims,
            attacker: attacker(&words, &found, &counted_words),
            day: None,
            over_places: false,
        }
    }

    /// These circumstances with the means the document's `lede` names where the
    /// figure's sentence names none: a document reports one happening, which its lede
    /// tells ("17 killed in a car bomb blast"), and a later figure naming no means
    /// ("rescue workers rushed dozens of injured to hospital") is one of it.
    pub(crate) fn or_means_of(self, lede: Circumstances) -> Circumstances {
        Circumstances {
            means: self.means.or(lede.means),
            ..self
        }
    }

    /// These circumstances on the time the figure's sentence gives (a `YYYY-MM-DD`
    /// day; a month, a week or none says nothing).
    pub(crate) fn on(self, time: Option<&str>) -> Circumstances {
        Circumstances {
            day: time.and_then(|t| t.parse().ok()),
            ..self
        }
    }

    /// These circumstances as a sum over places listed together, or not.
    pub(crate) fn over_places(self, over_places: bool) -> Circumstances {
        Circumstances {
            over_places,
            ..self
        }
    }

    /// The side of the fighting the victims are on, if the figure names one: a
    /// document that gives both sides' tolls answers for each.
    pub(crate) fn side(self) -> Option<Side> {
        self.victims.and_then(Victims::side)
    }

    /// Whether the figure counts a whole class of victims (civilians, a side's forces,
    /// fighters), not a part of the civilians or people of no class: "16 civilians and
    /// three children" gives the civilians' toll, "five children and four medics" two
    /// parts of one.
    pub(crate) fn counts_a_class(self) -> bool {
        self.victims.is_some_and(|v| !matches!(v, Victims::Part(_)))
    }

    /// Whether two figures with these circumstances can count the same people: a
    /// part of the civilians only the same part.
    pub(crate) fn compatible(self, other: Circumstances) -> bool {
        fn fit<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        let victims = match (self.victims, other.victims) {
            (Some(a), Some(b)) => a.fits(b),
            (Some(Victims::Part(_)), None) | (None, Some(Victims::Part(_))) => false,
            _ => true,
        };
        // Two days or more apart: a one-day gap is left to a dateline or a
        // "yesterday" read against another day than the event's.
        let days = match (self.day, other.day) {
            (Some(a), Some(b)) => a.since(b).is_ok_and(|span| span.get_days().abs() < 2),
            _ => true,
        };
        fit(self.means, other.means)
            && fit(self.attacker, other.attacker)
            && victims
            && days
            && self.over_places == other.over_places
    }

    /// The circumstances both figures tell: each dimension known in either.
    pub(crate) fn joined(self, other: Circumstances) -> Circumstances {
        Circumstances {
            means: self.means.or(other.means),
            victims: match (self.victims, other.victims) {
                (Some(a), Some(b)) => Some(a.narrower(b)),
                (a, b) => a.or(b),
            },
            attacker: self.attacker.or(other.attacker),
            day: self.day.or(other.day),
            over_places: self.over_places,
        }
    }

    /// How much is known, each dimension counting one and a side of the fighting one
    /// more: a more specific figure settles a group first, so that fighters of no
    /// named side join the side they fit rather than hold two sides together.
    fn specificity(self) -> usize {
        let side = matches!(self.victims, Some(Victims::Forces | Victims::ArmedGroup));
        usize::from(self.means.is_some())
            + usize::from(self.victims.is_some())
            + usize::from(side)
            + usize::from(self.attacker.is_some())
    }

    /// A short key naming the known dimensions, to keep questions apart.
    pub(crate) fn key(self) -> String {
        let means = self.means.map(|m| match m {
            Means::Bombardment => "bombardment",
            Means::Fighting => "fighting",
            Means::Blast => "blast",
            Means::Execution => "execution",
            Means::Downing => "downing",
        });
        let victims = self.victims.map(|v| match v {
            Victims::Civilian => "civilian",
            Victims::Forces => "forces",
            Victims::ArmedGroup => "armed group",
            Victims::Combatant => "combatant",
            Victims::BothSides => "both sides",
            Victims::Part(Part::Children) => "children",
            Victims::Part(Part::Women) => "women",
            Victims::Part(Part::Students) => "students",
        });
        let attacker = self.attacker.map(|side| match side {
            Side::State => "by a state",
            Side::ArmedGroup => "by an armed group",
        });
        let over_places = self.over_places.then_some("over places");
        [means, victims, attacker, over_places]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// Who the victims a phrase names were ("25 civilians", "40 militants"), if it names
/// them: the first class of victims before an aside ("including").
pub(crate) fn victims(phrase: &str) -> Option<Victims> {
    Circumstances::read("", Some(phrase)).victims
}

/// The value named, if one is: none where two different ones are.
fn only<T: PartialEq>(mut named: impl Iterator<Item = T>) -> Option<T> {
    let first = named.next()?;
    named.all(|other| other == first).then_some(first)
}

/// The side that struck, as a figure's sentence (its lowercase `words`, their
/// classes `found`) tells it: the one side named outside the counted phrase
/// (`counted`), by its fighters ("terrorists fired rocket shells", "regime forces
/// shelled") or by a means only it has ("air strikes"), else none. A side's name
/// beside a holding word describes a place or a cause ("the opposition-held part",
/// "districts dominated by the regime", "anti-regime protesters"), and one counted
/// by another figure ("and 3 soldiers injured") is among the victims.
fn attacker(words: &[&str], found: &[Found], counted: &[&str]) -> Option<Side> {
    let counted_at = (!counted.is_empty())
        .then(|| words.windows(counted.len()).position(|w| w == counted))
        .flatten()
        .map(|at| at..at + counted.len());
    let held = |at: usize| {
        found
            .iter()
            .any(|f| f.at == at && matches!(f.class, Class::Held))
    };
    let described = |f: &Found| {
        let before = |back: usize| f.at.checked_sub(back);
        // "held by (the Syrian) regime": a holding word, "by", up to two words.
        let held_by = (1..=3).any(|back| {
            before(back).is_some_and(|by| words[by] == "by" && by.checked_sub(1).is_some_and(held))
        });
        before(1).is_some_and(held) || held(f.at + f.len) || held_by
    };
    let counted_by_another = |f: &Found| {
        (1..=2).any(|back| {
            f.at.checked_sub(back)
                .is_some_and(|at| crate::prepare::words::is_number(words[at]))
        })
    };
    only(found.iter().filter_map(|f| {
        let side = match f.class {
            Class::Means(_, by) => by,
            Class::Victims(v) => v.side(),
            Class::Aside | Class::Held => None,
        }?;
        let in_counted = counted_at.as_ref().is_some_and(|c| c.contains(&f.at));
        let fighter = matches!(f.class, Class::Victims(_));
        (!in_counted && !(fighter && (described(f) || counted_by_another(f)))).then_some(side)
    }))
}

/// One phrase of the data file found in a text: where (a word index), how many words
/// and its class.
struct Found {
    at: usize,
    len: usize,
    class: Class,
}

/// The classes the words of a folded text tell, each phrase matched at its longest
/// ("air strikes", not "strikes" again).
fn classes_in<'w>(words: &'w [&'w str]) -> impl Iterator<Item = Found> + 'w {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < words.len() {
            match classes().longest_at(at, |k| words.get(k).copied()) {
                Some((&class, len)) => {
                    let found = Found { at, len, class };
                    at += len;
                    return Some(found);
                }
                None => at += 1,
            }
        }
        None
    })
}

/// Splits figures into groups of compatible circumstances: the most specific figures
/// first, each joining the first group it is compatible with (which then knows what it
/// knows), else opening a group. Returns the group of each figure, in input order, and
/// the circumstances each group knows.
pub(crate) fn group(figures: &[Circumstances]) -> (Vec<usize>, Vec<Circumstances>) {
    let mut order: Vec<usize> = (0..figures.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(figures[i].specificity()));
    let mut groups: Vec<Circumstances> = Vec::new();
    let mut of_figure = vec![0; figures.len()];
    for i in order {
        let figure = figures[i];
        crate::work::count(1 + groups.len());
        match groups.iter().position(|g| g.compatible(figure)) {
            Some(g) => {
                groups[g] = groups[g].joined(figure);
                of_figure[i] = g;
            }
            None => {
                of_figure[i] = groups.len();
                groups.push(figure);
            }
        }
    }
    (of_figure, groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bombardment_and_a_car_bomb_are_two_tolls() {
        let air = Circumstances::read("Eleven children died in a barrel bomb attack.", None);
        let blast = Circumstances::read("A car bomb went off, killing six.", None);
        assert!(!air.compatible(blast));
        let rockets = Circumstances::read("Rockets hit two districts, killing six.", None);
        assert!(air.compatible(rockets));
    }

    #[test]
    fn a_sum_over_places_answers_apart_from_one_places_toll() {
        let shelling = Circumstances::read("Shelling killed 11 people.", None);
        let sum = shelling.over_places(true);
        assert!(!sum.compatible(shelling) && sum.compatible(sum));
        assert_ne!(sum.key(), shelling.key());
    }

    #[test]
    fn captives_executed_are_not_an_air_strikes_toll() {
        let executed = Circumstances::read(
            "24 civilians were executed after the village was seized.",
            Some("civilians"),
        );
        let raids = Circumstances::read("Air raids killed 10 civilians.", Some("civilians"));
        assert!(!executed.compatible(raids));
        let killed = Circumstances::read("Shells killed 24 civilians.", Some("civilians"));
        assert!(killed.compatible(raids));
    }

    #[test]
    fn missiles_are_a_bombardment() {
        let missiles =
            Circumstances::read("Missiles hit Tarsk, leading to the death of eight.", None);
        let raids = Circumstances::read("Air raids killed 13 civilians.", Some("civilians"));
        let clashes = Circumstances::read("19 soldiers were killed in clashes.", Some("soldiers"));
        assert!(missiles.compatible(raids));
        assert!(!missiles.compatible(clashes));
    }

    #[test]
    fn tolls_dated_two_days_apart_are_two_questions() {
        let raid = Circumstances::read("Air raids on Tarsk killed three people.", Some("people"));
        let wednesday = raid.on(Some("2031-05-07"));
        let thursday = raid.on(Some("2031-05-08"));
        let friday = raid.on(Some("2031-05-09"));
        assert!(!wednesday.compatible(friday));
        assert!(wednesday.compatible(thursday) && thursday.compatible(friday));
        assert!(wednesday.compatible(raid.on(Some("2031-05"))));
        assert!(wednesday.compatible(raid.on(None)));
    }

    #[test]
    fn civilians_and_fighters_are_two_tolls() {
        let civilians = Circumstances::read("Air strikes killed 21 civilians.", Some("civilians"));
        let fighters = Circumstances::read("34 fighters were killed.", Some("fighters"));
        assert!(!civilians.compatible(fighters));
    }

    #[test]
    fn a_states_forces_and_the_armed_groups_fighting_them_are_two_tolls() {
        let soldiers = Circumstances::read("30 soldiers were killed.", Some("regime soldiers"));
        let rebels = Circumstances::read("39 rebels were killed.", Some("rebel fighters"));
        let fighters = Circumstances::read("40 fighters were killed.", Some("fighters"));
        assert!(!soldiers.compatible(rebels));
        assert!(fighters.compatible(soldiers) && fighters.compatible(rebels));
        assert_eq!(fighters.joined(rebels).key(), "armed group");
    }

    #[test]
    fn what_a_figure_does_not_tell_fits_anything() {
        let plain = Circumstances::read("At least 20 people were killed.", Some("people"));
        let air = Circumstances::read("Air strikes killed 25 civilians.", Some("civilians"));
        assert_eq!(plain, Circumstances::default());
        assert!(plain.compatible(air));
    }

    #[test]
    fn a_part_of_the_civilians_is_counted_apart_from_the_whole() {
        let civilians = Circumstances::read("Raids killed 14 civilians.", Some("civilians"));
        let children = Circumstances::read("Raids killed 9 children.", Some("children"));
        let boys = Circumstances::read("Raids killed 7 boys.", Some("boys"));
        let plain = Circumstances::read("Raids killed 16 people.", Some("people"));
        let among = Circumstances::read("Raids killed 16.", Some("people including children"));
        assert_eq!(among.key(), "bombardment");
        assert!(!civilians.compatible(children));
        assert!(children.compatible(boys));
        assert!(!plain.compatible(children) && plain.compatible(civilians));
        // A figure of people joins the whole's group, never the part's.
        let (of_figure, groups) = group(&[children, plain, civilians]);
        assert_eq!(of_figure, [0, 1, 1]);
        assert_eq!(groups[0].key(), "bombardment children");
    }

    #[test]
    fn the_side_that_struck_is_named_outside_the_counted_phrase() {
        let by = |sentence: &str, counted: &str| {
            let read = Circumstances::read(sentence, Some(counted));
            (read.attacker, read.key())
        };
        let rebels = by(
            "Terrorists fired rocket shells at Tarsk, killing 2.",
            "people",
        );
        assert_eq!(rebels.0, Some(Side::ArmedGroup));
        // A means only a state has names the state.
        let air = by(
            "Air raids on the rebel-held part of Tarsk killed 13.",
            "civilians",
        );
        assert_eq!(air.0, Some(Side::State));
        assert_eq!(air.1, "bombardment civilian by a state");
        // Sides describing a place, a cause or another figure's victims name no one.
        for (sentence, counted) in [
            (
                "Shells hit districts held by the Tarskan regime, killing 8.",
                "people",
            ),
            ("Shells hit opposition areas, killing 8 people.", "people"),
            ("Shelling of an anti-regime rally killed 8.", "people"),
            ("Shelling killed 8 people and wounded 3 soldiers.", "people"),
            ("19 regime fighters were killed.", "regime fighters"),
        ] {
            assert_eq!(by(sentence, counted).0, None, "{sentence}");
        }
        // Both sides named: none.
        let both = by(
            "Rebels and regime forces fought; shelling killed 9.",
            "people",
        );
        assert_eq!(both.0, None);
    }

    #[test]
    fn tolls_of_the_two_sides_attacks_are_two_questions() {
        let rockets = Circumstances::read("Rebels fired rockets, killing 2.", Some("people"));
        let barrel = Circumstances::read("A barrel bomb killed 15.", Some("civilians"));
        let shells = Circumstances::read("Shelling killed 15.", Some("civilians"));
        assert!(!rockets.compatible(barrel));
        assert!(rockets.compatible(shells) && barrel.compatible(shells));
    }

    #[test]
    fn a_figure_naming_no_means_takes_its_ledes() {
        let lede = Circumstances::read("17 killed in a car bomb blast near Tarsk.", None);
        let later = Circumstances::read("Medics treated 25 injured.", Some("injured"));
        let strikes = Circumstances::read("Air strikes injured 25.", None);
        assert!(later.compatible(strikes));
        assert!(!later.or_means_of(lede).compatible(strikes));
        // A figure naming its own means keeps it.
        assert_eq!(strikes.or_means_of(lede), strikes);
    }

    #[test]
    fn those_on_board_an_aircraft_shot_down_are_no_bombardments_toll() {
        let downed = Circumstances::read(
            "A helicopter was shot down near Tarsk, killing all five people on board.",
            Some("people"),
        );
        assert_eq!(downed.key(), "downing");
        let strikes = Circumstances::read("Air strikes on Harran killed 15.", Some("people"));
        assert!(!downed.compatible(strikes));
    }

    #[test]
    fn fighters_of_both_sides_counted_together_are_no_one_sides_toll() {
        let both = Circumstances::read("", Some("regime and rebel fighters"));
        let soldiers = Circumstances::read("", Some("regime soldiers"));
        let fighters = Circumstances::read("", Some("fighters"));
        assert_eq!(both.key(), "both sides");
        assert!(!both.compatible(soldiers));
        assert!(both.compatible(fighters));
    }

    #[test]
    fn a_sentence_naming_two_means_tells_none() {
        let both = Circumstances::read("Shelling and clashes killed 9.", None);
        assert_eq!(both.key(), "");
    }

    #[test]
    fn groups_follow_the_most_specific_figures() {
        let air = Circumstances::read("Shelling killed 25 civilians.", Some("civilians"));
        let battle = Circumstances::read("Battles killed 39 rebels.", Some("rebels"));
        let plain = Circumstances::default();
        let (of_figure, groups) = group(&[plain, air, battle]);
        assert_eq!(groups.len(), 2);
        assert_eq!(of_figure, [0, 1, 0]);
        assert_eq!(groups[0].key(), "fighting armed group");
    }
}
