pub mod commands;
pub mod execute;
pub mod progress;
pub mod render;
