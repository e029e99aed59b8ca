//! The one integration-test binary (it links once, so the suite builds fast).
//! Each module is named after what it guards.

mod support;

mod scripted;
