//! The medical request form: new from the case card (`l`), or an existing request edited from
//! the items popup (`e`). Pure state and rules; `ui::popups::request_form` draws it.
//!
//! Above the fields the form lists what is already on file for the case, so nothing is
//! requested twice by accident. The recipient is picked by typing (GP practices, hospital
//! departments, psychiatry, specialists); ←/→ step through the other matches. An empty deadline
//! means the kind's default from the configuration, counted in working days.

use super::{line_input, text_of};
use crate::app::lookup::items::Items;
use crate::config::Medical;
use crate::domain::chase;
use crate::i18n::{Lang, Msg, cpr_error, label_request_kind, parse_error};
use crate::model::{CaseId, ContactId, ContactKind, FreeText, MedicalRequest, RequestId};
use crate::privacy::check_no_cpr;
use crate::query::directory::Directory;
use crate::search::{Fuzzy, rank};
use crate::time::{format_date, parse_date};
use chrono::NaiveDate;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui_textarea::TextArea;

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

impl RequestField {
    pub const ALL: [RequestField; 7] = [
        RequestField::Kind,
        RequestField::Recipient,
        RequestField::Questions,
        RequestField::Purpose,
        RequestField::Consent,
        RequestField::Sent,
        RequestField::Deadline,
    ];

    pub fn label(self) -> Msg {
        match self {
            RequestField::Kind => Msg::FieldKind,
            RequestField::Recipient => Msg::FieldRecipient,
            RequestField::Questions => Msg::QuestionsWord,
            RequestField::Purpose => Msg::Purpose,
            RequestField::Consent => Msg::FieldConsent,
            RequestField::Sent => Msg::FieldSentOn,
            RequestField::Deadline => Msg::Deadline,
        }
    }
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

/// How many recipient matches the form shows.
const PICKER_ROWS: usize = 4;

pub struct RequestForm {
    pub case: CaseId,
    /// The request being edited; `None` for a new one.
    pub original: Option<MedicalRequest>,
    /// The case's other requests, any kind and state, newest first.
    pub on_file: Vec<MedicalRequest>,
    pub focus: RequestField,
    /// The configured kinds as (key, label).
    pub kinds: Vec<(String, String)>,
    pub kind: usize,
    pub recipient_input: TextArea<'static>,
    pub recipient: Option<ContactId>,
    /// Best matches for the typed recipient, best first, as (id, "name (organisation)").
    pub recipient_matches: Vec<(ContactId, String)>,
    pub questions: TextArea<'static>,
    pub purpose: TextArea<'static>,
    pub consent: TextArea<'static>,
    pub sent: TextArea<'static>,
    pub deadline: TextArea<'static>,
    /// Why the last save was refused, per field.
    pub errors: Vec<(RequestField, String)>,
    /// The items popup it was opened from: saving and Esc go back there.
    pub back: Option<Items>,
}

impl RequestForm {
    /// A new request for `case`, sent and consented today unless changed.
    pub fn new(
        case: CaseId,
        medical: &Medical,
        lang: Lang,
        mut on_file: Vec<MedicalRequest>,
        today: NaiveDate,
    ) -> RequestForm {
        on_file.sort_by_key(|r| std::cmp::Reverse((r.sent, r.id)));
        let kinds: Vec<(String, String)> = medical
            .kinds
            .iter()
            .map(|k| {
                (
                    k.key.clone(),
                    k.label(lang, label_request_kind).into_owned(),
                )
            })
            .collect();
        RequestForm {
            case,
            original: None,
            on_file,
            focus: RequestField::Kind,
            kinds,
            kind: 0,
            recipient_input: line_input(""),
            recipient: None,
            recipient_matches: Vec::new(),
            questions: line_input(""),
            purpose: line_input(""),
            consent: line_input(&format_date(today)),
            sent: line_input(&format_date(today)),
            deadline: line_input(""),
            errors: Vec::new(),
            back: None,
        }
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
        let mut form = RequestForm::new(request.case, medical, lang, others, today);
        if !form.kinds.iter().any(|(k, _)| *k == request.kind) {
            // A kind no longer configured is kept as it is.
            form.kinds.push((
                request.kind.clone(),
                label_request_kind(&request.kind, lang).into_owned(),
            ));
        }
        form.kind = form
            .kinds
            .iter()
            .position(|(k, _)| *k == request.kind)
            .unwrap_or(0);
        form.recipient = request.recipient;
        if let Some((id, name)) = request
            .recipient
            .and_then(|id| recipient_label(directory, id).map(|n| (id, n)))
        {
            form.recipient_input = line_input(&name);
            form.recipient_matches = vec![(id, name)];
        }
        let date = |d: Option<NaiveDate>| line_input(&d.map(format_date).unwrap_or_default());
        form.questions = line_input(&request.questions);
        form.purpose = line_input(&request.purpose);
        form.consent = date(request.consent);
        form.sent = date(request.sent);
        // A deadline equal to the kind's default shows as the default (empty).
        let own = match chase::effective_deadline(request, medical) {
            Some((d, crate::domain::reminder::DateSource::OwnDate)) => Some(d),
            _ => None,
        };
        form.deadline = date(own);
        form.focus = RequestField::Questions;
        form.original = Some(request.clone());
        form
    }

