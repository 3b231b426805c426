//! The app's model and its update function (Model-Update-View): screens, popups, and what each
//! message does to them. Drawing lives in `view.rs`; rules live in the engine.

use super::command::Command;
use super::lists::{self, SaveList, ScenarioList};
use super::mode::Mode;
use super::msg::Msg;
use super::replay::{self, Replay};
use super::session::Session;
use super::theme::Theme;
use crate::ai::{BotKind, Budget};
use crate::classroom::Library;
use crate::classroom::Player;
use crate::classroom::play::{self, Started};
use crate::engine::{Action, Content, Side};
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

pub const MIN_W: u16 = 80;
pub const MIN_H: u16 = 24;
/// Log lines one PgUp scrolls: no more than the log panel's smallest height (two lines, at
/// 80×24 with a full hand), so paging never skips a line such as a summit's result.
const LOG_PAGE: i32 = 2;

pub enum Screen {
    Menu,
    Game(Box<Session>),
    Cards,
    Rules,
    Load(Box<SaveList>),
    Scenarios(Box<ScenarioList>),
    Replay(Box<Replay>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Popup {
    Help,
    ConfirmQuit,
}

/// The title menu's entries, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuItem {
    HotSeat,
    SoloWashington,
    SoloSeoul,
    Watch,
    Scenarios,
    Load,
    Rules,
    Cards,
    Tutorial,
    Quit,
}

impl MenuItem {
    pub const ALL: [MenuItem; 10] = [
        MenuItem::HotSeat,
        MenuItem::SoloWashington,
        MenuItem::SoloSeoul,
        MenuItem::Watch,
        MenuItem::Scenarios,
        MenuItem::Load,
        MenuItem::Rules,
        MenuItem::Cards,
        MenuItem::Tutorial,
        MenuItem::Quit,
    ];
    /// Who plays each side for a kind of game, with `bot` for the bot's seats; `None` for an
    /// entry that starts no game. The menu and the Scenarios list both seat players from here.
    pub(crate) fn seats(self, bot: Player) -> Option<[Player; 2]> {
        match self {
            MenuItem::HotSeat => Some([Player::Human, Player::Human]),
            MenuItem::SoloWashington => Some([Player::Human, bot]),
            MenuItem::SoloSeoul => Some([bot, Player::Human]),
            MenuItem::Watch => Some([bot, bot]),
            _ => None,
        }
    }
    pub(crate) fn uses_bot(self) -> bool {
        matches!(
            self,
            MenuItem::SoloWashington | MenuItem::SoloSeoul | MenuItem::Watch
        )
    }
}

/// The drill clocks the menu offers for a hot-seat game: seconds to answer each offer, or off.
pub const DRILL_CHOICES: [Option<u64>; 4] = [None, Some(30), Some(60), Some(90)];

pub struct App {
    pub content: Arc<Content>,
    pub theme: Theme,
    pub screen: Screen,
    pub popup: Option<Popup>,
    pub menu_cursor: usize,
    /// Index into [`BotKind::ALL`] for games started from the menu.
    pub menu_bot: usize,
    /// Index into [`DRILL_CHOICES`]: the drill clock of hot-seat games started from the menu.
    pub menu_drill: usize,
    /// The clock hot-seat drills run on (tests give a manual one); `None` is the real clock.
    pub drill_clock: Option<crate::classroom::ManualClock>,
    pub cards_cursor: usize,
    /// Scroll of the rulebook, or of the encyclopedia's detail text.
    pub text_scroll: u16,
    /// Scroll of the help popup, whose rules summary runs past a small screen.
    pub help_scroll: u16,
    /// The rulebook's search and the encyclopedia's filters.
    pub reference: super::reference::Reference,
    pub quit: bool,
    /// Whether leaving a game or a reference screen returns to the menu (else it quits).
    pub has_menu: bool,
    pub pace: Duration,
    pub budget: Budget,
    pub size: (u16, u16),
    /// Clickable areas of the last frame and what a click there means.
    pub hits: Vec<(Rect, Msg)>,
    /// The seed for the next game started from the menu.
    pub next_seed: u64,
    /// The scenarios and the data records were made with (none: the menu lists no scenarios).
    pub library: Option<Library>,
    /// Where games autosave; `None` plays unsaved (tests, or a system without a data folder).
    pub save_dir: Option<PathBuf>,
    /// The commands of the message being handled, for [`update`] to return.
    out: Vec<Command>,
}

/// What one message did: whether to redraw, and the work left for the loop
/// ([`super::command::run`]).
#[derive(Debug, Default)]
pub struct Update {
    pub redraw: bool,
    pub commands: Vec<Command>,
}

impl App {
    pub fn new(content: Arc<Content>, theme: Theme) -> App {
        App {
            content,
            theme,
            screen: Screen::Menu,
            popup: None,
            menu_cursor: 0,
            menu_bot: BotKind::ALL.len().saturating_sub(1),
            menu_drill: 0,
            drill_clock: None,
            cards_cursor: 0,
            text_scroll: 0,
            help_scroll: 0,
            reference: Default::default(),
            quit: false,
            has_menu: true,
            pace: Duration::from_millis(600),
            budget: Budget::DEFAULT,
            size: (MIN_W, MIN_H),
            hits: Vec::new(),
            next_seed: 1,
            library: None,
            save_dir: None,
            out: Vec::new(),
        }
    }

    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_W || self.size.1 < MIN_H
    }
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Game(s) => Some(s),
            _ => None,
        }
    }
    pub(crate) fn session_mut(&mut self) -> Option<&mut Session> {
        match &mut self.screen {
            Screen::Game(s) => Some(s),
            _ => None,
        }
    }
    fn in_game(&self) -> bool {
        self.session().is_some_and(|s| !s.game().is_over())
    }

    /// Lets time pass as the loop does: plays a bot's answer that has come, then sends
    /// [`Msg::Tick`] and runs its commands. Returns whether anything changed on screen.
    pub fn tick(&mut self) -> bool {
        super::command::receive_bot(self) | super::command::dispatch(self, Msg::Tick)
    }

    /// [`Msg::Tick`]: the drill's timeout, and a bot's move when its pace allows.
    fn on_tick(&mut self) -> bool {
        let Some(s) = self.session_mut() else {
            return false;
        };
        // While the drill counts down, every tick shows a new number.
        s.tick(Instant::now()) || s.play.drill_remaining().is_some()
    }

    /// The commands the model has asked for since they were last taken, its game's included.
    pub(crate) fn take_commands(&mut self) -> Vec<Command> {
        // The game's own first: they follow from changes made before the app's (a report).
        let mut commands = match self.session_mut() {
            Some(s) => std::mem::take(&mut s.out),
            None => Vec::new(),
        };
        commands.append(&mut self.out);
        commands
    }

    /// A new game of the plain rules, autosaved in [`App::save_dir`].
    pub fn start_game(&mut self, seed: u64, players: [Player; 2]) {
        self.start_with(self.content.clone(), seed, players);
    }

    /// Asks the loop to start a new game ([`Command::NewGame`]): the save file is its work.
    pub(crate) fn new_game(&mut self, content: Arc<Content>, seed: u64, players: [Player; 2]) {
        self.out.push(Command::NewGame {
            content,
            seed,
            players,
        });
    }

    pub(crate) fn command(&mut self, command: Command) {
        self.out.push(command);
    }

    /// A new game of `content` (the plain rules or a scenario's), autosaved in the save folder.
    /// It writes the first save, so the loop calls it ([`Command::NewGame`]), never `update`.
    pub fn start_with(&mut self, content: Arc<Content>, seed: u64, players: [Player; 2]) {
        let names = players.map(play::player_name);
        let (session, events) = crate::classroom::Session::new(content, seed, names);
        let (session, notice) = match &self.save_dir {
            Some(dir) => play::autosave(session, Some(dir)),
            None => (session, String::new()),
        };
        self.start_session(Started {
            session,
            players,
            events,
            notice,
        });
        self.start_drill(players);
    }

    /// The menu's drill clock, for a hot-seat game.
    fn start_drill(&mut self, players: [Player; 2]) {
        let limit = DRILL_CHOICES.get(self.menu_drill).copied().flatten();
        let clock: Box<dyn crate::classroom::Clock> = match &self.drill_clock {
            Some(c) => Box::new(c.clone()),
            None => Box::new(crate::classroom::drill::SystemClock::new()),
        };
        if let (Some(secs), Some(s)) = (limit, self.session_mut())
            && players == [Player::Human, Player::Human]
        {
            s.play.set_drill(Duration::from_secs(secs), clock);
        }
    }

    /// Puts a started or resumed game on the screen, and starts its bot worker if a bot plays.
    /// Its autosaves are left to the loop ([`Command::Save`]).
    pub fn start_session(&mut self, started: Started) {
        let mut s = Session::start(started, self.pace, self.budget);
        super::tutorial::attach(&mut s);
        self.screen = Screen::Game(Box::new(s));
        self.popup = None;
    }

    pub(crate) fn leave(&mut self) {
        if self.has_menu {
            self.screen = Screen::Menu;
            self.text_scroll = 0;
            self.reference.typing = None;
        } else {
            self.quit = true;
        }
    }

    /// The bot the menu's ◂ ▸ shows, for the bot seats of a game started from the menu.
    pub(crate) fn menu_bot_kind(&self) -> Player {
        let kind = BotKind::ALL.get(self.menu_bot).copied();
        Player::Bot(kind.unwrap_or(BotKind::Random))
    }

    fn menu_choose(&mut self) {
        let bot = self.menu_bot_kind();
        let seed = self.next_seed;
        self.next_seed = self.next_seed.wrapping_add(1);
        let item = MenuItem::ALL.get(self.menu_cursor).copied();
        if let Some(players) = item.and_then(|i| i.seats(bot)) {
            self.new_game(self.content.clone(), seed, players);
            return;
        }
        match item {
            Some(MenuItem::Scenarios) => self.screen = lists::open_scenarios(self),
            Some(MenuItem::Load) => self.command(Command::OpenSaves),
            Some(MenuItem::Rules) => self.screen = Screen::Rules,
            Some(MenuItem::Cards) => self.screen = Screen::Cards,
            Some(MenuItem::Tutorial) => super::tutorial::start(self),
            Some(MenuItem::Quit) | None => self.quit = true,
            // The kinds of game were seated above.
            Some(_) => {}
        }
    }
}

