//! The medical request form: new from the case card (`l`), or an existing request edited from
//! the items popup (`e`), declared on the form kit. Pure state and rules;
//! `ui::popups::request_form` draws it.
//!
//! Above the fields the form lists what is already on file for the case, so nothing is
//! requested twice by accident. The recipient is picked by typing (GP practices, hospital
//! departments, psychiatry, specialists); ←/→ step through the other matches. An empty deadline
//! means the kind's default from the configuration, counted in working days.

use crate::app::form_kit::{Candidate, Choice, Field, Form, Pick, Picker, Refusals, TimeKind};
use crate::app::lookup::items::Items;
use crate::config::Medical;
use crate::domain::chase;
use crate::i18n::{Lang, Msg, label_request_kind};
use crate::model::{CaseId, ContactId, ContactKind, MedicalRequest, RequestId};
use crate::query::card::day_label;
use crate::query::directory::Directory;
use crate::time::format_date;
use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

/// The fields in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestField {
    Kind,
    Recipient,
    Questions,
    Purpose,
    Consent,
    Sent,
    Deadline,
}

/// Contacts a medical request goes to.
pub fn is_medical(kind: ContactKind) -> bool {
    matches!(
        kind,
        ContactKind::Gp
            | ContactKind::Practice
            | ContactKind::Hospital
            | ContactKind::Psychiatry
            | ContactKind::Specialist
    )
}

pub struct RequestForm {
    pub case: CaseId,
    /// The request being edited; `None` for a new one.
    pub original: Option<MedicalRequest>,
    /// The case's other requests, any kind and state, newest first, each with where it stands
    /// (worked out when the form opened).
    pub on_file: Vec<(MedicalRequest, chase::RequestState)>,
    pub form: Form<RequestField>,
    /// The configured medical settings: the deadline a kind gets by default.
    medical: Medical,
    /// The items popup it was opened from: saving and Esc go back there.
    pub back: Option<Items>,
}

impl RequestForm {
    /// A new request for `case`, sent and consented today unless changed.
    pub fn new(
        case: CaseId,
        medical: &Medical,
        lang: Lang,
        on_file: Vec<MedicalRequest>,
        today: NaiveDate,
    ) -> RequestForm {
        RequestForm::declared(case, medical, lang, on_file, today, None, Picker::new())
    }

    /// The form, one line a field; filled from `original` when editing.
    fn declared(
        case: CaseId,
        medical: &Medical,
        lang: Lang,
        mut on_file: Vec<MedicalRequest>,
        today: NaiveDate,
        original: Option<&MedicalRequest>,
        recipient: Picker,
    ) -> RequestForm {
        use RequestField as F;
        on_file.sort_by_key(|r| std::cmp::Reverse((r.sent, r.id)));
        let on_file = on_file
            .into_iter()
            .map(|r| {
                let state = chase::state(&r, today, medical);
                (r, state)
            })
            .collect();
        let mut kinds: Vec<(String, String)> = medical
            .kinds
            .iter()
            .map(|k| {
                (
                    k.key.clone(),
                    k.label(lang, label_request_kind).into_owned(),
                )
            })
            .collect();
        if let Some(r) = original
            && !kinds.iter().any(|(k, _)| *k == r.kind)
        {
            // A kind no longer configured is kept as it is.
            kinds.push((
                r.kind.clone(),
                label_request_kind(&r.kind, lang).into_owned(),
            ));
        }
        let kind = original.map_or("", |r| r.kind.as_str());
        let date = |d: Option<NaiveDate>| d.map(format_date).unwrap_or_default();
        let (consent, sent) = match original {
            Some(r) => (date(r.consent), date(r.sent)),
            None => (format_date(today), format_date(today)),
        };
        // A deadline equal to the kind's default shows as the default (empty).
        let own = original.and_then(|r| match chase::effective_deadline(r, medical) {
            Some((d, crate::domain::reminder::DateSource::OwnDate)) => Some(d),
            _ => None,
        });
        let text = |f: fn(&MedicalRequest) -> &str| original.map_or("", f).to_string();
        let fields = vec![
            Field::choice(F::Kind, Msg::FieldKind, Choice::new(kinds, kind)),
            Field::picker(F::Recipient, Msg::FieldRecipient, recipient)
                .with_hint(Msg::RecipientHint.text(lang).to_string()),
            Field::text(F::Questions, Msg::QuestionsWord, &text(|r| &r.questions)),
            Field::text(F::Purpose, Msg::Purpose, &text(|r| &r.purpose)),
            Field::time(F::Consent, Msg::FieldConsent, TimeKind::PastDate, &consent).optional(),
            Field::time(F::Sent, Msg::FieldSentOn, TimeKind::PastDate, &sent).optional(),
            Field::date(F::Deadline, Msg::Deadline, &date(own))
                .optional()
                .narrow(12),
        ];
        let mut form = RequestForm {
            case,
            original: original.cloned(),
            on_file,
            form: Form::new(fields, today, lang).counting(&medical.days_off),
            medical: medical.clone(),
            back: None,
        };
        if original.is_some() {
            form.form.focus_on(F::Questions);
        }
        form.refresh();
        form
    }

