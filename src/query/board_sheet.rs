//! The monthly review sheet: the board's rows worded in the interface language, as Markdown
//! (one section per case) and as CSV (one line per case), and the short cell texts the board
//! screen and `caseplan board` share.
//!
//! Barriers are the case's flags (SOS, interpreter, no working phone, call before a summons,
//! away today): what stands in the way of the next step. Plan B has its own line. What is open
//! is the next meeting, the cadence date, late reports and open medical requests.

use super::board::{BoardFlags, BoardRow};
use crate::i18n::{Lang, Msg, count};
use crate::model::AwayReason;
use crate::time::{format_date, format_datetime};
use chrono::NaiveDate;

/// The flags as short words for a table cell: "SOS tolk tlf ring væk".
pub fn flags_short(flags: &BoardFlags, lang: Lang) -> String {
    let mut out = Vec::new();
    if flags.sos {
        out.push(Msg::BoardFlagSos);
    }
    if flags.interpreter.is_some() {
        out.push(Msg::BoardFlagInterpreter);
    }
    if flags.no_working_phone {
        out.push(Msg::BoardFlagNoPhone);
    }
    if flags.call_before_summons {
        out.push(Msg::BoardFlagCall);
    }
    if flags.away.is_some() {
        out.push(Msg::BoardFlagAway);
    }
    out.iter()
        .map(|m| m.text(lang))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The flags in words.
pub fn barriers(row: &BoardRow, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    let f = &row.flags;
    if f.sos {
        out.push(Msg::FlagSos.text(lang).to_string());
    }
    if let Some(language) = &f.interpreter {
        out.push(format!("{} ({language})", Msg::Interpreter.text(lang)));
    }
    if f.no_working_phone {
        out.push(Msg::FlagNoWorkingPhone.text(lang).to_string());
    }
    if f.call_before_summons {
        out.push(Msg::FlagCallBeforeSummons.text(lang).to_string());
    }
    if let Some(away) = &f.away {
        out.push(format!(
            "{} {} {}",
            away_label(away.reason).text(lang),
            Msg::UntilWord.text(lang),
            format_date(away.to)
        ));
    }
    out
}

fn away_label(reason: AwayReason) -> Msg {
    match reason {
        AwayReason::Holiday => Msg::AwayHoliday,
        AwayReason::Sick => Msg::AwaySick,
        AwayReason::Hospital => Msg::AwayHospital,
        AwayReason::Other => Msg::AwayOther,
    }
}

/// What is open on the case, in words: next meeting, cadence date, late reports, requests.
pub fn open_items(row: &BoardRow, today: NaiveDate, lang: Lang) -> Vec<String> {
    let lower = |m: Msg| m.text(lang).to_lowercase();
    let mut out = Vec::new();
    if let Some(at) = row.next_meeting {
        out.push(format!(
            "{} {}",
            lower(Msg::UpcomingMeeting),
            format_datetime(at)
        ));
    }
    if let Some(due) = row.cadence_due {
        let mut text = format!("{} {}", Msg::BoardCadenceDueBy.text(lang), format_date(due));
        if due < today {
            text.push_str(&format!(" ({})", lower(Msg::Overdue)));
        }
        out.push(text);
    }
    for r in &row.late_reports {
        out.push(format!(
            "{} {} {}, {} {}",
            Msg::BoardReportFrom.text(lang),
            r.supplier,
            format_date(r.due),
            count::days(r.days_late, lang),
            Msg::BoardLate.text(lang),
        ));
    }
    for r in &row.open_requests {
        let mut text = r.kind_label.clone();
        match (r.sent, r.deadline) {
            (None, _) => text.push_str(&format!(", {}", Msg::NotSent.text(lang))),
            (Some(_), Some(deadline)) => {
                text.push_str(&format!(
                    ", {} {}",
                    lower(Msg::Deadline),
                    format_date(deadline)
                ));
                if r.overdue {
                    text.push_str(&format!(" ({})", lower(Msg::Overdue)));
                }
            }
            (Some(_), None) => text.push_str(&format!(", {}", Msg::AwaitingAnswer.text(lang))),
        }
        out.push(text);
    }
    out
}

/// "10.11.2026 (14 dage siden)", or "ingen" when no contact is on file.
pub fn last_contact(row: &BoardRow, lang: Lang) -> String {
    match (row.last_contact, row.days_since_contact) {
        (Some(day), Some(days)) => {
            format!("{} ({})", format_date(day), count::days_ago(days, lang))
        }
        _ => Msg::NoneWord.text(lang).to_string(),
    }
}

pub use crate::store::EXPORT_DIR;

/// The sheet as Markdown: a title with the date and the count, then one section per case.
/// `filter` is the board's filter line when it was not empty, so the sheet says what it holds.
pub fn markdown(rows: &[BoardRow], today: NaiveDate, lang: Lang, filter: Option<&str>) -> String {
    let mut out = format!(
        "# {} {}\n\n{} {}",
        Msg::BoardSheetTitle.text(lang),
        format_date(today),
        rows.len(),
        Msg::Cases.text(lang).to_lowercase()
    );
    if let Some(filter) = filter.filter(|f| !f.trim().is_empty()) {
        out.push_str(&format!(
            " ({}: {})",
            Msg::BoardFilterWord.text(lang),
            filter.trim()
        ));
    }
    out.push('\n');
    let dash = |text: &str| {
        if text.trim().is_empty() {
            "–".to_string()
        } else {
            one_line(text)
        }
    };
    for row in rows {
        out.push_str(&format!("\n## {}\n\n", one_line(&row.name)));
        out.push_str(&format!(
            "{}: {}\n\n",
            Msg::TargetGroup.text(lang),
            row.target_group_label
        ));
        let items = [
            (Msg::WhereNow, dash(&row.where_now)),
            (Msg::NextStep, dash(&row.next_step)),
            (Msg::PlanB, dash(&row.plan_b)),
            (Msg::BoardBarriers, list_or_none(&barriers(row, lang), lang)),
            (
                Msg::BoardOpen,
                list_or_none(&open_items(row, today, lang), lang),
            ),
            (Msg::LastContact, last_contact(row, lang)),
        ];
        for (label, value) in items {
            out.push_str(&format!("- **{}:** {}\n", label.text(lang), value));
        }
    }
    out
}

fn list_or_none(items: &[String], lang: Lang) -> String {
    if items.is_empty() {
        Msg::NoneWord.text(lang).to_string()
    } else {
        items
            .iter()
            .map(|i| one_line(i))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Free text on one line: a note with a line break must not break the sheet's structure.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The CSV header, in the interface language.
pub fn csv_header(lang: Lang) -> Vec<&'static str> {
    [
        Msg::FieldName,
        Msg::TargetGroup,
        Msg::WhereNow,
        Msg::NextStep,
        Msg::PlanB,
        Msg::BoardBarriers,
        Msg::UpcomingMeeting,
        Msg::LastContact,
        Msg::BoardDaysSinceContact,
        Msg::BoardCadenceDue,
        Msg::LateReports,
        Msg::MedicalRequests,
        Msg::BoardOpen,
    ]
    .iter()
    .map(|m| m.text(lang))
    .collect()
}

/// The sheet as CSV (RFC 4180 quoting, CRLF line ends), one line per case after the header,
/// made to open right in a spreadsheet: a UTF-8 byte order mark so æøå survive, `;` between
/// fields in Danish (the list separator of a Danish spreadsheet, where `,` is the decimal
/// comma) and `,` in English, and a cell that would start a formula (`=`, `+`, `-`, `@`)
/// prefixed with `'`. Dates are DD.MM.YYYY as on screen.
pub fn csv(rows: &[BoardRow], today: NaiveDate, lang: Lang) -> String {
    let separator = csv_separator(lang);
    let mut out = String::from('\u{feff}');
    push_record(&mut out, separator, csv_header(lang));
    for row in rows {
        let fields = [
            row.name.clone(),
            row.target_group_label.clone(),
            row.where_now.clone(),
            row.next_step.clone(),
            row.plan_b.clone(),
            barriers(row, lang).join("; "),
            row.next_meeting.map(format_datetime).unwrap_or_default(),
            row.last_contact.map(format_date).unwrap_or_default(),
            row.days_since_contact
                .map(|d| d.to_string())
                .unwrap_or_default(),
            row.cadence_due.map(format_date).unwrap_or_default(),
            row.late_reports.len().to_string(),
            row.open_requests.len().to_string(),
            open_items(row, today, lang).join("; "),
        ];
        push_record(&mut out, separator, fields.iter().map(String::as_str));
    }
    out
}

/// The field separator of the sheet in `lang`.
pub fn csv_separator(lang: Lang) -> char {
    match lang {
        Lang::Da => ';',
        Lang::En => ',',
    }
}

fn push_record<'a>(out: &mut String, separator: char, fields: impl IntoIterator<Item = &'a str>) {
    let quoted: Vec<String> = fields
        .into_iter()
        .map(|f| csv_field(f, separator))
        .collect();
    out.push_str(&quoted.join(&separator.to_string()));
    out.push_str("\r\n");
}

fn csv_field(text: &str, separator: char) -> String {
    // A spreadsheet would run "=…" as a formula: text stays text.
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([separator, '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Writes the review sheet as `exports/caseload-review-YYYY-MM-DD.md` in the data directory,
/// readable by the user alone; a second export the same day replaces the first.
pub fn write_sheet(
    data_dir: &std::path::Path,
    today: NaiveDate,
    markdown: &str,
) -> std::io::Result<std::path::PathBuf> {
    let name = format!("caseload-review-{}.md", today.format("%Y-%m-%d"));
    crate::store::write_export(data_dir, &name, markdown.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AwayPeriod, CaseId, CourseId};
    use crate::query::board::LateReport;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    fn row() -> BoardRow {
        BoardRow {
            case: CaseId(7),
            name: "Anne \"Annie\" Jensen".into(),
            target_group: "aktivitetsparat".into(),
            target_group_label: "Aktivitetsparat kontanthjælp".into(),
            where_now: "I praktik, 2 dage om ugen".into(),
            next_step: "Opfølgning\nmed mentor".into(),
            plan_b: "Hjemmebesøg".into(),
            next_meeting: day(30).and_hms_opt(10, 0, 0),
            last_contact: Some(day(10)),
            days_since_contact: Some(14),
            cadence_due: Some(day(20)),
            missed_last_year: 0,
            late_reports: vec![LateReport {
                course: CourseId(3),
                supplier: "Udsyn".into(),
                due: day(20),
                days_late: 4,
            }],
            open_requests: vec![],
            suppliers: vec!["Udsyn".into()],
            flags: BoardFlags {
                sos: true,
                interpreter: Some("somali".into()),
                away: Some(AwayPeriod {
                    from: day(20),
                    to: day(28),
                    reason: AwayReason::Sick,
                    note: String::new(),
                }),
                ..BoardFlags::default()
            },
            keys: Default::default(),
        }
        .keyed()
    }

    #[test]
    fn markdown_has_a_section_per_case_with_the_review_headings() {
        let md = markdown(&[row()], day(24), Lang::Da, Some("flag:sos"));
        assert!(
            md.starts_with("# Månedlig sagsgennemgang 24.11.2026\n\n1 sager (filtreret: flag:sos)"),
            "{md}"
        );
        assert!(md.contains("\n## Anne \"Annie\" Jensen\n"), "{md}");
        assert!(
            md.contains("- **Hvor er vi nu:** I praktik, 2 dage om ugen\n"),
            "{md}"
        );
        assert!(
            md.contains("- **Næste skridt:** Opfølgning med mentor\n"),
            "{md}"
        );
        assert!(
            md.contains("- **Plan B:** Hjemmebesøg\n- **Barrierer:** SOS: vagt eller kollega i nærheden; Tolk (somali); Syg til 28.11.2026\n"),
            "{md}"
        );
        assert!(
            md.contains("rapport fra Udsyn 20.11.2026, 4 dage forsinket"),
            "{md}"
        );
        assert!(
            md.contains("rettidighed senest 20.11.2026 (overskredet)"),
            "{md}"
        );
        assert!(
            md.contains("- **Sidste kontakt:** 10.11.2026 (14 dage siden)\n"),
            "{md}"
        );
    }

    #[test]
    fn csv_quotes_commas_and_quotes_and_has_one_line_per_case() {
        let text = csv(&[row(), row()], day(24), Lang::En);
        let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3);
        assert!(
            lines[0].starts_with("\u{feff}Name,Target group,Where are we now,Next step,Plan B,")
        );
        assert!(
            lines[1].starts_with("\"Anne \"\"Annie\"\" Jensen\",Aktivitetsparat kontanthjælp,\"I praktik, 2 dage om ugen\",\"Opfølgning\nmed mentor\""),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn danish_csv_separates_with_semicolons_and_keeps_formulas_as_text() {
        let mut formula = row();
        formula.name = "=HYPERLINK(\"x\")".into();
        formula.where_now = "2,5 dage; om ugen".into();
        let text = csv(&[formula], day(24), Lang::Da);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert!(
            lines[0].starts_with("\u{feff}Navn;Målgruppe;"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with(
                "\"'=HYPERLINK(\"\"x\"\")\";Aktivitetsparat kontanthjælp;\"2,5 dage; om ugen\";"
            ),
            "{}",
            lines[1]
        );
    }

    #[test]
    fn flags_in_short_words() {
        assert_eq!(flags_short(&row().flags, Lang::Da), "SOS tolk væk");
        assert_eq!(flags_short(&BoardFlags::default(), Lang::En), "");
    }
}
