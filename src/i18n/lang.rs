//! The interface language and how it is chosen from the locale.

use serde::{Deserialize, Serialize};

/// The language the interface speaks.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Danish.
    Da,
    /// English.
    En,
}

/// The locale variables in the order the C library consults them for messages.
const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// The language of the environment: the first non-empty of `LC_ALL`, `LC_MESSAGES` and
    /// `LANG` decides, else the system's locale (Windows and macOS set no `LANG` for programs
    /// started outside a shell); Danish when it starts with `da`, English otherwise.
    pub fn from_locale() -> Lang {
        let first_set = LOCALE_VARIABLES
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.trim().is_empty())
            .or_else(sys_locale::get_locale);
        Lang::from_locale_str(first_set.as_deref().unwrap_or(""))
    }

    /// The language of one locale value such as `da_DK.UTF-8`, `en_GB` or `C`.
    pub fn from_locale_str(locale: &str) -> Lang {
        let prefix = locale.trim().as_bytes().get(..2);
        if prefix.is_some_and(|p| p.eq_ignore_ascii_case(b"da")) {
            Lang::Da
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_locales_give_danish() {
        for locale in ["da_DK.UTF-8", "da_DK", "da", "DA_dk", " da_DK.utf8"] {
            assert_eq!(Lang::from_locale_str(locale), Lang::Da, "{locale}");
        }
    }

    #[test]
    fn other_and_empty_locales_give_english() {
        for locale in [
            "en_US.UTF-8",
            "en_GB",
            "C",
            "POSIX",
            "",
            "d",
            "de_DE",
            "sv_SE",
            "€uro",
            "æ",
        ] {
            assert_eq!(Lang::from_locale_str(locale), Lang::En, "{locale}");
        }
    }

    #[test]
    fn lang_reads_and_writes_lowercase_codes() {
        assert_eq!(serde_json::to_string(&Lang::Da).unwrap(), "\"da\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
        assert!(serde_json::from_str::<Lang>("\"fr\"").is_err());
    }
}