    /// The form filled from `request`; `others` are the case's other requests.
    pub fn edit(
        request: &MedicalRequest,
        medical: &Medical,
        lang: Lang,
        others: Vec<MedicalRequest>,
        today: NaiveDate,
        directory: Option<&Directory>,
    ) -> RequestForm {
        let recipient = request
            .recipient
            .and_then(|id| recipient_label(directory, id).map(|n| (id, n)))
            .map_or_else(Picker::new, |(id, name)| {
                Picker::chosen(Pick::Contact(id), &name, &name)
            });
        RequestForm::declared(
            request.case,
            medical,
            lang,
            others,
            today,
            Some(request),
            recipient,
        )
    }

    pub fn kind_key(&self) -> &str {
        match self.form.choice_key(RequestField::Kind) {
            "" => crate::model::request_kind::OTHER,
            key => key,
        }
    }

    /// The recipient chosen.
    pub fn recipient(&self) -> Option<ContactId> {
        self.form
            .picked(RequestField::Recipient)
            .and_then(Pick::contact)
    }

    /// A key for the focused field: ←/→ change the kind or the chosen recipient, other keys
    /// type into the field.
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        self.form.key(key, &|_, _| recipients(directory));
        self.refresh();
    }

    /// The deadline's aside: the default the kind gives when the field is left empty.
    fn refresh(&mut self) {
        let lang = self.form.lang;
        let typed = !self.form.text(RequestField::Deadline).is_empty();
        let aside = self.default_deadline().map(|(days, date)| {
            let text = Msg::DefaultDeadline
                .text(lang)
                .replace("{n}", &days.to_string())
                .replace("{date}", &day_label(date, lang));
            if typed { format!("({text})") } else { text }
        });
        if let Some(field) = self.form.field_mut(RequestField::Deadline) {
            field.aside = aside;
        }
    }

    /// The chosen recipient's name, as the picker shows it.
    pub fn recipient_name(&self) -> Option<&str> {
        self.form
            .picker(RequestField::Recipient)
            .and_then(Picker::chosen_label)
    }

    /// The deadline the kind gives when the field is left empty: (working days, date), if the
    /// sent date reads.
    pub fn default_deadline(&self) -> Option<(u32, NaiveDate)> {
        let sent = self.form.date(RequestField::Sent).ok()??;
        let kind = self.kind_key();
        Some((
            self.medical.deadline_for(kind),
            chase::deadline(sent, kind, &self.medical),
        ))
    }

    /// The request the form describes, or what is wrong per field. `id` is used for a new one.
    pub fn build(
        &self,
        id: RequestId,
        lang: Lang,
    ) -> Result<MedicalRequest, Refusals<RequestField>> {
        use RequestField as F;
        let mut errors = Vec::new();
        let mut date = |field| {
            self.form
                .date(field)
                .map_err(|message| errors.push((field, message)))
                .ok()
                .flatten()
        };
        let consent = date(F::Consent);
        let sent = date(F::Sent);
        let deadline = date(F::Deadline);
        if let (Some(sent), Some(deadline)) = (sent, deadline)
            && deadline < sent
        {
            errors.push((F::Deadline, Msg::DeadlineBeforeSent.text(lang).to_string()));
        }
        if deadline.is_some() && sent.is_none() && errors.is_empty() {
            errors.push((F::Sent, Msg::DeadlineNeedsSent.text(lang).to_string()));
        }
        let typed_recipient = !self.form.text(F::Recipient).is_empty();
        if typed_recipient && self.recipient().is_none() {
            errors.push((F::Recipient, Msg::NoRecipientMatch.text(lang).to_string()));
        }
        errors.extend(
            self.form
                .cpr_errors()
                .into_iter()
                .filter(|(f, _)| *f != F::Recipient),
        );
        if !errors.is_empty() {
            return Err(errors);
        }
        let base = self.original.clone();
        Ok(MedicalRequest {
            id: base.as_ref().map_or(id, |r| r.id),
            case: self.case,
            kind: self.kind_key().to_string(),
            recipient: self.recipient().filter(|_| typed_recipient),
            questions: self.form.text(F::Questions),
            purpose: self.form.text(F::Purpose),
            consent,
            sent,
            deadline,
            chases: base.as_ref().map_or_else(Vec::new, |r| r.chases.clone()),
            received: base.as_ref().and_then(|r| r.received),
            acted_on: base.as_ref().and_then(|r| r.acted_on),
            withdrawn: base.as_ref().and_then(|r| r.withdrawn),
        })
    }
}

