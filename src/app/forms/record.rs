//! The case and contact forms, declared on the form kit: one line a field, each known by its
//! label. Pure state and rules; `ui::popups::record_form` draws it.

use crate::app::core::settings::Settings;
use crate::app::form_kit::{Candidates, Choice, Field, Form, ListField, Pick, Picker, Refusals};
use crate::i18n::{Lang, Msg, label_away_reason, label_contact_kind, label_network_role};
use crate::model::{
    AwayPeriod, AwayReason, CadenceOverride, Case, CaseFlags, CaseId, CaseStatus, Contact,
    ContactId, ContactKind, NetworkLink, Phone, Preferences, network_role,
};
use crate::time::{format_date, parse_every_days};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyEvent;

/// What the form edits.
pub enum Subject {
    Case(Option<Box<Case>>),
    Contact(Option<Box<Contact>>),
}

/// The fields are known by their labels.
pub struct RecordForm {
    pub subject: Subject,
    pub form: Form<Msg>,
    /// Contacts typed into the case's network that were not there yet: created when the case
    /// is saved (while a row still names them).
    pub new_contacts: Vec<Contact>,
}

/// The roles offered in a network row, as (key, label).
fn role_options(lang: Lang) -> Vec<(String, String)> {
    network_role::ALL
        .iter()
        .map(|r| (r.to_string(), label_network_role(r, lang).into_owned()))
        .collect()
}

/// A network row: the contact (picked, or a new name) and its role.
fn network_row(link: Option<(&NetworkLink, &str)>, lang: Lang) -> Vec<Field<Msg>> {
    let mut roles = Choice::new(role_options(lang), network_role::GP);
    let picker = match link {
        Some((link, name)) => {
            roles.select_or_add(&link.role, &label_network_role(&link.role, lang));
            Picker::chosen(Pick::Contact(link.contact), name, name)
        }
        None => Picker::new(),
    };
    vec![
        Field::picker(Msg::Contact, Msg::Contact, picker),
        Field::choice(Msg::FieldRole, Msg::FieldRole, roles),
    ]
}

/// An away row: from, to, why, a note.
fn away_row(away: Option<&AwayPeriod>, lang: Lang) -> Vec<Field<Msg>> {
    let reasons = AwayReason::ALL
        .iter()
        .map(|r| label_away_reason(*r, lang).to_string());
    let index = away.map_or(0, |a| {
        AwayReason::ALL
            .iter()
            .position(|r| *r == a.reason)
            .unwrap_or(0)
    });
    let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
    vec![
        Field::date(Msg::FieldFrom, Msg::FieldFrom, &date(away.map(|a| a.from))),
        Field::date(Msg::FieldTo, Msg::FieldTo, &date(away.map(|a| a.to))),
        Field::choice(
            Msg::FieldReason,
            Msg::FieldReason,
            Choice::indexed(reasons, index),
        ),
        Field::text(Msg::Note, Msg::Note, away.map_or("", |a| a.note.as_str())),
    ]
}

fn text(label: Msg, value: &str) -> Field<Msg> {
    Field::text(label, label, value)
}

fn yes_no(label: Msg, value: bool) -> Field<Msg> {
    Field::toggle(label, label, value)
}

fn choice(label: Msg, options: Vec<(String, String)>, key: &str) -> Field<Msg> {
    Field::choice(label, label, Choice::new(options, key))
}

