//! Short, professional Danish working lines. No diagnoses, nothing a citizen would be hurt to
//! read in their own file.

pub(super) const WHERE_NOW: [&str; 14] = [
    "I praktik 3 dage om ugen",
    "Afventer statusattest fra egen læge",
    "Mentorforløb i gang, god kontakt",
    "Forløb hos leverandør, stabilt fremmøde",
    "Har svært ved at møde op om morgenen",
    "Klar til rehabiliteringsteam når attesten er her",
    "Søger job inden for lager og logistik",
    "Lige startet, vi lærer hinanden at kende",
    "Delvis raskmelding drøftes",
    "Ny bolig, mere ro på",
    "Praktikken er sat på pause",
    "Går til samtaler i kommunens bostøtte",
    "Har fået fritidsjob 8 timer om ugen",
    "Venter på svar fra hospitalet",
];

pub(super) const NEXT_STEP: [&str; 12] = [
    "3-partssamtale med mentor",
    "Indhente statusattest",
    "Forelægge sagen for rehabiliteringsteam",
    "Finde praktik i butik",
    "Opfølgning om to uger",
    "Afklare timetal i praktikken",
    "Drøfte forlængelse af forløbet",
    "Booke tolk til næste samtale",
    "Hjemmebesøg med bostøtten",
    "Aftale virksomhedspraktik",
    "Følge op på lægens svar",
    "Lave plan for de næste tre måneder",
];

pub(super) const PLAN_B: [&str; 9] = [
    "Mentor alene i en periode",
    "Hjemmebesøg hvis borgeren udebliver igen",
    "Kortere praktik, 10 timer",
    "Kontakt via værestedet",
    "Ny leverandør hvis det går i stå",
    "Telefonsamtaler i stedet for fremmøde",
    "Gåtur i stedet for møde på kontoret",
    "Inddrage bostøtten",
    "Tale med lægekonsulenten",
];

pub(super) const LAST_TOLD: [&str; 7] = [
    "At jeg ringer efter praktikbesøget",
    "At vi venter på lægen",
    "Næste møde er på jobcentret",
    "At borgeren kan ringe tirsdag formiddag",
    "At vi holder 3-partssamtale snart",
    "At forløbet fortsætter uændret",
    "At indkaldelsen kommer i e-Boks",
];

pub(super) const REACH_VIA: [&str; 5] = [
    "Værestedet på Nørrebro",
    "Herberget i Valby",
    "Kontaktpersonen på bostedet",
    "Søsteren, via mentor",
    "Café-værestedet på Amager",
];

pub(super) const TIME_OF_DAY: [&str; 5] = ["formiddag", "efter kl. 10", "eftermiddag", "", ""];
pub(super) const PLACE: [&str; 6] = ["jobcentret", "hjemme", "gåtur", "værestedet", "", ""];
pub(super) const CHANNEL: [&str; 5] = ["sms", "telefon", "e-Boks", "sms før opkald", ""];

pub(super) const HELD: [&str; 8] = [
    "Godt møde, praktik aftalt",
    "Forløbet fortsætter",
    "Plan justeret",
    "Aftalt ny samtale",
    "Borgeren mere motiveret",
    "Drøftet timetal",
    "Talt om attest",
    "Kort møde, alt ok",
];

pub(super) const CANCELLED_BY_CITIZEN: [&str; 4] = [
    "Syg, ringede om morgenen",
    "Afbud pr. sms, ny tid aftalt",
    "Afbud, barn syg",
    "Afbud via mentor",
];

pub(super) const NO_SHOW: [&str; 4] = [
    "Kom ikke, ringet op kl. 10 uden svar",
    "Udeblev, sms sendt",
    "Udeblev, kontakt via mentor",
    "Kom ikke, hjemmebesøg overvejes",
];

pub(super) const CANCELLED_BY_CASEWORKER: [&str; 3] = [
    "Aflyst, sagsbehandler syg",
    "Aflyst, tolk kunne ikke",
    "Aflyst pga. kursus",
];

