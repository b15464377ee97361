use super::{ContactId, ContactKind, FreeText, ids::CaseId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Keys of the built-in target groups; the configuration may add more.
pub mod target_group {
    pub const AKTIVITETSPARAT: &str = "aktivitetsparat";
    pub const RESSOURCEFORLOEB: &str = "ressourceforloeb";
    pub const JOBAFKLARING: &str = "jobafklaring";
    pub const SYGEDAGPENGE: &str = "sygedagpenge";
    pub const LEDIGHEDSYDELSE: &str = "ledighedsydelse";
    pub const OTHER: &str = "andet";
    pub const ALL: [&str; 6] = [
        AKTIVITETSPARAT,
        RESSOURCEFORLOEB,
        JOBAFKLARING,
        SYGEDAGPENGE,
        LEDIGHEDSYDELSE,
        OTHER,
    ];
}

/// A case (sag): one citizen. Holds plans and working facts, never a CPR number or a diagnosis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Case {
    pub id: CaseId,
    /// Name or alias as the caseworker knows the citizen.
    pub name: String,
    #[serde(default)]
    pub alias: String,
    /// The case reference in the municipality's case system (not the CPR).
    #[serde(default)]
    pub reference: String,
    #[serde(default)]
    pub phones: Vec<Phone>,
    /// Key of a target group from the configuration (see [`target_group`]).
    pub target_group: String,
    #[serde(default)]
    pub flags: CaseFlags,
    /// A place or a person who can pass on a message when the phone is dead.
    #[serde(default)]
    pub reach_via: String,
    #[serde(default)]
    pub preferences: Preferences,
    #[serde(default)]
    pub where_now: String,
    #[serde(default)]
    pub next_step: String,
    #[serde(default)]
    pub plan_b: String,
    /// What the citizen was last told.
    #[serde(default)]
    pub last_told: String,
    #[serde(default)]
    pub network: Vec<NetworkLink>,
    #[serde(default)]
    pub cadence_override: Option<CadenceOverride>,
    #[serde(default)]
    pub away: Vec<AwayPeriod>,
    #[serde(default)]
    pub status: CaseStatus,
    pub created: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone {
    pub number: String,
    /// The citizen confirmed the number works.
    #[serde(default)]
    pub confirmed: bool,
    /// Where the number came from ("borger selv", "mentor", "gammel sag").
    #[serde(default)]
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseFlags {
    /// SOS-marked: meet with a guard or a colleague nearby.
    #[serde(default)]
    pub sos: bool,
    #[serde(default)]
    pub no_working_phone: bool,
    /// Language when an interpreter is needed.
    #[serde(default)]
    pub interpreter: Option<String>,
    /// Call before a summons: an unannounced letter causes anxiety.
    #[serde(default)]
    pub call_before_summons: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preferences {
    #[serde(default)]
    pub time_of_day: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub channel: String,
}

/// The roles a contact plays in a citizen's network, by the key stored in
/// [`NetworkLink::role`]. A role typed before these existed is kept as it was typed.
pub mod network_role {
    use super::ContactKind;

    pub const GP: &str = "læge";
    pub const MENTOR: &str = "mentor";
    pub const CONSULTANT: &str = "konsulent";
    pub const EMPLOYER: &str = "arbejdsgiver";
    pub const BOSTED: &str = "bosted";
    pub const SOCIAL_SERVICES: &str = "socialrådgiver";
    pub const INTERPRETER: &str = "tolk";
    pub const OTHER: &str = "andet";
    pub const ALL: [&str; 8] = [
        GP,
        MENTOR,
        CONSULTANT,
        EMPLOYER,
        BOSTED,
        SOCIAL_SERVICES,
        INTERPRETER,
        OTHER,
    ];

    /// The role a word names, in Danish or English ("læge", "gp", "social services").
    pub fn parse(word: &str) -> Option<&'static str> {
        let word = word.trim().to_lowercase();
        let role = match word.as_str() {
            "læge" | "laege" | "egen læge" | "gp" | "doctor" => GP,
            "mentor" => MENTOR,
            "konsulent" | "leverandørkonsulent" | "consultant" | "supplier consultant" => {
                CONSULTANT
            }
            "arbejdsgiver" | "employer" => EMPLOYER,
            "bosted" | "kontaktperson på bosted" => BOSTED,
            "socialrådgiver" | "socialraadgiver" | "social" | "socialforvaltning"
            | "social services" | "social worker" => SOCIAL_SERVICES,
            "tolk" | "interpreter" => INTERPRETER,
            "andet" | "anden" | "other" => OTHER,
            _ => return None,
        };
        Some(role)
    }

    /// The kind of a contact first met in this role (a new contact typed in the network).
    pub fn contact_kind(role: &str) -> ContactKind {
        match role {
            GP => ContactKind::Gp,
            MENTOR => ContactKind::Mentor,
            CONSULTANT => ContactKind::Consultant,
            EMPLOYER => ContactKind::Employer,
            BOSTED => ContactKind::Bosted,
            SOCIAL_SERVICES => ContactKind::SocialServices,
            INTERPRETER => ContactKind::Interpreter,
            _ => ContactKind::Other,
        }
    }
}

/// A contact in the citizen's network, with the role it plays for this case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NetworkLink {
    pub contact: ContactId,
    pub role: String,
}

/// A per-case contact cadence, e.g. "weekly until 1 March".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CadenceOverride {
    pub every_days: u32,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AwayPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: AwayReason,
    /// A short working note ("indlagt, ring efter udskrivelse").
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AwayReason {
    Holiday,
    Sick,
    Hospital,
    Other,
}

impl AwayReason {
    pub const ALL: [AwayReason; 4] = [Self::Holiday, Self::Sick, Self::Hospital, Self::Other];

    /// The reason a word names, in Danish or English ("ferie", "sick", "indlagt").
    pub fn parse(word: &str) -> Option<AwayReason> {
        let reason = match word.trim().to_lowercase().as_str() {
            "ferie" | "holiday" | "vacation" => Self::Holiday,
            "syg" | "sygdom" | "sick" => Self::Sick,
            "hospital" | "indlagt" | "indlæggelse" | "hospitalised" | "hospitalized" => {
                Self::Hospital
            }
            "andet" | "væk" | "other" | "away" => Self::Other,
            _ => return None,
        };
        Some(reason)
    }
}

/// What the lists of every active case (Today, the board) read of one: kept beside the case
/// by the store, so they read this small value instead of the whole record (#21).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseBrief {
    pub id: CaseId,
    pub name: String,
    pub target_group: String,
    pub flags: CaseFlags,
    pub where_now: String,
    pub next_step: String,
    pub plan_b: String,
    pub cadence_override: Option<CadenceOverride>,
    pub away: Vec<AwayPeriod>,
    pub created: DateTime<Utc>,
}

