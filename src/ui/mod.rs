//! Views: they draw the model and never change it.

pub mod agenda;