pub(crate) fn step(cur: usize, by: isize, len: usize) -> usize {
    cur.saturating_add_signed(by).min(len.saturating_sub(1))
}

/// Applies one message to the model, and returns whether the screen may have changed and the
/// commands for the loop to run ([`super::command::run`]); it does no file or thread work
/// itself. Time reaches the model only through [`Msg::Tick`], which the loop sends when it has
/// no input.
pub fn update(app: &mut App, msg: Msg) -> Update {
    // The tutorial reads what the message did; it changes nothing but its own progress.
    let redraw = apply(app, msg) | super::tutorial::observe(app);
    Update {
        redraw,
        commands: app.take_commands(),
    }
}

fn apply(app: &mut App, msg: Msg) -> bool {
    match msg {
        Msg::Tick => return app.on_tick(),
        Msg::ForceQuit => app.quit = true,
        Msg::Quit if app.in_game() && !app.too_small() => app.popup = Some(Popup::ConfirmQuit),
        Msg::Quit => app.quit = true,
        Msg::Yes if app.popup == Some(Popup::ConfirmQuit) => app.quit = true,
        Msg::No if app.popup.is_some() => app.popup = None,
        Msg::Help => {
            app.popup = Some(Popup::Help);
            app.help_scroll = 0;
        }
        Msg::Up | Msg::Down | Msg::PageUp | Msg::PageDown if app.popup == Some(Popup::Help) => {
            let by: i32 = match msg {
                Msg::Up => -1,
                Msg::Down => 1,
                Msg::PageUp => -10,
                _ => 10,
            };
            let most = i32::from(super::popups::help::most_scroll(app));
            app.help_scroll = (i32::from(app.help_scroll) + by).clamp(0, most) as u16;
        }
        Msg::Back if app.popup.is_some() => app.popup = None,
        _ => match app.screen {
            Screen::Menu => update_menu(app, msg),
            Screen::Cards => update_cards(app, msg),
            Screen::Rules => update_rules(app, msg),
            Screen::Game(_) => update_game(app, msg),
            Screen::Load(_) => lists::update_saves(app, msg),
            Screen::Scenarios(_) => lists::update_scenarios(app, msg),
            Screen::Replay(_) => replay::update(app, msg),
        },
    }
    true
}

