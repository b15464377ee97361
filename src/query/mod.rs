//! Read models: what a screen or a command shows, assembled from the store for one window.

pub mod agenda;
pub mod board;
pub mod board_filter;
pub mod board_keys;
pub mod board_sheet;
pub mod bulk;
pub mod card;
pub mod citizen;
pub mod directory;
pub mod names;
pub mod plan;
pub mod requests;
pub mod sheet;
pub mod suppliers;
pub mod today;
pub mod window;
pub mod workload;

#[cfg(test)]
mod summary_tests;
