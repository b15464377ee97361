//! The professional network: suppliers and their consultants, practices and GPs, hospital
//! departments, employers, bosted staff, interpreters, colleagues.

use super::dice::Dice;
use super::names::{self, person, slug};
use crate::model::{Contact, ContactId, ContactKind};

/// The generated contacts, with indices by role so the other generators can pick from them.
/// Every index list refers to positions in `contacts`; a contact's id is its position + 1.
pub(super) struct Directory {
    pub contacts: Vec<Contact>,
    pub suppliers: Vec<usize>,
    /// Consultants and mentors of each supplier, parallel to `suppliers`.
    pub staff_by_supplier: Vec<Vec<usize>>,
    pub practices: Vec<usize>,
    pub gps: Vec<usize>,
    pub hospitals: Vec<usize>,
    pub psychiatry: Vec<usize>,
    pub specialists: Vec<usize>,
    pub employers: Vec<usize>,
    pub supervisors: Vec<usize>,
    pub social: Vec<usize>,
    /// Bosted staff, with the name of their bosted.
    pub bosted: Vec<(usize, &'static str)>,
    /// Interpreters, with their language.
    pub interpreters: Vec<(usize, &'static str)>,
    pub colleagues: Vec<usize>,
}

impl Directory {
    pub fn id(index: usize) -> ContactId {
        ContactId(index as u64 + 1)
    }

    pub fn get(&self, id: ContactId) -> Option<&Contact> {
        (id.0 as usize)
            .checked_sub(1)
            .and_then(|i| self.contacts.get(i))
    }

    /// The name of the organisation a person works for, or the person's own name.
    pub fn organisation_name(&self, id: ContactId) -> &str {
        match self.get(id) {
            Some(c) => c
                .organisation
                .and_then(|o| self.get(o))
                .map_or(c.name.as_str(), |o| o.name.as_str()),
            None => "",
        }
    }

    pub fn bosted_of(&self, id: ContactId) -> Option<&'static str> {
        let index = (id.0 as usize).checked_sub(1)?;
        self.bosted
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, name)| *name)
    }
}

/// How many contacts a caseload of `cases` has: through the product brief's scale table
/// (50 → 150, 220 → 600, 10,000 → 10,000), linear in between.
pub(super) fn target_count(cases: usize) -> usize {
    const POINTS: [(usize, usize); 4] = [(0, 0), (50, 150), (220, 600), (10_000, 10_000)];
    for pair in POINTS.windows(2) {
        let ((c0, n0), (c1, n1)) = (pair[0], pair[1]);
        if cases <= c1 {
            return n0 + (cases - c0) * (n1 - n0) / (c1 - c0);
        }
    }
    cases
}

pub(super) fn generate(cases: usize, dice: &mut Dice) -> Directory {
    let total = target_count(cases).max(14);
    let share = |per_mille: usize| (total * per_mille / 1000).max(1);
    let mut b = Builder {
        dice,
        dir: Directory {
            contacts: Vec::with_capacity(total),
            suppliers: vec![],
            staff_by_supplier: vec![],
            practices: vec![],
            gps: vec![],
            hospitals: vec![],
            psychiatry: vec![],
            specialists: vec![],
            employers: vec![],
            supervisors: vec![],
            social: vec![],
            bosted: vec![],
            interpreters: vec![],
            colleagues: vec![],
        },
    };

    for i in 0..share(60) {
        let name = names::organisation(&names::SUPPLIERS, i);
        let at = b.organisation(ContactKind::Supplier, name, "leverandør");
        b.dir.suppliers.push(at);
        b.dir.staff_by_supplier.push(vec![]);
    }
    for i in 0..share(70) {
        let name = practice_name(i);
        let at = b.organisation(ContactKind::Practice, name, "lægepraksis");
        b.dir.practices.push(at);
    }
    for i in 0..share(40) {
        let name = format!(
            "{}, {}",
            names::organisation(&names::HOSPITALS, i / names::HOSPITAL_UNITS.len()),
            names::HOSPITAL_UNITS[i % names::HOSPITAL_UNITS.len()]
        );
        let at = b.organisation(ContactKind::Hospital, name, "hospitalsafdeling");
        b.dir.hospitals.push(at);
    }
    for i in 0..share(30) {
        let name = format!(
            "{} {}",
            names::PSYCHIATRY[i % names::PSYCHIATRY.len()],
            names::DISTRICTS[(i / names::PSYCHIATRY.len()) % names::DISTRICTS.len()]
        );
        let at = b.organisation(ContactKind::Psychiatry, name, "ambulatorium");
        b.dir.psychiatry.push(at);
    }
    for i in 0..share(90) {
        let name = names::organisation(&names::EMPLOYERS, i);
        let at = b.organisation(ContactKind::Employer, name, "praktiksted");
        b.dir.employers.push(at);
    }

    // People. Consultants and mentors take what the other kinds leave.
    let gps = share(100);
    let specialists = share(40);
    let supervisors = share(40);
    let social = share(40);
    let bosted = share(70);
    let interpreters = share(50);
    let colleagues = share(50);
    let people = gps + specialists + supervisors + social + bosted + interpreters + colleagues;
    let staff = total
        .saturating_sub(b.dir.contacts.len() + people)
        .max(b.dir.suppliers.len());

    for i in 0..staff {
        let s = i % b.dir.suppliers.len();
        let org = b.dir.suppliers[s];
        let (kind, title) = if b.dice.chance(450) {
            (ContactKind::Mentor, "mentor")
        } else {
            (ContactKind::Consultant, "konsulent")
        };
        let at = b.person(kind, Some(org), title.to_string());
        b.dir.staff_by_supplier[s].push(at);
    }
    for i in 0..gps {
        let org = b.dir.practices[i % b.dir.practices.len()];
        let at = b.person(ContactKind::Gp, Some(org), "praktiserende læge".to_string());
        b.dir.gps.push(at);
    }
    for _ in 0..specialists {
        let title = b.dice.pick(&names::SPECIALTIES).to_string();
        let at = b.person(ContactKind::Specialist, None, title);
        b.dir.specialists.push(at);
    }
    for i in 0..supervisors {
        let org = b.dir.employers[i % b.dir.employers.len()];
        let at = b.person(ContactKind::Other, Some(org), "praktikvejleder".to_string());
        b.dir.supervisors.push(at);
    }
    for i in 0..social {
        let centre = names::SOCIAL_CENTRES[i % names::SOCIAL_CENTRES.len()];
        let district = names::DISTRICTS[(i / 3) % names::DISTRICTS.len()];
        let title = format!("socialrådgiver, {centre} {district}");
        let at = b.person(ContactKind::SocialServices, None, title);
        b.dir.social.push(at);
    }
    for i in 0..bosted {
        let place = names::BOSTEDER[i % names::BOSTEDER.len()];
        let at = b.person(ContactKind::Bosted, None, format!("kontaktperson, {place}"));
        b.dir.bosted.push((at, place));
    }
    for i in 0..interpreters {
        let language = names::LANGUAGES[i % names::LANGUAGES.len()];
        let at = b.person(ContactKind::Interpreter, None, format!("tolk, {language}"));
        b.dir.interpreters.push((at, language));
    }
    for i in 0..colleagues {
        let title = names::COLLEAGUE_TITLES[i % names::COLLEAGUE_TITLES.len()].to_string();
        let at = b.person(ContactKind::Colleague, None, title);
        b.dir.colleagues.push(at);
    }
    b.dir
}

