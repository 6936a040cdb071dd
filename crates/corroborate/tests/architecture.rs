//! The core's modules depend on each other one way (see `docs/architecture.md`).
//!
//! This reads the paths in `src/` — `use crate::…` and `use super::…` lines, their
//! `{…}` groups, and `crate::a::b` or `super::super::a` paths written inline in code —
//! builds the graph of which module uses which (each `.rs` file, `mod.rs` included, is
//! one module), and fails naming the modules of any cycle: among files, and among the
//! top-level modules the files belong to. The top-level modules must also keep the
//! layer order in [`LAYERS`]: a module may use its own layer and those below it, never
//! a later one.
//!
//! A module's own ancestors are its namespace, not a dependency: a child reads the types
//! its parent declares, and the parent composes its children. Test modules
//! (`#[cfg(test)] mod … { … }`) are left out: tests may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The top-level modules, lowest layer first. The first layer is the shared foundation
/// under every stage; then the stages in the order data flows through them; on top, what
/// drives the stages or reads their finished ledger.
const LAYERS: &[&[&str]] = &[
    &["model", "error", "ids", "hashing", "lexicon", "work"],
    &["html", "input"],
    &["text", "prepare"],
    &["ner"],
    &["extract"],
    &["resolve"],
    &["compare"],
    &["assemble"],
    &[
        "pipeline",
        "merge",
        "report",
        "fixtures",
        "internals",
        "shapes",
    ],
];

/// Module paths (`extract::quotes`, the crate root as "") to the modules they use.
type Graph = BTreeMap<String, BTreeSet<String>>;

#[test]
fn the_core_has_no_cycles_and_keeps_its_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_modules(&src, &src, &mut files);
    assert!(files.contains_key("extract::quotes"), "src/ was not read");
    let graph = graph(&files);
    let mut problems = cycles(&graph);
    let top = top_level(&graph);
    problems.extend(cycles(&top));
    problems.extend(layer_breaches(&top));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_finds_a_cycle_a_breach_and_every_kind_of_path() {
    let files: BTreeMap<String, String> = [
        ("extract", "pub(crate) use quotes::find;"),
        ("extract::mentions", "use super::super::resolve::names;"),
        (
            "extract::quotes",
            "use super::{Mention, mentions::{self, group}};\n\
             #[cfg(test)]\nmod tests { use crate::compare::values; }",
        ),
        ("resolve", ""),
        (
            "resolve::names",
            "// crate::compare::values, in a comment\n\
             fn name() -> bool { crate::extract::quotes::find(\"crate::model\") }",
        ),
        ("compare", ""),
        (
            "compare::values",
            "use crate::{extract::Mention, model::Value};",
        ),
        ("model", ""),
    ]
    .into_iter()
    .map(|(module, source)| (module.to_string(), source.to_string()))
    .collect();
    let graph = graph(&files);
    let uses = |module: &str| graph[module].iter().cloned().collect::<Vec<_>>();
    assert_eq!(uses("extract"), Vec::<String>::new());
    assert_eq!(uses("extract::mentions"), ["resolve::names"]);
    assert_eq!(uses("extract::quotes"), ["extract::mentions"]);
    assert_eq!(uses("resolve::names"), ["extract::quotes"]);
    assert_eq!(uses("compare::values"), ["extract", "model"]);
    assert_eq!(
        cycles(&graph),
        ["cycle: extract::mentions -> resolve::names -> extract::quotes -> extract::mentions"]
    );
    let top = top_level(&graph);
    assert_eq!(cycles(&top), ["cycle: extract -> resolve -> extract"]);
    assert_eq!(
        layer_breaches(&top),
        ["extract uses resolve, a later layer (extract::mentions -> resolve::names)"]
    );
}

/// Reads every `.rs` file under `dir` into `files`, keyed by module path.
fn read_modules(root: &Path, dir: &Path, files: &mut BTreeMap<String, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_modules(root, &path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
                parts.pop();
            }
            let source = std::fs::read_to_string(&path).expect("a source file is UTF-8");
            files.insert(parts.join("::"), source);
        }
    }
}

/// The module graph of `files` (module path to source).
fn graph(files: &BTreeMap<String, String>) -> Graph {
    let modules: BTreeSet<&str> = files.keys().map(String::as_str).collect();
    let mut graph = Graph::new();
    for (module, source) in files {
        let code = without_tests(&code_only(source));
        let mut used = BTreeSet::new();
        for path in paths(&code) {
            let Some(absolute) = absolute(module, &path) else {
                continue;
            };
            // The longest prefix that names a module is the module used.
            let target = (1..=absolute.len())
                .rev()
                .map(|n| absolute[..n].join("::"))
                .find(|prefix| modules.contains(prefix.as_str()));
            if let Some(target) = target {
                let is_ancestor = module == &target || module.starts_with(&format!("{target}::"));
                if !is_ancestor {
                    used.insert(target);
                }
            }
        }
        graph.insert(module.clone(), used);
    }
    graph
}

