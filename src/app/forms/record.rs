//! The case and contact forms: a list of labelled fields (text, choice, yes/no) that Tab walks
//! through. Pure state and rules; `ui::popups::record_form` draws it.

use super::{line_input, text_of};
use crate::app::core::settings::Settings;
use crate::i18n::{Lang, Msg, label_contact_kind};
use crate::model::{
    Case, CaseFlags, CaseId, CaseStatus, Contact, ContactId, ContactKind, FreeText, Phone,
    Preferences,
};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

pub enum Value {
    Text(Box<TextArea<'static>>),
    /// Options as (key, label); `index` is the chosen one.
    Choice {
        options: Vec<(String, String)>,
        index: usize,
    },
    YesNo(bool),
}

pub struct Field {
    pub label: Msg,
    pub value: Value,
}

/// What the form edits.
pub enum Subject {
    Case(Option<Box<Case>>),
    Contact(Option<Box<Contact>>),
}

pub struct RecordForm {
    pub subject: Subject,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

fn text(label: Msg, value: &str) -> Field {
    Field {
        label,
        value: Value::Text(Box::new(line_input(value))),
    }
}

fn yes_no(label: Msg, value: bool) -> Field {
    Field {
        label,
        value: Value::YesNo(value),
    }
}

fn choice(label: Msg, options: Vec<(String, String)>, key: &str) -> Field {
    let index = options.iter().position(|(k, _)| k == key).unwrap_or(0);
    Field {
        label,
        value: Value::Choice { options, index },
    }
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
    pub fn case(settings: &Settings, case: Option<Case>, name: &str) -> RecordForm {
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
            fields,
            focus: 0,
            error: None,
        }
    }

    /// A new contact, or an existing one to edit. `organisations` are the contacts a person
    /// can belong to, as (id, name).
    pub fn contact(
        contact: Option<Contact>,
        organisations: &[(ContactId, String)],
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
            fields,
            focus: 0,
            error: None,
        }
    }

    pub fn next_field(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len();
    }

    pub fn prev_field(&mut self) {
        self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
    }

    /// A key for the focused field: text types, ←/→ and space change a choice or a yes/no.
    pub fn type_key(&mut self, key: KeyEvent) {
        let Some(field) = self.fields.get_mut(self.focus) else {
            return;
        };
        match &mut field.value {
            Value::Text(input) => {
                input.input(key);
            }
            Value::Choice { options, index } => {
                let n = options.len().max(1);
                match key.code {
                    KeyCode::Left => *index = (*index + n - 1) % n,
                    KeyCode::Right | KeyCode::Char(' ') => *index = (*index + 1) % n,
                    _ => {}
                }
            }
            Value::YesNo(on) => {
                if matches!(
                    key.code,
                    KeyCode::Left | KeyCode::Right | KeyCode::Char(' ')
                ) {
                    *on = !*on;
                }
            }
        }
        self.error = None;
    }

    /// Whether the focused field takes typed text.
    pub fn focus_is_text(&self) -> bool {
        matches!(
            self.fields.get(self.focus).map(|f| &f.value),
            Some(Value::Text(_))
        )
    }

    fn text(&self, label: Msg) -> String {
        self.fields
            .iter()
            .find(|f| f.label == label)
            .map_or_else(String::new, |f| match &f.value {
                Value::Text(t) => text_of(t).trim().to_string(),
                Value::Choice { options, index } => options
                    .get(*index)
                    .map_or_else(String::new, |o| o.0.clone()),
                Value::YesNo(on) => on.to_string(),
            })
    }

    fn yes(&self, label: Msg) -> bool {
        self.text(label) == "true"
    }

    /// The case the form describes. `id` is used for a new case.
    pub fn build_case(
        &self,
        id: u64,
        today: NaiveDate,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Case, String> {
        let Subject::Case(original) = &self.subject else {
            return Err(String::new());
        };
        let name = self.text(Msg::FieldName);
        if name.is_empty() {
            return Err(Msg::NameRequired.text(lang).to_string());
        }
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
        no_cpr(&case, lang)?;
        Ok(case)
    }

    /// The contact the form describes. `id` is used for a new contact.
    pub fn build_contact(&self, id: u64, lang: Lang) -> Result<Contact, String> {
        let Subject::Contact(original) = &self.subject else {
            return Err(String::new());
        };
        let name = self.text(Msg::FieldName);
        if name.is_empty() {
            return Err(Msg::NameRequired.text(lang).to_string());
        }
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
        no_cpr(&contact, lang)?;
        Ok(contact)
    }
}

fn no_cpr(record: &dyn FreeText, lang: Lang) -> Result<(), String> {
    for (field, text) in record.free_text() {
        crate::privacy::check_no_cpr(field, text).map_err(|e| crate::i18n::cpr_error(&e, lang))?;
    }
    Ok(())
}
