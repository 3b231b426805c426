//! Where scenario files come from: the shipped ones built into the binary, an instructor's folder
//! (`DIR/rules/scenarios/*.toml`), or one file given by path.

use super::build;
use crate::content::error::{DataErrors, Source};
use crate::engine::Content;
use std::path::Path;

/// The shipped scenarios, embedded so an installed `alliance` has them in any folder.
const EMBEDDED: [(&str, &str); 3] = [
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
    pub fn from_dir(dir: &Path) -> Result<Scenarios, DataErrors> {
        let folder = dir.join("rules").join("scenarios");
        if !folder.is_dir() {
            return Ok(Scenarios(Vec::new()));
        }
        Ok(Scenarios(Source::read_folder(&folder)?))
    }

    /// One file given by path (an instructor's scenario outside the data folder).
    pub fn from_file(path: &Path) -> Result<Source, DataErrors> {
        Source::read(path)
    }

    /// The shipped scenarios, or, when the data comes from `DIR`, only `DIR`'s: a data folder is
    /// self-contained, since the shipped scenarios name shipped cards and shocks it may not have.
    pub fn load(dir: Option<&Path>) -> Result<Scenarios, DataErrors> {
        match dir {
            Some(dir) => Scenarios::from_dir(dir),
            None => Ok(Scenarios::embedded()),
        }
    }

    /// The file of the scenario with this id (or file stem).
    pub fn find(&self, name: &str) -> Option<&Source> {
        self.0.iter().find(|s| {
            scenario_id(s).as_deref() == Some(name)
                || Path::new(&s.name).file_stem().is_some_and(|x| x == name)
        })
    }

    /// Builds every scenario against `base`, for `alliance validate` and `alliance scenarios`.
    pub fn build_all(&self, base: &Content) -> Vec<Result<Content, DataErrors>> {
        self.0.iter().map(|s| build(base, s)).collect()
    }
}

/// The id a scenario file declares, if it parses that far.
fn scenario_id(source: &Source) -> Option<String> {
    let table: toml::Table = toml::from_str(&source.text).ok()?;
    table.get("id")?.as_str().map(str::to_owned)
}
