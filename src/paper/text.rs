//! A sheet as plain text, for a printer or a terminal: labels aligned, `!` before what to mind.

use super::{Paper, PaperLine, one_line};

/// The width of a ruled line to write on.
const RULE: usize = 72;

pub(super) fn render(paper: &Paper) -> String {
    let mut out = String::new();
    let title = one_line(&paper.title);
    out.push_str(&title);
    out.push('\n');
    out.push_str(&"=".repeat(title.chars().count()));
    out.push('\n');
    if !paper.subtitle.is_empty() {
        out.push_str(&one_line(&paper.subtitle));
        out.push('\n');
    }
    for section in &paper.sections {
        out.push('\n');
        if !section.heading.is_empty() {
            out.push_str(&one_line(&section.heading));
            out.push('\n');
        }
        // Values start in one column within a section.
        let width = section
            .lines
            .iter()
            .filter_map(|l| match l {
                PaperLine::Field { label, .. } => Some(label.chars().count() + 1),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        for line in &section.lines {
            match line {
                PaperLine::Field { label, value } => {
                    let label = format!("{label}:");
                    out.push_str(&format!("  {label:<width$}  {}", one_line(value)));
                }
                PaperLine::Warning(text) => out.push_str(&format!("  ! {}", one_line(text))),
                PaperLine::Item(text) => out.push_str(&format!("  - {}", one_line(text))),
                PaperLine::Writing(n) => {
                    for i in 0..*n {
                        if i > 0 {
                            out.push('\n');
                        }
                        out.push_str(&format!("  {}", "_".repeat(RULE)));
                    }
                }
            }
            // No trailing blanks: a padded label with an empty value ends at the label.
            let end = out.trim_end_matches(' ').len();
            out.truncate(end);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::Section;

    #[test]
    fn labels_align_within_a_section_and_no_line_ends_in_blanks() {
        let paper = Paper {
            title: "Ark".into(),
            subtitle: "2 samtaler".into(),
            sections: vec![Section {
                heading: "09:00 Anne".into(),
                lines: vec![
                    PaperLine::Warning("SOS".into()),
                    PaperLine::Field {
                        label: "Sted".into(),
                        value: "Jobcenter".into(),
                    },
                    PaperLine::Field {
                        label: "Næste skridt".into(),
                        value: String::new(),
                    },
                    PaperLine::Item("en\u{1b}[2J aftale".into()),
                ],
            }],
        };
        assert_eq!(
            render(&paper),
            "Ark\n===\n2 samtaler\n\n09:00 Anne\n  ! SOS\n  Sted:          Jobcenter\n  Næste skridt:\n  - en[2J aftale\n"
        );
    }
}
