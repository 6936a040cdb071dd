//! The checked-in `include/corroborate.h` is what cbindgen makes of the current source.
//!
//! Run `BLESS=1 cargo test -p corroborate-c --test header` after changing the C API to
//! rewrite the header; without `BLESS` a stale header fails this test.

use std::path::Path;

#[test]
fn header_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config = cbindgen::Config::from_file(root.join("cbindgen.toml")).expect("cbindgen.toml");
    let mut generated = Vec::new();
    cbindgen::Builder::new()
        .with_config(config)
        .with_src(root.join("ffi/src/lib.rs"))
        .generate()
        .expect("cbindgen parses the crate")
        .write(&mut generated);
    let generated = String::from_utf8(generated).expect("the header is UTF-8");
    let path = root.join("include/corroborate.h");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write the header");
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is stale: run `BLESS=1 cargo test -p corroborate-c --test header`",
        path.display()
    );
}