    pub fn kind_key(&self) -> &str {
        self.kinds
            .get(self.kind)
            .map_or(crate::model::request_kind::OTHER, |(k, _)| k.as_str())
    }

    pub fn next_field(&mut self) {
        self.focus = step(self.focus, 1);
    }

    pub fn prev_field(&mut self) {
        self.focus = step(self.focus, -1);
    }

    /// A key for the focused field: ←/→ change the kind or the chosen recipient, other keys
    /// type into the field.
    pub fn type_key(&mut self, key: KeyEvent, directory: Option<&Directory>) {
        let sideways = match key.code {
            KeyCode::Left => Some(-1),
            KeyCode::Right => Some(1),
            _ => None,
        };
        match (self.focus, sideways) {
            (RequestField::Kind, Some(d)) => self.kind = step_index(self.kinds.len(), self.kind, d),
            (RequestField::Kind, None) => return,
            (RequestField::Recipient, Some(d)) if !self.recipient_matches.is_empty() => {
                let i = self
                    .recipient_matches
                    .iter()
                    .position(|(id, _)| Some(*id) == self.recipient)
                    .unwrap_or(0);
                let next = step_index(self.recipient_matches.len(), i, d);
                self.recipient = self.recipient_matches.get(next).map(|(id, _)| *id);
            }
            (field, _) => {
                let Some(input) = self.input_mut(field) else {
                    return;
                };
                if !input.input(key) {
                    return;
                }
                if field == RequestField::Recipient {
                    self.match_recipients(directory);
                }
            }
        }
        self.errors.clear();
    }

    fn input_mut(&mut self, field: RequestField) -> Option<&mut TextArea<'static>> {
        Some(match field {
            RequestField::Kind => return None,
            RequestField::Recipient => &mut self.recipient_input,
            RequestField::Questions => &mut self.questions,
            RequestField::Purpose => &mut self.purpose,
            RequestField::Consent => &mut self.consent,
            RequestField::Sent => &mut self.sent,
            RequestField::Deadline => &mut self.deadline,
        })
    }

    fn match_recipients(&mut self, directory: Option<&Directory>) {
        let query = text_of(&self.recipient_input);
        let Some(directory) = directory else { return };
        if query.trim().is_empty() {
            self.recipient_matches.clear();
            self.recipient = None;
            return;
        }
        let medical: Vec<_> = directory
            .contacts
            .iter()
            .filter(|c| is_medical(c.kind))
            .collect();
        let hits = rank(
            &Fuzzy::default(),
            medical.iter().copied(),
            |c| format!("{} {}", c.name, c.organisation),
            &query,
        );
        self.recipient_matches = hits
            .iter()
            .take(PICKER_ROWS)
            .map(|(i, _)| {
                let c = medical[*i];
                (c.id, contact_label(&c.name, &c.organisation))
            })
            .collect();
        self.recipient = self.recipient_matches.first().map(|(id, _)| *id);
    }

