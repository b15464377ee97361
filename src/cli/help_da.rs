//! The command line's help in Danish. clap takes its texts from the doc comments, which are
//! English; this table puts the Danish text on every command and option when the interface
//! speaks Danish. A command or option missing here keeps its English text, and a test fails.

use crate::i18n::Lang;
use clap::{Arg, ArgAction, Command};

/// `(command path, argument id, text)`: the path is the subcommands joined by spaces ("" for
/// `caseplan` itself); an empty argument id is the command's own description.
#[rustfmt::skip]
const TEXTS: &[(&str, &str, &str)] = &[
    ("", "", "Et tastaturstyret planlægningsværktøj til sagsbehandlere i jobcentret"),
    ("", "data", "Datamappe (standard: platformens datamappe, fx ~/.local/share/caseplan)"),
    ("", "config", "Konfigurationsfil (standard: config.toml i platformens konfigurationsmappe)"),
    ("", "now", "Frys uret på et lokalt tidspunkt, \"ÅÅÅÅ-MM-DD TT:MM\" (til demoer og test)"),
    ("", "demo", "Åbn planlæggeren på en ny demo-sagsstamme, der slettes ved afslutning"),
    ("agenda", "", "Samtaler i rækkefølge, med parter og sted"),
    ("agenda", "date", "Første dag (\"i morgen\", \"tir\", \"24/11\", \"+3d\"); standard i dag"),
    ("agenda", "days", "Antal dage"),
    ("agenda", "json", "Skriv JSON til scripts (formen står i README)"),
    ("agenda", "next", "Kun dagens næste samtale med nedtælling, som planlæggerens statuslinje viser den (\"→ 10:30 Anne Jensen · 12 min · telefon\", \"! \" foran når den er tæt på); intet når der ikke er flere. Til en statuslinje (tmux, en shell-prompt)"),
    ("add", "", "Book en samtale fra én linje: \"tir 10:30 45m Jensen opfølgning\""),
    ("add", "json", "Skriv den nye samtale som JSON (den gemte post med dens nummer) i stedet for en linje"),
    ("add", "line", "Hvornår, hvor længe, hvem og hvad: \"tir 10:30 45m Jensen opfølgning\", \"i morgen 9 1t Jensen telefon\""),
    ("case", "", "Sager: `case add NAVN`, `case edit SAG` (netværk, perioder væk, egen kadence, markeringer …)"),
    ("case add", "", "Opret en sag: `caseplan case add \"Anne Jensen\" --reference 2026-04512 --network \"Lone Holm:læge\" --away 2026-12-01..2026-12-11:ferie --cadence 7d:2027-03-01`"),
    ("case add", "json", "Skriv den nye sag som JSON (den gemte post med dens nummer) i stedet for en linje"),
    ("case add", "name", "Borgerens navn eller et alias"),
    ("case add", "group", "Målgruppe (aktivitetsparat, ressourceforloeb, jobafklaring, sygedagpenge, ledighedsydelse, andet eller en fra konfigurationen)"),
    ("case add", "reference", "Sagsnummeret i kommunens sagssystem (aldrig CPR-nummeret)"),
    ("case add", "alias", "Et kaldenavn"),
    ("case add", "phone", "Et telefonnummer; gentag for flere (`edit`: erstatter numrene)"),
    ("case add", "network", "En kontakt i netværket med sin rolle, \"NAVN:ROLLE\" (læge, mentor, konsulent, arbejdsgiver, bosted, socialrådgiver, tolk, andet); et navn ingen kontakt har, oprettes. Gentag for flere"),
    ("case add", "away", "En periode væk, \"FRA..TIL:HVORFOR[:NOTE]\" (ferie, syg, hospital, andet), fx 2026-12-01..2026-12-11:ferie. Gentag for flere"),
    ("case add", "cadence", "Sagens egen kadence, \"DAGE[:TIL]\" (7, 7d, 2u), fx 7d:2027-03-01; \"ingen\" giver målgruppens regel igen"),
    ("case add", "prefer_time", "Foretrukket tid på dagen (\"formiddag\")"),
    ("case add", "prefer_place", "Foretrukket sted (\"hjemme\")"),
    ("case add", "prefer_channel", "Foretrukken kanal (\"sms\")"),
    ("case add", "reach_via", "Et sted eller en person, der kan give besked videre, når telefonen ikke virker"),
    ("case add", "interpreter", "Sproget, når der skal tolk på (\"\" for ingen)"),
    ("case add", "sos", "SOS-markeret: mød med vagt eller en kollega i nærheden (`--sos=false` fjerner det)"),
    ("case add", "call_before_summons", "Ring før indkaldelse (`=false` fjerner det)"),
    ("case add", "no_working_phone", "Ingen telefon der virker (`=false` fjerner det)"),
    ("case edit", "", "Ret en sag (nummer, sagsnummer eller navn): kun de givne felter ændres; `--network` og `--away` lægger til"),
    ("case edit", "case", "Sagen: dens nummer, sagsnummer eller navn"),
    ("case edit", "name", "Et nyt navn eller alias"),
    ("case edit", "group", "Målgruppe, som ved `case add`"),
    ("case edit", "clear_network", "Fjern hele netværket, før `--network` lægges til"),
    ("case edit", "remove_network", "Fjern kontakten med dette navn fra netværket"),
    ("case edit", "clear_away", "Fjern alle perioder væk, før `--away` lægges til"),
    ("case edit", "end_away", "Afslut perioden væk, der løber denne dag, før tid, på denne dag (\"4/12\", \"2026-12-04\")"),
    ("case edit", "reference", "Sagsnummeret i kommunens sagssystem (aldrig CPR-nummeret)"),
    ("case edit", "alias", "Et kaldenavn"),
    ("case edit", "phone", "Et telefonnummer; gentag for flere (`edit`: erstatter numrene)"),
    ("case edit", "network", "En kontakt i netværket med sin rolle, \"NAVN:ROLLE\" (læge, mentor, konsulent, arbejdsgiver, bosted, socialrådgiver, tolk, andet); et navn ingen kontakt har, oprettes. Gentag for flere"),
    ("case edit", "away", "En periode væk, \"FRA..TIL:HVORFOR[:NOTE]\" (ferie, syg, hospital, andet), fx 2026-12-01..2026-12-11:ferie. Gentag for flere"),
    ("case edit", "cadence", "Sagens egen kadence, \"DAGE[:TIL]\" (7, 7d, 2u), fx 7d:2027-03-01; \"ingen\" giver målgruppens regel igen"),
    ("case edit", "prefer_time", "Foretrukket tid på dagen (\"formiddag\")"),
    ("case edit", "prefer_place", "Foretrukket sted (\"hjemme\")"),
    ("case edit", "prefer_channel", "Foretrukken kanal (\"sms\")"),
    ("case edit", "reach_via", "Et sted eller en person, der kan give besked videre, når telefonen ikke virker"),
    ("case edit", "interpreter", "Sproget, når der skal tolk på (\"\" for ingen)"),
    ("case edit", "sos", "SOS-markeret: mød med vagt eller en kollega i nærheden (`--sos=false` fjerner det)"),
    ("case edit", "call_before_summons", "Ring før indkaldelse (`=false` fjerner det)"),
    ("case edit", "no_working_phone", "Ingen telefon der virker (`=false` fjerner det)"),
    ("export", "", "Skriv hele databasen som ét JSON-dokument"),
    ("export", "file", "Hvor dokumentet skrives; `-` skriver til standard output"),
    ("import", "", "Læs et JSON-dokument skrevet af `export` (kontrolleret før noget skrives)"),
    ("import", "file", "Et dokument skrevet af `caseplan export`; `-` læser standard input"),
    ("import", "replace", "Erstat alt i en database, der allerede har data"),
    ("restore", "", "Gendan en beskadiget database fra en backup (den beskadigede gemmes til side)"),
    ("restore", "file", "En backupfil (fra mappen `backups` ved databasen) eller en eksport; standard: den nyeste backup. Alle ændringer i journalen efter backuppen afspilles"),
    ("backup", "", "Skriv dagens backup nu (til cron, når planlæggeren ikke bruges): dagens backup sammensættes af den forrige og journalen; de nyeste 14 gemmes"),
    ("backup", "from_files", "Sammensæt kun den manglende backup af den forrige og journalen, uden at åbne databasen (det en skrivende kommando starter i baggrunden)"),
    ("check", "", "Kontrollér at poster og indeks stemmer overens"),
    ("config", "", "Vis den gældende konfiguration"),
    ("demo", "", "Fyld databasen med en opdigtet demo-sagsstamme"),
    ("demo", "cases", "Antal sager"),
    ("demo", "seed", "Frø: samme frø giver samme sagsstamme"),
    ("demo", "meetings_per_case", "Samtaler pr. sag pr. års historik (12 giver 8–15 om ugen ved 50 sager)"),
    ("demo", "years", "År med historik: det sidste års samtaler gentages længere tilbage (til målinger)"),
    ("reports", "", "Leverandørers progressionsrapporter efter forfaldsdato"),
    ("reports", "late", "Kun rapporter, der ikke er modtaget til forfaldsdatoen"),
    ("reports", "json", "Skriv JSON til scripts"),
    ("due", "", "Alt, der forfalder eller er overskredet i sagsstammen (listen I dag)"),
    ("due", "date", "Dagen listen gælder (\"fre\", \"+3d\", \"1/12\"); standard i dag"),
    ("due", "json", "Skriv JSON til scripts (formen står i README)"),
    ("plan", "", "Foreslå ugens bookinger, der holder alle sager rettidige (intet bookes)"),
    ("plan", "week", "Ugen: dens nummer (\"50\", \"uge 50\", \"2026-W50\") eller en dag i den (\"i dag\", \"næste mandag\", \"7/12\"); standard denne uge"),
    ("plan", "json", "Skriv JSON til scripts (formen står i README)"),
    ("requests", "", "Lægelige anmodninger efter næste handlingsdato, med rykkerstatus"),
    ("requests", "open", "Kun anmodninger, der endnu ikke er modtaget eller trukket tilbage"),
    ("requests", "json", "Skriv JSON til scripts"),
    ("find", "", "Find sager, kontakter og kommende samtaler efter navn, telefonnummer eller sagsnummer"),
    ("find", "query", "Et navn, en del af et navn, et telefonnummer (med eller uden mellemrum og +45) eller et sagsnummer"),
    ("find", "closed", "Find også lukkede sager"),
    ("find", "limit", "Højst så mange resultater"),
    ("find", "json", "Skriv JSON til scripts (formen står i README)"),
    ("card", "", "Vis en sags kort: telefoner, flag, hvor vi er, aftaler, forløb, anmodninger, netværk"),
    ("card", "case", "Et sags-id, et navn, et telefonnummer eller et sagsnummer"),
    ("card", "json", "Skriv JSON til scripts"),
    ("board", "", "Sagsoversigten: én linje pr. aktiv sag; --md giver det månedlige gennemgangsark"),
    ("board", "json", "Skriv JSON til scripts"),
    ("board", "csv", "Skriv CSV til et regneark"),
    ("board", "md", "Skriv det månedlige gennemgangsark som Markdown"),
    ("board", "overdue", "Kun sager med noget overskredet: rettidighed, en sen rapport, en anmodning over fristen"),
    ("board", "filter", "Behold sagerne, der passer til et filter, som skærmens `f`: \"gruppe:sygedagpenge leverandør:udsyn flag:sos\""),
    // sheets and the citizen view (#17)
    ("sheet", "", "Ark til udskrift: `sheet day` (dagens samtaler) og `sheet case NAVN` (kortet)"),
    ("sheet day", "", "Dagsarket: hver samtale med tid, sted, parter, telefoner, hvad man skal være opmærksom på, hvor sagen står, åbne aftaler og linjer til noter"),
    ("sheet day", "date", "Dagen (\"i morgen\", \"tir\", \"24/11\", \"+3d\"); standard i dag"),
    ("sheet day", "format", "pdf til udskrift, text eller md (Markdown)"),
    ("sheet day", "out", "Hvor arket skrives; `-` skriver til standard output. Standard: exports/ i datamappen"),
    ("sheet case", "", "Sagsarket: sagens kort på papir, med linjer til noter"),
    ("sheet case", "case", "Et sags-id, et navn, et telefonnummer eller et sagsnummer"),
    ("sheet case", "format", "pdf til udskrift, text eller md (Markdown)"),
    ("sheet case", "out", "Hvor arket skrives; `-` skriver til standard output. Standard: exports/ i datamappen"),
    ("ics", "", "Kalendere som .ics-filer: `ics export FIL` til Outlook, `ics import FIL` derfra"),
    ("ics export", "", "Skriv samtalerne som en .ics-kalender (`-` skriver til standard output)"),
    ("ics export", "file", "Hvor kalenderen skrives; `-` skriver til standard output"),
    ("ics export", "from", "Første dag (\"24/11\", \"i dag\", \"-4u\"); standard: alle samtaler"),
    ("ics export", "to", "Sidste dag"),
    ("ics export", "privacy", "Hvad titlen viser: `initials` formål, initialer og sagsnummer; `full` borgerens navn; `none` kun \"optaget\""),
    ("ics import", "", "Læs en .ics-kalender (en Outlook-eksport) som optaget tid; samme kilde igen erstatter det, den bragte før"),
    ("ics import", "file", "En .ics-fil, fx gemt fra Outlook med \"Gem kalender\""),
    ("ics import", "source", "Kalenderens navn på dens blokke; samme navn igen erstatter den"),
    // bulk rebooking (#17)
    ("bulk", "", "Når planerne brister: aflys eller omlæg alle samtaler i en periode på én gang, efter et overblik; hver berørt borger får én \"giv besked og book igen\" på I dag"),
    ("bulk", "operation", "`cancel` markerer samtalerne aflyst; `convert` ændrer deres form og beholder tiden"),
    ("bulk", "from", "Første dag (\"i dag\", \"mandag\", \"7/12\")"),
    ("bulk", "to", "Sidste dag, den er med"),
    ("bulk", "to_form", "Hvad `convert` gør samtalerne til (standard: phone)"),
    ("bulk", "only_with_citizens", "Lad samtaler om en sag, som borgeren ikke deltager i, være"),
    ("bulk", "include_internal", "Ændr også de interne blokke (telefonvagt, admin)"),
    ("bulk", "note", "Hvorfor; står på hver aflyst samtale og på hver borgers opgave (\"sygdom\")"),
    ("bulk", "yes", "Gør det uden at spørge"),
    ("bulk", "json", "Skriv overblikket som JSON til standard output (hvad der blev gjort, går til standard error)"),
    ("completions", "", "Skriv skalfuldførelser: `caseplan completions bash > ~/.local/share/bash-completion/completions/caseplan`"),
    ("completions", "shell", "Skallen: bash, zsh, fish, powershell eller elvish"),
    ("man", "", "Skriv manualsiden: `caseplan man > ~/.local/share/man/man1/caseplan.1`"),
    ("man", "out", "Skriv caseplan.1 og en side pr. kommando (caseplan-agenda.1, …) i denne mappe i stedet for at vise caseplan.1"),
];

