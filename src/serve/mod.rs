//! `alliance serve`: a class over SSH. Students join with only `ssh`; each table is one game
//! across two connections (or one and a bot), each side on its own screen, every action kept in
//! SQLite. One process serves every connection, with no pty or child process per connection and
//! no code path that touches the server's own terminal.
//!
//! - [`ssh`]: the russh handler and the writer of each connection.
//! - [`world`] and [`seating`]: the lobby, the tables and the moves between them, behind one lock.
//! - [`screen`]: the seam to the terminal game (`tui::app`, `keys`, `view`), drawn into bytes.
//! - [`store`]: the database; [`hostkey`]: the host key and the class code.

mod clock;
pub mod console;
mod debrief;
pub mod hostkey;
pub mod input;
pub mod lobby;
mod moves;
pub mod roster;
pub mod screen;
mod seating;
pub mod serverlog;
pub mod ssh;
mod steer;
pub mod store;
pub mod store_steer;
pub mod table;
pub mod world;

use crate::ai::BotKind;
use crate::classroom::Library;
use crate::engine::Content;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// What `alliance serve` was asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    pub listen: SocketAddr,
    pub code: Option<String>,
    pub scenario: Option<String>,
    pub db: Option<PathBuf>,
    pub drill: Option<u64>,
    pub idle: Duration,
    pub keepalive: Duration,
    pub bot: BotKind,
    /// Students seated in advance (`--roster FILE`).
    pub roster: Option<PathBuf>,
}

/// Overrides the data folder of `alliance serve` (tests, and a class kept on a USB stick).
pub const SERVE_DIR_ENV: &str = "ALLIANCE_SERVE_DIR";

/// The database file: `--db FILE`, else `class.sqlite3` in the data folder.
pub fn db_path(db: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(p) = db {
        return Ok(p.to_path_buf());
    }
    let dir = match std::env::var_os(SERVE_DIR_ENV).filter(|d| !d.is_empty()) {
        Some(d) => PathBuf::from(d),
        None => directories::ProjectDirs::from("", "", "symmetric-alliance")
            .map(|d| d.data_dir().join("class"))
            .ok_or("this system has no data folder; give the database with --db FILE")?,
    };
    std::fs::create_dir_all(&dir)
        .map_err(|e| format!("cannot make the data folder {}: {e}", dir.display()))?;
    Ok(dir.join("class.sqlite3"))
}

/// The host key lives beside the database, so a class kept in one folder keeps its key.
pub fn host_key_path(db: &Path) -> PathBuf {
    let dir = match db.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    dir.join("host_ed25519_key")
}

/// What a started server tells the instructor.
pub struct Started {
    pub db: PathBuf,
    pub code: String,
    pub fingerprint: String,
    pub resumed: usize,
    pub problems: Vec<String>,
    /// The facilitator's password of this start, and the log that also holds it.
    pub password: String,
    pub log: PathBuf,
}

/// Opens the class: the database, its code and tables, and the host key.
pub fn open_class(
    content: Arc<Content>,
    data_dir: Option<&Path>,
    opts: &ServeOptions,
) -> Result<(world::World, russh::keys::PrivateKey, Started), String> {
    // Students' terminals get colour whatever the server's own environment says (NO_COLOR
    // there would otherwise strip it from every frame sent).
    crossterm::style::force_color_output(true);
    let library = Library::new(content, data_dir).map_err(|errors| {
        let n = errors.0.len();
        format!("{errors}\n{n} error(s) in the scenario files.")
    })?;
    // A scenario that does not load is said now, not when the first student opens a table.
    library
        .content(opts.scenario.as_deref())
        .map_err(|e| e.to_string())?;
    let db = db_path(opts.db.as_deref())?;
    let store = store::Store::open(&db)?;
    let (class, code) = store.class(opts.code.as_deref(), hostkey::fresh_code)?;
    let key = hostkey::load_or_make(&host_key_path(&db))?;
    let password = hostkey::fresh_password();
    let log = serverlog::ServerLog::beside(&db);
    log.line(&format!(
        "server started; facilitator password for this start: {password}"
    ));
    let log_path = log.path().to_path_buf();
    let seed = store.class_seed(class, crate::classroom::fresh_seed)?;
    let setup = world::ClassSetup {
        class,
        seed,
        code: code.clone(),
        scenario: opts.scenario.clone(),
        drill: opts.drill,
        bot: opts.bot,
        idle: opts.idle,
        password: password.clone(),
        log: Some(log),
    };
    let mut world = world::World::new(store, library, setup, crate::tui::theme::Theme::color());
    let problems = world.resume_tables()?;
    // A roster with a bad line stops the start, before anyone joins, with every line named.
    if let Some(path) = &opts.roster {
        let entries = roster::load(path)?;
        world.seat_roster(&path.display().to_string(), &entries)?;
    }
    let started = Started {
        db,
        code,
        fingerprint: hostkey::fingerprint(&key),
        resumed: world.tables.len(),
        problems,
        password,
        log: log_path,
    };
    Ok((world, key, started))
}

/// The server's SSH settings: keepalive finds dead clients, the idle timeout leaves a student
/// time to think, and a short queue per connection bounds what a slow client can hold.
pub fn ssh_config(key: russh::keys::PrivateKey, opts: &ServeOptions) -> russh::server::Config {
    russh::server::Config {
        keys: vec![key],
        // The idle timeout is the world's (keepalive replies reset SSH's own timer); this one
        // only ends connections that stall before they have a screen.
        inactivity_timeout: Some(opts.idle),
        keepalive_interval: Some(opts.keepalive),
        keepalive_max: 3,
        auth_rejection_time: Duration::from_millis(300),
        auth_rejection_time_initial: Some(Duration::ZERO),
        channel_buffer_size: 8,
        nodelay: true,
        ..Default::default()
    }
}

/// Runs the server until Ctrl-C or SIGTERM; then every connection gets `goodbye` and is
/// closed. Each action was committed when it was made, so stopping writes nothing half-done.
pub async fn serve(
    world: world::World,
    config: russh::server::Config,
    listener: tokio::net::TcpListener,
    goodbye: &str,
) {
    let shared = ssh::Shared::new(world);
    let ticker = tokio::spawn(tick(shared.clone()));
    ssh::accept_until(shared.clone(), Arc::new(config), listener, stop_signal()).await;
    ticker.abort();
    shared.world().stop(goodbye);
    // The goodbyes go out on the connections' own writers; then the clients close their side.
    // A client that does not read is not waited for past the deadline.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    while shared.writers() > 0 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let deadline = tokio::time::Instant::now() + Duration::from_secs(2);
    while !shared.world().conns.is_empty() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The server's clock: drill timeouts, solo bots and the countdown, ten times a second.
async fn tick(shared: Arc<ssh::Shared>) {
    let mut every = tokio::time::interval(Duration::from_millis(100));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        every.tick().await;
        // A bug in one table's tick must not stop the clock of every table.
        let ticked =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| shared.world().tick()));
        if ticked.is_err() {
            eprintln!("a table's clock tick failed; the server goes on");
        }
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
