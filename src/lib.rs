//! caseplan: a keyboard-driven terminal planner for jobcenter caseworkers.
//!
//! Keys become actions, a pure update turns them into a new model and effects, the app runs
//! effects against the store; domain rules are pure functions of records and a date.

// The house rule "no panics on what a user, a file or the terminal can send", kept by the
// compiler outside tests.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod app;
pub mod cli;
pub mod config;
pub mod context;
pub mod demo;
pub mod domain;
pub mod i18n;
pub mod ics;
pub mod keymap;
pub mod model;
pub mod paper;
pub mod privacy;
pub mod query;
pub mod screen_text;
pub mod search;
pub mod store;
pub mod time;
pub mod ui;

#[cfg(test)]
pub(crate) mod testing;
