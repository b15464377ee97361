//! Sheets to print from the planner (#17): `W` on the calendar writes the day's sheet, `W` on a
//! case card the case sheet, as PDF into the data directory's exports. The runner builds and
//! writes the file; the status line says where, once it is on disk.

use crate::app::core::effect::{Effect, SheetOf};
use crate::app::core::status::{error, info};
use crate::app::model::Model;
use crate::i18n::Msg;
use std::path::PathBuf;

/// The effect that writes `sheet` as of now.
pub fn write(model: &Model, sheet: SheetOf) -> Vec<Effect> {
    vec![Effect::WriteSheet {
        sheet,
        now: model.settings.zone.to_utc(model.now),
    }]
}

/// The sheet was written (where) or could not be (why).
pub fn written(model: &mut Model, result: Result<PathBuf, String>) -> Vec<Effect> {
    let lang = model.lang;
    model.status = Some(match result {
        Ok(path) => info(&format!(
            "{} {}",
            Msg::SheetWritten.text(lang),
            path.display()
        )),
        Err(e) => error(format!("{} {e}", Msg::SheetWriteFailed.text(lang))),
    });
    vec![]
}