/// `path` (as written, starting with `crate` or `super`) from the crate root, as
/// seen from `module`; `None` when it climbs above the root.
fn absolute(module: &str, path: &[String]) -> Option<Vec<String>> {
    let mut here: Vec<String> = module
        .split("::")
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect();
    // `super` in `a/b.rs` and in `a/b/mod.rs` (both module `a::b`) is `a`.
    let mut rest = path;
    if rest.first().map(String::as_str) == Some("crate") {
        here.clear();
        rest = &rest[1..];
    } else {
        while rest.first().map(String::as_str) == Some("super") {
            here.pop()?;
            rest = &rest[1..];
        }
    }
    here.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(here)
}

/// `source` with comments and the contents of string and character literals removed.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut code = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let next = chars.get(i + 1).copied();
        match chars[i] {
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let mut depth = 0;
                while i < chars.len() {
                    if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                        depth += 1;
                        i += 2;
                    } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            'r' if matches!(next, Some('"' | '#'))
                && !chars[..i]
                    .last()
                    .is_some_and(|c| c.is_alphanumeric() || *c == '_') =>
            {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let open = i + 1 + hashes;
                if chars.get(open) != Some(&'"') {
                    code.push('r');
                    i += 1;
                    continue;
                }
                let mut j = open + 1;
                while j < chars.len()
                    && !(chars[j] == '"' && chars[j + 1..].iter().take(hashes).all(|c| *c == '#'))
                {
                    j += 1;
                }
                code.push_str("\"\"");
                i = j + 1 + hashes;
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                code.push_str("\"\"");
                i += 1;
            }
            // A character literal ('a', '\n', '"'); a lifetime ('a) is kept.
            '\'' if next == Some('\\') => {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                code.push_str("' '");
                i += 1;
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => {
                code.push_str("' '");
                i += 3;
            }
            c => {
                code.push(c);
                i += 1;
            }
        }
    }
    code
}

/// `code` without its test modules: `#[cfg(test)]` followed by a `mod` with a body.
fn without_tests(code: &str) -> String {
    let mut kept = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        kept.push_str(&rest[..at]);
        let after = &rest[at + "#[cfg(test)]".len()..];
        let item = after.trim_start();
        let item = item.strip_prefix("pub(crate)").unwrap_or(item).trim_start();
        let body = item
            .strip_prefix("mod ")
            .and_then(|m| m.find(['{', ';']).map(|k| (m, k)))
            .filter(|(m, k)| m.as_bytes()[*k] == b'{');
        let Some((module, open)) = body else {
            rest = after;
            continue;
        };
        let mut depth = 0;
        let mut end = module.len();
        for (k, c) in module[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + k + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &module[end..];
    }
    kept.push_str(rest);
    kept
}

/// Every path starting with `crate::` or `super::` in `code`, `use` groups expanded:
/// `crate::a::{b, c::{d, self}}` gives `crate::a::b`, `crate::a::c::d`, `crate::a::c`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let tokens = tokens(code);
    let mut found = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let starts = matches!(token.as_str(), "crate" | "super")
            && tokens.get(i + 1).map(String::as_str) == Some("::")
            && !(i > 0 && matches!(tokens[i - 1].as_str(), "::" | "$" | "super"));
        if starts {
            use_tree(&tokens, i, Vec::new(), &mut found);
        }
    }
    found
}

/// Reads the use tree at `tokens[at]` onto `prefix`, pushing every path it names onto
/// `found`; returns the index after the tree.
fn use_tree(
    tokens: &[String],
    mut at: usize,
    mut prefix: Vec<String>,
    found: &mut Vec<Vec<String>>,
) -> usize {
    loop {
        match tokens.get(at).map(String::as_str) {
            Some("{") => {
                at += 1;
                while tokens.get(at).is_some_and(|t| t != "}") {
                    at = use_tree(tokens, at, prefix.clone(), found);
                    if tokens.get(at).map(String::as_str) == Some(",") {
                        at += 1;
                    }
                }
                return at + 1;
            }
            Some(t) if is_identifier(t) => {
                prefix.push(t.to_string());
                at += 1;
                if tokens.get(at).map(String::as_str) == Some("::") {
                    at += 1;
                    continue;
                }
                found.push(prefix);
                // Skip an alias: `names as n`.
                if tokens.get(at).map(String::as_str) == Some("as") {
                    at += 2;
                }
                return at;
            }
            _ => {
                // `*`, or the path ends in `::<T>`: what was read is the path.
                found.push(prefix);
                return at + 1;
            }
        }
    }
}

fn is_identifier(token: &str) -> bool {
    token.starts_with(|c: char| c.is_alphabetic() || c == '_')
}

