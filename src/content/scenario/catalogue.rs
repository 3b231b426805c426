//! Where scenario files come from: the shipped ones built into the binary, an instructor's folder
//! (`DIR/rules/scenarios/*.toml`), or one file given by path.

use super::build;
use crate::content::error::{DataError, DataErrors, Source};
use crate::engine::Content;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

/// The shipped scenarios, embedded so an installed `alliance` has them in any folder.
const EMBEDDED: [(&str, &str); 4] = [
    (
        "rules/scenarios/default.toml",
        include_str!("../../../rules/scenarios/default.toml"),
    ),
    (
        "rules/scenarios/classroom.toml",
        include_str!("../../../rules/scenarios/classroom.toml"),
    ),
    (
        "rules/scenarios/taiwan-strait.toml",
        include_str!("../../../rules/scenarios/taiwan-strait.toml"),
    ),
    (
        "rules/scenarios/tutorial.toml",
        include_str!("../../../rules/scenarios/tutorial.toml"),
    ),
];

/// The scenario files a game can be started with.
#[derive(Clone, Debug)]
pub struct Scenarios(pub Vec<Source>);

impl Scenarios {
    /// The shipped scenarios.
    pub fn embedded() -> Scenarios {
        Scenarios(EMBEDDED.iter().map(|(n, t)| Source::new(*n, *t)).collect())
    }

    /// Every `DIR/rules/scenarios/*.toml`, in name order (none if the folder does not exist).
    /// Refused when two files could be meant by one name (see [`Scenarios::check_unique`]).
    pub(crate) fn from_dir(dir: &Path) -> Result<Scenarios, DataErrors> {
        let folder = dir.join("rules").join("scenarios");
        if !folder.is_dir() {
            return Ok(Scenarios(Vec::new()));
        }
        let scenarios = Scenarios(Source::read_folder(&folder)?);
        scenarios.check_unique()?;
        Ok(scenarios)
    }

    /// `--scenario NAME` must mean one file. Refuses, naming both files, a scenario id used
    /// twice (a copy of `default.toml` that kept its id), an id equal to another file's stem, and
    /// two equal display names (the menu would show two identical lines). A file that does not
    /// parse is left to [`build`], which names its error.
    pub fn check_unique(&self) -> Result<(), DataErrors> {
        let heads: Vec<Option<Head>> = self
            .0
            .iter()
            .map(|s| toml::from_str(&s.text).ok())
            .collect();
        let mut errors = Vec::new();
        for (i, (source, head)) in self.0.iter().zip(&heads).enumerate() {
            let Some(head) = head else { continue };
            for (other, other_head) in self.0.iter().zip(&heads).take(i) {
                clashes(source, head, other, other_head.as_ref(), &mut errors);
            }
            for (j, other) in self.0.iter().enumerate() {
                if j != i && stem(other) == Some(head.id.get_ref().as_str()) {
                    let msg = format!(
                        "the id `{}` is also the file name of {}, so `--scenario {}` could mean either; choose another id",
                        head.id.get_ref(),
                        other.name,
                        head.id.get_ref()
                    );
                    errors.push(source.error(head.id.span(), msg));
                }
            }
        }
        match errors.is_empty() {
            true => Ok(()),
            false => Err(DataErrors(errors)),
        }
    }

    /// One file given by path (an instructor's scenario outside the data folder).
    pub(crate) fn from_file(path: &Path) -> Result<Source, DataErrors> {
        Source::read(path)
    }

    /// The shipped scenarios, or, when the data comes from `DIR`, only `DIR`'s: a data folder is
    /// self-contained, since the shipped scenarios name shipped cards and shocks it may not have.
    pub(crate) fn load(dir: Option<&Path>) -> Result<Scenarios, DataErrors> {
        match dir {
            Some(dir) => Scenarios::from_dir(dir),
            None => Ok(Scenarios::embedded()),
        }
    }

    /// The file of the scenario with this id (or file stem).
    pub(crate) fn find(&self, name: &str) -> Option<&Source> {
        self.0.iter().find(|s| {
            scenario_id(s).as_deref() == Some(name)
                || Path::new(&s.name).file_stem().is_some_and(|x| x == name)
        })
    }

    /// Builds every scenario against `base`, for `alliance validate` and `alliance scenarios`.
    pub(crate) fn build_all(&self, base: &Content) -> Vec<Result<Content, DataErrors>> {
        self.0.iter().map(|s| build(base, s)).collect()
    }
}

/// The two fields of a scenario file that must be unique, with their places.
#[derive(Deserialize)]
struct Head {
    id: Spanned<String>,
    name: Spanned<String>,
}

fn stem(source: &Source) -> Option<&str> {
    Path::new(&source.name).file_stem().and_then(|s| s.to_str())
}

/// A later file's id or name that an earlier file already has, reported at the later one.
fn clashes(
    source: &Source,
    head: &Head,
    other: &Source,
    other_head: Option<&Head>,
    errors: &mut Vec<DataError>,
) {
    let Some(first) = other_head else { return };
    let place = |span: std::ops::Range<usize>| {
        let (line, column) = other.position(span.start);
        format!("{}:{line}:{column}", other.name)
    };
    if head.id.get_ref() == first.id.get_ref() {
        let msg = format!(
            "duplicate scenario id `{}`: {} has it already; give this copy an id of its own",
            head.id.get_ref(),
            place(first.id.span())
        );
        errors.push(source.error(head.id.span(), msg));
    }
    if head
        .name
        .get_ref()
        .trim()
        .eq_ignore_ascii_case(first.name.get_ref().trim())
    {
        let msg = format!(
            "duplicate scenario name \"{}\": {} has it already; the menu could not tell them apart",
            head.name.get_ref().trim(),
            place(first.name.span())
        );
        errors.push(source.error(head.name.span(), msg));
    }
}

/// The id a scenario file declares, if it parses that far.
fn scenario_id(source: &Source) -> Option<String> {
    let table: toml::Table = toml::from_str(&source.text).ok()?;
    table.get("id")?.as_str().map(str::to_owned)
}
