//! A sheet as an A4 PDF through `printpdf`, in DejaVu Sans embedded (a free font with æøå;
//! its licence is beside it in `assets/fonts/`). The layout is ours and small: lines wrapped by
//! the font's own glyph widths, a section kept on one page when it fits, and a section that
//! has lines to write on gets them as a column at its right, so a day of eight meetings fits
//! one page.

use super::{Paper, PaperLine, one_line};
use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, TextItem,
};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, and the margin all round.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const MARGIN: f32 = 36.0;
const TITLE: f32 = 14.0;
const HEADING: f32 = 9.5;
const BODY: f32 = 8.0;
/// Line heights.
const TITLE_LEAD: f32 = 19.0;
const HEADING_LEAD: f32 = 12.5;
const BODY_LEAD: f32 = 9.8;
/// Room between sections, and between ruled lines to write on by hand.
const GAP: f32 = 6.0;
const RULE_LEAD: f32 = 17.0;
/// The share of the width the text takes when lines to write on sit beside it.
const TEXT_SHARE: f32 = 0.66;
/// A list line's indent.
const INDENT: f32 = 9.0;

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
}

/// The two faces, parsed once per sheet.
struct Fonts {
    regular: ParsedFont,
    bold: ParsedFont,
}

impl Fonts {
    fn load() -> Result<Fonts, PdfError> {
        let parse = |bytes| ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(PdfError::Font);
        Ok(Fonts {
            regular: parse(REGULAR)?,
            bold: parse(BOLD)?,
        })
    }

    /// The width of `text` at `size`, from the font's advance widths.
    fn width(&self, text: &str, bold: bool, size: f32) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let units: u32 = text
            .chars()
            .map(|c| {
                font.lookup_glyph_index(c as u32)
                    .and_then(|g| font.get_glyph_width(g))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(font.units_per_em.max(1))
    }
}

/// A run of text in one face.
#[derive(Debug, Clone)]
struct Run {
    text: String,
    bold: bool,
}

/// What is drawn on a page, in points from the bottom left.
#[derive(Debug, Clone)]
enum Mark {
    Text { x: f32, y: f32, size: f32, run: Run },
    Rule { x: f32, to: f32, y: f32 },
}

pub(super) fn render(paper: &Paper) -> Result<Vec<u8>, PdfError> {
    let fonts = Fonts::load()?;
    let pages = layout(paper, &fonts);
    let mut doc = PdfDocument::new(&one_line(&paper.title));
    doc.metadata.info.creator = "caseplan".into();
    let regular = doc.add_font(&fonts.regular);
    let bold = doc.add_font(&fonts.bold);
    let pages = pages
        .iter()
        .map(|marks| PdfPage::new(Mm(210.0), Mm(297.0), ops(marks, &regular, &bold)))
        .collect();
    Ok(doc
        .with_pages(pages)
        .save(&PdfSaveOptions::default(), &mut Vec::new()))
}

pub(super) fn pages(paper: &Paper) -> usize {
    Fonts::load().map_or(0, |fonts| layout(paper, &fonts).len())
}

fn ops(marks: &[Mark], regular: &FontId, bold: &FontId) -> Vec<Op> {
    let mut ops = vec![
        Op::SetOutlineColor {
            col: Color::Greyscale(Greyscale::new(0.6, None)),
        },
        Op::SetOutlineThickness { pt: Pt(0.5) },
    ];
    for mark in marks {
        match mark {
            Mark::Text { x, y, size, run } => {
                let font = if run.bold { bold } else { regular };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::External(font.clone()),
                        size: Pt(*size),
                    },
                    Op::SetTextCursor {
                        pos: Point {
                            x: Pt(*x),
                            y: Pt(*y),
                        },
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(run.text.clone())],
                    },
                    Op::EndTextSection,
                ]);
            }
            Mark::Rule { x, to, y } => ops.push(Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point {
                                x: Pt(*x),
                                y: Pt(*y),
                            },
                            bezier: false,
                        },
                        LinePoint {
                            p: Point {
                                x: Pt(*to),
                                y: Pt(*y),
                            },
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            }),
        }
    }
    ops
}

/// Pages of marks, filled from the top.
struct Pages<'a> {
    fonts: &'a Fonts,
    pages: Vec<Vec<Mark>>,
    /// The baseline of the next line on the last page.
    y: f32,
}

