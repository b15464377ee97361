//! Messages for what a person typed wrong, in the interface language. The errors carry the
//! offending text; their `Display` is the English wording, Danish is worded here.

use super::Lang;
use crate::domain::quick_add::QuickAddError;
use crate::privacy::CprError;
use crate::time::{Expected, ParseError};

fn noun(expected: Expected) -> &'static str {
    match expected {
        Expected::Date => "en dato",
        Expected::Time => "et klokkeslæt",
        Expected::When => "en dato eller et klokkeslæt",
        Expected::Duration => "en varighed",
    }
}

fn examples(expected: Expected) -> String {
    expected.examples().replace(" or ", " eller ")
}

/// A date, time or duration that could not be read.
pub fn parse_error(error: &ParseError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ParseError::Empty { expected } => {
            format!(
                "intet skrevet; {} skrives fx {}",
                noun(*expected),
                examples(*expected)
            )
        }
        ParseError::NotUnderstood { expected, text } => {
            format!(
                "kunne ikke læse \"{text}\" som {}; prøv {}",
                noun(*expected),
                examples(*expected)
            )
        }
        ParseError::Trailing { after, text } => format!(
            "\"{text}\" var ikke ventet efter {}; {} skrives fx {}",
            noun(*after),
            noun(*after),
            examples(*after)
        ),
        ParseError::NoSuchDate { text } => {
            format!(
                "datoen \"{text}\" findes ikke; dag før måned, fx \"24/11\" eller \"24.11.2026\""
            )
        }
        ParseError::NoSuchTime { text } => {
            format!("klokkeslættet \"{text}\" findes ikke; brug 00:00 til 23:59, fx \"10:30\"")
        }
        ParseError::DurationOutOfRange { text } => format!(
            "\"{text}\" er ikke en varighed fra 1 minut til 24 timer; prøv \"45m\" eller \"8t\""
        ),
        ParseError::OutOfRange { text } => format!(
            "\"{text}\" ligger uden for årene {} til {}, som caseplan planlægger i",
            crate::time::range::FIRST_YEAR,
            crate::time::range::LAST_YEAR
        ),
    }
}

/// A quick-add line that could not be booked.
pub fn quick_add_error(error: &QuickAddError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        QuickAddError::Empty => {
            "linjen er tom; skriv fx \"tir 10:30 45m Jensen opfølgning\"".into()
        }
        QuickAddError::NoWhen(line) => format!(
            "ingen dato eller tid først i \"{line}\"; begynd med fx \"tir 10:30\" eller \"i morgen 9\""
        ),
        QuickAddError::NoCase(line) => {
            format!("ingen sag nævnt i \"{line}\"; skriv en del af borgerens navn")
        }
        QuickAddError::UnknownCase(query) => format!("ingen sag passer på \"{query}\""),
        QuickAddError::Ambiguous { query, candidates } => format!(
            "\"{query}\" passer på flere sager: {}; skriv mere af navnet",
            candidates.join(", ")
        ),
    }
}

/// Text that looks like a CPR number.
pub fn cpr_error(error: &CprError, lang: Lang) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    format!(
        "feltet \"{}\" ser ud til at indeholde et CPR-nummer ({}). caseplan gemmer sagsnummeret, \
         ikke CPR-nummeret: fjern det og brug sagsnummeret i stedet.",
        error.field, error.masked
    )
}

/// A write the store refused, for the status line: a full disk and a read-only data directory
/// in the interface language, anything else as the store words it.
pub fn store_error(error: &crate::store::StoreError, lang: Lang) -> String {
    use crate::store::Unwritable;
    match (lang, error.unwritable()) {
        (Lang::Da, Some(Unwritable::DiskFull)) => {
            "Disken er fuld: intet blev gemt. Frigør plads på disken og prøv igen; alt gemt før er \
             bevaret."
                .into()
        }
        (Lang::Da, Some(Unwritable::ReadOnly)) => {
            "Datamappen er skrivebeskyttet: intet blev gemt. Gør den skrivbar og prøv igen; alt \
             gemt før er bevaret."
                .into()
        }
        _ => error.to_string(),
    }
}

/// One line about what opening the database found, for the status line: opened for reading
/// only in the interface language, the repairs as the store words them.
pub fn store_notice(notice: &crate::store::Notice, lang: Lang) -> String {
    use crate::store::{Notice, Unwritable};
    match (lang, notice) {
        (Lang::Da, Notice::ReadOnlyView { kind }) => match kind {
            Unwritable::DiskFull => "disken er fuld: databasen er åbnet til læsning, intet kan \
                                     gemmes; frigør plads på disken"
                .into(),
            Unwritable::ReadOnly => "datamappen er skrivebeskyttet: databasen er åbnet til \
                                     læsning, intet kan gemmes"
                .into(),
        },
        _ => notice.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_date;
    use chrono::NaiveDate;

    #[test]
    fn danish_messages_quote_the_typed_text_and_give_danish_examples() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let error = parse_date("tirsdog", today).unwrap_err();
        let da = parse_error(&error, Lang::Da);
        assert!(
            da.contains("\"tirsdog\"") && da.contains("eller") && !da.contains(" or "),
            "{da}"
        );
        assert_eq!(parse_error(&error, Lang::En), error.to_string());
    }

    #[test]
    fn danish_cpr_message_keeps_the_number_masked() {
        let error = crate::privacy::check_no_cpr("note", "010190-1234").unwrap_err();
        let da = cpr_error(&error, Lang::Da);
        assert!(da.contains("CPR-nummer") && !da.contains("1234"), "{da}");
    }
}
