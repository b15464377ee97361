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

/// Text that looks like a CPR number, naming the field in the user's words and short enough
/// for one line of an 80-column screen: "Notat ligner et CPR-nummer (010190-xxxx). Skriv
/// sagsnummeret."
pub fn cpr_error(error: &CprError, lang: Lang) -> String {
    let field = field_words(&error.field, lang);
    match lang {
        Lang::Da => format!(
            "{field} ligner et CPR-nummer ({}). Skriv sagsnummeret.",
            error.masked
        ),
        Lang::En => format!(
            "{field} looks like a CPR number ({}). Use the case reference.",
            error.masked
        ),
    }
}

/// A record's free-text field (its key in [`crate::store::FreeText`]) as the forms label it;
/// a label that is already the user's word is kept.
fn field_words(key: &str, lang: Lang) -> &str {
    let (da, en) = match key {
        "name" | "participants.name" => ("Navn", "Name"),
        "alias" => ("Alias", "Alias"),
        "reference" => ("Sagsnummer", "Case reference"),
        "reach_via" => ("Kontakt via", "Reach via"),
        "preferences.time_of_day" => ("Foretrukket tid", "Preferred time"),
        "preferences.place" | "place.text" => ("Sted", "Place"),
        "preferences.channel" => ("Foretrukken kanal", "Preferred channel"),
        "where_now" => ("Hvor er vi nu", "Where we are now"),
        "next_step" => ("Næste skridt", "Next step"),
        "plan_b" => ("Plan B", "Plan B"),
        "last_told" => ("Sidst fortalt", "Last told"),
        "target_group" => ("Målgruppe", "Target group"),
        "phones.number" | "work_phone" => ("Telefon", "Phone"),
        "phones.source" => ("Kilde", "Source"),
        "network.role" => ("Rolle", "Role"),
        "flags.interpreter" => ("Tolk", "Interpreter"),
        "title" => ("Titel", "Title"),
        "email" => ("E-mail", "E-mail"),
        "note" | "reports.note" | "reports.chases.note" | "chases.note" => ("Notat", "Note"),
        "kind" => ("Art", "Kind"),
        "checklist.purpose" | "purpose" => ("Formål", "Purpose"),
        "checklist.preferred_consultant" => ("Konsulent", "Consultant"),
        "questions" => ("Spørgsmål", "Questions"),
        "chases.reached" => ("Talt med", "Reached"),
        "outcome" => ("Udfald", "Outcome"),
        "subject" => ("Emne", "Subject"),
        "body" => ("Tekst", "Text"),
        "what" => ("Aftale", "Agreement"),
        _ => return key,
    };
    match lang {
        Lang::Da => da,
        Lang::En => en,
    }
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
    fn cpr_message_names_the_field_in_the_users_words_and_keeps_the_number_masked() {
        let error = crate::privacy::check_no_cpr("note", "010190-1234").unwrap_err();
        let da = cpr_error(&error, Lang::Da);
        assert_eq!(
            da,
            "Notat ligner et CPR-nummer (010190-xxxx). Skriv sagsnummeret."
        );
        let en = cpr_error(&error, Lang::En);
        assert_eq!(
            en,
            "Note looks like a CPR number (010190-xxxx). Use the case reference."
        );
        // A form passes its label, which is kept.
        let error = crate::privacy::check_no_cpr("Hvor er vi nu", "010190-1234").unwrap_err();
        assert!(cpr_error(&error, Lang::Da).starts_with("Hvor er vi nu ligner"));
    }

    #[test]
    fn cpr_messages_fit_an_80_column_line_for_every_field() {
        let keys = [
            "name",
            "alias",
            "reference",
            "reach_via",
            "preferences.time_of_day",
            "preferences.place",
            "preferences.channel",
            "where_now",
            "next_step",
            "plan_b",
            "last_told",
            "target_group",
            "phones.number",
            "phones.source",
            "network.role",
            "flags.interpreter",
            "title",
            "work_phone",
            "email",
            "note",
            "kind",
            "checklist.purpose",
            "checklist.preferred_consultant",
            "reports.note",
            "reports.chases.note",
            "questions",
            "purpose",
            "chases.reached",
            "chases.note",
            "place.text",
            "outcome",
            "participants.name",
            "subject",
            "body",
            "what",
        ];
        for key in keys {
            let error = crate::privacy::check_no_cpr(key, "010190-1234").unwrap_err();
            for lang in [Lang::Da, Lang::En] {
                let text = cpr_error(&error, lang);
                assert!(!text.starts_with(key), "the key, not the label: {text}");
                assert!(
                    text.chars().count() <= 80,
                    "{} chars: {text}",
                    text.chars().count()
                );
            }
        }
    }
}
