//! The case and contact forms, declared on the form kit: one line a field, each known by its
//! label. Pure state and rules; `ui::popups::record_form` draws it.

use crate::app::core::settings::Settings;
use crate::app::form_kit::{Choice, Field, Form};
use crate::i18n::{Lang, Msg, label_contact_kind};
use crate::model::{
    Case, CaseFlags, CaseId, CaseStatus, Contact, ContactId, ContactKind, Phone, Preferences,
};
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
    /// A new case, or an existing one to edit (`case`).
    pub fn case(
        settings: &Settings,
        case: Option<Case>,
        name: &str,
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
            yes_no(Msg::FieldClosed, c.is_some_and(|c| !c.is_active())),
        ];
        RecordForm {
            subject: Subject::Case(case.map(Box::new)),
            form: Form::new(fields, today, lang),
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
        }
    }

    /// A key for the focused field: text types, ←/→ and space change a choice or a yes/no.
    pub fn type_key(&mut self, key: KeyEvent) {
        self.form.type_key(key);
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

    /// The case the form describes. `id` is used for a new case.
    pub fn build_case(
        &self,
        id: u64,
        today: NaiveDate,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Case, Vec<(Msg, String)>> {
        let Subject::Case(original) = &self.subject else {
            return Err(Vec::new());
        };
        let name = self.required_name(lang)?;
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
            network: base.map_or_else(Vec::new, |c| c.network.clone()),
            cadence_override: base.and_then(|c| c.cadence_override.clone()),
            away: base.map_or_else(Vec::new, |c| c.away.clone()),
            status,
            created: base.map_or(now, |c| c.created),
        };
        Ok(case)
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
