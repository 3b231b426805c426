//! The server's host key and the class code. Both need real secrecy, so they come from the
//! operating system's random source, never from the game's seeded streams (a seeded key or code
//! could be guessed). The key is made on first start and kept beside the database, so students'
//! SSH clients see the same key every time.

use russh::keys::ssh_key::{HashAlg, LineEnding};
use russh::keys::{Algorithm, PrivateKey};
use std::path::Path;

/// The host key in `path`, made and kept there if it does not exist yet.
pub fn load_or_make(path: &Path) -> Result<PrivateKey, String> {
    if path.exists() {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the host key {}: {e}", path.display()))?;
        return PrivateKey::from_openssh(text.as_bytes()).map_err(|e| {
            format!(
                "the host key {} is damaged ({e}); move it away to make a new one (students' clients will then warn that the key changed)",
                path.display()
            )
        });
    }
    let key = PrivateKey::random(&mut rand::rng(), Algorithm::Ed25519)
        .map_err(|e| format!("cannot make a host key: {e}"))?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| format!("cannot write the host key: {e}"))?;
    write_private(path, text.as_bytes())
        .map_err(|e| format!("cannot keep the host key in {}: {e}", path.display()))?;
    Ok(key)
}

/// Writes a file only its owner can read (a host key must not be readable by others).
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut file = opts.open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// The key's fingerprint as `ssh` shows it (`SHA256:...`), for students to check.
pub fn fingerprint(key: &PrivateKey) -> String {
    key.public_key().fingerprint(HashAlg::Sha256).to_string()
}

const WORDS: &[&str] = &[
    "amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "iris", "jade",
    "kestrel", "lark", "maple", "nova", "orchid", "pine", "quartz", "river", "sage", "tide",
    "umber", "valley", "willow", "yarrow", "zephyr", "basalt", "coral", "dune", "flint", "heron",
];

/// A class code easy to say aloud and type: a word and two digits.
pub fn fresh_code() -> String {
    use rand::RngExt;
    let mut rng = rand::rng();
    let word = WORDS[rng.random_range(0..WORDS.len())];
    format!("{word}-{:02}", rng.random_range(0..100u32))
}

/// The facilitator's password, made fresh at each start: three words and four digits, easy to
/// read off the screen and type, from the operating system's random source.
pub fn fresh_password() -> String {
    use rand::RngExt;
    let mut rng = rand::rng();
    let mut word = || WORDS[rng.random_range(0..WORDS.len())];
    let (a, b, c) = (word(), word(), word());
    format!("{a}-{b}-{c}-{:04}", rand::rng().random_range(0..10_000u32))
}
