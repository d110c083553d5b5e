//! A local `starknet-devnet` for end-to-end tests: started on 127.0.0.1 at a
//! free port with a fixed seed, killed when dropped, plus the devnet-only
//! JSON-RPC methods the tests use (predeployed accounts, time travel).

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use serde::Deserialize;
use serde_json::{json, Value};
use starknet_types_core::felt::Felt;

use crate::client::AccountKey;
use crate::StarknetError;

/// The devnet release whose embedded compiler is cairn's (cairo-lang 2.17.0).
pub const DEVNET_VERSION: &str = "0.8.0";

/// How to install it when it is missing.
pub const INSTALL_HINT: &str =
    "scripts/fetch-devnet.sh (installs starknet-devnet 0.8.0 into $CAIRN_CACHE/devnet; ~16 min on 2 cores the first time)";

const START_TIMEOUT: Duration = Duration::from_secs(60);

/// `$CAIRN_DEVNET`, else `$CAIRN_CACHE/devnet/bin/starknet-devnet` (the cache
/// defaulting to `~/.cache/cairn`). Fails, naming the install command, when
/// the file is absent or is another version.
pub fn locate() -> Result<PathBuf, StarknetError> {
    let path = match std::env::var_os("CAIRN_DEVNET") {
        Some(p) => PathBuf::from(p),
        None => {
            let cache = match std::env::var_os("CAIRN_CACHE") {
                Some(c) => PathBuf::from(c),
                None => {
                    let home = std::env::var_os("HOME").ok_or_else(|| {
                        StarknetError::Devnet("neither CAIRN_DEVNET, CAIRN_CACHE nor HOME is set".into())
                    })?;
                    PathBuf::from(home).join(".cache/cairn")
                }
            };
            cache.join("devnet/bin/starknet-devnet")
        }
    };
    if !path.is_file() {
        return Err(StarknetError::Devnet(format!(
            "no binary at {}; install version {DEVNET_VERSION} with {INSTALL_HINT}, or point CAIRN_DEVNET at one",
            path.display()
        )));
    }
    let version = std::process::Command::new(&path)
        .arg("--version")
        .output()
        .map_err(|e| StarknetError::Devnet(format!("running {} --version: {e}", path.display())))?;
    let version = String::from_utf8_lossy(&version.stdout);
    if !version.split_whitespace().any(|w| w == DEVNET_VERSION) {
        return Err(StarknetError::Devnet(format!(
            "{} is {:?}, cairn needs {DEVNET_VERSION} (its compiler is cairn's); install it with {INSTALL_HINT}",
            path.display(),
            version.trim()
        )));
    }
    Ok(path)
}

/// A running devnet; the process is killed when this is dropped.
pub struct Devnet {
    _child: tokio::process::Child,
    pub url: String,
    pub port: u16,
    /// Where its stdout and stderr go (removed on drop unless panicking).
    pub log: PathBuf,
    http: reqwest::Client,
}

impl Devnet {
    /// Starts `binary --host 127.0.0.1 --port <free> --seed <seed> --accounts <accounts>`
    /// and waits until it answers.
    pub async fn start(binary: &Path, accounts: u32, seed: u32) -> Result<Devnet, StarknetError> {
        let port = free_port()?;
        let log = std::env::temp_dir().join(format!("cairn-devnet-{}-{port}.log", std::process::id()));
        let log_file =
            std::fs::File::create(&log).map_err(|e| StarknetError::Devnet(format!("{}: {e}", log.display())))?;
        let log_err = log_file.try_clone().map_err(|e| StarknetError::Devnet(e.to_string()))?;
        let mut child = tokio::process::Command::new(binary)
            .args(["--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--seed", &seed.to_string(), "--accounts", &accounts.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::from(log_file))
            .stderr(Stdio::from(log_err))
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| StarknetError::Devnet(format!("starting {}: {e}", binary.display())))?;
        let url = format!("http://127.0.0.1:{port}");
        let http = reqwest::Client::new();
        let start = Instant::now();
        loop {
            if let Some(status) = child.try_wait().map_err(|e| StarknetError::Devnet(e.to_string()))? {
                let output = std::fs::read_to_string(&log).unwrap_or_default();
                return Err(StarknetError::Devnet(format!("exited with {status} while starting:\n{output}")));
            }
            if let Ok(r) = http.get(format!("{url}/is_alive")).send().await {
                if r.status().is_success() {
                    break;
                }
            }
            if start.elapsed() > START_TIMEOUT {
                return Err(StarknetError::Devnet(format!(
                    "not answering on {url} after {}s (log: {})",
                    START_TIMEOUT.as_secs(),
                    log.display()
                )));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Ok(Devnet { _child: child, url: format!("{url}/rpc"), port, log, http })
    }

    /// Calls a JSON-RPC method and returns its result.
    pub async fn rpc(&self, method: &str, params: Value) -> Result<Value, StarknetError> {
        let err = |detail: String| StarknetError::Devnet(format!("{method}: {detail}"));
        let body = json!({"jsonrpc": "2.0", "id": 1, "method": method, "params": params});
        let response = self
            .http
            .post(&self.url)
            .header("content-type", "application/json")
            .body(body.to_string())
            .send()
            .await
            .map_err(|e| err(e.to_string()))?;
        let text = response.text().await.map_err(|e| err(e.to_string()))?;
        let mut answer: Value = serde_json::from_str(&text).map_err(|e| err(format!("{e}: {text}")))?;
        if let Some(error) = answer.get("error") {
            return Err(err(error.to_string()));
        }
        Ok(answer["result"].take())
    }

    /// The funded accounts devnet deployed at start (`devnet_getPredeployedAccounts`).
    pub async fn predeployed_accounts(&self) -> Result<Vec<AccountKey>, StarknetError> {
        #[derive(Deserialize)]
        struct Predeployed {
            address: String,
            private_key: String,
        }
        let result = self.rpc("devnet_getPredeployedAccounts", json!({})).await?;
        let accounts: Vec<Predeployed> = serde_json::from_value(result)
            .map_err(|e| StarknetError::Devnet(format!("devnet_getPredeployedAccounts: {e}")))?;
        accounts
            .into_iter()
            .map(|a| {
                let felt = |s: &str| {
                    Felt::from_hex(s).map_err(|_| StarknetError::Devnet(format!("predeployed account: bad felt {s:?}")))
                };
                Ok(AccountKey::new(felt(&a.address)?, felt(&a.private_key)?))
            })
            .collect()
    }

    /// Moves the chain's clock forward and mines a block (`devnet_increaseTime`).
    pub async fn increase_time(&self, seconds: u64) -> Result<(), StarknetError> {
        self.rpc("devnet_increaseTime", json!({ "time": seconds })).await.map(|_| ())
    }
}

impl Drop for Devnet {
    /// The process is killed (`kill_on_drop`); its log is kept only when a
    /// test is failing.
    fn drop(&mut self) {
        if !std::thread::panicking() {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

/// A port nothing listens on right now.
fn free_port() -> Result<u16, StarknetError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| StarknetError::Devnet(e.to_string()))?;
    Ok(listener.local_addr().map_err(|e| StarknetError::Devnet(e.to_string()))?.port())
}
