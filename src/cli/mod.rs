pub mod bench;
pub mod commands;
pub mod execute;
pub mod progress;
pub mod prove;
pub mod render;
