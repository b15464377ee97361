//! Reads that run on a second thread beside the planner (#21). At the start, the Today list and
//! the workload gauge take longer than a frame at 10,000 cases: they are read while the first
//! frame is drawn and keys are taken, and each comes back as the action the runner gives for it.
//! A read that the planner's own thread has overtaken is not used as it comes: when the same
//! read ran there since, its answer is newer and this one is dropped; when a write ran there
//! since, the read runs again there.
//!
//! The thread is not waited for: quitting while it reads leaves it to end with the process
//! (it only reads; the Today list's forgetting of ended snoozes is a write of its own).

use super::action::Action;
use super::effect::{Effect, Loaded};
use super::runner::Runner;
use crate::domain::due::DueList;
use crate::query::workload::Workload;
use crate::store::{Store, StoreError};
use std::mem::{Discriminant, discriminant};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::Instant;

/// Whether `effect` may run beside the planner: a read no key has to wait for, whose answer
/// can cross threads.
pub fn may_run_beside(effect: &Effect) -> bool {
    matches!(
        effect,
        Effect::LoadToday { .. } | Effect::LoadWorkload { .. }
    )
}

/// What a read beside the planner brings back (the runner's answer, without what cannot
/// cross threads).
enum Answer {
    Today(Box<DueList>),
    Workload(Workload),
    /// Not a read that may run beside the planner.
    Other,
}

impl Answer {
    fn of(action: Action) -> Answer {
        match action {
            Action::Loaded(Loaded::Today(list)) => Answer::Today(list),
            Action::Loaded(Loaded::Workload(workload)) => Answer::Workload(workload),
            _ => Answer::Other,
        }
    }

    fn into_action(self) -> Option<Action> {
        match self {
            Answer::Today(list) => Some(Action::Loaded(Loaded::Today(list))),
            Answer::Workload(workload) => Some(Action::Loaded(Loaded::Workload(workload))),
            Answer::Other => None,
        }
    }
}

/// What happened on the planner's thread since a read was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Since {
    Nothing,
    /// A write: the read may have missed it.
    Written,
    /// The same read: its answer is newer.
    ReadAgain,
}

/// The reads running beside the planner, in the order they were asked for.
pub struct Beside {
    /// Those not back yet.
    reads: Vec<(Effect, Since)>,
    answers: Receiver<Result<Answer, StoreError>>,
}

impl Beside {
    /// Starts `reads` (see [`may_run_beside`]) on a thread of their own, in order.
    pub fn start(runner: &Runner, store: &Arc<Store>, reads: Vec<Effect>) -> Beside {
        let (beside, send) = Beside::asking(reads.clone());
        if !reads.is_empty() {
            let (runner, store) = (runner.clone(), Arc::clone(store));
            // Should no thread start, the channel is closed and the reads run on the planner's
            // own thread (`arrived`).
            let _ = std::thread::Builder::new()
                .name("caseplan-reads".into())
                .spawn(move || {
                    for effect in reads {
                        let answer = runner.run(&store, effect).map(Answer::of);
                        if send.send(answer).is_err() {
                            return;
                        }
                    }
                });
        }
        beside
    }

    /// `reads` asked for, and where their answers are to be sent.
    fn asking(reads: Vec<Effect>) -> (Beside, Sender<Result<Answer, StoreError>>) {
        let (send, answers) = channel();
        let beside = Beside {
            reads: reads.into_iter().map(|e| (e, Since::Nothing)).collect(),
            answers,
        };
        (beside, send)
    }

    /// Whether every read is back.
    pub fn is_done(&self) -> bool {
        self.reads.is_empty()
    }

    /// Notes an effect the planner's own thread runs.
    pub fn note(&mut self, effect: &Effect) {
        let kind: Discriminant<Effect> = discriminant(effect);
        let writes = matches!(
            effect,
            Effect::Write(_) | Effect::Undo(_) | Effect::Redo(_) | Effect::Snooze { .. }
        );
        for (read, since) in &mut self.reads {
            if discriminant(read) == kind {
                *since = Since::ReadAgain;
            } else if writes && *since == Since::Nothing {
                *since = Since::Written;
            }
        }
    }

