//! One information-set tree (SO-ISMCTS, Cowling, Powley and Whitehouse 2012). A node stands for
//! the observer's information set after a sequence of actions; a child is reachable in some
//! determinizations and not others, so selection uses how often a child was *available* in
//! place of the parent's visit count.

use crate::engine::{Action, Side};
use rand::RngExt;

/// Exploration constant for values in [-1, 1].
const EXPLORE: f32 = 0.7;

pub(crate) struct Node {
    pub action: Action,
    /// The side that took `action` (whose value `total` sums).
    pub(crate) mover: Side,
    pub visits: u32,
    pub(crate) avail: u32,
    pub(crate) total: f32,
    pub depth: u16,
    pub(crate) children: Vec<u32>,
}

pub(crate) struct Tree {
    pub(crate) nodes: Vec<Node>,
}

/// What one step of the descent did.
pub enum Step {
    /// Went down to an existing child.
    Existing(u32),
    /// Added a new child (the descent stops there and a playout starts).
    Expanded(u32),
}

impl Tree {
    pub(crate) fn new(root_mover: Side) -> Self {
        let root = Node {
            action: Action::Pass,
            mover: root_mover,
            visits: 0,
            avail: 0,
            total: 0.0,
            depth: 0,
            children: Vec::new(),
        };
        let mut nodes = Vec::with_capacity(4096);
        nodes.push(root);
        Tree { nodes }
    }

    /// Picks the next action at `node` among `legal` (the actions of this determinization):
    /// an untried one if there is any, else the best by UCB over the available children.
    pub(crate) fn step(
        &mut self,
        node: u32,
        legal: &[Action],
        mover: Side,
        rng: &mut impl rand::Rng,
    ) -> Step {
        let mut untried = 0u32;
        let mut pick_untried = None;
        let mut best = (f32::NEG_INFINITY, u32::MAX);
        for &a in legal {
            let found = self.nodes[node as usize]
                .children
                .iter()
                .copied()
                .find(|&c| self.nodes[c as usize].action == a);
            match found {
                Some(c) => {
                    let n = &mut self.nodes[c as usize];
                    n.avail += 1;
                    let mean = n.total / n.visits.max(1) as f32;
                    let ucb =
                        mean + EXPLORE * ((n.avail as f32).ln() / n.visits.max(1) as f32).sqrt();
                    if ucb > best.0 {
                        best = (ucb, c);
                    }
                }
                None => {
                    // Reservoir sampling: a uniform choice among the untried actions in one pass.
                    untried += 1;
                    if rng.random_range(0..untried) == 0 {
                        pick_untried = Some(a);
                    }
                }
            }
        }
        match pick_untried {
            Some(action) => Step::Expanded(self.add(node, action, mover)),
            None => Step::Existing(best.1),
        }
    }

    fn add(&mut self, parent: u32, action: Action, mover: Side) -> u32 {
        let id = self.nodes.len() as u32;
        let depth = self.nodes[parent as usize].depth + 1;
        self.nodes.push(Node {
            action,
            mover,
            visits: 0,
            avail: 1,
            total: 0.0,
            depth,
            children: Vec::new(),
        });
        self.nodes[parent as usize].children.push(id);
        id
    }

    /// Adds a playout's values ([Washington, Seoul]) along the path.
    pub(crate) fn backprop(&mut self, path: &[u32], values: [f32; 2]) {
        self.nodes[0].visits += 1;
        for &id in path {
            let n = &mut self.nodes[id as usize];
            n.visits += 1;
            n.total += values[n.mover.index()];
        }
    }

    /// The deepest node reached.
    pub(crate) fn depth(&self) -> u32 {
        self.nodes
            .iter()
            .map(|n| u32::from(n.depth))
            .max()
            .unwrap_or(0)
    }

    /// The root's children as (action, visits, total value).
    pub(crate) fn root_stats(&self) -> impl Iterator<Item = (Action, u32, f32)> + '_ {
        self.nodes[0].children.iter().map(|&c| {
            let n = &self.nodes[c as usize];
            (n.action, n.visits, n.total)
        })
    }
}
