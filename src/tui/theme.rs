//! Every style the screen uses, by name. Two themes: colour, and a monochrome one for NO_COLOR and
//! `--color never` that uses only bold, reverse and underline (crossterm 0.29 resets all attributes
//! on each colour change under NO_COLOR, so a colour theme would wipe the selection highlight).

use crate::engine::{CardSide, Kind, Side};
use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub mono: bool,
    pub base: Style,
    pub title: Style,
    pub border: Style,
    pub dim: Style,
    pub selected: Style,
    pub key: Style,
    pub warn: Style,
    pub good: Style,
    pub band: Style,
    pub gauge_fill: Style,
    pub gauge_band_fill: Style,
    pub gauge_empty: Style,
    pub washington: Style,
    pub seoul: Style,
}

impl Theme {
    pub fn color() -> Theme {
        Theme {
            mono: false,
            base: Style::new(),
            title: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::DarkGray),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            warn: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            good: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            band: Style::new().fg(Color::Green),
            gauge_fill: Style::new().fg(Color::White),
            gauge_band_fill: Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            gauge_empty: Style::new().fg(Color::DarkGray),
            washington: Style::new()
                .fg(Color::LightBlue)
                .add_modifier(Modifier::BOLD),
            seoul: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
        }
    }

    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            mono: true,
            base: plain,
            title: bold,
            border: plain,
            dim: plain,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            key: bold,
            warn: bold.add_modifier(Modifier::UNDERLINED),
            good: bold,
            band: Style::new().add_modifier(Modifier::UNDERLINED),
            gauge_fill: plain,
            gauge_band_fill: bold.add_modifier(Modifier::UNDERLINED),
            gauge_empty: plain,
            washington: bold,
            seoul: bold,
        }
    }

    pub fn side(&self, side: Side) -> Style {
        match side {
            Side::Washington => self.washington,
            Side::Seoul => self.seoul,
        }
    }

    pub fn card_side(&self, side: CardSide) -> Style {
        match side.owner() {
            Some(s) => self.side(s),
            None => self.base,
        }
    }

    /// A card kind's colour; the symbol from [`kind_symbol`] carries the kind without colour.
    pub fn kind(&self, kind: Kind) -> Style {
        if self.mono {
            return Style::new();
        }
        Style::new().fg(match kind {
            Kind::Cost => Color::Yellow,
            Kind::Mission => Color::Cyan,
            Kind::Role => Color::Magenta,
            Kind::Leverage => Color::Green,
        })
    }
}

/// One symbol per card kind, so kinds read on a monochrome terminal too.
pub fn kind_symbol(kind: Kind) -> &'static str {
    match kind {
        Kind::Cost => "$",
        Kind::Mission => "▲",
        Kind::Role => "◆",
        Kind::Leverage => "±",
    }
}
