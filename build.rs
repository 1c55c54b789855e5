//! Compiles the question decks in `content/` into the page at build time.
//!
//! The compiler is the same module the native tests exercise (`src/core/content`),
//! included by path so the build and the tests can never disagree. A bad file
//! stops the build with `path:line: reason` for every problem found.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

#[allow(dead_code)]
#[path = "src/core/bank.rs"]
mod bank;
#[allow(dead_code)]
#[path = "src/core/content/mod.rs"]
mod content;
#[allow(dead_code)]
#[path = "src/core/rich.rs"]
mod rich;

use content::{compile_deck, ContentError, SourceFile};

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=content");
    println!("cargo::rerun-if-changed=src/core/bank.rs");
    println!("cargo::rerun-if-changed=src/core/rich.rs");
    println!("cargo::rerun-if-changed=src/core/content");
    match compile_all(Path::new("content")) {
        Ok((index, details)) => {
            // The prompts go into the wasm; the details are a file of their
            // own that the page loads after its first card (`decks`).
            let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
            for (name, bytes) in [("decks-index.bin", index), ("decks-details.bin", details)] {
                if let Err(e) = fs::write(Path::new(&out).join(name), bytes) {
                    eprintln!("cannot write the compiled decks ({name}): {e}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("content errors ({}):", errors.len());
            for error in &errors {
                eprintln!("  {error}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Every folder of `content/` that holds a `deck.toml` is a deck.
/// The decks' index and details, each as postcard bytes.
fn compile_all(root: &Path) -> Result<(Vec<u8>, Vec<u8>), Vec<ContentError>> {
    let mut decks = Vec::new();
    let mut errors = Vec::new();
    for dir in sorted_entries(root) {
        let deck_toml = dir.join("deck.toml");
        if !deck_toml.is_file() {
            continue;
        }
        let mut questions = Vec::new();
        for path in sorted_entries(&dir) {
            if path.extension().is_some_and(|e| e == "md") {
                match read(&path) {
                    Ok(file) => questions.push(file),
                    Err(e) => errors.push(e),
                }
            }
        }
        let deck_file = match read(&deck_toml) {
            Ok(file) => file,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        match compile_deck(&deck_file, &questions) {
            Ok(deck) => decks.push(deck),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if decks.is_empty() && errors.is_empty() {
        errors.push(ContentError {
            path: root.display().to_string(),
            line: 1,
            message: "no deck folder with a deck.toml".into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let (index, details) = bank::split_decks(decks);
    let encode_error = |e: postcard::Error| {
        vec![ContentError {
            path: root.display().to_string(),
            line: 1,
            message: format!("cannot serialise the decks: {e}"),
        }]
    };
    Ok((
        postcard::to_allocvec(&index).map_err(encode_error)?,
        postcard::to_allocvec(&details).map_err(encode_error)?,
    ))
}

fn sorted_entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

fn read(path: &Path) -> Result<SourceFile, ContentError> {
    let path_text = path.display().to_string();
    match fs::read_to_string(path) {
        Ok(text) => Ok(SourceFile {
            path: path_text,
            text,
        }),
        Err(e) => Err(ContentError {
            path: path_text,
            line: 1,
            message: format!("cannot read the file: {e}"),
        }),
    }
}
