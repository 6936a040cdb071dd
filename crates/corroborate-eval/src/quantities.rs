//! `quantities FILE... [--published YYYY-MM-DD]`: lists the quantities and times the
//! core finds in plain-text files, one a line, for inspecting the number stages by eye
//! (there is no gold set for quantities yet).

use std::fs;

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), String> {
    let published = args
        .iter()
        .position(|a| a == "--published")
        .and_then(|at| args.get(at + 1))
        .map(String::as_str);
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--published"))
        .map(|(_, a)| a)
        .collect();
    if files.is_empty() {
        return Err("usage: corroborate-eval quantities FILE... [--published YYYY-MM-DD]".into());
    }
    let mut count = 0;
    for file in files {
        let text = fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        for (start, end, value) in corroborate::internals::times(&text, published) {
            println!(
                "{file}\ttime\t{:?}\t{}",
                &text[start..end],
                value.as_deref().unwrap_or("-")
            );
        }
        for q in corroborate::internals::quantities(&text, published) {
            count += 1;
            println!(
                "{file}\tquantity\t{:?}\t{}\t{}\t{}\t{}\t{}\t{}",
                &text[q.start..q.end],
                q.value,
                q.unit.as_deref().unwrap_or("-"),
                if q.approximate { "approx" } else { "-" },
                q.bound.unwrap_or("-"),
                q.counted.as_deref().unwrap_or("-"),
                q.time.as_deref().unwrap_or("-"),
            );
        }
    }
    println!("quantities: {count}");
    Ok(())
}