    /// The chosen recipient's name, as the picker shows it.
    pub fn recipient_name(&self) -> Option<&str> {
        let id = self.recipient?;
        self.recipient_matches
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, name)| name.as_str())
    }

    /// The deadline the kind gives when the field is left empty: (working days, date), if the
    /// sent date reads.
    pub fn default_deadline(
        &self,
        today: NaiveDate,
        medical: &Medical,
    ) -> Option<(u32, NaiveDate)> {
        let sent = parse_past_date(text_of(&self.sent).trim(), today).ok()?;
        let kind = self.kind_key();
        Some((
            medical.deadline_for(kind),
            chase::deadline(sent, kind, medical),
        ))
    }

    /// The request the form describes, or what is wrong per field. `id` is used for a new one.
    pub fn build(
        &self,
        id: RequestId,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<MedicalRequest, Vec<(RequestField, String)>> {
        let mut errors = Vec::new();
        let mut date = |field: RequestField, input: &TextArea<'_>, past: bool| {
            let text = text_of(input);
            if text.trim().is_empty() {
                return None;
            }
            let parsed = if past {
                parse_past_date(text.trim(), today)
            } else {
                parse_date(text.trim(), today)
            };
            parsed
                .map_err(|e| errors.push((field, parse_error(&e, lang))))
                .ok()
        };
        let consent = date(RequestField::Consent, &self.consent, true);
        let sent = date(RequestField::Sent, &self.sent, true);
        let deadline = date(RequestField::Deadline, &self.deadline, false);
        if let (Some(sent), Some(deadline)) = (sent, deadline)
            && deadline < sent
        {
            errors.push((
                RequestField::Deadline,
                Msg::DeadlineBeforeSent.text(lang).to_string(),
            ));
        }
        if deadline.is_some() && sent.is_none() && errors.is_empty() {
            errors.push((
                RequestField::Sent,
                Msg::DeadlineNeedsSent.text(lang).to_string(),
            ));
        }
        let typed_recipient = !text_of(&self.recipient_input).trim().is_empty();
        if typed_recipient && self.recipient.is_none() {
            errors.push((
                RequestField::Recipient,
                Msg::NoRecipientMatch.text(lang).to_string(),
            ));
        }
        let base = self.original.clone();
        let request = MedicalRequest {
            id: base.as_ref().map_or(id, |r| r.id),
            case: self.case,
            kind: self.kind_key().to_string(),
            recipient: self.recipient.filter(|_| typed_recipient),
            questions: text_of(&self.questions).trim().to_string(),
            purpose: text_of(&self.purpose).trim().to_string(),
            consent,
            sent,
            deadline,
            chases: base.as_ref().map_or_else(Vec::new, |r| r.chases.clone()),
            received: base.as_ref().and_then(|r| r.received),
            acted_on: base.as_ref().and_then(|r| r.acted_on),
            withdrawn: base.as_ref().and_then(|r| r.withdrawn),
        };
        for (field, text) in request.free_text() {
            if let Err(e) = check_no_cpr(field, text) {
                let at = match field {
                    "purpose" => RequestField::Purpose,
                    _ => RequestField::Questions,
                };
                errors.push((at, cpr_error(&e, lang)));
            }
        }
        if errors.is_empty() {
            Ok(request)
        } else {
            Err(errors)
        }
    }
}

