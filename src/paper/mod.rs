//! Paper: a sheet to print and take along (#17), and its three renderings — plain text,
//! Markdown and PDF. `query::sheet` fills a [`Paper`] in the interface language; the renderers
//! lay it out and know nothing of cases or meetings.

mod markdown;
mod pdf;
mod text;

pub use pdf::PdfError;

/// A sheet: a title, a line under it, and sections of lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    pub title: String,
    pub subtitle: String,
    pub sections: Vec<Section>,
}

/// A part of the sheet: a meeting of the day, or a part of the case card. An empty heading
/// draws none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub lines: Vec<PaperLine>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaperLine {
    /// A labelled value: "Sted: Jobcentret".
    Field { label: String, value: String },
    /// Something to mind in the room: "SOS: vagt eller kollega i nærheden".
    Warning(String),
    /// A line of a list: a phone, an agreement, a contact.
    Item(String),
    /// Empty ruled lines to write on by hand.
    Writing(u8),
}

/// The formats a sheet is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Md,
    Pdf,
}

impl Format {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Md => "md",
            Format::Pdf => "pdf",
        }
    }
}

impl Paper {
    /// The sheet in `format`, as the bytes of a file.
    pub fn render(&self, format: Format) -> Result<Vec<u8>, PdfError> {
        Ok(match format {
            Format::Text => self.text().into_bytes(),
            Format::Md => self.markdown().into_bytes(),
            Format::Pdf => self.pdf()?,
        })
    }

    /// The sheet as plain text: aligned labels, `!` before what to mind, ruled lines of `_`.
    pub fn text(&self) -> String {
        text::render(self)
    }

    /// The sheet as Markdown: a heading per section, a list of fields.
    pub fn markdown(&self) -> String {
        markdown::render(self)
    }

    /// The sheet as an A4 PDF in DejaVu Sans (embedded: æøå print everywhere).
    pub fn pdf(&self) -> Result<Vec<u8>, PdfError> {
        pdf::render(self)
    }

    /// How many A4 pages the PDF takes.
    pub fn pdf_pages(&self) -> usize {
        pdf::pages(self)
    }
}

/// Free text on one line: a line break typed into a note must not break the sheet's layout,
/// and what the planner would not draw (control characters) is not printed either.
pub(crate) fn one_line(text: &str) -> String {
    crate::screen_text::one_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}
