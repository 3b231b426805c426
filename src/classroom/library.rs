//! The game data and scenarios one run of `alliance` can use: where the screen, the record loader
//! and the report get the content for a scenario name or a recorded game.

use super::record::{GameRecord, RecordError};
use crate::content::{DataError, DataErrors, Scenarios, scenario};
use crate::engine::{Content, Lens, ScenarioInfo};
use std::path::Path;
use std::sync::Arc;

/// The base rules and decks, and every scenario file that can modify them.
#[derive(Clone, Debug)]
pub struct Library {
    base: Arc<Content>,
    scenarios: Scenarios,
}

/// One line of `alliance scenarios` (and of the menu's scenario list).
#[derive(Clone, Debug, serde::Serialize)]
pub struct ScenarioSummary {
    pub info: ScenarioInfo,
    pub rounds: u8,
    pub actions_per_round: u8,
    pub lens: Lens,
    pub targets: [i16; 2],
    pub injects: usize,
    pub file: String,
}

impl Library {
    /// The shipped scenarios, or only `DIR/rules/scenarios/*.toml` when the data comes from `DIR`.
    pub fn new(base: Arc<Content>, data_dir: Option<&Path>) -> Result<Library, DataErrors> {
        Ok(Library {
            base,
            scenarios: Scenarios::load(data_dir)?,
        })
    }

    pub fn base(&self) -> &Arc<Content> {
        &self.base
    }

    pub fn scenario_files(&self) -> &Scenarios {
        &self.scenarios
    }

    /// The content to play a scenario with. `name` is a scenario id, or the path of a `.toml` file
    /// (an instructor's own scenario). `None` plays the plain rules.
    pub fn content(&self, name: Option<&str>) -> Result<Arc<Content>, DataErrors> {
        let Some(name) = name else {
            return Ok(self.base.clone());
        };
        let source = if name.ends_with(".toml") && Path::new(name).is_file() {
            Scenarios::from_file(Path::new(name))?
        } else {
            self.scenarios.find(name).cloned().ok_or_else(|| {
                DataErrors(vec![DataError {
                    file: "rules/scenarios".into(),
                    line: 0,
                    column: 0,
                    message: format!(
                        "there is no scenario `{name}`; `alliance scenarios` lists them: {}",
                        self.ids().join(", ")
                    ),
                }])
            })?
        };
        scenario::build(&self.base, &source).map(Arc::new)
    }

    /// The ids of the scenarios that build.
    pub fn ids(&self) -> Vec<String> {
        self.summaries()
            .into_iter()
            .filter_map(|s| s.ok().map(|s| s.info.id))
            .collect()
    }

    /// Every scenario, built and summarised, or the errors in its file.
    pub(crate) fn summaries(&self) -> Vec<Result<ScenarioSummary, DataErrors>> {
        let built = self.scenarios.build_all(&self.base);
        built
            .into_iter()
            .zip(&self.scenarios.0)
            .map(|(content, source)| {
                content.map(|c| ScenarioSummary {
                    info: c.scenario.clone().unwrap_or_default(),
                    rounds: c.rules.rounds,
                    actions_per_round: c.rules.actions_per_round,
                    lens: c.rules.lens,
                    targets: c.rules.targets,
                    injects: c.injects.len(),
                    file: source.name.clone(),
                })
            })
            .collect()
    }

    /// Reads a record and the content it was played with; refuses one made with other data.
    pub fn open_record(&self, path: &Path) -> Result<(GameRecord, Arc<Content>), RecordError> {
        let record = GameRecord::load(path)?;
        let content =
            self.content(record.scenario.as_deref())
                .map_err(|e| RecordError::Scenario {
                    path: path.into(),
                    scenario: record.scenario.clone().unwrap_or_default(),
                    detail: e.to_string(),
                })?;
        record.check_data(path, &content)?;
        Ok((record, content))
    }
}
