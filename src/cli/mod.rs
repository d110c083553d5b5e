pub mod commands;
pub mod execute;
pub mod render;
