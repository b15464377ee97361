//! The day's agenda as a plain list (the calendar views replace it).

use crate::app::Model;
use crate::i18n::{Msg, weekday_long};
use crate::time::format_date;
use chrono::Datelike;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub struct Screen<'a>(pub &'a Model);

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let model = self.0;
        let lang = model.lang;
        let [header, body, footer] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(1),
            Constraint::Length(1),
        ])
        .areas(area);

        let mut title = vec![
            Span::styled("caseplan", Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(format!(
                "  {} {}",
                weekday_long(model.day.weekday(), lang),
                format_date(model.day)
            )),
        ];
        if model.day == model.today {
            title.push(Span::raw(format!("  ({})", Msg::Today.text(lang))));
        }
        if model.demo {
            title.push(Span::styled(
                format!("  [{}]", Msg::Demo.text(lang)),
                Style::new().add_modifier(Modifier::REVERSED),
            ));
        }
        Line::from(title).render(header, buf);

        if model.first_run {
            Paragraph::new(Msg::FirstRun.text(lang))
                .wrap(Wrap { trim: true })
                .render(body, buf);
        } else if model.items.is_empty() {
            Line::from(Msg::NoMeetingsThisDay.text(lang)).render(body, buf);
        } else {
            let lines: Vec<Line> = model
                .items
                .iter()
                .map(|i| {
                    let who = i.case.as_ref().map_or(i.title.as_str(), |c| c.name.as_str());
                    let mut text = format!(
                        "{}-{}  {who}  ·  {} · {} · {}",
                        i.start, i.end, i.purpose, i.form, i.place
                    );
                    for p in &i.parties {
                        text.push_str(&format!(" · {} ({})", p.name, p.role));
                    }
                    Line::from(text)
                })
                .collect();
            Paragraph::new(lines).render(body, buf);
        }

        Line::from(Msg::AgendaKeys.text(lang))
            .style(Style::new().add_modifier(Modifier::DIM))
            .render(footer, buf);
    }
}
