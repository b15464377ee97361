//! Labels for the records' enums and keys, in the interface language.
//!
//! Keys (purposes, target groups, course and request kinds) can be defined by the user in the
//! configuration; a key the catalogue does not know is shown as itself.

use super::{Lang, Msg};
use crate::model::{
    AwayReason, Channel, ContactKind, MeetingForm, MeetingStatus, PlaceKind, Role, course_kind,
    network_role, purpose, request_kind, target_group,
};
use chrono::Weekday;
use std::borrow::Cow;

/// The catalogue text of a built-in key, or the key itself.
fn label_key<'a>(message: Option<Msg>, key: &'a str, lang: Lang) -> Cow<'a, str> {
    match message {
        Some(message) => Cow::Borrowed(message.text(lang)),
        None => Cow::Borrowed(key),
    }
}

/// The message of a built-in meeting purpose key (see [`purpose`]).
pub fn purpose_msg(key: &str) -> Option<Msg> {
    Some(match key {
        purpose::SAMTALE => Msg::Meeting,
        purpose::OPFOELGNING => Msg::FollowUp,
        purpose::THREE_PARTY => Msg::ThreePartyMeeting,
        purpose::REHAB_TEAM => Msg::RehabTeam,
        purpose::PRAKTIKBESOEG => Msg::PurposeWorkPlacementVisit,
        purpose::SPARRING => Msg::PurposeSparring,
        purpose::OTHER => Msg::Other,
        purpose::TELEFONVAGT => Msg::PurposePhoneDuty,
        purpose::KOORDINERING => Msg::PurposeCoordination,
        purpose::ADMIN => Msg::PurposeAdmin,
        _ => return None,
    })
}

/// The message of a built-in target group key (see [`target_group`]).
pub fn target_group_msg(key: &str) -> Option<Msg> {
    Some(match key {
        target_group::AKTIVITETSPARAT => Msg::GroupActivityReady,
        target_group::RESSOURCEFORLOEB => Msg::GroupResourceCourse,
        target_group::JOBAFKLARING => Msg::GroupJobClarification,
        target_group::SYGEDAGPENGE => Msg::GroupSicknessBenefit,
        target_group::LEDIGHEDSYDELSE => Msg::GroupFlexJobBenefit,
        target_group::OTHER => Msg::Other,
        _ => return None,
    })
}

/// The message of a built-in course kind key (see [`course_kind`]).
pub fn course_kind_msg(key: &str) -> Option<Msg> {
    Some(match key {
        course_kind::AFKLARING => Msg::CourseAssessment,
        course_kind::PRAKTIK => Msg::CourseWorkPlacement,
        course_kind::MENTOR => Msg::Mentor,
        course_kind::OTHER => Msg::Other,
        _ => return None,
    })
}

/// The message of a built-in medical request kind key (see [`request_kind`]).
pub fn request_kind_msg(key: &str) -> Option<Msg> {
    Some(match key {
        request_kind::STATUSATTEST => Msg::RequestStatus,
        request_kind::LAE_145 => Msg::RequestLae145,
        request_kind::SPECIALIST => Msg::RequestSpecialist,
        request_kind::FUNCTION => Msg::RequestFunction,
        request_kind::HOSPITAL_RECORDS => Msg::RequestHospitalRecords,
        request_kind::REHAB_TEAM => Msg::RequestRehabTeam,
        request_kind::OTHER => Msg::Other,
        _ => return None,
    })
}

/// A meeting purpose key as shown; user-defined keys are shown as themselves.
pub fn label_purpose(key: &str, lang: Lang) -> Cow<'_, str> {
    label_key(purpose_msg(key), key, lang)
}

/// A target group key as shown; user-defined keys are shown as themselves.
pub fn label_target_group(key: &str, lang: Lang) -> Cow<'_, str> {
    label_key(target_group_msg(key), key, lang)
}

/// A course kind key as shown; user-defined keys are shown as themselves.
pub fn label_course_kind(key: &str, lang: Lang) -> Cow<'_, str> {
    label_key(course_kind_msg(key), key, lang)
}

/// A medical request kind key as shown; user-defined keys are shown as themselves.
pub fn label_request_kind(key: &str, lang: Lang) -> Cow<'_, str> {
    label_key(request_kind_msg(key), key, lang)
}

