//! The shipped keymap files, user overrides, loading errors and key sequences.

use std::path::Path;

use caseplan::app::core::action::Named;
use caseplan::keymap::{
    DEFAULT_KEYMAP, KeyPress, KeyResult, KeymapError, Layer, Pending, VIM_PRESET, parse_sequence,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

type Keymap = caseplan::keymap::Keymap<Named>;

fn keymaps_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("keymaps")
}

fn defaults() -> Keymap {
    Keymap::defaults().unwrap()
}

fn with_user(source: &str) -> Result<Keymap, KeymapError> {
    Keymap::load(DEFAULT_KEYMAP, Some((Path::new("keymap.toml"), source)))
}

/// Feeds a key sequence with `layers` open and returns each result.
fn feed(keymap: &Keymap, layers: &[Layer], keys: &str) -> Vec<KeyResult<Named>> {
    let mut pending = Pending::new();
    parse_sequence(keys)
        .unwrap()
        .into_iter()
        .map(|key| keymap.feed(layers, &mut pending, key))
        .collect()
}

/// The action a complete sequence runs, or `None`.
fn action(keymap: &Keymap, layer: Layer, keys: &str) -> Option<&'static str> {
    match feed(keymap, &[layer], keys).pop() {
        Some(KeyResult::Matched(action)) => Some(action.name()),
        _ => None,
    }
}

fn position(error: &KeymapError) -> (&str, usize, usize) {
    (error.file.as_str(), error.line, error.column)
}

#[test]
fn every_shipped_keymap_file_loads() {
    let mut presets = 0;
    for entry in std::fs::read_dir(keymaps_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|ext| ext != "toml") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        if path.file_name().is_some_and(|name| name == "default.toml") {
            assert_eq!(source, DEFAULT_KEYMAP);
            Keymap::load(&source, None).unwrap();
        } else {
            presets += 1;
            if let Err(error) = Keymap::load(DEFAULT_KEYMAP, Some((&path, &source))) {
                panic!("{error}");
            }
        }
    }
    assert!(presets >= 1, "the vim preset was not found");
}

#[test]
fn default_bindings_required_by_the_project() {
    let keymap = defaults();
    let expected = [
        ("?", "help"),
        ("q", "quit"),
        ("/", "search"),
        ("ctrl-p", "search"),
        (":", "open_palette"),
        ("t", "go_today"),
        ("g t", "go_today"),
        ("h", "prev_day"),
        ("left", "prev_day"),
        ("l", "next_day"),
        ("right", "next_day"),
        ("j", "select_next"),
        ("down", "select_next"),
        ("k", "select_prev"),
        ("up", "select_prev"),
        ("w", "toggle_week"),
        ("n", "new_meeting"),
        ("e", "edit_meeting"),
        ("enter", "edit_meeting"),
        ("u", "undo"),
        ("ctrl-r", "redo"),
        ("ctrl-c", "quit"),
        ("esc", "close_popup"),
        ("a", "quick_add"),
        ("K", "move_earlier"),
        ("J", "move_later"),
        ("m", "move_to_date"),
        (">", "move_tomorrow"),
        ("+", "extend_meeting"),
        ("-", "shorten_meeting"),
        ("p", "convert_to_phone"),
        ("H", "convert_to_home_visit"),
        ("s a", "set_status_held"),
        ("s b", "set_status_cancelled_by_citizen"),
        ("s x", "set_status_no_show"),
        ("s c", "set_status_cancelled"),
        ("f", "book_follow_up"),
        ("F", "find_free_slot"),
        ("d", "delete_meeting"),
        ("S", "skip_week"),
        ("g d", "go_to_date"),
        ("g m", "month_overview"),
        ("{", "prev_week"),
        ("}", "next_week"),
        ("shift-left", "prev_week"),
        ("shift-right", "next_week"),
    ];
    for (keys, expected_action) in expected {
        assert_eq!(
            action(&keymap, Layer::Calendar, keys),
            Some(expected_action),
            "calendar {keys}"
        );
    }
    assert_eq!(action(&keymap, Layer::Confirm, "y"), Some("confirm_yes"));
    assert_eq!(action(&keymap, Layer::Help, "q"), Some("close_popup"));
}

