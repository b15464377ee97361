//! How far a long store operation has come (an import, an export, a backup, a restore, bringing
//! an older database up to date), for
//! whoever shows it: the command line draws bars, the planner its status line. The store only
//! reports; it never draws.

/// What a long operation is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking a document's records before anything is written.
    Checking,
    /// Writing records into the database.
    Writing,
    /// Writing the database's records out to a document (an export, a backup).
    Exporting,
    /// Replaying the journal's changes after a restored backup.
    Replaying,
    /// Writing every record's index entries anew (a database an older caseplan wrote).
    Indexing,
    /// Summing up every case anew (a database an older caseplan wrote).
    Summarising,
    /// Moving history that went cold to the archive.
    Archiving,
    /// Writing the database afresh after a large move to the archive.
    Compacting,
}

/// One report: `done` records of `total` in `stage`; `total` is `None` while it is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub done: u64,
    pub total: Option<u64>,
}

/// Where reports go. `&mut |_| {}` ignores them.
pub type OnProgress<'a> = &'a mut dyn FnMut(Progress);

/// Records between two reports: often enough for a bar to move, rare enough to cost nothing.
const EVERY: u64 = 512;

/// Counts the records of one stage and reports every [`EVERY`] of them, and at the start and
/// the end.
pub(crate) struct Meter<'a, 'b> {
    on: &'a mut (dyn FnMut(Progress) + 'b),
    now: Progress,
}

impl<'a, 'b> Meter<'a, 'b> {
    pub(crate) fn start(
        on: &'a mut (dyn FnMut(Progress) + 'b),
        stage: Stage,
        total: Option<u64>,
    ) -> Self {
        let now = Progress {
            stage,
            done: 0,
            total,
        };
        on(now);
        Meter { on, now }
    }

    /// `n` more records done.
    pub(crate) fn add(&mut self, n: u64) {
        let before = self.now.done / EVERY;
        self.now.done += n;
        if self.now.done / EVERY != before {
            (self.on)(self.now);
        }
    }

    /// The stage is done.
    pub(crate) fn end(self) {
        (self.on)(self.now);
    }
}

/// Ignores every report.
pub fn quiet(_: Progress) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meter_reports_the_start_every_block_of_records_and_the_end() {
        let mut seen = Vec::new();
        let mut on = |p: Progress| seen.push(p.done);
        let mut meter = Meter::start(&mut on, Stage::Writing, Some(1200));
        for _ in 0..1200 {
            meter.add(1);
        }
        meter.end();
        assert_eq!(seen, vec![0, 512, 1024, 1200]);
    }
}
