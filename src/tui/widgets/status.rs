//! The top of the board: round and phase, who is to move, priority and both scores; then the
//! current order shock and what it does.

use crate::engine::{Duration, Game, Phase, Pick, Side};
use crate::tui::describe;
use crate::tui::strings;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct StatusBar<'a> {
    pub game: &'a Game,
    /// Something the players must see now (a failed save). It takes the place of the priority
    /// and the seed, which the board shows elsewhere.
    pub banner: Option<&'a str>,
    /// The drill's time left to answer the offer on the table, in seconds: shown beside the
    /// priority, in place of the seed.
    pub clock: Option<u64>,
    pub theme: &'a Theme,
}

pub fn phase_text(game: &Game) -> String {
    let b = game.board();
    match game.phase() {
        Phase::Headline { picks } => {
            let mark = |p: Pick| {
                if matches!(p, Pick::Pending) {
                    "picking"
                } else {
                    "picked"
                }
            };
            format!("Headline: W {}, S {}", mark(picks[0]), mark(picks[1]))
        }
        Phase::Actions { to_move } => {
            let left = b.actions_left;
            format!("Actions: {to_move} (left W {} S {})", left[0], left[1])
        }
        Phase::Deal(d) if d.sent => format!("Deal: {} answers", d.offerer.other()),
        Phase::Deal(d) => format!("Deal: {} drafts", d.offerer),
        Phase::Over(_) => "Game over".into(),
    }
}

impl StatusBar<'_> {
    /// Round, phase and both scores, up to the banner or the priority. `short` keeps only the
    /// round and the scores, to give a banner that would be cut the room it needs.
    fn head(&self, short: bool) -> Vec<Span<'static>> {
        let b = self.game.board();
        let rules = &self.game.content().rules;
        let rounds = rules.rounds;
        let t = self.theme;
        let initial = |s: Side| &s.name()[..1];
        // Under the absolute lens each score shows beside the target it must reach.
        let target = |s: Side| match rules.lens {
            crate::engine::Lens::Absolute => format!("/{}", rules.targets[s.index()]),
            crate::engine::Lens::Relative => String::new(),
        };
        let score = |s: Side| {
            let text = format!("{} {}{}", initial(s), b.score(s), target(s));
            Span::styled(text, t.side(s))
        };
        let mut spans = vec![Span::styled(
            format!(" Round {}/{} ", b.round, rounds),
            t.selected,
        )];
        if short {
            spans.push(Span::raw(" "));
        } else {
            spans.extend([
                Span::raw(" "),
                Span::styled(phase_text(self.game), t.title),
                Span::raw(" │ score "),
            ]);
        }
        spans.extend([
            score(Side::Washington),
            Span::raw(" "),
            score(Side::Seoul),
            Span::raw(" │ "),
        ]);
        spans
    }
}

impl StatusBar<'_> {
    /// `spans` (ending with the priority) and the drill's clock, in `width` cells: the clock's
    /// words give way first, then the phase, so the priority and the clock always show.
    fn with_clock(&self, spans: Vec<Span<'static>>, secs: u64, width: usize) -> Vec<Span<'static>> {
        let t = self.theme;
        let fits = |v: &[Span]| Line::from(v.to_vec()).width() <= width;
        for clock in [format!(" │ ⏱ {secs}s left"), format!(" │ ⏱{secs}s")] {
            let mut v = spans.clone();
            v.push(Span::styled(clock, t.warn));
            if fits(&v) {
                return v;
            }
        }
        let mut v = self.head(true);
        v.push(Span::styled(self.game.board().priority.name(), t.key));
        v.push(Span::styled(format!(" │ ⏱ {secs}s left"), t.warn));
        v
    }
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let b = self.game.board();
        let t = self.theme;
        let width = usize::from(area.width);
        let mut spans = self.head(false);
        match self.banner {
            Some(text) => {
                let clock = self
                    .clock
                    .map(|c| format!("⏱ {c}s left │ "))
                    .unwrap_or_default();
                let text = format!("{clock}{text}");
                let room =
                    |spans: &[Span]| width.saturating_sub(Line::from(spans.to_vec()).width());
                if text::width(&text) > room(&spans) {
                    spans = self.head(true);
                }
                let fitted = fit_banner(&text, room(&spans));
                spans.push(Span::styled(fitted, t.warn));
            }
            None => {
                spans.push(Span::styled(b.priority.name(), t.key));
                match self.clock {
                    Some(secs) => spans = self.with_clock(spans, secs, width),
                    // The seed is for replaying a game, not for playing it: it shows only
                    // where it fits whole.
                    None => {
                        let seed = Span::styled(format!(" │ seed {}", self.game.seed()), t.dim);
                        if Line::from(spans.clone()).width() + seed.width() <= width {
                            spans.push(seed);
                        }
                    }
                }
            }
        }
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}