    /// The actions of the reads that are back, waiting for them until `until` if given. A read
    /// a write overtook runs again here, on the planner's thread, by `runner`; so do reads whose
    /// thread is gone.
    pub fn arrived(
        &mut self,
        runner: &Runner,
        store: &Store,
        until: Option<Instant>,
    ) -> Result<Vec<Action>, StoreError> {
        let mut actions = Vec::new();
        while !self.reads.is_empty() {
            let answer = match until {
                Some(until) => self
                    .answers
                    .recv_timeout(until.saturating_duration_since(Instant::now()))
                    .map_err(|e| e == RecvTimeoutError::Disconnected),
                None => self
                    .answers
                    .try_recv()
                    .map_err(|e| e == TryRecvError::Disconnected),
            };
            let (effect, since) = self.reads.remove(0);
            match (answer, since) {
                (Err(false), _) => {
                    // Not back yet.
                    self.reads.insert(0, (effect, since));
                    break;
                }
                (_, Since::ReadAgain) => {}
                (Ok(answer), Since::Nothing) => {
                    actions.extend(answer?.into_action());
                }
                (Ok(_), Since::Written) | (Err(true), _) => {
                    actions.push(runner.run(store, effect)?);
                }
            }
        }
        Ok(actions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::model::{Agreement, AgreementId, Case, CaseId, Party};
    use crate::time::Zone;
    use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
    use std::time::Duration;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 24)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap()
    }

    /// A store with one case whose agreement is due today: items on the Today list.
    fn store() -> (tempfile::TempDir, Arc<Store>) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        store
            .put(&Case {
                name: "Borger Et".into(),
                ..crate::testing::case(1, "2026-01-05")
            })
            .unwrap();
        store
            .put(&Agreement {
                id: AgreementId(2),
                case: CaseId(1),
                who: Party::Caseworker,
                what: "Jeg ringer".into(),
                due: Some(now().date()),
                done: None,
                created: Utc.with_ymd_and_hms(2026, 11, 1, 8, 0, 0).unwrap(),
            })
            .unwrap();
        (dir, Arc::new(store))
    }

    fn runner() -> Runner {
        Runner::new(Config::default(), Zone::copenhagen())
    }

    fn listed(actions: &[Action]) -> Vec<usize> {
        actions
            .iter()
            .map(|a| match a {
                Action::Loaded(Loaded::Today(list)) => list.len(),
                other => panic!("not a list: {other:?}"),
            })
            .collect()
    }

    fn until() -> Option<Instant> {
        Some(Instant::now() + Duration::from_secs(30))
    }

    #[test]
    fn a_read_beside_comes_back_as_the_runners_answer() {
        let (_dir, store) = store();
        let runner = runner();
        let today = Effect::LoadToday { now: now() };
        let read_here = listed(&[runner.run(&store, today.clone()).unwrap()]);
        assert_ne!(read_here, vec![0]);
        let mut beside = Beside::start(&runner, &store, vec![today]);
        assert!(!beside.is_done());
        let actions = beside.arrived(&runner, &store, until()).unwrap();
        assert_eq!(listed(&actions), read_here);
        assert!(beside.is_done());
    }

    #[test]
    fn an_answer_a_write_overtook_is_read_again_and_one_the_same_read_overtook_is_dropped() {
        let (_dir, store) = store();
        let runner = runner();
        let today = || Effect::LoadToday { now: now() };
        let read_here = listed(&[runner.run(&store, today()).unwrap()]);
        assert_ne!(read_here, vec![0]);
        // What the thread read before the write: an empty list.
        let stale = || Ok(Answer::Today(Box::default()));

        let (mut beside, send) = Beside::asking(vec![today()]);
        send.send(stale()).unwrap();
        assert_eq!(
            listed(&beside.arrived(&runner, &store, until()).unwrap()),
            vec![0]
        );

        let (mut beside, send) = Beside::asking(vec![today()]);
        beside.note(&Effect::Snooze {
            key: "x".into(),
            until: now().date(),
        });
        send.send(stale()).unwrap();
        // Read again, on this thread, from the store.
        assert_eq!(
            listed(&beside.arrived(&runner, &store, until()).unwrap()),
            read_here
        );

        let (mut beside, send) = Beside::asking(vec![today()]);
        beside.note(&today());
        send.send(stale()).unwrap();
        assert!(beside.arrived(&runner, &store, until()).unwrap().is_empty());
        assert!(beside.is_done());
    }

    #[test]
    fn reads_whose_thread_is_gone_run_here_and_one_not_back_is_waited_for_later() {
        let (_dir, store) = store();
        let runner = runner();
        let today = Effect::LoadToday { now: now() };
        let read_here = listed(&[runner.run(&store, today.clone()).unwrap()]);
        let (mut beside, send) = Beside::asking(vec![today]);
        assert!(beside.arrived(&runner, &store, None).unwrap().is_empty());
        assert!(!beside.is_done());
        drop(send);
        assert_eq!(
            listed(&beside.arrived(&runner, &store, None).unwrap()),
            read_here
        );
    }
}
