//! What the session asks the shell to do: store a value, or offer a file.

use crate::core::stored::Write;

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Store, replace or remove a value (`core::stored`).
    Store(Write),
    /// Offer this file for download.
    Download {
        file_name: String,
        contents: String,
        kind: FileKind,
    },
}

/// What a downloaded file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Exported progress.
    Json,
    /// The plan and notes.
    Markdown,
}

impl FileKind {
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Json => "application/json",
            FileKind::Markdown => "text/markdown",
        }
    }

    /// What the learner calls the file, for messages.
    pub fn what(self) -> &'static str {
        match self {
            FileKind::Json => "export",
            FileKind::Markdown => "notes",
        }
    }
}