/// Phones as typed: "+45 20 12 34 56, 31 22 33 44".
fn phones_text(phones: &[Phone]) -> String {
    phones
        .iter()
        .map(|p| p.number.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl RecordForm {
    /// A new case, or an existing one to edit (`case`). `contact_name` names a contact of
    /// its network as the network rows show it.
    pub fn case(
        settings: &Settings,
        case: Option<Case>,
        name: &str,
        contact_name: &dyn Fn(ContactId) -> String,
        today: NaiveDate,
        lang: Lang,
    ) -> RecordForm {
        let c = case.as_ref();
        let get = |f: fn(&Case) -> &str| c.map_or("", f).to_string();
        let flags = c.map(|c| c.flags.clone()).unwrap_or_default();
        let fields = vec![
            text(
                Msg::FieldName,
                &c.map_or_else(|| name.to_string(), |c| c.name.clone()),
            ),
            text(Msg::FieldAlias, &get(|c| &c.alias)),
            text(Msg::FieldReference, &get(|c| &c.reference)),
            choice(
                Msg::TargetGroup,
                settings.target_groups.clone(),
                c.map_or(crate::model::target_group::AKTIVITETSPARAT, |c| {
                    c.target_group.as_str()
                }),
            ),
            text(
                Msg::FieldPhones,
                &c.map_or_else(String::new, |c| phones_text(&c.phones)),
            ),
            yes_no(Msg::FieldSos, flags.sos),
            yes_no(Msg::FlagNoWorkingPhone, flags.no_working_phone),
            text(Msg::FieldReachVia, &get(|c| &c.reach_via)),
            text(
                Msg::FieldInterpreter,
                flags.interpreter.as_deref().unwrap_or(""),
            ),
            yes_no(Msg::FlagCallBeforeSummons, flags.call_before_summons),
            text(Msg::WhereNow, &get(|c| &c.where_now)),
            text(Msg::NextStep, &get(|c| &c.next_step)),
            text(Msg::PlanB, &get(|c| &c.plan_b)),
            text(Msg::LastTold, &get(|c| &c.last_told)),
            text(Msg::FieldPrefTime, &get(|c| &c.preferences.time_of_day)),
            text(Msg::FieldPrefPlace, &get(|c| &c.preferences.place)),
            text(Msg::FieldPrefChannel, &get(|c| &c.preferences.channel)),
            Field::list(
                Msg::Network,
                Msg::Network,
                ListField::new(
                    network_row(None, lang),
                    c.map_or_else(Vec::new, |c| {
                        c.network
                            .iter()
                            .map(|l| network_row(Some((l, &contact_name(l.contact))), lang))
                            .collect()
                    }),
                    today,
                    lang,
                ),
            ),
            Field::list(
                Msg::FieldAway,
                Msg::FieldAway,
                ListField::new(
                    away_row(None, lang),
                    c.map_or_else(Vec::new, |c| {
                        c.away.iter().map(|a| away_row(Some(a), lang)).collect()
                    }),
                    today,
                    lang,
                ),
            ),
            text(
                Msg::FieldOwnCadence,
                &c.and_then(|c| c.cadence_override.as_ref())
                    .map_or_else(String::new, |o| o.every_days.to_string()),
            )
            .with_hint(Msg::OwnCadenceHint.text(lang).to_string()),
            Field::date(
                Msg::FieldCadenceUntil,
                Msg::FieldCadenceUntil,
                &c.and_then(|c| c.cadence_override.as_ref())
                    .and_then(|o| o.until)
                    .map(format_date)
                    .unwrap_or_default(),
            )
            .optional(),
            yes_no(Msg::FieldClosed, c.is_some_and(|c| !c.is_active())),
        ];
        RecordForm {
            subject: Subject::Case(case.map(Box::new)),
            form: Form::new(fields, today, lang).counting(&settings.hours.days_off),
            new_contacts: Vec::new(),
        }
    }

    /// A new contact, or an existing one to edit. `organisations` are the contacts a person
    /// can belong to, as (id, name).
    pub fn contact(
        contact: Option<Contact>,
        organisations: &[(ContactId, String)],
        today: NaiveDate,
        lang: Lang,
    ) -> RecordForm {
        let c = contact.as_ref();
        let kinds: Vec<(String, String)> = ContactKind::ALL
            .iter()
            .map(|k| (format!("{k:?}"), label_contact_kind(*k, lang).to_string()))
            .collect();
        let mut orgs = vec![(String::new(), "—".to_string())];
        orgs.extend(
            organisations
                .iter()
                .filter(|(id, _)| c.is_none_or(|c| c.id != *id))
                .map(|(id, n)| (id.0.to_string(), n.clone())),
        );
        let org_key = c
            .and_then(|c| c.organisation)
            .map_or_else(String::new, |o| o.0.to_string());
        let get = |f: fn(&Contact) -> &str| c.map_or("", f).to_string();
        let fields = vec![
            text(Msg::FieldName, &get(|c| &c.name)),
            choice(
                Msg::FieldKind,
                kinds,
                &c.map_or_else(|| "Consultant".to_string(), |c| format!("{:?}", c.kind)),
            ),
            choice(Msg::FieldOrganisation, orgs, &org_key),
            text(Msg::FieldJobTitle, &get(|c| &c.title)),
            text(Msg::FieldWorkPhone, &get(|c| &c.work_phone)),
            text(Msg::EmailLabel, &get(|c| &c.email)),
            text(Msg::FieldNote, &get(|c| &c.note)),
        ];
        RecordForm {
            subject: Subject::Contact(contact.map(Box::new)),
            form: Form::new(fields, today, lang),
            new_contacts: Vec::new(),
        }
    }

    /// A key for the focused field: text types, ←/→ and space change a choice or a yes/no, a
    /// picker in a network row filters `candidates`.
    pub fn type_key(&mut self, key: KeyEvent, candidates: Candidates<'_, Msg>) {
        self.form.key(key, candidates);
    }

    /// A network row kept with a name that matches no contact names a new contact: it gets
    /// `id` (when one is at hand) and is created with the case. Returns whether `id` was used.
    pub fn adopt_new_contact(&mut self, id: Option<u64>) -> bool {
        let lang = self.form.lang;
        let Some(id) = id else {
            return false;
        };
        let Some(list) = self.form.list_mut(Msg::Network) else {
            return false;
        };
        for row in list.rows_mut() {
            let typed = row.text(Msg::Contact);
            if row.picked(Msg::Contact).is_some() || typed.is_empty() {
                continue;
            }
            let role = row.choice_key(Msg::FieldRole).to_string();
            let label = format!("{typed} ({})", Msg::NewWord.text(lang));
            if let Some(p) = row.picker_mut(Msg::Contact) {
                *p = Picker::chosen(Pick::Contact(ContactId(id)), &typed, &label);
            }
            self.new_contacts.push(Contact {
                id: ContactId(id),
                name: typed,
                kind: network_role::contact_kind(&role),
                organisation: None,
                title: String::new(),
                work_phone: String::new(),
                email: String::new(),
                note: String::new(),
            });
            return true;
        }
        false
    }

    /// A text field's text, a choice's key, or "true"/"false" for a yes/no.
    fn text(&self, label: Msg) -> String {
        if self.form.choice(label).is_some() {
            return self.form.choice_key(label).to_string();
        }
        self.form.text(label)
    }

    fn yes(&self, label: Msg) -> bool {
        self.form.toggle(label)
    }

    /// The case the form describes, and the contacts typed into its network that are new.
    /// `id` is used for a new case.
    pub fn build_case(
        &self,
        id: u64,
        today: NaiveDate,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<(Case, Vec<Contact>), Refusals<Msg>> {
        let Subject::Case(original) = &self.subject else {
            return Err(Vec::new());
        };
        let name = self.required_name(lang)?;
        let (network, away, cadence_override) = self.case_lists(lang)?;
        let new_contacts = self
            .new_contacts
            .iter()
            .filter(|c| network.iter().any(|l| l.contact == c.id))
            .cloned()
            .collect();
        let old_phones = original.as_ref().map_or(&[][..], |c| &c.phones[..]);
        let phones = self
            .text(Msg::FieldPhones)
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(|number| {
                // A number kept as it was keeps its "confirmed" and where it came from.
                old_phones
                    .iter()
                    .find(|p| p.number == number)
                    .cloned()
                    .unwrap_or(Phone {
                        number: number.to_string(),
                        confirmed: false,
                        source: String::new(),
                    })
            })
            .collect();
        let interpreter = Some(self.text(Msg::FieldInterpreter)).filter(|l| !l.is_empty());
        let closed = self.yes(Msg::FieldClosed);
        let status = match (closed, original.as_ref().map(|c| c.status)) {
            (true, Some(CaseStatus::Closed(on))) => CaseStatus::Closed(on),
            (true, _) => CaseStatus::Closed(today),
            (false, _) => CaseStatus::Active,
        };
        let base = original.as_deref();
        let case = Case {
            id: base.map_or(CaseId(id), |c| c.id),
            name,
            alias: self.text(Msg::FieldAlias),
            reference: self.text(Msg::FieldReference),
            phones,
            target_group: self.text(Msg::TargetGroup),
            flags: CaseFlags {
                sos: self.yes(Msg::FieldSos),
                no_working_phone: self.yes(Msg::FlagNoWorkingPhone),
                interpreter,
                call_before_summons: self.yes(Msg::FlagCallBeforeSummons),
            },
            reach_via: self.text(Msg::FieldReachVia),
            preferences: Preferences {
                time_of_day: self.text(Msg::FieldPrefTime),
                place: self.text(Msg::FieldPrefPlace),
                channel: self.text(Msg::FieldPrefChannel),
            },
            where_now: self.text(Msg::WhereNow),
            next_step: self.text(Msg::NextStep),
            plan_b: self.text(Msg::PlanB),
            last_told: self.text(Msg::LastTold),
            network,
            cadence_override,
            away,
            status,
            created: base.map_or(now, |c| c.created),
        };
        Ok((case, new_contacts))
    }

    /// The network, the away periods and the case's own cadence as typed; or why they do not
    /// read.
    #[allow(clippy::type_complexity)]
    fn case_lists(
        &self,
        lang: Lang,
    ) -> Result<(Vec<NetworkLink>, Vec<AwayPeriod>, Option<CadenceOverride>), Vec<(Msg, String)>>
    {
        let mut errors = Vec::new();
        let network = self.form.list(Msg::Network).map_or_else(Vec::new, |l| {
            l.rows()
                .iter()
                .filter_map(|row| {
                    let contact = row.picked(Msg::Contact).and_then(Pick::contact)?;
                    Some(NetworkLink {
                        contact,
                        role: row.choice_key(Msg::FieldRole).to_string(),
                    })
                })
                .collect()
        });
        let mut away = Vec::new();
        for row in self.form.list(Msg::FieldAway).map_or(&[][..], |l| l.rows()) {
            match (row.date(Msg::FieldFrom), row.date(Msg::FieldTo)) {
                (Ok(Some(from)), Ok(Some(to))) if to >= from => away.push(AwayPeriod {
                    from,
                    to,
                    reason: AwayReason::ALL
                        .get(row.index(Msg::FieldReason))
                        .copied()
                        .unwrap_or(AwayReason::Other),
                    note: row.text(Msg::Note),
                }),
                (Ok(Some(_)), Ok(Some(_))) => errors.push((
                    Msg::FieldAway,
                    Msg::AwayEndsBeforeStart.text(lang).to_string(),
                )),
                (Err(e), _) | (_, Err(e)) => errors.push((Msg::FieldAway, e)),
                _ => {}
            }
        }
        away.sort_by_key(|a| a.from);
        let every = self.form.text(Msg::FieldOwnCadence);
        let until = self.form.date(Msg::FieldCadenceUntil);
        let cadence_override = if every.is_empty() {
            None
        } else {
            match parse_every_days(&every) {
                Some(every_days) => Some(CadenceOverride {
                    every_days,
                    until: until.clone().ok().flatten(),
                }),
                None => {
                    errors.push((
                        Msg::FieldOwnCadence,
                        Msg::OwnCadenceNotRead.text(lang).replace("{text}", &every),
                    ));
                    None
                }
            }
        };
        if let Err(e) = until {
            errors.push((Msg::FieldCadenceUntil, e));
        }
        if errors.is_empty() {
            Ok((network, away, cadence_override))
        } else {
            Err(errors)
        }
    }

    /// The contact the form describes. `id` is used for a new contact.
    pub fn build_contact(&self, id: u64, lang: Lang) -> Result<Contact, Vec<(Msg, String)>> {
        let Subject::Contact(original) = &self.subject else {
            return Err(Vec::new());
        };
        let name = self.required_name(lang)?;
        let kind_key = self.text(Msg::FieldKind);
        let kind = ContactKind::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == kind_key)
            .unwrap_or(ContactKind::Other);
        let organisation = self
            .text(Msg::FieldOrganisation)
            .parse()
            .ok()
            .map(ContactId);
        let contact = Contact {
            id: original.as_ref().map_or(ContactId(id), |c| c.id),
            name,
            kind,
            organisation,
            title: self.text(Msg::FieldJobTitle),
            work_phone: self.text(Msg::FieldWorkPhone),
            email: self.text(Msg::EmailLabel),
            note: self.text(Msg::FieldNote),
        };
        Ok(contact)
    }

    /// The name, which identifies the record; or why the form cannot be saved: no name, or a
    /// CPR number in a field.
    fn required_name(&self, lang: Lang) -> Result<String, Vec<(Msg, String)>> {
        let mut errors = Vec::new();
        let name = self.text(Msg::FieldName);
        if name.is_empty() {
            errors.push((Msg::FieldName, Msg::NameRequired.text(lang).to_string()));
        }
        errors.extend(self.form.cpr_errors());
        if errors.is_empty() {
            Ok(name)
        } else {
            Err(errors)
        }
    }
}
