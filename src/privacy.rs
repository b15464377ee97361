//! The CPR guard: caseplan keeps the case reference, never a Danish CPR number.
//!
//! A text is refused when it holds `DDMMYY-NNNN`, `DDMMYY NNNN` or ten consecutive digits,
//! where `DDMMYY` is a valid date in some century. Digit runs of other lengths (phone numbers,
//! case references such as `2024-0451`, dates such as `24.11.2026`) pass.

use thiserror::Error;

/// A free-text field that looks like it holds a CPR number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "the field \"{field}\" looks like it holds a CPR number ({masked}). caseplan keeps the case \
     reference, not the CPR: remove it and use the case reference instead."
)]
pub struct CprError {
    /// The name of the field, as the record names it.
    pub field: String,
    /// What was found, with the last four digits masked.
    pub masked: String,
}

/// Refuses `text` when it looks like it holds a CPR number.
pub fn check_no_cpr(field: &str, text: &str) -> Result<(), CprError> {
    match find_cpr(text) {
        Some(masked) => Err(CprError {
            field: field.to_owned(),
            masked,
        }),
        None => Ok(()),
    }
}

/// Separators accepted between the date part and the serial part.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '-' | ' ' | '\u{a0}' | '\u{2010}' | '\u{2011}' | '\u{2013}'
    )
}

/// The first CPR-shaped part of `text`, masked, if any.
fn find_cpr(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    let mut i = 0;
    while i < chars.len() {
        if !digit(i) || (i > 0 && digit(i - 1)) {
            i += 1;
            continue;
        }
        let run = (i..chars.len()).take_while(|&j| digit(j)).count();
        let date: String = chars[i..(i + run.min(6))].iter().collect();
        if run == 10 && is_cpr_date(&date) {
            return Some(format!("{date}xxxx"));
        }
        let sep = i + 6;
        if run == 6
            && chars.get(sep).copied().is_some_and(is_separator)
            && (sep + 1..sep + 5).all(digit)
            && !digit(sep + 5)
            && is_cpr_date(&date)
        {
            return Some(format!("{date}{}xxxx", chars[sep]));
        }
        i += run;
    }
    None
}

/// Whether six ASCII digits `DDMMYY` form a valid date in some century.
fn is_cpr_date(ddmmyy: &str) -> bool {
    let Some(n) = ddmmyy
        .get(0..6)
        .and_then(|s| s.parse::<u32>().ok())
        .filter(|_| ddmmyy.len() == 6)
    else {
        return false;
    };
    let (day, month, year) = (n / 10_000, n / 100 % 100, n % 100);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        // Some century makes every year divisible by four a leap year (2000 for "00").
        2 if year % 4 == 0 => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn refuses_the_three_shapes() {
        for text in [
            "010190-1234",
            "cpr 010190 1234 ok",
            "0101901234",
            "født 290200-4321",
        ] {
            assert!(check_no_cpr("note", text).is_err(), "{text}");
        }
    }

    #[test]
    fn passes_phones_references_and_dates() {
        for text in [
            "+45 12 34 56 78",
            "12345678",
            "ring 12345678 efter 10",
            "2024-0451",
            "24.11.2026",
            "2026-11-24",
            "sag 2024-0451 mødt 24.11.2026",
            // Not a date: day 32 and month 13.
            "3201901234",
            "011390-1234",
            // 29 February only exists in years divisible by four.
            "290201-1234",
            // Part of a longer digit run (an account number).
            "123456789012",
            "010190-12345",
            "",
        ] {
            assert!(check_no_cpr("note", text).is_ok(), "{text}");
        }
    }

    #[test]
    fn message_names_the_field_and_masks_the_serial() {
        let err = check_no_cpr("note", "borger 010190-1234").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("\"note\""), "{msg}");
        assert!(msg.contains("010190-xxxx"), "{msg}");
        assert!(!msg.contains("1234"), "{msg}");
        assert!(msg.contains("use the case reference instead"), "{msg}");
    }

    fn valid_date() -> impl Strategy<Value = (u32, u32, u32)> {
        (1u32..=12, 0u32..100).prop_flat_map(|(month, year)| {
            let max = match month {
                2 if year % 4 == 0 => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            (1u32..=max).prop_map(move |day| (day, month, year))
        })
    }

    proptest! {
        #[test]
        fn cpr_shaped_text_is_refused_anywhere(
            (day, month, year) in valid_date(),
            serial in 0u32..10_000,
            sep in prop::sample::select(vec!["-", " ", ""]),
            before in "[a-zA-Zæøå ,.:]{0,20}",
            after in "[a-zA-Zæøå ,.:]{0,20}",
        ) {
            let text = format!("{before}{day:02}{month:02}{year:02}{sep}{serial:04}{after}");
            prop_assert!(check_no_cpr("note", &text).is_err(), "{}", text);
        }

        #[test]
        fn eight_digit_phone_numbers_pass(
            number in 10_000_000u32..100_000_000,
            before in "[a-zA-Zæøå ,.:+]{0,20}",
            after in "[a-zA-Zæøå ,.:]{0,20}",
        ) {
            let text = format!("{before}{number}{after}");
            prop_assert!(check_no_cpr("note", &text).is_ok(), "{}", text);
        }
    }
}
