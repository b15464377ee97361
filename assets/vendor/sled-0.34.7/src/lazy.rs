//! This module exists because `lazy_static` causes TSAN to
//! be very unhappy. We rely heavily on TSAN for finding
//! races, so we don't use `lazy_static`.
//!
//! caseplan patch (see PATCH.md at the crate root): built on
//! `std::sync::OnceLock`, so a thread that needs the value while another
//! initialises it sleeps instead of spinning. The threadpool's queue spawns
//! its seven threads inside its initialiser, and each of them used to spin
//! on the lock until the last was spawned, taking a core from the thread
//! that opens the database.

use std::sync::OnceLock;

/// A lazily initialized value
pub struct Lazy<T, F> {
    value: OnceLock<T>,
    init: F,
}

impl<T, F> Lazy<T, F> {
    /// Create a new Lazy
    pub const fn new(init: F) -> Self
    where
        F: Sized,
    {
        Self { value: OnceLock::new(), init }
    }
}

impl<T, F> std::ops::Deref for Lazy<T, F>
where
    F: Fn() -> T,
{
    type Target = T;

    fn deref(&self) -> &T {
        self.value.get_or_init(|| (self.init)())
    }
}