/// The medical contacts as a picker's candidates.
fn recipients(directory: Option<&Directory>) -> Vec<Candidate> {
    directory.map_or_else(Vec::new, |d| {
        d.contacts
            .iter()
            .filter(|c| is_medical(c.kind))
            .map(|c| Candidate {
                pick: Pick::Contact(c.id),
                label: contact_label(&c.name, &c.organisation),
                haystack: format!("{} {}", c.name, c.organisation),
            })
            .collect()
    })
}

/// A contact's name from the directory, with its organisation.
pub fn recipient_label(directory: Option<&Directory>, id: ContactId) -> Option<String> {
    directory?
        .contacts
        .iter()
        .find(|c| c.id == id)
        .map(|c| contact_label(&c.name, &c.organisation))
}

fn contact_label(name: &str, organisation: &str) -> String {
    if organisation.is_empty() {
        name.to_string()
    } else {
        format!("{name} ({organisation})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::request_kind;
    use crate::query::directory::ContactEntry;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 24)
    }

    fn directory() -> Directory {
        let contact = |id, name: &str, kind| ContactEntry {
            id: ContactId(id),
            name: name.into(),
            kind,
            organisation: String::new(),
        };
        Directory {
            cases: Vec::new(),
            contacts: vec![
                contact(1, "Lægehuset Nørrebro", ContactKind::Practice),
                contact(2, "Lægehuset Jobfokus", ContactKind::Supplier),
                contact(3, "Psykiatrisk afd. P3", ContactKind::Psychiatry),
            ],
        }
    }

    fn form() -> RequestForm {
        RequestForm::new(
            CaseId(7),
            &Medical::default(),
            Lang::Da,
            Vec::new(),
            today(),
        )
    }

    fn type_in(f: &mut RequestForm, field: RequestField, text: &str, dir: Option<&Directory>) {
        f.form.focus_on(field);
        for c in text.chars() {
            f.type_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE), dir);
        }
    }

    #[test]
    fn a_new_request_is_sent_today_with_the_kinds_default_deadline() {
        let f = form();
        assert_eq!(f.kind_key(), request_kind::STATUSATTEST);
        // Tue 24 Nov + 10 working days = Tue 8 Dec.
        assert_eq!(f.default_deadline(), Some((10, d(2026, 12, 8))));
        let aside = f
            .form
            .field(RequestField::Deadline)
            .and_then(|x| x.aside.clone());
        assert!(aside.is_some_and(|a| a.contains("08.12")));
        let r = f.build(RequestId(40), Lang::En).unwrap();
        assert_eq!((r.id, r.case), (RequestId(40), CaseId(7)));
        assert_eq!((r.sent, r.consent), (Some(today()), Some(today())));
        assert_eq!(r.deadline, None, "empty means the default");
        assert!(r.is_open());
    }

    #[test]
    fn the_recipient_is_picked_among_medical_contacts_only() {
        let mut f = form();
        let dir = directory();
        type_in(&mut f, RequestField::Recipient, "lægehuset", Some(&dir));
        assert_eq!(f.recipient(), Some(ContactId(1)));
        let matches = f
            .form
            .picker(RequestField::Recipient)
            .map(|p| p.matches().len());
        assert_eq!(matches, Some(1), "the supplier is not offered");
        assert_eq!(f.recipient_name(), Some("Lægehuset Nørrebro"));
        let r = f.build(RequestId(1), Lang::Da).unwrap();
        assert_eq!(r.recipient, Some(ContactId(1)));
        // Typing something no medical contact matches is an error under the field.
        f.form.set_text(RequestField::Recipient, "");
        type_in(&mut f, RequestField::Recipient, "xyzzy", Some(&dir));
        let errors = f.build(RequestId(1), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Recipient);
    }

    #[test]
    fn dates_are_read_and_wrong_ones_are_named_under_their_field() {
        let mut f = form();
        f.form.set_text(RequestField::Sent, "20/11");
        f.form.set_text(RequestField::Deadline, "4/12");
        let r = f.build(RequestId(1), Lang::Da).unwrap();
        assert_eq!(r.sent, Some(d(2026, 11, 20)));
        assert_eq!(r.deadline, Some(d(2026, 12, 4)));
        f.form.set_text(RequestField::Deadline, "19.11.2026");
        let errors = f.build(RequestId(1), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Deadline);
        f.form.set_text(RequestField::Consent, "blabla");
        let errors = f.build(RequestId(1), Lang::Da).unwrap_err();
        assert!(errors.iter().any(|e| e.0 == RequestField::Consent));
    }

    #[test]
    fn sent_and_consent_dates_without_a_year_lie_in_the_past() {
        let mut f = form();
        f.form.set_text(RequestField::Consent, "3/1");
        f.form.set_text(RequestField::Sent, "20/11");
        let r = f.build(RequestId(1), Lang::Da).unwrap();
        assert_eq!(r.consent, Some(d(2026, 1, 3)));
        assert_eq!(r.sent, Some(d(2026, 11, 20)));
    }

    #[test]
    fn a_cpr_number_in_the_questions_is_refused() {
        let mut f = form();
        f.form
            .set_text(RequestField::Questions, "Borger 010190-1234 kan arbejde?");
        let errors = f.build(RequestId(1), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Questions);
        f.form
            .set_text(RequestField::Questions, "Kan borgeren arbejde 10 timer?");
        f.form.set_text(RequestField::Purpose, "0101901234");
        let errors = f.build(RequestId(1), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Purpose);
    }

    #[test]
    fn editing_keeps_the_log_and_shows_a_default_deadline_as_empty() {
        let medical = Medical::default();
        let mut f = form();
        f.form.set_text(RequestField::Questions, "Arbejdsevne?");
        let mut r = f.build(RequestId(9), Lang::Da).unwrap();
        r.chases.push(crate::model::ChaseEntry {
            at: chrono::Utc::now(),
            channel: crate::model::Channel::Phone,
            reached: "sekretær".into(),
            note: String::new(),
        });
        r.deadline = Some(d(2026, 12, 8));
        let edit = RequestForm::edit(&r, &medical, Lang::Da, Vec::new(), today(), None);
        assert_eq!(edit.form.text(RequestField::Deadline), "");
        assert_eq!(edit.form.text(RequestField::Questions), "Arbejdsevne?");
        assert_eq!(edit.form.focused(), Some(RequestField::Questions));
        let again = edit.build(RequestId(99), Lang::Da).unwrap();
        assert_eq!(again.id, RequestId(9));
        assert_eq!(again.chases, r.chases);
    }
}
