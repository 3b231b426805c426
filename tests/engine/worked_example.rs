//! The rulebook's worked example (section 10), played on the shipped data: every number the
//! rulebook prints for round 1 is checked here, so the book cannot drift from the rules.

use crate::common;
use crate::steps::{card, term};

use symmetric_alliance::engine::{Action, Content, Game, Meter, Phase, Side};

/// A seed whose round 1 meets the rulebook's shock and agenda card.
fn the_books_seed(content: &std::sync::Arc<Content>) -> Game {
    let shock = content
        .shock_by_id("shock-gulf-war")
        .expect("the shock exists");
    let agenda = content
        .rules
        .agenda
        .iter()
        .position(|a| a.id == "sma-round");
    (0..200_000)
        .map(|seed| Game::new(content.clone(), seed))
        .find(|g| g.board().shock == Some(shock) && g.board().agenda.map(usize::from) == agenda)
        .expect("some seed opens with War in the Gulf and the cost-sharing agenda")
}

#[test]
fn the_rulebooks_worked_example_plays_as_printed() {
    let content = common::shipped();
    let mut game = the_books_seed(&content);
    let m = |g: &Game, meter: Meter| g.meter(meter);
    // The shock: self-help absorbs 1 and wears down, posture takes 1, uncertainty rises.
    assert_eq!(m(&game, Meter::SelfHelp), 0);
    assert_eq!(m(&game, Meter::Posture), 7);
    assert_eq!(m(&game, Meter::Uncertainty), 6);
    // The agenda: a tie, so both named aims are on the table.
    assert_eq!(
        game.board().on_table,
        [Some(Meter::UsCost), Some(Meter::RokLeverage)]
    );
    let (letter, sma, iran) = (
        card(&content, "us-tariff-letter"),
        card(&content, "rok-twelfth-sma"),
        card(&content, "us-iran-strikes"),
    );
    game.stage_hand(Side::Washington, &[letter]);
    game.stage_hand(Side::Seoul, &[sma, iran]);
    let play = |g: &mut Game, a: Action| {
        g.apply(a).unwrap_or_else(|e| panic!("{a:?} refused: {e}"));
    };
    play(&mut game, Action::Headline { card: letter });
    play(&mut game, Action::Headline { card: sma });
    assert_eq!(m(&game, Meter::UsLeverage), 4, "3 + 2 - 1");
    assert_eq!(m(&game, Meter::Cohesion), 5);
    assert!(game.board().removed.contains(&letter) && game.board().removed.contains(&sma));
    // Washington's deal, Seoul's counter, Washington's acceptance.
    for a in [
        Action::OpenDeal,
        Action::Give(term(&content, "keep-posture")),
        Action::Ask(term(&content, "spending")),
        Action::Ask(term(&content, "regional-role")),
        Action::Send,
        Action::Counter,
        Action::Give(term(&content, "regional-role")),
        Action::Ask(term(&content, "back-opcon")),
        Action::Send,
        Action::Accept,
    ] {
        play(&mut game, a);
    }
    assert_eq!(
        [
            Meter::UsRole,
            Meter::RoleBalance,
            Meter::Opcon,
            Meter::Responsibility,
            Meter::Cohesion
        ]
        .map(|x| m(&game, x)),
        [1, 3, 3, 3, 6]
    );
    // Seoul plays Washington's card for operations: 2 ops under War in the Gulf.
    assert_eq!(
        game.phase(),
        &Phase::Actions {
            to_move: Side::Seoul
        }
    );
    assert_eq!(game.ops_value(iran), 2);
    let kind = content.card(iran).kind;
    let k = symmetric_alliance::engine::Kind::ALL
        .iter()
        .position(|x| *x == kind)
        .expect("a kind");
    let advance = content.rules.ops[Side::Seoul.index()][k]
        .iter()
        .position(|o| o.id == "advance-opcon")
        .expect("the option exists") as u8;
    play(
        &mut game,
        Action::Ops {
            card: iran,
            option: advance,
            event_first: false,
        },
    );
    assert_eq!(
        [
            Meter::Opcon,
            Meter::UsMission,
            Meter::UsLeverage,
            Meter::Uncertainty
        ]
        .map(|x| m(&game, x)),
        [4, 2, 5, 7]
    );
    // The summit, if the other actions left these levels alone: 2 for Washington, 5 for Seoul.
    let rules = &content.rules;
    let meters = game.board().meters;
    let (priority, table) = (game.board().priority, game.board().on_table);
    assert_eq!(
        rules.aim_total(Side::Washington, &meters, priority, table),
        2
    );
    assert_eq!(rules.aim_total(Side::Seoul, &meters, priority, table), 5);
    let band = |x: Meter| rules.track(x).band.expect("a band");
    assert!(band(Meter::Responsibility).0 > 3 && band(Meter::RoleBalance).0 > 3);
}
