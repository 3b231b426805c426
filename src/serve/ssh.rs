//! The SSH side: one handler per connection (russh calls it for each request), one writer task
//! per connection that sends frames as the world draws them, and the accept loop. The handler
//! never sends frames itself: it runs inside the connection's session loop, which is also what
//! drains outgoing data, so waiting on a send there could stall the connection.

use super::table::ConnId;
use super::world::{FACILITATOR, Out, RESERVED_NAMES, World};
use russh::server::{Auth, ChannelOpenHandle, Handle, Handler, Msg, Session};
use russh::{Channel, ChannelId, Pty};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::net::TcpListener;
use tokio::sync::Notify;

/// What every connection shares.
pub struct Shared {
    world: Mutex<World>,
    /// Writers still running: at a stop, each ends once its goodbye is sent.
    writers: AtomicUsize,
}

impl Shared {
    pub fn new(world: World) -> Arc<Shared> {
        Arc::new(Shared {
            world: Mutex::new(world),
            writers: AtomicUsize::new(0),
        })
    }
    pub fn writers(&self) -> usize {
        self.writers.load(Ordering::SeqCst)
    }
    /// The world, even after a panic elsewhere: one table's bug must not stop every table.
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(|p| p.into_inner())
    }
}

const NO_PTY: &str = "alliance serve is a game for the terminal: connect without -T (and without a command), for example `ssh -p PORT NAME@HOST`.\r\n";

/// One connection, from its handshake to its end.
pub struct Client {
    shared: Arc<Shared>,
    id: ConnId,
    user: String,
    channel: Option<ChannelId>,
    size: Option<(u16, u16)>,
    started: bool,
    /// The facilitator's password was given at the handshake.
    facilitator: bool,
}

impl Client {
    pub fn new(shared: Arc<Shared>) -> Client {
        let id = shared.world().new_conn_id();
        Client {
            shared,
            id,
            user: String::new(),
            channel: None,
            size: None,
            started: false,
            facilitator: false,
        }
    }

    fn accept_user(&mut self, user: &str) -> Auth {
        // The instructor's name opens the console, and only with the password of this start:
        // any other way in is refused, and the client is told to ask for the password.
        if RESERVED_NAMES.contains(&user.to_lowercase().as_str()) {
            return Auth::Reject {
                proceed_with_methods: Some(russh::MethodSet::from(
                    &[russh::MethodKind::Password][..],
                )),
                partial_success: false,
            };
        }
        self.user = user.to_owned();
        Auth::Accept
    }

    fn check_password(&mut self, user: &str, password: &str) -> Auth {
        if !user.eq_ignore_ascii_case(FACILITATOR) {
            return self.accept_user(user);
        }
        let world = self.shared.world();
        if password == world.setup.password {
            drop(world);
            self.user = FACILITATOR.to_owned();
            self.facilitator = true;
            return Auth::Accept;
        }
        if let Some(log) = &world.setup.log {
            log.line("a wrong facilitator password was refused");
        }
        Auth::Reject {
            proceed_with_methods: Some(russh::MethodSet::from(&[russh::MethodKind::Password][..])),
            partial_success: false,
        }
    }
}

fn clamp(v: u32) -> u16 {
    u16::try_from(v).unwrap_or(u16::MAX)
}

impl Drop for Client {
    fn drop(&mut self) {
        self.shared.world().disconnect(self.id);
    }
}

impl Handler for Client {
    type Error = russh::Error;

    async fn auth_none(&mut self, user: &str) -> Result<Auth, Self::Error> {
        Ok(self.accept_user(user))
    }

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        Ok(self.check_password(user, password))
    }

    async fn auth_publickey(
        &mut self,
        user: &str,
        _key: &russh::keys::ssh_key::PublicKey,
    ) -> Result<Auth, Self::Error> {
        Ok(self.accept_user(user))
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One game per connection: a second session channel is refused (dropping the reply).
        if self.channel.is_none() {
            self.channel = Some(channel.id());
            reply.accept().await;
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        cols: u32,
        rows: u32,
        _pix_w: u32,
        _pix_h: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = Some((clamp(cols), clamp(rows)));
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel != Some(channel) || self.started {
            return session.channel_failure(channel);
        }
        let Some(size) = self.size else {
            return refuse(channel, session, NO_PTY);
        };
        session.channel_success(channel)?;
        self.started = true;
        let wake = Arc::new(Notify::new());
        let mut world = self.shared.world();
        if self.facilitator {
            world.join_console(self.id, size, wake.clone());
        } else {
            world.join(self.id, &self.user, size, wake.clone());
        }
        drop(world);
        let writer = Writer {
            shared: self.shared.clone(),
            id: self.id,
            wake,
            handle: session.handle(),
            channel,
        };
        tokio::spawn(writer.run());
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        refuse(channel, session, NO_PTY)
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.started {
            self.shared.world().input(self.id, data);
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        cols: u32,
        rows: u32,
        _pix_w: u32,
        _pix_h: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.size = Some((clamp(cols), clamp(rows)));
        self.shared
            .world()
            .resize(self.id, clamp(cols), clamp(rows));
        Ok(())
    }

    async fn channel_eof(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.close(channel)
    }
}

/// Says why, then ends the channel (a session without a terminal, or a command).
fn refuse(channel: ChannelId, session: &mut Session, why: &str) -> Result<(), russh::Error> {
    session.channel_success(channel)?;
    session.data(channel, why.as_bytes().to_vec())?;
    session.exit_status_request(channel, 1)?;
    session.eof(channel)?;
    session.close(channel)
}

/// Sends a connection's frames. One frame is in flight at a time: while the client is slow to
/// read, changes pile up as one dirty flag, and the next frame shows them all, so a stalled
/// client costs frames, never the server's memory.
struct Writer {
    shared: Arc<Shared>,
    id: ConnId,
    wake: Arc<Notify>,
    handle: Handle,
    channel: ChannelId,
}

impl Writer {
    async fn run(self) {
        self.shared.writers.fetch_add(1, Ordering::SeqCst);
        self.send_frames().await;
        self.shared.writers.fetch_sub(1, Ordering::SeqCst);
    }

    async fn send_frames(&self) {
        loop {
            self.wake.notified().await;
            let out = self.shared.world().frame(self.id);
            match out {
                Out::Nothing => {}
                Out::Gone => break,
                Out::Frame(bytes) => {
                    if self.handle.data(self.channel, bytes).await.is_err() {
                        break;
                    }
                }
                Out::Goodbye(bytes) => {
                    let _ = self.handle.data(self.channel, bytes).await;
                    // The ssh client may exit on the close before its terminal has taken the
                    // last frame and the goodbye; a short pause lets them land first.
                    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                    let _ = self.handle.exit_status_request(self.channel, 0).await;
                    let _ = self.handle.eof(self.channel).await;
                    let _ = self.handle.close(self.channel).await;
                    break;
                }
            }
        }
    }
}

/// Accepts connections until `stop` resolves. Each connection's handshake and session run on
/// their own task, so one broken client never holds up another.
pub async fn accept_until(
    shared: Arc<Shared>,
    config: Arc<russh::server::Config>,
    listener: TcpListener,
    stop: impl std::future::Future<Output = ()>,
) {
    tokio::pin!(stop);
    loop {
        tokio::select! {
            _ = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((socket, _peer)) = accepted else { continue };
                let _ = socket.set_nodelay(true);
                let handler = Client::new(shared.clone());
                let config = config.clone();
                tokio::spawn(async move {
                    if let Ok(session) = russh::server::run_stream(config, socket, handler).await {
                        let _ = session.await;
                    }
                });
            }
        }
    }
}
