//! Where the corelib lives. It is not in any cairo-lang crate; the crates.io
//! package below ships a complete copy, which scripts/fetch-corelib.sh extracts
//! into the cache (docs/cairo-toolchain.md explains the choice).

use std::path::PathBuf;

pub const CORELIB_SOURCE: &str = "the crates.io package cairo-native 0.9.0-rc.5";

/// cairn's cache: `$CAIRN_CACHE`, defaulting to `~/.cache/cairn` (the same
/// rule as scripts/env.sh). The corelib, generated packages and build
/// products live there, outside any checkout.
pub fn cache_dir() -> PathBuf {
    std::env::var_os("CAIRN_CACHE").map(PathBuf::from).unwrap_or_else(|| {
        std::env::var_os("HOME").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(".")).join(".cache/cairn")
    })
}

/// `$CAIRN_CACHE/corelib/cairo-native-0.9.0-rc.5`.
pub fn default_corelib_dir() -> PathBuf {
    cache_dir().join("corelib/cairo-native-0.9.0-rc.5")
}
