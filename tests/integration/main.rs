//! The integration tests: one binary, a module per area, sharing one harness.

mod common;
mod harness;

mod board;
mod card;
mod cli;
mod config;
mod contact;
mod courses;
mod demo;
mod durability;
mod e2e;
mod flows;
mod form_kit;
mod fuzz;
mod help;
mod ics;
mod import;
mod keymaps;
mod lookup;
mod medical;
mod navigation;
mod requests_cli;
mod snapshots;
mod store;
mod suppliers;
mod today;
mod today_gauge;
mod unwritable;
