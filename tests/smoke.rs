mod common;

#[test]
fn mini_games_finish() {
    let content = common::fixture("mini");
    for seed in 0..200 {
        let g = common::random_game(content.clone(), seed);
        assert!(g.is_over());
    }
    let g = common::random_game(content.clone(), 3);
    println!("{:?} record {}", g.outcome(), g.record().len());
}
