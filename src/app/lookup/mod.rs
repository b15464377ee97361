//! The phone-call lookup: the finder, the case card and the contact card, what is logged from
//! the card (a contact, a note, an agreement), the card's courses-and-requests popup, and
//! creating and editing cases and contacts.

pub mod card;
pub mod contact_card;
pub mod contact_log;
pub mod finder;
pub mod items;
pub mod notes;
pub mod records;
