mod facts;
mod marketplace;
mod registry;
mod setup;
