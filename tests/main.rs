//! The one integration-test binary (it links once, so the suite builds fast).
//! Each module is named after what it guards.

// Tests print what they saw when they fail; a panic there is the point.
#![allow(clippy::disallowed_macros)]

mod support;

mod bank;
mod checkins;
mod crash;
mod diskfull;
mod exercise;
mod export;
mod history;
mod hostile;
mod layers;
mod locks;
mod log;
mod malformed;
mod outside;
mod privacy;
mod profile;
mod props;
mod pty;
mod readability;
mod readme;
mod regions;
mod rescue;
mod resume;
mod scenarios;
mod scripted;
mod stress;