pub(super) const WALKS: [&str; 4] = [
    "gåtur, Fælledparken",
    "gåtur langs søerne",
    "gåtur fra jobcentret",
    "Café Solsikken",
];

pub(super) const COURSE_PURPOSE: [&str; 6] = [
    "Afklare arbejdsevne i praktik",
    "Stabilt fremmøde 3 dage om ugen",
    "Mentorstøtte til at komme ud af huset",
    "Afprøve lager og logistik",
    "Opbygge rutiner og netværk",
    "Afklare timetal og skånehensyn",
];

pub(super) const REPORT_NOTES: [&str; 6] = [
    "Godt fremmøde",
    "Mål justeret: 15 timer",
    "Stabil udvikling",
    "Fravær drøftet med mentor",
    "",
    "",
];

pub(super) const QUESTIONS: [&str; 6] = [
    "Kan borgeren arbejde 10 timer om ugen?",
    "Hvilke skånehensyn skal der tages i en praktik?",
    "Hvordan vurderes arbejdsevnen det næste halve år?",
    "Er der planlagt behandling, og hvornår?",
    "Kan borgeren deltage tre dage om ugen?",
    "Kan borgeren tåle fysisk arbejde?",
];

pub(super) const REQUEST_PURPOSE: [&str; 5] = [
    "rehabiliteringsteam",
    "afklaring af arbejdsevne",
    "fleksjob",
    "praktik med skånehensyn",
    "ressourceforløb",
];

pub(super) const CASEWORKER_PROMISES: [&str; 6] = [
    "Jeg ringer dig om tre uger",
    "Jeg sender praktikaftalen",
    "Jeg taler med mentor inden næste møde",
    "Jeg undersøger fleksjob",
    "Jeg bestiller tolk",
    "Jeg sender indkaldelse i e-Boks",
];

/// Citizen promises; `{}` is replaced by a short date ("1/12").
pub(super) const CITIZEN_PROMISES: [&str; 5] = [
    "Går til egen læge inden {}",
    "Sender lønsedler inden {}",
    "Møder i praktikken mandag kl. 9",
    "Ringer til mentor inden {}",
    "Tager CV med til næste møde",
];

pub(super) const OTHER_PROMISES: [&str; 3] = [
    "Mentor sender plan for praktikken",
    "Bostøtten følger med til næste møde",
    "Praktikstedet melder tilbage om timetal",
];

pub(super) const CALL_NOTES: [&str; 6] = [
    "Talt om praktik",
    "Bekræftet mødetid",
    "Spurgt til attesten",
    "Aftalt hjemmebesøg",
    "Kort snak, alt ok",
    "Talt med mentor om fremmøde",
];

pub(super) const MISSED_CALL_NOTES: [&str; 3] =
    ["Ingen svar, lagt besked", "Ingen svar", "Telefonen slukket"];

pub(super) const SMS_NOTES: [&str; 4] = [
    "Husk mødet i morgen",
    "Sendt ny mødetid",
    "Kvittering for afbud",
    "Bedt om at ringe",
];

pub(super) const LETTER_NOTES: [&str; 3] =
    ["Indkaldelse sendt", "Referat sendt", "Brev om forløb sendt"];

pub(super) const NOTE_SUBJECTS: [&str; 8] = [
    "Samtale om praktik",
    "Opfølgning",
    "Telefon med mentor",
    "Status fra leverandør",
    "Aftale om lægeattest",
    "Hjemmebesøg",
    "3-partssamtale",
    "Plan for næste måned",
];

pub(super) const NOTE_BODIES: [&str; 8] = [
    "Borgeren fortæller at praktikken går godt.",
    "Aftalt at vi følger op om to uger.",
    "Mentor oplyser stabilt fremmøde.",
    "Rapport læst, ingen ændringer.",
    "Samtykke givet til statusattest.",
    "Borgeren ønsker færre timer i en periode.",
    "Drøftet forlængelse, afventer rapport.",
    "Kort samtale, ingen nye aftaler.",
];
