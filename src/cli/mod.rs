pub mod bench;
pub mod commands;
pub mod execute;
pub mod profile;
pub mod progress;
pub mod prove;
pub mod registry;
pub mod render;