fn update_menu(app: &mut App, msg: Msg) {
    let bots = BotKind::ALL.len();
    match msg {
        Msg::Up => app.menu_cursor = step(app.menu_cursor, -1, MenuItem::ALL.len()),
        Msg::Down => app.menu_cursor = step(app.menu_cursor, 1, MenuItem::ALL.len()),
        // On the hot-seat row ◂ ▸ set the drill clock; on a row with a bot, the bot.
        Msg::Left | Msg::Right
            if MenuItem::ALL.get(app.menu_cursor) == Some(&MenuItem::HotSeat) =>
        {
            let n = DRILL_CHOICES.len();
            let by = if msg == Msg::Left { n - 1 } else { 1 };
            app.menu_drill = (app.menu_drill + by) % n;
        }
        Msg::Left => app.menu_bot = (app.menu_bot + bots.saturating_sub(1)) % bots.max(1),
        Msg::Right => app.menu_bot = (app.menu_bot + 1) % bots.max(1),
        Msg::Confirm => app.menu_choose(),
        Msg::Click(i) if i == app.menu_cursor => app.menu_choose(),
        Msg::Click(i) => app.menu_cursor = step(i, 0, MenuItem::ALL.len()),
        _ => {}
    }
}

fn update_cards(app: &mut App, msg: Msg) {
    super::reference::update_cards(app, msg);
}

