//! The random-playout invariant test: thousands of seeded games of uniformly random legal play on
//! the shipped rules and on every shipped scenario, checking the engine's invariants at every
//! step. Every rule change must pass it.
//! `PLAYOUT_GAMES` sets the number of games per scenario (default 10,000); the long run of
//! 100,000 per scenario is `cargo test --release --test engine playout -- --ignored`.

use crate::common;

use rand::RngExt;
use std::sync::Arc;
use symmetric_alliance::classroom::Library;
use symmetric_alliance::engine::{Action, Content, Game, Meter, Side, Term, rng};

fn games() -> u64 {
    std::env::var("PLAYOUT_GAMES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000)
}

/// The plain shipped rules, then each shipped scenario's content, by name.
fn every_shipped_content() -> Vec<(String, Arc<Content>)> {
    let base = common::shipped();
    let lib = Library::new(base.clone(), None).unwrap_or_else(|e| panic!("{e}"));
    let ids = lib.ids();
    assert_eq!(
        ids.len(),
        lib.scenario_files().0.len(),
        "every shipped scenario builds"
    );
    let scenarios = ids.into_iter().map(|id| {
        let content = lib.content(Some(&id)).unwrap_or_else(|e| panic!("{e}"));
        (id, content)
    });
    std::iter::once(("the plain rules".to_owned(), base))
        .chain(scenarios)
        .collect()
}

/// Plays `games` checked random games of every shipped content, split over two threads (the
/// test machine's cores), and checks that each record replays to the same game.
fn playout_every_scenario(games: u64) {
    for (name, content) in every_shipped_content() {
        std::thread::scope(|s| {
            for half in 0..2u64 {
                let content = &content;
                let name = &name;
                s.spawn(move || {
                    for seed in (half..games).step_by(2) {
                        replayed_check(content, seed, name);
                    }
                });
            }
        });
    }
}

fn replayed_check(content: &Arc<Content>, seed: u64, name: &str) {
    let game = checked_game(content, seed, 99);
    let actions: Vec<Action> = game.record().iter().map(|r| r.action).collect();
    let replayed = Game::replay(content.clone(), seed, &actions).expect("the record replays");
    assert!(
        replayed == game,
        "{name}: replaying seed {seed} gave a different final state"
    );
    // `PartialEq` leaves out the undo floor and the pending rupture; the derived `Debug` prints
    // every field. Every 16th game, to keep the run quick.
    if seed.is_multiple_of(16) {
        assert_eq!(
            format!("{replayed:?}"),
            format!("{game:?}"),
            "{name}: seed {seed}'s replay differs in a field PartialEq skips"
        );
    }
}

/// The most decisions a game can take: every round's headlines, every action (with the most
/// extra actions cards can grant) opening a deal that runs to its last counter with every edit.
fn decision_bound(content: &Content) -> usize {
    let r = &content.rules;
    let deal = (usize::from(r.deals.max_counters) + 1) * (usize::from(r.deals.max_terms) * 4 + 3);
    usize::from(r.rounds) * (2 + 2 * (usize::from(r.actions_per_round) + 2) * (1 + deal))
}

/// Any action at all, legal or not, to probe the rules with.
fn any_action(chooser: &mut rng::Rng, cards: u16) -> Action {
    let card = chooser.random_range(0..cards);
    let term = if chooser.random_bool(0.5) {
        Term::Card(card)
    } else {
        Term::Vocab(chooser.random_range(0..12))
    };
    match chooser.random_range(0..16) {
        0 => Action::Headline { card },
        1 => Action::Event { card },
        2 => Action::Ops {
            card,
            option: chooser.random_range(0..4),
            event_first: chooser.random_bool(0.5),
        },
        3 => Action::OpenDeal,
        4 => Action::Give(term),
        5 => Action::Ask(term),
        6 => Action::Drop {
            ask: chooser.random_bool(0.5),
            index: chooser.random_range(0..4),
        },
        7 => Action::Send,
        8 => Action::Withdraw,
        9 => Action::Accept,
        10 => Action::Reject,
        11 => Action::Counter,
        12 => Action::SetAside { card },
        13 => Action::Boost {
            card,
            option: chooser.random_range(0..4),
        },
        _ => Action::Pass,
    }
}

fn check_invariants(game: &Game, content: &Content) {
    for m in Meter::ALL {
        let t = content.rules.track(m);
        let v = game.meter(m);
        assert!(
            (t.min..=t.max).contains(&v),
            "{} = {v} is outside {}..={}",
            m.id(),
            t.min,
            t.max
        );
    }
    assert_eq!(
        game.card_count(),
        content.cards.len(),
        "cards are conserved"
    );
    assert!(
        game.hand(Side::Washington).len() + game.hand(Side::Seoul).len() <= content.cards.len()
    );
}

/// Plays one random game, checking at every step; returns it.
fn checked_game(content: &Arc<Content>, seed: u64, chooser_stream: u64) -> Game {
    let mut game = Game::new(content.clone(), seed);
    let mut chooser = rng::stream(seed, chooser_stream);
    let bound = decision_bound(content);
    let (mut legal, mut events) = (Vec::new(), Vec::new());
    let cards = content.cards.len() as u16;
    while !game.is_over() {
        check_invariants(&game, content);
        game.legal_actions_into(&mut legal);
        assert!(
            !legal.is_empty(),
            "a side to move always has a legal action"
        );
        for a in &legal {
            assert_eq!(
                game.check(*a),
                Ok(()),
                "listed action {a:?} must pass check"
            );
        }
        for _ in 0..2 {
            let probe = any_action(&mut chooser, cards);
            if !legal.contains(&probe) {
                let before = game.clone();
                assert!(
                    game.apply(probe).is_err(),
                    "{probe:?} is not listed, so it must be refused"
                );
                assert!(game == before, "a refused action changed the state");
            }
        }
        let a = legal[chooser.random_range(0..legal.len())];
        events.clear();
        game.apply_into(a, &mut events)
            .expect("a listed action applies");
        assert!(
            game.record().len() <= bound,
            "the game ran past its bound of {bound} decisions"
        );
    }
    check_invariants(&game, content);
    game
}

#[test]
fn random_games_keep_every_invariant() {
    playout_every_scenario(games());
}

/// The long run: 100,000 games on the plain rules and on each shipped scenario.
#[test]
#[ignore = "long: about 100,000 games per scenario; run with -- --ignored"]
fn a_hundred_thousand_random_games_per_scenario_keep_every_invariant() {
    playout_every_scenario(100_000);
}

#[test]
fn the_same_seed_meets_the_same_shocks_whatever_is_played() {
    let content = common::shipped();
    for seed in 0..(games() / 20).max(50) {
        let a = checked_game(&content, seed, 1);
        let b = checked_game(&content, seed, 2);
        let (sa, sb) = (&a.board().shocks_seen, &b.board().shocks_seen);
        let n = sa.len().min(sb.len());
        assert_eq!(
            sa[..n],
            sb[..n],
            "seed {seed}: the shocks of the rounds both games reached differ"
        );
        for round in 1..=content.rules.rounds {
            assert_eq!(a.scheduled_shock(round), b.scheduled_shock(round));
        }
    }
}

#[test]
fn a_determinized_game_shows_its_side_the_same_view() {
    let content = common::shipped();
    for seed in 0..200 {
        let mut game = Game::new(content.clone(), seed);
        let mut chooser = rng::stream(seed, 5);
        while let Some(side) = game.to_move() {
            let view = game.view(side);
            let sampled = Game::determinize(&view, &mut chooser);
            assert_eq!(
                sampled.view(side),
                view,
                "seed {seed}: the sampled world disagrees with the view"
            );
            assert_eq!(
                sampled.legal_actions(),
                game.legal_actions(),
                "the sampled world offers other moves"
            );
            assert_eq!(sampled.card_count(), content.cards.len());
            let legal = game.legal_actions();
            game.apply(legal[chooser.random_range(0..legal.len())])
                .expect("legal");
        }
    }
}