/// `code` as identifiers, `::`, and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some(&(k, d)) = chars.peek() {
                if !(d.is_alphanumeric() || d == '_') {
                    break;
                }
                end = k + d.len_utf8();
                chars.next();
            }
            tokens.push(code[start..end].to_string());
        } else if c == ':' && chars.peek().map(|&(_, d)| d) == Some(':') {
            chars.next();
            tokens.push("::".to_string());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

/// The graph of top-level modules, each edge kept with one file-level edge behind it.
fn top_level(graph: &Graph) -> BTreeMap<String, BTreeMap<String, String>> {
    let mut top: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (from, targets) in graph {
        let top_from = first(from);
        let entry = top.entry(top_from.to_string()).or_default();
        for to in targets {
            if first(to) != top_from {
                entry
                    .entry(first(to).to_string())
                    .or_insert_with(|| format!("{from} -> {to}"));
            }
        }
    }
    top
}

fn first(module: &str) -> &str {
    module.split("::").next().unwrap_or("")
}

/// Where a top-level module uses one of a later layer, or is in no layer.
fn layer_breaches(top: &BTreeMap<String, BTreeMap<String, String>>) -> Vec<String> {
    let layer = |module: &str| LAYERS.iter().position(|l| l.contains(&module));
    let mut breaches = Vec::new();
    for (from, targets) in top {
        if from.is_empty() {
            continue; // The crate root declares and re-exports; it belongs to no layer.
        }
        let Some(from_layer) = layer(from) else {
            breaches.push(format!("{from} is in no layer: add it to LAYERS"));
            continue;
        };
        for (to, because) in targets {
            if layer(to).is_some_and(|to_layer| to_layer > from_layer) {
                breaches.push(format!("{from} uses {to}, a later layer ({because})"));
            }
        }
    }
    breaches
}

/// A graph whose edges can be listed by module.
trait Edges {
    fn nodes(&self) -> Vec<&str>;
    fn targets(&self, node: &str) -> Vec<&str>;
}

impl Edges for Graph {
    fn nodes(&self) -> Vec<&str> {
        self.keys().map(String::as_str).collect()
    }
    fn targets(&self, node: &str) -> Vec<&str> {
        self.get(node)
            .map_or(Vec::new(), |t| t.iter().map(String::as_str).collect())
    }
}

impl Edges for BTreeMap<String, BTreeMap<String, String>> {
    fn nodes(&self) -> Vec<&str> {
        self.keys().map(String::as_str).collect()
    }
    fn targets(&self, node: &str) -> Vec<&str> {
        self.get(node)
            .map_or(Vec::new(), |t| t.keys().map(String::as_str).collect())
    }
}

/// One message per strongly connected component of more than one module, naming a
/// cycle through it (Tarjan's algorithm, then a shortest way back to its first module).
fn cycles(graph: &impl Edges) -> Vec<String> {
    struct Tarjan<'g, G: Edges> {
        graph: &'g G,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        components: Vec<Vec<&'g str>>,
    }
    impl<'g, G: Edges> Tarjan<'g, G> {
        fn visit(&mut self, node: &'g str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            for target in self.graph.targets(node) {
                if !self.index.contains_key(target) {
                    self.visit(target);
                    let low = self.low[node].min(self.low[target]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&target) {
                    let low = self.low[node].min(self.index[target]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let at = self.stack.iter().rposition(|m| *m == node).unwrap();
                self.components.push(self.stack.split_off(at));
            }
        }
    }
    let mut tarjan = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        components: Vec::new(),
    };
    for node in graph.nodes() {
        if !tarjan.index.contains_key(node) {
            tarjan.visit(node);
        }
    }
    let mut messages = Vec::new();
    for mut component in tarjan.components.into_iter().filter(|c| c.len() > 1) {
        component.sort();
        let cycle = shortest_cycle(graph, component[0], &component);
        let mut message = format!("cycle: {}", cycle.join(" -> "));
        if component.len() + 1 > cycle.len() {
            message += &format!(" (all tied up: {})", component.join(", "));
        }
        messages.push(message);
    }
    messages
}

/// The shortest way from `start` back to itself inside `component` (breadth first).
fn shortest_cycle<'g>(graph: &'g impl Edges, start: &'g str, component: &[&str]) -> Vec<&'g str> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for target in graph.targets(node) {
            if !component.contains(&target) || came_from.contains_key(target) {
                continue;
            }
            came_from.insert(target, node);
            if target == start {
                let mut cycle = vec![start];
                let mut at = node;
                while at != start {
                    cycle.push(at);
                    at = came_from[at];
                }
                cycle.push(start);
                cycle.reverse();
                return cycle;
            }
            queue.push_back(target);
        }
    }
    unreachable!("{start} lies on a cycle of its component")
}
