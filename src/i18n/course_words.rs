//! Course reminders, report actions and checklist gaps in words, each reminder saying why it
//! exists: "månedsrapport fra Udsyn, forfalden 20.11, 4 dage for sent".

use super::{Lang, Msg};
use crate::domain::reminder::{Basis, CadenceKind, Reminder, ReminderKind, Rule, Setting};
use crate::domain::reports::ChecklistGap;
use crate::model::ReportAction;
use chrono::{Datelike, NaiveDate};

/// What was done about a report.
pub fn report_action(action: ReportAction, lang: Lang) -> &'static str {
    match action {
        ReportAction::Fine => Msg::ActionFine,
        ReportAction::GoalsAdjusted => Msg::ActionGoalsAdjusted,
        ReportAction::CourseInterrupted => Msg::ActionCourseInterrupted,
        ReportAction::NewConsultant => Msg::ActionNewConsultant,
        ReportAction::OtherSupplier => Msg::ActionOtherSupplier,
        ReportAction::Extended => Msg::ActionExtended,
        ReportAction::Other => Msg::ActionOther,
    }
    .text(lang)
}

/// "direkte kontakt ikke givet".
pub fn checklist_gap(gap: ChecklistGap, lang: Lang) -> &'static str {
    match gap {
        ChecklistGap::NoPurpose => Msg::GapNoPurpose,
        ChecklistGap::NoCloseFollowUp => Msg::GapNoCloseFollowUp,
        ChecklistGap::NoDirectContact => Msg::GapNoDirectContact,
    }
    .text(lang)
}

/// "20.11".
fn short(date: NaiveDate) -> String {
    format!("{:02}.{:02}", date.day(), date.month())
}

/// "månedsrapport", "rapport hver 6. uge", "slutrapport", "rapport på din egen dato".
fn report_noun(cadence: CadenceKind, is_final: bool, lang: Lang) -> String {
    if is_final {
        return Msg::FinalWord.text(lang).to_string();
    }
    match cadence {
        CadenceKind::Monthly => Msg::MonthlyReport.text(lang).to_string(),
        CadenceKind::EveryWeeks { weeks } => format!(
            "{} {} {weeks}{}",
            Msg::PeriodicReport.text(lang),
            Msg::EveryNthWeek.text(lang),
            Msg::WeekOrdinal.text(lang)
        ),
        CadenceKind::EndOnly => Msg::PeriodicReport.text(lang).to_string(),
        CadenceKind::Dates => Msg::OwnDateReport.text(lang).to_string(),
    }
}

/// "4 dage for sent".
fn late(days: Option<u32>, lang: Lang) -> Option<String> {
    days.map(|n| match n {
        1 => format!("1 {}", Msg::DayLate.text(lang)),
        n => format!("{n} {}", Msg::DaysLate.text(lang)),
    })
}

/// "(standard: 3 uger før slut)" or "(din indstilling: 10 dage før slut)".
fn rule(rule: &Rule, lang: Lang) -> String {
    format!("({})", rule_words(rule, lang))
}

/// The setting behind a reminder in words, never as a configuration key: "standard: 14 dage
/// før slut", "din indstilling: 5 arbejdsdage efter fristen". Course and medical settings.
pub fn rule_words(rule: &Rule, lang: Lang) -> String {
    let whose = if rule.is_default {
        Msg::DefaultRule
    } else {
        Msg::OwnSetting
    };
    let n = rule.value;
    let workdays = format!(
        "{n} {}",
        if n == 1 {
            Msg::WorkingDay
        } else {
            Msg::WorkingDays
        }
        .text(lang)
    );
    let chases = if n == 1 {
        Msg::HintChase
    } else {
        Msg::ChasesWord
    };
    let what = match rule.setting {
        Setting::ReportLeadDays => format!("{n} {}", Msg::DaysNotice.text(lang)),
        Setting::CallSupplierWeeksBeforeEnd => format!("{n} {}", Msg::WeeksBeforeEnd.text(lang)),
        Setting::SummonDaysBeforeEnd => format!("{n} {}", Msg::DaysBeforeEnd.text(lang)),
        Setting::ChasesBeforeEscalation | Setting::EscalateAfterChases => {
            format!("{} {n} {}", Msg::AfterWord.text(lang), chases.text(lang))
        }
        // "svarfrist 10 arbejdsdage", "act within 2 working days".
        Setting::DeadlineWorkdays { .. } => {
            format!("{} {workdays}", Msg::RuleAnswerWithin.text(lang))
        }
        Setting::ActWithinWorkdays => format!("{} {workdays}", Msg::RuleActWithin.text(lang)),
        // "5 arbejdsdage efter fristen", "1 working day between calls".
        Setting::FirstReminderWorkdaysAfterDeadline => {
            format!("{workdays} {}", Msg::RuleAfterDeadline.text(lang))
        }
        Setting::ReminderIntervalWorkdays => {
            format!("{workdays} {}", Msg::RuleBetweenReminders.text(lang))
        }
        Setting::PhoneChaseEveryWorkdays => {
            format!("{workdays} {}", Msg::RuleBetweenCalls.text(lang))
        }
    };
    format!("{} {what}", whose.text(lang))
}

