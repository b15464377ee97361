//! Fictitious names: common Danish first names and surnames combined, and organisations that
//! do not exist (e-mail domains use the reserved `.example` top-level domain).

use super::dice::Dice;

/// The first citizens always get these, so search for æ, ø, å, é and ü can be demonstrated.
pub(super) const SHOWCASE_CITIZENS: [&str; 6] = [
    "Mette Kjær",
    "Ahmad Rasmussen",
    "Søren Østergaard",
    "José Nørgaard",
    "Jürgen Møller",
    "Åse Bæk",
];

pub(super) const FIRST_NAMES: [&str; 64] = [
    "Mette",
    "Søren",
    "Ahmad",
    "José",
    "Jürgen",
    "Åse",
    "Hanne",
    "Lars",
    "Line",
    "Camilla",
    "Mikkel",
    "Fatima",
    "Mohammed",
    "Zeynep",
    "Hodan",
    "Abdi",
    "Ali",
    "Yusuf",
    "Mads",
    "Jonas",
    "Ida",
    "Freja",
    "Nanna",
    "Birgit",
    "Jens",
    "Per",
    "Lone",
    "Karin",
    "Henrik",
    "Kim",
    "Tina",
    "Anders",
    "Rasmus",
    "Morten",
    "Amalie",
    "Emil",
    "Zoë",
    "Renée",
    "André",
    "Bjørn",
    "Sørine",
    "Kåre",
    "Jørgen",
    "Ulla",
    "Bente",
    "Dorthe",
    "Thomas",
    "Martin",
    "Sara",
    "Leila",
    "Omar",
    "Nadia",
    "Ayaan",
    "Samira",
    "Michael",
    "Louise",
    "Christian",
    "Maja",
    "Peter",
    "Gitte",
    "Niels",
    "Helle",
    "Frederik",
    "Mathilde",
];

pub(super) const SURNAMES: [&str; 56] = [
    "Kjær",
    "Rasmussen",
    "Østergaard",
    "Nørgaard",
    "Møller",
    "Bæk",
    "Hansen",
    "Jensen",
    "Nielsen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Johansen",
    "Mortensen",
    "Frederiksen",
    "Holm",
    "Lund",
    "Skov",
    "Dahl",
    "Bach",
    "Søndergaard",
    "Vestergaard",
    "Ahmed",
    "Hassan",
    "Yilmaz",
    "Ali",
    "Abdi",
    "Lindqvist",
    "Brøndum",
    "Damgaard",
    "Friis",
    "Krogh",
    "Aagaard",
    "Lykke",
    "Kaya",
    "Omar",
    "Berg",
    "Juhl",
    "Mikkelsen",
    "Knudsen",
    "Iversen",
    "Winther",
    "Svendsen",
    "Dam",
    "Schmidt",
    "Kofoed",
    "Høj",
    "Bøgh",
];

pub(super) const NICKNAMES: [&str; 6] = ["Mo", "Søs", "Lille A", "Kalle", "Bubber", "Tutti"];

pub(super) const DISTRICTS: [&str; 14] = [
    "Nord",
    "Amager",
    "Valby",
    "Vest",
    "Nørrebro",
    "Østerbro",
    "Syd",
    "Sydhavnen",
    "Bispebjerg",
    "Vanløse",
    "Brønshøj",
    "Islands Brygge",
    "Søborg",
    "Husum",
];

pub(super) const SUPPLIERS: [&str; 10] = [
    "Jobværkstedet",
    "Udsyn Mentorhuset",
    "Praktikhuset",
    "Vejen Videre",
    "Kompasset Job",
    "Fremdrift",
    "Trinbrættet",
    "Arbejdsfællesskabet",
    "Mestringshuset",
    "Broen til Job",
];

pub(super) const PRACTICES: [&str; 3] = ["Lægerne i", "Lægehuset", "Lægepraksis"];

pub(super) const HOSPITALS: [&str; 4] = [
    "Hospitalet Øst",
    "Hospitalet Vest",
    "Regionshospitalet Nord",
    "Hospitalet Syd",
];

pub(super) const HOSPITAL_UNITS: [&str; 6] = [
    "Arbejdsmedicinsk Klinik",
    "Smerteklinikken",
    "Fysioterapien",
    "Medicinsk Ambulatorium",
    "Ortopædkirurgisk Ambulatorium",
    "Neurologisk Ambulatorium",
];

pub(super) const PSYCHIATRY: [&str; 3] = [
    "Psykiatrisk Center",
    "Distriktspsykiatrien",
    "Psykiatrisk Ambulatorium",
];

pub(super) const SPECIALTIES: [&str; 5] = [
    "speciallæge, reumatologi",
    "speciallæge, psykiatri",
    "speciallæge, neurologi",
    "speciallæge, ortopædi",
    "psykolog",
];