#[test]
fn layers_shadow_global_keys_only_where_intended() {
    let keymap = defaults();
    let intended = [
        (Layer::Help, "?"),
        (Layer::Finder, "ctrl-p"),
        (Layer::Palette, "ctrl-p"),
    ];
    for info in keymap.bindings(Layer::Global) {
        for keys in &info.alternatives {
            for layer in Layer::ALL {
                let got = action(&keymap, layer, keys);
                if intended.contains(&(layer, keys.as_str())) {
                    assert_ne!(got, Some(info.action.name()), "{layer} {keys}");
                } else {
                    assert_eq!(got, Some(info.action.name()), "{layer} {keys}");
                }
            }
        }
    }
}

#[test]
fn ctrl_c_quits_from_every_layer_and_stack() {
    let keymap = defaults();
    let ctrl_c = KeyPress::from(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    for layer in Layer::ALL {
        let mut pending = Pending::new();
        assert_eq!(
            keymap.feed(&[layer], &mut pending, ctrl_c),
            KeyResult::Matched(Named::Quit),
            "{layer}"
        );
    }
    let mut pending = Pending::new();
    let stack = [Layer::Confirm, Layer::Form, Layer::Calendar];
    assert_eq!(
        keymap.feed(&stack, &mut pending, ctrl_c),
        KeyResult::Matched(Named::Quit)
    );
}

#[test]
fn sequence_g_t_is_pending_then_matched() {
    let keymap = defaults();
    let results = feed(&keymap, &[Layer::Calendar], "g t");
    let KeyResult::Pending(node) = &results[0] else {
        panic!("expected pending, got {:?}", results[0]);
    };
    let popup: Vec<(String, String)> = node
        .continuations
        .iter()
        .map(|c| (c.key.to_string(), c.desc.clone()))
        .collect();
    let keys: Vec<&str> = popup.iter().map(|(key, _)| key.as_str()).collect();
    // The calendar's own first, then the screens of the global layer.
    assert_eq!(keys, ["t", "d", "m", "o", "c", "b", "r", "s"]);
    assert_eq!(
        popup[0],
        ("t".to_string(), "Go to today".to_string()),
        "each continuation carries its description"
    );
    assert_eq!(results[1], KeyResult::Matched(Named::GoToday));
}

#[test]
fn unknown_continuation_and_esc_cancel_the_sequence() {
    let keymap = defaults();
    let mut pending = Pending::new();
    let g = KeyPress::char('g');
    assert!(matches!(
        keymap.feed(&[Layer::Calendar], &mut pending, g),
        KeyResult::Pending(_)
    ));
    assert_eq!(pending.to_string(), "g");
    assert_eq!(
        keymap.feed(&[Layer::Calendar], &mut pending, KeyPress::char('x')),
        KeyResult::Cancelled(vec![g, KeyPress::char('x')])
    );
    assert!(pending.is_empty());

    let results = feed(&keymap, &[Layer::Calendar], "s esc");
    assert_eq!(results[1], KeyResult::Cancelled(vec![KeyPress::char('s')]));
    // After a cancelled sequence the next key starts afresh.
    assert_eq!(
        feed(&keymap, &[Layer::Calendar], "s esc j")[2],
        KeyResult::Matched(Named::SelectNext)
    );
    assert_eq!(
        feed(&keymap, &[Layer::Calendar], "x"),
        vec![KeyResult::NotFound]
    );
}

#[test]
fn uppercase_and_shift_are_normalised() {
    let keymap = defaults();
    let mut pending = Pending::new();
    let events = [
        (KeyCode::Char('J'), KeyModifiers::SHIFT, "move_later"),
        (KeyCode::Char('J'), KeyModifiers::NONE, "move_later"),
        (KeyCode::Char('j'), KeyModifiers::SHIFT, "move_later"),
        (KeyCode::Char('j'), KeyModifiers::NONE, "select_next"),
        (KeyCode::Char('?'), KeyModifiers::SHIFT, "help"),
        (KeyCode::Char('>'), KeyModifiers::SHIFT, "move_tomorrow"),
    ];
    for (code, modifiers, expected) in events {
        let key = KeyPress::from(KeyEvent::new(code, modifiers));
        assert_eq!(
            keymap.feed(&[Layer::Calendar], &mut pending, key),
            KeyResult::Matched(Named::from_name(expected).unwrap()),
            "{code:?} {modifiers:?}"
        );
    }
}

#[test]
fn vim_preset_merges_over_the_defaults() {
    let keymap = with_user(VIM_PRESET).unwrap();
    let calendar = Layer::Calendar;
    assert_eq!(action(&keymap, calendar, "ctrl-d"), Some("next_week"));
    assert_eq!(action(&keymap, calendar, "ctrl-u"), Some("prev_week"));
    assert_eq!(action(&keymap, calendar, "g g"), Some("go_today"));
    assert_eq!(action(&keymap, calendar, "d d"), Some("delete_meeting"));
    assert!(matches!(
        feed(&keymap, &[calendar], "d")[0],
        KeyResult::Pending(_)
    ));
    // Defaults the preset does not touch are still there.
    assert_eq!(action(&keymap, calendar, "g t"), Some("go_today"));
    assert_eq!(action(&keymap, calendar, "j"), Some("select_next"));
    assert_eq!(keymap.keys_for(Named::DeleteMeeting), ["d d"]);
}

#[test]
fn a_user_binding_replaces_the_default_for_the_same_keys() {
    let keymap = with_user(
        r#"
[calendar]
keys = [
  { on = "j", run = "move_later", desc = "Later" },
  { on = "x", run = "delete_meeting", desc = "Delete" },
]
"#,
    )
    .unwrap();
    assert_eq!(action(&keymap, Layer::Calendar, "j"), Some("move_later"));
    assert_eq!(
        action(&keymap, Layer::Calendar, "down"),
        Some("select_next")
    );
    assert_eq!(
        action(&keymap, Layer::Calendar, "x"),
        Some("delete_meeting")
    );
    assert_eq!(
        action(&keymap, Layer::Calendar, "d"),
        Some("delete_meeting")
    );
    assert_eq!(keymap.keys_in(Layer::Calendar, Named::SelectNext), ["down"]);
    // The replacement keeps the default's place in the help list; new ones come last.
    let rows = keymap.bindings(Layer::Calendar);
    let position = |action: &str, keys: &str| {
        rows.iter()
            .position(|row| row.action.name() == action && row.keys == keys)
            .unwrap()
    };
    assert_eq!(position("move_later", "j"), 2);
    assert_eq!(position("select_next", "down"), 3);
    assert_eq!(rows.last().map(|row| row.keys.as_str()), Some("x"));
    // Other layers keep their own `j`.
    assert_eq!(action(&keymap, Layer::Help, "j"), Some("scroll_down"));
}

#[test]
fn noop_and_unbind_remove_default_bindings() {
    let keymap = with_user(
        r#"
[calendar]
unbind = ["t", "g m"]
keys = [{ on = ["q", "s x"], run = "noop" }]

[global]
keys = [{ on = "ctrl-p", run = "noop" }]
"#,
    )
    .unwrap();
    let calendar = [Layer::Calendar];
    for keys in ["t", "q"] {
        assert_eq!(
            feed(&keymap, &calendar, keys),
            vec![KeyResult::NotFound],
            "{keys}"
        );
    }
    assert!(matches!(
        feed(&keymap, &calendar, "g m")[1],
        KeyResult::Cancelled(_)
    ));
    assert!(matches!(
        feed(&keymap, &calendar, "s x")[1],
        KeyResult::Cancelled(_)
    ));
    assert_eq!(action(&keymap, Layer::Calendar, "g t"), Some("go_today"));
    assert_eq!(keymap.keys_for(Named::Search), ["/"]);
    assert_eq!(
        keymap.keys_in(Layer::Calendar, Named::Quit),
        Vec::<String>::new()
    );
    // The Today screen keeps its own `q`.
    assert_eq!(keymap.keys_for(Named::Quit), ["ctrl-c", "q"]);
    assert_eq!(
        keymap.keys_in(Layer::Today, Named::Quit),
        vec!["q".to_string()]
    );
}

#[test]
fn unbinding_a_key_lets_it_become_a_prefix() {
    let keymap = with_user(
        r#"
[calendar]
unbind = ["t"]
keys = [{ on = "t t", run = "go_today", desc = "Today" }]
"#,
    )
    .unwrap();
    assert_eq!(action(&keymap, Layer::Calendar, "t t"), Some("go_today"));
}

#[test]
fn help_and_palette_data() {
    let keymap = defaults();
    let rows = keymap.bindings(Layer::Calendar);
    assert_eq!(rows[0].keys, "h, left");
    assert_eq!(rows[0].alternatives, ["h", "left"]);
    assert_eq!(rows[0].action, Named::PrevDay);
    assert_eq!(rows[0].desc, "Previous day");
    assert!(rows.iter().all(|row| !row.desc.is_empty()));
    assert_eq!(keymap.keys_for(Named::GoToday), ["t", "g t"]);
    assert_eq!(keymap.keys_for(Named::Search), ["/", "ctrl-p"]);
    // An action bound in several layers lists each layer's keys once.
    assert_eq!(keymap.keys_for(Named::SelectNext), ["j", "down", "ctrl-n"]);
    // An action the app does not have cannot be asked for: `keys_for` takes a `Named`.
}

#[test]
fn readme_documents_every_action_and_no_other() {
    let readme = std::fs::read_to_string(keymaps_dir().join("README.md")).unwrap();
    let keymap = defaults();
    let mut bound: Vec<&str> = Vec::new();
    for layer in Layer::ALL {
        for row in keymap.bindings(layer) {
            if !bound.contains(&row.action.name()) {
                bound.push(row.action.name());
            }
        }
    }
    for action in &bound {
        assert!(
            readme.contains(&format!("`{action}`")),
            "README lacks {action}"
        );
    }
    // Every action in the README's table is a real one.
    let actions_section = readme
        .split("\n## ")
        .find(|section| section.starts_with("Actions"))
        .unwrap();
    let mut rows = 0;
    for line in actions_section
        .lines()
        .filter(|line| line.starts_with("| `"))
    {
        rows += 1;
        let name = line.trim_start_matches("| `").split('`').next().unwrap();
        assert!(bound.contains(&name), "README names unknown action {name}");
    }
    assert_eq!(rows, bound.len(), "one README row per action");
}

// Errors: each points at the right file, line and column.

#[test]
fn syntax_error_position() {
    let error = with_user("[calendar]\nkeys = [\n  { on = \"j\" run = \"x\" },\n]\n").unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 3, 14));
    assert!(
        error.to_string().starts_with("keymap.toml:3:14: "),
        "{error}"
    );
}

