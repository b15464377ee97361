//! Every text the interface shows, Danish and English side by side.
//!
//! One table declares the variants of [`Msg`], the list [`Msg::ALL`] and the texts, so a
//! message cannot exist without both languages and cannot be missing from `ALL`.

use super::Lang;

/// Declares `Msg`, `Msg::ALL` and `Msg::texts` from one table of
/// `Variant => ("Danish", "English")` rows.
macro_rules! catalogue {
    ($($(#[$doc:meta])* $variant:ident => ($da:expr, $en:expr),)*) => {
        /// A text of the interface. [`Msg::text`] gives it in a language.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Msg {
            $($(#[$doc])* $variant,)*
        }

        impl Msg {
            /// Every message, in declaration order.
            pub const ALL: &'static [Msg] = &[$(Msg::$variant,)*];

            /// The Danish and the English text.
            pub const fn texts(self) -> (&'static str, &'static str) {
                match self {
                    $(Msg::$variant => ($da, $en),)*
                }
            }
        }
    };
}

impl Msg {
    /// The text in `lang`.
    pub const fn text(self, lang: Lang) -> &'static str {
        let (da, en) = self.texts();
        match lang {
            Lang::Da => da,
            Lang::En => en,
        }
    }
}

catalogue! {
    // Domain words (PRODUCT.md §7).
    Case => ("Sag", "Case"),
    Cases => ("Sager", "Cases"),
    Citizen => ("Borger", "Citizen"),
    Caseworker => ("Sagsbehandler", "Caseworker"),
    /// A meeting in general, and the purpose "samtale".
    Meeting => ("Samtale", "Meeting"),
    FollowUp => ("Opfølgning", "Follow-up"),
    ThreePartyMeeting => ("3-partssamtale", "Three-party meeting"),
    Supplier => ("Leverandør", "Supplier"),
    Course => ("Forløb", "Course"),
    Order => ("Bestilling", "Order"),
    Report => ("Rapport", "Report"),
    ProgressReport => ("Leverandørrapport", "Progress report"),
    Extension => ("Forlængelse", "Extension"),
    MedicalRequest => ("Lægelig anmodning", "Medical request"),
    Certificate => ("Attest", "Certificate"),
    Deadline => ("Frist", "Deadline"),
    Chaser => ("Rykker", "Chaser"),
    Agreement => ("Aftale", "Agreement"),
    ContactCadence => ("Rettidighed", "Contact cadence"),
    Caseload => ("Sagsstamme", "Caseload"),
    Journalise => ("Journalisér", "Record in the case system"),
    Journalised => ("Journaliseret", "Recorded in the case system"),
    Mentor => ("Mentor", "Mentor"),
    Consultant => ("Konsulent", "Consultant"),
    RehabTeam => ("Rehabiliteringsteam", "Rehabilitation team"),
    Contact => ("Kontakt", "Contact"),
    Note => ("Notat", "Note"),
    TargetGroup => ("Målgruppe", "Target group"),
    Purpose => ("Formål", "Purpose"),
    Form => ("Form", "Form of meeting"),
    Place => ("Sted", "Place"),
    Participants => ("Deltagere", "Participants"),
    Preparation => ("Forberedelse", "Preparation"),
    Travel => ("Transport", "Travel"),
    Free => ("Ledig", "Free"),
    Overdue => ("Overskredet", "Overdue"),
    Escalate => ("Eskalér", "Escalate"),
    Sent => ("Sendt", "Sent"),
    Received => ("Modtaget", "Received"),
    WhereNow => ("Hvor er vi nu", "Where are we now"),
    NextStep => ("Næste skridt", "Next step"),
    Today => ("I dag", "Today"),
    Tomorrow => ("I morgen", "Tomorrow"),
    Yesterday => ("I går", "Yesterday"),
    Day => ("Dag", "Day"),
    Week => ("Uge", "Week"),
    /// Shared by every "other" choice: purpose, role, contact kind, target group, kinds.
    Other => ("Andet", "Other"),

    // Meeting forms.
    InPerson => ("Fremmøde", "In person"),
    HomeVisit => ("Hjemmebesøg", "Home visit"),
    Phone => ("Telefon", "Phone"),
    Video => ("Video", "Video"),
    Walk => ("Gåtur", "Walk-and-talk"),

    // Meeting statuses.
    Planned => ("Planlagt", "Planned"),
    Held => ("Afholdt", "Held"),
    Moved => ("Flyttet", "Moved"),
    CancelledByCitizen => ("Afbud", "Cancelled by citizen"),
    CancelledByCaseworker => ("Aflyst", "Cancelled by caseworker"),
    NoShow => ("Udeblevet", "No-show"),
    CutOff => ("Afbrudt – ring op", "Cut off – call back"),

    // Roles (Citizen, Caseworker, Consultant and Other above).
    Employer => ("Arbejdsgiver", "Employer"),
    Doctor => ("Læge", "Doctor"),
    Nurse => ("Sygeplejerske", "Nurse"),
    /// Role, place and contact kind.
    Bosted => ("Bosted", "Supported housing"),
    Therapist => ("Behandler", "Therapist"),
    Interpreter => ("Tolk", "Interpreter"),
    Colleague => ("Kollega", "Colleague"),

    // Place kinds (Supplier and Bosted above).
    Jobcenter => ("Jobcenter", "Job centre"),
    CitizensHome => ("Borgerens hjem", "Citizen's home"),
    Workplace => ("Arbejdsplads", "Workplace"),
    /// Place and contact kind.
    Hospital => ("Hospital", "Hospital"),
    Shelter => ("Herberg/værested", "Shelter/drop-in centre"),
    SubstanceCentre => ("Rusmiddelcenter", "Substance abuse centre"),
    InTown => ("I byen", "In town"),
    Remote => ("Fjernmøde", "Remote"),

    // Contact kinds (the rest above).
    Gp => ("Egen læge", "GP"),
    Practice => ("Lægepraksis", "Medical practice"),
    Psychiatry => ("Psykiatri", "Psychiatry"),
    Specialist => ("Speciallæge", "Specialist"),
    SocialServices => ("Socialforvaltning", "Social services"),

    // Target groups (model::target_group; "andet" is Other).
    GroupActivityReady => ("Aktivitetsparat kontanthjælp", "Activity-ready, social assistance"),
    GroupResourceCourse => ("Ressourceforløb", "Resource course"),
    GroupJobClarification => ("Jobafklaringsforløb", "Job clarification course"),
    GroupSicknessBenefit => ("Sygedagpenge", "Sickness benefit"),
    GroupFlexJobBenefit => ("Ledighedsydelse", "Flex-job unemployment benefit"),

    // Meeting purposes (model::purpose; samtale, opfølgning, 3-parts, rehab team, andet above).
    PurposeWorkPlacementVisit => ("Praktikbesøg", "Work placement visit"),
    PurposeSparring => ("Sparring", "Peer consultation"),
    PurposePhoneDuty => ("Telefonvagt", "Phone duty"),
    PurposeCoordination => ("Koordinering", "Coordination"),
    PurposeAdmin => ("Administration", "Administration"),

    // Course kinds (model::course_kind; mentor and andet above).
    CourseAssessment => ("Afklaringsforløb", "Assessment course"),
    CourseWorkPlacement => ("Virksomhedspraktik", "Work placement"),

    // Medical request kinds (model::request_kind; andet above).
    RequestStatus => ("Statusattest", "Status certificate"),
    RequestLae145 => ("LÆ 145 generel helbredsattest", "LÆ 145 general health certificate"),
    RequestSpecialist => ("Speciallægeerklæring", "Specialist's statement"),
    RequestFunction => ("Funktionsbeskrivelse", "Functional description"),
    RequestHospitalRecords => ("Journaloplysninger fra hospital", "Hospital records"),
    RequestRehabTeam => ("Lægeerklæring til rehabiliteringsteam", "Medical statement for the rehabilitation team"),

    // Weekdays, short and long (Danish writes them in lower case).
    MonShort => ("man", "Mon"),
    TueShort => ("tir", "Tue"),
    WedShort => ("ons", "Wed"),
    ThuShort => ("tor", "Thu"),
    FriShort => ("fre", "Fri"),
    SatShort => ("lør", "Sat"),
    SunShort => ("søn", "Sun"),
    Monday => ("mandag", "Monday"),
    Tuesday => ("tirsdag", "Tuesday"),
    Wednesday => ("onsdag", "Wednesday"),
    Thursday => ("torsdag", "Thursday"),
    Friday => ("fredag", "Friday"),
    Saturday => ("lørdag", "Saturday"),
    Sunday => ("søndag", "Sunday"),

    // Months, short and long.
    JanShort => ("jan", "Jan"),
    FebShort => ("feb", "Feb"),
    MarShort => ("mar", "Mar"),
    AprShort => ("apr", "Apr"),
    MayShort => ("maj", "May"),
    JunShort => ("jun", "Jun"),
    JulShort => ("jul", "Jul"),
    AugShort => ("aug", "Aug"),
    SepShort => ("sep", "Sep"),
    OctShort => ("okt", "Oct"),
    NovShort => ("nov", "Nov"),
    DecShort => ("dec", "Dec"),
    January => ("januar", "January"),
    February => ("februar", "February"),
    March => ("marts", "March"),
    April => ("april", "April"),
    May => ("maj", "May"),
    June => ("juni", "June"),
    July => ("juli", "July"),
    August => ("august", "August"),
    September => ("september", "September"),
    October => ("oktober", "October"),
    November => ("november", "November"),
    December => ("december", "December"),

    // First run, empty states and the status line.
    NothingDueToday => ("Intet forfalder i dag.", "Nothing due today."),
    NoMeetingsToday => ("Ingen samtaler i dag.", "No meetings today."),
    Saved => ("Gemt", "Saved"),
    NothingToUndo => ("Intet at fortryde", "Nothing to undo"),
    StatusHint => ("q afslut  ? hjælp", "q quit  ? help"),
    Help => ("Hjælp", "Help"),
    Quit => ("Afslut", "Quit"),
    Search => ("Søg", "Search"),
    Undo => ("Fortryd", "Undo"),
    Cancel => ("Annullér", "Cancel"),

    // The calendar: status line, questions and undo steps.
    Demo => ("Demo", "Demo"),
    NoMeetingsThisDay => ("Ingen samtaler denne dag.", "No meetings this day."),
    NothingToRedo => ("Intet at gentage", "Nothing to redo"),
    NoMeetingSelected => ("Vælg en samtale først (j/k).", "Select a meeting first (j/k)."),
    DeleteQuestion => ("Slet", "Delete"),
    CannotShorten => ("Kortere end 15 minutter kan den ikke blive med -; ret varigheden i formularen (e).", "It cannot get shorter than 15 minutes with -; edit the length in the form (e)."),
    OnlyRepeatingSkip => ("Kun faste blokke (telefonvagt, sparring) kan springes over en uge.", "Only repeating blocks (phone duty, sparring) can be skipped for a week."),
    StepMoved => ("flyttede", "moved"),
    StepLonger => ("forlængede", "lengthened"),
    StepShorter => ("forkortede", "shortened"),
    StepToPhone => ("gjorde til telefonsamtale:", "made a phone call:"),
    StepToHomeVisit => ("gjorde til hjemmebesøg:", "made a home visit:"),
    StepSkipped => ("sprang over", "skipped"),
    StepDeleted => ("slettede", "deleted"),
    StepBooked => ("bookede", "booked"),
    StepEdited => ("rettede", "edited"),
    StepStatus => ("satte status på", "set the status of"),
    StepLoggedAttempt => ("loggede kontaktforsøg til", "logged a contact attempt to"),
    ContactAttemptNote => ("Forsøgt kontakt efter udeblivelse", "Tried to reach the citizen after a no-show"),
    LogAttemptQuestion => ("Log et kontaktforsøg til", "Log a contact attempt to"),
    WeeksExpected => ("Skriv antal uger, 1–52 (fx 4).", "Type a number of weeks, 1–52 (e.g. 4)."),
    WeeksShort => ("uger", "weeks"),
    StillLoading => ("Et øjeblik: sagerne indlæses.", "One moment: the cases are loading."),
    NextFreeSlot => ("Næste ledige tid:", "Next free time:"),
    NoFreeSlot => ("Ingen ledig tid i arbejdstiden de næste fire uger.", "No free time within working hours in the next four weeks."),
    Undone => ("Fortrudt", "Undone"),
    Redone => ("Gentaget", "Redone"),
    AgendaKeys => ("h/l dag  t i dag  q afslut", "h/l day  t today  q quit"),

    // The views: header, status line, day and week, detail pane, popups and form.
    FirstRun => (
        "Ingen sager endnu. Tryk N for at oprette den første sag (C for en kontakt), eller prøv `caseplan --demo` med en demo-sagsstamme. Når der er en sag, booker n en samtale.",
        "No cases yet. Press N to add the first case (C for a contact), or try `caseplan --demo` with a demo caseload. Once there is a case, n books a meeting."
    ),
    TooSmall => ("Terminalen er for lille", "Terminal too small"),
    SizeNeeded => ("kræves", "needed"),
    SizeNow => ("denne er", "this is"),
    UndoHint => ("u fortryder", "u undoes"),
    HourLetter => ("t", "h"),
    NowWord => ("nu", "now"),
    OverlapMark => ("overlapper", "overlap"),
    OutsideHoursMark => ("uden for arbejdstid", "outside working hours"),
    DayOffMark => ("fridag", "day off"),
    BufferMark => ("buffer overlapper", "buffer overlaps"),
    CitizenAwayMark => ("borgeren er væk", "citizen away"),
    PrepShort => ("forb.", "prep"),
    WrapUpShort => ("efterb.", "wrap-up"),
    WrapUp => ("Efterbehandling", "Wrap-up"),
    WithWord => ("med", "with"),
    DateLabel => ("Dato", "Date"),
    TimeLabel => ("Tid", "Time"),
    BookedByLabel => ("Booket af", "Booked by"),
    StatusLabel => ("Status", "Meeting status"),
    OutcomeLabel => ("Resultat", "Outcome"),
    RepeatsLabel => ("Gentages", "Repeats"),
    EveryDay => ("hver dag", "every day"),
    EveryWeekday => ("hverdage", "weekdays"),
    EveryWeek => ("hver uge", "every week"),
    UntilWord => ("til", "until"),
    SkippedWord => ("springes over", "skipped on"),
    WarningsLabel => ("Advarsler", "Warnings"),
    YouWord => ("dig", "you"),
    HelpCalendar => ("Kalenderen", "The calendar"),
    HelpEverywhere => ("Overalt", "Everywhere"),
    HelpForm => ("I formularer", "In forms"),
    HelpInHelp => ("I hjælpen", "In help"),
    HelpInPalette => ("I kommandopaletten", "In the command palette"),
    HelpInConfirm => ("Ved spørgsmål", "At a question"),
    HelpFooter => ("j/k rul · Esc luk", "j/k scroll · Esc close"),
    MoreBelow => ("mere nedenfor", "more below"),
    PaletteTitle => ("Kommandoer", "Commands"),
    PaletteEmpty => ("Ingen kommando passer.", "No command matches."),
    PaletteFooter => ("↑/↓ vælg · Enter udfør · Esc luk", "↑/↓ choose · Enter run · Esc close"),
    PromptGoToDate => ("Gå til dato (fx tir, 24/11, +3d)", "Go to date (e.g. tue, 24/11, +3d)"),
    PromptMoveToDate => ("Flyt til dato (fx fre, 27/11 10:00, +1d)", "Move to date (e.g. fri, 27/11 10:00, +1d)"),
    PromptFollowUp => ("Næste opfølgning om hvor mange uger? (1–52)", "Next follow-up in how many weeks? (1–52)"),
    PromptFreeSlot => ("Find ledig tid: hvor lang? (fx 45m, 1t30)", "Find a free slot: how long? (e.g. 45m, 1h30)"),
    PromptStatusNote => ("Valgfri note til status", "Optional note for status"),
    PromptQuickAdd => ("Hurtig booking (fx tir 10:30 45m Jensen opfølgning)", "Quick add (e.g. tue 10:30 45m Jensen follow-up)"),
    PromptFooter => ("Enter OK · Esc annullér", "Enter OK · Esc cancel"),
    ConfirmTitle => ("Bekræft", "Confirm"),
    ConfirmKeys => ("y ja · n/Esc nej", "y yes · n/Esc no"),
    MonthFooter => ("pile flyt · {/} måned · Enter gå til · Esc luk", "arrows move · {/} month · Enter go · Esc close"),
    MonthLegend => ("[ ] valgt · • i dag · * helligdag", "[ ] chosen · • today · * holiday"),
    FormNew => ("Ny samtale", "New meeting"),
    FormEdit => ("Ret samtale", "Edit meeting"),
    FieldTitle => ("Titel", "Title"),
    FieldStart => ("Starttid", "Starts"),
    FieldDuration => ("Varighed", "Duration"),
    FieldForm => ("Mødeform", "Meeting type"),
    FieldPlaceText => ("Adresse", "Address"),
    FieldParties => ("Parter", "Parties"),
    CaseMatches => ("Sager der passer", "Matching cases"),
    NoCaseMatches => ("Ingen sag passer endnu: skriv en del af navnet.", "No case matches yet: type part of the name."),
    ContactMatches => ("Kontakter der passer (Enter tilføjer)", "Matching contacts (Enter adds)"),
    PartiesHint => ("←/→ skifter rolle på den sidste · ⌫ fjerner", "←/→ change the last one's role · ⌫ removes"),
    NoParties => ("Ingen andre parter endnu.", "No other parties yet."),
    NeedsThirdParty => ("3-partssamtale: hvem er tredjeparten? Skriv et navn under Parter.", "Three-party meeting: who is the third party? Type a name under Parties."),
    PartyMeetings => ("Parternes andre samtaler den dag", "The parties' other meetings that day"),
    FormFooter => ("Tab næste felt · ←/→ vælg · Enter gem · Esc annullér", "Tab next field · ←/→ choose · Enter save · Esc cancel"),

    // Keymap actions, for the help screen, the palette and the which-key line.
    ActQuit => ("Afslut caseplan", "Quit caseplan"),
    ActHelp => ("Hjælp: alle taster på skærmen", "Help: every key of this screen"),
    ActOpenPalette => ("Kommandopalet", "Command palette"),
    ActSearch => ("Find en sag, kontakt eller et telefonnummer", "Find a case, contact or phone number"),
    ActClosePopup => ("Luk vinduet", "Close the popup"),
    ActPrevDay => ("Forrige dag", "Previous day"),
    ActNextDay => ("Næste dag", "Next day"),
    ActSelectNext => ("Næste samtale", "Next meeting"),
    ActSelectPrev => ("Forrige samtale", "Previous meeting"),
    ActPrevWeek => ("Forrige uge", "Previous week"),
    ActNextWeek => ("Næste uge", "Next week"),
    ActGoToday => ("Gå til i dag", "Go to today"),
    ActGoToDate => ("Gå til en dato…", "Go to a date…"),
    ActMonthOverview => ("Månedsoversigt", "Month overview"),
    ActToggleWeek => ("Skift mellem dag og uge", "Toggle day / week view"),
    ActNewMeeting => ("Book en ny samtale", "Book a new meeting"),
    ActQuickAdd => ("Hurtig booking på én linje", "Quick add on one line"),
    ActEditMeeting => ("Ret samtalen", "Edit the meeting"),
    ActUndo => ("Fortryd sidste ændring", "Undo the last change"),
    ActRedo => ("Gentag det fortrudte", "Redo what was undone"),
    ActDeleteMeeting => ("Slet samtalen (spørger først)", "Delete meeting (asks first)"),
    ActMoveEarlier => ("Flyt 15 min tidligere", "Move 15 min earlier"),
    ActMoveLater => ("Flyt 15 min senere", "Move 15 min later"),
    ActMoveTomorrow => ("Flyt til i morgen", "Move to tomorrow"),
    ActMoveToDate => ("Flyt til en anden dag…", "Move to another day…"),
    ActExtendMeeting => ("15 min længere", "15 min longer"),
    ActShortenMeeting => ("15 min kortere", "15 min shorter"),
    ActConvertToPhone => ("Gør til telefonsamtale", "Convert to a phone call"),
    ActConvertToHomeVisit => ("Gør til hjemmebesøg", "Convert to a home visit"),
    ActSetStatusHeld => ("Status: afholdt", "Status: afholdt (held)"),
    ActSetStatusCancelledByCitizen => ("Status: afbud (borgeren meldte fra)", "Status: afbud (cancelled by citizen)"),
    ActSetStatusNoShow => ("Status: udeblevet", "Status: udeblevet (no-show)"),
    ActSetStatusCancelled => ("Status: aflyst (af dig)", "Status: aflyst (cancelled by you)"),
    ActBookFollowUp => ("Book næste opfølgning om N uger…", "Book the next follow-up in N weeks…"),
    ActFindFreeSlot => ("Find næste ledige tid…", "Find the next free slot…"),
    ActSkipWeek => ("Spring denne uge over (fast blok)", "Skip this week of a repeating block"),
    ActNextField => ("Næste felt", "Next field"),
    ActPrevField => ("Forrige felt", "Previous field"),
    ActSubmit => ("Gem / udfør", "Save / run"),
    ActScrollDown => ("Rul ned", "Scroll down"),
    ActScrollUp => ("Rul op", "Scroll up"),
    ActPageDown => ("Side ned", "Page down"),
    ActPageUp => ("Side op", "Page up"),
    ActConfirmYes => ("Ja", "Yes"),
    ActConfirmNo => ("Nej", "No"),

    // Form errors.
    NoCaseChosen => ("ingen sag valgt: skriv en del af borgerens navn", "no case chosen: type part of the citizen's name"),
    BlockNeedsTitle => ("en intern blok skal have en titel, fx \"Telefonvagt\"", "an internal block needs a title, e.g. \"Telefonvagt\""),

    // The lookup: finder, case card and contact card.
    ActTogglePrivacy => ("Skjul alle navne og detaljer på skærmen (igen for at vise)", "Blank every name and detail on screen (again to show)"),
    ActToggleClosed => ("Medtag lukkede sager", "Include closed cases"),
    ActLogContact => ("Log et opkald eller anden kontakt", "Log a call or other contact"),
    ActAddNote => ("Tilføj et notat", "Add a note"),
    ActAddAgreement => ("Tilføj en aftale (hvem, hvornår, hvad)", "Add an agreement (who, by when, what)"),
    ActBookMeeting => ("Book en samtale med sagen", "Book a meeting with this case"),
    ActCloseCard => ("Tilbage til kalenderen", "Back to the calendar"),
    PrivacyOn => ("Skjult: tryk ctrl-b for at vise igen", "Hidden: press ctrl-b to show again"),
    NoteSubjectPrompt => ("Notat: emne", "Note: subject"),
    AgreementPrompt => ("Aftale: [jeg|borger|andre] [frist] hvad — fx \"jeg +3u ringer om praktik\"", "Agreement: [me|citizen|other] [due] what — e.g. \"me +3w call about the placement\""),
    ContactLogTitle => ("Log kontakt", "Log contact"),
    StepLoggedContact => ("loggede kontakt med", "logged contact with"),
    StepAddedNote => ("tilføjede notat til", "added a note to"),
    StepAddedAgreement => ("tilføjede aftale med", "added an agreement with"),
    AgreementNeedsWhat => ("Skriv hvad aftalen går ud på.", "Write what the agreement is about."),
    NoteNeedsSubject => ("Skriv et emne for notatet.", "Write a subject for the note."),
    CaseNotFound => ("Sagen findes ikke længere.", "The case no longer exists."),

    // Case and contact forms.
    FieldName => ("Navn", "Name"),
    FieldAlias => ("Kaldenavn", "Alias"),
    FieldReference => ("Sagsnummer", "Case reference"),
    FieldPhones => ("Telefon (komma mellem)", "Phones (comma between)"),
    FieldSos => ("SOS / vagt", "SOS / guard"),
    FieldNoPhone => ("Ingen virkende telefon", "No working phone"),
    FieldReachVia => ("Kan nås via", "Reach via"),
    FieldInterpreter => ("Tolk (sprog)", "Interpreter (language)"),
    FieldCallBeforeSummons => ("Ring før indkaldelse", "Call before a summons"),
    FieldPlanB => ("Plan B", "Plan B (fallback)"),
    FieldLastTold => ("Sidst fortalt", "Last told"),
    FieldPrefTime => ("Foretrækker tid", "Preferred time"),
    FieldPrefPlace => ("Foretrækker sted", "Preferred place"),
    FieldPrefChannel => ("Foretrækker kanal", "Preferred channel"),
    FieldClosed => ("Sagen er lukket", "Case closed"),
    FieldKind => ("Slags", "Kind"),
    FieldOrganisation => ("Organisation", "Organisation "),
    FieldJobTitle => ("Titel / afdeling", "Title / department"),
    FieldWorkPhone => ("Arbejdstelefon", "Work phone"),
    FieldEmail => ("E-mail", "E-mail "),
    FieldNote => ("Note", "Note "),
    FormYes => ("ja", "yes"),
    FormNo => ("nej", "no"),
    NameRequired => ("Skriv et navn (eller et kaldenavn).", "Write a name (or an alias)."),
    EditCaseTitle => ("Ret sag", "Edit case"),
    EditContactTitle => ("Ret kontakt", "Edit contact"),
    RecordFormKeys => ("Tab næste felt · ←/→/mellemrum skift · Enter gem · Esc annullér", "Tab next field · ←/→/space change · Enter save · Esc cancel"),
    StepSavedCase => ("gemte sagen", "saved the case"),
    StepSavedContact => ("gemte kontakten", "saved the contact"),
    ActNewCase => ("Ny sag", "New case"),
    ActEditCase => ("Ret sagen", "Edit the case"),
    ActNewContact => ("Ny kontakt", "New contact"),
    ActEditContact => ("Ret kontakten", "Edit the contact"),
}