pub fn label_form(form: MeetingForm, lang: Lang) -> &'static str {
    match form {
        MeetingForm::InPerson => Msg::InPerson,
        MeetingForm::HomeVisit => Msg::HomeVisit,
        MeetingForm::Phone => Msg::Phone,
        MeetingForm::Video => Msg::Video,
        MeetingForm::Walk => Msg::Walk,
    }
    .text(lang)
}

/// How a contact happened: "Telefon", "Sms", "e-Boks-brev" …
pub fn label_channel(channel: Channel, lang: Lang) -> &'static str {
    match channel {
        Channel::Phone => Msg::Phone,
        Channel::Sms => Msg::ChannelSms,
        Channel::Mail => Msg::ChannelMail,
        Channel::Letter => Msg::ChannelLetter,
        Channel::Video => Msg::Video,
        Channel::Walk => Msg::Walk,
        Channel::Visit => Msg::HomeVisit,
        Channel::Meeting => Msg::InPerson,
    }
    .text(lang)
}

pub fn label_status(status: MeetingStatus, lang: Lang) -> &'static str {
    match status {
        MeetingStatus::Planned => Msg::Planned,
        MeetingStatus::Held => Msg::Held,
        MeetingStatus::Moved => Msg::Moved,
        MeetingStatus::CancelledByCitizen => Msg::CancelledByCitizen,
        MeetingStatus::CancelledByCaseworker => Msg::CancelledByCaseworker,
        MeetingStatus::NoShow => Msg::NoShow,
        MeetingStatus::CutOff => Msg::CutOff,
    }
    .text(lang)
}

pub fn label_role(role: Role, lang: Lang) -> &'static str {
    match role {
        Role::Citizen => Msg::Citizen,
        Role::Caseworker => Msg::Caseworker,
        Role::Consultant => Msg::Consultant,
        Role::Employer => Msg::Employer,
        Role::Doctor => Msg::Doctor,
        Role::Nurse => Msg::Nurse,
        Role::Bosted => Msg::Bosted,
        Role::Therapist => Msg::Therapist,
        Role::Interpreter => Msg::Interpreter,
        Role::Colleague => Msg::Colleague,
        Role::Other => Msg::Other,
    }
    .text(lang)
}

pub fn label_place(place: PlaceKind, lang: Lang) -> &'static str {
    match place {
        PlaceKind::Jobcenter => Msg::Jobcenter,
        PlaceKind::CitizensHome => Msg::CitizensHome,
        PlaceKind::Supplier => Msg::Supplier,
        PlaceKind::Workplace => Msg::Workplace,
        PlaceKind::Bosted => Msg::Bosted,
        PlaceKind::Hospital => Msg::Hospital,
        PlaceKind::Shelter => Msg::Shelter,
        PlaceKind::SubstanceCentre => Msg::SubstanceCentre,
        PlaceKind::InTown => Msg::InTown,
        PlaceKind::Remote => Msg::Remote,
    }
    .text(lang)
}

pub fn label_contact_kind(kind: ContactKind, lang: Lang) -> &'static str {
    match kind {
        ContactKind::Supplier => Msg::Supplier,
        ContactKind::Consultant => Msg::Consultant,
        ContactKind::Mentor => Msg::Mentor,
        ContactKind::Gp => Msg::Gp,
        ContactKind::Practice => Msg::Practice,
        ContactKind::Hospital => Msg::Hospital,
        ContactKind::Psychiatry => Msg::Psychiatry,
        ContactKind::Specialist => Msg::Specialist,
        ContactKind::Employer => Msg::Employer,
        ContactKind::SocialServices => Msg::SocialServices,
        ContactKind::Bosted => Msg::Bosted,
        ContactKind::Interpreter => Msg::Interpreter,
        ContactKind::Colleague => Msg::Colleague,
        ContactKind::Other => Msg::Other,
    }
    .text(lang)
}

/// A role in a citizen's network (see [`network_role`]); a role typed as free text is shown
/// as typed.
pub fn label_network_role(role: &str, lang: Lang) -> Cow<'_, str> {
    let message = match role {
        network_role::GP => Some(Msg::Gp),
        network_role::MENTOR => Some(Msg::Mentor),
        network_role::CONSULTANT => Some(Msg::Consultant),
        network_role::EMPLOYER => Some(Msg::Employer),
        network_role::BOSTED => Some(Msg::Bosted),
        network_role::SOCIAL_SERVICES => Some(Msg::SocialServices),
        network_role::INTERPRETER => Some(Msg::Interpreter),
        network_role::OTHER => Some(Msg::Other),
        _ => None,
    };
    label_key(message, role, lang)
}

