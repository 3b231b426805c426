//! The reference screens' state and keys: the rulebook's search (`/`, n, N) and position, and
//! the encyclopedia's filters by side, kind, era and text.

use super::app::{App, step};
use super::msg::Msg;
use crate::engine::{Card, CardSide, Era, Kind};

/// What the rulebook and the encyclopedia remember between keys.
#[derive(Clone, Debug, Default)]
pub struct Reference {
    /// The text being typed after `/`; `None` when no search line is open.
    pub typing: Option<String>,
    /// The rulebook's last search, for n and N.
    pub query: String,
    pub filter: CardFilter,
}

/// Which cards the encyclopedia lists: each part `None` (or empty) lets every card through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardFilter {
    pub side: Option<CardSide>,
    pub kind: Option<Kind>,
    pub era: Option<Era>,
    pub text: String,
}

const SIDES: [CardSide; 3] = [CardSide::Washington, CardSide::Seoul, CardSide::Either];

/// The next of `all` after `cur`, and after the last, none again (every card).
fn cycle<T: Copy + PartialEq>(cur: Option<T>, all: &[T]) -> Option<T> {
    match cur.and_then(|c| all.iter().position(|x| *x == c)) {
        None => all.first().copied(),
        Some(i) => all.get(i + 1).copied(),
    }
}

impl CardFilter {
    pub fn admits(&self, card: &Card) -> bool {
        let text = self.text.to_lowercase();
        self.side.is_none_or(|s| card.side == s)
            && self.kind.is_none_or(|k| card.kind == k)
            && self.era.is_none_or(|e| card.era == e)
            && (text.is_empty()
                || card.title.to_lowercase().contains(&text)
                || card.text.to_lowercase().contains(&text)
                || card.id.contains(&text))
    }

    pub fn is_empty(&self) -> bool {
        *self == CardFilter::default()
    }

    /// The filter in words, for the list's title ("Seoul · cost · text «OPCON»").
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        parts.extend(self.side.map(|s| s.name().to_owned()));
        parts.extend(self.kind.map(|k| k.name().to_owned()));
        parts.extend(self.era.map(|e| format!("{} era", era_name(e))));
        if !self.text.is_empty() {
            parts.push(format!("«{}»", self.text));
        }
        parts.join(" · ")
    }
}

pub fn era_name(e: Era) -> &'static str {
    match e {
        Era::Early => "early",
        Era::Middle => "middle",
        Era::Late => "late",
    }
}

/// The indices of the cards the encyclopedia lists now.
pub fn listed(app: &App) -> Vec<usize> {
    let f = &app.reference.filter;
    let cards = app.content.cards.iter().enumerate();
    cards.filter(|(_, c)| f.admits(c)).map(|(i, _)| i).collect()
}

/// Keys while the search line is open: typing, erasing, Enter to search, Esc to close it.
/// Returns false if the message was not the search line's.
fn update_typing(app: &mut App, msg: Msg) -> bool {
    let Some(typed) = app.reference.typing.as_mut() else {
        return false;
    };
    match msg {
        Msg::Type(c) => typed.push(c),
        Msg::Erase => {
            typed.pop();
        }
        Msg::Confirm => {
            let q = app.reference.typing.take().unwrap_or_default();
            match app.screen {
                super::app::Screen::Cards => set_text_filter(app, q),
                _ => {
                    app.reference.query = q;
                    find(app, 0);
                }
            }
        }
        Msg::Back => app.reference.typing = None,
        _ => {}
    }
    true
}

fn set_text_filter(app: &mut App, q: String) {
    app.reference.filter.text = q;
    app.cards_cursor = 0;
    app.text_scroll = 0;
}

/// The rulebook's rows and the rows one screen shows, at the app's size.
fn rulebook_rows(app: &App) -> (Vec<String>, u16) {
    let rows = super::screens::rulebook::plain(usize::from(app.size.0), &app.theme);
    // The panel's title line and the key bar take two rows.
    (rows, app.size.1.saturating_sub(2).max(1))
}

/// Moves the rulebook to the next line (`dir` 1) or previous line (-1) holding the query, from
/// the top line shown; 0 searches from the top line itself.
fn find(app: &mut App, dir: isize) {
    let q = app.reference.query.to_lowercase();
    if q.is_empty() {
        return;
    }
    let (rows, _) = rulebook_rows(app);
    let hit = |i: &usize| rows[*i].to_lowercase().contains(&q);
    let from = usize::from(app.text_scroll);
    let n = rows.len();
    let found = match dir {
        d if d < 0 => (0..from.min(n))
            .rev()
            .find(hit)
            .or_else(|| (from..n).rev().find(hit)),
        d => {
            let start = (from + usize::from(d > 0)).min(n);
            (start..n).find(hit).or_else(|| (0..start).find(hit))
        }
    };
    if let Some(i) = found {
        app.text_scroll = i.min(usize::from(u16::MAX)) as u16;
    }
}

pub(crate) fn update_rules(app: &mut App, msg: Msg) {
    if update_typing(app, msg) {
        return;
    }
    let (rows, page) = rulebook_rows(app);
    let last = rows.len().saturating_sub(usize::from(page)) as u16;
    let s = &mut app.text_scroll;
    match msg {
        Msg::Up => *s = s.saturating_sub(1),
        Msg::Down => *s = s.saturating_add(1).min(last),
        Msg::PageUp => *s = s.saturating_sub(page),
        Msg::PageDown => *s = s.saturating_add(page).min(last),
        Msg::Home => *s = 0,
        Msg::End => *s = last,
        Msg::Find => app.reference.typing = Some(String::new()),
        Msg::NextMatch => find(app, 1),
        Msg::PrevMatch => find(app, -1),
        Msg::Back => app.leave(),
        _ => {}
    }
}

pub(crate) fn update_cards(app: &mut App, msg: Msg) {
    if update_typing(app, msg) {
        return;
    }
    let n = listed(app).len();
    let f = &mut app.reference.filter;
    match msg {
        Msg::Up | Msg::Down | Msg::Click(_) | Msg::Home | Msg::End => {
            app.cards_cursor = match msg {
                Msg::Up => step(app.cards_cursor, -1, n),
                Msg::Down => step(app.cards_cursor, 1, n),
                Msg::Click(i) => step(i, 0, n),
                Msg::Home => 0,
                Msg::End => n.saturating_sub(1),
                _ => app.cards_cursor,
            };
            app.text_scroll = 0;
            return;
        }
        Msg::PageUp => app.text_scroll = app.text_scroll.saturating_sub(5),
        Msg::PageDown => app.text_scroll = app.text_scroll.saturating_add(5),
        Msg::FilterSide => f.side = cycle(f.side, &SIDES),
        Msg::FilterKind => f.kind = cycle(f.kind, &Kind::ALL),
        Msg::FilterEra => f.era = cycle(f.era, &Era::ALL),
        Msg::ClearFilter => *f = CardFilter::default(),
        Msg::Find => app.reference.typing = Some(f.text.clone()),
        Msg::Back => app.leave(),
        _ => return,
    }
    if matches!(
        msg,
        Msg::FilterSide | Msg::FilterKind | Msg::FilterEra | Msg::ClearFilter
    ) {
        app.cards_cursor = 0;
        app.text_scroll = 0;
    }
}