fn update_rules(app: &mut App, msg: Msg) {
    super::reference::update_rules(app, msg);
}

fn update_game(app: &mut App, msg: Msg) {
    let (mode, size) = (app.mode(), app.size);
    let Some(s) = app.session_mut() else { return };
    match (mode, msg) {
        (Mode::End, Msg::Up) => s.end_scroll = s.end_scroll.saturating_sub(1),
        (Mode::End, Msg::Down) => s.end_scroll = s.end_scroll.saturating_add(1),
        (Mode::End, Msg::Confirm | Msg::Back) => app.leave(),
        (Mode::End, Msg::Report) => app.command(Command::WriteReport),
        (Mode::Handoff, Msg::Confirm) => s.take_seat(),
        (Mode::Chooser, Msg::Back) => s.chooser = None,
        (Mode::Deal | Mode::Answer, Msg::Back) => s.deal_hidden = true,
        (Mode::DealPeek, Msg::Back | Msg::Confirm) => s.deal_hidden = false,
        (Mode::DealPeek, _) if !matches!(msg, Msg::PageUp | Msg::PageDown) => {}
        (Mode::ConfirmWithdraw, Msg::Yes) => s.act(Action::Withdraw),
        (Mode::ConfirmWithdraw, Msg::No | Msg::Back) => s.confirm_withdraw = false,
        (Mode::ConfirmWithdraw, _) => {}
        (Mode::Turn | Mode::Chooser | Mode::Deal, Msg::Pick(i)) => s.pick(i),
        (Mode::Turn | Mode::Chooser, Msg::CardUp) => s.scroll_detail(-1, size),
        (Mode::Turn | Mode::Chooser, Msg::CardDown) => s.scroll_detail(1, size),
        (Mode::Turn, Msg::OpenDeal) => s.act(Action::OpenDeal),
        (Mode::Answer, Msg::Accept) => s.act(Action::Accept),
        (Mode::Answer, Msg::Reject) => s.act(Action::Reject),
        (Mode::Answer, Msg::Counter) => s.counter(),
        (_, Msg::Up) => s.move_cursor(-1),
        (_, Msg::Down) => s.move_cursor(1),
        (_, Msg::Confirm) => s.confirm(),
        (_, Msg::Click(i)) => click(s, i),
        (_, Msg::PageUp) => s.scroll_log(LOG_PAGE),
        (_, Msg::PageDown) => s.scroll_log(-LOG_PAGE),
        (_, Msg::Undo) => s.undo(),
        (Mode::Deal, Msg::Send) => s.act(Action::Send),
        (Mode::Deal, Msg::Withdraw) => s.confirm_withdraw = true,
        _ => {}
    }
}

fn click(s: &mut Session, i: usize) {
    let cur = s.chooser.as_ref().map_or(s.cursor, |c| c.cursor);
    if cur == i {
        s.confirm();
    } else {
        match &mut s.chooser {
            Some(c) => c.cursor = i.min(c.options.len().saturating_sub(1)),
            None => s.cursor = i,
        }
        s.move_cursor(0);
    }
}

/// Which side a hot-seat hand-off screen asks for.
pub(crate) fn handoff_side(s: &Session) -> Option<Side> {
    s.needs_handoff().then(|| s.game().to_move()).flatten()
}