/// A date that has usually passed (consent, sent): a day and month without a year is the
/// latest such date on or before today, not the next one. Dates within a week ahead ("fre",
/// "i morgen", "+3d") are kept as typed.
pub fn parse_past_date(text: &str, today: NaiveDate) -> Result<NaiveDate, crate::time::ParseError> {
    let date = parse_date(text, today)?;
    if date <= today + chrono::Duration::days(7) {
        return Ok(date);
    }
    // Read again a year earlier: a year-less day and month moves back by exactly a year.
    let year_ago = today
        .checked_sub_months(chrono::Months::new(12))
        .unwrap_or(today);
    match parse_date(text, year_ago) {
        Ok(earlier)
            if earlier <= today
                && date.checked_sub_months(chrono::Months::new(12)) == Some(earlier) =>
        {
            Ok(earlier)
        }
        _ => Ok(date),
    }
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

fn step(current: RequestField, delta: i32) -> RequestField {
    let all = RequestField::ALL;
    let i = all.iter().position(|f| *f == current).unwrap_or(0);
    all[step_index(all.len(), i, delta)]
}

fn step_index(len: usize, i: usize, delta: i32) -> usize {
    if len == 0 {
        return 0;
    }
    let len = len as i64;
    ((i as i64 + i64::from(delta)).rem_euclid(len)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::request_kind;
    use crate::query::directory::ContactEntry;
    use ratatui::crossterm::event::KeyModifiers;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 11, 24)
    }

    fn typed(input: &mut TextArea<'static>, text: &str) {
        *input = line_input(text);
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

    #[test]
    fn a_new_request_is_sent_today_with_the_kinds_default_deadline() {
        let f = form();
        assert_eq!(f.kind_key(), request_kind::STATUSATTEST);
        // Tue 24 Nov + 10 working days = Tue 8 Dec.
        assert_eq!(
            f.default_deadline(today(), &Medical::default()),
            Some((10, d(2026, 12, 8)))
        );
        let r = f.build(RequestId(40), today(), Lang::En).unwrap();
        assert_eq!((r.id, r.case), (RequestId(40), CaseId(7)));
        assert_eq!((r.sent, r.consent), (Some(today()), Some(today())));
        assert_eq!(r.deadline, None, "empty means the default");
        assert!(r.is_open());
    }

    #[test]
    fn the_recipient_is_picked_among_medical_contacts_only() {
        let mut f = form();
        f.focus = RequestField::Recipient;
        let dir = directory();
        for c in "lægehuset".chars() {
            f.type_key(
                KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
                Some(&dir),
            );
        }
        assert_eq!(f.recipient, Some(ContactId(1)));
        assert_eq!(f.recipient_matches.len(), 1, "the supplier is not offered");
        assert_eq!(f.recipient_name(), Some("Lægehuset Nørrebro"));
        let r = f.build(RequestId(1), today(), Lang::Da).unwrap();
        assert_eq!(r.recipient, Some(ContactId(1)));
        // Typing something no medical contact matches is an error under the field.
        typed(&mut f.recipient_input, "xyzzy");
        f.recipient = None;
        let errors = f.build(RequestId(1), today(), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Recipient);
    }

    #[test]
    fn dates_are_read_and_wrong_ones_are_named_under_their_field() {
        let mut f = form();
        typed(&mut f.sent, "20/11");
        typed(&mut f.deadline, "4/12");
        let r = f.build(RequestId(1), today(), Lang::Da).unwrap();
        assert_eq!(r.sent, Some(d(2026, 11, 20)));
        assert_eq!(r.deadline, Some(d(2026, 12, 4)));
        typed(&mut f.deadline, "19.11.2026");
        let errors = f.build(RequestId(1), today(), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Deadline);
        typed(&mut f.consent, "blabla");
        let errors = f.build(RequestId(1), today(), Lang::Da).unwrap_err();
        assert!(errors.iter().any(|e| e.0 == RequestField::Consent));
    }

    #[test]
    fn sent_and_consent_dates_without_a_year_lie_in_the_past() {
        assert_eq!(parse_past_date("20/11", today()).unwrap(), d(2026, 11, 20));
        assert_eq!(parse_past_date("24/11", today()).unwrap(), today());
        assert_eq!(parse_past_date("1/12", today()).unwrap(), d(2026, 12, 1));
        assert_eq!(
            parse_past_date("20/11/2027", today()).unwrap(),
            d(2027, 11, 20)
        );
        assert_eq!(parse_past_date("3/1", today()).unwrap(), d(2026, 1, 3));
        assert!(parse_past_date("blabla", today()).is_err());
    }

    #[test]
    fn a_cpr_number_in_the_questions_is_refused() {
        let mut f = form();
        typed(&mut f.questions, "Borger 010190-1234 kan arbejde?");
        let errors = f.build(RequestId(1), today(), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Questions);
        typed(&mut f.questions, "Kan borgeren arbejde 10 timer?");
        typed(&mut f.purpose, "0101901234");
        let errors = f.build(RequestId(1), today(), Lang::Da).unwrap_err();
        assert_eq!(errors[0].0, RequestField::Purpose);
    }

    #[test]
    fn editing_keeps_the_log_and_shows_a_default_deadline_as_empty() {
        let medical = Medical::default();
        let mut f = form();
        typed(&mut f.questions, "Arbejdsevne?");
        let mut r = f.build(RequestId(9), today(), Lang::Da).unwrap();
        r.chases.push(crate::model::ChaseEntry {
            at: chrono::Utc::now(),
            channel: crate::model::Channel::Phone,
            reached: "sekretær".into(),
            note: String::new(),
        });
        r.deadline = Some(d(2026, 12, 8));
        let edit = RequestForm::edit(&r, &medical, Lang::Da, Vec::new(), today(), None);
        assert_eq!(text_of(&edit.deadline), "");
        assert_eq!(text_of(&edit.questions), "Arbejdsevne?");
        let again = edit.build(RequestId(99), today(), Lang::Da).unwrap();
        assert_eq!(again.id, RequestId(9));
        assert_eq!(again.chases, r.chases);
    }
}
