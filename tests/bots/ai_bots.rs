//! The bots: they play legal moves to the end, use every kind of deal step, search
//! reproducibly, and decide from their side's view alone.

use crate::common;

use std::sync::Arc;
use symmetric_alliance::ai::{self, Bot, BotKind, Budget, HardBot};
use symmetric_alliance::engine::{Action, Content, Event, Game, Phase, Side, Term, rng};

/// Plays one game between two bots; returns it with every event.
fn play(
    content: &Arc<Content>,
    kinds: [BotKind; 2],
    seed: u64,
    budget: Budget,
) -> (Game, Vec<Event>) {
    let mut game = Game::new(content.clone(), seed);
    let mut bots = Side::BOTH.map(|s| ai::build(kinds[s.index()], s, seed, budget));
    let (mut legal, mut events) = (Vec::new(), Vec::new());
    while let Some(side) = game.to_move() {
        game.legal_actions_into(&mut legal);
        let action = bots[side.index()].choose(&game.view(side), &legal);
        assert!(legal.contains(&action), "{action:?} is not legal");
        game.apply_into(action, &mut events)
            .expect("a legal action applies");
    }
    (game, events)
}

/// A game stopped in round 3, after both headlines, with Washington to act.
fn mid_game(content: &Arc<Content>, seed: u64) -> Game {
    let mut game = Game::new(content.clone(), seed);
    let mut bots = Side::BOTH.map(|s| ai::build(BotKind::Greedy, s, seed, Budget::Iterations(1)));
    let mut legal = Vec::new();
    while game.board().round < 3
        || matches!(
            game.phase(),
            symmetric_alliance::engine::Phase::Headline { .. }
        )
    {
        let side = game.to_move().expect("the game goes on");
        game.legal_actions_into(&mut legal);
        let action = bots[side.index()].choose(&game.view(side), &legal);
        game.apply(action).expect("legal");
    }
    game
}

#[test]
fn every_bot_finishes_games_with_legal_moves() {
    for content in [common::shipped(), common::fixture("mini")] {
        for (i, kind) in [BotKind::Random, BotKind::Greedy, BotKind::Hard]
            .into_iter()
            .enumerate()
        {
            let (game, _) = play(
                &content,
                [kind, BotKind::Greedy],
                40 + i as u64,
                Budget::Iterations(24),
            );
            assert!(game.is_over());
        }
    }
}

#[test]
fn greedy_bots_offer_counter_accept_and_reject_deals() {
    let content = common::shipped();
    let mut seen = [false; 4];
    for seed in 0..30 {
        let (_, events) = play(&content, [BotKind::Greedy; 2], seed, Budget::Iterations(1));
        for e in &events {
            match e {
                Event::OfferSent { counter: 0, .. } => seen[0] = true,
                Event::OfferSent { .. } => seen[1] = true,
                Event::DealAccepted { .. } => seen[2] = true,
                Event::DealRejected { .. } => seen[3] = true,
                _ => {}
            }
        }
    }
    assert_eq!(seen, [true; 4], "offered, countered, accepted, rejected");
}

#[test]
fn hard_bot_is_reproducible_with_an_iteration_budget() {
    let content = common::shipped();
    let game = mid_game(&content, 7);
    let side = game.to_move().expect("to move");
    let view = game.view(side);
    let legal = game.legal_actions();
    let choose = || {
        let mut bot = HardBot::new(rng::bot_stream(99, side), Budget::Iterations(400));
        (bot.choose(&view, &legal), bot.explain())
    };
    let (a, ex_a) = choose();
    let (b, ex_b) = choose();
    assert_eq!(a, b);
    assert_eq!(ex_a, ex_b);
}

#[test]
fn two_true_states_with_one_view_give_one_choice() {
    let content = common::shipped();
    let game = mid_game(&content, 11);
    let side = game.to_move().expect("to move");
    let view = game.view(side);
    let mut r1 = rng::stream(1, 1);
    let mut r2 = rng::stream(2, 1);
    let (g1, g2) = (
        Game::determinize(&view, &mut r1),
        Game::determinize(&view, &mut r2),
    );
    assert_ne!(
        g1.hand(side.other()),
        g2.hand(side.other()),
        "the hidden hands differ"
    );
    assert_eq!(g1.view(side), g2.view(side), "the view is the same");
    for kind in [BotKind::Greedy, BotKind::Hard] {
        let pick = |g: &Game| {
            let mut bot = ai::build(kind, side, 5, Budget::Iterations(300));
            bot.choose(&g.view(side), &g.legal_actions())
        };
        assert_eq!(pick(&g1), pick(&g2), "{kind:?}");
    }
}