#[test]
fn unknown_action_position_and_suggestion() {
    let source =
        "\n[calendar]\nkeys = [\n  { on = \"j\", run = \"selct_next\", desc = \"Next\" },\n]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(
        error.to_string(),
        "keymap.toml:4:21: unknown action \"selct_next\"; did you mean \"select_next\"?"
    );
}

#[test]
fn unknown_key_position_points_at_the_key_name() {
    let source =
        "[calendar]\nkeys = [{ on = [\"j\", \"g ctl-x\"], run = \"quit\", desc = \"Q\" }]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 2, 25));
    assert!(
        error.to_string().contains("unknown key \"ctl-x\""),
        "{error}"
    );

    let error = with_user("[calendar]\nkeys = [{ on = \"gg\", run = \"quit\", desc = \"Q\" }]\n")
        .unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 2, 17));
    assert!(error.to_string().contains("\"g g\""), "{error}");
}

#[test]
fn unknown_layer_position() {
    let source = "[global]\nkeys = []\n\n[calender]\nkeys = []\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 4, 2));
    assert!(
        error.to_string().contains("did you mean \"calendar\""),
        "{error}"
    );
}

#[test]
fn missing_desc_position() {
    let source = "[form]\nkeys = [\n    { on = \"ctrl-s\", run = \"submit\" },\n]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 3, 5));
    assert!(error.to_string().contains("has no desc"), "{error}");
}