/// Why the citizen is away: "Ferie", "Syg", "Indlagt", "Væk".
pub fn label_away_reason(reason: AwayReason, lang: Lang) -> &'static str {
    match reason {
        AwayReason::Holiday => Msg::AwayHoliday,
        AwayReason::Sick => Msg::AwaySick,
        AwayReason::Hospital => Msg::AwayHospital,
        AwayReason::Other => Msg::AwayOther,
    }
    .text(lang)
}

/// What a booking for the case must remember, one a line: "Tolk: arabisk", "SOS", "Ring før
/// indkaldelse", "Ingen telefon der virker, kan nås via Værestedet".
pub fn case_flags(flags: &crate::model::CaseFlags, reach_via: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(language) = &flags.interpreter {
        out.push(format!("{}: {language}", Msg::Interpreter.text(lang)));
    }
    if flags.sos {
        out.push(Msg::BoardFlagSos.text(lang).to_string());
    }
    if flags.call_before_summons {
        out.push(Msg::FlagCallBeforeSummons.text(lang).to_string());
    }
    if flags.no_working_phone {
        let mut text = Msg::FlagNoWorkingPhone.text(lang).to_string();
        if !reach_via.trim().is_empty() {
            text.push_str(&format!(
                ", {} {}",
                Msg::ReachVia.text(lang),
                reach_via.trim()
            ));
        }
        out.push(text);
    }
    out
}

/// "væk 30.11–11.12 · ferie · ring efter udskrivelse".
pub fn away_words(away: &crate::model::AwayPeriod, lang: Lang) -> String {
    let mut text = format!(
        "{} {}–{} · {}",
        Msg::BoardFlagAway.text(lang),
        away.from.format("%d.%m"),
        away.to.format("%d.%m"),
        label_away_reason(away.reason, lang).to_lowercase()
    );
    if !away.note.trim().is_empty() {
        text.push_str(&format!(" · {}", away.note.trim()));
    }
    text
}

/// "nu · tir 24.11.2026 10:03": when a log written now is dated.
pub fn now_words(now: chrono::NaiveDateTime, lang: Lang) -> String {
    use chrono::Datelike;
    format!(
        "{} · {} {}",
        Msg::NowWord.text(lang),
        weekday_short(now.date().weekday(), lang),
        crate::time::format_datetime(now)
    )
}

/// "man" / "Mon".
pub fn weekday_short(day: Weekday, lang: Lang) -> &'static str {
    match day {
        Weekday::Mon => Msg::MonShort,
        Weekday::Tue => Msg::TueShort,
        Weekday::Wed => Msg::WedShort,
        Weekday::Thu => Msg::ThuShort,
        Weekday::Fri => Msg::FriShort,
        Weekday::Sat => Msg::SatShort,
        Weekday::Sun => Msg::SunShort,
    }
    .text(lang)
}

/// "mandag" / "Monday".
pub fn weekday_long(day: Weekday, lang: Lang) -> &'static str {
    match day {
        Weekday::Mon => Msg::Monday,
        Weekday::Tue => Msg::Tuesday,
        Weekday::Wed => Msg::Wednesday,
        Weekday::Thu => Msg::Thursday,
        Weekday::Fri => Msg::Friday,
        Weekday::Sat => Msg::Saturday,
        Weekday::Sun => Msg::Sunday,
    }
    .text(lang)
}

const MONTHS_LONG: [Msg; 12] = [
    Msg::January,
    Msg::February,
    Msg::March,
    Msg::April,
    Msg::May,
    Msg::June,
    Msg::July,
    Msg::August,
    Msg::September,
    Msg::October,
    Msg::November,
    Msg::December,
];

const MONTHS_SHORT: [Msg; 12] = [
    Msg::JanShort,
    Msg::FebShort,
    Msg::MarShort,
    Msg::AprShort,
    Msg::MayShort,
    Msg::JunShort,
    Msg::JulShort,
    Msg::AugShort,
    Msg::SepShort,
    Msg::OctShort,
    Msg::NovShort,
    Msg::DecShort,
];

/// The month's name, `month` counted 1–12 as chrono's `month()`; "?" outside that range.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    month_from(&MONTHS_LONG, month, lang)
}

