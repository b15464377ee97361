//! Read models: what a screen or a command shows, assembled from the store for one window.

pub mod agenda;
pub mod card;
pub mod today;
