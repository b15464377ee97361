//! The status line's message: what the last key did, or why it could not.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Info,
    Warning,
    Error,
}

/// The status line's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub tone: Tone,
    pub text: String,
}

/// A message that says what happened.
pub fn info(text: &str) -> Status {
    Status {
        tone: Tone::Info,
        text: text.to_string(),
    }
}

/// A message that says why nothing happened.
pub fn warn(text: &str) -> Status {
    Status {
        tone: Tone::Warning,
        text: text.to_string(),
    }
}

/// A message that says what failed.
pub fn error(text: impl Into<String>) -> Status {
    Status {
        tone: Tone::Error,
        text: text.into(),
    }
}
