//! Everything that can happen to the app: a key's meaning, a click, a resize, a clock tick.

/// A message for [`super::app::update`]. Keys become these through [`super::keys`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Msg {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Confirm,
    Back,
    Help,
    /// `q`: quits, asking first if a game is in progress.
    Quit,
    /// Ctrl-C: quits at once.
    ForceQuit,
    Yes,
    No,
    Undo,
    Send,
    /// Asks to withdraw the bundle being drafted (y then withdraws).
    Withdraw,
    /// A number key (a hand card, a chooser option) or a letter (a deal term): picks row `n`.
    Pick(usize),
    /// `d` on a turn: opens a deal.
    OpenDeal,
    /// `[` / `]`: scroll the card panel's text.
    CardUp,
    CardDown,
    /// `a`, `c`, `r` on an offer: accept, counter or reject it.
    Accept,
    Counter,
    Reject,
    /// Home / End: the first or last position (the replay viewer).
    Home,
    End,
    /// `r` on the end screen: write the after-action report.
    Report,
    /// A click on row `n` of the list under the mouse: select it, or confirm it if selected.
    Click(usize),
    /// Time passed: bots may move.
    Tick,
    /// `/` in the rulebook or the encyclopedia: open the search line.
    Find,
    /// A character typed into the search line.
    Type(char),
    /// Backspace in the search line.
    Erase,
    /// `n` / `N` in the rulebook: the next or previous line that holds the search.
    NextMatch,
    PrevMatch,
    /// `s`, `t`, `e` in the encyclopedia: step the side, kind or era filter; `x` clears them.
    FilterSide,
    FilterKind,
    FilterEra,
    ClearFilter,
}