/// The banner in `room` cells. A failed save's reason comes before its path, and the path loses
/// its middle first, so "Permission denied" shows even at 80 columns with a deep save folder. The
/// banner's parts (drill countdown, failed save) are joined by " │ ".
pub fn fit_banner(banner: &str, room: usize) -> String {
    let parts: Vec<&str> = banner.split(" │ ").collect();
    let Some(at) = parts.iter().position(|p| not_saved(p).is_some()) else {
        return text::truncate(banner, room);
    };
    let (reason, path) = not_saved(parts[at]).unwrap_or_default();
    let head = format!("⚠ {}: {reason}", strings::NOT_SAVED);
    let mut others: Vec<&str> = parts.clone();
    others.remove(at);
    // Everything but the path, with the separators: what is left of `room` is the path's.
    let fixed: usize =
        others.iter().map(|p| text::width(p) + 3).sum::<usize>() + text::width(&head) + 3;
    let path = middle_cut(path, room.saturating_sub(fixed));
    let save = if path.is_empty() {
        head
    } else {
        format!("{head} · {path}")
    };
    others.insert(at, &save);
    text::truncate(&others.join(" │ "), room)
}

/// A failed save's reason and path, from the banner's "⚠ NOT SAVED: ... saved to PATH: REASON"
/// (the path may hold ": " itself; the system's reason does not).
fn not_saved(part: &str) -> Option<(&str, &str)> {
    let rest = part.strip_prefix(&format!("⚠ {}: ", strings::NOT_SAVED))?;
    let (_, tail) = rest.split_once(" saved to ")?;
    let (path, reason) = tail.rsplit_once(": ")?;
    Some((reason, path))
}

/// `s` in at most `max` cells, its middle replaced by `…`; the end (the file's name) keeps the
/// larger share. Nothing at all below 8 cells, where no useful part of a path would fit.
pub fn middle_cut(s: &str, max: usize) -> String {
    if text::width(s) <= max {
        return s.to_string();
    }
    if max < 8 {
        return String::new();
    }
    let keep_head = (max - 1) / 3;
    let head = text::truncate(s, keep_head + 1);
    let head = head.trim_end_matches('…');
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for ch in s.chars().rev() {
        let w = text::width(ch.encode_utf8(&mut [0; 4]));
        if used + w > max - 1 - text::width(head) {
            break;
        }
        tail.push(ch);
        used += w;
    }
    let tail: String = tail.into_iter().rev().collect();
    format!("{head}…{tail}")
}

/// The round's shock: title, domain, size, how long it lasts, and its text.
pub struct ShockLine<'a> {
    pub game: &'a Game,
    pub theme: &'a Theme,
}

