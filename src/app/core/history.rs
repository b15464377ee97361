//! Undo and redo. Every change made in the planner is one step, compound ones included; a
//! step holds the changes that make it and the changes that revert it.

use crate::store::{AnyRecord, Change};

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// What the step did, as the status line names it ("moved follow-up A. Jensen Tue 10:00 → Wed 09:00").
    pub label: String,
    pub forward: Vec<Change>,
    pub backward: Vec<Change>,
}

impl Step {
    /// The step also puts `after` where `before` was (undo puts `before` back), and its label
    /// says so after " · ": a record the step's write settles along the way (the request a
    /// booking acts on, the rebooking item a booking closes).
    pub fn also_put(&mut self, said: &str, before: AnyRecord, after: AnyRecord) {
        self.label.push_str(&format!(" · {said}"));
        self.forward.push(Change::Put(after));
        self.backward.push(Change::Put(before));
    }
}

#[derive(Debug, Default)]
pub struct History {
    done: Vec<Step>,
    undone: Vec<Step>,
}

/// Steps kept; older ones fall off.
const LIMIT: usize = 200;

impl History {
    /// A new change was saved: it can be undone, and what was undone can no longer be redone.
    pub fn record(&mut self, step: Step) {
        self.done.push(step);
        if self.done.len() > LIMIT {
            self.done.remove(0);
        }
        self.undone.clear();
    }

    pub fn next_undo(&self) -> Option<&Step> {
        self.done.last()
    }

    pub fn next_redo(&self) -> Option<&Step> {
        self.undone.last()
    }

    /// The undo was saved: the step moves to the redo stack.
    pub fn undone(&mut self) {
        if let Some(step) = self.done.pop() {
            self.undone.push(step);
        }
    }

    /// The redo was saved: the step moves back to the undo stack.
    pub fn redone(&mut self) {
        if let Some(step) = self.undone.pop() {
            self.done.push(step);
        }
    }
}