/// "jan" / "Jan", `month` counted 1–12; "?" outside that range.
pub fn month_short(month: u32, lang: Lang) -> &'static str {
    month_from(&MONTHS_SHORT, month, lang)
}

fn month_from(names: &[Msg; 12], month: u32, lang: Lang) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|index| names.get(index))
        .map_or("?", |msg| msg.text(lang))
}

/// Where a medical request stands, in the words of the issue: "rykker 2 sendt", "telefonrykker
/// dag 4 · overvej sundhedskoordinator …", "modtaget — handl senest tor 26.11".
pub fn request_state(state: crate::domain::chase::RequestState, lang: Lang) -> String {
    use crate::domain::chase::RequestState as S;
    use crate::time::format_date;
    let near = |date: chrono::NaiveDate| {
        format!(
            "{} {}",
            weekday_short(chrono::Datelike::weekday(&date), lang),
            date.format("%d.%m")
        )
    };
    let n = |msg: Msg, n: u32| msg.text(lang).replace("{n}", &n.to_string());
    let dated = |msg: Msg, date: String| msg.text(lang).replace("{date}", &date);
    match state {
        S::NotSent => Msg::NotSent.text(lang).to_string(),
        S::Waiting { deadline } => dated(Msg::StateWaitingUntil, near(deadline)),
        S::ReminderDue { n: k, .. } => n(Msg::StateReminderNDue, k),
        S::ReminderSent { n: k, .. } => n(Msg::StateReminderNSent, k),
        S::PhoneChasing { day, escalate, .. } => {
            let mut text = n(Msg::StatePhoneDay, day);
            if escalate {
                text.push_str(&format!(" · {}", Msg::StateEscalate.text(lang)));
            }
            text
        }
        S::Received { act_by, .. } => dated(Msg::StateReceivedActBy, near(act_by)),
        S::ActedOn { on } => dated(Msg::StateActedOnDate, format_date(on)),
        S::Withdrawn { on } => dated(Msg::StateWithdrawnDate, format_date(on)),
    }
}

/// What a block of another calendar is called on screen (#16): "Outlook: Teammøde"; a private
/// event shows no summary ("Outlook: privat").
pub fn external_label(block: &crate::model::ExternalBlock, lang: Lang) -> String {
    match external_title(block, lang) {
        Some(title) => format!("{}: {title}", block.source),
        None => block.source.clone(),
    }
}

/// The title alone ("Teammøde", "privat"), for a narrow column; `None` when it has none.
pub fn external_title(block: &crate::model::ExternalBlock, lang: Lang) -> Option<String> {
    let title = block.title.trim();
    if block.private {
        Some(Msg::ExternalPrivate.text(lang).to_string())
    } else if title.is_empty() {
        None
    } else {
        Some(title.to_string())
    }
}

/// "12 nye · 3 ændrede · 2 fjernede", and what else an .ics import found (#16).
pub fn ics_summary(summary: &crate::ics::Summary, lang: Lang) -> String {
    let n = |count: usize| i64::try_from(count).unwrap_or(i64::MAX);
    let mut parts = vec![
        super::count::events_new(n(summary.added), lang),
        super::count::events_changed(n(summary.changed), lang),
        super::count::events_removed(n(summary.removed), lang),
    ];
    if summary.own > 0 {
        parts.push(format!("{} {}", summary.own, Msg::IcsOwnLeftOut.text(lang)));
    }
    let skipped = summary
        .warnings
        .iter()
        .filter(|w| w.problem.skips())
        .count();
    if skipped > 0 {
        parts.push(format!("{skipped} {}", Msg::IcsUnreadable.text(lang)));
    }
    parts.join(" · ")
}

/// What a long store operation is doing, for a progress bar or the status line.
pub fn progress_stage_msg(stage: crate::store::Stage) -> Msg {
    use crate::store::Stage;
    match stage {
        Stage::Checking => Msg::ProgressChecking,
        Stage::Writing => Msg::ProgressWriting,
        Stage::Exporting => Msg::ProgressExporting,
        Stage::Replaying => Msg::ProgressReplaying,
        Stage::Indexing => Msg::ProgressIndexing,
        Stage::Summarising => Msg::ProgressSummarising,
        Stage::Archiving => Msg::ProgressArchiving,
        Stage::Compacting => Msg::ProgressCompacting,
    }
}

