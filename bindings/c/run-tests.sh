#!/usr/bin/env bash
# The C binding's tests: build libcorroborate (the dev build `cargo test` made, so CI
# compiles the library once), compile the header as C and C++, compile every example and
# the error test against both the .so and the .a with strict flags, run each program once
# under valgrind (zero errors, zero definite/indirect leaks) through the .so, and check
# the statically linked twin prints the same bytes.
# Called by scripts/test.sh; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

cargo build --locked -p corroborate-c -p corroborate-cli
lib=${CARGO_TARGET_DIR:-$root/target}/debug
out=$lib/c-tests
rm -rf "$out"
mkdir -p "$out/articles"

cflags=(-std=c11 -Wall -Wextra -Werror -pedantic -I bindings/c/include -I examples/c)
# What a Rust static library needs from the system on Linux.
static_libs=(-lgcc_s -lutil -lrt -lpthread -lm -ldl -lc)

echo "-- header as C and as C++"
cc "${cflags[@]}" -x c -fsyntax-only bindings/c/include/corroborate.h
c++ -std=c++11 -Wall -Wextra -Werror -pedantic -x c++ -fsyntax-only bindings/c/include/corroborate.h

programs=(examples/c/*.c bindings/c/tests/errors.c)
for src in "${programs[@]}"; do
  name=$(basename "$src" .c)
  echo "-- compile $src (shared and static)"
  cc "${cflags[@]}" "$src" -L "$lib" -lcorroborate -Wl,-rpath,"$lib" -o "$out/$name-shared"
  cc "${cflags[@]}" "$src" "$lib/libcorroborate.a" "${static_libs[@]}" -o "$out/$name-static"
done
# The shared build really uses the .so, the static one does not.
ldd "$out/errors-shared" | grep libcorroborate.so >/dev/null
if ldd "$out/errors-static" | grep libcorroborate.so; then
  echo "the static build links the shared library" >&2
  exit 1
fi

# Synthetic articles: two outlets on one made-up story, one in HTML.
cat > "$out/articles/alpha.txt" <<'TXT'
Harbor Authority Chief Resigns

The chief of the Northport Harbor Authority, Mara Velde, 58, resigned on Tuesday, officials said.

"I leave with pride," Velde told reporters in Northport. The authority employs 1,200 people.
TXT
cat > "$out/articles/beta.html" <<'HTML'
<!DOCTYPE html><html><head><title>Northport harbor chief quits</title></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Northport harbor chief quits</h1>
<p>Mara Velde, 59, the head of the Northport Harbor Authority, stepped down on Tuesday.</p>
<p>"It was time," Velde said. The authority has about 1,200 staff.</p></article>
</body></html>
HTML
article_sets=("$out/articles/alpha.txt $out/articles/beta.html")
corpus=../shared/corpus/ri-il-kyu
if compgen -G "$corpus/00?.txt" >/dev/null; then
  article_sets+=("$(echo "$corpus"/00?.txt)")
else
  echo "-- $corpus absent: synthetic articles only"
fi

vg=(valgrind --quiet --error-exitcode=1 --leak-check=full --show-leak-kinds=definite,indirect
  --errors-for-leak-kinds=definite,indirect)
echo "-- errors under valgrind; its static twin"
"${vg[@]}" "$out/errors-shared"
"$out/errors-static"
for set in "${article_sets[@]}"; do
  # shellcheck disable=SC2086 # a set is a list of paths without spaces
  for example in examples/c/*.c; do
    name=$(basename "$example" .c)
    echo "-- $name on $(echo $set | wc -w) articles under valgrind; its static twin"
    "${vg[@]}" "$out/$name-shared" $set >"$out/$name-shared.out"
    "$out/$name-static" $set >"$out/$name-static.out"
    cmp "$out/$name-shared.out" "$out/$name-static.out"
  done
  # The C library's JSON is the command line's JSON, byte for byte.
  "$lib/corroborate" ledger $set --format json >"$out/cli.json"
  cmp "$out/cli.json" "$out/ledger_json-shared.out"
done
head -n 20 "$out/conflicts-shared.out"
echo "C binding: all programs clean under valgrind"
