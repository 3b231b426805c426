//! Bots think on a worker thread so the screen stays responsive while they search. The UI sends a
//! side's view and legal actions, and polls for the answer without blocking.

use crate::ai::{Bot, Explanation};
use crate::engine::{Action, OwnedView, Side, View};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};

struct Request {
    side: Side,
    view: OwnedView,
    legal: Vec<Action>,
    /// The record length the question was asked at, so a stale answer (after an undo) is dropped.
    rec: usize,
}

pub struct Reply {
    pub side: Side,
    pub action: Action,
    pub explanation: Option<Explanation>,
    pub rec: usize,
}

/// The UI's end of the worker thread.
pub struct Worker {
    tx: Sender<Request>,
    rx: Receiver<Reply>,
    pub busy: bool,
    /// An answer [`Worker::wait`] took in ahead of [`Worker::poll`].
    ready: Option<Reply>,
}

/// The worker thread ended (a bot panicked): the game cannot go on.
#[derive(Debug)]
pub struct Gone;

impl Worker {
    /// Starts the thread with a bot for each side a bot plays.
    pub fn spawn(mut bots: [Option<Box<dyn Bot>>; 2]) -> Worker {
        let (tx, requests) = mpsc::channel::<Request>();
        let (replies, rx) = mpsc::channel::<Reply>();
        std::thread::spawn(move || {
            // Ends when the UI drops its sender.
            while let Ok(req) = requests.recv() {
                let Some(bot) = bots[req.side.index()].as_mut() else {
                    continue;
                };
                let action = bot.choose(&req.view.view(), &req.legal);
                let explanation = bot.explain();
                let reply = Reply {
                    side: req.side,
                    action,
                    explanation,
                    rec: req.rec,
                };
                if replies.send(reply).is_err() {
                    break;
                }
            }
        });
        Worker {
            tx,
            rx,
            busy: false,
            ready: None,
        }
    }

    pub fn ask(
        &mut self,
        side: Side,
        view: View,
        legal: Vec<Action>,
        rec: usize,
    ) -> Result<(), Gone> {
        // The bot thinks while the game may change (an undo), so it gets its own copy.
        let view = view.snapshot();
        self.tx
            .send(Request {
                side,
                view,
                legal,
                rec,
            })
            .map_err(|_| Gone)?;
        self.busy = true;
        Ok(())
    }

    pub fn poll(&mut self) -> Result<Option<Reply>, Gone> {
        if let Some(r) = self.ready.take() {
            self.busy = false;
            return Ok(Some(r));
        }
        match self.rx.try_recv() {
            Ok(r) => {
                self.busy = false;
                Ok(Some(r))
            }
            Err(TryRecvError::Empty) => Ok(None),
            Err(TryRecvError::Disconnected) => Err(Gone),
        }
    }

    /// Blocks until the question asked is answered, and keeps the answer for the next
    /// [`Worker::poll`]: a test that waits after each input gets the same run every time.
    #[cfg(feature = "test-support")]
    pub fn wait(&mut self) {
        if self.busy && self.ready.is_none() {
            self.ready = self.rx.recv().ok();
        }
    }
}
