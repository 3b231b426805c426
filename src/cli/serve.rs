//! `alliance serve`: its arguments, and what it prints for the instructor (the join line, the
//! class code, the host key's fingerprint). The server itself is `crate::serve`.

use super::choices::BotChoice;
use super::output::{Outcome, print, say};
use super::{Context, fail};
use crate::serve::{self, ServeOptions};
use clap::Args;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// The address and port to listen on. The default takes only this machine; use
    /// 0.0.0.0:2222 for the class's network.
    #[arg(long, default_value = "127.0.0.1:2222", value_name = "ADDR:PORT")]
    pub listen: SocketAddr,
    /// The class code students type to join (kept for later starts). Without it, a code is
    /// made once and kept in the database.
    #[arg(long, value_name = "WORD")]
    pub code: Option<String>,
    /// The scenario every new table plays (see `alliance scenarios`).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// The class database (default: class.sqlite3 in the data folder). The host key is kept
    /// beside it.
    #[arg(long, value_name = "FILE")]
    pub db: Option<PathBuf>,
    /// The negotiation drill: seconds to answer each deal offer, timed by the server.
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub drill: Option<u64>,
    /// Minutes a connection may stay silent before it is closed (its seat waits).
    #[arg(long, default_value_t = 30, value_name = "MIN", value_parser = clap::value_parser!(u64).range(1..=1440))]
    pub idle: u64,
    /// The bot of solo tables.
    #[arg(long, value_enum, default_value_t = BotChoice::Hard)]
    pub bot: BotChoice,
    /// Seat students in advance: one `name, table, side` a line (kept; a restart with the same
    /// file changes nothing).
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// List the database's tables and exit.
    #[arg(long, conflicts_with = "export")]
    pub tables: bool,
    /// Write table N's record (for `alliance replay` and `alliance report`) and exit.
    #[arg(long, value_name = "N")]
    pub export: Option<i64>,
    /// With --export: the file to write (default: standard output).
    #[arg(long, value_name = "FILE", requires = "export")]
    pub out: Option<PathBuf>,
}

impl ServeArgs {
    fn options(&self) -> ServeOptions {
        ServeOptions {
            listen: self.listen,
            code: self.code.clone(),
            scenario: self.scenario.clone(),
            db: self.db.clone(),
            drill: self.drill,
            idle: Duration::from_secs(self.idle * 60),
            keepalive: Duration::from_secs(15),
            bot: self.bot.into(),
            roster: self.roster.clone(),
        }
    }
}

pub(super) fn run(ctx: &Context, args: &ServeArgs) -> Outcome {
    if let Some(code) = &args.code
        && (code.trim().is_empty() || code.chars().any(char::is_control) || code.len() > 32)
    {
        return fail("--code must be a word students can type (at most 32 characters).");
    }
    let result = if args.tables {
        list_tables(args.db.as_deref())
    } else if let Some(table) = args.export {
        export(args.db.as_deref(), table, args.out.as_deref())
    } else {
        start(ctx, args).map(|()| String::new())
    };
    match result {
        Ok(text) => {
            print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(why) => fail(why),
    }
}

fn open_store(db: Option<&Path>) -> Result<serve::store::Store, String> {
    let path = serve::db_path(db)?;
    if !path.exists() {
        return Err(format!("there is no class database at {}", path.display()));
    }
    serve::store::Store::open(&path)
}

fn list_tables(db: Option<&Path>) -> Result<String, String> {
    let store = open_store(db)?;
    let mut out =
        String::from("table  scenario        actions  state     washington       seoul\n");
    for t in store.tables(None)? {
        let seat = |i: usize| match &t.seats[i] {
            Some(serve::store::SeatRow::Student(n)) => n.clone(),
            Some(serve::store::SeatRow::Bot(n)) => format!("{n} (bot)"),
            None => "(open)".into(),
        };
        let _ = writeln!(
            out,
            "{:<6} {:<15} {:<8} {:<9} {:<16} {}",
            t.id,
            t.scenario.as_deref().unwrap_or("-"),
            t.steps.len(),
            if t.finished { "finished" } else { "playing" },
            seat(0),
            seat(1)
        );
    }
    Ok(out)
}

fn export(db: Option<&Path>, table: i64, out: Option<&Path>) -> Result<String, String> {
    let json = open_store(db)?.record(table)?.to_json();
    match out {
        None => Ok(json),
        Some(path) => {
            crate::classroom::store::write_atomic(path, json.as_bytes())
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            say(format!("Table {table}'s record is in {}.", path.display()));
            Ok(String::new())
        }
    }
}

fn start(ctx: &Context, args: &ServeArgs) -> Result<(), String> {
    let opts = args.options();
    let (world, key, started) = serve::open_class(ctx.content.clone(), ctx.data_dir(), &opts)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e} (is another server on that port? choose one with --listen)", opts.listen))?;
        let addr = listener.local_addr().unwrap_or(opts.listen);
        print_banner(addr, &started);
        let config = serve::ssh_config(key, &opts);
        let goodbye = "The class server is stopping. Every move is kept: join again with the same command when it is back.";
        serve::serve(world, config, listener, goodbye).await;
        banner(&format!("Stopped. Every table is kept in {}.\n", started.db.display()));
        Ok(())
    })
}

/// The lines the instructor reads out or writes on the board.
fn print_banner(addr: SocketAddr, s: &serve::Started) {
    let host = if addr.ip().is_unspecified() {
        "THIS-MACHINE".to_owned()
    } else {
        addr.ip().to_string()
    };
    let mut out = format!("Symmetric Alliance class server, listening on {addr}.\n");
    let _ = writeln!(
        out,
        "Students join with:   ssh -p {} NAME@{host}",
        addr.port()
    );
    if addr.ip().is_loopback() {
        let _ = writeln!(
            out,
            "  (this is a loopback address: only this machine can join; use --listen 0.0.0.0:{} for the class)",
            addr.port()
        );
    } else if addr.ip().is_unspecified() {
        out += "  (THIS-MACHINE: this computer's name or address on the class network)\n";
    }
    let _ = writeln!(out, "Class code:           {}", s.code);
    let _ = writeln!(out, "Host key:             {}", s.fingerprint);
    let _ = writeln!(
        out,
        "Facilitator:          ssh -p {} facilitator@{host}   password {}",
        addr.port(),
        s.password
    );
    let _ = writeln!(
        out,
        "  (a new password at each start; it is also in {})",
        s.log.display()
    );
    let _ = writeln!(out, "Database:             {}", s.db.display());
    let _ = writeln!(out, "Tables resumed:       {}", s.resumed);
    for p in &s.problems {
        let _ = writeln!(out, "  not resumed: {p}");
    }
    out += "Ctrl-C stops the server; every move is already kept.\n";
    banner(&out);
}

/// The instructor's lines. The server keeps serving the class even when its own output is gone
/// (a closed pipe, a full disk), so a failed write is said once on standard error, not fatal.
fn banner(text: &str) {
    if let Err(e) = print(text)
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        say(format!("alliance: cannot write the output: {e}"));
    }
}
