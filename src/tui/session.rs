//! One game on the screen: the engine's game, who plays each side, who sits at the keyboard, the
//! log, the selection, and the bot worker. All moves go through the engine's legal actions.

use super::bot::Worker;
use super::command::Command;
use super::describe;
use super::log::Log;
use crate::ai::{self, Budget};
use crate::classroom::Player;
use crate::classroom::play::Started;
use crate::engine::{Action, CardId, Event, Game, Phase, Side, View, Viewer};
use std::time::{Duration, Instant};

/// A row of the main list: a card in hand, or an action that uses no card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Card(CardId),
    Action(Action),
}

/// The popup listing the legal ways to play one card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    pub card: CardId,
    pub options: Vec<Action>,
    pub cursor: usize,
    /// Why the card's event is not among the options (shown greyed under them), as the engine
    /// rules it; `None` when the event can fire or the card is only being headlined.
    pub blocked: Option<String>,
}

pub struct Session {
    /// The game with its record, autosave and drill: every action goes through it, so every
    /// game on the screen is saved after every action and can be resumed, replayed and reported.
    pub play: crate::classroom::Session,
    pub players: [Player; 2],
    /// In hot-seat play, the side whose player has the keyboard.
    pub seat: Option<Side>,
    pub log: Log,
    /// Lines scrolled up from the newest log line.
    pub log_scroll: u16,
    pub cursor: usize,
    pub chooser: Option<Chooser>,
    pub notice: Option<String>,
    pub end_scroll: u16,
    pub bot_gone: bool,
    /// Esc in a deal: the board is shown under no editor until Esc or Enter brings it back.
    pub deal_hidden: bool,
    /// Withdraw was asked for: the editor waits for y or n.
    pub confirm_withdraw: bool,
    /// Lines the card panel's text is scrolled down (back to the top when the card changes).
    pub detail_scroll: u16,
    /// While a counter is drafted: the offer it answers, shown beside the editor.
    pub answered: Option<crate::engine::Deal>,
    /// The guided first game's prompts, when this game is the tutorial.
    pub tutorial: Option<super::tutorial::Tutorial>,
    /// Where each side's points came from, once the game is over (the end screen's breakdown).
    pub points: Option<super::points::Points>,
    /// The commands this game's last change asks of the loop (saves, a bot's question).
    pub(crate) out: Vec<Command>,
    worker: Option<Worker>,
    pace: Duration,
    next_bot_at: Instant,
}

impl Session {
    /// A game the classroom library started or resumed ([`crate::tui::app::App::start_with`]
    /// starts the menu's): its events so far fill the log.
    pub fn start(started: Started, pace: Duration, budget: Budget) -> Session {
        let Started {
            session: mut play,
            players,
            events,
            notice,
        } = started;
        // Saves are commands the loop runs, so `update` never writes a file.
        play.defer_saves();
        let mut log = Log::default();
        let reader = log_viewer(&players);
        log.push_events(
            play.game().content(),
            reader,
            &events,
            play.game().record().len(),
        );
        if !notice.is_empty() {
            log.push_note(notice, play.game().record().len());
        }
        let seed = play.record().seed;
        let bots = Side::BOTH.map(|side| match players[side.index()] {
            Player::Bot(kind) => Some(ai::build(kind, side, seed, budget)),
            Player::Human => None,
        });
        let worker = bots
            .iter()
            .any(Option::is_some)
            .then(|| Worker::spawn(bots));
        let mut session = Session {
            play,
            players,
            seat: None,
            log,
            log_scroll: 0,
            cursor: 0,
            chooser: None,
            notice: None,
            end_scroll: 0,
            bot_gone: false,
            deal_hidden: false,
            detail_scroll: 0,
            confirm_withdraw: false,
            answered: None,
            tutorial: None,
            points: None,
            out: Vec::new(),
            worker,
            pace,
            next_bot_at: Instant::now(),
        };
        session.count_points();
        // A resumed hot-seat game opens on a hand-off: an offer waiting in it is not seen yet.
        session.fair_drill();
        if session.needs_handoff() {
            session.play.drill_unseen();
        }
        session
    }

    pub fn game(&self) -> &Game {
        self.play.game()
    }

    pub fn is_human(&self, side: Side) -> bool {
        self.players[side.index()] == Player::Human
    }
    fn humans(&self) -> usize {
        Side::BOTH.iter().filter(|s| self.is_human(**s)).count()
    }
    pub fn hot_seat(&self) -> bool {
        self.humans() == 2
    }

