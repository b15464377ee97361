//! Generated caseloads for the benches (#21): each is imported once per process, and only when
//! a bench that is run asks for it, so a filter that picks the 220-case bench imports no
//! 10,000-case load, and the 10,000-case benches import it once between them.

use caseplan::demo::{DemoSpec, generate};
use caseplan::store::Store;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The day every load is generated for, and the benches ask about.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("a date")
}

/// A generated caseload in its own temporary directory.
pub struct Load {
    pub store: Store,
    _dir: tempfile::TempDir,
}

static LOADS: Mutex<BTreeMap<usize, Arc<Load>>> = Mutex::new(BTreeMap::new());

/// The load of `cases` cases (50 meetings per case and year, as the scale table), imported on
/// the first call.
pub fn load(cases: usize) -> Arc<Load> {
    let mut loads = LOADS.lock().expect("the loads");
    let load = loads.entry(cases).or_insert_with(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec = DemoSpec::new(cases, 7, today()).with_meetings_per_case_per_year(50);
        let store = Store::open(dir.path()).expect("open");
        store.import(&generate(&spec)).expect("import");
        // Opened again, as a caseworker's planner opens a database written before: read in the
        // process that imported it, the 10,000-case Today list took 313 ms instead of 236 and
        // the board 243 instead of 99.
        drop(store);
        let store = Store::open(dir.path()).expect("open again");
        Arc::new(Load { store, _dir: dir })
    });
    Arc::clone(load)
}

/// Removes the loads' directories; call it when every bench has run.
pub fn remove_all() {
    LOADS.lock().expect("the loads").clear();
}