/// How far long work has come, for a status line: "Today's backup: exporting 45 %".
pub fn progress_words(title: Msg, progress: crate::store::Progress, lang: Lang) -> String {
    let stage = progress_stage_msg(progress.stage).text(lang);
    let done = match progress.total {
        Some(total) if total > 0 => format!("{} %", progress.done.min(total) * 100 / total),
        _ => progress.done.to_string(),
    };
    format!("{}: {stage} {done}", title.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_key_has_a_label_other_than_itself() {
        for key in purpose::ALL {
            assert!(purpose_msg(key).is_some(), "purpose {key}");
        }
        for key in target_group::ALL {
            assert!(target_group_msg(key).is_some(), "target group {key}");
        }
        for key in course_kind::ALL {
            assert!(course_kind_msg(key).is_some(), "course kind {key}");
        }
        for key in request_kind::ALL {
            assert!(request_kind_msg(key).is_some(), "request kind {key}");
        }
    }

    #[test]
    fn user_defined_keys_fall_back_to_the_key() {
        assert_eq!(label_purpose("jobmesse", Lang::Da), "jobmesse");
        assert_eq!(label_target_group("unge", Lang::En), "unge");
        assert_eq!(label_course_kind("kursus", Lang::En), "kursus");
        assert_eq!(label_request_kind("tandlæge", Lang::Da), "tandlæge");
    }

    #[test]
    fn danish_labels_use_the_danish_letters() {
        assert_eq!(label_form(MeetingForm::HomeVisit, Lang::Da), "Hjemmebesøg");
        assert_eq!(label_form(MeetingForm::HomeVisit, Lang::En), "Home visit");
        assert_eq!(label_purpose(purpose::OPFOELGNING, Lang::Da), "Opfølgning");
        assert_eq!(
            label_purpose(purpose::THREE_PARTY, Lang::Da),
            "3-partssamtale"
        );
        assert_eq!(
            label_request_kind(request_kind::SPECIALIST, Lang::Da),
            "Speciallægeerklæring"
        );
        assert_eq!(Msg::MedicalRequest.text(Lang::Da), "Lægelig anmodning");
        assert_eq!(label_status(MeetingStatus::NoShow, Lang::Da), "Udeblevet");
        assert_eq!(label_status(MeetingStatus::NoShow, Lang::En), "No-show");
    }

    #[test]
    fn enum_labels_differ_between_variants() {
        let forms: std::collections::HashSet<_> = [
            MeetingForm::InPerson,
            MeetingForm::HomeVisit,
            MeetingForm::Phone,
            MeetingForm::Video,
            MeetingForm::Walk,
        ]
        .map(|f| label_form(f, Lang::Da))
        .into();
        assert_eq!(forms.len(), 5);
        let kinds: std::collections::HashSet<_> = ContactKind::ALL
            .iter()
            .map(|k| label_contact_kind(*k, Lang::En))
            .collect();
        assert_eq!(kinds.len(), ContactKind::ALL.len());
        assert_eq!(label_role(Role::Therapist, Lang::Da), "Behandler");
        let channels: std::collections::HashSet<_> = [
            Channel::Phone,
            Channel::Sms,
            Channel::Mail,
            Channel::Letter,
            Channel::Video,
            Channel::Walk,
            Channel::Visit,
            Channel::Meeting,
        ]
        .map(|c| label_channel(c, Lang::Da))
        .into();
        assert_eq!(channels.len(), 8);
        assert_eq!(label_channel(Channel::Letter, Lang::Da), "e-Boks-brev");
        assert_eq!(
            label_place(PlaceKind::CitizensHome, Lang::En),
            "Citizen's home"
        );
    }

    #[test]
    fn weekdays_and_months_in_both_languages() {
        assert_eq!(weekday_short(Weekday::Mon, Lang::Da), "man");
        assert_eq!(weekday_short(Weekday::Sat, Lang::Da), "lør");
        assert_eq!(weekday_short(Weekday::Sun, Lang::En), "Sun");
        assert_eq!(weekday_long(Weekday::Thu, Lang::Da), "torsdag");
        assert_eq!(month_name(1, Lang::Da), "januar");
        assert_eq!(month_name(3, Lang::Da), "marts");
        assert_eq!(month_name(12, Lang::En), "December");
        assert_eq!(month_short(10, Lang::Da), "okt");
        assert_eq!(month_name(0, Lang::En), "?");
        assert_eq!(month_name(13, Lang::Da), "?");
    }
}