impl Widget for ShockLine<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let b = self.game.board();
        let content = self.game.content();
        let Some(shock) = b.shock.and_then(|s| content.shocks.get(usize::from(s))) else {
            Paragraph::new("No order shock this round.").render(area, buf);
            return;
        };
        let lasts = match shock.duration {
            Duration::Instant => "instant",
            Duration::Round => "this round",
            Duration::Structural => "structural",
        };
        // What the shock does comes before its story, so a one-line bar still shows the rules.
        let mut what = String::new();
        if !shock.ongoing.is_empty() {
            let each = describe::effects(content, &shock.ongoing);
            what += &format!("Each summit: {each}. ");
        }
        if let Some((kind, by)) = shock.ops_mod {
            what += &format!("{} cards {by:+} ops. ", kind.name());
        }
        what += &shock.text;
        let head = format!(
            "Shock «{}» ({}, size {}, {lasts}) ",
            shock.title,
            shock.domain.name(),
            b.shock_size
        );
        let full = format!("{head}{what}");
        let mut lines = text::wrap(&full, usize::from(area.width.max(1)));
        lines.truncate(usize::from(area.height));
        let cut = text::width(&full) > lines_width(&lines);
        if let Some(last) = lines.last_mut()
            && cut
        {
            *last = text::truncate(&format!("{last}…"), usize::from(area.width));
        }
        let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
        Paragraph::new(lines).render(area, buf);
        // The head keeps its warning style wherever the wrap put it on the first line.
        let head_w = text::width(&head).min(usize::from(area.width)) as u16;
        buf.set_style(
            Rect {
                width: head_w,
                height: area.height.min(1),
                ..area
            },
            self.theme.warn,
        );
    }
}

fn lines_width(lines: &[String]) -> usize {
    lines.iter().map(|l| text::width(l) + 1).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEEP: &str = "/home/student/classroom/shared-drive/period-3/alliance-saves/\
                        table-12/default-1764580000-2025.json";

    fn failed(path: &str) -> String {
        format!(
            "⚠ NOT SAVED: the game could not be saved to {path}: Permission denied (os error 13)"
        )
    }

    #[test]
    fn the_reason_comes_first_and_the_path_loses_its_middle() {
        for room in [50, 60, 80, 120] {
            let got = fit_banner(&failed(DEEP), room);
            assert!(text::width(&got) <= room, "{room}: {got}");
            assert!(
                got.starts_with("⚠ NOT SAVED: Permission denied (os error 13)"),
                "{room}: {got}"
            );
            if room >= 60 {
                assert!(got.contains('…') && got.ends_with(".json"), "{room}: {got}");
            }
        }
    }

    #[test]
    fn a_short_path_is_shown_whole_and_a_drill_countdown_keeps_its_place() {
        let banner = format!("⏱ Seoul must answer: 7s left │ {}", failed("/tmp/a.json"));
        let got = fit_banner(&banner, 120);
        assert_eq!(
            got,
            "⏱ Seoul must answer: 7s left │ ⚠ NOT SAVED: Permission denied (os error 13) · /tmp/a.json"
        );
        let got = fit_banner(
            &format!("⏱ Seoul must answer: 7s left │ {}", failed(DEEP)),
            80,
        );
        assert!(
            got.contains("Permission denied") && text::width(&got) <= 80,
            "{got}"
        );
    }

    #[test]
    fn other_banners_are_only_cut_at_the_end() {
        assert_eq!(
            fit_banner("⏱ Seoul must answer: 7s left", 80),
            "⏱ Seoul must answer: 7s left"
        );
        assert_eq!(fit_banner("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn middle_cut_keeps_both_ends_within_the_width() {
        assert_eq!(middle_cut("/a/b.json", 20), "/a/b.json");
        assert_eq!(middle_cut("/a/b.json", 5), "");
        for max in 8..40 {
            let got = middle_cut(DEEP, max);
            assert!(text::width(&got) <= max, "{max}: {got}");
            assert!(got.starts_with('/') && got.ends_with('n'), "{max}: {got}");
        }
        let wide = middle_cut("/저장/한국어-폴더/게임-기록-파일.json", 16);
        assert!(text::width(&wide) <= 16, "{wide}");
    }
}
