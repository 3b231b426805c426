//! Where a run of `alliance` gets its data: the built-in rules and decks, or a folder's.

use super::{Data, DataErrors};
use crate::engine::Content;
use std::path::Path;
use std::sync::Arc;

/// Builds the content of `dir` (holding `rules/` and `decks/`), or the built-in data without one.
/// Shared behind an [`Arc`] because the screen, the bots' threads and the simulator all hold it.
pub fn load_data(dir: Option<&Path>) -> Result<Arc<Content>, DataErrors> {
    let data = match dir {
        Some(d) => Data::from_dir(d)?,
        None => Data::embedded(),
    };
    data.build().map(Arc::new)
}