#[test]
fn hard_bot_explains_its_top_three_and_searches_deep() {
    let content = common::shipped();
    let game = mid_game(&content, 3);
    let side = game.to_move().expect("to move");
    let mut bot = HardBot::new(rng::bot_stream(3, side), Budget::Iterations(3000));
    let legal = game.legal_actions();
    let action = bot.choose(&game.view(side), &legal);
    let ex = bot.explain().expect("an explanation");
    println!("{ex:?}");
    assert_eq!(ex.candidates.len(), 3);
    assert_eq!(ex.candidates[0].action, action);
    assert!(ex.candidates.windows(2).all(|w| w[0].visits >= w[1].visits));
    assert!(
        ex.candidates
            .iter()
            .all(|c| (-1.5..=1.5).contains(&c.value))
    );
    assert_eq!(ex.iterations, 3000);
    assert!(ex.depth >= 2, "depth {}", ex.depth);
    assert!(legal.contains(&action) && action != Action::Pass);
}

/// The card an action names, if any.
fn named_card(a: Action) -> Option<symmetric_alliance::engine::CardId> {
    match a {
        Action::Headline { card } | Action::Event { card } | Action::Ops { card, .. } => Some(card),
        Action::Give(Term::Card(card)) | Action::Ask(Term::Card(card)) => Some(card),
        _ => None,
    }
}

/// What the screen may print of the hard bot's account, judged after each move: never a card
/// still in the bot's hand, never a headline pick before the reveal, never a term of a bundle
/// still being drafted. The raw accounts do name such things, so the filter is doing work.
#[test]
fn hard_bot_hints_name_nothing_its_side_keeps_secret() {
    let content = common::shipped();
    let (mut shown, mut withheld, mut hidden_headlines) = (0, 0, 0);
    for seed in [3u64, 8] {
        let mut game = Game::new(content.clone(), seed);
        let mut bots =
            Side::BOTH.map(|s| HardBot::new(rng::bot_stream(seed, s), Budget::Iterations(40)));
        let mut events = Vec::new();
        while let Some(side) = game.to_move() {
            let legal = game.legal_actions();
            let bot = &mut bots[side.index()];
            let action = bot.choose(&game.view(side), &legal);
            let raw = bot.explain().expect("the hard bot explains every choice");
            events.clear();
            game.apply_into(action, &mut events).expect("legal");
            let after = game.view(side);
            let leaks = |a: Action| named_card(a).is_some_and(|c| after.hand.contains(&c));
            withheld += raw.candidates.iter().filter(|c| leaks(c.action)).count();
            let picked_secretly = matches!(action, Action::Headline { .. })
                && !events
                    .iter()
                    .any(|e| matches!(e, Event::HeadlinesRevealed { .. }));
            let drafting = matches!(after.phase, Phase::Deal(d) if !d.sent && d.offerer == side);
            let Some(ex) = raw.shown(&after) else {
                hidden_headlines += usize::from(picked_secretly);
                continue;
            };
            assert!(
                !picked_secretly,
                "seed {seed}: a hint names a secret headline: {ex:?}"
            );
            assert_eq!(
                ex.candidates[0].action, action,
                "the hint's best is the move made"
            );
            for c in &ex.candidates {
                assert!(
                    !leaks(c.action),
                    "seed {seed}: a hint names a card in hand: {c:?}"
                );
                let term_edit = matches!(
                    c.action,
                    Action::Give(_) | Action::Ask(_) | Action::Drop { .. }
                );
                assert!(
                    !(drafting && term_edit),
                    "seed {seed}: a hint names a draft term: {c:?}"
                );
            }
            shown += 1;
        }
    }
    assert!(shown > 20, "hints still appear for public moves ({shown})");
    assert!(withheld > 0, "the raw accounts named cards in hand");
    assert!(hidden_headlines > 0, "some headline picks stayed secret");
}
