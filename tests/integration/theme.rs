//! The colour themes: dark, light and none (`NO_COLOR`) draw the same text, so nothing is said
//! by colour alone; light draws no dark block background; none draws no colour at all.

use crate::harness::{App, screen};
use caseplan::model::Dataset;
use caseplan::ui::theme::{Palette, set_palette};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use serde_json::json;

fn app() -> App {
    App::with(|store, _| {
        let data: Dataset = serde_json::from_value(json!({
            "cases": [{ "id": 1, "name": "Anne Jensen", "target_group": "aktivitetsparat",
                        "created": "2025-01-06T09:00:00Z" }],
            "meetings": [
                { "id": 10, "case": 1, "start": "2026-11-24T10:00:00", "minutes": 45,
                  "purpose": "samtale", "form": "in_person", "status": "planned" },
                { "id": 11, "case": 1, "start": "2026-11-24T10:30:00", "minutes": 45,
                  "purpose": "samtale", "form": "phone", "status": "planned" },
            ],
        }))
        .unwrap();
        store.import(&data).unwrap();
    })
}

fn colours(terminal: &Terminal<TestBackend>) -> Vec<Color> {
    let buf = terminal.backend().buffer();
    buf.content
        .iter()
        .flat_map(|c| [c.fg, c.bg])
        .filter(|c| *c != Color::Reset)
        .collect()
}

/// One test, so that no other test draws while the palette is switched.
#[test]
fn every_theme_draws_the_same_text_and_none_draws_no_colour() {
    let mut app = app();
    let mut screens = Vec::new();
    for view in ["", "w", "g o"] {
        if !view.is_empty() {
            app.keys(view);
        }
        let mut drawn = Vec::new();
        for palette in [Palette::Dark, Palette::Light, Palette::NoColour] {
            set_palette(palette);
            let terminal = app.draw(120, 40);
            drawn.push((palette, screen(&terminal), colours(&terminal)));
        }
        set_palette(Palette::Dark);
        screens.push((view, drawn));
    }
    let mut any_colour = false;
    for (view, drawn) in screens {
        let (_, dark_text, dark_colours) = &drawn[0];
        let (_, light_text, light_colours) = &drawn[1];
        let (_, none_text, none_colours) = &drawn[2];
        assert_eq!(
            dark_text, light_text,
            "{view:?}: the light theme says the same"
        );
        assert_eq!(dark_text, none_text, "{view:?}: no colour says the same");
        any_colour |= !dark_colours.is_empty();
        assert!(
            !light_colours.contains(&Color::Indexed(236)),
            "{view:?}: no dark blocks"
        );
        assert!(
            !light_colours.contains(&Color::Yellow),
            "{view:?}: no yellow on white"
        );
        assert!(
            none_colours.is_empty(),
            "{view:?}: NO_COLOR: {none_colours:?}"
        );
    }
    assert!(any_colour, "the dark theme has colour");
}