#[test]
fn binding_and_prefix_in_one_file() {
    let source = r#"[calendar]
keys = [
  { on = "g", run = "quit", desc = "Q" },
  { on = "g t", run = "go_today", desc = "T" },
]
"#;
    let error = Keymap::load(source, None).unwrap_err();
    assert_eq!(position(&error), ("default.toml", 4, 10));
    assert!(
        error
            .to_string()
            .contains("\"g\" is bound and also starts \"g t\""),
        "{error}"
    );
}

#[test]
fn user_binding_that_clashes_with_a_default_prefix() {
    // `g` starts `g t`, `g d`, `g m` in the defaults.
    let source = "[calendar]\nkeys = [\n  { on = \"g\", run = \"go_today\", desc = \"T\" },\n]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 3, 10));
    // And the other way round: a default binding used as a prefix.
    let source = "[calendar]\nkeys = [{ on = \"d d\", run = \"delete_meeting\", desc = \"D\" }]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 2, 16));
}

#[test]
fn duplicate_key_and_unknown_field_and_wrong_type() {
    let source = "[help]\nkeys = [\n  { on = \"x\", run = \"help\", desc = \"A\" },\n  { on = [\"y\", \"x\"], run = \"help\", desc = \"B\" },\n]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 4, 16));
    assert!(error.to_string().contains("bound twice"), "{error}");

    let source = "[help]\nkeys = [{ on = \"x\", run = \"help\", dsec = \"A\" }]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 2, 35));
    assert!(
        error.to_string().contains("did you mean \"desc\""),
        "{error}"
    );

    let source = "[help]\nkeys = [{ on = 5, run = \"help\", desc = \"A\" }]\n";
    let error = with_user(source).unwrap_err();
    assert_eq!(position(&error), ("keymap.toml", 2, 16));
}