/// Danish headings for clap's own parts of the help.
const TEMPLATE: &str = "{about-with-newline}\nBrug: {usage}\n\n{all-args}{after-help}";

/// The command line with its help in `lang`: unchanged in English.
pub fn localise(command: Command, lang: Lang) -> Command {
    match lang {
        Lang::En => command,
        Lang::Da => in_danish(command, "")
            .disable_help_subcommand(true)
            .disable_version_flag(true)
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version)
                    .help("Vis versionen")
                    .help_heading("Tilvalg"),
            ),
    }
}

fn in_danish(command: Command, path: &str) -> Command {
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Kommandoer")
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Vis hjælp")
                .help_heading("Tilvalg"),
        );
    if let Some(about) = text(path, "") {
        command = command.about(about);
    }
    let ids: Vec<String> = command
        .get_arguments()
        .map(|arg| arg.get_id().to_string())
        .filter(|id| id != "help")
        .collect();
    for id in ids {
        let help = text(path, &id);
        command = command.mut_arg(id, |arg| {
            let heading = if arg.is_positional() {
                "Argumenter"
            } else {
                "Tilvalg"
            };
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        let sub_path = if path.is_empty() {
            name.clone()
        } else {
            format!("{path} {name}")
        };
        command = command.mut_subcommand(name, |sub| in_danish(sub, &sub_path));
    }
    command
}

fn text(path: &str, id: &str) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|(_, _, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Cli;
    use clap::CommandFactory;

    /// Every command and option of `command` without a Danish text, as "path id".
    fn missing(command: &Command, path: &str, out: &mut Vec<String>) {
        if text(path, "").is_none() {
            out.push(format!("{path:?} (the command)"));
        }
        for arg in command.get_arguments() {
            let id = arg.get_id().as_str();
            if !matches!(id, "help" | "version") && text(path, id).is_none() {
                out.push(format!("{path:?} {id}"));
            }
        }
        for sub in command.get_subcommands() {
            let sub_path = if path.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{path} {}", sub.get_name())
            };
            missing(sub, &sub_path, out);
        }
    }

    #[test]
    fn every_command_and_option_has_a_danish_help_text() {
        let mut out = Vec::new();
        missing(&Cli::command(), "", &mut out);
        assert!(out.is_empty(), "no Danish help for: {}", out.join(", "));
    }

    #[test]
    fn the_danish_command_line_is_well_formed() {
        localise(Cli::command(), Lang::Da).debug_assert();
        Cli::command().debug_assert();
    }

    #[test]
    fn danish_help_speaks_danish_and_english_help_english() {
        let mut da = localise(Cli::command(), Lang::Da);
        let help = da.render_help().to_string();
        assert!(help.contains("Brug: caseplan"), "{help}");
        assert!(
            help.contains("Kommandoer:") && help.contains("Tilvalg:"),
            "{help}"
        );
        assert!(help.contains("Samtaler i rækkefølge"), "{help}");
        assert!(
            !help.contains("Usage") && !help.contains("Print help"),
            "{help}"
        );
        let mut en = localise(Cli::command(), Lang::En);
        let help = en.render_help().to_string();
        assert!(help.contains("Usage: caseplan") && help.contains("Meetings in order"));
    }
}
