//! Repository rules that code review would otherwise have to remember.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The core is pure: it knows nothing of the browser, the clock or randomness.
#[test]
fn the_core_imports_no_web_crate_clock_or_randomness() {
    let banned = [
        "yew",
        "web_sys",
        "js_sys",
        "gloo",
        "wasm_bindgen",
        "SystemTime",
        "Instant::now",
        "rand::",
    ];
    let mut problems = Vec::new();
    for path in rust_files(&root().join("src/core")) {
        let text = fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in banned {
                if code.contains(word) {
                    problems.push(format!(
                        "{}:{}: `{word}` in the core",
                        path.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// No HTML string ever becomes DOM. Rich text is rendered element by element.
#[test]
fn no_raw_html_injection_anywhere() {
    let banned = [
        "inner_html",
        "set_inner_html",
        "outer_html",
        "from_html_unchecked",
        "insertAdjacentHTML",
        "insert_adjacent_html",
        "dangerously",
        "document.write",
        "innerHTML",
        "outerHTML",
        "srcdoc",
        "createContextualFragment",
        "DOMParser",
        "from_html",
    ];
    let mut problems = Vec::new();
    let mut files = rust_files(&root().join("src"));
    files.push(root().join("index.html"));
    // The hand-written JavaScript that ships with the page.
    if let Ok(entries) = fs::read_dir(root().join("src").join("web")) {
        files.extend(
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "js" || e == "html")),
        );
    }
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            for word in banned {
                if line.contains(word) {
                    problems.push(format!("{}:{}: `{word}`", path.display(), n + 1));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Production code never unwraps: a widget on someone else's page must not panic.
#[test]
fn no_unwrap_or_expect_in_production_code() {
    let mut problems = Vec::new();
    let mut files = rust_files(&root().join("src"));
    files.push(root().join("build.rs"));
    for path in files {
        let text = fs::read_to_string(&path).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if line.contains(".unwrap()") || line.contains(".expect(") {
                problems.push(format!("{}:{}", path.display(), n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// What one layer may not name, by the folder or file it lives in.
const LAYERS: &[(&str, &[&str])] = &[
    // The core knows only itself.
    (
        "src/core",
        &[
            "crate::decks",
            "crate::storage",
            "crate::web",
            "crate::ui",
            "crate::shell",
        ],
    ),
    (
        "src/decks.rs",
        &["crate::storage", "crate::web", "crate::ui", "crate::shell"],
    ),
    // Storage is Rust over the `Store` trait: the lock and the clock are the shell's.
    ("src/storage", &["crate::web", "crate::ui", "crate::shell"]),
    // Browser services know nothing of views or the shell; only the store
    // seam, which `local_store` implements.
    (
        "src/web",
        &[
            "crate::ui",
            "crate::shell",
            "crate::decks",
            "crate::storage::sync",
            "crate::storage::prep",
            "crate::storage::Storage",
        ],
    ),
    // Views: props in, callbacks out. No store, no browser service, no
    // clock, no random source, no address, no work of their own in the
    // background.
    (
        "src/ui",
        &[
            "crate::storage",
            "crate::web",
            "crate::shell",
            "crate::decks",
            "js_sys",
            "gloo",
            "spawn_local",
            "web_sys::window",
            "Date::now",
            "Math::random",
            "local_storage",
        ],
    ),
];

/// Each layer imports only the layers below it: core, then decks and
/// storage, then web, then ui, then the shell on top.
#[test]
fn layers_import_only_downwards() {
    let mut problems = Vec::new();
    for (place, banned) in LAYERS {
        let path = root().join(place);
        let files = if path.is_dir() {
            rust_files(&path)
        } else {
            vec![path]
        };
        assert!(!files.is_empty(), "{place} has no Rust files");
        for file in files {
            let text = fs::read_to_string(&file).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                for word in banned.iter() {
                    if code.contains(word) {
                        problems.push(format!("{}:{}: `{word}` in {place}", file.display(), n + 1));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// Small files with one purpose: none in `src/` over 400 lines.
#[test]
fn no_source_file_over_400_lines() {
    let long: Vec<String> = rust_files(&root().join("src"))
        .into_iter()
        .filter_map(|path| {
            let lines = fs::read_to_string(&path)
                .unwrap_or_default()
                .lines()
                .count();
            (lines > 400).then(|| format!("{}: {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:#?}");
}
