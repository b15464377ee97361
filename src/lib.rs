//! caseplan: a keyboard-driven terminal planner for jobcenter caseworkers.
//!
//! Keys become actions, a pure update turns them into a new model and effects, the app runs
//! effects against the store; domain rules are pure functions of records and a date.

pub mod model;
pub mod privacy;
pub mod store;
