//! Counts with their noun in the right number: "1 dag", "3 dage", "1 day", "3 days".

use super::Lang;

/// `n` with a noun that has a singular and a plural form in each language.
fn counted(
    n: i64,
    (da_one, da_many): (&str, &str),
    (en_one, en_many): (&str, &str),
    lang: Lang,
) -> String {
    let one = n == 1 || n == -1;
    let noun = match (lang, one) {
        (Lang::Da, true) => da_one,
        (Lang::Da, false) => da_many,
        (Lang::En, true) => en_one,
        (Lang::En, false) => en_many,
    };
    format!("{n} {noun}")
}

/// "1 dag", "14 dage"; "1 day", "14 days".
pub fn days(n: i64, lang: Lang) -> String {
    counted(n, ("dag", "dage"), ("day", "days"), lang)
}

/// "1 dag siden", "14 dage siden"; "1 day ago", "14 days ago".
pub fn days_ago(n: i64, lang: Lang) -> String {
    let ago = match lang {
        Lang::Da => "siden",
        Lang::En => "ago",
    };
    format!("{} {ago}", days(n, lang))
}

/// "1 arbejdsdag", "5 arbejdsdage"; "1 working day", "5 working days".
pub fn working_days(n: i64, lang: Lang) -> String {
    counted(
        n,
        ("arbejdsdag", "arbejdsdage"),
        ("working day", "working days"),
        lang,
    )
}

/// "1 minut", "20 minutter"; "1 minute", "20 minutes".
pub fn minutes(n: i64, lang: Lang) -> String {
    counted(n, ("minut", "minutter"), ("minute", "minutes"), lang)
}

/// "1 begivenhed", "12 begivenheder"; "1 event", "12 events" (an .ics calendar's, #16).
pub fn events(n: i64, lang: Lang) -> String {
    counted(n, ("begivenhed", "begivenheder"), ("event", "events"), lang)
}

/// "1 samtale", "8 samtaler"; "1 meeting", "8 meetings" (a day sheet's, #17).
pub fn meetings(n: i64, lang: Lang) -> String {
    counted(n, ("samtale", "samtaler"), ("meeting", "meetings"), lang)
}

/// What an .ics import did, counted by event (#16): "1 ny", "12 nye"; "12 new".
pub fn events_new(n: i64, lang: Lang) -> String {
    counted(n, ("ny", "nye"), ("new", "new"), lang)
}

/// "1 ændret", "3 ændrede"; "3 changed".
pub fn events_changed(n: i64, lang: Lang) -> String {
    counted(n, ("ændret", "ændrede"), ("changed", "changed"), lang)
}

/// "1 fjernet", "2 fjernede"; "2 removed".
pub fn events_removed(n: i64, lang: Lang) -> String {
    counted(n, ("fjernet", "fjernede"), ("removed", "removed"), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(days(1, Lang::Da), "1 dag");
        assert_eq!(days(0, Lang::Da), "0 dage");
        assert_eq!(days(14, Lang::Da), "14 dage");
        assert_eq!(days(1, Lang::En), "1 day");
        assert_eq!(days(2, Lang::En), "2 days");
        assert_eq!(days_ago(1, Lang::Da), "1 dag siden");
        assert_eq!(days_ago(3, Lang::En), "3 days ago");
        assert_eq!(working_days(1, Lang::Da), "1 arbejdsdag");
        assert_eq!(working_days(5, Lang::En), "5 working days");
        assert_eq!(minutes(1, Lang::Da), "1 minut");
        assert_eq!(minutes(20, Lang::Da), "20 minutter");
    }
}
