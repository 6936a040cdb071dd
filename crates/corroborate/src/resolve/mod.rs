//! Cross-document resolution: which documents tell one story ([`stories`]), which
//! mentions name one real thing ([`entities`]) and which event mentions report one
//! happening ([`events`]).
//!
//! Every step here must scale to many documents and give the same answer whatever order
//! the documents came in. So nothing compares all pairs: candidates meet through
//! blocking keys (hash joins on normalized names, inverted indexes on rare terms), and
//! every decision is taken in an order fixed by the documents' ids, never by hash-map
//! iteration.

pub(crate) mod circumstances;
pub(crate) mod entities;
pub(crate) mod events;
pub(crate) mod fit;
pub(crate) mod names;
pub(crate) mod stories;

/// A disjoint-set forest over `0..n`. The root of a set is always its smallest member,
/// so the outcome of a sequence of unions never depends on how they were balanced.
#[derive(Debug, Clone)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    /// `n` singletons.
    pub fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    /// The root (smallest member) of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; returns the new root and the absorbed one, or
    /// `None` when they were already one set.
    pub fn union(&mut self, a: usize, b: usize) -> Option<(usize, usize)> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[child] = root;
        Some((root, child))
    }

    /// The sets, each sorted, in order of their smallest member.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut slot = vec![usize::MAX; n];
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for x in 0..n {
            let root = self.find(x);
            if slot[root] == usize::MAX {
                slot[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[slot[root]].push(x);
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::UnionFind;

    #[test]
    fn roots_are_smallest_members() {
        let mut sets = UnionFind::new(5);
        assert_eq!(sets.union(3, 1), Some((1, 3)));
        assert_eq!(sets.union(4, 3), Some((1, 4)));
        assert_eq!(sets.union(1, 4), None);
        assert_eq!(sets.find(4), 1);
        assert_eq!(sets.groups(), vec![vec![0], vec![1, 3, 4], vec![2]]);
    }
}
