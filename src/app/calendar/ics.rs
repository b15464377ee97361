//! The calendar's .ics commands (#16): the meetings out as an .ics calendar in the exports,
//! and an Outlook export in as busy time, as one undo step. The reading and writing is
//! `crate::ics`'s; the runner does the IO.

use crate::app::core::effect::Effect;
use crate::app::core::history::Step;
use crate::app::core::status::{error, info};
use crate::app::model::Model;
use crate::app::prompt::{self, PromptKind};
use crate::i18n::{Msg, count, ics_summary};
use crate::ics::Imported;
use chrono::Utc;
use std::path::PathBuf;

/// "export .ics": every meeting, at the default privacy, into the data directory's exports.
pub fn export(model: &Model) -> Vec<Effect> {
    vec![Effect::ExportIcs {
        now: Utc::now(),
        today: model.today(),
    }]
}

/// The calendar was written (or not): the status line says where.
pub fn exported(model: &mut Model, result: Result<(PathBuf, usize), String>) -> Vec<Effect> {
    let lang = model.lang;
    model.status = Some(match result {
        Ok((path, events)) => info(&format!(
            "{} {} ({})",
            Msg::IcsExported.text(lang),
            path.display(),
            count::events(i64::try_from(events).unwrap_or(i64::MAX), lang)
        )),
        Err(e) => error(format!("{} {e}", Msg::IcsExportFailed.text(lang))),
    });
    vec![]
}

/// "import .ics": asks for the file.
pub fn ask_import(model: &mut Model) -> Vec<Effect> {
    prompt::open(model, PromptKind::IcsImport, "")
}

/// The path typed: the runner reads the file and works out the import.
pub fn answer_import(model: &mut Model, text: &str) -> Result<Vec<Effect>, String> {
    if text.is_empty() {
        return Err(Msg::IcsPathExpected.text(model.lang).to_string());
    }
    Ok(vec![Effect::PlanIcsImport {
        path: text.to_string(),
        today: model.today(),
    }])
}

/// The import was worked out: written as one undo step named by its summary, or the file's
/// error on the status line with nothing written.
pub fn import_planned(model: &mut Model, result: Result<Box<Imported>, String>) -> Vec<Effect> {
    let lang = model.lang;
    let imported = match result {
        Ok(imported) => *imported,
        Err(e) => {
            model.status = Some(error(format!("{} {e}", Msg::IcsNotImported.text(lang))));
            return vec![];
        }
    };
    let label = format!(
        "{} {}: {}",
        Msg::StepImported.text(lang),
        imported.summary.source,
        ics_summary(&imported.summary, lang)
    );
    if imported.forward.is_empty() {
        model.status = Some(info(&format!(
            "{label} · {}",
            Msg::IcsNothingChanged.text(lang)
        )));
        return vec![];
    }
    // Once written, the days on screen are read again with the blocks.
    vec![Effect::Write(Step {
        label,
        forward: imported.forward,
        backward: imported.backward,
    })]
}