impl CaseBrief {
    /// The brief of `case`, `None` when the case is closed.
    pub fn of(case: &Case) -> Option<CaseBrief> {
        case.is_active().then(|| CaseBrief {
            id: case.id,
            name: case.name.clone(),
            target_group: case.target_group.clone(),
            flags: case.flags.clone(),
            where_now: case.where_now.clone(),
            next_step: case.next_step.clone(),
            plan_b: case.plan_b.clone(),
            cadence_override: case.cadence_override.clone(),
            away: case.away.clone(),
            created: case.created,
        })
    }

    /// Whether the citizen is away (holiday, sick, hospital) on `day`.
    pub fn away_on(&self, day: NaiveDate) -> Option<&AwayPeriod> {
        away_on(&self.away, day)
    }
}

/// The period of `away` covering `day`.
fn away_on(away: &[AwayPeriod], day: NaiveDate) -> Option<&AwayPeriod> {
    away.iter().find(|a| a.from <= day && day <= a.to)
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "state", content = "on")]
pub enum CaseStatus {
    #[default]
    Active,
    Closed(NaiveDate),
}

impl Case {
    pub fn is_active(&self) -> bool {
        self.status == CaseStatus::Active
    }

    /// Whether the citizen is away (holiday, sick, hospital) on `day`.
    pub fn away_on(&self, day: NaiveDate) -> Option<&AwayPeriod> {
        away_on(&self.away, day)
    }

    /// The period the citizen is away on `day`, else the first one still to come.
    pub fn away_from(&self, day: NaiveDate) -> Option<&AwayPeriod> {
        self.away_on(day).or_else(|| {
            self.away
                .iter()
                .filter(|a| a.from > day)
                .min_by_key(|a| a.from)
        })
    }
}

impl FreeText for Case {
    fn free_text(&self) -> Vec<(&'static str, &str)> {
        let mut out = vec![
            ("name", self.name.as_str()),
            ("alias", self.alias.as_str()),
            ("reference", self.reference.as_str()),
            ("reach_via", self.reach_via.as_str()),
            (
                "preferences.time_of_day",
                self.preferences.time_of_day.as_str(),
            ),
            ("preferences.place", self.preferences.place.as_str()),
            ("preferences.channel", self.preferences.channel.as_str()),
            ("where_now", self.where_now.as_str()),
            ("next_step", self.next_step.as_str()),
            ("plan_b", self.plan_b.as_str()),
            ("last_told", self.last_told.as_str()),
        ];
        out.push(("target_group", self.target_group.as_str()));
        for phone in &self.phones {
            out.push(("phones.number", phone.number.as_str()));
            out.push(("phones.source", phone.source.as_str()));
        }
        for link in &self.network {
            out.push(("network.role", link.role.as_str()));
        }
        for away in &self.away {
            out.push(("away.note", away.note.as_str()));
        }
        if let Some(language) = &self.flags.interpreter {
            out.push(("flags.interpreter", language.as_str()));
        }
        out
    }
}