fn practice_name(i: usize) -> String {
    let district = names::DISTRICTS[i % names::DISTRICTS.len()];
    let round = i / names::DISTRICTS.len();
    let base = names::PRACTICES[round % names::PRACTICES.len()];
    match round / names::PRACTICES.len() {
        0 => format!("{base} {district}"),
        n => format!("{base} {district} {}", n + 1),
    }
}

struct Builder<'a> {
    dice: &'a mut Dice,
    dir: Directory,
}

impl Builder<'_> {
    fn push(&mut self, mut contact: Contact) -> usize {
        let at = self.dir.contacts.len();
        contact.id = Directory::id(at);
        self.dir.contacts.push(contact);
        at
    }

    fn organisation(&mut self, kind: ContactKind, name: String, title: &str) -> usize {
        let email = format!("kontakt@{}.example", slug(&name));
        let contact = Contact {
            id: ContactId(0),
            name,
            kind,
            organisation: None,
            title: title.to_string(),
            work_phone: names::work_phone(self.dice),
            email,
            note: String::new(),
        };
        self.push(contact)
    }

    fn person(&mut self, kind: ContactKind, org: Option<usize>, title: String) -> usize {
        let (first, last) = person(self.dice);
        let domain = match org {
            Some(o) => slug(&self.dir.contacts[o].name),
            None => match kind {
                ContactKind::Colleague => "jobcenter".to_string(),
                ContactKind::Interpreter => "tolkeservice".to_string(),
                ContactKind::SocialServices => "socialforvaltningen".to_string(),
                ContactKind::Bosted => slug(title.rsplit(", ").next().unwrap_or("bosted")),
                _ => format!("klinik-{}", slug(last)),
            },
        };
        let email = format!("{}.{}@{domain}.example", slug(first), slug(last));
        // Practices and suppliers answer on their main number; some people have a direct line.
        let work_phone = if org.is_some() && self.dice.chance(500) {
            String::new()
        } else {
            names::work_phone(self.dice)
        };
        let note = match kind {
            ContactKind::Gp if self.dice.chance(300) => "Telefontid 8-9".to_string(),
            ContactKind::Mentor if self.dice.chance(200) => "Bedst på sms".to_string(),
            _ => String::new(),
        };
        let contact = Contact {
            id: ContactId(0),
            name: format!("{first} {last}"),
            kind,
            organisation: org.map(Directory::id),
            title,
            work_phone,
            email,
            note,
        };
        self.push(contact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_table_is_met() {
        assert_eq!(target_count(50), 150);
        assert_eq!(target_count(220), 600);
        assert_eq!(target_count(10_000), 10_000);
        assert_eq!(target_count(20_000), 20_000);
        assert!((300..600).contains(&target_count(120)));
    }

    #[test]
    fn staff_point_at_their_organisation() {
        let dir = generate(50, &mut Dice::new(1, 1));
        assert_eq!(dir.contacts.len(), 150);
        for (s, staff) in dir.suppliers.iter().zip(&dir.staff_by_supplier) {
            assert!(!staff.is_empty());
            for &p in staff {
                assert_eq!(dir.contacts[p].organisation, Some(Directory::id(*s)));
                assert!(matches!(
                    dir.contacts[p].kind,
                    ContactKind::Mentor | ContactKind::Consultant
                ));
            }
        }
        for &g in &dir.gps {
            let org = dir.get(dir.contacts[g].organisation.unwrap()).unwrap();
            assert_eq!(org.kind, ContactKind::Practice);
        }
        for (i, c) in dir.contacts.iter().enumerate() {
            assert_eq!(c.id, Directory::id(i));
            assert!(c.email.ends_with(".example"), "{}", c.email);
        }
    }
}