impl Pages<'_> {
    fn page(&mut self) -> &mut Vec<Mark> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - MARGIN;
    }

    /// Whether `height` more fits on this page.
    fn fits(&self, height: f32) -> bool {
        self.y - height >= MARGIN
    }

    /// Lines of runs, wrapped to `width` and set from `x` at `size`.
    fn lines(&mut self, runs: &[Run], x: f32, width: f32, size: f32, lead: f32) {
        for line in wrap(self.fonts, runs, width, size) {
            if !self.fits(lead) {
                self.new_page();
            }
            self.y -= lead;
            let y = self.y;
            let mut at = x;
            for run in line {
                let advance = self.fonts.width(&run.text, run.bold, size);
                self.page().push(Mark::Text {
                    x: at,
                    y,
                    size,
                    run,
                });
                at += advance;
            }
        }
    }

    fn rules(&mut self, n: usize, x: f32, to: f32, from_y: f32) {
        for i in 1..=n {
            let y = from_y - i as f32 * RULE_LEAD;
            self.page().push(Mark::Rule { x, to, y });
        }
    }
}

fn layout(paper: &Paper, fonts: &Fonts) -> Vec<Vec<Mark>> {
    let width = PAGE_W - 2.0 * MARGIN;
    let mut out = Pages {
        fonts,
        pages: Vec::new(),
        y: PAGE_H - MARGIN,
    };
    out.lines(&[bold(&paper.title)], MARGIN, width, TITLE, TITLE_LEAD);
    if !paper.subtitle.is_empty() {
        out.lines(&[plain(&paper.subtitle)], MARGIN, width, BODY, BODY_LEAD);
    }
    for section in &paper.sections {
        let writing: usize = section
            .lines
            .iter()
            .map(|l| match l {
                PaperLine::Writing(n) => usize::from(*n),
                _ => 0,
            })
            .sum();
        let text_lines: Vec<&PaperLine> = section
            .lines
            .iter()
            .filter(|l| !matches!(l, PaperLine::Writing(_)))
            .collect();
        // Lines to write on beside the text, or across the page when there is no text.
        let text_width = if writing > 0 && !text_lines.is_empty() {
            width * TEXT_SHARE
        } else {
            width
        };
        let heading = if section.heading.is_empty() {
            0.0
        } else {
            wrap(fonts, &[bold(&section.heading)], width, HEADING).len() as f32 * HEADING_LEAD
        };
        let body: f32 = text_lines
            .iter()
            .map(|l| wrap(fonts, &runs(l), text_width - indent(l), BODY).len() as f32 * BODY_LEAD)
            .sum();
        let height = heading + body.max(writing as f32 * RULE_LEAD) + 3.0;
        // A section starts on a new page when it would fit there but not here.
        if !out.fits(GAP + height) && height <= PAGE_H - 2.0 * MARGIN {
            out.new_page();
        } else {
            out.y -= GAP;
        }
        if !section.heading.is_empty() {
            out.lines(
                &[bold(&section.heading)],
                MARGIN,
                width,
                HEADING,
                HEADING_LEAD,
            );
        }
        let top = out.y;
        let first_page = out.pages.len();
        for line in &text_lines {
            let x = MARGIN + indent(line);
            out.lines(&runs(line), x, text_width - indent(line), BODY, BODY_LEAD);
        }
        if writing > 0 {
            let x = if text_lines.is_empty() {
                MARGIN
            } else {
                MARGIN + width * (TEXT_SHARE + 0.03)
            };
            // Beside the text when it stayed on one page, else below it.
            let (from, n) = if out.pages.len() == first_page && !text_lines.is_empty() {
                let n = writing.max(((top - out.y) / RULE_LEAD).floor() as usize);
                (top, n)
            } else {
                if !out.fits(writing as f32 * RULE_LEAD) {
                    out.new_page();
                }
                (out.y, writing)
            };
            out.rules(n, x, MARGIN + width, from);
            out.y = out.y.min(from - n as f32 * RULE_LEAD);
        }
        out.y -= 3.0;
    }
    out.pages
}

fn indent(line: &PaperLine) -> f32 {
    match line {
        PaperLine::Item(_) => INDENT,
        _ => 0.0,
    }
}

fn runs(line: &PaperLine) -> Vec<Run> {
    match line {
        // The space after the colon is kept in the label's run: `one_line` would trim it.
        PaperLine::Field { label, value } => vec![
            Run {
                text: format!("{}: ", one_line(label)),
                bold: true,
            },
            plain(value),
        ],
        PaperLine::Warning(text) => vec![bold(&format!("! {text}"))],
        PaperLine::Item(text) => vec![plain(&format!("– {text}"))],
        PaperLine::Writing(_) => vec![],
    }
}