#[test]
fn user_file_errors_name_the_path_given() {
    let error = Keymap::load(
        DEFAULT_KEYMAP,
        Some((
            Path::new("/home/x/.config/caseplan/keymap.toml"),
            "[nope]\n",
        )),
    )
    .unwrap_err();
    assert_eq!(
        position(&error),
        ("/home/x/.config/caseplan/keymap.toml", 1, 2)
    );
}

/// An app that knows one action only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OnlyQuit;

impl caseplan::keymap::ActionName for OnlyQuit {
    const ALL: &'static [OnlyQuit] = &[OnlyQuit];

    fn name(self) -> &'static str {
        "quit"
    }
}

#[test]
fn the_default_keymap_rejects_actions_the_app_does_not_know() {
    let error = caseplan::keymap::Keymap::<OnlyQuit>::defaults().unwrap_err();
    assert_eq!(error.file, "default.toml");
    assert!(error.to_string().contains("unknown action"), "{error}");
}

#[test]
fn bindings_may_also_be_written_as_an_array_of_tables() {
    let source = r#"
[[calendar.keys]]
on = "x"
run = "delete_meeting"
desc = "Delete"

[[calendar.keys]]
on = "y"
run = "quit"
"#;
    let error = with_user(source).unwrap_err();
    assert!(error.to_string().contains("has no desc"), "{error}");
    assert_eq!((error.line, error.column), (7, 1), "{error}");
    let keymap =
        with_user(&source.replace("run = \"quit\"", "run = \"quit\"\ndesc = \"Q\"")).unwrap();
    assert_eq!(
        action(&keymap, Layer::Calendar, "x"),
        Some("delete_meeting")
    );
    assert_eq!(action(&keymap, Layer::Calendar, "y"), Some("quit"));
}
