//! The keymap layers: one table per screen or popup in the keymap files.

use std::fmt;

/// A keymap layer. `Global` is active everywhere, below whatever screen or popup is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layer {
    Global,
    Calendar,
    Card,
    ContactCard,
    Form,
    Finder,
    Help,
    Palette,
    Confirm,
    /// A case's courses and medical requests (the `o` popup of the card).
    Items,
    /// The supplier overview.
    Suppliers,
    /// Open medical requests across the caseload.
    Requests,
    /// The Today list.
    Today,
    /// The caseload board.
    Board,
    /// The month overview (`g m`).
    Month,
    /// A case's notes (`v` on the card).
    Notes,
    /// "This one, this and later, or all?" about a repeating meeting.
    Series,
    /// The citizen view (`B` on a case card, #17).
    Citizen,
}

impl Layer {
    /// Every layer, in the order the help screen lists them.
    pub const ALL: [Layer; 18] = [
        Layer::Global,
        Layer::Calendar,
        Layer::Card,
        Layer::ContactCard,
        Layer::Form,
        Layer::Finder,
        Layer::Help,
        Layer::Palette,
        Layer::Confirm,
        Layer::Items,
        Layer::Suppliers,
        Layer::Requests,
        Layer::Today,
        Layer::Board,
        Layer::Month,
        Layer::Notes,
        Layer::Series,
        Layer::Citizen,
    ];

    /// The table name in keymap files.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Global => "global",
            Layer::Calendar => "calendar",
            Layer::Card => "card",
            Layer::ContactCard => "contact_card",
            Layer::Form => "form",
            Layer::Finder => "finder",
            Layer::Help => "help",
            Layer::Palette => "palette",
            Layer::Confirm => "confirm",
            Layer::Items => "items",
            Layer::Suppliers => "suppliers",
            Layer::Requests => "requests",
            Layer::Today => "today",
            Layer::Board => "board",
            Layer::Month => "month",
            Layer::Notes => "notes",
            Layer::Series => "series",
            Layer::Citizen => "citizen",
        }
    }

    /// The layer with this table name.
    pub fn from_name(name: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|layer| layer.name() == name)
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_index_matches_position() {
        for (position, layer) in Layer::ALL.into_iter().enumerate() {
            assert_eq!(Layer::from_name(layer.name()), Some(layer));
            assert_eq!(layer.index(), position);
        }
        assert_eq!(Layer::from_name("calender"), None);
    }
}