fn bold(text: &str) -> Run {
    Run {
        text: one_line(text),
        bold: true,
    }
}

fn plain(text: &str) -> Run {
    Run {
        text: one_line(text),
        bold: false,
    }
}

/// Runs broken into lines no wider than `width`: at spaces, and inside a word only when the
/// word alone is wider than the line.
fn wrap(fonts: &Fonts, runs: &[Run], width: f32, size: f32) -> Vec<Vec<Run>> {
    let mut lines: Vec<Vec<Run>> = vec![Vec::new()];
    let mut used = 0.0;
    for run in runs {
        for (i, word) in run.text.split(' ').enumerate() {
            let mut piece = if i == 0 || (used == 0.0) {
                word.to_string()
            } else {
                format!(" {word}")
            };
            let mut w = fonts.width(&piece, run.bold, size);
            if used > 0.0 && used + w > width {
                lines.push(Vec::new());
                used = 0.0;
                piece = word.to_string();
                w = fonts.width(&piece, run.bold, size);
            }
            // A word wider than the line is cut where it must be.
            while w > width && piece.chars().count() > 1 {
                let mut cut = String::new();
                for c in piece.chars() {
                    if fonts.width(&format!("{cut}{c}"), run.bold, size) > width && !cut.is_empty()
                    {
                        break;
                    }
                    cut.push(c);
                }
                let rest = piece[cut.len()..].to_string();
                push_run(&mut lines, cut, run.bold);
                lines.push(Vec::new());
                piece = rest;
                w = fonts.width(&piece, run.bold, size);
            }
            if !piece.is_empty() {
                push_run(&mut lines, piece, run.bold);
                used += w;
            }
        }
    }
    lines.retain(|l| !l.is_empty());
    lines
}

/// Adds text to the last line, joined to its last run when the face is the same.
fn push_run(lines: &mut [Vec<Run>], text: String, bold: bool) {
    let Some(line) = lines.last_mut() else {
        return;
    };
    match line.last_mut() {
        Some(last) if last.bold == bold => last.text.push_str(&text),
        _ => line.push(Run { text, bold }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_and_lines_wrap_within_the_width() {
        let fonts = Fonts::load().unwrap();
        let text = "æøå ".repeat(60) + &"x".repeat(300);
        let lines = wrap(&fonts, &[bold("Label: "), plain(&text)], 200.0, BODY);
        assert!(lines.len() > 3);
        for line in &lines {
            let w: f32 = line
                .iter()
                .map(|r| fonts.width(&r.text, r.bold, BODY))
                .sum();
            assert!(w <= 200.5, "{w}: {line:?}");
        }
        let all: String = lines
            .iter()
            .flatten()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join("");
        assert_eq!(all.matches('x').count(), 300);
    }
}

#[cfg(test)]
mod pages {
    use super::*;
    use crate::paper::Section;

    /// A heavy day runs on to a second page, and no meeting is split between two pages.
    #[test]
    fn a_section_that_does_not_fit_starts_a_new_page_whole() {
        let fonts = Fonts::load().unwrap();
        let section = |i: usize| Section {
            heading: format!("Møde {i}"),
            lines: (0..8)
                .map(|j| PaperLine::Field {
                    label: "Linje".into(),
                    value: format!("{i}-{j} æøå"),
                })
                .chain([PaperLine::Writing(2)])
                .collect(),
        };
        let paper = Paper {
            title: "Dag".into(),
            subtitle: String::new(),
            sections: (0..12).map(section).collect(),
        };
        let pages = layout(&paper, &fonts);
        assert!(pages.len() >= 2);
        for i in 0..12 {
            let on: Vec<usize> = pages
                .iter()
                .enumerate()
                .filter(|(_, marks)| {
                    marks.iter().any(|m| match m {
                        Mark::Text { run, .. } => {
                            run.text == format!("Møde {i}")
                                || run.text.starts_with(&format!("{i}-"))
                        }
                        Mark::Rule { .. } => false,
                    })
                })
                .map(|(page, _)| page)
                .collect();
            assert_eq!(on.len(), 1, "meeting {i} is on pages {on:?}");
        }
        for marks in &pages {
            for mark in marks {
                let (Mark::Text { y, .. } | Mark::Rule { y, .. }) = mark;
                assert!(*y >= MARGIN && *y <= PAGE_H - MARGIN, "{mark:?}");
            }
        }
    }
}
