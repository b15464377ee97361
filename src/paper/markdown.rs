//! A sheet as Markdown: a heading per section, its lines as a list.

use super::{Paper, PaperLine, one_line};

pub(super) fn render(paper: &Paper) -> String {
    let mut out = format!("# {}\n", escape(&one_line(&paper.title)));
    if !paper.subtitle.is_empty() {
        out.push_str(&format!("\n{}\n", escape(&one_line(&paper.subtitle))));
    }
    for section in &paper.sections {
        if !section.heading.is_empty() {
            out.push_str(&format!("\n## {}\n", escape(&one_line(&section.heading))));
        }
        let mut list = false;
        for line in &section.lines {
            let item = match line {
                PaperLine::Field { label, value } => {
                    format!("- **{}:** {}", escape(label), escape(&one_line(value)))
                }
                PaperLine::Warning(text) => format!("- **! {}**", escape(&one_line(text))),
                PaperLine::Item(text) => format!("- {}", escape(&one_line(text))),
                // Lines to write on: a rule each, set apart so none reads as a heading.
                PaperLine::Writing(n) => {
                    out.push('\n');
                    for _ in 0..*n {
                        out.push_str("\n___\n");
                    }
                    list = false;
                    continue;
                }
            };
            if !list {
                out.push('\n');
                list = true;
            }
            out.push_str(&item);
            out.push('\n');
        }
    }
    out
}

/// Stored text that Markdown would read as markup (`*`, `_`, `#`, a link) is shown as typed.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '#' | '[' | ']' | '<' | '>' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::paper::Section;

    #[test]
    fn stored_text_is_shown_as_typed_not_read_as_markup() {
        let paper = Paper {
            title: "Dag *1*".into(),
            subtitle: String::new(),
            sections: vec![Section {
                heading: "# Anne_Jensen".into(),
                lines: vec![
                    PaperLine::Field {
                        label: "Note".into(),
                        value: "[link](x) <b>\nto lines".into(),
                    },
                    PaperLine::Writing(1),
                ],
            }],
        };
        assert_eq!(
            render(&paper),
            "# Dag \\*1\\*\n\n## \\# Anne\\_Jensen\n\n- **Note:** \\[link\\](x) \\<b\\> to lines\n\n\n___\n"
        );
    }
}
