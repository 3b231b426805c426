//! Where scenario files come from: the shipped ones built into the binary, an instructor's folder
//! (`DIR/rules/scenarios/*.toml`), or one file given by path.

use super::build;
use crate::content::error::{DataError, DataErrors, Source};
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
        let located = |path: &Path, e: std::io::Error| {
            DataErrors(vec![DataError {
                file: path.display().to_string(),
                line: 0,
                column: 0,
                message: format!("cannot read this scenario file or folder: {e}"),
            }])
        };
        let mut paths: Vec<_> = std::fs::read_dir(&folder)
            .map_err(|e| located(&folder, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        let read = |p: &Path| {
            std::fs::read_to_string(p)
                .map(|text| Source::new(p.display().to_string(), text))
                .map_err(|e| located(p, e))
        };
        Ok(Scenarios(
            paths.iter().map(|p| read(p)).collect::<Result<_, _>>()?,
        ))
    }

    /// One file given by path (an instructor's scenario outside the data folder).
    pub fn from_file(path: &Path) -> Result<Source, DataErrors> {
        std::fs::read_to_string(path)
            .map(|text| Source::new(path.display().to_string(), text))
            .map_err(|e| {
                DataErrors(vec![DataError {
                    file: path.display().to_string(),
                    line: 0,
                    column: 0,
                    message: format!("cannot read this scenario file: {e}"),
                }])
            })
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