/// A course reminder in one line, with its reason. Medical reminders are worded elsewhere;
/// given one, this says only how late it is.
pub fn course_reminder(reminder: &Reminder, lang: Lang) -> String {
    let reason = &reminder.reason;
    let mut parts: Vec<String> = Vec::new();
    match (&reason.basis, reminder.kind) {
        (
            Basis::Report {
                due,
                is_final,
                cadence,
                supplier,
                received,
            },
            kind,
        ) => {
            let mut what = report_noun(*cadence, *is_final, lang);
            if let Some(supplier) = supplier {
                what.push_str(&format!(" {} {supplier}", Msg::FromWord.text(lang)));
            }
            parts.push(what);
            match kind {
                ReminderKind::ReportDueSoon => {
                    parts.push(format!("{} {}", Msg::DueWord.text(lang), short(*due)));
                }
                ReminderKind::ReportUnread => {
                    if let Some(on) = received {
                        parts.push(format!("{} {}", Msg::ReceivedWord.text(lang), short(*on)));
                    }
                    parts.push(Msg::ReceivedNotRead.text(lang).to_string());
                }
                ReminderKind::ReportChaseEscalate => {
                    parts.push(format!(
                        "{} {} {}",
                        Msg::ChasedWord.text(lang),
                        reason.chases,
                        Msg::TimesWord.text(lang)
                    ));
                    parts.push(Msg::EscalateReportChase.text(lang).to_string());
                }
                _ => {
                    parts.push(format!("{} {}", Msg::WasDue.text(lang), short(*due)));
                    parts.extend(late(reason.days_late, lang));
                    if reason.chases > 0 {
                        parts.push(format!("{} {}", reason.chases, Msg::ChasesWord.text(lang)));
                    }
                }
            }
        }
        (Basis::CourseEnd { end, .. }, ReminderKind::CallSupplierBeforeEnd) => {
            parts.push(format!(
                "{} — {} {}",
                Msg::CallSupplierPlan.text(lang),
                Msg::EndsWord.text(lang),
                short(*end)
            ));
        }
        (Basis::CourseEnd { end, .. }, _) => {
            parts.push(format!(
                "{} — {} {} ({} {})",
                Msg::SummonCitizen.text(lang),
                Msg::LatestBy.text(lang),
                short(reminder.due),
                Msg::EndsWord.text(lang),
                short(*end)
            ));
            parts.extend(late(reason.days_late, lang));
        }
        (
            Basis::FinalReportAfterSummons {
                final_due,
                summons_by,
            },
            _,
        ) => {
            parts.push(format!(
                "{} ({} {}, {} {})",
                Msg::FinalAfterSummons.text(lang),
                short(*final_due),
                Msg::FinalWord.text(lang),
                short(*summons_by),
                Msg::SummonCitizen
                    .text(lang)
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
            ));
            parts.push(Msg::AskInterimHint.text(lang).to_string());
        }
        _ => parts.extend(late(reason.days_late, lang)),
    }
    let mut text = parts.join(", ");
    if let Some(r) = &reason.rule {
        text.push(' ');
        text.push_str(&rule(r, lang));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Courses;
    use crate::domain::reports::course_reminders;
    use crate::domain::schedule::new_reports;
    use crate::model::{CaseId, ContactId, Course, CourseId, OrderChecklist, ReportCadence};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn course() -> Course {
        let (start, end) = (d(2026, 7, 20), d(2026, 12, 18));
        Course {
            id: CourseId(1),
            case: CaseId(1),
            supplier: ContactId(2),
            consultant: None,
            kind: "afklaring".into(),
            start,
            end,
            hours_per_week: None,
            cadence: ReportCadence::Monthly,
            checklist: OrderChecklist::default(),
            reports: new_reports(start, end, &ReportCadence::Monthly),
            outcome: None,
            continues: None,
        }
    }

    fn words(today: NaiveDate, lang: Lang) -> Vec<String> {
        let mut c = course();
        for r in c.reports.iter_mut().filter(|r| r.due < d(2026, 11, 1)) {
            r.received = Some(r.due);
            r.read = Some(r.due);
        }
        course_reminders(&c, today, &Courses::default(), Some("Udsyn"))
            .iter()
            .map(|r| course_reminder(r, lang))
            .collect()
    }

    #[test]
    fn a_late_report_says_whose_when_and_how_late() {
        assert_eq!(
            words(d(2026, 11, 24), Lang::Da),
            vec!["månedsrapport fra Udsyn, forfalden 20.11, 4 dage for sent"]
        );
        assert_eq!(
            words(d(2026, 11, 21), Lang::En),
            vec!["monthly report from Udsyn, was due 20.11, 1 day late"]
        );
    }

    #[test]
    fn every_setting_is_worded_in_both_languages_without_its_key() {
        let settings = [
            Setting::ReportLeadDays,
            Setting::CallSupplierWeeksBeforeEnd,
            Setting::SummonDaysBeforeEnd,
            Setting::ChasesBeforeEscalation,
            Setting::DeadlineWorkdays {
                request_kind: "statusattest".into(),
            },
            Setting::FirstReminderWorkdaysAfterDeadline,
            Setting::ReminderIntervalWorkdays,
            Setting::PhoneChaseEveryWorkdays,
            Setting::EscalateAfterChases,
            Setting::ActWithinWorkdays,
        ];
        for setting in settings {
            for lang in [Lang::Da, Lang::En] {
                let key = setting.key();
                let text = rule_words(
                    &Rule {
                        setting: setting.clone(),
                        value: 7,
                        is_default: false,
                    },
                    lang,
                );
                assert!(!text.contains(key) && !text.contains('_'), "{text}");
                assert!(text.contains('7'), "{text}");
            }
        }
        let rule = Rule {
            setting: Setting::FirstReminderWorkdaysAfterDeadline,
            value: 5,
            is_default: true,
        };
        assert_eq!(
            rule_words(&rule, Lang::Da),
            "standard: 5 arbejdsdage efter fristen"
        );
        assert_eq!(
            rule_words(&rule, Lang::En),
            "default: 5 working days after the deadline"
        );
        let rule = Rule {
            setting: Setting::PhoneChaseEveryWorkdays,
            value: 1,
            is_default: false,
        };
        assert_eq!(
            rule_words(&rule, Lang::Da),
            "din indstilling: 1 arbejdsdag mellem opkald"
        );
        assert_eq!(
            rule_words(&rule, Lang::En),
            "your setting: 1 working day between calls"
        );
    }

    #[test]
    fn the_end_of_a_course_says_what_to_do_and_which_setting_placed_it() {
        let got = words(d(2026, 12, 4), Lang::Da);
        assert!(got.contains(
            &"ring til leverandøren og planlæg 3-partssamtale — slut 18.12 (standard: 3 uger før slut)"
                .to_string()
        ), "{got:?}");
        assert!(got.contains(
            &"indkald borgeren og afgør forlængelse — senest 04.12 (slut 18.12) (standard: 14 dage før slut)"
                .to_string()
        ), "{got:?}");
        assert!(
            got.iter().any(|w| w.contains("bed om en midtvejsrapport")),
            "{got:?}"
        );
    }
}
