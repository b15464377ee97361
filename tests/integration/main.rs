//! The integration tests: one binary, a module per area, sharing one harness.

mod common;
mod harness;

mod board;
mod card;
mod caseform;
mod cli;
mod cli_lang;
mod config;
mod contact;
mod courses;
mod demo;
mod durability;
mod e2e;
mod exit_codes;
mod flows;
mod form_kit;
mod help;
mod ics;
mod keymaps;
mod lookup;
mod medical;
mod navigation;
mod notes;
mod requests_cli;
mod shell;
mod snapshots;
mod store;
mod suppliers;
mod theme;
mod today;
mod today_gauge;
mod unwritable;