pub(super) const EMPLOYERS: [&str; 12] = [
    "Bageriet Korn",
    "Autoværkstedet",
    "Café Solsikken",
    "Plejecentret Lærkehøj",
    "Lager & Logistik",
    "Genbrugsbutikken Nyt Liv",
    "Køkkenet i Kulturhuset",
    "Gartneriet Grønne Fingre",
    "Cykelværkstedet Eger",
    "Rengøringsfirmaet Skinnende",
    "Boldklubbens Kantine",
    "Malerfirmaet Pensel",
];

pub(super) const BOSTEDER: [&str; 5] = [
    "Bostedet Lærkereden",
    "Botilbuddet Havbrisen",
    "Bofællesskabet Kastanjen",
    "Opgangsfællesskabet Viben",
    "Bostedet Solgården",
];

pub(super) const SOCIAL_CENTRES: [&str; 3] =
    ["Socialcenter", "Borgercenter", "Center for bostøtte"];

pub(super) const COLLEAGUE_TITLES: [&str; 7] = [
    "kollega, team 3",
    "teamleder",
    "lægekonsulent",
    "sundhedskoordinator",
    "virksomhedskonsulent",
    "rehabiliteringskoordinator",
    "kollega, modtagelsen",
];

/// Interpreter languages, also used for the cases that need one.
pub(super) const LANGUAGES: [&str; 5] = ["arabisk", "somali", "tyrkisk", "farsi", "tigrinya"];

/// "Ahmad Rasmussen": a first name and a surname drawn independently.
pub(super) fn person(dice: &mut Dice) -> (&'static str, &'static str) {
    (*dice.pick(&FIRST_NAMES), *dice.pick(&SURNAMES))
}

/// The `i`th name of a family of organisations: base names first, then each with a district,
/// then numbered, so names stay unique however many are asked for.
pub(super) fn organisation(bases: &[&str], i: usize) -> String {
    let round = i / bases.len();
    let base = bases[i % bases.len()];
    if round == 0 {
        return base.to_string();
    }
    let district = DISTRICTS[(round - 1) % DISTRICTS.len()];
    let cycle = (round - 1) / DISTRICTS.len();
    if cycle == 0 {
        format!("{base} {district}")
    } else {
        format!("{base} {district} {}", cycle + 1)
    }
}

/// Lower-case ASCII for e-mail addresses: "Nørgaard" → "noergaard", spaces → "-".
pub(super) fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'æ' => out.push_str("ae"),
            'ø' => out.push_str("oe"),
            'å' => out.push_str("aa"),
            'é' | 'è' | 'ë' => out.push('e'),
            'ü' => out.push('u'),
            'ö' => out.push_str("oe"),
            'ä' => out.push_str("ae"),
            _ => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// A Danish mobile number: "+45 2x xx xx xx".
pub(super) fn mobile(dice: &mut Dice) -> String {
    let lead = dice.weighted(&[(70, 2), (10, 3), (10, 4), (5, 5), (5, 6)]);
    format!(
        "+45 {}{} {:02} {:02} {:02}",
        lead,
        dice.below(10),
        dice.below(100),
        dice.below(100),
        dice.below(100)
    )
}

/// A Danish landline work number: "+45 33 12 34 56".
pub(super) fn work_phone(dice: &mut Dice) -> String {
    let lead = dice.weighted(&[(60, 3), (40, 4)]);
    format!(
        "+45 {}{} {:02} {:02} {:02}",
        lead,
        dice.below(10),
        dice.below(100),
        dice.below(100),
        dice.below(100)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(slug("Udsyn Mentorhuset"), "udsyn-mentorhuset");
        assert_eq!(slug("José Nørgaard"), "jose-noergaard");
        assert_eq!(slug("Lager & Logistik"), "lager-logistik");
        assert_eq!(slug("Åse Bæk"), "aase-baek");
    }

    #[test]
    fn organisation_names_stay_unique_beyond_the_list() {
        let names: Vec<String> = (0..500).map(|i| organisation(&SUPPLIERS, i)).collect();
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(names[0], "Jobværkstedet");
        assert_eq!(names[10], "Jobværkstedet Nord");
    }

    #[test]
    fn phone_numbers_have_eight_digits_in_pairs() {
        let mut dice = Dice::new(5, 1);
        for _ in 0..100 {
            for number in [mobile(&mut dice), work_phone(&mut dice)] {
                assert!(number.starts_with("+45 "), "{number}");
                let digits: String = number[4..].chars().filter(char::is_ascii_digit).collect();
                assert_eq!(digits.len(), 8, "{number}");
                assert_eq!(number.len(), 15, "{number}");
            }
        }
    }
}