    /// Whether the screen must ask the next player to take the keyboard before showing anything.
    pub fn needs_handoff(&self) -> bool {
        self.hot_seat() && self.game().to_move().is_some_and(|s| self.seat != Some(s))
    }

    /// Whose hand and private knowledge the screen shows now: the human's side in solo play
    /// (even while the bot moves), the seated player's in hot-seat (none at a hand-off), and no
    /// one's while two bots play.
    pub fn viewer(&self) -> Option<Side> {
        if self.needs_handoff() {
            return None;
        }
        match self.humans() {
            2 => self.seat,
            1 => Side::BOTH.into_iter().find(|s| self.is_human(*s)),
            _ => None,
        }
    }

    /// What the person at the keyboard may know, as the engine tells it; `None` is the public
    /// board alone. Every private thing the screen draws comes from here.
    pub fn view(&self) -> Option<View<'_>> {
        self.viewer().map(|side| self.game().view(side))
    }

    /// Who reads the log. It is one log for the whole game, so in hot-seat play, where both
    /// players read it, it shows only what is public.
    pub fn log_viewer(&self) -> Viewer {
        log_viewer(&self.players)
    }

    /// The human side that may act now, if one may.
    pub fn human_to_move(&self) -> Option<Side> {
        let side = self.game().to_move()?;
        (self.is_human(side) && !self.needs_handoff() && !self.bot_gone).then_some(side)
    }

    /// The side a take-back would be for: the player at the keyboard.
    pub fn undo_side(&self) -> Option<Side> {
        let side = match self.humans() {
            2 => self.seat?,
            1 => self.viewer()?,
            _ => return None,
        };
        self.game().can_undo(side).then_some(side)
    }

    /// The rows of the main list: the viewer's hand, then card-less actions if it is their move.
    pub fn rows(&self) -> Vec<Row> {
        let Some(view) = self.view() else {
            return Vec::new();
        };
        let mut rows: Vec<Row> = view.hand.iter().map(|c| Row::Card(*c)).collect();
        if self.human_to_move() == Some(view.side)
            && matches!(self.game().phase(), Phase::Actions { .. })
        {
            let cardless = self.game().legal_actions().into_iter();
            rows.extend(
                cardless
                    .filter(|a| describe::action_card(*a).is_none())
                    .map(Row::Action),
            );
        }
        rows
    }

    /// The deal actions, in the editor's order: drops, gives, asks, then the closing moves.
    pub fn deal_rows(&self) -> Vec<Action> {
        if self.human_to_move().is_none() || !matches!(self.game().phase(), Phase::Deal(_)) {
            return Vec::new();
        }
        let mut legal = self.game().legal_actions();
        legal.sort_by_key(|a| match a {
            Action::Drop { ask, index } => (0, u16::from(*ask), u16::from(*index)),
            Action::Give(_) => (1, 0, 0),
            Action::Ask(_) => (2, 0, 0),
            Action::Send | Action::Accept => (3, 0, 0),
            Action::Counter => (4, 0, 0),
            _ => (5, 0, 0),
        });
        legal
    }

    /// The card the detail pane shows: the chooser's, or the selected row's.
    pub(crate) fn selected_card(&self) -> Option<CardId> {
        if let Some(c) = &self.chooser {
            return Some(c.card);
        }
        match self.rows().get(self.cursor) {
            Some(Row::Card(c)) => Some(*c),
            _ => None,
        }
    }

    pub(crate) fn move_cursor(&mut self, by: isize) {
        let len = match (&self.chooser, matches!(self.game().phase(), Phase::Deal(_))) {
            (Some(c), _) => c.options.len(),
            (None, true) => self.deal_table().len(),
            (None, false) => self.rows().len(),
        };
        let cur = match &mut self.chooser {
            Some(c) => &mut c.cursor,
            None => &mut self.cursor,
        };
        *cur = cur.saturating_add_signed(by).min(len.saturating_sub(1));
        self.detail_scroll = 0;
    }

    /// Scrolls the card panel of a `size` screen by `by` lines, down to the text's last line.
    pub(crate) fn scroll_detail(&mut self, by: i16, size: (u16, u16)) {
        let max = super::screens::board::detail_scroll_max(self, size);
        self.detail_scroll = self.detail_scroll.saturating_add_signed(by).min(max);
    }

    /// Enter on the main list or the chooser.
    pub fn confirm(&mut self) {
        if let Some(ch) = self.chooser.take() {
            if let Some(a) = ch.options.get(ch.cursor) {
                self.act(*a);
            }
            return;
        }
        if matches!(self.game().phase(), Phase::Deal(_)) {
            self.confirm_deal_row();
            return;
        }
        match self.rows().get(self.cursor) {
            Some(Row::Action(a)) => self.act(*a),
            Some(Row::Card(card)) if self.human_to_move().is_some() => self.open_chooser(*card),
            _ => {}
        }
    }

    fn open_chooser(&mut self, card: CardId) {
        let options: Vec<Action> = self
            .game()
            .legal_actions()
            .into_iter()
            .filter(|a| describe::action_card(*a) == Some(card))
            .collect();
        let game = self.game();
        let blocked = matches!(game.phase(), Phase::Actions { .. })
            .then(|| game.event_bar(card))
            .flatten()
            .map(|bar| describe::event_bar(game.content(), &bar));
        if !options.is_empty() {
            self.chooser = Some(Chooser {
                card,
                options,
                cursor: 0,
                blocked,
            });
        }
    }

    /// Applies a legal action for the side to move, and logs its events.
    pub fn act(&mut self, action: Action) {
        self.fair_drill();
        let list = self.list_key();
        match self.play.apply(action) {
            Ok(events) => {
                self.out.push(Command::Save);
                self.logged(&events);
                // A new list (the next turn, a deal opened or answered) opens on its first
                // row; a bundle being drafted keeps its rows, and so its cursor.
                if self.list_key() != list {
                    self.open_list();
                }
            }
            Err(e) => self.notice = Some(e.to_string()),
        }
    }

    fn logged(&mut self, events: &[Event]) {
        let rec = self.game().record().len();
        let content = self.game().content().clone();
        let viewer = self.log_viewer();
        self.log.push_events(&content, viewer, events, rec);
        self.after_change();
    }

    fn after_change(&mut self) {
        self.chooser = None;
        self.detail_scroll = 0;
        self.log_scroll = 0;
        let len = self.rows().len().max(self.deal_table().len());
        self.cursor = self.cursor.min(len.saturating_sub(1));
        self.next_bot_at = Instant::now() + self.pace;
        self.count_points();
    }

    /// Sums where the points came from once the game is over (a replay of its record, so once
    /// a game, not once a frame); a game taken back from its end has none.
    fn count_points(&mut self) {
        if !self.game().is_over() {
            self.points = None;
        } else if self.points.is_none() {
            self.points = super::points::Points::of_session(&self.play);
        }
    }

    /// In hot-seat play the receiver of an offer must first take the keyboard, so the drill's
    /// countdown for a new offer waits until the receiver sees it ([`Session::take_seat`]).
    fn fair_drill(&mut self) {
        let hot_seat = self.hot_seat();
        self.play.drill_on_sight(hot_seat);
    }

    /// The next player has taken the keyboard (and sees an offer waiting for them, if any).
    pub fn take_seat(&mut self) {
        self.play.drill_seen();
        self.seat = self.game().to_move();
        self.open_list();
        self.notice = None;
    }

    /// Takes back the keyboard player's last action. Taken back from a hand-off screen, the
    /// game returns to the hand-off of the player whose action it was, so whoever holds the
    /// keyboard then sees no hand until that player presses Enter.
    pub fn undo(&mut self) {
        self.fair_drill();
        let at_handoff = self.needs_handoff();
        match self.undo_side() {
            Some(side) if self.play.undo(side) => {
                if at_handoff {
                    self.seat = None;
                }
                self.log.truncate_to(self.game().record().len());
                self.out.push(Command::Save);
                self.notice = None;
                self.after_change();
                self.open_list();
            }
            _ => self.notice = Some(super::strings::NOTHING_TO_UNDO.into()),
        }
    }

    pub fn bot_busy(&self) -> bool {
        self.worker.as_ref().is_some_and(|w| w.busy)
    }

    /// Test hook: blocks until the bot's pending answer is in (it is played at the next tick),
    /// so a scripted run does not race the bot thread.
    #[cfg(feature = "test-support")]
    pub fn wait_for_bot(&mut self) {
        if let Some(w) = self.worker.as_mut() {
            w.wait();
        }
    }

    /// When the next bot move is due, at the earliest (for the event loop's wait).
    pub(crate) fn bot_due(&self) -> Option<Instant> {
        let side = self.game().to_move()?;
        (!self.is_human(side) && !self.bot_gone).then_some(self.next_bot_at)
    }

    /// Asks the bot to move when its turn and pace allow, and plays its answer when it comes.
    /// Returns whether anything changed on screen.
    pub fn tick(&mut self, now: Instant) -> bool {
        self.drill_tick() | self.bot_tick(now)
    }

    /// Lets the drill reject an offer whose time is up, and logs why.
    fn drill_tick(&mut self) -> bool {
        let waiting = self.play.drill_waiting_for();
        let Some(events) = self.play.tick() else {
            return false;
        };
        if let Some(side) = waiting {
            let rec = self.game().record().len() + 1;
            self.log
                .push_note(format!("{side} {}", super::strings::DRILL_TIMEOUT), rec);
        }
        self.out.push(Command::Save);
        self.logged(&events);
        true
    }

    /// Asks the loop to put the question to the bot when its move is due and it is idle.
    /// Asking changes nothing on screen; the answer does ([`Session::receive_bot`]).
    fn bot_tick(&mut self, now: Instant) -> bool {
        let idle = self.worker.as_ref().is_some_and(|w| !w.busy);
        if idle && self.bot_due().is_some_and(|t| now >= t) {
            self.out.push(Command::AskBot);
        }
        false
    }

    /// [`Command::AskBot`]: sends the side to move's view and legal actions to the worker.
    pub(crate) fn ask_bot(&mut self) {
        let game = self.play.game();
        let bot_side = game
            .to_move()
            .filter(|s| !self.is_human(*s) && !self.bot_gone);
        let (Some(side), Some(worker)) = (bot_side, self.worker.as_mut()) else {
            return;
        };
        if worker.busy {
            return;
        }
        let (legal, rec) = (game.legal_actions(), game.record().len());
        if worker.ask(side, game.view(side), legal, rec).is_err() {
            self.bot_gone = true;
        }
    }

    /// Reads the worker's channel (the loop's work) and plays an answer that has come.
    /// Returns whether anything changed on screen.
    pub(crate) fn receive_bot(&mut self) -> bool {
        let Some(worker) = self.worker.as_mut() else {
            return false;
        };
        match worker.poll() {
            Ok(Some(reply)) => self.bot_answered(reply),
            Ok(None) => false,
            Err(_) => {
                self.bot_gone = true;
                true
            }
        }
    }

    fn bot_answered(&mut self, reply: super::bot::Reply) -> bool {
        if reply.rec != self.game().record().len() || self.game().to_move() != Some(reply.side) {
            return false;
        }
        // Asked before the move, while the offer it answers is still on the table.
        let why = super::refusal::reason(self.game(), reply.side, reply.action, self.log_viewer());
        self.act(reply.action);
        if let Some(why) = why {
            self.log.push_note(why, self.game().record().len());
        }
        // After the move, so the engine can tell whether naming it still gives a secret away.
        let shown = reply.explanation.as_ref();
        if let Some(ex) = shown.and_then(|ex| ex.shown(&self.game().view(reply.side)))
            && let Some(best) = ex.candidates.first()
        {
            let label = describe::action(self.game(), reply.side, best.action);
            let text = format!(
                "hint: weighed {} moves; best «{label}» ({} visits, value {:.2})",
                ex.candidates.len(),
                best.visits,
                best.value
            );
            self.log
                .push_hint(text, reply.side, self.game().record().len());
        }
        true
    }

    pub(crate) fn scroll_log(&mut self, by: i32) {
        let max = self.log.entries.len().min(u16::MAX as usize) as u16;
        self.log_scroll = (i32::from(self.log_scroll) + by).clamp(0, i32::from(max)) as u16;
    }
}

/// The log's reader for these players: the human's side in solo play, else the public.
fn log_viewer(players: &[Player; 2]) -> Viewer {
    let humans = Side::BOTH.map(|s| players[s.index()] == Player::Human);
    match humans {
        [true, false] => Viewer::Side(Side::Washington),
        [false, true] => Viewer::Side(Side::Seoul),
        _ => Viewer::Public,
    }
}
